#include "EditStore.h"

#include "store/Database.h"
#include "store/Statements.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace Tributary {

bool EditStore::find(const QString &table, const QString &localId, QJsonObject *base, bool *found, Error *error)
{
    QSqlQuery local;
    QSqlQuery *q = Statements::from(m_statements, m_db, local, QStringLiteral("SELECT base FROM tributary_edits WHERE table_name = ? AND local_id = ?"),
                                    error);
    if (!q)
        return false;
    q->bindValue(0, table);
    q->bindValue(1, localId);
    if (!m_db.exec(*q, error))
        return false;
    *found = q->next();
    *base = *found ? parseJsonObject(q->value(0).toString()) : QJsonObject();
    q->finish();
    return true;
}

Result<EditStore::Capture> EditStore::capture(const QString &table, const QString &localId)
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT base, edited_at FROM tributary_edits WHERE table_name = ? AND local_id = ?"), {table, localId},
                  &error))
        return error.prefixed(Tr::tr("cannot read the captured edit of %1 %2").arg(table, localId));
    Capture c;
    c.found = q.next();
    if (c.found) {
        c.base = parseJsonObject(q.value(0).toString());
        c.editedAt = q.value(1).toString();
    }
    return c;
}

bool EditStore::put(const QString &table, const QString &localId, const QByteArray &base, const QString &now, Error *error)
{
    QSqlQuery local;
    QSqlQuery *q = Statements::from(m_statements, m_db, local,
                                    QStringLiteral("INSERT INTO tributary_edits (table_name, local_id, base, edited_at) VALUES (?, ?, ?, ?) "
                                                   "ON CONFLICT (table_name, local_id) DO UPDATE SET base = excluded.base"),
                                    error);
    if (!q)
        return false;
    q->bindValue(0, table);
    q->bindValue(1, localId);
    q->bindValue(2, QString::fromUtf8(base));
    q->bindValue(3, now);
    return m_db.exec(*q, error);
}

bool EditStore::fillBase(const QString &table, LinkStore::Link *link, bool *derived, bool *captured, Error *error)
{
    *derived = !link->hasOwnBase();
    *captured = false;
    if (!*derived)
        return true;
    QJsonObject base;
    if (!find(table, link->localId, &base, captured, error))
        return false;
    if (*captured)
        link->baseJson = QString::fromUtf8(QJsonDocument(base).toJson(QJsonDocument::Compact));
    return true;
}

bool EditStore::remove(const QString &table, const QString &localId, Error *error)
{
    QSqlQuery local;
    QSqlQuery *q = Statements::from(m_statements, m_db, local, QStringLiteral("DELETE FROM tributary_edits WHERE table_name = ? AND local_id = ?"), error);
    if (!q)
        return false;
    q->bindValue(0, table);
    q->bindValue(1, localId);
    return m_db.exec(*q, error);
}

} // namespace Tributary
