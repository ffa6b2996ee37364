#pragma once

#include "engine/apply/RecordPlan.h"

namespace Tributary {

class ApplyContext;
class ParkedRecords;

// Carries out a RecordPlan inside the page's transaction: the row, its link and base snapshot,
// the conflicts the merge left, the change log, pending and quarantine, and the counts. Decides
// nothing.
class PlanWriter
{
public:
    PlanWriter(ApplyContext &context, ParkedRecords &parked) : m_ctx(context), m_parked(parked) {}

    bool execute(const RecordPlan &plan, Error *error);
    // A row this source now links that other sources link too: their links without a base of
    // their own get one (plan.entity, plan.matchedId and plan.row are read).
    bool giveBasesOnRow(const RecordPlan &plan, Error *error);

private:
    bool restore(const RecordPlan &plan, Error *error);
    bool insert(const RecordPlan &plan, Error *error);
    bool link(const RecordPlan &plan, Error *error);
    bool update(const RecordPlan &plan, Error *error);
    bool localDeleted(const RecordPlan &plan, Error *error);
    // After an update or local delete of a link without a base of its own: tributary_edits says
    // what the base now is.
    bool keepDerivedBase(const RecordPlan &plan, Error *error);
    bool recordConflict(const RecordPlan &plan, const QString &kind, const QStringList &fields, const QJsonObject &base,
                        const QJsonObject &local, const QJsonObject &remote, const QString &resolution, const QJsonObject &localBy,
                        Error *error);

    ApplyContext &m_ctx;
    ParkedRecords &m_parked;
};

} // namespace Tributary
