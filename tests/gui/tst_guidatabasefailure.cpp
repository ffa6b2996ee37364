// The console when the main database fails under it. A state table renamed away (as a botched
// restore or a migration run by hand would leave it) while the console is open: every view that
// reads Tributary's state says what it could not read, where its list would be — the sources
// list, the runs, the conflicts with the tab's count, the quarantine — instead of an empty list
// or a zero, the other views go on as before, and all of them come back once the table is back.
// A read-only database file: what can be read is shown, what must be written fails with the
// database's words, and a database the console cannot prepare is said to be so, never shown as
// "never synced". Real forum-sim, real SQLite files, the real main window on the offscreen
// platform.

#include "SyncFixture.h"
#include "TopicConflict.h"

#include "ConflictInspector.h"
#include "ConflictsModel.h"
#include "DashboardView.h"
#include "MainWindow.h"
#include "QuarantineModel.h"
#include "QuarantineView.h"
#include "RecordTable.h"
#include "RunsModel.h"
#include "RunsView.h"
#include "SourcesModel.h"
#include "Workspace.h"

#include "store/Database.h"

#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Gui;
using namespace Tributary::Test;

namespace {

bool exec(SyncFixture &f, const QString &sql)
{
    QSqlQuery q(f.db().db());
    if (!q.exec(sql)) {
        qWarning("%s failed", qPrintable(sql));
        return false;
    }
    return true;
}

// A forum synced twice: topics 2 and 3 changed on both sides in between (two open conflicts) and
// a topic the main database refuses (a trigger; one record in quarantine). Two runs.
bool prepare(SyncFixture &f)
{
    if (!(f.generateMain(forum(10, 3, 10, 10, 1)) && f.generateExternal(forum(20, 6, 20, 60, 2)) && f.startForum() && f.configure()))
        return false;
    if (f.sync().status != RunStatus::Ok)
        return false;
    makeTopicConflict(f, QStringLiteral("2"));
    makeTopicConflict(f, QStringLiteral("3"));
    if (!exec(f, QStringLiteral("CREATE TRIGGER no_shouting BEFORE INSERT ON topics WHEN NEW.title GLOB '*!!!*' "
                                "BEGIN SELECT RAISE(ABORT, 'topics may not shout'); END")))
        return false;
    int status = 0;
    f.forumCall("POST", QStringLiteral("/topics"),
                {{QStringLiteral("section_id"), 1}, {QStringLiteral("user_id"), 1}, {QStringLiteral("title"), QStringLiteral("HELLO!!!")}},
                &status);
    return status == 201 && f.sync().status == RunStatus::Partial;
}

// SQLite treats a database file whose format write version (byte 18 of its header) it does not
// know as read-only: the same as a file it may not write, also for root, whom permissions do not
// stop. The write-ahead log is folded into the file first, so that the header read next is the
// file's.
bool makeReadOnly(SyncFixture &f)
{
    if (!exec(f, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
        return false;
    QFile file(f.mainDb());
    if (!file.open(QIODevice::ReadWrite) || !file.seek(18))
        return false;
    return file.write("\x03", 1) == 1;
}

struct Console
{
    MainWindow window;

    bool open(SyncFixture &f)
    {
        window.resize(1200, 800);
        window.show();
        return QTest::qWaitForWindowExposed(&window) && window.openConfig(f.configPath());
    }
    QString sourceLine() const { return window.sourcesModel()->index(0).data().toString(); }
    QString sourceReadError() const { return window.sourcesModel()->index(0).data(SourcesModel::ReadErrorRole).toString(); }
    SourcesModel::State sourceState() const
    {
        return window.sourcesModel()->index(0).data(SourcesModel::StateRole).value<SourcesModel::State>();
    }
    QString conflictsTab() const { return window.tabs()->tabText(int(MainWindow::View::Conflicts)); }
    QString statusConflicts() const { return window.findChild<QLabel *>(QStringLiteral("statusConflicts"))->text(); }
    QString lastRun() const { return window.dashboard()->findChild<QLabel *>(QStringLiteral("lastRun_forum"))->text(); }
};

} // namespace

class tst_GuiDatabaseFailure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void stateTableGoneUnderTheConsole_data();
    void stateTableGoneUnderTheConsole();
    void readOnlyDatabaseIsReadAndRefusesDecisions();
    void readOnlyDatabaseTributaryNeverPrepared();
};

void tst_GuiDatabaseFailure::initTestCase()
{
    // The window's settings (recent files, layout) go to a private place, not the user's.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void tst_GuiDatabaseFailure::stateTableGoneUnderTheConsole_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("read");   // what core says it could not read
    QTest::addColumn<bool>("runs");      // whether the runs view fails
    QTest::addColumn<bool>("conflicts"); // whether the conflicts view and the tab's count fail
    QTest::addColumn<bool>("quarantine");

    QTest::newRow("runs") << QStringLiteral("tributary_runs") << QStringLiteral("the run history") << true << false << false;
    QTest::newRow("conflicts") << QStringLiteral("tributary_conflicts") << QStringLiteral("the conflicts") << false << true << false;
    QTest::newRow("quarantine") << QStringLiteral("tributary_quarantine") << QStringLiteral("the quarantine") << false << false << true;
}

void tst_GuiDatabaseFailure::stateTableGoneUnderTheConsole()
{
    QFETCH(QString, table);
    QFETCH(QString, read);
    QFETCH(bool, runs);
    QFETCH(bool, conflicts);
    QFETCH(bool, quarantine);

    SyncFixture f;
    QVERIFY(prepare(f));
    Console c;
    QVERIFY(c.open(f));
    RunsView *runsView = c.window.runs();
    ConflictInspector *inspector = c.window.conflicts();
    QuarantineView *quarantineView = c.window.quarantine();

    auto expectHealthy = [&] {
        QCOMPARE(c.sourceReadError(), QString());
        QVERIFY2(c.sourceLine().contains(QStringLiteral("2 conflict")), qPrintable(c.sourceLine()));
        QVERIFY2(c.sourceLine().contains(QStringLiteral("1 quarantined")), qPrintable(c.sourceLine()));
        QCOMPARE(runsView->model()->rowCount(), 2);
        QCOMPARE(runsView->emptyStateText(), QString());
        QCOMPARE(inspector->model()->rowCount(), 2);
        QCOMPARE(inspector->emptyStateText(), QString());
        QCOMPARE(c.conflictsTab(), QStringLiteral("Conflicts (2)"));
        QVERIFY2(c.statusConflicts().startsWith(QStringLiteral("2 conflict")), qPrintable(c.statusConflicts()));
        QCOMPARE(quarantineView->model()->rowCount(), 1);
        QCOMPARE(quarantineView->emptyStateText(), QString());
    };
    expectHealthy();
    if (QTest::currentTestFailed())
        return;

    // Through a second connection, as another program would; the console notices at its next
    // read (a run ended, a decision was made).
    QVERIFY(exec(f, QStringLiteral("ALTER TABLE %1 RENAME TO gone").arg(table)));
    c.window.workspace()->notifyDataChanged();

    // The sources list: not "never synced", not idle, but what could not be read.
    QVERIFY2(c.sourceReadError().contains(read), qPrintable(c.sourceReadError()));
    QVERIFY2(c.sourceReadError().contains(QStringLiteral("no such table: ") + table), qPrintable(c.sourceReadError()));
    QVERIFY2(c.sourceLine().contains(QStringLiteral("cannot read its state: ")), qPrintable(c.sourceLine()));
    QVERIFY(!c.sourceLine().contains(QStringLiteral("never synced")));
    QCOMPARE(c.sourceState(), SourcesModel::State::NeedsAttention);

    // Each view that reads the table says so where its list would be; the others list as before.
    if (runs) {
        QCOMPARE(runsView->model()->rowCount(), 0);
        QVERIFY(runsView->model()->readError());
        QVERIFY2(runsView->emptyStateText().startsWith(QStringLiteral("Cannot read the runs:\n")), qPrintable(runsView->emptyStateText()));
        QVERIFY2(runsView->emptyStateText().contains(read), qPrintable(runsView->emptyStateText()));
        QVERIFY(!runsView->emptyStateText().contains(QStringLiteral("No run yet")));
        QVERIFY(runsView->findChild<RecordPane *>()->isReadErrorShown());
    } else {
        QCOMPARE(runsView->model()->rowCount(), 2);
    }
    if (conflicts) {
        QCOMPARE(inspector->model()->rowCount(), 0);
        QVERIFY2(inspector->emptyStateText().startsWith(QStringLiteral("Cannot read the conflicts:\n")), qPrintable(inspector->emptyStateText()));
        QVERIFY2(inspector->emptyStateText().contains(read), qPrintable(inspector->emptyStateText()));
        QVERIFY(!inspector->emptyStateText().contains(QStringLiteral("Nothing waits")));
        QVERIFY(inspector->findChild<RecordPane *>()->isReadErrorShown());
        // No count rather than a wrong one; the error is in the tab.
        QCOMPARE(c.conflictsTab(), QStringLiteral("Conflicts"));
        QVERIFY2(c.window.tabs()->tabToolTip(int(MainWindow::View::Conflicts)).contains(QStringLiteral("Cannot count the conflicts")),
                 qPrintable(c.window.tabs()->tabToolTip(int(MainWindow::View::Conflicts))));
        QCOMPARE(c.statusConflicts(), QStringLiteral("Cannot count the conflicts"));
    } else {
        QCOMPARE(inspector->model()->rowCount(), 2);
        QCOMPARE(c.conflictsTab(), QStringLiteral("Conflicts (2)"));
    }
    if (quarantine) {
        QCOMPARE(quarantineView->model()->rowCount(), 0);
        QVERIFY2(quarantineView->emptyStateText().startsWith(QStringLiteral("Cannot read the quarantine:\n")),
                 qPrintable(quarantineView->emptyStateText()));
        QVERIFY2(quarantineView->emptyStateText().contains(read), qPrintable(quarantineView->emptyStateText()));
        QVERIFY(!quarantineView->emptyStateText().contains(QStringLiteral("Nothing is in quarantine")));
        QVERIFY(quarantineView->findChild<RecordPane *>()->isReadErrorShown());
        QVERIFY(!quarantineView->retryAll()); // nothing to retry is not what it knows
        QVERIFY2(quarantineView->noticeText().startsWith(QStringLiteral("Cannot read the quarantine")), qPrintable(quarantineView->noticeText()));
    } else {
        QCOMPARE(quarantineView->model()->rowCount(), 1);
    }

    // The dashboard reads the last run when it is built (the configuration reopened).
    QStringList errors;
    QVERIFY(c.window.workspace()->reload(&errors));
    if (runs)
        QVERIFY2(c.lastRun().startsWith(QStringLiteral("Cannot read the last run: ")), qPrintable(c.lastRun()));
    else
        QVERIFY2(c.lastRun().startsWith(QStringLiteral("Last ")), qPrintable(c.lastRun()));

    // The table is back: everything is as it was.
    QVERIFY(exec(f, QStringLiteral("ALTER TABLE gone RENAME TO %1").arg(table)));
    c.window.workspace()->notifyDataChanged();
    expectHealthy();
    QVERIFY(!runsView->model()->readError());
    QVERIFY(!inspector->model()->readError());
    QVERIFY(!quarantineView->model()->readError());
    for (QWidget *view : {static_cast<QWidget *>(runsView), static_cast<QWidget *>(inspector), static_cast<QWidget *>(quarantineView)})
        QVERIFY(view->findChild<RecordPane *>()->isTableShown());
    QCOMPARE(c.window.tabs()->tabToolTip(int(MainWindow::View::Conflicts)), QString());
}

void tst_GuiDatabaseFailure::readOnlyDatabaseIsReadAndRefusesDecisions()
{
    SyncFixture f;
    QVERIFY(prepare(f));
    QVERIFY(makeReadOnly(f));
    Console c;
    QVERIFY(c.open(f));
    QVERIFY2(c.window.workspace()->database(), qPrintable(c.window.workspace()->databaseError().toString()));

    // Reading needs no writing: every view shows what the database holds.
    QCOMPARE(c.sourceReadError(), QString());
    QVERIFY2(c.sourceLine().contains(QStringLiteral("2 conflict")), qPrintable(c.sourceLine()));
    QCOMPARE(c.window.runs()->model()->rowCount(), 2);
    QCOMPARE(c.window.quarantine()->model()->rowCount(), 1);
    QCOMPARE(c.conflictsTab(), QStringLiteral("Conflicts (2)"));

    // A decision cannot be written: the inspector says why, and nothing pretends it was.
    ConflictInspector *inspector = c.window.conflicts();
    inspector->setActor(QStringLiteral("tester"));
    QCOMPARE(inspector->model()->rowCount(), 2);
    QVERIFY(inspector->selectConflict(inspector->model()->conflict(0).id));
    QString message;
    QVERIFY(!inspector->resolveShown(Resolution::Action::KeepLocal, &message));
    QVERIFY(inspector->isMessageError());
    QVERIFY2(message.contains(QStringLiteral("readonly")), qPrintable(message));
    c.window.workspace()->notifyDataChanged();
    QCOMPARE(inspector->model()->rowCount(), 2);
    QCOMPARE(c.conflictsTab(), QStringLiteral("Conflicts (2)"));
}

void tst_GuiDatabaseFailure::readOnlyDatabaseTributaryNeverPrepared()
{
    // The main application's database as it was before Tributary ever ran, read-only: the
    // console cannot create its state tables there.
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 3, 10, 10, 1)) && f.generateExternal(forum(20, 6, 20, 60, 2)) && f.startForum() && f.configure());
    const QStringList tables = f.db().tables();
    for (const QString &t : tables) {
        if (t.startsWith(QLatin1String("tributary_")))
            QVERIFY(exec(f, QStringLiteral("DROP TABLE %1").arg(t)));
    }
    QVERIFY(makeReadOnly(f));
    Console c;
    QVERIFY(c.open(f));
    QVERIFY(!c.window.workspace()->database());
    const QString why = c.window.workspace()->databaseError().toString();
    QVERIFY2(why.contains(QStringLiteral("readonly")), qPrintable(why));

    // Every view says so; the source is not "never synced", and nothing is counted.
    QVERIFY2(c.sourceLine().contains(QStringLiteral("cannot read its state: ")), qPrintable(c.sourceLine()));
    QVERIFY2(c.sourceReadError().contains(QStringLiteral("readonly")), qPrintable(c.sourceReadError()));
    QVERIFY(!c.sourceLine().contains(QStringLiteral("never synced")));
    QCOMPARE(c.sourceState(), SourcesModel::State::NeedsAttention);
    for (const QString &text : {c.window.runs()->emptyStateText(), c.window.conflicts()->emptyStateText(),
                                c.window.quarantine()->emptyStateText()}) {
        QVERIFY2(text.startsWith(QStringLiteral("The main database could not be opened")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("readonly")), qPrintable(text));
    }
    QCOMPARE(c.conflictsTab(), QStringLiteral("Conflicts"));
    QCOMPARE(c.statusConflicts(), QString());
}

QTEST_MAIN(tst_GuiDatabaseFailure)
#include "tst_guidatabasefailure.moc"
