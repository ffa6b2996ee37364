#include "EntityTable.h"

#include "store/Database.h"
#include "util/Logging.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QSqlQuery>

namespace Tributary {

EntityTable::EntityTable(Database &db, Statements &statements, const EntityConfig &entity)
    : m_db(db), m_statements(statements), m_entity(entity)
{
    for (const ColumnMapping &c : entity.columns)
        m_syncColumns.append(c.column);
    for (const ReferenceMapping &r : entity.references)
        m_syncColumns.append(r.column);

    m_insertColumns = m_syncColumns;
    for (auto it = entity.defaults.constBegin(); it != entity.defaults.constEnd(); ++it)
        m_insertColumns.append(it.key());
    QStringList quoted, marks;
    for (const QString &c : std::as_const(m_insertColumns)) {
        quoted.append(m_db.quote(c));
        marks.append(QStringLiteral("?"));
    }
    m_insertSql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) RETURNING %4")
                      .arg(m_db.quote(entity.table), quoted.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")),
                           m_db.quote(entity.key));

    m_selectColumns = m_syncColumns;
    if (!entity.updatedColumn.isEmpty() && !m_selectColumns.contains(entity.updatedColumn))
        m_selectColumns.append(entity.updatedColumn);
    quoted.clear();
    for (const QString &c : std::as_const(m_selectColumns))
        quoted.append(m_db.quote(c));
    // The compare-and-write of three-way detection must see the row as it is when written: SQLite
    // holds the write lock for the whole page (BEGIN IMMEDIATE); PostgreSQL locks the row.
    m_selectSql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?%4")
                      .arg(quoted.join(QStringLiteral(", ")), m_db.quote(entity.table), m_db.quote(entity.key),
                           m_db.isSqlite() ? QString() : QStringLiteral(" FOR UPDATE"));

    if (!entity.match.isEmpty()) {
        QStringList conds;
        // SQLite's lower() folds ASCII only, as normalizeMatchKey() does; PostgreSQL's folds every
        // letter its locale knows, so there the key is folded by the same lower() as the column
        // (É and é are one key on PostgreSQL, two on SQLite: docs/decisions/0006).
        for (const QString &c : entity.match)
            conds.append(QStringLiteral("lower(trim(%1)) = %2").arg(m_db.quote(c), m_db.isSqlite() ? QStringLiteral("?") : QStringLiteral("lower(?)")));
        m_matchSql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %1 LIMIT 1")
                         .arg(m_db.quote(entity.key), m_db.quote(entity.table), conds.join(QStringLiteral(" AND ")));
    }
}

bool EntityTable::run(const QString &sql, const QVariantList &binds, QSqlQuery **q, Error *error)
{
    *q = m_statements.get(sql, error);
    if (!*q)
        return false;
    for (int i = 0; i < binds.size(); ++i)
        (*q)->bindValue(i, binds.at(i));
    return m_db.exec(**q, error);
}

QString EntityTable::matchLock(const QVariantMap &row, QVariantList *keys) const
{
    if (m_matchSql.isEmpty())
        return QString();
    QVariantList values;
    QStringList lockParts{m_entity.table};
    for (const QString &c : m_entity.match) {
        const QVariant v = row.value(c);
        if (v.isNull() || v.toString().trimmed().isEmpty())
            return QString();
        values.append(normalizeMatchKey(v.toString()));
        lockParts.append(values.last().toString().toLower()); // folded as far as either database folds
    }
    if (keys)
        *keys = values;
    return lockParts.join(QChar(0x1f));
}

bool EntityTable::findMatch(const QVariantMap &row, QString *localId, bool *usable, Error *error)
{
    *localId = QString();
    QVariantList keys;
    const QString lock = matchLock(row, &keys);
    *usable = !lock.isEmpty();
    if (!*usable)
        return true;
    // Held until the page commits: a run of another source (or worker) adopting or inserting a
    // row with the same key waits here, then finds this page's row instead of adding a second.
    // (The applier has taken the page's keys already, in order: this one is held again.)
    if (!m_db.lockKey(lock, error))
        return false;
    QSqlQuery *q = nullptr;
    if (!run(m_matchSql, keys, &q, error))
        return false;
    if (q->next())
        *localId = q->value(0).toString();
    q->finish();
    return true;
}

bool EntityTable::insert(const QVariantMap &row, QString *localId, Error *error)
{
    // Bound in place, straight to the database: this runs for every new record.
    RowStatement *q = m_statements.row(m_insertSql, error);
    if (!q)
        return false;
    int i = 0;
    for (const QString &c : std::as_const(m_insertColumns)) {
        const auto it = row.constFind(c);
        q->bind(i++, it != row.constEnd() ? *it : m_entity.defaults.value(c));
    }
    if (!q->exec(error))
        return false;
    if (!q->hasRow()) {
        *error = Error(Error::Code::Database, Tr::tr("%1: the insert returned no key").arg(m_entity.table));
        return false;
    }
    *localId = q->value(0).toString();
    return true;
}

bool EntityTable::read(const QString &localId, QVariantMap *row, bool *exists, Error *error)
{
    row->clear();
    QSqlQuery *q = nullptr;
    if (!run(m_selectSql, {Database::keyValue(localId)}, &q, error))
        return false;
    *exists = q->next();
    if (*exists) {
        for (int i = 0; i < m_selectColumns.size(); ++i)
            row->insert(m_selectColumns.at(i), q->value(i));
    }
    q->finish();
    return true;
}

bool EntityTable::update(const QString &localId, const QVariantMap &changes, Error *error)
{
    QStringList sets;
    QVariantList binds;
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        sets.append(m_db.quote(it.key()) + QStringLiteral(" = ?"));
        binds.append(it.value());
    }
    binds.append(Database::keyValue(localId));
    QSqlQuery *q = nullptr;
    return run(QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?").arg(m_db.quote(m_entity.table), sets.join(QStringLiteral(", ")), m_db.quote(m_entity.key)),
               binds, &q, error);
}

bool EntityTable::softDelete(const QString &localId, Error *error)
{
    QSqlQuery *q = nullptr;
    return run(QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ?")
                   .arg(m_db.quote(m_entity.table), m_db.quote(m_entity.deletedColumn), m_db.quote(m_entity.key)),
               {m_db.formatTimestamp(QDateTime::currentDateTimeUtc()), Database::keyValue(localId)}, &q, error);
}

bool EntityTable::undelete(const QString &localId, Error *error)
{
    QSqlQuery *q = nullptr;
    return run(QStringLiteral("UPDATE %1 SET %2 = NULL WHERE %3 = ?")
                   .arg(m_db.quote(m_entity.table), m_db.quote(m_entity.deletedColumn), m_db.quote(m_entity.key)),
               {Database::keyValue(localId)}, &q, error);
}

bool EntityTable::hardDelete(const QString &localId, Error *error)
{
    QSqlQuery *q = nullptr;
    return run(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(m_db.quote(m_entity.table), m_db.quote(m_entity.key)),
               {Database::keyValue(localId)}, &q, error);
}

bool EntityTable::ensureMatchIndex(Error *error)
{
    if (m_entity.match.isEmpty())
        return true;
    QStringList exprs;
    for (const QString &c : m_entity.match)
        exprs.append(QStringLiteral("lower(trim(%1))").arg(m_db.quote(c)));
    const QString name = QStringLiteral("tributary_match_%1_%2").arg(m_entity.table, m_entity.match.join(QLatin1Char('_')));
    return schemaWork([&] {
        return m_db.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON %2 (%3)")
                             .arg(m_db.quote(name), m_db.quote(m_entity.table), exprs.join(QStringLiteral(", "))),
                         error);
    }, error);
}

bool EntityTable::schemaWork(const std::function<bool()> &work, Error *error)
{
    // Two processes starting together would both see the index (or column) missing and both
    // create it; on PostgreSQL the second fails even with IF NOT EXISTS. One at a time, under the
    // same lock as the state migrations, each looking again once it holds it.
    if (!m_db.transaction(error))
        return false;
    if (m_db.lockSchema(error) && work() && m_db.commit(error))
        return true;
    m_db.rollback();
    return false;
}

bool EntityTable::ensureDeletedColumn(Error *error)
{
    if (m_entity.deleteMode != QLatin1String("soft") || m_db.columns(m_entity.table).contains(m_entity.deletedColumn))
        return true;
    return schemaWork([&] {
        if (m_db.columns(m_entity.table).contains(m_entity.deletedColumn))
            return true; // another process added it while this one waited
        // The documented migration for soft deletes (docs/operations.md): a nullable timestamp the
        // main application may ignore or use (Laravel's SoftDeletes reads exactly this column).
        qCInfo(lcApplier).noquote() << QStringLiteral("adding column %1.%2 for soft deletes").arg(m_entity.table, m_entity.deletedColumn);
        return m_db.exec(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3 NULL")
                             .arg(m_db.quote(m_entity.table), m_db.quote(m_entity.deletedColumn),
                                  m_db.isSqlite() ? QStringLiteral("DATETIME") : QStringLiteral("TIMESTAMP WITH TIME ZONE")),
                         error);
    }, error);
}

} // namespace Tributary
