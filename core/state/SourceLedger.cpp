#include "SourceLedger.h"

#include "state/ChangeLog.h"
#include "state/Migrations.h"
#include "store/Database.h"
#include "util/Tr.h"

#include <QMap>
#include <QSet>
#include <QSqlQuery>

namespace Tributary {

namespace {

// The tables that hold a source's state (history excluded), each with the condition that makes a
// row state rather than history.
const QList<QPair<QString, QString>> kStateTables = {
    {QStringLiteral("tributary_links"), QString()},
    {QStringLiteral("tributary_entities"), QString()},
    {QStringLiteral("tributary_cursors"), QString()},
    {QStringLiteral("tributary_pending"), QString()},
    {QStringLiteral("tributary_quarantine"), QString()},
    {QStringLiteral("tributary_conflicts"), QStringLiteral("status = 'open'")},
};

// Source names in one state table. Walks the index on (source, ...) one name at a time, so a
// table of millions of links costs a few lookups, not a scan.
bool sourcesIn(Database &db, const QString &table, const QString &condition, QSet<QString> *names, Error *error)
{
    const QString where = condition.isEmpty() ? QString() : condition + QStringLiteral(" AND ");
    QString last;
    for (bool first = true;; first = false) {
        QSqlQuery q;
        if (!db.run(q, QStringLiteral("SELECT MIN(source) FROM %1 WHERE %2%3").arg(table, where, first ? QStringLiteral("1 = 1") : QStringLiteral("source > ?")),
                    first ? QVariantList() : QVariantList{last}, error))
            return false;
        if (!q.next() || q.value(0).isNull())
            return true;
        last = q.value(0).toString();
        names->insert(last);
    }
}

// SQL (over tributary_links l) that is true when another source links the same row, and its binds.
QString sharedCondition(const SourceLedger::Sharers &pairs, QVariantList *binds)
{
    if (pairs.isEmpty())
        return QStringLiteral("1 = 0");
    QStringList entities, alternatives;
    QVariantList entityBinds, pairBinds;
    for (const auto &p : pairs) {
        if (!entityBinds.contains(p.second)) {
            entities.append(QStringLiteral("?"));
            entityBinds.append(p.second);
        }
        alternatives.append(QStringLiteral("(o.source = ? AND o.entity = ?)"));
        pairBinds << p.first << p.second;
    }
    *binds << entityBinds << pairBinds;
    // entity IN (...) AND local_id = ... lets the index on (entity, local_id) answer.
    return QStringLiteral("EXISTS (SELECT 1 FROM tributary_links o WHERE o.entity IN (%1) AND o.local_id = l.local_id AND (%2))")
        .arg(entities.join(QStringLiteral(", ")), alternatives.join(QStringLiteral(" OR ")));
}

// "FROM tributary_links l WHERE <inserted by source> AND [NOT] <shared>", with its binds.
QString linksOf(const QString &source, const QString &entity, const SourceLedger::Sharers &sharers, bool shared, QVariantList *binds)
{
    QVariantList sharedBinds;
    const QString condition = sharedCondition(sharers, &sharedBinds);
    *binds = QVariantList{source, entity} + sharedBinds;
    return QStringLiteral("FROM tributary_links l WHERE l.source = ? AND l.entity = ? AND l.origin = 'inserted' AND %1%2")
        .arg(shared ? QString() : QStringLiteral("NOT "), condition);
}

// The key of the target table compared with a link's local id (TEXT). SQLite converts the text by
// the column's affinity and keeps using the key's index; PostgreSQL needs the key as text.
QString keyAsText(Database &db, const QString &alias, const QString &key)
{
    const QString column = alias + QLatin1Char('.') + db.quote(key);
    return db.isSqlite() ? column : QStringLiteral("CAST(%1 AS TEXT)").arg(column);
}

Result<qint64> scalar(Database &db, const QString &sql, const QVariantList &binds, const QString &doing)
{
    QSqlQuery q;
    Error error;
    if (!db.run(q, sql, binds, &error) || !q.next())
        return error.prefixed(doing);
    return q.value(0).toLongLong();
}

} // namespace

EntitySummary SourceSummary::entity(const QString &name) const
{
    for (const EntitySummary &e : entities) {
        if (e.entity == name)
            return e;
    }
    EntitySummary none;
    none.entity = name;
    return none;
}

EntitySummary SourceSummary::total() const
{
    EntitySummary t;
    for (const EntitySummary &e : entities) {
        t.links += e.links;
        t.gone += e.gone;
        t.inserted += e.inserted;
        t.matched += e.matched;
        t.pending += e.pending;
        t.quarantined += e.quarantined;
        t.openConflicts += e.openConflicts;
    }
    return t;
}

Result<SourceSummary> SourceLedger::summary(const QString &source)
{
    SourceSummary s;
    s.source = source;
    QMap<QString, EntitySummary> entities;
    auto entity = [&](const QString &name) -> EntitySummary & {
        EntitySummary &e = entities[name];
        e.entity = name;
        return e;
    };
    const QString doing = Tr::tr("cannot read what the main database holds for source %1").arg(source);
    Error error;
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("SELECT entity, origin, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END, COUNT(*) "
                                    "FROM tributary_links WHERE source = ? GROUP BY 1, 2, 3"),
                  {source}, &error))
        return error.prefixed(doing);
    while (q.next()) {
        EntitySummary &e = entity(q.value(0).toString());
        const qint64 n = q.value(3).toLongLong();
        e.links += n;
        if (q.value(2).toInt() == 1)
            e.gone += n;
        if (q.value(1).toString() == QLatin1String("matched"))
            e.matched += n;
        else
            e.inserted += n;
    }
    const QList<QPair<QString, qint64 EntitySummary::*>> perEntity = {
        {QStringLiteral("SELECT entity, COUNT(*) FROM tributary_pending WHERE source = ? GROUP BY entity"), &EntitySummary::pending},
        {QStringLiteral("SELECT entity, COUNT(*) FROM tributary_quarantine WHERE source = ? GROUP BY entity"), &EntitySummary::quarantined},
        {QStringLiteral("SELECT entity, COUNT(*) FROM tributary_conflicts WHERE source = ? AND status = 'open' GROUP BY entity"),
         &EntitySummary::openConflicts},
    };
    for (const auto &[sql, member] : perEntity) {
        if (!m_db.run(q, sql, {source}, &error))
            return error.prefixed(doing);
        while (q.next())
            entity(q.value(0).toString()).*member = q.value(1).toLongLong();
    }
    const Result<qint64> cursors = scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM tributary_cursors WHERE source = ?"), {source}, doing);
    if (!cursors)
        return cursors.error();
    s.cursors = *cursors;
    RunLog runs(m_db);
    const Result<qint64> count = runs.count(source);
    if (!count)
        return count.error();
    s.runs = *count;
    const Result<std::optional<RunRecord>> last = runs.last(source);
    if (!last)
        return last.error();
    s.lastRun = *last;
    s.entities = entities.values();
    return s;
}

Result<QStringList> SourceLedger::sourcesWithState()
{
    Error error;
    int version = 0;
    if (!Migrations::version(m_db, &version, &error))
        return error;
    // A database whose state tables are missing or older (a dry run does not migrate) knows no
    // source yet.
    if (version < Migrations::kCurrentVersion)
        return QStringList();
    QSet<QString> names;
    for (const auto &t : kStateTables) {
        if (!sourcesIn(m_db, t.first, t.second, &names, &error))
            return error.prefixed(Tr::tr("cannot read which sources the main database holds state for"));
    }
    QStringList out(names.begin(), names.end());
    out.sort();
    return out;
}

bool SourceLedger::forget(const QString &source, Forgotten *forgotten, Error *error)
{
    // The rows stay (detach) or go with a line of their own (purge); who inserted them stays too.
    if (!ChangeLog::keepInsertLines(m_db, QStringLiteral("l.source = ?"), {source}, error))
        return false;
    const QList<QPair<QString, qint64 *>> tables = {
        {QStringLiteral("tributary_pending_refs"), nullptr},
        {QStringLiteral("tributary_pending"), &forgotten->pending},
        {QStringLiteral("tributary_quarantine"), &forgotten->quarantined},
        {QStringLiteral("tributary_cursors"), &forgotten->cursors},
        {QStringLiteral("tributary_links"), &forgotten->links},
        {QStringLiteral("tributary_entities"), nullptr},
        {QStringLiteral("tributary_leases"), nullptr},
        {QStringLiteral("tributary_hints"), nullptr},
    };
    for (const auto &t : tables) {
        QSqlQuery q;
        if (!m_db.run(q, QStringLiteral("DELETE FROM %1 WHERE source = ?").arg(t.first), {source}, error)) {
            *error = error->prefixed(Tr::tr("cannot forget the state of source %1").arg(source));
            return false;
        }
        if (t.second)
            *t.second = q.numRowsAffected();
    }
    return true;
}

Result<QStringList> SourceLedger::sourcesLinkingEntity(const QString &entity, const QString &excludingSource)
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT DISTINCT source FROM tributary_links WHERE entity = ? AND source <> ?"), {entity, excludingSource},
                  &error))
        return error.prefixed(Tr::tr("cannot read the links of entity %1").arg(entity));
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

Result<qint64> SourceLedger::countShared(const QString &source, const QString &entity, const Sharers &sharers)
{
    QVariantList binds;
    const QString from = linksOf(source, entity, sharers, true, &binds);
    return scalar(m_db, QStringLiteral("SELECT COUNT(*) ") + from, binds, Tr::tr("cannot count the shared rows of %1/%2").arg(source, entity));
}

Result<qint64> SourceLedger::countPurgeable(const QString &source, const QString &entity, const Sharers &sharers, const QString &table,
                                            const QString &keyColumn)
{
    QVariantList binds;
    const QString from = linksOf(source, entity, sharers, false, &binds);
    return scalar(m_db, QStringLiteral("SELECT COUNT(*) %1 AND EXISTS (SELECT 1 FROM %2 t WHERE %3 = l.local_id)")
                            .arg(from, m_db.quote(table), keyAsText(m_db, QStringLiteral("t"), keyColumn)),
                  binds, Tr::tr("cannot count the rows of %1/%2").arg(source, entity));
}

Result<QList<SourceLedger::LinkedRow>> SourceLedger::purgeBatch(const QString &source, const QString &entity, const Sharers &sharers,
                                                                const QString &after, int batch)
{
    QVariantList binds;
    const QString from = linksOf(source, entity, sharers, false, &binds);
    QString page;
    if (!after.isEmpty()) {
        page = QStringLiteral(" AND (length(l.local_id) < ? OR (length(l.local_id) = ? AND l.local_id < ?))");
        binds << int(after.size()) << int(after.size()) << after;
    }
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT l.local_id, l.external_id %1%2 ORDER BY length(l.local_id) DESC, l.local_id DESC LIMIT %3")
                         .arg(from, page)
                         .arg(qMax(1, batch)),
                  binds, &error))
        return error.prefixed(Tr::tr("cannot read the links of %1/%2").arg(source, entity));
    QList<LinkedRow> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

bool SourceLedger::beginPurgeMarks(Error *error)
{
    return m_db.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS tributary_purged (table_name TEXT NOT NULL, local_id)"), error)
        && m_db.exec(QStringLiteral("DELETE FROM temp.tributary_purged"), error);
}

bool SourceLedger::markPurged(const QString &table, const QVariant &localId, Error *error)
{
    QSqlQuery q;
    return m_db.run(q, QStringLiteral("INSERT INTO temp.tributary_purged (table_name, local_id) VALUES (?, ?)"), {table, localId}, error);
}

bool SourceLedger::endPurgeMarks(Error *error)
{
    return m_db.exec(QStringLiteral("DROP TABLE temp.tributary_purged"), error);
}

bool SourceLedger::findDangling(const QHash<QString, QString> &purgedKeys, Dangling *dangling, bool *found, Error *error)
{
    *found = false;
    struct ForeignKey
    {
        QString child, from, parent, to;
        int columns = 0;
    };
    QMap<QString, ForeignKey> keys; // child + id
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\" FROM sqlite_master m "
                                    "JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' "
                                    "AND m.name NOT LIKE 'tributary_%' ORDER BY m.name, f.id, f.seq"),
                  {}, error))
        return false;
    while (q.next()) {
        ForeignKey &k = keys[q.value(0).toString() + QChar(0x1f) + q.value(1).toString()];
        k.child = q.value(0).toString();
        k.parent = q.value(2).toString();
        k.from = q.value(3).toString();
        k.to = q.value(4).toString();
        ++k.columns;
    }
    for (const ForeignKey &k : std::as_const(keys)) {
        QString parent;
        for (auto it = purgedKeys.constBegin(); it != purgedKeys.constEnd(); ++it) {
            if (it.key().compare(k.parent, Qt::CaseInsensitive) == 0)
                parent = it.key();
        }
        // Only single-column keys to the key column can be told apart by local id.
        if (parent.isEmpty() || k.columns != 1 || (!k.to.isEmpty() && k.to.compare(purgedKeys.value(parent), Qt::CaseInsensitive) != 0))
            continue;
        QString childKey = QStringLiteral("rowid");
        if (!m_db.run(q, QStringLiteral("SELECT name FROM pragma_table_info(?) WHERE pk = 1"), {k.child}, error))
            return false;
        if (q.next())
            childKey = q.value(0).toString();
        if (!m_db.run(q, QStringLiteral("SELECT %1, %2 FROM %3 WHERE %2 IN (SELECT local_id FROM temp.tributary_purged WHERE table_name = ?) LIMIT 1")
                             .arg(m_db.quote(childKey), m_db.quote(k.from), m_db.quote(k.child)),
                      {parent}, error))
            return false;
        if (q.next()) {
            *found = true;
            *dangling = {k.child, childKey, q.value(0).toString(), parent, purgedKeys.value(parent), q.value(1).toString(), k.from};
            return true;
        }
    }
    return true;
}

} // namespace Tributary
