#include "SourceAdmin.h"

#include "config/Config.h"
#include "engine/RecordMapper.h"
#include "store/Database.h"
#include "util/Logging.h"
#include "util/Tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <csignal>
#include <unistd.h>

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

QVariant localIdValue(const QString &id)
{
    bool ok = false;
    const qlonglong n = id.toLongLong(&ok);
    return ok ? QVariant(n) : QVariant(id);
}

QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

bool query(Database &db, QSqlQuery &q, const QString &sql, const QVariantList &binds, Error *error)
{
    if (!db.prepare(q, sql, error))
        return false;
    for (const QVariant &b : binds)
        q.addBindValue(b);
    return db.exec(q, error);
}

qint64 count(Database &db, const QString &sql, const QVariantList &binds, Error *error)
{
    QSqlQuery q;
    if (!query(db, q, sql, binds, error))
        return 0;
    return q.next() ? q.value(0).toLongLong() : 0;
}

// Source names in one state table. Walks the index on (source, ...) one name at a time, so a
// table of millions of links costs a few lookups, not a scan.
QStringList sourcesIn(Database &db, const QString &table, const QString &condition, Error *error)
{
    QStringList out;
    const QString where = condition.isEmpty() ? QString() : condition + QStringLiteral(" AND ");
    QString last;
    for (;;) {
        QSqlQuery q;
        const bool first = out.isEmpty();
        if (!query(db, q, QStringLiteral("SELECT MIN(source) FROM %1 WHERE %2%3").arg(table, where, first ? QStringLiteral("1 = 1") : QStringLiteral("source > ?")),
                   first ? QVariantList() : QVariantList{last}, error))
            return {};
        if (!q.next() || q.value(0).isNull())
            return out;
        last = q.value(0).toString();
        out.append(last);
    }
}

QStringList stateSources(Database &db, Error *error)
{
    // A database whose state tables are missing or older (a dry run does not migrate) knows
    // no source yet.
    if (Migrations::version(db) < Migrations::kCurrentVersion)
        return {};
    QSet<QString> names;
    for (const auto &t : kStateTables) {
        const QStringList found = sourcesIn(db, t.first, t.second, error);
        if (error->isError())
            return {};
        for (const QString &n : found)
            names.insert(n);
    }
    QStringList out(names.begin(), names.end());
    out.sort();
    return out;
}

SourceAdmin::SourceState stateOf(Database &db, const Config &config, const QString &name, Error *error)
{
    SourceAdmin::SourceState s;
    s.name = name;
    const SourceConfig *sc = config.source(name);
    s.configured = sc != nullptr;
    s.enabled = sc && sc->enabled;

    // Where each entity's rows live: what the runs recorded first (that is where the links point),
    // then the configuration, then entities known only from their links.
    QHash<QString, int> index;
    QSqlQuery q;
    if (!query(db, q, QStringLiteral("SELECT entity, table_name, key_column, position FROM tributary_entities WHERE source = ? ORDER BY position, entity"),
               {name}, error))
        return s;
    while (q.next()) {
        SourceAdmin::EntityState e;
        e.entity = q.value(0).toString();
        e.table = q.value(1).toString();
        e.keyColumn = q.value(2).toString();
        e.position = q.value(3).toInt();
        index.insert(e.entity, int(s.entities.size()));
        s.entities.append(e);
    }
    if (sc) {
        const QList<const EntityConfig *> ordered = sc->orderedEntities();
        QList<const EntityConfig *> all = ordered;
        for (const EntityConfig &e : sc->entities) {
            if (!all.contains(&e))
                all.append(&e); // disabled entities still hold links from earlier runs
        }
        for (int i = 0; i < all.size(); ++i) {
            if (index.contains(all.at(i)->name))
                continue;
            SourceAdmin::EntityState e;
            e.entity = all.at(i)->name;
            e.table = all.at(i)->table;
            e.keyColumn = all.at(i)->key;
            e.position = i;
            index.insert(e.entity, int(s.entities.size()));
            s.entities.append(e);
        }
    }
    if (!query(db, q, QStringLiteral("SELECT entity, origin, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END, COUNT(*) "
                                     "FROM tributary_links WHERE source = ? GROUP BY 1, 2, 3"),
               {name}, error))
        return s;
    while (q.next()) {
        const QString entity = q.value(0).toString();
        if (!index.contains(entity)) {
            SourceAdmin::EntityState e;
            e.entity = entity;
            e.position = 1000000;
            index.insert(entity, int(s.entities.size()));
            s.entities.append(e);
        }
        SourceAdmin::EntityState &e = s.entities[index.value(entity)];
        const qint64 n = q.value(3).toLongLong();
        e.links += n;
        if (q.value(2).toInt() == 1)
            e.gone += n;
        if (q.value(1).toString() == QLatin1String("matched"))
            e.matched += n;
        else
            e.inserted += n;
    }
    std::stable_sort(s.entities.begin(), s.entities.end(),
                     [](const SourceAdmin::EntityState &a, const SourceAdmin::EntityState &b) { return a.position < b.position; });
    for (const SourceAdmin::EntityState &e : std::as_const(s.entities)) {
        s.links += e.links;
        s.gone += e.gone;
        s.inserted += e.inserted;
        s.matched += e.matched;
    }
    s.cursors = count(db, QStringLiteral("SELECT COUNT(*) FROM tributary_cursors WHERE source = ?"), {name}, error);
    s.pending = count(db, QStringLiteral("SELECT COUNT(*) FROM tributary_pending WHERE source = ?"), {name}, error);
    s.quarantined = count(db, QStringLiteral("SELECT COUNT(*) FROM tributary_quarantine WHERE source = ?"), {name}, error);
    s.openConflicts = count(db, QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE status = 'open' AND source = ?"), {name}, error);
    if (!query(db, q, QStringLiteral("SELECT COUNT(*), MAX(started_at) FROM tributary_runs WHERE source = ?"), {name}, error))
        return s;
    if (q.next()) {
        s.runs = q.value(0).toLongLong();
        s.lastRunAt = q.value(1).toString();
    }
    return s;
}

// Refusals shared by plans and the real thing.
bool admissible(Database &db, const SourceAdmin::SourceState &s, const Config &config, const SourceAdmin::Options &options,
                const QString &verb, Error *error)
{
    if (!s.configured && !s.hasState()) {
        Error listError;
        QStringList known = stateSources(db, &listError);
        for (const SourceConfig &c : config.sources) {
            if (!known.contains(c.name))
                known.append(c.name);
        }
        known.sort();
        *error = Error(Error::Code::Config, Tr::tr("no source \"%1\" in the configuration or in the main database's state (known: %2)")
                                                .arg(s.name, known.isEmpty() ? Tr::tr("none") : known.join(QStringLiteral(", "))));
        return false;
    }
    if (s.configured && s.enabled && !options.force) {
        const QString next = verb == QLatin1String("purge")
            ? Tr::tr("insert again every row the purge deletes")
            : Tr::tr("take every record as new: adopt the rows its match keys find and insert the others again, beside the "
                     "rows already there");
        *error = Error(Error::Code::Config, Tr::tr("source \"%1\" is still in the configuration and enabled: the next sync would %2. "
                                                   "Remove it from the configuration (or set \"enabled\": false) first, or pass --force")
                                                .arg(s.name, next));
        return false;
    }
    // A sync of this source in another process would link again, page by page, what this forgets.
    QSqlQuery q;
    if (!query(db, q, QStringLiteral("SELECT id, pid FROM tributary_runs WHERE source = ? AND status = 'running'"), {s.name}, error))
        return false;
    while (q.next()) {
        const qint64 pid = q.value(1).toLongLong();
        if (pid > 0 && pid != qint64(::getpid()) && ::kill(pid_t(pid), 0) == 0) {
            *error = Error(Error::Code::Database, Tr::tr("a sync of source \"%1\" is running (run %2, process %3): "
                                                         "wait for it to end, or stop it, before you %4 the source")
                                                      .arg(s.name).arg(q.value(0).toLongLong()).arg(pid).arg(verb));
            return false;
        }
    }
    return true;
}

// The (source, entity) pairs of other sources whose rows live in `table`: a row one of them links
// is shared, and a purge keeps it.
QList<QPair<QString, QString>> sharers(Database &db, const Config &config, const QString &source, const SourceAdmin::EntityState &entity,
                                       Error *error)
{
    QList<QPair<QString, QString>> out;
    QSet<QString> recorded; // source + '\x1f' + entity, whatever its table
    QSqlQuery q;
    if (!query(db, q, QStringLiteral("SELECT source, entity, table_name FROM tributary_entities WHERE source <> ?"), {source}, error))
        return out;
    while (q.next()) {
        recorded.insert(q.value(0).toString() + QChar(0x1f) + q.value(1).toString());
        if (q.value(2).toString() == entity.table)
            out.append({q.value(0).toString(), q.value(1).toString()});
    }
    for (const SourceConfig &s : config.sources) {
        if (s.name == source)
            continue;
        for (const EntityConfig &e : s.entities) {
            const QString key = s.name + QChar(0x1f) + e.name;
            if (!recorded.contains(key) && e.table == entity.table) {
                recorded.insert(key);
                out.append({s.name, e.name});
            }
        }
    }
    // Links of an entity whose table nothing recorded (a source last synced before state version
    // 3): assume the worst, that an entity of the same name shares the table.
    if (!query(db, q, QStringLiteral("SELECT DISTINCT source FROM tributary_links WHERE entity = ? AND source <> ?"), {entity.entity, source},
               error))
        return out;
    while (q.next()) {
        const QString key = q.value(0).toString() + QChar(0x1f) + entity.entity;
        if (!recorded.contains(key))
            out.append({q.value(0).toString(), entity.entity});
    }
    return out;
}

// SQL (over tributary_links l) that is true when another source links the same row, and its binds.
QString sharedCondition(const QList<QPair<QString, QString>> &pairs, QVariantList *binds)
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

// The key of the target table compared with a link's local id (TEXT). SQLite converts the text by
// the column's affinity and keeps using the key's index; PostgreSQL needs the key as text.
QString keyAsText(Database &db, const QString &alias, const QString &key)
{
    const QString column = alias + QLatin1Char('.') + db.quote(key);
    return db.isSqlite() ? column : QStringLiteral("CAST(%1 AS TEXT)").arg(column);
}

struct PurgeQueries
{
    QString candidates; // over tributary_links l: inserted by the source, linked by no other
    QVariantList binds;
    QString shared;
    QVariantList sharedBinds;
};

PurgeQueries purgeQueries(Database &db, const Config &config, const QString &source, const SourceAdmin::EntityState &e, Error *error)
{
    PurgeQueries pq;
    const QList<QPair<QString, QString>> pairs = sharers(db, config, source, e, error);
    QVariantList sharedBinds;
    const QString shared = sharedCondition(pairs, &sharedBinds);
    const QString base = QStringLiteral("FROM tributary_links l WHERE l.source = ? AND l.entity = ? AND l.origin = 'inserted' AND ");
    pq.candidates = base + QStringLiteral("NOT ") + shared;
    pq.binds = QVariantList{source, e.entity} + sharedBinds;
    pq.shared = base + shared;
    pq.sharedBinds = pq.binds;
    return pq;
}

bool checkTables(const SourceAdmin::SourceState &s, Error *error)
{
    for (const SourceAdmin::EntityState &e : s.entities) {
        if (e.links > 0 && (e.table.isEmpty() || e.keyColumn.isEmpty())) {
            *error = Error(Error::Code::Config,
                           Tr::tr("cannot purge source \"%1\": no run recorded which table its entity \"%2\" writes to (it was last "
                                  "synced by an older Tributary). 'detach' still works; or add the source back to the "
                                  "configuration, disabled, so its tables are known")
                               .arg(s.name, e.entity));
            return false;
        }
    }
    return true;
}

SourceAdmin::Result detachCounts(const SourceAdmin::SourceState &s)
{
    SourceAdmin::Result r;
    r.source = s.name;
    r.links = s.links;
    r.cursors = s.cursors;
    r.pending = s.pending;
    r.quarantined = s.quarantined;
    r.conflictsResolved = s.openConflicts;
    return r;
}

// Forgets what Tributary keeps for the source, inside the caller's transaction. Runs, the change
// log and resolved conflicts are history and stay.
bool detachIn(Database &db, const SourceAdmin::SourceState &s, const SourceAdmin::Options &options, const QString &now,
              SourceAdmin::Result *r, Error *error)
{
    QSqlQuery q;
    // One line per entity in the change log: the rows stay, only their links go.
    for (const SourceAdmin::EntityState &e : s.entities) {
        if (e.links == 0)
            continue;
        if (!query(db, q, QStringLiteral("INSERT INTO tributary_changes (run_id, source, entity, table_name, local_id, external_id, op, "
                                         "fields, actor, at, change_values) VALUES (NULL, ?, ?, ?, '*', NULL, 'detach', NULL, ?, ?, ?)"),
                   {s.name, e.entity, e.table, options.actor, now,
                    compact(QJsonObject{{QStringLiteral("links"), e.links},
                                        {QStringLiteral("inserted"), e.inserted},
                                        {QStringLiteral("matched"), e.matched}})},
                   error))
            return false;
    }
    if (!query(db, q, QStringLiteral("UPDATE tributary_conflicts SET status = 'resolved', resolution = 'detached', resolved_by = ?, "
                                     "resolved_at = ?, updated_at = ? WHERE status = 'open' AND source = ?"),
               {options.actor, now, now, s.name}, error))
        return false;
    r->conflictsResolved = q.numRowsAffected();
    const QList<QPair<QString, qint64 *>> forget = {
        {QStringLiteral("tributary_pending_refs"), nullptr},
        {QStringLiteral("tributary_pending"), &r->pending},
        {QStringLiteral("tributary_quarantine"), &r->quarantined},
        {QStringLiteral("tributary_cursors"), &r->cursors},
        {QStringLiteral("tributary_links"), &r->links},
        {QStringLiteral("tributary_entities"), nullptr},
        {QStringLiteral("tributary_leases"), nullptr},
    };
    for (const auto &t : forget) {
        if (!query(db, q, QStringLiteral("DELETE FROM %1 WHERE source = ?").arg(t.first), {s.name}, error))
            return false;
        if (t.second)
            *t.second = q.numRowsAffected();
    }
    return true;
}

// SQLite: Tributary keeps foreign keys off (the main application may write rows in any order),
// so the database cannot refuse a delete that leaves a row pointing at nothing. Check what
// PostgreSQL would check: no row that stays references a purged row through a declared foreign
// key. Returns false with the first such row in *error.
bool checkDangling(Database &db, const QHash<QString, QString> &purgedKeys, Error *error)
{
    struct ForeignKey
    {
        QString child, from, parent, to;
        int columns = 0;
    };
    QMap<QString, ForeignKey> keys; // child + id
    QSqlQuery q;
    if (!query(db, q, QStringLiteral("SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\" FROM sqlite_master m "
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
        if (!query(db, q, QStringLiteral("SELECT name FROM pragma_table_info(?) WHERE pk = 1"), {k.child}, error))
            return false;
        if (q.next())
            childKey = q.value(0).toString();
        if (!query(db, q, QStringLiteral("SELECT %1, %2 FROM %3 WHERE %2 IN (SELECT local_id FROM temp.tributary_purged WHERE table_name = ?) LIMIT 1")
                              .arg(db.quote(childKey), db.quote(k.from), db.quote(k.child)),
                   {parent}, error))
            return false;
        if (q.next()) {
            *error = Error(Error::Code::Database,
                           Tr::tr("%1 %2 %3 still references %4 %5 %6 (%1.%7), which the purge would delete: nothing was deleted "
                                  "or detached. That row is not one this source brought; delete or change it first, or detach "
                                  "the source instead")
                               .arg(k.child, childKey, q.value(0).toString(), parent, purgedKeys.value(parent), q.value(1).toString(), k.from));
            return false;
        }
    }
    return true;
}

QJsonObject rowJson(const QSqlRecord &record)
{
    QJsonObject o;
    for (int i = 0; i < record.count(); ++i)
        o.insert(record.fieldName(i), variantToJson(record.value(i)));
    return o;
}

} // namespace

bool SourceAdmin::SourceState::hasState() const
{
    return links > 0 || !entities.isEmpty() || cursors > 0 || pending > 0 || quarantined > 0 || openConflicts > 0;
}

QJsonObject SourceAdmin::SourceState::toJson() const
{
    QJsonArray es;
    for (const EntityState &e : entities) {
        es.append(QJsonObject{{QStringLiteral("entity"), e.entity},
                              {QStringLiteral("table"), e.table.isEmpty() ? QJsonValue() : QJsonValue(e.table)},
                              {QStringLiteral("links"), e.links},
                              {QStringLiteral("gone"), e.gone},
                              {QStringLiteral("inserted"), e.inserted},
                              {QStringLiteral("matched"), e.matched}});
    }
    return QJsonObject{{QStringLiteral("source"), name},
                       {QStringLiteral("configured"), configured},
                       {QStringLiteral("enabled"), enabled},
                       {QStringLiteral("removed"), isRemoved()},
                       {QStringLiteral("links"), links},
                       {QStringLiteral("gone"), gone},
                       {QStringLiteral("inserted"), inserted},
                       {QStringLiteral("matched"), matched},
                       {QStringLiteral("cursors"), cursors},
                       {QStringLiteral("pending"), pending},
                       {QStringLiteral("quarantined"), quarantined},
                       {QStringLiteral("open_conflicts"), openConflicts},
                       {QStringLiteral("runs"), runs},
                       {QStringLiteral("last_run_at"), lastRunAt.isEmpty() ? QJsonValue() : QJsonValue(lastRunAt)},
                       {QStringLiteral("entities"), es}};
}

QList<SourceAdmin::SourceState> SourceAdmin::knownSources(Database &db, const Config &config, Error *error)
{
    QStringList names = stateSources(db, error);
    if (error->isError())
        return {};
    for (const SourceConfig &s : config.sources) {
        if (!names.contains(s.name))
            names.append(s.name);
    }
    names.sort();
    QList<SourceState> out;
    for (const QString &n : std::as_const(names)) {
        out.append(stateOf(db, config, n, error));
        if (error->isError())
            return {};
    }
    return out;
}

QList<SourceAdmin::SourceState> SourceAdmin::removedSources(Database &db, const Config &config, Error *error)
{
    const QStringList names = stateSources(db, error);
    QList<SourceState> out;
    for (const QString &n : names) {
        if (config.source(n))
            continue;
        out.append(stateOf(db, config, n, error));
        if (error->isError())
            return {};
    }
    return out;
}

SourceAdmin::Result SourceAdmin::planDetach(Database &db, const Config &config, const QString &source, const Options &options, Error *error)
{
    const SourceState s = stateOf(db, config, source, error);
    if (error->isError() || !admissible(db, s, config, options, QStringLiteral("detach"), error))
        return {};
    return detachCounts(s);
}

SourceAdmin::Result SourceAdmin::planPurge(Database &db, const Config &config, const QString &source, const Options &options, Error *error)
{
    const SourceState s = stateOf(db, config, source, error);
    if (error->isError() || !admissible(db, s, config, options, QStringLiteral("purge"), error) || !checkTables(s, error))
        return {};
    Result r = detachCounts(s);
    for (auto it = s.entities.crbegin(); it != s.entities.crend(); ++it) {
        const EntityState &e = *it;
        EntityPurge p;
        p.entity = e.entity;
        p.table = e.table;
        p.links = e.links;
        p.adopted = e.matched;
        if (e.inserted > 0) {
            const PurgeQueries pq = purgeQueries(db, config, source, e, error);
            if (error->isError())
                return {};
            p.shared = count(db, QStringLiteral("SELECT COUNT(*) ") + pq.shared, pq.sharedBinds, error);
            if (db.hasTable(e.table)) {
                p.deleted = count(db, QStringLiteral("SELECT COUNT(*) %1 AND EXISTS (SELECT 1 FROM %2 t WHERE %3 = l.local_id)")
                                          .arg(pq.candidates, db.quote(e.table), keyAsText(db, QStringLiteral("t"), e.keyColumn)),
                                  pq.binds, error);
            }
            if (error->isError())
                return {};
            p.alreadyGone = e.inserted - p.shared - p.deleted;
        }
        r.rowsDeleted += p.deleted;
        r.rowsShared += p.shared;
        r.rowsAdopted += p.adopted;
        r.rowsAlreadyGone += p.alreadyGone;
        r.entities.append(p);
    }
    return r;
}

SourceAdmin::Result SourceAdmin::detach(Database &db, const Config &config, const QString &source, const Options &options, Error *error)
{
    const SourceState s = stateOf(db, config, source, error);
    if (error->isError() || !admissible(db, s, config, options, QStringLiteral("detach"), error))
        return {};
    Result r;
    r.source = source;
    if (!db.transaction(error))
        return {};
    if (!detachIn(db, s, options, Database::now(), &r, error) || !db.commit(error)) {
        db.rollback();
        return {};
    }
    r.applied = true;
    qCInfo(lcEngine).noquote() << QStringLiteral("source %1 detached by %2: %3 links forgotten, every row kept").arg(source, options.actor).arg(r.links);
    return r;
}

SourceAdmin::Result SourceAdmin::purge(Database &db, const Config &config, const QString &source, const Options &options, Error *error)
{
    // Counted inside the transaction below, so that what is reported is what was done.
    const SourceState s = stateOf(db, config, source, error);
    if (error->isError() || !admissible(db, s, config, options, QStringLiteral("purge"), error) || !checkTables(s, error))
        return {};
    Result r;
    r.source = source;
    if (!db.transaction(error))
        return {};
    const QString now = Database::now();
    auto fail = [&](Error e) {
        db.rollback();
        *error = std::move(e);
        return Result();
    };
    Error e;
    if (db.isSqlite()
        && (!db.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS tributary_purged (table_name TEXT NOT NULL, local_id)"), &e)
            || !db.exec(QStringLiteral("DELETE FROM temp.tributary_purged"), &e)))
        return fail(e);
    QHash<QString, QString> purgedKeys; // table -> key column, for the dangling-reference check

    // Children before parents: a row is deleted only after the rows of this source that point at it.
    for (auto it = s.entities.crbegin(); it != s.entities.crend(); ++it) {
        const EntityState &entity = *it;
        EntityPurge p;
        p.entity = entity.entity;
        p.table = entity.table;
        p.links = entity.links;
        p.adopted = entity.matched;
        if (entity.inserted == 0) {
            r.rowsAdopted += p.adopted;
            r.entities.append(p);
            continue;
        }
        const PurgeQueries pq = purgeQueries(db, config, source, entity, &e);
        if (e)
            return fail(e);
        p.shared = count(db, QStringLiteral("SELECT COUNT(*) ") + pq.shared, pq.sharedBinds, &e);
        if (e)
            return fail(e);
        if (db.hasTable(entity.table)) {
            purgedKeys.insert(entity.table, entity.keyColumn);
            QSqlQuery del, log, mark;
            if (!db.prepare(del, QStringLiteral("DELETE FROM %1 WHERE %2 = ? RETURNING *").arg(db.quote(entity.table), db.quote(entity.keyColumn)), &e)
                || !db.prepare(log, QStringLiteral("INSERT INTO tributary_changes (run_id, source, entity, table_name, local_id, external_id, op, "
                                                   "fields, actor, at, change_values) VALUES (NULL, ?, ?, ?, ?, ?, 'purge', NULL, ?, ?, ?)"),
                               &e)
                || (db.isSqlite() && !db.prepare(mark, QStringLiteral("INSERT INTO temp.tributary_purged (table_name, local_id) VALUES (?, ?)"), &e)))
                return fail(e);
            // Replies after the messages they answer, whatever the order of the links: keys are
            // handed out increasing, and a record is only inserted once what it references is.
            // Read in batches, each to its end before anything else runs on the connection (the
            // PostgreSQL driver streams results and loses them otherwise), with memory bounded.
            QList<QPair<QString, QString>> batch; // local id, external id
            for (;;) {
                QVariantList binds = pq.binds;
                QString after;
                if (!batch.isEmpty()) {
                    const QString &last = batch.constLast().first;
                    after = QStringLiteral(" AND (length(l.local_id) < ? OR (length(l.local_id) = ? AND l.local_id < ?))");
                    binds << int(last.size()) << int(last.size()) << last;
                }
                batch.clear();
                QSqlQuery candidates;
                if (!query(db, candidates,
                           QStringLiteral("SELECT l.local_id, l.external_id %1%2 ORDER BY length(l.local_id) DESC, l.local_id DESC LIMIT %3")
                               .arg(pq.candidates, after)
                               .arg(qMax(1, options.batch)),
                           binds, &e))
                    return fail(e);
                while (candidates.next())
                    batch.append({candidates.value(0).toString(), candidates.value(1).toString()});
                candidates.finish();
                if (batch.isEmpty())
                    break;
                for (const auto &[localId, externalId] : std::as_const(batch)) {
                    del.bindValue(0, localIdValue(localId));
                    if (!del.exec()) {
                        return fail(Error(Error::Code::Database,
                                          Tr::tr("the main database refused to delete %1 %2 %3 (source %4, %5 %6): nothing was deleted or detached")
                                              .arg(entity.table, entity.keyColumn, localId, source, entity.entity, externalId),
                                          del.lastError().text()));
                    }
                    const bool existed = del.next();
                    const QJsonObject values = existed ? rowJson(del.record()) : QJsonObject();
                    del.finish();
                    if (!existed)
                        continue; // the main application deleted it already
                    log.bindValue(0, source);
                    log.bindValue(1, entity.entity);
                    log.bindValue(2, entity.table);
                    log.bindValue(3, localId);
                    log.bindValue(4, externalId);
                    log.bindValue(5, options.actor);
                    log.bindValue(6, now);
                    log.bindValue(7, compact(values));
                    if (!db.exec(log, &e))
                        return fail(e);
                    if (db.isSqlite()) {
                        mark.bindValue(0, entity.table);
                        mark.bindValue(1, localIdValue(localId));
                        if (!db.exec(mark, &e))
                            return fail(e);
                    }
                    ++p.deleted;
                }
            }
        }
        p.alreadyGone = entity.inserted - p.shared - p.deleted;
        r.rowsDeleted += p.deleted;
        r.rowsShared += p.shared;
        r.rowsAdopted += p.adopted;
        r.rowsAlreadyGone += p.alreadyGone;
        r.entities.append(p);
    }
    if (db.isSqlite()) {
        if (!checkDangling(db, purgedKeys, &e) || !db.exec(QStringLiteral("DROP TABLE temp.tributary_purged"), &e))
            return fail(e);
    }
    if (!detachIn(db, s, options, now, &r, &e) || !db.commit(&e))
        return fail(e);
    r.applied = true;
    qCInfo(lcEngine).noquote() << QStringLiteral("source %1 purged by %2: %3 rows deleted, %4 shared and %5 adopted rows kept")
                                      .arg(source, options.actor)
                                      .arg(r.rowsDeleted)
                                      .arg(r.rowsShared)
                                      .arg(r.rowsAdopted);
    return r;
}

} // namespace Tributary
