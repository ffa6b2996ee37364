#pragma once

#include "state/CursorStore.h"
#include "util/Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Tributary {

class Database;
struct Config;

// What Tributary keeps for each source it has synced, the two ways to let a source go: detach
// (forget its links and state, leave every row in place) and purge (delete the rows only that
// source brought, then detach), and resetting its cursors. Shared by tributaryd and the console:
// it prints nothing, it answers with counts and an Error.
class SourceAdmin
{
public:
    struct EntityState
    {
        QString entity;
        QString table;     // empty when no run recorded it (a source last synced before state version 3)
        QString keyColumn;
        int position = -1; // dependency order: referenced entities come first
        qint64 links = 0;  // every link, records gone at the source included
        qint64 gone = 0;   // links whose record reconciliation found gone at the source
        qint64 inserted = 0;
        qint64 matched = 0;
    };

    struct SourceState
    {
        QString name;
        bool configured = false;
        bool enabled = false;
        QList<EntityState> entities; // dependency order
        qint64 links = 0;
        qint64 gone = 0;
        qint64 inserted = 0;
        qint64 matched = 0;
        qint64 cursors = 0;
        qint64 pending = 0;
        qint64 quarantined = 0;
        qint64 openConflicts = 0;
        qint64 runs = 0;
        QString lastRunAt; // started_at of the latest run, empty when none

        // Tributary still holds something for this source beyond history (runs, change log and
        // resolved conflicts are history and stay after a detach).
        bool hasState() const;
        // Present in the state tables but absent from the configuration.
        bool isRemoved() const { return !configured && hasState(); }
        QJsonObject toJson() const;
    };

    // Every source of the configuration and every source the state tables still name, sorted by
    // name.
    static QList<SourceState> knownSources(Database &db, const Config &config, Error *error);
    // The sources the state tables name and the configuration does not, sorted by name. Cheap
    // when there are none: tributaryd checks this before every sync.
    static QList<SourceState> removedSources(Database &db, const Config &config, Error *error);

    struct Options
    {
        // Detach or purge a source the configuration still has enabled (the next sync then links
        // everything again, and inserts again what a purge deleted).
        bool force = false;
        // Written to the change log and to the conflicts resolved by the detach ("admin:alice").
        QString actor = QStringLiteral("admin");
        // Purge: rows read ahead at once (memory stays bounded whatever the source's size).
        int batch = 5000;
    };

    // Per entity, what a purge does with the rows the source's links point at.
    struct EntityPurge
    {
        QString entity;
        QString table;
        qint64 links = 0;
        qint64 deleted = 0;     // inserted by this source, linked by no other: deleted
        qint64 shared = 0;      // inserted by this source, linked by another too: kept
        qint64 adopted = 0;     // matched (the main application's or another source's): kept
        qint64 alreadyGone = 0; // inserted by this source, row no longer in the table
    };

    struct Result
    {
        QString source;
        bool applied = false; // false for a plan: counted, nothing changed
        // What the detach forgets.
        qint64 links = 0;
        qint64 cursors = 0;
        qint64 pending = 0;
        qint64 quarantined = 0;
        qint64 conflictsResolved = 0; // open conflicts, resolved as 'detached'
        // Purge only: per entity, children before parents (the order of the deletes).
        QList<EntityPurge> entities;
        qint64 rowsDeleted = 0;
        qint64 rowsShared = 0;
        qint64 rowsAdopted = 0;
        qint64 rowsAlreadyGone = 0;
    };

    // Who detaches or purges from tributaryd or the console: "admin:" and the login name of the
    // person at the keyboard (Options::actor).
    static QString personActor();

    // Counts what detach() or purge() would do, with the same refusals, and changes nothing.
    static Result planDetach(Database &db, const Config &config, const QString &source, const Options &options, Error *error);
    static Result planPurge(Database &db, const Config &config, const QString &source, const Options &options, Error *error);

    // In one transaction: forgets the source's links, cursors, pending records and quarantine,
    // resolves its open conflicts as 'detached', writes one change-log line per entity. Every row
    // stays where it is and becomes the main application's own; runs and the change log stay.
    static Result detach(Database &db, const Config &config, const QString &source, const Options &options, Error *error);
    // In one transaction: deletes the rows the source inserted that no other source links
    // (children before parents; rows it adopted are never deleted), one change-log line per row
    // with the values it held, then detaches. If the database refuses a delete, or (SQLite, whose
    // foreign keys Tributary keeps off) a row that stays references a deleted one, everything is
    // rolled back and the error names the table and the row.
    static Result purge(Database &db, const Config &config, const QString &source, const Options &options, Error *error);

    // The cursors of `source` a reset forgets: of `entity` and of `kind` (CursorStore::kindName),
    // every entity or kind when empty. Changes nothing.
    static Tributary::Result<QList<CursorRecord>> cursorsToReset(Database &db, const QString &source, const QString &entity,
                                                                 const QString &kind);
    // Forgets `cursors` (of `source`) in one transaction, holding the source's lease meanwhile, so
    // it is refused, naming the worker, while a run of the source goes on anywhere (the run's next
    // page would write its cursor again). Each walk then starts over: an incremental one from the
    // source's `start`, a full walk or scan from its beginning; a start cursor is set again by
    // the next run.
    static bool resetCursors(Database &db, const Config &config, const QString &source, const QList<CursorRecord> &cursors,
                             Error *error);
};

} // namespace Tributary
