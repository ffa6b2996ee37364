// Write-back's engine rules (docs/write-back.md) with an in-process source that writes as
// forum-api.md's writer contract says: the main application's changes, captured by triggers,
// pushed once, in dependency order, conditionally, idempotently, without echo; collisions
// decided by the read direction's rules; refusals held apart while the rest goes on. The same
// path over HTTP against forum-sim is tst_restwrite / tst_twoway.

#include "EngineFixture.h"
#include "TestSupport.h"

#include "engine/ConflictResolver.h"
#include "state/Outbox.h"
#include "store/Database.h"

#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

QList<OutboxOperation> outbox(EngineFixture &f, const QString &state = {})
{
    OutboxFilter filter;
    filter.state = state;
    const Result<QList<OutboxOperation>> ops = Outbox(f.db()).list(filter);
    if (!ops)
        qWarning("outbox: %s", qPrintable(ops.error().toString()));
    return ops.valueOr({});
}

// A small forum synced in, then write-back turned on and one sync run to install the capture.
bool twoWay(EngineFixture &f)
{
    f.remote().seedForum(3, 2, 4, 8);
    f.remote().setWritable(true);
    return outcome(f.sync()) == QLatin1String("ok") && f.setSourceOption(QStringLiteral("direction"), QStringLiteral("both"))
        && outcome(f.sync()) == QLatin1String("ok");
}

// A message of the source nobody answered: deleting it leaves no reply dangling.
qint64 leafMessage(const FakeSource &source)
{
    qint64 leaf = 0;
    const QList<QJsonObject> messages = source.records(QStringLiteral("messages"));
    for (const QJsonObject &m : messages) {
        bool parent = false;
        for (const QJsonObject &o : messages)
            parent = parent || o.value(QStringLiteral("parent_id")).toInt() == m.value(QStringLiteral("id")).toInt();
        if (!parent)
            leaf = m.value(QStringLiteral("id")).toInt();
    }
    return leaf;
}

int writesOf(const FakeSource &source, WriteRequest::Op op)
{
    int n = 0;
    for (const WriteRequest &w : source.writes())
        n += w.op == op ? 1 : 0;
    return n;
}

} // namespace

class tst_WriteBack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readOnlySourcesCaptureNothing();
    void threeLocalEditsAreOneConditionalWriteAndNoEcho();
    void localRowsAreCreatedInDependencyOrderAndLinked();
    void aLostCreateAnswerCreatesNothingTwice();
    void localDeletesAreDeletedAtTheSource();
    void remoteChangesAreMergedBeforeThePush();
    void aCollisionWaitsAsAConflict();
    void changedSinceReadIsMergedAndWrittenAgain();
    void aRefusalHoldsOneOperationAndTheRestGoOn();
    void rowsOfAnotherSourceAreNotPushedUnlessReceived();
    void oneWriteAtATimeWhateverTheOperationsAre();
    void aRowOfTheApplicationsThatARowRefersToGoesFirst();
    void aDeleteMetByAChangeThereWaitsForThePerson_data();
    void aDeleteMetByAChangeThereWaitsForThePerson();
    void aTableNoEntityWritesLosesItsCapture();
    void turningWriteBackOffRemovesTheCapture();
};

void tst_WriteBack::readOnlySourcesCaptureNothing()
{
    EngineFixture f;
    f.remote().seedForum(2, 1, 2, 2);
    QCOMPARE(outcome(f.sync()), QStringLiteral("ok"));
    QVERIFY(f.localUpdate(QStringLiteral("topics"), f.localId(QStringLiteral("topics"), 1), QStringLiteral("title"), QStringLiteral("Mine")));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_outbox")).toInt(), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_outbox_targets")).toInt(), 0);
}

void tst_WriteBack::threeLocalEditsAreOneConditionalWriteAndNoEcho()
{
    EngineFixture f;
    QVERIFY(twoWay(f));
    const QString topic = f.localId(QStringLiteral("topics"), 2);
    const QString before = f.remote().record(QStringLiteral("topics"), 2).value(QStringLiteral("updated_at")).toString();
    for (const char *title : {"One", "Two", "Three"})
        QVERIFY(f.localUpdate(QStringLiteral("topics"), topic, QStringLiteral("title"), QString::fromLatin1(title)));
    QCOMPARE(outbox(f).size(), 1);

    const RunResult pushed = f.sync();
    QCOMPARE(outcome(pushed), QStringLiteral("ok"));
    QCOMPARE(pushed.counts.value(QStringLiteral("topics")).pushed, 1);
    QCOMPARE(f.remote().writes().size(), 1);
    const WriteRequest w = f.remote().writes().first();
    QCOMPARE(int(w.op), int(WriteRequest::Op::Update));
    QCOMPARE(w.externalId, QStringLiteral("2"));
    QCOMPARE(w.record, (QJsonObject{{QStringLiteral("title"), QStringLiteral("Three")}})); // the changed field alone
    QCOMPARE(w.unmodifiedSince, before);
    QCOMPARE(f.remote().record(QStringLiteral("topics"), 2).value(QStringLiteral("title")).toString(), QStringLiteral("Three"));
    QVERIFY(outbox(f).isEmpty());
    // The row took the source's new change time; the edit capture is gone: the row is the source's.
    QCOMPARE(f.value(QStringLiteral("topics"), 2, QStringLiteral("title")).toString(), QStringLiteral("Three"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_edits")).toInt(), 0);

    // Read back by the next poll: the source's own record, not a change to apply, no conflict.
    const RunResult again = f.sync();
    QCOMPARE(outcome(again), QStringLiteral("ok"));
    QCOMPARE(again.counts.value(QStringLiteral("topics")).updated, 0);
    QCOMPARE(again.counts.value(QStringLiteral("topics")).conflicts, 0);
    QVERIFY(f.remote().writes().isEmpty());
    QCOMPARE(f.changes(QStringLiteral("push-update")).size(), 1);
    QVERIFY(f.verify());
}

void tst_WriteBack::localRowsAreCreatedInDependencyOrderAndLinked()
{
    EngineFixture f;
    QVERIFY(twoWay(f));
    const qint64 topicsBefore = f.count(QStringLiteral("topics"));
    // The application's own statements: a user, a topic by that user, a message in it.
    const QVariant user = f.localInsert(QStringLiteral("users"), {{QStringLiteral("name"), QStringLiteral("Local Lou")},
                                                                 {QStringLiteral("email"), QStringLiteral("lou@local.example")},
                                                                 {QStringLiteral("password"), QStringLiteral("x")}});
    QVERIFY(user.isValid());
    const QVariant topic = f.localInsert(QStringLiteral("topics"), {{QStringLiteral("title"), QStringLiteral("Made here")},
                                                                   {QStringLiteral("section_id"), f.localId(QStringLiteral("sections"), 1)},
                                                                   {QStringLiteral("user_id"), user}});
    const QVariant message = f.localInsert(QStringLiteral("messages"), {{QStringLiteral("content"), QStringLiteral("Hello")},
                                                                       {QStringLiteral("topic_id"), topic},
                                                                       {QStringLiteral("user_id"), user}});
    QVERIFY(topic.isValid() && message.isValid());

    const RunResult run = f.sync();
    QCOMPARE(outcome(run), QStringLiteral("ok"));
    const QList<WriteRequest> writes = f.remote().writes();
    QCOMPARE(writes.size(), 3);
    QCOMPARE(writes.at(0).entity, QStringLiteral("users"));
    QCOMPARE(writes.at(1).entity, QStringLiteral("topics"));
    QCOMPARE(writes.at(2).entity, QStringLiteral("messages"));
    for (const WriteRequest &w : writes) {
        QCOMPARE(int(w.op), int(WriteRequest::Op::Create));
        QVERIFY(!w.idempotencyKey.isEmpty());
        QVERIFY2(!w.record.contains(QStringLiteral("created_at")) && !w.record.contains(QStringLiteral("updated_at")),
                 "the columns marked \"write\": false are the source's");
    }
    // References are the source's ids of the rows just created there.
    const QString userId = f.remote().records(QStringLiteral("users")).last().value(QStringLiteral("id")).toVariant().toString();
    const QJsonObject created = f.remote().records(QStringLiteral("topics")).last();
    QCOMPARE(created.value(QStringLiteral("title")).toString(), QStringLiteral("Made here"));
    QCOMPARE(created.value(QStringLiteral("user_id")).toVariant().toString(), userId);
    QCOMPARE(created.value(QStringLiteral("section_id")).toInt(), 1);
    QCOMPARE(f.localId(QStringLiteral("topics"), created.value(QStringLiteral("id")).toInt()), topic.toString());
    QCOMPARE(f.localId(QStringLiteral("users"), userId), user.toString());
    QVERIFY(outbox(f).isEmpty());

    // The next poll reads the three records: linked already, nothing inserted twice, no echo.
    const RunResult again = f.sync();
    QCOMPARE(outcome(again), QStringLiteral("ok"));
    QCOMPARE(f.count(QStringLiteral("topics")), topicsBefore + 1);
    QCOMPARE(again.counts.value(QStringLiteral("topics")).inserted, 0);
    QCOMPARE(again.counts.value(QStringLiteral("messages")).inserted, 0);
    QVERIFY(f.remote().writes().isEmpty());
    QVERIFY(f.verify());
}

void tst_WriteBack::aLostCreateAnswerCreatesNothingTwice()
{
    EngineFixture f;
    QVERIFY(twoWay(f));
    // Topics have no match keys: only the link says that the record is this row.
    const int before = int(f.remote().records(QStringLiteral("topics")).size());
    const QVariant topic = f.localInsert(QStringLiteral("topics"), {{QStringLiteral("title"), QStringLiteral("Local topic")},
                                                                   {QStringLiteral("section_id"), f.localId(QStringLiteral("sections"), 1)},
                                                                   {QStringLiteral("user_id"), f.localId(QStringLiteral("users"), 1)}});
    // The source creates it, the answer is lost on the way back: the run reads nothing, or the
    // poll would import the new record beside the row it came from.
    f.remote().failWrite(1, Error::Code::Network);
    const RunResult lost = f.sync();
    QCOMPARE(outcome(lost), QStringLiteral("failed"));
    QVERIFY2(lost.error.message.contains(QStringLiteral("did not answer")), qPrintable(lost.error.message));
    QCOMPARE(f.remote().records(QStringLiteral("topics")).size(), before + 1);
    const QList<OutboxOperation> ops = outbox(f);
    QCOMPARE(ops.size(), 1);
    QVERIFY(!ops.first().idempotencyKey.isEmpty());
    const QString key = ops.first().idempotencyKey;
    const QString externalId = f.remote().records(QStringLiteral("topics")).last().value(QStringLiteral("id")).toVariant().toString();
    QVERIFY(f.localId(QStringLiteral("topics"), externalId).isEmpty());

    // The next run sends it again at once (whatever its backoff), with the same key: the source
    // answers the first create, the row is linked, then the walk reads the record as known.
    const RunResult again = f.sync();
    QCOMPARE(outcome(again), QStringLiteral("ok"));
    QCOMPARE(f.remote().writes().size(), 1);
    QCOMPARE(f.remote().writes().first().idempotencyKey, key);
    QCOMPARE(f.remote().records(QStringLiteral("topics")).size(), before + 1);
    QCOMPARE(f.localId(QStringLiteral("topics"), externalId), topic.toString());
    QCOMPARE(again.counts.value(QStringLiteral("topics")).inserted, 0);
    QVERIFY(outbox(f).isEmpty());
    QVERIFY(f.verify());
}

void tst_WriteBack::localDeletesAreDeletedAtTheSource()
{
    EngineFixture f;
    QVERIFY(twoWay(f));
    // A message nobody answered: deleting it leaves no reply dangling at the source.
    const qint64 leaf = leafMessage(f.remote());
    QVERIFY(leaf > 0);
    QVERIFY(f.localDelete(QStringLiteral("messages"), f.localId(QStringLiteral("messages"), leaf)));
    const RunResult run = f.sync();
    QCOMPARE(outcome(run), QStringLiteral("ok"));
    QCOMPARE(writesOf(f.remote(), WriteRequest::Op::Delete), 1);
    QVERIFY(!f.remote().contains(QStringLiteral("messages"), leaf));
    QVERIFY(f.localId(QStringLiteral("messages"), leaf).isEmpty()); // the link is forgotten
    QVERIFY(outbox(f).isEmpty());
    QCOMPARE(f.changes(QStringLiteral("push-delete")).size(), 1);
    QCOMPARE(outcome(f.reconcile()), QStringLiteral("ok"));
    QVERIFY(f.openConflicts().isEmpty());
}

void tst_WriteBack::remoteChangesAreMergedBeforeThePush()
{
    EngineFixture f;
    QVERIFY(twoWay(f));
    // Here the name, there the e-mail: both kept, the name sent alone.
    QVERIFY(f.localUpdate(QStringLiteral("users"), f.localId(QStringLiteral("users"), 2), QStringLiteral("name"), QStringLiteral("Local name")));
    f.remote().edit(QStringLiteral("users"), 2, {{QStringLiteral("email"), QStringLiteral("moved@example.org")}});
    QCOMPARE(outcome(f.sync()), QStringLiteral("ok"));
    QCOMPARE(f.remote().writes().size(), 1);
    QCOMPARE(f.remote().writes().first().record, (QJsonObject{{QStringLiteral("name"), QStringLiteral("Local name")}}));
    QCOMPARE(f.remote().record(QStringLiteral("users"), 2).value(QStringLiteral("name")).toString(), QStringLiteral("Local name"));
    QCOMPARE(f.value(QStringLiteral("users"), 2, QStringLiteral("email")).toString(), QStringLiteral("moved@example.org"));
    QVERIFY(f.openConflicts().isEmpty());
    QVERIFY(outbox(f).isEmpty());
    QVERIFY(f.verify());
}

void tst_WriteBack::aCollisionWaitsAsAConflict()
{
    EngineFixture f;
    QVERIFY(twoWay(f));
    QVERIFY(f.localUpdate(QStringLiteral("topics"), f.localId(QStringLiteral("topics"), 3), QStringLiteral("title"), QStringLiteral("Mine")));
    f.remote().edit(QStringLiteral("topics"), 3, {{QStringLiteral("title"), QStringLiteral("Theirs")}});
    const RunResult run = f.sync();
    QCOMPARE(outcome(run), QStringLiteral("ok"));
    QCOMPARE(run.counts.value(QStringLiteral("topics")).conflicts, 1);
    QVERIFY(f.remote().writes().isEmpty()); // nothing written over the source's change
    QCOMPARE(f.remote().record(QStringLiteral("topics"), 3).value(QStringLiteral("title")).toString(), QStringLiteral("Theirs"));
    QCOMPARE(f.value(QStringLiteral("topics"), 3, QStringLiteral("title")).toString(), QStringLiteral("Mine"));
    const QList<OutboxOperation> ops = outbox(f);
    QCOMPARE(ops.size(), 1);
    QVERIFY2(ops.first().lastError.contains(QStringLiteral("conflict")), qPrintable(ops.first().lastError));
    QCOMPARE(f.openConflicts().size(), 1);
}

void tst_WriteBack::changedSinceReadIsMergedAndWrittenAgain()
{
    EngineFixture f;
    QVERIFY(twoWay(f));
    QVERIFY(f.localUpdate(QStringLiteral("users"), f.localId(QStringLiteral("users"), 1), QStringLiteral("name"), QStringLiteral("Local")));
    // Between the engine's read and its write, the source changes another field.
    f.remote().beforeWrite(1, [&f] { f.remote().edit(QStringLiteral("users"), 1, {{QStringLiteral("email"), QStringLiteral("late@example.org")}}); });
    QCOMPARE(outcome(f.sync()), QStringLiteral("ok"));
    QCOMPARE(f.remote().writes().size(), 2); // refused as changed since, then written over the new version
    QCOMPARE(f.remote().record(QStringLiteral("users"), 1).value(QStringLiteral("name")).toString(), QStringLiteral("Local"));
    QCOMPARE(f.remote().record(QStringLiteral("users"), 1).value(QStringLiteral("email")).toString(), QStringLiteral("late@example.org"));
    QCOMPARE(f.value(QStringLiteral("users"), 1, QStringLiteral("email")).toString(), QStringLiteral("late@example.org"));
    QVERIFY(outbox(f).isEmpty());
    QVERIFY(f.openConflicts().isEmpty());
}

void tst_WriteBack::aRefusalHoldsOneOperationAndTheRestGoOn()
{
    EngineFixture f;
    QVERIFY(twoWay(f));
    f.remote().refuseWrites(QStringLiteral("topics"), QStringLiteral("title"), QStringLiteral("Forbidden"),
                            QStringLiteral("The title is not allowed."));
    QVERIFY(f.localUpdate(QStringLiteral("topics"), f.localId(QStringLiteral("topics"), 1), QStringLiteral("title"), QStringLiteral("Forbidden")));
    QVERIFY(f.localUpdate(QStringLiteral("topics"), f.localId(QStringLiteral("topics"), 2), QStringLiteral("title"), QStringLiteral("Fine")));
    const RunResult run = f.sync();
    QCOMPARE(outcome(run), QStringLiteral("partial")); // a change held for attention, as a quarantined record
    QCOMPARE(run.counts.value(QStringLiteral("topics")).pushed, 1);
    QCOMPARE(run.counts.value(QStringLiteral("topics")).refused, 1);
    QCOMPARE(f.remote().record(QStringLiteral("topics"), 2).value(QStringLiteral("title")).toString(), QStringLiteral("Fine"));
    const QList<OutboxOperation> refused = outbox(f, QStringLiteral("refused"));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().localId, f.localId(QStringLiteral("topics"), 1));
    QCOMPARE(refused.first().lastError, QStringLiteral("The title is not allowed."));
    // Refused stays refused: the next sync does not send it again until a person (or a new edit) says so.
    QCOMPARE(outcome(f.sync()), QStringLiteral("ok"));
    QVERIFY(f.remote().writes().isEmpty());
    QVERIFY(f.localUpdate(QStringLiteral("topics"), f.localId(QStringLiteral("topics"), 1), QStringLiteral("title"), QStringLiteral("Allowed")));
    QCOMPARE(outcome(f.sync()), QStringLiteral("ok"));
    QCOMPARE(f.remote().record(QStringLiteral("topics"), 1).value(QStringLiteral("title")).toString(), QStringLiteral("Allowed"));
    QVERIFY(outbox(f).isEmpty());
}

void tst_WriteBack::rowsOfAnotherSourceAreNotPushedUnlessReceived()
{
    EngineFixture f;
    QVERIFY(twoWay(f));
    // A section that another source brought (its link is written here as that source's).
    const QVariant section = f.localInsert(QStringLiteral("sections"), {{QStringLiteral("title"), QStringLiteral("From elsewhere")}});
    QVERIFY(f.localExec(QStringLiteral("INSERT INTO tributary_entities (source, entity, table_name, key_column, position, updated_at) "
                                       "VALUES ('other', 'sections', 'sections', 'id', 0, '2026-01-01T00:00:00Z')")));
    QVERIFY(f.localExec(QStringLiteral("INSERT INTO tributary_links (source, entity, external_id, local_id, origin, base_hash, base, "
                                       "created_at, updated_at) VALUES ('other', 'sections', 'x1', '%1', 'inserted', '', '', "
                                       "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')").arg(section.toString())));
    QCOMPARE(outcome(f.sync()), QStringLiteral("ok"));
    QVERIFY(f.remote().writes().isEmpty());
    QVERIFY(outbox(f).isEmpty()); // nothing to push: the row is the other source's

    QVERIFY(f.setEntityOption(QStringLiteral("sections"), QStringLiteral("receive"), QStringLiteral("all")));
    QVERIFY(f.localUpdate(QStringLiteral("sections"), section, QStringLiteral("title"), QStringLiteral("From elsewhere, edited")));
    QCOMPARE(outcome(f.sync()), QStringLiteral("ok"));
    QCOMPARE(writesOf(f.remote(), WriteRequest::Op::Create), 1);
    QCOMPARE(f.remote().records(QStringLiteral("sections")).last().value(QStringLiteral("title")).toString(),
             QStringLiteral("From elsewhere, edited"));
}

void tst_WriteBack::oneWriteAtATimeWhateverTheOperationsAre()
{
    EngineFixture f;
    QVERIFY(twoWay(f));
    // Operations with nothing to send (a row deleted before it reached the source) among ones
    // that write: the writes still go one after the other, in order.
    const QVariant gone = f.localInsert(QStringLiteral("sections"), {{QStringLiteral("title"), QStringLiteral("Here and gone")}});
    QVERIFY(f.localDelete(QStringLiteral("sections"), gone));
    for (int i = 1; i <= 3; ++i)
        QVERIFY(f.localUpdate(QStringLiteral("topics"), f.localId(QStringLiteral("topics"), i), QStringLiteral("title"), QStringLiteral("T%1").arg(i)));
    f.remote().setDelay(5);
    QCOMPARE(outcome(f.sync()), QStringLiteral("ok"));
    QCOMPARE(f.remote().writes().size(), 3);
    QCOMPARE(f.remote().maxWritesInFlight(), 1);
    QVERIFY(outbox(f).isEmpty());
}

void tst_WriteBack::aRowOfTheApplicationsThatARowRefersToGoesFirst()
{
    EngineFixture f;
    f.remote().seedForum(3, 2, 4, 8);
    f.remote().setWritable(true);
    QCOMPARE(outcome(f.sync()), QStringLiteral("ok"));
    // A user of the application's from before write-back was on: no change of it was captured.
    const QVariant user = f.localInsert(QStringLiteral("users"), {{QStringLiteral("name"), QStringLiteral("Old Olga")},
                                                                 {QStringLiteral("email"), QStringLiteral("olga@local.example")},
                                                                 {QStringLiteral("password"), QStringLiteral("x")}});
    QVERIFY(f.setSourceOption(QStringLiteral("direction"), QStringLiteral("both")));
    QCOMPARE(outcome(f.sync()), QStringLiteral("ok"));
    QVERIFY(outbox(f).isEmpty());
    // Her new topic needs her at the source: she is created first, then the topic names her.
    QVERIFY(f.localInsert(QStringLiteral("topics"), {{QStringLiteral("title"), QStringLiteral("By Olga")},
                                                     {QStringLiteral("section_id"), f.localId(QStringLiteral("sections"), 1)},
                                                     {QStringLiteral("user_id"), user}}).isValid());
    QCOMPARE(outcome(f.sync()), QStringLiteral("ok"));
    const QList<WriteRequest> writes = f.remote().writes();
    QCOMPARE(writes.size(), 2);
    QCOMPARE(writes.at(0).entity, QStringLiteral("users"));
    QCOMPARE(writes.at(1).entity, QStringLiteral("topics"));
    const QString olga = f.remote().records(QStringLiteral("users")).last().value(QStringLiteral("id")).toVariant().toString();
    QCOMPARE(f.localId(QStringLiteral("users"), olga), user.toString());
    QCOMPARE(writes.at(1).record.value(QStringLiteral("user_id")).toVariant().toString(), olga);
    QVERIFY(outbox(f).isEmpty());
}

void tst_WriteBack::aDeleteMetByAChangeThereWaitsForThePerson_data()
{
    QTest::addColumn<bool>("restore");
    QTest::newRow("the person lets the delete go to the source") << false;
    QTest::newRow("the person restores the row") << true;
}

void tst_WriteBack::aDeleteMetByAChangeThereWaitsForThePerson()
{
    QFETCH(bool, restore);
    EngineFixture f;
    QVERIFY(twoWay(f));
    const qint64 leaf = leafMessage(f.remote());
    QVERIFY(f.localDelete(QStringLiteral("messages"), f.localId(QStringLiteral("messages"), leaf)));
    f.remote().edit(QStringLiteral("messages"), leaf, {{QStringLiteral("content"), QStringLiteral("Edited there")}});
    // A webhook's fetch sees the change first: an edit-versus-delete conflict, before any push.
    QCOMPARE(outcome(f.fetchByIds({{QStringLiteral("messages"), QString::number(leaf)}})), QStringLiteral("ok"));
    QCOMPARE(f.openConflicts().size(), 1);
    // The push waits for the person, though the poll has the source's version already.
    QCOMPARE(outcome(f.sync()), QStringLiteral("ok"));
    QVERIFY(f.remote().writes().isEmpty());
    QVERIFY(f.remote().contains(QStringLiteral("messages"), leaf));

    Resolution r;
    r.action = restore ? Resolution::Action::Restore : Resolution::Action::Delete;
    Error error;
    QVERIFY2(ConflictResolver(f.db(), f.config()).resolve(f.openConflicts().first(), r, QStringLiteral("ada"), &error), qPrintable(error.toString()));
    QCOMPARE(outcome(f.sync()), QStringLiteral("ok"));
    if (restore) {
        QVERIFY(f.remote().writes().isEmpty()); // the row is back as the source has it: nothing to send
        QCOMPARE(f.value(QStringLiteral("messages"), leaf, QStringLiteral("content")).toString(), QStringLiteral("Edited there"));
    } else {
        QCOMPARE(writesOf(f.remote(), WriteRequest::Op::Delete), 1);
        QVERIFY(!f.remote().contains(QStringLiteral("messages"), leaf));
    }
    QVERIFY(outbox(f).isEmpty());
    QVERIFY(f.openConflicts().isEmpty());
}

void tst_WriteBack::turningWriteBackOffRemovesTheCapture()
{
    EngineFixture f;
    QVERIFY(twoWay(f));
    QVERIFY(f.localUpdate(QStringLiteral("topics"), f.localId(QStringLiteral("topics"), 1), QStringLiteral("title"), QStringLiteral("Queued")));
    QCOMPARE(outbox(f).size(), 1);
    const QString triggers = f.db().isSqlite()
        ? QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tributary_out_%'")
        : QStringLiteral("SELECT COUNT(*) FROM pg_trigger WHERE tgname LIKE 'tributary_out_%'");
    QVERIFY(f.scalar(triggers).toInt() > 0);
    QVERIFY(f.setSourceOption(QStringLiteral("direction"), QStringLiteral("in")));
    QCOMPARE(outcome(f.sync()), QStringLiteral("ok"));
    QVERIFY(f.remote().writes().isEmpty());
    QCOMPARE(f.scalar(triggers).toInt(), 0);
    QVERIFY(outbox(f).isEmpty());
    QVERIFY(f.localUpdate(QStringLiteral("topics"), f.localId(QStringLiteral("topics"), 2), QStringLiteral("title"), QStringLiteral("Not queued")));
    QVERIFY(outbox(f).isEmpty());
}

void tst_WriteBack::aTableNoEntityWritesLosesItsCapture()
{
    EngineFixture f;
    QVERIFY(twoWay(f));
    const QString triggers = f.db().isSqlite()
        ? QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tributary_out_%' AND tbl_name = 'messages'")
        : QStringLiteral("SELECT COUNT(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE 'tributary_out_%' "
                         "AND c.relname = 'messages'");
    QVERIFY(f.scalar(triggers).toInt() > 0);
    // The messages are no longer synced at all: nothing iterates over their table any more.
    QVERIFY(f.setEntityOption(QStringLiteral("messages"), QStringLiteral("enabled"), false));
    QCOMPARE(outcome(f.sync()), QStringLiteral("ok"));
    QCOMPARE(f.scalar(triggers).toInt(), 0);
}

QTEST_GUILESS_MAIN(tst_WriteBack)
#include "tst_writeback.moc"
