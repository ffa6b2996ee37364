// A source removed from the configuration: its rows stay and tributaryd says so; detach forgets
// what Tributary keeps for it and leaves every row; purge deletes the rows only it brought, never
// a row it adopted or one another source links, and refuses whole or not at all.

#include "SyncFixture.h"

#include "engine/SourceAdmin.h"
#include "state/ChangeLog.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

#include <limits>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

const QString kForum = QStringLiteral("forum");
const QString kBranch = QStringLiteral("branch");
const QStringList kTables = {QStringLiteral("users"), QStringLiteral("sections"), QStringLiteral("topics"), QStringLiteral("messages")};
constexpr qint64 kAll = std::numeric_limits<qint64>::max();

using Exit = TributarydProcess::Result;

Exit tributaryd(const QStringList &args, const QString &token)
{
    return TributarydProcess::run(args, {{QStringLiteral("TRIBUTARY_TEST_TOKEN"), token}, {QStringLiteral("USER"), QStringLiteral("test-admin")}});
}

// Two forums feeding one main database. The main application has its own 30 users, 4 sections,
// 20 topics and 60 messages. "branch" (35 users, 5 sections, 25 topics, 100 messages) is synced
// first, then "forum" (40 users, 5 sections, 30 topics, 120 messages). E-mails and titles are
// made unique, then overlap on purpose:
//   branch user 1 and section 1  = the main application's user 1 and section 1 (branch adopts them)
//   branch users 2-4, section 2  = forum users 2-4, section 2 (branch inserts them, forum adopts them:
//                                  shared)
// and branch has one record of each kind of state: message 100's parent does not exist (quarantined),
// a topic both sides edited (an open conflict), message 99 deleted at the source (soft-deleted).
struct Scenario
{
    SyncFixture f;
    QHash<QString, qint64> mainMax; // the main application's own rows: id <= this
    QString conflictTopic;          // local id of the topic in conflict

    bool setUp()
    {
        const bool ready = f.generateMain(forum(30, 4, 20, 60, 1)) && f.generateExternal(forum(40, 5, 30, 120, 2))
            && f.generateSecondExternal(forum(35, 5, 25, 100, 3)) && f.startForum() && f.startSecondForum()
            && f.configure([this](QJsonObject &root) { addSourceCopy(root, kBranch, f.secondForumUrl()); });
        if (!ready)
            return false;
        for (const QString &t : kTables)
            mainMax.insert(t, f.scalar(QStringLiteral("SELECT MAX(id) FROM %1").arg(t)));
        const QString mainEmail = f.value(QStringLiteral("SELECT email FROM users WHERE id = 1")).toString();
        const QString mainTitle = f.value(QStringLiteral("SELECT title FROM sections WHERE id = 1")).toString();
        const QStringList forumEdits = {
            QStringLiteral("UPDATE users SET email = 'forum' || id || '@forum.example'"),
            QStringLiteral("UPDATE sections SET title = 'Forum section ' || id"),
            QStringLiteral("UPDATE users SET email = 'Shared' || id || '@Example.org' WHERE id BETWEEN 2 AND 4"),
            QStringLiteral("UPDATE sections SET title = 'SHARED SECTION' WHERE id = 2"),
        };
        const QStringList branchEdits = {
            QStringLiteral("UPDATE users SET email = 'branch' || id || '@branch.example'"),
            QStringLiteral("UPDATE sections SET title = 'Branch section ' || id"),
            QStringLiteral("UPDATE users SET email = 'shared' || id || '@example.org' WHERE id BETWEEN 2 AND 4"),
            QStringLiteral("UPDATE sections SET title = 'Shared section' WHERE id = 2"),
            QStringLiteral("UPDATE users SET email = ' %1 ' WHERE id = 1").arg(mainEmail.toUpper()),
            QStringLiteral("UPDATE sections SET title = '%1' WHERE id = 1").arg(QString(mainTitle).replace(QLatin1Char('\''), QStringLiteral("''"))),
            QStringLiteral("UPDATE messages SET parent_id = NULL WHERE parent_id IN (99, 100)"),
            QStringLiteral("UPDATE messages SET parent_id = 99999 WHERE id = 100"),
        };
        for (const QString &sql : forumEdits) {
            if (!f.writeForum(sql))
                return false;
        }
        for (const QString &sql : branchEdits) {
            if (!f.writeSecondForum(sql))
                return false;
        }
        if (f.sync({}, kBranch).status != RunResult::Status::Partial || f.sync({}, kForum).status != RunResult::Status::Ok)
            return false;

        // Both sides change topic 1's title: an open conflict (manual policy).
        conflictTopic = f.localId(QStringLiteral("topics"), QStringLiteral("1"), kBranch);
        QSqlQuery q(f.db().db());
        if (!q.exec(QStringLiteral("UPDATE topics SET title = 'Edited here' WHERE id = %1").arg(conflictTopic))
            || !f.writeSecondForum(QStringLiteral("UPDATE topics SET title = 'Edited there', updated_at = '2026-12-31 00:00:00.000000' WHERE id = 1"))
            || !f.writeSecondForum(QStringLiteral("DELETE FROM messages WHERE id = 99")))
            return false;
        const RunRequest reconcile = RunRequest::reconcile();
        // The record quarantined by an earlier run does not make these runs partial.
        return f.sync({}, kBranch).status == RunResult::Status::Ok && f.sync(reconcile, kBranch).status == RunResult::Status::Ok;
    }

    // The configuration without branch, as an admin leaves it after removing the source.
    bool removeBranch()
    {
        return f.configure([](QJsonObject &) {});
    }

    qint64 count(const QString &table, const QString &source) { return f.scalar(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE source = ?").arg(table), {source}); }

    QStringList digests()
    {
        QStringList out;
        for (const QString &t : kTables)
            out.append(f.digest(t, kAll));
        return out;
    }

    QStringList mainDigests()
    {
        QStringList out;
        for (const QString &t : kTables)
            out.append(f.digest(t, mainMax.value(t)));
        return out;
    }

    bool rowExists(const QString &table, const QString &id)
    {
        return f.scalar(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE id = ?").arg(table), {id.toLongLong()}) == 1;
    }
};

SourceAdmin::Options admin()
{
    SourceAdmin::Options o;
    o.actor = QStringLiteral("admin:test");
    return o;
}

} // namespace

class tst_Sources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void removedSourceKeepsItsRowsAndIsListed();
    void detachForgetsEverythingAndKeepsEveryRow();
    void purgeDeletesOnlyTheRowsItBrought();
    void purgeRefusedByTheDatabaseChangesNothing();
    void purgeRefusesToLeaveARowDangling();
    void aConfiguredSourceNeedsForce();
    void theCommandsAsAnAdminRunsThem();
};

void tst_Sources::removedSourceKeepsItsRowsAndIsListed()
{
    Scenario s;
    QVERIFY(s.setUp());
    QCOMPARE(s.count(QStringLiteral("tributary_quarantine"), kBranch), 1);
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE source = ? AND status = 'open'"), {kBranch}), 1);
    Error error;
    QVERIFY(SourceAdmin::removedSources(s.f.db(), s.f.config(), &error).isEmpty());

    const QStringList before = s.digests();
    QVERIFY(s.removeBranch());
    QCOMPARE(s.f.sync({}, kForum).status, RunResult::Status::Ok);
    QCOMPARE(s.digests(), before);

    const QList<SourceAdmin::SourceState> removed = SourceAdmin::removedSources(s.f.db(), s.f.config(), &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(removed.size(), 1);
    const SourceAdmin::SourceState &b = removed.first();
    QCOMPARE(b.name, kBranch);
    QVERIFY(b.isRemoved());
    QCOMPARE(b.links, 35 + 5 + 25 + 99);  // message 100 is quarantined
    QCOMPARE(b.matched, 2);               // user 1 and section 1: the main application's
    QCOMPARE(b.inserted, 34 + 4 + 25 + 99);
    QCOMPARE(b.gone, 1);                  // message 99
    QCOMPARE(b.quarantined, 1);
    QCOMPARE(b.openConflicts, 1);
    QCOMPARE(b.pending, 0);
    QCOMPARE(b.cursors, s.count(QStringLiteral("tributary_cursors"), kBranch));
    QVERIFY(b.cursors >= 4);
    QStringList order;
    for (const SourceAdmin::EntityState &e : b.entities)
        order.append(e.entity + QLatin1Char(':') + e.table + QLatin1Char(':') + QString::number(e.links));
    QCOMPARE(order, QStringList({"users:users:35", "sections:sections:5", "topics:topics:25", "messages:messages:99"}));

    const QList<SourceAdmin::SourceState> known = SourceAdmin::knownSources(s.f.db(), s.f.config(), &error);
    QCOMPARE(known.size(), 2);
    QCOMPARE(known.at(0).name, kBranch);
    QCOMPARE(known.at(1).name, kForum);
    QVERIFY(known.at(1).configured && known.at(1).enabled && !known.at(1).isRemoved());
    QCOMPARE(known.at(1).links, 40 + 5 + 30 + 120);
    QCOMPARE(known.at(1).matched, 3 + 1); // branch's users 2-4 and section 2
}

void tst_Sources::detachForgetsEverythingAndKeepsEveryRow()
{
    Scenario s;
    QVERIFY(s.setUp());
    QVERIFY(s.removeBranch());
    const QStringList rows = s.digests();
    const QString forumContent = s.f.contentInSourceTerms(kForum);
    const qint64 forumLinks = s.count(QStringLiteral("tributary_links"), kForum);
    const qint64 runs = s.count(QStringLiteral("tributary_runs"), kBranch);
    const qint64 changes = s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes"));
    const qint64 lastChange = s.f.scalar(QStringLiteral("SELECT MAX(id) FROM tributary_changes"));
    const qint64 cursors = s.count(QStringLiteral("tributary_cursors"), kBranch);
    QVERIFY(s.count(QStringLiteral("tributary_entities"), kBranch) == 4);
    // A run's inserted rows have no change-log line while their links live: the link stands for it.
    const qint64 inserted = s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE source = ? AND origin = 'inserted'"), {kBranch});
    QCOMPARE(inserted, 162);
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes WHERE op = 'insert'")), 0);
    const QString topic = s.f.localId(QStringLiteral("topics"), QStringLiteral("3"), kBranch);
    const qint64 topicRun = s.f.scalar(QStringLiteral("SELECT run_id FROM tributary_links WHERE source = ? AND entity = 'topics' AND external_id = '3'"), {kBranch});
    QVERIFY(topicRun > 0);
    const Result<QList<Change>> before = ChangeLog(s.f.db()).forRow(QStringLiteral("topics"), topic);
    QVERIFY(before && !before->isEmpty());
    QCOMPARE(before->first().op, QStringLiteral("insert"));
    QCOMPARE(before->first().actor, QStringLiteral("source:") + kBranch);
    QCOMPARE(before->first().runId, topicRun);

    Error error;
    const SourceAdmin::Result plan = SourceAdmin::planDetach(s.f.db(), s.f.config(), kBranch, admin(), &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QVERIFY(!plan.applied);
    QCOMPARE(plan.links, 164);
    QCOMPARE(plan.cursors, cursors);
    QCOMPARE(plan.quarantined, 1);
    QCOMPARE(plan.conflictsResolved, 1);
    QCOMPARE(s.count(QStringLiteral("tributary_links"), kBranch), 164); // a plan changes nothing

    const SourceAdmin::Result done = SourceAdmin::detach(s.f.db(), s.f.config(), kBranch, admin(), &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QVERIFY(done.applied);
    QCOMPARE(done.links, plan.links);
    QCOMPARE(done.cursors, plan.cursors);
    QCOMPARE(done.pending, 0);
    QCOMPARE(done.quarantined, 1);
    QCOMPARE(done.conflictsResolved, 1);
    QVERIFY(done.entities.isEmpty()); // nothing deleted

    // Everything Tributary kept for branch is gone...
    for (const char *t : {"tributary_links", "tributary_cursors", "tributary_pending", "tributary_pending_refs", "tributary_quarantine",
                          "tributary_entities"})
        QCOMPARE(s.count(QString::fromLatin1(t), kBranch), 0);
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE source = ? AND status = 'open'"), {kBranch}), 0);
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE source = ? AND resolution = 'detached' "
                                       "AND resolved_by = 'admin:test' AND resolved_at IS NOT NULL"), {kBranch}), 1);
    // ...its history stays, with one change-log line per entity, and every row is untouched.
    QCOMPARE(s.count(QStringLiteral("tributary_runs"), kBranch), runs);
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes WHERE id <= ?"), {lastChange}), changes);
    // The links that stood for their rows' insert lines wrote them as they went: same history.
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes WHERE id > ?"), {lastChange}), 4 + inserted);
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes WHERE id > ? AND op = 'insert' AND source = ? "
                                       "AND actor = 'source:' || source AND run_id IS NOT NULL"),
                        {lastChange, kBranch}),
             inserted);
    const Result<QList<Change>> after = ChangeLog(s.f.db()).forRow(QStringLiteral("topics"), topic);
    QVERIFY(after);
    QCOMPARE(after->size(), before->size());
    QCOMPARE(after->first().op, QStringLiteral("insert"));
    QCOMPARE(after->first().runId, topicRun);
    QCOMPARE(after->first().at, before->first().at);
    QVERIFY(after->first().id > lastChange);
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes WHERE op = 'detach' AND source = ? AND local_id = '*' "
                                       "AND actor = 'admin:test'"), {kBranch}), 4);
    QCOMPARE(s.f.value(QStringLiteral("SELECT change_values FROM tributary_changes WHERE op = 'detach' AND entity = 'users'")).toString(),
             QStringLiteral("{\"inserted\":34,\"links\":35,\"matched\":1}"));
    QCOMPARE(s.digests(), rows);

    // The other source is unaffected, and still in sync.
    QCOMPARE(s.count(QStringLiteral("tributary_links"), kForum), forumLinks);
    QCOMPARE(s.f.contentInSourceTerms(kForum), forumContent);
    bool inSync = false;
    s.f.verify(&inSync, nullptr, kForum);
    QVERIFY(inSync);
    QCOMPARE(s.f.sync({}, kForum).status, RunResult::Status::Ok);
    QCOMPARE(s.digests(), rows);

    QVERIFY(SourceAdmin::removedSources(s.f.db(), s.f.config(), &error).isEmpty());
    SourceAdmin::detach(s.f.db(), s.f.config(), kBranch, admin(), &error);
    QCOMPARE(error.code, Error::Code::Config);
    QCOMPARE(error.message, QStringLiteral("no source \"branch\" in the configuration or in the main database's state (known: forum)"));
}

void tst_Sources::purgeDeletesOnlyTheRowsItBrought()
{
    Scenario s;
    QVERIFY(s.setUp());
    QVERIFY(s.removeBranch());
    const QStringList mainRows = s.mainDigests();
    const QString forumContent = s.f.contentInSourceTerms(kForum);
    QHash<QString, qint64> total;
    for (const QString &t : kTables)
        total.insert(t, s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(t)));
    const QString adopted = s.f.localId(QStringLiteral("users"), QStringLiteral("1"), kBranch);
    const QString shared = s.f.localId(QStringLiteral("users"), QStringLiteral("2"), kBranch);
    const QString sharedSection = s.f.localId(QStringLiteral("sections"), QStringLiteral("2"), kBranch);
    const QString only = s.f.localId(QStringLiteral("users"), QStringLiteral("10"), kBranch);
    const QString softDeleted = s.f.localId(QStringLiteral("messages"), QStringLiteral("99"), kBranch);
    QCOMPARE(adopted, QStringLiteral("1"));
    QCOMPARE(shared, s.f.localId(QStringLiteral("users"), QStringLiteral("2"), kForum));
    QVERIFY(!s.f.value(QStringLiteral("SELECT deleted_at FROM messages WHERE id = ?"), {softDeleted.toLongLong()}).isNull());

    Error error;
    const SourceAdmin::Result plan = SourceAdmin::planPurge(s.f.db(), s.f.config(), kBranch, admin(), &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QStringList planned;
    for (const SourceAdmin::EntityPurge &e : plan.entities)
        planned.append(QStringLiteral("%1 links %2 delete %3 shared %4 adopted %5 gone %6")
                           .arg(e.entity).arg(e.links).arg(e.deleted).arg(e.shared).arg(e.adopted).arg(e.alreadyGone));
    // Children before parents; the soft-deleted message is still a row, so it goes too.
    QCOMPARE(planned, QStringList({"messages links 99 delete 99 shared 0 adopted 0 gone 0",
                                   "topics links 25 delete 25 shared 0 adopted 0 gone 0",
                                   "sections links 5 delete 3 shared 1 adopted 1 gone 0",
                                   "users links 35 delete 31 shared 3 adopted 1 gone 0"}));
    QCOMPARE(plan.rowsDeleted, 158);
    QCOMPARE(plan.rowsShared, 4);
    QCOMPARE(plan.rowsAdopted, 2);
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM users")), total.value(QStringLiteral("users"))); // a plan changes nothing

    // Small batches: the walk over the candidates goes from three-digit ids to two-digit ones.
    SourceAdmin::Options options = admin();
    options.batch = 7;
    const SourceAdmin::Result done = SourceAdmin::purge(s.f.db(), s.f.config(), kBranch, options, &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QVERIFY(done.applied);
    QCOMPARE(done.rowsDeleted, plan.rowsDeleted);
    QCOMPARE(done.rowsShared, plan.rowsShared);
    QCOMPARE(done.rowsAdopted, plan.rowsAdopted);
    QCOMPARE(done.rowsAlreadyGone, 0);
    QCOMPARE(done.links, 164);
    QCOMPARE(done.conflictsResolved, 1);

    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM users")), total.value(QStringLiteral("users")) - 31);
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM sections")), total.value(QStringLiteral("sections")) - 3);
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM topics")), total.value(QStringLiteral("topics")) - 25);
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), total.value(QStringLiteral("messages")) - 99);
    QVERIFY(s.rowExists(QStringLiteral("users"), adopted));
    QVERIFY(s.rowExists(QStringLiteral("users"), shared));
    QVERIFY(s.rowExists(QStringLiteral("sections"), sharedSection));
    QVERIFY(!s.rowExists(QStringLiteral("users"), only));
    QVERIFY(!s.rowExists(QStringLiteral("messages"), softDeleted));
    QVERIFY(!s.rowExists(QStringLiteral("topics"), s.conflictTopic));
    QCOMPARE(s.mainDigests(), mainRows);   // the main application's own rows
    QCOMPARE(s.f.contentInSourceTerms(kForum), forumContent);
    bool inSync = false;
    s.f.verify(&inSync, nullptr, kForum);
    QVERIFY(inSync);

    // Each deleted row is in the change log with the values it held; then branch is detached.
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes WHERE op = 'purge' AND source = ? AND actor = 'admin:test' "
                                       "AND run_id IS NULL"), {kBranch}), 158);
    const QJsonObject user = QJsonDocument::fromJson(s.f.value(QStringLiteral("SELECT change_values FROM tributary_changes WHERE op = 'purge' "
                                                                              "AND table_name = 'users' AND local_id = ?"), {only})
                                                          .toString().toUtf8()).object();
    QCOMPARE(user.value(QStringLiteral("email")).toString(), QStringLiteral("branch10@branch.example"));
    QCOMPARE(user.value(QStringLiteral("id")).toInteger(), only.toLongLong());
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes WHERE op = 'detach' AND source = ?"), {kBranch}), 4);
    for (const QString &t : {QStringLiteral("tributary_links"), QStringLiteral("tributary_cursors"), QStringLiteral("tributary_quarantine"),
                             QStringLiteral("tributary_entities")})
        QCOMPARE(s.count(t, kBranch), 0);
    QCOMPARE(s.f.sync({}, kForum).status, RunResult::Status::Ok);
}

void tst_Sources::purgeRefusedByTheDatabaseChangesNothing()
{
    Scenario s;
    QVERIFY(s.setUp());
    QVERIFY(s.removeBranch());
    const QString kept = s.f.localId(QStringLiteral("users"), QStringLiteral("10"), kBranch);
    QSqlQuery q(s.f.db().db());
    QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER keep_user BEFORE DELETE ON users WHEN OLD.id = %1 "
                                  "BEGIN SELECT RAISE(ABORT, 'user %1 owns invoices'); END").arg(kept)));
    const QStringList rows = s.digests();
    const qint64 changes = s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes"));
    const qint64 cursors = s.count(QStringLiteral("tributary_cursors"), kBranch);

    Error error;
    const SourceAdmin::Result r = SourceAdmin::purge(s.f.db(), s.f.config(), kBranch, admin(), &error);
    QVERIFY(!r.applied);
    QCOMPARE(error.code, Error::Code::Database);
    QCOMPARE(error.message, QStringLiteral("the main database refused to delete users id %1 (source branch, users 10): nothing was deleted or detached")
                                .arg(kept));
    QVERIFY2(error.detail.contains(QStringLiteral("user %1 owns invoices").arg(kept)), qPrintable(error.detail));
    // Messages and topics were deleted before users in the same transaction: all of it rolled back.
    QCOMPARE(s.digests(), rows);
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes")), changes);
    QCOMPARE(s.count(QStringLiteral("tributary_links"), kBranch), 164);
    QCOMPARE(s.count(QStringLiteral("tributary_cursors"), kBranch), cursors);
    QCOMPARE(s.count(QStringLiteral("tributary_entities"), kBranch), 4);
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE source = ? AND status = 'open'"), {kBranch}), 1);

    QVERIFY(q.exec(QStringLiteral("DROP TRIGGER keep_user")));
    error = Error();
    SourceAdmin::purge(s.f.db(), s.f.config(), kBranch, admin(), &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QVERIFY(!s.rowExists(QStringLiteral("users"), kept));
}

void tst_Sources::purgeRefusesToLeaveARowDangling()
{
    Scenario s;
    QVERIFY(s.setUp());
    QVERIFY(s.removeBranch());
    // The main application answers in a topic branch brought: its message would point at nothing.
    const QString topic = s.f.localId(QStringLiteral("topics"), QStringLiteral("5"), kBranch);
    QSqlQuery q(s.f.db().db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO messages (topic_id, user_id, content, created_at, updated_at) "
                                  "VALUES (%1, 1, 'a local answer', '2026-12-01 00:00:00', '2026-12-01 00:00:00')").arg(topic)));
    const qint64 local = q.lastInsertId().toLongLong();
    const QStringList rows = s.digests();

    Error error;
    const SourceAdmin::Result r = SourceAdmin::purge(s.f.db(), s.f.config(), kBranch, admin(), &error);
    QVERIFY(!r.applied);
    QCOMPARE(error.code, Error::Code::Database);
    QCOMPARE(error.message, QStringLiteral("messages id %1 still references topics id %2 (messages.topic_id), which the purge would delete: "
                                           "nothing was deleted or detached. That row is not one this source brought; delete or change it "
                                           "first, or detach the source instead").arg(local).arg(topic));
    QCOMPARE(s.digests(), rows);
    QCOMPARE(s.count(QStringLiteral("tributary_links"), kBranch), 164);

    // Detach is still possible, and leaves the answer and its topic as they are.
    error = Error();
    SourceAdmin::detach(s.f.db(), s.f.config(), kBranch, admin(), &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(s.digests(), rows);
}

void tst_Sources::aConfiguredSourceNeedsForce()
{
    Scenario s;
    QVERIFY(s.setUp());
    Error error;
    SourceAdmin::planPurge(s.f.db(), s.f.config(), kBranch, admin(), &error);
    QCOMPARE(error.code, Error::Code::Config);
    QCOMPARE(error.message, QStringLiteral("source \"branch\" is still in the configuration and enabled: the next sync would insert again "
                                           "every row the purge deletes. Remove it from the configuration (or set \"enabled\": false) first, "
                                           "or pass --force"));
    error = Error();
    SourceAdmin::detach(s.f.db(), s.f.config(), kBranch, admin(), &error);
    QCOMPARE(error.code, Error::Code::Config);
    QCOMPARE(s.count(QStringLiteral("tributary_links"), kBranch), 164);
    SourceAdmin::Options force = admin();
    force.force = true;
    error = Error();
    const SourceAdmin::Result r = SourceAdmin::detach(s.f.db(), s.f.config(), kBranch, force, &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(r.links, 164);
    // As announced: the next sync of branch takes every record as new. Users and sections adopt
    // their former rows through their match keys; topics and messages have none and are inserted
    // again beside the rows already there (message 99 is gone at the source, 100 quarantined again).
    const qint64 users = s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM users"));
    const qint64 topics = s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM topics"));
    const qint64 messages = s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages"));
    QCOMPARE(s.f.sync({}, kBranch).status, RunResult::Status::Partial);
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE source = ? AND origin = 'matched'"), {kBranch}), 35 + 5);
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM users")), users);
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM topics")), topics + 25);
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), messages + 98);
}

void tst_Sources::theCommandsAsAnAdminRunsThem()
{
    Scenario s;
    QVERIFY(s.setUp());
    const QStringList config{QStringLiteral("--config"), s.f.configPath()};
    const QString token = s.f.token();
    Exit r = tributaryd(QStringList{QStringLiteral("source"), QStringLiteral("purge"), kBranch} + config, token);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("is still in the configuration and enabled")), qPrintable(r.err));

    QVERIFY(s.removeBranch());
    const QString notice = QStringLiteral("source \"branch\" is no longer in the configuration: its 164 linked rows stay in place in the main "
                                          "database; 'tributaryd source detach branch' forgets its links, 'tributaryd source purge branch' "
                                          "deletes the rows only it brought.\n");
    r = tributaryd(QStringList{QStringLiteral("status")} + config, token);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.endsWith(QStringLiteral("\n\n") + notice), qPrintable(r.out));
    r = tributaryd(QStringList{QStringLiteral("status"), QStringLiteral("--json")} + config, token);
    QCOMPARE(r.exitCode, 0);
    const QJsonArray removed = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("removed_sources")).toArray();
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().toObject().value(QStringLiteral("source")).toString(), kBranch);
    QCOMPARE(removed.first().toObject().value(QStringLiteral("links")).toInteger(), 164);
    QCOMPARE(removed.first().toObject().value(QStringLiteral("notice")).toString() + QLatin1Char('\n'), notice);
    r = tributaryd(QStringList{QStringLiteral("sync"), QStringLiteral("--quiet")} + config, token);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, notice);
    r = tributaryd(QStringList{QStringLiteral("source"), QStringLiteral("list")} + config, token);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("\nbranch       removed         164       162        2      1        0            1          1  ")),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("\nforum        enabled         195       191        4      0        0            0          0  ")),
             qPrintable(r.out));

    // Without --yes: what would happen, exactly, and nothing done.
    r = tributaryd(QStringList{QStringLiteral("source"), QStringLiteral("purge"), kBranch} + config, token);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.contains(QStringLiteral("  users        users               35        31        3        1             0\n")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("  delete 158 rows only this source brought")), qPrintable(r.out));
    QVERIFY2(r.out.endsWith(QStringLiteral("Nothing was changed: run again with --yes to purge.\n")), qPrintable(r.out));
    r = tributaryd(QStringList{QStringLiteral("source"), QStringLiteral("detach"), kBranch} + config, token);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.contains(QStringLiteral("  forget 164 links, ")), qPrintable(r.out));
    QCOMPARE(s.count(QStringLiteral("tributary_links"), kBranch), 164);

    r = tributaryd(QStringList{QStringLiteral("source"), QStringLiteral("detach"), kForum, QStringLiteral("--yes")} + config, token);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("source \"forum\" is still in the configuration and enabled")), qPrintable(r.err));
    r = tributaryd(QStringList{QStringLiteral("source"), QStringLiteral("purge")} + config, token);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("expected the source's name")), qPrintable(r.err));
    r = tributaryd(QStringList{QStringLiteral("source"), QStringLiteral("purge"), QStringLiteral("--help")}, token);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("--yes")) && r.out.contains(QStringLiteral("--force")), qPrintable(r.out));

    r = tributaryd(QStringList{QStringLiteral("source"), QStringLiteral("purge"), kBranch, QStringLiteral("--yes")} + config, token);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("Purged source \"branch\": deleted 158 rows (messages 99, topics 25, sections 3, users 31); "
                                             "kept 4 shared and 2 adopted.\n")),
             qPrintable(r.out));
    QCOMPARE(s.f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes WHERE op = 'purge' AND actor = 'admin:test-admin'")), 158);
    r = tributaryd(QStringList{QStringLiteral("status")} + config, token);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.out.contains(QStringLiteral("no longer in the configuration")));
    r = tributaryd(QStringList{QStringLiteral("source"), QStringLiteral("detach"), kBranch, QStringLiteral("--yes")} + config, token);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("no source \"branch\"")), qPrintable(r.err));
    r = tributaryd(QStringList{QStringLiteral("verify")} + config, token);
    QCOMPARE(r.exitCode, 0);
}

QTEST_GUILESS_MAIN(tst_Sources)
#include "tst_sources.moc"
