#include "LinkStore.h"

#include "state/ChangeLog.h"

#include "store/Database.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QJsonDocument>

namespace Tributary {

namespace {
QString cacheKey(const QString &entity, const QString &externalId) { return entity + QChar(0x1f) + externalId; }
} // namespace

LinkStore::LinkStore(Database &db, QString source) : m_db(db), m_source(std::move(source)), m_now(Database::now()) {}

QJsonObject LinkStore::Link::base() const
{
    return parseJsonObject(baseJson);
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
    if (!settle(error))
        return false;
    m_page.clear();
    m_pageEntity = entity;
    QVariantList ids;
    ids.reserve(externalIds.size());
    for (const QString &id : externalIds) {
        ids.append(id);
        Link absent;
        absent.baseRead = false;
        m_page.insert(id, absent); // not found unless the query says otherwise
    }
    return m_db.selectIn(QStringLiteral("SELECT external_id, local_id, origin, base_hash, deleted_at FROM tributary_links "
                                        "WHERE source = ? AND entity = ? AND external_id IN (%1)"),
                         {m_source, entity}, ids,
                         [&](const QSqlQuery &q) {
                             Link &link = m_page[q.value(0).toString()];
                             link.found = true;
                             link.localId = q.value(1).toString();
                             link.origin = q.value(2).toString();
                             link.hash = q.value(3).toString();
                             link.deletedAt = q.value(4).toString();
                         },
                         error, &m_prefetch);
}

bool LinkStore::readBase(const QString &entity, const QString &externalId, Link *link, Error *error)
{
    if (link->baseRead || !link->found)
        return true;
    if (!settle(error))
        return false;
    if (m_base.lastQuery().isEmpty()
        && !m_db.prepare(m_base, QStringLiteral("SELECT base FROM tributary_links WHERE source = ? AND entity = ? AND external_id = ?"), error))
        return false;
    m_base.bindValue(0, m_source);
    m_base.bindValue(1, entity);
    m_base.bindValue(2, externalId);
    if (!m_db.exec(m_base, error))
        return false;
    if (m_base.next())
        link->baseJson = m_base.value(0).toString();
    m_base.finish();
    link->baseRead = true;
    return true;
}

LinkStore::Link LinkStore::find(const QString &entity, const QString &externalId, Error *error)
{
    if (entity == m_pageEntity) {
        const auto it = m_page.constFind(externalId);
        if (it != m_page.constEnd())
            return *it;
    }
    if (!m_queued.isEmpty()) {
        const auto it = m_queued.constFind(cacheKey(entity, externalId));
        if (it != m_queued.constEnd())
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
                       const QString &hash, const QByteArray &base, Error *error)
{
    Q_UNUSED(error); // nothing is written before flush()
    if (!m_queue)
        m_queue = std::make_unique<RowBatch>(m_db, QStringLiteral("tributary_links"),
                                             QStringList{QStringLiteral("source"), QStringLiteral("entity"), QStringLiteral("external_id"),
                                                         QStringLiteral("local_id"), QStringLiteral("origin"), QStringLiteral("base_hash"),
                                                         QStringLiteral("base"), QStringLiteral("created_at"), QStringLiteral("updated_at"),
                                                         QStringLiteral("seen_scan"), QStringLiteral("run_id")});
    Link queued;
    queued.found = true;
    queued.localId = localId;
    queued.origin = origin;
    queued.hash = hash;
    queued.baseJson = base.isEmpty() ? QStringLiteral("") : QString::fromUtf8(base); // '' (not NULL): no base of its own
    m_queue->add({m_source, entity, externalId, localId, origin, hash, queued.baseJson, m_now, m_now, m_scan,
                  m_runId > 0 ? QVariant(m_runId) : QVariant()});
    m_queued.insert(cacheKey(entity, externalId), queued);
    remember(entity, externalId, localId);
    if (entity == m_pageEntity)
        m_page.remove(externalId); // a duplicate in the same page must see this link
    return true;
}

bool LinkStore::flush(Error *error)
{
    if (!m_queue || m_queue->isEmpty())
        return true;
    if (!m_queue->flush(error))
        return false;
    m_queued.clear();
    return true;
}

bool LinkStore::update(const QString &entity, const QString &externalId, const QString &hash, const QByteArray &base, Error *error)
{
    if (!settle(error))
        return false;
    if (m_update.lastQuery().isEmpty()
        && !m_db.prepare(m_update, QStringLiteral("UPDATE tributary_links SET base_hash = ?, base = ?, updated_at = ? "
                                                  "WHERE source = ? AND entity = ? AND external_id = ?"),
                         error))
        return false;
    m_update.bindValue(0, hash);
    m_update.bindValue(1, base.isEmpty() ? QStringLiteral("") : QString::fromUtf8(base)); // '' (not NULL): no base of its own
    m_update.bindValue(2, m_now);
    m_update.bindValue(3, m_source);
    m_update.bindValue(4, entity);
    m_update.bindValue(5, externalId);
    if (entity == m_pageEntity)
        m_page.remove(externalId);
    return m_db.exec(m_update, error);
}

bool LinkStore::setDeleted(const QString &entity, const QString &externalId, const QString &deletedAt, Error *error)
{
    if (!settle(error))
        return false;
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
    if (!settle(error)
        || !ChangeLog::keepInsertLines(m_db, QStringLiteral("l.source = ? AND l.entity = ? AND l.external_id = ?"), {m_source, entity, externalId},
                                       error))
        return false;
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

Result<QString> LinkStore::externalIdOf(const QString &entity, const QString &localId)
{
    if (Error e; !settle(&e))
        return e;
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT external_id FROM tributary_links WHERE source = ? AND entity = ? AND local_id = ?"),
                  {m_source, entity, localId}, &error))
        return error.prefixed(Tr::tr("cannot read the links of %1/%2").arg(m_source, entity));
    return q.next() ? q.value(0).toString() : QString();
}

bool LinkStore::stampSeen(const QString &entity, const QStringList &externalIds, qint64 scan, Error *error)
{
    if (!settle(error))
        return false;
    constexpr int kChunk = 250;
    for (qsizetype at = 0; at < externalIds.size(); at += kChunk) {
        const QStringList chunk = externalIds.mid(at, kChunk);
        QVariantList binds{scan, m_source, entity};
        for (const QString &id : chunk)
            binds.append(id);
        QSqlQuery q;
        if (!m_db.run(q, QStringLiteral("UPDATE tributary_links SET seen_scan = ? WHERE source = ? AND entity = ? AND external_id IN (%1)")
                             .arg(QStringList(chunk.size(), QStringLiteral("?")).join(QLatin1Char(','))),
                      binds, error))
            return false;
    }
    return true;
}

bool LinkStore::countForScan(const QString &entity, qint64 scan, ScanCounts *counts, Error *error)
{
    if (!settle(error))
        return false;
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("SELECT COUNT(*), COALESCE(SUM(CASE WHEN seen_scan < ? THEN 1 ELSE 0 END), 0) FROM tributary_links "
                                    "WHERE source = ? AND entity = ? AND deleted_at IS NULL"),
                  {scan, m_source, entity}, error)) {
        *error = error->prefixed(Tr::tr("cannot count the links of %1/%2").arg(m_source, entity));
        return false;
    }
    if (!q.next()) {
        *error = Error(Error::Code::Database, Tr::tr("cannot count the links of %1/%2").arg(m_source, entity));
        return false;
    }
    counts->active = q.value(0).toLongLong();
    counts->unseen = q.value(1).toLongLong();
    return true;
}

Result<QStringList> LinkStore::unseen(const QString &entity, qint64 scan)
{
    if (Error e; !settle(&e))
        return e;
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT external_id FROM tributary_links WHERE source = ? AND entity = ? "
                                    "AND deleted_at IS NULL AND seen_scan < ? ORDER BY external_id"),
                  {m_source, entity, scan}, &error))
        return error.prefixed(Tr::tr("cannot read the links of %1/%2").arg(m_source, entity));
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

bool LinkStore::beginVerify(Error *error)
{
    m_seen = QSqlQuery();
    m_listed = QSqlQuery();
    return m_db.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS tributary_verify_seen "
                                    "(entity TEXT NOT NULL, external_id TEXT NOT NULL, PRIMARY KEY (entity, external_id))"),
                     error)
        && m_db.exec(QStringLiteral("DELETE FROM tributary_verify_seen"), error)
        && m_db.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS tributary_verify_listed "
                                    "(entity TEXT NOT NULL, external_id TEXT NOT NULL, value TEXT, PRIMARY KEY (entity, external_id))"),
                     error)
        && m_db.exec(QStringLiteral("DELETE FROM tributary_verify_listed"), error);
}

bool LinkStore::insertNew(QSqlQuery &statement, const QString &table, const QString &entity, const QStringList &ids,
                          const QStringList *values, QSet<QString> *added, Error *error)
{
    // Many rows per statement, and the insert itself answers which ids are new: found through the
    // primary key, not by a query on the temporary table (PostgreSQL never analyzes one, and
    // scanned it whole for every chunk: verify grew with the square of the source).
    constexpr qsizetype kRows = 200;
    const int columns = values ? 3 : 2;
    const QString row = values ? QStringLiteral("(?, ?, ?)") : QStringLiteral("(?, ?)");
    const QString into = values ? QStringLiteral("(entity, external_id, value)") : QStringLiteral("(entity, external_id)");
    QSqlQuery partial(m_db.db());
    for (qsizetype at = 0; at < ids.size(); at += kRows) {
        const qsizetype size = qMin(kRows, ids.size() - at);
        QSqlQuery &q = size == kRows ? statement : partial;
        const QString sql = QStringLiteral("INSERT INTO %1 %2 VALUES %3 ON CONFLICT DO NOTHING RETURNING external_id")
                                .arg(table, into, QStringList(size, row).join(QStringLiteral(", ")));
        if (q.lastQuery() != sql) {
            q.setForwardOnly(true);
            if (!m_db.prepare(q, sql, error))
                return false;
        }
        for (qsizetype i = 0; i < size; ++i) {
            const int first = int(i) * columns;
            q.bindValue(first, entity);
            q.bindValue(first + 1, ids.at(at + i));
            if (values) {
                const QString &value = values->at(at + i);
                q.bindValue(first + 2, value.isEmpty() ? QVariant() : QVariant(value));
            }
        }
        if (!m_db.exec(q, error))
            return false;
        while (q.next())
            added->insert(q.value(0).toString());
        q.finish();
    }
    return true;
}

bool LinkStore::markVerifiedPage(const QString &entity, const QStringList &externalIds, QSet<QString> *before, Error *error)
{
    QStringList ids;
    QSet<QString> named;
    for (const QString &id : externalIds) {
        if (!named.contains(id)) {
            named.insert(id);
            ids.append(id);
        }
    }
    QSet<QString> added;
    if (!insertNew(m_seen, QStringLiteral("tributary_verify_seen"), entity, ids, nullptr, &added, error))
        return false;
    for (const QString &id : std::as_const(ids)) {
        if (!added.contains(id))
            before->insert(id);
    }
    return true;
}

bool LinkStore::cacheLocalIds(const QString &entity, const QStringList &externalIds, Error *error)
{
    // A page refers to the same few records many times (the topic of every message): each once.
    QVariantList wanted;
    QSet<QString> asked;
    for (const QString &id : externalIds) {
        if (!asked.contains(id) && !m_cache.contains(cacheKey(entity, id))) {
            asked.insert(id);
            wanted.append(id);
        }
    }
    return m_db.selectIn(QStringLiteral("SELECT external_id, local_id FROM tributary_links WHERE source = ? AND entity = ? AND external_id IN (%1)"),
                         {m_source, entity}, wanted, [&](const QSqlQuery &q) { remember(entity, q.value(0).toString(), q.value(1).toString()); },
                         error, &m_localIds);
}

bool LinkStore::markListedPage(const QString &entity, const QStringList &externalIds, const QStringList &values, qint64 *added, Error *error)
{
    // A page that lists an id twice keeps the first; the statement must not name a key twice.
    QStringList ids, listed;
    QSet<QString> named;
    for (qsizetype i = 0; i < externalIds.size(); ++i) {
        const QString &id = externalIds.at(i);
        if (!named.contains(id)) {
            named.insert(id);
            ids.append(id);
            listed.append(values.at(i));
        }
    }
    QSet<QString> fresh;
    if (!insertNew(m_listed, QStringLiteral("tributary_verify_listed"), entity, ids, &listed, &fresh, error))
        return false;
    *added += fresh.size();
    return true;
}

Result<QList<LinkStore::LinkedId>> LinkStore::notVerified(const QString &entity)
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT l.external_id, l.local_id FROM tributary_links l WHERE l.source = ? AND l.entity = ? "
                                    "AND l.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM tributary_verify_seen s WHERE s.entity = l.entity "
                                    "AND s.external_id = l.external_id) AND NOT EXISTS (SELECT 1 FROM tributary_verify_listed t "
                                    "WHERE t.entity = l.entity AND t.external_id = l.external_id)"),
                  {m_source, entity}, &error))
        return error.prefixed(Tr::tr("cannot read the links of %1/%2").arg(m_source, entity));
    QList<LinkedId> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

bool LinkStore::forEachListedNotVerified(const QString &entity, const std::function<bool(const ListedId &)> &each, Error *error)
{
    constexpr int kBatch = 1000;
    QString afterId; // keyset over (length, id): ids sort as numbers when they are
    for (;;) {
        QSqlQuery q;
        QVariantList binds{m_source, entity};
        QString after;
        if (!afterId.isNull()) {
            after = QStringLiteral(" AND (length(t.external_id) > ? OR (length(t.external_id) = ? AND t.external_id > ?))");
            binds << afterId.size() << afterId.size() << afterId;
        }
        if (!m_db.run(q, QStringLiteral("SELECT t.external_id, t.value, l.local_id, l.deleted_at FROM tributary_verify_listed t "
                                        "LEFT JOIN tributary_links l ON l.source = ? AND l.entity = t.entity AND l.external_id = t.external_id "
                                        "WHERE t.entity = ? AND NOT EXISTS (SELECT 1 FROM tributary_verify_seen s WHERE s.entity = t.entity "
                                        "AND s.external_id = t.external_id)%1 ORDER BY length(t.external_id), t.external_id LIMIT %2")
                             .arg(after)
                             .arg(kBatch),
                      binds, error)) {
            *error = error->prefixed(Tr::tr("cannot read the ids listed for %1/%2").arg(m_source, entity));
            return false;
        }
        QList<ListedId> batch;
        while (q.next())
            batch.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
        q.finish();
        for (const ListedId &id : std::as_const(batch)) {
            if (!each(id))
                return true;
        }
        if (batch.size() < kBatch)
            return true;
        afterId = batch.last().externalId;
    }
}

Result<LinkStore::IdSample> LinkStore::verifiedNotListed(const QString &entity, int sample)
{
    const QString from = QStringLiteral("FROM tributary_verify_seen s WHERE s.entity = ? AND NOT EXISTS "
                                        "(SELECT 1 FROM tributary_verify_listed t WHERE t.entity = s.entity AND t.external_id = s.external_id)");
    const QString doing = Tr::tr("cannot compare the ids listed for %1/%2 with the walk").arg(m_source, entity);
    IdSample out;
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT COUNT(*) ") + from, {entity}, &error))
        return error.prefixed(doing);
    out.count = q.next() ? q.value(0).toLongLong() : 0;
    if (out.count == 0 || sample <= 0)
        return out;
    if (!m_db.run(q, QStringLiteral("SELECT s.external_id %1 ORDER BY length(s.external_id), s.external_id LIMIT %2").arg(from).arg(sample),
                  {entity}, &error))
        return error.prefixed(doing);
    while (q.next())
        out.ids.append(q.value(0).toString());
    return out;
}

Result<qint64> LinkStore::countLiveRows(const QString &entity, const QString &table, const QString &keyColumn)
{
    // The key compared with a link's local id (TEXT): SQLite converts the text by the column's
    // affinity and keeps using the key's index; PostgreSQL needs the key as text.
    const QString key = QStringLiteral("t.") + m_db.quote(keyColumn);
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT COUNT(*) FROM tributary_links l WHERE l.source = ? AND l.entity = ? AND l.deleted_at IS NULL "
                                    "AND EXISTS (SELECT 1 FROM %1 t WHERE %2 = l.local_id)")
                         .arg(m_db.quote(table), m_db.isSqlite() ? key : QStringLiteral("CAST(%1 AS TEXT)").arg(key)),
                  {m_source, entity}, &error))
        return error.prefixed(Tr::tr("cannot count the linked rows of %1/%2").arg(m_source, entity));
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<QList<LinkStore::Count>> LinkStore::counts()
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT entity, origin, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END, COUNT(*) "
                                    "FROM tributary_links WHERE source = ? GROUP BY 1, 2, 3"),
                  {m_source}, &error))
        return error.prefixed(Tr::tr("cannot count the links of source %1").arg(m_source));
    QList<Count> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toInt() == 1, q.value(3).toLongLong()});
    return out;
}

bool LinkStore::othersOnRow(const QString &table, const QString &localId, QList<OtherLink> *out, Error *error)
{
    if (!settle(error))
        return false;
    out->clear();
    if (m_others.lastQuery().isEmpty()
        && !m_db.prepare(m_others, QStringLiteral("SELECT l.source, l.base, l.origin FROM tributary_entities e JOIN tributary_links l "
                                                  "ON l.source = e.source AND l.entity = e.entity AND l.local_id = ? "
                                                  "WHERE e.table_name = ? AND e.source <> ? AND l.deleted_at IS NULL"),
                         error))
        return false;
    m_others.bindValue(0, localId);
    m_others.bindValue(1, table);
    m_others.bindValue(2, m_source);
    if (!m_db.exec(m_others, error))
        return false;
    while (m_others.next())
        out->append({m_others.value(0).toString(), parseJsonObject(m_others.value(1).toString()), m_others.value(2).toString()});
    m_others.finish();
    return true;
}

bool LinkStore::giveBasesOnRow(const QString &table, const QString &localId,
                               const std::function<QByteArray(const QString &source, const QString &entity)> &baseFor, Error *error)
{
    if (!settle(error))
        return false;
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("SELECT l.source, l.entity, l.external_id FROM tributary_entities e JOIN tributary_links l "
                                    "ON l.source = e.source AND l.entity = e.entity AND l.local_id = ? "
                                    "WHERE e.table_name = ? AND e.source <> ? AND l.base = ''"),
                  {localId, table, m_source}, error))
        return false;
    QList<QStringList> bare;
    while (q.next())
        bare.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    for (const QStringList &l : std::as_const(bare)) {
        QSqlQuery u;
        if (!m_db.run(u, QStringLiteral("UPDATE tributary_links SET base = ? WHERE source = ? AND entity = ? AND external_id = ?"),
                      {QString::fromUtf8(baseFor(l.at(0), l.at(1))), l.at(0), l.at(1), l.at(2)}, error))
            return false;
    }
    return true;
}

bool LinkStore::anyWithoutBase(const QString &entity, bool *any, Error *error)
{
    if (!settle(error))
        return false;
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("SELECT 1 FROM tributary_links WHERE source = ? AND entity = ? AND base = '' LIMIT 1"), {m_source, entity}, error))
        return false;
    *any = q.next();
    return true;
}

Result<QList<LinkStore::RowLink>> LinkStore::linksOfRow(Database &db, const QString &table, const QString &localId)
{
    QSqlQuery q;
    Error error;
    if (!db.run(q, QStringLiteral("SELECT l.source, l.entity, l.external_id, l.origin, l.deleted_at, l.run_id, l.created_at, l.updated_at, "
                                  "l.seen_scan, l.base FROM tributary_links l "
                                  "JOIN tributary_entities e ON e.source = l.source AND e.entity = l.entity "
                                  "WHERE e.table_name = ? AND l.local_id = ? ORDER BY l.source, l.entity"),
                {table, localId}, &error))
        return error.prefixed(Tr::tr("cannot read the links of %1 %2").arg(table, localId));
    QList<RowLink> out;
    while (q.next()) {
        RowLink l;
        l.source = q.value(0).toString();
        l.entity = q.value(1).toString();
        l.externalId = q.value(2).toString();
        l.origin = q.value(3).toString();
        l.deletedAt = q.value(4).toString();
        l.runId = q.value(5).toLongLong();
        l.createdAt = q.value(6).toString();
        l.updatedAt = q.value(7).toString();
        l.seenScan = q.value(8).toLongLong();
        l.baseJson = q.value(9).toString();
        out.append(l);
    }
    return out;
}

} // namespace Tributary
