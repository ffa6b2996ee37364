#include "ForumCursor.h"

#include "forum-sim/ForumJson.h"
#include "forum-sim/ForumTime.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Tributary {

QByteArray ForumCursor::encode() const
{
    QByteArray json = "{";
    if (sortByUpdated) {
        json += "\"updated_at\":\"" + ForumTime::toApi(updatedAt) + "\",";
    }
    json += "\"id\":" + QByteArray::number(id) + ",\"_pointsToNextItems\":"
        + (pointsToNextItems ? "true" : "false") + "}";
    return json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool ForumCursor::decode(const QString &text, bool sortByUpdated, ForumCursor *cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject o = doc.object();
    const QJsonValue id = o.value(QLatin1String("id"));
    if (!id.isDouble() || id.toDouble() != double(qint64(id.toDouble())) || id.toDouble() < 0)
        return false;
    ForumCursor c;
    c.sortByUpdated = sortByUpdated;
    c.id = qint64(id.toDouble());
    const QJsonValue next = o.value(QLatin1String("_pointsToNextItems"));
    if (!next.isUndefined() && !next.isBool())
        return false;
    c.pointsToNextItems = next.toBool(true);
    const QJsonValue updated = o.value(QLatin1String("updated_at"));
    // A cursor made for the other sort order names a position in a different sequence.
    if (sortByUpdated != !updated.isUndefined())
        return false;
    if (sortByUpdated
        && (!updated.isString() || !ForumTime::parseIso(updated.toString(), &c.updatedAt)))
        return false;
    *cursor = c;
    return true;
}

} // namespace Tributary
