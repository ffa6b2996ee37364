// The console's Outbox tab on a real SQLite main database: the main application's changes
// waiting to be pushed, put in tributary_outbox as the capture triggers would, shown with their
// state, attempts and the source's answer; retried and dropped through the core's Outbox as
// `tributaryd outbox` does, the drop only after a question that says what it means; an
// operation another connection adds shows up within seconds; the tab counts what waits and opens
// the row in the Records tab. Real forum-sim (for a configuration that validates), offscreen
// widgets, every model checked by QAbstractItemModelTester.

#include "SyncFixture.h"

#include "Application.h"
#include "DisplayText.h"
#include "MainWindow.h"
#include "OutboxModel.h"
#include "OutboxView.h"
#include "RecordsView.h"
#include "StatusColors.h"
#include "Workspace.h"

#include "store/Database.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QTabBar>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <memory>

using namespace Tributary;
using namespace Tributary::Gui;
using namespace Tributary::Test;

namespace {

// A main database with its state tables and a configuration that runs; nothing synced.
bool prepared(SyncFixture &f)
{
    return f.generateMain(forum(10, 3, 10, 10, 1)) && f.generateExternal(forum(5, 2, 5, 5, 2)) && f.startForum() && f.configure();
}

// The outbox view on such a database, its model under QAbstractItemModelTester.
struct OutboxConsole
{
    SyncFixture f;
    Workspace ws;
    std::unique_ptr<OutboxView> view;
    std::unique_ptr<QAbstractItemModelTester> tester;

    bool open()
    {
        QStringList errors;
        if (!prepared(f) || !ws.open(f.configPath(), &errors) || !ws.database())
            return false;
        view = std::make_unique<OutboxView>(&ws);
        tester = std::make_unique<QAbstractItemModelTester>(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        return true;
    }
};

OutboxRow refusedRow(const QString &localId, const QString &why)
{
    OutboxRow r;
    r.localId = localId;
    r.state = QStringLiteral("refused");
    r.attempts = 2;
    r.lastError = why;
    return r;
}

QString cell(const OutboxView &view, int row, int column)
{
    return view.view()->model()->index(row, column).data().toString();
}

// The table's row of operation `id`, or -1.
int rowOf(const OutboxView &view, qint64 id)
{
    const int row = view.model()->rowOf(id);
    const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(view.view()->model());
    return row < 0 || !proxy ? -1 : proxy->mapFromSource(view.model()->index(row, 0)).row();
}

// What another process (tributaryd pushing) does, through the fixture's own connection.
bool exec(SyncFixture &f, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(f.db().db());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    return q.exec();
}

QString stateOf(SyncFixture &f, qint64 id)
{
    return f.value(QStringLiteral("SELECT state || '|' || next_attempt_at FROM tributary_outbox WHERE id = ?"), {id}).toString();
}

} // namespace

class tst_OutboxView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rowsAreShownWithTheirStateAndAnswer();
    void retryMakesThemDueNow();
    void dropAsksWhatItMeansThenForgets();
    void whatAnotherProcessQueuesShowsUpWithinSeconds();
    void theTabCountsAndOpensTheRecord();
    void atOneThousandTwentyFourPixelsNothingIsOffScreen_data();
    void atOneThousandTwentyFourPixelsNothingIsOffScreen();
};

void tst_OutboxView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QCOMPARE(installTranslations(), QStringLiteral("en")); // English plural forms
}

void tst_OutboxView::rowsAreShownWithTheirStateAndAnswer()
{
    Workspace closed;
    OutboxView nothingOpen(&closed);
    QVERIFY(nothingOpen.emptyStateText().contains(QStringLiteral("No configuration is open")));
    QCOMPARE(nothingOpen.waitingCount(), -1);

    OutboxConsole c;
    QVERIFY(c.open());
    SyncFixture &f = c.f;
    OutboxView &view = *c.view;
    QCOMPARE(view.emptyStateText(), QStringLiteral("The outbox is empty: every change of the main database reached its sources."));
    QCOMPARE(view.waitingCount(), 0);

    OutboxRow pending;
    pending.localId = QStringLiteral("4");
    pending.attempts = 1234;
    pending.nextAttemptAt = QStringLiteral("2026-01-02T04:00:00.000Z");
    pending.lastError = QStringLiteral("connection refused");
    const qint64 first = queueOutbox(f, pending);
    const qint64 second = queueOutbox(f, refusedRow(QStringLiteral("7"), QStringLiteral("HTTP 422: title is required\nfull answer")));
    QVERIFY(first > 0 && second > 0);
    view.refresh();
    QCOMPARE(view.model()->rowCount(), 2);
    QVERIFY(view.emptyStateText().isEmpty());
    QCOMPARE(view.waitingCount(), 2);
    const QString count = view.findChild<QLabel *>(QStringLiteral("outboxCount"))->text();
    QVERIFY2(count.contains(QStringLiteral("2 changes waiting")) && count.contains(QStringLiteral("1 refused")), qPrintable(count));

    const int p = rowOf(view, first), r = rowOf(view, second);
    QCOMPARE(cell(view, p, OutboxModel::SourceColumn), QStringLiteral("forum"));
    QCOMPARE(cell(view, p, OutboxModel::EntityColumn), QStringLiteral("topics"));
    QCOMPARE(cell(view, p, OutboxModel::RowColumn), QStringLiteral("topics 4"));
    QCOMPARE(cell(view, p, OutboxModel::StateColumn), QStringLiteral("pending"));
    QCOMPARE(cell(view, p, OutboxModel::SinceColumn), DisplayText::time(pending.madeAt));
    QCOMPARE(cell(view, p, OutboxModel::AttemptsColumn), QLocale().toString(1234));
    QCOMPARE(cell(view, p, OutboxModel::NextAttemptColumn), DisplayText::time(pending.nextAttemptAt));
    QCOMPARE(cell(view, p, OutboxModel::LastErrorColumn), QStringLiteral("connection refused"));
    QVERIFY(!view.view()->model()->index(p, OutboxModel::StateColumn).data(Qt::ForegroundRole).isValid());

    QCOMPARE(cell(view, r, OutboxModel::StateColumn), QStringLiteral("refused"));
    QCOMPARE(view.view()->model()->index(r, OutboxModel::StateColumn).data(Qt::ForegroundRole).value<QColor>(),
             StatusColors::foreground(StatusColors::Status::Error));
    QCOMPARE(cell(view, r, OutboxModel::LastErrorColumn), QStringLiteral("HTTP 422: title is required"));
    QCOMPARE(view.view()->model()->index(r, OutboxModel::LastErrorColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("HTTP 422: title is required\nfull answer"));
    QCOMPARE(cell(view, r, OutboxModel::NextAttemptColumn), QStringLiteral("after a retry"));

    // The filters: refused only, one source.
    view.setRefusedOnly(true);
    QCOMPARE(view.model()->rowCount(), 1);
    QCOMPARE(view.model()->operation(0).id, second);
    view.setRefusedOnly(false);
    view.setSourceFilter(QStringLiteral("forum"));
    QCOMPARE(view.sourceFilter(), QStringLiteral("forum"));
    QCOMPARE(view.model()->rowCount(), 2);
}

void tst_OutboxView::retryMakesThemDueNow()
{
    OutboxConsole c;
    QVERIFY(c.open());
    SyncFixture &f = c.f;
    OutboxView &view = *c.view;
    const qint64 a = queueOutbox(f, refusedRow(QStringLiteral("1"), QStringLiteral("HTTP 422: no")));
    const qint64 b = queueOutbox(f, refusedRow(QStringLiteral("2"), QStringLiteral("HTTP 409: taken")));
    OutboxRow later;
    later.localId = QStringLiteral("3");
    later.nextAttemptAt = QStringLiteral("2099-01-01T00:00:00.000Z");
    const qint64 waiting = queueOutbox(f, later);
    view.refresh();
    auto *retrySelected = view.findChild<QPushButton *>(QStringLiteral("outboxRetrySelected"));
    QVERIFY(!retrySelected->isEnabled());

    QVERIFY(view.selectOperation(a));
    QVERIFY(retrySelected->isEnabled());
    retrySelected->click();
    QCOMPARE(stateOf(f, a), QStringLiteral("pending|"));
    QCOMPARE(stateOf(f, b), QStringLiteral("refused|"));
    QCOMPARE(cell(view, rowOf(view, a), OutboxModel::StateColumn), QStringLiteral("pending"));
    QCOMPARE(cell(view, rowOf(view, a), OutboxModel::NextAttemptColumn), QStringLiteral("at the next sync"));
    QVERIFY2(view.noticeText().contains(QStringLiteral("1 change due again")), qPrintable(view.noticeText()));

    // Every refused one; the waiting one keeps its time.
    view.findChild<QPushButton *>(QStringLiteral("outboxRetryRefused"))->click();
    QCOMPARE(stateOf(f, b), QStringLiteral("pending|"));
    QCOMPARE(stateOf(f, waiting), QStringLiteral("pending|2099-01-01T00:00:00.000Z"));
    QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("outboxRetryRefused"))->isEnabled());
}

void tst_OutboxView::dropAsksWhatItMeansThenForgets()
{
    OutboxConsole c;
    QVERIFY(c.open());
    SyncFixture &f = c.f;
    OutboxView &view = *c.view;
    const qint64 plain = queueOutbox(f, refusedRow(QStringLiteral("5"), QStringLiteral("HTTP 422: no")));
    OutboxRow doubtful;
    doubtful.localId = QStringLiteral("6");
    doubtful.inDoubt = true;
    doubtful.attempts = 1;
    const qint64 inDoubt = queueOutbox(f, doubtful);
    view.refresh();
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(cell(view, rowOf(view, inDoubt), OutboxModel::StateColumn), QStringLiteral("pending (in doubt)"));

    // Cancelled: nothing goes.
    QVERIFY(view.selectOperation(plain));
    view.findChild<QPushButton *>(QStringLiteral("outboxDrop"))->click();
    QPointer<QMessageBox> box = view.findChild<QMessageBox *>(QStringLiteral("outboxDropConfirmation"));
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("the source keeps what it has")), qPrintable(box->text()));
    QVERIFY(!box->text().contains(QStringLiteral("in doubt")));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!box);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_outbox")), 2);

    // A create in doubt: the question says that its record may come back as a row of its own.
    QVERIFY(view.selectOperation(inDoubt));
    box = view.dropSelected();
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("create in doubt")) && box->text().contains(QStringLiteral("a row of its own")),
             qPrintable(box->text()));
    box->findChild<QPushButton *>(QStringLiteral("outboxDropConfirm"))->click();
    QTRY_VERIFY(!box);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_outbox WHERE id = ?"), {inDoubt}), 0);
    QCOMPARE(view.model()->rowCount(), 1);
    QVERIFY2(view.noticeText().contains(QStringLiteral("1 change dropped")), qPrintable(view.noticeText()));

    // The last one: the outbox is empty, and says so.
    view.view()->selectAll();
    box = view.dropSelected();
    box->findChild<QPushButton *>(QStringLiteral("outboxDropConfirm"))->click();
    QTRY_VERIFY(!box);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_outbox")), 0);
    QCOMPARE(view.emptyStateText(), QStringLiteral("The outbox is empty: every change of the main database reached its sources."));
    QVERIFY(!view.dropSelected());
}

void tst_OutboxView::whatAnotherProcessQueuesShowsUpWithinSeconds()
{
    OutboxConsole c;
    QVERIFY(c.open());
    SyncFixture &f = c.f;
    OutboxView &view = *c.view;
    QCOMPARE(view.model()->rowCount(), 0);

    // The fixture's connection is another connection to the same file, as tributaryd's would be.
    OutboxRow row;
    row.localId = QStringLiteral("8");
    const qint64 id = queueOutbox(f, row);
    QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 1, 5000);
    QCOMPARE(view.model()->operation(0).id, id);

    // A push elsewhere refuses it, then another removes it.
    QVERIFY(exec(f, QStringLiteral("UPDATE tributary_outbox SET state = 'refused', attempts = 1, last_error = 'HTTP 403' WHERE id = ?"), {id}));
    QTRY_COMPARE_WITH_TIMEOUT(cell(view, 0, OutboxModel::StateColumn), QStringLiteral("refused"), 5000);
    QVERIFY(exec(f, QStringLiteral("DELETE FROM tributary_outbox WHERE id = ?"), {id}));
    QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 0, 5000);
    QCOMPARE(view.emptyStateText(), QStringLiteral("The outbox is empty: every change of the main database reached its sources."));
}

void tst_OutboxView::theTabCountsAndOpensTheRecord()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    MainWindow w;
    w.resize(1200, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openConfig(f.configPath()));
    QCOMPARE(w.tabs()->indexOf(w.outbox()), int(MainWindow::View::Outbox));
    QCOMPARE(w.tabs()->tabText(int(MainWindow::View::Outbox)), QStringLiteral("Outbox"));
    // A configuration that only reads has no outbox to show: the tab and its menu item are hidden,
    // and every other view keeps its key.
    QVERIFY(!w.tabs()->isTabVisible(int(MainWindow::View::Outbox)));
    QAction *outboxAction = w.findChild<QAction *>(QStringLiteral("actionView9"));
    QVERIFY(outboxAction && !outboxAction->isVisible());
    const QList<QPair<const char *, MainWindow::View>> keys = {
        {"actionView5", MainWindow::View::Quarantine}, {"actionView6", MainWindow::View::Service},
        {"actionView7", MainWindow::View::Records},    {"actionView8", MainWindow::View::Trends},
        {"actionView9", MainWindow::View::Outbox},
    };
    for (const auto &[name, view] : keys) {
        QAction *a = w.findChild<QAction *>(QLatin1String(name));
        QVERIFY(a);
        QCOMPARE(a->shortcut(), QKeySequence(QStringLiteral("Ctrl+%1").arg(int(view) + 1)));
    }

    const QString local = QStringLiteral("3");
    OutboxRow row;
    row.localId = local;
    const qint64 id = queueOutbox(f, row);
    queueOutbox(f, refusedRow(QStringLiteral("9"), QStringLiteral("HTTP 422")));
    QTRY_COMPARE_WITH_TIMEOUT(w.tabs()->tabText(int(MainWindow::View::Outbox)), QStringLiteral("Outbox (2)"), 5000);
    // Changes waiting show the tab, whatever the configuration says now; Ctrl+9 opens it.
    QVERIFY(w.tabs()->isTabVisible(int(MainWindow::View::Outbox)));
    QVERIFY(outboxAction->isVisible());
    outboxAction->trigger();
    QCOMPARE(w.tabs()->currentIndex(), int(MainWindow::View::Outbox));

    w.showView(MainWindow::View::Outbox);
    QVERIFY(w.outbox()->selectOperation(id));
    auto *open = w.outbox()->findChild<QPushButton *>(QStringLiteral("outboxOpenRecord"));
    QVERIFY(open->isEnabled());
    open->click();
    QCOMPARE(w.tabs()->currentIndex(), int(MainWindow::View::Records));
    QCOMPARE(w.records()->shownRecord().table, QStringLiteral("topics"));
    QCOMPARE(w.records()->shownRecord().localId, local);

    // Dropped elsewhere: the count goes.
    QVERIFY(exec(f, QStringLiteral("DELETE FROM tributary_outbox")));
    QTRY_COMPARE_WITH_TIMEOUT(w.tabs()->tabText(int(MainWindow::View::Outbox)), QStringLiteral("Outbox"), 5000);
}

void tst_OutboxView::atOneThousandTwentyFourPixelsNothingIsOffScreen_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("German") << QStringLiteral("de"); // longer words
}

void tst_OutboxView::atOneThousandTwentyFourPixelsNothingIsOffScreen()
{
    QFETCH(QString, language);
    setLanguageSetting(language);
    QCOMPARE(installTranslations(), language);
    SyncFixture f;
    QVERIFY(prepared(f));
    queueOutbox(f, refusedRow(QStringLiteral("2"), QStringLiteral("HTTP 422: a long answer of the source that says why it refused")));
    {
        MainWindow w;
        QVERIFY(w.openConfig(f.configPath()));
        w.resize(1024, 768);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.showView(MainWindow::View::Outbox);
        // Every tab's title in the bar, the Outbox's (the last) with its count: nine titles with
        // icons are wider than 1024 pixels, so the icons give way and no title needs the arrows.
        QTabBar *tabs = w.tabs()->tabBar();
        QTRY_VERIFY2(tabs->tabRect(int(MainWindow::View::Outbox)).right() <= tabs->width(),
                     qPrintable(QStringLiteral("%1 of %2").arg(tabs->tabRect(int(MainWindow::View::Outbox)).right()).arg(tabs->width())));
        for (int i = 0; i < tabs->count(); ++i)
            QVERIFY2(tabs->tabRect(i).left() >= 0 && tabs->tabRect(i).right() <= tabs->width(), qPrintable(tabs->tabText(i)));
        for (QWidget *control : w.outbox()->findChildren<QWidget *>()) {
            if (!qobject_cast<QAbstractButton *>(control) && !qobject_cast<QComboBox *>(control))
                continue;
            if (!control->isVisibleTo(w.outbox()) || control->window() != &w)
                continue;
            const QRect inWindow(control->mapTo(&w, QPoint(0, 0)), control->size());
            QVERIFY2(inWindow.right() < w.width(), qPrintable(control->objectName()));
        }
    }
    setLanguageSetting(QStringLiteral("en"));
    QCOMPARE(installTranslations(), QStringLiteral("en"));
}

QTEST_MAIN(tst_OutboxView)
#include "tst_outboxview.moc"
