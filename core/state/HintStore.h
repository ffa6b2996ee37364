#pragma once

#include "util/Result.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace Tributary {

class Database;

// A webhook hint waiting in the database for the worker that runs its source.
struct StoredHint
{
    qint64 id = 0;
    QString entity;
    QString externalId;
    qint64 receivedAtMs = 0; // the database's clock; a newer hint for the same record refreshes it
};

// Webhook hints handed over between workers (tributary_hints): a worker that receives a hint for a
// source another worker holds writes it here, and whichever worker runs the source next fetches
// the records and removes the hints it applied. Hints stay hints (decision 0014): a hint lost
// here (the table full, a worker killed) only waits for the next scheduled sync.
class HintStore
{
public:
    explicit HintStore(Database &db) : m_db(db) {}

    // At most this many hints wait per source; beyond, new hints are dropped (and counted by the
    // caller): the source's next sync finds the same changes.
    static constexpr int maxPerSource() { return 10000; }
    // The PostgreSQL channel that wakes the holder (payload: the source).
    static QString channel() { return QStringLiteral("tributary_hints"); }

    // Writes hints (entity, external id) for `source` in one transaction, one row per record (a
    // record already waiting is refreshed), then wakes the other workers. *dropped: how many did
    // not fit under maxPerSource().
    bool add(const QString &source, const QList<QPair<QString, QString>> &records, const QString &receivedBy, int *dropped,
             Error *error);
    // The hints waiting for `source`, oldest first, at most `limit`.
    Result<QList<StoredHint>> waiting(const QString &source, int limit = maxPerSource());
    // Removes hints that were applied: each only as it was read (a hint refreshed since stays).
    bool remove(const QString &source, const QList<StoredHint> &hints, Error *error);
    // How many hints wait, per source.
    Result<QHash<QString, qint64>> countsBySource();

private:
    Database &m_db;
};

} // namespace Tributary
