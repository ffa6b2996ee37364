#include "SourceAdmin.h"

#include "config/Config.h"
#include "engine/run/RunLease.h"
#include "state/LeaseStore.h"
#include "state/ChangeLog.h"
#include "util/Values.h"
#include "state/ConflictStore.h"
#include "state/EntityCatalog.h"
#include "state/SourceLedger.h"
#include "store/Database.h"
#include "util/Logging.h"
#include "util/LoginName.h"
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
    const Result<QList<EntityPlace>> places = EntityCatalog(db).forSource(name);
    if (!places.into(error))
        return s;
    for (const EntityPlace &p : *places) {
        SourceAdmin::EntityState e;
        e.entity = p.entity;
        e.table = p.table;
        e.keyColumn = p.keyColumn;
        e.position = p.position;
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
    const Result<SourceSummary> summary = SourceLedger(db).summary(name);
    if (!summary.into(error))
        return s;
    for (const EntitySummary &c : summary->entities) {
        if (c.links == 0)
            continue;
        if (!index.contains(c.entity)) {
            SourceAdmin::EntityState e;
            e.entity = c.entity;
            e.position = 1000000;
            index.insert(c.entity, int(s.entities.size()));
            s.entities.append(e);
        }
        SourceAdmin::EntityState &e = s.entities[index.value(c.entity)];
        e.links = c.links;
        e.gone = c.gone;
        e.matched = c.matched;
        e.inserted = c.inserted;
    }
    std::stable_sort(s.entities.begin(), s.entities.end(),
                     [](const SourceAdmin::EntityState &a, const SourceAdmin::EntityState &b) { return a.position < b.position; });
    const EntitySummary total = summary->total();
    s.links = total.links;
    s.gone = total.gone;
    s.inserted = total.inserted;
    s.matched = total.matched;
    s.pending = total.pending;
    s.quarantined = total.quarantined;
    s.openConflicts = total.openConflicts;
    s.cursors = summary->cursors;
    s.runs = summary->runs;
    if (summary->lastRun)
        s.lastRunAt = summary->lastRun->startedAt;
    return s;
}

// Refusals shared by plans and the real thing.
bool admissible(Database &db, const SourceAdmin::SourceState &s, const Config &config, const SourceAdmin::Options &options,
                const QString &verb, Error *error)
{
    if (!s.configured && !s.hasState()) {
        QStringList known = SourceLedger(db).sourcesWithState().valueOr({});
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
    // A sync of this source by another worker would link again, page by page, what this forgets.
    const Result<std::optional<LeaseRecord>> lease = LeaseStore(db).find(s.name);
    if (!lease.into(error))
        return false;
    if (*lease && (*lease)->isHeld() && (*lease)->holder != WorkerIdentity::current().id) {
        //: %1 source, %2 the worker (host:pid), %3 when its lease ends, %4 detach or purge
        *error = Error(Error::Code::Database, Tr::tr("a sync of source \"%1\" is running (worker %2, lease until %3): "
                                                     "wait for it to end, or stop it, before you %4 the source")
                                                  .arg(s.name, (*lease)->worker(), (*lease)->expiresAt().toString(Qt::ISODateWithMs), verb));
        return false;
    }
    return true;
}

// The source's lease for the length of a detach or purge, so that no run begins meanwhile (the
// same as the refusal of admissible(), but atomic).
std::unique_ptr<RunLease> holdSource(Database &db, const Config &config, const QString &source, Error *error)
{
    auto lease = std::make_unique<RunLease>(db, source, qint64(config.service.leaseSeconds) * 1000);
    std::optional<LeaseRecord> heldBy;
    if (db.isThrowaway() || lease->take(error, &heldBy))
        return lease;
    return nullptr;
}

// The (source, entity) pairs of other sources whose rows live in `table`: a row one of them links
// is shared, and a purge keeps it.
SourceLedger::Sharers sharers(Database &db, const Config &config, const QString &source, const SourceAdmin::EntityState &entity,
                              Error *error)
{
    SourceLedger::Sharers out;
    QSet<QString> recorded; // source + '\x1f' + entity, whatever its table
    const Result<QList<EntityPlace>> others = EntityCatalog(db).otherThan(source);
    if (!others.into(error))
        return out;
    for (const EntityPlace &p : *others) {
        recorded.insert(p.source + QChar(0x1f) + p.entity);
        if (p.table == entity.table)
            out.append({p.source, p.entity});
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
    const Result<QStringList> linking = SourceLedger(db).sourcesLinkingEntity(entity.entity, source);
    if (!linking.into(error))
        return out;
    for (const QString &other : *linking) {
        if (!recorded.contains(other + QChar(0x1f) + entity.entity))
            out.append({other, entity.entity});
    }
    return out;
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
    ChangeLog log(db);
    // One line per entity in the change log: the rows stay, only their links go.
    for (const SourceAdmin::EntityState &e : s.entities) {
        if (e.links == 0)
            continue;
        Change c;
        c.source = s.name;
        c.entity = e.entity;
        c.table = e.table;
        c.localId = QStringLiteral("*");
        c.op = QStringLiteral("detach");
        c.actor = options.actor;
        c.at = now;
        c.values = QJsonObject{{QStringLiteral("links"), e.links}, {QStringLiteral("inserted"), e.inserted}, {QStringLiteral("matched"), e.matched}};
        if (!log.append(c, error))
            return false;
    }
    if (!ConflictStore(db).resolveAllOfSource(s.name, QStringLiteral("detached"), options.actor, now, &r->conflictsResolved, error))
        return false;
    SourceLedger::Forgotten forgotten;
    if (!SourceLedger(db).forget(s.name, &forgotten, error))
        return false;
    r->pending = forgotten.pending;
    r->quarantined = forgotten.quarantined;
    r->cursors = forgotten.cursors;
    r->links = forgotten.links;
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

QString SourceAdmin::personActor()
{
    return QStringLiteral("admin:") + loginName();
}

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
    const Tributary::Result<QStringList> state = SourceLedger(db).sourcesWithState();
    if (!state.into(error))
        return {};
    QStringList names = *state;
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
    const Tributary::Result<QStringList> names = SourceLedger(db).sourcesWithState();
    if (!names.into(error))
        return {};
    QList<SourceState> out;
    for (const QString &n : *names) {
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
    SourceLedger ledger(db);
    for (auto it = s.entities.crbegin(); it != s.entities.crend(); ++it) {
        const EntityState &e = *it;
        EntityPurge p;
        p.entity = e.entity;
        p.table = e.table;
        p.links = e.links;
        p.adopted = e.matched;
        if (e.inserted > 0) {
            const SourceLedger::Sharers others = sharers(db, config, source, e, error);
            if (error->isError())
                return {};
            const Tributary::Result<qint64> shared = ledger.countShared(source, e.entity, others);
            if (!shared.into(error))
                return {};
            p.shared = *shared;
            if (db.hasTable(e.table)) {
                const Tributary::Result<qint64> deleted = ledger.countPurgeable(source, e.entity, others, e.table, e.keyColumn);
                if (!deleted.into(error))
                    return {};
                p.deleted = *deleted;
            }
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
    const std::unique_ptr<RunLease> lease = holdSource(db, config, source, error);
    if (!lease)
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
    qCInfo(lcEngine).noquote() << QStringLiteral("source %1 detached by %2: %3 links forgotten, every row kept").arg(source, options.actor, QString::number(r.links));
    return r;
}

SourceAdmin::Result SourceAdmin::purge(Database &db, const Config &config, const QString &source, const Options &options, Error *error)
{
    // Counted inside the transaction below, so that what is reported is what was done.
    const SourceState s = stateOf(db, config, source, error);
    if (error->isError() || !admissible(db, s, config, options, QStringLiteral("purge"), error) || !checkTables(s, error))
        return {};
    const std::unique_ptr<RunLease> lease = holdSource(db, config, source, error);
    if (!lease)
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
    SourceLedger ledger(db);
    ChangeLog log(db);
    if (db.isSqlite() && !ledger.beginPurgeMarks(&e))
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
        const SourceLedger::Sharers others = sharers(db, config, source, entity, &e);
        if (e)
            return fail(e);
        const Tributary::Result<qint64> shared = ledger.countShared(source, entity.entity, others);
        if (!shared)
            return fail(shared.error());
        p.shared = *shared;
        if (db.hasTable(entity.table)) {
            purgedKeys.insert(entity.table, entity.keyColumn);
            QSqlQuery del;
            if (!db.prepare(del, QStringLiteral("DELETE FROM %1 WHERE %2 = ? RETURNING *").arg(db.quote(entity.table), db.quote(entity.keyColumn)), &e))
                return fail(e);
            // Replies after the messages they answer, whatever the order of the links: keys are
            // handed out increasing, and a record is only inserted once what it references is.
            // Read in batches, each to its end before anything else runs on the connection (the
            // PostgreSQL driver streams results and loses them otherwise), with memory bounded.
            QString after;
            for (;;) {
                const Tributary::Result<QList<SourceLedger::LinkedRow>> batch =
                    ledger.purgeBatch(source, entity.entity, others, after, options.batch);
                if (!batch)
                    return fail(batch.error());
                if (batch->isEmpty())
                    break;
                after = batch->constLast().localId;
                for (const SourceLedger::LinkedRow &row : *batch) {
                    del.bindValue(0, Database::keyValue(row.localId));
                    if (!del.exec()) {
                        return fail(Error(Error::Code::Database,
                                          Tr::tr("the main database refused to delete %1 %2 %3 (source %4, %5 %6): nothing was deleted or detached")
                                              .arg(entity.table, entity.keyColumn, row.localId, source, entity.entity, row.externalId),
                                          del.lastError().text()));
                    }
                    const bool existed = del.next();
                    const QJsonObject values = existed ? rowJson(del.record()) : QJsonObject();
                    del.finish();
                    if (!existed)
                        continue; // the main application deleted it already
                    Change c;
                    c.source = source;
                    c.entity = entity.entity;
                    c.table = entity.table;
                    c.localId = row.localId;
                    c.externalId = row.externalId;
                    c.op = QStringLiteral("purge");
                    c.actor = options.actor;
                    c.at = now;
                    c.values = values;
                    if (!log.append(c, &e))
                        return fail(e);
                    if (db.isSqlite() && !ledger.markPurged(entity.table, Database::keyValue(row.localId), &e))
                        return fail(e);
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
        // SQLite: Tributary keeps foreign keys off (the main application may write rows in any
        // order), so the database cannot refuse a delete that leaves a row pointing at nothing.
        // Check what PostgreSQL would check: no row that stays references a purged row.
        SourceLedger::Dangling d;
        bool found = false;
        if (!ledger.findDangling(purgedKeys, &d, &found, &e))
            return fail(e);
        if (found)
            return fail(Error(Error::Code::Database,
                              Tr::tr("%1 %2 %3 still references %4 %5 %6 (%1.%7), which the purge would delete: nothing was deleted "
                                     "or detached. That row is not one this source brought; delete or change it first, or detach "
                                     "the source instead")
                                  .arg(d.child, d.childKey, d.childId, d.parent, d.parentKey, d.parentId, d.column)));
        if (!ledger.endPurgeMarks(&e))
            return fail(e);
    }
    if (!detachIn(db, s, options, now, &r, &e) || !db.commit(&e))
        return fail(e);
    r.applied = true;
    qCInfo(lcEngine).noquote() << QStringLiteral("source %1 purged by %2: %3 rows deleted, %4 shared and %5 adopted rows kept")
                                      .arg(source, options.actor, QString::number(r.rowsDeleted), QString::number(r.rowsShared),
                                           QString::number(r.rowsAdopted));
    return r;
}

Tributary::Result<QList<CursorRecord>> SourceAdmin::cursorsToReset(Database &db, const QString &source, const QString &entity,
                                                                    const QString &kind)
{
    const Tributary::Result<QList<CursorRecord>> all = CursorStore(db).list(source);
    if (!all)
        return all.error();
    QList<CursorRecord> chosen;
    for (const CursorRecord &c : *all) {
        if ((entity.isEmpty() || c.entity == entity) && (kind.isEmpty() || c.kind == kind))
            chosen.append(c);
    }
    return chosen;
}

bool SourceAdmin::resetCursors(Database &db, const Config &config, const QString &source, const QList<CursorRecord> &cursors, Error *error)
{
    const std::unique_ptr<RunLease> lease = holdSource(db, config, source, error);
    if (!lease || !db.transaction(error))
        return false;
    CursorStore store(db);
    for (const CursorRecord &c : cursors) {
        const std::optional<CursorKind> kind = CursorStore::kindFromName(c.kind);
        if (!kind)
            *error = Error(Error::Code::Internal, Tr::tr("unknown cursor kind \"%1\"").arg(c.kind));
        if (!kind || !store.remove(source, c.entity, *kind, error)) {
            db.rollback();
            return false;
        }
    }
    if (!db.commit(error)) {
        db.rollback();
        return false;
    }
    qCInfo(lcEngine).noquote() << QStringLiteral("source %1: %2 cursor(s) reset").arg(source).arg(cursors.size());
    return true;
}

} // namespace Tributary
