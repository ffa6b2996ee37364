#pragma once

#include <QByteArray>
#include <QString>

namespace Tributary {

// Hand-written JSON output for the hot listing path: building QJsonDocuments for a thousand
// records per page costs more than the SQL that reads them.
class ForumJson
{
public:
    static void appendString(QByteArray &out, const QByteArray &utf8);
    static void appendString(QByteArray &out, const QString &text);
    static QByteArray quoted(const QString &text);
    // {"message":"..."}
    static QByteArray message(const QString &text);
};

} // namespace Tributary
