// tributaryd serve as an operator runs it: the real binary as a child process, forum-sim with
// webhooks over loopback, the main database a real SQLite file. Webhooks bring edits and
// deletes without waiting for polling; rejected webhooks do no work; /healthz follows a revoked
// token; SIGHUP refuses a broken configuration; SIGTERM in a run exits cleanly and the next start
// resumes; turns are never doubled; secrets never reach the log.
#include "SyncFixture.h"
#include "TestSupport.h"

#include "store/Database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTcpServer>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

const QByteArray kWebhookSecret = QByteArrayLiteral("whsec-serve-test-5d1e8c2a");
const QString kSecretEnv = QStringLiteral("TRIBUTARY_TEST_WEBHOOK_SECRET");

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// One `tributaryd serve` child on a fixture's configuration, listening on `port`, with the
// forum's token and the webhook secret in its environment; its log lines are collected as they come.
class Serve
{
public:
    bool start(const SyncFixture &f, quint16 port, const QStringList &extra = {})
    {
        m_port = port;
        m_process = std::make_unique<TributarydProcess>(
            Environment{{QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token()}, {kSecretEnv, QString::fromLatin1(kWebhookSecret)}});
        return m_process->start(QStringList{QStringLiteral("serve"), QStringLiteral("--config"), f.configPath(), QStringLiteral("--listen"),
                                            QStringLiteral("127.0.0.1:%1").arg(port)}
                                + extra);
    }

    QString log() const { return m_process ? m_process->log() : QString(); }
    bool logged(const QString &text) const { return log().contains(text); }
    qint64 pid() const { return m_process->pid(); }
    void signal(int sig) const { m_process->signal(sig); }
    bool running() const { return m_process && m_process->isRunning(); }
    // Waits for the process to end; its exit status, or -1 when it crashed or did not end.
    int wait(int ms = 60000) { return m_process->wait(ms); }
    QUrl url(const QString &path) const { return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)); }

private:
    std::unique_ptr<TributarydProcess> m_process; // killed, when still running, with the Serve
    quint16 m_port = 0;
};

struct Reply
{
    int status = 0;
    QByteArray body;
};

Reply request(QNetworkAccessManager &nam, const QByteArray &verb, const QUrl &url, const QByteArray &body = {},
              const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    QNetworkRequest r(url);
    for (const auto &h : headers)
        r.setRawHeader(h.first, h.second);
    if (!body.isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.sendCustomRequest(r, verb, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(30000);
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    reply->deleteLater();
    return out;
}

// A notification as the forum signs it (forum-api.md, "Webhooks").
QByteArray notification(const QString &id, const QString &entity, const QString &recordId, const QString &type)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("id"), id},
                                     {QStringLiteral("type"), type},
                                     {QStringLiteral("entity"), entity},
                                     {QStringLiteral("record_id"), recordId.toLongLong()}})
        .toJson(QJsonDocument::Compact);
}

QList<QPair<QByteArray, QByteArray>> signedHeaders(const QByteArray &body, qint64 timestamp, const QByteArray &secret = kWebhookSecret)
{
    const QByteArray ts = QByteArray::number(timestamp);
    return {{"X-Forum-Timestamp", ts},
            {"X-Forum-Signature", "sha256=" + QMessageAuthenticationCode::hash(ts + '.' + body, secret, QCryptographicHash::Sha256).toHex()}};
}

// The value of one sample of /metrics, or -1 when absent.
double sample(const QByteArray &metrics, const QString &series)
{
    for (const QByteArray &line : metrics.split('\n')) {
        const QString l = QString::fromUtf8(line);
        if (l.startsWith(series + QLatin1Char(' ')))
            return l.mid(series.size() + 1).toDouble();
    }
    return -1;
}

} // namespace

class tst_Serve : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void webhooksBringChangesWithoutPolling();
    void rejectedWebhooksDoNoWork();
    void healthFollowsARevokedToken();
    void hangupRefusesABrokenConfiguration();
    void terminateDuringARunThenResume();
    void turnsAreNeverDoubled();
    void lostAndDuplicatedWebhooksUnderChurn();
    void missedDeletesAreReconciledAtOnce();
    void usageErrors();

private:
    // A forum with webhooks to `port`, a configuration for it with this schedule, the service
    // started and its first sync done.
    void setUp(SyncFixture &f, Serve &serve, quint16 port, int interval, int reconcileInterval, const ForumGeneratorOptions &forumOptions,
               double drop = 0, double dup = 0, int churn = 0, const QStringList &extra = {});
    static qint64 runs(SyncFixture &f, const QString &kind, const QString &status = QStringLiteral("ok"));
    // SIGTERM: the service exits 0; then `tributaryd verify` exits 0.
    static void stopThenVerify(SyncFixture &f, Serve &serve);
    // A forum (no webhooks) answering after about `latencyMs`, and a configuration syncing it
    // every `interval` seconds with no scheduled reconciliation; `edit` changes the source object.
    static bool slowForum(SyncFixture &f, const ForumGeneratorOptions &forumOptions, int latencyMs, int interval,
                          const std::function<void(QJsonObject &)> &edit = {});

    QNetworkAccessManager m_nam;
};

void tst_Serve::setUp(SyncFixture &f, Serve &serve, quint16 port, int interval, int reconcileInterval, const ForumGeneratorOptions &forumOptions,
                      double drop, double dup, int churn, const QStringList &extra)
{
    QVERIFY(f.generateMain(forum(20, 3, 0, 0, 1)));
    QVERIFY(f.generateExternal(forumOptions));
    ForumSimOptions o;
    o.token = QStringLiteral("serve-token-7f3a9c41e2");
    o.webhookUrls = {QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks/forum").arg(port))};
    o.webhookSecret = kWebhookSecret;
    o.webhookDropRate = drop;
    o.webhookDuplicateRate = dup;
    o.churn = churn;
    o.seed = 11;
    QVERIFY(f.startForum(o));
    QVERIFY(f.configure([&](QJsonObject &root) {
        editSource(root, [&](QJsonObject &s) {
            s.insert(QStringLiteral("schedule"), QJsonObject{{QStringLiteral("interval_seconds"), interval},
                                                             {QStringLiteral("reconcile_interval_seconds"), reconcileInterval},
                                                             {QStringLiteral("jitter_share"), 0}});
            s.insert(QStringLiteral("webhook"), QJsonObject{{QStringLiteral("secret"), QJsonObject{{QStringLiteral("env"), kSecretEnv}}}});
        });
    }));
    QVERIFY(serve.start(f, port, extra));
    // The first sync runs at start.
    QTRY_VERIFY2_WITH_TIMEOUT(runs(f, QStringLiteral("incremental")) >= 1 || !serve.running(), qPrintable(serve.log()), 60000);
    QVERIFY2(runs(f, QStringLiteral("incremental")) >= 1, qPrintable(serve.log()));
}

void tst_Serve::stopThenVerify(SyncFixture &f, Serve &serve)
{
    serve.signal(SIGTERM);
    QCOMPARE(serve.wait(), 0);
    QString out;
    QVERIFY2(f.tributaryd({QStringLiteral("verify")}, &out) == 0, qPrintable(out));
}

bool tst_Serve::slowForum(SyncFixture &f, const ForumGeneratorOptions &forumOptions, int latencyMs, int interval,
                          const std::function<void(QJsonObject &)> &edit)
{
    ForumFaults slow;
    slow.latencyMs = latencyMs;
    return f.generateMain(forum(20, 3, 0, 0, 1)) && f.generateExternal(forumOptions)
        && f.startForum(QStringLiteral("slow-token"), slow) && f.configure([&](QJsonObject &root) {
               editSource(root, [&](QJsonObject &s) {
                   s.insert(QStringLiteral("schedule"), QJsonObject{{QStringLiteral("interval_seconds"), interval},
                                                                    {QStringLiteral("reconcile_interval_seconds"), 0}});
                   if (edit)
                       edit(s);
               });
           });
}

qint64 tst_Serve::runs(SyncFixture &f, const QString &kind, const QString &status)
{
    return f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_runs WHERE kind = ? AND status = ?"), {kind, status});
}

void tst_Serve::webhooksBringChangesWithoutPolling()
{
    SyncFixture f;
    Serve serve;
    const quint16 port = freePort();
    // Polling once an hour: whatever arrives within seconds came by webhook.
    setUp(f, serve, port, 3600, 0, forum(30, 4, 20, 200, 3));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE source = 'forum' AND entity = 'messages'")), 200);

    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/3"), {{QStringLiteral("title"), QStringLiteral("Renamed, then hinted")}}, &status);
    QCOMPARE(status, 200);
    const QString topic = f.localId(QStringLiteral("topics"), QStringLiteral("3"));
    QTRY_COMPARE_WITH_TIMEOUT(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {topic}).toString(),
                              QStringLiteral("Renamed, then hinted"), 10000);

    // A new reply: its record is fetched by id and inserted under the right topic.
    const QJsonObject created = f.forumCall("POST", QStringLiteral("/messages"),
                                            {{QStringLiteral("topic_id"), 3},
                                             {QStringLiteral("content"), QStringLiteral("A reply that came by webhook")},
                                             {QStringLiteral("user_id"), 2}}, &status);
    QCOMPARE(status, 201);
    const QString newId = QString::number(created.value(QStringLiteral("id")).toInteger());
    QTRY_VERIFY_WITH_TIMEOUT(!f.localId(QStringLiteral("messages"), newId).isEmpty(), 10000);
    QCOMPARE(f.value(QStringLiteral("SELECT topic_id FROM messages WHERE id = ?"), {f.localId(QStringLiteral("messages"), newId)}).toString(),
             topic);

    // A delete: the record answers 404, and the message is soft-deleted by the normal rules.
    f.forumCall("DELETE", QStringLiteral("/messages/5"), {}, &status);
    QCOMPARE(status, 204);
    const QString message = f.localId(QStringLiteral("messages"), QStringLiteral("5"));
    QTRY_VERIFY_WITH_TIMEOUT(!f.value(QStringLiteral("SELECT deleted_at FROM tributary_links WHERE source = 'forum' "
                                                     "AND entity = 'messages' AND external_id = '5'")).isNull(), 10000);
    QVERIFY(!f.value(QStringLiteral("SELECT deleted_at FROM messages WHERE id = ?"), {message}).isNull());
    QVERIFY(!f.value(QStringLiteral("SELECT content FROM messages WHERE id = ?"), {message}).toString().isEmpty()); // soft: kept

    QCOMPARE(runs(f, QStringLiteral("incremental")), 1); // polling did none of it
    QVERIFY(runs(f, QStringLiteral("webhook")) >= 1);
    // The hints count as applied when their run has ended, a moment after its last commit.
    Reply metrics;
    QTRY_VERIFY_WITH_TIMEOUT((metrics = request(m_nam, "GET", serve.url(QStringLiteral("/metrics")))).status == 200
                                 && sample(metrics.body, QStringLiteral("tributary_webhook_hints_total{source=\"forum\",outcome=\"applied\"}")) >= 3,
                             10000);
    QCOMPARE(sample(metrics.body, QStringLiteral("tributary_webhook_hints_total{source=\"forum\",outcome=\"rejected\"}")), 0.0);

    stopThenVerify(f, serve);
}

void tst_Serve::rejectedWebhooksDoNoWork()
{
    SyncFixture f;
    Serve serve;
    const quint16 port = freePort();
    setUp(f, serve, port, 3600, 0, forum(20, 3, 10, 50, 4));
    if (QTest::currentTestFailed())
        return;
    const QUrl hook = serve.url(QStringLiteral("/webhooks/forum"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray body = notification(QStringLiteral("evt-1"), QStringLiteral("topics"), QStringLiteral("1"), QStringLiteral("topic.updated"));

    QCOMPARE(request(m_nam, "POST", hook, body).status, 401);                                            // unsigned
    QCOMPARE(request(m_nam, "POST", hook, body, signedHeaders(body, now, "not-the-secret")).status, 401); // wrongly signed
    QCOMPARE(request(m_nam, "POST", hook, body, signedHeaders(body, now - 3600)).status, 401);            // stale: an hour old
    QCOMPARE(request(m_nam, "POST", hook, body, signedHeaders(body, now + 3600)).status, 401);            // from the future
    const QByteArray huge = QByteArray(70000, 'x');
    QCOMPARE(request(m_nam, "POST", hook, huge, signedHeaders(huge, now)).status, 413);                   // larger than 64 KiB
    QCOMPARE(request(m_nam, "POST", serve.url(QStringLiteral("/webhooks/nosuch")), body, signedHeaders(body, now)).status, 404);

    // Then one good notification: the run it causes fetches that one record, nothing the
    // rejected ones named (they named the same record: a rejected hint would show as a run
    // before this one).
    QCOMPARE(runs(f, QStringLiteral("webhook")), 0);
    const QByteArray good = notification(QStringLiteral("evt-2"), QStringLiteral("messages"), QStringLiteral("7"), QStringLiteral("message.updated"));
    QCOMPARE(request(m_nam, "POST", hook, good, signedHeaders(good, now)).status, 202);
    QTRY_COMPARE_WITH_TIMEOUT(runs(f, QStringLiteral("webhook")), 1, 10000);
    const QJsonObject counts = QJsonDocument::fromJson(
        f.value(QStringLiteral("SELECT counts FROM tributary_runs WHERE kind = 'webhook'")).toString().toUtf8()).object();
    QCOMPARE(counts.value(QStringLiteral("messages")).toObject().value(QStringLiteral("fetched")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("topics")).toObject().value(QStringLiteral("fetched")).toInt(), 0);
    // The same event again is a duplicate: accepted, no run.
    QCOMPARE(request(m_nam, "POST", hook, good, signedHeaders(good, now)).status, 202);

    const Reply metrics = request(m_nam, "GET", serve.url(QStringLiteral("/metrics")));
    auto rejections = [&](const char *reason) {
        return sample(metrics.body, QStringLiteral("tributary_webhook_rejections_total{source=\"forum\",reason=\"%1\"}").arg(QLatin1String(reason)));
    };
    QCOMPARE(rejections("unsigned"), 1.0);
    QCOMPARE(rejections("bad_signature"), 1.0);
    QCOMPARE(rejections("stale"), 2.0);
    QCOMPARE(rejections("too_large"), 1.0);
    QCOMPARE(sample(metrics.body, QStringLiteral("tributary_webhook_hints_total{source=\"forum\",outcome=\"rejected\"}")), 5.0);
    QCOMPARE(sample(metrics.body, QStringLiteral("tributary_webhook_hints_total{source=\"forum\",outcome=\"received\"}")), 7.0);
    QCOMPARE(sample(metrics.body, QStringLiteral("tributary_webhook_hints_total{source=\"forum\",outcome=\"applied\"}")), 1.0);
    QCOMPARE(sample(metrics.body, QStringLiteral("tributary_http_responses_total{server=\"webhook\",code=\"413\"}")), 1.0);
    QCOMPARE(runs(f, QStringLiteral("webhook")), 1);
    serve.signal(SIGINT);
    QCOMPARE(serve.wait(), 0);
}

void tst_Serve::healthFollowsARevokedToken()
{
    SyncFixture f;
    Serve serve;
    const quint16 port = freePort();
    // JSON logs: this test also proves that no secret is ever written to them.
    setUp(f, serve, port, 1, 0, forum(20, 3, 10, 50, 5), 0, 0, 0, {QStringLiteral("--log-format"), QStringLiteral("json")});
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(request(m_nam, "GET", serve.url(QStringLiteral("/healthz"))).status, 200, 10000);

    // The forum now refuses the token the service has: the next run fails with 401.
    const QString token = f.token();
    const quint16 forumPort = quint16(f.forumUrl().port());
    f.stopForum();
    ForumSimOptions revoked;
    revoked.token = QStringLiteral("rotated-token-0b9e47d3");
    revoked.port = forumPort;
    QVERIFY(f.startForum(revoked));
    Reply health;
    QTRY_VERIFY_WITH_TIMEOUT((health = request(m_nam, "GET", serve.url(QStringLiteral("/healthz")))).status == 503, 15000);
    QVERIFY2(health.body.contains("source forum needs attention") && health.body.contains("401"), health.body.constData());
    const Reply json = request(m_nam, "GET", serve.url(QStringLiteral("/healthz?format=json")));
    QCOMPARE(QJsonDocument::fromJson(json.body).object().value(QStringLiteral("status")).toString(), QStringLiteral("unhealthy"));

    // /metrics stays readable and parses with Prometheus' own parser.
    const Reply metrics = request(m_nam, "GET", serve.url(QStringLiteral("/metrics")));
    QCOMPARE(metrics.status, 200);
    QString parseError;
    const QStringList families = parseWithPrometheusClient(metrics.body, &parseError);
    QVERIFY2(!families.isEmpty(), qPrintable(parseError));
    QVERIFY(families.contains(QStringLiteral("tributary_runs counter %1").arg(families.filter(QStringLiteral("tributary_runs counter")).value(0).section(QLatin1Char(' '), 2))));
    QVERIFY(sample(metrics.body, QStringLiteral("tributary_runs_total{source=\"forum\",kind=\"incremental\",status=\"failed\"}")) >= 1);

    // Fixed: the next run succeeds and health is back.
    f.stopForum();
    ForumSimOptions fixed;
    fixed.token = token;
    fixed.port = forumPort;
    fixed.webhookUrls = {serve.url(QStringLiteral("/webhooks/forum"))};
    fixed.webhookSecret = kWebhookSecret;
    QVERIFY(f.startForum(fixed));
    QTRY_COMPARE_WITH_TIMEOUT(request(m_nam, "GET", serve.url(QStringLiteral("/healthz"))).status, 200, 15000);

    // A bad signature is logged nowhere with the secret, and neither is the token.
    const QByteArray body = notification(QStringLiteral("evt-x"), QStringLiteral("topics"), QStringLiteral("1"), QStringLiteral("topic.updated"));
    QCOMPARE(request(m_nam, "POST", serve.url(QStringLiteral("/webhooks/forum")), body,
                     signedHeaders(body, QDateTime::currentSecsSinceEpoch(), "wrong")).status, 401);
    serve.signal(SIGTERM);
    QCOMPARE(serve.wait(), 0);
    const QString log = serve.log();
    QVERIFY(!log.contains(token));
    QVERIFY(!log.contains(QString::fromLatin1(kWebhookSecret)));
    QVERIFY(!log.contains(QStringLiteral("rotated-token-0b9e47d3")));
    int lines = 0;
    for (const QString &line : log.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(line));
        QVERIFY2(o.contains(QStringLiteral("time")) && o.contains(QStringLiteral("level")) && o.contains(QStringLiteral("message")),
                 qPrintable(line));
        ++lines;
    }
    QVERIFY(lines >= 4);
    QVERIFY(log.contains(QStringLiteral("listening on http://127.0.0.1:%1").arg(port)));
    QVERIFY(log.contains(QStringLiteral("\"level\":\"warning\"")));
}

void tst_Serve::hangupRefusesABrokenConfiguration()
{
    SyncFixture f;
    Serve serve;
    const quint16 port = freePort();
    setUp(f, serve, port, 3600, 0, forum(20, 3, 10, 50, 6));
    if (QTest::currentTestFailed())
        return;
    QFile file(f.configPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray good = file.readAll();
    file.close();

    // Broken: a column the main database does not have, and a schedule out of range.
    QByteArray broken = good;
    broken.replace("\"interval_seconds\": 3600", "\"interval_seconds\": 0");
    QVERIFY(broken != good);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(broken);
    file.close();
    serve.signal(SIGHUP);
    QTRY_VERIFY_WITH_TIMEOUT(serve.logged(QStringLiteral("configuration reload refused")), 10000);
    QVERIFY2(serve.logged(QStringLiteral("interval_seconds")), qPrintable(serve.log()));
    QVERIFY(serve.running());

    // The old configuration still runs: webhooks still apply.
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/2"), {{QStringLiteral("title"), QStringLiteral("After a refused reload")}}, &status);
    QCOMPARE(status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"),
                                      {f.localId(QStringLiteral("topics"), QStringLiteral("2"))}).toString(),
                              QStringLiteral("After a refused reload"), 10000);
    QCOMPARE(request(m_nam, "GET", serve.url(QStringLiteral("/healthz"))).status, 200);

    // A good one is taken.
    QByteArray changed = good;
    changed.replace("\"interval_seconds\": 3600", "\"interval_seconds\": 1800");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(changed);
    file.close();
    serve.signal(SIGHUP);
    QTRY_VERIFY_WITH_TIMEOUT(serve.logged(QStringLiteral("configuration reloaded")), 10000);
    QVERIFY(serve.running());
    serve.signal(SIGTERM);
    QCOMPARE(serve.wait(), 0);
}

void tst_Serve::terminateDuringARunThenResume()
{
    SyncFixture f;
    QVERIFY(slowForum(f, forum(100, 5, 300, 6000, 8), 40, 3600, [](QJsonObject &s) {
        QJsonObject rest = s.value(QStringLiteral("rest")).toObject();
        QJsonObject pagination = rest.value(QStringLiteral("pagination")).toObject();
        pagination.insert(QStringLiteral("page_size"), 100);
        rest.insert(QStringLiteral("pagination"), pagination);
        s.insert(QStringLiteral("rest"), rest);
    }));
    const quint16 port = freePort();
    {
        Serve serve;
        QVERIFY(serve.start(f, port));
        // In the middle of the messages.
        QTRY_VERIFY_WITH_TIMEOUT(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")) >= 500, 60000);
        // A sync by hand meanwhile is refused: the service holds the source.
        QString out;
        QCOMPARE(f.tributaryd({QStringLiteral("sync"), QStringLiteral("--quiet")}, &out), 1);
        QVERIFY2(out.contains(QStringLiteral("source forum is being synced by worker %1:%2 (lease until ").arg(QSysInfo::machineHostName()).arg(serve.pid())),
                 qPrintable(out));
        serve.signal(SIGTERM);
        QCOMPARE(serve.wait(), 0);
        QVERIFY2(serve.logged(QStringLiteral("signal 15: stopping")), qPrintable(serve.log()));
        QVERIFY(serve.logged(QStringLiteral("stopped")));
    }
    QCOMPARE(f.value(QStringLiteral("SELECT status FROM tributary_runs ORDER BY id DESC LIMIT 1")).toString(), QStringLiteral("interrupted"));
    const qint64 linked = f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'"));
    QVERIFY(linked < 6000);
    // Whole pages only: every link has its row, and the links are a multiple of the page size.
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM messages m JOIN tributary_links l ON l.local_id = CAST(m.id AS TEXT) "
                                     "AND l.entity = 'messages'")), linked);

    // The next start resumes from the committed cursor and completes.
    Serve again;
    QVERIFY(again.start(f, port));
    QTRY_VERIFY_WITH_TIMEOUT(runs(f, QStringLiteral("incremental")) >= 1, 120000);
    again.signal(SIGTERM);
    QCOMPARE(again.wait(), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")), 6000);
    QString out;
    QCOMPARE(f.tributaryd({QStringLiteral("verify")}, &out), 0);
}

void tst_Serve::turnsAreNeverDoubled()
{
    SyncFixture f;
    // Every page takes about 300 ms: a run lasts several seconds, the interval is one.
    QVERIFY(slowForum(f, forum(50, 4, 50, 600, 9), 300, 1));
    Serve serve;
    const quint16 port = freePort();
    QVERIFY(serve.start(f, port));
    QTRY_VERIFY_WITH_TIMEOUT(runs(f, QStringLiteral("incremental")) >= 2, 120000);
    const Reply metrics = request(m_nam, "GET", serve.url(QStringLiteral("/metrics")));
    serve.signal(SIGTERM);
    QCOMPARE(serve.wait(), 0);
    QVERIFY2(sample(metrics.body, QStringLiteral("tributary_scheduler_skipped_total{source=\"forum\",kind=\"incremental\"}")) >= 1,
             metrics.body.constData());
    // No two runs of the source overlap.
    QSqlQuery q(f.db().db());
    QVERIFY(q.exec(QStringLiteral("SELECT started_at, finished_at FROM tributary_runs WHERE source = 'forum' ORDER BY id")));
    QString previousEnd;
    int count = 0;
    while (q.next()) {
        const QString started = q.value(0).toString();
        if (!previousEnd.isEmpty())
            QVERIFY2(started >= previousEnd, qPrintable(started + QStringLiteral(" < ") + previousEnd));
        previousEnd = q.value(1).toString();
        ++count;
    }
    QVERIFY(count >= 2);
}

void tst_Serve::lostAndDuplicatedWebhooksUnderChurn()
{
    SyncFixture f;
    Serve serve;
    const quint16 port = freePort();
    // 30% of the webhooks lost, 10% sent twice, about 20 changes a second; polling every 2 s.
    const int changes = envInt("TRIBUTARY_SERVE_CHURN_CHANGES", 160);
    setUp(f, serve, port, 2, 86400, forum(40, 4, 40, 400, 10), 0.3, 0.1, 20);
    if (QTest::currentTestFailed())
        return;
    // The workload: churn until the forum has made this many changes (each one notification).
    QTRY_VERIFY_WITH_TIMEOUT(f.forumWebhookStats().notifications >= qint64(changes), 120000);
    // Stop the churn: the forum again, without it, on the same port.
    const quint16 forumPort = quint16(f.forumUrl().port());
    const QString token = f.token();
    f.stopForum();
    ForumSimOptions quiet;
    quiet.token = token;
    quiet.port = forumPort;
    QVERIFY(f.startForum(quiet));
    // One polling interval after the churn stopped, a sync that began after it has finished.
    const QString stoppedAt = Database::now();
    QTRY_VERIFY_WITH_TIMEOUT(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_runs WHERE kind = 'incremental' AND status = 'ok' "
                                                     "AND started_at > ?"), {stoppedAt}) >= 1, 30000);
    // Deletes whose webhook was lost are invisible to polling: the sync sees more links than the
    // source lists and the service reconciles at once. verify passes without anyone's help.
    QString out;
    // On failure: what verify found, and what the service did meanwhile.
    QTRY_VERIFY2_WITH_TIMEOUT(f.tributaryd({QStringLiteral("verify")}, &out) == 0, qPrintable(out + QStringLiteral("\n--- the end of the service log ---\n") + serve.log().right(8000)),
                              30000);
    QVERIFY2(runs(f, QStringLiteral("webhook")) >= 1, qPrintable(serve.log()));
    serve.signal(SIGTERM);
    QCOMPARE(serve.wait(), 0);
}

void tst_Serve::missedDeletesAreReconciledAtOnce()
{
    SyncFixture f;
    Serve serve;
    const quint16 port = freePort();
    // Every webhook lost; polling every second; the next scheduled reconciliation a day away.
    setUp(f, serve, port, 1, 86400, forum(20, 3, 10, 60, 12), 1.0);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(runs(f, QStringLiteral("reconcile")) >= 1, 10000); // the first one, at start
    const qint64 reconciles = runs(f, QStringLiteral("reconcile"));
    int status = 0;
    f.forumCall("DELETE", QStringLiteral("/messages/9"), {}, &status);
    QCOMPARE(status, 204);
    QTRY_VERIFY_WITH_TIMEOUT(!f.value(QStringLiteral("SELECT deleted_at FROM tributary_links WHERE source = 'forum' "
                                                     "AND entity = 'messages' AND external_id = '9'")).isNull(), 15000);
    // The service's log reaches the test through a pipe, after the database saw the sweep.
    QTRY_VERIFY2_WITH_TIMEOUT(serve.logged(QStringLiteral("forum: deletes were missed (messages: 60 linked, the source lists 59); reconciling now")),
                              qPrintable(serve.log()), 15000);
    // The sweep commits before the run's row says "ok": wait for the run's end, not its page.
    QTRY_COMPARE_WITH_TIMEOUT(runs(f, QStringLiteral("reconcile")), reconciles + 1, 15000);
    QCOMPARE(runs(f, QStringLiteral("webhook")), 0);
    stopThenVerify(f, serve);
}

void tst_Serve::usageErrors()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 0, 0, 1)));
    QVERIFY(f.generateExternal(forum(5, 1, 2, 4, 1)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    QString out;
    QCOMPARE(f.tributaryd({QStringLiteral("serve"), QStringLiteral("--log-format"), QStringLiteral("xml")}, &out), 2);
    QVERIFY2(out.contains(QStringLiteral("--log-format")), qPrintable(out));
    QCOMPARE(f.tributaryd({QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("nowhere")}, &out), 2);
    QVERIFY2(out.contains(QStringLiteral("HOST:PORT")), qPrintable(out));
    QCOMPARE(f.tributaryd({QStringLiteral("serve"), QStringLiteral("--source"), QStringLiteral("nosuch")}, &out), 2);
    QVERIFY2(out.contains(QStringLiteral("nosuch")), qPrintable(out));
    // A port in use: cannot start (1).
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    QCOMPARE(f.tributaryd({QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(taken.serverPort())}, &out), 1);
    QVERIFY2(out.contains(QStringLiteral("cannot listen")), qPrintable(out));
    // With JSON logs, the reason is a log line like any other.
    QCOMPARE(f.tributaryd({QStringLiteral("serve"), QStringLiteral("--log-format"), QStringLiteral("json"), QStringLiteral("--listen"),
                           QStringLiteral("127.0.0.1:%1").arg(taken.serverPort())}, &out), 1);
    const QJsonObject line = QJsonDocument::fromJson(out.trimmed().split(QLatin1Char('\n')).constLast().toUtf8()).object();
    QCOMPARE(line.value(QStringLiteral("level")).toString(), QStringLiteral("critical"));
    QVERIFY2(line.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("cannot listen on 127.0.0.1:")), qPrintable(out));
    QCOMPARE(f.tributaryd({QStringLiteral("serve"), QStringLiteral("--help")}, &out), 0);
    for (const char *text : {"SIGHUP", "SIGTERM", "/webhooks/{source}", "/healthz", "/metrics", "--log-format", "--listen", "Exit status"})
        QVERIFY2(out.contains(QLatin1String(text)), text);
}

QTEST_GUILESS_MAIN(tst_Serve)
#include "tst_serve.moc"
