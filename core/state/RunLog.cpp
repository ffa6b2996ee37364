#include "RunLog.h"

#include "state/LeaseStore.h"
#include "store/Database.h"
#include "util/Redaction.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace Tributary {

namespace {

const QString kColumns = QStringLiteral("id, source, kind, started_at, finished_at, status, error, counts, pid, worker");

RunRecord fromQuery(const QSqlQuery &q, int at = 0)
{
    RunRecord r;
    r.id = q.value(at + 0).toLongLong();
    r.source = q.value(at + 1).toString();
    r.kind = q.value(at + 2).toString();
    r.startedAt = q.value(at + 3).toString();
    r.finishedAt = q.value(at + 4).toString();
    r.status = q.value(at + 5).toString();
    // Masked again on the way out: rows written before errors were masked when stored.
    r.error = Redaction::redact(q.value(at + 6).toString());
    const QJsonObject counts = parseJsonObject(q.value(at + 7).toString());
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        r.counts.insert(it.key(), EntityCounts::fromJson(it.value().toObject()));
    r.pid = q.value(at + 8).toLongLong();
    r.worker = q.value(at + 9).toString();
    return r;
}

// The filter's conditions over `alias`, and their binds.
QString conditions(const RunFilter &f, const QString &alias, QVariantList *binds)
{
    QStringList where{QStringLiteral("1 = 1")};
    auto in = [&](const QString &column, const QStringList &values) {
        where.append(QStringLiteral("%1.%2 IN (%3)").arg(alias, column, QStringList(values.size(), QStringLiteral("?")).join(QLatin1Char(','))));
        for (const QString &v : values)
            binds->append(v);
    };
    if (!f.sources.isEmpty())
        in(QStringLiteral("source"), f.sources);
    if (!f.kinds.isEmpty()) {
        QStringList names;
        for (RunKind k : f.kinds)
            names.append(RunKinds::name(k));
        in(QStringLiteral("kind"), names);
    }
    if (!f.statuses.isEmpty()) {
        QStringList names;
        for (RunStatus s : f.statuses)
            names.append(RunStatuses::name(s));
        in(QStringLiteral("status"), names);
    }
    if (f.finishedOnly)
        where.append(alias + QStringLiteral(".finished_at IS NOT NULL"));
    if (f.afterId > 0) {
        where.append(alias + QStringLiteral(".id > ?"));
        binds->append(f.afterId);
    }
    return where.join(QStringLiteral(" AND "));
}

} // namespace

EntityCounts RunRecord::total() const
{
    EntityCounts t;
    for (const EntityCounts &c : counts)
        t += c;
    return t;
}

QString RunRecord::workerName() const
{
    return worker.isEmpty() ? QStringLiteral("pid %1").arg(pid) : WorkerIdentity::displayOf(worker);
}

bool RunLog::markDeadRunsInterrupted(const QString &source, Error *error, qint64 keepRunId)
{
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("UPDATE tributary_runs SET status = 'interrupted', "
                                    "error = 'the worker ended or lost the lease of the source during the run' "
                                    "WHERE source = ? AND status = 'running' AND id <> ?"),
                  {source, keepRunId}, error)) {
        *error = error->prefixed(Tr::tr("cannot read the runs of source %1").arg(source));
        return false;
    }
    return true;
}

Result<qint64> RunLog::begin(const QString &source, RunKind kind)
{
    QSqlQuery q;
    Error error;
    const WorkerIdentity &self = WorkerIdentity::current();
    if (!m_db.run(q, QStringLiteral("INSERT INTO tributary_runs (source, kind, started_at, status, pid, worker) VALUES (?, ?, ?, 'running', ?, ?) "
                                    "RETURNING id"),
                  {source, RunKinds::name(kind), Database::now(), self.pid, self.id}, &error))
        return error.prefixed(Tr::tr("cannot record the run"));
    if (!q.next())
        return Error(Error::Code::Database, Tr::tr("cannot record the run"));
    return q.value(0).toLongLong();
}

bool RunLog::finish(qint64 runId, RunStatus status, const QString &errorMessage, const QHash<QString, EntityCounts> &counts, Error *error)
{
    QJsonObject json;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        json.insert(it.key(), it->toJson());
    // The history outlives the process and is read by anyone who can read the database: no
    // secret goes into it, whoever made the message.
    const QString stored = Redaction::redact(errorMessage);
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("UPDATE tributary_runs SET finished_at = ?, status = ?, error = ?, counts = ? WHERE id = ?"),
                  {Database::now(), RunStatuses::name(status), stored.isEmpty() ? QVariant() : QVariant(stored),
                   compactJson(json), runId},
                  error)) {
        *error = error->prefixed(Tr::tr("cannot record the end of run %1").arg(runId));
        return false;
    }
    return true;
}

Result<QList<RunRecord>> RunLog::list(const RunFilter &filter)
{
    QVariantList binds;
    QString sql = QStringLiteral("SELECT %1 FROM tributary_runs r WHERE %2 ORDER BY r.id %3")
                      .arg(kColumns, conditions(filter, QStringLiteral("r"), &binds),
                           filter.oldestFirst ? QStringLiteral("ASC") : QStringLiteral("DESC"));
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, sql, binds, &error))
        return error.prefixed(Tr::tr("cannot read the run history"));
    QList<RunRecord> out;
    while (q.next())
        out.append(fromQuery(q));
    return out;
}

Result<std::optional<RunRecord>> RunLog::last(const QString &source)
{
    RunFilter f;
    f.sources = {source};
    f.limit = 1;
    const Result<QList<RunRecord>> runs = list(f);
    if (!runs)
        return runs.error();
    return runs->isEmpty() ? std::optional<RunRecord>() : std::optional<RunRecord>(runs->first());
}

Result<QHash<QString, RunRecord>> RunLog::latestPerSource(const RunFilter &filter)
{
    QVariantList binds;
    const QString where = conditions(filter, QStringLiteral("x"), &binds);
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT %1 FROM tributary_runs r WHERE r.id = (SELECT MAX(x.id) FROM tributary_runs x "
                                    "WHERE x.source = r.source AND %2)")
                         .arg(kColumns, where),
                  binds, &error))
        return error.prefixed(Tr::tr("cannot read the run history"));
    QHash<QString, RunRecord> out;
    while (q.next()) {
        const RunRecord r = fromQuery(q);
        out.insert(r.source, r);
    }
    return out;
}

Result<qint64> RunLog::count(const QString &source)
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT COUNT(*) FROM tributary_runs WHERE source = ?"), {source}, &error) || !q.next())
        return error.prefixed(Tr::tr("cannot read the runs of source %1").arg(source));
    return q.value(0).toLongLong();
}

Result<QDateTime> RunLog::firstStarted(const QString &source)
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT MIN(started_at) FROM tributary_runs WHERE source = ?"), {source}, &error) || !q.next())
        return error.prefixed(Tr::tr("cannot read the runs of source %1").arg(source));
    QDateTime at;
    if (!q.value(0).isNull())
        parseTimestamp(QJsonValue(q.value(0).toString()), &at);
    return at;
}

Result<QHash<QString, qint64>> RunLog::countByKind(const QString &source, qint64 afterId)
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT kind, COUNT(*) FROM tributary_runs WHERE source = ? AND id > ? GROUP BY kind"), {source, afterId},
                  &error))
        return error.prefixed(Tr::tr("cannot read the runs of source %1").arg(source));
    QHash<QString, qint64> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

Result<QStringList> RunLog::sources()
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT DISTINCT source FROM tributary_runs ORDER BY source"), {}, &error))
        return error.prefixed(Tr::tr("cannot read the run history"));
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

Result<qint64> RunLog::latestId()
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM tributary_runs"), {}, &error) || !q.next())
        return error.prefixed(Tr::tr("cannot read the run history"));
    return q.value(0).toLongLong();
}

} // namespace Tributary
