// Dry runs: the real Run on a throwaway database. What a dry run counts must be exactly what
// the real run that follows does, and the main database must be left as it was, byte for byte
// in every table (the application's, Tributary's state, the schema). Real forum-sim, real files.

#include "SyncFixture.h"

#include "BuiltinSources.h"
#include "engine/DryRun.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

Q_DECLARE_METATYPE(Tributary::DryRun::Mode)

namespace {

// Everything an SQLite file holds: a digest over its schema and every row of every table
// (tributary_* state and sqlite_sequence included), and the row count of each table. Read
// through a connection of its own, so it is what the file holds, not what one connection sees.
struct FileState
{
    QString digest;
    QString rows; // "table=count" lines
};

FileState fileState(const QString &path)
{
    const QString name = QStringLiteral("dryrun-reader");
    FileState state;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            qWarning("cannot open %s: %s", qPrintable(path), qPrintable(db.lastError().text()));
            return state;
        }
        QCryptographicHash hash(QCryptographicHash::Sha1);
        QStringList tables;
        QSqlQuery schema(db);
        schema.exec(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"));
        while (schema.next()) {
            hash.addData(QStringLiteral("%1|%2|%3|%4\n").arg(schema.value(0).toString(), schema.value(1).toString(),
                                                             schema.value(2).toString(), schema.value(3).toString()).toUtf8());
            if (schema.value(0).toString() == QLatin1String("table"))
                tables.append(schema.value(1).toString());
        }
        QStringList counts;
        for (const QString &table : std::as_const(tables)) {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table)))
                qWarning("cannot read %s: %s", qPrintable(table), qPrintable(q.lastError().text()));
            QStringList rows;
            while (q.next()) {
                QStringList values;
                for (int i = 0; i < q.record().count(); ++i)
                    values.append(q.value(i).isNull() ? QStringLiteral("\\N") : q.value(i).toString());
                rows.append(values.join(QChar(0x1f)));
            }
            rows.sort(); // some state tables have no rowid: compare contents, not storage order
            hash.addData(table.toUtf8() + '\n' + rows.join(QLatin1Char('\n')).toUtf8() + '\n');
            counts.append(QStringLiteral("%1=%2").arg(table).arg(rows.size()));
        }
        state.digest = QString::fromLatin1(hash.result().toHex());
        state.rows = counts.join(QLatin1Char('\n'));
    }
    QSqlDatabase::removeDatabase(name);
    return state;
}

RunRequest reconcile()
{
    return RunRequest::reconcile();
}

// Runs `runs` one after the other on a dry run of the fixture's main database, then discards it.
QList<RunResult> dryRun(SyncFixture &f, DryRun::Mode mode, const QList<RunRequest> &runs)
{
    Error error;
    std::unique_ptr<DryRun> dry = DryRun::open(f.db(), mode, &error);
    if (!dry) {
        qWarning("dry run: %s", qPrintable(error.toString()));
        return {};
    }
    if (dry->mode() == DryRun::Mode::Snapshot && !dry->snapshotPath().startsWith(QFileInfo(f.mainDb()).absolutePath() + QLatin1Char('/')))
        qWarning("the snapshot is not next to the main database: %s", qPrintable(dry->snapshotPath()));
    QNetworkAccessManager nam;
    QList<RunResult> results;
    for (const RunRequest &o : runs)
        results.append(runSync(dry->database(), f.config(), f.config().sources.first(), &nam, o));
    return results;
}

// Every count of every entity, dry run against real run.
void compareCounts(const RunResult &dry, const RunResult &real)
{
    QCOMPARE(RunResult::statusName(dry.status), RunResult::statusName(real.status));
    QCOMPARE(dry.kind, real.kind);
    QCOMPARE(dry.entityOrder, real.entityOrder);
    for (const QString &e : real.entityOrder) {
        const QJsonObject d = dry.counts.value(e).toJson(), r = real.counts.value(e).toJson();
        for (auto it = r.constBegin(); it != r.constEnd(); ++it)
            QVERIFY2(d.value(it.key()) == it.value(),
                     qPrintable(QStringLiteral("%1.%2: dry run %3, real run %4").arg(e, it.key()).arg(d.value(it.key()).toDouble()).arg(it.value().toDouble())));
    }
}

qint64 count(const RunResult &r, const QString &entity, qint64 EntityCounts::*field) { return r.counts.value(entity).*field; }

QStringList leftovers(const SyncFixture &f)
{
    return QDir(QFileInfo(f.mainDb()).absolutePath()).entryList({QStringLiteral(".tributary-dry-run-*")}, QDir::AllEntries | QDir::Hidden);
}

// Messages that nobody replies to, by external id: deleting them at the source leaves no reply
// dangling there.
QStringList leafMessages(SyncFixture &f, int n)
{
    QSqlQuery q(f.db().db());
    q.exec(QStringLiteral("SELECT l.external_id FROM tributary_links l JOIN messages m ON m.id = CAST(l.local_id AS INTEGER) "
                          "WHERE l.source = 'forum' AND l.entity = 'messages' "
                          "AND NOT EXISTS (SELECT 1 FROM messages c WHERE c.parent_id = m.id) "
                          "ORDER BY CAST(l.external_id AS INTEGER) LIMIT %1").arg(n));
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

using Exit = TributarydProcess::Result;

Exit tributaryd(const QStringList &args, const QString &token)
{
    return TributarydProcess::run(args, {{QStringLiteral("TRIBUTARY_TEST_TOKEN"), token}});
}

// The count lines of tributaryd's summaries, one "entity a b c ..." string per entity and run,
// in the order printed. `columns` picks the numbers to keep, by position after the entity.
QStringList summaryCounts(const QString &out, const QList<int> &columns)
{
    QStringList lines;
    static const QRegularExpression row(QStringLiteral("^  (\\w+)((?: +[0-9,]+)+)$"), QRegularExpression::MultilineOption);
    auto it = row.globalMatch(out);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QStringList numbers = m.captured(2).simplified().remove(QLatin1Char(',')).split(QLatin1Char(' '));
        QStringList picked{m.captured(1)};
        for (int c : columns)
            picked.append(numbers.value(c));
        lines.append(picked.join(QLatin1Char(' ')));
    }
    return lines;
}

// From a dry run's summary: fetched, would insert, update, link, conflicts, quarantine (the
// delete column is checked on its own: a real run's summary has deletes only in a note).
QStringList drySummary(const QString &out) { return summaryCounts(out, {0, 1, 2, 4, 5, 6}); }
// The same numbers from a real run's summary (fetched skipped inserted linked updated unchanged
// pending quarantined conflicts).
QStringList realSummary(const QString &out) { return summaryCounts(out, {0, 2, 4, 3, 8, 7}); }

} // namespace

class tst_DryRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerBuiltinSources(); }
    void countsEqualTheRealRunAndNothingIsWritten_data();
    void countsEqualTheRealRunAndNothingIsWritten();
    void autoIsASnapshotOnSqlite();
    void syncDryRunThroughTributaryd();
};

void tst_DryRun::countsEqualTheRealRunAndNothingIsWritten_data()
{
    QTest::addColumn<DryRun::Mode>("mode");
    QTest::newRow("snapshot") << DryRun::Mode::Snapshot;
    QTest::newRow("transaction") << DryRun::Mode::Transaction;
}

void tst_DryRun::countsEqualTheRealRunAndNothingIsWritten()
{
    QFETCH(DryRun::Mode, mode);
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 2, 10, 20, 1)));
    QVERIFY(f.generateExternal(forum(30, 4, 30, 300, 5)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());

    // The first sync, dry: everything would be inserted (or linked by e-mail and title).
    FileState before = fileState(f.mainDb());
    QVERIFY(!before.digest.isEmpty());
    const QList<RunResult> dryFirst = dryRun(f, mode, {RunRequest()});
    QCOMPARE(dryFirst.size(), 1);
    FileState after = fileState(f.mainDb());
    QCOMPARE(after.rows, before.rows);
    QCOMPARE(after.digest, before.digest);
    QCOMPARE(leftovers(f), QStringList());
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_runs")), 0);

    const RunResult first = f.sync();
    compareCounts(dryFirst.first(), first);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(RunResult::statusName(first.status), QStringLiteral("ok"));
    QCOMPARE(count(first, QStringLiteral("messages"), &EntityCounts::inserted), 300);
    QCOMPARE(count(first, QStringLiteral("topics"), &EntityCounts::inserted), 30);
    QCOMPARE(count(first, QStringLiteral("users"), &EntityCounts::inserted) + count(first, QStringLiteral("users"), &EntityCounts::linked), 30);
    QCOMPARE(count(first, QStringLiteral("sections"), &EntityCounts::inserted) + count(first, QStringLiteral("sections"), &EntityCounts::linked), 4);
    QCOMPARE(first.total().conflicts, 0);

    // Changes on both sides.
    int status = 0;
    // A title edited here and at the source: a conflict (manual policy by default).
    const qint64 topic = f.localId(QStringLiteral("topics"), QStringLiteral("3")).toLongLong();
    QSqlQuery q(f.db().db());
    QVERIFY(q.exec(QStringLiteral("UPDATE topics SET title = 'Edited locally' WHERE id = %1").arg(topic)));
    f.forumCall("PATCH", QStringLiteral("/topics/3"), {{QStringLiteral("title"), QStringLiteral("Edited at the source")}}, &status);
    QCOMPARE(status, 200);
    // Plain updates at the source.
    f.forumCall("PATCH", QStringLiteral("/messages/5"), {{QStringLiteral("content"), QStringLiteral("Changed at the source")}}, &status);
    QCOMPARE(status, 200);
    f.forumCall("PATCH", QStringLiteral("/users/2"), {{QStringLiteral("name"), QStringLiteral("Renamed at the source")}}, &status);
    QCOMPARE(status, 200);
    // New records, each referencing the one before.
    const QJsonObject section = f.forumCall("POST", QStringLiteral("/sections"), {{QStringLiteral("title"), QStringLiteral("Dry runs")}}, &status);
    QCOMPARE(status, 201);
    const QJsonObject newTopic = f.forumCall("POST", QStringLiteral("/topics"),
                                             {{QStringLiteral("section_id"), section.value(QStringLiteral("id"))},
                                              {QStringLiteral("user_id"), 1},
                                              {QStringLiteral("title"), QStringLiteral("What would happen?")}}, &status);
    QCOMPARE(status, 201);
    f.forumCall("POST", QStringLiteral("/messages"), {{QStringLiteral("topic_id"), newTopic.value(QStringLiteral("id"))},
                                                      {QStringLiteral("user_id"), 1},
                                                      {QStringLiteral("content"), QStringLiteral("This, exactly.")}}, &status);
    QCOMPARE(status, 201);
    // Deletes at the source: two plain ones, and one of a row the application edited meanwhile
    // (an edit-versus-delete conflict).
    const QStringList gone = leafMessages(f, 3);
    QCOMPARE(gone.size(), 3);
    const qint64 editedLocal = f.localId(QStringLiteral("messages"), gone.at(2)).toLongLong();
    QVERIFY(q.exec(QStringLiteral("UPDATE messages SET content = 'edited by a moderator' WHERE id = %1").arg(editedLocal)));
    for (const QString &id : gone) {
        f.forumCall("DELETE", QStringLiteral("/messages/%1").arg(id), {}, &status);
        QCOMPARE(status, 204);
    }

    // sync --reconcile, dry, then for real.
    before = fileState(f.mainDb());
    const QList<RunResult> dry = dryRun(f, mode, {RunRequest(), reconcile()});
    QCOMPARE(dry.size(), 2);
    after = fileState(f.mainDb());
    QCOMPARE(after.rows, before.rows);
    QCOMPARE(after.digest, before.digest);
    QCOMPARE(leftovers(f), QStringList());
    QVERIFY(!f.db().columns(QStringLiteral("messages")).contains(QStringLiteral("deleted_at"))); // the soft-delete migration too

    const RunResult synced = f.sync();
    const RunResult reconciled = f.sync(reconcile());
    compareCounts(dry.at(0), synced);
    compareCounts(dry.at(1), reconciled);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(count(synced, QStringLiteral("topics"), &EntityCounts::conflicts), 1);
    QCOMPARE(count(synced, QStringLiteral("topics"), &EntityCounts::inserted), 1);
    QCOMPARE(count(synced, QStringLiteral("sections"), &EntityCounts::inserted), 1);
    QCOMPARE(count(synced, QStringLiteral("messages"), &EntityCounts::inserted), 1);
    QCOMPARE(count(synced, QStringLiteral("messages"), &EntityCounts::updated), 1);
    QCOMPARE(count(synced, QStringLiteral("users"), &EntityCounts::updated), 1);
    QCOMPARE(synced.total().deleted, 0);
    QCOMPARE(count(reconciled, QStringLiteral("messages"), &EntityCounts::deleted), 2);
    QCOMPARE(count(reconciled, QStringLiteral("messages"), &EntityCounts::conflicts), 1);
    QCOMPARE(reconciled.total().deleted, 2);
    QCOMPARE(reconciled.total().inserted + reconciled.total().updated, 0);
    // And the real runs did write: the conflicts and the soft deletes are there now.
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE status = 'open'")), 2);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE deleted_at IS NOT NULL")), 2);
}

void tst_DryRun::autoIsASnapshotOnSqlite()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 10, 1)));
    QVERIFY(f.generateExternal(forum(5, 2, 5, 10, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    Error error;
    std::unique_ptr<DryRun> dry = DryRun::open(f.db(), DryRun::Mode::Auto, &error);
    QVERIFY2(dry, qPrintable(error.toString()));
    QCOMPARE(dry->mode(), DryRun::Mode::Snapshot);
    QVERIFY(&dry->database() != &f.db());
    QVERIFY(QFileInfo::exists(dry->snapshotPath()));
    QCOMPARE(leftovers(f).size(), 1);
    // The copy holds what the main database holds, and takes writes the main one never sees.
    Error e;
    QVERIFY(dry->database().exec(QStringLiteral("DELETE FROM users"), &e));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM users")), 5);
    const QString path = dry->snapshotPath();
    dry.reset();
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(leftovers(f), QStringList());

    // Transaction mode holds the main connection until it is discarded.
    dry = DryRun::open(f.db(), DryRun::Mode::Transaction, &error);
    QVERIFY2(dry, qPrintable(error.toString()));
    QCOMPARE(&dry->database(), &f.db());
    QVERIFY(f.db().isTransactionHeld());
    QVERIFY(f.db().exec(QStringLiteral("DELETE FROM users"), &e));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM users")), 0); // seen inside the transaction
    dry.reset();
    QVERIFY(!f.db().isTransactionHeld());
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM users")), 5);
}

void tst_DryRun::syncDryRunThroughTributaryd()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 2, 10, 20, 1)));
    QVERIFY(f.generateExternal(forum(30, 4, 30, 300, 5)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    // A main database Tributary never touched: a dry run does not even create its state tables.
    {
        QSqlQuery q(f.db().db());
        QVERIFY(q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'tributary%'")));
        QStringList tables;
        while (q.next())
            tables.append(q.value(0).toString());
        q.finish();
        for (const QString &t : std::as_const(tables))
            QVERIFY2(q.exec(QStringLiteral("DROP TABLE %1").arg(t)), qPrintable(q.lastError().text()));
    }
    const QStringList config{QStringLiteral("--config"), f.configPath()};

    FileState before = fileState(f.mainDb());
    Exit dry = tributaryd(QStringList{QStringLiteral("sync"), QStringLiteral("--dry-run")} + config, f.token());
    QCOMPARE(dry.exitCode, 0);
    QVERIFY2(dry.out.startsWith(QStringLiteral("DRY RUN: on a temporary copy of the main database; nothing is written")), qPrintable(dry.out));
    QVERIFY2(dry.out.contains(QStringLiteral("Source forum: DRY RUN of the incremental sync, would end OK")), qPrintable(dry.out));
    QVERIFY2(dry.out.contains(QRegularExpression(QStringLiteral("\\n  messages +300 +300 +0 +0 +0 +0 +0 +0\\n"))), qPrintable(dry.out));
    QVERIFY2(dry.out.contains(QStringLiteral("DRY RUN finished: nothing was written to the main database")), qPrintable(dry.out));
    FileState after = fileState(f.mainDb());
    QCOMPARE(after.rows, before.rows);
    QCOMPARE(after.digest, before.digest);
    QVERIFY(!after.rows.contains(QStringLiteral("tributary_")));
    QCOMPARE(leftovers(f), QStringList());

    Exit real = tributaryd(QStringList{QStringLiteral("sync")} + config, f.token());
    QCOMPARE(real.exitCode, 0);
    QVERIFY2(real.out.contains(QRegularExpression(QStringLiteral("\\n  messages +300 +0 +300 +0 +0 +0 +0 +0 +0\\n"))), qPrintable(real.out));
    QCOMPARE(drySummary(dry.out).size(), 4);
    QCOMPARE(drySummary(dry.out), realSummary(real.out));

    // Then a conflict and deletes, through sync --reconcile.
    int status = 0;
    const qint64 topic = f.localId(QStringLiteral("topics"), QStringLiteral("3")).toLongLong();
    QSqlQuery q(f.db().db());
    QVERIFY(q.exec(QStringLiteral("UPDATE topics SET title = 'Edited locally' WHERE id = %1").arg(topic)));
    f.forumCall("PATCH", QStringLiteral("/topics/3"), {{QStringLiteral("title"), QStringLiteral("Edited at the source")}}, &status);
    QCOMPARE(status, 200);
    const QStringList gone = leafMessages(f, 2);
    QCOMPARE(gone.size(), 2);
    for (const QString &id : gone)
        f.forumCall("DELETE", QStringLiteral("/messages/%1").arg(id), {}, &status);

    before = fileState(f.mainDb());
    dry = tributaryd(QStringList{QStringLiteral("sync"), QStringLiteral("--dry-run"), QStringLiteral("--reconcile"), QStringLiteral("--quiet")} + config,
                     f.token());
    QCOMPARE(dry.exitCode, 0);
    QVERIFY2(dry.out.contains(QStringLiteral("DRY RUN of the reconciliation, would end OK")), qPrintable(dry.out));
    // Sync: the conflict on topics (and the record at the cursor, read again and skipped).
    // Reconciliation: every id listed, two messages gone.
    QVERIFY2(dry.out.contains(QRegularExpression(QStringLiteral("\\n  topics +2 +0 +0 +0 +0 +1 +0 +0\\n"))), qPrintable(dry.out));
    QVERIFY2(dry.out.contains(QRegularExpression(QStringLiteral("\\n  messages +298 +0 +0 +2 +0 +0 +0 +0\\n"))), qPrintable(dry.out));
    after = fileState(f.mainDb());
    QCOMPARE(after.rows, before.rows);
    QCOMPARE(after.digest, before.digest);

    real = tributaryd(QStringList{QStringLiteral("sync"), QStringLiteral("--reconcile"), QStringLiteral("--quiet")} + config, f.token());
    QCOMPARE(real.exitCode, 0);
    QVERIFY2(real.out.contains(QStringLiteral("2 rows deleted")), qPrintable(real.out));
    QCOMPARE(drySummary(dry.out).size(), 8);
    QCOMPARE(drySummary(dry.out), realSummary(real.out));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE deleted_at IS NOT NULL")), 2);
}

QTEST_GUILESS_MAIN(tst_DryRun)
#include "tst_dryrun.moc"
