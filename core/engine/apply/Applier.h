#pragma once

#include "config/Config.h"
#include "engine/apply/ApplyContext.h"
#include "engine/apply/ParkedRecords.h"
#include "engine/apply/PlanWriter.h"
#include "engine/apply/RecordPlanner.h"
#include "engine/apply/Sweeper.h"
#include "state/CursorStore.h"
#include "state/Position.h"
#include "state/RunCounts.h"

#include <QHash>
#include <QSet>
#include <QJsonArray>
#include <functional>

namespace Tributary {

class Database;

// Writes what a source sent into the main database, one transaction per call: the rows, their
// links and base snapshots, pending references, quarantined records, conflicts, the change log
// and (for pages) the entity's new cursor. A crash before commit replays the page, after commit
// the page is done. For each record RecordPlanner decides and PlanWriter writes; the parts that
// hold records back (ParkedRecords) and delete them (Sweeper) have classes of their own.
class Applier
{
public:
    // `impl`: the source, asked which field each entity's change filter uses (mapping checks).
    Applier(Database &db, const Config &config, const SourceConfig &source, qint64 runId, const Source *impl = nullptr);
    ~Applier();

    // Before the first page: the expression indexes for the match keys, where each entity's rows
    // live (EntityCatalog), the latest reconciliation scan, and the held records.
    bool prepare(Error *error);
    // Checked at the start of each of the applier's write transactions; false (with the error)
    // rolls it back. The run's lease (RunLease::fence): nothing commits once another worker may
    // hold the source.
    void setFence(std::function<bool(Error *)> fence) { m_fence = std::move(fence); }

    // Applies one page and stores `position` as the entity's cursor of `cursorKind`.
    bool applyPage(const EntityConfig &entity, const QJsonArray &records, CursorKind cursorKind, const Position &position, Error *error);
    // Which records a source that starts "now" or at a date imports (ApplyContext::StartBoundary).
    enum class Admit {
        FromStart,  // records with no link yet that changed before the start are left out
        Everything, // records another one refers to: its reference must not dangle
    };
    // Applies records fetched one by one (missing references, webhook hints, retries), without
    // moving any cursor.
    bool applyRecords(const EntityConfig &entity, const QJsonArray &records, Error *error, Admit admit = Admit::FromStart);

    // Write-back (docs/write-back.md). The source acknowledged a push of the row `localId`: in
    // one transaction, a create links the row to `externalId` (origin "pushed"), the base
    // becomes `base` (what the source now holds, in local form: the values the push sent over
    // the base before it), the change log gets `op` with the fields sent, and `answer` (the
    // record as the source answered, when it sent one) is applied like any fetched record, so
    // the row takes what the source set itself (ids, times) and the next poll finds the record
    // unchanged: no echo.
    struct Pushed
    {
        QString localId;
        QString externalId;
        bool created = false;
        QVariantMap base;
        QStringList fields;    // the columns sent
        QJsonObject values;    // for the change log: what was sent, when the change was made and sent, the attempts
        QString op;            // "push-create", "push-update"
        QJsonObject answer;
    };
    bool applyPushed(const EntityConfig &entity, const Pushed &pushed, Error *error);
    // A delete the source acknowledged (or a record it no longer has): the link is forgotten
    // (its row is gone) or marked deleted (the row is kept, soft-deleted), with a change log line.
    // `log`: when it was made and sent, the attempts (the change log's values).
    bool applyPushedDelete(const EntityConfig &entity, const QString &localId, const QString &externalId, bool rowKept,
                           const QJsonObject &log, Error *error);
    // The links, tables, edits and conflicts the applier works with (write-back reads them).
    ApplyContext &context() { return m_ctx; }

    // A full walk of `entity` read everything: its continuation is cleared, and when the source
    // can filter by change time and the entity has no incremental cursor yet, the incremental walk
    // starts from `incrementalValue` (the source's clock when the full walk began), in one
    // transaction.
    bool completeFullWalk(const EntityConfig &entity, bool canFilter, const QString &incrementalValue, Error *error);

    // Where an entity of a source that starts "now" started, in the source's time: stored once,
    // by the first incremental run (it only reads the source's clock).
    bool saveStartMark(const EntityConfig &entity, const QDateTime &from, Error *error);
    // Where `entity` starts when its source is configured to start "now" or at a date: a record
    // with no link whose change field is older than *from is not imported (by any run but for a
    // reference). *applies false: start does not limit it (from the beginning, or no change
    // filter). *unmarked: a "now" entity under way whose mark was never stored; a caller that
    // writes stores *from as its mark (saveStartMark), one that only reads (verify) uses it.
    static bool startBoundaryOf(Database &db, CursorStore &cursors, const SourceConfig &source, const EntityConfig &entity,
                                const EntityCapabilities &caps, QDateTime *from, bool *applies, bool *unmarked, Error *error);

    QHash<QString, EntityCounts> &counts() { return m_ctx.counts; }
    CursorStore &cursors() { return m_cursors; }
    qint64 runId() const { return m_ctx.runId; }

    // Pending and quarantined records.
    Result<QList<ParkingLot::MissingRef>> missingReferences() { return m_parked.lot().missingReferences(); }
    // Quarantines every record still pending: called when nothing fetchable is missing any more,
    // so what still waits waits on itself (a cycle of references).
    bool quarantineStuckPending(Error *error);
    // Moves every pending record waiting for (entity, externalId) to quarantine with `reason`.
    bool quarantineWaitingFor(const QString &entity, const QString &externalId, const QString &reason, Error *error);
    bool isLinked(const QString &entity, const QString &externalId, Error *error);
    bool isPending(const QString &entity, const QString &externalId, Error *error);
    // Quarantined records of this source: (entity, external id), optionally filtered.
    Result<QList<QPair<QString, QString>>> quarantined(const QStringList &entities, const QStringList &externalIds);
    // Forgets a quarantined record (the source no longer has it).
    bool dropFromQuarantine(const QString &entity, const QString &externalId, Error *error);
    Result<QHash<QString, qint64>> pendingCounts() { return m_parked.lot().pendingCounts(); }

    // Reconciliation. A scan stamps every id the source lists with the scan number (one
    // transaction per page, with the scan's position); ids that have no link are returned in
    // *unlinked (records polling missed: the caller fetches them). The position is saved with
    // these added to its count of unlinked ids.
    bool stampSeen(const EntityConfig &entity, const QStringList &ids, qint64 scan, const Position &position, QStringList *unlinked,
                   Error *error);
    bool countForScan(const EntityConfig &entity, qint64 scan, LinkStore::ScanCounts *counts, Error *error)
    {
        return m_ctx.links.countForScan(entity.name, scan, counts, error);
    }
    Result<QStringList> unseen(const EntityConfig &entity, qint64 scan) { return m_ctx.links.unseen(entity.name, scan); }
    bool sweep(const EntityConfig &entity, const QStringList &goneIds, Error *error);
    void setCurrentScan(qint64 scan) { m_ctx.links.setCurrentScan(scan); }
    // Soft delete needs the column: adds it (nullable) when the table lacks it.
    bool ensureDeletedColumn(const EntityConfig &entity, Error *error) { return m_ctx.table(entity).ensureDeletedColumn(error); }

private:
    bool applyAll(const EntityConfig &entity, const QJsonArray &records, bool careful, Error *error);
    // The triggers of docs/decisions/0024 on the entity's table (EntityTable::ensureEditCapture).
    bool ensureEditCapture(const EntityConfig &entity, Error *error);
    // Write-back: which sources receive which table's changes (tributary_outbox_targets, from
    // the whole configuration) and the triggers that queue them on this source's tables; the
    // triggers go when no entity writes the table any more.
    bool ensureOutboxCapture(Error *error);
    bool applyRaw(const EntityConfig &entity, const QJsonObject &raw, Error *error, MappedRecord *premapped = nullptr);
    // PostgreSQL: the match-key locks of the page's new records, taken up front in one order
    // (Database::lockKeys). Taken record by record, in each source's own order, two runs sharing
    // keys would deadlock again and again; this way one waits for the other's page.
    bool lockMatchKeys(const EntityConfig &entity, const QJsonArray &records, Error *error);
    // Where each entity of a source configured to start "now" or at a date begins; the "now" of
    // an entity is stored on its first run (a start cursor), so that later full walks and
    // reconciliations keep to it.
    bool loadStartBoundaries(Error *error);
    // Applies the pending records that wait for what this transaction linked, until none is left.
    bool resolvePending(Error *error);
    // Runs `body` in one transaction stamped with one time; on any failure everything is rolled
    // back and the in-memory views of the state tables are read again.
    bool inTransaction(const std::function<bool()> &body, Error *error);
    // inTransaction() for records applied one by one: the counts go back on a rollback, and the
    // in-memory views are read again after a commit that undid a record (afterCarefulCommit).
    bool inCarefulTransaction(const std::function<bool()> &body, Error *error);
    // Begins a write transaction and passes the fence.
    bool begin(Error *error);
    void afterRollback();
    // After a commit: reads the in-memory views again if a record's savepoint was rolled back
    // (it may have undone removals from them). Not otherwise: they are the size of everything
    // pending, and a fetch by id commits one record at a time.
    void afterCarefulCommit();

    std::function<bool(Error *)> m_fence;
    bool m_recordUndone = false; // a record's savepoint was rolled back in this transaction
    QSet<QString> m_mapHalves;   // entities whose last page was mostly unchanged (PageMapping::Split::Halves)
    ApplyContext m_ctx;
    CursorStore m_cursors;
    ParkedRecords m_parked;
    RecordPlanner m_planner;
    PlanWriter m_writer;
    Sweeper m_sweeper;
};

} // namespace Tributary
