// An application's edit that is still open when a sync reaches its row. PostgreSQL runs the sync
// and the application side by side under READ COMMITTED: the sync locks a row it is about to write
// (SELECT ... FOR UPDATE) and waits for an open edit of it. Whatever the sync read before that lock
// cannot see the edit, so the captured edit (tributary_edits, decision 0024) has to be read after
// the row: read the other way round, the edit lands in the row but not in the base, looks like
// Tributary's own value, and is overwritten or deleted (a flake of tst_conflicts_pg once caught
// it). These tests hold the edit open until the sync waits for it, so the order is forced.
// PostgreSQL only: SQLite's page transaction holds the database's write lock from its first read,
// so no edit commits between two reads of one page (ctest runs this suite as tst_rowlocks_pg).

#include "SyncFixture.h"

#include "engine/run/Run.h"
#include "store/Database.h"

#include <QDeadlineTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

bool smallForumSynced(SyncFixture &f)
{
    return f.generateMain(forum(10, 3, 10, 10, 1)) && f.generateExternal(forum(20, 5, 20, 50, 2)) && f.startForum() && f.configure()
        && RunResult::statusName(f.sync().status) == QLatin1String("ok");
}

// Another connection that updates one row in a transaction and commits only once some other
// backend waits for a lock it holds (pg_locks: a lock not granted), or after a minute.
class OpenEdit
{
public:
    OpenEdit(const SyncFixture &f, const QString &sql) : m_thread(QThread::create([this, &f, sql] { run(f, sql); })) {}
    ~OpenEdit() { m_thread->wait(); }

    bool start()
    {
        m_thread->start();
        return QTest::qWaitFor([this] { return m_holding.load() || m_failed.load(); }, 60000) && !m_failed;
    }
    bool finish() { return m_thread->wait(60000) && !m_failed; }
    bool someoneWaited() const { return m_waited; }

private:
    void run(const SyncFixture &f, const QString &sql)
    {
        const QString name = QStringLiteral("open-edit");
        {
            QSqlDatabase db = f.mainDatabase().connect(name);
            QSqlQuery q(db);
            if (!db.isOpen() || !db.transaction() || !q.exec(sql)) {
                qWarning("open edit: %s", qPrintable(q.lastError().text()));
                m_failed = true;
            } else {
                m_holding = true;
                const QDeadlineTimer deadline(60000);
                while (!deadline.hasExpired()) {
                    QSqlQuery w(db);
                    // pg_stat_activity is read once per transaction unless its snapshot is cleared.
                    if (w.exec(QStringLiteral("SELECT pg_stat_clear_snapshot()"))
                        && w.exec(QStringLiteral("SELECT query FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))"))
                        && w.next()) {
                        qInfo("waiting for the open edit: %s", qPrintable(w.value(0).toString()));
                        m_waited = true;
                        break;
                    }
                    QThread::msleep(5); // polling another process's state, as QTRY_* does
                }
                m_failed = !db.commit();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_holding{false};
    std::atomic<bool> m_failed{false};
    std::atomic<bool> m_waited{false};
};

} // namespace

class tst_RowLocks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anEditCommittedWhileTheSyncWaitsForItsRowIsKept();
    void anEditCommittedWhileAReconcileWaitsToDeleteItsRowIsKept();
};

void tst_RowLocks::anEditCommittedWhileTheSyncWaitsForItsRowIsKept()
{
    SyncFixture f;
    QVERIFY(smallForumSynced(f));
    const QString local = f.localId(QStringLiteral("topics"), QStringLiteral("6"));
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/6"), {{QStringLiteral("title"), QStringLiteral("Theirs")}}, &status);
    QCOMPARE(status, 200);

    OpenEdit edit(f, QStringLiteral("UPDATE topics SET title = 'Mine' WHERE id = %1").arg(local.toLongLong()));
    QVERIFY(edit.start());
    const RunResult r = f.sync();
    QVERIFY(edit.finish());
    QVERIFY2(edit.someoneWaited(), "the sync never waited for the open edit's row lock");

    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
    // Both sides changed the title: the local one stays, and the difference waits as a conflict.
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {local.toLongLong()}).toString(), QStringLiteral("Mine"));
    QCOMPARE(r.counts.value(QStringLiteral("topics")).conflicts, 1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE status = 'open' AND local_id = ?"), {local}), 1);
}

void tst_RowLocks::anEditCommittedWhileAReconcileWaitsToDeleteItsRowIsKept()
{
    SyncFixture f;
    QVERIFY(smallForumSynced(f));
    // A first reconciliation adds the soft-delete column (DDL would wait for the edit first).
    QCOMPARE(RunResult::statusName(f.sync(RunRequest::reconcile()).status), QStringLiteral("ok"));
    const QString local = f.localId(QStringLiteral("topics"), QStringLiteral("6"));
    int status = 0;
    f.forumCall("DELETE", QStringLiteral("/topics/6"), {}, &status);
    QVERIFY2(status == 200 || status == 204, qPrintable(QString::number(status)));

    OpenEdit edit(f, QStringLiteral("UPDATE topics SET title = 'Mine' WHERE id = %1").arg(local.toLongLong()));
    QVERIFY(edit.start());
    const RunResult r = f.sync(RunRequest::reconcile());
    QVERIFY(edit.finish());
    QVERIFY2(edit.someoneWaited(), "the reconcile never waited for the open edit's row lock");

    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
    // The row the application edited is never deleted unseen: it stays, and the delete waits.
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {local.toLongLong()}).toString(), QStringLiteral("Mine"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE status = 'open' AND kind = 'remote-deleted' AND local_id = ?"), {local}),
             1);
}

QTEST_GUILESS_MAIN(tst_RowLocks)
#include "tst_rowlocks.moc"
