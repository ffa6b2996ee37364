#pragma once

#include "config/Config.h"
#include "engine/Source.h"
#include "engine/run/RunRequest.h"
#include "state/LeaseStore.h"
#include "state/RunCounts.h"
#include "state/RunKind.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

namespace Tributary {

class Applier;
class Database;
class RecordJob;
class RunJob;
class RunLease;

// The outcome of one run of one source.
struct RunResult
{
    using Status = RunStatus;
    qint64 runId = 0;
    QString source;
    RunKind kind = RunKind::Incremental;
    Status status = Status::Ok;
    Error error;
    QStringList entityOrder;
    QHash<QString, EntityCounts> counts;
    qint64 elapsedMs = 0;
    // With RunRequest::DeleteCheck::AfterRun: "entity: N linked, the source lists M" for each
    // entity with more live links than the source has records.
    QStringList missedDeletes;
    // The run did not begin because another worker (or another run of this process) holds the
    // source's lease: who, and until when. Nothing was recorded in the run history.
    std::optional<LeaseRecord> heldBy;
    // Status Paused: when the host's budget is back and the run can go on (error says why).
    QDateTime resumesAt;

    EntityCounts total() const;
    QString kindName() const { return RunKinds::name(kind); }
    static QString statusName(Status s) { return RunStatuses::name(s); }
};

// One run of one source. Run::create() makes the class that does the request's kind:
//   PollRun        incremental and full syncs: entities in dependency order, page by page
//   ReconcileRun   scan every id, catch up what polling missed, sweep what is gone
//   FetchByIdRun   webhook hints and quarantine retries: named records fetched by id
// This base is the one place where a run is opened (the source's lease, so that one worker at a
// time runs it; the run history; the applier) and the one place where it ends (finish()).
class Run : public QObject
{
    Q_OBJECT
public:
    static std::unique_ptr<Run> create(Database &db, const Config &config, const SourceConfig &source, Source *impl,
                                       const RunRequest &request, QObject *parent = nullptr);
    ~Run() override;

    void start();
    // Stops after the page being applied (that page commits or rolls back whole).
    void stop();
    const RunResult &result() const { return m_result; }
    const RunRequest &request() const { return m_request; }

Q_SIGNALS:
    void entityStarted(const QString &entity);
    void progress(const QString &entity, const Tributary::EntityCounts &counts);
    void entityFinished(const QString &entity, const Tributary::EntityCounts &counts);
    void finished(const Tributary::RunResult &result);

protected:
    Run(Database &db, const Config &config, const SourceConfig &source, Source *impl, const RunRequest &request, QObject *parent);

    // The kind's work, once the run is recorded and the applier prepared. Ends with finish().
    virtual void begin() = 0;

    // Runs `job` (owned from now on) as the run's current step; `then` receives its outcome. A
    // stop() stops the current step.
    void runJob(RunJob *job, std::function<void(const Error &)> then);
    // The common steps of several kinds.
    void walkEntity(const EntityConfig &entity, bool full, std::function<void(const Error &)> then);
    void resolveMissingReferences(std::function<void(const Error &)> then);
    // A record fetched by id for a reconciliation or a webhook: applied, or noted in *gone (entity
    // -> ids) when the source answers 404. A failed fetch is an error whose message is `failure`
    // (%1 source, %2 entity, %3 id, %4 the error).
    bool applyOrNoteGone(const RecordRef &record, RecordJob *job, const QString &failure, QHash<QString, QStringList> *gone, Error *error);
    // The error of a failed fetch by id, its message put into `format` (%1 source, %2 entity,
    // %3 id, %4 the error's message).
    Error fetchFailed(const RecordRef &record, const RecordJob *job, const QString &format) const;
    // The one place a run ends: counts, status, the run history, the log line, finished().
    void finish(Error error);
    // finish() with Aborted when the run was asked to stop: true when it did.
    bool finishIfStopping(const QString &message);
    bool isStopping() const { return m_stopping; }
    bool isFinished() const { return m_finished; }
    // Copies the applier's counts of `entity` into the result and says so.
    void entityDone(const QString &entity);

    Database &m_db;
    const Config &m_config;
    const SourceConfig &m_source;
    Source *m_impl;
    const RunRequest m_request;
    std::unique_ptr<Applier> m_applier;
    RunResult m_result;
    // The entities the run may touch, in dependency order.
    QList<const EntityConfig *> m_entities;

private:
    void open();

    QElapsedTimer m_timer;
    QPointer<RunJob> m_job;
    std::unique_ptr<RunLease> m_lease; // none on a throwaway database (a dry run)
    Error m_leaseLost;                 // why the run stopped: its lease could not be renewed
    bool m_stopping = false;
    bool m_pastDeadline = false; // stopped by the source's max_run_seconds
    bool m_finished = false;
};

} // namespace Tributary
