// The trends tab: one source's runs over time (records per second, the lag before each run, what
// went wrong), from the run history a real sync wrote.

#include "SyncFixture.h"

#include "Application.h"
#include "TrendsModel.h"
#include "TrendsView.h"
#include "Workspace.h"
#include "engine/run/Run.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStandardPaths>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Gui;
using namespace Tributary::Test;

class tst_Trends : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void lagIsTheTimeSinceTheLastSuccessStarted();
    void chartsShowWhatTheRunsStored();
};

namespace {
RunRecord run(qint64 id, const QString &kind, const QString &status, const QDateTime &start, int seconds, qint64 fetched)
{
    RunRecord r;
    r.id = id;
    r.source = QStringLiteral("forum");
    r.kind = kind;
    r.status = status;
    r.startedAt = start.toString(Qt::ISODateWithMs);
    r.finishedAt = start.addSecs(seconds).toString(Qt::ISODateWithMs);
    EntityCounts c;
    c.fetched = fetched;
    c.quarantined = id == 3 ? 2 : 0;
    r.counts.insert(QStringLiteral("messages"), c);
    return r;
}
} // namespace

void tst_Trends::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    setLanguageSetting(QStringLiteral("en"));
    QCOMPARE(installTranslations(), QStringLiteral("en")); // the English plural forms
}

void tst_Trends::lagIsTheTimeSinceTheLastSuccessStarted()
{
    const QDateTime t0(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC);
    const QList<RunRecord> runs{
        run(1, QStringLiteral("incremental"), QStringLiteral("ok"), t0, 10, 1000),
        run(2, QStringLiteral("incremental"), QStringLiteral("failed"), t0.addSecs(60), 2, 0),
        run(3, QStringLiteral("webhook"), QStringLiteral("ok"), t0.addSecs(90), 1, 5),
        run(4, QStringLiteral("reconcile"), QStringLiteral("partial"), t0.addSecs(120), 4, 400),
        run(5, QStringLiteral("incremental"), QStringLiteral("ok"), t0.addSecs(180), 1, 10),
    };
    const QList<TrendsModel::Point> p = TrendsModel::pointsFrom(runs);
    QCOMPARE(p.size(), 5);
    QCOMPARE(p.at(0).lagSeconds, -1.0);          // nothing to measure from
    QCOMPARE(p.at(0).recordsPerSecond, 100.0);   // 1,000 in 10 s
    QCOMPARE(p.at(1).lagSeconds, 60.0);          // since run 1 started
    QVERIFY(p.at(1).failed);
    QCOMPARE(p.at(2).lagSeconds, 90.0);          // a failure freshens nothing
    QCOMPARE(p.at(2).quarantined, 2);
    QCOMPARE(p.at(3).lagSeconds, 120.0);         // nor does a webhook run (it fetches only what it names)
    QCOMPARE(p.at(4).lagSeconds, 60.0);          // a partial reconciliation read everything that changed
}

void tst_Trends::chartsShowWhatTheRunsStored()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 10, 1)) && f.generateExternal(forum(20, 4, 20, 300, 2)) && f.startForum());
    const auto fewRetries = [](QJsonObject &root) {
        editSource(root, [](QJsonObject &src) {
            QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
            rest.insert(QStringLiteral("limits"), QJsonObject{{QStringLiteral("max_retries"), 1}});
            src.insert(QStringLiteral("rest"), rest);
        });
    };
    QVERIFY(f.configure(fewRetries));
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    f.stopForum();
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("failed"));

    Workspace workspace;
    QStringList errors;
    QVERIFY2(workspace.open(f.configPath(), &errors), qPrintable(errors.join(QLatin1Char('\n'))));
    TrendsView view(&workspace);
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.source(), QStringLiteral("forum"));
    QCOMPARE(view.model()->rowCount(), 3);
    const QList<TrendsModel::Point> &p = view.model()->points();
    // The first run fetched every record; its rate is what it fetched over its own duration.
    QVERIFY(p.at(0).recordsPerSecond > 0);
    QCOMPARE(p.at(0).lagSeconds, -1.0);
    QVERIFY(p.at(1).lagSeconds >= 0 && p.at(2).lagSeconds >= 0);
    QVERIFY(!p.at(0).failed && !p.at(1).failed && p.at(2).failed);
    // Drawn: one point per run, two lag points, one failure marker.
    QCOMPARE(view.lineSeries(QStringLiteral("rate"))->count(), 3);
    QCOMPARE(view.lineSeries(QStringLiteral("lag"))->count(), 2);
    QCOMPARE(view.failedSeries()->count(), 1);
    QVERIFY2(view.summaryText().contains(QStringLiteral("3 runs since")) && view.summaryText().contains(QStringLiteral("1 failed")),
             qPrintable(view.summaryText()));
    QCOMPARE(view.model()->index(2, TrendsModel::FailedColumn).data().toString(), QStringLiteral("failed"));

    // Another run appears when the workspace reads the runs again.
    QVERIFY(f.startForum());
    QVERIFY(f.configure(fewRetries)); // the forum may listen on another port now
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    workspace.notifyDataChanged();
    QCOMPARE(view.model()->rowCount(), 4);
    QCOMPARE(view.lineSeries(QStringLiteral("rate"))->count(), 4);
}

QTEST_MAIN(tst_Trends)
#include "tst_trends.moc"
