#include "ChangeLog.h"

#include "state/LinkStore.h"
#include "store/Database.h"
#include "store/RowBatch.h"
#include "store/Statements.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QSqlQuery>

#include <algorithm>

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

ChangeLog::ChangeLog(Database &db, Statements *statements) : m_db(db), m_statements(statements) {}

ChangeLog::~ChangeLog() = default;

namespace {

// The change log's columns, in the order append() binds them.
QVariantList lineValues(const Change &c)
{
    return {c.runId > 0 ? QVariant(c.runId) : QVariant(),
            c.source.isEmpty() ? QVariant() : QVariant(c.source),
            c.entity.isEmpty() ? QVariant() : QVariant(c.entity),
            c.table,
            c.localId,
            c.externalId.isEmpty() ? QVariant() : QVariant(c.externalId),
            c.op,
            c.fields.isEmpty() ? QVariant() : QVariant(compactJson(QJsonArray::fromStringList(c.fields))),
            c.actor,
            c.at,
            c.values.isEmpty() ? QVariant() : QVariant(compactJson(c.values))};
}

const QStringList kLineColumns = {QStringLiteral("run_id"), QStringLiteral("source"),   QStringLiteral("entity"),
                                  QStringLiteral("table_name"), QStringLiteral("local_id"), QStringLiteral("external_id"),
                                  QStringLiteral("op"),     QStringLiteral("fields"),   QStringLiteral("actor"),
                                  QStringLiteral("at"),     QStringLiteral("change_values")};

} // namespace

bool ChangeLog::append(const Change &c, Error *error)
{
    if (m_batching) {
        if (!m_queue)
            m_queue = std::make_unique<RowBatch>(m_db, QStringLiteral("tributary_changes"), kLineColumns);
        m_queue->add(lineValues(c));
        return true;
    }
    const QString sql = QStringLiteral("INSERT INTO tributary_changes (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(kLineColumns.join(QStringLiteral(", ")));
    // The engine appends a line per record: with a cache, the statement is looked up once.
    std::unique_ptr<RowStatement> local;
    RowStatement *q = m_append;
    if (!q && m_statements)
        q = m_append = m_statements->row(sql, error);
    else if (!q)
        q = (local = RowStatement::prepare(m_db, sql, error)).get();
    if (!q)
        return false;
    const QVariantList values = lineValues(c);
    for (int i = 0; i < values.size(); ++i)
        q->bind(i, values.at(i));
    return q->exec(error);
}

bool ChangeLog::flush(Error *error)
{
    return !m_queue || m_queue->flush(error);
}

void ChangeLog::discard()
{
    if (m_queue)
        m_queue->discard();
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
    // In time order: a link removed later writes its row's insert line then, with the time the
    // row was inserted (keepInsertLines).
    QString sql = QStringLiteral("SELECT %1 FROM tributary_changes WHERE table_name = ? AND local_id = ? ORDER BY at DESC, id DESC").arg(kChangeColumns);
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, sql, {table, localId}, &error))
        return error.prefixed(Tr::tr("cannot read the history of %1 %2").arg(table, localId));
    QList<Change> out;
    while (q.next())
        out.prepend(changeFrom(q));
    // The insert lines the links stand for (a link of origin "inserted" that knows its run), in
    // time order; an insert goes first among lines of the same instant.
    const Result<QList<LinkStore::RowLink>> links = LinkStore::linksOfRow(m_db, table, localId);
    if (!links)
        return links.error();
    for (const LinkStore::RowLink &link : *links) {
        if (link.origin != QLatin1String("inserted") || link.runId <= 0)
            continue;
        Change c;
        c.runId = link.runId;
        c.source = link.source;
        c.entity = link.entity;
        c.table = table;
        c.localId = localId;
        c.externalId = link.externalId;
        c.op = QStringLiteral("insert");
        c.actor = QStringLiteral("source:") + c.source;
        c.at = link.createdAt;
        out.append(c);
    }
    std::stable_sort(out.begin(), out.end(), [](const Change &a, const Change &b) {
        if (a.at != b.at)
            return a.at < b.at;
        return a.op == QLatin1String("insert") && b.op != QLatin1String("insert");
    });
    if (limit > 0 && out.size() > limit)
        out.remove(0, out.size() - limit);
    return out;
}

bool ChangeLog::keepInsertLines(Database &db, const QString &where, const QVariantList &binds, Error *error)
{
    QSqlQuery q;
    if (db.run(q, QStringLiteral("INSERT INTO tributary_changes (run_id, source, entity, table_name, local_id, external_id, op, actor, at) "
                                 "SELECT l.run_id, l.source, l.entity, e.table_name, l.local_id, l.external_id, 'insert', 'source:' || l.source, "
                                 "l.created_at FROM tributary_links l JOIN tributary_entities e ON e.source = l.source AND e.entity = l.entity "
                                 "WHERE l.origin = 'inserted' AND l.run_id IS NOT NULL AND (%1)")
                          .arg(where),
                  binds, error))
        return true;
    *error = error->prefixed(Tr::tr("cannot write the insert lines of the links being removed to the change log"));
    return false;
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
