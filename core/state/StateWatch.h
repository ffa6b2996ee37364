#pragma once

#include "util/Result.h"

#include <QStringList>

namespace Tributary {

class Database;

// A fingerprint of what other processes change in Tributary's tables, one per area, cheap
// enough to read every couple of seconds: a console compares it with the one it read before and
// reloads only the views of the areas that differ. Each part is a handful of index look-ups or a
// count of a small table, never a read of the data itself.
struct StateStamp
{
    QString runs;       // each source's latest run: its id, status and end
    QString conflicts;  // open conflicts: how many, and the newest
    QString quarantine; // held records: how many, and the latest sighting
    QString service;    // leases and workers: who holds what, who is alive, when last seen
    QString outbox;     // changes waiting to be pushed: how many, refused, attempts, versions

    bool isNull() const { return runs.isNull(); }
    friend bool operator==(const StateStamp &a, const StateStamp &b)
    {
        return a.runs == b.runs && a.conflicts == b.conflicts && a.quarantine == b.quarantine && a.service == b.service
            && a.outbox == b.outbox;
    }
    friend bool operator!=(const StateStamp &a, const StateStamp &b) { return !(a == b); }
};

class StateWatch
{
public:
    explicit StateWatch(Database &db) : m_db(db) {}

    // Whether another connection may have committed since the last call. On SQLite this is
    // PRAGMA data_version, which moves whenever another connection commits (the connection's own
    // commits do not move it): when it stands still, nothing needs reading. PostgreSQL has no
    // such counter: always true there. True on the first call.
    bool othersMayHaveWritten();
    // The stamp of `sources` (the configured ones: their latest runs are found through the
    // (source, id) index rather than by scanning every run ever made).
    Result<StateStamp> read(const QStringList &sources);

private:
    Database &m_db;
    qint64 m_dataVersion = -1;
};

} // namespace Tributary
