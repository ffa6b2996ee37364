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
};

} // namespace Tributary
