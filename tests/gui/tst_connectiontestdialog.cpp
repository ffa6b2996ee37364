// The console's Test connection as an admin reads it: against real loopback APIs, the dialog
// shows each entity's checks with the verdict, what the probe saw and the fix, exactly as ApiProbe
// (tributaryd probe) reports them for the same configuration; a misbehaving API fails its check
// and the overall verdict, forum-sim passes everything, a field no record carries is marked
// absent (not a grey NULL), and while it waits it says for which request and how long, until
// Stop ends it. Offscreen.

#include "MatrixApiServer.h"
#include "SyncFixture.h"

#include "BuiltinSources.h"
#include "ConnectionTestDialog.h"
#include "StatusColors.h"
#include "engine/ApiProbe.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QJsonArray>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Gui;
using namespace Tributary::Test;

namespace {

using Pagination = MatrixApiServer::Pagination;

// One line per check as the dialog shows it: id, verdict, then the three columns of words.
QStringList shownChecks(const QAbstractItemModel *model)
{
    QStringList rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells{model->index(row, 0).data(ConnectionTestDialog::CheckIdRole).toString(),
                          model->index(row, 0).data(ConnectionTestDialog::VerdictRole).toString()};
        for (int col = 0; col < model->columnCount(); ++col)
            cells.append(model->index(row, col).data().toString());
        rows.append(cells.join(QStringLiteral(" | ")));
    }
    return rows;
}

// The same lines from ApiProbe's report, in ProbeCheck's own words.
QStringList probeChecks(const ProbeEntityReport &report)
{
    QStringList rows;
    for (const ProbeCheck &c : report.checks)
        rows.append(QStringList{c.id, ProbeCheck::verdictName(c.verdict), ProbeCheck::verdictText(c.verdict), ProbeCheck::title(c.id),
                                c.message, c.fix}
                        .join(QStringLiteral(" | ")));
    return rows;
}

// The row of check `id` in the dialog's checks model, or -1.
int checkRow(const QAbstractItemModel *model, const QString &id)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(ConnectionTestDialog::CheckIdRole).toString() == id)
            return row;
    }
    return -1;
}

// Runs ApiProbe on `config` to its end, as tributaryd probe does.
bool runProbe(ApiProbe &probe)
{
    QSignalSpy finished(&probe, &ApiProbe::finished);
    probe.start();
    return finished.wait(60000);
}

// Every entity of `dialog` shows the checks `probe` reported for it, word for word.
void compareWithProbe(ConnectionTestDialog &dialog, const ApiProbe &probe)
{
    QCOMPARE(dialog.entities().size(), probe.reports().size());
    for (const ProbeEntityReport &report : probe.reports()) {
        dialog.selectEntity(report.entity);
        QCOMPARE(dialog.currentEntity(), report.entity);
        QCOMPARE(shownChecks(dialog.checksModel()), probeChecks(report));
    }
}

} // namespace

class tst_ConnectionTestDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerBuiltinSources(); }
    void misbehavingApiFailsTheCheckWithItsFix_data();
    void misbehavingApiFailsTheCheckWithItsFix();
    void forumSimPassesEveryCheck();
    void absentFieldIsMarkedNotANull();
    void saysWhatItWaitsForAndStops();
    void saysWhichRetryItWaitsFor();
};

void tst_ConnectionTestDialog::misbehavingApiFailsTheCheckWithItsFix_data()
{
    QTest::addColumn<int>("fault"); // 0: pages capped at 20; 1: the page parameter ignored
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("fix");

    QTest::newRow("page size capped at 20 where 50 were asked")
        << 0 << "page_size" << "page size honoured" << "sources.matrix.rest.pagination.page_size"
        << "set sources.matrix.rest.pagination.page_size to 20";
    QTest::newRow("page parameter ignored: every page is the first")
        << 1 << "page_param" << "page parameter honoured" << "sources.matrix.rest.pagination.page_param"
        << "correct sources.matrix.rest.pagination.page_param: the parameter the API takes the page from";
}

void tst_ConnectionTestDialog::misbehavingApiFailsTheCheckWithItsFix()
{
    QFETCH(int, fault);
    QFETCH(QString, check);
    QFETCH(QString, title);
    QFETCH(QString, key);
    QFETCH(QString, fix);

    MatrixApiServer api;
    QVERIFY(api.start());
    if (fault == 0)
        api.capPageSize(20);
    else
        api.ignorePageParameter();
    QTemporaryDir dir;
    Config config;
    QStringList errors;
    QVERIFY2(Config::fromJson(api.configuration(Pagination::Page, true, 50), dir.filePath(QStringLiteral("t.json")), &config, &errors),
             qPrintable(errors.join(QLatin1Char('\n'))));

    ConnectionTestDialog dialog(config, QStringLiteral("matrix"));
    dialog.show(); // starts the test
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isFinished(), 60000);

    // The overall verdict is a failure, and says which check of which entity.
    QVERIFY(dialog.hasFailure());
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("FAILED: ")), qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().contains(QStringLiteral("items: ") + title), qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().contains(QStringLiteral("Checks: ")), qPrintable(dialog.statusText()));
    QVERIFY2(dialog.entityText(QStringLiteral("items")).contains(QStringLiteral("FAIL")), qPrintable(dialog.entityText(QStringLiteral("items"))));

    // The check itself: the verdict in words, with its icon, the evidence and the fix.
    dialog.selectEntity(QStringLiteral("items"));
    QAbstractItemModel *checks = dialog.checksModel();
    QAbstractItemModelTester tester(checks, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(checks->rowCount(), 9);
    const int row = checkRow(checks, check);
    QVERIFY(row >= 0);
    QCOMPARE(checks->index(row, 0).data(ConnectionTestDialog::VerdictRole).toString(), QStringLiteral("fail"));
    QCOMPARE(checks->index(row, 0).data().toString(), QStringLiteral("FAIL"));
    QVERIFY(!checks->index(row, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(checks->index(row, 1).data().toString(), title);
    QVERIFY(!checks->index(row, 2).data().toString().isEmpty());
    QCOMPARE(checks->index(row, 3).data().toString(), fix);
    QVERIFY2(checks->index(row, 3).data(Qt::ToolTipRole).toString().contains(key), qPrintable(checks->index(row, 3).data(Qt::ToolTipRole).toString()));

    // Word for word what ApiProbe reports for the same configuration (tributaryd probe).
    ApiProbe probe(config, QStringLiteral("matrix"));
    QVERIFY(runProbe(probe));
    QVERIFY(probe.hasFailure());
    compareWithProbe(dialog, probe);
}

void tst_ConnectionTestDialog::forumSimPassesEveryCheck()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(20, 3, 10, 40, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());

    ConnectionTestDialog dialog(f.config(), QStringLiteral("forum"));
    QSignalSpy finished(&dialog, &ConnectionTestDialog::finished);
    dialog.show();
    QVERIFY(finished.wait(60000));
    QVERIFY(!dialog.hasFailure());
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Connected: every check passed.")), qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().contains(QStringLiteral("Checks: 36 passed, 0 failed, 0 could not tell, 0 not applicable")),
             qPrintable(dialog.statusText()));
    QVERIFY(dialog.activityText().isEmpty());
    for (const QString &entity : dialog.entities()) {
        QCOMPARE(dialog.entityText(entity), entity + QStringLiteral(" \u2014 every check passed"));
        dialog.selectEntity(entity);
        const QAbstractItemModel *checks = dialog.checksModel();
        QCOMPARE(checks->rowCount(), 9);
        for (int row = 0; row < checks->rowCount(); ++row) {
            QCOMPARE(checks->index(row, 0).data(ConnectionTestDialog::VerdictRole).toString(), QStringLiteral("pass"));
            QCOMPARE(checks->index(row, 0).data().toString(), QStringLiteral("pass"));
        }
        QVERIFY(dialog.mappedModel()->rowCount() > 0); // the preview of mapped rows stays
        QVERIFY(dialog.errorText().isEmpty());
    }

    ApiProbe probe(f.config(), QStringLiteral("forum"));
    QVERIFY(runProbe(probe));
    QVERIFY(!probe.hasFailure());
    compareWithProbe(dialog, probe);
}

void tst_ConnectionTestDialog::absentFieldIsMarkedNotANull()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(12, 2, 4, 10, 2)));
    QVERIFY(f.startForum());
    // A camelCase name for a snake_case field: every row would get NULL.
    QVERIFY(f.configure([](QJsonObject &root) {
        setColumn(root, QStringLiteral("users"), QStringLiteral("email_verified_at"),
                  QJsonObject{{QStringLiteral("field"), QStringLiteral("emailVerifiedAt")}, {QStringLiteral("type"), QStringLiteral("timestamp")}});
    }));

    ConnectionTestDialog dialog(f.config(), QStringLiteral("forum"));
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isFinished(), 60000);
    QVERIFY(dialog.hasFailure());
    // (Plural forms: the English catalogue may say "check" where the source text says "check(s)".)
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("FAILED: 1 check")), qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().contains(QStringLiteral("(users: mapped fields present)")), qPrintable(dialog.statusText()));

    dialog.selectEntity(QStringLiteral("users"));
    const QAbstractItemModel *checks = dialog.checksModel();
    const int fields = checkRow(checks, QStringLiteral("fields"));
    QVERIFY(fields >= 0);
    QCOMPARE(checks->index(fields, 0).data(ConnectionTestDialog::VerdictRole).toString(), QStringLiteral("fail"));
    QVERIFY2(checks->index(fields, 2).data().toString().contains(QStringLiteral("emailVerifiedAt")), qPrintable(checks->index(fields, 2).data().toString()));
    QVERIFY(!checks->index(fields, 3).data().toString().isEmpty());
    QVERIFY2(checks->index(fields, 3).data(Qt::ToolTipRole).toString().contains(QStringLiteral("sources.forum.entities.users.columns.email_verified_at")),
             qPrintable(checks->index(fields, 3).data(Qt::ToolTipRole).toString()));
    QVERIFY2(dialog.errorText().contains(QStringLiteral("email_verified_at")), qPrintable(dialog.errorText()));

    // In the rows: the column is marked, its cells say "absent", never a NULL the source sent.
    QAbstractItemModel *rows = dialog.mappedModel();
    QCOMPARE(rows->rowCount(), 12);
    int column = -1;
    for (int c = 0; c < rows->columnCount(); ++c) {
        if (rows->headerData(c, Qt::Horizontal).toString() == QLatin1String("email_verified_at"))
            column = c;
    }
    QVERIFY(column > 0);
    QVERIFY(rows->headerData(column, Qt::Horizontal, ConnectionTestDialog::AbsentRole).toBool());
    QVERIFY(!rows->headerData(column, Qt::Horizontal, Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!rows->headerData(column - 1, Qt::Horizontal, ConnectionTestDialog::AbsentRole).toBool());
    for (int row = 0; row < rows->rowCount(); ++row) {
        QCOMPARE(rows->index(row, column).data().toString(), QStringLiteral("absent"));
        QVERIFY(rows->index(row, column).data(ConnectionTestDialog::AbsentRole).toBool());
        QCOMPARE(rows->index(row, column).data(Qt::ForegroundRole).value<QColor>(), StatusColors::foreground(StatusColors::Status::Error));
    }

    ApiProbe probe(f.config(), QStringLiteral("forum"));
    QVERIFY(runProbe(probe));
    compareWithProbe(dialog, probe);
}

void tst_ConnectionTestDialog::saysWhatItWaitsForAndStops()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(5, 1, 2, 5, 2)));
    ForumFaults faults;
    faults.latencyMs = 20000; // every answer takes longer than the test will wait
    QVERIFY(f.startForum(QStringLiteral("test-token"), faults));
    QVERIFY(f.configure());

    ConnectionTestDialog dialog(f.config(), QStringLiteral("forum"));
    dialog.show();
    QVERIFY(dialog.isRunning());
    // Which request, where, and how long, counting up while the dialog stays responsive.
    QTRY_VERIFY2(dialog.activityText().contains(QStringLiteral("(1 s so far)")), qPrintable(dialog.activityText()));
    const QString activity = dialog.activityText();
    QVERIFY2(activity.startsWith(QStringLiteral("Waiting for users: the first page of a full walk")), qPrintable(activity));
    QVERIFY2(activity.contains(QStringLiteral("GET http://127.0.0.1:")) && activity.contains(QStringLiteral("/users?")), qPrintable(activity));
    QVERIFY2(activity.contains(QStringLiteral("gives up after 120 s")), qPrintable(activity));
    QVERIFY2(dialog.entityText(QStringLiteral("users")).contains(QStringLiteral("testing")), qPrintable(dialog.entityText(QStringLiteral("users"))));
    QVERIFY2(dialog.entityText(QStringLiteral("topics")).contains(QStringLiteral("waiting its turn")),
             qPrintable(dialog.entityText(QStringLiteral("topics"))));
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Testing: 0 of 4 entities done.")), qPrintable(dialog.statusText()));

    auto *stop = dialog.findChild<QPushButton *>(QStringLiteral("stopButton"));
    QVERIFY(stop && stop->isEnabled());
    QSignalSpy finished(&dialog, &ConnectionTestDialog::finished);
    stop->click();
    QVERIFY(finished.size() == 1 || finished.wait(5000));
    QVERIFY(dialog.isFinished());
    QVERIFY(dialog.hasFailure()); // not a pass: nothing was checked
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Stopped before the end: 4 ")), qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().contains(QStringLiteral("not tested")), qPrintable(dialog.statusText()));
    QVERIFY(dialog.activityText().isEmpty());
    for (const QString &entity : dialog.entities())
        QCOMPARE(dialog.entityText(entity), entity + QStringLiteral(" \u2014 not tested"));
    QVERIFY(!stop->isEnabled());
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("retestButton"))->isEnabled());
}

void tst_ConnectionTestDialog::saysWhichRetryItWaitsFor()
{
    // A server that refuses connections: not "waiting" for the retries' half minute, but which
    // retry waits, how long, and why.
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(5, 1, 2, 5, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure([](QJsonObject &root) {
        editSource(root, [](QJsonObject &src) {
            QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
            rest.insert(QStringLiteral("limits"), QJsonObject{{QStringLiteral("max_retries"), 3}, {QStringLiteral("backoff_ms"), 2000},
                                                              {QStringLiteral("max_backoff_ms"), 2000}});
            src.insert(QStringLiteral("rest"), rest);
        });
    }));
    f.stopForum();

    ConnectionTestDialog dialog(f.config(), QStringLiteral("forum"));
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.activityText().contains(QStringLiteral("Retry 1 of 3")), 10000);
    const QString activity = dialog.activityText();
    QVERIFY2(activity.startsWith(QStringLiteral("Waiting for users")), qPrintable(activity));
    QVERIFY2(activity.contains(QStringLiteral("onnection refused")), qPrintable(activity));
    QSignalSpy finished(&dialog, &ConnectionTestDialog::finished);
    dialog.findChild<QPushButton *>(QStringLiteral("stopButton"))->click();
    QVERIFY(finished.size() == 1 || finished.wait(5000));
    QVERIFY(dialog.hasFailure());
    QVERIFY(dialog.activityText().isEmpty());
}

QTEST_MAIN(tst_ConnectionTestDialog)
#include "tst_connectiontestdialog.moc"
