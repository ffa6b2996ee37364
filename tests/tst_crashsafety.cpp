// Killing tributaryd at any instant loses nothing and duplicates nothing; SIGTERM and SIGINT stop
// it within seconds with the page in flight committed or rolled back whole. The real binary, a
// real forum over loopback (with a little latency so a sync lasts long enough to be hit), real
// SQLite files.
//
// The kill instants are drawn from a seed, printed at the start; set TRIBUTARY_TEST_SEED to
// replay a run, TRIBUTARY_CRASH_KILLS and TRIBUTARY_CRASH_MESSAGES for a longer one.

#include "SyncFixture.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <csignal>

using namespace Tributary;
using namespace Tributary::Test;

namespace {


ForumGeneratorOptions forum(int messages, quint64 seed)
{
    ForumGeneratorOptions o;
    o.users = qMax(50, messages / 20);
    o.sections = 20;
    o.topics = qMax(20, messages / 10);
    o.messages = messages;
    o.seed = seed;
    return o;
}

// `tributaryd sync --quiet` on the fixture's configuration, started; the test picks the instant
// it dies.
bool startSync(TributarydProcess &run, const SyncFixture &f)
{
    return run.start({QStringLiteral("sync"), QStringLiteral("--quiet"), QStringLiteral("--config"), f.configPath()});
}

Environment tokenOf(const SyncFixture &f) { return {{QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token()}}; }

} // namespace

class tst_CrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomKillsLoseAndDuplicateNothing();
    void terminateStopsWithinSecondsAndResumes_data();
    void terminateStopsWithinSecondsAndResumes();
};

void tst_CrashSafety::randomKillsLoseAndDuplicateNothing()
{
    const quint64 seed = quint64(envInt("TRIBUTARY_TEST_SEED", int(QDateTime::currentMSecsSinceEpoch() % 1000000)));
    const int kills = envInt("TRIBUTARY_CRASH_KILLS", 20);
    const int messages = envInt("TRIBUTARY_CRASH_MESSAGES", 50000);
    qInfo("seed %llu (replay with TRIBUTARY_TEST_SEED=%llu), %d kills, %d messages", seed, seed, kills, messages);
    QRandomGenerator rng(seed);

    ForumFaults slow;
    slow.latencyMs = 4; // a sync long enough to be interrupted many times

    // The reference: one uninterrupted sync.
    SyncFixture reference;
    QVERIFY(reference.generateMain(forum(300, 7)));
    QVERIFY(reference.generateExternal(forum(messages, 42)));
    QVERIFY(reference.startForum(QStringLiteral("test-token"), slow, seed));
    QVERIFY(reference.configure());
    QCOMPARE(RunResult::statusName(reference.sync().status), QStringLiteral("ok"));
    const QString expected = reference.contentInSourceTerms();
    const qint64 expectedRecords = reference.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links"));

    // The same databases, synced by a tributaryd that is killed again and again.
    SyncFixture f;
    QVERIFY(f.generateMain(forum(300, 7)));
    QVERIFY(f.generateExternal(forum(messages, 42)));
    QVERIFY(f.startForum(QStringLiteral("test-token"), slow, seed));
    // Smaller pages: more transactions, so more kills land inside one or right at its commit.
    QVERIFY(f.configure([](QJsonObject &root) {
        QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
        QJsonObject src = sources.at(0).toObject();
        QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
        QJsonObject pagination = rest.value(QStringLiteral("pagination")).toObject();
        pagination.insert(QStringLiteral("page_size"), 200);
        rest.insert(QStringLiteral("pagination"), pagination);
        src.insert(QStringLiteral("rest"), rest);
        sources.replace(0, src);
        root.insert(QStringLiteral("sources"), sources);
    }));

    int killed = 0, completed = 0;
    QList<qint64> progress;
    for (int i = 0; i < kills && completed == 0; ++i) {
        TributarydProcess run(tokenOf(f));
        QVERIFY(startSync(run, f));
        // A random instant: anywhere in start-up, a page's transaction, a commit, the end.
        const int delayMs = 60 + int(rng.bounded(340u));
        if (!run.waitForFinished(delayMs)) {
            run.kill();
            QVERIFY(run.waitForFinished(10000));
            QVERIFY(run.crashed());
            ++killed;
        } else {
            ++completed;
        }
        progress.append(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links")));
        // Whatever instant it died at, nothing is half-written: every linked row exists, no row
        // is linked twice, nothing dangles.
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links l LEFT JOIN messages m ON l.entity = 'messages' AND m.id = CAST(l.local_id AS INTEGER) "
                                         "WHERE l.entity = 'messages' AND m.id IS NULL")), 0);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM (SELECT entity, local_id FROM tributary_links WHERE origin = 'inserted' "
                                         "GROUP BY 1, 2 HAVING COUNT(*) > 1) AS twice")), 0);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages m LEFT JOIN topics t ON t.id = m.topic_id WHERE t.id IS NULL")), 0);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages m LEFT JOIN messages p ON p.id = m.parent_id "
                                         "WHERE m.parent_id IS NOT NULL AND p.id IS NULL")), 0);
    }
    qInfo("killed %d times; records linked after each run: %s", killed,
          qPrintable([&] { QStringList l; for (qint64 p : progress) l.append(QString::number(p)); return l.join(QLatin1Char(' ')); }()));
    QVERIFY2(killed >= qMin(kills, 5), "the sync must actually have been interrupted");

    // One clean run brings it to exactly the uninterrupted result.
    const RunResult last = f.sync();
    QCOMPARE(RunResult::statusName(last.status), QStringLiteral("ok"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links")), expectedRecords);
    QCOMPARE(f.contentInSourceTerms(), expected);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), reference.scalar(QStringLiteral("SELECT COUNT(*) FROM messages")));
    // The killed runs are recorded as such: every run but the clean ones (the last, and the one
    // that finished before its kill came, on a fast machine). A kill that landed before its run
    // was recorded (while connecting, say) leaves no run behind.
    const qint64 interrupted = f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_runs WHERE status = 'interrupted'"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_runs WHERE status = 'ok'")), 1 + completed);
    QCOMPARE(interrupted, f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_runs")) - 1 - completed);
    QVERIFY2(interrupted <= killed && interrupted >= killed / 2, qPrintable(QStringLiteral("%1 interrupted, %2 killed").arg(interrupted).arg(killed)));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_runs WHERE status = 'running'")), 0);
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
}

void tst_CrashSafety::terminateStopsWithinSecondsAndResumes_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void tst_CrashSafety::terminateStopsWithinSecondsAndResumes()
{
    QFETCH(int, signal);
    SyncFixture f;
    QVERIFY(f.generateMain(forum(100, 7)));
    QVERIFY(f.generateExternal(forum(30000, 9)));
    ForumFaults slow;
    slow.latencyMs = 20;
    QVERIFY(f.startForum(QStringLiteral("test-token"), slow));
    QVERIFY(f.configure());

    TributarydProcess run(tokenOf(f));
    QVERIFY(startSync(run, f));
    // Once messages are being applied, ask it to stop.
    QTRY_VERIFY_WITH_TIMEOUT(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")) > 0, 60000);
    QElapsedTimer stopping;
    stopping.start();
    run.signal(signal);
    QVERIFY(run.waitForFinished(10000));
    qInfo("stopped %lld ms after the signal", stopping.elapsed());
    QVERIFY(!run.crashed());
    QCOMPARE(run.exitCode(), 6);
    QVERIFY(run.out().contains(QStringLiteral("INTERRUPTED")));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_runs WHERE status = 'interrupted'")), 1);
    // The cursor stands exactly at what was applied: the next run resumes, adds the rest once.
    const qint64 before = f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'"));
    QVERIFY(before < 30000);
    const RunResult resumed = f.sync();
    QCOMPARE(RunResult::statusName(resumed.status), QStringLiteral("ok"));
    QCOMPARE(resumed.counts.value(QStringLiteral("messages")).inserted, 30000 - before);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")), 30000);
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
}

QTEST_GUILESS_MAIN(tst_CrashSafety)
#include "tst_crashsafety.moc"
