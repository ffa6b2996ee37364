// The Source menu's operations beyond a sync, as an admin uses them in the console: Verify (its
// table and verdict), Full Re-sync, Reset Cursors, Detach and Purge (the plan first, then the
// confirmation). Each takes tributaryd's path through the core, so the figures the console shows
// are checked against the core's own answers and the outcome against the main database itself.
// Real forum-sim, a real SQLite file, the real window on the offscreen platform; every dialog
// opens without blocking and is driven through its widgets.

#include "SyncFixture.h"

#include "CursorResetDialog.h"
#include "DashboardView.h"
#include "MainWindow.h"
#include "SourceAdminDialog.h"
#include "SourceOperations.h"
#include "SourcePlanModel.h"
#include "SourcesModel.h"
#include "VerifyDialog.h"
#include "VerifyReportModel.h"
#include "Workspace.h"
#include "engine/SourceAdmin.h"
#include "engine/run/RunLease.h"
#include "store/Database.h"
#include "util/LoginName.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Gui;
using namespace Tributary::Test;

namespace {

const QStringList kEntities = {QStringLiteral("users"), QStringLiteral("sections"), QStringLiteral("topics"), QStringLiteral("messages")};

// Ten local users; at the forum 20 users, 4 sections, 20 topics, 100 messages; synced once.
bool syncedForum(SyncFixture &f)
{
    return f.generateMain(forum(10, 3, 10, 10, 1)) && f.generateExternal(forum(20, 4, 20, 100, 2)) && f.startForum() && f.configure()
        && RunResult::statusName(f.sync().status) == QLatin1String("ok");
}

// The window shown on the fixture's configuration, `source` selected.
bool showOn(MainWindow &w, const SyncFixture &f, const QString &source = QStringLiteral("forum"))
{
    w.show();
    if (!QTest::qWaitForWindowExposed(&w) || !w.openConfig(f.configPath()))
        return false;
    w.selectSource(source);
    return w.currentSource() == source;
}

QAction *action(MainWindow &w, const char *name) { return w.findChild<QAction *>(QLatin1String(name)); }

qint64 links(SyncFixture &f, const QString &entity = QString())
{
    return entity.isEmpty() ? f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE source = 'forum'"))
                            : f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE source = 'forum' AND entity = ?"), {entity});
}

qint64 rows(SyncFixture &f, const QString &table) { return f.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)); }

// The row of `entity` in a model whose first column names entities.
int rowOf(const QAbstractItemModel *model, const QString &entity)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data().toString() == entity)
            return r;
    }
    return -1;
}

qint64 figure(const QAbstractItemModel *model, const QString &entity, int column, int role)
{
    const int r = rowOf(model, entity);
    return r < 0 ? -1 : model->index(r, column).data(role).toLongLong();
}

// Runs Verify from the Source menu and waits for its verdict.
VerifyDialog *verifyFromMenu(MainWindow &w)
{
    action(w, "actionVerify")->trigger();
    auto *dialog = w.findChild<VerifyDialog *>();
    if (!dialog || !QTest::qWaitFor([&] { return dialog->isFinished(); }, 120000))
        return nullptr;
    return dialog;
}

} // namespace

class tst_Operations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verifyOnASyncedForumIsInSync();
    void verifyReportsARowTheApplicationDeleted();
    void verifyStopsWhenAsked();
    void fullResyncRunsAFullSyncOnTheDashboard();
    void cursorResetForgetsTheChosenCursors();
    void detachShowsThePlanThenForgetsTheLinksAndKeepsTheRows();
    void anEnabledSourceIsLetGoOnlyWhenForced();
    void purgeOfARemovedSourceDeletesWhatThePlanSaid();
};

void tst_Operations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void tst_Operations::verifyOnASyncedForumIsInSync()
{
    SyncFixture f;
    QVERIFY(syncedForum(f));
    MainWindow w;
    QVERIFY(showOn(w, f));
    QAction *verify = action(w, "actionVerify");
    QVERIFY(verify && verify->isEnabled());

    verify->trigger();
    QPointer<VerifyDialog> dialog = w.findChild<VerifyDialog *>();
    QVERIFY(dialog);
    QAbstractItemModelTester entitiesTester(dialog->entitiesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester checksTester(dialog->checksModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // It walks the whole source off the window's thread: the window stays usable, and a second
    // verify of the same source waits for this one.
    QVERIFY(!dialog->isModal());
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(dialog->isRunning());
    QVERIFY(!verify->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), 120000);
    QVERIFY(verify->isEnabled());

    QVERIFY2(dialog->verdictText().startsWith(QStringLiteral("IN SYNC")), qPrintable(dialog->verdictText()));
    QVERIFY(dialog->outcome().inSync);
    QVERIFY2(!dialog->outcome().error, qPrintable(dialog->outcome().error.toString()));
    // The table tributaryd verify prints, one row per entity, in its columns; each figure is the
    // main database's: every record at the source is linked once and matches (or is kept local).
    const QAbstractItemModel *table = dialog->entitiesModel();
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(table->columnCount(), int(VerifyReportModel::EntityColumnCount));
    QCOMPARE(table->headerData(VerifyReportModel::AtSource, Qt::Horizontal).toString(), QStringLiteral("At source"));
    QCOMPARE(table->headerData(VerifyReportModel::KeptLocal, Qt::Horizontal).toString(), QStringLiteral("Kept local"));
    const int value = VerifyReportModel::ValueRole;
    for (const QString &entity : kEntities) {
        const qint64 linked = links(f, entity);
        QVERIFY(linked > 0);
        QCOMPARE(figure(table, entity, VerifyReportModel::AtSource, value), linked);
        QCOMPARE(figure(table, entity, VerifyReportModel::Matching, value) + figure(table, entity, VerifyReportModel::KeptLocal, value)
                     + figure(table, entity, VerifyReportModel::Conflicts, value),
                 linked);
        for (int c : {VerifyReportModel::Missing, VerifyReportModel::Extra, VerifyReportModel::Different})
            QCOMPARE(figure(table, entity, c, value), 0);
    }
    QCOMPARE(figure(table, QStringLiteral("messages"), VerifyReportModel::AtSource, value), 100);
    QCOMPARE(table->index(rowOf(table, QStringLiteral("messages")), VerifyReportModel::AtSource).data().toString(), QStringLiteral("100"));
    // And they are the core's: the Verifier tributaryd runs says the same.
    bool inSync = false;
    const QList<Verifier::EntityReport> direct = f.verify(&inSync);
    QVERIFY(inSync);
    for (const Verifier::EntityReport &r : direct) {
        QCOMPARE(figure(table, r.entity, VerifyReportModel::AtSource, value), r.sourceRecords);
        QCOMPARE(figure(table, r.entity, VerifyReportModel::Matching, value), r.matching);
    }
    // The checks: walk and total and id scan of each entity, with what was found.
    const QAbstractItemModel *checks = dialog->checksModel();
    QVERIFY(checks->rowCount() >= 4);
    QCOMPARE(checks->index(0, VerifyReportModel::Check).data().toString(), QStringLiteral("walk"));
    QCOMPARE(checks->index(0, VerifyReportModel::Outcome).data().toString(), QStringLiteral("ok"));
    QVERIFY(!checks->index(0, VerifyReportModel::Found).data().toString().isEmpty());

    dialog->close();
    QTRY_VERIFY(!dialog);
}

void tst_Operations::verifyReportsARowTheApplicationDeleted()
{
    SyncFixture f;
    QVERIFY(syncedForum(f));
    // The main application deletes a message the forum brought.
    const QString local = f.localId(QStringLiteral("messages"), QStringLiteral("7"));
    QVERIFY(!local.isEmpty());
    QSqlQuery q(f.db().db());
    QVERIFY(q.exec(QStringLiteral("DELETE FROM messages WHERE id = %1").arg(local)));

    MainWindow w;
    QVERIFY(showOn(w, f));
    VerifyDialog *dialog = verifyFromMenu(w);
    QVERIFY(dialog);
    QVERIFY(!dialog->outcome().inSync);
    QVERIFY2(dialog->verdictText().startsWith(QStringLiteral("NOT IN SYNC: 1 missing")), qPrintable(dialog->verdictText()));
    const QAbstractItemModel *table = dialog->entitiesModel();
    QCOMPARE(figure(table, QStringLiteral("messages"), VerifyReportModel::Missing, VerifyReportModel::ValueRole), 1);
    QCOMPARE(figure(table, QStringLiteral("users"), VerifyReportModel::Missing, VerifyReportModel::ValueRole), 0);
    // The Verifier's example names the record, the row and what happened to it.
    const QString details = dialog->detailsText();
    QVERIFY2(details.contains(QStringLiteral("messages 7: linked to messages id %1, which the main application deleted").arg(local)),
             qPrintable(details));
}

void tst_Operations::verifyStopsWhenAsked()
{
    SyncFixture f;
    ForumFaults slow;
    slow.latencyMs = 250; // pages of 20 records: half a minute and more for the whole forum
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)) && f.generateExternal(forum(40, 4, 30, 400, 3)) && f.startForum(QStringLiteral("test-token"), slow));
    QVERIFY(f.configure([](QJsonObject &root) {
        editSource(root, [](QJsonObject &src) {
            QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
            QJsonObject p = rest.value(QStringLiteral("pagination")).toObject();
            p.insert(QStringLiteral("page_size"), 20);
            rest.insert(QStringLiteral("pagination"), p);
            src.insert(QStringLiteral("rest"), rest);
        });
    }));
    MainWindow w;
    QVERIFY(showOn(w, f));
    action(w, "actionVerify")->trigger();
    QPointer<VerifyDialog> dialog = w.findChild<VerifyDialog *>();
    QVERIFY(dialog);
    // It says what it reads while it goes.
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("verifyStatus"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("records read and compared so far")), 30000);
    QVERIFY2(status->text().startsWith(QStringLiteral("Verifying forum: users (entity 1 of 4)")), qPrintable(status->text()));

    auto *stop = dialog->findChild<QPushButton *>(QStringLiteral("verifyStop"));
    QVERIFY(stop && stop->isEnabled());
    QElapsedTimer latency;
    latency.start();
    stop->click();
    QVERIFY(!stop->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), 10000);
    QVERIFY2(latency.elapsed() < 5000, qPrintable(QString::number(latency.elapsed())));
    QCOMPARE(dialog->outcome().error.code, Error::Code::Aborted);
    QVERIFY(!dialog->outcome().inSync);
    QVERIFY2(dialog->verdictText().startsWith(QStringLiteral("Stopped: the verify did not finish")), qPrintable(dialog->verdictText()));
    QVERIFY(action(w, "actionVerify")->isEnabled());

    // Closing a verify that runs stops it too, and the dialog goes.
    auto *again = dialog->findChild<QPushButton *>(QStringLiteral("verifyAgain"));
    QVERIFY(again->isEnabled());
    again->click();
    QVERIFY(dialog->isRunning());
    QVERIFY(!action(w, "actionVerify")->isEnabled());
    latency.restart();
    dialog->close();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
    QVERIFY2(latency.elapsed() < 5000, qPrintable(QString::number(latency.elapsed())));
    QVERIFY(action(w, "actionVerify")->isEnabled());
}

void tst_Operations::fullResyncRunsAFullSyncOnTheDashboard()
{
    SyncFixture f;
    QVERIFY(syncedForum(f));
    const qint64 messages = rows(f, QStringLiteral("messages"));
    MainWindow w;
    QVERIFY(showOn(w, f));

    action(w, "actionFullResync")->trigger();
    QPointer<QMessageBox> confirm = w.findChild<QMessageBox *>(QStringLiteral("fullResyncConfirmation"));
    QVERIFY(confirm);
    QVERIFY(confirm->isVisible());
    // What it will do, exactly: which entities, in which order; nothing deleted; how long.
    const QString text = confirm->text();
    QVERIFY2(text.contains(QStringLiteral("entity by entity: users, sections, topics, messages")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Nothing is deleted in the main database")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Every page of every entity is fetched again")), qPrintable(text));
    QVERIFY(!w.dashboard()->isRunning(QStringLiteral("forum"))); // nothing before the confirmation

    QSignalSpy finished(w.dashboard(), &DashboardView::runFinished);
    auto *go = confirm->findChild<QPushButton *>(QStringLiteral("fullResyncStart"));
    QVERIFY(go);
    go->click();
    QVERIFY(w.dashboard()->isRunning(QStringLiteral("forum")));
    QVERIFY(!action(w, "actionFullResync")->isEnabled());
    QVERIFY(!action(w, "actionVerify")->isEnabled());
    QVERIFY(finished.wait(60000));
    const RunResult r = finished.first().first().value<RunResult>();
    QCOMPARE(r.kind, RunKind::Full);
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
    QCOMPARE(r.counts.value(QStringLiteral("messages")).fetched, 100);
    // The stored run is a full one; it wrote nothing new (all was there) and deleted nothing.
    QCOMPARE(f.value(QStringLiteral("SELECT kind FROM tributary_runs WHERE id = ?"), {r.runId}).toString(), QStringLiteral("full"));
    QCOMPARE(rows(f, QStringLiteral("messages")), messages);
    QCOMPARE(r.total().deleted, 0);
    QCOMPARE(w.dashboard()->progressBar(QStringLiteral("forum"), QStringLiteral("messages"))->value(), 100);
    QTRY_VERIFY(!confirm);

    // Cancel starts nothing.
    finished.clear();
    action(w, "actionFullResync")->trigger();
    confirm = w.findChild<QMessageBox *>(QStringLiteral("fullResyncConfirmation"));
    QVERIFY(confirm);
    confirm->button(QMessageBox::Cancel)->click();
    QVERIFY(!w.dashboard()->isRunning(QStringLiteral("forum")));
}

void tst_Operations::cursorResetForgetsTheChosenCursors()
{
    SyncFixture f;
    QVERIFY(syncedForum(f));
    const QString cursors = QStringLiteral("SELECT COUNT(*) FROM tributary_cursors WHERE source = 'forum' AND kind = 'incremental' AND entity = ?");
    for (const QString &entity : kEntities)
        QCOMPARE(f.scalar(cursors, {entity}), 1);
    MainWindow w;
    QVERIFY(showOn(w, f));

    action(w, "actionResetCursors")->trigger();
    QPointer<CursorResetDialog> dialog = w.findChild<CursorResetDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    // Every cursor of the source at first; then the one chosen, with where it stands and what
    // the next sync does (this forum starts at the beginning).
    QCOMPARE(qint64(dialog->cursors().size()), f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_cursors WHERE source = 'forum'")));
    dialog->setEntity(QStringLiteral("users"));
    dialog->setKind(QStringLiteral("incremental"));
    QCOMPARE(int(dialog->cursors().size()), 1);
    const QString plan = dialog->planText();
    QVERIFY2(plan.startsWith(QStringLiteral("Would reset forum/users incremental, now at value ")), qPrintable(plan));
    QVERIFY2(plan.contains(QStringLiteral("reads from the beginning of history")), qPrintable(plan));
    QVERIFY2(plan.contains(QStringLiteral("Nothing is deleted from the main database")), qPrintable(plan));
    QCOMPARE(f.scalar(cursors, {QStringLiteral("users")}), 1); // nothing before the button

    dialog->setSyncAfterwards(false);
    auto *reset = dialog->findChild<QPushButton *>(QStringLiteral("cursorReset"));
    QVERIFY(reset && reset->isEnabled());
    reset->click();
    QTRY_VERIFY(!dialog);
    QCOMPARE(f.scalar(cursors, {QStringLiteral("users")}), 0);
    for (const QString &entity : {QStringLiteral("sections"), QStringLiteral("topics"), QStringLiteral("messages")})
        QCOMPARE(f.scalar(cursors, {entity}), 1);
    QVERIFY(!w.dashboard()->isRunning(QStringLiteral("forum")));

    // Refused while a run of the source holds its lease: nothing is reset, and it says why.
    const QString all = QStringLiteral("SELECT COUNT(*) FROM tributary_cursors WHERE source = 'forum'");
    const qint64 left = f.scalar(all);
    action(w, "actionResetCursors")->trigger();
    dialog = w.findChild<CursorResetDialog *>();
    QVERIFY(dialog);
    QCOMPARE(qint64(dialog->cursors().size()), left);
    {
        RunLease lease(f.db(), QStringLiteral("forum"), 60000);
        Error error;
        std::optional<LeaseRecord> heldBy;
        QVERIFY(lease.take(&error, &heldBy));
        QVERIFY(!dialog->reset());
        QVERIFY2(dialog->resetError().message.contains(QStringLiteral("forum")), qPrintable(dialog->resetError().toString()));
    }
    QCOMPARE(f.scalar(all), left);

    // Reset with a sync afterwards: the dashboard runs it and it starts from the beginning again.
    QSignalSpy finished(w.dashboard(), &DashboardView::runFinished);
    dialog->setSyncAfterwards(true);
    QVERIFY(dialog->reset());
    QVERIFY(w.dashboard()->isRunning(QStringLiteral("forum")));
    QVERIFY(finished.wait(60000));
    const RunResult r = finished.first().first().value<RunResult>();
    QCOMPARE(r.kind, RunKind::Incremental);
    QCOMPARE(r.counts.value(QStringLiteral("messages")).fetched, 100);
    QCOMPARE(r.total().inserted, 0);
}

void tst_Operations::detachShowsThePlanThenForgetsTheLinksAndKeepsTheRows()
{
    SyncFixture f;
    QVERIFY(syncedForum(f));
    // Detaching a source still enabled is refused unless forced: disabled here, as the docs ask.
    QVERIFY(f.configure([](QJsonObject &root) { editSource(root, [](QJsonObject &s) { s.insert(QStringLiteral("enabled"), false); }); }));
    QHash<QString, qint64> before;
    for (const QString &t : kEntities)
        before.insert(t, rows(f, t));
    const qint64 linked = links(f);
    QVERIFY(linked > 0);
    MainWindow w;
    QVERIFY(showOn(w, f));

    action(w, "actionDetach")->trigger();
    QPointer<SourceAdminDialog> dialog = w.findChild<SourceAdminDialog *>(QStringLiteral("detachDialog"));
    QVERIFY(dialog);
    QAbstractItemModelTester tester(dialog->planModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->hasPlan(), 30000);
    QCOMPARE(dialog->source(), QStringLiteral("forum"));
    // The plan is SourceAdmin's, the one tributaryd source detach prints.
    SourceAdmin::Options options;
    Error error;
    const SourceAdmin::Result plan = SourceAdmin::planDetach(f.db(), f.config(), QStringLiteral("forum"), options, &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(dialog->plan().links, plan.links);
    QCOMPARE(dialog->plan().links, linked);
    QCOMPARE(dialog->plan().cursors, plan.cursors);
    QCOMPARE(dialog->plan().pending, plan.pending);
    QCOMPARE(dialog->plan().quarantined, plan.quarantined);
    QCOMPARE(dialog->plan().conflictsResolved, plan.conflictsResolved);
    const QAbstractItemModel *model = dialog->planModel();
    QCOMPARE(model->rowCount(), 4);
    for (const QString &entity : kEntities)
        QCOMPARE(figure(model, entity, SourcePlanModel::DetachLinks, SourcePlanModel::ValueRole), links(f, entity));
    QVERIFY2(dialog->planText().contains(QStringLiteral("Detaching \"forum\" would, in one transaction:")), qPrintable(dialog->planText()));
    QVERIFY2(dialog->planText().contains(QStringLiteral("Every row stays in the main database")), qPrintable(dialog->planText()));
    QCOMPARE(links(f), linked); // nothing before the confirmation

    // The confirmation names the source, and Enter does not press it.
    QPushButton *apply = dialog->applyButton();
    QCOMPARE(apply->text(), QStringLiteral("Detach forum"));
    QVERIFY(!apply->isDefault());
    QVERIFY(apply->isEnabled());
    QSignalSpy done(dialog.data(), &SourceAdminDialog::done);
    QSignalSpy dataChanged(w.workspace(), &Workspace::dataChanged);
    apply->click();
    QVERIFY(done.wait(30000));
    QVERIFY2(!dialog->applyError(), qPrintable(dialog->resultText()));
    QVERIFY(dialog->isApplied());
    QVERIFY2(dialog->resultText().startsWith(QStringLiteral("Detached source \"forum\": forgot %1 link").arg(linked)),
             qPrintable(dialog->resultText()));
    QVERIFY(!dataChanged.isEmpty()); // the views read again

    // The links and cursors are gone, every row stays, and the change log says who.
    QCOMPARE(links(f), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_cursors WHERE source = 'forum'")), 0);
    for (const QString &t : kEntities)
        QCOMPARE(rows(f, t), before.value(t));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes WHERE source = 'forum' AND op = 'detach'")), 4);
    QCOMPARE(f.value(QStringLiteral("SELECT DISTINCT actor FROM tributary_changes WHERE op = 'detach'")).toString(),
             QStringLiteral("admin:") + loginName());
    dialog->close();
    QTRY_VERIFY(!dialog);
}

void tst_Operations::anEnabledSourceIsLetGoOnlyWhenForced()
{
    SyncFixture f;
    QVERIFY(syncedForum(f));
    const qint64 linked = links(f);
    MainWindow w;
    QVERIFY(showOn(w, f));

    action(w, "actionPurge")->trigger();
    QPointer<SourceAdminDialog> dialog = w.findChild<SourceAdminDialog *>(QStringLiteral("purgeDialog"));
    QVERIFY(dialog);
    QSignalSpy planned(dialog.data(), &SourceAdminDialog::planned);
    QVERIFY(planned.wait(30000));
    // SourceAdmin's refusal, as tributaryd prints it without --force; nothing can be applied.
    QVERIFY(!dialog->hasPlan());
    QVERIFY2(dialog->planError().message.contains(QStringLiteral("is still in the configuration and enabled")),
             qPrintable(dialog->planError().toString()));
    QVERIFY2(dialog->planText().startsWith(QStringLiteral("Cannot purge: ")), qPrintable(dialog->planText()));
    auto *force = dialog->findChild<QCheckBox *>(QStringLiteral("adminForce"));
    QVERIFY(force && force->isVisibleTo(dialog));
    dialog->confirmationEdit()->setText(QStringLiteral("forum"));
    QVERIFY(!dialog->applyButton()->isEnabled());

    // Forced, the plan is the one tributaryd source purge --force prints.
    force->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->hasPlan(), 30000);
    SourceAdmin::Options options;
    options.force = true;
    Error error;
    const SourceAdmin::Result plan = SourceAdmin::planPurge(f.db(), f.config(), QStringLiteral("forum"), options, &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(dialog->plan().rowsDeleted, plan.rowsDeleted);
    QCOMPARE(dialog->plan().links, linked);
    QVERIFY(dialog->applyButton()->isEnabled());
    // Cancel: nothing changed.
    dialog->findChild<QPushButton *>(QStringLiteral("adminCancel"))->click();
    QTRY_VERIFY(!dialog);
    QCOMPARE(links(f), linked);
}

void tst_Operations::purgeOfARemovedSourceDeletesWhatThePlanSaid()
{
    SyncFixture f;
    QVERIFY(syncedForum(f));
    const QString ownUsers = f.digest(QStringLiteral("users"), 10);
    QHash<QString, qint64> before;
    for (const QString &t : kEntities)
        before.insert(t, rows(f, t));
    // The source is renamed in the configuration: "forum" is no longer configured, and its rows
    // stay in place until someone lets go of them. The list no longer shows it.
    QVERIFY(f.configure([](QJsonObject &root) {
        editSource(root, [](QJsonObject &s) {
            s.insert(QStringLiteral("name"), QStringLiteral("renamed"));
            s.insert(QStringLiteral("enabled"), false);
        });
    }));
    MainWindow w;
    QVERIFY(showOn(w, f, QStringLiteral("renamed")));
    QCOMPARE(w.sourcesModel()->rowOf(QStringLiteral("forum")), -1);

    QAction *purge = action(w, "actionPurge");
    QVERIFY(purge->isEnabled());
    purge->trigger();
    QPointer<SourceAdminDialog> dialog = w.findChild<SourceAdminDialog *>(QStringLiteral("purgeDialog"));
    QVERIFY(dialog);
    QAbstractItemModelTester tester(dialog->planModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && !dialog->sources().isEmpty(), 30000);
    // The removed source is offered beside the configured one.
    QCOMPARE(dialog->sources(), QStringList({QStringLiteral("forum"), QStringLiteral("renamed")}));
    dialog->setSource(QStringLiteral("forum"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->hasPlan() && dialog->source() == QLatin1String("forum"), 30000);

    SourceAdmin::Options options;
    Error error;
    const SourceAdmin::Result plan = SourceAdmin::planPurge(f.db(), f.config(), QStringLiteral("forum"), options, &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QVERIFY(plan.rowsDeleted > 0);
    QCOMPARE(dialog->plan().rowsDeleted, plan.rowsDeleted);
    QCOMPARE(dialog->plan().rowsShared, plan.rowsShared);
    QCOMPARE(dialog->plan().rowsAdopted, plan.rowsAdopted);
    QCOMPARE(dialog->plan().links, plan.links);
    const QAbstractItemModel *model = dialog->planModel();
    QCOMPARE(model->rowCount(), int(plan.entities.size()));
    for (const SourceAdmin::EntityPurge &e : plan.entities) {
        QCOMPARE(figure(model, e.entity, SourcePlanModel::PurgeDeleted, SourcePlanModel::ValueRole), e.deleted);
        QCOMPARE(figure(model, e.entity, SourcePlanModel::PurgeAdopted, SourcePlanModel::ValueRole), e.adopted);
        QCOMPARE(figure(model, e.entity, SourcePlanModel::PurgeLinks, SourcePlanModel::ValueRole), e.links);
    }
    // Children first: the order of the deletes.
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("messages"));
    QVERIFY2(dialog->planText().contains(QStringLiteral("delete %1 row").arg(plan.rowsDeleted)),
             qPrintable(dialog->planText()));

    // Deliberately: only the source's name typed in full lets the purge go.
    QPushButton *apply = dialog->applyButton();
    QVERIFY(!apply->isEnabled());
    QVERIFY(!apply->isDefault());
    dialog->confirmationEdit()->setText(QStringLiteral("foru"));
    QVERIFY(!apply->isEnabled());
    QCOMPARE(rows(f, QStringLiteral("messages")), before.value(QStringLiteral("messages")));
    QTest::keyClick(dialog->confirmationEdit(), Qt::Key_M);
    QVERIFY(apply->isEnabled());
    QCOMPARE(apply->text(), QStringLiteral("Purge forum"));

    QSignalSpy done(dialog.data(), &SourceAdminDialog::done);
    apply->click();
    QVERIFY(done.wait(30000));
    QVERIFY2(dialog->isApplied(), qPrintable(dialog->resultText()));
    QVERIFY2(dialog->resultText().startsWith(QStringLiteral("Purged source \"forum\": deleted %1 row").arg(plan.rowsDeleted)),
             qPrintable(dialog->resultText()));

    // What the plan said is gone, per table; the application's own rows and the adopted ones stay.
    for (const SourceAdmin::EntityPurge &e : plan.entities)
        QCOMPARE(rows(f, e.table), before.value(e.table) - e.deleted);
    QCOMPARE(f.digest(QStringLiteral("users"), 10), ownUsers);
    QCOMPARE(links(f), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes WHERE source = 'forum' AND op = 'purge'")), plan.rowsDeleted);
    QCOMPARE(f.value(QStringLiteral("SELECT DISTINCT actor FROM tributary_changes WHERE op = 'purge'")).toString(),
             QStringLiteral("admin:") + loginName());
}

QTEST_MAIN(tst_Operations)
#include "tst_operations.moc"
