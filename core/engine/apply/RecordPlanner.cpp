#include "RecordPlanner.h"

#include "engine/apply/ApplyContext.h"
#include "store/Database.h"
#include "util/Values.h"

namespace Tributary {

bool RecordPlanner::plan(const EntityConfig &entity, const QJsonObject &raw, RecordPlan *p, Error *error, MappedRecord *premapped)
{
    *p = RecordPlan();
    p->entity = &entity;
    p->raw = raw;
    const MappedRecord m = premapped ? std::move(*premapped) : m_ctx.mapper(entity).map(raw);
    p->externalId = m.externalId;
    if (!m.isValid()) {
        p->action = RecordPlan::Action::Quarantine;
        p->errorField = m.errorField;
        p->error = m.error;
        return true;
    }
    p->hash = m.hash;
    p->link = m_ctx.links.find(entity.name, m.externalId, error);
    if (error->isError())
        return false;
    if (!p->link.found && isBeforeStart(entity, raw)) {
        p->action = RecordPlan::Action::BeforeStart;
        return true;
    }
    p->restore = p->link.found && !p->link.deletedAt.isEmpty();
    if (p->link.found && p->link.hash == m.hash) {
        p->action = RecordPlan::Action::Unchanged;
        return true;
    }

    p->row = m.values;
    for (const ReferenceMapping &ref : entity.references) {
        const auto it = m.refs.constFind(ref.column);
        if (it == m.refs.constEnd()) {
            p->row.insert(ref.column, QVariant());
            continue;
        }
        const QString local = m_ctx.links.localId(ref.entity, *it, error);
        if (error->isError())
            return false;
        if (local.isNull())
            p->missing.append({ref.column, ref.entity, *it});
        else
            p->row.insert(ref.column, Database::keyValue(local));
    }
    if (!p->missing.isEmpty()) {
        p->action = RecordPlan::Action::Pending;
        return true;
    }
    return p->link.found ? planKnownRow(p, error) : planNewRow(p, error);
}

bool RecordPlanner::isBeforeStart(const EntityConfig &entity, const QJsonObject &raw) const
{
    if (m_ctx.admitEverything)
        return false;
    const auto b = m_ctx.startBoundaries.constFind(entity.name);
    if (b == m_ctx.startBoundaries.constEnd())
        return false;
    // A change time that cannot be read is not a reason to drop the record: the mapping judges it.
    qint64 changed = 0;
    return parseMicros(valueAt(raw, b->field), &changed) && changed < b->from.toMSecsSinceEpoch() * 1000;
}

bool RecordPlanner::planKnownRow(RecordPlan *p, Error *error)
{
    // The base, which the page's prefetch left out: only changed records need it.
    if (!m_ctx.links.readBase(p->entity->name, p->externalId, &p->link, error))
        return false;
    EntityTable &table = m_ctx.table(*p->entity);
    // The row first: reading it locks it (PostgreSQL: FOR UPDATE; SQLite holds the page's write
    // lock), so an edit the application commits from now on waits for the page and is captured
    // over the applied values. Read the other way round, an edit committed between the two reads
    // would be in the row but not in the base, look like Tributary's own value, and be overwritten.
    QVariantMap &local = p->local;
    bool exists = false;
    if (!table.read(p->link.localId, &local, &exists, error))
        return false;
    // No base of its own: the application's edit captured by the triggers, or else the row itself
    // (an empty base: every local value counts as the one Tributary last wrote).
    if (!m_ctx.edits.fillBase(p->entity->table, &p->link, &p->derivedBase, &p->captured, error))
        return false;
    if (!exists) {
        // The main application deleted the row that the source has just changed: never resurrect
        // it silently, never lose the remote change: it waits as an edit-versus-delete conflict.
        p->action = RecordPlan::Action::LocalDeleted;
        return true;
    }
    p->action = RecordPlan::Action::Update;
    const ThreeWayMerge merge(*p->entity, m_ctx.source, table.syncColumns());
    const QString localId = p->link.localId;
    return merge.merge(p->link.base(), local, p->row,
                       [&](QList<ThreeWayMerge::OtherSource> *others) {
                           QList<LinkStore::OtherLink> links;
                           if (!m_ctx.links.othersOnRow(p->entity->table, localId, &links, error))
                               return false;
                           for (const LinkStore::OtherLink &l : std::as_const(links)) {
                               const SourceConfig *other = m_ctx.config.source(l.source);
                               others->append({l.source, other ? other->priority : 0, l.base});
                           }
                           return true;
                       },
                       &p->merge);
}

bool RecordPlanner::planNewRow(RecordPlan *p, Error *error)
{
    bool usable = false;
    if (!m_ctx.table(*p->entity).findMatch(p->row, &p->matchedId, &usable, error))
        return false;
    // The same user or section already exists (locally or through another source): link it,
    // never duplicate it. Its local values stay as they are; differences are local divergence
    // that three-way detection respects from now on.
    p->action = p->matchedId.isNull() ? RecordPlan::Action::Insert : RecordPlan::Action::Link;
    return true;
}

} // namespace Tributary
