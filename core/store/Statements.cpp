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

} // namespace Tributary
