#include "Sweeper.h"

#include "engine/apply/ApplyContext.h"
#include "engine/apply/ParkedRecords.h"
#include "util/Values.h"

namespace Tributary {

bool Sweeper::stampSeen(const EntityConfig &entity, const QStringList &ids, qint64 scan, QStringList *missed, Error *error)
{
    if (!m_ctx.links.prefetch(entity.name, ids, error) || !m_ctx.links.stampSeen(entity.name, ids, scan, error))
        return false;
    for (const QString &id : ids) {
        const LinkStore::Link link = m_ctx.links.find(entity.name, id, error);
        if (error->isError())
            return false;
        if ((!link.found && !m_parked.isKnownParked(entity.name, id)) || (link.found && !link.deletedAt.isEmpty()))
            missed->append(id);
    }
    return true;
}

bool Sweeper::sweep(const EntityConfig &entity, const QStringList &goneIds, const QList<LinkStore::Link> &gone, Error *error)
{
    EntityTable &table = m_ctx.table(entity);
    EntityCounts &counts = m_ctx.counts[entity.name];
    for (qsizetype i = 0; i < gone.size(); ++i) {
        LinkStore::Link link = gone.at(i);
        const QString &id = goneIds.at(i);
        // Whether the local row differs from what the source said last (a local edit). The row is
        // read (and so locked) before the captured edit, as RecordPlanner::planKnownRow does: an
        // edit committed in between would otherwise be in neither the base nor the comparison.
        QVariantMap row;
        bool exists = false;
        if (!table.read(link.localId, &row, &exists, error))
            return false;
        if (!link.found || !link.deletedAt.isEmpty())
            continue;
        bool derived = false, captured = false;
        if (!m_ctx.edits.fillBase(entity.table, &link, &derived, &captured, error))
            return false;
        if (link.origin == QLatin1String("matched")) {
            // An adopted row is the main application's own: the source letting go of it only
            // unlinks it.
            if (!m_ctx.links.setDeleted(entity.name, id, m_ctx.now, error)
                || !m_ctx.logChange(entity, link.localId, id, QStringLiteral("unlink"), error))
                return false;
            continue;
        }
        bool edited = false;
        QJsonObject localValues;
        if (exists) {
            const QJsonObject base = link.base();
            for (auto it = row.constBegin(); it != row.constEnd(); ++it) {
                if (it.key() == entity.updatedColumn)
                    continue;
                localValues.insert(it.key(), variantToJson(it.value()));
                if (base.contains(it.key()) && !sameValue(it.value(), base.value(it.key()).toVariant()))
                    edited = true;
            }
        }
        if (exists && edited) {
            // Never a silent loss: a row the main application changed since it was last applied
            // stays, and the delete waits for a person as an edit-versus-delete conflict.
            ++counts.conflicts;
            Conflict c;
            c.source = m_ctx.source.name;
            c.entity = entity.name;
            c.externalId = id;
            c.localId = link.localId;
            c.kind = QStringLiteral("remote-deleted");
            c.fields = table.syncColumns();
            c.base = link.base();
            c.local = localValues;
            if (!m_ctx.conflicts.record(c, m_ctx.runId, m_ctx.now, error) || !m_ctx.links.setDeleted(entity.name, id, m_ctx.now, error))
                return false;
            continue;
        }
        const bool soft = entity.deleteMode == QLatin1String("soft");
        const bool hard = entity.deleteMode == QLatin1String("hard");
        if (exists && soft && !table.softDelete(link.localId, error))
            return false;
        if (exists && hard && !table.hardDelete(link.localId, error))
            return false;
        ++counts.deleted;
        // A hard-deleted row is gone for good: a record that comes back is a new one.
        if (!(hard ? m_ctx.links.remove(entity.name, id, error) : m_ctx.links.setDeleted(entity.name, id, m_ctx.now, error))
            || !m_ctx.logChange(entity, link.localId, id,
                                soft ? QStringLiteral("soft-delete") : hard ? QStringLiteral("delete") : QStringLiteral("gone"), error))
            return false;
    }
    return true;
}

} // namespace Tributary
