#include "Applier.h"

#include "engine/apply/PageMapping.h"

#include "state/EntityCatalog.h"
#include "state/Outbox.h"
#include "state/RunLog.h"
#include "store/Database.h"
#include "util/Logging.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QScopeGuard>

namespace Tributary {

namespace {
// How often a page that lost to a concurrent transaction is applied again before the run fails.
constexpr int kTransientRetries = 5;
// Who made the changes write-back pushes, as the change log names it.
const QString kApplicationActor = QStringLiteral("application");
} // namespace

Applier::Applier(Database &db, const Config &config, const SourceConfig &source, qint64 runId, const Source *impl)
    : m_ctx(db, config, source, runId, impl), m_cursors(db, &m_ctx.statements), m_parked(m_ctx), m_planner(m_ctx), m_writer(m_ctx, m_parked),
      m_sweeper(m_ctx, m_parked)
{
    // What this applier writes, it writes for this source: write-back passes its changes of a
    // shared row on to the other sources (docs/write-back.md), never back to this one.
    db.setWriterSource(source.name);
}

Applier::~Applier()
{
    m_ctx.db.setWriterSource(QString());
}

bool Applier::prepare(Error *error)
{
    const SourceConfig &source = m_ctx.source;
    for (const EntityConfig &e : source.entities) {
        if (e.enabled && (!m_ctx.table(e).ensureMatchIndex(error) || !ensureEditCapture(e, error)))
            return false;
    }
    if (!ensureOutboxCapture(error))
        return false;
    m_ctx.stampNow();
    // Remember where each entity's rows live, so that this source can be detached or purged even
    // after it is removed from the configuration, and so that other sources find rows they share.
    QList<EntityPlace> places;
    QString order;
    const QList<const EntityConfig *> ordered = source.orderedEntities(&order);
    for (int i = 0; i < ordered.size(); ++i)
        places.append({source.name, ordered.at(i)->name, ordered.at(i)->table, ordered.at(i)->key, i});
    if (!EntityCatalog(m_ctx.db).remember(source.name, places, m_ctx.now, error))
        return false;
    // The latest reconciliation scan: links made from now on count as seen by it.
    qint64 scan = 0;
    for (const EntityConfig &e : source.entities) {
        Position p;
        if (!m_cursors.load(source.name, e.name, CursorKind::Reconcile, &p, error))
            return false;
        scan = qMax(scan, p.value.toLongLong());
    }
    m_ctx.links.setCurrentScan(scan);
    return loadStartBoundaries(error) && m_parked.load(error);
}

bool Applier::ensureOutboxCapture(Error *error)
{
    if (m_ctx.db.isThrowaway())
        return true; // a dry run pushes nothing
    QList<Outbox::Target> targets;
    QHash<QString, QStringList> watched; // table -> the columns whose changes are pushed
    QSet<QString> claimed;               // (table, source): one entity of a source per table
    for (const SourceConfig &s : m_ctx.config.sources) {
        for (const EntityConfig &e : s.entities) {
            if (!e.enabled || !e.writes() || claimed.contains(e.table + QChar(0x1f) + s.name))
                continue;
            claimed.insert(e.table + QChar(0x1f) + s.name);
            targets.append({e.table, s.name, e.name, e.receive == QLatin1String("all")});
            // What a push sends: a change of anything else (a time the source sets) is no reason
            // to push.
            QStringList &columns = watched[e.table];
            for (const ColumnMapping &c : e.columns) {
                if (c.write && c.field != e.externalId)
                    columns.append(c.column);
            }
            for (const ReferenceMapping &r : e.references)
                columns.append(r.column);
            if (m_ctx.db.columns(e.table).contains(e.deletedColumn))
                columns.append(e.deletedColumn);
        }
    }
    int dropped = 0;
    if (!Outbox(m_ctx.db).setTargets(targets, &dropped, error))
        return false;
    if (dropped > 0)
        qCInfo(lcApplier).noquote() << Tr::tr("dropped %n outbox operation(s) of sources or tables that no longer write back", nullptr, dropped);
    for (const EntityConfig &e : m_ctx.source.entities) {
        // A table nobody writes: dropCaptureExcept() below takes any capture off it.
        if (!e.enabled || !watched.contains(e.table))
            continue;
        QString refused;
        if (!m_ctx.table(e).ensureOutboxCapture(watched.value(e.table), &refused, error))
            return false;
        if (!refused.isEmpty() && e.writes()) {
            *error = Error(Error::Code::Config,
                           Tr::tr("source %1, entity %2: write-back needs triggers on table %3 and the main database refused them "
                                  "(the role must own the table or hold the TRIGGER privilege)").arg(m_ctx.source.name, e.name, e.table),
                           refused);
            return false;
        }
    }
    // Tables no entity of any source writes any more (a source removed from the configuration,
    // whose tables no other source shares): their capture goes too.
    return Outbox(m_ctx.db).dropCaptureExcept(QSet<QString>(watched.keyBegin(), watched.keyEnd()), error);
}

bool Applier::ensureEditCapture(const EntityConfig &entity, Error *error)
{
    // One definition for every source on the table: the synced columns of them all.
    QStringList columns;
    for (const SourceConfig &s : m_ctx.config.sources) {
        for (const EntityConfig &e : s.entities) {
            if (e.table == entity.table)
                columns += EntityTable::syncColumnsOf(e);
        }
    }
    QString refused;
    if (!m_ctx.table(entity).ensureEditCapture(columns, &refused, error))
        return false;
    if (refused.isEmpty())
        return true;
    // Links written while the triggers worked have no base of their own: without the triggers,
    // the application's edits of those rows would be overwritten unseen.
    bool relies = false;
    if (!m_ctx.links.anyWithoutBase(entity.name, &relies, error))
        return false;
    if (relies) {
        *error = Error(Error::Code::Config,
                       Tr::tr("source %1, entity %2: the triggers that capture the main application's edits of table %3 are missing and "
                              "cannot be installed (%4); rows imported with them would lose local edits unseen. Give Tributary's role "
                              "ownership of the table (the TRIGGER privilege is enough to create the triggers, not to replace them) and run again")
                           .arg(m_ctx.source.name, entity.name, entity.table, refused));
        return false;
    }
    qCWarning(lcApplier).noquote() << QStringLiteral("%1/%2: the main application's edits of %3 cannot be captured (%4); its links keep a copy of "
                                                     "every record")
                                          .arg(m_ctx.source.name, entity.name, entity.table, refused);
    return true;
}

bool Applier::startBoundaryOf(Database &db, CursorStore &cursors, const SourceConfig &source, const EntityConfig &entity,
                              const EntityCapabilities &caps, QDateTime *from, bool *applies, bool *unmarked, Error *error)
{
    *applies = false;
    *unmarked = false;
    // Without a change filter an entity is walked in full on every run: start does not apply.
    if (source.start.from == StartConfig::From::Beginning || !caps.incremental || caps.cursorField.isEmpty())
        return true;
    *applies = true;
    *from = source.start.date;
    if (source.start.from != StartConfig::From::Now)
        return true;
    Position mark;
    if (!cursors.load(source.name, entity.name, CursorKind::Start, &mark, error))
        return false;
    if (parseTimestamp(QJsonValue(mark.value), from))
        return true;
    Position incremental;
    if (!cursors.load(source.name, entity.name, CursorKind::Incremental, &incremental, error))
        return false;
    if (incremental.value.isEmpty()) {
        // The entity's first run: an incremental walk stores the source's clock as the mark
        // (EntityWalk); a full walk or a reconciliation keeps to this run's start.
        *from = QDateTime::currentDateTimeUtc();
        return true;
    }
    // Under way without a mark (started by a version that did not keep one, or first walked in
    // full): it started with the source's first run.
    const Result<QDateTime> first = RunLog(db).firstStarted(source.name);
    if (!first) {
        *error = first.error();
        return false;
    }
    *from = first->isValid() ? *first : QDateTime::currentDateTimeUtc();
    *unmarked = true;
    return true;
}

bool Applier::loadStartBoundaries(Error *error)
{
    const SourceConfig &source = m_ctx.source;
    m_ctx.startBoundaries.clear();
    if (source.start.from == StartConfig::From::Beginning || !m_ctx.impl)
        return true;
    for (const EntityConfig &e : source.entities) {
        if (!e.enabled)
            continue;
        const EntityCapabilities caps = m_ctx.impl->capabilities(e.name);
        QDateTime from;
        bool applies = false, unmarked = false;
        if (!startBoundaryOf(m_ctx.db, m_cursors, source, e, caps, &from, &applies, &unmarked, error))
            return false;
        if (!applies)
            continue;
        if (unmarked && !saveStartMark(e, from, error))
            return false;
        m_ctx.startBoundaries.insert(e.name, {from, caps.cursorField});
    }
    return true;
}

bool Applier::saveStartMark(const EntityConfig &entity, const QDateTime &from, Error *error)
{
    return m_cursors.save(m_ctx.source.name, entity.name, CursorKind::Start, {from.toUTC().toString(Qt::ISODateWithMs), QString(), QString()},
                          m_ctx.runId, error);
}

bool Applier::applyPage(const EntityConfig &entity, const QJsonArray &records, CursorKind cursorKind, const Position &position, Error *error)
{
    if (const Error wrong = m_ctx.mapper(entity).checkFieldsPresent(records, m_ctx.source.name)) {
        *error = wrong;
        return false;
    }
    // A page that lost to another transaction (PostgreSQL: a deadlock between two runs taking
    // the same match keys in another order) is applied again from the start, a few times.
    int transientLeft = kTransientRetries;
    for (int attempt = 0; attempt < 2; ++attempt) {
        const bool careful = attempt == 1;
        const auto savedCounts = m_ctx.counts;
        m_ctx.stampNow();
        Error e;
        if (begin(&e) && applyAll(entity, records, careful, &e) && resolvePending(&e)
            && m_cursors.save(m_ctx.source.name, entity.name, cursorKind, position, m_ctx.runId, &e) && m_ctx.flush(&e) && m_ctx.db.commit(&e)) {
            if (careful)
                afterCarefulCommit();
            return true;
        }
        m_ctx.db.rollback();
        afterRollback();
        m_ctx.counts = savedCounts;
        if (e.transient && transientLeft-- > 0) {
            qCInfo(lcApplier).noquote() << QStringLiteral("%1/%2: the page lost to a concurrent transaction (%3); applying it again")
                                               .arg(m_ctx.source.name, entity.name, e.toString());
            --attempt; // the same attempt again, careful or not
            continue;
        }
        if (careful || e.code != Error::Code::Database) {
            *error = e;
            return false;
        }
        // One record the database refuses (a constraint, a value it cannot store) must not stop
        // the source: replay the page record by record, quarantining the ones that fail.
        qCWarning(lcApplier).noquote() << QStringLiteral("%1/%2: a page failed (%3); applying it record by record")
                                              .arg(m_ctx.source.name, entity.name, e.toString());
    }
    return false;
}

bool Applier::completeFullWalk(const EntityConfig &entity, bool canFilter, const QString &incrementalValue, Error *error)
{
    const QString &source = m_ctx.source.name;
    Position incremental;
    if (!m_cursors.load(source, entity.name, CursorKind::Incremental, &incremental, error))
        return false;
    if (!begin(error)) {
        m_ctx.db.rollback();
        return false;
    }
    bool ok = m_cursors.save(source, entity.name, CursorKind::Full, Position(), m_ctx.runId, error);
    if (ok && canFilter && incremental.isNull() && !incrementalValue.isEmpty())
        ok = m_cursors.save(source, entity.name, CursorKind::Incremental, {incrementalValue, QString(), QString()}, m_ctx.runId, error);
    if (!ok || !m_ctx.db.commit(error)) {
        m_ctx.db.rollback();
        return false;
    }
    return true;
}

bool Applier::inTransaction(const std::function<bool()> &body, Error *error)
{
    m_ctx.stampNow();
    if (!begin(error)) {
        m_ctx.db.rollback();
        return false;
    }
    if (body() && !error->isError() && m_ctx.flush(error) && m_ctx.db.commit(error))
        return true;
    m_ctx.db.rollback();
    afterRollback();
    return false;
}

bool Applier::begin(Error *error)
{
    if (!m_ctx.db.transaction(error))
        return false;
    return !m_fence || m_fence(error);
}

void Applier::afterCarefulCommit()
{
    if (m_recordUndone)
        afterRollback();
}

void Applier::afterRollback()
{
    m_ctx.discardQueued();
    m_ctx.newlyLinked.clear();
    m_parked.reload();
}

bool Applier::applyRecords(const EntityConfig &entity, const QJsonArray &records, Error *error, Admit admit)
{
    const bool admittedEverything = m_ctx.admitEverything;
    m_ctx.admitEverything = admit == Admit::Everything;
    const auto restoreAdmission = qScopeGuard([&] { m_ctx.admitEverything = admittedEverything; });
    if (const Error wrong = m_ctx.mapper(entity).checkFieldsPresent(records, m_ctx.source.name)) {
        *error = wrong;
        return false;
    }
    return inCarefulTransaction([&] { return applyAll(entity, records, true, error) && resolvePending(error); }, error);
}

bool Applier::inCarefulTransaction(const std::function<bool()> &body, Error *error)
{
    const auto savedCounts = m_ctx.counts;
    if (inTransaction(body, error)) {
        afterCarefulCommit();
        return true;
    }
    m_ctx.counts = savedCounts;
    return false;
}

bool Applier::applyPushed(const EntityConfig &entity, const Pushed &pushed, Error *error)
{
    const QJsonArray answer = pushed.answer.isEmpty() ? QJsonArray() : QJsonArray{pushed.answer};
    if (!answer.isEmpty()) {
        if (const Error wrong = m_ctx.mapper(entity).checkFieldsPresent(answer, m_ctx.source.name)) {
            *error = wrong;
            return false;
        }
    }
    EntityTable &table = m_ctx.table(entity);
    const QByteArray base = rowJson(pushed.base);
    return inCarefulTransaction([&] {
        QList<LinkStore::OtherLink> others;
        if (!m_ctx.links.othersOnRow(entity.table, pushed.localId, &others, error))
            return false;
        // A row only this source links keeps its base in tributary_edits (docs/decisions/0024);
        // a shared row keeps one per link.
        const bool ownBase = !others.isEmpty() || !table.capturesEdits();
        if (pushed.created) {
            if (!others.isEmpty()) {
                RecordPlan plan;
                plan.entity = &entity;
                plan.matchedId = pushed.localId;
                plan.row = pushed.base;
                if (!m_writer.giveBasesOnRow(plan, error))
                    return false;
            }
            if (!m_ctx.links.insert(entity.name, pushed.externalId, pushed.localId, QStringLiteral("pushed"), QStringLiteral(""),
                                    ownBase ? base : QByteArray(), error))
                return false;
            m_ctx.newlyLinked.append({entity.name, pushed.externalId});
        } else {
            LinkStore::Link link = m_ctx.links.find(entity.name, pushed.externalId, error);
            if (error->isError() || !m_ctx.links.readBase(entity.name, pushed.externalId, &link, error))
                return false;
            if (link.hasOwnBase() && !m_ctx.links.update(entity.name, pushed.externalId, link.hash, base, error))
                return false;
        }
        if (!ownBase && !m_ctx.edits.put(entity.table, pushed.localId, base, m_ctx.now, error))
            return false;
        if (!m_ctx.logChange(entity, pushed.localId, pushed.externalId, pushed.op, error, pushed.fields, pushed.values, kApplicationActor))
            return false;
        return answer.isEmpty() || applyAll(entity, answer, true, error);
    }, error);
}

bool Applier::applyPushedDelete(const EntityConfig &entity, const QString &localId, const QString &externalId, bool rowKept,
                                const QJsonObject &log, Error *error)
{
    return inTransaction([&] {
        if (!m_ctx.logChange(entity, localId, externalId, QStringLiteral("push-delete"), error, {}, log, kApplicationActor))
            return false;
        if (rowKept)
            return m_ctx.links.setDeleted(entity.name, externalId, m_ctx.now, error);
        return m_ctx.links.remove(entity.name, externalId, error) && m_ctx.edits.remove(entity.table, localId, error);
    }, error);
}

bool Applier::applyAll(const EntityConfig &entity, const QJsonArray &records, bool careful, Error *error)
{
    int failed = 0;
    Error first;
    m_recordUndone = false;
    // The records are mapped on a thread of their own while this one looks up links and writes.
    // When the entity's last page left most records unchanged (a full re-read), this thread has
    // little to write and would only wait: it maps half of the page itself, beside the other.
    const bool halves = m_mapHalves.contains(entity.name);
    PageMapping mapping(m_ctx.mapper(entity), records, halves ? PageMapping::Split::Halves : PageMapping::Split::Ahead);
    if (halves)
        mapping.mapOwnShare();
    const qint64 unchangedBefore = m_ctx.counts.value(entity.name).unchanged;
    QStringList ids;
    ids.reserve(records.size());
    for (const QJsonValue &v : records) {
        const QString id = idString(valueAt(v.toObject(), entity.externalId));
        if (!id.isEmpty())
            ids.append(id);
    }
    if (!m_ctx.links.prefetch(entity.name, ids, error) || !lockMatchKeys(entity, records, error))
        return false;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QJsonValue v = records.at(i);
        if (!v.isObject()) {
            // Kept as it came, under a key made from its content, with the reason.
            if (!m_parked.quarantine(entity, QJsonObject{{QStringLiteral("not_an_object"), v}}, QString(), QString(),
                                     Tr::tr("the record is not a JSON object"), error))
                return false;
            continue;
        }
        const QJsonObject raw = v.toObject();
        MappedRecord mapped = mapping.take(i);
        if (!careful) {
            if (!applyRaw(entity, raw, error, &mapped))
                return false;
            continue;
        }
        if (!m_ctx.db.exec(QStringLiteral("SAVEPOINT tributary_record"), error))
            return false;
        const auto countsBefore = m_ctx.counts;
        const qsizetype linkedBefore = m_ctx.newlyLinked.size();
        Error e;
        // The record's queued rows are written inside its savepoint, so that a failure there is
        // the record's and rolls back with it.
        if (applyRaw(entity, raw, &e, &mapped) && m_ctx.flush(&e)) {
            if (!m_ctx.db.exec(QStringLiteral("RELEASE SAVEPOINT tributary_record"), error))
                return false;
            continue;
        }
        m_recordUndone = true;
        m_ctx.discardQueued();
        m_ctx.counts = countsBefore;
        m_ctx.newlyLinked.resize(linkedBefore);
        if (!m_ctx.db.exec(QStringLiteral("ROLLBACK TO SAVEPOINT tributary_record"), error)
            || !m_ctx.db.exec(QStringLiteral("RELEASE SAVEPOINT tributary_record"), error))
            return false;
        if (e.code != Error::Code::Database || e.transient) {
            // Not this record's fault: the whole page is applied again (applyPage).
            *error = e;
            return false;
        }
        if (!failed++)
            first = e;
        const QString id = idString(valueAt(raw, entity.externalId));
        if (!m_parked.quarantine(entity, raw, id, QString(),
                                 Tr::tr("the main database refused the record: %1").arg(e.detail.section(QStringLiteral(" -- "), 0, 0)), error))
            return false;
    }
    // Every record failing is not a bad record but a database in trouble: fail the page instead.
    if (failed > 1 && failed == records.size()) {
        *error = first;
        return false;
    }
    if (2 * (m_ctx.counts.value(entity.name).unchanged - unchangedBefore) > records.size())
        m_mapHalves.insert(entity.name);
    else
        m_mapHalves.remove(entity.name);
    return true;
}

bool Applier::lockMatchKeys(const EntityConfig &entity, const QJsonArray &records, Error *error)
{
    if (entity.match.isEmpty() || m_ctx.db.isSqlite())
        return true; // SQLite: the page's transaction already holds the only write lock
    // Only records without a link look their match key up (RecordPlanner::planNewRow).
    const RecordMapper &mapper = m_ctx.mapper(entity);
    EntityTable &table = m_ctx.table(entity);
    QStringList locks;
    for (const QJsonValue &v : records) {
        const QJsonObject raw = v.toObject();
        const QString id = idString(valueAt(raw, entity.externalId));
        if (id.isEmpty())
            continue;
        const QString linked = m_ctx.links.localId(entity.name, id, error);
        if (error->isError())
            return false;
        if (!linked.isNull())
            continue;
        const MappedRecord mapped = mapper.map(raw, false);
        if (!mapped.isValid())
            continue;
        const QString lock = table.matchLock(mapped.values);
        if (!lock.isEmpty())
            locks.append(lock);
    }
    return m_ctx.db.lockKeys(locks, error);
}

bool Applier::applyRaw(const EntityConfig &entity, const QJsonObject &raw, Error *error, MappedRecord *premapped)
{
    RecordPlan plan;
    return m_planner.plan(entity, raw, &plan, error, premapped) && m_writer.execute(plan, error);
}

bool Applier::resolvePending(Error *error)
{
    QList<QPair<QString, QJsonObject>> ready;
    while (!m_ctx.newlyLinked.isEmpty()) {
        if (!m_parked.takeReady(&ready, error))
            return false;
        if (ready.isEmpty())
            break;
        for (const auto &r : std::as_const(ready)) {
            const EntityConfig *entity = m_ctx.source.entity(r.first);
            if (entity && !applyRaw(*entity, r.second, error))
                return false;
        }
    }
    m_ctx.newlyLinked.clear();
    return true;
}

bool Applier::quarantineStuckPending(Error *error)
{
    const Result<QList<ParkingLot::PendingEdge>> edges = m_parked.lot().pendingEdges();
    if (!edges.into(error))
        return false;
    if (edges->isEmpty())
        return true;
    QList<QPair<QString, QString>> cycle;
    if (!inTransaction([&] { return m_parked.quarantineCycles(*edges, &cycle, error); }, error))
        return false;
    for (const auto &member : std::as_const(cycle)) {
        if (!quarantineWaitingFor(member.first, member.second, Tr::tr("which is quarantined"), error))
            return false;
    }
    return true;
}

bool Applier::quarantineWaitingFor(const QString &entity, const QString &externalId, const QString &reason, Error *error)
{
    return inTransaction([&] { return m_parked.quarantineWaitingFor(entity, externalId, reason, error); }, error);
}

bool Applier::isLinked(const QString &entity, const QString &externalId, Error *error)
{
    return !m_ctx.links.localId(entity, externalId, error).isNull();
}

bool Applier::isPending(const QString &entity, const QString &externalId, Error *error)
{
    bool pending = false;
    return m_parked.lot().isPending(entity, externalId, &pending, error) && pending;
}

Result<QList<QPair<QString, QString>>> Applier::quarantined(const QStringList &entities, const QStringList &externalIds)
{
    const Result<QList<QPair<QString, QString>>> all = m_parked.lot().quarantinedIds();
    if (!all)
        return all;
    QList<QPair<QString, QString>> out;
    for (const auto &r : *all) {
        if ((entities.isEmpty() || entities.contains(r.first)) && (externalIds.isEmpty() || externalIds.contains(r.second)))
            out.append(r);
    }
    return out;
}

bool Applier::dropFromQuarantine(const QString &entity, const QString &externalId, Error *error)
{
    return m_parked.dropFromQuarantine(entity, externalId, error);
}

bool Applier::stampSeen(const EntityConfig &entity, const QStringList &ids, qint64 scan, const Position &position, QStringList *unlinked,
                        Error *error)
{
    const bool ok = inTransaction(
        [&] {
            if (!m_sweeper.stampSeen(entity, ids, scan, unlinked, error))
                return false;
            Position at = position;
            at.unlinked += unlinked->size(); // this page's, with the earlier pages' the caller counted
            return m_cursors.save(m_ctx.source.name, entity.name, CursorKind::Reconcile, at, m_ctx.runId, error);
        },
        error);
    if (!ok)
        unlinked->clear();
    return ok;
}

bool Applier::sweep(const EntityConfig &entity, const QStringList &goneIds, Error *error)
{
    QList<LinkStore::Link> gone;
    for (const QString &id : goneIds) {
        // With its base: whether the row was edited here decides between a delete and a conflict
        // (the sweep adds the captured edit once it holds the row).
        LinkStore::Link link = m_ctx.links.find(entity.name, id, error);
        if (error->isError() || !m_ctx.links.readBase(entity.name, id, &link, error))
            return false;
        gone.append(link);
    }
    return inTransaction([&] { return m_sweeper.sweep(entity, goneIds, gone, error); }, error);
}

} // namespace Tributary
