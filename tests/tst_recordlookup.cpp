// The Records finder of core (RecordLookup): a record found by its source's external id, by its
// local id or by a value, and everything known about it: the row, its links and their bases, the
// captured local edit, its conflicts with what their decisions wrote, and its change log. Real
// forum-sim, SQLite or PostgreSQL.

#include "SyncFixture.h"
#include "TopicConflict.h"

#include "engine/ConflictResolver.h"
#include "state/RecordLookup.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

bool syncOk(SyncFixture &f)
{
    return RunResult::statusName(f.sync().status) == QLatin1String("ok");
}

bool prepared(SyncFixture &f)
{
    return f.generateMain(forum(10, 3, 10, 10, 1)) && f.generateExternal(forum(20, 6, 20, 60, 2)) && f.startForum() && f.configure()
        && syncOk(f);
}

bool exec(SyncFixture &f, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(f.db().db());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        qWarning("%s failed", qPrintable(sql));
        return false;
    }
    return true;
}

RecordQuery byExternalId(const QString &entity, const QString &id)
{
    RecordQuery q;
    q.by = RecordQuery::By::ExternalId;
    q.source = QStringLiteral("forum");
    q.entity = entity;
    q.text = id;
    return q;
}

RecordQuery byText(RecordQuery::By by, const QString &text, const QString &entity = QString())
{
    RecordQuery q;
    q.by = by;
    q.source = entity.isEmpty() ? QString() : QStringLiteral("forum");
    q.entity = entity;
    q.text = text;
    return q;
}

} // namespace

class tst_RecordLookup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsByExternalIdWithRowLinksAndHistory();
    void editConflictAndDecisionAreInTheRecord();
    void findsByLocalId();
    void findsByValueLimitedAndLiteral();
    void notFoundSaysWhy();
    void aSharedRowShowsEverySourcesLinkAndBase();
};

void tst_RecordLookup::findsByExternalIdWithRowLinksAndHistory()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    const QString local = f.localId(QStringLiteral("topics"), QStringLiteral("4"));
    QVERIFY(!local.isEmpty());
    const QString title = f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {local.toLongLong()}).toString();
    const qint64 run = f.scalar(QStringLiteral("SELECT MAX(id) FROM tributary_runs"));

    RecordLookup lookup(f.db(), f.config());
    // Spaces around a pasted id do not matter.
    const Result<RecordHits> found = lookup.find(byExternalId(QStringLiteral("topics"), QStringLiteral(" 4 ")));
    QVERIFY2(found.ok(), qPrintable(found.error().toString()));
    QCOMPARE(found->hits.size(), 1);
    QVERIFY(!found->limited);
    const RecordHit &hit = found->hits.first();
    QCOMPARE(hit.key, (RecordKey{QStringLiteral("topics"), local}));
    QCOMPARE(hit.source, QStringLiteral("forum"));
    QCOMPARE(hit.entity, QStringLiteral("topics"));
    QCOMPARE(hit.externalId, QStringLiteral("4"));
    QVERIFY(hit.rowExists);
    QCOMPARE(hit.display, title.simplified());

    const Result<RecordDetail> d = lookup.detail(hit.key);
    QVERIFY2(d.ok(), qPrintable(d.error().toString()));
    QVERIFY(d->rowExists);
    QCOMPARE(d->keyColumn, QStringLiteral("id"));
    QCOMPARE(d->entities, QStringList{QStringLiteral("forum/topics")});
    QCOMPARE(d->value(QStringLiteral("title")).toString(), title);
    QCOMPARE(d->value(QStringLiteral("id")).toVariant().toString(), local);
    // A reference says which table its id is a key of.
    bool sawReference = false;
    for (const RecordColumn &c : d->columns) {
        if (c.name == QLatin1String("section_id")) {
            QCOMPARE(c.referencedTable, QStringLiteral("sections"));
            sawReference = true;
        }
    }
    QVERIFY(sawReference);
    QVERIFY(d->value(QStringLiteral("password")).isUndefined()); // only mapped columns
    QCOMPARE(d->links.size(), 1);
    const RecordLink &link = d->links.first();
    QCOMPARE(link.link.source, QStringLiteral("forum"));
    QCOMPARE(link.link.externalId, QStringLiteral("4"));
    QCOMPARE(link.link.origin, QStringLiteral("inserted"));
    QCOMPARE(link.link.runId, run);
    QVERIFY(link.link.deletedAt.isEmpty());
    QVERIFY(link.configured);
    // Nobody edited the row: it is its own base.
    QVERIFY(!d->edited);
    QCOMPARE(link.baseKind, RecordLink::BaseKind::Row);
    QCOMPARE(link.base.value(QStringLiteral("title")).toString(), title);
    QVERIFY(d->conflicts.isEmpty());
    // The change log: the run inserted it.
    QCOMPARE(d->changes.size(), 1);
    QCOMPARE(d->changes.first().op, QStringLiteral("insert"));
    QCOMPARE(d->changes.first().actor, QStringLiteral("source:forum"));
    QCOMPARE(d->changes.first().runId, run);
    QVERIFY(!d->changesLimited);

    // The forum changes the title: the sync's update is in the history with the value it wrote.
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/4"), {{QStringLiteral("title"), QStringLiteral("Renamed at the forum")}}, &status);
    QCOMPARE(status, 200);
    QVERIFY(syncOk(f));
    const Result<RecordDetail> after = lookup.detail(hit.key);
    QVERIFY2(after.ok(), qPrintable(after.error().toString()));
    QCOMPARE(after->value(QStringLiteral("title")).toString(), QStringLiteral("Renamed at the forum"));
    QCOMPARE(after->changes.size(), 2);
    QCOMPARE(after->changes.last().op, QStringLiteral("update"));
    QCOMPARE(after->changes.last().actor, QStringLiteral("source:forum"));
    QCOMPARE(after->changes.last().values.value(QStringLiteral("title")).toString(), QStringLiteral("Renamed at the forum"));
    // The newest lines only, said so.
    const Result<RecordDetail> newest = lookup.detail(hit.key, 1);
    QVERIFY(newest.ok());
    QCOMPARE(newest->changes.size(), 1);
    QCOMPARE(newest->changes.first().op, QStringLiteral("update"));
    QVERIFY(newest->changesLimited);
}

void tst_RecordLookup::editConflictAndDecisionAreInTheRecord()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    const TopicConflict t = makeTopicConflict(f, QStringLiteral("5"));
    const RecordKey key{QStringLiteral("topics"), QString::number(t.localId)};
    RecordLookup lookup(f.db(), f.config());

    // The main application's edit is captured with the row as it was.
    const Result<RecordDetail> edited = lookup.detail(key);
    QVERIFY2(edited.ok(), qPrintable(edited.error().toString()));
    QVERIFY(edited->edited);
    QVERIFY(!edited->editedAt.isEmpty());
    QCOMPARE(edited->editBase.value(QStringLiteral("title")).toString(), t.baseTitle);
    QCOMPARE(edited->value(QStringLiteral("title")).toString(), QStringLiteral("Mine"));
    QCOMPARE(edited->links.size(), 1);
    QCOMPARE(edited->links.first().baseKind, RecordLink::BaseKind::CapturedEdit);
    QCOMPARE(edited->links.first().base.value(QStringLiteral("title")).toString(), t.baseTitle);

    // The sync raises the conflict; a person takes the source's side.
    QVERIFY(syncOk(f));
    const Result<RecordDetail> open = lookup.detail(key);
    QVERIFY2(open.ok(), qPrintable(open.error().toString()));
    QCOMPARE(open->conflicts.size(), 1);
    const Conflict shown = open->conflicts.first().conflict;
    QVERIFY(shown.isOpen());
    QCOMPARE(shown.externalId, QStringLiteral("5"));
    QCOMPARE(shown.remote.value(QStringLiteral("title")).toString(), QStringLiteral("Theirs"));
    QVERIFY(!open->conflicts.first().hasWritten);

    Resolution take;
    take.action = Resolution::Action::TakeRemote;
    Error error;
    QVERIFY2(ConflictResolver(f.db(), f.config()).resolve(shown, take, QStringLiteral("tester"), &error), qPrintable(error.toString()));
    const Result<RecordDetail> decided = lookup.detail(key);
    QVERIFY2(decided.ok(), qPrintable(decided.error().toString()));
    QCOMPARE(decided->conflicts.size(), 1);
    const RecordConflict &rc = decided->conflicts.first();
    QVERIFY(!rc.conflict.isOpen());
    QCOMPARE(rc.conflict.resolution, QStringLiteral("take-remote"));
    QCOMPARE(rc.conflict.resolvedBy, QStringLiteral("tester"));
    QVERIFY(rc.hasWritten);
    QCOMPARE(rc.writtenOp, QStringLiteral("resolve"));
    QCOMPARE(rc.written.value(QStringLiteral("title")).toString(), QStringLiteral("Theirs"));
    QCOMPARE(decided->value(QStringLiteral("title")).toString(), QStringLiteral("Theirs"));
    QCOMPARE(decided->changes.last().op, QStringLiteral("resolve"));
    QCOMPARE(decided->changes.last().actor, QStringLiteral("person:tester"));
}

void tst_RecordLookup::findsByLocalId()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    const QString topic = f.localId(QStringLiteral("topics"), QStringLiteral("7"));
    RecordLookup lookup(f.db(), f.config());

    // In one entity's table: that row, with the link it has.
    const Result<RecordHits> one = lookup.find(byText(RecordQuery::By::LocalId, topic, QStringLiteral("topics")));
    QVERIFY2(one.ok(), qPrintable(one.error().toString()));
    QCOMPARE(one->hits.size(), 1);
    QCOMPARE(one->hits.first().key, (RecordKey{QStringLiteral("topics"), topic}));
    QCOMPARE(one->hits.first().externalId, QStringLiteral("7"));

    // In every table: one hit per table that has the key, each with its own text.
    const Result<RecordHits> all = lookup.find(byText(RecordQuery::By::LocalId, topic));
    QVERIFY2(all.ok(), qPrintable(all.error().toString()));
    QStringList tables;
    for (const RecordHit &h : all->hits)
        tables.append(h.key.table);
    QVERIFY2(tables.contains(QStringLiteral("topics")) && tables.size() >= 2, qPrintable(tables.join(QLatin1Char(','))));

    // The main application's own row (id 1 existed before any sync): found, no link.
    const Result<RecordHits> own = lookup.find(byText(RecordQuery::By::LocalId, QStringLiteral("1"), QStringLiteral("topics")));
    QVERIFY(own.ok());
    QCOMPARE(own->hits.size(), 1);
    QVERIFY(own->hits.first().source.isEmpty());
    QVERIFY(!own->hits.first().display.isEmpty());

    // A key that is no number finds nothing in integer keys, without an error.
    const Result<RecordHits> text = lookup.find(byText(RecordQuery::By::LocalId, QStringLiteral("abc")));
    QVERIFY2(text.ok(), qPrintable(text.error().toString()));
    QVERIFY(text->hits.isEmpty());

    // A row the main application deleted still has its link and its history.
    QVERIFY(exec(f, QStringLiteral("DELETE FROM messages WHERE topic_id = ?"), {topic.toLongLong()}));
    QVERIFY(exec(f, QStringLiteral("DELETE FROM topics WHERE id = ?"), {topic.toLongLong()}));
    const Result<RecordHits> gone = lookup.find(byText(RecordQuery::By::LocalId, topic, QStringLiteral("topics")));
    QVERIFY(gone.ok());
    QCOMPARE(gone->hits.size(), 1);
    QVERIFY(!gone->hits.first().rowExists);
    QCOMPARE(gone->hits.first().externalId, QStringLiteral("7"));
    const Result<RecordDetail> d = lookup.detail(gone->hits.first().key);
    QVERIFY(d.ok());
    QVERIFY(!d->rowExists);
    QCOMPARE(d->links.size(), 1);
    QVERIFY(!d->changes.isEmpty());
}

void tst_RecordLookup::findsByValueLimitedAndLiteral()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    const QString a = f.localId(QStringLiteral("topics"), QStringLiteral("2"));
    const QString b = f.localId(QStringLiteral("topics"), QStringLiteral("3"));
    QVERIFY(exec(f, QStringLiteral("UPDATE topics SET title = 'The Needle in the hay' WHERE id = ?"), {a.toLongLong()}));
    QVERIFY(exec(f, QStringLiteral("UPDATE topics SET title = 'another needle' WHERE id = ?"), {b.toLongLong()}));
    RecordLookup lookup(f.db(), f.config());

    // Case-insensitive, in every table's mapped text columns, ordered by key.
    const Result<RecordHits> found = lookup.find(byText(RecordQuery::By::Value, QStringLiteral("NEEDLE")));
    QVERIFY2(found.ok(), qPrintable(found.error().toString()));
    QCOMPARE(found->hits.size(), 2);
    QVERIFY(!found->limited);
    QCOMPARE(found->hits.at(0).key, (RecordKey{QStringLiteral("topics"), a}));
    QCOMPARE(found->hits.at(0).display, QStringLiteral("The Needle in the hay"));
    QCOMPARE(found->hits.at(0).externalId, QStringLiteral("2"));
    QCOMPARE(found->hits.at(1).display, QStringLiteral("another needle"));

    // Limited: said so.
    RecordQuery limited = byText(RecordQuery::By::Value, QStringLiteral("needle"));
    limited.limit = 1;
    const Result<RecordHits> first = lookup.find(limited);
    QVERIFY(first.ok());
    QCOMPARE(first->hits.size(), 1);
    QVERIFY(first->limited);
    QCOMPARE(first->limit, 1);

    // LIKE's wildcards are looked for as typed.
    const Result<RecordHits> wildcard = lookup.find(byText(RecordQuery::By::Value, QStringLiteral("needle_")));
    QVERIFY(wildcard.ok());
    QVERIFY(wildcard->hits.isEmpty());
    const Result<RecordHits> percent = lookup.find(byText(RecordQuery::By::Value, QStringLiteral("%")));
    QVERIFY(percent.ok());
    QVERIFY(percent->hits.isEmpty());

    // Limited to one entity's table.
    const Result<RecordHits> users = lookup.find(byText(RecordQuery::By::Value, QStringLiteral("needle"), QStringLiteral("users")));
    QVERIFY(users.ok());
    QVERIFY(users->hits.isEmpty());
}

void tst_RecordLookup::notFoundSaysWhy()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    RecordLookup lookup(f.db(), f.config());
    const Result<RecordHits> none = lookup.find(byExternalId(QStringLiteral("messages"), QStringLiteral("987654")));
    QVERIFY2(none.ok(), qPrintable(none.error().toString()));
    QVERIFY(none->hits.isEmpty());
    QVERIFY(none->quarantined.isEmpty());

    // Held in quarantine: not found, and why.
    QVERIFY(exec(f, QStringLiteral("INSERT INTO tributary_quarantine (source, entity, external_id, record, field, reason, first_seen, last_seen) "
                                   "VALUES ('forum', 'messages', '987654', '{}', 'content', 'a required field is missing', "
                                   "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')")));
    const Result<RecordHits> held = lookup.find(byExternalId(QStringLiteral("messages"), QStringLiteral("987654")));
    QVERIFY(held.ok());
    QVERIFY(held->hits.isEmpty());
    QCOMPARE(held->quarantined.size(), 1);
    QCOMPARE(held->quarantined.first().reason, QStringLiteral("a required field is missing"));

    // What the configuration does not name is refused, never put into SQL.
    const Result<RecordHits> entity = lookup.find(byExternalId(QStringLiteral("users; DROP TABLE users"), QStringLiteral("1")));
    QVERIFY(!entity.ok());
    QCOMPARE(entity.error().code, Error::Code::NotFound);
    const Result<RecordDetail> table = lookup.detail({QStringLiteral("tributary_links"), QStringLiteral("1")});
    QVERIFY(!table.ok());
    QCOMPARE(table.error().code, Error::Code::NotFound);
    const Result<RecordHits> empty = lookup.find(byText(RecordQuery::By::Value, QStringLiteral("  ")));
    QVERIFY(!empty.ok());
}

void tst_RecordLookup::aSharedRowShowsEverySourcesLinkAndBase()
{
    // Two forums with one user of the same e-mail: one row, linked to both.
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 3, 10, 10, 1)) && f.generateExternal(forum(20, 6, 20, 60, 2))
            && f.generateSecondExternal(forum(20, 6, 20, 60, 3)));
    QVERIFY(f.writeForum(QStringLiteral("UPDATE users SET email = 'Shared@Example.org', name = 'Forum one name' WHERE id = 1")));
    QVERIFY(f.writeSecondForum(QStringLiteral("UPDATE users SET email = ' shared@example.org', name = 'Forum two name' WHERE id = 7")));
    QVERIFY(f.startForum() && f.startSecondForum());
    QVERIFY(f.configure([&](QJsonObject &root) { addSourceCopy(root, QStringLiteral("forum2"), f.secondForumUrl()); }));
    QCOMPARE(RunResult::statusName(f.sync(RunRequest(), QStringLiteral("forum")).status), QStringLiteral("ok"));
    QCOMPARE(RunResult::statusName(f.sync(RunRequest(), QStringLiteral("forum2")).status), QStringLiteral("ok"));
    const QString local = f.localId(QStringLiteral("users"), QStringLiteral("1"));
    QCOMPARE(f.localId(QStringLiteral("users"), QStringLiteral("7"), QStringLiteral("forum2")), local);

    RecordLookup lookup(f.db(), f.config());
    RecordQuery q = byExternalId(QStringLiteral("users"), QStringLiteral("7"));
    q.source = QStringLiteral("forum2");
    const Result<RecordHits> found = lookup.find(q);
    QVERIFY2(found.ok(), qPrintable(found.error().toString()));
    QCOMPARE(found->hits.size(), 1);
    QCOMPARE(found->hits.first().key.localId, local);
    QCOMPARE(found->hits.first().source, QStringLiteral("forum2"));
    QCOMPARE(found->hits.first().otherLinks, 1);

    const Result<RecordDetail> d = lookup.detail(found->hits.first().key);
    QVERIFY2(d.ok(), qPrintable(d.error().toString()));
    QCOMPARE(d->entities, (QStringList{QStringLiteral("forum/users"), QStringLiteral("forum2/users")}));
    QCOMPARE(d->links.size(), 2);
    QCOMPARE(d->links.at(0).link.source, QStringLiteral("forum"));
    QCOMPARE(d->links.at(0).link.origin, QStringLiteral("inserted"));
    QCOMPARE(d->links.at(1).link.source, QStringLiteral("forum2"));
    QCOMPARE(d->links.at(1).link.externalId, QStringLiteral("7"));
    QCOMPARE(d->links.at(1).link.origin, QStringLiteral("matched"));
    // A shared row: each link keeps what its source said last.
    QCOMPARE(d->links.at(0).baseKind, RecordLink::BaseKind::Own);
    QCOMPARE(d->links.at(1).baseKind, RecordLink::BaseKind::Own);
    QCOMPARE(d->links.at(0).base.value(QStringLiteral("name")).toString(), QStringLiteral("Forum one name"));
    QCOMPARE(d->links.at(1).base.value(QStringLiteral("name")).toString(), QStringLiteral("Forum two name"));
    // The value columns are not the password or the token the entity leaves alone.
    QVERIFY(d->value(QStringLiteral("password")).isUndefined());
    QVERIFY(!d->value(QStringLiteral("email")).isUndefined());
    // Its history names both sources.
    QStringList actors;
    for (const Change &c : d->changes)
        actors.append(c.actor);
    QVERIFY2(actors.contains(QStringLiteral("source:forum")) && actors.contains(QStringLiteral("source:forum2")),
             qPrintable(actors.join(QLatin1Char(','))));
}

QTEST_GUILESS_MAIN(tst_RecordLookup)
#include "tst_recordlookup.moc"
