#include "Outbox.h"

#include "store/Database.h"
#include "util/Logging.h"
#include "util/Tr.h"

#include <QSet>
#include <QSqlQuery>

namespace Tributary {

namespace {

const QString kColumns = QStringLiteral("id, source, entity, table_name, local_id, version, made_at, changed_at, state, attempts, "
                                        "next_attempt_at, sent_at, last_error, idempotency_key");

OutboxOperation readOperation(const QSqlQuery &q)
{
    OutboxOperation o;
    o.id = q.value(0).toLongLong();
    o.source = q.value(1).toString();
    o.entity = q.value(2).toString();
    o.table = q.value(3).toString();
    o.localId = q.value(4).toString();
    o.version = q.value(5).toLongLong();
    o.madeAt = q.value(6).toString();
    o.changedAt = q.value(7).toString();
    o.state = q.value(8).toString();
    o.attempts = q.value(9).toInt();
    o.nextAttemptAt = q.value(10).toString();
    o.sentAt = q.value(11).toString();
    o.lastError = q.value(12).toString();
    o.idempotencyKey = q.value(13).toString();
    return o;
}

} // namespace

QJsonObject OutboxOperation::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("source"), source},
                  {QStringLiteral("entity"), entity},
                  {QStringLiteral("table"), table},
                  {QStringLiteral("local_id"), localId},
                  {QStringLiteral("made_at"), madeAt},
                  {QStringLiteral("changed_at"), changedAt},
                  {QStringLiteral("state"), state},
                  {QStringLiteral("attempts"), attempts}};
    if (!nextAttemptAt.isEmpty())
        o.insert(QStringLiteral("next_attempt_at"), nextAttemptAt);
    if (!sentAt.isEmpty())
        o.insert(QStringLiteral("sent_at"), sentAt);
    if (!lastError.isEmpty())
        o.insert(QStringLiteral("last_error"), lastError);
    return o;
}

bool Outbox::setTargets(const QList<Target> &wanted, int *dropped, Error *error)
{
    *dropped = 0;
    const Result<QList<Target>> present = targets();
    if (!present.into(error))
        return false;
    QList<Target> a = *present, b = wanted;
    auto order = [](const Target &x, const Target &y) {
        return std::tie(x.table, x.source, x.entity, x.receiveAll) < std::tie(y.table, y.source, y.entity, y.receiveAll);
    };
    std::sort(a.begin(), a.end(), order);
    std::sort(b.begin(), b.end(), order);
    b.erase(std::unique(b.begin(), b.end()), b.end());
    if (a == b)
        return true;
    if (!m_db.transaction(error))
        return false;
    auto fail = [&] {
        m_db.rollback();
        return false;
    };
    if (!m_db.exec(QStringLiteral("DELETE FROM tributary_outbox_targets"), error))
        return fail();
    for (const Target &t : std::as_const(b)) {
        QSqlQuery q;
        if (!m_db.run(q, QStringLiteral("INSERT INTO tributary_outbox_targets (table_name, source, entity, receive_all) VALUES (?, ?, ?, ?)"),
                      {t.table, t.source, t.entity, t.receiveAll ? 1 : 0}, error))
            return fail();
    }
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("DELETE FROM tributary_outbox WHERE NOT EXISTS (SELECT 1 FROM tributary_outbox_targets t "
                                    "WHERE t.table_name = tributary_outbox.table_name AND t.source = tributary_outbox.source)"),
                  {}, error))
        return fail();
    *dropped = q.numRowsAffected();
    return m_db.commit(error) || fail();
}

bool Outbox::dropCaptureExcept(const QSet<QString> &tables, Error *error)
{
    QSqlQuery q;
    const QString sql = m_db.isSqlite()
        ? QStringLiteral("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tributary\\_out\\_%' ESCAPE '\\'")
        : QStringLiteral("SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                         "WHERE t.tgname LIKE 'tributary\\_out\\_%' ESCAPE '\\' AND pg_table_is_visible(c.oid)");
    if (!m_db.run(q, sql, {}, error))
        return false;
    QList<QPair<QString, QString>> stale;
    while (q.next()) {
        if (!tables.contains(q.value(1).toString()))
            stale.append({q.value(0).toString(), q.value(1).toString()});
    }
    q.finish();
    for (const auto &[trigger, table] : std::as_const(stale)) {
        // Names read from the catalog, quoted as identifiers.
        if (!m_db.exec(m_db.isSqlite() ? QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(m_db.quote(trigger))
                                       : QStringLiteral("DROP TRIGGER IF EXISTS %1 ON %2").arg(m_db.quote(trigger), m_db.quote(table)),
                       error))
            return false;
        qCInfo(lcStore).noquote() << QStringLiteral("removed trigger %1 from %2: no entity writes it back any more").arg(trigger, table);
    }
    return true;
}

Result<QList<Outbox::Target>> Outbox::targets()
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT table_name, source, entity, receive_all FROM tributary_outbox_targets ORDER BY table_name, source"), {},
                  &error))
        return error.prefixed(Tr::tr("cannot read which sources receive the main database's changes"));
    QList<Target> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt() != 0});
    return out;
}

Result<QList<OutboxOperation>> Outbox::due(const QString &source, const QString &now, int limit)
{
    QSqlQuery q;
    Error error;
    // A create sent without an answer is due at once, whatever its backoff: until the source
    // answers it (the same key: the first create's answer), its record must not be read as new.
    if (!m_db.run(q, QStringLiteral("SELECT %1 FROM tributary_outbox WHERE source = ? AND state = 'pending' AND (next_attempt_at <= ? "
                                    "OR (idempotency_key IS NOT NULL AND sent_at IS NOT NULL)) ORDER BY id LIMIT %2").arg(kColumns).arg(limit),
                  {source, now}, &error))
        return error.prefixed(Tr::tr("cannot read the outbox of source %1").arg(source));
    QList<OutboxOperation> out;
    while (q.next())
        out.append(readOperation(q));
    return out;
}

QString Outbox::where(const OutboxFilter &filter, QVariantList *binds)
{
    QStringList terms;
    if (!filter.sources.isEmpty()) {
        QStringList marks;
        for (const QString &s : filter.sources) {
            marks.append(QStringLiteral("?"));
            binds->append(s);
        }
        terms.append(QStringLiteral("source IN (%1)").arg(marks.join(QStringLiteral(", "))));
    }
    if (!filter.entity.isEmpty()) {
        terms.append(QStringLiteral("entity = ?"));
        binds->append(filter.entity);
    }
    if (!filter.table.isEmpty()) {
        terms.append(QStringLiteral("table_name = ?"));
        binds->append(filter.table);
    }
    if (!filter.localId.isEmpty()) {
        terms.append(QStringLiteral("local_id = ?"));
        binds->append(filter.localId);
    }
    if (!filter.state.isEmpty()) {
        terms.append(QStringLiteral("state = ?"));
        binds->append(filter.state);
    }
    if (!filter.ids.isEmpty()) {
        QStringList marks;
        for (qint64 id : filter.ids) {
            marks.append(QStringLiteral("?"));
            binds->append(id);
        }
        terms.append(QStringLiteral("id IN (%1)").arg(marks.join(QStringLiteral(", "))));
    }
    return terms.isEmpty() ? QString() : QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND "));
}

Result<QList<OutboxOperation>> Outbox::list(const OutboxFilter &filter)
{
    QVariantList binds;
    QString sql = QStringLiteral("SELECT %1 FROM tributary_outbox%2 ORDER BY id").arg(kColumns, where(filter, &binds));
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, sql, binds, &error))
        return error.prefixed(Tr::tr("cannot read the outbox"));
    QList<OutboxOperation> out;
    while (q.next())
        out.append(readOperation(q));
    return out;
}

Result<OutboxOperation> Outbox::get(qint64 id)
{
    OutboxFilter f;
    f.ids = {id};
    const Result<QList<OutboxOperation>> found = list(f);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error(Error::Code::NotFound, Tr::tr("no outbox operation %1").arg(id));
    return found->first();
}

bool Outbox::enqueue(const QString &source, const QString &entity, const QString &table, const QString &localId, const QString &at,
                     Error *error)
{
    QSqlQuery q;
    return m_db.run(q, QStringLiteral("INSERT INTO tributary_outbox (source, entity, table_name, local_id, made_at, changed_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, table_name, local_id) DO NOTHING"),
                    {source, entity, table, localId, at, at}, error);
}

bool Outbox::has(const QString &source, const QString &table, const QString &localId, bool *found, Error *error)
{
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("SELECT 1 FROM tributary_outbox WHERE source = ? AND table_name = ? AND local_id = ?"),
                  {source, table, localId}, error))
        return false;
    *found = q.next();
    return true;
}

bool Outbox::setIdempotencyKey(qint64 id, const QString &key, Error *error)
{
    QSqlQuery q;
    return m_db.run(q, QStringLiteral("UPDATE tributary_outbox SET idempotency_key = ? WHERE id = ?"), {key, id}, error);
}

bool Outbox::markSent(qint64 id, const QString &at, Error *error)
{
    QSqlQuery q;
    return m_db.run(q, QStringLiteral("UPDATE tributary_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?"), {at, id}, error);
}

bool Outbox::complete(qint64 id, qint64 version, bool *removed, Error *error)
{
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("DELETE FROM tributary_outbox WHERE id = ? AND version = ?"), {id, version}, error))
        return false;
    *removed = q.numRowsAffected() > 0;
    if (*removed)
        return true;
    // Changed again while it was pushed: the next push sends the newer change, with no key of a
    // create that is done (a second create would be refused as a replay of another request).
    QSqlQuery clear;
    return m_db.run(clear, QStringLiteral("UPDATE tributary_outbox SET idempotency_key = NULL, attempts = 0, last_error = NULL WHERE id = ?"),
                    {id}, error);
}

bool Outbox::retryLater(qint64 id, const QString &nextAttemptAt, const QString &why, Error *error)
{
    QSqlQuery q;
    return m_db.run(q, QStringLiteral("UPDATE tributary_outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?"), {nextAttemptAt, why, id},
                    error);
}

bool Outbox::refuse(qint64 id, const QString &why, Error *error)
{
    // A refused create was not made: the next attempt is a new request, with a new key.
    QSqlQuery q;
    return m_db.run(q, QStringLiteral("UPDATE tributary_outbox SET state = 'refused', last_error = ?, idempotency_key = NULL WHERE id = ?"),
                    {why, id}, error);
}

Result<QList<OutboxOperation>> Outbox::inDoubt(const QString &source)
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT %1 FROM tributary_outbox WHERE source = ? AND state = 'pending' AND idempotency_key IS NOT NULL "
                                    "AND sent_at IS NOT NULL ORDER BY id").arg(kColumns),
                  {source}, &error))
        return error.prefixed(Tr::tr("cannot read the outbox of source %1").arg(source));
    QList<OutboxOperation> out;
    while (q.next())
        out.append(readOperation(q));
    return out;
}

Result<int> Outbox::retry(const OutboxFilter &filter)
{
    QVariantList binds;
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("UPDATE tributary_outbox SET state = 'pending', next_attempt_at = ''%1").arg(where(filter, &binds)), binds,
                  &error))
        return error.prefixed(Tr::tr("cannot retry outbox operations"));
    return q.numRowsAffected();
}

Result<int> Outbox::drop(const OutboxFilter &filter)
{
    QVariantList binds;
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("DELETE FROM tributary_outbox%1").arg(where(filter, &binds)), binds, &error))
        return error.prefixed(Tr::tr("cannot drop outbox operations"));
    return q.numRowsAffected();
}

Result<QHash<QString, Outbox::Depth>> Outbox::depth()
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT source, state, COUNT(*), MIN(made_at) FROM tributary_outbox GROUP BY source, state"), {}, &error))
        return error.prefixed(Tr::tr("cannot read the outbox"));
    QHash<QString, Depth> out;
    while (q.next()) {
        Depth &d = out[q.value(0).toString()];
        const qint64 n = q.value(2).toLongLong();
        if (q.value(1).toString() == QLatin1String("refused"))
            d.refused += n;
        else
            d.pending += n;
        const QString oldest = q.value(3).toString();
        if (d.oldestMadeAt.isEmpty() || oldest < d.oldestMadeAt)
            d.oldestMadeAt = oldest;
    }
    return out;
}

} // namespace Tributary
