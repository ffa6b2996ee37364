#include "ConfigFile.h"

#include "ConfigReader.h"
#include "util/Tr.h"

#include <QFile>
#include <QJsonDocument>
#include <QList>
#include <QSet>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Tributary {

namespace {

// A QJsonDocument-independent walk over JSON text that is already known to parse: only
// objects, arrays, strings and the separators matter; numbers and literals are skipped.
class KeyScan
{
public:
    explicit KeyScan(const QByteArray &json) : m_json(json) {}

    QStringList run()
    {
        while (m_pos < m_json.size()) {
            const char c = m_json.at(m_pos);
            switch (c) {
            case '{':
                open(true);
                break;
            case '[':
                open(false);
                break;
            case '}':
            case ']':
                if (!m_stack.isEmpty())
                    m_stack.removeLast();
                ++m_pos;
                break;
            case ',':
                if (!m_stack.isEmpty()) {
                    Frame &top = m_stack.last();
                    if (top.object)
                        top.expectKey = true;
                    else
                        ++top.index;
                }
                ++m_pos;
                break;
            case '"': {
                const QString s = string();
                if (!m_stack.isEmpty() && m_stack.last().object && m_stack.last().expectKey) {
                    Frame &top = m_stack.last();
                    top.expectKey = false;
                    top.key = s;
                    if (top.keys.contains(s))
                        m_duplicates.append(child(top, s));
                    top.keys.insert(s);
                }
                break;
            }
            default:
                ++m_pos; // ':', white space, numbers, true, false, null
            }
        }
        return m_duplicates;
    }

private:
    struct Frame
    {
        bool object = false;
        QString path;
        QSet<QString> keys;
        QString key;  // objects: the key whose value comes next
        int index = 0; // arrays: the element being read
        bool expectKey = true;
    };

    static QString child(const Frame &parent, const QString &key)
    {
        return parent.path.isEmpty() ? key : parent.path + QLatin1Char('.') + key;
    }

    void open(bool object)
    {
        Frame f;
        f.object = object;
        if (!m_stack.isEmpty()) {
            const Frame &parent = m_stack.last();
            f.path = parent.object ? child(parent, parent.key) : parent.path + QStringLiteral("[%1]").arg(parent.index);
        }
        m_stack.append(f);
        ++m_pos;
    }

    // The string starting at m_pos (a '"'), unescaped; m_pos ends after its closing quote.
    QString string()
    {
        ++m_pos;
        QByteArray raw;
        QString out;
        auto flush = [&] {
            out += QString::fromUtf8(raw);
            raw.clear();
        };
        while (m_pos < m_json.size()) {
            const char c = m_json.at(m_pos++);
            if (c == '"')
                break;
            if (c != '\\') {
                raw.append(c);
                continue;
            }
            if (m_pos >= m_json.size())
                break;
            const char e = m_json.at(m_pos++);
            switch (e) {
            case 'b': raw.append('\b'); break;
            case 'f': raw.append('\f'); break;
            case 'n': raw.append('\n'); break;
            case 'r': raw.append('\r'); break;
            case 't': raw.append('\t'); break;
            case 'u': {
                bool ok = false;
                const ushort unit = m_json.mid(m_pos, 4).toUShort(&ok, 16);
                m_pos += 4;
                flush();
                if (ok)
                    out += QChar(unit); // surrogate pairs come as two escapes and join here
                break;
            }
            default: raw.append(e); // \" \\ \/
            }
        }
        flush();
        return out;
    }

    const QByteArray &m_json;
    qsizetype m_pos = 0;
    QList<Frame> m_stack;
    QStringList m_duplicates;
};

} // namespace

QStringList ConfigFile::duplicateKeys(const QByteArray &json)
{
    return KeyScan(json).run();
}

bool ConfigFile::readObject(const QString &path, QJsonObject *out, QStringList *errors, qint64 maxBytes)
{
    // Not blocking: opening a FIFO for reading would otherwise wait for a writer forever.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        errors->append(Tr::tr("%1: cannot open: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
        return false;
    }
    QFile f;
    if (!f.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        errors->append(Tr::tr("%1: cannot open: %2").arg(path, f.errorString()));
        return false;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        errors->append(Tr::tr("%1: not a regular file (a device, a pipe or a directory cannot hold a configuration)").arg(path));
        return false;
    }
    // At most one byte more than allowed: enough to know it is too large, whatever it claims.
    const QByteArray text = f.read(maxBytes + 1);
    if (text.size() > maxBytes) {
        errors->append(Tr::tr("%1: larger than %2 bytes, the limit for this file").arg(path, QString::number(maxBytes)));
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
    if (pe.error != QJsonParseError::NoError) {
        errors->append(Tr::tr("%1: not valid JSON at offset %2: %3").arg(path, QString::number(pe.offset), pe.errorString()));
        return false;
    }
    if (!doc.isObject()) {
        errors->append(Tr::tr("%1: expected a JSON object at the top level").arg(path));
        return false;
    }
    const QStringList duplicates = duplicateKeys(text);
    for (const QString &key : duplicates)
        errors->append(Tr::tr("%1: %2: this key is written more than once in the same object; JSON keeps only the last one, "
                              "so remove the others")
                           .arg(path, ConfigReader::printable(key)));
    if (!duplicates.isEmpty())
        return false;
    *out = doc.object();
    return true;
}

} // namespace Tributary
