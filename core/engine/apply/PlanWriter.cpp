#include "PlanWriter.h"

#include "engine/apply/ApplyContext.h"
#include "engine/apply/ParkedRecords.h"
#include "util/Values.h"

#include <optional>

namespace Tributary {

bool PlanWriter::execute(const RecordPlan &plan, Error *error)
{
    using A = RecordPlan::Action;
    if (plan.action == A::BeforeStart) {
        ++m_ctx.counts[plan.entity->name].skipped;
        return true;
    }
    if (plan.action == A::Quarantine)
        return m_parked.quarantine(*plan.entity, plan.raw, plan.externalId, plan.errorField, plan.error, error);
    // A record that reconciliation had found gone is back: undo the delete first.
    if (plan.restore && !restore(plan, error))
        return false;
    bool ok = true;
    switch (plan.action) {
    case A::Pending:
        return m_parked.park(*plan.entity, plan.raw, plan.externalId, plan.missing, error);
    case A::Unchanged:
        if (!plan.restore)
            ++m_ctx.counts[plan.entity->name].unchanged;
        break;
    case A::Insert: ok = insert(plan, error); break;
    case A::Link: ok = link(plan, error); break;
    case A::Update: ok = update(plan, error); break;
    case A::LocalDeleted: ok = localDeleted(plan, error); break;
    case A::Quarantine:
    case A::BeforeStart: break;
    }
    return ok && m_parked.release(plan.entity->name, plan.externalId, error);
}

bool PlanWriter::restore(const RecordPlan &plan, Error *error)
{
    const EntityConfig &entity = *plan.entity;
    if (entity.deleteMode == QLatin1String("soft") && !m_ctx.table(entity).undelete(plan.link.localId, error))
        return false;
    ++m_ctx.counts[entity.name].restored;
    return m_ctx.links.setDeleted(entity.name, plan.externalId, QString(), error)
        && m_ctx.logChange(entity, plan.link.localId, plan.externalId, QStringLiteral("restore"), error);
}

bool PlanWriter::insert(const RecordPlan &plan, Error *error)
{
    const EntityConfig &entity = *plan.entity;
    QString localId;
    EntityTable &table = m_ctx.table(entity);
    // While the triggers capture the application's edits of the table, the row is its own base
    // (docs/decisions/0024): the link keeps none.
    if (!table.insert(plan.row, &localId, error)
        || !m_ctx.links.insert(entity.name, plan.externalId, localId, QStringLiteral("inserted"), plan.hash,
                               table.capturesEdits() ? QByteArray() : rowJson(plan.row), error))
        return false;
    ++m_ctx.counts[entity.name].inserted;
    m_ctx.newlyLinked.append({entity.name, plan.externalId});
    // No change log line: the link, which carries the run, stands for it (docs/decisions/0025).
    return true;
}

bool PlanWriter::link(const RecordPlan &plan, Error *error)
{
    const EntityConfig &entity = *plan.entity;
    if (!giveBasesOnRow(plan, error))
        return false;
    if (!m_ctx.links.insert(entity.name, plan.externalId, plan.matchedId, QStringLiteral("matched"), plan.hash, rowJson(plan.row), error))
        return false;
    ++m_ctx.counts[entity.name].linked;
    m_ctx.newlyLinked.append({entity.name, plan.externalId});
    return m_ctx.logChange(entity, plan.matchedId, plan.externalId, QStringLiteral("link"), error);
}

bool PlanWriter::giveBasesOnRow(const RecordPlan &plan, Error *error)
{
    // A row this source adopts may be one another source inserted, whose link has no base of its
    // own: it gets one now, what that source last wrote (the application's captured edit, or
    // else the row as it is), so that priorities and three-way merges on the shared row still
    // know which source set what.
    EntityTable &table = m_ctx.table(*plan.entity);
    if (!table.capturesEdits() && table.captureColumns().isEmpty())
        return true; // the triggers were never installed here: every link has its base
    // What the row was, read only when a bare link is there to need it (most adopted rows were
    // the application's own): the capture, else the row itself.
    std::optional<QVariantMap> row;
    Error readError;
    auto lastWritten = [&]() -> const QVariantMap & {
        if (!row) {
            row.emplace();
            QJsonObject captured;
            bool found = false, exists = false;
            if (m_ctx.edits.find(plan.entity->table, plan.matchedId, &captured, &found, &readError) && found)
                *row = captured.toVariantMap();
            else if (!readError)
                table.readValues(plan.matchedId, table.captureColumns(), &*row, &exists, &readError);
        }
        return *row;
    };
    // Each source's base holds the columns it syncs, and no other: a value in a base says that
    // source set it.
    const bool given = m_ctx.links.giveBasesOnRow(plan.entity->table, plan.matchedId, [&](const QString &source, const QString &entity) {
        const QVariantMap &last = lastWritten();
        const SourceConfig *s = m_ctx.config.source(source);
        const EntityConfig *e = s ? s->entity(entity) : nullptr;
        QVariantMap own;
        for (const QString &c : e ? EntityTable::syncColumnsOf(*e) : table.syncColumns()) {
            if (last.contains(c))
                own.insert(c, last.value(c));
        }
        return rowJson(own);
    }, error);
    if (given && readError) {
        *error = readError;
        return false;
    }
    return given;
}

bool PlanWriter::update(const RecordPlan &plan, Error *error)
{
    const EntityConfig &entity = *plan.entity;
    EntityCounts &counts = m_ctx.counts[entity.name];
    const ThreeWayMerge::Result &merge = plan.merge;
    if (!merge.changes.isEmpty()) {
        if (!m_ctx.table(entity).update(plan.link.localId, merge.changes, error))
            return false;
        ++counts.updated;
        if (!m_ctx.logChange(entity, plan.link.localId, plan.externalId, QStringLiteral("update"), error, merge.changes.keys(),
                             variantMapToJson(merge.changes)))
            return false;
    } else if (merge.waiting.isEmpty() && merge.decided.isEmpty()) {
        ++counts.unchanged;
    }
    using R = ThreeWayMerge::Result;
    if (!merge.waiting.isEmpty()) {
        ++counts.conflicts;
        if (!recordConflict(plan, QStringLiteral("field"), merge.waiting, R::pick(merge.base, merge.waiting), R::pick(merge.local, merge.waiting),
                            R::pick(merge.remote, merge.waiting), QString(), R::pick(merge.localBy, merge.waiting), error))
            return false;
    }
    // Decided by a rule: recorded as resolved, so every collision stays visible in the history.
    for (auto it = merge.decided.constBegin(); it != merge.decided.constEnd(); ++it) {
        if (!recordConflict(plan, QStringLiteral("field"), it.value(), R::pick(merge.base, it.value()), R::pick(merge.local, it.value()),
                            R::pick(merge.remote, it.value()), it.key(), R::pick(merge.localBy, it.value()), error))
            return false;
    }
    // The base becomes what the source says now, so a field kept locally is not raised again until
    // the source changes it again.
    if (plan.derivedBase)
        return keepDerivedBase(plan, error);
    return m_ctx.links.update(entity.name, plan.externalId, plan.hash, rowJson(plan.row), error);
}

bool PlanWriter::keepDerivedBase(const RecordPlan &plan, Error *error)
{
    // A link without a base of its own: while the row keeps a value of its own (a conflict, a
    // rule that kept it), tributary_edits holds what the source says now, as the link's base
    // would have; once the row is the source's again, the row is the base and the capture goes.
    const EntityConfig &entity = *plan.entity;
    const ThreeWayMerge::Result &merge = plan.merge;
    bool kept = plan.action == RecordPlan::Action::LocalDeleted;
    for (const QString &c : m_ctx.table(entity).syncColumns()) {
        if (kept)
            break;
        if (c == entity.updatedColumn)
            continue; // follows the other fields (ThreeWayMerge)
        const auto changed = merge.changes.constFind(c);
        kept = !sameValue(changed != merge.changes.constEnd() ? *changed : plan.local.value(c), plan.row.value(c));
    }
    if (kept) {
        if (!m_ctx.edits.put(entity.table, plan.link.localId, rowJson(plan.row), m_ctx.now, error))
            return false;
    } else if (plan.captured && !m_ctx.edits.remove(entity.table, plan.link.localId, error)) {
        return false;
    }
    return m_ctx.links.update(entity.name, plan.externalId, plan.hash, QByteArray(), error);
}

bool PlanWriter::localDeleted(const RecordPlan &plan, Error *error)
{
    const EntityConfig &entity = *plan.entity;
    ++m_ctx.counts[entity.name].conflicts;
    const QJsonObject remote = variantMapToJson(plan.row);
    if (!recordConflict(plan, QStringLiteral("local-deleted"), m_ctx.table(entity).syncColumns(), plan.link.base(), QJsonObject(), remote,
                        QString(), QJsonObject(), error))
        return false;
    if (plan.derivedBase)
        return keepDerivedBase(plan, error);
    return m_ctx.links.update(entity.name, plan.externalId, plan.hash, rowJson(plan.row), error);
}

bool PlanWriter::recordConflict(const RecordPlan &plan, const QString &kind, const QStringList &fields, const QJsonObject &base,
                                const QJsonObject &local, const QJsonObject &remote, const QString &resolution, const QJsonObject &localBy,
                                Error *error)
{
    Conflict c;
    c.source = m_ctx.source.name;
    c.entity = plan.entity->name;
    c.externalId = plan.externalId;
    c.localId = plan.link.localId;
    c.kind = kind;
    c.fields = fields;
    c.base = base;
    c.local = local;
    c.remote = remote;
    c.localBy = localBy;
    c.resolution = resolution;
    return m_ctx.conflicts.record(c, m_ctx.runId, m_ctx.now, error);
}

} // namespace Tributary
