// Write-back end to end: the main application's own SQL, tributaryd's sync pushing to a real
// forum-sim over HTTP (conditional PATCH and DELETE, idempotent POST, the origin header), the
// outbox command, a person's decision pushed. The engine's rules one by one are tst_writeback.

#include "SyncFixture.h"
#include "TestSupport.h"

#include "state/Outbox.h"
#include "store/Database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

QString status(const RunResult &r)
{
    return RunResult::statusName(r.status);
}

// A forum synced in, then written back to: "direction": "both" and the forum's origin header.
bool twoWayForum(SyncFixture &f, const ForumFaults &faults = ForumFaults(), quint64 seed = 1)
{
    return f.generateMain(forum(10, 3, 10, 10, 1)) && f.generateExternal(forum(20, 5, 20, 50, 2))
        && f.startForum(QStringLiteral("test-token"), faults, seed)
        && f.configure([](QJsonObject &root) {
               editSource(root, [](QJsonObject &source) {
                   source.insert(QStringLiteral("direction"), QStringLiteral("both"));
                   QJsonObject rest = source.value(QStringLiteral("rest")).toObject();
                   rest.insert(QStringLiteral("write"), QJsonObject{{QStringLiteral("origin_header"), QStringLiteral("X-Forum-Client")},
                                                                    {QStringLiteral("origin"), QStringLiteral("tributary")}});
                   source.insert(QStringLiteral("rest"), rest);
               });
           })
        && status(f.sync()) == QLatin1String("ok");
}

// The main application's statement, on a connection of the test's own (not Tributary's).
bool app(SyncFixture &f, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(f.db().db());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

QJsonObject forumRecord(SyncFixture &f, const QString &path, int *code)
{
    return f.forumCall("GET", path, {}, code);
}

// Rows in the forum's own database (forum-sim's SQLite file), read as the forum would; `table`
// may carry a WHERE (and GROUP BY: then the groups are counted).
qint64 forumCount(SyncFixture &f, const QString &table)
{
    const QString name = QStringLiteral("forum-count");
    qint64 n = -1;
    {
        QSqlDatabase forumDb = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        forumDb.setDatabaseName(f.externalDb());
        if (forumDb.open()) {
            QSqlQuery q(forumDb);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM %1) AS rows").arg(table)) && q.next())
                n = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

} // namespace

class tst_TwoWay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void localChangesReachTheForumOnceWithoutEcho();
    void aDecisionOnACollisionIsPushed();
    void killedWhilePushingSendsNothingTwiceAndLosesNothing();
    void theApplicationsRowsReachBothForumsAndEachForumsRecordsGoBackToItAlone();
};

void tst_TwoWay::localChangesReachTheForumOnceWithoutEcho()
{
    SyncFixture f;
    QVERIFY(twoWayForum(f));
    const QString edited = f.localId(QStringLiteral("topics"), QStringLiteral("3"));
    const QString refusedRow = f.localId(QStringLiteral("topics"), QStringLiteral("4"));
    const QString leaf = f.value(QStringLiteral("SELECT l.external_id FROM tributary_links l WHERE l.source = 'forum' AND l.entity = 'messages' "
                                                "AND NOT EXISTS (SELECT 1 FROM messages c WHERE CAST(c.parent_id AS TEXT) = l.local_id) "
                                                "ORDER BY l.external_id LIMIT 1"))
                             .toString();
    QVERIFY(!edited.isEmpty() && !refusedRow.isEmpty() && !leaf.isEmpty());
    const qint64 forumTopics = forumCount(f, QStringLiteral("topics"));

    // The application: an edit, a new topic by a synced user in a synced section, a delete, and
    // an edit the forum refuses (a blank title).
    QVERIFY(app(f, QStringLiteral("UPDATE topics SET title = 'Pushed title' WHERE id = ?"), {edited.toLongLong()}));
    QVERIFY(app(f, QStringLiteral("INSERT INTO topics (section_id, user_id, title, created_at, updated_at) VALUES (?, ?, 'Made locally', "
                                  "'2026-12-01 10:00:00', '2026-12-01 10:00:00')"),
                {f.localId(QStringLiteral("sections"), QStringLiteral("2")).toLongLong(), f.localId(QStringLiteral("users"), QStringLiteral("5")).toLongLong()}));
    QVERIFY(app(f, QStringLiteral("DELETE FROM messages WHERE id = ?"), {f.localId(QStringLiteral("messages"), leaf).toLongLong()}));
    QVERIFY(app(f, QStringLiteral("UPDATE topics SET title = '   ' WHERE id = ?"), {refusedRow.toLongLong()}));

    const RunResult run = f.sync();
    QCOMPARE(status(run), QStringLiteral("partial"));
    QCOMPARE(run.counts.value(QStringLiteral("topics")).pushed, 2);
    QCOMPARE(run.counts.value(QStringLiteral("topics")).refused, 1);
    QCOMPARE(run.counts.value(QStringLiteral("messages")).pushed, 1);

    int code = 0;
    QCOMPARE(forumRecord(f, QStringLiteral("/topics/3"), &code).value(QStringLiteral("title")).toString(), QStringLiteral("Pushed title"));
    forumRecord(f, QStringLiteral("/messages/") + leaf, &code);
    QCOMPARE(code, 404);
    const qint64 newTopic = f.value(QStringLiteral("SELECT external_id FROM tributary_links WHERE source = 'forum' AND entity = 'topics' "
                                                   "AND origin = 'pushed'")).toLongLong();
    QVERIFY(newTopic > 20);
    const QJsonObject created = forumRecord(f, QStringLiteral("/topics/%1").arg(newTopic), &code);
    QCOMPARE(created.value(QStringLiteral("title")).toString(), QStringLiteral("Made locally"));
    QCOMPARE(created.value(QStringLiteral("section_id")).toInt(), 2); // the forum's ids, not the local ones
    QCOMPARE(created.value(QStringLiteral("user_id")).toInt(), 5);
    QCOMPARE(forumCount(f, QStringLiteral("topics")), forumTopics + 1);
    QCOMPARE(forumRecord(f, QStringLiteral("/topics/4"), &code).value(QStringLiteral("title")).toString().trimmed().isEmpty(), false);

    // The refusal, as an operator sees it.
    QString out;
    QCOMPARE(f.tributaryd({QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--json")}, &out), 0);
    const QJsonArray ops = QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("operations")).toArray();
    QCOMPARE(ops.size(), 1);
    const QJsonObject op = ops.first().toObject();
    QCOMPARE(op.value(QStringLiteral("state")).toString(), QStringLiteral("refused"));
    QCOMPARE(op.value(QStringLiteral("local_id")).toString(), refusedRow);
    QVERIFY2(op.value(QStringLiteral("last_error")).toString().contains(QStringLiteral("title")), qPrintable(out));
    // Where an operator looks for what was held back, it is counted too.
    QCOMPARE(f.tributaryd({QStringLiteral("quarantine"), QStringLiteral("list")}, &out), 0);
    QVERIFY2(out.contains(QStringLiteral("1 change of the main database refused by its source; see: tributaryd outbox list --refused.")),
             qPrintable(out));

    // The next poll reads the forum's new versions back: nothing applied again, no conflict,
    // nothing pushed twice, nothing inserted twice.
    const RunResult again = f.sync();
    QCOMPARE(status(again), QStringLiteral("ok"));
    for (const QString &entity : {QStringLiteral("users"), QStringLiteral("sections"), QStringLiteral("topics"), QStringLiteral("messages")}) {
        QCOMPARE(again.counts.value(entity).inserted, 0);
        QCOMPARE(again.counts.value(entity).updated, 0);
        QCOMPARE(again.counts.value(entity).conflicts, 0);
        QCOMPARE(again.counts.value(entity).pushed, 0);
    }
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM topics WHERE title = 'Made locally'")), 1);

    QCOMPARE(f.tributaryd({QStringLiteral("outbox"), QStringLiteral("drop"), QStringLiteral("--id"),
                           QString::number(op.value(QStringLiteral("id")).toInteger())}, &out), 0);
    QVERIFY2(out.contains(QStringLiteral("1 operation dropped")), qPrintable(out));
    QCOMPARE(f.tributaryd({QStringLiteral("outbox"), QStringLiteral("list")}, &out), 0);
    QVERIFY2(out.contains(QStringLiteral("The outbox is empty")), qPrintable(out));
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
    // The forum's webhooks would say whose change it was: the origin header reached it.
    // (tst_restwrite checks the "client" of the notification itself.)
}

void tst_TwoWay::aDecisionOnACollisionIsPushed()
{
    SyncFixture f;
    QVERIFY(twoWayForum(f));
    const QString row = f.localId(QStringLiteral("topics"), QStringLiteral("6"));
    QVERIFY(app(f, QStringLiteral("UPDATE topics SET title = 'Mine' WHERE id = ?"), {row.toLongLong()}));
    int code = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/6"), {{QStringLiteral("title"), QStringLiteral("Theirs")}}, &code);
    QCOMPARE(code, 200);

    const RunResult run = f.sync();
    QCOMPARE(run.counts.value(QStringLiteral("topics")).conflicts, 1);
    QCOMPARE(forumRecord(f, QStringLiteral("/topics/6"), &code).value(QStringLiteral("title")).toString(), QStringLiteral("Theirs"));
    const qint64 conflict = f.scalar(QStringLiteral("SELECT id FROM tributary_conflicts WHERE status = 'open'"));
    QVERIFY(conflict > 0);

    QString out;
    QCOMPARE(f.tributaryd({QStringLiteral("conflicts"), QStringLiteral("resolve"), QString::number(conflict), QStringLiteral("--keep"),
                           QStringLiteral("local"), QStringLiteral("--by"), QStringLiteral("ada")}, &out), 0);
    // The decision made the waiting push due: the next sync sends the kept value.
    const RunResult pushed = f.sync();
    QCOMPARE(status(pushed), QStringLiteral("ok"));
    QCOMPARE(pushed.counts.value(QStringLiteral("topics")).pushed, 1);
    QCOMPARE(forumRecord(f, QStringLiteral("/topics/6"), &code).value(QStringLiteral("title")).toString(), QStringLiteral("Mine"));
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {row.toLongLong()}).toString(), QStringLiteral("Mine"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_outbox")), 0);
    QCOMPARE(f.sync().counts.value(QStringLiteral("topics")).conflicts, 0);
}

void tst_TwoWay::killedWhilePushingSendsNothingTwiceAndLosesNothing()
{
    const quint64 seed = quint64(envInt("TRIBUTARY_TEST_SEED", int(QDateTime::currentMSecsSinceEpoch() % 1000000)));
    const int kills = envInt("TRIBUTARY_CRASH_KILLS", 20);
    qInfo("seed %llu (replay with TRIBUTARY_TEST_SEED=%llu), %d kills", seed, seed, kills);
    QRandomGenerator rng(seed);
    ForumFaults slow;
    slow.latencyMs = 25; // each push long enough for every kill to land in the middle of the pushes
    SyncFixture f;
    QVERIFY(twoWayForum(f, slow, seed));

    // The application: 300 new topics, 20 edited ones, 10 deleted messages nobody answered: more
    // pushes than the killed runs can finish, so that every kill lands while it pushes.
    const int creates = 300, edits = 20;
    const qint64 section = f.localId(QStringLiteral("sections"), QStringLiteral("1")).toLongLong();
    const qint64 user = f.localId(QStringLiteral("users"), QStringLiteral("1")).toLongLong();
    for (int i = 0; i < creates; ++i)
        QVERIFY(app(f, QStringLiteral("INSERT INTO topics (section_id, user_id, title, created_at, updated_at) VALUES (?, ?, ?, "
                                      "'2026-12-01 10:00:00', '2026-12-01 10:00:00')"),
                    {section, user, QStringLiteral("Local %1").arg(i)}));
    for (int i = 1; i <= edits; ++i)
        QVERIFY(app(f, QStringLiteral("UPDATE topics SET title = ? WHERE id = ?"),
                    {QStringLiteral("Edited %1").arg(i), f.localId(QStringLiteral("topics"), QString::number(i)).toLongLong()}));
    QStringList deleted;
    QSqlQuery leaves(f.db().db());
    QVERIFY(leaves.exec(QStringLiteral("SELECT l.external_id, l.local_id FROM tributary_links l WHERE l.source = 'forum' AND l.entity = 'messages' "
                                       "AND NOT EXISTS (SELECT 1 FROM messages c WHERE CAST(c.parent_id AS TEXT) = l.local_id) "
                                       "ORDER BY l.local_id LIMIT 10")));
    QList<qint64> doomed;
    while (leaves.next()) {
        deleted.append(leaves.value(0).toString());
        doomed.append(leaves.value(1).toLongLong());
    }
    leaves.finish();
    QCOMPARE(deleted.size(), 10);
    for (qint64 id : doomed)
        QVERIFY(app(f, QStringLiteral("DELETE FROM messages WHERE id = ?"), {id}));
    const qint64 forumTopics = forumCount(f, QStringLiteral("topics"));

    // tributaryd killed at random instants while it pushes.
    int killed = 0;
    for (int i = 0; i < kills; ++i) {
        TributarydProcess run({{QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token()}});
        QVERIFY(run.start({QStringLiteral("sync"), QStringLiteral("--quiet"), QStringLiteral("--config"), f.configPath()}));
        if (!run.waitForFinished(20 + int(rng.bounded(280u)))) {
            run.kill();
            QVERIFY(run.waitForFinished(10000));
            ++killed;
        } else {
            qInfo("run %d ended by itself, exit %d: %s", i, run.exitCode(), qPrintable(run.result().output().right(300)));
        }
        // Whatever instant it died at: no record made twice at the forum, no row linked twice.
        QCOMPARE(forumCount(f, QStringLiteral("topics WHERE title LIKE 'Local %' GROUP BY title HAVING COUNT(*) > 1")), 0);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM (SELECT entity, local_id FROM tributary_links GROUP BY 1, 2 HAVING COUNT(*) > 1) AS twice")), 0);
    }
    qInfo("killed %d of %d runs", killed, kills);
    QVERIFY2(killed >= kills / 2, "tributaryd must actually have been killed while it worked");

    // Clean runs until it is done (the first may only send the creates in doubt again).
    RunResult last;
    for (int i = 0; i < 3; ++i) {
        last = f.sync();
        if (status(last) == QLatin1String("ok") && f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_outbox")) == 0)
            break;
    }
    QCOMPARE(status(last), QStringLiteral("ok"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_outbox")), 0);
    // The forum has each new topic exactly once, each edit, none of the deleted messages.
    QCOMPARE(forumCount(f, QStringLiteral("topics")), forumTopics + creates);
    QCOMPARE(forumCount(f, QStringLiteral("topics WHERE title LIKE 'Local %'")), creates);
    for (int i = 1; i <= edits; ++i) {
        int code = 0;
        QCOMPARE(forumRecord(f, QStringLiteral("/topics/%1").arg(i), &code).value(QStringLiteral("title")).toString(), QStringLiteral("Edited %1").arg(i));
    }
    for (const QString &id : std::as_const(deleted)) {
        int code = 0;
        forumRecord(f, QStringLiteral("/messages/") + id, &code);
        QCOMPARE(code, 404);
    }
    // The main database has each of them once, linked once: nothing came back as a second row.
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM topics WHERE title LIKE 'Local %'")), creates);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'topics' AND origin = 'pushed'")), creates);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts")), 0);
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
}

void tst_TwoWay::theApplicationsRowsReachBothForumsAndEachForumsRecordsGoBackToItAlone()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 3, 10, 10, 1)) && f.generateExternal(forum(20, 5, 20, 50, 2))
            && f.generateSecondExternal(forum(30, 6, 20, 60, 3)));
    QVERIFY(f.startForum() && f.startSecondForum());
    QVERIFY(f.configure([&f](QJsonObject &root) {
        addSourceCopy(root, QStringLiteral("second"), f.secondForumUrl());
        QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
        for (int i = 0; i < sources.size(); ++i) {
            QJsonObject s = sources.at(i).toObject();
            s.insert(QStringLiteral("direction"), QStringLiteral("both"));
            sources.replace(i, s);
        }
        root.insert(QStringLiteral("sources"), sources);
    }));
    // One sync of each source, as tributaryd sync runs them.
    auto syncBoth = [&f] {
        const QString first = status(f.sync({}, QStringLiteral("forum")));
        const QString second = status(f.sync({}, QStringLiteral("second")));
        return first == second ? first : first + QLatin1Char('/') + second;
    };
    QCOMPARE(syncBoth(), QStringLiteral("ok"));
    auto secondRecord = [&f](const QString &path, int *code) {
        // The second forum answers the same API on its own port.
        QNetworkAccessManager nam;
        QNetworkRequest req(QUrl(f.secondForumUrl().toString() + path));
        req.setRawHeader("Authorization", "Bearer " + f.token().toUtf8());
        QNetworkReply *reply = nam.get(req);
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(30000);
        *code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("data")).toObject();
        reply->deleteLater();
        return o;
    };
    auto externalOf = [&f](const QString &source, const QString &entity, const QVariant &localId) {
        return f.value(QStringLiteral("SELECT external_id FROM tributary_links WHERE source = ? AND entity = ? AND local_id = ?"),
                       {source, entity, localId.toString()}).toString();
    };

    // The application writes a user, a section, a topic and a message of its own.
    QVERIFY(app(f, QStringLiteral("INSERT INTO users (name, email, password, created_at, updated_at) VALUES ('Local Lou', 'lou@local.example', 'x', "
                                  "'2026-12-01 10:00:00', '2026-12-01 10:00:00')")));
    const QVariant user = f.value(QStringLiteral("SELECT id FROM users WHERE email = 'lou@local.example'"));
    QVERIFY(app(f, QStringLiteral("INSERT INTO sections (title, created_at, updated_at) VALUES ('Local section', '2026-12-01 10:00:00', "
                                  "'2026-12-01 10:00:00')")));
    const QVariant section = f.value(QStringLiteral("SELECT id FROM sections WHERE title = 'Local section'"));
    QVERIFY(app(f, QStringLiteral("INSERT INTO topics (section_id, user_id, title, created_at, updated_at) VALUES (?, ?, 'Local topic', "
                                  "'2026-12-01 10:00:00', '2026-12-01 10:00:00')"), {section, user}));
    const QVariant topic = f.value(QStringLiteral("SELECT id FROM topics WHERE title = 'Local topic'"));
    QVERIFY(app(f, QStringLiteral("INSERT INTO messages (topic_id, user_id, content, created_at, updated_at) VALUES (?, ?, 'Local message', "
                                  "'2026-12-01 10:00:00', '2026-12-01 10:00:00')"), {topic, user}));
    const QVariant message = f.value(QStringLiteral("SELECT id FROM messages WHERE content = 'Local message'"));
    // And edits a record of the first forum.
    const QString firstsTopic = f.localId(QStringLiteral("topics"), QStringLiteral("2"));
    QVERIFY(app(f, QStringLiteral("UPDATE topics SET title = 'For the first forum' WHERE id = ?"), {firstsTopic.toLongLong()}));

    QCOMPARE(syncBoth(), QStringLiteral("ok"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_outbox")), 0);
    int code = 0;
    for (const QString &source : {QStringLiteral("forum"), QStringLiteral("second")}) {
        const QString topicId = externalOf(source, QStringLiteral("topics"), topic);
        const QString messageId = externalOf(source, QStringLiteral("messages"), message);
        QVERIFY2(!topicId.isEmpty() && !messageId.isEmpty(), qPrintable(source));
        const QJsonObject t = source == QLatin1String("forum") ? forumRecord(f, QStringLiteral("/topics/") + topicId, &code)
                                                               : secondRecord(QStringLiteral("/topics/") + topicId, &code);
        QCOMPARE(t.value(QStringLiteral("title")).toString(), QStringLiteral("Local topic"));
        // Its references are that forum's ids of the rows pushed with it.
        QCOMPARE(t.value(QStringLiteral("user_id")).toVariant().toString(), externalOf(source, QStringLiteral("users"), user));
        QCOMPARE(t.value(QStringLiteral("section_id")).toVariant().toString(), externalOf(source, QStringLiteral("sections"), section));
    }
    QCOMPARE(forumRecord(f, QStringLiteral("/topics/2"), &code).value(QStringLiteral("title")).toString(), QStringLiteral("For the first forum"));
    QVERIFY(secondRecord(QStringLiteral("/topics/2"), &code).value(QStringLiteral("title")).toString() != QStringLiteral("For the first forum"));

    // The application's later edit and delete of its rows reach both.
    QVERIFY(app(f, QStringLiteral("UPDATE topics SET title = 'Local topic, renamed' WHERE id = ?"), {topic}));
    QVERIFY(app(f, QStringLiteral("DELETE FROM messages WHERE id = ?"), {message}));
    const QString firstMessage = externalOf(QStringLiteral("forum"), QStringLiteral("messages"), message);
    const QString secondMessage = externalOf(QStringLiteral("second"), QStringLiteral("messages"), message);
    QCOMPARE(syncBoth(), QStringLiteral("ok"));
    QCOMPARE(forumRecord(f, QStringLiteral("/topics/") + externalOf(QStringLiteral("forum"), QStringLiteral("topics"), topic), &code)
                 .value(QStringLiteral("title")).toString(),
             QStringLiteral("Local topic, renamed"));
    QCOMPARE(secondRecord(QStringLiteral("/topics/") + externalOf(QStringLiteral("second"), QStringLiteral("topics"), topic), &code)
                 .value(QStringLiteral("title")).toString(),
             QStringLiteral("Local topic, renamed"));
    forumRecord(f, QStringLiteral("/messages/") + firstMessage, &code);
    QCOMPARE(code, 404);
    secondRecord(QStringLiteral("/messages/") + secondMessage, &code);
    QCOMPARE(code, 404);

    // The first forum's own change of the shared topic reaches the main database and, from there,
    // the second forum; the first forum's record of its own goes nowhere else.
    const QString firstCopy = externalOf(QStringLiteral("forum"), QStringLiteral("topics"), topic);
    f.forumCall("PATCH", QStringLiteral("/topics/") + firstCopy, {{QStringLiteral("title"), QStringLiteral("Renamed at the first forum")}}, &code);
    QCOMPARE(code, 200);
    QCOMPARE(syncBoth(), QStringLiteral("ok"));
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {topic}).toString(), QStringLiteral("Renamed at the first forum"));
    QCOMPARE(secondRecord(QStringLiteral("/topics/") + externalOf(QStringLiteral("second"), QStringLiteral("topics"), topic), &code)
                 .value(QStringLiteral("title")).toString(),
             QStringLiteral("Renamed at the first forum"));
    f.forumCall("PATCH", QStringLiteral("/topics/3"), {{QStringLiteral("title"), QStringLiteral("The first forum's own")}}, &code);
    QCOMPARE(syncBoth(), QStringLiteral("ok"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes WHERE source = 'second' AND op LIKE 'push-%' "
                                     "AND table_name = 'topics' AND local_id = ?"), {f.localId(QStringLiteral("topics"), QStringLiteral("3"))}), 0);

    // Read back from both: nothing echoed, nothing twice.
    QCOMPARE(syncBoth(), QStringLiteral("ok"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM topics WHERE title = 'Renamed at the first forum'")), 1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts")), 0);
    for (const QString &source : {QStringLiteral("forum"), QStringLiteral("second")}) {
        bool inSync = false;
        f.verify(&inSync, nullptr, source);
        QVERIFY2(inSync, qPrintable(source));
    }
}

QTEST_GUILESS_MAIN(tst_TwoWay)
#include "tst_twoway.moc"
