#include "MainDatabase.h"

#include "forum-sim/ForumSchema.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

namespace Tributary::Test {

namespace {

QAtomicInt s_counter;

QString env(const char *name, const QString &fallback = {})
{
    const QString v = qEnvironmentVariable(name);
    return v.isEmpty() ? fallback : v;
}

// A connection (not yet opened) to `database` on the server libpq's environment names, in UTC
// and without the server's NOTICE lines.
QSqlDatabase addPostgres(const QString &connectionName, const QString &database)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(env("PGHOST", QStringLiteral("localhost")));
    db.setPort(env("PGPORT", QStringLiteral("5432")).toInt());
    db.setUserName(env("PGUSER", QStringLiteral("postgres")));
    db.setPassword(env("PGPASSWORD"));
    db.setDatabaseName(database);
    db.setConnectOptions(QStringLiteral("options='-c TimeZone=UTC -c client_min_messages=warning'"));
    return db;
}

// A connection to the server's maintenance database, for CREATE and DROP DATABASE.
class Maintenance
{
public:
    Maintenance() : m_name(QStringLiteral("test-maintenance-%1").arg(s_counter.fetchAndAddRelaxed(1)))
    {
        QSqlDatabase db = addPostgres(m_name, env("PGDATABASE", QStringLiteral("postgres")));
        db.open();
    }
    ~Maintenance()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool exec(const QString &sql, QString *error)
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (!db.isOpen()) {
            *error = QStringLiteral("cannot reach the PostgreSQL server for the tests (PGHOST=%1 PGPORT=%2 PGUSER=%3; "
                                    "run the suites through scripts/test.sh, which starts one with pg_virtualenv): %4")
                         .arg(env("PGHOST"), env("PGPORT"), env("PGUSER"), db.lastError().text());
            return false;
        }
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            *error = q.lastError().text() + QStringLiteral(" in: ") + sql;
            return false;
        }
        return true;
    }

private:
    QString m_name;
};

} // namespace

bool MainDatabase::onPostgres()
{
    return qEnvironmentVariable("TRIBUTARY_TEST_DATABASE") == QLatin1String("postgres");
}

QString MainDatabase::backendName()
{
    return onPostgres() ? QStringLiteral("postgres") : QStringLiteral("sqlite");
}

MainDatabase::MainDatabase(const QString &dir) : m_dir(dir)
{
    if (!onPostgres()) {
        m_name = QDir(dir).filePath(QStringLiteral("main.sqlite"));
        m_ready = true;
        return;
    }
    // Unique across the suites ctest runs side by side, and across runs that were killed.
    m_name = QStringLiteral("tributary_test_%1_%2").arg(QCoreApplication::applicationPid()).arg(s_counter.fetchAndAddRelaxed(1));
    Maintenance m;
    m_ready = m.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name), &m_error)
              && m.exec(QStringLiteral("CREATE DATABASE %1").arg(m_name), &m_error);
}

MainDatabase::~MainDatabase()
{
    if (!onPostgres() || !m_ready)
        return;
    Maintenance m;
    QString error;
    // WITH (FORCE): a tributaryd the scenario killed may still hold a connection for a moment.
    if (!m.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name), &error))
        qWarning("MainDatabase: cannot drop %s: %s", qPrintable(m_name), qPrintable(error));
}

QJsonObject MainDatabase::config() const
{
    if (!onPostgres())
        return {{QStringLiteral("path"), QStringLiteral("main.sqlite")}};
    return {{QStringLiteral("driver"), QStringLiteral("postgres")},
            {QStringLiteral("host"), env("PGHOST", QStringLiteral("localhost"))},
            {QStringLiteral("port"), env("PGPORT", QStringLiteral("5432")).toInt()},
            {QStringLiteral("name"), m_name},
            {QStringLiteral("user"), env("PGUSER", QStringLiteral("postgres"))},
            {QStringLiteral("password"), QJsonObject{{QStringLiteral("env"), QStringLiteral("PGPASSWORD")}}}};
}

bool MainDatabase::admin(const QStringList &statements, QString *why) const
{
    const QString name = QStringLiteral("test-admin-%1").arg(s_counter.fetchAndAddRelaxed(1));
    bool ok = true;
    {
        QSqlDatabase db = connect(name);
        QSqlQuery q(db);
        for (const QString &sql : statements) {
            if (!db.isOpen() || !q.exec(sql)) {
                *why = (db.isOpen() ? q.lastError().text() : db.lastError().text()) + QStringLiteral(" in: ") + sql;
                ok = false;
                break;
            }
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QSqlDatabase MainDatabase::connect(const QString &connectionName) const
{
    if (!onPostgres()) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(m_name);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        db.open();
        return db;
    }
    // The application's session speaks UTC, like the times the scenarios write.
    QSqlDatabase db = addPostgres(connectionName, m_name);
    db.open();
    return db;
}

bool MainDatabase::importForum(const QString &sqlitePath, QString *error) const
{
    if (!onPostgres()) {
        QFile::remove(m_name);
        if (!QFile::copy(sqlitePath, m_name)) {
            *error = QStringLiteral("cannot copy %1 to %2").arg(sqlitePath, m_name);
            return false;
        }
        return true;
    }
    const QString from = QStringLiteral("import-from-%1").arg(s_counter.fetchAndAddRelaxed(1));
    const QString to = QStringLiteral("import-to-%1").arg(s_counter.fetchAndAddRelaxed(1));
    bool ok = true;
    {
        QSqlDatabase src = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), from);
        src.setDatabaseName(sqlitePath);
        QSqlDatabase dst = connect(to);
        if (!src.open() || !dst.isOpen()) {
            *error = QStringLiteral("cannot open %1 or %2: %3 %4")
                         .arg(sqlitePath, m_name, src.lastError().text(), dst.lastError().text());
            ok = false;
        }
        // Parents first, so the foreign keys hold at every row.
        const QStringList tables = {QStringLiteral("users"), QStringLiteral("sections"), QStringLiteral("topics"),
                                    QStringLiteral("messages")};
        if (ok && !ForumSchema::createTables(dst, error))
            ok = false;
        if (ok)
            ok = dst.transaction();
        for (const QString &table : tables) {
            if (!ok)
                break;
            QSqlQuery read(src);
            read.setForwardOnly(true);
            if (!read.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table))) {
                *error = read.lastError().text();
                ok = false;
                break;
            }
            const QSqlRecord r = read.record();
            QStringList names, marks;
            for (int i = 0; i < r.count(); ++i) {
                names.append(r.fieldName(i));
                marks.append(QStringLiteral("?"));
            }
            QSqlQuery write(dst);
            if (!write.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(table, names.join(u','), marks.join(u',')))) {
                *error = write.lastError().text();
                ok = false;
                break;
            }
            while (ok && read.next()) {
                for (int i = 0; i < r.count(); ++i)
                    write.bindValue(i, read.value(i));
                if (!write.exec()) {
                    *error = QStringLiteral("%1: %2").arg(table, write.lastError().text());
                    ok = false;
                }
            }
            QSqlQuery seq(dst);
            if (ok && !seq.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                               "COALESCE((SELECT MAX(id) FROM %1), 0) + 1, false)").arg(table))) {
                *error = seq.lastError().text();
                ok = false;
            }
        }
        if (ok && !dst.commit()) {
            *error = dst.lastError().text();
            ok = false;
        }
        if (!ok && dst.isOpen())
            dst.rollback();
        src.close();
        dst.close();
    }
    QSqlDatabase::removeDatabase(from);
    QSqlDatabase::removeDatabase(to);
    return ok;
}

} // namespace Tributary::Test
