// The dashboard: Sync now fills the main database while the progress bars move and the window
// keeps answering; Preview counts without writing; Stop ends a slow sync within seconds; a failed
// run says why in red. Real forum-sim over loopback, real SQLite, offscreen widgets.

#include "SyncFixture.h"
#include "TestSupport.h"

#include "BuiltinSources.h"
#include "DashboardView.h"
#include "StatusColors.h"
#include "Workspace.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Tributary;
using namespace Tributary::Gui;
using namespace Tributary::Test;

namespace {

constexpr int kMessages = 1000;
const QString kForum = QStringLiteral("forum");

bool forumWith(SyncFixture &f, const ForumFaults &faults, int pageSize_, const QString &token = QStringLiteral("test-token"))
{
    return f.generateMain(forum(5, 2, 5, 5, 1)) && f.generateExternal(forum(40, 4, 30, kMessages, 3)) && f.startForum(token, faults)
        && f.configure(pageSize(pageSize_));
}

// A workspace on the fixture's configuration and its dashboard, shown.
struct ShownDashboard
{
    Workspace ws;
    std::unique_ptr<DashboardView> view;
    bool show(const SyncFixture &f)
    {
        QStringList errors;
        if (!ws.open(f.configPath(), &errors))
            return false;
        view = std::make_unique<DashboardView>(&ws);
        view->show();
        return QTest::qWaitForWindowExposed(view.get());
    }
};

RunResult resultOf(const QSignalSpy &spy) { return spy.last().first().value<RunResult>(); }

template<typename T>
T *child(const QWidget &view, const QString &name)
{
    return view.findChild<T *>(name);
}

QString state(SyncFixture &f)
{
    QStringList out;
    for (const char *t : {"users", "sections", "topics", "messages", "tributary_runs", "tributary_links", "tributary_cursors"})
        out.append(QStringLiteral("%1=%2").arg(QLatin1String(t)).arg(f.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(t)))));
    return out.join(QLatin1Char(' '));
}

} // namespace

class tst_Dashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerBuiltinSources(); }
    void showsEverySourceAndEntity();
    void syncNowFillsTheDatabaseAndMovesTheBars();
    void previewWritesNothingAndShowsTheCounts();
    void stopEndsASlowSyncWithinSeconds();
    void aFailedRunSaysWhyInRed();
    void twoSourcesSyncSideBySide();
    void theRowsShowWhatTheRunStored();
    void aRunMadeElsewhereIsTheLastRunWithinSeconds();
    void recordsQuarantinedAtTheRunsEndAreCounted();
    void retriesAreSaidAsTheyHappen();
};

void tst_Dashboard::showsEverySourceAndEntity()
{
    SyncFixture f;
    QVERIFY(forumWith(f, ForumFaults(), 100));
    Workspace ws;
    QStringList errors;
    QVERIFY2(ws.open(f.configPath(), &errors), qPrintable(errors.join(QLatin1Char('\n'))));
    DashboardView view(&ws);
    for (const QString &e : {QStringLiteral("users"), QStringLiteral("sections"), QStringLiteral("topics"), QStringLiteral("messages")})
        QVERIFY2(view.progressBar(kForum, e), qPrintable(e));
    QVERIFY(!view.progressBar(kForum, QStringLiteral("nothing")));
    QVERIFY(view.button(kForum, QStringLiteral("sync"))->isEnabled());
    QVERIFY(!view.button(kForum, QStringLiteral("stop"))->isEnabled());
    QCOMPARE(child<QLabel>(view, QStringLiteral("lastRun_forum"))->text(), QStringLiteral("Never synced"));

    // Closing and reopening the configuration rebuilds the dashboard.
    ws.close();
    QVERIFY(!view.progressBar(kForum, QStringLiteral("users")));
    QVERIFY(ws.open(f.configPath(), &errors));
    QVERIFY(view.progressBar(kForum, QStringLiteral("users")));
}

void tst_Dashboard::syncNowFillsTheDatabaseAndMovesTheBars()
{
    SyncFixture f;
    ForumFaults slow;
    slow.latencyMs = 40; // twenty pages of messages: about a second, long enough to watch
    QVERIFY(forumWith(f, slow, 50));
    Workspace ws;
    QStringList errors;
    QVERIFY(ws.open(f.configPath(), &errors));
    DashboardView view(&ws);
    view.resize(1100, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QProgressBar *bar = view.progressBar(kForum, QStringLiteral("messages"));
    QVERIFY(bar);
    QList<int> values;
    connect(bar, &QProgressBar::valueChanged, this, [&values](int v) { values.append(v); });
    // The GUI thread must keep answering: the longest gap between ticks of a 20 ms timer.
    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    QTimer heartbeat;
    heartbeat.setInterval(20);
    connect(&heartbeat, &QTimer::timeout, this, [&] {
        if (sinceTick.isValid())
            longestGap = qMax(longestGap, sinceTick.elapsed());
        sinceTick.restart();
    });

    QSignalSpy started(&view, &DashboardView::runStarted);
    QSignalSpy finished(&view, &DashboardView::runFinished);
    QSignalSpy dataChanged(&ws, &Workspace::dataChanged);
    QSignalSpy stateChanged(&view, &DashboardView::stateChanged);
    heartbeat.start();
    QElapsedTimer clicked;
    clicked.start();
    QTest::mouseClick(view.button(kForum, QStringLiteral("sync")), Qt::LeftButton);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.first().first().toString(), kForum);
    QVERIFY(clicked.elapsed() < 500); // the click returns at once: the run is elsewhere
    QVERIFY(view.isRunning(kForum));
    QVERIFY(!view.button(kForum, QStringLiteral("sync"))->isEnabled());
    QVERIFY(!view.button(kForum, QStringLiteral("preview"))->isEnabled());
    QVERIFY(!view.button(kForum, QStringLiteral("reconcile"))->isEnabled());
    QVERIFY(view.button(kForum, QStringLiteral("stop"))->isEnabled());
    QVERIFY(stateChanged.size() >= 1);
    view.syncNow(kForum); // one run per source at a time: ignored
    QCOMPARE(started.size(), 1);

    QVERIFY(finished.wait(120000));
    heartbeat.stop();
    const RunResult r = resultOf(finished);
    QVERIFY2(r.status == RunResult::Status::Ok, qPrintable(r.error.toString()));
    QCOMPARE(r.source, kForum);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!view.isRunning(kForum));
    QVERIFY(view.button(kForum, QStringLiteral("sync"))->isEnabled());
    QVERIFY(!view.button(kForum, QStringLiteral("stop"))->isEnabled());
    QVERIFY(dataChanged.size() >= 1);

    // The main database has the forum.
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), 5 + kMessages);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE source = 'forum' AND entity = 'messages'")), kMessages);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE source = 'forum' AND entity = 'topics'")), 30);
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);

    // The bar reached the total the source announced, and moved on the way there.
    QCOMPARE(bar->maximum(), kMessages);
    QCOMPARE(bar->value(), kMessages);
    QList<int> between;
    for (int v : std::as_const(values)) {
        if (v > 0 && v < kMessages && !between.contains(v))
            between.append(v);
    }
    QStringList seen;
    for (int v : std::as_const(values))
        seen.append(QString::number(v));
    QVERIFY2(between.size() >= 2, qPrintable(QStringLiteral("values seen: ") + seen.join(QLatin1Char(','))));
    for (const QString &e : {QStringLiteral("users"), QStringLiteral("sections"), QStringLiteral("topics")}) {
        QProgressBar *b = view.progressBar(kForum, e);
        QVERIFY2(b->maximum() > 0 && b->value() == b->maximum(), qPrintable(e));
    }
    QCOMPARE(child<QLabel>(view, QStringLiteral("inserted_forum_messages"))->text(), QLocale().toString(kMessages));
    QCOMPARE(child<QLabel>(view, QStringLiteral("fetched_forum_messages"))->text(), QLocale().toString(kMessages));
    QVERIFY(child<QLabel>(view, QStringLiteral("lastRun_forum"))->text().contains(QStringLiteral("ok")));
    // The kind in tributaryd's words.
    QVERIFY2(child<QLabel>(view, QStringLiteral("lastRun_forum"))->text().startsWith(QStringLiteral("Last run (incremental sync): ")),
             qPrintable(child<QLabel>(view, QStringLiteral("lastRun_forum"))->text()));
    QVERIFY(!child<QLabel>(view, QStringLiteral("error_forum"))->isVisible());
    qInfo("longest gap in the GUI thread during the sync: %lld ms", longestGap);
    QVERIFY2(longestGap < 500, qPrintable(QString::number(longestGap)));

    // A second sync finds nothing new.
    view.syncNow(kForum);
    QVERIFY(finished.wait(120000));
    QCOMPARE(resultOf(finished).total().written(), 0);
}

void tst_Dashboard::previewWritesNothingAndShowsTheCounts()
{
    SyncFixture f;
    QVERIFY(forumWith(f, ForumFaults(), 100));
    Workspace ws;
    QStringList errors;
    QVERIFY(ws.open(f.configPath(), &errors));
    DashboardView view(&ws);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QString before = state(f);

    QSignalSpy finished(&view, &DashboardView::runFinished);
    QSignalSpy dataChanged(&ws, &Workspace::dataChanged);
    view.preview(kForum);
    QVERIFY(view.isRunning(kForum));
    QVERIFY(view.isPreviewing(kForum));
    QVERIFY(finished.wait(120000));
    const RunResult r = resultOf(finished);
    QVERIFY2(r.status == RunResult::Status::Ok, qPrintable(r.error.toString()));
    QCOMPARE(r.counts.value(QStringLiteral("messages")).inserted, kMessages);

    // Nothing was written...
    QCOMPARE(state(f), before);
    QCOMPARE(dataChanged.size(), 0);
    bool ok = false;
    view.lastResult(kForum, &ok);
    QVERIFY(!ok);
    QCOMPARE(view.lastPreview(kForum, &ok).counts.value(QStringLiteral("messages")).inserted, kMessages);
    QVERIFY(ok);
    // ...and the counts are shown, labelled as a preview.
    QLabel *preview = child<QLabel>(view, QStringLiteral("preview_forum"));
    QVERIFY(preview->isVisible());
    const EntityCounts total = r.total();
    QVERIFY2(preview->text().contains(QStringLiteral("insert %1").arg(QLocale().toString(total.inserted))), qPrintable(preview->text()));
    QVERIFY(preview->text().contains(QStringLiteral("Nothing was written")));
    QVERIFY(child<QLabel>(view, QStringLiteral("state_forum"))->text().contains(QStringLiteral("Preview")));
    QCOMPARE(child<QLabel>(view, QStringLiteral("inserted_forum_messages"))->text(), QLocale().toString(kMessages));
    QCOMPARE(child<QLabel>(view, QStringLiteral("lastRun_forum"))->text(), QStringLiteral("Never synced"));

    // A real sync afterwards does what the preview said, and hides the preview.
    view.syncNow(kForum);
    QVERIFY(!preview->isVisible());
    QVERIFY(finished.wait(120000));
    QCOMPARE(resultOf(finished).counts.value(QStringLiteral("messages")).inserted, kMessages);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), 5 + kMessages);
}

void tst_Dashboard::stopEndsASlowSyncWithinSeconds()
{
    SyncFixture f;
    ForumFaults slow;
    slow.latencyMs = 250; // some sixty pages: fifteen seconds and more
    QVERIFY(forumWith(f, slow, 20));
    Workspace ws;
    QStringList errors;
    QVERIFY(ws.open(f.configPath(), &errors));
    DashboardView view(&ws);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QSignalSpy finished(&view, &DashboardView::runFinished);
    view.syncNow(kForum);
    QTRY_VERIFY_WITH_TIMEOUT(view.progressBar(kForum, QStringLiteral("users"))->value() > 0, 30000);
    QElapsedTimer latency;
    latency.start();
    QTest::mouseClick(view.button(kForum, QStringLiteral("stop")), Qt::LeftButton);
    QVERIFY(view.isStopping(kForum));
    QVERIFY(!view.button(kForum, QStringLiteral("stop"))->isEnabled());
    QVERIFY(finished.wait(30000));
    const qint64 ms = latency.elapsed();
    qInfo("stop took %lld ms", ms);
    QVERIFY2(ms < 3000, qPrintable(QString::number(ms)));
    const RunResult r = resultOf(finished);
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("interrupted"));
    QVERIFY(!view.isRunning(kForum));
    QVERIFY(view.button(kForum, QStringLiteral("sync"))->isEnabled());
    QVERIFY(child<QLabel>(view, QStringLiteral("lastRun_forum"))->text().contains(QStringLiteral("stopped")));
    // The messages were not reached (or not finished): their bar says so instead of looking done.
    QProgressBar *messages = view.progressBar(kForum, QStringLiteral("messages"));
    QVERIFY2(messages->format().contains(QStringLiteral("not reached")) || messages->format().contains(QStringLiteral("stopped")),
             qPrintable(messages->format()));
    QVERIFY(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE source = 'forum' AND entity = 'messages'")) < kMessages);
}

void tst_Dashboard::aFailedRunSaysWhyInRed()
{
    SyncFixture f;
    QVERIFY(forumWith(f, ForumFaults(), 100, QStringLiteral("the-real-token")));
    Workspace ws;
    QStringList errors;
    QVERIFY(ws.open(f.configPath(), &errors));
    DashboardView view(&ws);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    // The token was revoked: the source refuses it.
    qputenv("TRIBUTARY_TEST_TOKEN", "a-revoked-token");
    QSignalSpy finished(&view, &DashboardView::runFinished);
    view.syncNow(kForum);
    QVERIFY(finished.wait(60000));
    qputenv("TRIBUTARY_TEST_TOKEN", "the-real-token");
    const RunResult r = resultOf(finished);
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("failed"));
    QCOMPARE(r.error.code, Error::Code::Auth);
    QLabel *error = child<QLabel>(view, QStringLiteral("error_forum"));
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), r.error.message);
    QCOMPARE(StatusColors::status(error), StatusColors::Status::Error);
    QCOMPARE(error->palette().color(QPalette::WindowText), StatusColors::foreground(StatusColors::Status::Error));
    QCOMPARE(child<QLabel>(view, QStringLiteral("state_forum"))->text(), QStringLiteral("Needs attention"));

    // Reopened later, the dashboard reads the failure from the run history.
    DashboardView again(&ws);
    QVERIFY(child<QLabel>(again, QStringLiteral("lastRun_forum"))->text().contains(QStringLiteral("failed")));
    QCOMPARE(child<QLabel>(again, QStringLiteral("error_forum"))->text(), r.error.message);

    // With the right token the next run succeeds and the error goes.
    view.syncNow(kForum);
    QVERIFY(finished.wait(120000));
    QCOMPARE(RunResult::statusName(resultOf(finished).status), QStringLiteral("ok"));
    QVERIFY(!error->isVisible());
}

void tst_Dashboard::twoSourcesSyncSideBySide()
{
    SyncFixture f;
    ForumFaults slow;
    slow.latencyMs = 10;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(40, 4, 30, 400, 3)));
    QVERIFY(f.generateSecondExternal(forum(30, 3, 20, 300, 9)));
    QVERIFY(f.startForum(QStringLiteral("test-token"), slow));
    QVERIFY(f.startSecondForum());
    QVERIFY(f.configure([&](QJsonObject &root) {
        pageSize(50)(root);
        addSourceCopy(root, QStringLiteral("forum2"), f.secondForumUrl());
    }));
    Workspace ws;
    QStringList errors;
    QVERIFY(ws.open(f.configPath(), &errors));
    DashboardView view(&ws);
    QVERIFY(view.progressBar(QStringLiteral("forum2"), QStringLiteral("messages")));

    QSignalSpy finished(&view, &DashboardView::runFinished);
    view.syncNow(kForum);
    view.syncNow(QStringLiteral("forum2"));
    QVERIFY(view.isRunning(kForum) && view.isRunning(QStringLiteral("forum2")));
    QVERIFY(!view.button(QStringLiteral("forum2"), QStringLiteral("sync"))->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 120000);
    for (const QList<QVariant> &args : std::as_const(finished)) {
        const RunResult r = args.first().value<RunResult>();
        QVERIFY2(r.status == RunResult::Status::Ok, qPrintable(r.source + QStringLiteral(": ") + r.error.toString()));
    }
    QCOMPARE(view.progressBar(kForum, QStringLiteral("messages"))->value(), 400);
    QCOMPARE(view.progressBar(QStringLiteral("forum2"), QStringLiteral("messages"))->value(), 300);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), 5 + 400 + 300);
}

void tst_Dashboard::theRowsShowWhatTheRunStored()
{
    // A reconciliation deletes after its walks have reported: the rows end on the counts the run
    // stores (what Runs and tributaryd status show), not on the walk's last report.
    SyncFixture f;
    QVERIFY(forumWith(f, ForumFaults(), 200));
    ShownDashboard shown;
    QVERIFY(shown.show(f));
    DashboardView &view = *shown.view;
    QSignalSpy finished(&view, &DashboardView::runFinished);
    view.syncNow(kForum);
    QVERIFY(finished.wait(60000));
    QCOMPARE(RunResult::statusName(resultOf(finished).status), QStringLiteral("ok"));

    // The newest message (no reply can point at it) is deleted at the forum.
    QVERIFY(f.writeForum(QStringLiteral("DELETE FROM messages WHERE id = %1").arg(kMessages)));
    finished.clear();
    view.reconcile(kForum);
    QVERIFY(finished.wait(60000));
    const RunResult r = resultOf(finished);
    QCOMPARE(r.counts.value(QStringLiteral("messages")).deleted, 1);
    const QString stored = f.value(QStringLiteral("SELECT counts FROM tributary_runs ORDER BY id DESC LIMIT 1")).toString();
    const EntityCounts storedMessages =
        EntityCounts::fromJson(QJsonDocument::fromJson(stored.toUtf8()).object().value(QStringLiteral("messages")).toObject());
    QCOMPARE(storedMessages.deleted, 1);
    auto label = [&](const char *key, const char *entity) {
        return child<QLabel>(view, QStringLiteral("%1_forum_%2").arg(QLatin1String(key), QLatin1String(entity)))->text();
    };
    QCOMPARE(label("deleted", "messages"), QStringLiteral("1"));
    QCOMPARE(label("fetched", "messages"), QLocale().toString(storedMessages.fetched));
    QCOMPARE(label("quarantined", "messages"), QLocale().toString(storedMessages.quarantined));
}

void tst_Dashboard::aRunMadeElsewhereIsTheLastRunWithinSeconds()
{
    // tributaryd serve (here: tributaryd sync, another process) runs while the dashboard is
    // open: within the workspace's poll the panel's last run and its rows are that run's.
    SyncFixture f;
    QVERIFY(forumWith(f, ForumFaults(), 200));
    ShownDashboard shown;
    QVERIFY(shown.show(f));
    DashboardView &view = *shown.view;
    QCOMPARE(child<QLabel>(view, QStringLiteral("lastRun_forum"))->text(), QStringLiteral("Never synced"));
    QString out;
    QCOMPARE(f.tributaryd({QStringLiteral("sync")}, &out), 0);
    const QString stored = f.value(QStringLiteral("SELECT counts FROM tributary_runs ORDER BY id DESC LIMIT 1")).toString();
    const EntityCounts messages =
        EntityCounts::fromJson(QJsonDocument::fromJson(stored.toUtf8()).object().value(QStringLiteral("messages")).toObject());
    QVERIFY(messages.inserted > 0);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(view, QStringLiteral("lastRun_forum"))->text().startsWith(QStringLiteral("Last run (incremental sync): ok")),
                             10000);
    QCOMPARE(child<QLabel>(view, QStringLiteral("inserted_forum_messages"))->text(), QLocale().toString(messages.inserted));
    QCOMPARE(child<QLabel>(view, QStringLiteral("fetched_forum_messages"))->text(), QLocale().toString(messages.fetched));
}

void tst_Dashboard::recordsQuarantinedAtTheRunsEndAreCounted()
{
    // A message that refers to a topic the forum does not have waits for it through the walk and
    // is quarantined when the run ends (the topic answers 404): the row counts it, as the run does.
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)) && f.generateExternal(forum(40, 4, 30, kMessages, 3)));
    QVERIFY(f.writeForum(QStringLiteral("UPDATE messages SET topic_id = 999999 WHERE id IN (7, 8)")));
    QVERIFY(f.startForum() && f.configure(pageSize(200)));
    ShownDashboard shown;
    QVERIFY(shown.show(f));
    DashboardView &view = *shown.view;
    QSignalSpy finished(&view, &DashboardView::runFinished);
    view.syncNow(kForum);
    QVERIFY(finished.wait(60000));
    const RunResult r = resultOf(finished);
    // The two, and the replies to them, which wait for them in turn.
    const qint64 held = f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_quarantine WHERE entity = 'messages'"));
    QVERIFY2(held >= 2, qPrintable(QString::number(held)));
    QCOMPARE(r.counts.value(QStringLiteral("messages")).quarantined, held);
    QCOMPARE(child<QLabel>(view, QStringLiteral("quarantined_forum_messages"))->text(), QLocale().toString(held));
}

void tst_Dashboard::retriesAreSaidAsTheyHappen()
{
    // A server that answers 429 with Retry-After (two requests a second, and no rate headers to
    // learn the limit from before the first refusal): the panel says which
    // retry waits, how long, and why, while it waits, instead of only "Syncing for 24 s".
    SyncFixture f;
    // No rate headers: a host that says its limit is kept under it, and nothing is retried.
    ForumSimOptions limited;
    limited.token = QStringLiteral("test-token");
    limited.faults.rateLimit = 2;
    limited.rateLimitHeaders = ForumRateLimit::Headers::None;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)) && f.generateExternal(forum(40, 4, 30, kMessages, 3)) && f.startForum(limited)
            && f.configure(pageSize(1000)));
    ShownDashboard shown;
    QVERIFY(shown.show(f));
    DashboardView &view = *shown.view;
    auto *state = child<QLabel>(view, QStringLiteral("state_forum"));
    QVERIFY(state);
    QSignalSpy finished(&view, &DashboardView::runFinished);
    view.syncNow(kForum);
    QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(QStringLiteral("retry 1 of 6")), 20000);
    QVERIFY2(state->text().contains(QStringLiteral("429")), qPrintable(state->text()));
    QVERIFY2(state->text().startsWith(QStringLiteral("Syncing for")), qPrintable(state->text()));
    QVERIFY2(state->toolTip().startsWith(QStringLiteral("GET http://127.0.0.1:")), qPrintable(state->toolTip()));
    QVERIFY(finished.wait(60000));
    const RunResult r = resultOf(finished);
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
    QVERIFY(r.total().retries > 0);
    QVERIFY2(!state->text().contains(QStringLiteral("retry")), qPrintable(state->text()));
    QVERIFY(state->toolTip().isEmpty());
}

QTEST_MAIN(tst_Dashboard)
#include "tst_dashboard.moc"
