// Three-way detection as the applier does it today: the base is what the source said last time;
// one side changed: take it; different fields changed: merge; the same field changed to
// different values: a conflict, decided by the entity's policy. Real forum-sim, real SQLite.

#include "SyncFixture.h"
#include "TestSupport.h"

#include "engine/apply/RecordMapper.h"
#include "engine/Source.h"
#include "engine/SourceRegistry.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

void setPolicy(QJsonObject &root, const QString &policy)
{
    editSource(root, [&](QJsonObject &src) {
        QJsonArray entities = src.value(QStringLiteral("entities")).toArray();
        for (int i = 0; i < entities.size(); ++i) {
            QJsonObject e = entities.at(i).toObject();
            if (e.value(QStringLiteral("name")).toString() == QLatin1String("topics")) {
                e.insert(QStringLiteral("conflict_policy"), policy);
                entities.replace(i, e);
            }
        }
        src.insert(QStringLiteral("entities"), entities);
    });
}

} // namespace

class tst_Conflicts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void differentFieldsMergeWithoutAConflict();
    void sameFieldByPolicy_data();
    void sameFieldByPolicy();
    void keptLocalStaysQuietUntilTheSourceChangesTheFieldAgain();
    void tributarydListsAndShowsConflicts();
    void localEditsCommittedDuringASyncAreNeverLost();
};

void tst_Conflicts::differentFieldsMergeWithoutAConflict()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 3, 10, 10, 1)));
    QVERIFY(f.generateExternal(forum(20, 5, 20, 50, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    const qint64 local = f.localId(QStringLiteral("topics"), QStringLiteral("3")).toLongLong();
    // The main application moves the topic to another section; the source renames it.
    const qint64 otherSection = f.scalar(QStringLiteral("SELECT MIN(id) FROM sections WHERE id != (SELECT section_id FROM topics WHERE id = ?)"), {local});
    QSqlQuery q(f.db().db());
    QVERIFY(q.exec(QStringLiteral("UPDATE topics SET section_id = %1 WHERE id = %2").arg(otherSection).arg(local)));
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/3"), {{QStringLiteral("title"), QStringLiteral("Renamed at the source")}}, &status);
    QCOMPARE(status, 200);
    const RunResult r = f.sync();
    QCOMPARE(r.counts.value(QStringLiteral("topics")).updated, 1);
    QCOMPARE(r.counts.value(QStringLiteral("topics")).conflicts, 0);
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {local}).toString(), QStringLiteral("Renamed at the source"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT section_id FROM topics WHERE id = ?"), {local}), otherSection);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts")), 0);
}

void tst_Conflicts::sameFieldByPolicy_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("localUpdatedAt"); // the row's own modification time after the local edit
    QTest::addColumn<QString>("expectedTitle");
    QTest::addColumn<QString>("expectedStatus"); // of the recorded conflict
    QTest::newRow("manual: local kept, waits for a person") << "manual" << "2026-01-01 00:00:00.000000" << "local" << "open";
    QTest::newRow("source-wins") << "source-wins" << "2026-01-01 00:00:00.000000" << "remote" << "resolved";
    QTest::newRow("local-wins") << "local-wins" << "2026-01-01 00:00:00.000000" << "local" << "resolved";
    QTest::newRow("newest-wins, the source is newer") << "newest-wins" << "2000-01-01 00:00:00.000000" << "remote" << "resolved";
    QTest::newRow("newest-wins, the local edit is newer") << "newest-wins" << "2099-01-01 00:00:00.000000" << "local" << "resolved";
    // Equal clocks: the value already in the row stays (a rule must not flip-flop).
    QTest::newRow("newest-wins, a tie keeps the row's value") << "newest-wins" << "tie" << "local" << "resolved";
}

void tst_Conflicts::sameFieldByPolicy()
{
    QFETCH(QString, policy);
    QFETCH(QString, localUpdatedAt);
    QFETCH(QString, expectedTitle);
    QFETCH(QString, expectedStatus);
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 3, 10, 10, 1)));
    QVERIFY(f.generateExternal(forum(20, 5, 20, 50, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure([&](QJsonObject &root) { setPolicy(root, policy); }));
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    const qint64 local = f.localId(QStringLiteral("topics"), QStringLiteral("4")).toLongLong();
    const QString base = f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {local}).toString();
    int status = 0;
    const QJsonObject patched =
        f.forumCall("PATCH", QStringLiteral("/topics/4"), {{QStringLiteral("title"), QStringLiteral("Edited at the source")}}, &status);
    QCOMPARE(status, 200);
    QString localTime = localUpdatedAt;
    if (localTime == QLatin1String("tie")) // the local edit carries the very time the source gives its own
        localTime = normalizeTimestamp(patched.value(QStringLiteral("updated_at")),
                                                     f.config().database.timestampFormat);
    QSqlQuery q(f.db().db());
    q.prepare(QStringLiteral("UPDATE topics SET title = 'Edited locally', updated_at = ? WHERE id = ?"));
    q.addBindValue(localTime);
    q.addBindValue(local);
    QVERIFY(q.exec());

    const RunResult r = f.sync();
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {local}).toString(),
             expectedTitle == QLatin1String("local") ? QStringLiteral("Edited locally") : QStringLiteral("Edited at the source"));
    QCOMPARE(r.counts.value(QStringLiteral("topics")).conflicts, expectedStatus == QLatin1String("open") ? 1 : 0);
    QSqlQuery c(f.db().db());
    QVERIFY(c.exec(QStringLiteral("SELECT status, fields, base, local, remote, resolution FROM tributary_conflicts")));
    QVERIFY(c.next());
    QCOMPARE(c.value(0).toString(), expectedStatus);
    QCOMPARE(c.value(1).toString(), QStringLiteral("[\"title\"]"));
    QVERIFY(c.value(2).toString().contains(base));
    QVERIFY(c.value(3).toString().contains(QStringLiteral("Edited locally")));
    QVERIFY(c.value(4).toString().contains(QStringLiteral("Edited at the source")));
    if (expectedStatus == QLatin1String("resolved"))
        QCOMPARE(c.value(5).toString(), QStringLiteral("policy:") + policy);
    QVERIFY(!c.next()); // one conflict, for one field
}

void tst_Conflicts::keptLocalStaysQuietUntilTheSourceChangesTheFieldAgain()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 3, 10, 10, 1)));
    QVERIFY(f.generateExternal(forum(20, 5, 20, 50, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    const qint64 local = f.localId(QStringLiteral("topics"), QStringLiteral("5")).toLongLong();
    QSqlQuery q(f.db().db());
    QVERIFY(q.exec(QStringLiteral("UPDATE topics SET title = 'Mine' WHERE id = %1").arg(local)));
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/5"), {{QStringLiteral("title"), QStringLiteral("Theirs")}}, &status);
    QCOMPARE(f.sync().counts.value(QStringLiteral("topics")).conflicts, 1);
    // Re-reading the same version (a full walk) raises nothing new and keeps the local value.
    const RunRequest full = RunRequest::full();
    const RunResult again = f.sync(full);
    QCOMPARE(again.counts.value(QStringLiteral("topics")).conflicts, 0);
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {local}).toString(), QStringLiteral("Mine"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts")), 1);
    // The source changes the field again: the open conflict is raised again with the new value.
    f.forumCall("PATCH", QStringLiteral("/topics/5"), {{QStringLiteral("title"), QStringLiteral("Theirs, again")}}, &status);
    QCOMPARE(f.sync().counts.value(QStringLiteral("topics")).conflicts, 1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE status = 'open'")), 1);
    QVERIFY(f.value(QStringLiteral("SELECT remote FROM tributary_conflicts")).toString().contains(QStringLiteral("Theirs, again")));
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {local}).toString(), QStringLiteral("Mine"));
}

void tst_Conflicts::tributarydListsAndShowsConflicts()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 3, 10, 10, 1)));
    QVERIFY(f.generateExternal(forum(20, 5, 20, 50, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    const qint64 local = f.localId(QStringLiteral("topics"), QStringLiteral("6")).toLongLong();
    const QString base = f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {local}).toString();
    QSqlQuery q(f.db().db());
    QVERIFY(q.exec(QStringLiteral("UPDATE topics SET title = 'Mine' WHERE id = %1").arg(local)));
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/6"), {{QStringLiteral("title"), QStringLiteral("Theirs")}}, &status);
    QCOMPARE(f.sync().counts.value(QStringLiteral("topics")).conflicts, 1);

    QString out;
    QCOMPARE(f.tributaryd({QStringLiteral("conflicts"), QStringLiteral("list")}, &out), 0);
    QVERIFY2(out.contains(QStringLiteral("#1  forum/topics 6 (local id %1)  field: title  [open]").arg(local)), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("1 open conflict. Details")), qPrintable(out));
    QCOMPARE(f.tributaryd({QStringLiteral("conflicts"), QStringLiteral("show"), QStringLiteral("1")}, &out), 0);
    QVERIFY2(out.contains(QStringLiteral("both sides changed the same field")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("\"%1\"").arg(base.left(50))) && out.contains(QStringLiteral("\"Mine\""))
                 && out.contains(QStringLiteral("\"Theirs\"")), qPrintable(out));
    QCOMPARE(f.tributaryd({QStringLiteral("conflicts"), QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--json")}, &out), 0);
    const QJsonObject c = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(c.value(QStringLiteral("local")).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Mine"));
    QCOMPARE(c.value(QStringLiteral("remote")).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Theirs"));
    QCOMPARE(c.value(QStringLiteral("base")).toObject().value(QStringLiteral("title")).toString(), base);
    QCOMPARE(f.tributaryd({QStringLiteral("conflicts"), QStringLiteral("show"), QStringLiteral("99")}, &out), 2);
    QVERIFY2(out.contains(QStringLiteral("there is no conflict #99")), qPrintable(out));
}

void tst_Conflicts::localEditsCommittedDuringASyncAreNeverLost()
{
    // The main application keeps writing while a sync applies pages: every message changes at the
    // forum, and another connection edits the same field of some of them, committing one edit at
    // a time in an order unrelated to the sync's. Whether an edit lands before its page (a
    // conflict, local kept under manual) or after it (a newer local edit over the applied value),
    // the local value must survive.
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 3, 10, 10, 1)));
    QVERIFY(f.generateExternal(forum(50, 5, 50, 3000, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure([](QJsonObject &root) {
        editSource(root, [](QJsonObject &src) {
            QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
            QJsonObject pagination = rest.value(QStringLiteral("pagination")).toObject();
            pagination.insert(QStringLiteral("page_size"), 50); // many small page transactions
            rest.insert(QStringLiteral("pagination"), pagination);
            src.insert(QStringLiteral("rest"), rest);
        });
    }));
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    QVERIFY(f.writeForum(QStringLiteral("UPDATE messages SET content = content || ' (edited upstream)', "
                                        "updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'")));

    // Every 10th message, in a seeded random order.
    QList<qint64> targets;
    {
        QSqlQuery q(f.db().db());
        QVERIFY(q.exec(QStringLiteral("SELECT local_id FROM tributary_links WHERE source = 'forum' AND entity = 'messages' "
                                      "AND CAST(external_id AS INTEGER) % 10 = 0")));
        while (q.next())
            targets.append(q.value(0).toLongLong());
    }
    QCOMPARE(targets.size(), 300);
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("concurrent writer seed %u", seed);
    QRandomGenerator rng(seed);
    std::shuffle(targets.begin(), targets.end(), rng);

    std::atomic<int> written{0};
    std::atomic<bool> failed{false};
    const QString mainDb = f.mainDb();
    std::unique_ptr<QThread> writer(QThread::create([&] {
        const QString name = QStringLiteral("concurrent-writer");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(mainDb);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
            failed = !db.open();
            for (qint64 id : std::as_const(targets)) {
                if (failed)
                    break;
                QSqlQuery q(db);
                q.prepare(QStringLiteral("UPDATE messages SET content = ? WHERE id = ?"));
                q.addBindValue(QStringLiteral("local edit of %1").arg(id));
                q.addBindValue(id);
                if (!q.exec()) {
                    qWarning("writer: %s", qPrintable(q.lastError().text()));
                    failed = true;
                }
                ++written;
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }));

    // The writer starts once the sync is applying messages, and runs alongside.
    std::unique_ptr<Source> impl = SourceRegistry::create(f.config().sources.first(), new QNetworkAccessManager(this));
    const std::unique_ptr<Run> owned = Run::create(f.db(), f.config(), f.config().sources.first(), impl.get(), RunRequest());
    Run &run = *owned;
    int pagesSeenByWriterStart = -1;
    connect(&run, &Run::progress, this, [&](const QString &entity, const EntityCounts &c) {
        if (entity == QLatin1String("messages") && !writer->isRunning() && !writer->isFinished() && c.fetched > 0) {
            pagesSeenByWriterStart = int(c.fetched);
            writer->start();
        }
    });
    QSignalSpy done(&run, &Run::finished);
    run.start();
    QVERIFY(done.wait(600000));
    QVERIFY(writer->wait(600000));
    QVERIFY(!failed);
    QCOMPARE(written.load(), 300);
    const RunResult r = run.result();
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
    QCOMPARE(r.counts.value(QStringLiteral("messages")).fetched, 3000);

    // Not one local edit was overwritten.
    const qint64 kept = f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE content LIKE 'local edit of %'"));
    QCOMPARE(kept, 300);
    // The rest took the forum's change.
    const qint64 upstream = f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages m JOIN tributary_links l ON l.local_id = m.id "
                                                    "AND l.source = 'forum' AND l.entity = 'messages' WHERE m.content LIKE '% (edited upstream)'"));
    QCOMPARE(upstream, 2700);
    // Edits committed before their page became conflicts (open, local kept); the others were later
    // than the applied value. Both kinds occur when the writer runs alongside the pages.
    const qint64 conflicts = f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE status = 'open'"));
    qInfo("writer started after %d messages fetched; %lld edits landed before their page (conflicts), %lld after",
          pagesSeenByWriterStart, conflicts, 300 - conflicts);
    QCOMPARE(r.counts.value(QStringLiteral("messages")).conflicts, conflicts);
    QVERIFY(conflicts > 0);
    // Each conflict is about a row the writer edited, with the writer's value as its local side.
    QSqlQuery c(f.db().db());
    QVERIFY(c.exec(QStringLiteral("SELECT local_id, local FROM tributary_conflicts")));
    while (c.next())
        QCOMPARE(QJsonDocument::fromJson(c.value(1).toString().toUtf8()).object().value(QStringLiteral("content")).toString(),
                 QStringLiteral("local edit of %1").arg(c.value(0).toString()));
    // And the next syncs keep every edit, raising nothing new.
    const RunResult again = f.sync();
    QCOMPARE(again.counts.value(QStringLiteral("messages")).conflicts, 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE content LIKE 'local edit of %'")), 300);
}

QTEST_GUILESS_MAIN(tst_Conflicts)
#include "tst_conflicts.moc"
