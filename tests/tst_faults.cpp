// What real APIs do to a sync: many records sharing one timestamp, a run stopped in the middle of
// them, transient errors, rate limits, malformed and truncated bodies, hanging requests, revoked
// tokens. Real forum-sim over loopback with seeded faults; the seed is printed.

#include "SyncFixture.h"

#include "BuiltinSources.h"
#include "engine/SourceRegistry.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {


// Edits the source object of the configuration before it is loaded.
std::function<void(QJsonObject &)> editRest(const std::function<void(QJsonObject &rest)> &edit)
{
    return [edit](QJsonObject &root) {
        editSource(root, [&edit](QJsonObject &src) {
            QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
            edit(rest);
            src.insert(QStringLiteral("rest"), rest);
        });
    };
}

void setObject(QJsonObject &parent, const QString &key, const QJsonObject &values)
{
    QJsonObject o = parent.value(key).toObject();
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        o.insert(it.key(), it.value());
    parent.insert(key, o);
}

quint64 seedFromEnvironment()
{
    bool ok = false;
    const int s = qEnvironmentVariableIntValue("TRIBUTARY_TEST_SEED", &ok);
    return ok ? quint64(s) : quint64(QDateTime::currentMSecsSinceEpoch() % 1000000);
}

} // namespace

class tst_Faults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerBuiltinSources(); }
    void moreRecordsShareATimestampThanFitInAPage_data();
    void moreRecordsShareATimestampThanFitInAPage();
    void aRunStoppedInsideATieGroupResumesWithoutLossOrDuplicates();
    void recordsEditedDuringAPageNumberWalkAreNotLost();
    void editsInsideATieGroupBeingPagedAreCaughtByTheReread();
    void aLateWriterIsCaughtByTheOverlapWindow();
    void everyFaultAtOnceStillSyncsCompletely();
    void aRevokedTokenStopsAtOnceWithoutARetryStorm();
};

void tst_Faults::moreRecordsShareATimestampThanFitInAPage_data()
{
    QTest::addColumn<QJsonObject>("pagination");
    QTest::newRow("cursor (the preset)") << QJsonObject{{QStringLiteral("page_size"), 50}};
    QTest::newRow("page numbers") << QJsonObject{{QStringLiteral("style"), QStringLiteral("page")}, {QStringLiteral("page_size"), 50},
                                                 {QStringLiteral("page_param"), QStringLiteral("page")},
                                                 {QStringLiteral("page_size_param"), QStringLiteral("per_page")},
                                                 {QStringLiteral("last_page_path"), QStringLiteral("meta.last_page")}};
}

void tst_Faults::moreRecordsShareATimestampThanFitInAPage()
{
    QFETCH(QJsonObject, pagination);
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(30, 4, 20, 800, 6)));
    // A bulk edit: 500 messages with one updated_at, ten times a page.
    QVERIFY(f.writeForum(QStringLiteral("UPDATE messages SET updated_at = '2026-10-01 12:00:00.000000' WHERE id BETWEEN 101 AND 600")));
    QVERIFY(f.startForum());
    QVERIFY(f.configure(editRest([&](QJsonObject &rest) {
        QJsonObject p = rest.value(QStringLiteral("pagination")).toObject();
        if (pagination.contains(QStringLiteral("style")))
            p = QJsonObject();
        for (auto it = pagination.constBegin(); it != pagination.constEnd(); ++it)
            p.insert(it.key(), it.value());
        rest.insert(QStringLiteral("pagination"), p);
    })));

    RunResult r = f.sync();
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
    QCOMPARE(r.counts.value(QStringLiteral("messages")).inserted, 800);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")), 800);
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
    r = f.sync();
    QCOMPARE(r.total().written(), 0);
}

void tst_Faults::aRunStoppedInsideATieGroupResumesWithoutLossOrDuplicates()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(30, 4, 20, 300, 6)));
    // Every message shares one updated_at: the whole walk is one tie group.
    QVERIFY(f.writeForum(QStringLiteral("UPDATE messages SET updated_at = '2026-10-01 12:00:00.000000'")));
    QVERIFY(f.startForum());
    QVERIFY(f.configure(editRest([](QJsonObject &rest) { setObject(rest, QStringLiteral("pagination"), {{QStringLiteral("page_size"), 40}}); })));

    // Stop after the second page of messages: the cursor is inside the tie group.
    QNetworkAccessManager nam;
    const SourceConfig &source = f.config().sources.first();
    std::unique_ptr<Source> impl = SourceRegistry::create(source, &nam);
    const std::unique_ptr<Run> owned = Run::create(f.db(), f.config(), source, impl.get(), RunRequest());
    Run &run = *owned;
    int messagePages = 0;
    QObject::connect(&run, &Run::progress, &run, [&](const QString &entity, const EntityCounts &) {
        if (entity == QLatin1String("messages") && ++messagePages == 2)
            run.stop();
    });
    QSignalSpy done(&run, &Run::finished);
    run.start();
    QVERIFY(done.wait(60000));
    QCOMPARE(RunResult::statusName(run.result().status), QStringLiteral("interrupted"));
    const qint64 applied = f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'"));
    QCOMPARE(applied, 80);

    // The next run asks again from the same timestamp; the 80 already applied are skipped.
    const RunResult r = f.sync();
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
    const EntityCounts m = r.counts.value(QStringLiteral("messages"));
    QCOMPARE(m.skipped, 80);
    QCOMPARE(m.inserted, 220);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")), 300);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), 5 + 300);
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
}

void tst_Faults::recordsEditedDuringAPageNumberWalkAreNotLost()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(30, 4, 20, 600, 6)));
    QVERIFY(f.startForum());
    // Page numbers over a result set sorted by updated_at: the convention that shifts under edits.
    QVERIFY(f.configure(editRest([](QJsonObject &rest) {
        rest.insert(QStringLiteral("pagination"), QJsonObject{{QStringLiteral("style"), QStringLiteral("page")},
                                                              {QStringLiteral("page_size"), 50},
                                                              {QStringLiteral("page_param"), QStringLiteral("page")},
                                                              {QStringLiteral("page_size_param"), QStringLiteral("per_page")},
                                                              {QStringLiteral("last_page_path"), QStringLiteral("meta.last_page")}});
        setObject(rest, QStringLiteral("limits"), {{QStringLiteral("concurrency"), 1}});
    })));

    // While messages are being walked, the forum edits ten messages that were already read: they
    // move to the end of the updated_at order, and everything after them moves up ten places.
    QSqlDatabase ext = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("forum-writer"));
    ext.setDatabaseName(f.externalDb());
    QVERIFY(ext.open());
    QStringList firstIds;
    {
        QSqlQuery q(ext);
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM messages ORDER BY updated_at, id LIMIT 10")));
        while (q.next())
            firstIds.append(q.value(0).toString());
    }
    QNetworkAccessManager nam;
    const SourceConfig &source = f.config().sources.first();
    std::unique_ptr<Source> impl = SourceRegistry::create(source, &nam);
    const std::unique_ptr<Run> owned = Run::create(f.db(), f.config(), source, impl.get(), RunRequest());
    Run &run = *owned;
    int messagePages = 0;
    QObject::connect(&run, &Run::progress, &run, [&](const QString &entity, const EntityCounts &) {
        if (entity != QLatin1String("messages") || ++messagePages != 3)
            return;
        QSqlQuery q(ext);
        QVERIFY(q.exec(QStringLiteral("UPDATE messages SET content = content || ' (edited)', "
                                      "updated_at = '2026-12-31 00:00:00.000000' WHERE id IN (%1)").arg(firstIds.join(QLatin1Char(',')))));
    });
    QSignalSpy done(&run, &Run::finished);
    run.start();
    QVERIFY(done.wait(60000));
    QCOMPARE(RunResult::statusName(run.result().status), QStringLiteral("ok"));
    ext.close();
    ext = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("forum-writer"));

    // By the next incremental run at the latest, every message is there with its latest values.
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")), 600);
    for (const QString &id : std::as_const(firstIds))
        QVERIFY(f.value(QStringLiteral("SELECT content FROM messages WHERE id = ?"), {f.localId(QStringLiteral("messages"), id).toLongLong()})
                    .toString().endsWith(QStringLiteral(" (edited)")));
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
}

void tst_Faults::editsInsideATieGroupBeingPagedAreCaughtByTheReread()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(30, 4, 20, 300, 6)));
    QSqlDatabase ext = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("forum-writer"));
    ext.setDatabaseName(f.externalDb());
    QVERIFY(ext.open());
    {
        QSqlQuery q(ext);
        QVERIFY(q.exec(QStringLiteral("UPDATE messages SET updated_at = '2026-10-01 12:00:00.000000'")));
    }
    QVERIFY(f.startForum());
    QVERIFY(f.configure(editRest([](QJsonObject &rest) {
        rest.insert(QStringLiteral("pagination"), QJsonObject{{QStringLiteral("style"), QStringLiteral("page")},
                                                              {QStringLiteral("page_size"), 40},
                                                              {QStringLiteral("page_param"), QStringLiteral("page")},
                                                              {QStringLiteral("page_size_param"), QStringLiteral("per_page")}});
        setObject(rest, QStringLiteral("limits"), {{QStringLiteral("concurrency"), 1}});
    })));

    // All 300 messages share one updated_at: the walk pages through one tie group by page numbers.
    // After its second page, five messages of the first page are edited: they leave the group and
    // every later member moves up five places, five of them across a page boundary.
    QNetworkAccessManager nam;
    const SourceConfig &source = f.config().sources.first();
    std::unique_ptr<Source> impl = SourceRegistry::create(source, &nam);
    const std::unique_ptr<Run> owned = Run::create(f.db(), f.config(), source, impl.get(), RunRequest());
    Run &run = *owned;
    int messagePages = 0;
    QObject::connect(&run, &Run::progress, &run, [&](const QString &entity, const EntityCounts &) {
        if (entity != QLatin1String("messages") || ++messagePages != 2)
            return;
        QSqlQuery q(ext);
        QVERIFY(q.exec(QStringLiteral("UPDATE messages SET content = content || ' (edited)', updated_at = '2026-12-31 00:00:00.000000' "
                                      "WHERE id IN (SELECT id FROM messages ORDER BY id LIMIT 5)")));
    });
    QSignalSpy done(&run, &Run::finished);
    run.start();
    QVERIFY(done.wait(60000));
    QCOMPARE(RunResult::statusName(run.result().status), QStringLiteral("ok"));
    // In this one run: the re-read of the group found the five that moved across a boundary.
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")), 300);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE content LIKE '% (edited)'")), 5);
    ext.close();
    ext = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("forum-writer"));
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
}

void tst_Faults::aLateWriterIsCaughtByTheOverlapWindow()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(30, 4, 20, 200, 6)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));

    // A writer at the source commits a message whose updated_at is two seconds before the newest
    // one Tributary has already read (its transaction started earlier and finished later).
    QVERIFY(f.writeForum(QStringLiteral("INSERT INTO messages (topic_id, user_id, parent_id, content, created_at, updated_at) "
                                        "SELECT 1, 1, NULL, 'late writer', updated_at, "
                                        "strftime('%Y-%m-%d %H:%M:%f000', updated_at, '-2 seconds') FROM messages ORDER BY updated_at DESC LIMIT 1")));

    // Without an overlap the late record is behind the cursor: the run does not see it, and
    // verify says so.
    RunResult r = f.sync();
    QCOMPARE(r.counts.value(QStringLiteral("messages")).inserted, 0);
    bool inSync = true;
    const Verifier::EntityReport messages = f.verify(&inSync).last();
    QCOMPARE(messages.missing, 1);
    QVERIFY(!inSync);
    // It says what brings the record back and what does not. forum-sim's id scan agrees with the
    // walk (the record is in both); its total counts one row more than the main database links.
    const QString said = messages.examples.value(0);
    QVERIFY2(said.contains(QStringLiteral(": not in the main database. An incremental sync will not bring it back (its updated_at "))
                 && said.contains(QStringLiteral("tributaryd sync --full --source forum brings it. So does tributaryd reconcile --source forum.")),
             qPrintable(said));
    QCOMPARE(messages.check(Verifier::Check::Kind::Walk)->outcome, Verifier::Check::Outcome::Passed);
    QCOMPARE(messages.check(Verifier::Check::Kind::IdScan)->outcome, Verifier::Check::Outcome::Passed);
    const Verifier::Check *total = messages.check(Verifier::Check::Kind::Total);
    QCOMPARE(total->outcome, Verifier::Check::Outcome::Failed);
    QVERIFY2(total->text.contains(QStringLiteral("1 fewer than the source counts. The missing and extra records above account for the difference.")),
             qPrintable(total->text));

    // With a ten-second overlap the next run asks from a little earlier and catches it; what it
    // re-reads is found unchanged and not written.
    QVERIFY(f.configure([](QJsonObject &root) {
        editSource(root, [](QJsonObject &src) { src.insert(QStringLiteral("overlap_seconds"), 10); });
    }));
    r = f.sync();
    const EntityCounts m = r.counts.value(QStringLiteral("messages"));
    QCOMPARE(m.inserted, 1);
    QCOMPARE(m.updated, 0);
    QCOMPARE(r.total().written(), 1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE content = 'late writer'")), 1);
    f.verify(&inSync);
    QVERIFY(inSync);
}

void tst_Faults::everyFaultAtOnceStillSyncsCompletely()
{
    const quint64 seed = seedFromEnvironment();
    qInfo("seed %llu (replay with TRIBUTARY_TEST_SEED=%llu)", seed, seed);
    SyncFixture f;
    QVERIFY(f.generateMain(forum(50, 5, 50, 200, 1)));
    QVERIFY(f.generateExternal(forum(200, 10, 200, 3000, 12)));
    ForumFaults faults;
    faults.errorRate = 0.2;
    faults.rateLimit = 20;
    faults.malformedRate = 0.05;
    faults.hangRate = 0.02;
    QVERIFY(f.startForum(QStringLiteral("test-token"), faults, seed));
    // A short transfer timeout so a hanging request costs a second, not the default thirty.
    QVERIFY(f.configure(editRest([](QJsonObject &rest) {
        setObject(rest, QStringLiteral("pagination"), {{QStringLiteral("page_size"), 50}});
        setObject(rest, QStringLiteral("limits"), {{QStringLiteral("timeout_ms"), 1000}, {QStringLiteral("max_retries"), 12},
                                                   {QStringLiteral("backoff_ms"), 100}, {QStringLiteral("max_backoff_ms"), 2000}});
    })));

    const TributarydProcess::Result r = TributarydProcess::run(
        {QStringLiteral("sync"), QStringLiteral("--quiet"), QStringLiteral("--config"), f.configPath()},
        {{QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token()}}, {}, 600000);
    const QString out = r.out;
    qInfo("%s", qPrintable(out));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(out.contains(QStringLiteral("OK in")));
    QVERIFY2(out.contains(QStringLiteral("requests were retried after transient failures")), qPrintable(out));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")), 3000);
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
}

void tst_Faults::aRevokedTokenStopsAtOnceWithoutARetryStorm()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(20, 3, 10, 50, 2)));
    QVERIFY(f.startForum(QStringLiteral("the-real-token")));
    QVERIFY(f.configure());
    const qint64 before = f.forumRequests();
    const TributarydProcess::Result r = TributarydProcess::run({QStringLiteral("sync"), QStringLiteral("--config"), f.configPath()},
                                                               {{QStringLiteral("TRIBUTARY_TEST_TOKEN"), QStringLiteral("a-revoked-token")}}, {},
                                                               60000);
    QCOMPARE(r.exitCode, 4);
    const QString out = r.out;
    QCOMPARE(out.count(QStringLiteral("Error: ")), 1);
    QVERIFY2(out.contains(QStringLiteral("check the bearer token (environment variable TRIBUTARY_TEST_TOKEN)")), qPrintable(out));
    // One request, refused, and nothing more: no retries, no other entity tried.
    QCOMPARE(f.forumRequests() - before, 1);
}

QTEST_GUILESS_MAIN(tst_Faults)
#include "tst_faults.moc"
