#pragma once

#include "util/Error.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlQuery>

namespace Tributary {

class Database;

// The link table of one source: external id -> local id, with the base (the remote values last
// applied, in local form) and its hash. Local ids of links never change, so lookups are cached;
// the cache is dropped whenever a transaction rolls back.
class LinkStore
{
public:
    struct Link
    {
        bool found = false;
        QString localId;
        QString origin;  // "inserted" or "matched"
        QString hash;
        QString baseJson; // parsed only when needed: unchanged records never look at it
        QString deletedAt; // set when reconciliation found the record gone at the source
        QJsonObject base() const;
    };

    LinkStore(Database &db, QString source);

    Link find(const QString &entity, const QString &externalId, Error *error);
    // Reads the links of a whole page in a few queries; find() then answers from memory for
    // those ids until the next prefetch or rollback.
    bool prefetch(const QString &entity, const QStringList &externalIds, Error *error);
    // Local id for a reference; null string when the record has no link yet.
    QString localId(const QString &entity, const QString &externalId, Error *error);
    bool insert(const QString &entity, const QString &externalId, const QString &localId, const QString &origin,
                const QString &hash, const QJsonObject &base, Error *error);
    bool update(const QString &entity, const QString &externalId, const QString &hash, const QJsonObject &base, Error *error);
    // Marks the record gone at the source (or back again, with an empty time).
    bool setDeleted(const QString &entity, const QString &externalId, const QString &deletedAt, Error *error);
    // Forgets the link (its row was deleted for good).
    bool remove(const QString &entity, const QString &externalId, Error *error);
    void dropCache()
    {
        m_cache.clear();
        m_page.clear();
    }
    // The time written to created_at/updated_at; one value per transaction.
    void setTimestamp(const QString &now) { m_now = now; }
    // New links are stamped as seen by this reconciliation scan: a record linked after its entity
    // was scanned is not a deletion candidate of that scan (the next scan decides about it).
    void setCurrentScan(qint64 scan) { m_scan = scan; }

private:
    static constexpr qsizetype kCacheLimit = 100000;
    void remember(const QString &entity, const QString &externalId, const QString &localId);

    Database &m_db;
    QString m_source;
    QSqlQuery m_find, m_insert, m_update;
    QHash<QString, QString> m_cache; // entity + '\x1f' + external id -> local id
    QString m_now;
    qint64 m_scan = 0;
    QString m_pageEntity;
    QHash<QString, Link> m_page; // external id -> link (found or not) for the prefetched page
};

} // namespace Tributary
