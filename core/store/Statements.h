#pragma once

#include "store/RowStatement.h"
#include "util/Error.h"

#include <QHash>
#include <QSqlQuery>
#include <memory>

namespace Tributary {

class Database;

// Prepared statements kept for reuse on one connection: code that runs the same SQL for every
// record prepares it once. Owned by one object on one thread, like the connection.
class Statements
{
public:
    explicit Statements(Database &db) : m_db(db) {}

    // The statement for `sql`, prepared on first use; nullptr with *error set when the database
    // refuses it.
    QSqlQuery *get(const QString &sql, Error *error);
    // The same for the statements of the hot path (RowStatement).
    RowStatement *row(const QString &sql, Error *error);
    void clear()
    {
        m_cache.clear();
        m_rows.clear();
    }
    // From `cache` when there is one, else prepared into `local`: for stores that serve the hot
    // path (with a cache) and one-off callers (without).
    static QSqlQuery *from(Statements *cache, Database &db, QSqlQuery &local, const QString &sql, Error *error);
    Database &database() const { return m_db; }

private:
    Database &m_db;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_cache; // QSqlQuery cannot be copied
    QHash<QString, std::shared_ptr<RowStatement>> m_rows;
};

} // namespace Tributary
