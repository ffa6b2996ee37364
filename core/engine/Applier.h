#pragma once

#include "config/Config.h"
#include "engine/Position.h"
#include "engine/RecordMapper.h"
#include "engine/RunCounts.h"
#include "store/LinkStore.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>
#include <functional>
#include <memory>

namespace Tributary {

class Database;

// Writes what a source sent into the main database. Every call is one transaction holding the
// rows, their links and base snapshots, pending references, quarantined records, conflicts, the
// change log and (for pages) the entity's new cursor: a crash before commit replays the page,
// after commit the page is done.
class Applier
{
public:
    Applier(Database &db, const Config &config, const SourceConfig &source, qint64 runId);
    ~Applier();

    // Creates the expression indexes used to match consolidation keys (idempotent).
    bool prepare(Error *error);

    // Applies one page and stores `position` as the cursor of (entity, cursorKind).
    bool applyPage(const EntityConfig &entity, const QJsonArray &records, const QString &cursorKind,
                   const Position &position, Error *error);
    // Applies records fetched one by one (missing references), without moving any cursor.
    bool applyRecords(const EntityConfig &entity, const QJsonArray &records, Error *error);

    // A reference that pending records wait for and that has no link.
    struct MissingRef
    {
        QString entity;
        QString externalId;
        bool quarantined = false; // the target itself is held in quarantine
        bool operator==(const MissingRef &o) const { return entity == o.entity && externalId == o.externalId; }
    };
    // Missing references worth resolving: targets that are not themselves pending (those resolve,
    // or fail, with their own references).
    QList<MissingRef> missingReferences(Error *error);
    // Quarantines every record still pending: called when nothing fetchable is missing any more,
    // so what still waits waits on itself (a cycle of references).
    bool quarantineStuckPending(Error *error);
    // Moves every pending record waiting for (entity, externalId) to quarantine with `reason`.
    bool quarantineWaitingFor(const QString &entity, const QString &externalId, const QString &reason, Error *error);
    bool isLinked(const QString &entity, const QString &externalId, Error *error);
    bool isPending(const QString &entity, const QString &externalId, Error *error);
    // Quarantined records of this source: (entity, external id), optionally filtered.
    QList<QPair<QString, QString>> quarantined(const QStringList &entities, const QStringList &externalIds, Error *error);
    // Forgets a quarantined record (the source no longer has it).
    bool dropFromQuarantine(const QString &entity, const QString &externalId, Error *error);
    // Records still pending for this source, per entity (used at the end of a run).
    QHash<QString, qint64> pendingCounts(Error *error);

    QHash<QString, EntityCounts> &counts() { return m_counts; }

    // Reconciliation. A scan stamps every id the source lists with the scan number (one
    // transaction per page, with the scan's position); ids that have no link are returned in
    // *unlinked (records polling missed: the caller fetches them).
    bool stampSeen(const EntityConfig &entity, const QStringList &ids, qint64 scan, const Position &position,
                   QStringList *unlinked, Error *error);
    struct SweepPlan
    {
        qint64 active = 0;  // linked records not already deleted
        qint64 unseen = 0;  // of those, not seen by the scan
    };
    bool planSweep(const EntityConfig &entity, qint64 scan, SweepPlan *plan, Error *error);
    // External ids of linked, not yet deleted records the scan did not see.
    QStringList unseen(const EntityConfig &entity, qint64 scan, Error *error);
    // Deletes (per the entity's delete_mode) records confirmed gone at the source; a row edited
    // locally since it was last applied becomes an edit-versus-delete conflict instead, and an
    // adopted row (the main application's own) is only unlinked.
    bool sweep(const EntityConfig &entity, const QStringList &goneIds, Error *error);
    void setCurrentScan(qint64 scan) { m_links.setCurrentScan(scan); }
    // Soft delete needs the column: adds it (nullable) when the table lacks it.
    bool ensureDeletedColumn(const EntityConfig &entity, Error *error);

    static Position loadCursor(Database &db, const QString &source, const QString &entity, const QString &kind, Error *error);
    static bool saveCursor(Database &db, const QString &source, const QString &entity, const QString &kind,
                           const Position &position, qint64 runId, Error *error);
    // Consolidation keys are compared trimmed of spaces and with ASCII letters lower-cased, exactly
    // as the SQL expression lower(trim(column)) does in SQLite and PostgreSQL.
    static QString normalizeMatchKey(const QString &value);

private:
    enum class Outcome { Applied, Pending, Quarantined, Unchanged };
    struct EntityState;

    bool applyAll(const EntityConfig &entity, const QJsonArray &records, bool careful, Error *error);
    bool applyRaw(const EntityConfig &entity, const QJsonObject &raw, Error *error);
    bool applyMapped(const EntityConfig &entity, const QJsonObject &raw, const MappedRecord &m, Error *error);
    bool insertRow(EntityState &st, const MappedRecord &m, const QVariantMap &row, Error *error);
    bool updateRow(EntityState &st, const MappedRecord &m, const LinkStore::Link &link, const QVariantMap &row, Error *error);
    bool restoreRow(EntityState &st, const MappedRecord &m, const LinkStore::Link &link, Error *error);
    // Whether the local row differs from what the source said last (a local edit), per column.
    // `localValues` (optional) receives the row's synced columns.
    bool locallyEdited(EntityState &st, const LinkStore::Link &link, bool *rowExists, Error *error, QJsonObject *localValues = nullptr);
    bool resolvePending(Error *error);
    bool toPending(const EntityConfig &entity, const QJsonObject &raw, const MappedRecord &m,
                   const QList<QPair<QString, QString>> &missing, Error *error);
    bool toQuarantine(const EntityConfig &entity, const QJsonObject &raw, const QString &externalId,
                      const QString &field, const QString &reason, Error *error);
    bool clearParked(const QString &entity, const QString &externalId, Error *error);
    // `resolution` empty: an open conflict waiting for a person; otherwise the rule that decided.
    // `localBy`: field -> the other source that set the local value.
    bool recordConflict(EntityState &st, const MappedRecord &m, const QString &localId, const QString &kind,
                        const QStringList &fields, const QJsonObject &base, const QJsonObject &local,
                        const QJsonObject &remote, const QString &resolution, Error *error,
                        const QJsonObject &localBy = QJsonObject());
    bool logChange(const EntityConfig &entity, const QString &localId, const QString &externalId, const QString &op,
                   const QJsonValue &fields, Error *error, const QJsonObject &values = QJsonObject());

    // Other sources linked to the same row (through consolidation), with what each said last.
    struct OtherSource
    {
        QString source;
        int priority = 0;
        QJsonObject base;
    };
    QList<OtherSource> otherSources(const EntityConfig &entity, const QString &localId, Error *error);
    // How one field that both sides changed is decided: source priority when the local value came
    // from another source of a different priority, else the field's policy.
    struct Decision
    {
        bool takeRemote = false;
        QString label; // empty: manual, waits for a person; else "policy:NAME" or "priority:SOURCE"
        QString owner; // the other source that set the local value, if any
    };
    Decision decide(const EntityConfig &entity, const QString &column, const QVariant &local, const QVariantMap &remoteRow,
                    const QVariantMap &localRow, const QList<OtherSource> &others) const;
    EntityState &state(const EntityConfig &entity);
    // Runs `body` in one transaction stamped with one time; on any failure everything is rolled
    // back and the in-memory views of the state tables are read again.
    bool inTransaction(const std::function<bool()> &body, Error *error);
    QSqlQuery &statement(const QString &sql, Error *error);

    Database &m_db;
    const Config &m_config;
    const SourceConfig &m_source;
    qint64 m_runId;
    LinkStore m_links;
    QHash<QString, std::shared_ptr<EntityState>> m_states;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    QHash<QString, EntityCounts> m_counts;
    // Records of this source held in pending or quarantine, and the references pending records
    // wait for: the hot path asks these sets instead of the database. They may hold more than the
    // tables (never less): after a rollback they are read again.
    QSet<QString> m_parked;
    QSet<QString> m_awaited;
    bool m_parkedKnown = false;
    bool loadParked(Error *error);
    void afterRollback();
    QString m_now; // the time of the transaction in progress, as the state tables store it
    QList<QPair<QString, QString>> m_newlyLinked; // (entity, external id) linked in this transaction
};

} // namespace Tributary
