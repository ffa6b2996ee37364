#pragma once

#include "config/Config.h"
#include "store/Statements.h"

#include <QStringList>
#include <QVariantMap>
#include <functional>

namespace Tributary {

class Database;

// The main application's table of one entity, as Tributary reads and writes it: the statements
// are built once from the checked configuration (identifiers quoted) and every value is bound.
class EntityTable
{
public:
    EntityTable(Database &db, Statements &statements, const EntityConfig &entity);

    const EntityConfig &entity() const { return m_entity; }
    // The columns Tributary writes, mapped columns then reference columns, in a fixed order.
    const QStringList &syncColumns() const { return m_syncColumns; }
    static QStringList syncColumnsOf(const EntityConfig &entity);

    // The row adopted through the entity's match keys (compared trimmed and lower-cased), or a null
    // id. *usable is false when a key of `row` is empty: such a row matches nothing.
    bool findMatch(const QVariantMap &row, QString *localId, bool *usable, Error *error);
    // The key findMatch() locks for `row` (Database::lockKey), and in *keys the values it looks
    // up; empty when the row matches nothing (no match keys, or one is empty).
    QString matchLock(const QVariantMap &row, QVariantList *keys = nullptr) const;
    // Inserts `row` (the entity's defaults fill the columns it lacks); the new row's key.
    bool insert(const QVariantMap &row, QString *localId, Error *error);
    // The synced columns (and updated_column) of one row, read to be compared and written in the
    // same transaction: PostgreSQL locks the row (SQLite holds the write lock for the page).
    bool read(const QString &localId, QVariantMap *row, bool *exists, Error *error);
    bool update(const QString &localId, const QVariantMap &changes, Error *error);
    bool softDelete(const QString &localId, Error *error);
    bool undelete(const QString &localId, Error *error);
    bool hardDelete(const QString &localId, Error *error);

    // Schema work a run does before it writes: an index on lower(trim(match keys)) so adoption
    // is a lookup, and the soft-delete column when the table lacks it.
    bool ensureMatchIndex(Error *error);
    bool ensureDeletedColumn(Error *error);
    // The triggers that capture the main application's edits of this table's synced columns
    // (tributary_edits, docs/decisions/0024), installed or replaced when the synced columns
    // changed. A database that refuses them (PostgreSQL: a role that does not own the table) is
    // not an error: capturesEdits() stays false, *refused says why, and links keep their bases.
    // `columns`: the synced columns of every entity of every source on this table, so that
    // sources sharing the table share one definition.
    bool ensureEditCapture(const QStringList &columns, QString *refused, Error *error);
    bool capturesEdits() const { return m_capturesEdits; }
    // Takes the edit capture's triggers off the table (the benchmark's baseline).
    bool dropEditCapture(Error *error);
    const QStringList &captureColumns() const { return m_captureColumns; }
    // The names of the triggers for these columns; anything else named tributary_edit_* on the
    // table is an older version of them.
    QStringList editTriggerNames(const QStringList &columns) const;
    // The triggers that put the main application's inserts, updates (of `columns`) and deletes of
    // this table in the write-back outbox (tributary_outbox) for every source that
    // tributary_outbox_targets names for it (docs/write-back.md). Empty `columns`: removes them.
    // A database that refuses them is not an error here: *refused says why.
    bool ensureOutboxCapture(const QStringList &columns, QString *refused, Error *error);
    QStringList outboxTriggerNames(const QStringList &columns) const;
    // Any columns of one row (checked names: the configuration's), without a lock.
    bool readValues(const QString &localId, const QStringList &columns, QVariantMap *row, bool *exists, Error *error);

private:
    // `work` in a transaction of its own, holding the lock every process takes for schema changes.
    bool schemaWork(const std::function<bool()> &work, Error *error);
    // Makes the table's triggers whose names match `pattern` (LIKE, with \ escaping) exactly
    // `wanted`, created by `statements`, under the schema lock. *installed: they are now;
    // *refused: the database refused (PostgreSQL: not the table's owner).
    bool replaceTriggers(const QString &pattern, const QStringList &wanted, const QStringList &statements, bool *installed,
                         QString *refused, Error *error);
    static QString sqlLiteral(const QString &text);
    // The hash a trigger's name carries: a trigger of the same name is the same definition.
    static QString definitionHash(const QStringList &parts);
    bool run(const QString &sql, const QVariantList &binds, QSqlQuery **q, Error *error);

    Database &m_db;
    Statements &m_statements;
    const EntityConfig &m_entity;
    QStringList m_syncColumns;
    QStringList m_insertColumns;
    QStringList m_selectColumns;
    QString m_insertSql;
    QString m_selectSql;
    QString m_matchSql;
    bool m_capturesEdits = false;
    QStringList m_captureColumns;
};

} // namespace Tributary
