#include "LogOutput.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMutex>
#include <QReadWriteLock>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <utility>

namespace Tributary {

namespace {

constexpr int kMinSecretLength = 6;
constexpr int kLevelWidth = 8; // "critical"
const QLatin1String kMask("***");
const QLatin1String kIndent("    ");

struct SecretList
{
    QReadWriteLock lock;
    QStringList values; // longest first, so a secret containing another one is masked whole
};

struct Sink
{
    QMutex mutex;
    bool installed = false;
    QtMessageHandler previous = nullptr;
    LogOutput::Format format = LogOutput::Format::Text;
    FILE *stream = stderr;
    qint64 pid = 0;
};

// Never destroyed: messages can still arrive from static destructors and threads that outlive
// main(), and they must not find a destroyed mutex.
SecretList &secretList()
{
    static auto *list = new SecretList;
    return *list;
}

Sink &sink()
{
    static auto *s = new Sink;
    return *s;
}

// Replaces every match of `re` in `text` by what `replacement` makes of it.
QString replaceMatches(const QString &text, const QRegularExpression &re,
                       const std::function<QString(const QRegularExpressionMatch &)> &replacement)
{
    QRegularExpressionMatchIterator it = re.globalMatch(text);
    if (!it.hasNext())
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += replacement(m);
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QString redactPatterns(const QString &text)
{
    // One set per thread: the handler runs on worker threads, and QRegularExpression is only
    // documented as reentrant.
    static thread_local const QRegularExpression header(
        QStringLiteral("\\b((?:Proxy-)?Authorization|X-[\\w-]*?(?:Signature|Token|Key)[\\w-]*)"
                       "(\\s*[:=]|[\"']\\s*[:=,])\\s*([\"']?)"),
        QRegularExpression::CaseInsensitiveOption);
    // Schemes whose credentials are one token; after any other scheme (Digest has several
    // fields) the whole value goes.
    static thread_local const QRegularExpression tokenScheme(
        QStringLiteral("^(Bearer|Basic|Token|ApiKey|Key)\\s+[^\\s\"',;]+"), QRegularExpression::CaseInsensitiveOption);
    // RFC 6750's b64token; case-sensitive so that prose ("the bearer token") stays readable.
    static thread_local const QRegularExpression bearer(QStringLiteral("\\bBearer\\s+[A-Za-z0-9._~+/-]+=*"));
    // The password of user info in a URL (https://user:password@host/).
    static thread_local const QRegularExpression userInfo(QStringLiteral("(\\b[A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]*:)[^/\\s@]+@"));
    static thread_local const QRegularExpression query(
        QStringLiteral("([?&;](?:[\\w.-]*(?:token|secret|password|passwd|signature)[\\w.-]*"
                       "|(?:[\\w.-]*[_-])?(?:api)?key)=)[^&#\\s\"'<>]*"),
        QRegularExpression::CaseInsensitiveOption);

    QString out = text;
    if (out.contains(QLatin1String("author"), Qt::CaseInsensitive) || out.contains(QLatin1String("x-"), Qt::CaseInsensitive)) {
        // The header regex cannot say where a value ends, so the value is cut here: up to the
        // closing quote when quoted, else one token (or, for Authorization without a known
        // scheme, the rest of the line).
        QString result;
        qsizetype last = 0;
        QRegularExpressionMatchIterator it = header.globalMatch(out);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (m.capturedStart() < last)
                continue;
            const bool authorization = m.captured(1).endsWith(QLatin1String("authorization"), Qt::CaseInsensitive);
            // "X-Amz-Signature=…" is a query parameter, left to the query rule below.
            if (!authorization && m.captured(2).endsWith(QLatin1Char('=')))
                continue;
            const qsizetype valueStart = m.capturedEnd();
            const QString quote = m.captured(3);
            qsizetype valueEnd = valueStart;
            if (!quote.isEmpty()) {
                // Up to the closing quote; a backslash escapes the next character (JSON, QDebug).
                while (valueEnd < out.size() && out.at(valueEnd) != quote.at(0) && out.at(valueEnd) != QLatin1Char('\n')) {
                    if (out.at(valueEnd) == QLatin1Char('\\') && valueEnd + 1 < out.size())
                        ++valueEnd;
                    ++valueEnd;
                }
            } else {
                auto endsValue = [authorization](QChar c) {
                    if (c == QLatin1Char('\n') || c == QLatin1Char('\r'))
                        return true;
                    return !authorization && (c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char(';'));
                };
                while (valueEnd < out.size() && !endsValue(out.at(valueEnd)))
                    ++valueEnd;
            }
            if (valueEnd == valueStart)
                continue;
            const QStringView value = QStringView(out).mid(valueStart, valueEnd - valueStart);
            result += QStringView(out).mid(last, valueStart - last);
            const QRegularExpressionMatch scheme = authorization ? tokenScheme.match(value.toString()) : QRegularExpressionMatch();
            if (scheme.hasMatch()) {
                result += scheme.captured(1) + QLatin1Char(' ') + kMask;
                result += value.mid(scheme.capturedEnd());
            } else {
                result += kMask;
            }
            last = valueEnd;
        }
        if (last > 0) {
            result += QStringView(out).mid(last);
            out = result;
        }
    }
    if (out.contains(QLatin1String("Bearer")))
        out.replace(bearer, QStringLiteral("Bearer ***"));
    if (out.contains(QLatin1String("://")))
        out = replaceMatches(out, userInfo, [](const QRegularExpressionMatch &m) { return m.captured(1) + kMask + QLatin1Char('@'); });
    if (out.contains(QLatin1Char('=')))
        out = replaceMatches(out, query, [](const QRegularExpressionMatch &m) { return m.captured(1) + kMask; });
    return out;
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "critical";
    case QtFatalMsg: return "fatal";
    }
    return "info";
}

void appendJsonString(QByteArray *out, const QString &s)
{
    static const char hex[] = "0123456789abcdef";
    out->append('"');
    const QByteArray utf8 = s.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out->append("\\\""); break;
        case '\\': out->append("\\\\"); break;
        case '\n': out->append("\\n"); break;
        case '\r': out->append("\\r"); break;
        case '\t': out->append("\\t"); break;
        default:
            if (u < 0x20) {
                out->append("\\u00");
                out->append(hex[u >> 4]);
                out->append(hex[u & 0xf]);
            } else {
                out->append(c);
            }
        }
    }
    out->append('"');
}

QByteArray jsonLine(const QString &time, QtMsgType type, const QString &category, const QString &message, qint64 pid)
{
    QByteArray line;
    line.reserve(message.size() + category.size() + 96);
    line.append("{\"time\":");
    appendJsonString(&line, time);
    line.append(",\"level\":\"").append(levelName(type)).append('"');
    line.append(",\"category\":");
    appendJsonString(&line, category);
    line.append(",\"message\":");
    appendJsonString(&line, message);
    line.append(",\"pid\":").append(QByteArray::number(pid)).append("}\n");
    return line;
}

QByteArray textLine(const QString &time, QtMsgType type, const QString &category, const QString &message)
{
    QString text = message;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    while (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    // Continuation lines are indented: an entry always starts with its time, so a message cannot
    // forge one.
    text.replace(QLatin1String("\n"), QLatin1String("\n") + kIndent);
    const QString line = time + QLatin1Char(' ') + QString::fromLatin1(levelName(type)).leftJustified(kLevelWidth)
        + QLatin1Char(' ') + category + QLatin1String(": ") + text + QLatin1Char('\n');
    return line.toUtf8();
}

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString category = context.category ? QString::fromUtf8(context.category) : QStringLiteral("default");
    const QString redacted = LogOutput::redact(message);

    Sink &s = sink();
    QMutexLocker locker(&s.mutex);
    if (!s.installed) {
        // uninstall() ran while this message was on its way: the stream may be gone.
        const QtMessageHandler previous = s.previous;
        locker.unlock();
        if (previous)
            previous(type, context, redacted);
        return;
    }
    const QByteArray line = s.format == LogOutput::Format::Json ? jsonLine(time, type, category, redacted, s.pid)
                                                                : textLine(time, type, category, redacted);
    std::fwrite(line.constData(), 1, size_t(line.size()), s.stream);
    std::fflush(s.stream);
}

} // namespace

bool LogOutput::parseFormat(const QString &name, Format *format)
{
    if (name == QLatin1String("text")) {
        *format = Format::Text;
        return true;
    }
    if (name == QLatin1String("json")) {
        *format = Format::Json;
        return true;
    }
    return false;
}

void LogOutput::install(Format format, FILE *stream)
{
    Sink &s = sink();
    QMutexLocker locker(&s.mutex);
    s.format = format;
    s.stream = stream ? stream : stderr;
    s.pid = QCoreApplication::applicationPid();
    if (s.installed)
        return;
    s.installed = true;
    s.previous = qInstallMessageHandler(messageHandler);
}

void LogOutput::uninstall()
{
    Sink &s = sink();
    QMutexLocker locker(&s.mutex);
    if (!s.installed)
        return;
    s.installed = false;
    qInstallMessageHandler(s.previous);
}

void LogOutput::addSecret(const QString &secret)
{
    if (secret.size() < kMinSecretLength)
        return;
    QStringList forms{secret};
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
    if (encoded != secret)
        forms.append(encoded);

    SecretList &list = secretList();
    QWriteLocker locker(&list.lock);
    for (const QString &form : forms) {
        if (list.values.contains(form))
            continue;
        auto it = list.values.begin();
        while (it != list.values.end() && it->size() >= form.size())
            ++it;
        list.values.insert(it, form);
    }
}

QString LogOutput::redact(const QString &text)
{
    QString out = text;
    {
        SecretList &list = secretList();
        QReadLocker locker(&list.lock);
        for (const QString &secret : std::as_const(list.values))
            out.replace(secret, kMask);
    }
    return redactPatterns(out);
}

} // namespace Tributary
