#include "LinkStore.h"

#include "Database.h"

#include <QJsonDocument>

namespace Tributary {

namespace {
QString cacheKey(const QString &entity, const QString &externalId) { return entity + QChar(0x1f) + externalId; }
} // namespace

LinkStore::LinkStore(Database &db, QString source) : m_db(db), m_source(std::move(source)), m_now(Database::now()) {}

QJsonObject LinkStore::Link::base() const
{
    return QJsonDocument::fromJson(baseJson.toUtf8()).object();
}

void LinkStore::remember(const QString &entity, const QString &externalId, const QString &localId)
{
    // Bounded, so memory stays flat however large the source: links are cheap to read again.
    if (m_cache.size() >= kCacheLimit)
        m_cache.clear();
    m_cache.insert(cacheKey(entity, externalId), localId);
}

bool LinkStore::prefetch(const QString &entity, const QStringList &externalIds, Error *error)
{
    m_page.clear();
    m_pageEntity = entity;
    constexpr int kChunk = 250; // well under every driver's limit of bound parameters
    for (qsizetype at = 0; at < externalIds.size(); at += kChunk) {
        const QStringList chunk = externalIds.mid(at, kChunk);
        QStringList marks;
        marks.reserve(chunk.size());
        for (qsizetype i = 0; i < chunk.size(); ++i)
            marks.append(QStringLiteral("?"));
        QSqlQuery q;
        if (!m_db.prepare(q, QStringLiteral("SELECT external_id, local_id, origin, base_hash, base, deleted_at FROM tributary_links "
                                            "WHERE source = ? AND entity = ? AND external_id IN (%1)").arg(marks.join(QLatin1Char(','))),
                          error))
            return false;
        q.addBindValue(m_source);
        q.addBindValue(entity);
        for (const QString &id : chunk) {
            q.addBindValue(id);
            m_page.insert(id, Link()); // not found unless the query says otherwise
        }
        if (!m_db.exec(q, error))
            return false;
        while (q.next()) {
            Link &link = m_page[q.value(0).toString()];
            link.found = true;
            link.localId = q.value(1).toString();
            link.origin = q.value(2).toString();
            link.hash = q.value(3).toString();
            link.baseJson = q.value(4).toString();
            link.deletedAt = q.value(5).toString();
        }
    }
    return true;
}

LinkStore::Link LinkStore::find(const QString &entity, const QString &externalId, Error *error)
{
    if (entity == m_pageEntity) {
        const auto it = m_page.constFind(externalId);
        if (it != m_page.constEnd())
            return *it;
    }
    Link link;
    if (m_find.lastQuery().isEmpty()
        && !m_db.prepare(m_find, QStringLiteral("SELECT local_id, origin, base_hash, base, deleted_at FROM tributary_links "
                                                "WHERE source = ? AND entity = ? AND external_id = ?"), error))
        return link;
    m_find.bindValue(0, m_source);
    m_find.bindValue(1, entity);
    m_find.bindValue(2, externalId);
    if (!m_db.exec(m_find, error))
        return link;
    if (m_find.next()) {
        link.found = true;
        link.localId = m_find.value(0).toString();
        link.origin = m_find.value(1).toString();
        link.hash = m_find.value(2).toString();
        link.baseJson = m_find.value(3).toString();
        link.deletedAt = m_find.value(4).toString();
        remember(entity, externalId, link.localId);
    }
    m_find.finish();
    return link;
}

QString LinkStore::localId(const QString &entity, const QString &externalId, Error *error)
{
    const auto it = m_cache.constFind(cacheKey(entity, externalId));
    if (it != m_cache.constEnd())
        return *it;
    return find(entity, externalId, error).localId;
}

bool LinkStore::insert(const QString &entity, const QString &externalId, const QString &localId, const QString &origin,
                       const QString &hash, const QJsonObject &base, Error *error)
{
    if (m_insert.lastQuery().isEmpty()
        && !m_db.prepare(m_insert, QStringLiteral("INSERT INTO tributary_links (source, entity, external_id, local_id, origin, "
                                                  "base_hash, base, created_at, updated_at, seen_scan) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                         error))
        return false;
    const QString &now = m_now;
    m_insert.bindValue(0, m_source);
    m_insert.bindValue(1, entity);
    m_insert.bindValue(2, externalId);
    m_insert.bindValue(3, localId);
    m_insert.bindValue(4, origin);
    m_insert.bindValue(5, hash);
    m_insert.bindValue(6, QString::fromUtf8(QJsonDocument(base).toJson(QJsonDocument::Compact)));
    m_insert.bindValue(7, now);
    m_insert.bindValue(8, now);
    m_insert.bindValue(9, m_scan);
    if (!m_db.exec(m_insert, error))
        return false;
    remember(entity, externalId, localId);
    if (entity == m_pageEntity)
        m_page.remove(externalId); // a duplicate in the same page must see this link
    return true;
}

bool LinkStore::update(const QString &entity, const QString &externalId, const QString &hash, const QJsonObject &base, Error *error)
{
    if (m_update.lastQuery().isEmpty()
        && !m_db.prepare(m_update, QStringLiteral("UPDATE tributary_links SET base_hash = ?, base = ?, updated_at = ? "
                                                  "WHERE source = ? AND entity = ? AND external_id = ?"),
                         error))
        return false;
    m_update.bindValue(0, hash);
    m_update.bindValue(1, QString::fromUtf8(QJsonDocument(base).toJson(QJsonDocument::Compact)));
    m_update.bindValue(2, m_now);
    m_update.bindValue(3, m_source);
    m_update.bindValue(4, entity);
    m_update.bindValue(5, externalId);
    if (entity == m_pageEntity)
        m_page.remove(externalId);
    return m_db.exec(m_update, error);
}

} // namespace Tributary

namespace Tributary {

bool LinkStore::setDeleted(const QString &entity, const QString &externalId, const QString &deletedAt, Error *error)
{
    QSqlQuery q;
    if (!m_db.prepare(q, QStringLiteral("UPDATE tributary_links SET deleted_at = ?, updated_at = ? WHERE source = ? AND entity = ? AND external_id = ?"), error))
        return false;
    q.addBindValue(deletedAt.isEmpty() ? QVariant() : QVariant(deletedAt));
    q.addBindValue(m_now);
    q.addBindValue(m_source);
    q.addBindValue(entity);
    q.addBindValue(externalId);
    if (entity == m_pageEntity)
        m_page.remove(externalId);
    return m_db.exec(q, error);
}

bool LinkStore::remove(const QString &entity, const QString &externalId, Error *error)
{
    QSqlQuery q;
    if (!m_db.prepare(q, QStringLiteral("DELETE FROM tributary_links WHERE source = ? AND entity = ? AND external_id = ?"), error))
        return false;
    q.addBindValue(m_source);
    q.addBindValue(entity);
    q.addBindValue(externalId);
    m_cache.remove(cacheKey(entity, externalId));
    if (entity == m_pageEntity)
        m_page.remove(externalId);
    return m_db.exec(q, error);
}

} // namespace Tributary
