// Deletes, found by mark-and-sweep reconciliation: listings never announce them, so only a
// complete scan of every id can prove a record is gone. Real forum-sim, real SQLite files.

#include "SyncFixture.h"

#include "BuiltinSources.h"
#include "engine/SourceRegistry.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {


RunRequest reconcile()
{
    return RunRequest::reconcile();
}

// Messages nobody replies to: deleting them at the source leaves no reply dangling there.
QStringList leafMessages(SyncFixture &f, int n)
{
    QStringList ids;
    for (int id = 1; ids.size() < n && id < 10000; ++id) {
        int status = 0;
        const QJsonObject m = f.forumCall("GET", QStringLiteral("/messages/%1").arg(id), {}, &status);
        if (status != 200)
            continue;
        if (f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages p JOIN tributary_links l ON l.entity = 'messages' AND l.local_id = CAST(p.parent_id AS TEXT) "
                                    "WHERE l.external_id = ?"), {QString::number(id)}) == 0)
            ids.append(QString::number(id));
    }
    return ids;
}


void setDeleteMode(QJsonObject &root, const QString &entity, const QString &mode)
{
    editSource(root, [&](QJsonObject &src) {
        QJsonArray entities = src.value(QStringLiteral("entities")).toArray();
        for (int i = 0; i < entities.size(); ++i) {
            QJsonObject e = entities.at(i).toObject();
            if (e.value(QStringLiteral("name")).toString() == entity) {
                e.insert(QStringLiteral("delete_mode"), mode);
                entities.replace(i, e);
            }
        }
        src.insert(QStringLiteral("entities"), entities);
    });
}

} // namespace

class tst_Reconcile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerBuiltinSources(); }
    void deletedRecordsAreSoftDeletedAndRestoredWhenBack();
    void hardAndIgnoreModes();
    void aLocallyEditedRowIsNeverSilentlyDeleted();
    void aScanWithTheServerStoppedHalfWayDeletesNothing();
    void aForumThatSuddenlyListsNothingIsRefused();
    void reconciliationCatchesWhatPollingMissed();
};

void tst_Reconcile::deletedRecordsAreSoftDeletedAndRestoredWhenBack()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 2, 10, 20, 1)));
    QVERIFY(f.generateExternal(forum(30, 4, 30, 300, 5)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));

    const QStringList gone = leafMessages(f, 3);
    QCOMPARE(gone.size(), 3);
    for (const QString &id : gone) {
        int status = 0;
        f.forumCall("DELETE", QStringLiteral("/messages/%1").arg(id), {}, &status);
        QCOMPARE(status, 204);
    }
    // A sync cannot see deletes: listings do not announce them.
    QCOMPARE(f.sync().total().written(), 0);

    const RunResult r = f.sync(reconcile());
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
    QCOMPARE(r.kind, RunKind::Reconcile);
    QCOMPARE(r.counts.value(QStringLiteral("messages")).deleted, 3);
    QCOMPARE(r.counts.value(QStringLiteral("messages")).fetched, 297);
    // Soft delete: the documented migration added deleted_at; the rows stay, marked.
    QVERIFY(f.db().columns(QStringLiteral("messages")).contains(QStringLiteral("deleted_at")));
    for (const QString &id : gone) {
        const QString local = f.localId(QStringLiteral("messages"), id);
        QVERIFY(!local.isEmpty());
        QVERIFY(!f.value(QStringLiteral("SELECT deleted_at FROM messages WHERE id = ?"), {local.toLongLong()}).isNull());
    }
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE deleted_at IS NOT NULL")), 3);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes WHERE op = 'soft-delete'")), 3);
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
    // A second reconciliation has nothing more to delete.
    QCOMPARE(f.sync(reconcile()).counts.value(QStringLiteral("messages")).deleted, 0);

    // One of them comes back at the source (same id): the next sync restores the row.
    QVERIFY(f.writeForum(QStringLiteral("INSERT INTO messages (id, topic_id, user_id, parent_id, content, created_at, updated_at) "
                                        "VALUES (%1, 1, 1, NULL, 'back again', '2026-12-01 00:00:00.000000', '2026-12-30 00:00:00.000000')").arg(gone.first())));
    const RunResult back = f.sync();
    QCOMPARE(back.counts.value(QStringLiteral("messages")).restored, 1);
    const QString local = f.localId(QStringLiteral("messages"), gone.first());
    QVERIFY(f.value(QStringLiteral("SELECT deleted_at FROM messages WHERE id = ?"), {local.toLongLong()}).isNull());
    QCOMPARE(f.value(QStringLiteral("SELECT content FROM messages WHERE id = ?"), {local.toLongLong()}).toString(), QStringLiteral("back again"));
    f.verify(&inSync);
    QVERIFY(inSync);
}

void tst_Reconcile::hardAndIgnoreModes()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 2, 10, 20, 1)));
    QVERIFY(f.generateExternal(forum(30, 4, 30, 200, 5)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure([](QJsonObject &root) {
        setDeleteMode(root, QStringLiteral("messages"), QStringLiteral("hard"));
        setDeleteMode(root, QStringLiteral("topics"), QStringLiteral("ignore"));
    }));
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    const QStringList gone = leafMessages(f, 2);
    const QStringList goneLocal{f.localId(QStringLiteral("messages"), gone.at(0)), f.localId(QStringLiteral("messages"), gone.at(1))};
    int status = 0;
    for (const QString &id : gone)
        f.forumCall("DELETE", QStringLiteral("/messages/%1").arg(id), {}, &status);
    // A topic whose messages are all re-homed is deleted at the source.
    const qint64 topicMessages = f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages m JOIN tributary_links l ON l.entity = 'topics' "
                                                         "AND l.local_id = CAST(m.topic_id AS TEXT) WHERE l.external_id = '30'"));
    Q_UNUSED(topicMessages);
    f.forumCall("DELETE", QStringLiteral("/topics/30"), {}, &status);
    const qint64 topicLocal = f.localId(QStringLiteral("topics"), QStringLiteral("30")).toLongLong();

    const RunResult r = f.sync(reconcile());
    QCOMPARE(r.counts.value(QStringLiteral("messages")).deleted, 2);
    QCOMPARE(r.counts.value(QStringLiteral("topics")).deleted, 1);
    QVERIFY(!f.db().columns(QStringLiteral("messages")).contains(QStringLiteral("deleted_at"))); // hard: no column needed
    for (const QString &local : goneLocal)
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE id = ?"), {local.toLongLong()}), 0);
    QVERIFY(f.localId(QStringLiteral("messages"), gone.first()).isEmpty()); // the link went with the row
    // ignore: the row stays as it is, only noted.
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM topics WHERE id = ?"), {topicLocal}), 1);
    QVERIFY(!f.db().columns(QStringLiteral("topics")).contains(QStringLiteral("deleted_at")));
    QVERIFY(!f.value(QStringLiteral("SELECT deleted_at FROM tributary_links WHERE entity = 'topics' AND external_id = '30'")).isNull());
}

void tst_Reconcile::aLocallyEditedRowIsNeverSilentlyDeleted()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 2, 10, 20, 1)));
    QVERIFY(f.generateExternal(forum(30, 4, 30, 200, 5)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    const QStringList ids = leafMessages(f, 2);
    const QString edited = ids.at(0), untouched = ids.at(1);
    const qint64 editedLocal = f.localId(QStringLiteral("messages"), edited).toLongLong();
    // The main application edits one of them; then the source deletes both.
    QSqlQuery q(f.db().db());
    QVERIFY(q.exec(QStringLiteral("UPDATE messages SET content = 'edited by a moderator' WHERE id = %1").arg(editedLocal)));
    int status = 0;
    for (const QString &id : ids)
        f.forumCall("DELETE", QStringLiteral("/messages/%1").arg(id), {}, &status);

    const RunResult r = f.sync(reconcile());
    QCOMPARE(r.counts.value(QStringLiteral("messages")).deleted, 1);
    QCOMPARE(r.counts.value(QStringLiteral("messages")).conflicts, 1);
    QVERIFY(f.value(QStringLiteral("SELECT deleted_at FROM messages WHERE id = ?"), {editedLocal}).isNull());
    QCOMPARE(f.value(QStringLiteral("SELECT content FROM messages WHERE id = ?"), {editedLocal}).toString(), QStringLiteral("edited by a moderator"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE kind = 'remote-deleted' AND status = 'open' AND external_id = ?"), {edited}), 1);
    QVERIFY(!f.value(QStringLiteral("SELECT deleted_at FROM messages WHERE id = ?"), {f.localId(QStringLiteral("messages"), untouched).toLongLong()}).isNull());
}

void tst_Reconcile::aScanWithTheServerStoppedHalfWayDeletesNothing()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 2, 10, 20, 1)));
    QVERIFY(f.generateExternal(forum(100, 4, 100, 2000, 5)));
    QVERIFY(f.startForum());
    auto smallPagesFewRetries = [](QJsonObject &root) {
        editSource(root, [](QJsonObject &src) {
            QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
            QJsonObject pagination = rest.value(QStringLiteral("pagination")).toObject();
            pagination.insert(QStringLiteral("page_size"), 100);
            rest.insert(QStringLiteral("pagination"), pagination);
            rest.insert(QStringLiteral("limits"), QJsonObject{{QStringLiteral("max_retries"), 1}, {QStringLiteral("backoff_ms"), 10}});
            src.insert(QStringLiteral("rest"), rest);
        });
    };
    QVERIFY(f.configure(smallPagesFewRetries));
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    const QStringList gone = leafMessages(f, 5);
    int status = 0;
    for (const QString &id : gone)
        f.forumCall("DELETE", QStringLiteral("/messages/%1").arg(id), {}, &status);

    // The forum goes away while messages are being scanned.
    QNetworkAccessManager nam;
    const SourceConfig &source = f.config().sources.first();
    std::unique_ptr<Source> impl = SourceRegistry::create(source, &nam);
    const std::unique_ptr<Run> owned = Run::create(f.db(), f.config(), source, impl.get(), reconcile());
    Run &run = *owned;
    int messagePages = 0;
    QObject::connect(&run, &Run::progress, &run, [&](const QString &entity, const EntityCounts &) {
        if (entity == QLatin1String("messages") && ++messagePages == 3)
            f.stopForum();
    });
    QSignalSpy done(&run, &Run::finished);
    run.start();
    QVERIFY(done.wait(60000));
    QCOMPARE(RunResult::statusName(run.result().status), QStringLiteral("failed"));
    QVERIFY2(run.result().error.message.contains(QStringLiteral("nothing was deleted")), qPrintable(run.result().error.message));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE deleted_at IS NOT NULL")), 0);
    QVERIFY(!f.db().columns(QStringLiteral("messages")).contains(QStringLiteral("deleted_at"))
            || f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE deleted_at IS NOT NULL")) == 0);

    // The forum is back: the next reconciliation resumes the same scan and deletes the five.
    QVERIFY(f.startForum());
    QVERIFY(f.configure(smallPagesFewRetries));
    const RunResult resumed = f.sync(reconcile());
    QCOMPARE(RunResult::statusName(resumed.status), QStringLiteral("ok"));
    QCOMPARE(resumed.counts.value(QStringLiteral("messages")).deleted, 5);
    // The interrupted scan is finished where it stopped (fewer than all ids), then, since it was
    // started by an earlier run, a fresh scan sees deletes made after its first stamps.
    const qint64 listed = resumed.counts.value(QStringLiteral("messages")).fetched;
    QVERIFY2(listed > 1995 && listed < 2 * 1995, qPrintable(QString::number(listed)));
}

void tst_Reconcile::aForumThatSuddenlyListsNothingIsRefused()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 2, 10, 20, 1)));
    QVERIFY(f.generateExternal(forum(30, 4, 30, 300, 5)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    // Somebody emptied the forum's messages (a failed migration at the source, say).
    QVERIFY(f.writeForum(QStringLiteral("DELETE FROM messages")));
    const RunResult r = f.sync(reconcile());
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("failed"));
    QVERIFY2(r.error.message.contains(QStringLiteral("refusing to delete: 300 of 300 linked messages (100.0%)")), qPrintable(r.error.message));
    QVERIFY(r.error.message.contains(QStringLiteral("max_delete_share")));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE deleted_at IS NOT NULL")), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE deleted_at IS NOT NULL")), 0);
}

void tst_Reconcile::reconciliationCatchesWhatPollingMissed()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 2, 10, 20, 1)));
    QVERIFY(f.generateExternal(forum(30, 4, 30, 300, 5)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    // A record written at the source with a timestamp long behind every cursor: no incremental run
    // will ever ask for it.
    QVERIFY(f.writeForum(QStringLiteral("INSERT INTO messages (topic_id, user_id, parent_id, content, created_at, updated_at) "
                                        "VALUES (1, 1, NULL, 'missed by polling', '2026-01-02 00:00:00.000000', '2026-01-02 00:00:00.000000')")));
    QCOMPARE(f.sync().counts.value(QStringLiteral("messages")).inserted, 0);
    const RunResult r = f.sync(reconcile());
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
    QCOMPARE(r.counts.value(QStringLiteral("messages")).inserted, 1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE content = 'missed by polling'")), 1);
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
}

QTEST_GUILESS_MAIN(tst_Reconcile)
#include "tst_reconcile.moc"
