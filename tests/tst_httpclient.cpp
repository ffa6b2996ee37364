// HttpClient over real loopback HTTP: statuses, retries, Retry-After, timeouts, size caps,
// redirects, abort, pacing; plus the pure helpers (dates, backoff, redaction).
#include "net/HttpClient.h"
#include "net/RequestBudget.h"
#include "net/HttpServer.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Tributary;

Q_DECLARE_METATYPE(QList<Tributary::HttpResponse>)

namespace {

struct Result
{
    int finishedCount = 0;
    Error error;
    int status = 0;
    int retries = 0;
    QByteArray body;
    QByteArray testHeader;
    QDateTime serverTime;
    QUrl finalUrl;
};

HttpResponse respond(int status, const QByteArray &body = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    HttpResponse r = HttpResponse::json(status, body);
    for (const auto &h : headers)
        r.setHeader(h.first, h.second);
    return r;
}

HttpResponse hang()
{
    HttpResponse r;
    r.hang = true;
    return r;
}

HttpResponse truncated()
{
    HttpResponse r = HttpResponse::json(200, QByteArray(R"({"data":[{"id":1},{"id":2},{"id":3}],"next":null})"));
    r.truncate = true;
    return r;
}

QByteArray httpDate(const QDateTime &t)
{
    return QLocale::c().toString(t.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

} // namespace

class tst_HttpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void statuses_data();
    void statuses();
    void retryAfterSeconds();
    void retryAfterHttpDate();
    void connectionRefused();
    void tricklingAnswerMeetsTheDeadline_data();
    void tricklingAnswerMeetsTheDeadline();
    void keepsHeadersBodyAndServerTime();
    void redirects_data();
    void redirects();
    void abortEmitsOnce();
    void pacing();
    void errorMessagesRedactSecrets();
    void urlsInMessagesAreShownAsSent_data();
    void urlsInMessagesAreShownAsSent();

    void parseHttpDate_data();
    void parseHttpDate();
    void parseRetryAfter_data();
    void parseRetryAfter();
    void backoffHasFullJitterAndCap();
    void redactedUrl_data();
    void redactedUrl();

private:
    Result run(HttpClient *client, const QUrl &url, const QString &hint = {});
    QUrl url(const QString &path) const { return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path)); }

    HttpServer *m_server = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
    QList<HttpResponse> m_script; // answered in order; the last one repeats
    int m_requests = 0;
    QList<QElapsedTimer> m_arrivals;
    QList<qint64> m_arrivedAt; // ms on m_clock, one per request
    QElapsedTimer m_clock;
    HttpPolicy m_policy;
};

void tst_HttpClient::initTestCase()
{
    m_server = new HttpServer(
        [this](const HttpRequest &request) {
            ++m_requests;
            m_arrivedAt.append(m_clock.elapsed());
            if (request.path == QLatin1String("/target"))
                return respond(200, "{\"redirected\":true}");
            if (m_script.isEmpty())
                return respond(200, "{}");
            return m_script.size() > 1 ? m_script.takeFirst() : m_script.first();
        },
        this);
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    m_nam = new QNetworkAccessManager(this);
}

void tst_HttpClient::init()
{
    // One budget per host for the whole process: a 429 of one case must not pause the next.
    RequestBudgets::instance().reset();
    m_script.clear();
    m_requests = 0;
    m_arrivedAt.clear();
    m_clock.start();
    m_policy = HttpPolicy();
    m_policy.timeoutMs = 3000;
    m_policy.maxRetries = 3;
    m_policy.backoffBaseMs = 5;
    m_policy.maxBackoffMs = 20;
}

Result tst_HttpClient::run(HttpClient *client, const QUrl &u, const QString &hint)
{
    auto result = std::make_shared<Result>();
    HttpJob *job = client->get(QNetworkRequest(u));
    job->setCredentialHint(hint);
    connect(job, &HttpJob::finished, this, [result](HttpJob *j) {
        ++result->finishedCount;
        result->error = j->error();
        result->status = j->status();
        result->retries = j->retries();
        result->body = j->body();
        result->testHeader = j->header("x-test");
        result->serverTime = j->serverTime();
        result->finalUrl = j->finalUrl();
    });
    job->start();
    if (!QTest::qWaitFor([&] { return result->finishedCount > 0; }, 20000))
        result->error = Error(Error::Code::Internal, QStringLiteral("test: the job never finished"));
    return *result;
}

void tst_HttpClient::statuses_data()
{
    QTest::addColumn<QList<HttpResponse>>("responses");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<qint64>("maxResponseBytes");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("retries");
    QTest::addColumn<QString>("messageContains");

    const int none = int(Error::Code::None), auth = int(Error::Code::Auth), http = int(Error::Code::Http),
              net = int(Error::Code::Network), rate = int(Error::Code::RateLimited);
    const qint64 big = 64 * 1024 * 1024;
    const QByteArray ok = R"({"data":[]})";

    QTest::newRow("200") << QList<HttpResponse>{respond(200, ok)} << 3000 << big << none << 200 << 0 << QString();
    QTest::newRow("401 names the credential")
        << QList<HttpResponse>{respond(401, R"({"message":"Unauthenticated."})")} << 3000 << big << auth << 401 << 0
        << QStringLiteral("check the bearer token (environment variable TEST_TOKEN)");
    QTest::newRow("403 no retry") << QList<HttpResponse>{respond(403, "{}"), respond(200, ok)} << 3000 << big << auth << 403
                                  << 0 << QStringLiteral("HTTP 403 Forbidden");
    QTest::newRow("404") << QList<HttpResponse>{respond(404, R"({"message":"Not found."})")} << 3000 << big << http << 404
                         << 0 << QStringLiteral("HTTP 404 Not Found: Not found.");
    QTest::newRow("422 server message")
        << QList<HttpResponse>{respond(422, R"({"message":"The per page field must be between 1 and 1000.","errors":{"per_page":["x"]}})")}
        << 3000 << big << http << 422 << 0 << QStringLiteral("HTTP 422 Unprocessable Entity: The per page field must be between 1 and 1000.");
    QTest::newRow("429 then 200") << QList<HttpResponse>{respond(429, "{}", {{"Retry-After", "0"}}), respond(200, ok)} << 3000
                                  << big << none << 200 << 1 << QString();
    QTest::newRow("500 502 503 then 200")
        << QList<HttpResponse>{respond(500, ""), respond(502, "<html>bad gateway</html>"), respond(503, ""), respond(200, ok)}
        << 3000 << big << none << 200 << 3 << QString();
    QTest::newRow("504 then 200") << QList<HttpResponse>{respond(504, ""), respond(200, ok)} << 3000 << big << none << 200
                                  << 1 << QString();
    QTest::newRow("always 500 exhausts retries") << QList<HttpResponse>{respond(500, "")} << 3000 << big << http << 500 << 3
                                                 << QStringLiteral("HTTP 500 Internal Server Error after 3 retries");
    QTest::newRow("always 429 is rate limited") << QList<HttpResponse>{respond(429, "{}", {{"Retry-After", "0"}})} << 3000
                                                << big << rate << 429 << 3 << QStringLiteral("HTTP 429 Too Many Requests after 3 retries");
    // Longer than the host's max_wait_seconds (120 s): not sent again, the run pauses until then.
    QTest::newRow("Retry-After beyond the host's wait cap")
        << QList<HttpResponse>{respond(429, "{}", {{"Retry-After", "86400"}}), respond(200, ok)} << 3000 << big
        << int(Error::Code::BudgetSpent) << 429 << 0 << QStringLiteral("asks to wait 86400 s, beyond hosts.127.0.0.1:");
    QTest::newRow("hang times out") << QList<HttpResponse>{hang()} << 300 << big << net << 0 << 3
                                    << QStringLiteral("no data for 300 ms (timeout)");
    QTest::newRow("hang then 200") << QList<HttpResponse>{hang(), respond(200, ok)} << 300 << big << none << 200 << 1 << QString();
    QTest::newRow("oversized body") << QList<HttpResponse>{respond(200, QByteArray(5000, 'x'))} << 3000 << qint64(1000) << http
                                    << 200 << 0 << QStringLiteral("larger than the limit of 1000 bytes");
    QTest::newRow("oversized stream") << QList<HttpResponse>{respond(200, QByteArray(8 * 1024 * 1024, 'x'))} << 3000
                                      << qint64(1024 * 1024) << http << 200 << 0 << QStringLiteral("max_response_bytes");
    QTest::newRow("truncated then 200") << QList<HttpResponse>{truncated(), respond(200, ok)} << 3000 << big << none << 200 << 1
                                        << QString();
    QTest::newRow("always truncated") << QList<HttpResponse>{truncated()} << 3000 << big << net << 200 << 3
                                      << QStringLiteral("after 3 retries");
}

void tst_HttpClient::statuses()
{
    QFETCH(QList<HttpResponse>, responses);
    QFETCH(int, timeoutMs);
    QFETCH(qint64, maxResponseBytes);
    QFETCH(int, code);
    QFETCH(int, status);
    QFETCH(int, retries);
    QFETCH(QString, messageContains);

    m_script = responses;
    m_policy.timeoutMs = timeoutMs;
    m_policy.maxResponseBytes = maxResponseBytes;
    m_policy.maxTotalWaitMs = 60000;
    HttpClient client(m_nam, m_policy);
    const Result r = run(&client, url(QStringLiteral("/api/items")), QStringLiteral("the bearer token (environment variable TEST_TOKEN)"));

    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(int(r.error.code) == code, qPrintable(Error::codeName(r.error.code) + QStringLiteral(": ") + r.error.toString()));
    if (status)
        QCOMPARE(r.status, status);
    QCOMPARE(r.retries, retries);
    QCOMPARE(m_requests, retries + 1);
    if (!messageContains.isEmpty())
        QVERIFY2(r.error.message.contains(messageContains), qPrintable(r.error.message));
    if (code != int(Error::Code::None))
        QVERIFY2(r.error.message.contains(url(QStringLiteral("/api/items")).toString()), qPrintable(r.error.message));
    else
        QCOMPARE(r.body, QByteArray(R"({"data":[]})"));
}

void tst_HttpClient::urlsInMessagesAreShownAsSent_data()
{
    QTest::addColumn<QList<HttpResponse>>("responses");
    QTest::addColumn<qint64>("maxResponseBytes");
    QTest::addColumn<QString>("messageContains");

    const qint64 big = 64 * 1024 * 1024;
    QTest::newRow("retries exhausted") << QList<HttpResponse>{respond(503, "")} << big << QStringLiteral("after 3 retries");
    QTest::newRow("retries exhausted, Retry-After beyond the cap")
        << QList<HttpResponse>{respond(503, "", {{"Retry-After", "86400"}})} << big << QStringLiteral("86400 s more");
    QTest::newRow("oversized") << QList<HttpResponse>{respond(200, QByteArray(5000, 'x'))} << qint64(1000)
                               << QStringLiteral("larger than the limit of 1000 bytes");
    QTest::newRow("server message") << QList<HttpResponse>{respond(422, R"({"message":"bad since"})")} << big
                                    << QStringLiteral("HTTP 422 Unprocessable Entity: bad since");
    QTest::newRow("refused credentials") << QList<HttpResponse>{respond(401, "{}")} << big << QStringLiteral("HTTP 401 Unauthorized");
}

// A URL's percent escapes (%3A, %2F, %25) are text, never placeholders of the message around them.
void tst_HttpClient::urlsInMessagesAreShownAsSent()
{
    QFETCH(QList<HttpResponse>, responses);
    QFETCH(qint64, maxResponseBytes);
    QFETCH(QString, messageContains);

    m_script = responses;
    m_policy.maxResponseBytes = maxResponseBytes;
    HttpClient client(m_nam, m_policy);
    const QUrl u = url(QStringLiteral("/api/items?updated_since=2026-11-21T10%3A15%3A30Z&path=%2Fa%2Fb&q=100%25%201"));
    const QString sent = u.toString(QUrl::FullyEncoded);
    QVERIFY(sent.contains(QStringLiteral("%3A15%3A30Z&path=%2Fa%2Fb&q=100%25%201")));
    const Result r = run(&client, u);
    QVERIFY(r.error);
    QVERIFY2(r.error.message.contains(QStringLiteral("GET ") + sent + QLatin1Char(':')), qPrintable(r.error.message));
    QVERIFY2(r.error.message.contains(messageContains), qPrintable(r.error.message));
}

void tst_HttpClient::retryAfterSeconds()
{
    m_script = {respond(429, "{}", {{"Retry-After", "2"}}), respond(200, "{}")};
    HttpClient client(m_nam, m_policy);
    const Result r = run(&client, url(QStringLiteral("/x")));
    QVERIFY2(!r.error, qPrintable(r.error.toString()));
    QCOMPARE(r.retries, 1);
    // The second request reaches the server no sooner than it asked, measured where it counts:
    // between the two arrivals (a coarse timer asked again up to 5 % early, 1.94 s for 2 s).
    QCOMPARE(m_arrivedAt.size(), 2);
    const qint64 gap = m_arrivedAt.at(1) - m_arrivedAt.at(0);
    QVERIFY2(gap >= 2000, qPrintable(QStringLiteral("%1 ms between the requests").arg(gap)));
}

void tst_HttpClient::retryAfterHttpDate()
{
    // The server's Date has whole seconds: asking for now + 2 s means a wait of 1 to 2 s.
    const QByteArray when = httpDate(QDateTime::currentDateTimeUtc().addSecs(2));
    m_script = {respond(503, "", {{"Retry-After", when}}), respond(200, "{}")};
    HttpClient client(m_nam, m_policy);
    QElapsedTimer t;
    t.start();
    const Result r = run(&client, url(QStringLiteral("/x")));
    QVERIFY2(!r.error, qPrintable(r.error.toString()));
    QCOMPARE(r.retries, 1);
    QVERIFY2(t.elapsed() >= 900, qPrintable(QString::number(t.elapsed())));
}

void tst_HttpClient::connectionRefused()
{
    HttpServer closed([](const HttpRequest &) { return HttpResponse(); });
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.port();
    closed.close();
    m_policy.maxRetries = 2;
    HttpClient client(m_nam, m_policy);
    const Result r = run(&client, QUrl(QStringLiteral("http://127.0.0.1:%1/api").arg(port)));
    QCOMPARE(r.error.code, Error::Code::Network);
    QCOMPARE(r.retries, 2);
    QVERIFY2(r.error.message.contains(QStringLiteral("connection refused")), qPrintable(r.error.message));
}

void tst_HttpClient::tricklingAnswerMeetsTheDeadline_data()
{
    QTest::addColumn<bool>("headersFirst");
    QTest::newRow("the head trickles") << false;
    QTest::newRow("the body trickles") << true;
}

// A server that sends one byte every 50 ms never trips the inactivity timeout; the attempt's
// deadline ends it, once, without a retry (it would trickle again), naming the limit to raise.
void tst_HttpClient::tricklingAnswerMeetsTheDeadline()
{
    QFETCH(bool, headersFirst);
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    int connections = 0;
    const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n";
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            ++connections;
            socket->setParent(&server);
            QByteArray *pending = new QByteArray(headersFirst ? QByteArray() : head);
            if (headersFirst)
                socket->write(head);
            auto *timer = new QTimer(socket);
            connect(timer, &QTimer::timeout, socket, [socket, pending] {
                socket->write(pending->isEmpty() ? QByteArray(" ") : pending->left(1));
                if (!pending->isEmpty())
                    pending->remove(0, 1);
            });
            connect(socket, &QObject::destroyed, this, [pending] { delete pending; });
            timer->start(50);
        }
    });
    m_policy.timeoutMs = 1000;
    m_policy.deadlineMs = 800;
    HttpClient client(m_nam, m_policy);
    QElapsedTimer clock;
    clock.start();
    const Result r = run(&client, QUrl(QStringLiteral("http://127.0.0.1:%1/items").arg(server.serverPort())));
    const qint64 took = clock.elapsed();
    QCOMPARE(r.error.code, Error::Code::Network);
    QVERIFY2(r.error.message.contains(QStringLiteral("/items: the answer was not complete after 0.8 s")), qPrintable(r.error.message));
    QVERIFY2(r.error.message.contains(QStringLiteral("limits.deadline_ms")), qPrintable(r.error.message));
    QCOMPARE(r.retries, 0);
    QCOMPARE(connections, 1);
    QVERIFY2(took >= 800 && took < 5000, qPrintable(QString::number(took)));
}

void tst_HttpClient::keepsHeadersBodyAndServerTime()
{
    m_script = {respond(200, R"({"a":1})", {{"X-Test", "kept"}})};
    HttpClient client(m_nam, m_policy);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-2);
    const Result r = run(&client, url(QStringLiteral("/x")));
    QVERIFY(!r.error);
    QCOMPARE(r.testHeader, QByteArray("kept"));
    QCOMPARE(r.body, QByteArray(R"({"a":1})"));
    QVERIFY(r.serverTime.isValid());
    QCOMPARE(r.serverTime.timeSpec(), Qt::UTC);
    QVERIFY(r.serverTime >= before && r.serverTime <= QDateTime::currentDateTimeUtc().addSecs(2));
}

void tst_HttpClient::redirects_data()
{
    QTest::addColumn<bool>("sameOrigin");
    QTest::newRow("same origin is followed") << true;
    QTest::newRow("another origin is refused") << false;
}

void tst_HttpClient::redirects()
{
    QFETCH(bool, sameOrigin);
    // Another port on the same host is another origin: credentials must not travel there.
    HttpServer other([](const HttpRequest &) { return respond(200, "{\"other\":true}"); });
    QVERIFY(other.listen(QHostAddress::LocalHost, 0));
    const QByteArray location = sameOrigin ? url(QStringLiteral("/target")).toEncoded()
                                           : QStringLiteral("http://127.0.0.1:%1/target").arg(other.port()).toLatin1();
    m_script = {respond(302, "", {{"Location", location}})};
    HttpClient client(m_nam, m_policy);
    const Result r = run(&client, url(QStringLiteral("/start")));
    if (sameOrigin) {
        QVERIFY2(!r.error, qPrintable(r.error.toString()));
        QCOMPARE(r.body, QByteArray("{\"redirected\":true}"));
        QCOMPARE(r.finalUrl.path(), QStringLiteral("/target"));
    } else {
        QCOMPARE(r.error.code, Error::Code::Http);
        QVERIFY2(r.error.message.contains(QStringLiteral("redirect")), qPrintable(r.error.message));
        QCOMPARE(r.retries, 0);
    }
}

void tst_HttpClient::abortEmitsOnce()
{
    m_script = {hang()};
    HttpClient client(m_nam, m_policy);
    QPointer<HttpJob> job = client.get(QNetworkRequest(url(QStringLiteral("/hang"))));
    QSignalSpy spy(job.data(), &HttpJob::finished);
    Error error;
    connect(job, &HttpJob::finished, this, [&error](HttpJob *j) { error = j->error(); });
    job->start();
    QTRY_COMPARE(m_requests, 1);
    job->abort();
    job->abort();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(error.code, Error::Code::Aborted);
    QTRY_VERIFY(job.isNull()); // deleted later, exactly like a finished job
}

void tst_HttpClient::pacing()
{
    m_policy.requestsPerSecond = 50; // one request every 20 ms
    HttpClient client(m_nam, m_policy);
    int done = 0;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < 6; ++i) {
        HttpJob *job = client.get(QNetworkRequest(url(QStringLiteral("/p"))));
        connect(job, &HttpJob::finished, this, [&done](HttpJob *) { ++done; });
        job->start();
    }
    QTRY_COMPARE(done, 6);
    QVERIFY2(t.elapsed() >= 95, qPrintable(QString::number(t.elapsed())));
}

void tst_HttpClient::errorMessagesRedactSecrets()
{
    m_script = {respond(404, R"({"message":"Not found."})")};
    HttpClient client(m_nam, m_policy);
    const Result r = run(&client, url(QStringLiteral("/x?access_token=s3cr3t&page=2")));
    QCOMPARE(r.error.code, Error::Code::Http);
    QVERIFY2(!r.error.message.contains(QStringLiteral("s3cr3t")), qPrintable(r.error.message));
    QVERIFY2(r.error.message.contains(QStringLiteral("access_token=***&page=2")), qPrintable(r.error.message));
}

void tst_HttpClient::parseHttpDate_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime t(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
    QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << t;
    QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << t;
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << t;
    QTest::newRow("surrounding space") << QByteArray("  Sun, 06 Nov 1994 08:49:37 GMT ") << t;
    QTest::newRow("recent") << QByteArray("Sat, 21 Nov 2026 10:15:30 GMT")
                            << QDateTime(QDate(2026, 11, 21), QTime(10, 15, 30), Qt::UTC);
    QTest::newRow("not GMT") << QByteArray("Sun, 06 Nov 1994 08:49:37 CET") << QDateTime();
    QTest::newRow("bad month") << QByteArray("Sun, 06 Foo 1994 08:49:37 GMT") << QDateTime();
    QTest::newRow("garbage") << QByteArray("yesterday") << QDateTime();
    QTest::newRow("empty") << QByteArray() << QDateTime();
}

void tst_HttpClient::parseHttpDate()
{
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = HttpClient::parseHttpDate(value);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

void tst_HttpClient::parseRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expected");
    // Dates are relative to the server's clock: 2026-11-21 10:15:30 GMT in parseRetryAfter().
    QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("spaces") << QByteArray(" 3 ") << qint64(3000);
    QTest::newRow("date 90 s later") << QByteArray("Sat, 21 Nov 2026 10:17:00 GMT") << qint64(90000);
    QTest::newRow("date in the past") << QByteArray("Sat, 21 Nov 2026 10:00:00 GMT") << qint64(0);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    QTest::newRow("absent") << QByteArray() << qint64(-1);
}

void tst_HttpClient::parseRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expected);
    const QDateTime now(QDate(2026, 11, 21), QTime(10, 15, 30), Qt::UTC);
    QCOMPARE(HttpClient::parseRetryAfterMs(value, now), expected);
}

void tst_HttpClient::backoffHasFullJitterAndCap()
{
    HttpPolicy p;
    p.backoffBaseMs = 500;
    p.maxBackoffMs = 30000;
    for (int attempt = 0; attempt < 12; ++attempt) {
        const int cap = qMin(30000, 500 << attempt);
        int lo = INT_MAX, hi = -1;
        for (int i = 0; i < 300; ++i) {
            const int d = HttpClient::backoffMs(p, attempt);
            QVERIFY(d >= 0 && d <= cap);
            lo = qMin(lo, d);
            hi = qMax(hi, d);
        }
        // Full jitter spreads over the whole range, not around the cap.
        QVERIFY2(lo < cap / 4 && hi > cap * 3 / 4, qPrintable(QStringLiteral("%1 %2 %3").arg(attempt).arg(lo).arg(hi)));
    }
    QCOMPARE(HttpClient::backoffMs(p, 100) <= 30000, true);
}

void tst_HttpClient::redactedUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "http://h/api?page=2" << "http://h/api?page=2";
    QTest::newRow("token") << "http://h/api?token=abc&page=2" << "http://h/api?token=***&page=2";
    QTest::newRow("api_key") << "https://h/x?api_key=k&since=1" << "https://h/x?api_key=***&since=1";
    QTest::newRow("user info") << "https://bob:pw@h/x" << "https://h/x";
    QTest::newRow("signature") << "https://h/x?X-Amz-Signature=abc" << "https://h/x?X-Amz-Signature=***";
}

void tst_HttpClient::redactedUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(HttpClient::redactedUrl(QUrl(url)), expected);
}

QTEST_GUILESS_MAIN(tst_HttpClient)
#include "tst_httpclient.moc"
