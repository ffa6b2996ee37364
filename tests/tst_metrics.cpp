// Metrics registry and its Prometheus text rendering, health evaluation, and the monitoring
// endpoints served by a real HttpServer, with /metrics checked by prometheus_client's parser.
#include "config/Config.h"
#include "engine/run/Run.h"
#include "net/HttpClient.h"
#include "net/HttpServer.h"
#include "net/RequestBudget.h"
#include "service/Health.h"
#include "service/Metrics.h"
#include "service/MonitoringEndpoints.h"
#include "state/Migrations.h"
#include "store/Database.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <memory>

using namespace Tributary;
using Tributary::Test::parseWithPrometheusClient;

namespace {

struct Reply
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

Reply fetch(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &method = "GET",
            const QByteArray &accept = {})
{
    QNetworkRequest request(url);
    if (!accept.isEmpty())
        request.setRawHeader("Accept", accept);
    QNetworkReply *reply = nam.sendCustomRequest(request, method);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(10000);
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    r.body = reply->readAll();
    reply->deleteLater();
    return r;
}

RunResult run(const QString &source, RunResult::Status status, Error error = {})
{
    RunResult r;
    r.source = source;
    r.kind = RunKind::Incremental;
    r.status = status;
    r.error = std::move(error);
    r.elapsedMs = 1500;
    return r;
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void renderIsExact()
    {
        MetricsRegistry m;
        QVERIFY(m.declare(QStringLiteral("app_requests_total"), MetricsRegistry::Type::Counter,
                          QStringLiteral("Requests."), {QStringLiteral("method"), QStringLiteral("code")}));
        QVERIFY(m.declare(QStringLiteral("app_up"), MetricsRegistry::Type::Gauge, QStringLiteral("Up.")));
        QVERIFY(m.declare(QStringLiteral("app_empty"), MetricsRegistry::Type::Gauge, QStringLiteral("Nothing yet.")));
        m.add(QStringLiteral("app_requests_total"), {QStringLiteral("post"), QStringLiteral("500")}, 2);
        m.add(QStringLiteral("app_requests_total"), {QStringLiteral("get"), QStringLiteral("200")});
        m.add(QStringLiteral("app_requests_total"), {QStringLiteral("get"), QStringLiteral("200")}, 0.5);
        m.set(QStringLiteral("app_up"), {}, 1);
        const QByteArray expected =
            "# HELP app_requests_total Requests.\n"
            "# TYPE app_requests_total counter\n"
            "app_requests_total{method=\"get\",code=\"200\"} 1.5\n"
            "app_requests_total{method=\"post\",code=\"500\"} 2\n"
            "# HELP app_up Up.\n"
            "# TYPE app_up gauge\n"
            "app_up 1\n"
            "# HELP app_empty Nothing yet.\n"
            "# TYPE app_empty gauge\n";
        QCOMPARE(m.render(), expected);
    }

    void rejectsMisuse()
    {
        MetricsRegistry m;
        QVERIFY(!m.declare(QStringLiteral("1bad"), MetricsRegistry::Type::Gauge, QString()));
        QVERIFY(!m.declare(QStringLiteral("bad-name"), MetricsRegistry::Type::Gauge, QString()));
        QVERIFY(!m.declare(QStringLiteral("ok"), MetricsRegistry::Type::Gauge, QString(), {QStringLiteral("__reserved")}));
        QVERIFY(!m.declare(QStringLiteral("ok"), MetricsRegistry::Type::Gauge, QString(), {QStringLiteral("a:b")}));
        QVERIFY(!m.declare(QStringLiteral("ok"), MetricsRegistry::Type::Histogram, QString(), {QStringLiteral("le")}, {1}));
        QVERIFY(!m.declare(QStringLiteral("ok"), MetricsRegistry::Type::Histogram, QString(), {}, {2, 1}));
        QVERIFY(m.declare(QStringLiteral("ns:ok_total"), MetricsRegistry::Type::Counter, QString(), {QStringLiteral("a")}));
        QVERIFY(!m.declare(QStringLiteral("ns:ok_total"), MetricsRegistry::Type::Gauge, QString()));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^metrics: ")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^metrics: ")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^metrics: ")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^metrics: ")));
        m.add(QStringLiteral("ns:ok_total"), {QStringLiteral("x")}, -1);          // counters never go down
        m.add(QStringLiteral("ns:ok_total"), {QStringLiteral("x"), QStringLiteral("y")}); // wrong arity
        m.set(QStringLiteral("ns:ok_total"), {QStringLiteral("x")}, 5);           // not a gauge
        m.add(QStringLiteral("undeclared"), {});
        QVERIFY(!m.hasSeries(QStringLiteral("ns:ok_total"), {QStringLiteral("x")}));
    }

    void escaping()
    {
        QCOMPARE(MetricsRegistry::escapeLabelValue(QStringLiteral("a\\b\"c\nd")), QStringLiteral("a\\\\b\\\"c\\nd"));
        QCOMPARE(MetricsRegistry::escapeHelp(QStringLiteral("x\\y\"z\nw")), QStringLiteral("x\\\\y\"z\\nw"));
        QCOMPARE(MetricsRegistry::formatValue(3), QStringLiteral("3"));
        QCOMPARE(MetricsRegistry::formatValue(-0.25), QStringLiteral("-0.25"));
        QCOMPARE(MetricsRegistry::formatValue(0.1), QStringLiteral("0.1"));
        QCOMPARE(MetricsRegistry::formatValue(1775000000.123), QStringLiteral("1775000000.123"));
        QCOMPARE(MetricsRegistry::formatValue(qInf()), QStringLiteral("+Inf"));
        QCOMPARE(MetricsRegistry::formatValue(-qInf()), QStringLiteral("-Inf"));
        QCOMPARE(MetricsRegistry::formatValue(qQNaN()), QStringLiteral("NaN"));

        MetricsRegistry m;
        QVERIFY(m.declare(QStringLiteral("odd"), MetricsRegistry::Type::Gauge, QStringLiteral("Line one\nline \\two"),
                          {QStringLiteral("v")}));
        m.set(QStringLiteral("odd"), {QStringLiteral("q\"b\\n\nü")}, 1);
        QCOMPARE(m.render(), QByteArray("# HELP odd Line one\\nline \\\\two\n"
                                        "# TYPE odd gauge\n"
                                        "odd{v=\"q\\\"b\\\\n\\nü\"} 1\n"));
    }

    void histogramIsCumulative()
    {
        MetricsRegistry m;
        QVERIFY(m.declare(QStringLiteral("d_seconds"), MetricsRegistry::Type::Histogram, QStringLiteral("D."),
                          {QStringLiteral("s")}, {1, 2.5, 5}));
        for (double v : {0.5, 3.0, 3.0, 10.0, 1.0})
            m.observe(QStringLiteral("d_seconds"), {QStringLiteral("a")}, v);
        QCOMPARE(m.render(), QByteArray("# HELP d_seconds D.\n"
                                        "# TYPE d_seconds histogram\n"
                                        "d_seconds_bucket{s=\"a\",le=\"1\"} 2\n"
                                        "d_seconds_bucket{s=\"a\",le=\"2.5\"} 2\n"
                                        "d_seconds_bucket{s=\"a\",le=\"5\"} 4\n"
                                        "d_seconds_bucket{s=\"a\",le=\"+Inf\"} 5\n"
                                        "d_seconds_sum{s=\"a\"} 17.5\n"
                                        "d_seconds_count{s=\"a\"} 5\n"));
        QCOMPARE(m.value(QStringLiteral("d_seconds"), {QStringLiteral("a")}), 5.0);
    }

    void threadsDoNotLoseUpdates()
    {
        MetricsRegistry m;
        QVERIFY(m.declare(QStringLiteral("n_total"), MetricsRegistry::Type::Counter, QString(), {QStringLiteral("t")}));
        QVERIFY(m.declare(QStringLiteral("h"), MetricsRegistry::Type::Histogram, QString(), {}, {0.5}));
        constexpr int kThreads = 8;
        constexpr int kIncrements = 20000;
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back(QThread::create([&m, t] {
                for (int i = 0; i < kIncrements; ++i) {
                    m.add(QStringLiteral("n_total"), {QStringLiteral("all")});
                    m.add(QStringLiteral("n_total"), {QString::number(t % 2)});
                    m.observe(QStringLiteral("h"), {}, 1);
                    if (i % 1000 == 0)
                        (void)m.render();
                }
            }));
            threads.back()->start();
        }
        for (auto &t : threads)
            QVERIFY(t->wait(60000));
        QCOMPARE(m.value(QStringLiteral("n_total"), {QStringLiteral("all")}), double(kThreads * kIncrements));
        QCOMPARE(m.value(QStringLiteral("n_total"), {QStringLiteral("0")}), double(kThreads / 2 * kIncrements));
        QCOMPARE(m.value(QStringLiteral("h"), {}), double(kThreads * kIncrements));
    }

    void recordsRuns()
    {
        ServiceMetrics sm;
        RunResult r = run(QStringLiteral("forum"), RunResult::Status::Ok);
        r.counts[QStringLiteral("users")].inserted = 3;
        r.counts[QStringLiteral("users")].updated = 2;
        r.counts[QStringLiteral("topics")].linked = 1;
        r.counts[QStringLiteral("topics")].deleted = 4;
        const QDateTime finished = QDateTime::fromString(QStringLiteral("2026-01-01T00:00:10.000Z"), Qt::ISODateWithMs);
        sm.recordRun(r, finished);
        sm.recordRun(r, finished.addSecs(60));
        const MetricsRegistry &m = sm.registry();
        const QString applied = QStringLiteral("tributary_records_applied_total");
        QCOMPARE(m.value(applied, {QStringLiteral("forum"), QStringLiteral("users"), QStringLiteral("inserted")}), 6.0);
        QCOMPARE(m.value(applied, {QStringLiteral("forum"), QStringLiteral("users"), QStringLiteral("updated")}), 4.0);
        QCOMPARE(m.value(applied, {QStringLiteral("forum"), QStringLiteral("topics"), QStringLiteral("linked")}), 2.0);
        QCOMPARE(m.value(applied, {QStringLiteral("forum"), QStringLiteral("topics"), QStringLiteral("deleted")}), 8.0);
        QVERIFY(m.hasSeries(applied, {QStringLiteral("forum"), QStringLiteral("topics"), QStringLiteral("restored")}));
        QCOMPARE(m.value(QStringLiteral("tributary_run_duration_seconds"), {QStringLiteral("forum"), QStringLiteral("incremental")}), 2.0);
        QCOMPARE(m.value(QStringLiteral("tributary_runs_total"), {QStringLiteral("forum"), QStringLiteral("incremental"), QStringLiteral("ok")}), 2.0);
        QCOMPARE(m.value(QStringLiteral("tributary_last_success_timestamp_seconds"), {QStringLiteral("forum")}),
                 double(finished.addSecs(60).toSecsSinceEpoch()));

        sm.recordRun(run(QStringLiteral("forum"), RunResult::Status::Failed, Error(Error::Code::Auth, QStringLiteral("401"))),
                     finished.addSecs(120));
        QCOMPARE(m.value(QStringLiteral("tributary_last_run_status"), {QStringLiteral("forum"), QStringLiteral("failed")}), 1.0);
        QCOMPARE(m.value(QStringLiteral("tributary_last_run_status"), {QStringLiteral("forum"), QStringLiteral("ok")}), 0.0);
        // A failure leaves the last success alone; the lag runs from the start of that success.
        QCOMPARE(m.value(QStringLiteral("tributary_last_success_timestamp_seconds"), {QStringLiteral("forum")}),
                 double(finished.addSecs(60).toSecsSinceEpoch()));
        sm.render(finished.addSecs(60 + 100));
        QCOMPARE(m.value(QStringLiteral("tributary_source_lag_seconds"), {QStringLiteral("forum")}), 101.5);

        sm.recordWebhookHint(QStringLiteral("forum"), QStringLiteral("received"));
        sm.recordWebhookHint(QStringLiteral("forum"), QStringLiteral("rejected"));
        QCOMPARE(m.value(QStringLiteral("tributary_webhook_hints_total"), {QStringLiteral("forum"), QStringLiteral("received")}), 1.0);
    }

    void healthFollowsRuns()
    {
        Config config;
        SourceConfig forum;
        forum.name = QStringLiteral("forum");
        SourceConfig off;
        off.name = QStringLiteral("off");
        off.enabled = false;
        config.sources << forum << off;
        const QDateTime start = QDateTime::fromString(QStringLiteral("2026-01-01T00:00:00.000Z"), Qt::ISODateWithMs);
        HealthOptions options;
        options.maxSuccessAgeSeconds = 3600;
        options.startupGraceSeconds = 600;
        Health health(config, options, start);

        // Never run: fine during the grace period, then not.
        QVERIFY(health.evaluate(start.addSecs(599)).ok);
        HealthStatus s = health.evaluate(start.addSecs(1200));
        QVERIFY(!s.ok);
        QCOMPARE(s.reasons, QStringList{QStringLiteral("source forum has not succeeded for 20 minutes (not since the service started)")});

        health.reportRun(run(QStringLiteral("forum"), RunResult::Status::Ok), start.addSecs(1300));
        QVERIFY(health.evaluate(start.addSecs(1400)).ok);
        health.reportRun(run(QStringLiteral("forum"), RunResult::Status::Failed,
                             Error(Error::Code::Auth, QStringLiteral("the forum refused the token (HTTP 401)"))),
                         start.addSecs(1500));
        s = health.evaluate(start.addSecs(1600));
        QCOMPARE(s.reasons, QStringList{QStringLiteral("source forum needs attention: auth error: the forum refused the token (HTTP 401)")});
        // Interrupted runs change nothing.
        health.reportRun(run(QStringLiteral("forum"), RunResult::Status::Interrupted), start.addSecs(1700));
        QVERIFY(!health.evaluate(start.addSecs(1700)).ok);
        health.reportRun(run(QStringLiteral("forum"), RunResult::Status::Partial), start.addSecs(1800));
        QVERIFY(health.evaluate(start.addSecs(1800)).ok);
        // Too long without success.
        s = health.evaluate(start.addSecs(1800 + 3600 + 61 * 60));
        QCOMPARE(s.reasons, QStringList{QStringLiteral("source forum has not succeeded for 121 minutes")});
    }

    void stateTablesAndStartup()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        DatabaseConfig dc;
        dc.path = dir.filePath(QStringLiteral("main.sqlite"));
        Error e;
        auto db = Database::open(dc, dir.path(), &e, Database::Missing::Create);
        QVERIFY2(db, qPrintable(e.toString()));
        QVERIFY2(Migrations::run(*db, &e), qPrintable(e.toString()));
        const QString now = Database::now();
        const QStringList inserts{
            QStringLiteral("INSERT INTO tributary_conflicts (source, entity, external_id, kind, fields, base, local, remote, status, created_at, updated_at) "
                           "VALUES ('forum', 'topics', '1', 'fields', '[]', '{}', '{}', '{}', 'open', '%1', '%1')").arg(now),
            QStringLiteral("INSERT INTO tributary_conflicts (source, entity, external_id, kind, fields, base, local, remote, status, created_at, updated_at) "
                           "VALUES ('forum', 'topics', '2', 'fields', '[]', '{}', '{}', '{}', 'open', '%1', '%1')").arg(now),
            QStringLiteral("INSERT INTO tributary_conflicts (source, entity, external_id, kind, fields, base, local, remote, status, created_at, updated_at) "
                           "VALUES ('forum', 'users', '3', 'fields', '[]', '{}', '{}', '{}', 'resolved', '%1', '%1')").arg(now),
            QStringLiteral("INSERT INTO tributary_quarantine (source, entity, external_id, record, reason, first_seen, last_seen) "
                           "VALUES ('forum', 'messages', '9', '{}', 'bad', '%1', '%1')").arg(now),
            QStringLiteral("INSERT INTO tributary_runs (source, kind, started_at, finished_at, status) "
                           "VALUES ('forum', 'incremental', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:30.000Z', 'ok')"),
            QStringLiteral("INSERT INTO tributary_runs (source, kind, started_at, finished_at, status, error) "
                           "VALUES ('forum', 'incremental', '2026-01-01T01:00:00.000Z', '2026-01-01T01:00:01.000Z', 'failed', 'token revoked')"),
            QStringLiteral("INSERT INTO tributary_runs (source, kind, started_at, finished_at, status) "
                           "VALUES ('forum', 'incremental', '2026-01-01T02:00:00.000Z', NULL, 'interrupted')"),
        };
        for (const QString &sql : inserts)
            QVERIFY2(db->exec(sql, &e), qPrintable(e.toString()));

        ServiceMetrics sm;
        QVERIFY2(sm.refreshFromState(*db, &e), qPrintable(e.toString()));
        const MetricsRegistry &m = sm.registry();
        QCOMPARE(m.value(QStringLiteral("tributary_open_conflicts"), {QStringLiteral("forum"), QStringLiteral("topics")}), 2.0);
        QVERIFY(!m.hasSeries(QStringLiteral("tributary_open_conflicts"), {QStringLiteral("forum"), QStringLiteral("users")}));
        QCOMPARE(m.value(QStringLiteral("tributary_quarantined_records"), {QStringLiteral("forum"), QStringLiteral("messages")}), 1.0);
        QCOMPARE(m.value(QStringLiteral("tributary_database_up"), {}), 1.0);
        QVERIFY(db->exec(QStringLiteral("DELETE FROM tributary_quarantine"), &e));
        QVERIFY(sm.refreshFromState(*db, &e));
        QVERIFY(!m.hasSeries(QStringLiteral("tributary_quarantined_records"), {QStringLiteral("forum"), QStringLiteral("messages")}));

        QVERIFY2(sm.loadLastSuccess(*db, &e), qPrintable(e.toString()));
        QCOMPARE(m.value(QStringLiteral("tributary_last_success_timestamp_seconds"), {QStringLiteral("forum")}),
                 double(QDateTime::fromString(QStringLiteral("2026-01-01T00:00:30.000Z"), Qt::ISODateWithMs).toSecsSinceEpoch()));

        Config config;
        SourceConfig forum;
        forum.name = QStringLiteral("forum");
        config.sources << forum;
        const QDateTime t0 = QDateTime::fromString(QStringLiteral("2026-01-01T01:10:00.000Z"), Qt::ISODateWithMs);
        HealthOptions options;
        options.maxSuccessAgeSeconds = 7200;
        Health health(config, options, t0);
        QVERIFY2(health.loadFromRuns(*db, &e), qPrintable(e.toString()));
        const HealthStatus s = health.evaluate(t0);
        QCOMPARE(s.reasons, QStringList{QStringLiteral("source forum needs attention: token revoked")});
    }

    void countsRequestsToTheSourcesHosts()
    {
        // What the process asked of the sources' hosts, from their request budgets.
        RequestBudgets::instance().reset();
        int calls = 0;
        HttpServer server([&](const HttpRequest &) {
            ++calls;
            if (calls == 1) {
                HttpResponse r = HttpResponse::json(429, "{}");
                r.setHeader("Retry-After", "0");
                return r;
            }
            HttpResponse r = HttpResponse::json(200, "{}");
            r.setHeader("X-RateLimit-Limit", "50");
            r.setHeader("X-RateLimit-Remaining", "42");
            r.setHeader("X-RateLimit-Reset", "30");
            return r;
        });
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QNetworkAccessManager nam;
        HttpClient client(&nam);
        HttpJob *job = client.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/x").arg(server.port()))));
        QSignalSpy done(job, &HttpJob::finished);
        job->start();
        QVERIFY(done.wait(10000));
        ServiceMetrics metrics;
        const QString host = QStringLiteral("127.0.0.1:%1").arg(server.port());
        QByteArray body = metrics.render();
        auto has = [&](const QString &line) { return body.contains((line + QLatin1Char('\n')).toUtf8()); };
        QVERIFY2(has(QStringLiteral("tributary_upstream_requests_total{host=\"%1\",code=\"429\"} 1").arg(host)), body.constData());
        QVERIFY2(has(QStringLiteral("tributary_upstream_requests_total{host=\"%1\",code=\"200\"} 1").arg(host)), body.constData());
        QVERIFY(has(QStringLiteral("tributary_upstream_rate_limited_total{host=\"%1\"} 1").arg(host)));
        QVERIFY(has(QStringLiteral("tributary_upstream_retries_total{host=\"%1\"} 1").arg(host)));
        QVERIFY(has(QStringLiteral("tributary_upstream_budget_remaining{host=\"%1\"} 42").arg(host)));
        QVERIFY(has(QStringLiteral("tributary_upstream_in_flight{host=\"%1\"} 0").arg(host)));
        QVERIFY(has(QStringLiteral("tributary_upstream_budget_refused_total{host=\"%1\"} 0").arg(host)));
        // A second scrape does not count the same requests twice.
        body = metrics.render();
        QVERIFY(has(QStringLiteral("tributary_upstream_requests_total{host=\"%1\",code=\"200\"} 1").arg(host)));
        RequestBudgets::instance().reset();
    }

    void servesMonitoringEndpoints()
    {
        RequestBudgets::instance().reset();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        DatabaseConfig dc;
        dc.path = dir.filePath(QStringLiteral("main.sqlite"));
        Error e;
        auto db = Database::open(dc, dir.path(), &e, Database::Missing::Create);
        QVERIFY2(db, qPrintable(e.toString()));
        QVERIFY2(Migrations::run(*db, &e), qPrintable(e.toString()));
        QVERIFY(db->exec(QStringLiteral("INSERT INTO tributary_quarantine (source, entity, external_id, record, reason, first_seen, last_seen) "
                                        "VALUES ('forum', 'messages', '9', '{}', 'bad', 'x', 'x')"), &e));

        Config config;
        SourceConfig forum;
        forum.name = QStringLiteral("forum");
        config.sources << forum;
        ServiceMetrics metrics;
        Health health(config);
        health.setDatabase(db.get());
        Database *database = db.get();
        MonitoringEndpoints endpoints(&metrics, &health, [&metrics, database] { metrics.refreshFromState(*database); });
        HttpServer server(endpoints.handler());
        MonitoringEndpoints::countResponses(&server, &metrics, QStringLiteral("monitoring"));
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0), qPrintable(server.errorString()));
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
        QNetworkAccessManager nam;

        // Healthy: within the grace period, or after a good run.
        RunResult ok = run(QStringLiteral("forum"), RunResult::Status::Ok);
        ok.counts[QStringLiteral("messages")].inserted = 7;
        health.reportRun(ok);
        metrics.recordRun(ok);
        Reply r = fetch(nam, QUrl(base + QStringLiteral("/healthz")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("ok\n"));

        // The forum's token is revoked: 503 with the reason, as text and as JSON.
        const QString authMessage = QStringLiteral("the forum refused the credentials (HTTP 401); check its token");
        RunResult failed = run(QStringLiteral("forum"), RunResult::Status::Failed, Error(Error::Code::Auth, authMessage));
        health.reportRun(failed);
        metrics.recordRun(failed);
        r = fetch(nam, QUrl(base + QStringLiteral("/healthz")));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.body, (QStringLiteral("source forum needs attention: auth error: ") + authMessage + QLatin1Char('\n')).toUtf8());
        r = fetch(nam, QUrl(base + QStringLiteral("/healthz?format=json")));
        QCOMPARE(r.status, 503);
        QVERIFY(r.contentType.startsWith("application/json"));
        QJsonObject json = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("unhealthy"));
        QCOMPARE(json.value(QStringLiteral("reasons")).toArray().size(), 1);
        QVERIFY(json.value(QStringLiteral("reasons")).toArray().at(0).toString().contains(authMessage));
        r = fetch(nam, QUrl(base + QStringLiteral("/healthz")), "GET", "application/json");
        QCOMPARE(r.status, 503);
        QVERIFY(r.contentType.startsWith("application/json"));

        // Fixed, and a run succeeds: healthy again.
        health.reportRun(ok);
        metrics.recordRun(ok);
        r = fetch(nam, QUrl(base + QStringLiteral("/healthz")));
        QCOMPARE(r.status, 200);

        // Other paths and methods.
        QCOMPARE(fetch(nam, QUrl(base + QStringLiteral("/nope"))).status, 404);
        QCOMPARE(fetch(nam, QUrl(base + QStringLiteral("/metrics")), "POST").status, 405);

        // /metrics: the text format, checked by Prometheus' own parser.
        metrics.recordWebhookHint(QStringLiteral("forum"), QStringLiteral("applied"));
        r = fetch(nam, QUrl(base + QStringLiteral("/metrics")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QVERIFY(r.body.contains("tributary_records_applied_total{source=\"forum\",entity=\"messages\",kind=\"inserted\"} 14\n"));
        QVERIFY(r.body.contains("tributary_quarantined_records{source=\"forum\",entity=\"messages\"} 1\n"));
        QVERIFY(r.body.contains("tributary_http_responses_total{server=\"monitoring\",code=\"503\"} 3\n"));
        QVERIFY(r.body.contains("tributary_http_responses_total{server=\"monitoring\",code=\"405\"} 1\n"));
        QVERIFY(r.body.contains("tributary_database_up 1\n"));
        QString parseError;
        const QStringList families = parseWithPrometheusClient(r.body, &parseError);
        QVERIFY2(!families.isEmpty(), qPrintable(QStringLiteral("prometheus_client could not parse /metrics: ") + parseError
                                                 + QStringLiteral("\n") + QString::fromUtf8(r.body)));
        // prometheus_client names counter families without their _total suffix.
        const QStringList expected{
            QStringLiteral("tributary_records_applied counter 5"),
            QStringLiteral("tributary_runs counter 2"),
            QStringLiteral("tributary_run_duration_seconds histogram 12"),
            QStringLiteral("tributary_last_success_timestamp_seconds gauge 1"),
            QStringLiteral("tributary_last_run_status gauge 5"),
            QStringLiteral("tributary_source_lag_seconds gauge 1"),
            QStringLiteral("tributary_open_conflicts gauge 0"),
            QStringLiteral("tributary_quarantined_records gauge 1"),
            QStringLiteral("tributary_database_up gauge 1"),
            QStringLiteral("tributary_webhook_hints counter 1"),
            QStringLiteral("tributary_http_responses counter 4"),
            QStringLiteral("tributary_http_connections_dropped counter 0"),
            QStringLiteral("tributary_webhook_rejections counter 0"),
            QStringLiteral("tributary_scheduler_skipped counter 0"),
            QStringLiteral("tributary_scheduler_yielded counter 0"),
            QStringLiteral("tributary_lease_held gauge 0"),
            QStringLiteral("tributary_lease_holder_info gauge 0"),
            QStringLiteral("tributary_lease_expiry_timestamp_seconds gauge 0"),
            QStringLiteral("tributary_webhook_hints_waiting gauge 0"),
            QStringLiteral("tributary_outbox_operations gauge 0"),
            QStringLiteral("tributary_outbox_oldest_age_seconds gauge 0"),
            QStringLiteral("tributary_pushes counter 0"),
            QStringLiteral("tributary_upstream_requests counter 0"),
            QStringLiteral("tributary_upstream_retries counter 0"),
            QStringLiteral("tributary_upstream_rate_limited counter 0"),
            QStringLiteral("tributary_upstream_budget_wait_seconds counter 0"),
            QStringLiteral("tributary_upstream_budget_refused counter 0"),
            QStringLiteral("tributary_upstream_budget_remaining gauge 0"),
            QStringLiteral("tributary_upstream_in_flight gauge 0"),
        };
        QCOMPARE(families, expected);

        // The database goes away: 503 naming it.
        database->db().close();
        r = fetch(nam, QUrl(base + QStringLiteral("/healthz")));
        QCOMPARE(r.status, 503);
        QVERIFY2(r.body.startsWith("database unreachable"), r.body.constData());
        r = fetch(nam, QUrl(base + QStringLiteral("/metrics")));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("tributary_database_up 0\n"));
    }

    void deletedDatabaseFileIsUnreachable()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        DatabaseConfig dc;
        dc.path = dir.filePath(QStringLiteral("main.sqlite"));
        Error e;
        auto db = Database::open(dc, dir.path(), &e, Database::Missing::Create);
        QVERIFY2(db, qPrintable(e.toString()));
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t (x INTEGER)"), &e));
        Config config;
        Health health(config);
        health.setDatabase(db.get());
        QVERIFY(health.evaluate().ok);
        QVERIFY(QFile::remove(dc.path));
        const HealthStatus s = health.evaluate();
        QVERIFY(!s.ok);
        QCOMPARE(s.reasons.size(), 1);
        QVERIFY2(s.reasons.first().startsWith(QStringLiteral("database unreachable: the file")), qPrintable(s.reasons.first()));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
