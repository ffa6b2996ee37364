#include "Run.h"

#include "engine/apply/Applier.h"
#include "engine/run/EntityWalk.h"
#include "engine/run/FetchByIdRun.h"
#include "engine/run/MissingReferences.h"
#include "engine/run/PollRun.h"
#include "engine/run/ReconcileRun.h"
#include "engine/run/RunJob.h"
#include "engine/run/RunLease.h"
#include "state/RunLog.h"
#include "store/Database.h"
#include "util/Logging.h"
#include "util/Redaction.h"
#include "util/Tr.h"

#include <QTimer>

namespace Tributary {

EntityCounts RunResult::total() const
{
    EntityCounts t;
    for (const EntityCounts &c : counts)
        t += c;
    return t;
}

std::unique_ptr<Run> Run::create(Database &db, const Config &config, const SourceConfig &source, Source *impl, const RunRequest &request,
                                 QObject *parent)
{
    switch (request.kind()) {
    case RunKind::Incremental:
    case RunKind::Full:
        return std::make_unique<PollRun>(db, config, source, impl, request, parent);
    case RunKind::Reconcile:
        return std::make_unique<ReconcileRun>(db, config, source, impl, request, parent);
    case RunKind::Webhook:
    case RunKind::QuarantineRetry:
        return std::make_unique<FetchByIdRun>(db, config, source, impl, request, parent);
    }
    return nullptr;
}

Run::Run(Database &db, const Config &config, const SourceConfig &source, Source *impl, const RunRequest &request, QObject *parent)
    : QObject(parent), m_db(db), m_config(config), m_source(source), m_impl(impl), m_request(request)
{
}

Run::~Run()
{
    if (m_job) {
        m_job->disconnect(this);
        delete m_job;
    }
}

void Run::start()
{
    m_timer.start();
    m_result.source = m_source.name;
    m_result.kind = m_request.kind();
    QTimer::singleShot(0, this, [this] { open(); });
}

void Run::open()
{
    RunLog runs(m_db);
    Error error;
    // One worker at a time runs a source: two would walk the same cursor twice. The lease is
    // taken before anything is read or written, and a run on a throwaway database (a dry run)
    // writes nothing that lasts and takes none.
    if (!m_db.isThrowaway()) {
        m_lease = std::make_unique<RunLease>(m_db, m_source.name, qint64(m_config.service.leaseSeconds) * 1000);
        std::optional<LeaseRecord> heldBy;
        if (!m_lease->take(&error, &heldBy)) {
            m_result.heldBy = heldBy;
            m_lease.reset();
            finish(error);
            return;
        }
        // Renewing failed: stop at the page being applied (the fence refuses anything later).
        connect(m_lease.get(), &RunLease::lost, this, [this](const Error &why) {
            m_leaseLost = why;
            stop();
        });
        // Holding the lease, no other run of this source is alive: runs still "running" were
        // left by a worker that died or lost the lease (on any host).
        if (!runs.markDeadRunsInterrupted(m_source.name, &error)) {
            finish(error);
            return;
        }
    }
    const Result<qint64> runId = runs.begin(m_source.name, m_request.kind());
    if (!runId) {
        finish(runId.error());
        return;
    }
    m_result.runId = *runId;
    if (m_source.maxRunSeconds > 0) {
        // Stops like a person would (at a committed page), and says why in finish().
        QTimer::singleShot(std::chrono::seconds(m_source.maxRunSeconds), this, [this] {
            if (m_finished || m_stopping)
                return;
            m_pastDeadline = true;
            stop();
        });
    }
    m_applier = std::make_unique<Applier>(m_db, m_config, m_source, m_result.runId, m_impl);
    if (m_lease)
        m_applier->setFence([this](Error *e) { return m_lease->fence(e); });
    if (!m_applier->prepare(&error)) {
        finish(error);
        return;
    }
    QString cycle;
    for (const EntityConfig *e : m_source.orderedEntities(&cycle)) {
        // An entity configured "out" is only written (PollRun pushes it), never read.
        if (!e->reads())
            continue;
        if (m_request.entities().isEmpty() || m_request.entities().contains(e->name)) {
            m_entities.append(e);
            m_result.entityOrder.append(e->name);
        }
    }
    qCInfo(lcEngine).noquote() << QStringLiteral("run %1: %2 sync of source %3 (%4)")
                                      .arg(m_result.runId)
                                      .arg(m_result.kindName(), m_source.name, m_result.entityOrder.join(QStringLiteral(", ")));
    begin();
}

void Run::stop()
{
    if (m_stopping || m_finished)
        return;
    m_stopping = true;
    if (m_job)
        m_job->stop();
}

bool Run::finishIfStopping(const QString &message)
{
    if (!m_stopping)
        return false;
    finish(Error(Error::Code::Aborted, message));
    return true;
}

void Run::runJob(RunJob *job, std::function<void(const Error &)> then)
{
    job->setParent(this);
    m_job = job;
    connect(job, &RunJob::finished, this, [this, job, then](const Error &error) {
        if (m_job == job)
            m_job = nullptr;
        job->deleteLater();
        if (!m_finished)
            then(error);
    });
    job->start();
    if (m_stopping)
        job->stop();
}

void Run::walkEntity(const EntityConfig &entity, bool full, std::function<void(const Error &)> then)
{
    auto *walk = new EntityWalk(m_impl, *m_applier, m_source, entity, full);
    connect(walk, &EntityWalk::progress, this, &Run::progress);
    runJob(walk, std::move(then));
}

void Run::resolveMissingReferences(std::function<void(const Error &)> then)
{
    runJob(new MissingReferences(m_impl, *m_applier, m_source), std::move(then));
}

bool Run::applyOrNoteGone(const RecordRef &record, RecordJob *job, const QString &failure, QHash<QString, QStringList> *gone, Error *error)
{
    if (job->hasError()) {
        *error = fetchFailed(record, job, failure);
        return false;
    }
    if (job->isNotFound()) {
        (*gone)[record.entity].append(record.externalId);
        return true;
    }
    return m_applier->applyRecords(*m_source.entity(record.entity), QJsonArray{job->record()}, error);
}

Error Run::fetchFailed(const RecordRef &record, const RecordJob *job, const QString &format) const
{
    Error e = job->error();
    e.message = QString(format).arg(m_source.name, record.entity, record.externalId, e.message);
    return e;
}

void Run::entityDone(const QString &entity)
{
    const EntityCounts counts = m_applier->counts().value(entity);
    m_result.counts[entity] = counts;
    Q_EMIT entityFinished(entity, counts);
}

void Run::finish(Error error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_job) {
        m_job->disconnect(this);
        m_job->stop();
    }
    if (m_leaseLost && (error.code == Error::Code::Aborted || !error))
        error = m_leaseLost;
    else if (m_pastDeadline && error.code == Error::Code::Aborted)
        error = Error(Error::Code::Network,
                      Tr::tr("source %1: the run lasted longer than max_run_seconds (%2 s) and was stopped at its last committed "
                             "page; the next run goes on from there. A source this large or slow needs a larger limit")
                          .arg(m_source.name, QString::number(m_source.maxRunSeconds)),
                      error.message);
    if (m_applier) {
        const Result<QHash<QString, qint64>> pending = m_applier->pendingCounts();
        if (!pending && !error)
            error = pending.error();
        for (auto it = m_applier->counts().begin(); it != m_applier->counts().end(); ++it) {
            it->pending = pending.valueOr({}).value(it.key());
            m_result.counts[it.key()] = *it;
        }
    }
    const EntityCounts total = m_result.total();
    if (error.code == Error::Code::BudgetSpent) {
        // Not a failure: every page before this one is committed, and the next run goes on from
        // there once the host's budget is back.
        m_result.status = RunStatus::Paused;
        m_result.resumesAt = error.retryAt.isValid() ? error.retryAt : QDateTime::currentDateTimeUtc().addSecs(60);
    } else if (error)
        m_result.status = error.code == Error::Code::Aborted ? RunStatus::Interrupted : RunStatus::Failed;
    else
        m_result.status = (total.quarantined > 0 || total.pending > 0 || total.refused > 0) ? RunStatus::Partial : RunStatus::Ok;
    // The one error of the run, as the history, the log, /healthz and the front ends get it: no
    // secret a step quoted from a source's answer.
    m_result.error = error = Redaction::redact(std::move(error));
    m_result.elapsedMs = m_timer.elapsed();

    if (m_result.runId > 0) {
        Error recording;
        if (!RunLog(m_db).finish(m_result.runId, m_result.status, error ? error.message : QString(), m_result.counts, &recording)) {
            qCWarning(lcEngine).noquote() << recording.toString();
            // The run's row still says "running": the next run marks it interrupted. A run that
            // otherwise succeeded says so, rather than leave a history that disagrees with it.
            if (!error) {
                m_result.status = RunStatus::Failed;
                m_result.error = recording;
            }
        }
    }
    // Only now, with the run's row finished: whoever takes the source next finds no run of it
    // still "running".
    if (m_lease)
        m_lease->release();
    if (m_result.heldBy)
        qCInfo(lcEngine).noquote() << QStringLiteral("%1: not run: %2").arg(m_source.name, m_result.error.message);
    else if (m_result.status == RunStatus::Paused)
        qCInfo(lcEngine).noquote() << QStringLiteral("run %1 of %2 paused until %3: %4")
                                          .arg(m_result.runId)
                                          .arg(m_source.name, m_result.resumesAt.toString(Qt::ISODate), m_result.error.message);
    else if (m_result.error)
        qCWarning(lcEngine).noquote() << QStringLiteral("run %1 of %2 %3: %4")
                                             .arg(m_result.runId)
                                             .arg(m_source.name, RunResult::statusName(m_result.status), m_result.error.toString());
    else
        qCInfo(lcEngine).noquote() << QStringLiteral("run %1 of %2 %3 in %4 ms")
                                          .arg(m_result.runId)
                                          .arg(m_source.name, RunResult::statusName(m_result.status))
                                          .arg(m_result.elapsedMs);
    QTimer::singleShot(0, this, [this] { Q_EMIT finished(m_result); });
}

} // namespace Tributary
