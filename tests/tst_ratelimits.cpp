// Request budgets (core/net/RequestBudget): one budget per host shared by every client and
// thread of the process, learned from the server's rate headers or its bare 429s, configured per
// host, with priorities, and a run that stops as "paused" when the budget is spent. Real HTTP
// over 127.0.0.1 against servers that enforce a strict limit (ForumRateLimit: at most N
// requests in any one second, 429 beyond).

#include "JsonSchema.h"
#include "SyncFixture.h"
#include "TestSupport.h"
#include "TributarydProcess.h"

#include "engine/SourceRunner.h"
#include "engine/run/RunRequest.h"
#include "forum-sim/ForumGenerator.h"
#include "forum-sim/ForumRateLimit.h"
#include "net/HttpClient.h"
#include "net/HttpServer.h"
#include "net/RequestBudget.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// A host that allows `perSecond` requests in any one second and answers 429 beyond, with the
// chosen rate headers. Records when each request arrived and which were refused.
class MeteredHost
{
public:
    MeteredHost(int perSecond, ForumRateLimit::Headers headers, int delayMs = 0)
        : m_limit(perSecond, headers), m_delayMs(delayMs)
    {
        m_clock.start();
        m_server = std::make_unique<HttpServer>([this](const HttpRequest &request) {
            const qint64 at = m_clock.elapsed();
            m_arrivals.append({at, request.path});
            HttpResponse r;
            if (!m_limit.admit(&r)) {
                m_refusedAt.append(at);
                return r;
            }
            r = HttpResponse::json(200, QByteArrayLiteral("{\"data\":[]}"));
            r.delayMs = m_delayMs;
            m_limit.decorate(&r);
            return r;
        });
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    }
    QUrl url(const QString &path = QStringLiteral("/x")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path));
    }
    QString key() const { return QStringLiteral("127.0.0.1:%1").arg(m_server->port()); }
    // 429s more than `ms` after the first request arrived.
    int refusedAfter(qint64 ms) const
    {
        if (m_arrivals.isEmpty())
            return 0;
        return int(std::count_if(m_refusedAt.begin(), m_refusedAt.end(), [&](qint64 t) { return t > m_arrivals.first().first + ms; }));
    }
    int refused() const { return int(m_refusedAt.size()); }
    const QList<QPair<qint64, QString>> &arrivals() const { return m_arrivals; }

private:
    ForumRateLimit m_limit;
    int m_delayMs;
    QElapsedTimer m_clock;
    std::unique_ptr<HttpServer> m_server;
    QList<QPair<qint64, QString>> m_arrivals;
    QList<qint64> m_refusedAt;
};

// `clients` HttpClients in this thread, each sending `each` requests one after the other; returns
// once all are answered. Failures are collected.
QStringList hammer(const QUrl &url, int clients, int each, RequestPriority priority = RequestPriority::Normal)
{
    QNetworkAccessManager nam;
    HttpPolicy policy;
    policy.maxRetries = 20;
    policy.backoffBaseMs = 50;
    std::vector<std::unique_ptr<HttpClient>> owned;
    QStringList failures;
    int outstanding = clients * each;
    std::function<void(HttpClient *, int)> send = [&](HttpClient *client, int left) {
        HttpJob *job = client->get(QNetworkRequest(url));
        job->setPriority(priority);
        QObject::connect(job, &HttpJob::finished, client, [&, client, left](HttpJob *j) {
            if (j->hasError())
                failures.append(j->error().message);
            --outstanding;
            if (left > 1)
                send(client, left - 1);
        });
        job->start();
    };
    for (int i = 0; i < clients; ++i) {
        owned.push_back(std::make_unique<HttpClient>(&nam, policy));
        send(owned.back().get(), each);
    }
    if (!QTest::qWaitFor([&] { return outstanding == 0; }, 120000))
        failures.append(QStringLiteral("timed out with %1 requests outstanding").arg(outstanding));
    return failures;
}

HostBudget::Stats statsOf(const QString &key)
{
    for (const HostBudget::Stats &s : RequestBudgets::instance().stats()) {
        if (s.key == key)
            return s;
    }
    return {};
}

} // namespace

class tst_RateLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void readsTheHeadersRealApisSend_data();
    void readsTheHeadersRealApisSend();
    void learnsTheLimitFromRateHeaders_data();
    void learnsTheLimitFromRateHeaders();
    void learnsFromBare429s();
    void aConfiguredRateNeedsNoHeaders();
    void concurrencyIsSharedAcrossThreads();
    void urgentRequestsGoFirst();
    void aSpentBudgetRefusesWithoutSending();
    void configurationOfHostsIsChecked();
    void fiveSourcesOnOneHostKeepUnderItsLimit();
    void aRunWhoseBudgetIsSpentPausesAndGoesOn();
};

void tst_RateLimits::init()
{
    // One budget per host for the whole process: each case starts with none.
    RequestBudgets::instance().reset();
}

void tst_RateLimits::readsTheHeadersRealApisSend_data()
{
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<qint64>("remaining");
    QTest::addColumn<qint64>("resetMs");
    QTest::addColumn<qint64>("windowMs");
    using H = QList<QPair<QByteArray, QByteArray>>;
    QTest::newRow("X-RateLimit, reset in seconds")
        << H{{"X-RateLimit-Limit", "10"}, {"X-RateLimit-Remaining", "3"}, {"X-RateLimit-Reset", "1"}} << qint64(10) << qint64(3)
        << qint64(1000) << qint64(-1);
    // GitHub: the reset as epoch seconds, read against the answer's Date.
    QTest::newRow("X-RateLimit, reset as epoch seconds")
        << H{{"x-ratelimit-limit", "5000"}, {"x-ratelimit-remaining", "4999"}, {"x-ratelimit-reset", "1764907260"}}
        << qint64(5000) << qint64(4999) << qint64(60000) << qint64(-1);
    QTest::newRow("IETF with policy")
        << H{{"RateLimit-Limit", "100"}, {"RateLimit-Remaining", "0"}, {"RateLimit-Reset", "30"}, {"RateLimit-Policy", "100;w=60"}}
        << qint64(100) << qint64(0) << qint64(30000) << qint64(60000);
    QTest::newRow("IETF draft 3, policy in the limit") << H{{"RateLimit-Limit", "10, 10;w=1"}, {"RateLimit-Remaining", "9"}}
                                                       << qint64(10) << qint64(9) << qint64(-1) << qint64(1000);
    QTest::newRow("structured RateLimit") << H{{"RateLimit", "limit=20, remaining=7, reset=2"}} << qint64(20) << qint64(7)
                                          << qint64(2000) << qint64(-1);
    QTest::newRow("Discord reset-after") << H{{"X-RateLimit-Limit", "5"}, {"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset-After", "0.25"}}
                                         << qint64(5) << qint64(0) << qint64(250) << qint64(-1);
    QTest::newRow("none") << H{{"Content-Type", "application/json"}} << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1);
    QTest::newRow("garbage") << H{{"X-RateLimit-Limit", "lots"}, {"X-RateLimit-Remaining", "-3"}} << qint64(-1) << qint64(-1)
                             << qint64(-1) << qint64(-1);
}

void tst_RateLimits::readsTheHeadersRealApisSend()
{
    QFETCH(HeaderList, headers);
    QFETCH(qint64, limit);
    QFETCH(qint64, remaining);
    QFETCH(qint64, resetMs);
    QFETCH(qint64, windowMs);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1764907200, Qt::UTC);
    const RateLimitHeaders h = RateLimitHeaders::parse(headers, now);
    QCOMPARE(h.limit, limit);
    QCOMPARE(h.remaining, remaining);
    QCOMPARE(h.resetMs, resetMs);
    QCOMPARE(h.windowMs, windowMs);
}

void tst_RateLimits::learnsTheLimitFromRateHeaders_data()
{
    QTest::addColumn<int>("headers");
    QTest::newRow("X-RateLimit-*") << int(ForumRateLimit::Headers::XRateLimit);
    QTest::newRow("RateLimit-* (IETF)") << int(ForumRateLimit::Headers::Ietf);
}

void tst_RateLimits::learnsTheLimitFromRateHeaders()
{
    QFETCH(int, headers);
    // Five clients (five sources) on one host that allows 20 requests a second, 80 requests.
    MeteredHost host(20, ForumRateLimit::Headers(headers));
    const QStringList failures = hammer(host.url(), 5, 16);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    QCOMPARE(host.arrivals().size() - host.refused(), 80);
    qInfo("%d requests arrived, %d refused (429)", int(host.arrivals().size()), host.refused());
    QCOMPARE(host.refusedAfter(1000), 0);
    const HostBudget::Stats s = statsOf(host.key());
    QCOMPARE(s.limit, qint64(20));
    QCOMPARE(s.rateLimited, qint64(host.refused()));
}

void tst_RateLimits::learnsFromBare429s()
{
    // A host that says nothing but 429 and Retry-After: the pace is learned from the refusals.
    MeteredHost host(20, ForumRateLimit::Headers::None);
    const QStringList failures = hammer(host.url(), 5, 16);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    qInfo("%d requests arrived, %d refused (429)", int(host.arrivals().size()), host.refused());
    QVERIFY(host.refused() > 0); // nothing to learn from before the first refusal
    // Two seconds: the first refusal asks for one second's pause, the learned pace follows it.
    QCOMPARE(host.refusedAfter(2000), 0);
}

void tst_RateLimits::aConfiguredRateNeedsNoHeaders()
{
    MeteredHost host(20, ForumRateLimit::Headers::None);
    HostLimits limits;
    limits.requests = 20;
    limits.windowMs = 1000;
    limits.learn = false;
    RequestBudgets::instance().configure({{host.key(), limits}});
    QElapsedTimer clock;
    clock.start();
    const QStringList failures = hammer(host.url(), 4, 15);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    QCOMPARE(host.refused(), 0);
    QCOMPARE(host.arrivals().size(), 60);
    // 60 requests at 20 in any second (plus the margin): the last ones wait for the window.
    QVERIFY2(clock.elapsed() >= 2000, qPrintable(QString::number(clock.elapsed())));
}

void tst_RateLimits::concurrencyIsSharedAcrossThreads()
{
    // Answers take 100 ms; three threads with two clients each would have six in flight.
    MeteredHost host(10000, ForumRateLimit::Headers::None, 100);
    HostLimits limits;
    limits.concurrency = 2;
    RequestBudgets::instance().configure({{host.key(), limits}});
    const QUrl url = host.url();
    QList<QThread *> threads;
    QAtomicInt failures = 0;
    for (int t = 0; t < 3; ++t) {
        threads.append(QThread::create([url, &failures] {
            if (!hammer(url, 2, 3).isEmpty())
                failures.fetchAndAddRelaxed(1);
        }));
        threads.last()->start();
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(threads.begin(), threads.end(), [](QThread *t) { return t->isFinished(); }), 60000);
    qDeleteAll(threads);
    QCOMPARE(failures.loadRelaxed(), 0);
    QCOMPARE(host.arrivals().size(), 18);
    // At most two requests between any arrival and 100 ms later: the answers are that slow.
    int most = 0;
    for (const auto &a : host.arrivals()) {
        const int within = int(std::count_if(host.arrivals().begin(), host.arrivals().end(), [&](const QPair<qint64, QString> &b) {
            return b.first >= a.first && b.first < a.first + 90;
        }));
        most = qMax(most, within);
    }
    QVERIFY2(most <= 2, qPrintable(QString::number(most)));
    QCOMPARE(statsOf(host.key()).granted, qint64(18));
}

void tst_RateLimits::urgentRequestsGoFirst()
{
    // One at a time, 50 ms each: four background requests queue, then two urgent ones arrive.
    MeteredHost host(10000, ForumRateLimit::Headers::None, 50);
    HostLimits limits;
    limits.concurrency = 1;
    RequestBudgets::instance().configure({{host.key(), limits}});
    QNetworkAccessManager nam;
    HttpClient client(&nam);
    int done = 0;
    auto start = [&](const QString &path, RequestPriority p) {
        HttpJob *job = client.get(QNetworkRequest(host.url(path)));
        job->setPriority(p);
        QObject::connect(job, &HttpJob::finished, &client, [&](HttpJob *) { ++done; });
        job->start();
    };
    for (int i = 0; i < 4; ++i)
        start(QStringLiteral("/backfill%1").arg(i), RequestPriority::Background);
    start(QStringLiteral("/webhook0"), RequestPriority::Urgent);
    start(QStringLiteral("/incremental0"), RequestPriority::Normal);
    start(QStringLiteral("/webhook1"), RequestPriority::Urgent);
    QTRY_COMPARE_WITH_TIMEOUT(done, 7, 20000);
    QStringList order;
    for (const auto &a : host.arrivals())
        order.append(a.second.mid(1));
    // The first background request had the slot before the others asked.
    QCOMPARE(order, QStringList({QStringLiteral("backfill0"), QStringLiteral("webhook0"), QStringLiteral("webhook1"),
                                 QStringLiteral("incremental0"), QStringLiteral("backfill1"), QStringLiteral("backfill2"),
                                 QStringLiteral("backfill3")}));
}

void tst_RateLimits::aSpentBudgetRefusesWithoutSending()
{
    int requests = 0;
    HttpServer server([&](const HttpRequest &) {
        ++requests;
        HttpResponse r = HttpResponse::json(429, QByteArrayLiteral("{\"message\":\"quota exceeded\"}"));
        r.setHeader("Retry-After", "3600");
        return r;
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/x").arg(server.port()));
    QNetworkAccessManager nam;
    HttpClient client(&nam);
    auto fetch = [&] {
        HttpJob *job = client.get(QNetworkRequest(url));
        QSignalSpy spy(job, &HttpJob::finished);
        job->start();
        Error e;
        QObject::connect(job, &HttpJob::finished, &client, [&e](HttpJob *j) { e = j->error(); });
        [&] { QVERIFY(spy.wait(10000)); }();
        return e;
    };
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const Error first = fetch();
    QCOMPARE(int(first.code), int(Error::Code::BudgetSpent));
    QVERIFY2(first.message.contains(QStringLiteral("asks to wait 3600 s")), qPrintable(first.message));
    QVERIFY(first.retryAt >= before.addSecs(3599) && first.retryAt <= before.addSecs(3700));
    // The host asked for an hour: the next request is not sent at all.
    const Error second = fetch();
    QCOMPARE(int(second.code), int(Error::Code::BudgetSpent));
    QVERIFY2(second.message.contains(QStringLiteral("the request budget is spent until")), qPrintable(second.message));
    QVERIFY2(second.message.contains(QStringLiteral("max_wait_seconds")), qPrintable(second.message));
    QCOMPARE(requests, 1);
    const HostBudget::Stats s = statsOf(RequestBudgets::keyFor(url));
    QCOMPARE(s.refused, qint64(1));
    QCOMPARE(s.rateLimited, qint64(1));
}

void tst_RateLimits::configurationOfHostsIsChecked()
{
    auto load = [](const QJsonObject &hosts, QStringList *errors) {
        QJsonObject root{{QStringLiteral("database"), QJsonObject{{QStringLiteral("path"), QStringLiteral("m.sqlite")}}},
                         {QStringLiteral("sources"), QJsonArray()},
                         {QStringLiteral("hosts"), hosts}};
        Config c;
        Config::fromJson(root, QStringLiteral("/tmp/x.json"), &c, errors);
        return c;
    };
    QStringList errors;
    const Config ok = load({{QStringLiteral("API.example.com"),
                             QJsonObject{{QStringLiteral("requests_per_minute"), 90}, {QStringLiteral("concurrency"), 3},
                                         {QStringLiteral("max_wait_seconds"), 30}}},
                            {QStringLiteral("slow.example.com"), QJsonObject{{QStringLiteral("requests_per_second"), 0.5}}}},
                           &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    const HostLimits api = ok.hosts.value(QStringLiteral("api.example.com"));
    QCOMPARE(api.requests, 90);
    QCOMPARE(api.windowMs, 60000);
    QCOMPARE(api.concurrency, 3);
    QCOMPARE(api.maxWaitMs, 30000);
    const HostLimits slow = ok.hosts.value(QStringLiteral("slow.example.com"));
    QCOMPARE(slow.requests, 1);
    QCOMPARE(slow.windowMs, 2000); // one request every two seconds
    // Saved as written.
    QCOMPARE(ok.toJson().value(QStringLiteral("hosts")).toObject().keys(), QStringList({QStringLiteral("API.example.com"), QStringLiteral("slow.example.com")}));

    errors.clear();
    load({{QStringLiteral("a.example.com"), QJsonObject{{QStringLiteral("requests_per_second"), 5}, {QStringLiteral("requests_per_minute"), 5}}},
          {QStringLiteral("b example"), QJsonObject{}},
          {QStringLiteral("c.example.com"), QJsonObject{{QStringLiteral("concurency"), 2}}},
          {QStringLiteral("d.example.com"), QJsonObject{{QStringLiteral("requests_per_second"), -1}}}},
         &errors);
    const QString all = errors.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("hosts.a.example.com.requests_per_minute: give requests_per_second or requests_per_minute, not both")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("hosts.b example: expected a host")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("hosts.c.example.com.concurency")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("hosts.d.example.com.requests_per_second")), qPrintable(all));
}

void tst_RateLimits::fiveSourcesOnOneHostKeepUnderItsLimit()
{
    // Five forums behind one host (forum-sim --mount) that allows 10 requests in any second;
    // five sources run at once, as the service runs them.
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 2, 5, 10, 1)));
    const QStringList names = {QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("e")};
    QVERIFY(f.generateExternal(forum(20, 3, 30, 150, 11)));
    ForumSimOptions o;
    o.token = QStringLiteral("test-token");
    o.faults.rateLimit = 10;
    for (int i = 0; i < names.size(); ++i) {
        ForumGenerator g(forum(20, 3, 30, 150, quint64(12 + i)));
        QString error;
        QVERIFY2(g.generate(f.path(names.at(i) + QStringLiteral(".sqlite")), &error), qPrintable(error));
        o.mounts.append({names.at(i), f.path(names.at(i) + QStringLiteral(".sqlite"))});
    }
    QVERIFY(f.startForum(o));
    const QString base = f.forumUrl().toString();
    QVERIFY(f.configure([&](QJsonObject &root) {
        QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
        const QJsonObject first = sources.at(0).toObject();
        sources = QJsonArray();
        for (int i = 0; i <= names.size(); ++i) {
            QJsonObject s = first;
            s.insert(QStringLiteral("name"), QStringLiteral("forum%1").arg(i));
            QJsonObject rest = s.value(QStringLiteral("rest")).toObject();
            QString url = base;
            if (i > 0)
                url.replace(QStringLiteral("/api/v1"), QLatin1Char('/') + names.at(i - 1) + QStringLiteral("/api/v1"));
            rest.insert(QStringLiteral("base_url"), url);
            s.insert(QStringLiteral("rest"), rest);
            setPageSize(s, 10);
            sources.append(s);
        }
        root.insert(QStringLiteral("sources"), sources);
    }));
    std::vector<std::unique_ptr<SourceRunner>> runners;
    std::vector<std::unique_ptr<QSignalSpy>> spies;
    for (int i = 0; i <= names.size(); ++i) {
        runners.push_back(std::make_unique<SourceRunner>());
        spies.push_back(std::make_unique<QSignalSpy>(runners.back().get(), &SourceRunner::finished));
        Error error;
        QVERIFY2(runners.back()->start(f.config(), QStringLiteral("forum%1").arg(i), RunRequest(), false, &error), qPrintable(error.toString()));
    }
    for (auto &spy : spies) {
        QTRY_COMPARE_WITH_TIMEOUT(spy->count(), 1, 300000);
        const RunResult r = spy->at(0).at(0).value<RunResult>();
        QVERIFY2(r.status == RunStatus::Ok, qPrintable(r.source + QStringLiteral(": ") + r.error.toString()));
        QCOMPARE(r.counts.value(QStringLiteral("messages")).fetched, qint64(150));
    }
    const HostBudget::Stats s = statsOf(RequestBudgets::keyFor(f.forumUrl()));
    qInfo("%lld requests, %lld answered 429, %lld ms waited for the budget", s.granted, s.rateLimited, s.waitedMs);
    QVERIFY(s.granted >= 5 * 20); // every source walked pages of ten
    QVERIFY2(s.rateLimited == 0 || s.lastRateLimitedAt <= s.firstGrantAt.addMSecs(1000),
             qPrintable(QStringLiteral("%1 429s, the last at %2, the first request at %3")
                            .arg(s.rateLimited)
                            .arg(s.lastRateLimitedAt.toString(Qt::ISODateWithMs), s.firstGrantAt.toString(Qt::ISODateWithMs))));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")), 5 * 150);
}

void tst_RateLimits::aRunWhoseBudgetIsSpentPausesAndGoesOn()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(10, 2, 5, 10, 1)));
    QVERIFY(f.generateExternal(forum(20, 3, 30, 200, 21)));
    QVERIFY(f.startForum());
    const QString key = RequestBudgets::keyFor(f.forumUrl());
    auto configure = [&](bool tight) {
        return f.configure([&](QJsonObject &root) {
            pageSize(20)(root);
            // Six requests a minute, and no run waits more than a second for the next ones.
            if (tight)
                root.insert(QStringLiteral("hosts"), QJsonObject{{key, QJsonObject{{QStringLiteral("requests_per_minute"), 6},
                                                                                    {QStringLiteral("max_wait_seconds"), 1}}}});
        });
    };
    QVERIFY(configure(true));
    const QStringList args = {QStringLiteral("sync"), QStringLiteral("--config"), f.configPath()};
    const QDateTime before = QDateTime::currentDateTimeUtc();
    TributarydProcess::Result r = TributarydProcess::run(args, {{QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token()}});
    qInfo("%s", qPrintable(r.out));
    // A success that is not complete: exit 0, the status says so, and when it goes on.
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("PAUSED")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("Paused until")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("the request budget is spent until")), qPrintable(r.out));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_runs WHERE status = 'paused'")), 1);
    const QString message = f.value(QStringLiteral("SELECT error FROM tributary_runs WHERE status = 'paused'")).toString();
    QVERIFY2(message.contains(key), qPrintable(message));
    // What it read is committed; not everything was read.
    const qint64 linked = f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links"));
    QVERIFY(linked > 0);
    QVERIFY(linked < 20 + 3 + 30 + 200);

    // The same for scripts: one document, status "paused", when the run goes on, and no error
    // for the command as a whole. (A fresh process: the budget is spent again at once.)
    r = TributarydProcess::run(args + QStringList{QStringLiteral("--json")}, {{QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token()}});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QString schemaError;
    const JsonSchema schema = JsonSchema::fromDocs(QStringLiteral("sync"), &schemaError);
    QVERIFY2(!schema.isNull(), qPrintable(schemaError));
    const QStringList problems = schema.validate(doc);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n')) + QLatin1Char('\n') + r.out));
    QCOMPARE(doc.value(QStringLiteral("status")).toString(), QStringLiteral("paused"));
    QVERIFY(doc.value(QStringLiteral("error")).isNull());
    const QJsonObject run = doc.value(QStringLiteral("runs")).toArray().at(0).toObject();
    QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("paused"));
    // It began in the entity the first run stopped in, so that a small budget is not spent on
    // the first entities again and again.
    const QString stoppedIn = message.section(QStringLiteral("entity "), 1).section(QLatin1Char(':'), 0, 0);
    QVERIFY2(!stoppedIn.isEmpty(), qPrintable(message));
    qInfo("the first run stopped in %s", qPrintable(stoppedIn));
    QCOMPARE(run.value(QStringLiteral("entities")).toArray().at(0).toObject().value(QStringLiteral("entity")).toString(), stoppedIn);
    QCOMPARE(run.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("budget-spent"));
    const QDateTime resumesAt = QDateTime::fromString(run.value(QStringLiteral("resumes_at")).toString(), Qt::ISODateWithMs);
    QVERIFY2(resumesAt > before && resumesAt < QDateTime::currentDateTimeUtc().addSecs(120), qPrintable(run.value(QStringLiteral("resumes_at")).toString()));

    // The budget is back (a new process, a larger budget): the next run goes on and completes.
    QVERIFY(configure(false));
    r = TributarydProcess::run(args, {{QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token()}});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("OK in")), qPrintable(r.out));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")), 200);
    bool inSync = false;
    f.verify(&inSync);
    QVERIFY(inSync);
}

QTEST_GUILESS_MAIN(tst_RateLimits)
#include "tst_ratelimits.moc"
