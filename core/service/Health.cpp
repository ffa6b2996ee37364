#include "Health.h"

#include "engine/run/Run.h"
#include "state/LeaseStore.h"
#include "state/Outbox.h"
#include "state/RunLog.h"
#include "store/Database.h"
#include "util/Redaction.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>

namespace Tributary {

QJsonObject HealthStatus::toJson() const
{
    return {{QStringLiteral("status"), ok ? QStringLiteral("ok") : QStringLiteral("unhealthy")},
            {QStringLiteral("reasons"), QJsonArray::fromStringList(reasons)},
            {QStringLiteral("worker"), worker},
            {QStringLiteral("leases"), leasesError.isEmpty() ? QJsonValue(leases) : QJsonValue(leasesError)}};
}

Health::Health(const Config &config, HealthOptions options, const QDateTime &startedAt)
    : m_config(config), m_options(options), m_startedAt(startedAt.toUTC())
{
}

void Health::setDatabase(Database *db)
{
    QMutexLocker lock(&m_mutex);
    m_db = db;
}

bool Health::loadFromRuns(Database &db, Error *error)
{
    // Per source: the newest finished run (interrupted ones say nothing about the source) and
    // the newest success, among the runs that read everything that changed.
    RunLog runs(db);
    RunFilter finished;
    finished.kinds = RunKinds::polling();
    // A paused run is not a failure, nor the success a source's age is measured from: it has
    // more to read (a source paused for ever grows old and says so).
    finished.statuses = {RunStatus::Ok, RunStatus::Partial, RunStatus::Failed, RunStatus::Paused};
    RunFilter succeeded = finished;
    succeeded.statuses = {RunStatus::Ok, RunStatus::Partial};
    const Result<QHash<QString, RunRecord>> last = runs.latestPerSource(finished);
    const Result<QHash<QString, RunRecord>> success = last ? runs.latestPerSource(succeeded) : Result<QHash<QString, RunRecord>>(last.error());
    if (!success) {
        if (error)
            *error = success.error();
        return false;
    }
    QMutexLocker lock(&m_mutex);
    for (const RunRecord &r : *last) {
        SourceState &s = m_sources[r.source];
        s.hasRun = true;
        const QDateTime finishedAt = QDateTime::fromString(r.finishedAt, Qt::ISODateWithMs).toUTC();
        if (!s.lastFinished.isValid() || (finishedAt.isValid() && finishedAt > s.lastFinished)) {
            s.failed = r.runStatus() == RunStatus::Failed;
            // The table keeps the message only; its code is not known after a restart.
            s.error = s.failed ? Error(Error::Code::Internal, r.error) : Error();
            s.lastFinished = finishedAt;
        }
        const QDateTime at = QDateTime::fromString(success->value(r.source).finishedAt, Qt::ISODateWithMs).toUTC();
        if (at.isValid() && (!s.lastSuccess.isValid() || at > s.lastSuccess))
            s.lastSuccess = at;
    }
    return true;
}

void Health::reportRun(const RunResult &result, const QDateTime &finishedAt)
{
    if (result.status == RunResult::Status::Interrupted)
        return; // stopped by a person or a signal: says nothing about the source
    QMutexLocker lock(&m_mutex);
    SourceState &s = m_sources[result.source];
    s.hasRun = true;
    s.lastFinished = finishedAt.toUTC();
    if (result.status == RunResult::Status::Failed) {
        s.failed = true;
        s.error = result.error;
    } else if (result.status == RunResult::Status::Paused) {
        // Waits for its host's budget: not failed, and not a success to measure its age from.
        s.failed = false;
        s.error = Error();
    } else if (RunKinds::isPolling(result.kind)) {
        // Only a run that read everything that changed says the source is fine again; a webhook
        // run fetched a few records by id, which may work while listings fail.
        s.failed = false;
        s.error = Error();
        s.lastSuccess = finishedAt.toUTC();
    }
}

void Health::setOptions(HealthOptions options)
{
    QMutexLocker lock(&m_mutex);
    m_options = options;
}

bool Health::databaseReachable(Database &db, QString *why)
{
    if (db.isSqlite()) {
        const QString file = db.name();
        if (!file.isEmpty() && file != QLatin1String(":memory:") && !file.startsWith(QLatin1String("file:"))
            && !QFileInfo::exists(file)) {
            *why = QStringLiteral("database unreachable: the file %1 is gone").arg(file);
            return false;
        }
    }
    // A PostgreSQL connection that failed to reopen is closed: ping() tries again each time.
    if (db.isSqlite() && !db.isOpen()) {
        *why = QStringLiteral("database unreachable: the connection is closed");
        return false;
    }
    QString problem;
    if (!db.ping(&problem)) {
        *why = QStringLiteral("database unreachable: %1").arg(problem);
        return false;
    }
    return true;
}

HealthStatus Health::evaluate(const QDateTime &now)
{
    HealthStatus status;
    status.worker = WorkerIdentity::current().display();
    Database *db = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        db = m_db;
    }
    QString why;
    const bool reachable = !db || databaseReachable(*db, &why);
    // Other workers' runs count too: a source another worker syncs is fine here as well.
    if (db && reachable)
        loadFromRuns(*db);
    QMutexLocker lock(&m_mutex);
    if (m_db) {
        if (!reachable) {
            status.reasons << why;
        } else {
            // Which worker holds what: information, not health (a source nobody holds between
            // runs is normal). A failed read says so rather than show no leases.
            const Result<QList<LeaseRecord>> leases = LeaseStore(*m_db).list();
            if (!leases)
                status.leasesError = leases.error().message;
            for (const LeaseRecord &lease : leases.valueOr({})) {
                if (!lease.isLive())
                    continue;
                status.leases.append(QJsonObject{{QStringLiteral("source"), lease.source},
                                                 {QStringLiteral("worker"), lease.worker()},
                                                 {QStringLiteral("expires_at"), lease.expiresAt().toString(Qt::ISODateWithMs)},
                                                 {QStringLiteral("this_worker"), lease.holder == WorkerIdentity::current().id}});
            }
        }
    }
    for (const SourceConfig &source : m_config.sources) {
        if (!source.enabled)
            continue;
        const SourceState s = m_sources.value(source.name);
        if (s.failed) {
            QString what = s.error.message.isEmpty() ? QStringLiteral("the last run failed") : s.error.message;
            if (s.error.code != Error::Code::Internal && s.error.code != Error::Code::None)
                what = Error::codeName(s.error.code) + QStringLiteral(" error: ") + what;
            // /healthz answers anyone who can connect: never a secret, whatever the error quoted.
            status.reasons << QStringLiteral("source %1 needs attention: %2").arg(source.name, Redaction::redact(what));
        }
        if (s.lastSuccess.isValid()) {
            const qint64 age = s.lastSuccess.secsTo(now);
            if (age > m_options.maxSuccessAgeSeconds)
                status.reasons << QStringLiteral("source %1 has not succeeded for %2 minutes").arg(source.name).arg(age / 60);
        } else {
            const qint64 up = m_startedAt.secsTo(now);
            if (up > m_options.startupGraceSeconds)
                status.reasons << QStringLiteral("source %1 has not succeeded for %2 minutes (not since the service started)")
                                      .arg(source.name)
                                      .arg(up / 60);
        }
    }
    // Write-back: a change of the main database that waits too long for its source (refused ones
    // included: they wait for a person).
    if (m_db && reachable) {
        const Result<QHash<QString, Outbox::Depth>> outbox = Outbox(*m_db).depth();
        for (const SourceConfig &source : m_config.sources) {
            const Outbox::Depth d = outbox.valueOr({}).value(source.name);
            const QDateTime oldest = QDateTime::fromString(d.oldestMadeAt, Qt::ISODateWithMs);
            if (!source.enabled || source.writeBack.maxAgeSeconds <= 0 || !oldest.isValid())
                continue;
            const qint64 age = oldest.secsTo(now);
            if (age > source.writeBack.maxAgeSeconds)
                status.reasons << QStringLiteral("source %1: %2 change(s) of the main database wait to be pushed, the oldest for %3 minutes (%4 refused; see tributaryd outbox list)")
                                      .arg(source.name)
                                      .arg(d.pending + d.refused)
                                      .arg(age / 60)
                                      .arg(d.refused);
        }
    }
    status.ok = status.reasons.isEmpty();
    return status;
}

} // namespace Tributary
