#pragma once

#include "state/RunKind.h"

#include <QList>
#include <QPair>
#include <QStringList>

namespace Tributary {

// One record named by its entity and external id (a webhook hint, a quarantined record).
struct RecordRef
{
    QString entity;
    QString externalId;
    bool operator==(const RecordRef &o) const { return entity == o.entity && externalId == o.externalId; }
};

// What a run is asked to do. Made only through the named constructors, so that each kind carries
// exactly what it needs: a reconciliation cannot be given records, a webhook run cannot be
// "full". The default is an incremental run of every entity.
class RunRequest
{
public:
    // After a polling sync: whether to ask the source how many records each entity has and
    // compare with the live links (deletes missed when webhooks are lost; see DeleteCheck).
    enum class DeleteCheck { Skip, AfterRun };

    RunRequest() = default;

    // What changed since the cursors (or everything, for entities the source cannot filter).
    static RunRequest incremental(const QStringList &entities = {}, DeleteCheck check = DeleteCheck::Skip);
    // Everything the source lists, in its stable order; resumable.
    static RunRequest full(const QStringList &entities = {}, DeleteCheck check = DeleteCheck::Skip);
    // Scan every id the source lists (mark), fetch what polling missed, then delete what a
    // complete scan did not see (sweep). See docs/operations.md.
    static RunRequest reconcile(const QStringList &entities = {});
    // Just these records, fetched by id (webhook hints). One that answers 404 is a delete, applied
    // by the reconciliation's rules; for entities whose delete_mode is "hard" the delete is left
    // to the next reconciliation, which deletes children first. Records of entities that are not
    // synced are ignored.
    static RunRequest webhook(const QList<RecordRef> &records);
    // The quarantined records (of these entities, with these ids; all when empty), fetched by id
    // again and applied: the source may have fixed them, or what they referenced may exist now.
    static RunRequest quarantineRetry(const QStringList &entities = {}, const QStringList &externalIds = {});

    RunKind kind() const { return m_kind; }
    // The entities the run may touch; empty: every enabled entity.
    const QStringList &entities() const { return m_entities; }
    const QList<RecordRef> &records() const { return m_records; }
    const QStringList &externalIds() const { return m_externalIds; }
    bool checksDeletes() const { return m_deleteCheck == DeleteCheck::AfterRun; }

private:
    explicit RunRequest(RunKind kind) : m_kind(kind) {}

    RunKind m_kind = RunKind::Incremental;
    QStringList m_entities;
    QList<RecordRef> m_records;
    QStringList m_externalIds;
    DeleteCheck m_deleteCheck = DeleteCheck::Skip;
};

} // namespace Tributary
