#include "PollRun.h"

#include "engine/apply/Applier.h"
#include "engine/run/DeleteCheck.h"
#include "engine/push/PushJob.h"
#include "state/Outbox.h"
#include "util/Tr.h"

namespace Tributary {

void PollRun::begin()
{
    m_todo = m_entities;
    if (m_source.writes())
        push();
    else
        nextEntity();
}

void PollRun::push()
{
    auto *job = new PushJob(m_db, *m_applier, m_impl, m_source);
    runJob(job, [this](const Error &error) {
        // What was pushed counts with each entity's walk; an "out" entity has no walk, its counts
        // are taken here.
        const QStringList pushedTo = m_applier->counts().keys();
        for (const QString &entity : pushedTo) {
            if (m_result.entityOrder.contains(entity))
                continue;
            m_result.entityOrder.append(entity);
            entityDone(entity);
        }
        if (error) {
            finish(error);
            return;
        }
        // A create the source may have made but never answered: its record would be read as a
        // new one and inserted beside the row it came from. Nothing is read until it is answered.
        const Result<QList<OutboxOperation>> doubtful = Outbox(m_db).inDoubt(m_source.name);
        if (!doubtful) {
            finish(doubtful.error());
            return;
        }
        if (!doubtful->isEmpty()) {
            QStringList rows;
            for (const OutboxOperation &op : *doubtful)
                rows.append(QStringLiteral("%1 %2 (#%3)").arg(op.table, op.localId).arg(op.id));
            finish(Error(Error::Code::Network,
                         Tr::tr("source %1 was sent %n new row(s) and did not answer: %2. Nothing was read, so that they are not "
                                "imported a second time; the next run sends them again with the same idempotency key first",
                                nullptr, int(doubtful->size()))
                             .arg(m_source.name, rows.join(QStringLiteral(", ")))));
            return;
        }
        nextEntity();
    });
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
