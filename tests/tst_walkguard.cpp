// WalkGuard's invariants one page at a time, without a source: what breaks a walk, what does not,
// and that each failure names the configuration key and the evidence. The walks themselves, over
// real HTTP and APIs of other conventions, are tst_matrix's.

#include "engine/run/WalkGuard.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>

using namespace Tributary;

namespace {

// "id:cursor" per record, e.g. "1:2026-03-01T00:00:00Z"; a page answered for `url`.
Page page(const QStringList &records, const QString &next = QString(), qint64 total = -1, const QString &url = QStringLiteral("u"))
{
    Page p;
    for (const QString &r : records) {
        QJsonObject o{{QStringLiteral("id"), r.section(QLatin1Char(':'), 0, 0).toLongLong()}};
        const QString at = r.section(QLatin1Char(':'), 1);
        if (!at.isEmpty())
            o.insert(QStringLiteral("updated_at"), at);
        p.records.append(o);
    }
    p.nextToken = next;
    p.total = total;
    p.url = url;
    return p;
}

EntityCapabilities caps()
{
    EntityCapabilities c;
    c.incremental = true;
    c.cursorField = QStringLiteral("updated_at");
    c.keys.continuation = QStringLiteral("rest.pagination.page_param (\"page\")");
    c.keys.filter = QStringLiteral("rest.incremental.param (\"updated_since\")");
    c.keys.total = QStringLiteral("rest.pagination.total_path (\"meta.total\")");
    return c;
}

// Ten records per page, ids from `first`, all at one time.
QStringList ten(int first, const QString &at = QStringLiteral("2026-03-01T00:00:00Z"))
{
    QStringList out;
    for (int i = first; i < first + 10; ++i)
        out.append(QStringLiteral("%1:%2").arg(i).arg(at));
    return out;
}

using Pages = QList<Page>;

} // namespace

Q_DECLARE_METATYPE(Page)

class tst_WalkGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pages_data();
    void pages();
    void endOfWalk_data();
    void endOfWalk();
    void cursorValues_data();
    void cursorValues();
};

void tst_WalkGuard::pages_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("since");
    QTest::addColumn<Pages>("walk");
    QTest::addColumn<int>("failsAt");   // index of the page that breaks a rule; -1: none does
    QTest::addColumn<QStringList>("says"); // what its message names

    const int inc = int(PageRequest::Mode::Incremental), full = int(PageRequest::Mode::Full);
    QTest::newRow("a walk of three pages") << full << QString() << Pages{page(ten(1), "2"), page(ten(11), "3"), page(ten(21))} << -1
                                           << QStringList();
    QTest::newRow("page 2 repeats page 1: the page parameter is not read")
        << full << QString() << Pages{page(ten(1), "2", -1, "GET1"), page(ten(1), "3", -1, "GET2")} << 1
        << QStringList{"GET2", "GET1", "ids 1, 2, 3, 4, 5, ...", "rest.pagination.page_param"};
    QTest::newRow("a guessed page repeats: said why")
        << full << QString() << Pages{[] { Page p = page(ten(1), "2"); p.guessed = true; return p; }(), page(ten(1))} << 1
        << QStringList{"did not say it was the last"};
    QTest::newRow("pages that overlap (shifted by a delete) are fine")
        << full << QString() << Pages{page(ten(1), "2"), page(ten(10), "3"), page(ten(20))} << -1 << QStringList();
    QTest::newRow("a cursor that cycles: c1 -> c2 -> c3 -> c1")
        << full << QString() << Pages{page(ten(1), "c1", -1, "P0"), page(ten(11), "c2", -1, "P1"), page(ten(21), "c3", -1, "P2"), page(ten(31), "c1", -1, "P3")}
        << 3 << QStringList{"GET P3 leads back", "c1", "GET P1", "rest.pagination.page_param"};
    QTest::newRow("the same cursor again") << full << QString() << Pages{page(ten(1), "c1"), page(ten(11), "c1", -1, "P1")} << 1
                                           << QStringList{"GET P1 leads back"};
    QTest::newRow("records older than since: the filter is ignored")
        << inc << "2026-03-01T00:00:00Z"
        << Pages{page({"1:2026-03-01T00:00:00Z", "2:2026-02-01T10:00:00Z", "3:2026-03-02T00:00:00Z"}, QString(), -1, "F")} << 0
        << QStringList{"GET F", "2026-03-01T00:00:00Z", "2 (updated_at \"2026-02-01T10:00:00Z\")", "rest.incremental.param"};
    QTest::newRow("one microsecond older is older")
        << inc << "2026-03-01T00:00:00.000002Z" << Pages{page({"1:2026-03-01T00:00:00.000001Z"})} << 0 << QStringList{"ignores the change filter"};
    QTest::newRow("the same value and later are fine")
        << inc << "2026-03-01T00:00:00.000001Z" << Pages{page({"1:2026-03-01T00:00:00.000001Z", "2:2026-03-01T00:00:01Z"})} << -1 << QStringList();
    QTest::newRow("a filter that rounds down (a date) is compared as sent")
        << inc << "2026-03-01T10:00:00Z"
        << Pages{[] { Page p = page({"1:2026-03-01T08:00:00Z"}); p.filterFrom = QStringLiteral("2026-03-01T00:00:00.000Z"); return p; }()} << -1
        << QStringList();
    QTest::newRow("unparseable values are the cursor rules' business, not the filter's")
        << inc << "2026-03-01T00:00:00Z" << Pages{page({"1:yesterday", "2:2026-03-02T00:00:00Z"})} << -1 << QStringList();
    QTest::newRow("a full walk has no filter") << full << QString() << Pages{page({"1:2000-01-01T00:00:00Z"})} << -1 << QStringList();
    QTest::newRow("far more records than announced")
        << full << QString() << Pages{page(ten(1), "2", 12), page(ten(11), "3", 12), page(ten(21), "4", 12, "LAST")} << 2
        << QStringList{"read 30 records, more than the 12", "GET LAST", "rest.pagination.total_path", "rest.pagination.page_param"};
    // An incremental walk sorted by updated_at on a busy source: records changed while it goes
    // (after the first answer's Date) come again behind it, many more than the total.
    QTest::newRow("records changed during the walk are read again: no fault")
        << inc << "2026-03-01T00:00:00Z"
        << Pages{[] { Page p = page(ten(1), "c1", 20); p.serverTime = QDateTime(QDate(2026, 3, 1), QTime(0, 0, 10), Qt::UTC); return p; }(),
                 page(ten(11), "c2", 20), page(ten(1, QStringLiteral("2026-03-01T00:00:10Z")), "c3", 20),
                 page(ten(11, QStringLiteral("2026-03-01T00:00:11Z")), "c4", 20), page(ten(1, QStringLiteral("2026-03-01T00:00:12Z")))}
        << -1 << QStringList();
    QTest::newRow("from the beginning, records changed during the walk: no fault")
        << inc << QString()
        << Pages{[] { Page p = page(ten(1), "c1", 20); p.serverTime = QDateTime(QDate(2026, 3, 1), QTime(0, 0, 10), Qt::UTC); return p; }(),
                 page(ten(11), "c2", 20), page(ten(1, QStringLiteral("2026-03-01T00:00:10Z")), "c3", 20),
                 page(QStringList{QStringLiteral("15:2026-03-01T00:00:05Z")} + ten(11, QStringLiteral("2026-03-01T00:00:11Z")), "c4", 20),
                 page(ten(1, QStringLiteral("2026-03-01T00:00:12Z")))}
        << -1 << QStringList();
    QTest::newRow("from the beginning, old records again and again: still a fault")
        << inc << QString()
        << Pages{[] { Page p = page(ten(1), "c1", 20); p.serverTime = QDateTime(QDate(2026, 3, 1), QTime(0, 0, 10), Qt::UTC); return p; }(),
                 page(ten(11), "c2", 20), page(ten(21), "c3", 20), page(ten(31), "c4", 20, "LAST")}
        << 3 << QStringList{"read 40 records, more than the 20"};
    QTest::newRow("old records again and again: still a fault")
        << inc << "2026-03-01T00:00:00Z"
        << Pages{[] { Page p = page(ten(1), "c1", 20); p.serverTime = QDateTime(QDate(2026, 3, 1), QTime(0, 0, 10), Qt::UTC); return p; }(),
                 page(ten(11), "c2", 20), page(ten(21), "c3", 20), page(ten(31), "c4", 20, "LAST")}
        << 3 << QStringList{"read 40 records, more than the 20", "GET LAST"};
    QTest::newRow("a few more than announced: added during the walk")
        << full << QString() << Pages{page(ten(1), "2", 15), page(ten(11), "3", 15), page(ten(21).mid(0, 4))} << -1 << QStringList();
}

void tst_WalkGuard::pages()
{
    QFETCH(int, mode);
    QFETCH(QString, since);
    QFETCH(Pages, walk);
    QFETCH(int, failsAt);
    QFETCH(QStringList, says);

    WalkGuard guard(QStringLiteral("items"), QStringLiteral("id"), caps());
    guard.begin(PageRequest::Mode(mode), since);
    int failed = -1;
    Error error;
    for (int i = 0; i < walk.size() && failed < 0; ++i) {
        error = guard.check(walk.at(i));
        if (error)
            failed = i;
    }
    QCOMPARE(failed, failsAt);
    for (const QString &text : says)
        QVERIFY2(error.message.contains(text), qPrintable(QStringLiteral("\"%1\" not in: %2").arg(text, error.message)));
    if (error)
        QCOMPARE(Error::codeName(error.code), Error::codeName(Error::Code::Parse));
}

void tst_WalkGuard::endOfWalk_data()
{
    QTest::addColumn<Pages>("walk");
    QTest::addColumn<qint64>("walkedBefore"); // a resumed walk: read before the restart (-1: unknown)
    QTest::addColumn<bool>("shortOfTotal");
    QTest::addColumn<qint64>("fresh");        // the recount
    QTest::addColumn<bool>("fails");

    QTest::newRow("read what was announced") << Pages{page(ten(1), "2", 20), page(ten(11), QString(), 20)} << qint64(0) << false << qint64(-1) << false;
    QTest::newRow("the continuation stopped: 10 of 30")
        << Pages{page(ten(1), QString(), 30, "ONLY")} << qint64(0) << true << qint64(30) << true;
    QTest::newRow("records deleted during the walk: the fresh count agrees")
        << Pages{page(ten(1), "2", 22), page(ten(11), QString(), 22)} << qint64(0) << true << qint64(20) << false;
    QTest::newRow("the count could not be asked again") << Pages{page(ten(1), QString(), 30)} << qint64(0) << true << qint64(-1) << true;
    QTest::newRow("resumed after 20 records") << Pages{page(ten(21), QString(), 30)} << qint64(20) << false << qint64(-1) << false;
    QTest::newRow("resumed, the count before unknown: not held to the total")
        << Pages{page(ten(21), QString(), 30)} << qint64(-1) << false << qint64(-1) << false;
    QTest::newRow("no total: nothing to hold it to") << Pages{page(ten(1))} << qint64(0) << false << qint64(-1) << false;
}

void tst_WalkGuard::endOfWalk()
{
    QFETCH(Pages, walk);
    QFETCH(qint64, walkedBefore);
    QFETCH(bool, shortOfTotal);
    QFETCH(qint64, fresh);
    QFETCH(bool, fails);

    WalkGuard guard(QStringLiteral("items"), QStringLiteral("id"), caps());
    guard.begin(PageRequest::Mode::Full, QString(), walkedBefore ? QStringLiteral("t") : QString(), walkedBefore);
    for (const Page &p : walk)
        QVERIFY(!guard.check(p));
    QCOMPARE(guard.isShortOfTotal(), shortOfTotal);
    QVERIFY(guard.recountRequest().countOnly);
    const Error error = guard.checkEnd(fresh);
    QCOMPARE(bool(error), fails);
    if (fails) {
        QVERIFY2(error.message.contains(QStringLiteral("records would be missing")), qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("rest.pagination.page_param")), qPrintable(error.message));
    }
}

void tst_WalkGuard::cursorValues_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem"); // a part of it; empty: none

    QTest::newRow("empty: the beginning") << QString() << QString();
    QTest::newRow("ISO 8601") << "2026-03-01T09:00:00.000000Z" << QString();
    QTest::newRow("unix seconds") << "1772355600" << QString();
    QTest::newRow("23 hours ahead of the clock") << "2026-03-02T08:00:00Z" << QString();
    QTest::newRow("not a time") << "yesterday" << "not a time";
    QTest::newRow("year 9999") << "9999-12-31T23:59:59Z" << "more than a day after the source's clock (2026-03-01T09:00:00Z)";
    QTest::newRow("25 hours ahead") << "2026-03-02T10:00:00Z" << "more than a day after";
}

void tst_WalkGuard::cursorValues()
{
    QFETCH(QString, value);
    QFETCH(QString, problem);
    const QDateTime clock(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    const QString got = WalkGuard::cursorProblem(value, clock);
    if (problem.isEmpty())
        QVERIFY2(got.isEmpty(), qPrintable(got));
    else
        QVERIFY2(got.contains(problem), qPrintable(got));
    QCOMPARE(WalkGuard::isTime(value), !value.isEmpty() && problem != QLatin1String("not a time"));
}

QTEST_GUILESS_MAIN(tst_WalkGuard)
#include "tst_walkguard.moc"
