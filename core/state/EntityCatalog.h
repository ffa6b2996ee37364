#pragma once

#include "util/Result.h"

#include <QList>

namespace Tributary {

class Database;

// Where one entity of one source keeps its rows, as the runs recorded it.
struct EntityPlace
{
    QString source;
    QString entity;
    QString table;
    QString keyColumn;
    int position = -1; // dependency order: referenced entities come first
};

// Each source's entities and their tables (tributary_entities), remembered by every run, so
// that a source removed from the configuration can still be detached or purged, and so that
// other sources find the rows they share.
class EntityCatalog
{
public:
    explicit EntityCatalog(Database &db) : m_db(db) {}

    // Records `places` (one source's entities, in dependency order); writes only what changed,
    // since every run remembers (a service's webhook runs several times a second).
    bool remember(const QString &source, const QList<EntityPlace> &places, const QString &now, Error *error);
    // By position, then entity.
    Result<QList<EntityPlace>> forSource(const QString &source);
    // The entities every other source recorded.
    Result<QList<EntityPlace>> otherThan(const QString &source);

private:
    Database &m_db;
};

} // namespace Tributary
