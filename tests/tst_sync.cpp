// End-to-end sync of a Good Forum into a main database that has rows of its own: real
// generator, real forum-sim over loopback HTTP, real SQLite files, the forum preset. The engine's
// rules one by one (references, consolidation, quarantine, start points) are scenarios in
// tst_engine.

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


} // namespace

class tst_Sync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initialSyncMatchesTheSource();
    void incrementalFetchesOnlyWhatChanged();
    void aWrongIncrementalFieldFailsTheRunNamingIt();
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
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM (SELECT lower(trim(email)) FROM users GROUP BY 1 HAVING COUNT(*) > 1) AS twice")), 0);
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
    QVERIFY(f.configure(pageSize(100)));
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

void tst_Sync::aWrongIncrementalFieldFailsTheRunNamingIt()
{
    // The API filters and sorts as asked, but the configured field is not in its records (a
    // camelCase name on a snake_case API): the cursor could never move, every run would be a
    // full walk. The run fails and says which field; nothing is applied.
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(f.generateExternal(forum(20, 3, 10, 30, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure([](QJsonObject &root) {
        editSource(root, [](QJsonObject &source) {
            QJsonObject rest = source.value(QStringLiteral("rest")).toObject();
            QJsonObject incremental = rest.value(QStringLiteral("incremental")).toObject();
            incremental.insert(QStringLiteral("field"), QStringLiteral("updatedAt"));
            rest.insert(QStringLiteral("incremental"), incremental);
            source.insert(QStringLiteral("rest"), rest);
        });
    }));
    const RunResult r = f.sync();
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("failed"));
    QVERIFY2(r.error.message.contains(QStringLiteral("\"updatedAt\"")) && r.error.message.contains(QStringLiteral("change filter")),
             qPrintable(r.error.message));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE id > 5")), 0);
    // tributaryd says the same and exits non-zero.
    QString out;
    QCOMPARE(f.tributaryd({QStringLiteral("sync")}, &out), 2);
    QVERIFY2(out.contains(QStringLiteral("updatedAt")), qPrintable(out));
}

QTEST_GUILESS_MAIN(tst_Sync)
#include "tst_sync.moc"
