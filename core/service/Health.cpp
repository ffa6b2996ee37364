#include "Health.h"

#include "engine/SyncRun.h"
#include "store/Database.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>

namespace Tributary {

QJsonObject HealthStatus::toJson() const
{
    return {{QStringLiteral("status"), ok ? QStringLiteral("ok") : QStringLiteral("unhealthy")},
            {QStringLiteral("reasons"), QJsonArray::fromStringList(reasons)}};
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
    // the newest success. Both MAX(id) lookups use the index on (source, id).
    QSqlQuery q(db.db());
    q.setForwardOnly(true);
    Error e;
    if (!db.prepare(q, QStringLiteral("SELECT r.source, r.status, r.error, r.finished_at, "
                                      "(SELECT MAX(s.finished_at) FROM tributary_runs s WHERE s.source = r.source AND s.status IN (?, ?) "
                                      "AND s.kind IN (%1)) "
                                      "FROM tributary_runs r WHERE r.id = (SELECT MAX(x.id) FROM tributary_runs x "
                                      "WHERE x.source = r.source AND x.status IN (?, ?, ?) AND x.kind IN (%1))")
                                      .arg(RunResult::pollingKindsSql()), &e)) {
        if (error)
            *error = e;
        return false;
    }
    const QString ok = RunResult::statusName(RunResult::Status::Ok);
    const QString partial = RunResult::statusName(RunResult::Status::Partial);
    const QString failed = RunResult::statusName(RunResult::Status::Failed);
    q.addBindValue(ok);
    q.addBindValue(partial);
    q.addBindValue(ok);
    q.addBindValue(partial);
    q.addBindValue(failed);
    if (!db.exec(q, &e)) {
        if (error)
            *error = e;
        return false;
    }
    QMutexLocker lock(&m_mutex);
    while (q.next()) {
        SourceState &s = m_sources[q.value(0).toString()];
        s.hasRun = true;
        s.failed = q.value(1).toString() == failed;
        // The table keeps the message only; its code is not known after a restart.
        s.error = s.failed ? Error(Error::Code::Internal, q.value(2).toString()) : Error();
        const QDateTime success = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs).toUTC();
        if (success.isValid() && (!s.lastSuccess.isValid() || success > s.lastSuccess))
            s.lastSuccess = success;
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
    if (result.status == RunResult::Status::Failed) {
        s.failed = true;
        s.error = result.error;
    } else if (RunResult::isPollingKind(result.kind)) {
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
        const QString file = db.db().databaseName();
        if (!file.isEmpty() && file != QLatin1String(":memory:") && !file.startsWith(QLatin1String("file:"))
            && !QFileInfo::exists(file)) {
            *why = QStringLiteral("database unreachable: the file %1 is gone").arg(file);
            return false;
        }
    }
    if (!db.db().isOpen()) {
        *why = QStringLiteral("database unreachable: the connection is closed");
        return false;
    }
    QSqlQuery q(db.db());
    if (!q.exec(QStringLiteral("SELECT 1")) || !q.next()) {
        *why = QStringLiteral("database unreachable: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

HealthStatus Health::evaluate(const QDateTime &now) const
{
    HealthStatus status;
    QMutexLocker lock(&m_mutex);
    if (m_db) {
        QString why;
        if (!databaseReachable(*m_db, &why))
            status.reasons << why;
    }
    for (const SourceConfig &source : m_config.sources) {
        if (!source.enabled)
            continue;
        const SourceState s = m_sources.value(source.name);
        if (s.failed) {
            QString what = s.error.message.isEmpty() ? QStringLiteral("the last run failed") : s.error.message;
            if (s.error.code != Error::Code::Internal && s.error.code != Error::Code::None)
                what = Error::codeName(s.error.code) + QStringLiteral(" error: ") + what;
            status.reasons << QStringLiteral("source %1 needs attention: %2").arg(source.name, what);
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
    status.ok = status.reasons.isEmpty();
    return status;
}

} // namespace Tributary
