#include "ForumJson.h"

namespace Tributary {

void ForumJson::appendString(QByteArray &out, const QByteArray &utf8)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    const char *p = utf8.constData();
    const qsizetype n = utf8.size();
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(p + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"': out.append("\\\"", 2); break;
        case '\\': out.append("\\\\", 2); break;
        case '\n': out.append("\\n", 2); break;
        case '\r': out.append("\\r", 2); break;
        case '\t': out.append("\\t", 2); break;
        case '\b': out.append("\\b", 2); break;
        case '\f': out.append("\\f", 2); break;
        default: {
            const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            out.append(esc, 6);
        }
        }
    }
    out.append(p + runStart, n - runStart);
    out.append('"');
}

void ForumJson::appendString(QByteArray &out, const QString &text)
{
    appendString(out, text.toUtf8());
}

QByteArray ForumJson::quoted(const QString &text)
{
    QByteArray out;
    appendString(out, text);
    return out;
}

QByteArray ForumJson::message(const QString &text)
{
    return QByteArrayLiteral("{\"message\":") + quoted(text) + '}';
}

} // namespace Tributary
