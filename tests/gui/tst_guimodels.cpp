// The console's models on real data (a synced forum with conflicts, quarantined records and a
// run history), each checked by QAbstractItemModelTester while its data changes under it; the
// views around them; and the live log fed from several threads.

#include "SyncFixture.h"

#include "ConflictsModel.h"
#include "LogModel.h"
#include "LogView.h"
#include "OutboxModel.h"
#include "QuarantineModel.h"
#include "QuarantineView.h"
#include "RunsModel.h"
#include "RunsView.h"
#include "Workspace.h"

#include "engine/ConflictResolver.h"
#include "store/Database.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QThread>

using namespace Tributary;
using namespace Tributary::Gui;
using namespace Tributary::Test;

Q_LOGGING_CATEGORY(lcGuiTest, "tributary.test.gui")

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

// A forum synced once, then: topics 2 and 3 and user 5 changed on both sides, and a topic the
// main database refuses (a trigger), synced again. Three open conflicts, one quarantined topic,
// two runs.
struct Scenario
{
    SyncFixture f;
    qint64 loudTopic = 0;

    bool prepare()
    {
        if (!(f.generateMain(forum(10, 3, 10, 10, 1)) && f.generateExternal(forum(20, 6, 20, 60, 2)) && f.startForum() && f.configure()))
            return false;
        if (RunResult::statusName(f.sync().status) != QLatin1String("ok"))
            return false;
        for (const QString &id : {QStringLiteral("2"), QStringLiteral("3")}) {
            const QString local = f.localId(QStringLiteral("topics"), id);
            exec(f, QStringLiteral("UPDATE topics SET title = 'Mine %1' WHERE id = %2").arg(id, local));
            int status = 0;
            f.forumCall("PATCH", QStringLiteral("/topics/") + id, {{QStringLiteral("title"), QStringLiteral("Theirs ") + id}}, &status);
            if (status != 200)
                return false;
        }
        exec(f, QStringLiteral("UPDATE users SET name = 'Local name' WHERE id = %1").arg(f.localId(QStringLiteral("users"), QStringLiteral("5"))));
        int status = 0;
        f.forumCall("PATCH", QStringLiteral("/users/5"), {{QStringLiteral("name"), QStringLiteral("Forum name")}}, &status);
        exec(f, QStringLiteral("CREATE TRIGGER no_shouting BEFORE INSERT ON topics WHEN NEW.title GLOB '*!!!*' "
                               "BEGIN SELECT RAISE(ABORT, 'topics may not shout'); END"));
        loudTopic = f.forumCall("POST", QStringLiteral("/topics"),
                                {{QStringLiteral("section_id"), 1}, {QStringLiteral("user_id"), 1}, {QStringLiteral("title"), QStringLiteral("HELLO!!!")}},
                                &status)
                        .value(QStringLiteral("id"))
                        .toInteger();
        if (status != 201)
            return false;
        return RunResult::statusName(f.sync().status) == QLatin1String("partial");
    }
};

bool openWorkspace(Workspace &ws, SyncFixture &f)
{
    QStringList errors;
    const bool ok = ws.open(f.configPath(), &errors);
    if (!ok)
        qWarning("open: %s", qPrintable(errors.join(QLatin1Char('\n'))));
    return ok && ws.database();
}

QStringList column(const QAbstractItemModel &m, int col, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out.append(m.index(r, col).data(role).toString());
    return out;
}

} // namespace

class tst_GuiModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conflictsModel();
    void runsModelAndRunsView();
    void quarantineModelAndView();
    void outboxModel();
    void logModelFromThreads();
    void logHandlerAndView();
    void emptyStatesWithoutConfiguration();
};

void tst_GuiModels::conflictsModel()
{
    Scenario s;
    QVERIFY(s.prepare());
    Workspace ws;
    QVERIFY(openWorkspace(ws, s.f));
    ConflictsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Error e;
    QVERIFY2(model.refresh(*ws.database(), &e), qPrintable(e.toString()));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(ConflictsModel::ColumnCount));
    // Oldest first: users are synced before topics.
    QCOMPARE(column(model, ConflictsModel::EntityColumn), (QStringList{QStringLiteral("users"), QStringLiteral("topics"), QStringLiteral("topics")}));
    QCOMPARE(column(model, ConflictsModel::ExternalIdColumn), (QStringList{QStringLiteral("5"), QStringLiteral("2"), QStringLiteral("3")}));
    QCOMPARE(model.index(0, ConflictsModel::FieldsColumn).data().toString(), QStringLiteral("name"));
    QCOMPARE(model.index(1, ConflictsModel::FieldsColumn).data().toString(), QStringLiteral("title"));
    QCOMPARE(model.index(0, ConflictsModel::StatusColumn).data().toString(), QStringLiteral("Open"));
    QVERIFY(!model.index(0, ConflictsModel::RaisedColumn).data().toString().isEmpty());
    QCOMPARE(model.conflict(1).local.value(QStringLiteral("title")).toString(), QStringLiteral("Mine 2"));
    const qint64 first = model.conflict(0).id;
    QCOMPARE(model.index(0, 0).data(ConflictsModel::ConflictIdRole).toLongLong(), first);

    // Changes under the model: one resolved (its row leaves), a new one raised (a row arrives);
    // the rows that stayed keep their place.
    ConflictResolver store(s.f.db(), s.f.config());
    Resolution keep;
    keep.action = Resolution::Action::KeepLocal;
    QVERIFY(store.resolve(model.conflict(1), keep, QStringLiteral("tester"), &e));
    const QString local = s.f.localId(QStringLiteral("topics"), QStringLiteral("7"));
    QVERIFY(exec(s.f, QStringLiteral("UPDATE topics SET title = 'Mine 7' WHERE id = %1").arg(local)));
    int status = 0;
    s.f.forumCall("PATCH", QStringLiteral("/topics/7"), {{QStringLiteral("title"), QStringLiteral("Theirs 7")}}, &status);
    QCOMPARE(status, 200);
    s.f.sync();
    QPersistentModelIndex kept(model.index(0, 0));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(model.refresh(*ws.database(), &e));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(column(model, ConflictsModel::ExternalIdColumn), (QStringList{QStringLiteral("5"), QStringLiteral("3"), QStringLiteral("7")}));
    QVERIFY(kept.isValid());
    QCOMPARE(kept.data(ConflictsModel::ConflictIdRole).toLongLong(), first);

    // Filters: resolved ones too; one entity; one field.
    ConflictFilter filter;
    filter.includeResolved = true;
    model.setFilter(filter);
    QVERIFY(model.refresh(*ws.database(), &e));
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(model.index(1, ConflictsModel::StatusColumn).data().toString().contains(QStringLiteral("Resolved: kept local, by tester")));
    filter.entity = QStringLiteral("users");
    model.setFilter(filter);
    QVERIFY(model.refresh(*ws.database(), &e));
    QCOMPARE(model.rowCount(), 1);
    filter.entity.clear();
    filter.field = QStringLiteral("title");
    filter.includeResolved = false;
    model.setFilter(filter);
    QVERIFY(model.refresh(*ws.database(), &e));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.openTotal(), 3);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_GuiModels::runsModelAndRunsView()
{
    Scenario s;
    QVERIFY(s.prepare());
    Workspace ws;
    QVERIFY(openWorkspace(ws, s.f));
    RunsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Error e;
    QVERIFY(model.refresh(*ws.database(), ws.config(), &e));
    QCOMPARE(model.rowCount(), 2);
    // Newest first, with the counts of its JSON summed over the entities.
    const RunRow &last = model.run(0);
    QCOMPARE(last.status, QStringLiteral("partial"));
    QCOMPARE(model.index(0, RunsModel::StatusColumn).data().toString(), QStringLiteral("Partial"));
    QCOMPARE(last.total().quarantined, 1);
    QCOMPARE(last.total().conflicts, 3);
    QCOMPARE(model.index(0, RunsModel::QuarantinedColumn).data().toString(), QStringLiteral("1"));
    // The history says what happened, in words, from the same counts.
    const QString said = model.index(0, RunsModel::StatusColumn).data(Qt::ToolTipRole).toString();
    // (No catalogue is loaded here: the plural forms read "conflict(s)".)
    QVERIFY2(said.contains(QStringLiteral("3 conflict")) && said.contains(QStringLiteral("wait for a decision")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("1 record")) && said.contains(QStringLiteral("put in quarantine")), qPrintable(said));
    QVERIFY2(!said.contains(QStringLiteral("Every record was applied")), qPrintable(said));
    QCOMPARE(said, RunsModel::summary(last));
    QCOMPARE(last.entities.first(), QStringLiteral("users")); // the source's dependency order
    const RunRow &firstRun = model.run(1);
    QCOMPARE(firstRun.status, QStringLiteral("ok"));
    QCOMPARE(firstRun.total().inserted, s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE origin = 'inserted'")));
    QVERIFY(firstRun.durationMs() >= 0);
    QVERIFY(!model.index(1, RunsModel::DurationColumn).data().toString().isEmpty());
    const QString firstSaid = RunsModel::summary(firstRun);
    QVERIFY2(firstSaid.startsWith(QStringLiteral("It wrote: %1 row").arg(QLocale().toString(firstRun.total().inserted))), qPrintable(firstSaid));
    QVERIFY2(firstSaid.endsWith(QStringLiteral("Every record was applied.")), qPrintable(firstSaid));

    // Kinds in tributaryd's words.
    QCOMPARE(model.index(0, RunsModel::KindColumn).data().toString(), QStringLiteral("Incremental sync"));

    // A new run arrives on top (a webhook's); the others stay.
    QPersistentModelIndex older(model.index(1, 0));
    s.f.sync(RunRequest::webhook({RecordRef{QStringLiteral("topics"), QStringLiteral("2")}}));
    QVERIFY(model.refresh(*ws.database(), ws.config(), &e));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(older.row(), 2);
    QCOMPARE(model.index(0, RunsModel::KindColumn).data().toString(), QStringLiteral("Webhook sync"));
    model.setSource(QStringLiteral("nobody"));
    QVERIFY(model.refresh(*ws.database(), ws.config(), &e));
    QCOMPARE(model.rowCount(), 0);

    RunsView view(&ws);
    view.resize(1000, 700);
    QCOMPARE(view.model()->rowCount(), 3);
    QVERIFY(view.emptyStateText().isEmpty());
    const qint64 runId = view.model()->run(1).id;
    QVERIFY(view.selectRun(runId));
    QCOMPARE(view.shownRunId(), runId);
    const QString title = view.findChild<QLabel *>(QStringLiteral("runTitle"))->text();
    QVERIFY2(title.contains(QStringLiteral("(incremental sync)")), qPrintable(title));
    auto *counts = view.findChild<QTableWidget *>(QStringLiteral("runCounts"));
    QCOMPARE(counts->rowCount(), 5); // four entities and the total
    QCOMPARE(counts->item(4, 0)->text(), QStringLiteral("Total"));
    view.setSourceFilter(QStringLiteral("forum"));
    QCOMPARE(view.model()->rowCount(), 3);
    QCOMPARE(view.shownRunId(), runId); // the selection survived the refresh
}

void tst_GuiModels::quarantineModelAndView()
{
    Scenario s;
    QVERIFY(s.prepare());
    Workspace ws;
    QVERIFY(openWorkspace(ws, s.f));
    QuarantineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Error e;
    QVERIFY(model.refresh(*ws.database(), &e));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.total(), 1);
    const QuarantineEntry &r = model.record(0);
    QCOMPARE(r.entity, QStringLiteral("topics"));
    QCOMPARE(r.externalId, QString::number(s.loudTopic));
    QVERIFY2(r.reason.contains(QStringLiteral("topics may not shout")), qPrintable(r.reason));
    QCOMPARE(model.index(0, QuarantineModel::AttemptsColumn).data().toInt(), 1);
    QCOMPARE(r.record.value(QStringLiteral("title")).toString(), QStringLiteral("HELLO!!!"));

    // A second record arrives, the first leaves once the database accepts it.
    int status = 0;
    const qint64 second = s.f.forumCall("POST", QStringLiteral("/topics"),
                                        {{QStringLiteral("section_id"), 1}, {QStringLiteral("user_id"), 1}, {QStringLiteral("title"), QStringLiteral("AGAIN!!!")}},
                                        &status)
                              .value(QStringLiteral("id"))
                              .toInteger();
    QCOMPARE(status, 201);
    s.f.sync();
    QVERIFY(model.refresh(*ws.database(), &e));
    QCOMPARE(model.rowCount(), 2);

    QuarantineView view(&ws);
    view.resize(1000, 700);
    QSignalSpy retry(&view, &QuarantineView::retryRequested);
    QCOMPARE(view.model()->rowCount(), 2);
    QVERIFY(view.selectRecord(QStringLiteral("forum"), QStringLiteral("topics"), QString::number(second)));
    auto *record = view.findChild<QPlainTextEdit *>(QStringLiteral("quarantineRecord"));
    QVERIFY(record->toPlainText().contains(QStringLiteral("AGAIN!!!")));
    QVERIFY(view.retrySelected());
    QCOMPARE(retry.count(), 1);
    QCOMPARE(retry.at(0).at(0).toString(), QStringLiteral("forum"));
    QCOMPARE(retry.at(0).at(1).toStringList(), QStringList{QStringLiteral("topics")});
    QCOMPARE(retry.at(0).at(2).toStringList(), QStringList{QString::number(second)});
    QVERIFY(!view.noticeText().isEmpty());
    view.view()->selectAll();
    QVERIFY(view.retrySelected());
    QCOMPARE(retry.at(1).at(2).toStringList().size(), 2);
    QVERIFY(view.retryAll());
    QCOMPARE(retry.at(2).at(1).toStringList(), QStringList());

    // The database accepts them now; a retry run (as the runner would make it) empties the list.
    QVERIFY(exec(s.f, QStringLiteral("DROP TRIGGER no_shouting")));
    const RunRequest again = RunRequest::quarantineRetry();
    s.f.sync(again);
    ws.notifyDataChanged();
    QCOMPARE(view.model()->rowCount(), 0);
    QVERIFY2(view.emptyStateText().contains(QStringLiteral("Nothing is in quarantine")), qPrintable(view.emptyStateText()));
}

void tst_GuiModels::outboxModel()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)) && f.generateExternal(forum(5, 2, 2, 2, 2)) && f.startForum() && f.configure());
    Workspace ws;
    QVERIFY(openWorkspace(ws, f));
    OutboxModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Error e;
    QVERIFY(model.refresh(*ws.database(), &e));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(OutboxModel::ColumnCount));

    // Three operations as the triggers make them; then one refused, one pushed, one more made.
    QList<qint64> ids;
    for (const QString &local : {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}) {
        OutboxRow row;
        row.localId = local;
        ids.append(queueOutbox(f, row));
    }
    QVERIFY(model.refresh(*ws.database(), &e));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.total(), 3);
    QCOMPARE(column(model, OutboxModel::RowColumn),
             QStringList({QStringLiteral("topics 1"), QStringLiteral("topics 2"), QStringLiteral("topics 3")}));
    QVERIFY(exec(f, QStringLiteral("UPDATE tributary_outbox SET state = 'refused', attempts = 1, last_error = 'HTTP 422' WHERE id = %1")
                        .arg(ids.at(0))));
    QVERIFY(exec(f, QStringLiteral("DELETE FROM tributary_outbox WHERE id = %1").arg(ids.at(1))));
    OutboxRow later;
    later.localId = QStringLiteral("4");
    ids.append(queueOutbox(f, later));
    QVERIFY(model.refresh(*ws.database(), &e));
    QCOMPARE(column(model, OutboxModel::StateColumn), QStringList({QStringLiteral("refused"), QStringLiteral("pending"), QStringLiteral("pending")}));
    QCOMPARE(model.index(0, OutboxModel::AttemptsColumn).data(OutboxModel::SortRole).toInt(), 1);
    QCOMPARE(model.depth().value(QStringLiteral("forum")).refused, 1);
    QCOMPARE(model.depth().value(QStringLiteral("forum")).pending, 2);

    model.setFilter(QStringLiteral("forum"), true);
    QVERIFY(model.refresh(*ws.database(), &e));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.total(), 1);
    model.setFilter(QStringLiteral("elsewhere"), false);
    QVERIFY(model.refresh(*ws.database(), &e));
    QCOMPARE(model.rowCount(), 0);

    // A table that cannot be read is an error, never an empty outbox.
    model.setFilter(QString(), false);
    QVERIFY(model.refresh(*ws.database(), &e));
    QVERIFY(exec(f, QStringLiteral("ALTER TABLE tributary_outbox RENAME TO tributary_outbox_away")));
    QVERIFY(!model.refresh(*ws.database(), &e));
    QVERIFY(model.readError());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(exec(f, QStringLiteral("ALTER TABLE tributary_outbox_away RENAME TO tributary_outbox")));
    QVERIFY(model.refresh(*ws.database(), &e));
    QCOMPARE(model.rowCount(), 3);
}

void tst_GuiModels::logModelFromThreads()
{
    LogModel model(100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    LogFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Four threads post at once; the ring keeps the newest 100.
    QList<QThread *> threads;
    for (int t = 0; t < 4; ++t) {
        threads.append(QThread::create([&model, t] {
            for (int i = 0; i < 60; ++i)
                model.post(LogEntry{QDateTime::currentDateTime(), i % 10 == 0 ? QtWarningMsg : QtInfoMsg, QStringLiteral("tributary.core.engine"),
                                    QStringLiteral("thread %1 message %2 forum").arg(t).arg(i)});
        }));
        threads.last()->start();
    }
    for (QThread *t : std::as_const(threads)) {
        QVERIFY(t->wait(30000));
        delete t;
    }
    QTRY_COMPARE(model.rowCount(), 100);
    model.append({LogEntry{QDateTime::currentDateTime(), QtCriticalMsg, QStringLiteral("tributary.sources.rest"), QStringLiteral("the last one")}});
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.entry(99).message, QStringLiteral("the last one"));
    QCOMPARE(model.index(99, LogModel::LevelColumn).data().toString(), QStringLiteral("critical"));

    filter.setMinimumSeverity(2);
    for (int r = 0; r < filter.rowCount(); ++r)
        QVERIFY(filter.index(r, 0).data(LogModel::SeverityRole).toInt() >= 2);
    QVERIFY(filter.rowCount() >= 1);
    filter.setMinimumSeverity(0);
    filter.setText(QStringLiteral("the last"));
    QCOMPARE(filter.rowCount(), 1);
    filter.setText(QString());
    filter.setSourceName(QStringLiteral("forum"));
    QCOMPARE(filter.rowCount(), 99);
    model.setCapacity(10);
    QCOMPARE(model.rowCount(), 10);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_GuiModels::logHandlerAndView()
{
    LogModel::installLogHandler();
    LogModel *log = LogModel::instance();
    QVERIFY(log);
    QVERIFY(lcGuiTest().isInfoEnabled());
    QAbstractItemModelTester tester(log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int before = log->rowCount();
    qCInfo(lcGuiTest) << "hello from the test for source forum";
    QThread *worker = QThread::create([] { qCWarning(lcGuiTest) << "a warning from a worker thread"; });
    worker->start();
    QVERIFY(worker->wait(30000));
    delete worker;
    QTRY_COMPARE(log->rowCount(), before + 2);
    bool sawInfo = false, sawWarning = false;
    for (int r = before; r < log->rowCount(); ++r) {
        sawInfo |= log->entry(r).message.contains(QStringLiteral("hello from the test")) && log->entry(r).type == QtInfoMsg
            && log->entry(r).category == QLatin1String("tributary.test.gui");
        sawWarning |= log->entry(r).message.contains(QStringLiteral("worker thread")) && log->entry(r).type == QtWarningMsg;
    }
    QVERIFY(sawInfo);
    QVERIFY(sawWarning);

    Workspace closed;
    LogView view(&closed);
    QCOMPARE(view.model(), log);
    QVERIFY(view.emptyStateText().isEmpty());
    view.setMinimumSeverity(2);
    QVERIFY(view.filterModel()->rowCount() >= 1);
    view.setTextFilter(QStringLiteral("no such message anywhere"));
    QCOMPARE(view.filterModel()->rowCount(), 0);
    QVERIFY2(view.emptyStateText().contains(QStringLiteral("No entry matches the filters")), qPrintable(view.emptyStateText()));

    LogModel empty;
    LogView quiet(&closed, nullptr, &empty);
    QVERIFY2(quiet.emptyStateText().contains(QStringLiteral("Nothing logged yet")), qPrintable(quiet.emptyStateText()));
}

void tst_GuiModels::emptyStatesWithoutConfiguration()
{
    Workspace closed;
    RunsView runs(&closed);
    QVERIFY(runs.emptyStateText().contains(QStringLiteral("No configuration is open")));
    QuarantineView quarantine(&closed);
    QVERIFY(quarantine.emptyStateText().contains(QStringLiteral("No configuration is open")));
    QVERIFY(!quarantine.retryAll());

    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 2, 2, 1)) && f.generateExternal(forum(5, 2, 2, 2, 2)) && f.startForum() && f.configure());
    Workspace ws;
    QVERIFY(openWorkspace(ws, f));
    RunsView noRuns(&ws);
    QVERIFY2(noRuns.emptyStateText().contains(QStringLiteral("No run yet")), qPrintable(noRuns.emptyStateText()));
    QuarantineView nothingHeld(&ws);
    QVERIFY(nothingHeld.emptyStateText().contains(QStringLiteral("Nothing is in quarantine")));
    f.sync();
    ws.notifyDataChanged();
    QCOMPARE(noRuns.model()->rowCount(), 1);
    QVERIFY(noRuns.emptyStateText().isEmpty());
}

QTEST_MAIN(tst_GuiModels)
#include "tst_guimodels.moc"
