// What the console announces: each new open conflict and each failed run once, whoever made it
// (here tributaryd, another process on the same main database), nothing that was there when it
// started, and nothing twice. The decision (NotificationTracker) on the database alone; then the
// window's side: the workspace's polling feeds it, the setting turns it off, a click opens the
// view that shows it.

#include "SyncFixture.h"
#include "TopicConflict.h"

#include "Application.h"
#include "ConflictInspector.h"
#include "MainWindow.h"
#include "NotificationTracker.h"
#include "TrayIcon.h"
#include "Workspace.h"

#include "state/RunLog.h"
#include "store/Database.h"

#include <QAction>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Gui;
using namespace Tributary::Test;

namespace {

QString texts(const QList<Notification> &list)
{
    QStringList out;
    for (const Notification &n : list)
        out.append(n.text);
    return out.join(QLatin1String(" | "));
}

// The newest run's error as the run history holds it.
QString lastRunError(SyncFixture &f)
{
    const Result<std::optional<RunRecord>> last = RunLog(f.db()).last(QStringLiteral("forum"));
    return last && *last ? (*last)->error : QString();
}

} // namespace

class tst_Notifications : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void conflictsAndFailuresMadeByTributaryd();
    void aRunStillGoingIsWatchedUntilItEnds();
    void theWindowIsToldAndCanBeToldNot();
};

void tst_Notifications::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QCOMPARE(installTranslations(), QStringLiteral("en")); // English plural forms
}

void tst_Notifications::conflictsAndFailuresMadeByTributaryd()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(10, 3, 10, 20, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    // A conflict that waits already when the console starts.
    makeTopicConflict(f, QStringLiteral("1"));
    QVERIFY(f.sync().total().conflicts > 0);

    // Start-up: what is there is the baseline, announced never.
    NotificationTracker tracker;
    Result<QList<Notification>> news = tracker.poll(f.db());
    QVERIFY2(news, qPrintable(news.error().toString()));
    QVERIFY2(news->isEmpty(), qPrintable(texts(*news)));
    QVERIFY(tracker.hasBaseline());
    news = tracker.poll(f.db());
    QVERIFY(news && news->isEmpty());

    // tributaryd, another process, raises two conflicts: one notification, naming source and count.
    makeTopicConflict(f, QStringLiteral("2"));
    makeTopicConflict(f, QStringLiteral("3"));
    QString out;
    f.tributaryd({QStringLiteral("sync"), QStringLiteral("--quiet")}, &out);
    news = tracker.poll(f.db());
    QVERIFY2(news, qPrintable(news.error().toString()));
    QCOMPARE(news->size(), 1);
    const Notification conflicts = news->first();
    QCOMPARE(conflicts.kind, Notification::Kind::Conflicts);
    QCOMPARE(conflicts.source, QStringLiteral("forum"));
    QCOMPARE(conflicts.count, qint64(2));
    QCOMPARE(conflicts.text, QStringLiteral("forum: 2 new conflicts wait for a decision."));
    QVERIFY(!conflicts.title.isEmpty());
    // Said once.
    news = tracker.poll(f.db());
    QVERIFY2(news && news->isEmpty(), qPrintable(texts(*news)));

    // tributaryd's sync fails (the token was revoked): one notification, naming source and cause.
    QVERIFY(f.tributaryd({QStringLiteral("sync"), QStringLiteral("--quiet")}, &out, {{QStringLiteral("TRIBUTARY_TEST_TOKEN"), QStringLiteral("revoked")}}) != 0);
    const QString cause = lastRunError(f);
    QVERIFY(!cause.isEmpty());
    news = tracker.poll(f.db());
    QVERIFY2(news, qPrintable(news.error().toString()));
    QCOMPARE(news->size(), 1);
    const Notification failed = news->first();
    QCOMPARE(failed.kind, Notification::Kind::FailedRun);
    QCOMPARE(failed.source, QStringLiteral("forum"));
    QVERIFY(failed.runId > 0);
    QVERIFY2(failed.text.startsWith(QStringLiteral("forum: ")), qPrintable(failed.text));
    QVERIFY2(failed.text.contains(cause), qPrintable(failed.text + QStringLiteral(" / ") + cause));
    news = tracker.poll(f.db());
    QVERIFY2(news && news->isEmpty(), qPrintable(texts(*news)));

    // A sync that succeeds says nothing.
    QCOMPARE(f.tributaryd({QStringLiteral("sync"), QStringLiteral("--quiet")}, &out), 0);
    news = tracker.poll(f.db());
    QVERIFY2(news && news->isEmpty(), qPrintable(texts(*news)));

    // Another tracker starting now announces none of it.
    NotificationTracker later;
    QVERIFY(later.baseline(f.db()));
    news = later.poll(f.db());
    QVERIFY2(news && news->isEmpty(), qPrintable(texts(*news)));
}

void tst_Notifications::aRunStillGoingIsWatchedUntilItEnds()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(3, 1, 3, 3, 1)));
    QVERIFY(f.generateExternal(forum(3, 1, 3, 3, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));

    RunLog runs(f.db());
    // A run goes on when the console starts: its failure later is news.
    const Result<qint64> slow = runs.begin(QStringLiteral("forum"), RunKind::Reconcile);
    QVERIFY(slow);
    NotificationTracker tracker;
    QVERIFY(tracker.baseline(f.db()));

    // A later run fails first.
    const Result<qint64> quick = runs.begin(QStringLiteral("forum"), RunKind::Incremental);
    QVERIFY(quick);
    Error e;
    QVERIFY(runs.finish(*quick, RunStatus::Failed, QStringLiteral("the source answered 503"), {}, &e));
    Result<QList<Notification>> news = tracker.poll(f.db());
    QVERIFY(news);
    QCOMPARE(news->size(), 1);
    QCOMPARE(news->first().runId, *quick);
    QCOMPARE(news->first().text, QStringLiteral("forum: the incremental sync failed: the source answered 503"));
    news = tracker.poll(f.db());
    QVERIFY2(news && news->isEmpty(), qPrintable(texts(*news)));

    // Then the one that was going: announced when it ends, and the first not again.
    QVERIFY(runs.finish(*slow, RunStatus::Failed, QStringLiteral("the database is locked"), {}, &e));
    news = tracker.poll(f.db());
    QVERIFY(news);
    QCOMPARE(news->size(), 1);
    QCOMPARE(news->first().runId, *slow);
    QVERIFY2(news->first().text.contains(QStringLiteral("the database is locked")), qPrintable(news->first().text));
    news = tracker.poll(f.db());
    QVERIFY2(news && news->isEmpty(), qPrintable(texts(*news)));

    // A run stopped by a person is no failure to announce.
    const Result<qint64> stopped = runs.begin(QStringLiteral("forum"), RunKind::Incremental);
    QVERIFY(stopped);
    QVERIFY(runs.finish(*stopped, RunStatus::Interrupted, QStringLiteral("stopped"), {}, &e));
    news = tracker.poll(f.db());
    QVERIFY2(news && news->isEmpty(), qPrintable(texts(*news)));
}

void tst_Notifications::theWindowIsToldAndCanBeToldNot()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(10, 3, 10, 20, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    QString out;
    QCOMPARE(f.tributaryd({QStringLiteral("sync"), QStringLiteral("--quiet")}, &out), 0);

    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openConfig(f.configPath()));
    TrayIcon *tray = w.tray();
    QVERIFY(tray);
    QAction *setting = w.findChild<QAction *>(QStringLiteral("actionNotifications"));
    QVERIFY(setting && setting->isCheckable() && setting->isChecked());
    QSignalSpy notified(tray, &TrayIcon::notified);

    // tributaryd raises a conflict; the workspace's polling sees it and the window is told.
    makeTopicConflict(f, QStringLiteral("2"));
    f.tributaryd({QStringLiteral("sync"), QStringLiteral("--quiet")}, &out);
    w.workspace()->checkForChanges();
    QTRY_COMPARE(notified.count(), 1);
    const auto n = notified.first().first().value<Notification>();
    QCOMPARE(n.text, QStringLiteral("forum: 1 new conflict waits for a decision."));
    QVERIFY(tray->hasUnread());
    if (!tray->trayIcon()) // no tray here (offscreen): the status bar says it
        QCOMPARE(w.statusBar()->currentMessage(), n.text);

    // A click on the message: the conflicts, the source selected.
    w.showView(MainWindow::View::Dashboard);
    QSignalSpy opened(tray, &TrayIcon::openRequested);
    if (tray->trayIcon())
        Q_EMIT tray->trayIcon()->messageClicked();
    else
        Q_EMIT tray->openRequested(n.kind, n.source); // what the click asks for, where no tray is
    QCOMPARE(opened.count(), 1);
    QCOMPARE(w.tabs()->currentWidget(), static_cast<QWidget *>(w.conflicts()));
    QCOMPARE(w.currentSource(), QStringLiteral("forum"));

    // Turned off: nothing is said, and what happened meanwhile is not said later either.
    setting->trigger();
    QVERIFY(!TrayIcon::notificationsEnabled());
    QVERIFY(!QSettings().value(QStringLiteral("notifications/enabled")).toBool());
    makeTopicConflict(f, QStringLiteral("3"));
    f.tributaryd({QStringLiteral("sync"), QStringLiteral("--quiet")}, &out);
    w.workspace()->checkForChanges();
    QTest::qWait(100);
    QCOMPARE(notified.count(), 1);
    setting->trigger();
    QVERIFY(TrayIcon::notificationsEnabled());
    tray->check();
    QCOMPARE(notified.count(), 1);
}

QTEST_MAIN(tst_Notifications)
#include "tst_notifications.moc"
