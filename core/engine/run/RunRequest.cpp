#include "RunRequest.h"

namespace Tributary {

RunRequest RunRequest::incremental(const QStringList &entities, DeleteCheck check)
{
    RunRequest r(RunKind::Incremental);
    r.m_entities = entities;
    r.m_deleteCheck = check;
    return r;
}

RunRequest RunRequest::full(const QStringList &entities, DeleteCheck check)
{
    RunRequest r(RunKind::Full);
    r.m_entities = entities;
    r.m_deleteCheck = check;
    return r;
}

RunRequest RunRequest::reconcile(const QStringList &entities)
{
    RunRequest r(RunKind::Reconcile);
    r.m_entities = entities;
    return r;
}

RunRequest RunRequest::webhook(const QList<RecordRef> &records)
{
    RunRequest r(RunKind::Webhook);
    r.m_records = records;
    return r;
}

RunRequest RunRequest::quarantineRetry(const QStringList &entities, const QStringList &externalIds)
{
    RunRequest r(RunKind::QuarantineRetry);
    r.m_entities = entities;
    r.m_externalIds = externalIds;
    return r;
}

} // namespace Tributary
