#pragma once

#include <QByteArray>
#include <QString>

namespace Tributary {

// An opaque cursor, Laravel style: base64url of a JSON object holding the keyset position
// ({"updated_at":…, "id":…, "_pointsToNextItems":true}). The position names a record, not an
// offset, so inserts, updates and deletes elsewhere never make a walk skip or repeat records.
struct ForumCursor
{
    bool sortByUpdated = false;
    qint64 id = 0;
    QByteArray updatedAt;         // database text; set when sortByUpdated
    bool pointsToNextItems = true;

    QByteArray encode() const;
    // Returns false when text is not a cursor this server made for the given sort.
    static bool decode(const QString &text, bool sortByUpdated, ForumCursor *cursor);
};

} // namespace Tributary
