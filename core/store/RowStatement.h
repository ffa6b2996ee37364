#pragma once

#include "util/Error.h"

#include <QSqlQuery>
#include <QVariantList>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace Tributary {

class Database;

// A prepared statement for the engine's hot path: the statements that run once for every record
// applied (the application's INSERT, the link, the change log line). On SQLite it binds straight
// to the sqlite3 statement under Qt's connection: QSqlQuery's positional binding builds a
// placeholder name per value and hands text over as UTF-16 that SQLite converts back, which cost
// more than the insert itself (docs/performance.md, decision 0023). On PostgreSQL it is a
// QSqlQuery. Runs in the connection's transaction like any other statement.
//
// A statement returns at most one row (INSERT ... RETURNING): exec() reads it whole and resets the
// statement, so nothing stays active when the transaction commits.
class RowStatement
{
public:
    // Null with *error when the database refuses `sql`.
    static std::unique_ptr<RowStatement> prepare(Database &db, const QString &sql, Error *error);
    ~RowStatement();
    RowStatement(const RowStatement &) = delete;
    RowStatement &operator=(const RowStatement &) = delete;

    // Parameters count from 0, as QSqlQuery's; every parameter is bound before each exec().
    void bindNull(int index);
    void bind(int index, qint64 value);
    void bind(int index, const QString &text); // NULL when the text is null
    void bindUtf8(int index, const QByteArray &utf8);
    // As Qt's drivers bind it: integers and booleans as integers, doubles, text, bytes as a
    // BLOB, date-times as ISO 8601 text, anything else as its text.
    void bind(int index, const QVariant &value);

    bool exec(Error *error);
    // The row the statement returned, if any.
    bool hasRow() const { return !m_row.isEmpty(); }
    QVariant value(int column) const { return m_row.value(column); }

private:
    RowStatement(Database &db, const QString &sql) : m_db(db), m_sql(sql) {}

    Database &m_db;
    QString m_sql;
    sqlite3 *m_handle = nullptr;   // SQLite
    sqlite3_stmt *m_stmt = nullptr;
    QSqlQuery m_query;             // PostgreSQL
    QVariantList m_row;
    // The text bound to each parameter, kept until the next bind of it: SQLite reads it in place
    // (SQLITE_STATIC) instead of copying every value.
    QList<QByteArray> m_texts;
};

} // namespace Tributary
