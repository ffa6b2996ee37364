#pragma once

#include "config/Config.h"
#include "engine/apply/ThreeWayMerge.h"
#include "state/LinkStore.h"
#include "state/ParkingLot.h"

#include <QJsonObject>
#include <QVariantMap>

namespace Tributary {

// What to do with one record the source sent, decided before anything is written (the deciding
// code reads, the writing code does not decide): RecordPlanner makes it, PlanWriter carries it
// out in the page's transaction. One record at a time, because a record may reference one
// decided and written just before it in the same page.
struct RecordPlan
{
    enum class Action {
        Unchanged,   // same content hash as last applied: nothing to write
        Insert,      // a new row, and its link
        Link,        // adopt an existing row through the entity's match keys (consolidation)
        Update,      // the row exists: write `merge.changes`, record its collisions
        LocalDeleted,// the main application deleted the row the source changed: a conflict
        Pending,     // a reference has no link yet: hold the record until it arrives
        Quarantine,  // invalid: hold it with the reason
        BeforeStart, // not linked, and changed before the source's start: not imported (counted as skipped)
    };

    Action action = Action::Unchanged;
    const EntityConfig *entity = nullptr;
    QJsonObject raw;      // as the source sent it (pending and quarantine keep it)
    QString externalId;
    QString hash;
    LinkStore::Link link; // as it was before this record
    // Update, LocalDeleted of a link without a base of its own (LinkStore::Link::hasOwnBase):
    // whether tributary_edits held the application's edit (then link.baseJson is that capture),
    // and the row as it was read.
    bool derivedBase = false;
    bool captured = false;
    QVariantMap local;
    // The record came back after reconciliation deleted its row: undo the delete first.
    bool restore = false;
    // Insert, Link, Update, LocalDeleted: the remote values with references as local ids.
    QVariantMap row;
    QString matchedId;                            // Link: the adopted row
    ThreeWayMerge::Result merge;                  // Update
    QList<ParkingLot::Reference> missing;         // Pending
    QString errorField;                           // Quarantine
    QString error;                                // Quarantine

    const QString &localId() const { return action == Action::Link ? matchedId : link.localId; }
};

} // namespace Tributary
