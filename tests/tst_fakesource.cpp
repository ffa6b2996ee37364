// FakeSource must answer as a real source does, or the engine scenarios built on it (tst_engine)
// prove nothing: asynchronously, exactly once, sorted, filtered and paged as the request says.

#include "FakeSource.h"

#include <QSignalSpy>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

// Starts a request and waits for its answer; `error` receives the job's error.
Page fetch(FakeSource &source, const PageRequest &request, Error *error = nullptr)
{
    PageJob *job = source.fetchPage(request);
    QSignalSpy done(job, &SourceJob::finished);
    Page page;
    QObject::connect(job, &SourceJob::finished, job, [&](SourceJob *) {
        page = static_cast<PageJob *>(job)->page();
        if (error)
            *error = job->error();
    });
    job->start();
    if (!done.wait(5000))
        qWarning("no answer");
    return page;
}

PageRequest request(const QString &entity, PageRequest::Mode mode, const QString &since = {}, const QString &token = {})
{
    PageRequest r;
    r.entity = entity;
    r.mode = mode;
    r.since = since;
    r.token = token;
    return r;
}

QStringList ids(const Page &page)
{
    QStringList out;
    for (const QJsonValue &v : page.records)
        out.append(QString::number(v.toObject().value(QStringLiteral("id")).toInteger()));
    return out;
}

} // namespace

class tst_FakeSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersFromTheEventLoopExactlyOnce();
    void abortEndsAHangingRequestOnceWithAborted();
    void incrementalIsInclusiveAndSortedByCursorThenId();
    void keysetCursorsHoldWhilePageNumbersShift();
    void idScansAndCounts();
    void scriptedFaultsCountFromWhenTheyAreScripted();
};

void tst_FakeSource::answersFromTheEventLoopExactlyOnce()
{
    FakeSource source;
    source.user(1, QStringLiteral("Ann"), QStringLiteral("ann@example.org"));
    PageJob *job = source.fetchPage(request(QStringLiteral("users"), PageRequest::Mode::Full));
    QSignalSpy done(job, &SourceJob::finished);
    job->start();
    QCOMPARE(done.size(), 0); // never inside start()
    QVERIFY(done.wait(5000));
    QTest::qWait(0);
    QCOMPARE(done.size(), 1);

    RecordJob *record = source.fetchRecord(QStringLiteral("users"), QStringLiteral("1"));
    QSignalSpy fetched(record, &SourceJob::finished);
    record->start();
    QCOMPARE(fetched.size(), 0);
    QVERIFY(fetched.wait(5000));
    QCOMPARE(source.recordFetches(QStringLiteral("users")), 1);
}

void tst_FakeSource::abortEndsAHangingRequestOnceWithAborted()
{
    FakeSource source;
    source.seedForum(1, 1, 1, 3);
    source.hangPage(QStringLiteral("messages"), 1);
    PageJob *job = source.fetchPage(request(QStringLiteral("messages"), PageRequest::Mode::Incremental));
    QSignalSpy done(job, &SourceJob::finished);
    job->start();
    QVERIFY(!done.wait(100)); // hangs
    job->abort();
    QCOMPARE(done.size(), 1);
    QCOMPARE(job->error().code, Error::Code::Aborted);
    job->abort();
    QCOMPARE(done.size(), 1);
}

void tst_FakeSource::incrementalIsInclusiveAndSortedByCursorThenId()
{
    FakeSource source;
    source.seedForum(1, 1, 1, 4);
    const QString since = source.record(QStringLiteral("messages"), 2).value(QStringLiteral("updated_at")).toString();
    source.edit(QStringLiteral("messages"), 1, {{QStringLiteral("content"), QStringLiteral("moved to the end")}});
    const Page page = fetch(source, request(QStringLiteral("messages"), PageRequest::Mode::Incremental, since));
    QCOMPARE(ids(page), (QStringList{QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("1")}));
    QCOMPARE(page.total, 4);
    QCOMPARE(page.serverTime, source.now());
    QCOMPARE(source.sinceAsked(QStringLiteral("messages")), QStringList{since});
    // Records sharing one timestamp come by id.
    source.bulkEdit(QStringLiteral("messages"), {{QStringLiteral("content"), QStringLiteral("bulk")}}, {4, 2});
    const Page tie = fetch(source, request(QStringLiteral("messages"), PageRequest::Mode::Incremental, since));
    QCOMPARE(ids(tie), (QStringList{QStringLiteral("3"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("4")}));
}

void tst_FakeSource::keysetCursorsHoldWhilePageNumbersShift()
{
    for (bool pageNumbers : {false, true}) {
        FakeSource source;
        source.setPageSize(2);
        if (pageNumbers)
            source.setPageNumbers();
        source.seedForum(1, 1, 1, 6);
        const Page first = fetch(source, request(QStringLiteral("messages"), PageRequest::Mode::Incremental));
        QCOMPARE(ids(first), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
        source.edit(QStringLiteral("messages"), 1, {}); // moves to the end
        const Page second = fetch(source, request(QStringLiteral("messages"), PageRequest::Mode::Incremental, {}, first.nextToken));
        // A keyset position goes on after 2; page 2 of the changed listing skips 3.
        QCOMPARE(ids(second), pageNumbers ? (QStringList{QStringLiteral("4"), QStringLiteral("5")})
                                          : (QStringList{QStringLiteral("3"), QStringLiteral("4")}));
        QCOMPARE(source.predictToken(request(QStringLiteral("messages"), PageRequest::Mode::Incremental), first.nextToken).isEmpty(),
                 !pageNumbers);
    }
}

void tst_FakeSource::idScansAndCounts()
{
    FakeSource source;
    source.setPageSize(2);
    source.seedForum(1, 1, 1, 3);
    const Page scan = fetch(source, request(QStringLiteral("messages"), PageRequest::Mode::Ids));
    QCOMPARE(scan.records.first().toObject().keys(), (QStringList{QStringLiteral("id"), QStringLiteral("updated_at")}));
    QCOMPARE(ids(fetch(source, request(QStringLiteral("messages"), PageRequest::Mode::Ids, {}, scan.nextToken))), QStringList{QStringLiteral("3")});
    PageRequest count = request(QStringLiteral("messages"), PageRequest::Mode::Full);
    count.countOnly = true;
    const Page total = fetch(source, count);
    QCOMPARE(total.total, 3);
    QVERIFY(total.records.isEmpty());
    QCOMPARE(source.pageRequests(QStringLiteral("messages")), 2); // a count is not a page
}

void tst_FakeSource::scriptedFaultsCountFromWhenTheyAreScripted()
{
    FakeSource source;
    source.seedForum(1, 1, 1, 2);
    fetch(source, request(QStringLiteral("messages"), PageRequest::Mode::Full));
    source.failPage(QStringLiteral("messages"), 2, Error::Code::Http);
    Error error;
    fetch(source, request(QStringLiteral("messages"), PageRequest::Mode::Full), &error);
    QVERIFY(!error);
    fetch(source, request(QStringLiteral("messages"), PageRequest::Mode::Full), &error);
    QCOMPARE(error.code, Error::Code::Http);
    QVERIFY2(error.message.startsWith(QStringLiteral("fake://forum/messages?")), qPrintable(error.message));
    source.setPageSize(1);
    source.endWalkAfter(QStringLiteral("messages"), 1);
    QVERIFY(fetch(source, request(QStringLiteral("messages"), PageRequest::Mode::Full)).nextToken.isEmpty()); // says it was the last
    QVERIFY(!fetch(source, request(QStringLiteral("messages"), PageRequest::Mode::Full)).nextToken.isEmpty());

    source.answerNotFound(QStringLiteral("messages"), 1);
    RecordJob *job = source.fetchRecord(QStringLiteral("messages"), QStringLiteral("1"));
    QSignalSpy done(job, &SourceJob::finished);
    bool notFound = false;
    connect(job, &SourceJob::finished, this, [&] { notFound = job->isNotFound() && !job->hasError(); });
    job->start();
    QVERIFY(done.wait(5000));
    QVERIFY(notFound);
}

QTEST_GUILESS_MAIN(tst_FakeSource)
#include "tst_fakesource.moc"
