#pragma once

#include "util/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace Tributary {

class Database;

// Who this process is to the other workers sharing the main database: its host, its process id
// and a random suffix drawn when the process starts, so that a restarted worker whose pid was
// reused is another holder. People see "host:pid".
struct WorkerIdentity
{
    QString id;   // host:pid:suffix, as tributary_leases.holder and tributary_runs.worker hold it
    QString host;
    qint64 pid = 0;
    // The kernel boot and process-id namespace this process runs in (Linux: boot_id and the
    // pid namespace's inode; empty elsewhere). Workers with the same node see each other's
    // process ids, so a lease whose holder's process is gone there is free at once.
    QString node;

    QString display() const { return host + QLatin1Char(':') + QString::number(pid); }
    // This process, drawn once.
    static const WorkerIdentity &current();
    // "host:pid" of a stored holder id (the id as it is when it has another shape).
    static QString displayOf(const QString &holder);
    // Whether the process `pid` of a worker on `node` is known to be gone: only on this node,
    // where process ids mean the same thing; elsewhere nothing is known and the lease must expire.
    static bool isGone(const QString &node, qint64 pid);
};

// One row of tributary_leases, with the database's clock when it was read. Times are
// milliseconds since the epoch by the database server's clock (Database::nowMsSql()).
struct LeaseRecord
{
    QString source;
    QString holder;     // WorkerIdentity::id
    QString host;
    qint64 pid = 0;
    QString node;       // WorkerIdentity::node of the holder
    qint64 acquiredAtMs = 0;
    qint64 renewedAtMs = 0;
    qint64 expiresAtMs = 0;
    qint64 nowMs = 0;   // the database's clock at the read

    // Held: its holder renewed it in time. An expired lease is free for anyone to take.
    bool isLive() const { return expiresAtMs > nowMs; }
    // Live, and its holder not known to be gone (WorkerIdentity::isGone): another worker runs
    // the source, and whoever else wants it must wait.
    bool isHeld() const { return isLive() && !WorkerIdentity::isGone(node, pid); }
    qint64 remainingMs() const { return expiresAtMs - nowMs; }
    // host:pid, as people see a worker.
    QString worker() const { return host + QLatin1Char(':') + QString::number(pid); }
    static QDateTime toDateTime(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); }
    QDateTime expiresAt() const { return toDateTime(expiresAtMs); }
};

// One row of tributary_workers: a `serve` worker, when it started and last said it is alive, and
// the schedule it published with that beat. Times as LeaseRecord's (the database's clock), except
// the plan's, which are the worker's own clock (ms since the epoch, UTC).
struct WorkerRecord
{
    QString worker;     // WorkerIdentity::id
    QString host;
    qint64 pid = 0;
    qint64 startedAtMs = 0;
    qint64 seenAtMs = 0;
    qint64 expiresAtMs = 0;
    qint64 nowMs = 0;   // the database's clock at the read
    // Per source: {"sync": ms, "reconcile": ms, "retry": ms, "running": true}, each when known.
    QJsonObject plan;
    bool isAlive() const { return expiresAtMs > nowMs; }
    QString display() const { return host + QLatin1Char(':') + QString::number(pid); }
};

// The leases of the sources (tributary_leases): the one code that reads and writes them. A source
// is run by one worker at a time, the one holding its lease; a lease its holder stops renewing
// (the process was killed, the host is gone) expires and another worker takes the source over.
// Expiry is compared with the database server's clock, the one clock every worker shares. Each
// call is one statement, so taking a lease is atomic on SQLite and PostgreSQL alike.
class LeaseStore
{
public:
    explicit LeaseStore(Database &db) : m_db(db) {}

    // Takes the lease of `source` for `durationMs` when nobody holds it, its holder let it expire
    // or is a process gone from this node, or `holder` holds it already (then it is renewed).
    // Answers the lease as it stands afterwards: held by `holder` when it was taken, else by the
    // worker that has it.
    Result<LeaseRecord> acquire(const QString &source, const WorkerIdentity &holder, qint64 durationMs);
    // Extends the lease to `durationMs` from now, only while `holder` still holds it: false when
    // another worker took it over or it was released. Run inside a write transaction, it also
    // fences that transaction (the row stays locked by it until commit).
    Result<bool> renew(const QString &source, const QString &holder, qint64 durationMs);
    // Lets go of the lease: deletes the row only while `holder` holds it.
    bool release(const QString &source, const QString &holder, Error *error);
    // The lease of `source` as it is (live or expired), if there is a row.
    Result<std::optional<LeaseRecord>> find(const QString &source);
    // Every lease row, live or expired, sorted by source.
    Result<QList<LeaseRecord>> list();

    // The workers alive (tributary_workers): each `serve` says it is there every couple of
    // seconds, for `durationMs`; one that stops saying so (killed, host gone) is no longer counted
    // once that time has passed, and one that stops cleanly leaves at once.
    // `plan`: the worker's schedule (WorkerRecord::plan), stored with the beat.
    bool beat(const WorkerIdentity &worker, qint64 durationMs, Error *error, const QJsonObject &plan = QJsonObject());
    bool leave(const QString &worker, Error *error);
    // Deletes the rows of workers last seen more than a day ago (killed, never back).
    bool forgetGoneWorkers(Error *error);
    // How many workers are alive, by the database's clock (this one included once it beat).
    Result<int> liveWorkers();
    // Every worker row (alive or expired, not yet forgotten), oldest start first.
    Result<QList<WorkerRecord>> workers();

private:
    Database &m_db;
};

} // namespace Tributary
