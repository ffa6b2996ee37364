// Test connection, in core: ApiProbe's verdicts (the same as tributaryd probe's) and the first
// page of every entity mapped, nothing written; what it waits for, a stop, the time limit.

#include "SyncFixture.h"

#include "engine/ApiProbe.h"
#include "engine/ConnectionTest.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

// A forum whose every answer takes five seconds: time to look at a test while it waits.
bool startSlowForum(SyncFixture &f)
{
    ForumFaults faults;
    faults.latencyMs = 5000;
    return f.generateMain(forum(5, 1, 2, 5, 1)) && f.generateExternal(forum(5, 1, 2, 5, 2))
        && f.startForum(QStringLiteral("test-token"), faults) && f.configure();
}

// Runs a test to the end; returns false when finished() did not come exactly once.
bool runToEnd(ConnectionTest &test)
{
    QSignalSpy finished(&test, &ConnectionTest::finished);
    test.start();
    if (!finished.wait(60000))
        return false;
    QTest::qWait(0); // a second finished() would be queued behind the first
    return finished.size() == 1 && test.isFinished();
}

// The checks as tributaryd probe --json writes them.
QJsonArray checksOf(const ProbeEntityReport &report)
{
    return report.toJson().value(QStringLiteral("checks")).toArray();
}

} // namespace

class tst_ConnectionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstPageOfEachEntityMappedWithoutWriting();
    void singlePageWhenEverythingFits();
    void wrongTokenIsAnAuthErrorPerEntity();
    void mappingErrorNamesTheFieldAndItsColumn();
    void unreadableCredentialIsAConfigErrorPerEntity();
    void unknownSourceFinishesWithAnError();
    void rawJsonIsBounded();
    void abortFinishesOnce();
    void timeoutAbortsWhatIsStillWaiting();
    void activityNamesTheRequestAndHowLong();
};

void tst_ConnectionTest::firstPageOfEachEntityMappedWithoutWriting()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 2, 5, 20, 1)));
    QVERIFY(f.generateExternal(forum(30, 4, 25, 120, 7)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure(pageSize(10)));
    const qint64 usersBefore = f.scalar(QStringLiteral("SELECT COUNT(*) FROM users"));
    const qint64 messagesBefore = f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages"));

    ConnectionTest test(f.config(), QStringLiteral("forum"));
    QSignalSpy perEntity(&test, &ConnectionTest::entityFinished);
    QVERIFY(runToEnd(test));
    QVERIFY(!test.error());
    QCOMPARE(perEntity.size(), 4);
    QVERIFY(!test.hasFailure());

    // The verdicts are ApiProbe's, as tributaryd probe reports them for the same configuration.
    ApiProbe probe(f.config(), QStringLiteral("forum"));
    QSignalSpy probed(&probe, &ApiProbe::finished);
    probe.start();
    QVERIFY(probed.wait(60000));
    QCOMPARE(probe.reports().size(), test.results().size());
    for (int i = 0; i < test.results().size(); ++i) {
        const ConnectionTestResult &r = test.results().at(i);
        QVERIFY(r.tested);
        QCOMPARE(r.report.checks.size(), 9);
        QCOMPARE(checksOf(r.report), checksOf(probe.reports().at(i)));
        // 120 messages in pages of 10 are too many to count, and forum-sim sends the total on the
        // first page only: nothing to compare it with.
        const bool uncounted = r.entity == QLatin1String("messages");
        for (const ProbeCheck &c : r.report.checks)
            QVERIFY2(c.verdict == ProbeCheck::Verdict::Pass || (uncounted && c.id == QLatin1String("total") && c.verdict == ProbeCheck::Verdict::Unknown),
                     qPrintable(r.entity + QLatin1Char(' ') + c.id + QStringLiteral(": ") + c.message));
    }

    // Run order: referenced entities first.
    QStringList names;
    for (const ConnectionTestResult &r : test.results())
        names.append(r.entity);
    QCOMPARE(names, (QStringList{QStringLiteral("users"), QStringLiteral("sections"), QStringLiteral("topics"), QStringLiteral("messages")}));

    const QHash<QString, qint64> totals{{QStringLiteral("users"), 30}, {QStringLiteral("sections"), 4},
                                        {QStringLiteral("topics"), 25}, {QStringLiteral("messages"), 120}};
    for (const ConnectionTestResult &r : test.results()) {
        QVERIFY2(r.isOk(), qPrintable(r.error.toString()));
        const Page &first = r.report.firstPage;
        QVERIFY2(first.url.contains(QStringLiteral("/") + r.entity) && first.url.contains(QStringLiteral("sort=id")), qPrintable(first.url));
        QCOMPARE(first.total, totals.value(r.entity));
        const EntityCapabilities &caps = r.report.capabilities;
        QCOMPARE(caps.pagination, QStringLiteral("cursor"));
        QVERIFY(caps.incremental);
        QVERIFY(caps.reportsTotal);
        QCOMPARE(caps.cursorField, QStringLiteral("updated_at"));
        const int expected = int(qMin<qint64>(10, first.total));
        QCOMPARE(first.records.size(), expected);
        QCOMPARE(r.records.size(), expected);
        QCOMPARE(!first.nextToken.isEmpty(), first.total > 10);
        QVERIFY(r.absentColumns.isEmpty());
        QCOMPARE(r.mappingErrors, 0);
        QVERIFY(!r.rawTruncated);
        QCOMPARE(QJsonDocument::fromJson(r.rawJson.toUtf8()).array().size(), expected);
    }

    // Values per target column, converted as the sync would write them.
    const ConnectionTestResult *users = test.result(QStringLiteral("users"));
    QCOMPARE(users->table, QStringLiteral("users"));
    QVERIFY(users->columns.contains(QStringLiteral("email")));
    const QJsonObject raw = users->rawRecords.first();
    const MappedRecord &first = users->records.first();
    QCOMPARE(first.externalId, idString(raw.value(QStringLiteral("id"))));
    QCOMPARE(first.values.value(QStringLiteral("email")).toString(), raw.value(QStringLiteral("email")).toString());
    QVERIFY(first.values.value(QStringLiteral("created_at")).toString().contains(QLatin1Char(' '))); // timestamp_format, not ISO

    const ConnectionTestResult *messages = test.result(QStringLiteral("messages"));
    // In the file's key order (QJsonObject sorts keys).
    QCOMPARE(messages->referenceColumns,
             (QStringList{QStringLiteral("parent_id"), QStringLiteral("topic_id"), QStringLiteral("user_id")}));
    const MappedRecord &message = messages->records.first();
    QCOMPARE(message.refs.value(QStringLiteral("topic_id")),
             idString(messages->rawRecords.first().value(QStringLiteral("topic_id"))));

    // Nothing written: not the tables, not Tributary's state.
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM users")), usersBefore);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), messagesBefore);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links")), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_runs")), 0);
}

void tst_ConnectionTest::singlePageWhenEverythingFits()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(12, 3, 6, 30, 3)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    ConnectionTest test(f.config(), QStringLiteral("forum"));
    QVERIFY(runToEnd(test));
    const ConnectionTestResult *users = test.result(QStringLiteral("users"));
    QVERIFY(users->isOk());
    QCOMPARE(users->report.firstPage.records.size(), 12);
    QCOMPARE(users->report.firstPage.total, 12);
    QVERIFY(users->report.firstPage.nextToken.isEmpty());
}

void tst_ConnectionTest::wrongTokenIsAnAuthErrorPerEntity()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(10, 2, 5, 20, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    qputenv("TRIBUTARY_TEST_TOKEN", "not-the-token");
    ConnectionTest test(f.config(), QStringLiteral("forum"));
    QVERIFY(runToEnd(test));
    QVERIFY(!test.error());
    QCOMPARE(test.results().size(), 4);
    for (const ConnectionTestResult &r : test.results()) {
        QVERIFY(r.finished);
        QCOMPARE(r.error.code, Error::Code::Auth);
        QVERIFY2(r.error.message.contains(QStringLiteral("TRIBUTARY_TEST_TOKEN")), qPrintable(r.error.message));
        QVERIFY(!r.error.toString().contains(QStringLiteral("not-the-token")));
        QVERIFY(r.records.isEmpty());
        // The probe's first check says it, with the fix; the others could not tell.
        QCOMPARE(r.report.check(QStringLiteral("request"))->verdict, ProbeCheck::Verdict::Fail);
        QCOMPARE(r.report.check(QStringLiteral("request"))->message, r.error.message);
        QVERIFY(!r.report.check(QStringLiteral("request"))->fix.isEmpty());
        QCOMPARE(r.report.check(QStringLiteral("page_size"))->verdict, ProbeCheck::Verdict::Unknown);
        QVERIFY(r.hasFailure());
    }
    qputenv("TRIBUTARY_TEST_TOKEN", f.token().toUtf8());
}

void tst_ConnectionTest::mappingErrorNamesTheFieldAndItsColumn()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(10, 2, 5, 20, 2)));
    QVERIFY(f.startForum());
    // A text field read as a number: every user fails on "name", the other entities map.
    QVERIFY(f.configure([](QJsonObject &root) {
        setColumn(root, QStringLiteral("users"), QStringLiteral("name"),
                  QJsonObject{{QStringLiteral("field"), QStringLiteral("name")}, {QStringLiteral("type"), QStringLiteral("integer")}});
    }));
    ConnectionTest test(f.config(), QStringLiteral("forum"));
    QVERIFY(runToEnd(test));
    const ConnectionTestResult *users = test.result(QStringLiteral("users"));
    QVERIFY(users->isOk()); // the page itself was fine
    QCOMPARE(users->report.firstPage.records.size(), 10);
    QCOMPARE(users->mappingErrors, 10);
    for (const MappedRecord &m : users->records) {
        QCOMPARE(m.errorField, QStringLiteral("name"));
        QVERIFY2(m.error.contains(QStringLiteral("expected a whole number, got a string")), qPrintable(m.error));
        QCOMPARE(users->columnsForField(m.errorField), QStringList{QStringLiteral("name")});
        QVERIFY(!m.externalId.isEmpty());
    }
    QCOMPARE(test.result(QStringLiteral("sections"))->mappingErrors, 0);
    QCOMPARE(test.result(QStringLiteral("messages"))->mappingErrors, 0);
}

void tst_ConnectionTest::unreadableCredentialIsAConfigErrorPerEntity()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(10, 2, 5, 20, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    const qint64 before = f.forumRequests();
    qunsetenv("TRIBUTARY_TEST_TOKEN");
    ConnectionTest test(f.config(), QStringLiteral("forum"));
    QVERIFY(runToEnd(test));
    for (const ConnectionTestResult &r : test.results()) {
        QCOMPARE(r.error.code, Error::Code::Config);
        QVERIFY2(r.error.message.contains(QStringLiteral("environment variable TRIBUTARY_TEST_TOKEN is not set")), qPrintable(r.error.message));
    }
    QCOMPARE(f.forumRequests(), before); // nothing was sent without the credential
    qputenv("TRIBUTARY_TEST_TOKEN", f.token().toUtf8());
}

void tst_ConnectionTest::unknownSourceFinishesWithAnError()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(5, 1, 2, 5, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    ConnectionTest test(f.config(), QStringLiteral("nope"));
    QVERIFY(runToEnd(test));
    QCOMPARE(test.error().code, Error::Code::NotFound);
    QVERIFY(test.error().message.contains(QStringLiteral("\"nope\"")));
    QVERIFY(test.results().isEmpty());
}

void tst_ConnectionTest::rawJsonIsBounded()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(200, 2, 5, 20, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    ConnectionTest test(f.config(), QStringLiteral("forum"));
    test.setMaxRawBytes(2000);
    test.setMaxRecords(50);
    QVERIFY(runToEnd(test));
    const ConnectionTestResult *users = test.result(QStringLiteral("users"));
    QVERIFY(users->isOk());
    QCOMPARE(users->report.firstPage.records.size(), 200);
    QCOMPARE(users->records.size(), 50); // mapped: the first 50
    QVERIFY(users->rawTruncated);
    QVERIFY(users->rawJson.toUtf8().size() < 2100);
    QVERIFY2(users->rawJson.contains(QStringLiteral("bytes shown)")), qPrintable(users->rawJson.right(80)));
}

void tst_ConnectionTest::abortFinishesOnce()
{
    SyncFixture f;
    QVERIFY(startSlowForum(f));
    ConnectionTest test(f.config(), QStringLiteral("forum"));
    QSignalSpy finished(&test, &ConnectionTest::finished);
    test.start();
    QVERIFY(test.isRunning());
    test.abort();
    QVERIFY(finished.size() == 1 || finished.wait(10000));
    QTest::qWait(0);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(test.error().code, Error::Code::Aborted);
    QVERIFY(test.hasFailure());
    for (const ConnectionTestResult &r : test.results()) {
        QVERIFY(r.finished);
        QVERIFY(!r.tested);
        QCOMPARE(r.error.code, Error::Code::Aborted);
        QVERIFY2(r.error.message.startsWith(QStringLiteral("not tested: ")), qPrintable(r.error.message));
    }
    test.abort(); // harmless afterwards
    QCOMPARE(finished.size(), 1);
}

void tst_ConnectionTest::timeoutAbortsWhatIsStillWaiting()
{
    SyncFixture f;
    QVERIFY(startSlowForum(f));
    ConnectionTest test(f.config(), QStringLiteral("forum"));
    test.setTimeoutMs(300);
    QVERIFY(runToEnd(test));
    for (const ConnectionTestResult &r : test.results()) {
        QCOMPARE(r.error.code, Error::Code::Network);
        QVERIFY2(r.error.message.contains(QStringLiteral("did not finish within 0.3 s")), qPrintable(r.error.message));
    }
}

void tst_ConnectionTest::activityNamesTheRequestAndHowLong()
{
    SyncFixture f;
    QVERIFY(startSlowForum(f));
    ConnectionTest test(f.config(), QStringLiteral("forum"));
    QSignalSpy started(&test, &ConnectionTest::requestStarted);
    QSignalSpy finished(&test, &ConnectionTest::finished);
    QVERIFY(test.activity().entity.isEmpty()); // nothing asked yet
    test.start();
    QCOMPARE(started.size(), 1);
    ApiProbe::Activity a = test.activity();
    QCOMPARE(a.entity, QStringLiteral("users"));
    QCOMPARE(a.step, QStringLiteral("the first page of a full walk"));
    QVERIFY2(a.url.contains(QStringLiteral("/users?")), qPrintable(a.url));
    QVERIFY2(!a.url.contains(f.token()), qPrintable(a.url));
    QTRY_VERIFY(test.activity().waitingMs >= 300);
    QVERIFY(test.isRunning());
    test.abort();
    QVERIFY(finished.size() == 1 || finished.wait(10000));
    QVERIFY(test.activity().entity.isEmpty());
}

QTEST_GUILESS_MAIN(tst_ConnectionTest)
#include "tst_connectiontest.moc"
