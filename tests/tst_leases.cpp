// Several workers on one main database: a source is run by one worker at a time, the one holding
// its lease (LeaseStore, RunLease). The lease store's rules on a real SQLite file; a run refused,
// a run that loses its lease mid-walk and writes nothing more, dead runs marked by the next holder
// (EngineFixture, in-process); and real tributaryd serve processes: a worker killed with SIGKILL
// has its source taken over by another, which finishes it in sync, and a webhook that reaches the
// worker that does not hold the source is applied by the one that does.

#include "EngineFixture.h"
#include "SyncFixture.h"
#include "TestSupport.h"

#include "engine/run/RunLease.h"
#include "state/HintStore.h"
#include "state/LeaseStore.h"
#include "state/ConflictStore.h"
#include "state/Migrations.h"
#include "state/ParkingLot.h"
#include "state/RunLog.h"
#include "state/Outbox.h"
#include "state/StateWatch.h"
#include "store/Statements.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTcpServer>
#include <QTest>

#include <csignal>
#include <functional>
#include <memory>

#include <unistd.h>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

const QString kSource = QStringLiteral("forum");
const QByteArray kWebhookSecret = QByteArrayLiteral("whsec-leases-test-91c2e7");
const QString kSecretEnv = QStringLiteral("TRIBUTARY_TEST_WEBHOOK_SECRET");

// A worker on another host, as far as this process can tell (no node in common).
WorkerIdentity worker(const QString &host, qint64 pid)
{
    WorkerIdentity w;
    w.host = host;
    w.pid = pid;
    w.id = QStringLiteral("%1:%2:%3").arg(host).arg(pid).arg(QStringLiteral("5eed"));
    return w;
}

// A small main database and the external forum `external`, served 100 ms per request slower, so
// that a worker's sync lasts long enough to be seen and killed.
bool slowForum(SyncFixture &f, const ForumGeneratorOptions &external)
{
    ForumFaults slow;
    slow.latencyMs = 100;
    return f.generateMain(forum(20, 3, 0, 0, 1)) && f.generateExternal(external) && f.startForum(QStringLiteral("lease-token"), slow);
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// `tributaryd serve` on a fixture's configuration.
std::unique_ptr<TributarydProcess> serve(const SyncFixture &f, quint16 port)
{
    auto p = std::make_unique<TributarydProcess>(
        Environment{{QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token()}, {kSecretEnv, QString::fromLatin1(kWebhookSecret)},
                    {QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tributary.*.info=false\ntributary.service.info=true")}});
    if (!p->start({QStringLiteral("serve"), QStringLiteral("--config"), f.configPath(), QStringLiteral("--listen"),
                   QStringLiteral("127.0.0.1:%1").arg(port)}))
        return nullptr;
    return p;
}

// The body of a GET to a local worker, or an empty array when it did not answer 200.
QByteArray get(const QUrl &url)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(30000))
        return {};
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return status == 200 ? body : QByteArray();
}

// host:pid of a tributaryd child, as leases name it.
QString workerOf(const TributarydProcess &p)
{
    return QStringLiteral("%1:%2").arg(QSysInfo::machineHostName()).arg(p.pid());
}

// The runs of the source, oldest first.
QList<RunRecord> runs(Database &db)
{
    RunFilter filter;
    filter.sources = {kSource};
    filter.oldestFirst = true;
    const Result<QList<RunRecord>> all = RunLog(db).list(filter);
    return all.valueOr({});
}

// The fixture's configuration with a short lease, a schedule that never polls twice during the
// test, and a webhook secret.
bool configureWorkers(SyncFixture &f, int leaseSeconds, int startupGraceSeconds = 900, const std::function<void(QJsonObject &root)> &more = {})
{
    return f.configure([&](QJsonObject &root) {
        root.insert(QStringLiteral("service"), QJsonObject{{QStringLiteral("lease_seconds"), leaseSeconds},
                                                           {QStringLiteral("startup_grace_seconds"), startupGraceSeconds}});
        editSource(root, [&](QJsonObject &s) {
            s.insert(QStringLiteral("schedule"), QJsonObject{{QStringLiteral("interval_seconds"), 3600},
                                                             {QStringLiteral("reconcile_interval_seconds"), 0},
                                                             {QStringLiteral("jitter_share"), 0}});
            s.insert(QStringLiteral("webhook"), QJsonObject{{QStringLiteral("secret"), QJsonObject{{QStringLiteral("env"), kSecretEnv}}}});
            QJsonObject rest = s.value(QStringLiteral("rest")).toObject();
            QJsonObject pagination = rest.value(QStringLiteral("pagination")).toObject();
            pagination.insert(QStringLiteral("page_size"), 100);
            rest.insert(QStringLiteral("pagination"), pagination);
            s.insert(QStringLiteral("rest"), rest);
        });
        if (more)
            more(root);
    });
}

} // namespace

class tst_Leases : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneHolderAtATime();
    void anExpiredLeaseIsTakenOver();
    void aGoneProcessOnThisNodeFreesItsLeaseAtOnce();
    void hintsWaitBoundedForTheHolder();
    void aRunIsRefusedWhileAnotherWorkerHoldsTheSource();
    void deadRunsAreMarkedInterruptedByTheNextHolder();
    void aRunThatLosesItsLeaseStopsWriting();
    void aKilledWorkersSourceIsTakenOver();
    void aWebhookAtAnyWorkerIsAppliedByTheHolder();
    void aWorkerRunsItsShareAndLeavesTheRestForAMoment();
    void theStateStampSeesWhatOtherConnectionsChange();
};

void tst_Leases::oneHolderAtATime()
{
    EngineFixture f;
    QVERIFY(f.isReady());
    LeaseStore leases(f.db());
    const WorkerIdentity a = worker(QStringLiteral("host-a"), 101);
    const WorkerIdentity b = worker(QStringLiteral("host-b"), 202);

    Result<LeaseRecord> lease = leases.acquire(kSource, a, 60000);
    QVERIFY2(lease, qPrintable(lease.error().toString()));
    QCOMPARE(lease->holder, a.id);
    QCOMPARE(lease->worker(), QStringLiteral("host-a:101"));
    QVERIFY(lease->isLive());
    QVERIFY(lease->remainingMs() > 59000 && lease->remainingMs() <= 60000);
    const qint64 acquiredAt = lease->acquiredAtMs;

    // Refused while held: the answer names the holder, and the row is unchanged.
    lease = leases.acquire(kSource, b, 60000);
    QVERIFY(lease);
    QCOMPARE(lease->holder, a.id);
    const Error refusal = RunLease::heldElsewhere(kSource, *lease);
    QVERIFY2(refusal.message.startsWith(QStringLiteral("source forum is being synced by worker host-a:101 (lease until ")), qPrintable(refusal.message));

    // The holder takes it again (a renewal) and keeps its start; only the holder renews.
    lease = leases.acquire(kSource, a, 90000);
    QVERIFY(lease && lease->holder == a.id);
    QCOMPARE(lease->acquiredAtMs, acquiredAt);
    QVERIFY(lease->remainingMs() > 60000);
    Result<bool> renewed = leases.renew(kSource, b.id, 60000);
    QVERIFY(renewed);
    QVERIFY(!*renewed);
    renewed = leases.renew(kSource, a.id, 60000);
    QVERIFY(renewed && *renewed);

    // Only the holder releases; then anyone may take it.
    Error error;
    QVERIFY(leases.release(kSource, b.id, &error));
    QVERIFY(leases.find(kSource).value().has_value());
    QVERIFY(leases.release(kSource, a.id, &error));
    QVERIFY(!leases.find(kSource).value().has_value());
    lease = leases.acquire(kSource, b, 60000);
    QVERIFY(lease && lease->holder == b.id);

    // Other sources are leased apart.
    lease = leases.acquire(QStringLiteral("other"), a, 60000);
    QVERIFY(lease && lease->holder == a.id);
    const Result<QList<LeaseRecord>> all = leases.list();
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).source, kSource);
    QCOMPARE(all->at(1).source, QStringLiteral("other"));
}

void tst_Leases::anExpiredLeaseIsTakenOver()
{
    EngineFixture f;
    QVERIFY(f.isReady());
    LeaseStore leases(f.db());
    const WorkerIdentity a = worker(QStringLiteral("host-a"), 101);
    const WorkerIdentity b = worker(QStringLiteral("host-b"), 202);
    QVERIFY(leases.acquire(kSource, a, 400).value().holder == a.id);
    QCOMPARE(leases.acquire(kSource, b, 60000).value().holder, a.id);
    // A holder that stops renewing (killed, its host gone, cut off) loses the source once the
    // database's clock passes the expiry; then the other worker takes it over, and the old
    // holder can renew it no more.
    QTRY_COMPARE_WITH_TIMEOUT(leases.acquire(kSource, b, 60000).value().holder, b.id, 5000);
    const Result<bool> renewed = leases.renew(kSource, a.id, 60000);
    QVERIFY(renewed);
    QVERIFY(!*renewed);
    const LeaseRecord now = leases.find(kSource).value().value();
    QCOMPARE(now.worker(), QStringLiteral("host-b:202"));
    QVERIFY(now.isHeld());
}

void tst_Leases::aGoneProcessOnThisNodeFreesItsLeaseAtOnce()
{
    EngineFixture f;
    QVERIFY(f.isReady());
    LeaseStore leases(f.db());
    const WorkerIdentity &self = WorkerIdentity::current();
    // A process of this node that has ended: its pid is known to be gone here.
    QProcess ended;
    ended.start(QStringLiteral("true"), QStringList());
    QVERIFY(ended.waitForStarted());
    const qint64 endedPid = ended.processId();
    QVERIFY(ended.waitForFinished());
    WorkerIdentity gone = worker(self.host, endedPid);
    gone.node = self.node;
    WorkerIdentity alive = worker(self.host, qint64(::getppid()));
    alive.node = self.node;
    const WorkerIdentity next = worker(QStringLiteral("host-b"), 202);
    // Linux always tells its boot id and pid namespace: without them the same-node rule is untested.
    QVERIFY2(!self.node.isEmpty(), "this system tells no node (boot id and pid namespace)");

    QVERIFY(leases.acquire(kSource, alive, 60000).value().holder == alive.id);
    QCOMPARE(leases.acquire(kSource, next, 60000).value().holder, alive.id); // its process lives: it waits
    Error error;
    QVERIFY(leases.release(kSource, alive.id, &error));

    QVERIFY(leases.acquire(kSource, gone, 60000).value().holder == gone.id);
    QVERIFY(!leases.find(kSource).value()->isHeld());
    // Its process is gone from this node: no need to wait a minute for the expiry.
    QCOMPARE(leases.acquire(kSource, next, 60000).value().holder, next.id);
}

void tst_Leases::hintsWaitBoundedForTheHolder()
{
    EngineFixture f;
    QVERIFY(f.isReady());
    HintStore hints(f.db());
    int dropped = -1;
    Error error;
    QVERIFY2(hints.add(kSource, {{QStringLiteral("topics"), QStringLiteral("3")}, {QStringLiteral("messages"), QStringLiteral("7")}},
                       QStringLiteral("host-a:1:x"), &dropped, &error),
             qPrintable(error.toString()));
    QCOMPARE(dropped, 0);
    // The same record again: refreshed, not doubled.
    QVERIFY(hints.add(kSource, {{QStringLiteral("topics"), QStringLiteral("3")}}, QStringLiteral("host-a:1:x"), &dropped, &error));
    Result<QList<StoredHint>> waiting = hints.waiting(kSource);
    QVERIFY(waiting);
    QCOMPARE(waiting->size(), 2);
    QCOMPARE(hints.countsBySource().value().value(kSource), 2);

    // Removed only as they were read: a hint refreshed after the read stays for the next run.
    const QList<StoredHint> read = *waiting;
    QTRY_VERIFY_WITH_TIMEOUT(hints.add(kSource, {{QStringLiteral("messages"), QStringLiteral("7")}}, QStringLiteral("host-a:1:x"), &dropped, &error)
                                 && hints.waiting(kSource).value().last().receivedAtMs != read.last().receivedAtMs,
                             2000);
    QVERIFY(hints.remove(kSource, read, &error));
    waiting = hints.waiting(kSource);
    QCOMPARE(waiting->size(), 1);
    QCOMPARE(waiting->first().externalId, QStringLiteral("7"));

    // Bounded per source: beyond the cap a hint is dropped and counted (the next sync finds it).
    QList<QPair<QString, QString>> many;
    for (int i = 0; i < HintStore::maxPerSource() + 5; ++i)
        many.append({QStringLiteral("messages"), QStringLiteral("m%1").arg(i)});
    QVERIFY(hints.add(kSource, many, QStringLiteral("host-a:1:x"), &dropped, &error));
    QCOMPARE(dropped, 6); // one row was already waiting
    QCOMPARE(hints.countsBySource().value().value(kSource), HintStore::maxPerSource());
}

void tst_Leases::aRunIsRefusedWhileAnotherWorkerHoldsTheSource()
{
    EngineFixture f;
    QVERIFY(f.isReady());
    f.remote().seedForum(3, 1, 2, 6);
    const WorkerIdentity other = worker(QStringLiteral("host-b"), 202);
    QVERIFY(LeaseStore(f.db()).acquire(kSource, other, 60000).value().holder == other.id);

    const RunResult refused = f.sync();
    QCOMPARE(outcome(refused), QStringLiteral("failed"));
    QCOMPARE(refused.error.code, Error::Code::Conflict);
    QVERIFY(refused.heldBy.has_value());
    QCOMPARE(refused.heldBy->worker(), QStringLiteral("host-b:202"));
    QVERIFY2(refused.error.message.contains(QStringLiteral("source forum is being synced by worker host-b:202 (lease until ")),
             qPrintable(refused.error.message));
    QCOMPARE(refused.runId, 0);
    QVERIFY(runs(f.db()).isEmpty()); // refused before anything was recorded
    QCOMPARE(f.links(), 0);

    Error error;
    QVERIFY(LeaseStore(f.db()).release(kSource, other.id, &error));
    const RunResult ran = f.sync();
    QCOMPARE(outcome(ran), QStringLiteral("ok"));
    // The run let go of its lease at its end, and says which worker ran it.
    QVERIFY(!LeaseStore(f.db()).find(kSource).value().has_value());
    QCOMPARE(runs(f.db()).last().worker, WorkerIdentity::current().id);
    QCOMPARE(runs(f.db()).last().workerName(), WorkerIdentity::current().display());
}

void tst_Leases::deadRunsAreMarkedInterruptedByTheNextHolder()
{
    EngineFixture f;
    QVERIFY(f.isReady());
    f.remote().seedForum(3, 1, 2, 6);
    // A run left "running" by a worker that died (on whatever host): no process check can tell.
    const Result<qint64> dead = RunLog(f.db()).begin(kSource, RunKind::Incremental);
    QVERIFY(dead);
    QCOMPARE(outcome(f.sync()), QStringLiteral("ok"));
    const QList<RunRecord> all = runs(f.db());
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.first().id, *dead);
    QCOMPARE(all.first().status, QStringLiteral("interrupted"));
    QVERIFY(all.first().error.contains(QStringLiteral("lost the lease")));
    QCOMPARE(all.last().status, QStringLiteral("ok"));
}

void tst_Leases::aRunThatLosesItsLeaseStopsWriting()
{
    EngineFixture f;
    QVERIFY(f.isReady());
    f.remote().seedForum(5, 2, 4, 400);
    f.remote().setPageSize(20);
    const WorkerIdentity other = worker(QStringLiteral("host-b"), 202);

    const std::unique_ptr<Run> run = Run::create(f.db(), f.config(), f.sourceConfig(), &f.remote(), RunRequest());
    int pages = 0;
    qint64 linkedWhenLost = -1;
    // After the third page of messages, the lease passes to another worker (this one was cut off
    // long enough for it to expire): the run must commit nothing more.
    connect(run.get(), &Run::progress, run.get(), [&](const QString &entity, const EntityCounts &) {
        if (entity != QStringLiteral("messages") || ++pages != 3)
            return;
        Error error;
        QVERIFY(LeaseStore(f.db()).release(kSource, WorkerIdentity::current().id, &error));
        QVERIFY(LeaseStore(f.db()).acquire(kSource, other, 60000).value().holder == other.id);
        linkedWhenLost = f.links(QStringLiteral("messages"));
    });
    QSignalSpy done(run.get(), &Run::finished);
    run->start();
    QVERIFY(done.wait(60000));
    const RunResult r = run->result();
    QCOMPARE(outcome(r), QStringLiteral("failed"));
    QVERIFY2(r.error.message.contains(QStringLiteral("lost its lease on the source to worker host-b:202")), qPrintable(r.error.message));
    QCOMPARE(linkedWhenLost, 60);
    QCOMPARE(f.links(QStringLiteral("messages")), linkedWhenLost);
    // Its lease is the other worker's: the run's end did not release it.
    QCOMPARE(LeaseStore(f.db()).find(kSource).value()->holder, other.id);
    QCOMPARE(runs(f.db()).last().status, QStringLiteral("failed"));

    // Once the other worker lets go, the next run goes on from the last committed page.
    Error error;
    QVERIFY(LeaseStore(f.db()).release(kSource, other.id, &error));
    QCOMPARE(outcome(f.sync()), QStringLiteral("ok"));
    QCOMPARE(f.snapshot(), f.expectedSnapshot());
}

void tst_Leases::aKilledWorkersSourceIsTakenOver()
{
    SyncFixture f;
    QVERIFY(slowForum(f, forum(100, 5, 300, 10000, 8)));
    QVERIFY(configureWorkers(f, 2));

    const std::unique_ptr<TributarydProcess> first = serve(f, freePort());
    QVERIFY(first);
    QTRY_VERIFY_WITH_TIMEOUT(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")) >= 300, 60000);
    // The second worker finds the source held: its turn waits, quietly, and nothing is recorded.
    const quint16 secondPort = freePort();
    const std::unique_ptr<TributarydProcess> second = serve(f, secondPort);
    QVERIFY(second);
    QTRY_VERIFY2_WITH_TIMEOUT(second->logged(QStringLiteral("worker %1 holds the source").arg(workerOf(*first))), qPrintable(second->log()), 30000);
    // What an operator sees at the worker that does not hold it: who does, and until when.
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(secondPort);
    const QJsonObject health = QJsonDocument::fromJson(get(QUrl(base + QStringLiteral("/healthz?format=json")))).object();
    QCOMPARE(health.value(QStringLiteral("worker")).toString(), workerOf(*second));
    const QJsonArray leases = health.value(QStringLiteral("leases")).toArray();
    QCOMPARE(leases.size(), 1);
    QCOMPARE(leases.first().toObject().value(QStringLiteral("source")).toString(), kSource);
    QCOMPARE(leases.first().toObject().value(QStringLiteral("worker")).toString(), workerOf(*first));
    QCOMPARE(leases.first().toObject().value(QStringLiteral("this_worker")).toBool(), false);
    const QByteArray metrics = get(QUrl(base + QStringLiteral("/metrics")));
    QVERIFY2(metrics.contains(QStringLiteral("tributary_lease_holder_info{source=\"forum\",worker=\"%1\"} 1\n").arg(workerOf(*first)).toUtf8()),
             metrics.constData());
    QVERIFY(metrics.contains("tributary_lease_held{source=\"forum\"} 0\n"));
    QVERIFY(metrics.contains("tributary_scheduler_yielded_total{source=\"forum\",kind=\"incremental\"} "));
    QString status;
    QCOMPARE(f.tributaryd({QStringLiteral("status")}, &status), 0);
    QVERIFY2(status.contains(QStringLiteral("being synced now by worker %1 (lease until ").arg(workerOf(*first))), qPrintable(status));
    // A sync by hand is refused the same way, naming the holder.
    QString out;
    QCOMPARE(f.tributaryd({QStringLiteral("sync"), QStringLiteral("--quiet")}, &out), 1);
    QVERIFY2(out.contains(QStringLiteral("source forum is being synced by worker %1 (lease until ").arg(workerOf(*first))), qPrintable(out));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_runs")), 1);

    // Killed in the middle of the messages: no goodbye, its lease just stops being renewed.
    const QString firstWorker = workerOf(*first);
    first->kill();
    QVERIFY(first->waitForFinished(10000));
    const qint64 linked = f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'"));
    QVERIFY(linked < 10000);
    // The second worker takes the source over within the lease time and finishes it from the
    // last committed page.
    QTRY_VERIFY2_WITH_TIMEOUT(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_runs WHERE status = 'ok' AND kind = 'incremental'")) == 1,
                              qPrintable(second->log()), 120000);
    const QList<RunRecord> all = runs(f.db());
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.first().status, QStringLiteral("interrupted")); // the dead run, marked by the next holder
    QCOMPARE(all.first().workerName(), firstWorker);
    QCOMPARE(all.last().workerName(), workerOf(*second));
    QVERIFY2(all.last().counts.value(QStringLiteral("messages")).inserted == 10000 - linked,
             qPrintable(QStringLiteral("inserted %1 after %2").arg(all.last().counts.value(QStringLiteral("messages")).inserted).arg(linked)));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")), 10000);
    second->terminate();
    QCOMPARE(second->wait(), 0);
    QVERIFY2(f.tributaryd({QStringLiteral("verify")}, &out) == 0, qPrintable(out));
}

void tst_Leases::aWebhookAtAnyWorkerIsAppliedByTheHolder()
{
    SyncFixture f;
    const quint16 holderPort = freePort();
    const quint16 otherPort = freePort();
    QVERIFY(f.generateMain(forum(20, 3, 0, 0, 1)));
    QVERIFY(f.generateExternal(forum(100, 5, 300, 10000, 8)));
    ForumSimOptions o;
    o.token = QStringLiteral("lease-token");
    // Every notification goes to the worker that does not hold the source.
    o.webhookUrls = {QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks/forum").arg(otherPort))};
    o.webhookSecret = kWebhookSecret;
    o.faults.latencyMs = 100;
    QVERIFY(f.startForum(o));
    // No grace: a worker that has not synced the source itself must still call it healthy.
    QVERIFY(configureWorkers(f, 30, 0));

    const std::unique_ptr<TributarydProcess> holder = serve(f, holderPort);
    QVERIFY(holder);
    QTRY_VERIFY_WITH_TIMEOUT(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")) >= 300, 60000);
    const std::unique_ptr<TributarydProcess> other = serve(f, otherPort);
    QVERIFY(other);
    QTRY_VERIFY2_WITH_TIMEOUT(other->logged(QStringLiteral("worker %1 holds the source").arg(workerOf(*holder))), qPrintable(other->log()), 30000);

    // Topics were walked already: only the hint brings this change before the next poll.
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/3"), {{QStringLiteral("title"), QStringLiteral("Handed over")}}, &status);
    QCOMPARE(status, 200);
    QTRY_VERIFY2_WITH_TIMEOUT(other->logged(QStringLiteral("forum: 1 webhook hints handed over to the worker that holds the source")),
                              qPrintable(other->log()), 30000);
    // The holder applies it after its sync, by a webhook run of its own.
    const QString topic = f.localId(QStringLiteral("topics"), QStringLiteral("3"));
    QTRY_COMPARE_WITH_TIMEOUT(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {topic}).toString(), QStringLiteral("Handed over"),
                              180000);
    RunRecord webhook;
    for (const RunRecord &r : runs(f.db())) {
        if (r.kind == QStringLiteral("webhook"))
            webhook = r;
    }
    // The holder takes the hints the moment its sync ends; the other worker's poll (every two
    // seconds) could take them only in the few milliseconds between that sync's end and the
    // holder's next run, and would then apply them just as well.
    qInfo("the hint was applied by worker %s (the holder is %s)", qPrintable(webhook.workerName()), qPrintable(workerOf(*holder)));
    QVERIFY(webhook.workerName() == workerOf(*holder) || webhook.workerName() == workerOf(*other));
    // Taken, and removed once the webhook run that applied them has ended (a moment after its
    // page committed the title).
    QTRY_COMPARE_WITH_TIMEOUT(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_hints")), 0, 30000);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_runs WHERE kind = 'incremental'")), 1); // the other worker never polled

    // The other worker never synced the source itself, and yet it is healthy: the holder's
    // success in the shared run history counts for every worker.
    const QByteArray health = get(QUrl(QStringLiteral("http://127.0.0.1:%1/healthz").arg(otherPort)));
    QCOMPARE(health, QByteArray("ok\n"));
    holder->terminate();
    other->terminate();
    QCOMPARE(holder->wait(), 0);
    QCOMPARE(other->wait(), 0);
    QString out;
    QVERIFY2(f.tributaryd({QStringLiteral("verify")}, &out) == 0, qPrintable(out));
}

// Four sources and two workers alive: the worker takes its share (two) at once and leaves the
// other two to the other worker for a few seconds. The other worker here is only a row that says
// it is alive and never runs anything, so this worker runs the last two itself when the wait is
// over: a source never waits on a worker that does not come. Stopping, it leaves the registry.
void tst_Leases::aWorkerRunsItsShareAndLeavesTheRestForAMoment()
{
    SyncFixture f;
    QVERIFY(slowForum(f, forum(50, 5, 100, 2000, 9)));
    // configureWorkers' source, three more times under other names.
    QVERIFY(configureWorkers(f, 30, 900, [&](QJsonObject &root) {
        for (int i = 2; i <= 4; ++i)
            addSourceCopy(root, QStringLiteral("forum%1").arg(i), f.forumUrl());
    }));
    Error error;
    LeaseStore leases(f.db());
    QVERIFY2(Migrations::run(f.db(), &error), qPrintable(error.toString()));
    QVERIFY2(leases.beat(worker(QStringLiteral("host-b"), 1), 600000, &error), qPrintable(error.toString()));

    const std::unique_ptr<TributarydProcess> a = serve(f, freePort());
    QVERIFY(a);
    QTRY_VERIFY2_WITH_TIMEOUT(a->logged(QStringLiteral("its share with 2 workers")), qPrintable(a->log()), 30000);
    QTRY_VERIFY2_WITH_TIMEOUT(
        f.scalar(QStringLiteral("SELECT COUNT(DISTINCT source) FROM tributary_runs WHERE status = 'ok' AND kind = 'incremental'")) == 4,
        qPrintable(a->log()), 120000);
    // Two ran at once, two were left to the other worker first. Never more than two at the same
    // time, but for a source whose turn was left and came back (the first two may still be
    // running after the wait, on a slow machine).
    RunFilter filter;
    filter.oldestFirst = true;
    const QList<RunRecord> all = RunLog(f.db()).list(filter).valueOr({});
    QCOMPARE(all.size(), 4);
    const auto at = [](const QString &iso) { return QDateTime::fromString(iso, Qt::ISODateWithMs); };
    const auto wasLeft = [&](const QString &source) { return a->logged(source + QStringLiteral(": this worker runs 2 of 4 sources")); };
    int left = 0;
    for (const RunRecord &r : all) {
        int overlapping = 0;
        for (const RunRecord &o : all)
            overlapping += at(o.startedAt) <= at(r.startedAt) && at(r.startedAt) < at(o.finishedAt) ? 1 : 0;
        QVERIFY2(overlapping <= 2 || wasLeft(r.source),
                 qPrintable(QStringLiteral("%1 runs going when %2 started, and its turn was never left: %3").arg(overlapping).arg(r.source, a->log())));
        QCOMPARE(r.workerName(), workerOf(*a));
        left += wasLeft(r.source) ? 1 : 0;
    }
    QVERIFY2(left == 2, qPrintable(a->log()));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_workers")), 2);
    a->terminate();
    QCOMPARE(a->wait(), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_workers")), 1); // host-b's row, still "alive"
}

void tst_Leases::theStateStampSeesWhatOtherConnectionsChange()
{
    // What the console's StateWatch reads every two seconds: each area's fingerprint moves when
    // another connection (tributaryd, serve) changes that area, and only that one.
    EngineFixture f;
    QVERIFY(f.isReady());
    Error error;
    const std::unique_ptr<Database> other = Database::open(f.config().database, f.config().baseDir(), &error);
    QVERIFY2(other, qPrintable(error.toString()));
    StateWatch watch(f.db());
    QVERIFY(watch.othersMayHaveWritten()); // the first call always
    const QStringList sources{kSource};
    auto stamp = [&] {
        Result<StateStamp> s = watch.read(sources);
        if (!s)
            qWarning("%s", qPrintable(s.error().toString()));
        return s ? *s : StateStamp();
    };
    StateStamp before = stamp();
    QVERIFY(!before.isNull());
    // Nothing written: on SQLite not even the stamp is read (data_version stood still).
    if (f.db().isSqlite())
        QVERIFY(!watch.othersMayHaveWritten());
    QCOMPARE(stamp(), before);

    auto changedAreas = [&] {
        QStringList areas;
        if (!watch.othersMayHaveWritten())
            areas.append(QStringLiteral("(the other connection's commit went unseen)"));
        const StateStamp now = stamp();
        if (now.runs != before.runs)
            areas.append(QStringLiteral("runs"));
        if (now.conflicts != before.conflicts)
            areas.append(QStringLiteral("conflicts"));
        if (now.quarantine != before.quarantine)
            areas.append(QStringLiteral("quarantine"));
        if (now.service != before.service)
            areas.append(QStringLiteral("service"));
        if (now.outbox != before.outbox)
            areas.append(QStringLiteral("outbox"));
        before = now;
        return areas;
    };

    const Result<qint64> run = RunLog(*other).begin(kSource, RunKind::Incremental);
    QVERIFY(run);
    QCOMPARE(changedAreas(), QStringList{QStringLiteral("runs")});
    QVERIFY(RunLog(*other).finish(*run, RunStatus::Ok, QString(), {}, &error));
    QCOMPARE(changedAreas(), QStringList{QStringLiteral("runs")});

    Conflict c;
    c.source = kSource;
    c.entity = QStringLiteral("topics");
    c.externalId = QStringLiteral("7");
    c.localId = QStringLiteral("7");
    c.kind = QStringLiteral("field");
    c.fields = {QStringLiteral("title")};
    QVERIFY2(ConflictStore(*other).record(c, *run, Database::now(), &error), qPrintable(error.toString()));
    QCOMPARE(changedAreas(), QStringList{QStringLiteral("conflicts")});

    Statements statements(*other);
    ParkingLot lot(*other, kSource, statements);
    QVERIFY2(lot.quarantine(QStringLiteral("topics"), QStringLiteral("8"), QJsonObject{{QStringLiteral("id"), 8}}, QStringLiteral("title"),
                            QStringLiteral("too long"), *run, Database::now(), true, &error),
             qPrintable(error.toString()));
    QCOMPARE(changedAreas(), QStringList{QStringLiteral("quarantine")});

    QVERIFY(LeaseStore(*other).acquire(kSource, worker(QStringLiteral("host-a"), 101), 60000));
    QCOMPARE(changedAreas(), QStringList{QStringLiteral("service")});
    QVERIFY(LeaseStore(*other).beat(worker(QStringLiteral("host-a"), 101), 60000, &error));
    QCOMPARE(changedAreas(), QStringList{QStringLiteral("service")});

    // The application changes a row (its trigger queues it), a push refuses it, a person retries it.
    QVERIFY2(other->exec(QStringLiteral("INSERT INTO tributary_outbox (source, entity, table_name, local_id, made_at, changed_at) "
                                        "VALUES ('%1', 'topics', 'topics', '7', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')")
                             .arg(kSource),
                         &error),
             qPrintable(error.toString()));
    QCOMPARE(changedAreas(), QStringList{QStringLiteral("outbox")});
    const Result<QList<OutboxOperation>> queued = Outbox(*other).list(OutboxFilter());
    QVERIFY(queued && queued->size() == 1);
    QVERIFY(Outbox(*other).refuse(queued->first().id, QStringLiteral("HTTP 422"), &error));
    QCOMPARE(changedAreas(), QStringList{QStringLiteral("outbox")});
    QVERIFY(Outbox(*other).retry(OutboxFilter()));
    QCOMPARE(changedAreas(), QStringList{QStringLiteral("outbox")});
}

QTEST_GUILESS_MAIN(tst_Leases)
#include "tst_leases.moc"
