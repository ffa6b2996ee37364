#include "BenchDatabase.h"

#include "Bench.h"

#include "ChildProcesses.h"
#include "DatabaseArgument.h"
#include "Tr.h"

#include "forum-sim/ForumSchema.h"
#include "store/Database.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSqlQuery>

namespace Tributary::Cli {

namespace {

// The Good Forum's tables, parents first (created in this order, dropped in the reverse).
const QStringList &forumTables()
{
    static const QStringList tables = {QStringLiteral("users"), QStringLiteral("sections"), QStringLiteral("topics"),
                                       QStringLiteral("messages")};
    return tables;
}

bool isTributaryTable(const QString &table)
{
    return table.startsWith(QLatin1String("tributary_"));
}

} // namespace

void removeSqlite(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

BenchDatabase::BenchDatabase() = default;

BenchDatabase::~BenchDatabase() = default;

bool BenchDatabase::setUp(const QString &url, const QString &passwordEnv, const QString &sqlitePath, QTextStream &err)
{
    m_url = url;
    m_passwordEnv = passwordEnv;
    m_sqlitePath = sqlitePath;
    m_configPath = QFileInfo(sqlitePath).absoluteDir().filePath(QStringLiteral("tributary.json"));
    if (!isPostgres()) {
        if (!passwordEnv.isEmpty()) {
            err << "tributaryd bench: --database-password-env: " << Tr::tr("only a PostgreSQL database has a password") << "\n";
            return false;
        }
        return reset(err);
    }
    if (!connection(err))
        return false;
    // Never a database with data in it: the benchmark drops what it made.
    QStringList found;
    for (const QString &table : m_db->tables()) {
        if (forumTables().contains(table) || isTributaryTable(table))
            found.append(table);
    }
    if (!found.isEmpty()) {
        found.sort();
        err << "tributaryd bench: "
            << Tr::tr("the database %1 already has the tables %2. The benchmark needs a database without the forum's and Tributary's "
                      "tables (it creates them and drops them at the end): make one for it, for example with createdb.")
                   .arg(argument(), found.join(QStringLiteral(", ")))
            << "\n";
        return false;
    }
    return createTables(err);
}

bool BenchDatabase::reset(QTextStream &err)
{
    if (!isPostgres()) {
        disconnect();
        removeSqlite(m_sqlitePath);
        // forum-sim makes the application's empty tables, as the demo's main database.
        return generateForum(m_sqlitePath, ForumSize(), 1, err);
    }
    return dropTables(err) && createTables(err);
}

void BenchDatabase::tearDown()
{
    if (!isPostgres() || !m_created)
        return;
    QString discarded;
    QTextStream sink(&discarded);
    dropTables(sink);
    disconnect();
}

Database *BenchDatabase::connection(QTextStream &err)
{
    if (m_db && m_db->isOpen())
        return m_db.get();
    QString error;
    if (isPostgres()) {
        QJsonObject object;
        if (databaseObject(m_url, m_configPath, m_passwordEnv, &object, &error))
            m_db = openDatabaseObject(object, m_configPath, &error);
    } else {
        Error e;
        m_db = Database::openSqliteReader(m_sqlitePath, &e);
        error = e.toString();
    }
    if (!m_db) {
        err << "tributaryd bench: " << Tr::tr("cannot open the main database %1: %2").arg(argument(), error) << "\n";
        return nullptr;
    }
    return m_db.get();
}

void BenchDatabase::disconnect()
{
    m_db.reset();
}

bool BenchDatabase::createTables(QTextStream &err)
{
    Database *db = connection(err);
    if (!db)
        return false;
    QString error;
    if (!ForumSchema::createTables(db->db(), &error)) {
        err << "tributaryd bench: " << Tr::tr("cannot create the forum's tables in %1: %2").arg(argument(), error) << "\n";
        return false;
    }
    m_created = true;
    return true;
}

bool BenchDatabase::dropTables(QTextStream &err)
{
    Database *db = connection(err);
    if (!db)
        return false;
    QStringList drop;
    for (const QString &table : db->tables()) {
        if (forumTables().contains(table) || isTributaryTable(table))
            drop.append(db->quote(table));
    }
    if (drop.isEmpty())
        return true;
    Error e;
    if (!db->exec(QStringLiteral("DROP TABLE IF EXISTS %1 CASCADE").arg(drop.join(QStringLiteral(", "))), &e)) {
        err << "tributaryd bench: " << Tr::tr("cannot drop the benchmark's tables in %1: %2").arg(argument(), e.toString()) << "\n";
        return false;
    }
    return true;
}

BenchDatabase::Sizes BenchDatabase::sizes(QTextStream &err)
{
    Sizes sizes;
    Database *db = connection(err);
    if (!db)
        return sizes;
    // Each table with its indexes (and, on PostgreSQL, its TOAST data).
    const QString sql = isPostgres() ? QStringLiteral("SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c "
                                                      "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                                      "WHERE c.relkind = 'r' AND n.nspname = current_schema()")
                                     : QStringLiteral("SELECT m.tbl_name, SUM(s.pgsize) FROM dbstat s "
                                                      "JOIN sqlite_schema m ON m.name = s.name GROUP BY m.tbl_name");
    QSqlQuery q(db->db());
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return sizes; // SQLite built without the dbstat table: the file's size is still printed
    sizes.application = sizes.tributary = 0;
    while (q.next())
        (isTributaryTable(q.value(0).toString()) ? sizes.tributary : sizes.application) += q.value(1).toLongLong();
    return sizes;
}

} // namespace Tributary::Cli
