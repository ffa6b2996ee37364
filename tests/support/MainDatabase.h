#pragma once

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

namespace Tributary::Test {

// The main database of one test scenario, on the backend the test run was asked for.
//
// TRIBUTARY_TEST_DATABASE=postgres runs a suite on PostgreSQL: each scenario gets a database of
// its own (created here, dropped with the object) on the server that libpq's environment names
// (PGHOST, PGPORT, PGUSER, PGPASSWORD, as pg_virtualenv sets them; scripts/test.sh does this).
// Otherwise, and by default, it is a SQLite file `main.sqlite` in the scenario's directory.
//
// The application's own tables are made by the fixtures (ForumSchema speaks both dialects);
// this class only provides the database, the configuration's "database" object pointing at it,
// and connections of the application's own.
class MainDatabase
{
public:
    // True when this test process runs its scenarios on PostgreSQL.
    static bool onPostgres();
    // "sqlite" or "postgres", for messages and test names.
    static QString backendName();

    explicit MainDatabase(const QString &dir);
    ~MainDatabase();
    MainDatabase(const MainDatabase &) = delete;
    MainDatabase &operator=(const MainDatabase &) = delete;

    // False, with error(), when the database could not be made (no server, no rights).
    bool isReady() const { return m_ready; }
    QString error() const { return m_error; }

    // The configuration's "database" object for this database. The password is read from
    // PGPASSWORD by reference, never written into the file.
    QJsonObject config() const;
    // A connection of the application's own (not Tributary's), opened; check isOpen().
    QSqlDatabase connect(const QString &connectionName) const;
    // Runs statements as the test server's superuser in this database (PostgreSQL: roles and
    // grants); the first failure stops, with *why naming it.
    bool admin(const QStringList &statements, QString *why) const;
    // SQLite: the file. PostgreSQL: the database's name.
    QString name() const { return m_name; }

    // Copies the application tables (users, sections, topics, messages) of a SQLite forum made
    // by ForumGenerator into this database, keys included, and moves the key sequences past
    // them: how a generated main database is made on PostgreSQL. On SQLite, the file is copied.
    bool importForum(const QString &sqlitePath, QString *error) const;

private:
    bool m_ready = false;
    QString m_error;
    QString m_name;
    QString m_dir;
};

} // namespace Tributary::Test
