// Several sources feeding one main database: each has its own id space and links; consolidation
// keys make a user or section that two forums share one local row linked to both; when both
// change the same field, source priority (or the policy, at equal priority) decides, and the
// change log shows which source set which value. Two real forum-sim servers, real SQLite.

#include "SyncFixture.h"
#include "TestSupport.h"

#include "engine/ConflictResolver.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

constexpr int kSharedUsers = 5;
constexpr int kSharedSections = 3;

// The forum's own timestamp form, microseconds included, for changes written straight into it.
const char *kNow = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'";

// Two forums that share users (the same e-mails, written differently) and sections (the same
// titles), synced into one main database. `priority2`: the second source's priority.
bool twoForums(SyncFixture &f, int priority2)
{
    if (!f.generateMain(forum(10, 3, 10, 10, 1)) || !f.generateExternal(forum(30, 6, 20, 60, 2))
        || !f.generateSecondExternal(forum(30, 6, 20, 60, 3)))
        return false;
    for (int i = 1; i <= kSharedUsers; ++i) {
        // Case and spaces differ: consolidation compares trimmed and case-folded.
        if (!f.writeForum(QStringLiteral("UPDATE users SET email = 'Shared.%1@Example.org' WHERE id = %1").arg(i))
            || !f.writeSecondForum(QStringLiteral("UPDATE users SET email = ' shared.%1@example.org' WHERE id = %2").arg(i).arg(i + 10)))
            return false;
    }
    for (int i = 1; i <= kSharedSections; ++i) {
        if (!f.writeForum(QStringLiteral("UPDATE sections SET title = 'Shared section %1' WHERE id = %1").arg(i))
            || !f.writeSecondForum(QStringLiteral("UPDATE sections SET title = 'shared SECTION %1' WHERE id = %2").arg(i).arg(i + 2)))
            return false;
    }
    if (!f.startForum() || !f.startSecondForum())
        return false;
    return f.configure([&](QJsonObject &root) {
        addSourceCopy(root, QStringLiteral("forum2"), f.secondForumUrl());
        QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
        QJsonObject second = sources.at(1).toObject();
        second.insert(QStringLiteral("priority"), priority2);
        sources.replace(1, second);
        root.insert(QStringLiteral("sources"), sources);
    });
}

bool syncBoth(SyncFixture &f)
{
    return RunResult::statusName(f.sync(RunRequest(), QStringLiteral("forum")).status) == QLatin1String("ok")
        && RunResult::statusName(f.sync(RunRequest(), QStringLiteral("forum2")).status) == QLatin1String("ok");
}

} // namespace

class tst_MultiSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sharedUsersAndSectionsAreOneRowLinkedToBoth();
    void priorityDecidesWhenBothSourcesChangeAField();
    void equalPriorityFallsBackToThePolicy();
};

void tst_MultiSource::sharedUsersAndSectionsAreOneRowLinkedToBoth()
{
    SyncFixture f;
    QVERIFY(twoForums(f, 0));
    const qint64 usersBefore = f.scalar(QStringLiteral("SELECT COUNT(*) FROM users"));
    QVERIFY(syncBoth(f));
    for (int i = 1; i <= kSharedUsers; ++i) {
        const QString email = QStringLiteral("shared.%1@example.org").arg(i);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE lower(trim(email)) = ?"), {email}), 1);
        const QString local = f.localId(QStringLiteral("users"), QString::number(i), QStringLiteral("forum"));
        QVERIFY(!local.isEmpty());
        QCOMPARE(f.localId(QStringLiteral("users"), QString::number(i + 10), QStringLiteral("forum2")), local);
        QCOMPARE(f.value(QStringLiteral("SELECT origin FROM tributary_links WHERE source = 'forum2' AND entity = 'users' AND external_id = ?"),
                         {QString::number(i + 10)}).toString(),
                 QStringLiteral("matched"));
    }
    for (int i = 1; i <= kSharedSections; ++i) {
        const QString title = QStringLiteral("shared section %1").arg(i);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM sections WHERE lower(trim(title)) = ?"), {title}), 1);
        QCOMPARE(f.localId(QStringLiteral("sections"), QString::number(i + 2), QStringLiteral("forum2")),
                 f.localId(QStringLiteral("sections"), QString::number(i), QStringLiteral("forum")));
    }
    // Each source has its own id space: forum2's topics reference the shared rows by their local ids.
    const qint64 linked = f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links a JOIN tributary_links b ON a.entity = b.entity "
                                                  "AND a.local_id = b.local_id AND a.source = 'forum' AND b.source = 'forum2' "
                                                  "WHERE a.entity = 'users'"));
    QVERIFY2(linked >= kSharedUsers, qPrintable(QString::number(linked)));
    QVERIFY(f.scalar(QStringLiteral("SELECT COUNT(*) FROM users")) < usersBefore + 60);
    // A row forum inserted and forum2 adopted is shared: forum's link, which had no base of its
    // own (docs/decisions/0024), got one when forum2 adopted the row.
    QVERIFY(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links a JOIN tributary_links b ON a.entity = b.entity AND a.local_id = b.local_id "
                                    "AND a.source = 'forum' AND b.source = 'forum2' WHERE a.origin = 'inserted'")) > 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links a JOIN tributary_links b ON a.entity = b.entity AND a.local_id = b.local_id "
                                     "AND a.source <> b.source WHERE a.base = ''")), 0);
    bool inSync = false;
    f.verify(&inSync, nullptr, QStringLiteral("forum"));
    QVERIFY(inSync);
    f.verify(&inSync, nullptr, QStringLiteral("forum2"));
    QVERIFY(inSync);
    // Syncing both again writes nothing and raises nothing.
    const RunResult again = f.sync(RunRequest(), QStringLiteral("forum2"));
    QCOMPARE(again.total().written(), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts")), 0);
}

void tst_MultiSource::priorityDecidesWhenBothSourcesChangeAField()
{
    SyncFixture f;
    QVERIFY(twoForums(f, 10)); // forum2 outranks forum (priority 0)
    QVERIFY(syncBoth(f));
    const QString local = f.localId(QStringLiteral("users"), QStringLiteral("1"), QStringLiteral("forum"));
    QCOMPARE(f.localId(QStringLiteral("users"), QStringLiteral("11"), QStringLiteral("forum2")), local);
    auto name = [&] { return f.value(QStringLiteral("SELECT name FROM users WHERE id = ?"), {local}).toString(); };

    // Only forum changes the name: taken, whatever the priorities (forum2 did not change it).
    QVERIFY(f.writeForum(QStringLiteral("UPDATE users SET name = 'From forum one', updated_at = %1 WHERE id = 1").arg(QLatin1String(kNow))));
    QCOMPARE(f.sync(RunRequest(), QStringLiteral("forum")).counts.value(QStringLiteral("users")).updated, 1);
    QCOMPARE(name(), QStringLiteral("From forum one"));
    QCOMPARE(f.sync(RunRequest(), QStringLiteral("forum2")).total().written(), 0);

    // forum2 changes it too: the value in the row is forum's, forum2 outranks forum: forum2's value.
    QVERIFY(f.writeSecondForum(QStringLiteral("UPDATE users SET name = 'From forum two', updated_at = %1 WHERE id = 11").arg(QLatin1String(kNow))));
    const RunResult r2 = f.sync(RunRequest(), QStringLiteral("forum2"));
    QCOMPARE(r2.counts.value(QStringLiteral("users")).updated, 1);
    QCOMPARE(r2.counts.value(QStringLiteral("users")).conflicts, 0); // decided by the rule: nobody waits
    QCOMPARE(name(), QStringLiteral("From forum two"));

    // forum changes it again: the row holds forum2's value, which outranks: kept.
    QVERIFY(f.writeForum(QStringLiteral("UPDATE users SET name = 'From forum one, again', updated_at = %1 WHERE id = 1").arg(QLatin1String(kNow))));
    f.sync(RunRequest(), QStringLiteral("forum"));
    QCOMPARE(name(), QStringLiteral("From forum two"));

    // Every collision is recorded, decided by priority, with who set the local value.
    QSqlQuery c(f.db().db());
    QVERIFY(c.exec(QStringLiteral("SELECT source, status, resolution, local_by FROM tributary_conflicts ORDER BY id")));
    QVERIFY(c.next());
    QCOMPARE(c.value(0).toString(), QStringLiteral("forum2"));
    QCOMPARE(c.value(1).toString(), QStringLiteral("resolved"));
    QCOMPARE(c.value(2).toString(), QStringLiteral("priority:forum2"));
    QCOMPARE(c.value(3).toString(), QStringLiteral("{\"name\":\"forum\"}"));
    QVERIFY(c.next());
    QCOMPARE(c.value(0).toString(), QStringLiteral("forum"));
    QCOMPARE(c.value(2).toString(), QStringLiteral("priority:forum2"));
    QCOMPARE(c.value(3).toString(), QStringLiteral("{\"name\":\"forum2\"}"));
    QVERIFY(!c.next());

    // The history shows which source set which value.
    QString out;
    QCOMPARE(f.tributaryd({QStringLiteral("history"), QStringLiteral("users"), local}, &out), 0);
    QVERIFY2(out.contains(QStringLiteral("source:forum ")) && out.contains(QStringLiteral("name = \"From forum one\"")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("source:forum2")) && out.contains(QStringLiteral("name = \"From forum two\"")), qPrintable(out));
    QVERIFY2(out.indexOf(QStringLiteral("From forum one")) < out.indexOf(QStringLiteral("From forum two")), qPrintable(out));
    QVERIFY2(!out.contains(QStringLiteral("From forum one, again")), qPrintable(out)); // never written
    QCOMPARE(f.tributaryd({QStringLiteral("history"), QStringLiteral("users"), local, QStringLiteral("--json")}, &out), 0);
    const QJsonArray changes = QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("changes")).toArray();
    QJsonArray setters;
    for (const QJsonValue &v : changes) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("op")).toString() == QLatin1String("update"))
            setters.append(o.value(QStringLiteral("actor")).toString() + QLatin1Char('=')
                           + o.value(QStringLiteral("values")).toObject().value(QStringLiteral("name")).toString());
    }
    QCOMPARE(setters, (QJsonArray{QStringLiteral("source:forum=From forum one"), QStringLiteral("source:forum2=From forum two")}));
}

void tst_MultiSource::equalPriorityFallsBackToThePolicy()
{
    SyncFixture f;
    QVERIFY(twoForums(f, 0));
    QVERIFY(syncBoth(f));
    const QString local = f.localId(QStringLiteral("sections"), QStringLiteral("2"), QStringLiteral("forum"));
    QVERIFY(f.writeForum(QStringLiteral("UPDATE sections SET title = 'Renamed by forum one', updated_at = %1 WHERE id = 2").arg(QLatin1String(kNow))));
    f.sync(RunRequest(), QStringLiteral("forum"));
    QVERIFY(f.writeSecondForum(QStringLiteral("UPDATE sections SET title = 'Renamed by forum two', updated_at = %1 WHERE id = 4").arg(QLatin1String(kNow))));
    const RunResult r = f.sync(RunRequest(), QStringLiteral("forum2"));
    // The default policy is manual: forum2's change waits for a person, forum's value stays.
    QCOMPARE(r.counts.value(QStringLiteral("sections")).conflicts, 1);
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM sections WHERE id = ?"), {local}).toString(), QStringLiteral("Renamed by forum one"));
    QString out;
    QCOMPARE(f.tributaryd({QStringLiteral("conflicts"), QStringLiteral("show"), QStringLiteral("1")}, &out), 0);
    QVERIFY2(out.contains(QStringLiteral("\"Renamed by forum one\" [forum]")) && out.contains(QStringLiteral("\"Renamed by forum two\"")),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("that source set the local value")), qPrintable(out));
    QCOMPARE(f.tributaryd({QStringLiteral("conflicts"), QStringLiteral("resolve"), QStringLiteral("1"), QStringLiteral("--keep"),
                            QStringLiteral("remote"), QStringLiteral("--by"), QStringLiteral("admin")},
                        &out),
             0);
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM sections WHERE id = ?"), {local}).toString(), QStringLiteral("Renamed by forum two"));
    QCOMPARE(f.tributaryd({QStringLiteral("history"), QStringLiteral("sections"), local}, &out), 0);
    QVERIFY2(out.contains(QStringLiteral("person:admin")) && out.contains(QStringLiteral("title = \"Renamed by forum two\"")), qPrintable(out));
}

QTEST_GUILESS_MAIN(tst_MultiSource)
#include "tst_multisource.moc"
