#include "EntityCatalog.h"

#include "store/Database.h"
#include "util/Tr.h"

#include <QHash>
#include <QSqlQuery>

namespace Tributary {

namespace {

Result<QList<EntityPlace>> read(Database &db, const QString &sql, const QString &source)
{
    QSqlQuery q;
    Error error;
    if (!db.run(q, sql, {source}, &error))
        return error.prefixed(Tr::tr("cannot read the entities of source %1").arg(source));
    QList<EntityPlace> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toInt()});
    return out;
}

} // namespace

bool EntityCatalog::remember(const QString &source, const QList<EntityPlace> &places, const QString &now, Error *error)
{
    const Result<QList<EntityPlace>> known = forSource(source);
    if (!known.into(error))
        return false;
    QHash<QString, EntityPlace> remembered;
    for (const EntityPlace &p : *known)
        remembered.insert(p.entity, p);
    for (const EntityPlace &p : places) {
        const auto it = remembered.constFind(p.entity);
        if (it != remembered.constEnd() && it->table == p.table && it->keyColumn == p.keyColumn && it->position == p.position)
            continue;
        QSqlQuery q;
        if (!m_db.run(q, QStringLiteral("INSERT INTO tributary_entities (source, entity, table_name, key_column, position, updated_at) "
                                        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, entity) DO UPDATE SET "
                                        "table_name = excluded.table_name, key_column = excluded.key_column, "
                                        "position = excluded.position, updated_at = excluded.updated_at"),
                      {source, p.entity, p.table, p.keyColumn, p.position, now}, error)) {
            *error = error->prefixed(Tr::tr("cannot record the entities of source %1").arg(source));
            return false;
        }
    }
    return true;
}

Result<QList<EntityPlace>> EntityCatalog::forSource(const QString &source)
{
    return read(m_db, QStringLiteral("SELECT source, entity, table_name, key_column, position FROM tributary_entities WHERE source = ? "
                                     "ORDER BY position, entity"),
                source);
}

Result<QList<EntityPlace>> EntityCatalog::otherThan(const QString &source)
{
    return read(m_db, QStringLiteral("SELECT source, entity, table_name, key_column, position FROM tributary_entities WHERE source <> ?"),
                source);
}

} // namespace Tributary
