#include "LinkHeader.h"

namespace Tributary {

namespace {

void skipSpace(const QString &s, int &i)
{
    while (i < s.size() && (s.at(i) == QLatin1Char(' ') || s.at(i) == QLatin1Char('\t')))
        ++i;
}

// Skips to just after the next comma outside quotes and angle brackets: recovery from garbage.
void skipToNextLink(const QString &s, int &i)
{
    bool quoted = false;
    for (; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (quoted) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('"'))
                quoted = false;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            ++i;
            return;
        }
    }
}

} // namespace

QList<LinkHeader::Link> LinkHeader::parse(const QByteArray &value)
{
    const QString s = QString::fromUtf8(value);
    QList<Link> links;
    int i = 0;
    while (i < s.size()) {
        skipSpace(s, i);
        if (i >= s.size())
            break;
        if (s.at(i) == QLatin1Char(',')) {
            ++i;
            continue;
        }
        if (s.at(i) != QLatin1Char('<')) {
            skipToNextLink(s, i);
            continue;
        }
        const int close = s.indexOf(QLatin1Char('>'), i + 1);
        if (close < 0)
            break;
        Link link;
        link.target = s.mid(i + 1, close - i - 1).trimmed();
        i = close + 1;
        bool bad = false;
        // link-params: *( OWS ";" OWS link-param ), link-param = token BWS [ "=" BWS ( token / quoted-string ) ]
        for (;;) {
            skipSpace(s, i);
            if (i >= s.size() || s.at(i) == QLatin1Char(','))
                break;
            if (s.at(i) != QLatin1Char(';')) {
                bad = true;
                break;
            }
            ++i;
            skipSpace(s, i);
            const int nameStart = i;
            while (i < s.size() && s.at(i) != QLatin1Char('=') && s.at(i) != QLatin1Char(';')
                   && s.at(i) != QLatin1Char(',') && s.at(i) != QLatin1Char(' ') && s.at(i) != QLatin1Char('\t'))
                ++i;
            const QString name = s.mid(nameStart, i - nameStart).toLower();
            skipSpace(s, i);
            QString val;
            if (i < s.size() && s.at(i) == QLatin1Char('=')) {
                ++i;
                skipSpace(s, i);
                if (i < s.size() && s.at(i) == QLatin1Char('"')) {
                    ++i;
                    while (i < s.size() && s.at(i) != QLatin1Char('"')) {
                        if (s.at(i) == QLatin1Char('\\') && i + 1 < s.size())
                            ++i;
                        val += s.at(i);
                        ++i;
                    }
                    if (i >= s.size()) {
                        bad = true;
                        break;
                    }
                    ++i; // closing quote
                } else {
                    const int vs = i;
                    while (i < s.size() && s.at(i) != QLatin1Char(';') && s.at(i) != QLatin1Char(',')
                           && s.at(i) != QLatin1Char(' ') && s.at(i) != QLatin1Char('\t'))
                        ++i;
                    val = s.mid(vs, i - vs);
                }
            }
            if (name.isEmpty()) {
                bad = true;
                break;
            }
            if (!link.params.contains(name))
                link.params.insert(name, val);
        }
        if (bad) {
            skipToNextLink(s, i);
            continue;
        }
        const QString rel = link.params.value(QStringLiteral("rel"));
        link.rels = rel.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        links.append(link);
        if (i < s.size() && s.at(i) == QLatin1Char(','))
            ++i;
    }
    return links;
}

QUrl LinkHeader::find(const QByteArray &value, const QString &rel, const QUrl &base)
{
    const QString wanted = rel.toLower();
    const QList<Link> links = parse(value);
    for (const Link &l : links) {
        if (l.rels.contains(wanted)) {
            const QUrl target(l.target);
            return base.isValid() ? base.resolved(target) : target;
        }
    }
    return {};
}

} // namespace Tributary
