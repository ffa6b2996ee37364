#pragma once

#include "util/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace Tributary {

class Database;
class Statements;

// A record held in quarantine (it could not be mapped or stored), with the reason.
struct QuarantineEntry
{
    QString source;
    QString entity;
    QString externalId;
    QString field; // empty when the record as a whole was refused
    QString reason;
    qint64 attempts = 0;
    QString firstSeen;
    QString lastSeen;
    QJsonObject record; // the raw JSON as the source sent it

    QString key() const { return source + QLatin1Char('\x1f') + entity + QLatin1Char('\x1f') + externalId; }
    QJsonObject toJson() const;
};

struct QuarantineFilter
{
    QStringList sources;     // empty: any
    QStringList entities;    // empty: any
    QStringList externalIds; // empty: any
    int limit = 0;           // 0: all
};

// Records that cannot be applied yet or at all: pending (tributary_pending and its references,
// tributary_pending_refs: waiting for a record that has not arrived) and quarantined
// (tributary_quarantine: invalid, or waiting for something that will never come). The engine
// holds one per source; front ends read the quarantine through the static functions.
class ParkingLot
{
public:
    // `statements` keeps the per-record statements prepared across pages.
    ParkingLot(Database &db, QString source, Statements &statements);

    // What a pending record waits for: its reference column and the record it names.
    struct Reference
    {
        QString column;
        QString entity;
        QString externalId;
    };
    // A pending record waiting for some record.
    struct Waiting
    {
        QString entity;
        QString externalId;
        QJsonObject record;
        QString column; // the reference column that names the awaited record
    };
    // A reference that pending records wait for and that has no link.
    struct MissingRef
    {
        QString entity;
        QString externalId;
        bool quarantined = false; // the target itself is held in quarantine
        bool operator==(const MissingRef &o) const { return entity == o.entity && externalId == o.externalId; }
    };
    // One reference of one pending record, for the search for cycles.
    struct PendingEdge
    {
        QString entity;
        QString externalId;
        QJsonObject record;
        Reference reference;
    };

    // The keys (entity + '\x1f' + external id) of this source's pending and quarantined records,
    // and of the records pending ones wait for.
    bool loadKeys(QSet<QString> *parked, QSet<QString> *awaited, Error *error);
    // Holds `record` until `missing` arrive (replacing what it held for it before).
    bool park(const QString &entity, const QString &externalId, const QJsonObject &record, const QList<Reference> &missing, qint64 runId,
              const QString &now, Error *error);
    // Holds `record` in quarantine with `reason` (counting the attempt when it was there before);
    // it stops waiting for its references. `key` is its external id, or a key made from its content.
    bool quarantine(const QString &entity, const QString &key, const QJsonObject &record, const QString &field, const QString &reason,
                    qint64 runId, const QString &now, bool stopWaiting, Error *error);
    // The record was applied (or is gone): it is neither pending nor quarantined any more.
    bool release(const QString &entity, const QString &externalId, Error *error);
    bool dropFromQuarantine(const QString &entity, const QString &externalId, Error *error);
    // Pending records waiting for (entity, externalId).
    bool waitingFor(const QString &entity, const QString &externalId, QList<Waiting> *out, Error *error);
    bool isPending(const QString &entity, const QString &externalId, bool *pending, Error *error);
    bool isQuarantined(const QString &entity, const QString &externalId, bool *quarantined, Error *error);
    // Missing references worth resolving: targets that are not themselves pending (those resolve,
    // or fail, with their own references).
    Result<QList<MissingRef>> missingReferences();
    Result<QList<PendingEdge>> pendingEdges();
    // This source's quarantined records: (entity, external id), by entity and id.
    Result<QList<QPair<QString, QString>>> quarantinedIds();
    // Records still pending for this source, per entity.
    Result<QHash<QString, qint64>> pendingCounts();

    // Front ends: the quarantine as people see it, ordered by source, entity, first seen.
    static Result<QList<QuarantineEntry>> list(Database &db, const QuarantineFilter &filter);
    static Result<qint64> count(Database &db, const QuarantineFilter &filter);
    // The sources that have records in quarantine, sorted.
    static Result<QStringList> quarantinedSources(Database &db);
    // Quarantined records per (source, entity): "source\x1fentity" -> count.
    static Result<QHash<QString, qint64>> countsBySourceAndEntity(Database &db);

private:
    bool exec(const QString &sql, const QVariantList &binds, Error *error);
    bool holds(const QString &table, const QString &entity, const QString &externalId, bool *held, Error *error);

    Database &m_db;
    QString m_source;
    Statements &m_statements;
};

} // namespace Tributary
