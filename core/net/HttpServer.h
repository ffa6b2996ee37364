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

    // Requests with a larger body are answered 413 without calling the handler. Default 16 MiB.
    void setMaxBodyBytes(qint64 bytes);
    qint64 maxBodyBytes() const;
    // Connections idle longer than this are closed. Default 30 s.
    void setIdleTimeoutMs(int ms);

Q_SIGNALS:
    void requestHandled(const QByteArray &method, const QString &path, int status);
    // A request answered without calling the handler, for now only 413 (its announced body is
    // larger than maxBodyBytes(), and is not read).
    void requestRefused(const QByteArray &method, const QString &path, int status);

private:
    class Private;
    Private *d;
};

} // namespace Tributary
