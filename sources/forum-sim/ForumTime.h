#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace Tributary {

// Timestamp conversions for forum-sim. The database stores UTC as "YYYY-MM-DD HH:MM:SS.ffffff"
// (always six fraction digits, so string order is time order and SQL compares strings); the API
// shows Laravel's "YYYY-MM-DDTHH:MM:SS.ffffffZ".
class ForumTime
{
public:
    // Microseconds since the Unix epoch to database text.
    static QByteArray formatDb(qint64 usecsSinceEpoch);
    // The wall clock now, with microseconds, as database text.
    static QByteArray nowDb();
    // Database text to API text; tolerates values without a fraction written by other programs.
    static void appendApi(QByteArray &out, const char *db, qsizetype len);
    static QByteArray toApi(const QByteArray &db);
    // Parses an ISO-8601 timestamp (fraction optional, "Z", "+00:00" or another offset, or none
    // meaning UTC) into database text. Returns false when it is not a valid timestamp.
    static bool parseIso(const QString &text, QByteArray *db);
    // Database text to microseconds since the epoch; returns false when malformed.
    static bool parseDb(const QByteArray &db, qint64 *usecs);
};

} // namespace Tributary
