// The soak: forum-sim with continuous churn (edits, new messages, deletes, bulk edits) and every
// fault at once, while tributaryd syncs and reconciles and is killed at random instants. Then the
// churn stops and one quiet sync plus one reconciliation must leave verify passing.
//
// Seeded: the seed is printed; TRIBUTARY_TEST_SEED replays a run, TRIBUTARY_SOAK_SECONDS makes
// the churn phase longer (CI: 30 s).

#include "SyncFixture.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {


std::function<void(QJsonObject &)> soakConfig()
{
    return [](QJsonObject &root) {
        QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
        QJsonObject src = sources.at(0).toObject();
        QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
        QJsonObject pagination = rest.value(QStringLiteral("pagination")).toObject();
        pagination.insert(QStringLiteral("page_size"), 200);
        rest.insert(QStringLiteral("pagination"), pagination);
        rest.insert(QStringLiteral("limits"), QJsonObject{{QStringLiteral("timeout_ms"), 1000}, {QStringLiteral("max_retries"), 12},
                                                          {QStringLiteral("backoff_ms"), 50}, {QStringLiteral("max_backoff_ms"), 1000}});
        src.insert(QStringLiteral("rest"), rest);
        src.insert(QStringLiteral("overlap_seconds"), 5);
        sources.replace(0, src);
        root.insert(QStringLiteral("sources"), sources);
    };
}

} // namespace

class tst_Soak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void churnFaultsAndKillsThenOneQuietRunIsInSync();
};

void tst_Soak::churnFaultsAndKillsThenOneQuietRunIsInSync()
{
    const quint64 seed = quint64(envInt("TRIBUTARY_TEST_SEED", int(QDateTime::currentMSecsSinceEpoch() % 1000000)));
    const int seconds = envInt("TRIBUTARY_SOAK_SECONDS", 30);
    qInfo("seed %llu (replay with TRIBUTARY_TEST_SEED=%llu), %d s of churn", seed, seed, seconds);
    QRandomGenerator rng(seed);

    SyncFixture f;
    ForumGeneratorOptions main;
    main.users = 100;
    main.sections = 10;
    main.topics = 200;
    main.messages = 500;
    main.seed = 3;
    QVERIFY(f.generateMain(main));
    ForumGeneratorOptions ext;
    ext.users = 500;
    ext.sections = 20;
    ext.topics = 1000;
    ext.messages = 10000;
    ext.seed = seed;
    QVERIFY(f.generateExternal(ext));
    ForumFaults faults;
    faults.latencyMs = 2;
    faults.errorRate = 0.1;
    faults.rateLimit = 80;
    faults.malformedRate = 0.03;
    faults.hangRate = 0.01;
    QVERIFY(f.startForum(QStringLiteral("test-token"), faults, seed, 40));
    QVERIFY(f.configure(soakConfig()));

    const Environment env{{QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token()}};
    int runs = 0, killed = 0, reconciles = 0;
    QElapsedTimer soak;
    soak.start();
    // At least four runs however slow the machine, so that some are killed.
    while (soak.elapsed() < seconds * 1000 || runs < 4) {
        const bool reconcile = rng.bounded(4u) == 0;
        TributarydProcess p(env);
        QVERIFY(p.start({reconcile ? QStringLiteral("reconcile") : QStringLiteral("sync"), QStringLiteral("--quiet"), QStringLiteral("--config"),
                         f.configPath()}));
        ++runs;
        reconciles += reconcile ? 1 : 0;
        // Every other run is killed at a random instant (unless it ended before); the others run
        // to their end.
        if (runs % 2 == 1 && !p.waitForFinished(100 + int(rng.bounded(1400u)))) {
            p.kill();
            ++killed;
        }
        QVERIFY(p.waitForFinished(120000));
        // Whatever happened, nothing is half-written and nothing dangles.
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM (SELECT entity, local_id FROM tributary_links WHERE origin = 'inserted' "
                                         "GROUP BY 1, 2 HAVING COUNT(*) > 1) AS twice")), 0);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages m LEFT JOIN topics t ON t.id = m.topic_id WHERE t.id IS NULL")), 0);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages m LEFT JOIN messages p ON p.id = m.parent_id "
                                         "WHERE m.parent_id IS NOT NULL AND p.id IS NULL")), 0);
    }
    qInfo("%d runs (%d reconciliations), %d killed, %lld records linked", runs, reconciles, killed,
          f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links")));
    QVERIFY(killed > 0);

    // The churn stops (and the faults with it): one quiet sync and one reconciliation.
    f.stopForum();
    QVERIFY(f.startForum(QStringLiteral("test-token"), ForumFaults(), seed, 0));
    QVERIFY(f.configure(soakConfig()));
    const RunResult quiet = f.sync();
    QVERIFY2(quiet.status == RunResult::Status::Ok || quiet.status == RunResult::Status::Partial, qPrintable(quiet.error.toString()));
    const RunRequest sweep = RunRequest::reconcile();
    const RunResult reconciled = f.sync(sweep);
    QVERIFY2(reconciled.status == RunResult::Status::Ok || reconciled.status == RunResult::Status::Partial, qPrintable(reconciled.error.toString()));
    qInfo("quiet sync wrote %lld, reconciliation deleted %lld and wrote %lld", quiet.total().written(), reconciled.total().deleted,
          reconciled.total().written());
    // What is held back is only what the churn made unresolvable (replies to deleted messages).
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_quarantine WHERE reason NOT LIKE '%does not exist at the source (404)' "
                                     "AND reason NOT LIKE '%which is quarantined'")), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_pending")), 0);
    bool inSync = false;
    Error error;
    f.verify(&inSync, &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QVERIFY(inSync);
}

QTEST_GUILESS_MAIN(tst_Soak)
#include "tst_soak.moc"
