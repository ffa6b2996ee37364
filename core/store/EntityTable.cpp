#include "EntityTable.h"

#include "store/Database.h"
#include "util/Logging.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace Tributary {

QStringList EntityTable::syncColumnsOf(const EntityConfig &entity)
{
    QStringList columns;
    for (const ColumnMapping &c : entity.columns)
        columns.append(c.column);
    for (const ReferenceMapping &r : entity.references)
        columns.append(r.column);
    return columns;
}

EntityTable::EntityTable(Database &db, Statements &statements, const EntityConfig &entity)
    : m_db(db), m_statements(statements), m_entity(entity), m_syncColumns(syncColumnsOf(entity))
{

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
    // Made already (by an earlier run, or by the table's owner for a role that may not create
    // indexes on it: PostgreSQL checks ownership even for IF NOT EXISTS): nothing to do.
    QSqlQuery q;
    if (!m_db.run(q, m_db.isSqlite() ? QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?")
                                     : QStringLiteral("SELECT 1 FROM pg_indexes WHERE indexname = ? AND schemaname = ANY (current_schemas(false))"),
                  {name}, error))
        return false;
    if (q.next())
        return true;
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

bool EntityTable::readValues(const QString &localId, const QStringList &columns, QVariantMap *row, bool *exists, Error *error)
{
    QStringList quoted;
    for (const QString &c : columns)
        quoted.append(m_db.quote(c));
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?").arg(quoted.join(QStringLiteral(", ")), m_db.quote(m_entity.table), m_db.quote(m_entity.key)),
                  {Database::keyValue(localId)}, error))
        return false;
    *exists = q.next();
    row->clear();
    for (int i = 0; *exists && i < columns.size(); ++i)
        row->insert(columns.at(i), q.value(i));
    return true;
}

QStringList EntityTable::editTriggerNames(const QStringList &columns) const
{
    const QString hash = definitionHash({m_entity.table, m_entity.key, columns.join(QChar(0x1f))});
    if (m_db.isSqlite())
        return {QStringLiteral("tributary_edit_u_") + hash, QStringLiteral("tributary_edit_d_") + hash};
    return {QStringLiteral("tributary_edit_") + hash};
}

bool EntityTable::ensureEditCapture(const QStringList &synced, QString *refused, Error *error)
{
    m_capturesEdits = false;
    m_captureColumns = synced;
    m_captureColumns.removeDuplicates();
    m_captureColumns.sort();
    const QStringList wanted = editTriggerNames(m_captureColumns);
    const QString table = m_db.quote(m_entity.table);
    QStringList statements;
    if (m_db.isSqlite()) {
        QStringList changed, pairs, columns;
        for (const QString &c : m_captureColumns) {
            const QString column = m_db.quote(c);
            columns.append(column);
            changed.append(QStringLiteral("OLD.%1 IS NOT NEW.%1").arg(column));
            // A BLOB cannot be held in JSON: its hex stands for it (json_object would fail the
            // application's statement otherwise).
            pairs.append(QStringLiteral("%1, CASE WHEN typeof(OLD.%2) = 'blob' THEN hex(OLD.%2) ELSE OLD.%2 END").arg(sqlLiteral(c), column));
        }
        const QString capture = QStringLiteral("INSERT OR IGNORE INTO tributary_edits (table_name, local_id, base, edited_at) "
                                               "VALUES (%1, CAST(OLD.%2 AS TEXT), json_object(%3), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
                                    .arg(sqlLiteral(m_entity.table), m_db.quote(m_entity.key), pairs.join(QStringLiteral(", ")));
        statements.append(QStringLiteral("CREATE TRIGGER %1 AFTER UPDATE OF %2 ON %3 FOR EACH ROW "
                                         "WHEN NOT EXISTS (SELECT 1 FROM tributary_writer) AND (%4) BEGIN %5; END")
                              .arg(m_db.quote(wanted.at(0)), columns.join(QStringLiteral(", ")), table, changed.join(QStringLiteral(" OR ")), capture));
        statements.append(QStringLiteral("CREATE TRIGGER %1 AFTER DELETE ON %2 FOR EACH ROW WHEN NOT EXISTS (SELECT 1 FROM tributary_writer) "
                                         "BEGIN %3; END")
                              .arg(m_db.quote(wanted.at(1)), table, capture));
    } else {
        const QString columns = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(m_captureColumns)).toJson(QJsonDocument::Compact));
        statements.append(QStringLiteral("CREATE TRIGGER %1 AFTER UPDATE OR DELETE ON %2 FOR EACH ROW EXECUTE FUNCTION tributary_capture_edit(%3, %4, %5)")
                              .arg(m_db.quote(wanted.at(0)), table, sqlLiteral(m_entity.table), sqlLiteral(m_entity.key), sqlLiteral(columns)));
    }
    bool installed = false;
    if (!replaceTriggers(QStringLiteral("tributary\\_edit\\_%"), wanted, statements, &installed, refused, error))
        return false;
    m_capturesEdits = installed;
    return true;
}

QStringList EntityTable::outboxTriggerNames(const QStringList &columns) const
{
    // "3": the third definition (Tributary's changes of shared rows passed on, only real changes
    // of what a push sends); another definition gets other names, so the triggers are replaced.
    const QString hash = definitionHash({QStringLiteral("3"), m_entity.table, m_entity.key, columns.join(QChar(0x1f))});
    if (m_db.isSqlite())
        return {QStringLiteral("tributary_out_i_") + hash, QStringLiteral("tributary_out_u_") + hash, QStringLiteral("tributary_out_d_") + hash};
    return {QStringLiteral("tributary_out_") + hash};
}

bool EntityTable::ensureOutboxCapture(const QStringList &watched, QString *refused, Error *error)
{
    QStringList columns = watched;
    columns.removeDuplicates();
    columns.sort();
    const QStringList wanted = columns.isEmpty() ? QStringList() : outboxTriggerNames(columns);
    QStringList statements;
    if (!columns.isEmpty()) {
        const QString table = m_db.quote(m_entity.table);
        QStringList quoted;
        for (const QString &c : std::as_const(columns))
            quoted.append(m_db.quote(c));
        if (m_db.isSqlite()) {
            // One operation per target source and row: a later change bumps its version, so that a
            // push that read the row before it does not take the operation for done. The
            // application's changes go to every target; Tributary's, written for one source, to
            // the other targets that link the row or receive every row (tributary_capture_out()
            // on PostgreSQL says the same). "AND true" keeps SQLite from reading ON CONFLICT as a
            // join's constraint.
            auto enqueue = [&](const QString &row) {
                const QString id = QStringLiteral("CAST(%1.%2 AS TEXT)").arg(row, m_db.quote(m_entity.key));
                return QStringLiteral("INSERT INTO tributary_outbox (source, entity, table_name, local_id, made_at, changed_at) "
                                      "SELECT t.source, t.entity, t.table_name, %1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
                                      "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM tributary_outbox_targets t WHERE t.table_name = %2 "
                                      "AND (NOT EXISTS (SELECT 1 FROM tributary_writer) OR (EXISTS (SELECT 1 FROM tributary_writer w "
                                      "WHERE w.source IS NOT NULL AND w.source <> t.source) AND (t.receive_all <> 0 OR EXISTS "
                                      "(SELECT 1 FROM tributary_links l WHERE l.entity = t.entity AND l.local_id = %1 AND l.source = t.source)))) "
                                      "AND true ON CONFLICT (source, table_name, local_id) DO UPDATE SET version = version + 1, "
                                      "changed_at = excluded.changed_at, state = 'pending', next_attempt_at = ''")
                    .arg(id, sqlLiteral(m_entity.table));
            };
            statements.append(QStringLiteral("CREATE TRIGGER %1 AFTER INSERT ON %2 FOR EACH ROW BEGIN %3; END")
                                  .arg(m_db.quote(wanted.at(0)), table, enqueue(QStringLiteral("NEW"))));
            // An update that leaves every watched column as it was (Tributary writes all of a row's
            // synced columns) is no change to push.
            QStringList changed;
            for (const QString &c : std::as_const(quoted))
                changed.append(QStringLiteral("OLD.%1 IS NOT NEW.%1").arg(c));
            statements.append(QStringLiteral("CREATE TRIGGER %1 AFTER UPDATE OF %2 ON %3 FOR EACH ROW WHEN %4 BEGIN %5; END")
                                  .arg(m_db.quote(wanted.at(1)), quoted.join(QStringLiteral(", ")), table, changed.join(QStringLiteral(" OR ")),
                                       enqueue(QStringLiteral("NEW"))));
            statements.append(QStringLiteral("CREATE TRIGGER %1 AFTER DELETE ON %2 FOR EACH ROW BEGIN %3; END")
                                  .arg(m_db.quote(wanted.at(2)), table, enqueue(QStringLiteral("OLD"))));
        } else {
            const QString list = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(columns)).toJson(QJsonDocument::Compact));
            statements.append(QStringLiteral("CREATE TRIGGER %1 AFTER INSERT OR UPDATE OF %2 OR DELETE ON %3 FOR EACH ROW "
                                             "EXECUTE FUNCTION tributary_capture_out(%4, %5, %6)")
                                  .arg(m_db.quote(wanted.at(0)), quoted.join(QStringLiteral(", ")), table, sqlLiteral(m_entity.table),
                                       sqlLiteral(m_entity.key), sqlLiteral(list)));
        }
    }
    bool installed = false;
    return replaceTriggers(QStringLiteral("tributary\\_out\\_%"), wanted, statements, &installed, refused, error);
}

QString EntityTable::definitionHash(const QStringList &parts)
{
    const QByteArray definition = parts.join(QChar(0x1f)).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(definition, QCryptographicHash::Sha1).toHex().left(12));
}

bool EntityTable::dropEditCapture(Error *error)
{
    bool installed = false;
    QString refused;
    if (!replaceTriggers(QStringLiteral("tributary\\_edit\\_%"), {}, {}, &installed, &refused, error))
        return false;
    if (!refused.isEmpty()) {
        *error = Error(Error::Code::Database, refused);
        return false;
    }
    m_capturesEdits = false;
    return true;
}

QString EntityTable::sqlLiteral(const QString &text)
{
    return QStringLiteral("'") + QString(text).replace(QLatin1Char('\''), QStringLiteral("''")) + QStringLiteral("'");
}

bool EntityTable::replaceTriggers(const QString &pattern, const QStringList &wanted, const QStringList &statements, bool *installed,
                                  QString *refused, Error *error)
{
    *installed = false;
    auto present = [&](QStringList *names) {
        names->clear();
        QSqlQuery q;
        const QString sql = m_db.isSqlite()
            ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name LIKE ? ESCAPE '\\'")
            : QStringLiteral("SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass(?) AND tgname LIKE ? ESCAPE '\\'");
        if (!m_db.run(q, sql, {m_db.isSqlite() ? m_entity.table : m_db.quote(m_entity.table), pattern}, error))
            return false;
        while (q.next())
            names->append(q.value(0).toString());
        names->sort();
        return true;
    };
    QStringList names;
    QStringList sortedWanted = wanted;
    sortedWanted.sort();
    if (!present(&names))
        return false;
    if (names == sortedWanted) {
        *installed = true;
        return true;
    }
    const QString table = m_db.quote(m_entity.table);
    bool refusedHere = false;
    const bool ok = schemaWork([&] {
        if (!present(&names)) // another process may have done it while this one waited
            return false;
        if (names == sortedWanted)
            return true;
        // PostgreSQL: insufficient_privilege. Creating a trigger needs the TRIGGER right or
        // ownership; dropping one (to replace it after the mapping changed) needs ownership.
        auto refusal = [&] {
            refusedHere = !m_db.isSqlite()
                && (error->detail.contains(QLatin1String("must be owner")) || error->detail.contains(QLatin1String("permission denied")));
            return false;
        };
        for (const QString &old : std::as_const(names)) {
            if (!m_db.exec(m_db.isSqlite() ? QStringLiteral("DROP TRIGGER %1").arg(m_db.quote(old))
                                           : QStringLiteral("DROP TRIGGER %1 ON %2").arg(m_db.quote(old), table),
                           error))
                return refusal();
        }
        for (const QString &sql : std::as_const(statements)) {
            if (!m_db.exec(sql, error))
                return refusal();
        }
        qCInfo(lcApplier).noquote() << (wanted.isEmpty() ? QStringLiteral("removed triggers %1 from %2").arg(names.join(QStringLiteral(", ")), m_entity.table)
                                                         : QStringLiteral("installed triggers %1 on %2").arg(wanted.join(QStringLiteral(", ")), m_entity.table));
        return true;
    }, error);
    if (ok) {
        *installed = true;
        return true;
    }
    if (!refusedHere)
        return false;
    *refused = error->toString();
    *error = Error();
    return true;
}

} // namespace Tributary
