#include "PollRun.h"

#include "engine/apply/Applier.h"
#include "engine/run/DeleteCheck.h"
#include "util/Tr.h"

namespace Tributary {

void PollRun::begin()
{
    m_todo = m_entities;
    nextEntity();
}

void PollRun::nextEntity()
{
    if (finishIfStopping(Tr::tr("stopped before %1").arg(m_todo.isEmpty() ? Tr::tr("the end") : m_todo.first()->name)))
        return;
    if (m_todo.isEmpty()) {
        resolveMissingReferences([this](const Error &error) {
            if (error)
                finish(error);
            else
                checkDeletes();
        });
        return;
    }
    const EntityConfig *entity = m_todo.takeFirst();
    Q_EMIT entityStarted(entity->name);
    m_result.counts[entity->name] = EntityCounts();
    walkEntity(*entity, m_request.kind() == RunKind::Full, [this, entity](const Error &error) {
        if (error) {
            finish(error);
            return;
        }
        entityDone(entity->name);
        nextEntity();
    });
}

void PollRun::checkDeletes()
{
    // The entities whose source can count them cheaply; none unless the request asks.
    QList<const EntityConfig *> entities;
    if (m_request.checksDeletes()) {
        for (const EntityConfig *e : m_source.orderedEntities()) {
            if (m_impl->capabilities(e->name).reportsTotal && (m_request.entities().isEmpty() || m_request.entities().contains(e->name)))
                entities.append(e);
        }
    }
    if (entities.isEmpty()) {
        finish(isStopping() ? Error(Error::Code::Aborted, QStringLiteral("stopped")) : Error());
        return;
    }
    auto *check = new DeleteCheck(m_impl, *m_applier, m_source, entities);
    runJob(check, [this, check](const Error &error) {
        m_result.missedDeletes = check->missedDeletes();
        finish(error);
    });
}

} // namespace Tributary
