#pragma once

#include "state/RunCounts.h"
#include "state/RunKind.h"
#include "util/Result.h"

#include <QHash>
#include <QStringList>
#include <optional>

namespace Tributary {

class Database;

// One row of tributary_runs: a run of one source, as it was recorded.
struct RunRecord
{
    qint64 id = 0;
    QString source;
    QString kind;       // RunKinds::name(); a newer Tributary's kind stays readable as text
    QString startedAt;  // ISO-8601 UTC with milliseconds
    QString finishedAt; // empty while running
    QString status;     // RunStatuses::name()
    QString error;      // the message of a failed or interrupted run
    QHash<QString, EntityCounts> counts;
    qint64 pid = 0;
    QString worker;     // WorkerIdentity::id of the worker that ran it (empty before state version 4)

    // host:pid of the worker, as people see it.
    QString workerName() const;
    std::optional<RunKind> runKind() const { return RunKinds::fromName(kind); }
    std::optional<RunStatus> runStatus() const { return RunStatuses::fromName(status); }
    EntityCounts total() const;
};

// Which runs to read. Empty lists mean any.
struct RunFilter
{
    QStringList sources;
    QList<RunKind> kinds;
    QList<RunStatus> statuses;
    bool finishedOnly = false;
    qint64 afterId = 0; // only runs with a larger id
    bool oldestFirst = false;
    int limit = 0;      // 0: all
};

// The run history (tributary_runs): the one place that opens, closes and reads runs. Every read
// answers a Result, so a failed query reaches people as an error, never as "no runs".
class RunLog
{
public:
    explicit RunLog(Database &db) : m_db(db) {}

    // Runs of `source` still "running" become "interrupted", except `keepRunId`: called by the
    // holder of the source's lease (LeaseStore) before it begins a run, when no other run of the
    // source can be alive: whoever ran these died, or lost the lease, during the run. Unlike a
    // process check, this holds across hosts.
    bool markDeadRunsInterrupted(const QString &source, Error *error, qint64 keepRunId = 0);
    // Records the start of a run by this worker (WorkerIdentity::current()); its id.
    Result<qint64> begin(const QString &source, RunKind kind);
    bool finish(qint64 runId, RunStatus status, const QString &errorMessage, const QHash<QString, EntityCounts> &counts,
                Error *error);

    // Newest first (unless the filter says otherwise).
    Result<QList<RunRecord>> list(const RunFilter &filter);
    Result<std::optional<RunRecord>> last(const QString &source);
    // Per source, its newest run among those the filter selects (the index on (source, id) answers
    // each lookup): "the last finished polling run", "the last success".
    Result<QHash<QString, RunRecord>> latestPerSource(const RunFilter &filter);
    Result<qint64> count(const QString &source);
    // When the source's first recorded run started (invalid when it has none).
    Result<QDateTime> firstStarted(const QString &source);
    // How many runs of each kind `source` had after run `afterId`.
    Result<QHash<QString, qint64>> countByKind(const QString &source, qint64 afterId);
    // The sources that have runs, sorted (also those no longer configured).
    Result<QStringList> sources();
    // The newest run id of any source; 0 when there is none.
    Result<qint64> latestId();

private:
    Database &m_db;
};

} // namespace Tributary
