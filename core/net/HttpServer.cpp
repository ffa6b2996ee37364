#include "HttpServer.h"

#include "util/Logging.h"

#include <QDateTime>
#include <QLocale>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <cstring>
#include <deque>
#include <memory>

#include <sys/socket.h>

namespace Tributary {

namespace {

// A request head larger than this is an attack or a bug, never a real client.
constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
constexpr int kMaxHeaderCount = 200;
// After a 413 the client may still be sending the body; reading (and dropping) it for a moment
// before closing lets the client read the 413 instead of seeing a connection reset.
constexpr int kLingerMs = 2000;
constexpr qint64 kLingerMaxBytes = 64 * 1024 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return QByteArrayLiteral("Continue");
    case 200: return QByteArrayLiteral("OK");
    case 201: return QByteArrayLiteral("Created");
    case 202: return QByteArrayLiteral("Accepted");
    case 204: return QByteArrayLiteral("No Content");
    case 301: return QByteArrayLiteral("Moved Permanently");
    case 302: return QByteArrayLiteral("Found");
    case 304: return QByteArrayLiteral("Not Modified");
    case 400: return QByteArrayLiteral("Bad Request");
    case 401: return QByteArrayLiteral("Unauthorized");
    case 403: return QByteArrayLiteral("Forbidden");
    case 404: return QByteArrayLiteral("Not Found");
    case 405: return QByteArrayLiteral("Method Not Allowed");
    case 408: return QByteArrayLiteral("Request Timeout");
    case 409: return QByteArrayLiteral("Conflict");
    case 411: return QByteArrayLiteral("Length Required");
    case 413: return QByteArrayLiteral("Payload Too Large");
    case 414: return QByteArrayLiteral("URI Too Long");
    case 415: return QByteArrayLiteral("Unsupported Media Type");
    case 422: return QByteArrayLiteral("Unprocessable Entity");
    case 429: return QByteArrayLiteral("Too Many Requests");
    case 431: return QByteArrayLiteral("Request Header Fields Too Large");
    case 500: return QByteArrayLiteral("Internal Server Error");
    case 501: return QByteArrayLiteral("Not Implemented");
    case 502: return QByteArrayLiteral("Bad Gateway");
    case 503: return QByteArrayLiteral("Service Unavailable");
    case 504: return QByteArrayLiteral("Gateway Timeout");
    case 505: return QByteArrayLiteral("HTTP Version Not Supported");
    default: break;
    }
    if (status >= 200 && status < 300)
        return QByteArrayLiteral("OK");
    if (status >= 400 && status < 500)
        return QByteArrayLiteral("Client Error");
    if (status >= 500)
        return QByteArrayLiteral("Server Error");
    return QByteArrayLiteral("Unknown");
}

// Clients use Date as the server clock, so it is always fresh; formatting it once per second
// keeps it off the per-request cost.
QByteArray httpDate()
{
    thread_local qint64 cachedSecs = -1;
    thread_local QByteArray cached;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 secs = now.toSecsSinceEpoch();
    if (secs != cachedSecs) {
        cachedSecs = secs;
        cached = QLocale::c()
                     .toString(QDateTime::fromSecsSinceEpoch(secs, Qt::UTC),
                               QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                     .toLatin1();
    }
    return cached;
}

bool isToken(const QByteArray &s)
{
    if (s.isEmpty())
        return false;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 32 || u >= 127 || c == '(' || c == ')' || c == '<' || c == '>' || c == '@'
            || c == ',' || c == ';' || c == ':' || c == '\\' || c == '"' || c == '/' || c == '['
            || c == ']' || c == '?' || c == '=' || c == '{' || c == '}')
            return false;
    }
    return true;
}

bool parseContentLength(const QByteArray &value, qint64 *out)
{
    if (value.isEmpty() || value.size() > 18)
        return false;
    qint64 n = 0;
    for (const char c : value) {
        if (c < '0' || c > '9')
            return false;
        n = n * 10 + (c - '0');
    }
    *out = n;
    return true;
}

bool headerHasToken(const QByteArray &value, const char *token)
{
    const QList<QByteArray> parts = value.split(',');
    for (const QByteArray &p : parts) {
        if (p.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

HttpResponse HttpResponse::json(int status, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return r;
}

HttpResponse HttpResponse::text(int status, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.headers.append(
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8")});
    return r;
}

namespace HttpServerDetail {

// What connections need from their server; HttpServer::Private is private to HttpServer, so the
// connections see it through this base.
struct ServerState
{
    HttpServer::Handler handler;
    qint64 maxBodyBytes = 16 * 1024 * 1024;
    int requestTimeoutMs = 10000;
    int idleTimeoutMs = 60000;
    int maxConnections = 512;
};

// One accepted connection: parses requests as they arrive and writes answers strictly in request
// order, even when a later answer is ready before an earlier (delayed) one.
class HttpConnection : public QObject
{
public:
    HttpConnection(QTcpSocket *socket, HttpServer *server, ServerState *d);
    ~HttpConnection() override;

    void shutdown();

private:
    struct Slot
    {
        HttpResponse response;
        QByteArray method;
        bool ready = false;
        bool keepAlive = true;
    };

    void onReadyRead();
    void processBuffer();
    bool parseOne();
    void rejectAndClose(int status, const QByteArray &message);
    void enqueue(HttpResponse response, const QByteArray &method, bool keepAlive);
    void flush();
    void writeResponse(const Slot &slot);
    void touch();
    void onIdleTimeout();
    void onRequestTimeout();
    void startLinger();
    void finish();

    QTcpSocket *m_socket;
    HttpServer *m_server;
    ServerState *m_d;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    std::deque<std::shared_ptr<Slot>> m_slots;
    QTimer m_idleTimer;
    QTimer m_requestTimer; // runs while a request is incomplete, from its first byte
    int m_delayedPending = 0;
    quint64 m_requestsParsed = 0;
    bool m_stopParsing = false; // after Connection: close, a hang or a fatal error
    bool m_closing = false;
    bool m_lingering = false;
    qint64 m_lingerBytes = 0;
};

} // namespace HttpServerDetail
using HttpServerDetail::HttpConnection;
using HttpServerDetail::ServerState;

class HttpServer::Private : public ServerState
{
public:
    QTcpServer *tcp = nullptr;
    QString error;
    QList<QPointer<HttpConnection>> connections;
};

HttpConnection::HttpConnection(QTcpSocket *socket, HttpServer *server, ServerState *d)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
    , m_d(d)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(m_d->idleTimeoutMs);
    connect(&m_idleTimer, &QTimer::timeout, this, &HttpConnection::onIdleTimeout);
    // Not restarted by the bytes that trickle in: a peer sending one byte a second must not
    // hold a connection (and a file descriptor) for ever. The first request is timed from the
    // connection itself, so one that sends nothing goes as soon as one that stalls.
    m_requestTimer.setSingleShot(true);
    m_requestTimer.setInterval(m_d->requestTimeoutMs);
    connect(&m_requestTimer, &QTimer::timeout, this, &HttpConnection::onRequestTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        touch();
        if (m_lingering && m_socket->bytesToWrite() == 0)
            startLinger();
    });
    m_idleTimer.start();
    m_requestTimer.start();
    if (m_socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &HttpConnection::onReadyRead);
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::shutdown()
{
    m_socket->abort();
    finish();
}

void HttpConnection::touch()
{
    m_idleTimer.start();
}

void HttpConnection::onIdleTimeout()
{
    // A delayed answer still on its way is activity the peer is waiting for, not idleness.
    if (m_delayedPending > 0 && !m_lingering) {
        m_idleTimer.start();
        return;
    }
    qCDebug(lcHttpServer) << "closing idle connection from" << m_socket->peerAddress();
    const bool closing = m_closing;
    m_socket->abort();
    finish();
    if (!closing)
        Q_EMIT m_server->connectionDropped(HttpServer::Drop::IdleTimeout);
}

void HttpConnection::onRequestTimeout()
{
    if (m_stopParsing || m_closing)
        return;
    qCDebug(lcHttpServer) << "request from" << m_socket->peerAddress() << "not complete after" << m_d->requestTimeoutMs << "ms";
    Q_EMIT m_server->connectionDropped(HttpServer::Drop::RequestTimeout);
    rejectAndClose(408, QByteArrayLiteral("The request did not arrive in time."));
    // The answer is a courtesy: a peer that does not read it is cut off soon after.
    m_idleTimer.setInterval(kLingerMs);
    m_idleTimer.start();
}

void HttpConnection::finish()
{
    if (m_closing && m_socket->state() != QAbstractSocket::UnconnectedState)
        return; // a graceful close is still flushing; disconnected() brings us back
    m_idleTimer.stop();
    m_requestTimer.stop();
    m_slots.clear();
    deleteLater();
}

void HttpConnection::onReadyRead()
{
    if (m_lingering) {
        m_lingerBytes += m_socket->skip(m_socket->bytesAvailable());
        if (m_lingerBytes > kLingerMaxBytes)
            m_socket->abort();
        return;
    }
    touch();
    if (m_stopParsing) {
        // Nothing more will be answered on this connection; don't buffer what the peer sends.
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    m_buffer.append(m_socket->readAll());
    processBuffer();
}

void HttpConnection::processBuffer()
{
    const quint64 before = m_requestsParsed;
    while (!m_stopParsing && parseOne()) {
    }
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    if (m_stopParsing) {
        m_requestTimer.stop();
        return;
    }
    // Bytes came: they start the next request's clock unless a request was completed and
    // nothing of another is here yet (then only the idle timeout applies). Stray line breaks
    // between requests start it too, so that trickling them cannot keep a connection forever.
    const bool completed = m_requestsParsed != before;
    if (completed)
        m_requestTimer.stop();
    if ((!completed || !m_buffer.isEmpty()) && !m_requestTimer.isActive())
        m_requestTimer.start();
}

// Parses and answers one complete request from the buffer. Returns false when more bytes are
// needed or parsing has stopped.
bool HttpConnection::parseOne()
{
    const qsizetype available = m_buffer.size() - m_pos;
    if (available <= 0)
        return false;
    // Tolerate stray CRLFs between pipelined requests (RFC 7230 section 3.5).
    while (m_pos < m_buffer.size() && (m_buffer.at(m_pos) == '\r' || m_buffer.at(m_pos) == '\n'))
        ++m_pos;
    if (m_pos >= m_buffer.size())
        return false;

    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n", m_pos);
    if (headEnd < 0) {
        if (m_buffer.size() - m_pos > kMaxHeaderBytes)
            rejectAndClose(400, QByteArrayLiteral("Request header too large."));
        return false;
    }
    if (headEnd - m_pos > kMaxHeaderBytes) {
        rejectAndClose(400, QByteArrayLiteral("Request header too large."));
        return false;
    }

    const char *base = m_buffer.constData();
    const qsizetype lineEnd = m_buffer.indexOf("\r\n", m_pos);
    const QByteArray requestLine(base + m_pos, lineEnd - m_pos);

    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 <= sp1 + 1 || requestLine.indexOf(' ', sp2 + 1) >= 0) {
        rejectAndClose(400, QByteArrayLiteral("Malformed request line."));
        return false;
    }
    HttpRequest request;
    request.method = requestLine.left(sp1);
    request.target = requestLine.mid(sp1 + 1, sp2 - sp1 - 1);
    const QByteArray version = requestLine.mid(sp2 + 1);
    if (!isToken(request.method)) {
        rejectAndClose(400, QByteArrayLiteral("Malformed request method."));
        return false;
    }
    bool http10 = false;
    if (version == "HTTP/1.1") {
    } else if (version == "HTTP/1.0") {
        http10 = true;
    } else if (version.startsWith("HTTP/")) {
        rejectAndClose(505, QByteArrayLiteral("HTTP version not supported."));
        return false;
    } else {
        rejectAndClose(400, QByteArrayLiteral("Malformed request line."));
        return false;
    }

    int headerCount = 0;
    qsizetype pos = lineEnd + 2;
    while (pos < headEnd) {
        qsizetype eol = m_buffer.indexOf("\r\n", pos);
        if (eol < 0 || eol > headEnd)
            eol = headEnd;
        if (++headerCount > kMaxHeaderCount) {
            rejectAndClose(400, QByteArrayLiteral("Too many request headers."));
            return false;
        }
        const char *line = base + pos;
        const qsizetype len = eol - pos;
        const void *colonPtr = memchr(line, ':', size_t(len));
        if (!colonPtr || line[0] == ' ' || line[0] == '\t') {
            // Obsolete line folding and headers without a colon are both refused (RFC 7230 3.2.4).
            rejectAndClose(400, QByteArrayLiteral("Malformed request header."));
            return false;
        }
        const qsizetype colon = static_cast<const char *>(colonPtr) - line;
        QByteArray name(line, colon);
        if (!isToken(name)) {
            rejectAndClose(400, QByteArrayLiteral("Malformed request header."));
            return false;
        }
        name = name.toLower();
        QByteArray value = QByteArray(line + colon + 1, len - colon - 1).trimmed();
        auto it = request.headers.find(name);
        if (it == request.headers.end())
            request.headers.insert(name, value);
        else
            it.value() += ", " + value; // repeated headers combine (RFC 7230 3.2.2)
        pos = eol + 2;
    }
    const qsizetype bodyStart = headEnd + 4;

    // Request smuggling guards: no chunked bodies, one unambiguous Content-Length.
    if (request.headers.contains("transfer-encoding")) {
        rejectAndClose(411, QByteArrayLiteral("Chunked request bodies are not supported; send Content-Length."));
        return false;
    }
    qint64 contentLength = 0;
    const auto cl = request.headers.constFind("content-length");
    if (cl != request.headers.constEnd() && !parseContentLength(cl.value(), &contentLength)) {
        rejectAndClose(400, QByteArrayLiteral("Invalid Content-Length."));
        return false;
    }
    if (contentLength > m_d->maxBodyBytes) {
        const qsizetype query = request.target.indexOf('?');
        emit m_server->requestRefused(request.method, QUrl::fromPercentEncoding(query < 0 ? request.target : request.target.left(query)), 413);
        rejectAndClose(413, QByteArrayLiteral("Request body too large."));
        return false;
    }
    if (m_buffer.size() - bodyStart < contentLength)
        return false; // wait for the rest of the body; the head is parsed again then (cheap)

    request.body = m_buffer.mid(bodyStart, contentLength);
    m_pos = bodyStart + contentLength;
    ++m_requestsParsed;

    // The request target: origin-form, or absolute-form from proxies.
    QByteArray pathPart = request.target;
    if (pathPart.startsWith("http://") || pathPart.startsWith("https://")) {
        const qsizetype slash = pathPart.indexOf('/', pathPart.indexOf("//") + 2);
        pathPart = slash < 0 ? QByteArrayLiteral("/") : pathPart.mid(slash);
    }
    if (!pathPart.startsWith('/') && pathPart != "*") {
        rejectAndClose(400, QByteArrayLiteral("Malformed request target."));
        return false;
    }
    const qsizetype hash = pathPart.indexOf('#');
    if (hash >= 0)
        pathPart.truncate(hash);
    const qsizetype q = pathPart.indexOf('?');
    if (q >= 0) {
        request.query = QUrlQuery(QString::fromUtf8(pathPart.constData() + q + 1, pathPart.size() - q - 1));
        pathPart.truncate(q);
    }
    request.path = QUrl::fromPercentEncoding(pathPart);
    request.peer = m_socket->peerAddress();

    const QByteArray connection = request.header("connection");
    bool keepAlive = http10 ? headerHasToken(connection, "keep-alive")
                            : !headerHasToken(connection, "close");

    HttpResponse response;
    if (m_d->handler) {
        response = m_d->handler(request);
    } else {
        response = HttpResponse::json(404, QByteArrayLiteral("{\"message\":\"Not found.\"}"));
    }
    emit m_server->requestHandled(request.method, request.path, response.status);

    if (response.close || response.truncate)
        keepAlive = false;
    if (http10 && keepAlive)
        response.setHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("keep-alive"));
    if (response.hang || !keepAlive)
        m_stopParsing = true;
    enqueue(std::move(response), request.method, keepAlive);
    return !m_stopParsing;
}

void HttpConnection::rejectAndClose(int status, const QByteArray &message)
{
    qCDebug(lcHttpServer) << "rejecting request from" << m_socket->peerAddress() << status
                          << message;
    m_stopParsing = true;
    m_buffer.clear();
    m_pos = 0;
    HttpResponse r = HttpResponse::json(
        status, QByteArrayLiteral("{\"message\":\"") + message + QByteArrayLiteral("\"}"));
    r.close = true;
    enqueue(std::move(r), QByteArrayLiteral("GET"), false);
}

void HttpConnection::enqueue(HttpResponse response, const QByteArray &method, bool keepAlive)
{
    auto slot = std::make_shared<Slot>();
    slot->method = method;
    slot->keepAlive = keepAlive;
    const bool hang = response.hang;
    const int delay = response.delayMs;
    slot->response = std::move(response);
    m_slots.push_back(slot);
    if (hang)
        return; // stays not-ready forever: the connection answers nothing from here on
    if (delay > 0) {
        ++m_delayedPending;
        std::weak_ptr<Slot> weak = slot;
        QTimer::singleShot(delay, this, [this, weak] {
            --m_delayedPending;
            if (auto s = weak.lock()) {
                s->ready = true;
                flush();
            }
        });
        return;
    }
    slot->ready = true;
    flush();
}

void HttpConnection::flush()
{
    while (!m_slots.empty() && m_slots.front()->ready && !m_closing) {
        const std::shared_ptr<Slot> slot = m_slots.front();
        m_slots.pop_front();
        writeResponse(*slot);
        if (!slot->keepAlive) {
            m_closing = true;
            m_slots.clear();
            if (slot->response.status == 413 || slot->response.status == 411) {
                // The peer may still be sending the refused body; see kLingerMs.
                m_lingering = true;
                if (m_socket->bytesToWrite() == 0)
                    startLinger();
            } else {
                m_socket->disconnectFromHost();
            }
        }
    }
}

void HttpConnection::writeResponse(const Slot &slot)
{
    const HttpResponse &r = slot.response;
    const bool noBody = r.status == 204 || r.status == 304 || (r.status >= 100 && r.status < 200);
    QByteArray out;
    out.reserve(160 + (noBody ? 0 : r.body.size()));
    out += "HTTP/1.1 ";
    out += QByteArray::number(r.status);
    out += ' ';
    out += reasonPhrase(r.status);
    out += "\r\nDate: ";
    out += httpDate();
    if (!noBody) {
        out += "\r\nContent-Length: ";
        out += QByteArray::number(r.body.size());
    }
    for (const auto &h : r.headers) {
        if (h.first.compare("content-length", Qt::CaseInsensitive) == 0
            || h.first.compare("date", Qt::CaseInsensitive) == 0
            || (!slot.keepAlive && h.first.compare("connection", Qt::CaseInsensitive) == 0))
            continue;
        out += "\r\n";
        out += h.first;
        out += ": ";
        out += h.second;
    }
    if (!slot.keepAlive)
        out += "\r\nConnection: close";
    out += "\r\n\r\n";
    if (!noBody && slot.method != "HEAD") {
        if (r.truncate)
            out.append(r.body.constData(), r.body.size() / 2);
        else
            out += r.body;
    }
    m_socket->write(out);
    touch();
}

void HttpConnection::startLinger()
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    // Half-close: the peer sees the end of our answer but can keep sending into our discard.
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    m_idleTimer.setInterval(kLingerMs);
    m_idleTimer.start();
    m_socket->skip(m_socket->bytesAvailable());
}

HttpServer::HttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , d(new Private)
{
    d->handler = std::move(handler);
    d->tcp = new QTcpServer(this);
    // Out of file descriptors (or another resource): QTcpServer stops accepting for good. Try
    // again a little later rather than stay deaf until a restart.
    connect(d->tcp, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError error) {
        qCWarning(lcHttpServer) << "cannot accept a connection:" << error << d->tcp->errorString() << "- trying again in 1 s";
        QTimer::singleShot(1000, this, [this] {
            if (d->tcp->isListening())
                d->tcp->resumeAccepting();
        });
    });
    connect(d->tcp, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = d->tcp->nextPendingConnection()) {
            if (d->connections.size() >= d->maxConnections) {
                // Nothing is read from it: each open connection holds a file descriptor, and a
                // server out of them could not accept anyone, a health check included.
                qCDebug(lcHttpServer) << "refusing a connection from" << socket->peerAddress() << ":"
                                      << d->maxConnections << "are open";
                socket->abort();
                socket->deleteLater();
                Q_EMIT connectionDropped(Drop::Limit);
                continue;
            }
            auto *conn = new HttpConnection(socket, this, d);
            d->connections.append(conn);
            connect(conn, &QObject::destroyed, this, [this, conn] {
                d->connections.removeAll(conn);
                d->connections.removeAll(nullptr);
            });
        }
    });
}

QString HttpServer::dropName(Drop drop)
{
    switch (drop) {
    case Drop::Limit: return QStringLiteral("limit");
    case Drop::RequestTimeout: return QStringLiteral("request_timeout");
    case Drop::IdleTimeout: return QStringLiteral("idle_timeout");
    }
    return QString();
}

HttpServer::~HttpServer()
{
    close();
    delete d;
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (!d->tcp->listen(address, port)) {
        d->error = d->tcp->errorString();
        qCWarning(lcHttpServer) << "cannot listen on" << address << port << d->error;
        return false;
    }
    d->error.clear();
    return true;
}

void HttpServer::close()
{
    d->tcp->close();
    const auto connections = d->connections;
    d->connections.clear();
    for (const QPointer<HttpConnection> &c : connections) {
        if (c) {
            c->disconnect(this);
            c->shutdown();
            delete c.data();
        }
    }
}

bool HttpServer::isListening() const
{
    return d->tcp->isListening();
}

quint16 HttpServer::port() const
{
    return d->tcp->serverPort();
}

QHostAddress HttpServer::address() const
{
    return d->tcp->serverAddress();
}

QString HttpServer::errorString() const
{
    return d->error;
}

void HttpServer::setMaxBodyBytes(qint64 bytes)
{
    d->maxBodyBytes = bytes;
}

qint64 HttpServer::maxBodyBytes() const
{
    return d->maxBodyBytes;
}

void HttpServer::setRequestTimeoutMs(int ms)
{
    d->requestTimeoutMs = ms;
}

int HttpServer::requestTimeoutMs() const
{
    return d->requestTimeoutMs;
}

void HttpServer::setIdleTimeoutMs(int ms)
{
    d->idleTimeoutMs = ms;
}

int HttpServer::idleTimeoutMs() const
{
    return d->idleTimeoutMs;
}

void HttpServer::setMaxConnections(int connections)
{
    d->maxConnections = qMax(1, connections);
}

int HttpServer::maxConnections() const
{
    return d->maxConnections;
}

int HttpServer::openConnections() const
{
    return int(d->connections.size());
}

} // namespace Tributary
