#include "FetchByIdRun.h"

#include "engine/apply/Applier.h"
#include "engine/run/FetchByIds.h"
#include "state/ChangeLog.h"
#include "state/RunLog.h"
#include "util/Logging.h"
#include "util/Tr.h"

namespace Tributary {

void FetchByIdRun::begin()
{
    if (m_request.kind() == RunKind::Webhook)
        fetchHinted();
    else
        retryQuarantined();
}

void FetchByIdRun::fetchHinted()
{
    // Parents before children, so that a new record's parent is usually linked before it comes.
    QList<RecordRef> records;
    for (const EntityConfig *e : std::as_const(m_entities)) {
        for (const RecordRef &record : m_request.records()) {
            if (record.entity == e->name && !records.contains(record))
                records.append(record);
        }
    }
    qCInfo(lcEngine).noquote() << QStringLiteral("%1: fetching %2 records named by webhooks").arg(m_source.name).arg(records.size());
    m_gone.clear();
    auto *fetch = new FetchByIds(m_impl, *m_applier, m_source, records, [this](const RecordRef &ref, RecordJob *job, Error *error) {
        if (!job->hasError())
            ++m_applier->counts()[ref.entity].fetched;
        return applyOrNoteGone(ref, job, QStringLiteral("source %1, entity %2, record %3: %4"), &m_gone, error);
    });
    runJob(fetch, [this](const Error &error) {
        if (error)
            finish(error);
        else
            applyHintedDeletes();
    });
}

void FetchByIdRun::applyHintedDeletes()
{
    Error error;
    // Referencing entities first, as the sweep of a reconciliation does.
    for (auto it = m_entities.crbegin(); it != m_entities.crend(); ++it) {
        const EntityConfig *e = *it;
        const QStringList gone = m_gone.value(e->name);
        if (gone.isEmpty())
            continue;
        if (e->deleteMode == QLatin1String("hard")) {
            // A hard delete of a parent whose children are not gone yet would break their
            // references; the reconciliation orders deletes over the whole source.
            qCInfo(lcEngine).noquote() << QStringLiteral("%1/%2: %3 records are gone at the source; hard deletes are left to the next reconciliation")
                                              .arg(m_source.name, e->name, QString::number(gone.size()));
            continue;
        }
        bool allowed = false;
        if (!withinDeleteBudget(*e, gone.size(), &allowed, &error)) {
            finish(error);
            return;
        }
        if (!allowed)
            continue;
        if (!m_applier->ensureDeletedColumn(*e, &error) || !m_applier->sweep(*e, gone, &error)) {
            finish(error);
            return;
        }
    }
    m_gone.clear();
    resolveThenFinish();
}

bool FetchByIdRun::withinDeleteBudget(const EntityConfig &entity, qsizetype gone, bool *allowed, Error *error)
{
    // A 404 to a hint is a delete without a complete listing to prove it: during an outage that
    // answers 404 everywhere, every hint would delete a row. Between two reconciliations, hints may
    // delete at most max_delete_share of the entity's linked records (at least one); beyond that
    // the deletes are left to the reconciliation, which confirms each against a complete scan.
    *allowed = false;
    LinkStore::ScanCounts links;
    if (!m_applier->countForScan(entity, 0, &links, error))
        return false;
    RunFilter reconciled;
    reconciled.sources = {m_source.name};
    reconciled.kinds = {RunKind::Reconcile};
    reconciled.statuses = {RunStatus::Ok, RunStatus::Partial};
    reconciled.limit = 1;
    const Result<QList<RunRecord>> last = RunLog(m_db).list(reconciled);
    if (!last.into(error))
        return false;
    ChangeFilter deletes;
    deletes.source = m_source.name;
    deletes.entity = entity.name;
    deletes.ops = {QStringLiteral("soft-delete"), QStringLiteral("delete"), QStringLiteral("gone")};
    deletes.afterRunId = last->isEmpty() ? 0 : last->first().id;
    const Result<qint64> earlier = ChangeLog(m_db).count(deletes);
    if (!earlier.into(error))
        return false;
    const qint64 budget = qMax<qint64>(1, qint64(m_source.maxDeleteShare * double(links.active)));
    if (*earlier + gone <= budget) {
        *allowed = true;
        return true;
    }
    const QString why = QStringLiteral("%1: %2 answered 404 to webhook hints, %3 deleted by hints since the last reconciliation, %4 linked; "
                                       "more than max_delete_share allows: left to the reconciliation")
                            .arg(entity.name, QString::number(gone), QString::number(*earlier), QString::number(links.active));
    qCWarning(lcEngine).noquote() << m_source.name + QStringLiteral(": ") + why;
    // The service reconciles after a run that reports missed deletes.
    m_result.missedDeletes.append(why);
    return true;
}

void FetchByIdRun::retryQuarantined()
{
    const Result<QList<QPair<QString, QString>>> quarantined = m_applier->quarantined(m_request.entities(), m_request.externalIds());
    if (!quarantined) {
        finish(quarantined.error());
        return;
    }
    QList<RecordRef> records;
    for (const auto &q : *quarantined)
        records.append({q.first, q.second});
    qCInfo(lcEngine).noquote() << QStringLiteral("%1: fetching %2 quarantined records again").arg(m_source.name).arg(records.size());
    auto *fetch = new FetchByIds(m_impl, *m_applier, m_source, records, [this](const RecordRef &ref, RecordJob *job, Error *error) {
        EntityCounts &counts = m_applier->counts()[ref.entity];
        if (!m_result.entityOrder.contains(ref.entity))
            m_result.entityOrder.append(ref.entity);
        if (job->hasError()) {
            *error = fetchFailed(ref, job, QStringLiteral("source %1, entity %2, record %3: %4"));
            return false;
        }
        ++counts.fetched;
        // Gone at the source: there is nothing left to hold or to apply.
        if (job->isNotFound())
            return m_applier->dropFromQuarantine(ref.entity, ref.externalId, error);
        // Held once, so admitted once: the source's start does not drop it now.
        return m_applier->applyRecords(*m_source.entity(ref.entity), QJsonArray{job->record()}, error, Applier::Admit::Everything);
    });
    runJob(fetch, [this](const Error &error) {
        if (error)
            finish(error);
        else
            resolveThenFinish();
    });
}

void FetchByIdRun::resolveThenFinish()
{
    resolveMissingReferences([this](const Error &error) {
        if (error)
            finish(error);
        else
            finish(isStopping() ? Error(Error::Code::Aborted, QStringLiteral("stopped")) : Error());
    });
}

} // namespace Tributary
