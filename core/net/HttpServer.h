#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrlQuery>
#include <functional>

class QTcpServer;
class QTcpSocket;

namespace Tributary {

// A parsed HTTP/1.1 request.
struct HttpRequest
{
    QByteArray method;            // "GET", "POST", ...
    QByteArray target;            // raw request target: path and query as sent
    QString path;                 // percent-decoded path, without the query
    QUrlQuery query;              // decoded query parameters
    QHash<QByteArray, QByteArray> headers; // names lower-case
    QByteArray body;
    QHostAddress peer;

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

// The answer to one request. The fault fields let test servers (forum-sim) misbehave the way real
// servers do; a normal handler leaves them alone.
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    int delayMs = 0;              // answer after this many milliseconds (timer, never blocking)
    bool hang = false;            // never answer; the connection stays open until the peer gives up
    bool truncate = false;        // announce the full Content-Length, send half the body, close
    bool close = false;           // close the connection after this response

    void setHeader(const QByteArray &name, const QByteArray &value);
    static HttpResponse json(int status, const QByteArray &body);
    static HttpResponse text(int status, const QByteArray &body);
};

// A small HTTP/1.1 server on QTcpServer: keep-alive, Content-Length bodies, one handler.
// Used by forum-sim, the webhook receiver, the health/metrics endpoints and test servers.
// Lives in the thread it was created in; the handler runs there too and must not block.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit HttpServer(Handler handler, QObject *parent = nullptr);
    ~HttpServer() override;

    // Port 0 picks a free port; port() then tells which.
    bool listen(const QHostAddress &address, quint16 port);
    void close();
    bool isListening() const;
    quint16 port() const;
    QHostAddress address() const;
    QString errorString() const;

    // Why a connection was closed by the server rather than by its peer or a response.
    enum class Drop {
        Limit,          // maxConnections() were open already: closed at once, nothing read
        RequestTimeout, // a request's head and body did not arrive within requestTimeoutMs(): 408
        IdleTimeout,    // nothing came or went for idleTimeoutMs() between requests
    };
    Q_ENUM(Drop)
    static QString dropName(Drop drop); // "limit", "request_timeout", "idle_timeout"

    // Limits against clients that are slow on purpose (or broken): every connection costs a file
    // descriptor, and a server that runs out of them stops accepting anyone. Changes apply to
    // connections accepted afterwards.
    // Requests with a larger body are answered 413 without calling the handler. Default 16 MiB.
    void setMaxBodyBytes(qint64 bytes);
    qint64 maxBodyBytes() const;
    // A request's head and body must arrive within this time of its first byte (the first
    // request of a connection: of the connection itself), however slowly they trickle in;
    // otherwise it is answered 408 and the connection closed. Default 10 s.
    void setRequestTimeoutMs(int ms);
    int requestTimeoutMs() const;
    // A connection with nothing in flight (keep-alive between requests) is closed after this
    // long without traffic. Default 60 s.
    void setIdleTimeoutMs(int ms);
    int idleTimeoutMs() const;
    // At most this many connections are open at once; one more is closed as soon as it is
    // accepted. Default 512.
    void setMaxConnections(int connections);
    int maxConnections() const;
    int openConnections() const;

Q_SIGNALS:
    void requestHandled(const QByteArray &method, const QString &path, int status);
    // A request answered without calling the handler, for now only 413 (its announced body is
    // larger than maxBodyBytes(), and is not read).
    void requestRefused(const QByteArray &method, const QString &path, int status);
    // The server closed a connection for one of the limits above.
    void connectionDropped(Tributary::HttpServer::Drop drop);

private:
    class Private;
    Private *d;
};

} // namespace Tributary
