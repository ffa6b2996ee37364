#pragma once

#include "state/LinkStore.h"

namespace Tributary {

class ApplyContext;
class ParkedRecords;
struct EntityConfig;

// Reconciliation's side of the applier: stamping the ids a scan saw, counting what it did not see,
// and deleting (per the entity's delete_mode) the records confirmed gone at the source. A row the
// main application changed since it was last applied is never deleted silently: it becomes an
// edit-versus-delete conflict; an adopted row (the main application's own) is only unlinked.
// Every call runs inside the caller's transaction.
class Sweeper
{
public:
    Sweeper(ApplyContext &context, ParkedRecords &parked) : m_ctx(context), m_parked(parked) {}

    // Ids the source listed that polling missed: no link and not held, or linked to a row deleted
    // after an earlier reconciliation (the record is back: applying it again restores the row).
    bool stampSeen(const EntityConfig &entity, const QStringList &ids, qint64 scan, QStringList *missed, Error *error);
    // `gone` are the links (looked up before the transaction) of `goneIds`.
    bool sweep(const EntityConfig &entity, const QStringList &goneIds, const QList<LinkStore::Link> &gone, Error *error);

private:
    ApplyContext &m_ctx;
    ParkedRecords &m_parked;
};

} // namespace Tributary
