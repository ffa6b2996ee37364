#pragma once

#include <QString>
#include <QTextStream>
#include <memory>

namespace Tributary {
class Database;
}

namespace Tributary::Cli {

// The main database a benchmark syncs into, with the application's (the Good Forum's) empty
// tables: an SQLite file in the benchmark's directory, or a PostgreSQL database named by a
// postgresql:// URL (DatabaseArgument.h). A PostgreSQL database must hold none of the forum's
// tables and none of Tributary's when the benchmark starts: the benchmark creates them and drops
// them again at the end (or before each round), so it never touches an application's data.
class BenchDatabase
{
public:
    BenchDatabase();
    ~BenchDatabase();

    // `url` empty: SQLite at `sqlitePath`. False with the reason on `err`.
    bool setUp(const QString &url, const QString &passwordEnv, const QString &sqlitePath, QTextStream &err);
    // Empty again: the tables dropped and created (PostgreSQL), or a new file (SQLite).
    bool reset(QTextStream &err);
    // Drops what setUp() created (PostgreSQL; the SQLite file stays for inspection).
    void tearDown();

    bool isPostgres() const { return !m_url.isEmpty(); }
    // For InitOptions::database and for people: the file, or the URL (which never carries a
    // password).
    QString argument() const { return isPostgres() ? m_url : m_sqlitePath; }
    QString passwordEnv() const { return m_passwordEnv; }

    // Bytes held by the application's tables (with their indexes) and by Tributary's
    // (tributary_*); -1 each when the database cannot tell.
    struct Sizes
    {
        qint64 application = -1;
        qint64 tributary = -1;
    };
    Sizes sizes(QTextStream &err);

    // A connection of the benchmark's own (reads the runs of workers); null when it cannot open.
    Database *connection(QTextStream &err);
    // Closes it (before reset(), and before the children are gone).
    void disconnect();

private:
    bool createTables(QTextStream &err);
    bool dropTables(QTextStream &err);

    QString m_url;
    QString m_passwordEnv;
    QString m_sqlitePath;
    QString m_configPath; // where a configuration naming the database would live (relative paths)
    std::unique_ptr<Database> m_db;
    bool m_created = false;
};

} // namespace Tributary::Cli
