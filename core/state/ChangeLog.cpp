#include "ChangeLog.h"

#include "store/Database.h"
#include "store/Statements.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QSqlQuery>

namespace Tributary {

QJsonObject Change::toJson() const
{
    return QJsonObject{{QStringLiteral("at"), at},
                       {QStringLiteral("actor"), actor},
                       {QStringLiteral("op"), op},
                       {QStringLiteral("source"), source},
                       {QStringLiteral("external_id"), externalId},
                       {QStringLiteral("fields"), QJsonArray::fromStringList(fields)},
                       {QStringLiteral("values"), values},
                       {QStringLiteral("run_id"), runId > 0 ? QJsonValue(runId) : QJsonValue()}};
}

bool ChangeLog::append(const Change &c, Error *error)
{
    const QString sql = QStringLiteral("INSERT INTO tributary_changes (run_id, source, entity, table_name, local_id, "
                                       "external_id, op, fields, actor, at, change_values) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    // The engine appends a line per record: with a cache, the statement is looked up once.
    std::unique_ptr<RowStatement> local;
    RowStatement *q = m_append;
    if (!q && m_statements)
        q = m_append = m_statements->row(sql, error);
    else if (!q)
        q = (local = RowStatement::prepare(m_db, sql, error)).get();
    if (!q)
        return false;
    if (c.runId > 0)
        q->bind(0, c.runId);
    else
        q->bindNull(0);
    q->bind(1, c.source.isEmpty() ? QString() : c.source);
    q->bind(2, c.entity.isEmpty() ? QString() : c.entity);
    q->bind(3, c.table);
    q->bind(4, c.localId);
    q->bind(5, c.externalId.isEmpty() ? QString() : c.externalId);
    q->bind(6, c.op);
    q->bind(7, c.fields.isEmpty() ? QString() : compactJson(QJsonArray::fromStringList(c.fields)));
    q->bind(8, c.actor);
    q->bind(9, c.at);
    q->bind(10, c.values.isEmpty() ? QString() : compactJson(c.values));
    return q->exec(error);
}

namespace {

const QString kChangeColumns = QStringLiteral("id, run_id, source, entity, table_name, local_id, external_id, op, fields, actor, at, change_values");

Change changeFrom(const QSqlQuery &q)
{
    Change c;
    c.id = q.value(0).toLongLong();
    c.runId = q.value(1).toLongLong();
    c.source = q.value(2).toString();
    c.entity = q.value(3).toString();
    c.table = q.value(4).toString();
    c.localId = q.value(5).toString();
    c.externalId = q.value(6).toString();
    c.op = q.value(7).toString();
    for (const QJsonValue &f : parseJsonArray(q.value(8).toString()))
        c.fields.append(f.toString());
    c.actor = q.value(9).toString();
    c.at = q.value(10).toString();
    c.values = parseJsonObject(q.value(11).toString());
    return c;
}

} // namespace

Result<QList<Change>> ChangeLog::forRow(const QString &table, const QString &localId, int limit)
{
    QString sql = QStringLiteral("SELECT %1 FROM tributary_changes WHERE table_name = ? AND local_id = ? ORDER BY id DESC").arg(kChangeColumns);
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, sql, {table, localId}, &error))
        return error.prefixed(Tr::tr("cannot read the history of %1 %2").arg(table, localId));
    QList<Change> out;
    while (q.next())
        out.prepend(changeFrom(q));
    return out;
}

namespace {

QString changeConditions(const ChangeFilter &filter, QVariantList *binds)
{
    QStringList where{QStringLiteral("1 = 1")};
    auto is = [&](const QString &column, const QVariant &value) {
        where.append(column + QStringLiteral(" = ?"));
        binds->append(value);
    };
    if (!filter.source.isEmpty())
        is(QStringLiteral("source"), filter.source);
    if (!filter.entity.isEmpty())
        is(QStringLiteral("entity"), filter.entity);
    if (filter.runId > 0)
        is(QStringLiteral("run_id"), filter.runId);
    if (!filter.op.isEmpty())
        is(QStringLiteral("op"), filter.op);
    if (!filter.ops.isEmpty()) {
        where.append(QStringLiteral("op IN (%1)").arg(QStringList(filter.ops.size(), QStringLiteral("?")).join(QLatin1Char(','))));
        for (const QString &op : filter.ops)
            binds->append(op);
    }
    if (filter.afterRunId > 0) {
        where.append(QStringLiteral("run_id > ?"));
        binds->append(filter.afterRunId);
    }
    return where.join(QStringLiteral(" AND "));
}

} // namespace

Result<QList<Change>> ChangeLog::list(const ChangeFilter &filter)
{
    QVariantList binds;
    const QString where = changeConditions(filter, &binds);
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT %1 FROM tributary_changes WHERE %2 ORDER BY id").arg(kChangeColumns, where), binds, &error))
        return error.prefixed(Tr::tr("cannot read the change log"));
    QList<Change> out;
    while (q.next())
        out.append(changeFrom(q));
    return out;
}

Result<qint64> ChangeLog::count(const ChangeFilter &filter)
{
    QVariantList binds;
    const QString where = changeConditions(filter, &binds);
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT COUNT(*) FROM tributary_changes WHERE %1").arg(where), binds, &error) || !q.next())
        return error.prefixed(Tr::tr("cannot read the change log"));
    return q.value(0).toLongLong();
}

} // namespace Tributary
