// The conflict resolver of core, and `tributaryd conflicts resolve` through the real binary:
// every choice for every kind of conflict does what it says, in one transaction with the change
// log naming who decided, and refuses when what was shown is out of date. Real forum-sim, real
// SQLite.

#include "SyncFixture.h"
#include "TestSupport.h"
#include "TopicConflict.h"

#include "engine/ConflictResolver.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

const Environment kTester{{QStringLiteral("USER"), QStringLiteral("tester")}};

bool syncOk(SyncFixture &f, const RunRequest &options = RunRequest())
{
    return RunResult::statusName(f.sync(options).status) == QLatin1String("ok");
}

bool prepared(SyncFixture &f, const std::function<void(QJsonObject &)> &edit = nullptr)
{
    return f.generateMain(forum(10, 3, 10, 10, 1)) && f.generateExternal(forum(20, 6, 20, 60, 2)) && f.startForum()
        && f.configure(edit) && syncOk(f);
}

QList<Conflict> openConflicts(SyncFixture &f)
{
    return ConflictStore(f.db()).list(ConflictFilter()).valueOr({});
}

} // namespace

class tst_Resolve : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldChoices_data();
    void fieldChoices();
    void keepLocalThroughTributarydStaysQuietUntilTheSourceChangesAgain();
    void refusesWhenTheRowChangedSinceShown();
    void refusesWhenTheSourceSentANewerVersionSinceShown();
    void aRowThatConvergedNeedsNoDecision();
    void refusesChoicesThatDoNotFit();
    void localDeletedRestoreOrLeaveDeleted();
    void remoteDeletedKeepOrDelete_data();
    void remoteDeletedKeepOrDelete();
    void resolveAllByFilter();
    void perFieldPolicies();
};

void tst_Resolve::fieldChoices_data()
{
    QTest::addColumn<QString>("choice");         // as tributaryd takes it
    QTest::addColumn<QString>("expectedTitle");
    QTest::addColumn<QString>("expectedSection"); // local | remote
    QTest::addColumn<QString>("resolution");
    QTest::newRow("keep local") << "--keep local" << "Mine" << "local" << "keep-local";
    QTest::newRow("take remote") << "--keep remote" << "Theirs" << "remote" << "take-remote";
    QTest::newRow("per field") << "--field title=remote --field section_id=local" << "Theirs" << "local"
                               << "fields: section_id=local, title=remote";
    QTest::newRow("merged value") << "--field title=value:Mine and theirs --field section_id=remote" << "Mine and theirs" << "remote"
                                  << "fields: section_id=remote, title=value";
}

void tst_Resolve::fieldChoices()
{
    QFETCH(QString, choice);
    QFETCH(QString, expectedTitle);
    QFETCH(QString, expectedSection);
    QFETCH(QString, resolution);
    SyncFixture f;
    QVERIFY(prepared(f));
    const TopicConflict t = makeTopicConflict(f, QStringLiteral("4"));
    QCOMPARE(f.sync().counts.value(QStringLiteral("topics")).conflicts, 1);
    const QList<Conflict> open = openConflicts(f);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().fields, (QStringList{QStringLiteral("title"), QStringLiteral("section_id")}));

    QStringList args{QStringLiteral("conflicts"), QStringLiteral("resolve"), QString::number(open.first().id)};
    // "--field title=value:Mine and theirs" keeps its spaces: split on " --" only.
    for (const QString &part : choice.split(QStringLiteral(" --"))) {
        const QString opt = part.startsWith(QLatin1String("--")) ? part : QStringLiteral("--") + part;
        const qsizetype sp = opt.indexOf(QLatin1Char(' '));
        args << opt.left(sp) << opt.mid(sp + 1);
    }
    QString out;
    QCOMPARE(f.tributaryd(args, &out, kTester), 0);
    QVERIFY2(out.contains(QStringLiteral("Resolved conflict #%1").arg(open.first().id)), qPrintable(out));

    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {t.localId}).toString(), expectedTitle);
    QCOMPARE(f.scalar(QStringLiteral("SELECT section_id FROM topics WHERE id = ?"), {t.localId}),
             expectedSection == QLatin1String("local") ? t.localSection : t.remoteSection);
    QSqlQuery c(f.db().db());
    QVERIFY(c.exec(QStringLiteral("SELECT status, resolution, resolved_by FROM tributary_conflicts")));
    QVERIFY(c.next());
    QCOMPARE(c.value(0).toString(), QStringLiteral("resolved"));
    QCOMPARE(c.value(1).toString(), resolution);
    QCOMPARE(c.value(2).toString(), QStringLiteral("tester"));
    // One change log entry names the person and holds exactly what was written.
    QSqlQuery log(f.db().db());
    QVERIFY(log.exec(QStringLiteral("SELECT op, actor, change_values, run_id FROM tributary_changes WHERE op = 'resolve'")));
    QVERIFY(log.next());
    QCOMPARE(log.value(1).toString(), QStringLiteral("person:tester"));
    QVERIFY(log.value(3).isNull());
    const QJsonObject written = QJsonDocument::fromJson(log.value(2).toString().toUtf8()).object();
    QCOMPARE(written.contains(QStringLiteral("title")), expectedTitle != QLatin1String("Mine"));
    if (written.contains(QStringLiteral("title")))
        QCOMPARE(written.value(QStringLiteral("title")).toString(), expectedTitle);
    QCOMPARE(written.contains(QStringLiteral("section_id")), expectedSection == QLatin1String("remote"));
    QVERIFY(!log.next());

    // Whatever was decided stays decided: syncing again (even re-reading everything) raises nothing.
    const RunRequest full = RunRequest::full();
    const RunResult again = f.sync(full);
    QCOMPARE(again.counts.value(QStringLiteral("topics")).conflicts, 0);
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {t.localId}).toString(), expectedTitle);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE status = 'open'")), 0);
}

void tst_Resolve::keepLocalThroughTributarydStaysQuietUntilTheSourceChangesAgain()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    const TopicConflict t = makeTopicConflict(f, QStringLiteral("5"));
    QString out;
    QCOMPARE(f.tributaryd({QStringLiteral("sync"), QStringLiteral("--quiet")}, &out, kTester), 0);
    QVERIFY2(out.contains(QStringLiteral("1 record changed on both sides waits for a person")), qPrintable(out));
    QCOMPARE(f.tributaryd({QStringLiteral("conflicts"), QStringLiteral("show"), QStringLiteral("1")}, &out, kTester), 0);
    QVERIFY2(out.contains(QStringLiteral("\"%1\"").arg(t.baseTitle.left(26))) && out.contains(QStringLiteral("\"Mine\""))
                 && out.contains(QStringLiteral("\"Theirs\"")) && out.contains(QStringLiteral("--keep local")),
             qPrintable(out));
    QCOMPARE(f.tributaryd({QStringLiteral("conflicts"), QStringLiteral("resolve"), QStringLiteral("1"), QStringLiteral("--keep"),
                            QStringLiteral("local")},
                        &out, kTester),
             0);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(f.tributaryd({QStringLiteral("sync"), QStringLiteral("--quiet")}, &out, kTester), 0);
        QVERIFY2(out.contains(QStringLiteral("Nothing to write")), qPrintable(out));
    }
    QCOMPARE(f.tributaryd({QStringLiteral("conflicts"), QStringLiteral("list")}, &out, kTester), 0);
    QVERIFY2(out.contains(QStringLiteral("No open conflicts.")), qPrintable(out));
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {t.localId}).toString(), QStringLiteral("Mine"));

    // The forum changes the title again: raised again, with the new remote value.
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/5"), {{QStringLiteral("title"), QStringLiteral("Theirs, later")}}, &status);
    QCOMPARE(status, 200);
    QCOMPARE(f.tributaryd({QStringLiteral("sync"), QStringLiteral("--quiet")}, &out, kTester), 0);
    QCOMPARE(f.tributaryd({QStringLiteral("conflicts"), QStringLiteral("list"), QStringLiteral("--json")}, &out, kTester), 0);
    const QJsonArray list = QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("conflicts")).toArray();
    QCOMPARE(list.size(), 1);
    const QJsonObject c = list.first().toObject();
    QCOMPARE(c.value(QStringLiteral("fields")).toArray(), QJsonArray{QStringLiteral("title")});
    QCOMPARE(c.value(QStringLiteral("local")).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Mine"));
    QCOMPARE(c.value(QStringLiteral("remote")).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Theirs, later"));
    QCOMPARE(c.value(QStringLiteral("base")).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Theirs"));
}

void tst_Resolve::refusesWhenTheRowChangedSinceShown()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    const TopicConflict t = makeTopicConflict(f, QStringLiteral("6"));
    QVERIFY(syncOk(f));
    const Conflict shown = openConflicts(f).value(0);
    QVERIFY(shown.id > 0);
    // The main application edits the row again after the conflict was shown.
    QSqlQuery q(f.db().db());
    QVERIFY(q.exec(QStringLiteral("UPDATE topics SET title = 'Mine, edited again' WHERE id = %1").arg(t.localId)));
    ConflictResolver store(f.db(), f.config());
    Resolution r;
    r.action = Resolution::Action::TakeRemote;
    Error e;
    QVERIFY(!store.resolve(shown, r, QStringLiteral("tester"), &e));
    QCOMPARE(e.code, Error::Code::Conflict);
    QVERIFY2(e.message.contains(QStringLiteral("changed since the conflict was shown: title is now \"Mine, edited again\" "
                                               "(the conflict shows \"Mine\")")),
             qPrintable(e.message));
    // Nothing was written: the row, the conflict and the change log are as they were.
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {t.localId}).toString(), QStringLiteral("Mine, edited again"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT section_id FROM topics WHERE id = ?"), {t.localId}), t.localSection);
    QCOMPARE(f.value(QStringLiteral("SELECT status FROM tributary_conflicts")).toString(), QStringLiteral("open"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes WHERE op = 'resolve'")), 0);
    // The conflict now shows the row as it is: a new version, which resolves.
    Conflict again;
    Error e2;
    QVERIFY(ConflictStore(f.db()).get(shown.id).into(&e2));
    again = *ConflictStore(f.db()).get(shown.id);
    QCOMPARE(again.local.value(QStringLiteral("title")).toString(), QStringLiteral("Mine, edited again"));
    QVERIFY(again.updatedAt != shown.updatedAt);
    QVERIFY(!store.resolve(shown, r, QStringLiteral("tester"), &e2)); // the old version stays refused
    QVERIFY2(e2.message.contains(QStringLiteral("newer version")), qPrintable(e2.message));

    // Through tributaryd: the main application edits the row once more; exit 1, same message;
    // `show` then prints the row as it is, and resolving works.
    QVERIFY(q.exec(QStringLiteral("UPDATE topics SET title = 'Mine, third time' WHERE id = %1").arg(t.localId)));
    QString out;
    const QStringList resolveRemote{QStringLiteral("conflicts"), QStringLiteral("resolve"), QString::number(shown.id), QStringLiteral("--keep"),
                                    QStringLiteral("remote")};
    QCOMPARE(f.tributaryd(resolveRemote, &out, kTester), 1);
    QVERIFY2(out.contains(QStringLiteral("refused: conflict #%1: the row topics %2 changed").arg(shown.id).arg(t.localId)), qPrintable(out));
    QCOMPARE(f.tributaryd({QStringLiteral("conflicts"), QStringLiteral("show"), QString::number(shown.id)}, &out, kTester), 0);
    QVERIFY2(out.contains(QStringLiteral("\"Mine, third time\"")), qPrintable(out));
    QCOMPARE(f.tributaryd(resolveRemote, &out, kTester), 0);
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {t.localId}).toString(), QStringLiteral("Theirs"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT section_id FROM topics WHERE id = ?"), {t.localId}), t.remoteSection);
}

void tst_Resolve::aRowThatConvergedNeedsNoDecision()
{
    // The main application itself sets the source's value after the conflict was raised: a
    // resolution attempt finds nothing left to decide and closes it as converged.
    SyncFixture f;
    QVERIFY(prepared(f));
    const TopicConflict t = makeTopicConflict(f, QStringLiteral("3"));
    QVERIFY(syncOk(f));
    const Conflict shown = openConflicts(f).value(0);
    QSqlQuery q(f.db().db());
    QVERIFY(q.exec(QStringLiteral("UPDATE topics SET title = 'Theirs', section_id = %1 WHERE id = %2").arg(t.remoteSection).arg(t.localId)));
    ConflictResolver store(f.db(), f.config());
    Resolution r;
    Error e;
    QVERIFY(!store.resolve(shown, r, QStringLiteral("tester"), &e));
    QCOMPARE(f.value(QStringLiteral("SELECT status FROM tributary_conflicts")).toString(), QStringLiteral("resolved"));
    QCOMPARE(f.value(QStringLiteral("SELECT resolution FROM tributary_conflicts")).toString(), QStringLiteral("converged"));
    QVERIFY(openConflicts(f).isEmpty());
}

void tst_Resolve::refusesWhenTheSourceSentANewerVersionSinceShown()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    makeTopicConflict(f, QStringLiteral("7"));
    QVERIFY(syncOk(f));
    const Conflict shown = openConflicts(f).value(0);
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/7"), {{QStringLiteral("title"), QStringLiteral("Theirs, newer")}}, &status);
    QCOMPARE(status, 200);
    QVERIFY(syncOk(f));
    ConflictResolver store(f.db(), f.config());
    Resolution r;
    r.action = Resolution::Action::TakeRemote;
    Error e;
    QVERIFY(!store.resolve(shown, r, QStringLiteral("tester"), &e));
    QVERIFY2(e.message.contains(QStringLiteral("the source sent a newer version")), qPrintable(e.message));
    // Shown again, it resolves, and "remote" is what the source says now.
    Conflict again;
    Error e2;
    QVERIFY(ConflictStore(f.db()).get(shown.id).into(&e2));
    again = *ConflictStore(f.db()).get(shown.id);
    QVERIFY2(store.resolve(again, r, QStringLiteral("tester"), &e2), qPrintable(e2.toString()));
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {shown.localId}).toString(), QStringLiteral("Theirs, newer"));
}

void tst_Resolve::refusesChoicesThatDoNotFit()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    makeTopicConflict(f, QStringLiteral("8"));
    QVERIFY(syncOk(f));
    QString out;
    auto resolve = [&](const QStringList &choice) {
        return f.tributaryd(QStringList{QStringLiteral("conflicts"), QStringLiteral("resolve"), QStringLiteral("1")} + choice, &out, kTester);
    };
    QCOMPARE(resolve({}), 2);
    QVERIFY2(out.contains(QStringLiteral("say how")), qPrintable(out));
    QCOMPARE(resolve({QStringLiteral("--restore")}), 1);
    QVERIFY2(out.contains(QStringLiteral("both sides changed fields")), qPrintable(out));
    QCOMPARE(resolve({QStringLiteral("--field"), QStringLiteral("title=remote")}), 1);
    QVERIFY2(out.contains(QStringLiteral("choose every field; missing: section_id")), qPrintable(out));
    QCOMPARE(resolve({QStringLiteral("--field"), QStringLiteral("title=remote"), QStringLiteral("--field"), QStringLiteral("section_id=local"),
                      QStringLiteral("--field"), QStringLiteral("user_id=local")}),
             1);
    QVERIFY2(out.contains(QStringLiteral("user_id is not a field of this conflict")), qPrintable(out));
    QCOMPARE(resolve({QStringLiteral("--field"), QStringLiteral("title=remote"), QStringLiteral("--field"), QStringLiteral("section_id=value:north")}), 2);
    QVERIFY2(out.contains(QStringLiteral("section_id: \"north\" is not a local id")), qPrintable(out));
    QCOMPARE(resolve({QStringLiteral("--field"), QStringLiteral("title")}), 2);
    QCOMPARE(f.value(QStringLiteral("SELECT status FROM tributary_conflicts")).toString(), QStringLiteral("open"));
    QCOMPARE(f.tributaryd({QStringLiteral("conflicts"), QStringLiteral("resolve"), QStringLiteral("42"), QStringLiteral("--keep"),
                            QStringLiteral("local")},
                        &out, kTester),
             2);
    QVERIFY2(out.contains(QStringLiteral("there is no conflict #42")), qPrintable(out));
}

void tst_Resolve::localDeletedRestoreOrLeaveDeleted()
{
    for (const QString &choice : {QStringLiteral("--restore"), QStringLiteral("--delete")}) {
        SyncFixture f;
        QVERIFY(prepared(f));
        const qint64 local = f.localId(QStringLiteral("topics"), QStringLiteral("9")).toLongLong();
        const qint64 userId = f.scalar(QStringLiteral("SELECT user_id FROM topics WHERE id = ?"), {local});
        QSqlQuery q(f.db().db());
        // The application deletes the topic and leaves its messages (SQLite does not enforce
        // the foreign key; on PostgreSQL the session skips it, as a replica's would).
        if (MainDatabase::onPostgres())
            QVERIFY(q.exec(QStringLiteral("SET session_replication_role = replica")));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM topics WHERE id = %1").arg(local)));
        if (MainDatabase::onPostgres())
            QVERIFY(q.exec(QStringLiteral("SET session_replication_role = DEFAULT")));
        int status = 0;
        f.forumCall("PATCH", QStringLiteral("/topics/9"), {{QStringLiteral("title"), QStringLiteral("Changed at the source")}}, &status);
        QCOMPARE(status, 200);
        const RunResult r = f.sync();
        QCOMPARE(r.counts.value(QStringLiteral("topics")).conflicts, 1);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM topics WHERE id = ?"), {local}), 0); // never resurrected silently
        const Conflict c = openConflicts(f).value(0);
        QCOMPARE(c.kind, QStringLiteral("local-deleted"));
        QCOMPARE(c.remote.value(QStringLiteral("title")).toString(), QStringLiteral("Changed at the source"));
        QString out;
        QCOMPARE(f.tributaryd({QStringLiteral("conflicts"), QStringLiteral("resolve"), QString::number(c.id), choice}, &out, kTester), 0);
        if (choice == QLatin1String("--restore")) {
            // Back under its old key, with what the source says now and its references.
            QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {local}).toString(), QStringLiteral("Changed at the source"));
            QCOMPARE(f.scalar(QStringLiteral("SELECT user_id FROM topics WHERE id = ?"), {local}), userId);
            QCOMPARE(f.value(QStringLiteral("SELECT op FROM tributary_changes WHERE actor = 'person:tester'")).toString(), QStringLiteral("restore"));
            bool inSync = false;
            f.verify(&inSync);
            QVERIFY(inSync);
        } else {
            QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM topics WHERE id = ?"), {local}), 0);
            QCOMPARE(f.value(QStringLiteral("SELECT op FROM tributary_changes WHERE actor = 'person:tester'")).toString(), QStringLiteral("keep"));
        }
        QCOMPARE(f.value(QStringLiteral("SELECT resolution FROM tributary_conflicts")).toString(),
                 choice == QLatin1String("--restore") ? QStringLiteral("restore") : QStringLiteral("delete"));
        // Quiet afterwards; a later change at the source raises "deleted locally" again.
        QCOMPARE(f.sync().counts.value(QStringLiteral("topics")).conflicts, 0);
        f.forumCall("PATCH", QStringLiteral("/topics/9"), {{QStringLiteral("title"), QStringLiteral("Changed again")}}, &status);
        const RunResult later = f.sync();
        QCOMPARE(later.counts.value(QStringLiteral("topics")).conflicts, choice == QLatin1String("--restore") ? 0 : 1);
    }
}

void tst_Resolve::remoteDeletedKeepOrDelete_data()
{
    QTest::addColumn<QString>("choice");
    QTest::addColumn<bool>("rowKept");
    QTest::newRow("keep") << "--keep" << true;
    QTest::newRow("keep local") << "--keep local" << true;
    QTest::newRow("delete") << "--delete" << false;
    QTest::newRow("keep remote") << "--keep remote" << false;
}

void tst_Resolve::remoteDeletedKeepOrDelete()
{
    QFETCH(QString, choice);
    QFETCH(bool, rowKept);
    SyncFixture f;
    QVERIFY(prepared(f));
    // A message the main application edited, then deleted at the forum and found gone by reconcile.
    const qint64 local = f.localId(QStringLiteral("messages"), QStringLiteral("11")).toLongLong();
    QSqlQuery q(f.db().db());
    QVERIFY(q.exec(QStringLiteral("UPDATE messages SET content = 'Edited by a moderator' WHERE id = %1").arg(local)));
    int status = 0;
    f.forumCall("DELETE", QStringLiteral("/messages/11"), {}, &status);
    QVERIFY(status == 200 || status == 204);
    const RunRequest reconcile = RunRequest::reconcile();
    const RunResult r = f.sync(reconcile);
    QCOMPARE(r.counts.value(QStringLiteral("messages")).conflicts, 1);
    QCOMPARE(r.counts.value(QStringLiteral("messages")).deleted, 0);
    QVERIFY(f.value(QStringLiteral("SELECT deleted_at FROM messages WHERE id = ?"), {local}).isNull());
    const Conflict c = openConflicts(f).value(0);
    QCOMPARE(c.kind, QStringLiteral("remote-deleted"));
    QCOMPARE(c.local.value(QStringLiteral("content")).toString(), QStringLiteral("Edited by a moderator"));

    QString out;
    QCOMPARE(f.tributaryd(QStringList{QStringLiteral("conflicts"), QStringLiteral("resolve"), QString::number(c.id)} + choice.split(QLatin1Char(' ')),
                        &out, kTester),
             0);
    QCOMPARE(f.value(QStringLiteral("SELECT content FROM messages WHERE id = ?"), {local}).toString(), QStringLiteral("Edited by a moderator"));
    // The preset soft-deletes: "delete" sets deleted_at, "keep" leaves the row alone.
    QCOMPARE(f.value(QStringLiteral("SELECT deleted_at FROM messages WHERE id = ?"), {local}).isNull(), rowKept);
    QCOMPARE(f.value(QStringLiteral("SELECT op FROM tributary_changes WHERE actor = 'person:tester'")).toString(),
             rowKept ? QStringLiteral("keep") : QStringLiteral("soft-delete"));
    // Reconciling again raises nothing new.
    const RunResult again = f.sync(reconcile);
    QCOMPARE(again.counts.value(QStringLiteral("messages")).conflicts, 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE status = 'open'")), 0);
}

void tst_Resolve::resolveAllByFilter()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    // Three topics and two users changed on both sides.
    QList<qint64> topics;
    for (const QString &id : {QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")}) {
        topics.append(f.localId(QStringLiteral("topics"), id).toLongLong());
        QSqlQuery q(f.db().db());
        QVERIFY(q.exec(QStringLiteral("UPDATE topics SET title = 'Mine %1' WHERE id = %2").arg(id).arg(topics.last())));
        int status = 0;
        f.forumCall("PATCH", QStringLiteral("/topics/") + id, {{QStringLiteral("title"), QStringLiteral("Theirs ") + id}}, &status);
        QCOMPARE(status, 200);
    }
    for (const QString &id : {QStringLiteral("5"), QStringLiteral("6")}) {
        const qint64 local = f.localId(QStringLiteral("users"), id).toLongLong();
        QSqlQuery q(f.db().db());
        QVERIFY(q.exec(QStringLiteral("UPDATE users SET name = 'Local name' WHERE id = %1").arg(local)));
        int status = 0;
        f.forumCall("PATCH", QStringLiteral("/users/") + id, {{QStringLiteral("name"), QStringLiteral("Forum name")}}, &status);
        QCOMPARE(status, 200);
    }
    QVERIFY(syncOk(f));
    QCOMPARE(openConflicts(f).size(), 5);
    QString out;
    QCOMPARE(f.tributaryd({QStringLiteral("conflicts"), QStringLiteral("resolve"), QStringLiteral("--all"), QStringLiteral("--keep"),
                            QStringLiteral("remote"), QStringLiteral("--entity"), QStringLiteral("topics")},
                        &out, kTester),
             0);
    QVERIFY2(out.contains(QStringLiteral("Resolved 3 conflicts (take-remote, by tester)")), qPrintable(out));
    for (int i = 0; i < topics.size(); ++i)
        QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {topics.at(i)}).toString(),
                 QStringLiteral("Theirs %1").arg(i + 2));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE status = 'open' AND entity = 'users'")), 2);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE name = 'Local name'")), 2);
    QCOMPARE(f.tributaryd({QStringLiteral("conflicts"), QStringLiteral("resolve"), QStringLiteral("--all"), QStringLiteral("--restore")}, &out, kTester), 2);
    QCOMPARE(f.tributaryd({QStringLiteral("conflicts"), QStringLiteral("resolve"), QStringLiteral("--all"), QStringLiteral("--keep"),
                            QStringLiteral("local"), QStringLiteral("--json")},
                        &out, kTester),
             0);
    QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("resolved")).toInt(), 2);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE name = 'Local name'")), 2);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE status = 'open'")), 0);
}

void tst_Resolve::perFieldPolicies()
{
    // The entity waits for a person, except the title, which the forum decides.
    SyncFixture f;
    QVERIFY(prepared(f, [](QJsonObject &root) {
        editSource(root, [](QJsonObject &src) {
            QJsonArray entities = src.value(QStringLiteral("entities")).toArray();
            for (int i = 0; i < entities.size(); ++i) {
                QJsonObject e = entities.at(i).toObject();
                if (e.value(QStringLiteral("name")).toString() == QLatin1String("topics")) {
                    e.insert(QStringLiteral("field_policies"), QJsonObject{{QStringLiteral("title"), QStringLiteral("source-wins")}});
                    entities.replace(i, e);
                }
            }
            src.insert(QStringLiteral("entities"), entities);
        });
    }));
    const TopicConflict t = makeTopicConflict(f, QStringLiteral("10"));
    const RunResult r = f.sync();
    QCOMPARE(r.counts.value(QStringLiteral("topics")).conflicts, 1);
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {t.localId}).toString(), QStringLiteral("Theirs"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT section_id FROM topics WHERE id = ?"), {t.localId}), t.localSection);
    QSqlQuery c(f.db().db());
    QVERIFY(c.exec(QStringLiteral("SELECT fields, status, resolution FROM tributary_conflicts ORDER BY status")));
    QVERIFY(c.next());
    QCOMPARE(c.value(0).toString(), QStringLiteral("[\"section_id\"]"));
    QCOMPARE(c.value(1).toString(), QStringLiteral("open"));
    QVERIFY(c.next());
    QCOMPARE(c.value(0).toString(), QStringLiteral("[\"title\"]"));
    QCOMPARE(c.value(1).toString(), QStringLiteral("resolved"));
    QCOMPARE(c.value(2).toString(), QStringLiteral("policy:source-wins"));
    QVERIFY(!c.next());

    // A field policy naming no mapped column is a configuration error naming the key.
    QStringList errors;
    Config bad;
    QJsonObject root = QJsonDocument::fromJson([&] {
        QFile file(f.configPath());
        file.open(QIODevice::ReadOnly);
        return file.readAll();
    }()).object();
    editSource(root, [](QJsonObject &src) {
        QJsonArray entities = src.value(QStringLiteral("entities")).toArray();
        QJsonObject e = entities.at(0).toObject();
        e.insert(QStringLiteral("field_policies"), QJsonObject{{QStringLiteral("nickname"), QStringLiteral("local-wins")},
                                                               {QStringLiteral("name"), QStringLiteral("whoever")}});
        entities.replace(0, e);
        src.insert(QStringLiteral("entities"), entities);
    });
    QVERIFY(!Config::fromJson(root, f.configPath(), &bad, &errors));
    const QString all = errors.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("sources.forum.entities.users.field_policies.nickname: must name a mapped column")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("sources.forum.entities.users.field_policies.name:")) && all.contains(QStringLiteral("whoever")),
             qPrintable(all));
}

QTEST_GUILESS_MAIN(tst_Resolve)
#include "tst_resolve.moc"
