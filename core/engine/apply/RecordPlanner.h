#pragma once

#include "engine/apply/RecordMapper.h"
#include "engine/apply/RecordPlan.h"

namespace Tributary {

class ApplyContext;

// Decides what one record needs (RecordPlan): maps it, looks up its link, its references and,
// for a known row, the row itself and the other sources linked to it, then merges three ways.
// Reads only.
class RecordPlanner
{
public:
    explicit RecordPlanner(ApplyContext &context) : m_ctx(context) {}

    // `premapped`: the record already mapped (PageMapping), moved from; mapped here when null.
    bool plan(const EntityConfig &entity, const QJsonObject &raw, RecordPlan *plan, Error *error, MappedRecord *premapped = nullptr);

private:
    bool planKnownRow(RecordPlan *plan, Error *error);
    bool planNewRow(RecordPlan *plan, Error *error);
    bool isBeforeStart(const EntityConfig &entity, const QJsonObject &raw) const;

    ApplyContext &m_ctx;
};

} // namespace Tributary
