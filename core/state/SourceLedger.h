#pragma once

#include "state/RunLog.h"
#include "util/Result.h"

#include <QHash>
#include <QStringList>

namespace Tributary {

class Database;

// What Tributary holds for one entity of one source, as `tributaryd status`, the console's
// sources list and `tributaryd source list` show it.
struct EntitySummary
{
    QString entity;
    qint64 links = 0;     // every link, records gone at the source included
    qint64 gone = 0;      // links whose record reconciliation found gone at the source
    qint64 inserted = 0;  // links to rows this source inserted
    qint64 matched = 0;   // links to rows adopted through a match key
    qint64 pending = 0;
    qint64 quarantined = 0;
    qint64 openConflicts = 0;
};

struct SourceSummary
{
    QString source;
    QList<EntitySummary> entities; // by entity name; entities with nothing held are absent
    qint64 cursors = 0;
    qint64 runs = 0;
    std::optional<RunRecord> lastRun;

    EntitySummary entity(const QString &name) const;
    EntitySummary total() const;
};

// What Tributary holds for whole sources, across the state tables: which sources it holds
// anything for, forgetting one (a detach), and the questions a purge asks about the links of
// several sources at once. Per-table questions are asked of the table's own store.
class SourceLedger
{
public:
    explicit SourceLedger(Database &db) : m_db(db) {}

    // The counts of one source, each table asked once (grouped by entity).
    Result<SourceSummary> summary(const QString &source);

    // The sources the state tables hold state for (links, entities, cursors, pending or
    // quarantined records, open conflicts), sorted. Runs and the change log are history and do not
    // count. Empty for a database whose state tables are missing or older (a dry run's copy).
    Result<QStringList> sourcesWithState();

    struct Forgotten
    {
        qint64 pending = 0;
        qint64 quarantined = 0;
        qint64 cursors = 0;
        qint64 links = 0;
    };
    // Deletes everything Tributary keeps for `source` except history (runs, change log, resolved
    // conflicts), inside the caller's transaction.
    bool forget(const QString &source, Forgotten *forgotten, Error *error);

    // A purge deletes the rows a source inserted that no other source links. `sharers` are the
    // (source, entity) pairs whose links may point into the same table.
    using Sharers = QList<QPair<QString, QString>>;
    // Entities of other sources that have links but whose table nothing recorded (a source last
    // synced before state version 3), for an entity named `entity`.
    Result<QStringList> sourcesLinkingEntity(const QString &entity, const QString &excludingSource);
    Result<qint64> countShared(const QString &source, const QString &entity, const Sharers &sharers);
    // Inserted by `source`, linked by no sharer, and still in `table`.
    Result<qint64> countPurgeable(const QString &source, const QString &entity, const Sharers &sharers, const QString &table,
                                  const QString &keyColumn);
    struct LinkedRow
    {
        QString localId;
        QString externalId;
    };
    // The next `batch` rows to purge, newest local ids first (replies after the messages they
    // answer), after `after` (empty: from the start).
    Result<QList<LinkedRow>> purgeBatch(const QString &source, const QString &entity, const Sharers &sharers, const QString &after,
                                        int batch);

    // SQLite keeps foreign keys off, so a purge checks itself that no remaining row references a
    // purged one: the purged keys are noted in a temporary table while the transaction runs.
    bool beginPurgeMarks(Error *error);
    bool markPurged(const QString &table, const QVariant &localId, Error *error);
    struct Dangling
    {
        QString child, childKey, childId, parent, parentKey, parentId, column;
    };
    // The first row (outside Tributary's tables) that references a purged row through a declared
    // single-column foreign key; found false when there is none. `purgedKeys`: table -> key column.
    bool findDangling(const QHash<QString, QString> &purgedKeys, Dangling *dangling, bool *found, Error *error);
    bool endPurgeMarks(Error *error);

private:
    Database &m_db;
};

} // namespace Tributary
