#pragma once

#include "config/Config.h"
#include "engine/Source.h"
#include "engine/apply/RecordMapper.h"
#include "state/ChangeLog.h"
#include "state/ConflictStore.h"
#include "state/EditStore.h"
#include "state/LinkStore.h"
#include "state/RunCounts.h"
#include "store/EntityTable.h"
#include "store/Statements.h"

#include <QHash>
#include <memory>

namespace Tributary {

class Database;

// What the parts of one run's applier share: one connection and the statements prepared on it,
// the source's links, the application's tables, the counts, and the time of the transaction in
// progress. Lives as long as the run, on the run's thread.
class ApplyContext
{
public:
    // `impl` (optional) tells which field each entity's change filter works on, so that mapping
    // checks that the records carry it.
    ApplyContext(Database &db, const Config &config, const SourceConfig &source, qint64 runId, const Source *impl = nullptr);
    ApplyContext(const ApplyContext &) = delete;
    ApplyContext &operator=(const ApplyContext &) = delete;

    Database &db;
    const Config &config;
    const SourceConfig &source;
    const qint64 runId;
    const Source *const impl;
    Statements statements;
    LinkStore links;
    ConflictStore conflicts;
    ChangeLog changes;
    EditStore edits;
    QHash<QString, EntityCounts> counts;
    QString now; // the time of the transaction in progress, as the state tables store it
    QList<QPair<QString, QString>> newlyLinked; // (entity, external id) linked in this transaction

    // Where a source configured to start "now" or at a date starts, per entity: a record that has
    // no link yet and whose change field is older is not imported. Records fetched because
    // another one refers to them are exempt (admitEverything), or the reference would dangle.
    struct StartBoundary
    {
        QDateTime from;
        QString field; // the record's change field
    };
    QHash<QString, StartBoundary> startBoundaries;
    bool admitEverything = false;

    // Starts the clock of a transaction: every row it stamps gets the same time.
    void stampNow();
    EntityTable &table(const EntityConfig &entity);
    const RecordMapper &mapper(const EntityConfig &entity);
    // Writes the links and change log lines the transaction queued (LinkStore, ChangeLog
    // batching): before every commit and before a savepoint is released.
    bool flush(Error *error) { return links.flush(error) && changes.flush(error); }
    // After a rollback: what was queued goes with it.
    void discardQueued()
    {
        links.dropCache();
        changes.discard();
    }
    // A line in the change log, by this source (or by `actor`: write-back's lines are the main
    // application's changes, "application").
    bool logChange(const EntityConfig &entity, const QString &localId, const QString &externalId, const QString &op, Error *error,
                   const QStringList &fields = {}, const QJsonObject &values = {}, const QString &actor = {});

private:
    const QString m_actor; // "source:NAME", as the change log names this source
    QHash<QString, std::shared_ptr<EntityTable>> m_tables;
    QHash<QString, std::shared_ptr<RecordMapper>> m_mappers;
};

} // namespace Tributary
