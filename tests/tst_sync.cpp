// End-to-end sync of a Good Forum into a main database that has rows of its own: real
// generator, real forum-sim over loopback HTTP, real SQLite files, the forum preset.

#include "SyncFixture.h"

#include "store/Database.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

const QStringList kTables = {QStringLiteral("users"), QStringLiteral("sections"), QStringLiteral("topics"), QStringLiteral("messages")};

// Reads the external forum's own database directly: the truth the main database must match.
class ExternalDb
{
public:
    explicit ExternalDb(const QString &path) : m_name(QStringLiteral("external-%1").arg(quintptr(this)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~ExternalDb() { QSqlDatabase::removeDatabase(m_name); }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name); }
    qint64 scalar(const QString &sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }
    QList<QVariantList> rows(const QString &sql) const
    {
        QList<QVariantList> out;
        QSqlQuery q(QSqlDatabase::database(m_name));
        q.exec(sql);
        while (q.next()) {
            QVariantList r;
            for (int i = 0; i < q.record().count(); ++i)
                r.append(q.value(i));
            out.append(r);
        }
        return out;
    }

private:
    QString m_name;
};


void setPageSize(QJsonObject &root, int size)
{
    QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
    QJsonObject src = sources.at(0).toObject();
    QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
    QJsonObject pag = rest.value(QStringLiteral("pagination")).toObject();
    pag.insert(QStringLiteral("page_size"), size);
    rest.insert(QStringLiteral("pagination"), pag);
    src.insert(QStringLiteral("rest"), rest);
    sources.replace(0, src);
    root.insert(QStringLiteral("sources"), sources);
}

} // namespace

class tst_Sync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initialSyncMatchesTheSource();
    void incrementalFetchesOnlyWhatChanged();
    void childBeforeParentEndsLinkedToItsParent();
    void consolidationIsCaseInsensitiveAndTrimmed();
    void missingReferencesAreFetchedByIdOrQuarantined();
    void aRecordTheDatabaseRefusesIsQuarantinedAndTheRestApplies();
    void parentCyclesAndSelfReferencesAreQuarantined();
    void aNewSourceStartsWhereConfigured();
};

void tst_Sync::initialSyncMatchesTheSource()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(300, 12, 300, 2000, 7)));
    QVERIFY(f.generateExternal(forum(600, 20, 600, 6000, 42)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());

    QHash<QString, qint64> maxIds;
    QHash<QString, QString> digests;
    QHash<QString, qint64> before;
    for (const QString &t : kTables) {
        maxIds[t] = f.scalar(QStringLiteral("SELECT MAX(id) FROM %1").arg(t));
        digests[t] = f.digest(t, maxIds[t]);
        before[t] = f.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(t));
    }

    const RunResult r = f.sync();
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
    QVERIFY2(!r.error, qPrintable(r.error.toString()));

    ExternalDb ext(f.externalDb());
    for (const QString &t : kTables) {
        const qint64 atSource = ext.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(t));
        // Every external record is linked exactly once ...
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE source = 'forum' AND entity = ?"), {t}), atSource);
        // ... and the main application's own rows are exactly as they were.
        QCOMPARE(f.digest(t, maxIds[t]), digests[t]);
        QCOMPARE(r.counts.value(t).fetched, atSource);
    }
    // Topics and messages are never merged: one new local row per external record.
    for (const QString &t : {QStringLiteral("topics"), QStringLiteral("messages")}) {
        const qint64 atSource = ext.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(t));
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(t)), before[t] + atSource);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(DISTINCT local_id) FROM tributary_links WHERE entity = ?"), {t}), atSource);
    }
    // Users whose e-mail already existed locally were linked to the local row, not duplicated.
    const qint64 shared = f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'users' AND origin = 'matched'"));
    QVERIFY2(shared > 0, "the generated forums are expected to share some e-mails");
    QCOMPARE(r.counts.value(QStringLiteral("users")).linked, shared);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM users")), before[QStringLiteral("users")] + r.counts.value(QStringLiteral("users")).inserted);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM (SELECT lower(trim(email)) FROM users GROUP BY 1 HAVING COUNT(*) > 1)")), 0);
    for (const QVariantList &row : ext.rows(QStringLiteral("SELECT id, email FROM users"))) {
        const qint64 local = f.localId(QStringLiteral("users"), row.at(0).toString()).toLongLong();
        QCOMPARE(f.value(QStringLiteral("SELECT lower(trim(email)) FROM users WHERE id = ?"), {local}).toString(),
                 row.at(1).toString().trimmed().toLower());
    }
    // Every reference points at the local row of the record the source names.
    for (const QVariantList &row : ext.rows(QStringLiteral("SELECT id, topic_id, user_id, parent_id FROM messages"))) {
        const QString local = f.localId(QStringLiteral("messages"), row.at(0).toString());
        QVERIFY(!local.isEmpty());
        QSqlQuery q(f.db().db());
        q.prepare(QStringLiteral("SELECT topic_id, user_id, parent_id FROM messages WHERE id = ?"));
        q.addBindValue(local.toLongLong());
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), f.localId(QStringLiteral("topics"), row.at(1).toString()));
        QCOMPARE(q.value(1).toString(), f.localId(QStringLiteral("users"), row.at(2).toString()));
        if (row.at(3).isNull())
            QVERIFY(q.value(2).isNull());
        else
            QCOMPARE(q.value(2).toString(), f.localId(QStringLiteral("messages"), row.at(3).toString()));
    }
    // Nested replies stay within their topic, and no row dangles.
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages m JOIN messages p ON p.id = m.parent_id WHERE p.topic_id != m.topic_id")), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages m LEFT JOIN topics t ON t.id = m.topic_id WHERE t.id IS NULL")), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM topics t LEFT JOIN sections s ON s.id = t.section_id WHERE s.id IS NULL")), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_pending")), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_quarantine")), 0);

    bool inSync = false;
    Error error;
    f.verify(&inSync, &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QVERIFY(inSync);

    // A second run right after writes nothing.
    const RunResult again = f.sync();
    QCOMPARE(RunResult::statusName(again.status), QStringLiteral("ok"));
    QCOMPARE(again.total().written(), 0);
    QCOMPARE(again.total().fetched, again.total().skipped + again.total().unchanged);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes WHERE run_id = ?"), {again.runId}), 0);
}

void tst_Sync::incrementalFetchesOnlyWhatChanged()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(50, 5, 50, 200, 3)));
    QVERIFY(f.generateExternal(forum(200, 10, 200, 2000, 11)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure([](QJsonObject &root) { setPageSize(root, 100); }));
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));

    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/messages/10"), {{QStringLiteral("content"), QStringLiteral("Edited at the forum")}}, &status);
    QCOMPARE(status, 200);
    f.forumCall("PATCH", QStringLiteral("/users/3"), {{QStringLiteral("name"), QStringLiteral("Renamed User")}}, &status);
    QCOMPARE(status, 200);
    const QJsonObject parent = f.forumCall("GET", QStringLiteral("/messages/20"));
    const QJsonObject created = f.forumCall("POST", QStringLiteral("/messages"),
                                            {{QStringLiteral("topic_id"), parent.value(QStringLiteral("topic_id"))},
                                             {QStringLiteral("user_id"), 3},
                                             {QStringLiteral("parent_id"), 20},
                                             {QStringLiteral("content"), QStringLiteral("A new reply")}},
                                            &status);
    QCOMPARE(status, 201);

    const RunResult r = f.sync();
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
    const EntityCounts m = r.counts.value(QStringLiteral("messages"));
    const EntityCounts u = r.counts.value(QStringLiteral("users"));
    // Only the changed records are new to the run; the rest of what was read is the boundary.
    QCOMPARE(m.fetched - m.skipped, 2);
    QCOMPARE(m.updated, 1);
    QCOMPARE(m.inserted, 1);
    QCOMPARE(u.fetched - u.skipped, 1);
    QCOMPARE(u.updated + u.unchanged, 1); // unchanged when the user is an adopted local row
    QCOMPARE(r.counts.value(QStringLiteral("topics")).fetched - r.counts.value(QStringLiteral("topics")).skipped, 0);

    const QString local = f.localId(QStringLiteral("messages"), QStringLiteral("10"));
    QCOMPARE(f.value(QStringLiteral("SELECT content FROM messages WHERE id = ?"), {local.toLongLong()}).toString(),
             QStringLiteral("Edited at the forum"));
    const QString newLocal = f.localId(QStringLiteral("messages"), QString::number(created.value(QStringLiteral("id")).toInteger()));
    QVERIFY(!newLocal.isEmpty());
    QCOMPARE(f.value(QStringLiteral("SELECT parent_id FROM messages WHERE id = ?"), {newLocal.toLongLong()}).toString(),
             f.localId(QStringLiteral("messages"), QStringLiteral("20")));
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
}

void tst_Sync::childBeforeParentEndsLinkedToItsParent()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(20, 3, 10, 30, 5)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure([](QJsonObject &root) { setPageSize(root, 2); }));

    // A thread whose root is edited after its replies: in updated_at order every reply comes
    // before its parent, on earlier pages.
    int status = 0;
    const QJsonObject root = f.forumCall("POST", QStringLiteral("/messages"),
                                         {{QStringLiteral("topic_id"), 1}, {QStringLiteral("user_id"), 1}, {QStringLiteral("content"), QStringLiteral("root")}}, &status);
    QCOMPARE(status, 201);
    const qint64 rootId = root.value(QStringLiteral("id")).toInteger();
    qint64 parentId = rootId;
    QList<qint64> chain{rootId};
    for (int i = 0; i < 4; ++i) {
        const QJsonObject reply = f.forumCall("POST", QStringLiteral("/messages"),
                                              {{QStringLiteral("topic_id"), 1}, {QStringLiteral("user_id"), 2},
                                               {QStringLiteral("parent_id"), parentId}, {QStringLiteral("content"), QStringLiteral("reply %1").arg(i)}},
                                              &status);
        QCOMPARE(status, 201);
        parentId = reply.value(QStringLiteral("id")).toInteger();
        chain.append(parentId);
    }
    // Touch every message but the deepest reply, from the deepest up: parents end up last.
    for (int i = chain.size() - 2; i >= 0; --i) {
        f.forumCall("PATCH", QStringLiteral("/messages/%1").arg(chain.at(i)), {{QStringLiteral("content"), QStringLiteral("edited %1").arg(i)}}, &status);
        QCOMPARE(status, 200);
    }

    const RunResult r = f.sync();
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_pending")), 0);
    for (int i = 1; i < chain.size(); ++i) {
        const QString child = f.localId(QStringLiteral("messages"), QString::number(chain.at(i)));
        const QString parent = f.localId(QStringLiteral("messages"), QString::number(chain.at(i - 1)));
        QVERIFY(!child.isEmpty() && !parent.isEmpty());
        QCOMPARE(f.value(QStringLiteral("SELECT parent_id FROM messages WHERE id = ?"), {child.toLongLong()}).toString(), parent);
        // The parent was written before its child: the child waited instead of dangling.
        QVERIFY(f.scalar(QStringLiteral("SELECT id FROM tributary_changes WHERE table_name = 'messages' AND local_id = ? AND op = 'insert'"), {parent})
                < f.scalar(QStringLiteral("SELECT id FROM tributary_changes WHERE table_name = 'messages' AND local_id = ? AND op = 'insert'"), {child}));
    }
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
}

void tst_Sync::consolidationIsCaseInsensitiveAndTrimmed()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 2, 2, 1)));
    QVERIFY(f.generateExternal(forum(5, 2, 2, 2, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    QSqlQuery q(f.db().db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO users (name, email, password, created_at, updated_at) VALUES "
                                  "('Dana Scully', 'Dana.Scully@FBI.example', 'local-hash', '2026-01-01 00:00:00', '2026-01-01 00:00:00')")));
    const qint64 dana = q.lastInsertId().toLongLong();
    QVERIFY(q.exec(QStringLiteral("INSERT INTO sections (title, created_at, updated_at) VALUES ('X-Files', '2026-01-01 00:00:00', '2026-01-01 00:00:00')")));
    const qint64 xfiles = q.lastInsertId().toLongLong();

    int status = 0;
    const QJsonObject user = f.forumCall("POST", QStringLiteral("/users"),
                                         {{QStringLiteral("name"), QStringLiteral("D. Scully")}, {QStringLiteral("email"), QStringLiteral("dana.scully@fbi.EXAMPLE")}}, &status);
    QCOMPARE(status, 201);
    const QJsonObject section = f.forumCall("POST", QStringLiteral("/sections"), {{QStringLiteral("title"), QStringLiteral("  x-files ")}}, &status);
    QCOMPARE(status, 201);

    const RunResult r = f.sync();
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
    QCOMPARE(f.localId(QStringLiteral("users"), QString::number(user.value(QStringLiteral("id")).toInteger())), QString::number(dana));
    QCOMPARE(f.localId(QStringLiteral("sections"), QString::number(section.value(QStringLiteral("id")).toInteger())), QString::number(xfiles));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE lower(email) = 'dana.scully@fbi.example'")), 1);
    // The local row is adopted, not rewritten: the main application's values stay.
    QCOMPARE(f.value(QStringLiteral("SELECT name FROM users WHERE id = ?"), {dana}).toString(), QStringLiteral("Dana Scully"));
    QCOMPARE(f.value(QStringLiteral("SELECT password FROM users WHERE id = ?"), {dana}).toString(), QStringLiteral("local-hash"));
    // Imported users get the unusable password placeholder.
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM users u JOIN tributary_links l ON l.local_id = u.id AND l.entity = 'users' "
                                     "AND l.origin = 'inserted' WHERE u.password != '!tributary-imported:no-login'")), 0);
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
}

void tst_Sync::missingReferencesAreFetchedByIdOrQuarantined()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(20, 3, 12, 40, 5)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());

    // A reply whose parent is deleted at the source before Tributary ever saw it, and a reply
    // to that reply: neither can be written without a dangling key.
    int status = 0;
    const qint64 parent = f.forumCall("POST", QStringLiteral("/messages"),
                                      {{QStringLiteral("topic_id"), 2}, {QStringLiteral("user_id"), 1}, {QStringLiteral("content"), QStringLiteral("soon gone")}}, &status)
                              .value(QStringLiteral("id")).toInteger();
    QCOMPARE(status, 201);
    const qint64 orphan = f.forumCall("POST", QStringLiteral("/messages"),
                                      {{QStringLiteral("topic_id"), 2}, {QStringLiteral("user_id"), 1}, {QStringLiteral("parent_id"), parent},
                                       {QStringLiteral("content"), QStringLiteral("my parent is gone")}}, &status)
                              .value(QStringLiteral("id")).toInteger();
    QCOMPARE(status, 201);
    const qint64 grandchild = f.forumCall("POST", QStringLiteral("/messages"),
                                          {{QStringLiteral("topic_id"), 2}, {QStringLiteral("user_id"), 1}, {QStringLiteral("parent_id"), orphan},
                                           {QStringLiteral("content"), QStringLiteral("and so is my grandparent")}}, &status)
                                  .value(QStringLiteral("id")).toInteger();
    QCOMPARE(status, 201);
    f.forumCall("DELETE", QStringLiteral("/messages/%1").arg(parent), {}, &status);
    QCOMPARE(status, 204);

    // Only messages are synced: every topic and user they name is fetched by id at the end.
    const RunRequest only = RunRequest::incremental({QStringLiteral("messages")});
    const RunResult r = f.sync(only);
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("partial"));
    QCOMPARE(r.counts.value(QStringLiteral("messages")).quarantined, 2);
    QCOMPARE(r.counts.value(QStringLiteral("messages")).pending, 0);
    QVERIFY(r.counts.value(QStringLiteral("topics")).inserted > 0); // fetched one by one
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")), 40 + 0);
    QCOMPARE(f.value(QStringLiteral("SELECT reason FROM tributary_quarantine WHERE entity = 'messages' AND external_id = ?"), {QString::number(orphan)}).toString(),
             QStringLiteral("parent_id references messages %1, which does not exist at the source (404)").arg(parent));
    QCOMPARE(f.value(QStringLiteral("SELECT field FROM tributary_quarantine WHERE entity = 'messages' AND external_id = ?"), {QString::number(orphan)}).toString(),
             QStringLiteral("parent_id"));
    QCOMPARE(f.value(QStringLiteral("SELECT reason FROM tributary_quarantine WHERE entity = 'messages' AND external_id = ?"), {QString::number(grandchild)}).toString(),
             QStringLiteral("parent_id references messages %1, which is quarantined").arg(orphan));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages m LEFT JOIN messages p ON p.id = m.parent_id WHERE m.parent_id IS NOT NULL AND p.id IS NULL")), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages m LEFT JOIN topics t ON t.id = m.topic_id WHERE t.id IS NULL")), 0);

    // A run of every entity completes the rest; held records are reported as such, not as missing.
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    bool inSync = false;
    const auto reports = f.verify(&inSync);
    QVERIFY(inSync);
    QCOMPARE(reports.last().entity, QStringLiteral("messages"));
    QCOMPARE(reports.last().invalid, 2);
}

void tst_Sync::aRecordTheDatabaseRefusesIsQuarantinedAndTheRestApplies()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(20, 3, 30, 60, 9)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    // The main application has a rule of its own that the source knows nothing about.
    QSqlQuery q(f.db().db());
    QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER no_shouting BEFORE INSERT ON topics WHEN NEW.title GLOB '*!!!*' "
                                  "BEGIN SELECT RAISE(ABORT, 'topics may not shout'); END")));
    int status = 0;
    const qint64 loud = f.forumCall("POST", QStringLiteral("/topics"),
                                    {{QStringLiteral("section_id"), 1}, {QStringLiteral("user_id"), 1}, {QStringLiteral("title"), QStringLiteral("BUY NOW!!!")}}, &status)
                            .value(QStringLiteral("id")).toInteger();
    QCOMPARE(status, 201);
    const qint64 reply = f.forumCall("POST", QStringLiteral("/messages"),
                                     {{QStringLiteral("topic_id"), loud}, {QStringLiteral("user_id"), 1}, {QStringLiteral("content"), QStringLiteral("in a loud topic")}}, &status)
                             .value(QStringLiteral("id")).toInteger();
    QCOMPARE(status, 201);

    const RunResult r = f.sync();
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("partial"));
    const EntityCounts topics = r.counts.value(QStringLiteral("topics"));
    QCOMPARE(topics.inserted, 30);
    QCOMPARE(topics.quarantined, 1); // not fetched again for the message that waits for it
    QVERIFY(f.value(QStringLiteral("SELECT reason FROM tributary_quarantine WHERE entity = 'topics' AND external_id = ?"), {QString::number(loud)})
                .toString().contains(QStringLiteral("topics may not shout")));
    QCOMPARE(f.value(QStringLiteral("SELECT reason FROM tributary_quarantine WHERE entity = 'messages' AND external_id = ?"), {QString::number(reply)}).toString(),
             QStringLiteral("topic_id references topics %1, which is quarantined").arg(loud));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")), 60);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM topics WHERE title GLOB '*!!!*'")), 0);

    // Once the source fixes the record, the next run applies it and what waited for it.
    f.forumCall("PATCH", QStringLiteral("/topics/%1").arg(loud), {{QStringLiteral("title"), QStringLiteral("Buy now")}}, &status);
    QCOMPARE(status, 200);
    f.forumCall("PATCH", QStringLiteral("/messages/%1").arg(reply), {{QStringLiteral("content"), QStringLiteral("calmer now")}}, &status);
    QCOMPARE(status, 200);
    const RunResult again = f.sync();
    QCOMPARE(RunResult::statusName(again.status), QStringLiteral("ok"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_quarantine")), 0);
    QVERIFY(!f.localId(QStringLiteral("messages"), QString::number(reply)).isEmpty());
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
}

void tst_Sync::parentCyclesAndSelfReferencesAreQuarantined()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(10, 2, 4, 30, 4)));
    // Data no well-behaved forum would serve, written straight into its database: two messages
    // that are each other's parent, and one that is its own parent.
    {
        ExternalDb ext(f.externalDb());
        const QList<QVariantList> rows = ext.rows(QStringLiteral("SELECT id FROM messages WHERE topic_id = 1 ORDER BY id LIMIT 3"));
        QCOMPARE(rows.size(), 3);
        QSqlQuery q(ext.db());
        QVERIFY(q.exec(QStringLiteral("UPDATE messages SET parent_id = %1 WHERE id = %2").arg(rows.at(1).first().toLongLong()).arg(rows.at(0).first().toLongLong())));
        QVERIFY(q.exec(QStringLiteral("UPDATE messages SET parent_id = %1 WHERE id = %2").arg(rows.at(0).first().toLongLong()).arg(rows.at(1).first().toLongLong())));
        QVERIFY(q.exec(QStringLiteral("UPDATE messages SET parent_id = id WHERE id = %1").arg(rows.at(2).first().toLongLong())));
    }
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    const RunResult r = f.sync();
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("partial"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_pending")), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_quarantine WHERE reason LIKE '%a cycle of references%'")), 2);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_quarantine WHERE field = 'parent_id' AND reason = 'references itself'")), 1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages m LEFT JOIN messages p ON p.id = m.parent_id WHERE m.parent_id IS NOT NULL AND p.id IS NULL")), 0);
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
}

void tst_Sync::aNewSourceStartsWhereConfigured()
{
    auto setStart = [](const QJsonObject &start) {
        return [start](QJsonObject &root) {
            QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
            QJsonObject src = sources.at(0).toObject();
            src.insert(QStringLiteral("start"), start);
            sources.replace(0, src);
            root.insert(QStringLiteral("sources"), sources);
        };
    };

    // "now": history is not imported; what changes afterwards is.
    {
        SyncFixture f;
        QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
        QVERIFY(f.generateExternal(forum(50, 5, 40, 300, 8)));
        QVERIFY(f.startForum());
        QVERIFY(f.configure(setStart({{QStringLiteral("from"), QStringLiteral("now")}})));
        RunResult r = f.sync();
        QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
        QCOMPARE(r.total().written(), 0);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links")), 0);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_cursors WHERE kind = 'incremental'")), 4);
        int status = 0;
        f.forumCall("PATCH", QStringLiteral("/messages/17"), {{QStringLiteral("content"), QStringLiteral("changed after the start")}}, &status);
        QCOMPARE(status, 200);
        r = f.sync();
        QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")), 1);
        const QString local = f.localId(QStringLiteral("messages"), QStringLiteral("17"));
        QCOMPARE(f.value(QStringLiteral("SELECT content FROM messages WHERE id = ?"), {local.toLongLong()}).toString(), QStringLiteral("changed after the start"));
        // Its topic and author were fetched by id, so nothing dangles.
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages m JOIN topics t ON t.id = m.topic_id JOIN users u ON u.id = m.user_id WHERE m.id = ?"), {local.toLongLong()}), 1);
    }
    // A date: everything changed since then, nothing older (but what it references).
    {
        SyncFixture f;
        QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
        QVERIFY(f.generateExternal(forum(50, 5, 40, 600, 8)));
        QVERIFY(f.startForum());
        QVERIFY(f.configure(setStart({{QStringLiteral("from"), QStringLiteral("date")}, {QStringLiteral("date"), QStringLiteral("2026-05-01T00:00:00Z")}})));
        const RunResult r = f.sync();
        QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
        ExternalDb ext(f.externalDb());
        const qint64 recent = ext.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE updated_at >= '2026-05-01 00:00:00'"));
        QVERIFY(recent > 0 && recent < 600);
        for (const QVariantList &row : ext.rows(QStringLiteral("SELECT id FROM messages WHERE updated_at >= '2026-05-01 00:00:00'")))
            QVERIFY(!f.localId(QStringLiteral("messages"), row.first().toString()).isEmpty());
        // Older messages are linked only as the parents that recent replies name.
        for (const QVariantList &row : ext.rows(QStringLiteral("SELECT id FROM messages WHERE updated_at < '2026-05-01 00:00:00'"))) {
            if (f.localId(QStringLiteral("messages"), row.first().toString()).isEmpty())
                continue;
            QVERIFY(ext.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE parent_id = %1").arg(row.first().toLongLong())) > 0);
        }
        QCOMPARE(r.counts.value(QStringLiteral("messages")).fetched, recent);
    }
}

QTEST_GUILESS_MAIN(tst_Sync)
#include "tst_sync.moc"
