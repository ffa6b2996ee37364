#include "ReconcileRun.h"

#include "engine/apply/Applier.h"
#include "engine/run/FetchByIds.h"
#include "engine/run/IdScan.h"
#include "util/Logging.h"
#include "util/Tr.h"

namespace Tributary {

namespace {
constexpr int kFetchOneByOne = 200; // more unlinked ids than this: walk the entity instead
} // namespace

void ReconcileRun::begin()
{
    Error error;
    m_scan = 0;
    for (const EntityConfig *e : std::as_const(m_entities)) {
        Position p;
        if (!m_applier->cursors().load(m_source.name, e->name, CursorKind::Reconcile, &p, &error) || !m_applier->ensureDeletedColumn(*e, &error)) {
            finish(error);
            return;
        }
        if (!p.value.isEmpty() && p.lastId != IdScan::sweptMark())
            m_scan = qMax(m_scan, p.value.toLongLong()); // an unfinished scan goes on
    }
    m_resumedScan = m_scan != 0;
    if (m_scan == 0)
        m_scan = m_result.runId;
    m_applier->setCurrentScan(m_scan);
    qCInfo(lcEngine).noquote() << QStringLiteral("%1: reconciliation scan %2").arg(m_source.name).arg(m_scan);
    m_scanTodo = m_entities;
    nextScan();
}

void ReconcileRun::nextScan()
{
    if (finishIfStopping(Tr::tr("stopped during the scan: nothing was deleted")))
        return;
    if (m_scanTodo.isEmpty()) {
        fetchUnlinked();
        return;
    }
    const EntityConfig *entity = m_scanTodo.takeFirst();
    Q_EMIT entityStarted(entity->name);
    auto *scan = new IdScan(m_impl, *m_applier, m_source, *entity, m_scan);
    connect(scan, &IdScan::progress, this, &Run::progress);
    runJob(scan, [this, scan, entity](const Error &error) {
        if (error) {
            finish(error);
            return;
        }
        for (const QString &id : scan->unlinked())
            m_unlinked.append({entity->name, id});
        if (!scan->wasSkipped())
            entityDone(entity->name);
        nextScan();
    });
}

void ReconcileRun::fetchUnlinked()
{
    // Records the source lists but that were never linked: polling missed them. A few are fetched
    // one by one; many (a first sync that never finished, say) are cheaper to get by walking the
    // entity in pages, where what is already applied costs only its hash.
    QHash<QString, int> perEntity;
    for (const RecordRef &u : std::as_const(m_unlinked))
        ++perEntity[u.entity];
    QList<RecordRef> oneByOne;
    m_catchUp.clear();
    for (const EntityConfig *e : std::as_const(m_entities)) {
        if (perEntity.value(e->name) > kFetchOneByOne)
            m_catchUp.append(e);
    }
    for (const RecordRef &u : std::as_const(m_unlinked)) {
        if (perEntity.value(u.entity) <= kFetchOneByOne)
            oneByOne.append(u);
    }
    m_unlinked.clear();
    auto *fetch = new FetchByIds(m_impl, *m_applier, m_source, oneByOne, [this](const RecordRef &ref, RecordJob *job, Error *error) {
        if (job->hasError()) {
            *error = fetchFailed(ref, job, QStringLiteral("source %1, entity %2, record %3: %4"));
            return false;
        }
        if (job->isNotFound())
            return true;
        return m_applier->applyRecords(*m_source.entity(ref.entity), QJsonArray{job->record()}, error);
    });
    runJob(fetch, [this](const Error &error) {
        if (error)
            finish(error);
        else
            catchUp();
    });
}

void ReconcileRun::catchUp()
{
    if (finishIfStopping(Tr::tr("stopped: nothing was deleted")))
        return;
    if (m_catchUp.isEmpty()) {
        // What the scan brought in may refer to records never synced (a source that started
        // "now" imports a late message, not its old topic): fetched by id, like a sync does.
        resolveMissingReferences([this](const Error &error) {
            if (error)
                finish(error);
            else
                planAndConfirm();
        });
        return;
    }
    // A full walk of the entity, exactly as `sync --full` does it (resumable, its own cursor).
    const EntityConfig *entity = m_catchUp.takeFirst();
    qCInfo(lcEngine).noquote() << QStringLiteral("%1/%2: many records were never synced; walking them all").arg(m_source.name, entity->name);
    walkEntity(*entity, true, [this, entity](const Error &error) {
        if (error) {
            finish(error);
            return;
        }
        entityDone(entity->name);
        catchUp();
    });
}

void ReconcileRun::planAndConfirm()
{
    // Every entity was scanned completely. A share of missing records above the limit is an
    // outage or a wrong configuration, not a purge: refuse before deleting anything anywhere.
    Error error;
    QList<RecordRef> candidates;
    for (const EntityConfig *e : std::as_const(m_entities)) {
        LinkStore::ScanCounts plan;
        if (!m_applier->countForScan(*e, m_scan, &plan, &error)) {
            finish(error);
            return;
        }
        if (plan.unseen > 0 && double(plan.unseen) > m_source.maxDeleteShare * double(plan.active)) {
            // This scan is given up: its stamps say the source lost records, which it may only have
            // lost for a while. The next reconciliation scans afresh instead of resuming this one
            // (resumed, it would refuse again forever, even once the source is back).
            if (!abandonScan(&error)) {
                finish(error);
                return;
            }
            finish(Error(Error::Code::Record,
                         Tr::tr("refusing to delete: %1 of %2 linked %3 (%4%) are missing from the source's complete listing; "
                                "the limit is %5% (max_delete_share). Nothing was deleted. If the source really lost them, "
                                "raise max_delete_share for one run.")
                             .arg(QString::number(plan.unseen), QString::number(plan.active), e->name,
                                  QString::number(100.0 * double(plan.unseen) / double(qMax<qint64>(1, plan.active)), 'f', 1),
                                  QString::number(100.0 * m_source.maxDeleteShare, 'g', 3))));
            return;
        }
        const Result<QStringList> unseen = m_applier->unseen(*e, m_scan);
        if (!unseen) {
            finish(unseen.error());
            return;
        }
        for (const QString &id : *unseen)
            candidates.append({e->name, id});
    }
    // A listing can miss a record (a page boundary that moved): each candidate is asked for by id,
    // and only a 404 deletes. One that answers is applied instead.
    m_gone.clear();
    auto *confirm = new FetchByIds(m_impl, *m_applier, m_source, candidates, [this](const RecordRef &ref, RecordJob *job, Error *e) {
        return applyOrNoteGone(ref, job, Tr::tr("source %1, entity %2, record %3: %4 (nothing was deleted)"), &m_gone, e);
    });
    runJob(confirm, [this](const Error &e) {
        if (e)
            finish(e);
        else
            sweep();
    });
}

bool ReconcileRun::abandonScan(Error *error)
{
    for (const EntityConfig *e : std::as_const(m_entities)) {
        if (!m_applier->cursors().save(m_source.name, e->name, CursorKind::Reconcile, {QString::number(m_scan), IdScan::sweptMark(), QString()},
                                       m_result.runId, error))
            return false;
    }
    return true;
}

void ReconcileRun::sweep()
{
    Error error;
    // Referencing entities first, so that a hard delete never leaves a child pointing nowhere.
    for (auto it = m_entities.crbegin(); it != m_entities.crend(); ++it) {
        const EntityConfig *e = *it;
        if (!m_applier->sweep(*e, m_gone.value(e->name), &error)
            || !m_applier->cursors().save(m_source.name, e->name, CursorKind::Reconcile, {QString::number(m_scan), IdScan::sweptMark(), QString()},
                                          m_result.runId, &error)) {
            finish(error);
            return;
        }
    }
    if (m_resumedScan) {
        // The finished scan stamped some ids in an earlier run: records deleted since then were
        // stamped before they went, so only a scan started now can see them gone.
        m_resumedScan = false;
        m_scan = m_result.runId;
        m_applier->setCurrentScan(m_scan);
        qCInfo(lcEngine).noquote() << QStringLiteral("%1: the resumed scan is swept; scanning again from the start (scan %2)")
                                          .arg(m_source.name).arg(m_scan);
        m_scanTodo = m_entities;
        nextScan();
        return;
    }
    finish(Error());
}

} // namespace Tributary
