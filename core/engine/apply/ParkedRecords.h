#pragma once

#include "state/ParkingLot.h"

#include <QSet>

namespace Tributary {

class ApplyContext;
struct EntityConfig;

// The engine's side of pending and quarantined records: holding a record back (counted, logged),
// releasing it when it applies, and quarantining whatever waits for a record that will never
// come. Remembers which records of the source are held, so the hot path asks a set instead of the
// database; the set may hold more than the tables (never less) and is read again after a rollback.
// Every call runs inside the caller's transaction.
class ParkedRecords
{
public:
    explicit ParkedRecords(ApplyContext &context);

    ParkingLot &lot() { return m_lot; }

    bool load(Error *error);
    // After a rollback: what the tables hold may differ from the sets.
    void reload();
    // Whether the record may be held (true for every record while the sets are unknown).
    bool isParked(const QString &entity, const QString &externalId) const;
    // Whether the record is known to be held.
    bool isKnownParked(const QString &entity, const QString &externalId) const;

    bool park(const EntityConfig &entity, const QJsonObject &raw, const QString &externalId, const QList<ParkingLot::Reference> &missing,
              Error *error);
    // A record without a usable id is still kept, under a key made from its content.
    bool quarantine(const EntityConfig &entity, const QJsonObject &raw, const QString &externalId, const QString &field,
                    const QString &reason, Error *error);
    bool release(const QString &entity, const QString &externalId, Error *error);
    bool dropFromQuarantine(const QString &entity, const QString &externalId, Error *error);

    // Records waiting for what was linked since the last call (ApplyContext::newlyLinked), to be
    // applied again: (entity, raw record), each once. Their pending count is taken back.
    bool takeReady(QList<QPair<QString, QJsonObject>> *ready, Error *error);
    // Moves every pending record waiting for (entity, externalId) to quarantine with `reason`,
    // and what waits for those in turn.
    bool quarantineWaitingFor(const QString &entity, const QString &externalId, const QString &reason, Error *error);
    // Every pending record now waits only on other pending records (`edges`, from
    // ParkingLot::pendingEdges): what sits on a cycle of references is quarantined as such.
    // *cycle receives the records quarantined as cycle members, whose waiters the caller then
    // quarantines.
    bool quarantineCycles(const QList<ParkingLot::PendingEdge> &edges, QList<QPair<QString, QString>> *cycle, Error *error);

private:
    ApplyContext &m_ctx;
    ParkingLot m_lot;
    QSet<QString> m_parked;
    QSet<QString> m_awaited;
    bool m_known = false;
};

} // namespace Tributary
