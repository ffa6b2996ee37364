// The Records tab of the console on a real synced forum: a record found by its external id in
// two steps (type it, press Enter) shows its row, its links and the change log lines the sync
// wrote; by its local id and by a value several candidates are listed with their text to pick
// from; what is not found says so and what to do; the conflict inspector and the quarantine
// open their record there. Real forum-sim, real SQLite, offscreen widgets; every model checked
// by QAbstractItemModelTester.

#include "SyncFixture.h"
#include "TopicConflict.h"

#include "ConflictInspector.h"
#include "DisplayText.h"
#include "MainWindow.h"
#include "QuarantineView.h"
#include "RecordsModel.h"
#include "RecordsView.h"
#include "Workspace.h"

#include "store/Database.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Gui;
using namespace Tributary::Test;

namespace {

bool syncOk(SyncFixture &f)
{
    return RunResult::statusName(f.sync().status) == QLatin1String("ok");
}

bool prepared(SyncFixture &f)
{
    return f.generateMain(forum(10, 3, 10, 10, 1)) && f.generateExternal(forum(20, 6, 20, 60, 2)) && f.startForum() && f.configure()
        && syncOk(f);
}

bool exec(SyncFixture &f, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(f.db().db());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        qWarning("%s failed", qPrintable(sql));
        return false;
    }
    return true;
}

bool quarantine(SyncFixture &f, const QString &entity, const QString &externalId, const QString &reason)
{
    return exec(f,
                QStringLiteral("INSERT INTO tributary_quarantine (source, entity, external_id, record, field, reason, first_seen, last_seen) "
                               "VALUES ('forum', ?, ?, '{}', NULL, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')"),
                {entity, externalId, reason});
}

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

// The row of the Row part that shows `column`, or -1.
int rowOfColumn(const QAbstractItemModel *model, const QString &column)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (cell(model, r, RecordDetailModel::RowName) == column)
            return r;
    }
    return -1;
}

// Every model of the view under QAbstractItemModelTester for as long as it lives.
struct Testers
{
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    explicit Testers(RecordsView *view)
    {
        for (QAbstractItemModel *m : std::initializer_list<QAbstractItemModel *>{view->hitsModel(), view->rowModel(), view->linksModel(),
                                                                                  view->conflictsModel(), view->historyModel()})
            testers.push_back(std::make_unique<QAbstractItemModelTester>(m, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }
};

// A workspace on the fixture's configuration and the Records view on screen (offscreen).
struct Console
{
    Workspace workspace;
    std::unique_ptr<RecordsView> view;
    std::unique_ptr<Testers> testers;

    bool open(SyncFixture &f)
    {
        QStringList errors;
        if (!workspace.open(f.configPath(), &errors)) {
            qWarning("open: %s", qPrintable(errors.join(QLatin1Char('\n'))));
            return false;
        }
        view = std::make_unique<RecordsView>(&workspace);
        testers = std::make_unique<Testers>(view.get());
        view->resize(1200, 800);
        view->show();
        return QTest::qWaitForWindowExposed(view.get());
    }
    // What a person does: types into the search line and presses Enter.
    void type(const QString &text)
    {
        view->searchEdit()->clear();
        QTest::keyClicks(view->searchEdit(), text);
        QTest::keyClick(view->searchEdit(), Qt::Key_Return);
    }
};

} // namespace

class tst_RecordsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void emptyStatesSayWhatToDo();
    void externalIdInTwoStepsShowsRowLinksAndHistory();
    void localIdListsEveryTableThatHasIt();
    void valueListsSeveralToPickFrom();
    void notFoundSaysSoAndWhy();
    void openFromTheConflictInspector();
    void openFromTheQuarantine();
};

void tst_RecordsView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void tst_RecordsView::emptyStatesSayWhatToDo()
{
    Workspace closed;
    RecordsView none(&closed);
    QVERIFY2(none.stateText().contains(QStringLiteral("No configuration is open")), qPrintable(none.stateText()));
    QVERIFY(!none.find());

    SyncFixture f;
    QVERIFY(prepared(f));
    Console c;
    QVERIFY(c.open(f));
    QVERIFY2(c.view->stateText().contains(QStringLiteral("Find a record by the id a source gave it")), qPrintable(c.view->stateText()));
    // The scopes: each source's entities, then local ids and values.
    QStringList scopes;
    for (int i = 0; i < c.view->scopeCombo()->count(); ++i)
        scopes.append(c.view->scopeCombo()->itemText(i));
    QCOMPARE(scopes, (QStringList{QStringLiteral("External id of forum/users"), QStringLiteral("External id of forum/sections"),
                                  QStringLiteral("External id of forum/topics"), QStringLiteral("External id of forum/messages"),
                                  QStringLiteral("Local id (every table)"), QStringLiteral("Value (text columns of every table)")}));
    c.type(QString());
    QVERIFY2(c.view->stateText().contains(QStringLiteral("Type what to look for first")), qPrintable(c.view->stateText()));
    QVERIFY(!c.view->shownRecord().isValid());
}

void tst_RecordsView::externalIdInTwoStepsShowsRowLinksAndHistory()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    const QString local = f.localId(QStringLiteral("topics"), QStringLiteral("4"));
    const QString title = f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {local.toLongLong()}).toString();
    const qint64 run = f.scalar(QStringLiteral("SELECT MAX(id) FROM tributary_runs"));
    const QString linkedAt = f.value(QStringLiteral("SELECT created_at FROM tributary_links WHERE entity = 'topics' AND external_id = '4'")).toString();
    {
        // The entity chosen once is remembered: later visits take two steps.
        Console first;
        QVERIFY(first.open(f));
        QVERIFY(first.view->setScope(RecordQuery::By::ExternalId, QStringLiteral("forum"), QStringLiteral("topics")));
    }
    Console c;
    QVERIFY(c.open(f));
    QCOMPARE(c.view->scopeCombo()->currentText(), QStringLiteral("External id of forum/topics"));

    // Step one: type the id. Step two: Enter.
    c.type(QStringLiteral("4"));
    QCOMPARE(c.view->shownRecord(), (RecordKey{QStringLiteral("topics"), local}));
    QVERIFY(c.view->stateText().isEmpty());
    QCOMPARE(c.view->hitsModel()->rowCount(), 0); // a single hit opens directly
    QVERIFY2(c.view->titleText().contains(QStringLiteral("topics %1").arg(local)) && c.view->titleText().contains(title),
             qPrintable(c.view->titleText()));
    QVERIFY2(c.view->summaryText().contains(QStringLiteral("Linked to 1 source record")) &&
                 c.view->summaryText().contains(QStringLiteral(": forum/topics 4.")),
             qPrintable(c.view->summaryText()));

    // The row, with the link's base beside it (the row is its own base: nobody edited it).
    const RecordDetailModel *row = c.view->rowModel();
    QCOMPARE(row->columnCount(), 3);
    QCOMPARE(row->headerData(RecordDetailModel::RowFirstBase, Qt::Horizontal).toString(), QStringLiteral("Base of forum/topics"));
    const int titleRow = rowOfColumn(row, QStringLiteral("title"));
    QVERIFY(titleRow >= 0);
    QCOMPARE(cell(row, titleRow, RecordDetailModel::RowValue), title);
    QCOMPARE(cell(row, titleRow, RecordDetailModel::RowFirstBase), title);
    QVERIFY(!row->index(titleRow, RecordDetailModel::RowValue).data(RecordDetailModel::ChangedRole).toBool());
    const int idRow = rowOfColumn(row, QStringLiteral("id"));
    QCOMPARE(cell(row, idRow, RecordDetailModel::RowValue), local);
    const int sectionRow = rowOfColumn(row, QStringLiteral("section_id"));
    QVERIFY(sectionRow >= 0);
    QCOMPARE(row->index(sectionRow, RecordDetailModel::RowName).data(Qt::ToolTipRole).toString(), QStringLiteral("A key of sections"));

    // Its link.
    const RecordDetailModel *links = c.view->linksModel();
    QCOMPARE(links->rowCount(), 1);
    QCOMPARE(cell(links, 0, RecordDetailModel::LinkSource), QStringLiteral("forum"));
    QCOMPARE(cell(links, 0, RecordDetailModel::LinkEntity), QStringLiteral("topics"));
    QCOMPARE(cell(links, 0, RecordDetailModel::LinkExternalId), QStringLiteral("4"));
    QCOMPARE(cell(links, 0, RecordDetailModel::LinkOrigin), QStringLiteral("inserted by run %1").arg(QLocale().toString(run)));
    QCOMPARE(cell(links, 0, RecordDetailModel::LinkState), QStringLiteral("linked"));
    QCOMPARE(cell(links, 0, RecordDetailModel::LinkSince), DisplayText::time(linkedAt));
    QCOMPARE(cell(links, 0, RecordDetailModel::LinkBase), QStringLiteral("the row itself (not edited since)"));
    QCOMPARE(c.view->conflictsModel()->rowCount(), 0);

    // The change log line the sync stands for: the run inserted it.
    const RecordDetailModel *history = c.view->historyModel();
    QCOMPARE(history->rowCount(), 1);
    QCOMPARE(cell(history, 0, RecordDetailModel::HistoryTime), DisplayText::time(linkedAt));
    QCOMPARE(cell(history, 0, RecordDetailModel::HistoryActor), QStringLiteral("source:forum"));
    QCOMPARE(cell(history, 0, RecordDetailModel::HistoryOp), QStringLiteral("insert"));
    QCOMPARE(cell(history, 0, RecordDetailModel::HistoryRun), QLocale().toString(run));

    // The forum renames it; the next sync's update appears with the value it wrote.
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/4"), {{QStringLiteral("title"), QStringLiteral("Renamed at the forum")}}, &status);
    QCOMPARE(status, 200);
    QVERIFY(syncOk(f));
    c.workspace.notifyDataChanged();
    QCOMPARE(history->rowCount(), 2);
    QCOMPARE(cell(history, 1, RecordDetailModel::HistoryOp), QStringLiteral("update"));
    QCOMPARE(cell(history, 1, RecordDetailModel::HistoryActor), QStringLiteral("source:forum"));
    QVERIFY2(cell(history, 1, RecordDetailModel::HistoryValues).contains(QStringLiteral("title = \"Renamed at the forum\"")),
             qPrintable(cell(history, 1, RecordDetailModel::HistoryValues)));
    QCOMPARE(cell(row, rowOfColumn(row, QStringLiteral("title")), RecordDetailModel::RowValue), QStringLiteral("Renamed at the forum"));
    QCOMPARE(c.view->shownRecord(), (RecordKey{QStringLiteral("topics"), local}));
}

void tst_RecordsView::localIdListsEveryTableThatHasIt()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    const QString local = f.localId(QStringLiteral("topics"), QStringLiteral("7"));
    const QString title = f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {local.toLongLong()}).toString();
    Console c;
    QVERIFY(c.open(f));
    QVERIFY(c.view->setScope(RecordQuery::By::LocalId));
    c.type(local);
    // Several tables have a row with that key: each is listed with its own text, to pick from.
    const RecordHitsModel *hits = c.view->hitsModel();
    QVERIFY2(hits->rowCount() >= 2, qPrintable(QString::number(hits->rowCount())));
    int topicRow = -1;
    for (int r = 0; r < hits->rowCount(); ++r) {
        QCOMPARE(cell(hits, r, RecordHitsModel::LocalIdColumn), local);
        QVERIFY(!cell(hits, r, RecordHitsModel::TextColumn).isEmpty());
        if (cell(hits, r, RecordHitsModel::TableColumn) == QLatin1String("topics"))
            topicRow = r;
    }
    QVERIFY(topicRow >= 0);
    QCOMPARE(cell(hits, topicRow, RecordHitsModel::TextColumn), title.simplified());
    QCOMPARE(cell(hits, topicRow, RecordHitsModel::LinkColumn), QStringLiteral("forum/topics 7"));
    QVERIFY(!c.view->shownRecord().isValid());
    QVERIFY2(c.view->stateText().contains(QStringLiteral("Pick one")), qPrintable(c.view->stateText()));
    c.view->hitsView()->setCurrentIndex(hits->index(topicRow, 0));
    QCOMPARE(c.view->shownRecord(), (RecordKey{QStringLiteral("topics"), local}));
    QCOMPARE(cell(c.view->linksModel(), 0, RecordDetailModel::LinkExternalId), QStringLiteral("7"));
    // The list stays to pick another.
    QCOMPARE(hits->rowCount() >= 2, true);
}

void tst_RecordsView::valueListsSeveralToPickFrom()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    const QString a = f.localId(QStringLiteral("topics"), QStringLiteral("2"));
    const QString b = f.localId(QStringLiteral("topics"), QStringLiteral("3"));
    const QString before = f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {b.toLongLong()}).toString();
    QVERIFY(exec(f, QStringLiteral("UPDATE topics SET title = 'The Needle in the hay' WHERE id = ?"), {a.toLongLong()}));
    QVERIFY(exec(f, QStringLiteral("UPDATE topics SET title = 'another needle' WHERE id = ?"), {b.toLongLong()}));
    Console c;
    QVERIFY(c.open(f));
    QVERIFY(c.view->setScope(RecordQuery::By::Value));
    c.type(QStringLiteral("needle"));
    const RecordHitsModel *hits = c.view->hitsModel();
    QCOMPARE(hits->rowCount(), 2);
    QCOMPARE(cell(hits, 0, RecordHitsModel::TableColumn), QStringLiteral("topics"));
    QCOMPARE(cell(hits, 0, RecordHitsModel::LocalIdColumn), a);
    QCOMPARE(cell(hits, 0, RecordHitsModel::TextColumn), QStringLiteral("The Needle in the hay"));
    QCOMPARE(cell(hits, 0, RecordHitsModel::LinkColumn), QStringLiteral("forum/topics 2"));
    QCOMPARE(cell(hits, 1, RecordHitsModel::TextColumn), QStringLiteral("another needle"));
    // "2 records match" once the English plurals are loaded, "2 record(s) match" without them.
    QVERIFY2(c.view->statusText().startsWith(QStringLiteral("2 record")) && c.view->statusText().endsWith(QStringLiteral("match: pick one.")),
             qPrintable(c.view->statusText()));
    QVERIFY(!c.view->shownRecord().isValid());

    c.view->hitsView()->setCurrentIndex(hits->index(1, RecordHitsModel::TextColumn));
    QCOMPARE(c.view->shownRecord(), (RecordKey{QStringLiteral("topics"), b}));
    QVERIFY2(c.view->titleText().contains(QStringLiteral("another needle")), qPrintable(c.view->titleText()));
    // Edited locally: the value differs from the base, which is the row before the edit.
    const RecordDetailModel *row = c.view->rowModel();
    const int titleRow = rowOfColumn(row, QStringLiteral("title"));
    QCOMPARE(cell(row, titleRow, RecordDetailModel::RowValue), QStringLiteral("another needle"));
    QVERIFY(row->index(titleRow, RecordDetailModel::RowValue).data(RecordDetailModel::ChangedRole).toBool());
    QCOMPARE(row->columnCount(), 3); // the capture is the link's base: no column of its own
    QCOMPARE(cell(row, titleRow, RecordDetailModel::RowFirstBase), before);
    QVERIFY(row->headerData(RecordDetailModel::RowFirstBase, Qt::Horizontal, Qt::ToolTipRole).toString().endsWith(
        QStringLiteral("the row before the local edit")));
    QCOMPARE(cell(c.view->linksModel(), 0, RecordDetailModel::LinkBase), QStringLiteral("the row before the local edit"));
    QVERIFY2(c.view->summaryText().contains(QStringLiteral("The main application edited it")), qPrintable(c.view->summaryText()));
}

void tst_RecordsView::notFoundSaysSoAndWhy()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    Console c;
    QVERIFY(c.open(f));
    QVERIFY(c.view->setScope(RecordQuery::By::ExternalId, QStringLiteral("forum"), QStringLiteral("messages")));
    c.type(QStringLiteral("987654"));
    QVERIFY(!c.view->shownRecord().isValid());
    QCOMPARE(c.view->hitsModel()->rowCount(), 0);
    QVERIFY2(c.view->stateText().contains(QStringLiteral("No record of forum/messages has the external id \"987654\"")),
             qPrintable(c.view->stateText()));
    QVERIFY2(c.view->stateText().contains(QStringLiteral("sync forum")), qPrintable(c.view->stateText()));

    // Held in quarantine: said, with the reason.
    QVERIFY(quarantine(f, QStringLiteral("messages"), QStringLiteral("987654"), QStringLiteral("content: a required field is missing")));
    c.type(QStringLiteral("987654"));
    QVERIFY2(c.view->stateText().contains(QStringLiteral("held in quarantine: content: a required field is missing")),
             qPrintable(c.view->stateText()));

    QVERIFY(c.view->setScope(RecordQuery::By::Value));
    c.type(QStringLiteral("no such text anywhere"));
    QVERIFY2(c.view->stateText().contains(QStringLiteral("No mapped text column contains \"no such text anywhere\"")),
             qPrintable(c.view->stateText()));
    QVERIFY(c.view->setScope(RecordQuery::By::LocalId));
    c.type(QStringLiteral("99999999"));
    QVERIFY2(c.view->stateText().contains(QStringLiteral("No table of the configuration has a row with the local id \"99999999\"")),
             qPrintable(c.view->stateText()));
}

void tst_RecordsView::openFromTheConflictInspector()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    const TopicConflict t = makeTopicConflict(f, QStringLiteral("5"));
    QVERIFY(syncOk(f));
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openConfig(f.configPath()));
    Testers testers(w.records());
    const qint64 id = f.scalar(QStringLiteral("SELECT id FROM tributary_conflicts WHERE entity = 'topics' AND external_id = '5'"));
    w.showView(MainWindow::View::Conflicts);
    QVERIFY(w.conflicts()->selectConflict(id));
    auto *open = w.conflicts()->findChild<QPushButton *>(QStringLiteral("openRecordButton"));
    QVERIFY(open && open->isVisible() && open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);

    QCOMPARE(w.tabs()->currentWidget(), static_cast<QWidget *>(w.records()));
    RecordsView *records = w.records();
    QCOMPARE(records->shownRecord(), (RecordKey{QStringLiteral("topics"), QString::number(t.localId)}));
    QCOMPARE(records->scopeCombo()->currentText(), QStringLiteral("External id of forum/topics"));
    QCOMPARE(records->searchEdit()->text(), QStringLiteral("5"));
    const RecordDetailModel *row = records->rowModel();
    QCOMPARE(cell(row, rowOfColumn(row, QStringLiteral("title")), RecordDetailModel::RowValue), QStringLiteral("Mine"));
    const RecordDetailModel *conflicts = records->conflictsModel();
    QCOMPARE(conflicts->rowCount(), 1);
    QCOMPARE(conflicts->index(0, RecordDetailModel::ConflictId).data(RecordDetailModel::IdRole).toLongLong(), id);
    QCOMPARE(cell(conflicts, 0, RecordDetailModel::ConflictStatus), QStringLiteral("Open"));
    QCOMPARE(cell(conflicts, 0, RecordDetailModel::ConflictFields), QStringLiteral("title, section_id"));
    QVERIFY2(records->summaryText().contains(QStringLiteral("wait for a decision")), qPrintable(records->summaryText()));

    // Decided in the inspector: the record shows the decision and what it wrote.
    w.showView(MainWindow::View::Conflicts);
    QVERIFY(w.conflicts()->selectConflict(id));
    w.conflicts()->setActor(QStringLiteral("tester"));
    QVERIFY(w.conflicts()->resolveShown(Resolution::Action::TakeRemote));
    w.workspace()->notifyDataChanged();
    QCOMPARE(conflicts->rowCount(), 1);
    QVERIFY2(cell(conflicts, 0, RecordDetailModel::ConflictStatus).startsWith(QStringLiteral("Resolved: took the source's values, by tester")),
             qPrintable(cell(conflicts, 0, RecordDetailModel::ConflictStatus)));
    QVERIFY2(cell(conflicts, 0, RecordDetailModel::ConflictWritten).contains(QStringLiteral("title = \"Theirs\"")),
             qPrintable(cell(conflicts, 0, RecordDetailModel::ConflictWritten)));
    const RecordDetailModel *history = records->historyModel();
    QCOMPARE(cell(history, history->rowCount() - 1, RecordDetailModel::HistoryOp), QStringLiteral("resolve"));
    QCOMPARE(cell(history, history->rowCount() - 1, RecordDetailModel::HistoryActor), QStringLiteral("person:tester"));
}

void tst_RecordsView::openFromTheQuarantine()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    const QString local = f.localId(QStringLiteral("topics"), QStringLiteral("4"));
    // A newer version of a synced topic held back, and a record that never arrived.
    QVERIFY(quarantine(f, QStringLiteral("topics"), QStringLiteral("4"), QStringLiteral("title: not a text")));
    QVERIFY(quarantine(f, QStringLiteral("topics"), QStringLiteral("999999"), QStringLiteral("title: a required field is missing")));
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openConfig(f.configPath()));
    w.showView(MainWindow::View::Quarantine);
    auto *open = w.quarantine()->findChild<QPushButton *>(QStringLiteral("quarantineOpenRecord"));
    QVERIFY(open);
    QVERIFY(w.quarantine()->selectRecord(QStringLiteral("forum"), QStringLiteral("topics"), QStringLiteral("999999")));
    QVERIFY(!open->isEnabled()); // no row to show
    QVERIFY(w.quarantine()->selectRecord(QStringLiteral("forum"), QStringLiteral("topics"), QStringLiteral("4")));
    QVERIFY(open->isVisible() && open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);

    QCOMPARE(w.tabs()->currentWidget(), static_cast<QWidget *>(w.records()));
    QCOMPARE(w.records()->shownRecord(), (RecordKey{QStringLiteral("topics"), local}));
    QVERIFY2(w.records()->summaryText().contains(QStringLiteral("held in quarantine: title: not a text")),
             qPrintable(w.records()->summaryText()));
}

QTEST_MAIN(tst_RecordsView)
#include "tst_recordsview.moc"
