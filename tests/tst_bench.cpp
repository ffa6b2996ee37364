// tributaryd bench as an operator runs it, small: the real binary, forum-sim children, the main
// database on SQLite or (as tst_bench_pg) on PostgreSQL. The figures are not asserted (they are
// the machine's); what is: every step ran and read every record, the sizes are printed, the
// workers shared the sources, and a PostgreSQL database is left as it was found.

#include "MainDatabase.h"
#include "TestSupport.h"
#include "TributarydProcess.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

// 1,000 messages make a forum of 100 users, 50 sections, 100 topics: 1,250 records.
constexpr int kMessages = 1000;
const QString kRecords = QStringLiteral("1,250");

// --database for this scenario's database: nothing on SQLite (the bench makes its own file).
QStringList databaseArguments(const MainDatabase &db)
{
    if (!MainDatabase::onPostgres())
        return {};
    const QJsonObject c = db.config();
    return {QStringLiteral("--database"), QStringLiteral("postgresql://%1@%2:%3/%4")
                                              .arg(c.value(QStringLiteral("user")).toString(), c.value(QStringLiteral("host")).toString())
                                              .arg(c.value(QStringLiteral("port")).toInt())
                                              .arg(db.name())};
}

// The tables of the scenario's PostgreSQL database.
QStringList tables(const MainDatabase &db)
{
    QSqlDatabase c = db.connect(QStringLiteral("bench-tables"));
    QStringList names = c.tables(QSql::Tables);
    c.close();
    names.sort();
    return names;
}

// The row of one step or round in the printed table.
QString row(const QString &out, const QString &first)
{
    const QRegularExpression re(QStringLiteral("^  +%1 .*$").arg(QRegularExpression::escape(first)), QRegularExpression::MultilineOption);
    return re.match(out).captured(0);
}

} // namespace

class tst_Bench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStepReadsEveryRecord();
    void workersShareTheSources();
    void refusesADatabaseItWouldOverwrite();
};

void tst_Bench::everyStepReadsEveryRecord()
{
    QTemporaryDir dir;
    MainDatabase db(dir.path());
    QVERIFY2(db.isReady(), qPrintable(db.error()));
    const auto r = TributarydProcess::run(QStringList{QStringLiteral("bench"), QStringLiteral("--messages"), QString::number(kMessages),
                                                      QStringLiteral("--verify"), QStringLiteral("--dir"), dir.filePath(QStringLiteral("bench"))}
                                              + databaseArguments(db),
                                          {}, {}, 300000);
    QVERIFY2(r.exitCode == 0, qPrintable(r.output()));
    // The floors too: every record fetched, every row written again.
    for (const QString &step : {QStringLiteral("fetch floor"), QStringLiteral("initial sync"), QStringLiteral("write floor"),
                                QStringLiteral("full re-read"), QStringLiteral("verify")})
        QVERIFY2(row(r.out, step).contains(QStringLiteral(" ") + kRecords + QStringLiteral(" ")), qPrintable(step + QStringLiteral(": ") + r.out));
    QVERIFY2(!row(r.out, QStringLiteral("no-change sync")).isEmpty(), qPrintable(r.out));
    // Each step's ratio to the slower floor, which is 1.00 for that floor itself; the no-change
    // sync reads four records and has none.
    const QRegularExpression ratio(QStringLiteral(" ([0-9]+\\.[0-9]{2})$"));
    double slowerFloor = 0;
    for (const QString &step : {QStringLiteral("fetch floor"), QStringLiteral("write floor")}) {
        const QRegularExpressionMatch m = ratio.match(row(r.out, step));
        QVERIFY2(m.hasMatch() && m.captured(1).toDouble() <= 1.0, qPrintable(step + QStringLiteral(": ") + r.out));
        slowerFloor = qMax(slowerFloor, m.captured(1).toDouble());
    }
    QCOMPARE(slowerFloor, 1.0);
    for (const QString &step : {QStringLiteral("initial sync"), QStringLiteral("full re-read"), QStringLiteral("verify")})
        QVERIFY2(ratio.match(row(r.out, step)).hasMatch(), qPrintable(step + QStringLiteral(": ") + r.out));
    QVERIFY2(row(r.out, QStringLiteral("no-change sync")).endsWith(QStringLiteral("—")), qPrintable(r.out));
    // The write floor's copy is gone (on PostgreSQL its schema, checked with the tables below).
    QVERIFY2(!QFile::exists(dir.filePath(QStringLiteral("bench/write-floor.sqlite"))), qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("main database: [0-9.]+ MiB \\(application tables [0-9.]+ MiB, Tributary's tables [0-9.]+ MiB\\)"))),
             qPrintable(r.out));
    if (MainDatabase::onPostgres()) {
        QVERIFY2(r.out.contains(QStringLiteral("were dropped")), qPrintable(r.out));
        QCOMPARE(tables(db), QStringList());
    }
}

void tst_Bench::workersShareTheSources()
{
    QTemporaryDir dir;
    MainDatabase db(dir.path());
    QVERIFY2(db.isReady(), qPrintable(db.error()));
    const auto r = TributarydProcess::run(QStringList{QStringLiteral("bench"), QStringLiteral("--messages"), QString::number(2 * kMessages),
                                                      QStringLiteral("--workers"), QStringLiteral("1,2"), QStringLiteral("--sources"),
                                                      QStringLiteral("2"), QStringLiteral("--dir"), dir.filePath(QStringLiteral("bench"))}
                                              + databaseArguments(db),
                                          {}, {}, 300000);
    QVERIFY2(r.exitCode == 0, qPrintable(r.output()));
    // Two forums of 1,250 records, each round on an empty database.
    const QString one = row(r.out, QStringLiteral("1 "));
    const QString two = row(r.out, QStringLiteral("2 "));
    QVERIFY2(one.contains(QStringLiteral(" 2,500 ")) && one.trimmed().endsWith(QStringLiteral(" 2")), qPrintable(r.out));
    // Whichever way the two sources went, both were synced once, by the two workers together.
    QVERIFY2(two.contains(QStringLiteral(" 2,500 ")) && QRegularExpression(QStringLiteral(" (2\\+0|1\\+1|0\\+2)$")).match(two).hasMatch(),
             qPrintable(r.out));
    QVERIFY2(!r.out.contains(QStringLiteral("(failed)")), qPrintable(r.out));
    if (MainDatabase::onPostgres())
        QCOMPARE(tables(db), QStringList());
}

void tst_Bench::refusesADatabaseItWouldOverwrite()
{
    QTemporaryDir dir;
    MainDatabase db(dir.path());
    QVERIFY2(db.isReady(), qPrintable(db.error()));
    if (!MainDatabase::onPostgres()) {
        // Its SQLite database is always a new file of its own: --database takes only a URL.
        const auto r = TributarydProcess::run({QStringLiteral("bench"), QStringLiteral("--database"), dir.filePath(QStringLiteral("app.sqlite"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--database: expected a postgresql:// URL")), qPrintable(r.output()));
        return;
    }
    {
        QSqlDatabase c = db.connect(QStringLiteral("bench-app"));
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE users (id BIGSERIAL PRIMARY KEY, email TEXT)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO users (email) VALUES ('kept@example.org')")));
        c.close();
    }
    const auto r = TributarydProcess::run(QStringList{QStringLiteral("bench"), QStringLiteral("--messages"), QString::number(kMessages),
                                                      QStringLiteral("--dir"), dir.filePath(QStringLiteral("bench"))}
                                          + databaseArguments(db));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("already has the tables users")), qPrintable(r.output()));
    QCOMPARE(tables(db), QStringList{QStringLiteral("users")});
    QSqlDatabase c = db.connect(QStringLiteral("bench-count"));
    QSqlQuery q(c);
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM users")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

QTEST_GUILESS_MAIN(tst_Bench)
#include "tst_bench.moc"
