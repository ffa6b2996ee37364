#pragma once

#include <QString>

class QSqlDatabase;

namespace Tributary {

// The Good Forum's schema (the main application's tables, exactly those columns) plus the
// indexes forum-sim's keyset queries need.
class ForumSchema
{
public:
    // Creates the tables if they do not exist yet.
    static bool createTables(QSqlDatabase &db, QString *error);
    // Creates the indexes; the generator calls this after the bulk insert, which is faster.
    static bool createIndexes(QSqlDatabase &db, QString *error);
    // Creates what forum-sim's write API keeps beside the forum (SQLite only): the idempotency
    // keys of POSTs, so a retried create is answered from here, also after a restart.
    static bool createWriteTables(QSqlDatabase &db, QString *error);
};

} // namespace Tributary
