#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Tributary {

// RFC 8288 Web Linking: `Link: <https://api/items?page=2>; rel="next", <...>; rel="last"`.
struct LinkHeader
{
    struct Link
    {
        QString target;                 // the URI reference as written between < and >
        QStringList rels;               // lower-cased relation types (rel may hold several)
        QHash<QString, QString> params; // lower-cased names; the first occurrence wins (RFC 8288 §3)
    };

    // Parses one header value; several Link headers joined with ", " parse as one. Malformed
    // link-values are skipped, the rest still parse.
    static QList<Link> parse(const QByteArray &value);
    // The target of the first link with relation `rel`, resolved against `base`; invalid if none.
    static QUrl find(const QByteArray &value, const QString &rel, const QUrl &base);
};

} // namespace Tributary
