// HttpServer against clients that are slow on purpose: requests sent in part and then stalled,
// bytes trickled one at a time, idle keep-alive connections, more connections than the cap.
// None of them can hold a connection (a file descriptor) past its timeout, connections beyond
// the cap are closed at once and counted, and a normal request is answered throughout. Then
// the same against the real `tributaryd serve` with its limits from service.
#include "TestSupport.h"
#include "TributarydProcess.h"

#include "net/HttpServer.h"
#include "store/Database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <vector>

using namespace Tributary;
using namespace Tributary::Test;

class tst_HttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stalledRequestsAreClosedAfterTheTimeout();
    void trickledBytesDoNotExtendTheRequest();
    void aSlowButCompleteRequestIsAnswered();
    void connectionsBeyondTheCapAreClosedAtOnce();
    void idleKeepAliveConnectionsAreClosed();
    void serveKeepsItsFileDescriptorsUnderSlowClients();
};

namespace {

using Sockets = std::vector<std::unique_ptr<QTcpSocket>>;

// `count` connections that each send the start of a request line and then nothing more.
Sockets stalled(quint16 port, int count)
{
    Sockets out;
    for (int i = 0; i < count; ++i) {
        auto s = std::make_unique<QTcpSocket>();
        s->connectToHost(QHostAddress::LocalHost, port);
        s->write("GET /healthz HTT");
        out.push_back(std::move(s));
    }
    return out;
}

// Sockets connected or still connecting (a full accept queue makes a client try again).
int activeCount(const Sockets &sockets)
{
    int n = 0;
    for (const auto &s : sockets)
        n += s->state() != QAbstractSocket::UnconnectedState ? 1 : 0;
    return n;
}

int connectedCount(const Sockets &sockets)
{
    int n = 0;
    for (const auto &s : sockets)
        n += s->state() == QAbstractSocket::ConnectedState ? 1 : 0;
    return n;
}

int status(QNetworkAccessManager &nam, const QUrl &url)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(5000);
    QNetworkReply *reply = nam.get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(10000);
    const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return code;
}

QByteArray metrics(QNetworkAccessManager &nam, const QUrl &url)
{
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(10000);
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

double sample(const QByteArray &text, const QByteArray &series)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(series + ' '))
            return line.mid(series.size() + 1).toDouble();
    }
    return 0;
}

int openFiles(qint64 pid)
{
    return int(QDir(QStringLiteral("/proc/%1/fd").arg(pid)).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System).size());
}

struct Server
{
    HttpServer http{[](const HttpRequest &) { return HttpResponse::text(200, "ok"); }};
    QSignalSpy dropped{&http, &HttpServer::connectionDropped};

    bool start(int requestTimeoutMs, int idleTimeoutMs, int maxConnections)
    {
        http.setRequestTimeoutMs(requestTimeoutMs);
        http.setIdleTimeoutMs(idleTimeoutMs);
        http.setMaxConnections(maxConnections);
        return http.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/healthz").arg(http.port())); }
    int drops(HttpServer::Drop drop) const
    {
        int n = 0;
        for (const QList<QVariant> &args : dropped)
            n += args.at(0).value<HttpServer::Drop>() == drop ? 1 : 0;
        return n;
    }
};

} // namespace

void tst_HttpServer::stalledRequestsAreClosedAfterTheTimeout()
{
    Server server;
    QVERIFY(server.start(400, 10000, 64));
    Sockets sockets = stalled(server.http.port(), 40);
    QTRY_COMPARE(server.http.openConnections(), 40);
    {
        // A normal client is answered at once, next to them.
        QNetworkAccessManager nam;
        QCOMPARE(status(nam, server.url()), 200);
    }
    QCOMPARE(server.drops(HttpServer::Drop::RequestTimeout), 0);
    // Each stalled one is answered 408 and closed after the timeout.
    QTRY_COMPARE_WITH_TIMEOUT(connectedCount(sockets), 0, 5000);
    for (const auto &s : sockets)
        QVERIFY2(s->readAll().startsWith("HTTP/1.1 408 "), "a stalled request is answered 408");
    QCOMPARE(server.drops(HttpServer::Drop::RequestTimeout), 40);
    QTRY_COMPARE(server.http.openConnections(), 0);
}

void tst_HttpServer::trickledBytesDoNotExtendTheRequest()
{
    Server server;
    QVERIFY(server.start(500, 10000, 8));
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, server.http.port());
    QVERIFY(s.waitForConnected(5000));
    const QByteArray request = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + QByteArray(100, 'a') + "\r\n\r\n";
    QElapsedTimer t;
    t.start();
    // One byte every 50 ms: each byte is activity, but the request would take 6 s to arrive.
    for (int i = 0; i < request.size() && s.state() == QAbstractSocket::ConnectedState; ++i) {
        s.write(request.mid(i, 1));
        s.flush();
        QTest::qWait(50);
    }
    QTRY_VERIFY_WITH_TIMEOUT(s.state() != QAbstractSocket::ConnectedState, 3000);
    QVERIFY2(t.elapsed() >= 450 && t.elapsed() < 2500, qPrintable(QString::number(t.elapsed())));
    QVERIFY(s.readAll().startsWith("HTTP/1.1 408 "));
    QCOMPARE(server.drops(HttpServer::Drop::RequestTimeout), 1);
}

void tst_HttpServer::aSlowButCompleteRequestIsAnswered()
{
    Server server;
    QVERIFY(server.start(1500, 10000, 8));
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, server.http.port());
    QVERIFY(s.waitForConnected(5000));
    // Two requests on one connection, each in three parts; the second one's clock starts with
    // its own first byte, not the connection's.
    for (int round = 0; round < 2; ++round) {
        for (const QByteArray &part : {QByteArray("GET /healthz"), QByteArray(" HTTP/1.1\r\nHost: x\r\n"), QByteArray("\r\n")}) {
            s.write(part);
            s.flush();
            QTest::qWait(300);
        }
        QTRY_VERIFY(s.bytesAvailable() > 0);
        QVERIFY(s.readAll().startsWith("HTTP/1.1 200 "));
        QTest::qWait(800); // idle between requests, longer than what is left of the first clock
    }
    QCOMPARE(server.drops(HttpServer::Drop::RequestTimeout), 0);
    QCOMPARE(s.state(), QAbstractSocket::ConnectedState);
}

void tst_HttpServer::connectionsBeyondTheCapAreClosedAtOnce()
{
    Server server;
    QVERIFY(server.start(1500, 10000, 20));
    Sockets sockets = stalled(server.http.port(), 50);
    // The 30 beyond the cap are closed as soon as they are accepted, long before the timeout.
    QTRY_COMPARE_WITH_TIMEOUT(server.drops(HttpServer::Drop::Limit), 30, 1000);
    QCOMPARE(server.http.openConnections(), 20);
    QTRY_COMPARE_WITH_TIMEOUT(connectedCount(sockets), 20, 1000);
    QCOMPARE(server.drops(HttpServer::Drop::RequestTimeout), 0);
    // Once the stalled ones have timed out, a normal client gets its answer.
    QTRY_COMPARE_WITH_TIMEOUT(server.http.openConnections(), 0, 5000);
    QNetworkAccessManager nam;
    QCOMPARE(status(nam, server.url()), 200);
    QCOMPARE(server.drops(HttpServer::Drop::RequestTimeout), 20);
}

void tst_HttpServer::idleKeepAliveConnectionsAreClosed()
{
    Server server;
    QVERIFY(server.start(5000, 400, 8));
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, server.http.port());
    QVERIFY(s.waitForConnected(5000));
    s.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY(s.bytesAvailable() > 0);
    QVERIFY(s.readAll().startsWith("HTTP/1.1 200 "));
    QElapsedTimer t;
    t.start();
    QTRY_VERIFY_WITH_TIMEOUT(s.state() != QAbstractSocket::ConnectedState, 3000);
    QVERIFY2(t.elapsed() >= 300, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(server.drops(HttpServer::Drop::IdleTimeout), 1);
}

void tst_HttpServer::serveKeepsItsFileDescriptorsUnderSlowClients()
{
    QTemporaryDir dir;
    {
        DatabaseConfig dc;
        dc.path = dir.filePath(QStringLiteral("main.sqlite"));
        Error e;
        auto db = Database::open(dc, dir.path(), &e, Database::Missing::Create);
        QVERIFY2(db && db->exec(QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT)"), &e),
                 qPrintable(e.toString()));
    }
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const QJsonObject root{
        {QStringLiteral("database"), QJsonObject{{QStringLiteral("path"), QStringLiteral("main.sqlite")}}},
        {QStringLiteral("service"), QJsonObject{{QStringLiteral("listen"), QStringLiteral("127.0.0.1:%1").arg(port)},
                                                {QStringLiteral("request_timeout_seconds"), 1},
                                                {QStringLiteral("idle_timeout_seconds"), 30},
                                                {QStringLiteral("max_connections"), 30}}},
        {QStringLiteral("sources"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("api")},
                                {QStringLiteral("type"), QStringLiteral("rest")},
                                {QStringLiteral("schedule"), QJsonObject{{QStringLiteral("interval_seconds"), 3600},
                                                                         {QStringLiteral("reconcile_interval_seconds"), 0}}},
                                {QStringLiteral("rest"), QJsonObject{{QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:9/v1")},
                                                                     {QStringLiteral("limits"), QJsonObject{{QStringLiteral("max_retries"), 0}}}}},
                                {QStringLiteral("entities"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("items")},
                                                                                    {QStringLiteral("endpoint"), QStringLiteral("/items")},
                                                                                    {QStringLiteral("table"), QStringLiteral("items")},
                                                                                    {QStringLiteral("columns"), QJsonObject{{QStringLiteral("title"), QStringLiteral("title")}}}}}}}}}};
    const QString config = dir.filePath(QStringLiteral("tributary.json"));
    {
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(root).toJson());
    }
    TributarydProcess serve;
    QVERIFY(serve.start({QStringLiteral("serve"), QStringLiteral("--config"), config}));
    const QUrl health(QStringLiteral("http://127.0.0.1:%1/healthz").arg(port));
    QNetworkAccessManager nam;
    int code = 0;
    // Listening, and the source's first sync done (it fails: nothing answers at its URL).
    QTRY_VERIFY2_WITH_TIMEOUT((code = status(nam, health)) == 503 || !serve.isRunning(), qPrintable(serve.log()), 30000);
    QVERIFY2(serve.isRunning(), qPrintable(serve.log()));
    const int before = openFiles(serve.pid());
    QVERIFY(before > 0);

    // Ten times the cap of half-sent requests, all at once. The service never holds more than
    // the cap, whatever the moment; each is closed at once (beyond the cap) or after the
    // request timeout, and none is left.
    Sockets sockets = stalled(port, 300);
    int most = 0;
    QElapsedTimer t;
    t.start();
    while (activeCount(sockets) > 0 && t.elapsed() < 60000) {
        most = qMax(most, openFiles(serve.pid()));
        QTest::qWait(20);
    }
    QCOMPARE(activeCount(sockets), 0);
    QVERIFY2(most <= before + 30 + 2, qPrintable(QStringLiteral("%1 files open before, up to %2 with slow clients").arg(before).arg(most)));
    QVERIFY2(most >= before + 20, qPrintable(QStringLiteral("%1 files open before, up to %2 with slow clients").arg(before).arg(most)));
    // A health check is answered (503: the source cannot be reached, which is what /healthz is
    // there to say), and every slow client was counted (this test's own keep-alive connection
    // for its health checks holds one place under the cap).
    QCOMPARE(status(nam, health), 503);
    const QByteArray m = metrics(nam, QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port)));
    const double limit = sample(m, "tributary_http_connections_dropped_total{reason=\"limit\"}");
    const double timedOut = sample(m, "tributary_http_connections_dropped_total{reason=\"request_timeout\"}");
    QVERIFY2(limit >= 1 && timedOut >= 1 && limit + timedOut >= 300,
             qPrintable(QStringLiteral("dropped at the limit %1, timed out %2").arg(limit).arg(timedOut)));
    QVERIFY(openFiles(serve.pid()) <= before + 2);

    serve.signal(SIGTERM);
    QCOMPARE(serve.wait(), 0);
}

QTEST_GUILESS_MAIN(tst_HttpServer)
#include "tst_httpserver.moc"
