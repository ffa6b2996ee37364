// Conflicts end to end: what tributaryd shows of them, and local edits committed by another
// connection while a sync applies pages. Real forum-sim, real SQLite. The three-way rules
// themselves (merge, each policy, a kept local value) are scenarios in tst_engine.

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
// A small main database and forum, synced once.
bool smallForumSynced(SyncFixture &f)
{
    return f.generateMain(forum(10, 3, 10, 10, 1)) && f.generateExternal(forum(20, 5, 20, 50, 2)) && f.startForum() && f.configure()
        && RunResult::statusName(f.sync().status) == QLatin1String("ok");
}
} // namespace

class tst_Conflicts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tributarydListsAndShowsConflicts();
    void localEditsCommittedDuringASyncAreNeverLost();
    void localEditsAreCapturedByTriggersNotCopiedForEveryRow();
};

void tst_Conflicts::tributarydListsAndShowsConflicts()
{
    SyncFixture f;
    QVERIFY(smallForumSynced(f));
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
    std::unique_ptr<QThread> writer(QThread::create([&] {
        const QString name = QStringLiteral("concurrent-writer");
        {
            QSqlDatabase db = f.mainDatabase().connect(name);
            failed = !db.isOpen();
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
    const qint64 upstream = f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages m JOIN tributary_links l ON l.local_id = CAST(m.id AS TEXT) "
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

void tst_Conflicts::localEditsAreCapturedByTriggersNotCopiedForEveryRow()
{
    // docs/decisions/0024: a row Tributary inserted is its own base; the application's first edit
    // of it is captured, with the values it replaced, by the triggers on the synced table.
    SyncFixture f;
    QVERIFY(smallForumSynced(f));
    QVERIFY(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE origin = 'inserted'")) >= 70);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE origin = 'inserted' AND base <> ''")), 0);
    // Adopted rows (users and sections matched by e-mail and title) keep a base of their own.
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE origin = 'matched' AND base = ''")), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_edits")), 0);

    const QString six = f.localId(QStringLiteral("topics"), QStringLiteral("6"));
    const QString seven = f.localId(QStringLiteral("topics"), QStringLiteral("7"));
    const QString title = f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {six.toLongLong()}).toString();
    auto capture = [&](const QString &localId) {
        return QJsonDocument::fromJson(f.value(QStringLiteral("SELECT base FROM tributary_edits WHERE table_name = 'topics' AND local_id = ?"), {localId})
                                           .toString()
                                           .toUtf8())
            .object();
    };
    // The application's connection: no transaction of Tributary's, so the triggers see an edit.
    QSqlQuery q(f.db().db());
    QVERIFY2(q.exec(QStringLiteral("UPDATE topics SET title = 'Mine' WHERE id = %1").arg(six)), qPrintable(q.lastError().text()));
    QVERIFY2(q.exec(QStringLiteral("UPDATE topics SET title = title WHERE id = %1").arg(seven)), qPrintable(q.lastError().text())); // changes nothing
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_edits")), 1);
    QCOMPARE(capture(six).value(QStringLiteral("title")).toString(), title);
    // A second edit keeps the first capture: that is what Tributary last wrote.
    QVERIFY(q.exec(QStringLiteral("UPDATE topics SET title = 'Mine again' WHERE id = %1").arg(six)));
    QCOMPARE(capture(six).value(QStringLiteral("title")).toString(), title);

    // The source changes both topics: 7 is applied (Tributary's own write is not an edit), 6 is
    // a conflict, and its capture now holds what the source says, as a base would.
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/6"), {{QStringLiteral("title"), QStringLiteral("Theirs")}}, &status);
    QCOMPARE(status, 200);
    f.forumCall("PATCH", QStringLiteral("/topics/7"), {{QStringLiteral("title"), QStringLiteral("Seventh")}}, &status);
    QCOMPARE(status, 200);
    const RunResult second = f.sync();
    QCOMPARE(RunResult::statusName(second.status), QStringLiteral("ok"));
    QCOMPARE(second.counts.value(QStringLiteral("topics")).conflicts, 1);
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {seven.toLongLong()}).toString(), QStringLiteral("Seventh"));
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {six.toLongLong()}).toString(), QStringLiteral("Mine again"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_edits")), 1);
    QCOMPARE(capture(six).value(QStringLiteral("title")).toString(), QStringLiteral("Theirs"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE origin = 'inserted' AND base <> ''")), 0);
    // verify reads the capture too: topic 6 is a local edit in conflict, not a difference.
    bool inSync = false;
    Error error;
    f.verify(&inSync, &error);
    QVERIFY2(!error && inSync, qPrintable(error.toString()));

    // The application deletes a row: the capture keeps what it was (the base of the
    // edit-versus-delete conflict a later change of the source raises).
    const QString message = f.value(QStringLiteral("SELECT MIN(m.id) FROM messages m WHERE NOT EXISTS (SELECT 1 FROM messages r WHERE r.parent_id = m.id)")).toString();
    const QString content = f.value(QStringLiteral("SELECT content FROM messages WHERE id = ?"), {message.toLongLong()}).toString();
    QVERIFY2(q.exec(QStringLiteral("DELETE FROM messages WHERE id = %1").arg(message)), qPrintable(q.lastError().text()));
    QCOMPARE(QJsonDocument::fromJson(f.value(QStringLiteral("SELECT base FROM tributary_edits WHERE table_name = 'messages' AND local_id = ?"), {message})
                                         .toString()
                                         .toUtf8())
                 .object()
                 .value(QStringLiteral("content"))
                 .toString(),
             content);
}

QTEST_GUILESS_MAIN(tst_Conflicts)
#include "tst_conflicts.moc"
