#include "HintStore.h"

#include "store/Database.h"
#include "util/Tr.h"

#include <QSqlQuery>

namespace Tributary {

bool HintStore::add(const QString &source, const QList<QPair<QString, QString>> &records, const QString &receivedBy, int *dropped,
                    Error *error)
{
    *dropped = 0;
    if (records.isEmpty())
        return true;
    auto fail = [&](const Error &e) {
        m_db.rollback();
        *error = e.prefixed(Tr::tr("cannot hand the webhook hints of source %1 over to the worker that holds it").arg(source));
        return false;
    };
    if (!m_db.transaction(error)) {
        *error = error->prefixed(Tr::tr("cannot hand the webhook hints of source %1 over to the worker that holds it").arg(source));
        return false;
    }
    Error e;
    QSqlQuery count;
    if (!m_db.run(count, QStringLiteral("SELECT COUNT(*) FROM tributary_hints WHERE source = ?"), {source}, &e) || !count.next())
        return fail(e);
    const qint64 room = qMax<qint64>(0, maxPerSource() - count.value(0).toLongLong());
    QSqlQuery q;
    if (!m_db.prepare(q, QStringLiteral("INSERT INTO tributary_hints (source, entity, external_id, received_at, received_by) "
                                        "VALUES (?, ?, ?, %1, ?) ON CONFLICT (source, entity, external_id) "
                                        "DO UPDATE SET received_at = excluded.received_at, received_by = excluded.received_by")
                                .arg(m_db.nowMsSql()),
                      &e))
        return fail(e);
    // A record already waiting is refreshed, not added: it takes no room. Counted as added all
    // the same, which at worst lets the table end a few rows short of the cap.
    qint64 written = 0;
    for (const auto &record : records) {
        if (written >= room) {
            ++*dropped;
            continue;
        }
        q.addBindValue(source);
        q.addBindValue(record.first);
        q.addBindValue(record.second);
        q.addBindValue(receivedBy);
        if (!m_db.exec(q, &e))
            return fail(e);
        ++written;
    }
    if (written > 0 && !m_db.notify(channel(), source, &e))
        return fail(e);
    if (!m_db.commit(&e))
        return fail(e);
    return true;
}

Result<QList<StoredHint>> HintStore::waiting(const QString &source, int limit)
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT id, entity, external_id, received_at FROM tributary_hints WHERE source = ? ORDER BY id LIMIT %1")
                         .arg(qMax(1, limit)),
                  {source}, &error))
        return error.prefixed(Tr::tr("cannot read the webhook hints waiting for source %1").arg(source));
    QList<StoredHint> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()});
    return out;
}

bool HintStore::remove(const QString &source, const QList<StoredHint> &hints, Error *error)
{
    if (hints.isEmpty())
        return true;
    QSqlQuery q;
    if (!m_db.prepare(q, QStringLiteral("DELETE FROM tributary_hints WHERE id = ? AND received_at = ? AND source = ?"), error)) {
        *error = error->prefixed(Tr::tr("cannot remove the applied webhook hints of source %1").arg(source));
        return false;
    }
    if (!m_db.transaction(error))
        return false;
    for (const StoredHint &h : hints) {
        q.addBindValue(h.id);
        q.addBindValue(h.receivedAtMs);
        q.addBindValue(source);
        if (!m_db.exec(q, error)) {
            m_db.rollback();
            *error = error->prefixed(Tr::tr("cannot remove the applied webhook hints of source %1").arg(source));
            return false;
        }
    }
    return m_db.commit(error);
}

Result<QHash<QString, qint64>> HintStore::countsBySource()
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT source, COUNT(*) FROM tributary_hints GROUP BY source"), {}, &error))
        return error.prefixed(Tr::tr("cannot read the webhook hints waiting"));
    QHash<QString, qint64> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

} // namespace Tributary
