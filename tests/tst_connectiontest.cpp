// Test connection: the first page of every entity, fetched and mapped, nothing written.

#include "SyncFixture.h"

#include "engine/ConnectionTest.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

void setPageSize(QJsonObject &root, int pageSize)
{
    editSource(root, [pageSize](QJsonObject &src) {
        QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
        QJsonObject pagination = rest.value(QStringLiteral("pagination")).toObject();
        pagination.insert(QStringLiteral("page_size"), pageSize);
        rest.insert(QStringLiteral("pagination"), pagination);
        src.insert(QStringLiteral("rest"), rest);
    });
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
};

void tst_ConnectionTest::firstPageOfEachEntityMappedWithoutWriting()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 2, 5, 20, 1)));
    QVERIFY(f.generateExternal(forum(30, 4, 25, 120, 7)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure([](QJsonObject &root) { setPageSize(root, 10); }));
    const qint64 usersBefore = f.scalar(QStringLiteral("SELECT COUNT(*) FROM users"));
    const qint64 messagesBefore = f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages"));

    ConnectionTest test(f.config(), QStringLiteral("forum"));
    QSignalSpy perEntity(&test, &ConnectionTest::entityFinished);
    QVERIFY(runToEnd(test));
    QVERIFY(!test.error());
    QCOMPARE(perEntity.size(), 4);

    // Run order: referenced entities first.
    QStringList names;
    for (const ConnectionTestResult &r : test.results())
        names.append(r.entity);
    QCOMPARE(names, (QStringList{QStringLiteral("users"), QStringLiteral("sections"), QStringLiteral("topics"), QStringLiteral("messages")}));

    const QHash<QString, qint64> totals{{QStringLiteral("users"), 30}, {QStringLiteral("sections"), 4},
                                        {QStringLiteral("topics"), 25}, {QStringLiteral("messages"), 120}};
    for (const ConnectionTestResult &r : test.results()) {
        QVERIFY2(r.isOk(), qPrintable(r.error.toString()));
        QVERIFY2(r.url.contains(QStringLiteral("/") + r.entity) && r.url.contains(QStringLiteral("sort=id")), qPrintable(r.url));
        QCOMPARE(r.total, totals.value(r.entity));
        QCOMPARE(r.capabilities.pagination, QStringLiteral("cursor"));
        QVERIFY(r.capabilities.incremental);
        QVERIFY(r.capabilities.reportsTotal);
        QCOMPARE(r.capabilities.cursorField, QStringLiteral("updated_at"));
        const int expected = int(qMin<qint64>(10, r.total));
        QCOMPARE(r.recordCount, expected);
        QCOMPARE(r.records.size(), expected);
        QCOMPARE(r.hasNextPage, r.total > 10);
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
    QCOMPARE(users->recordCount, 12);
    QCOMPARE(users->total, 12);
    QVERIFY(!users->hasNextPage);
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
        editSource(root, [](QJsonObject &src) {
            QJsonArray entities = src.value(QStringLiteral("entities")).toArray();
            QJsonObject users = entities.at(0).toObject();
            QJsonObject columns = users.value(QStringLiteral("columns")).toObject();
            columns.insert(QStringLiteral("name"), QJsonObject{{QStringLiteral("field"), QStringLiteral("name")},
                                                               {QStringLiteral("type"), QStringLiteral("integer")}});
            users.insert(QStringLiteral("columns"), columns);
            entities.replace(0, users);
            src.insert(QStringLiteral("entities"), entities);
        });
    }));
    ConnectionTest test(f.config(), QStringLiteral("forum"));
    QVERIFY(runToEnd(test));
    const ConnectionTestResult *users = test.result(QStringLiteral("users"));
    QVERIFY(users->isOk()); // the page itself was fine
    QCOMPARE(users->recordCount, 10);
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
    QCOMPARE(users->recordCount, 200);
    QCOMPARE(users->records.size(), 50); // mapped: the first 50
    QVERIFY(users->rawTruncated);
    QVERIFY(users->rawJson.toUtf8().size() < 2100);
    QVERIFY2(users->rawJson.contains(QStringLiteral("bytes shown)")), qPrintable(users->rawJson.right(80)));
}

void tst_ConnectionTest::abortFinishesOnce()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(5, 1, 2, 5, 2)));
    ForumFaults faults;
    faults.latencyMs = 5000;
    QVERIFY(f.startForum(QStringLiteral("test-token"), faults));
    QVERIFY(f.configure());
    ConnectionTest test(f.config(), QStringLiteral("forum"));
    QSignalSpy finished(&test, &ConnectionTest::finished);
    test.start();
    QVERIFY(test.isRunning());
    test.abort();
    QVERIFY(finished.size() == 1 || finished.wait(10000));
    QTest::qWait(0);
    QCOMPARE(finished.size(), 1);
    for (const ConnectionTestResult &r : test.results())
        QCOMPARE(r.error.code, Error::Code::Aborted);
    test.abort(); // harmless afterwards
    QCOMPARE(finished.size(), 1);
}

void tst_ConnectionTest::timeoutAbortsWhatIsStillWaiting()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(5, 1, 2, 5, 2)));
    ForumFaults faults;
    faults.latencyMs = 5000;
    QVERIFY(f.startForum(QStringLiteral("test-token"), faults));
    QVERIFY(f.configure());
    ConnectionTest test(f.config(), QStringLiteral("forum"));
    test.setTimeoutMs(300);
    QVERIFY(runToEnd(test));
    for (const ConnectionTestResult &r : test.results()) {
        QCOMPARE(r.error.code, Error::Code::Network);
        QVERIFY2(r.error.message.contains(QStringLiteral("no answer within 0.3 s")), qPrintable(r.error.message));
    }
}

QTEST_GUILESS_MAIN(tst_ConnectionTest)
#include "tst_connectiontest.moc"
