#include "ForumStore.h"

#include "forum-sim/ForumJson.h"
#include "forum-sim/ForumSchema.h"
#include "forum-sim/ForumTime.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace Tributary {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

bool fail(QString *error, const QString &text)
{
    if (error)
        *error = text;
    return false;
}

} // namespace

ForumStore::ForumStore()
    : m_connectionName(QStringLiteral("forum-sim-%1").arg(++s_connectionCounter))
{
}

ForumStore::~ForumStore()
{
    close();
}

bool ForumStore::open(const QString &path, bool create, QString *error)
{
    close();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        if (!create)
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return fail(error, db.lastError().text());
        QSqlQuery q(db);
        // WAL lets readers (a test's verification, a second server) run beside the writer.
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        // Listings read the same pages over and over: keep them in memory, not in pread calls.
        q.exec(QStringLiteral("PRAGMA cache_size=-131072"));
        q.exec(QStringLiteral("PRAGMA mmap_size=1073741824"));
        if (create && !ForumSchema::createTables(db, error))
            return false;
        if (!ForumSchema::createIndexes(db, error))
            return false;
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type='table' AND "
                                   "name IN ('users','sections','topics','messages')"))
            || !q.next() || q.value(0).toInt() != 4)
            return fail(error, QStringLiteral("%1 is not a forum database (users, sections, "
                                              "topics, messages expected)").arg(path));
    }
    return true;
}

void ForumStore::close()
{
    m_queries.clear();
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QSqlDatabase ForumStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QSqlQuery *ForumStore::prepared(const QString &sql, QString *error)
{
    auto it = m_queries.find(sql);
    if (it != m_queries.end())
        return it->second.get();
    auto q = std::make_unique<QSqlQuery>(database());
    q->setForwardOnly(true);
    if (!q->prepare(sql)) {
        fail(error, q->lastError().text() + QStringLiteral(" in: ") + sql);
        return nullptr;
    }
    QSqlQuery *raw = q.get();
    m_queries.emplace(sql, std::move(q));
    return raw;
}

QString ForumStore::selectList(const ForumEntity &entity, bool idsOnly)
{
    if (idsOnly)
        return QStringLiteral("id, updated_at");
    QStringList names;
    for (const ForumColumn &c : entity.columns) {
        if (c.visible)
            names << QString::fromLatin1(c.name);
    }
    return names.join(QStringLiteral(", "));
}

void ForumStore::appendRecord(QByteArray &out, const QSqlQuery &query, const ForumEntity &entity,
                              bool idsOnly)
{
    out.append('{');
    int index = 0;
    bool first = true;
    for (const ForumColumn &c : entity.columns) {
        if (!c.visible || (idsOnly && c.name != "id" && c.name != "updated_at"))
            continue;
        if (!first)
            out.append(',');
        first = false;
        out.append('"');
        out.append(c.name);
        out.append("\":", 2);
        const QVariant v = query.value(index++);
        if (v.isNull()) {
            out.append("null", 4);
            continue;
        }
        switch (c.type) {
        case ForumColumn::Id:
        case ForumColumn::Integer:
            out.append(QByteArray::number(v.toLongLong()));
            break;
        case ForumColumn::Text:
            ForumJson::appendString(out, v.toString());
            break;
        case ForumColumn::Timestamp: {
            const QByteArray db = v.toString().toLatin1();
            out.append('"');
            ForumTime::appendApi(out, db.constData(), db.size());
            out.append('"');
            break;
        }
        }
    }
    out.append('}');
}

bool ForumStore::list(const ListQuery &query, ListResult *result, QString *error)
{
    const ForumEntity &e = *query.entity;
    QString sql = QStringLiteral("SELECT ") + selectList(e, query.idsOnly)
        + (query.idsOnly ? QString() : QStringLiteral(", updated_at")) + QStringLiteral(" FROM ")
        + e.name;
    QStringList where;
    if (!query.since.isEmpty())
        where << QStringLiteral("updated_at >= ?");
    const char *cmp = query.backward ? "<" : ">";
    if (query.hasPosition) {
        // Row values let SQLite walk the (updated_at, id) index from the position on: a keyset
        // seek, never an OFFSET scan.
        where << (query.sortByUpdated ? QStringLiteral("(updated_at, id) %1 (?, ?)").arg(QLatin1String(cmp))
                                      : QStringLiteral("id %1 ?").arg(QLatin1String(cmp)));
    }
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    const QString dir = query.backward ? QStringLiteral(" DESC") : QString();
    sql += query.sortByUpdated ? QStringLiteral(" ORDER BY updated_at%1, id%1").arg(dir)
                               : QStringLiteral(" ORDER BY id%1").arg(dir);
    sql += QStringLiteral(" LIMIT ?");
    if (query.offset >= 0)
        sql += QStringLiteral(" OFFSET ?");

    QSqlQuery *q = prepared(sql, error);
    if (!q)
        return false;
    if (!query.since.isEmpty())
        q->addBindValue(QString::fromLatin1(query.since));
    if (query.hasPosition) {
        if (query.sortByUpdated)
            q->addBindValue(QString::fromLatin1(query.position.updatedAt));
        q->addBindValue(query.position.id);
    }
    // One extra row tells whether there is more beyond this page.
    q->addBindValue(query.limit + 1);
    if (query.offset >= 0)
        q->addBindValue(query.offset);
    if (!q->exec())
        return fail(error, q->lastError().text());

    const int updatedIndex = query.idsOnly ? 1 : int(selectList(e, false).count(QLatin1Char(',')) + 1);
    QByteArray &out = result->json;
    out.reserve(query.limit * (query.idsOnly ? 48 : 320));
    QList<QByteArray> reversed; // backward walks read newest first; output stays ascending
    while (q->next()) {
        if (result->count == query.limit) {
            result->more = true;
            break;
        }
        const Key key{q->value(0).toLongLong(), q->value(updatedIndex).toString().toLatin1()};
        if (result->count == 0)
            result->first = key;
        result->last = key;
        ++result->count;
        if (query.backward) {
            QByteArray record;
            appendRecord(record, *q, e, query.idsOnly);
            reversed.append(record);
        } else {
            if (result->count > 1)
                out.append(',');
            appendRecord(out, *q, e, query.idsOnly);
        }
    }
    q->finish();
    if (query.backward) {
        std::swap(result->first, result->last);
        for (qsizetype i = reversed.size() - 1; i >= 0; --i) {
            out.append(reversed.at(i));
            if (i)
                out.append(',');
        }
    }
    return true;
}

bool ForumStore::count(const ForumEntity &entity, const QByteArray &since, qint64 *total,
                       QString *error)
{
    QSqlQuery *q = prepared(QStringLiteral("SELECT count(*) FROM ") + entity.name
                                + (since.isEmpty() ? QString() : QStringLiteral(" WHERE updated_at >= ?")),
                            error);
    if (!q)
        return false;
    if (!since.isEmpty())
        q->addBindValue(QString::fromLatin1(since));
    if (!q->exec() || !q->next())
        return fail(error, q->lastError().text());
    *total = q->value(0).toLongLong();
    q->finish();
    return true;
}

bool ForumStore::fetchJson(const ForumEntity &entity, qint64 id, QByteArray *json, bool *found,
                           QString *error)
{
    QSqlQuery *q = prepared(QStringLiteral("SELECT ") + selectList(entity, false)
                                + QStringLiteral(" FROM ") + entity.name
                                + QStringLiteral(" WHERE id = ?"),
                            error);
    if (!q)
        return false;
    q->addBindValue(id);
    if (!q->exec())
        return fail(error, q->lastError().text());
    *found = q->next();
    if (*found)
        appendRecord(*json, *q, entity, false);
    q->finish();
    return true;
}

bool ForumStore::exists(const QString &table, qint64 id, bool *found, QString *error)
{
    QSqlQuery *q = prepared(QStringLiteral("SELECT 1 FROM ") + table + QStringLiteral(" WHERE id = ?"), error);
    if (!q)
        return false;
    q->addBindValue(id);
    if (!q->exec())
        return fail(error, q->lastError().text());
    *found = q->next();
    q->finish();
    return true;
}

bool ForumStore::messageTopic(qint64 messageId, qint64 *topicId, bool *found, QString *error)
{
    QSqlQuery *q = prepared(QStringLiteral("SELECT topic_id FROM messages WHERE id = ?"), error);
    if (!q)
        return false;
    q->addBindValue(messageId);
    if (!q->exec())
        return fail(error, q->lastError().text());
    *found = q->next();
    if (*found)
        *topicId = q->value(0).toLongLong();
    q->finish();
    return true;
}

bool ForumStore::updatedAt(const ForumEntity &entity, qint64 id, QByteArray *value, bool *found,
                           QString *error)
{
    QSqlQuery *q = prepared(QStringLiteral("SELECT updated_at FROM ") + entity.name
                                + QStringLiteral(" WHERE id = ?"),
                            error);
    if (!q)
        return false;
    q->addBindValue(id);
    if (!q->exec())
        return fail(error, q->lastError().text());
    *found = q->next();
    if (*found)
        *value = q->value(0).toString().toLatin1();
    q->finish();
    return true;
}

bool ForumStore::emailTaken(const QString &email, qint64 excludeId, bool *taken, QString *error)
{
    QSqlQuery *q = prepared(
        QStringLiteral("SELECT 1 FROM users WHERE lower(email) = ? AND id <> ? LIMIT 1"), error);
    if (!q)
        return false;
    // lower() in SQLite folds ASCII only; so does this side, which keeps both consistent.
    QByteArray key = email.trimmed().toUtf8();
    for (char &c : key) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    q->addBindValue(QString::fromUtf8(key));
    q->addBindValue(excludeId);
    if (!q->exec())
        return fail(error, q->lastError().text());
    *taken = q->next();
    q->finish();
    return true;
}

bool ForumStore::insert(const ForumEntity &entity, const Values &values, qint64 *newId,
                        QString *error)
{
    QStringList names, marks;
    for (const auto &v : values) {
        names << QString::fromLatin1(v.first);
        marks << QStringLiteral("?");
    }
    QSqlQuery *q = prepared(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                .arg(entity.name, names.join(QLatin1Char(',')), marks.join(QLatin1Char(','))),
                            error);
    if (!q)
        return false;
    for (const auto &v : values)
        q->addBindValue(v.second);
    if (!q->exec())
        return fail(error, q->lastError().text());
    *newId = q->lastInsertId().toLongLong();
    q->finish();
    return true;
}

bool ForumStore::update(const ForumEntity &entity, qint64 id, const Values &values, bool *found,
                        QString *error, const QByteArray &expectedUpdatedAt)
{
    QStringList sets;
    for (const auto &v : values)
        sets << QString::fromLatin1(v.first) + QStringLiteral(" = ?");
    const bool conditional = !expectedUpdatedAt.isEmpty();
    QSqlQuery *q = prepared(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?%3")
                                .arg(entity.name, sets.join(QLatin1Char(',')),
                                     conditional ? QStringLiteral(" AND updated_at = ?") : QString()),
                            error);
    if (!q)
        return false;
    for (const auto &v : values)
        q->addBindValue(v.second);
    q->addBindValue(id);
    if (conditional)
        q->addBindValue(QString::fromLatin1(expectedUpdatedAt));
    if (!q->exec())
        return fail(error, q->lastError().text());
    *found = q->numRowsAffected() > 0;
    q->finish();
    return true;
}

bool ForumStore::remove(const ForumEntity &entity, qint64 id, bool *found, QString *error,
                        const QByteArray &expectedUpdatedAt)
{
    const bool conditional = !expectedUpdatedAt.isEmpty();
    QSqlQuery *q = prepared(QStringLiteral("DELETE FROM ") + entity.name + QStringLiteral(" WHERE id = ?")
                                + (conditional ? QStringLiteral(" AND updated_at = ?") : QString()),
                            error);
    if (!q)
        return false;
    q->addBindValue(id);
    if (conditional)
        q->addBindValue(QString::fromLatin1(expectedUpdatedAt));
    if (!q->exec())
        return fail(error, q->lastError().text());
    *found = q->numRowsAffected() > 0;
    q->finish();
    return true;
}

bool ForumStore::idempotentAnswer(const QByteArray &key, const QByteArray &notBefore,
                                  IdempotentAnswer *answer, bool *found, QString *error)
{
    QSqlQuery *purge = prepared(QStringLiteral("DELETE FROM idempotency_keys WHERE created_at < ?"), error);
    if (!purge)
        return false;
    purge->addBindValue(QString::fromLatin1(notBefore));
    if (!purge->exec())
        return fail(error, purge->lastError().text());
    purge->finish();

    QSqlQuery *q = prepared(QStringLiteral("SELECT fingerprint, status, body FROM idempotency_keys "
                                           "WHERE idempotency_key = ?"),
                            error);
    if (!q)
        return false;
    q->addBindValue(QString::fromUtf8(key));
    if (!q->exec())
        return fail(error, q->lastError().text());
    *found = q->next();
    if (*found) {
        answer->fingerprint = q->value(0).toString().toLatin1();
        answer->status = q->value(1).toInt();
        answer->body = q->value(2).toByteArray();
    }
    q->finish();
    return true;
}

bool ForumStore::saveIdempotentAnswer(const QByteArray &key, const IdempotentAnswer &answer,
                                      const QByteArray &createdAt, QString *error)
{
    QSqlQuery *q = prepared(QStringLiteral("INSERT INTO idempotency_keys "
                                           "(idempotency_key, fingerprint, status, body, created_at) "
                                           "VALUES (?, ?, ?, ?, ?)"),
                            error);
    if (!q)
        return false;
    q->addBindValue(QString::fromUtf8(key));
    q->addBindValue(QString::fromLatin1(answer.fingerprint));
    q->addBindValue(answer.status);
    q->addBindValue(answer.body);
    q->addBindValue(QString::fromLatin1(createdAt));
    if (!q->exec())
        return fail(error, q->lastError().text());
    q->finish();
    return true;
}

bool ForumStore::transaction(QString *error)
{
    QSqlDatabase db = database();
    if (!db.transaction())
        return fail(error, db.lastError().text());
    return true;
}

bool ForumStore::commit(QString *error)
{
    QSqlDatabase db = database();
    if (!db.commit())
        return fail(error, db.lastError().text());
    return true;
}

void ForumStore::rollback()
{
    QSqlDatabase db = database();
    db.rollback();
}

} // namespace Tributary
