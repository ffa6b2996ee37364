// SourceRunner: a run on a worker thread with its own connection and network manager, reporting
// to the thread that owns it through queued signals. Real forum-sim over loopback, real SQLite:
// the run fills the main database, a dry run writes nothing, Stop ends a slow or hanging run
// within seconds, two sources run side by side.

#include "SyncFixture.h"
#include "TestSupport.h"

#include "BuiltinSources.h"
#include "engine/SourceRunner.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

constexpr int kMessages = 600;

std::function<void(QJsonObject &)> pageSize(int size, const std::function<void(QJsonObject &)> &more)
{
    return [size, more](QJsonObject &root) {
        Test::pageSize(size)(root);
        if (more)
            more(root);
    };
}

// What a run delivered to the test's thread, in order.
struct Recorder
{
    explicit Recorder(SourceRunner &runner)
        : finished(&runner, &SourceRunner::finished)
    {
        QObject::connect(&runner, &SourceRunner::started, &runner, [this](const QString &) { note(QStringLiteral("started")); });
        QObject::connect(&runner, &SourceRunner::entityStarted, &runner,
                         [this](const QString &, const QString &e) { note(QStringLiteral("entityStarted ") + e); });
        QObject::connect(&runner, &SourceRunner::progress, &runner, [this](const QString &, const QString &e, const EntityCounts &c) {
            note(QStringLiteral("progress ") + e);
            progress[e].append(c);
        });
        QObject::connect(&runner, &SourceRunner::entityFinished, &runner, [this](const QString &, const QString &e, const EntityCounts &c) {
            note(QStringLiteral("entityFinished ") + e);
            final.insert(e, c);
        });
    }
    void note(const QString &event)
    {
        events.append(event);
        if (QThread::currentThread() != QCoreApplication::instance()->thread())
            foreignThread = true;
    }
    RunResult wait(int ms = 120000)
    {
        if (finished.isEmpty() && !finished.wait(ms)) {
            RunResult timedOut;
            timedOut.status = RunResult::Status::Failed;
            timedOut.error = Error(Error::Code::Internal, QStringLiteral("the run did not finish in time"));
            return timedOut;
        }
        return finished.first().first().value<RunResult>();
    }

    QSignalSpy finished;
    QStringList events;
    QHash<QString, QList<EntityCounts>> progress;
    QHash<QString, EntityCounts> final;
    bool foreignThread = false;
};

qint64 rows(SyncFixture &f, const QString &table) { return f.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)); }

QString state(SyncFixture &f)
{
    QStringList out;
    for (const char *t : {"users", "sections", "topics", "messages", "tributary_runs", "tributary_links", "tributary_cursors"})
        out.append(QStringLiteral("%1=%2").arg(QLatin1String(t)).arg(rows(f, QLatin1String(t))));
    return out.join(QLatin1Char(' '));
}

} // namespace

class tst_SourceRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerBuiltinSources(); }
    void aRunOnTheWorkerThreadFillsTheMainDatabase();
    void progressIsThrottledButTheLastValueArrives();
    void aDryRunWritesNothing();
    void stopEndsALongRunWithinSeconds();
    void stopAbortsARequestThatHangs();
    void destroyingARunningRunnerStopsIt();
    void twoSourcesRunInParallel();
    void startingTwiceIsRefused();
    void aDatabaseThatCannotBeOpenedEndsTheRunAsFailed();
};

void tst_SourceRunner::aRunOnTheWorkerThreadFillsTheMainDatabase()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(40, 4, 30, kMessages, 3)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure(pageSize(50)));

    SourceRunner runner;
    Recorder rec(runner);
    Error error;
    QVERIFY(runner.start(f.config(), QStringLiteral("forum"), RunRequest(), false, &error));
    QVERIFY(runner.isRunning());
    QCOMPARE(runner.source(), QStringLiteral("forum"));
    const RunResult r = rec.wait();
    QVERIFY2(r.status == RunResult::Status::Ok, qPrintable(r.error.toString()));
    QVERIFY(!runner.isRunning());

    // Every signal reached the test's thread, in order: started first, finished last.
    QVERIFY(!rec.foreignThread);
    QCOMPARE(rec.events.first(), QStringLiteral("started"));
    for (const QString &e : {QStringLiteral("users"), QStringLiteral("sections"), QStringLiteral("topics"), QStringLiteral("messages")}) {
        QVERIFY2(rec.events.indexOf(QStringLiteral("entityStarted ") + e) < rec.events.indexOf(QStringLiteral("entityFinished ") + e), qPrintable(e));
        QVERIFY2(!rec.progress.value(e).isEmpty(), qPrintable(e));
        QCOMPARE(rec.progress.value(e).last().fetched, rec.final.value(e).fetched);
    }
    QCOMPARE(rec.final.value(QStringLiteral("messages")).total, kMessages);
    QCOMPARE(r.counts.value(QStringLiteral("messages")).inserted, kMessages);

    // The run wrote through its own connection; the fixture's connection sees all of it.
    QCOMPARE(rows(f, QStringLiteral("messages")), 5 + kMessages);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE source = 'forum' AND entity = 'messages'")), kMessages);
    QCOMPARE(f.value(QStringLiteral("SELECT status FROM tributary_runs WHERE id = ?"), {r.runId}).toString(), QStringLiteral("ok"));
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
}

void tst_SourceRunner::progressIsThrottledButTheLastValueArrives()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(40, 4, 30, kMessages, 3)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure(pageSize(20))); // 30 pages of messages

    SourceRunner runner;
    runner.setProgressInterval(60000);
    Recorder rec(runner);
    QVERIFY(runner.start(f.config(), QStringLiteral("forum"), RunRequest(), false, nullptr));
    const RunResult r = rec.wait();
    QVERIFY2(r.status == RunResult::Status::Ok, qPrintable(r.error.toString()));
    // One update when the entity's first page is applied, one with its last values: not 30.
    const QList<EntityCounts> messages = rec.progress.value(QStringLiteral("messages"));
    QVERIFY2(messages.size() <= 2, qPrintable(QString::number(messages.size())));
    QCOMPARE(messages.last().fetched, kMessages);
    QCOMPARE(rec.final.value(QStringLiteral("messages")).fetched, kMessages);
}

void tst_SourceRunner::aDryRunWritesNothing()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(40, 4, 30, kMessages, 3)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure(pageSize(100)));
    const QString before = state(f);

    SourceRunner runner;
    Recorder rec(runner);
    QVERIFY(runner.start(f.config(), QStringLiteral("forum"), RunRequest(), true, nullptr));
    QVERIFY(runner.isDryRun());
    const RunResult r = rec.wait();
    QVERIFY2(r.status == RunResult::Status::Ok, qPrintable(r.error.toString()));
    QCOMPARE(r.runId, 0);
    // The counts are the real code path's, on the throwaway copy...
    QCOMPARE(r.counts.value(QStringLiteral("messages")).inserted, kMessages);
    QVERIFY(!rec.progress.value(QStringLiteral("messages")).isEmpty());
    // ...and the main database is as it was.
    QCOMPARE(state(f), before);
}

void tst_SourceRunner::stopEndsALongRunWithinSeconds()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(40, 4, 30, kMessages, 3)));
    ForumFaults slow;
    slow.latencyMs = 250; // about 40 pages: ten seconds and more
    QVERIFY(f.startForum(QStringLiteral("test-token"), slow));
    QVERIFY(f.configure(pageSize(20)));

    SourceRunner runner;
    Recorder rec(runner);
    QSignalSpy progress(&runner, &SourceRunner::progress);
    QVERIFY(runner.start(f.config(), QStringLiteral("forum"), RunRequest(), false, nullptr));
    QVERIFY(progress.wait(60000));
    QElapsedTimer latency;
    latency.start();
    runner.stop();
    QVERIFY(runner.isStopping());
    const RunResult r = rec.wait(30000);
    const qint64 ms = latency.elapsed();
    qInfo("stop took %lld ms", ms);
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("interrupted"));
    QCOMPARE(r.error.code, Error::Code::Aborted);
    QVERIFY2(ms < 3000, qPrintable(QString::number(ms)));
    QCOMPARE(f.value(QStringLiteral("SELECT status FROM tributary_runs WHERE id = ?"), {r.runId}).toString(), QStringLiteral("interrupted"));

    // What was applied was applied whole: the next run completes without loss or duplicates.
    Recorder again(runner);
    QVERIFY(runner.start(f.config(), QStringLiteral("forum"), RunRequest(), false, nullptr));
    const RunResult r2 = again.wait();
    QVERIFY2(r2.status == RunResult::Status::Ok, qPrintable(r2.error.toString()));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE source = 'forum' AND entity = 'messages'")), kMessages);
    QCOMPARE(rows(f, QStringLiteral("messages")), 5 + kMessages);
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
}

void tst_SourceRunner::stopAbortsARequestThatHangs()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(20, 3, 10, 50, 2)));
    ForumFaults hang;
    hang.hangRate = 1.0; // no request is ever answered (the client's timeout is 30 s)
    QVERIFY(f.startForum(QStringLiteral("test-token"), hang));
    QVERIFY(f.configure());
    const qint64 before = f.forumRequests();

    SourceRunner runner;
    Recorder rec(runner);
    QVERIFY(runner.start(f.config(), QStringLiteral("forum"), RunRequest(), false, nullptr));
    QTRY_VERIFY_WITH_TIMEOUT(f.forumRequests() > before, 20000);
    QElapsedTimer latency;
    latency.start();
    runner.stop();
    const RunResult r = rec.wait(30000);
    const qint64 ms = latency.elapsed();
    qInfo("stop with a hanging request took %lld ms", ms);
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("interrupted"));
    QVERIFY2(ms < 2000, qPrintable(QString::number(ms)));
}

void tst_SourceRunner::destroyingARunningRunnerStopsIt()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(20, 3, 10, 50, 2)));
    ForumFaults hang;
    hang.hangRate = 1.0;
    QVERIFY(f.startForum(QStringLiteral("test-token"), hang));
    QVERIFY(f.configure());
    const qint64 before = f.forumRequests();

    auto runner = std::make_unique<SourceRunner>();
    QVERIFY(runner->start(f.config(), QStringLiteral("forum"), RunRequest(), false, nullptr));
    QTRY_VERIFY_WITH_TIMEOUT(f.forumRequests() > before, 20000);
    QElapsedTimer latency;
    latency.start();
    runner.reset(); // stops and joins
    QVERIFY2(latency.elapsed() < 2000, qPrintable(QString::number(latency.elapsed())));
    QCOMPARE(f.value(QStringLiteral("SELECT status FROM tributary_runs ORDER BY id DESC LIMIT 1")).toString(), QStringLiteral("interrupted"));
}

void tst_SourceRunner::twoSourcesRunInParallel()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(40, 4, 30, 400, 3)));
    QVERIFY(f.generateSecondExternal(forum(30, 3, 20, 300, 9)));
    ForumFaults slow;
    slow.latencyMs = 10; // long enough for the two runs to overlap
    QVERIFY(f.startForum(QStringLiteral("test-token"), slow));
    QVERIFY(f.startSecondForum());
    QVERIFY(f.configure(pageSize(50, [&](QJsonObject &root) { addSourceCopy(root, QStringLiteral("forum2"), f.secondForumUrl()); })));

    SourceRunner first, second;
    Recorder a(first), b(second);
    QStringList order;
    for (SourceRunner *r : {&first, &second}) {
        connect(r, &SourceRunner::started, r, [&order](const QString &s) { order.append(QStringLiteral("started ") + s); });
        connect(r, &SourceRunner::finished, r, [&order](const RunResult &res) { order.append(QStringLiteral("finished ") + res.source); });
    }
    QVERIFY(first.start(f.config(), QStringLiteral("forum"), RunRequest(), false, nullptr));
    QVERIFY(second.start(f.config(), QStringLiteral("forum2"), RunRequest(), false, nullptr));
    QVERIFY(first.isRunning() && second.isRunning());
    const RunResult ra = a.wait(), rb = b.wait();
    QVERIFY2(ra.status == RunResult::Status::Ok, qPrintable(ra.error.toString()));
    QVERIFY2(rb.status == RunResult::Status::Ok, qPrintable(rb.error.toString()));
    QCOMPARE(ra.source, QStringLiteral("forum"));
    QCOMPARE(rb.source, QStringLiteral("forum2"));
    // Both were running at once.
    QVERIFY2(order.indexOf(QStringLiteral("started forum2")) < order.indexOf(QStringLiteral("finished forum")), qPrintable(order.join(QLatin1Char(','))));
    QVERIFY2(order.indexOf(QStringLiteral("started forum")) < order.indexOf(QStringLiteral("finished forum2")), qPrintable(order.join(QLatin1Char(','))));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE source = 'forum' AND entity = 'messages'")), 400);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE source = 'forum2' AND entity = 'messages'")), 300);
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
    f.verify(&inSync, nullptr, QStringLiteral("forum2"));
    QVERIFY(inSync);
}

void tst_SourceRunner::startingTwiceIsRefused()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(20, 3, 10, 50, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());

    SourceRunner runner;
    Recorder rec(runner);
    Error error;
    QVERIFY(runner.start(f.config(), QStringLiteral("forum"), RunRequest(), false, &error));
    QVERIFY(!runner.start(f.config(), QStringLiteral("forum"), RunRequest(), false, &error));
    QCOMPARE(error.code, Error::Code::Conflict);
    QVERIFY(runner.isRunning());
    QVERIFY(!runner.start(f.config(), QStringLiteral("no-such-source"), RunRequest(), true, &error));
    const RunResult r = rec.wait();
    QVERIFY2(r.status == RunResult::Status::Ok, qPrintable(r.error.toString()));
    QCOMPARE(rec.finished.size(), 1);
    QVERIFY(!runner.isDryRun());

    // Once finished, it runs again; an unknown source is refused without a run.
    error = Error();
    QVERIFY(!runner.start(f.config(), QStringLiteral("no-such-source"), RunRequest(), false, &error));
    QCOMPARE(error.code, Error::Code::NotFound);
    QVERIFY(!runner.isRunning());
    Recorder again(runner);
    QVERIFY(runner.start(f.config(), QStringLiteral("forum"), RunRequest(), false, &error));
    QCOMPARE(RunResult::statusName(again.wait().status), QStringLiteral("ok"));
}

void tst_SourceRunner::aDatabaseThatCannotBeOpenedEndsTheRunAsFailed()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(20, 3, 10, 50, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    Config config = f.config();
    config.database.path = f.path(QStringLiteral("no-such-directory/main.sqlite"));
    config.database.name = QStringLiteral("no_such_database"); // on PostgreSQL

    SourceRunner runner;
    Recorder rec(runner);
    QVERIFY(runner.start(config, QStringLiteral("forum"), RunRequest(), false, nullptr));
    const RunResult r = rec.wait(30000);
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("failed"));
    QCOMPARE(r.error.code, Error::Code::Database);
    QCOMPARE(r.source, QStringLiteral("forum"));
    QVERIFY(!runner.isRunning());
}

QTEST_GUILESS_MAIN(tst_SourceRunner)
#include "tst_sourcerunner.moc"
