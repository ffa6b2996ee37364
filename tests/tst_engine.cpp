// The engine's rules as scenarios, without HTTP: a FakeSource in-process, a real SQLite main
// database with the Good Forum's schema, the forum preset loaded as tributaryd loads it
// (EngineFixture). Each test seeds the source, changes things on either side, runs, and checks the
// outcome that matters. The real-HTTP end-to-end paths stay in tst_sync, tst_conflicts,
// tst_reconcile, tst_faults and friends.

#include "util/Values.h"
#include "EngineFixture.h"

#include "engine/apply/PageMapping.h"
#include "engine/apply/RecordMapper.h"
#include "engine/run/WalkGuard.h"
#include "state/CursorStore.h"
#include "store/Database.h"

#include <QRegularExpression>
#include <QTest>

#include <type_traits>

using namespace Tributary;
using namespace Tributary::Test;

// What a run does comes only from RunRequest's named constructors (incremental, full, reconcile,
// webhook, quarantineRetry): no set of flags that could contradict itself, and no kind without
// the data it needs.
static_assert(!std::is_constructible_v<RunRequest, RunKind>);
static_assert(!std::is_constructible_v<RunRequest, RunKind, QStringList>);

namespace {
QString updatedAt(FakeSource &source, const QString &entity, qint64 id)
{
    return source.record(entity, id).value("updated_at").toString();
}
} // namespace

Q_DECLARE_METATYPE(Tributary::Error::Code)

class tst_Engine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstSyncInsertsEverythingAndASecondWritesNothing_data();
    void firstSyncInsertsEverythingAndASecondWritesNothing();
    void incrementalFetchesOnlyWhatChanged();
    void moreRecordsShareATimestampThanFitInAPage_data();
    void moreRecordsShareATimestampThanFitInAPage();
    void aChildBeforeItsParentWaitsThenAppliesInTheSameRun();
    void aPageIsMappedAheadOnAnotherThreadExactlyAsInPlace();
    void aReferenceMissingAtTheSourceIsQuarantinedNamingIt();
    void aRecordTheDatabaseRefusesIsQuarantinedAndTheRestApplies();
    void parentCyclesAndSelfReferencesAreQuarantined();
    void startingFromNowImportsNoHistory();
    void startingFromADateImportsWhatChangedSince();
    void startingFromNowHoldsForReconcileAndFullWalks();
    void startingFromADateHoldsForFullWalks();
    void consolidationMatchesTrimmedAndCaseInsensitive_data();
    void consolidationMatchesTrimmedAndCaseInsensitive();
    void threeWayMerge_data();
    void threeWayMerge();
    void aKeptLocalValueStaysQuietUntilTheSourceChangesItAgain();
    void aLocalDeleteMeetingARemoteEditIsAConflict();
    void reconciliationDeletesOnlyBelowTheShare_data();
    void reconciliationDeletesOnlyBelowTheShare();
    void aDeletedRecordIsSoftDeletedAndRestoredWhenBack();
    void aRecordBackUnchangedIsRestoredByTheNextReconciliation();
    void hardAndIgnoreDeleteModes();
    void aLocallyEditedRowIsNeverSilentlyDeleted();
    void reconciliationCatchesWhatPollingMissed();
    void aRecordMissingFromAListingIsAskedForBeforeItIsDeleted();
    void aPageFailureStopsAtTheLastAppliedPage_data();
    void aPageFailureStopsAtTheLastAppliedPage();
    void fetchByIdAppliesAChangeAndA404Deletes();
    void hintsAnswered404DeleteOnlyWithinTheShare();
    void quarantineRetryReleasesAFixedRecord();
    void aFailedReferenceFetchFailsTheRunAndTheNextRetries_data();
    void aFailedReferenceFetchFailsTheRunAndTheNextRetries();
    void pageNumbersThatShiftDuringTheWalkLoseNothing_data();
    void pageNumbersThatShiftDuringTheWalkLoseNothing();
    void aWalkStoppedInsideAMovingGroupLosesNothing();
    void aFieldNoRecordCarriesFailsTheRunUnlessOptional_data();
    void aFieldNoRecordCarriesFailsTheRunUnlessOptional();
    void idsAboveTwoToTheFiftyThreeStayApart();
    void anElementThatIsNotAnObjectIsQuarantinedAndTheRestApplies();
    void aStoppedRunEndsInterruptedAndTheNextResumes_data();
    void aStoppedRunEndsInterruptedAndTheNextResumes();
    void aRunPastMaxRunSecondsFailsAtACommittedPageAndTheNextGoesOn();

    // The walk invariants and the cursor rules (#12: a run never ends ok with data missing).
    void aWalkShortOfTheSourcesCountFailsAndDeletesNothing_data();
    void aWalkShortOfTheSourcesCountFailsAndDeletesNothing();
    void aRecordDatedFarAheadIsAppliedButDoesNotMoveTheCursor();
    void anUnparseableCursorValueIsQuarantinedAndNeverBecomesTheCursor();
    void aPoisonedStoredCursorFailsNamingTheRepairAndAFullSyncRepairsIt_data();
    void aPoisonedStoredCursorFailsNamingTheRepairAndAFullSyncRepairsIt();
};

void tst_Engine::firstSyncInsertsEverythingAndASecondWritesNothing_data()
{
    QTest::addColumn<int>("pageNumbers"); // 0: keyset cursors; n: page numbers, n requests in flight
    QTest::addColumn<bool>("incremental");
    QTest::addColumn<bool>("tieBreak");
    QTest::addColumn<int>("delayMs");
    QTest::newRow("keyset cursor") << 0 << true << true << 0;
    QTest::newRow("answers 5 ms late") << 0 << true << true << 5;
    QTest::newRow("no id tie-breaker") << 0 << true << false << 0;
    QTest::newRow("page numbers (keyset emulation)") << 1 << true << true << 0;
    QTest::newRow("full walks only, page numbers, 3 in flight") << 3 << false << false << 0;
}

void tst_Engine::firstSyncInsertsEverythingAndASecondWritesNothing()
{
    QFETCH(int, pageNumbers);
    QFETCH(bool, incremental);
    QFETCH(bool, tieBreak);
    QFETCH(int, delayMs);
    EngineFixture f;
    f.remote().setPageSize(4);
    if (pageNumbers > 0)
        f.remote().setPageNumbers(pageNumbers);
    f.remote().setIncremental(incremental);
    f.remote().setTieBreakById(tieBreak);
    f.remote().setDelay(delayMs);
    f.remote().seedForum(3, 2, 4, 10);

    const RunResult first = f.sync();
    QCOMPARE(outcome(first), "ok");
    QCOMPARE(first.total().inserted, 3 + 2 + 4 + 10);
    QCOMPARE(f.snapshot(), f.expectedSnapshot());
    const RunResult second = f.sync();
    QCOMPARE(outcome(second), "ok");
    QCOMPARE(second.total().written(), 0);
    QCOMPARE(second.total().fetched, second.total().skipped + second.total().unchanged);
    QCOMPARE(f.changes({}, second.runId).size(), 0);
}

void tst_Engine::incrementalFetchesOnlyWhatChanged()
{
    EngineFixture f;
    f.remote().seedForum(3, 2, 4, 10);
    QCOMPARE(outcome(f.sync()), "ok");
    const Position before = f.cursor("messages");
    f.remote().edit("messages", 3, {{"content", "Edited at the forum"}});
    f.remote().message(11, 2, 1, "A new reply", 2);

    const RunResult r = f.sync();
    QCOMPARE(outcome(r), "ok");
    QCOMPARE(f.remote().sinceAsked("messages"), QStringList{before.value}); // one request, from the cursor
    const EntityCounts m = r.counts.value("messages");
    QCOMPARE(m.fetched, 3); // the boundary record, the edit, the new one
    QCOMPARE(m.skipped, 1);
    QCOMPARE(m.updated, 1);
    QCOMPARE(m.inserted, 1);
    QCOMPARE(r.counts.value("topics").fetched, r.counts.value("topics").skipped);
    QCOMPARE(f.value("messages", 3, "content").toString(), "Edited at the forum");
    QCOMPARE(f.ref("messages", 11, "parent_id"), "2");
    QCOMPARE(f.cursor("messages").lastId, "11");
    QCOMPARE(f.snapshot(), f.expectedSnapshot());
}

void tst_Engine::moreRecordsShareATimestampThanFitInAPage_data()
{
    QTest::addColumn<bool>("pageNumbers");
    QTest::newRow("keyset cursor") << false;
    QTest::newRow("page numbers") << true;
}

void tst_Engine::moreRecordsShareATimestampThanFitInAPage()
{
    QFETCH(bool, pageNumbers);
    EngineFixture f;
    if (pageNumbers)
        f.remote().setPageNumbers();
    f.remote().setPageSize(3);
    f.remote().setClockStep(0); // an import: every record has the same updated_at
    f.remote().seedForum(2, 1, 2, 10);

    const RunResult first = f.sync();
    QCOMPARE(outcome(first), "ok");
    QCOMPARE(first.counts.value("messages").inserted, 10); // none lost ...
    QCOMPARE(f.links("messages"), 10);                     // ... none twice
    QCOMPARE(f.snapshot(), f.expectedSnapshot());
    QCOMPARE(f.cursor("messages").lastId, "10");
    // The next run asks from that timestamp again and writes nothing. Over keyset cursors it skips
    // exactly what it applied; the emulated walk skips the group's first page and finds the rest
    // unchanged by their hashes.
    const RunResult again = f.sync();
    QCOMPARE(again.total().written(), 0);
    const EntityCounts m = again.counts.value("messages");
    QCOMPARE(m.fetched, m.skipped + m.unchanged);
    if (!pageNumbers)
        QCOMPARE(m.skipped, 10);
}

void tst_Engine::aChildBeforeItsParentWaitsThenAppliesInTheSameRun()
{
    EngineFixture f;
    f.remote().setPageSize(1);
    f.remote().seedForum(1, 1, 1, 0);
    f.remote().message(1, 1, 1, "root");
    f.remote().message(2, 1, 1, "reply", 1);
    f.remote().message(3, 1, 1, "reply to the reply", 2);
    f.remote().edit("messages", 2, {{"content", "reply, edited"}});
    f.remote().edit("messages", 1, {{"content", "root, edited"}}); // walk order: 3, 2, 1
    QList<EngineFixture::Held> waiting;
    f.remote().beforePage("messages", 3, [&] { waiting = f.pending(); });

    QCOMPARE(outcome(f.sync()), "ok");
    QCOMPARE(waiting.size(), 2); // 3 and 2 waited for their parents ...
    QVERIFY(f.pending().isEmpty()); // ... and were applied once the root arrived
    QCOMPARE(f.ref("messages", 3, "parent_id"), "2");
    QCOMPARE(f.ref("messages", 2, "parent_id"), "1");
    // Written parents first: a child waited instead of dangling (the main database hands out
    // increasing keys, so the order of the local ids is the order of the inserts).
    auto inserted = [&](int id) { return f.localId("messages", id).toLongLong(); };
    QVERIFY(inserted(1) > 0);
    QVERIFY(inserted(1) < inserted(2) && inserted(2) < inserted(3));
    QCOMPARE(f.snapshot(), f.expectedSnapshot());
    QVERIFY(f.verify());
}

void tst_Engine::aPageIsMappedAheadOnAnotherThreadExactlyAsInPlace()
{
    EngineFixture f;
    const EntityConfig &topics = *f.sourceConfig().entity(QStringLiteral("topics"));
    const RecordMapper mapper(topics, f.config().database, QStringLiteral("updated_at"));
    QJsonArray page;
    for (int i = 1; i <= 500; ++i) {
        page.append(f.remote().topic(i, 1 + i % 3, 1 + i % 7, QStringLiteral("Topic %1").arg(i)));
        if (i % 100 == 0)
            page.append(QJsonValue(i)); // not an object: quarantined by the applier, skipped here
    }
    for (const PageMapping::Split split : {PageMapping::Split::Ahead, PageMapping::Split::Halves}) {
        PageMapping all(mapper, page, split);
        if (split == PageMapping::Split::Halves)
            all.mapOwnShare(); // the second half, on this thread, while the other maps the first
        for (qsizetype i = 0; i < page.size(); ++i) {
            const MappedRecord ahead = all.take(i);
            if (!page.at(i).isObject()) {
                QVERIFY(ahead.externalId.isEmpty());
                continue;
            }
            const MappedRecord here = mapper.map(page.at(i).toObject());
            QVERIFY(ahead.isValid());
            QCOMPARE(ahead.externalId, here.externalId);
            QCOMPARE(ahead.values, here.values);
            QCOMPARE(ahead.refs, here.refs);
            QCOMPARE(ahead.hash, here.hash);
        }
    }
    // A page that ends early (an error, a rollback) takes a few records, skips some, and stops
    // the mapping thread, waiting for it: no record is mapped for a page that is gone.
    for (int round = 0; round < 20; ++round) {
        PageMapping some(mapper, page);
        QCOMPARE(some.take(3).externalId, QStringLiteral("4"));
        if (round % 2)
            QCOMPARE(some.take(250).hash, mapper.map(page.at(250).toObject()).hash);
        PageMapping half(mapper, page, PageMapping::Split::Halves); // its own share never mapped: take() maps it
        QCOMPARE(half.take(page.size() - 2).externalId, QStringLiteral("500")); // the last is not an object
    }
    PageMapping empty(mapper, QJsonArray()); // nothing to take, no thread
}

void tst_Engine::aReferenceMissingAtTheSourceIsQuarantinedNamingIt()
{
    EngineFixture f;
    f.remote().seedForum(2, 1, 2, 2);
    f.remote().message(3, 1, 1, "my parent never existed", 99);
    f.remote().message(4, 1, 1, "and so my grandparent", 3);

    // Only messages are walked: the topics and users they name are fetched by id at the end.
    const RunResult r = f.syncEntities({"messages"});
    QCOMPARE(outcome(r), "partial");
    QCOMPARE(r.counts.value("topics").inserted, 2);
    QCOMPARE(r.counts.value("messages").quarantined, 2);
    QCOMPARE(r.counts.value("messages").pending, 0);
    QCOMPARE(f.quarantineReason("messages", 3), "parent_id references messages 99, which does not exist at the source (404)");
    QCOMPARE(f.quarantine().first().field, "parent_id");
    QCOMPARE(f.quarantineReason("messages", 4), "parent_id references messages 3, which is quarantined");
    QCOMPARE(f.links("messages"), 2);
    // A run of every entity does the rest; verify holds the quarantined records apart, not missing.
    QCOMPARE(outcome(f.sync()), "ok");
    QList<Verifier::EntityReport> reports;
    QVERIFY(f.verify(&reports));
    QCOMPARE(reports.last().invalid, 2);
}

void tst_Engine::aRecordTheDatabaseRefusesIsQuarantinedAndTheRestApplies()
{
    EngineFixture f;
    // On PostgreSQL the refused statement also aborts the transaction it ran in: the page goes
    // on only if the engine wrapped the record in a savepoint.
    if (MainDatabase::onPostgres()) {
        QVERIFY(f.localExec("CREATE FUNCTION no_shouting() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                            "IF NEW.title LIKE '%!!!%' THEN RAISE EXCEPTION 'topics may not shout'; END IF; RETURN NEW; END $$"));
        QVERIFY(f.localExec("CREATE TRIGGER no_shouting BEFORE INSERT ON topics FOR EACH ROW EXECUTE FUNCTION no_shouting()"));
    } else {
        QVERIFY(f.localExec("CREATE TRIGGER no_shouting BEFORE INSERT ON topics WHEN NEW.title GLOB '*!!!*' "
                            "BEGIN SELECT RAISE(ABORT, 'topics may not shout'); END"));
    }
    f.remote().seedForum(1, 1, 4, 4);
    f.remote().topic(5, 1, 1, "BUY NOW!!!");
    f.remote().message(5, 5, 1, "in a loud topic");

    const RunResult r = f.sync();
    QCOMPARE(outcome(r), "partial");
    QCOMPARE(r.counts.value("topics").inserted, 4);
    QCOMPARE(r.counts.value("topics").quarantined, 1); // not fetched again for the message that waits for it
    QVERIFY(f.quarantineReason("topics", 5).contains("topics may not shout"));
    QCOMPARE(f.quarantineReason("messages", 5), "topic_id references topics 5, which is quarantined");
    QCOMPARE(f.links("messages"), 4);
    // Once the source fixes the record, the next run applies it and what waited for it.
    f.remote().edit("topics", 5, {{"title", "Buy now"}});
    f.remote().edit("messages", 5, {{"content", "calmer now"}});
    QCOMPARE(outcome(f.sync()), "ok");
    QVERIFY(f.quarantine().isEmpty());
    QCOMPARE(f.snapshot(), f.expectedSnapshot());
}

void tst_Engine::parentCyclesAndSelfReferencesAreQuarantined()
{
    EngineFixture f;
    f.remote().seedForum(1, 1, 1, 0);
    f.remote().message(1, 1, 1, "my parent is my child", 2);
    f.remote().message(2, 1, 1, "my child is my parent", 1);
    f.remote().message(3, 1, 1, "my own parent", 3);
    f.remote().message(4, 1, 1, "an ordinary message");

    QCOMPARE(outcome(f.sync()), "partial");
    QVERIFY(f.pending().isEmpty());
    QCOMPARE(f.quarantineReason("messages", 1), "parent_id references messages 2, which waits for this record in turn (a cycle of references)");
    QCOMPARE(f.quarantineReason("messages", 2), "parent_id references messages 1, which waits for this record in turn (a cycle of references)");
    QCOMPARE(f.quarantineReason("messages", 3), "references itself");
    QCOMPARE(f.links("messages"), 1);
}

void tst_Engine::startingFromNowImportsNoHistory()
{
    EngineFixture f;
    QVERIFY(f.setSourceOption("start", QJsonObject{{"from", "now"}}));
    f.remote().seedForum(2, 1, 2, 4);
    const RunResult first = f.sync();
    QCOMPARE(outcome(first), "ok");
    QCOMPARE(first.total().written(), 0);
    QCOMPARE(f.links(), 0);
    QCOMPARE(f.cursor("messages").value, FakeSource::format(f.remote().now())); // the source's clock, not ours
    // What changes afterwards arrives, with what it references fetched by id.
    f.remote().edit("messages", 2, {{"content", "changed after the start"}});
    QCOMPARE(outcome(f.sync()), "ok");
    QCOMPARE(f.links("messages"), 1);
    QCOMPARE(f.value("messages", 2, "content").toString(), "changed after the start");
    QCOMPARE(f.ref("messages", 2, "topic_id"), "2");
}

void tst_Engine::startingFromADateImportsWhatChangedSince()
{
    EngineFixture f;
    f.remote().seedForum(1, 1, 10, 10); // messages 1..10 stamped 09:00:12 to 09:00:21, one a second
    QVERIFY(f.setSourceOption("start", QJsonObject{{"from", "date"}, {"date", "2026-03-01T09:00:17Z"}}));
    QCOMPARE(outcome(f.sync()), "ok");
    QCOMPARE(f.remote().sinceAsked("messages"), QStringList{"2026-03-01T09:00:17.000000Z"});
    QCOMPARE(f.links("messages"), 5);
    QVERIFY(f.localId("messages", 5).isEmpty() && !f.localId("messages", 6).isEmpty());
    QCOMPARE(f.links("topics"), 5); // older, but referenced: fetched by id
}

// A reconciliation (serve runs one after its first syncs) and a full re-read list the whole
// source: they must not import the history that "start" left out, yet must still catch what
// the polling missed after the start.
void tst_Engine::startingFromNowHoldsForReconcileAndFullWalks()
{
    EngineFixture f;
    QVERIFY(f.setSourceOption("start", QJsonObject{{"from", "now"}}));
    QVERIFY(f.setSourceOption("overlap_seconds", 0));
    f.remote().seedForum(2, 1, 2, 4);
    QCOMPARE(outcome(f.sync()), "ok");
    const QDateTime started = f.remote().now();
    QDateTime mark;
    QVERIFY(parseTimestamp(QJsonValue(f.cursor("messages", "start").value), &mark));
    QCOMPARE(mark, started); // the source's clock, read by the first run
    f.remote().advance(10000);
    f.remote().edit("messages", 2, {{"content", "changed after the start"}});
    QCOMPARE(outcome(f.sync()), "ok");
    // Written after the start but stamped behind the cursor (a late writer): polling misses it.
    QJsonObject late = f.remote().record("messages", 3);
    late.insert("content", "written late");
    late.insert("updated_at", FakeSource::format(started.addMSecs(1)));
    f.remote().put("messages", late);
    QCOMPARE(outcome(f.sync()), "ok");
    QVERIFY(f.localId("messages", 3).isEmpty());

    const RunResult reconcile = f.reconcile();
    QCOMPARE(outcome(reconcile), "ok");
    QCOMPARE(f.value("messages", 3, "content").toString(), "written late");
    // Message 1 is history, imported only as the parent message 3 replies to; message 4 is history.
    QCOMPARE(f.links("messages"), 3);
    QVERIFY(!f.localId("messages", 1).isEmpty() && f.localId("messages", 4).isEmpty());
    QCOMPARE(f.links("topics"), 2);
    QCOMPARE(reconcile.counts.value("messages").skipped, 2); // 1 and 4 as listed; 1 then came in as a parent

    const RunResult full = f.syncFull();
    QCOMPARE(outcome(full), "ok");
    QCOMPARE(f.links("messages"), 3);
    QVERIFY(f.localId("messages", 4).isEmpty());
    QCOMPARE(full.counts.value("messages").skipped, 1);
}

void tst_Engine::startingFromADateHoldsForFullWalks()
{
    EngineFixture f;
    f.remote().seedForum(1, 1, 10, 10); // messages 1..10 stamped 09:00:12 to 09:00:21, one a second
    QVERIFY(f.setSourceOption("start", QJsonObject{{"from", "date"}, {"date", "2026-03-01T09:00:17Z"}}));
    QCOMPARE(outcome(f.syncFull()), "ok");
    QCOMPARE(f.links("messages"), 5);
    QVERIFY(f.localId("messages", 5).isEmpty() && !f.localId("messages", 6).isEmpty());
    QCOMPARE(f.links("topics"), 5); // older, but referenced: fetched by id
    QCOMPARE(outcome(f.reconcile()), "ok");
    QCOMPARE(f.links("messages"), 5);
    QCOMPARE(f.links("topics"), 5);
    // A record before the start that changes now is imported like any change.
    f.remote().edit("messages", 1, {{"content", "changed"}});
    QCOMPARE(outcome(f.sync()), "ok");
    QCOMPARE(f.value("messages", 1, "content").toString(), "changed");
}

void tst_Engine::consolidationMatchesTrimmedAndCaseInsensitive_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("local");  // the main application's own row: its e-mail or title
    QTest::addColumn<QString>("remote"); // the source's
    QTest::addColumn<bool>("adopted");
    QTest::newRow("e-mail, other case") << "users" << "dana.scully@fbi.example" << "Dana.Scully@FBI.EXAMPLE" << true;
    QTest::newRow("e-mail, spaces around") << "users" << "Dana.Scully@fbi.example" << "  dana.scully@fbi.example " << true;
    QTest::newRow("e-mail, another address") << "users" << "dana.scully@fbi.example" << "fox.mulder@fbi.example" << false;
    QTest::newRow("section title, case and spaces") << "sections" << "X-Files" << " x-files  " << true;
}

void tst_Engine::consolidationMatchesTrimmedAndCaseInsensitive()
{
    QFETCH(QString, entity);
    QFETCH(QString, local);
    QFETCH(QString, remote);
    QFETCH(bool, adopted);
    EngineFixture f;
    const bool users = entity == QLatin1String("users");
    const QVariant own = users ? f.localInsert(entity, {{"name", "Dana Scully"}, {"email", local}, {"password", "local-hash"}})
                               : f.localInsert(entity, {{"title", local}});
    if (users)
        f.remote().user(1, "D. Scully", remote);
    else
        f.remote().section(1, remote);

    const RunResult r = f.sync();
    QCOMPARE(outcome(r), "ok");
    QCOMPARE(f.localId(entity, 1) == own.toString(), adopted);
    QCOMPARE(f.count(entity), adopted ? 1 : 2);
    QCOMPARE(r.counts.value(entity).linked, adopted ? 1 : 0);
    // An adopted row keeps the main application's values; an imported user cannot log in.
    if (users) {
        QCOMPARE(f.value(entity, 1, "name").toString(), adopted ? "Dana Scully" : "D. Scully");
        QCOMPARE(f.value(entity, 1, "password").toString(), adopted ? "local-hash" : "!tributary-imported:no-login");
    }
    QVERIFY(f.verify()); // an adopted row's own values are local divergence, kept by design
}

void tst_Engine::threeWayMerge_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QVariantMap>("remoteChange"); // the local side always retitles the topic "Mine"
    QTest::addColumn<QString>("localUpdatedAt");   // the local row's updated_at after its edit; empty: unchanged
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("section");    // external id the topic's section_id ends pointing at
    QTest::addColumn<QString>("resolution"); // of the one conflict recorded: "" none, "open", or the rule
    const QVariantMap moved{{"section_id", 2}};
    const QVariantMap retitled{{"title", "Theirs"}};
    QTest::newRow("different fields merge") << "manual" << moved << "" << "Mine" << "2" << "";
    QTest::newRow("same field, manual") << "manual" << retitled << "" << "Mine" << "1" << "open";
    QTest::newRow("same field, source-wins") << "source-wins" << retitled << "" << "Theirs" << "1" << "policy:source-wins";
    QTest::newRow("same field, local-wins") << "local-wins" << retitled << "" << "Mine" << "1" << "policy:local-wins";
    QTest::newRow("same field, newest-wins, source newer") << "newest-wins" << retitled << "2000-01-01 00:00:00" << "Theirs" << "1"
                                                           << "policy:newest-wins";
    QTest::newRow("same field, newest-wins, local newer") << "newest-wins" << retitled << "2099-01-01 00:00:00" << "Mine" << "1"
                                                          << "policy:newest-wins";
    // Equal clocks: the value already in the row stays (a rule must not flip-flop).
    QTest::newRow("same field, newest-wins, a tie keeps the row's value") << "newest-wins" << retitled << "tie" << "Mine" << "1"
                                                                          << "policy:newest-wins";
}

void tst_Engine::threeWayMerge()
{
    QFETCH(QString, policy);
    QFETCH(QVariantMap, remoteChange);
    QFETCH(QString, localUpdatedAt);
    QFETCH(QString, title);
    QFETCH(QString, section);
    QFETCH(QString, resolution);
    EngineFixture f;
    QVERIFY(f.setEntityOption("topics", "conflict_policy", policy));
    f.remote().seedForum(1, 2, 1, 0);
    QCOMPARE(outcome(f.sync()), "ok");
    const QJsonObject theirs = f.remote().edit("topics", 1, QJsonObject::fromVariantMap(remoteChange));
    QVariantMap local{{"title", "Mine"}};
    if (localUpdatedAt == QLatin1String("tie")) // the local edit carries the very time the source gives its own
        localUpdatedAt = normalizeTimestamp(theirs.value("updated_at"), f.config().database.timestampFormat);
    if (!localUpdatedAt.isEmpty())
        local.insert("updated_at", localUpdatedAt);
    QVERIFY(f.localUpdate("topics", f.localId("topics", 1), local));

    const RunResult r = f.sync();
    QCOMPARE(f.value("topics", 1, "title").toString(), title);
    QCOMPARE(f.ref("topics", 1, "section_id"), section);
    QCOMPARE(r.counts.value("topics").conflicts, resolution == QLatin1String("open") ? 1 : 0);
    const QList<Conflict> conflicts = f.conflicts();
    QCOMPARE(conflicts.size(), resolution.isEmpty() ? 0 : 1);
    if (resolution.isEmpty())
        return;
    QCOMPARE(conflicts.first().fields, QStringList{"title"});
    QCOMPARE(conflicts.first().status == QLatin1String("open") ? "open" : conflicts.first().resolution, resolution);
    QCOMPARE(conflicts.first().base.value("title").toString(), "Topic 1");
    QCOMPARE(conflicts.first().local.value("title").toString(), "Mine");
    QCOMPARE(conflicts.first().remote.value("title").toString(), "Theirs");
}

void tst_Engine::aKeptLocalValueStaysQuietUntilTheSourceChangesItAgain()
{
    EngineFixture f;
    f.remote().seedForum(1, 1, 1, 0);
    QCOMPARE(outcome(f.sync()), "ok");
    QVERIFY(f.localUpdate("topics", f.localId("topics", 1), "title", "Mine"));
    f.remote().edit("topics", 1, {{"title", "Theirs"}});
    QCOMPARE(f.sync().counts.value("topics").conflicts, 1);
    // Reading the same version again (a full walk) raises nothing new and keeps the local value.
    QCOMPARE(f.syncFull().counts.value("topics").conflicts, 0);
    QCOMPARE(f.conflicts().size(), 1);
    // The source changes the field again: the one open conflict now holds the new remote value.
    f.remote().edit("topics", 1, {{"title", "Theirs, again"}});
    QCOMPARE(f.sync().counts.value("topics").conflicts, 1);
    QCOMPARE(f.openConflicts().size(), 1);
    QCOMPARE(f.openConflicts().first().remote.value("title").toString(), "Theirs, again");
    QCOMPARE(f.value("topics", 1, "title").toString(), "Mine");
}

void tst_Engine::aLocalDeleteMeetingARemoteEditIsAConflict()
{
    EngineFixture f;
    f.remote().seedForum(1, 1, 2, 0);
    QCOMPARE(outcome(f.sync()), "ok");
    QVERIFY(f.localDelete("topics", f.localId("topics", 2)));
    f.remote().edit("topics", 2, {{"title", "Edited at the source"}});

    const RunResult r = f.sync();
    QCOMPARE(r.counts.value("topics").conflicts, 1);
    const QList<Conflict> open = f.openConflicts();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().kind, "local-deleted");
    QCOMPARE(open.first().remote.value("title").toString(), "Edited at the source");
    QVERIFY(!f.hasRow("topics", 2)); // never re-created behind the application's back
    QCOMPARE(f.count("topics"), 1);
}

void tst_Engine::reconciliationDeletesOnlyBelowTheShare_data()
{
    QTest::addColumn<int>("gone");        // of 20 messages, deleted at the source
    QTest::addColumn<double>("maxShare"); // max_delete_share; 0: the default (10 %)
    QTest::addColumn<QString>("refusal"); // the start of the run's error; empty: the deletes apply
    QTest::newRow("1 of 20 gone: soft-deleted") << 1 << 0.0 << "";
    QTest::newRow("3 of 20 gone: over 10 %, refused") << 3 << 0.0 << "refusing to delete: 3 of 20 linked messages (15.0%)";
    QTest::newRow("3 of 20 gone, limit raised to 50 %") << 3 << 0.5 << "";
    QTest::newRow("every message gone: an emptied source") << 20 << 0.0 << "refusing to delete: 20 of 20 linked messages (100.0%)";
}

void tst_Engine::reconciliationDeletesOnlyBelowTheShare()
{
    QFETCH(int, gone);
    QFETCH(double, maxShare);
    QFETCH(QString, refusal);
    EngineFixture f;
    if (maxShare > 0)
        QVERIFY(f.setSourceOption("max_delete_share", maxShare));
    f.remote().seedForum(1, 1, 10, 20); // messages 11..20 are replies nobody answers
    QCOMPARE(outcome(f.sync()), "ok");
    for (int id = 20; id > 20 - gone; --id)
        f.remote().remove("messages", id);

    const RunResult r = f.reconcile();
    QCOMPARE(outcome(r), refusal.isEmpty() ? "ok" : "failed");
    QVERIFY2(refusal.isEmpty() ? !r.error : r.error.message.startsWith(refusal), qPrintable(r.error.message));
    const qint64 deleted = refusal.isEmpty() ? gone : 0;
    QCOMPARE(r.counts.value("messages").deleted, deleted);
    QCOMPARE(f.count("messages", "deleted_at IS NOT NULL"), deleted);
    QCOMPARE(f.goneLinks(), deleted);
    if (refusal.isEmpty())
        return;
    // The source recovers (it had only lost them for a while): the refusal does not stick, the
    // next reconciliation scans afresh, finds everything and deletes nothing.
    f.remote().seedForum(1, 1, 10, 20);
    const RunResult again = f.reconcile();
    QCOMPARE(outcome(again), "ok");
    QCOMPARE(again.counts.value("messages").deleted, 0);
    QCOMPARE(f.goneLinks(), 0);
}

void tst_Engine::aDeletedRecordIsSoftDeletedAndRestoredWhenBack()
{
    EngineFixture f;
    f.remote().seedForum(1, 1, 10, 40); // messages 31..40 are replies nobody answers
    QCOMPARE(outcome(f.sync()), "ok");
    for (int id : {38, 39, 40})
        f.remote().remove("messages", id);
    QCOMPARE(f.sync().total().written(), 0); // listings never announce deletes

    const RunResult r = f.reconcile();
    QCOMPARE(outcome(r), "ok");
    QCOMPARE(r.counts.value("messages").fetched, 37);
    QCOMPARE(r.counts.value("messages").deleted, 3);
    QVERIFY(!f.value("messages", 40, "deleted_at").isNull()); // the documented migration added the column
    QCOMPARE(f.changes("soft-delete").size(), 3);
    QVERIFY(f.verify());
    QCOMPARE(f.reconcile().counts.value("messages").deleted, 0); // nothing more to delete
    // One comes back at the source with the same id: the next sync restores the row.
    f.remote().message(40, 10, 1, "back again");
    QCOMPARE(f.sync().counts.value("messages").restored, 1);
    QVERIFY(f.value("messages", 40, "deleted_at").isNull());
    QCOMPARE(f.value("messages", 40, "content").toString(), "back again");
    QVERIFY(f.verify());
}

void tst_Engine::aRecordBackUnchangedIsRestoredByTheNextReconciliation()
{
    // The source brings a record back exactly as it was (same updated_at): no incremental run
    // reads it again; the reconciliation that lists it restores the row.
    EngineFixture f;
    f.remote().seedForum(1, 1, 5, 10);
    QCOMPARE(outcome(f.sync()), "ok");
    const QJsonObject kept = f.remote().record("messages", 10);
    f.remote().remove("messages", 10);
    QCOMPARE(f.reconcile().counts.value("messages").deleted, 1);
    f.remote().put("messages", kept);
    QCOMPARE(f.sync().counts.value("messages").restored, 0); // behind the cursor: not read
    QVERIFY(!f.verify());                                   // verify sees it missing here ...
    const RunResult r = f.reconcile();                      // ... and the reconciliation restores it
    QCOMPARE(outcome(r), "ok");
    QCOMPARE(r.counts.value("messages").restored, 1);
    QVERIFY(f.value("messages", 10, "deleted_at").isNull());
    QVERIFY(f.verify());
}

void tst_Engine::hardAndIgnoreDeleteModes()
{
    EngineFixture f;
    QVERIFY(f.setEntityOption("messages", "delete_mode", "hard"));
    QVERIFY(f.setEntityOption("topics", "delete_mode", "ignore"));
    f.remote().seedForum(1, 1, 20, 20);
    QCOMPARE(outcome(f.sync()), "ok");
    const QString message = f.localId("messages", 20);
    f.remote().remove("messages", 20);
    f.remote().remove("topics", 19);

    const RunResult r = f.reconcile();
    QCOMPARE(r.counts.value("messages").deleted, 1);
    QCOMPARE(r.counts.value("topics").deleted, 1);
    QCOMPARE(f.count("messages", "id = ?", {message}), 0); // hard: the row and its link are gone ...
    QVERIFY(f.localId("messages", 20).isEmpty());
    QVERIFY(!f.db().columns("messages").contains("deleted_at")); // ... and no column was needed
    QVERIFY(f.hasRow("topics", 19)); // ignore: the row stays, only its link is marked
    QVERIFY(!f.db().columns("topics").contains("deleted_at"));
    QVERIFY(!f.link("topics", 19).deletedAt.isEmpty());
}

void tst_Engine::aLocallyEditedRowIsNeverSilentlyDeleted()
{
    EngineFixture f;
    f.remote().seedForum(1, 1, 10, 40);
    QCOMPARE(outcome(f.sync()), "ok");
    QVERIFY(f.localUpdate("messages", f.localId("messages", 39), "content", "edited by a moderator"));
    f.remote().remove("messages", 39);
    f.remote().remove("messages", 40);

    const RunResult r = f.reconcile();
    QCOMPARE(r.counts.value("messages").deleted, 1);
    QCOMPARE(r.counts.value("messages").conflicts, 1);
    QVERIFY(f.value("messages", 39, "deleted_at").isNull());
    QCOMPARE(f.value("messages", 39, "content").toString(), "edited by a moderator");
    QCOMPARE(f.openConflicts().size(), 1);
    QCOMPARE(f.openConflicts().first().kind, "remote-deleted");
    QCOMPARE(f.openConflicts().first().externalId, "39");
    QVERIFY(!f.value("messages", 40, "deleted_at").isNull());
}

void tst_Engine::reconciliationCatchesWhatPollingMissed()
{
    EngineFixture f;
    f.remote().seedForum(1, 1, 2, 4);
    QCOMPARE(outcome(f.sync()), "ok");
    // A late writer at the source: a record stamped long behind every cursor (by its writer's
    // clock; the source's own clock, which pages carry, goes on).
    const QDateTime now = f.remote().now();
    f.remote().setNow(QDateTime(QDate(2026, 1, 2), QTime(0, 0), Qt::UTC));
    f.remote().message(5, 1, 1, "missed by polling");
    f.remote().setNow(now);
    const RunResult polled = f.sync();
    QCOMPARE(outcome(polled), "ok");
    QCOMPARE(polled.counts.value("messages").inserted, 0);

    const RunResult r = f.reconcile();
    QCOMPARE(outcome(r), "ok");
    QCOMPARE(r.counts.value("messages").inserted, 1);
    QCOMPARE(f.snapshot(), f.expectedSnapshot());
}

void tst_Engine::aRecordMissingFromAListingIsAskedForBeforeItIsDeleted()
{
    EngineFixture f;
    f.remote().setPageSize(13);
    f.remote().seedForum(1, 1, 10, 40);
    QCOMPARE(outcome(f.sync()), "ok");
    // A source that cannot count: nothing tells the scan that its listing was short.
    f.remote().settings("messages").caps.reportsTotal = false;
    f.remote().endWalkAfter("messages", 3); // the listing ends one record short: 40 is never listed

    const RunResult r = f.reconcile();
    QCOMPARE(outcome(r), "ok");
    QCOMPARE(r.counts.value("messages").fetched, 39);
    QCOMPARE(f.remote().recordFetches("messages"), 1); // 40, by id: it answers, so it stays
    QCOMPARE(r.counts.value("messages").deleted, 0);
    QVERIFY(f.value("messages", 40, "deleted_at").isNull());
}

void tst_Engine::aPageFailureStopsAtTheLastAppliedPage_data()
{
    QTest::addColumn<Error::Code>("code");
    QTest::newRow("network") << Error::Code::Network;
    QTest::newRow("http") << Error::Code::Http;
    QTest::newRow("auth") << Error::Code::Auth;
    QTest::newRow("parse") << Error::Code::Parse;
}

// A source that stops answering mid-walk (or walks for ever) must not hold a run for ever: the
// run stops at its last committed page, fails naming the limit, and the next one goes on.
void tst_Engine::aRunPastMaxRunSecondsFailsAtACommittedPageAndTheNextGoesOn()
{
    EngineFixture f;
    QVERIFY(f.setSourceOption("max_run_seconds", 1));
    f.remote().setPageSize(3);
    f.remote().seedForum(2, 1, 2, 12);
    f.remote().hangPage("messages", 3);
    const RunResult stopped = f.sync();
    QCOMPARE(outcome(stopped), "failed");
    QVERIFY2(stopped.error.message.contains("max_run_seconds (1 s)"), qPrintable(stopped.error.message));
    QCOMPARE(f.links("messages"), 6); // the two pages before the one that hung
    f.remote().clearFaults();
    QCOMPARE(outcome(f.sync()), "ok");
    QCOMPARE(f.links("messages"), 12);
    QCOMPARE(f.snapshot(), f.expectedSnapshot());
}

void tst_Engine::aPageFailureStopsAtTheLastAppliedPage()
{
    QFETCH(Error::Code, code);
    EngineFixture f;
    f.remote().setPageSize(3);
    f.remote().seedForum(2, 1, 2, 12);
    f.remote().failPage("messages", 3, code);

    const RunResult r = f.sync();
    QCOMPARE(outcome(r), "failed");
    QCOMPARE(Error::codeName(r.error.code), Error::codeName(code));
    QVERIFY2(r.error.message.startsWith("source forum, entity messages: "), qPrintable(r.error.message));
    QCOMPARE(f.links("messages"), 6);
    const Position at = f.cursor("messages");
    QCOMPARE(at.lastId, "6");
    QCOMPARE(at.value, updatedAt(f.remote(), "messages", 6));

    const RunResult next = f.sync();
    QCOMPARE(outcome(next), "ok");
    QCOMPARE(f.remote().sinceAsked("messages").first(), at.value);
    QCOMPARE(next.counts.value("messages").inserted, 6);
    QCOMPARE(f.links("messages"), 12);
    QCOMPARE(f.snapshot(), f.expectedSnapshot());
}

void tst_Engine::fetchByIdAppliesAChangeAndA404Deletes()
{
    EngineFixture f;
    f.remote().seedForum(2, 1, 2, 6);
    QCOMPARE(outcome(f.sync()), "ok");
    f.remote().edit("topics", 2, {{"title", "Renamed at the source"}});
    f.remote().remove("messages", 6);

    const RunResult r = f.fetchByIds({{"topics", "2"}, {"messages", "6"}});
    QCOMPARE(outcome(r), "ok");
    QCOMPARE(r.kind, RunKind::Webhook);
    QCOMPARE(f.remote().recordFetches(), 2);
    QCOMPARE(f.remote().pageRequests("topics") + f.remote().pageRequests("messages"), 0);
    QCOMPARE(f.value("topics", 2, "title").toString(), "Renamed at the source");
    QCOMPARE(r.counts.value("messages").deleted, 1);
    QVERIFY(!f.value("messages", 6, "deleted_at").isNull());
}

void tst_Engine::hintsAnswered404DeleteOnlyWithinTheShare()
{
    // An outage that answers 404 to every record: ten hints would delete ten of twenty messages.
    // Between reconciliations, hints delete at most max_delete_share (10 %: two here); the rest is
    // left to the reconciliation, which confirms against a complete listing.
    EngineFixture f;
    f.remote().seedForum(1, 1, 5, 20); // messages 6..20 are replies nobody answers
    QCOMPARE(outcome(f.sync()), "ok");
    QList<QPair<QString, QString>> hints;
    for (int id = 11; id <= 20; ++id) {
        f.remote().answerNotFound("messages", id);
        hints.append({"messages", QString::number(id)});
    }
    const RunResult outage = f.fetchByIds(hints);
    QCOMPARE(outcome(outage), "ok");
    QCOMPARE(outage.counts.value("messages").deleted, 0);
    QCOMPARE(f.goneLinks(), 0);
    QCOMPARE(outage.missedDeletes.size(), 1); // the service reconciles after such a run
    QVERIFY2(outage.missedDeletes.first().contains("left to the reconciliation"), qPrintable(outage.missedDeletes.first()));

    // The source recovers; two records really are deleted: within the share, the hints delete.
    f.remote().clearFaults();
    f.remote().remove("messages", 20);
    f.remote().remove("messages", 19);
    QCOMPARE(f.fetchByIds({{"messages", "20"}, {"messages", "19"}}).counts.value("messages").deleted, 2);
    // A third one before any reconciliation: over the budget, left to the reconciliation ...
    f.remote().remove("messages", 18);
    QCOMPARE(f.fetchByIds({{"messages", "18"}}).counts.value("messages").deleted, 0);
    // ... which deletes it, and gives the hints their budget again.
    QCOMPARE(f.reconcile().counts.value("messages").deleted, 1);
    f.remote().remove("messages", 17);
    QCOMPARE(f.fetchByIds({{"messages", "17"}}).counts.value("messages").deleted, 1);
}

void tst_Engine::quarantineRetryReleasesAFixedRecord()
{
    EngineFixture f;
    f.remote().seedForum(1, 1, 1, 0);
    f.remote().topic(2, 1, 1, "soon broken");
    f.remote().edit("topics", 2, {{"title", QJsonValue::Null}}); // title is required
    f.remote().message(1, 2, 1, "in the broken topic");
    QCOMPARE(outcome(f.sync()), "partial");
    QCOMPARE(f.quarantine().size(), 2);
    QCOMPARE(f.quarantine().first().field, "topic_id"); // messages sort first
    QCOMPARE(f.quarantine().last().field, "title");

    f.remote().edit("topics", 2, {{"title", "Fixed"}});
    const RunResult r = f.retryQuarantine();
    QCOMPARE(outcome(r), "ok");
    QCOMPARE(r.kind, RunKind::QuarantineRetry);
    QCOMPARE(f.remote().recordFetches(), 2);
    QVERIFY(f.quarantine().isEmpty());
    QCOMPARE(f.value("topics", 2, "title").toString(), "Fixed");
    QCOMPARE(f.ref("messages", 1, "topic_id"), "2");
}

void tst_Engine::aFailedReferenceFetchFailsTheRunAndTheNextRetries_data()
{
    // With users synced, only the topic is fetched by id; without them its user is fetched at the
    // same time, and the failure must still be the run's outcome, not "stopped".
    QTest::addColumn<QStringList>("entities");
    QTest::newRow("one fetch in flight") << QStringList{"users", "messages"};
    QTest::newRow("another fetch in flight") << QStringList{"messages"};
}

void tst_Engine::aFailedReferenceFetchFailsTheRunAndTheNextRetries()
{
    QFETCH(QStringList, entities);
    EngineFixture f;
    f.remote().seedForum(1, 1, 1, 2);
    f.remote().failRecord("topics", 1, Error::Code::Network);

    const RunResult r = f.syncEntities(entities); // the topic is only known by reference
    QCOMPARE(outcome(r), "failed");
    QCOMPARE(Error::codeName(r.error.code), "network");
    QVERIFY2(r.error.message.startsWith("forum/topics 1: "), qPrintable(r.error.message));
    QCOMPARE(f.pending().size(), 2); // waiting, never written with a dangling key
    f.remote().clearFaults();
    QCOMPARE(outcome(f.syncEntities(entities)), "ok");
    QVERIFY(f.pending().isEmpty());
    QCOMPARE(f.snapshot(), f.expectedSnapshot());
}

void tst_Engine::pageNumbersThatShiftDuringTheWalkLoseNothing_data()
{
    QTest::addColumn<bool>("sharedTimestamp"); // the 12 messages share one updated_at: a group of four pages
    QTest::newRow("distinct timestamps") << false;
    QTest::newRow("one timestamp, four pages of it") << true;
}

void tst_Engine::pageNumbersThatShiftDuringTheWalkLoseNothing()
{
    QFETCH(bool, sharedTimestamp);
    EngineFixture f;
    f.remote().setPageNumbers();
    f.remote().setPageSize(3);
    f.remote().setClockStep(sharedTimestamp ? 0 : 1000);
    f.remote().seedForum(1, 1, 4, 12);
    f.remote().setClockStep(1000);
    // While the walk is on its third request, the first three messages are edited: they move to the
    // end of the listing and every later record moves up three places.
    f.remote().beforePage("messages", 3, [&] {
        for (int id : {1, 2, 3})
            f.remote().edit("messages", id, {{"content", QString("edited %1").arg(id)}});
    });

    QCOMPARE(outcome(f.sync()), "ok");
    QCOMPARE(f.links("messages"), 12);
    QCOMPARE(f.snapshot(), f.expectedSnapshot());
}

void tst_Engine::aWalkStoppedInsideAMovingGroupLosesNothing()
{
    // Twelve messages share one timestamp over page numbers of three: the walk follows page
    // numbers inside the group, then reads it again. Three of them move out of the group during
    // the walk, so later ones shift up a page; the walk stops before the re-read. The cursor must
    // still be before the group: the next run reads it whole and finds the shifted ones.
    EngineFixture f;
    f.remote().setPageNumbers();
    f.remote().setPageSize(3);
    f.remote().setClockStep(0);
    f.remote().seedForum(1, 1, 4, 12);
    f.remote().setClockStep(1000);
    f.remote().beforePage("messages", 3, [&] {
        for (int id : {1, 2, 3})
            f.remote().edit("messages", id, {{"content", QString("edited %1").arg(id)}});
    });

    QCOMPARE(outcome(f.syncStoppingAfter(5, "messages")), "interrupted");
    QVERIFY(f.links("messages") < 12);
    QCOMPARE(f.cursor("messages").lastId, ""); // held at the group's value: nothing of it is skipped

    QCOMPARE(outcome(f.sync()), "ok");
    QCOMPARE(f.links("messages"), 12);
    QCOMPARE(f.snapshot(), f.expectedSnapshot());
}

void tst_Engine::aFieldNoRecordCarriesFailsTheRunUnlessOptional_data()
{
    QTest::addColumn<QString>("column");   // "columns.X" or "references.X"
    QTest::addColumn<QJsonValue>("mapping"); // its configuration, naming a field the records lack
    QTest::addColumn<QString>("key");      // what the message must name
    QTest::newRow("a column, camelCase name") << "columns.email_verified_at" << QJsonValue("emailVerifiedAt")
                                              << "sources.forum.entities.users.columns.email_verified_at";
    QTest::newRow("a nullable reference") << "references.parent_id"
                                          << QJsonValue(QJsonObject{{"entity", "messages"}, {"field", "parentId"}, {"nullable", true}})
                                          << "sources.forum.entities.messages.references.parent_id";
}

void tst_Engine::aFieldNoRecordCarriesFailsTheRunUnlessOptional()
{
    QFETCH(QString, column);
    QFETCH(QJsonValue, mapping);
    QFETCH(QString, key);
    const QString entity = column.startsWith("references") ? "messages" : "users";
    const QString group = column.section('.', 0, 0), name = column.section('.', 1);
    auto configureWith = [&](EngineFixture &f, bool optional) {
        return f.configure([&](QJsonObject &source) {
            QJsonArray entities = source.value("entities").toArray();
            for (int i = 0; i < entities.size(); ++i) {
                QJsonObject e = entities.at(i).toObject();
                if (e.value("name").toString() != entity)
                    continue;
                QJsonObject m = mapping.isObject() ? mapping.toObject() : QJsonObject{{"field", mapping}};
                if (optional)
                    m.insert("optional", true);
                QJsonObject columns = e.value(group).toObject();
                columns.insert(name, m);
                e.insert(group, columns);
                entities.replace(i, e);
            }
            source.insert("entities", entities);
        });
    };
    // A wrong name would write NULL into every row: the run fails, naming the key and the field.
    EngineFixture f;
    QVERIFY(configureWith(f, false));
    f.remote().seedForum(3, 1, 1, 3);
    const RunResult r = f.sync();
    QCOMPARE(outcome(r), "failed");
    QCOMPARE(Error::codeName(r.error.code), "config");
    QVERIFY2(r.error.message.contains(key) && r.error.message.contains(mapping.isObject() ? "parentId" : "emailVerifiedAt"),
             qPrintable(r.error.message));
    QCOMPARE(f.links(entity), 0);

    // Declared optional (the source may leave it out), the same records apply.
    EngineFixture g;
    QVERIFY(configureWith(g, true));
    g.remote().seedForum(3, 1, 1, 3);
    QCOMPARE(outcome(g.sync()), "ok");
    QCOMPARE(g.links(entity), 3);
}

void tst_Engine::idsAboveTwoToTheFiftyThreeStayApart()
{
    // Three users whose ids a double cannot tell apart: three rows, three links, each found again.
    EngineFixture f;
    const qint64 base = (qint64(1) << 53) + 1;
    for (qint64 id = base; id < base + 3; ++id)
        f.remote().user(id, QString("User %1").arg(id), QString("user%1@example.org").arg(id));
    QCOMPARE(outcome(f.syncEntities({"users"})), "ok");
    QCOMPARE(f.links("users"), 3);
    for (qint64 id = base; id < base + 3; ++id)
        QCOMPARE(f.value("users", id, "email").toString(), QString("user%1@example.org").arg(id));
    QCOMPARE(f.syncEntities({"users"}).total().written(), 0);
}

void tst_Engine::anElementThatIsNotAnObjectIsQuarantinedAndTheRestApplies()
{
    // A broken API puts a number and a null among its records: two bad records, not a bad page
    // that would fail every run.
    EngineFixture f;
    f.remote().seedForum(3, 1, 1, 0);
    f.remote().addJunk("users", 42);
    f.remote().addJunk("users", QJsonValue::Null);
    const RunResult r = f.sync();
    QCOMPARE(outcome(r), "partial");
    QCOMPARE(r.counts.value("users").quarantined, 2);
    QCOMPARE(f.links("users"), 3);
    QCOMPARE(f.quarantine().size(), 2);
    QCOMPARE(f.quarantine().first().reason, "the record is not a JSON object");
    // The next run holds them again (nothing else to do): it does not fail either.
    QCOMPARE(outcome(f.sync()), "partial");
}

void tst_Engine::aStoppedRunEndsInterruptedAndTheNextResumes_data()
{
    QTest::addColumn<bool>("sharedTimestamp");
    QTest::addColumn<int>("skippedNext"); // boundary records the next run skips
    QTest::newRow("distinct timestamps") << false << 1;
    QTest::newRow("inside a group sharing one timestamp") << true << 6;
}

void tst_Engine::aStoppedRunEndsInterruptedAndTheNextResumes()
{
    QFETCH(bool, sharedTimestamp);
    QFETCH(int, skippedNext);
    EngineFixture f;
    f.remote().setPageSize(3);
    f.remote().setClockStep(sharedTimestamp ? 0 : 1000);
    f.remote().seedForum(2, 1, 2, 12);
    f.remote().hangPage("messages", 3); // in flight when the stop comes: it must be aborted

    const RunResult r = f.syncStoppingAfter(2, "messages");
    QCOMPARE(outcome(r), "interrupted");
    QCOMPARE(f.links("messages"), 6);
    const Position at = f.cursor("messages");
    QCOMPARE(at.lastId, "6");

    const RunResult next = f.sync();
    QCOMPARE(outcome(next), "ok");
    QCOMPARE(f.remote().sinceAsked("messages").first(), at.value);
    QCOMPARE(next.counts.value("messages").skipped, skippedNext);
    QCOMPARE(next.counts.value("messages").inserted, 6);
    QCOMPARE(f.snapshot(), f.expectedSnapshot());
}

void tst_Engine::aWalkShortOfTheSourcesCountFailsAndDeletesNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("reconciliation scan") << "reconcile";
    QTest::newRow("full walk") << "full";
}

void tst_Engine::aWalkShortOfTheSourcesCountFailsAndDeletesNothing()
{
    QFETCH(QString, kind);
    EngineFixture f;
    f.remote().setPageSize(13);
    f.remote().seedForum(1, 1, 10, 40);
    QCOMPARE(outcome(f.sync()), "ok");
    // The listing ends one record short, while the source counts 40: the walk cannot be complete.
    f.remote().endWalkAfter("messages", 3);

    const RunResult r = kind == QLatin1String("reconcile") ? f.reconcile() : f.syncFull();
    QCOMPARE(outcome(r), "failed");
    QVERIFY2(r.error.message.contains("source forum, entity messages: the walk ended after 39 records, but the source counts 40"),
             qPrintable(r.error.message));
    QVERIFY2(r.error.message.contains("fake://forum/messages"), qPrintable(r.error.message)); // the last page's URL
    QCOMPARE(r.counts.value("messages").deleted, 0);
    QCOMPARE(f.remote().recordFetches("messages"), 0);
    QVERIFY(f.value("messages", 40, "deleted_at").isNull());
    // The next walk, once the listing is whole again, completes.
    f.remote().clearFaults();
    QCOMPARE(outcome(kind == QLatin1String("reconcile") ? f.reconcile() : f.syncFull()), "ok");
}

void tst_Engine::aRecordDatedFarAheadIsAppliedButDoesNotMoveTheCursor()
{
    EngineFixture f;
    f.remote().seedForum(1, 1, 1, 4);
    QJsonObject future = f.remote().record("messages", 4);
    future.insert("updated_at", "9999-12-31T23:59:59.000000Z");
    f.remote().put("messages", future);
    const QRegularExpression warning("records whose updated_at the cursor cannot take: 4 \\(\"9999-12-31T23:59:59.000000Z\": more than "
                                      "a day after the source's clock");

    QTest::ignoreMessage(QtWarningMsg, warning);
    QCOMPARE(outcome(f.sync()), "ok");
    QCOMPARE(f.value("messages", 4, "content").toString(), future.value("content").toString()); // applied
    const Position at = f.cursor("messages");
    QCOMPARE(at.value, updatedAt(f.remote(), "messages", 3));
    QCOMPARE(at.lastId, "3");

    // Changes after it are not missed: the cursor never jumped to 9999.
    f.remote().edit("messages", 2, {{"content", "Edited after the far-future record"}});
    QTest::ignoreMessage(QtWarningMsg, warning); // read again each run, and said again
    const RunResult next = f.sync();
    QCOMPARE(outcome(next), "ok");
    QCOMPARE(next.counts.value("messages").updated, 1);
    QCOMPARE(f.value("messages", 2, "content").toString(), "Edited after the far-future record");
    QCOMPARE(f.cursor("messages").lastId, "2");
    QCOMPARE(f.snapshot(), f.expectedSnapshot());
}

void tst_Engine::anUnparseableCursorValueIsQuarantinedAndNeverBecomesTheCursor()
{
    EngineFixture f;
    f.remote().seedForum(1, 1, 1, 4);
    QJsonObject broken = f.remote().record("messages", 4);
    broken.insert("updated_at", "not a date");
    f.remote().put("messages", broken);
    const QRegularExpression warning("records whose updated_at the cursor cannot take: 4 \\(\"not a date\": not a time\\)");

    QTest::ignoreMessage(QtWarningMsg, warning);
    QCOMPARE(outcome(f.sync()), "partial"); // never ok: message 4 is held back
    QVERIFY(!f.quarantineReason("messages", 4).isEmpty());
    QCOMPARE(f.cursor("messages").lastId, "3");
    QVERIFY(WalkGuard::isTime(f.cursor("messages").value));

    // Later runs do not fail on it, and catch what changes.
    f.remote().edit("messages", 1, {{"content", "Still synced"}});
    QTest::ignoreMessage(QtWarningMsg, warning);
    QCOMPARE(outcome(f.sync()), "partial");
    QCOMPARE(f.value("messages", 1, "content").toString(), "Still synced");
    // A full walk goes by id and takes no cursor value from records.
    QCOMPARE(outcome(f.syncFull()), "partial");
    QVERIFY(WalkGuard::isTime(f.cursor("messages").value));
}

void tst_Engine::aPoisonedStoredCursorFailsNamingTheRepairAndAFullSyncRepairsIt_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("problem");
    // What a record's raw value made of the cursor before values were checked.
    QTest::newRow("not a time") << "not a date" << "not a time";
    QTest::newRow("year 9999") << "9999-12-31T23:59:59.000000Z" << "more than a day after the source's clock (2026-03-01T09:";
}

void tst_Engine::aPoisonedStoredCursorFailsNamingTheRepairAndAFullSyncRepairsIt()
{
    QFETCH(QString, stored);
    QFETCH(QString, problem);
    EngineFixture f;
    f.remote().seedForum(1, 1, 1, 4);
    QCOMPARE(outcome(f.sync()), "ok");
    Error e;
    QVERIFY(CursorStore(f.db()).save(f.sourceName(), "messages", CursorKind::Incremental, Position(stored, "4"), 0, &e));
    f.remote().edit("messages", 2, {{"content", "Changed while the cursor was poisoned"}});

    const RunResult poisoned = f.sync();
    QCOMPARE(outcome(poisoned), "failed");
    for (const QString &text : {QStringLiteral("source forum, entity messages: the stored incremental cursor is \"%1\"").arg(stored), problem,
                                QStringLiteral("tributaryd sync --full --source forum"),
                                QStringLiteral("tributaryd cursor reset --source forum --entity messages")})
        QVERIFY2(poisoned.error.message.contains(text), qPrintable(poisoned.error.message));
    QVERIFY(f.value("messages", 2, "content").toString() != "Changed while the cursor was poisoned");

    // A complete full walk replaces it with the time the walk began.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("the incremental cursor .* was .*; the complete full walk replaces it"));
    QCOMPARE(outcome(f.syncFull()), "ok");
    QVERIFY2(WalkGuard::cursorProblem(f.cursor("messages").value, f.remote().now()).isEmpty(), qPrintable(f.cursor("messages").value));
    QCOMPARE(f.value("messages", 2, "content").toString(), "Changed while the cursor was poisoned");
    f.remote().edit("messages", 3, {{"content", "And after the repair"}});
    QCOMPARE(outcome(f.sync()), "ok");
    QCOMPARE(f.snapshot(), f.expectedSnapshot());
}

QTEST_GUILESS_MAIN(tst_Engine)
#include "tst_engine.moc"
