#include "ApplyContext.h"

#include "store/Database.h"

namespace Tributary {

ApplyContext::ApplyContext(Database &database, const Config &cfg, const SourceConfig &src, qint64 run, const Source *source_)
    : db(database), config(cfg), source(src), runId(run), impl(source_), statements(database), links(database, src.name),
      conflicts(database, &statements), changes(database, &statements), edits(database, &statements), m_actor(QStringLiteral("source:") + src.name)
{
    // The applier writes change log lines a page (or a savepoint) at a time, as LinkStore does
    // its links.
    changes.setBatching(true);
    links.setRun(runId);
    stampNow();
}

void ApplyContext::stampNow()
{
    now = Database::now();
    links.setTimestamp(now);
}

EntityTable &ApplyContext::table(const EntityConfig &entity)
{
    auto it = m_tables.find(entity.name);
    if (it == m_tables.end())
        it = m_tables.insert(entity.name, std::make_shared<EntityTable>(db, statements, entity));
    return **it;
}

const RecordMapper &ApplyContext::mapper(const EntityConfig &entity)
{
    auto it = m_mappers.find(entity.name);
    if (it == m_mappers.end()) {
        const EntityCapabilities caps = impl ? impl->capabilities(entity.name) : EntityCapabilities();
        it = m_mappers.insert(entity.name, std::make_shared<RecordMapper>(entity, config.database, caps.incremental ? caps.cursorField : QString()));
    }
    return **it;
}

bool ApplyContext::logChange(const EntityConfig &entity, const QString &localId, const QString &externalId, const QString &op, Error *error,
                             const QStringList &fields, const QJsonObject &values, const QString &actor)
{
    Change c;
    c.runId = runId;
    c.source = source.name;
    c.entity = entity.name;
    c.table = entity.table;
    c.localId = localId;
    c.externalId = externalId;
    c.op = op;
    c.fields = fields;
    c.actor = actor.isEmpty() ? m_actor : actor;
    c.at = now;
    c.values = values;
    return changes.append(c, error);
}

} // namespace Tributary
