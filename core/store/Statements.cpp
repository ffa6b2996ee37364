#include "Statements.h"

#include "Database.h"

namespace Tributary {

QSqlQuery *Statements::get(const QString &sql, Error *error)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        auto q = std::make_shared<QSqlQuery>();
        if (!m_db.prepare(*q, sql, error))
            return nullptr;
        it = m_cache.insert(sql, q);
    }
    return it->get();
}

RowStatement *Statements::row(const QString &sql, Error *error)
{
    auto it = m_rows.find(sql);
    if (it == m_rows.end()) {
        std::shared_ptr<RowStatement> s = RowStatement::prepare(m_db, sql, error);
        if (!s)
            return nullptr;
        it = m_rows.insert(sql, s);
    }
    return it->get();
}

QSqlQuery *Statements::from(Statements *cache, Database &db, QSqlQuery &local, const QString &sql, Error *error)
{
    if (cache)
        return cache->get(sql, error);
    return db.prepare(local, sql, error) ? &local : nullptr;
}

} // namespace Tributary
