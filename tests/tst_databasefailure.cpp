// The main database broken under tributaryd: a state table renamed or dropped, the database
// locked by another writer. Each command says what it could not read or write and exits 1; none
// prints zeros or an empty list as if nothing were there, and each works again once the table is
// back. The real binary, a real SQLite file, a real forum over loopback.

#include "SyncFixture.h"
#include "TopicConflict.h"

#include "store/Database.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

// A second connection to the main database, as another program (or a careless admin) has one.
class Intruder
{
public:
    explicit Intruder(const QString &path) : m_name(QStringLiteral("intruder-%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~Intruder()
    {
        QSqlDatabase::database(m_name).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return false;
        }
        return true;
    }

private:
    static inline int s_count = 0;
    QString m_name;
};

} // namespace

class tst_DatabaseFailure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commandReportsABrokenStateTable_data();
    void commandReportsABrokenStateTable();
    void commandReportsALockedDatabase_data();
    void commandReportsALockedDatabase();
    void readersRunWhileAnotherProgramHoldsTheWriteLock_data();
    void readersRunWhileAnotherProgramHoldsTheWriteLock();

private:
    // A main database synced once from a small forum, with one open conflict and one quarantined
    // record, so that every command has something real to show before the damage.
    bool prepare(SyncFixture &f, int busyTimeoutMs = 10000);
};

bool tst_DatabaseFailure::prepare(SyncFixture &f, int busyTimeoutMs)
{
    if (!f.generateMain(forum(10, 3, 10, 10, 1)) || !f.generateExternal(forum(20, 6, 20, 60, 2)) || !f.startForum())
        return false;
    if (!f.configure([busyTimeoutMs](QJsonObject &root) {
            QJsonObject db = root.value(QStringLiteral("database")).toObject();
            db.insert(QStringLiteral("busy_timeout_ms"), busyTimeoutMs);
            root.insert(QStringLiteral("database"), db);
        }))
        return false;
    if (f.sync().status != RunStatus::Ok)
        return false;
    makeTopicConflict(f, QStringLiteral("3"));
    // A reply to a message the source does not have: quarantined on the next sync. Dated now (by
    // the forum's clock, which is this machine's): a date years ahead would never become the
    // cursor, and every later sync would read it again and end partial.
    if (!f.writeForum(QStringLiteral("INSERT INTO messages (topic_id, user_id, parent_id, content, created_at, updated_at) "
                                     "VALUES (1, 1, 999999, 'an orphan', strftime('%Y-%m-%d %H:%M:%f', 'now'), "
                                     "strftime('%Y-%m-%d %H:%M:%f', 'now'))")))
        return false;
    const RunResult r = f.sync();
    return r.total().conflicts == 1 && r.total().quarantined == 1;
}

void tst_DatabaseFailure::commandReportsABrokenStateTable_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("repair");
    QTest::addColumn<QString>("said"); // what the message must name

    const QString runsAway = QStringLiteral("ALTER TABLE tributary_runs RENAME TO runs_elsewhere");
    const QString runsBack = QStringLiteral("ALTER TABLE runs_elsewhere RENAME TO tributary_runs");
    QTest::newRow("status, runs renamed") << QStringList{QStringLiteral("status")} << runsAway << runsBack
                                          << QStringLiteral("cannot read the runs of source forum");
    QTest::newRow("status --json, quarantine renamed")
        << QStringList{QStringLiteral("status"), QStringLiteral("--json")} << QStringLiteral("ALTER TABLE tributary_quarantine RENAME TO q_elsewhere")
        << QStringLiteral("ALTER TABLE q_elsewhere RENAME TO tributary_quarantine")
        << QStringLiteral("cannot read what the main database holds for source forum");
    QTest::newRow("sync, runs renamed") << QStringList{QStringLiteral("sync")} << runsAway << runsBack
                                        << QStringLiteral("cannot read the runs of source forum");
    QTest::newRow("sync, cursors renamed") << QStringList{QStringLiteral("sync")} << QStringLiteral("ALTER TABLE tributary_cursors RENAME TO c_elsewhere")
                                           << QStringLiteral("ALTER TABLE c_elsewhere RENAME TO tributary_cursors")
                                           << QStringLiteral("no such table: tributary_cursors");
    QTest::newRow("conflicts list, conflicts renamed")
        << QStringList{QStringLiteral("conflicts"), QStringLiteral("list")} << QStringLiteral("ALTER TABLE tributary_conflicts RENAME TO k_elsewhere")
        << QStringLiteral("ALTER TABLE k_elsewhere RENAME TO tributary_conflicts") << QStringLiteral("cannot read the conflicts");
    QTest::newRow("quarantine list, quarantine renamed")
        << QStringList{QStringLiteral("quarantine"), QStringLiteral("list")} << QStringLiteral("ALTER TABLE tributary_quarantine RENAME TO q_elsewhere")
        << QStringLiteral("ALTER TABLE q_elsewhere RENAME TO tributary_quarantine") << QStringLiteral("cannot read the quarantine");
    QTest::newRow("history, change log renamed")
        << QStringList{QStringLiteral("history"), QStringLiteral("topics"), QStringLiteral("1")}
        << QStringLiteral("ALTER TABLE tributary_changes RENAME TO h_elsewhere") << QStringLiteral("ALTER TABLE h_elsewhere RENAME TO tributary_changes")
        << QStringLiteral("cannot read the history of topics 1");
}

void tst_DatabaseFailure::commandReportsABrokenStateTable()
{
    QFETCH(QStringList, command);
    QFETCH(QString, damage);
    QFETCH(QString, repair);
    QFETCH(QString, said);
    SyncFixture f;
    QVERIFY(prepare(f));
    QString out;
    QCOMPARE(f.tributaryd(command, &out), 0);

    {
        Intruder other(f.mainDb());
        QVERIFY(other.exec(damage));
    }
    const int broken = f.tributaryd(command, &out);
    QVERIFY2(broken == 1, qPrintable(QStringLiteral("exit %1: %2").arg(broken).arg(out)));
    QVERIFY2(out.contains(said), qPrintable(out));
    // Never a count or a list that looks like an empty database.
    QVERIFY2(!out.contains(QStringLiteral("No open conflicts")) && !out.contains(QStringLiteral("No records in quarantine")), qPrintable(out));

    {
        Intruder other(f.mainDb());
        QVERIFY(other.exec(repair));
    }
    const int repaired = f.tributaryd(command, &out);
    QVERIFY2(repaired == 0, qPrintable(out));
    if (command == QStringList{QStringLiteral("conflicts"), QStringLiteral("list")})
        QVERIFY2(out.contains(QStringLiteral("topics")), qPrintable(out));
}

void tst_DatabaseFailure::commandReportsALockedDatabase_data()
{
    // Readers are never blocked by a writer (WAL); commands that write wait busy_timeout_ms.
    QTest::addColumn<QStringList>("command");
    QTest::newRow("sync") << QStringList{QStringLiteral("sync")};
    QTest::newRow("reconcile") << QStringList{QStringLiteral("reconcile")};
    QTest::newRow("conflicts resolve") << QStringList{QStringLiteral("conflicts"), QStringLiteral("resolve"), QStringLiteral("--all"),
                                                      QStringLiteral("--keep"), QStringLiteral("local")};
}

void tst_DatabaseFailure::commandReportsALockedDatabase()
{
    QFETCH(QStringList, command);
    SyncFixture f;
    QVERIFY(prepare(f, 300)); // tributaryd waits 300 ms for the write lock, then says so
    // Another program holds the write lock and does not let go.
    Intruder other(f.mainDb());
    QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QVERIFY(other.exec(QStringLiteral("UPDATE users SET name = name WHERE id = 1")));
    QString out;
    const int code = f.tributaryd(command, &out);
    QVERIFY2(code == 1, qPrintable(QStringLiteral("exit %1: %2").arg(code).arg(out)));
    QVERIFY2(out.contains(QStringLiteral("database is locked")), qPrintable(out));
    QVERIFY(other.exec(QStringLiteral("COMMIT")));
    // Once the lock is gone the same command goes through.
    QCOMPARE(f.tributaryd(command, &out), 0);
}

void tst_DatabaseFailure::readersRunWhileAnotherProgramHoldsTheWriteLock_data()
{
    // Commands that only read take no write lock: they answer as they would without the writer,
    // where a write transaction would wait busy_timeout_ms and fail with "database is locked".
    QTest::addColumn<QStringList>("command");
    QTest::newRow("verify") << QStringList{QStringLiteral("verify")};
    QTest::newRow("status") << QStringList{QStringLiteral("status")};
    QTest::newRow("conflicts list") << QStringList{QStringLiteral("conflicts"), QStringLiteral("list")};
    QTest::newRow("quarantine list") << QStringList{QStringLiteral("quarantine"), QStringLiteral("list")};
    QTest::newRow("history") << QStringList{QStringLiteral("history"), QStringLiteral("topics"), QStringLiteral("3")};
}

void tst_DatabaseFailure::readersRunWhileAnotherProgramHoldsTheWriteLock()
{
    QFETCH(QStringList, command);
    SyncFixture f;
    QVERIFY(prepare(f, 300));
    QString unlocked;
    const int expected = f.tributaryd(command, &unlocked);
    QVERIFY2(expected == 0 || (command.first() == QLatin1String("verify") && expected == 5), qPrintable(unlocked));

    Intruder other(f.mainDb());
    QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QVERIFY(other.exec(QStringLiteral("UPDATE users SET name = name WHERE id = 1")));
    QString out;
    const int code = f.tributaryd(command, &out);
    QVERIFY2(code == expected, qPrintable(QStringLiteral("exit %1: %2").arg(code).arg(out)));
    QVERIFY2(!out.contains(QStringLiteral("locked")), qPrintable(out));
    if (command.first() == QLatin1String("verify")) {
        // The same in this process, on a connection of its own.
        bool inSync = false;
        Error error;
        f.verify(&inSync, &error);
        QVERIFY2(!error, qPrintable(error.toString()));
    }
    QVERIFY(other.exec(QStringLiteral("COMMIT")));
}

QTEST_GUILESS_MAIN(tst_DatabaseFailure)
#include "tst_databasefailure.moc"
