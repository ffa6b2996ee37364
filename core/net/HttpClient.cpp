#include "HttpClient.h"

#include "net/RequestBudget.h"

#include "util/Logging.h"
#include "util/Redaction.h"
#include "util/Tr.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace Tributary {

namespace {

QString reasonFor(int status)
{
    switch (status) {
    case 400: return QStringLiteral("Bad Request");
    case 401: return QStringLiteral("Unauthorized");
    case 403: return QStringLiteral("Forbidden");
    case 404: return QStringLiteral("Not Found");
    case 408: return QStringLiteral("Request Timeout");
    case 409: return QStringLiteral("Conflict");
    case 410: return QStringLiteral("Gone");
    case 413: return QStringLiteral("Payload Too Large");
    case 422: return QStringLiteral("Unprocessable Entity");
    case 429: return QStringLiteral("Too Many Requests");
    case 500: return QStringLiteral("Internal Server Error");
    case 502: return QStringLiteral("Bad Gateway");
    case 503: return QStringLiteral("Service Unavailable");
    case 504: return QStringLiteral("Gateway Timeout");
    default: return QString();
    }
}

QString statusText(int status)
{
    const QString reason = reasonFor(status);
    return reason.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : QStringLiteral("HTTP %1 %2").arg(QString::number(status), reason);
}

// The human part of an error body: APIs put it under "message" (Laravel), "error", "detail", ...
QString serverMessage(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return {};
    const QJsonObject o = doc.object();
    for (const char *k : {"message", "error_description", "detail", "title", "error"}) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (v.isString() && !v.toString().isEmpty())
            return v.toString();
        if (v.isObject() && v.toObject().value(QLatin1String("message")).isString())
            return v.toObject().value(QLatin1String("message")).toString();
    }
    return {};
}

// What the server said, for an error's detail: the start of the body, secrets masked (servers
// echo the request's credentials back more often than one would think).
QString bodySnippet(const QByteArray &body)
{
    return Redaction::snippet(body, 400);
}

QString networkErrorText(QNetworkReply::NetworkError e, bool timedOut, int timeoutMs)
{
    if (timedOut)
        return Tr::tr("no data for %1 ms (timeout)").arg(timeoutMs);
    switch (e) {
    case QNetworkReply::ConnectionRefusedError: return Tr::tr("connection refused");
    case QNetworkReply::RemoteHostClosedError: return Tr::tr("connection closed by the server before the response was complete");
    case QNetworkReply::HostNotFoundError: return Tr::tr("host not found");
    case QNetworkReply::TimeoutError: return Tr::tr("connection timed out");
    case QNetworkReply::SslHandshakeFailedError: return Tr::tr("TLS handshake failed");
    case QNetworkReply::TemporaryNetworkFailureError: return Tr::tr("temporary network failure");
    default: return Tr::tr("network error %1").arg(int(e));
    }
}

const QStringList &secretQueryWords()
{
    static const QStringList words = {QStringLiteral("token"),  QStringLiteral("key"),       QStringLiteral("password"),
                                      QStringLiteral("passwd"), QStringLiteral("secret"),    QStringLiteral("signature"),
                                      QStringLiteral("sig"),    QStringLiteral("auth"),      QStringLiteral("credential"),
                                      QStringLiteral("session"), QStringLiteral("code")};
    return words;
}

int monthFromName(const QString &m)
{
    static const QStringList months = {QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"),
                                       QStringLiteral("apr"), QStringLiteral("may"), QStringLiteral("jun"),
                                       QStringLiteral("jul"), QStringLiteral("aug"), QStringLiteral("sep"),
                                       QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
    return months.indexOf(m.toLower()) + 1;
}

QDateTime makeUtc(int year, int month, int day, int h, int m, int s)
{
    const QDate d(year, month, day);
    const QTime t(h, m, s);
    if (!d.isValid() || !t.isValid())
        return {};
    return QDateTime(d, t, Qt::UTC);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// HttpClient

HttpClient::HttpClient(QNetworkAccessManager *nam, const HttpPolicy &policy, QObject *parent)
    : QObject(parent), m_nam(nam), m_policy(policy)
{
    m_clock.start();
}

HttpClient::~HttpClient() = default;

HttpJob *HttpClient::get(const QNetworkRequest &request, QObject *parent)
{
    return send(QByteArrayLiteral("GET"), request, {}, parent);
}

HttpJob *HttpClient::send(const QByteArray &verb, const QNetworkRequest &request, const QByteArray &body, QObject *parent)
{
    return new HttpJob(this, request, verb, body, parent ? parent : this);
}

int HttpClient::reservePacingSlot()
{
    if (m_policy.requestsPerSecond <= 0)
        return 0;
    const qint64 interval = qMax<qint64>(1, qint64(1000.0 / m_policy.requestsPerSecond));
    const qint64 now = m_clock.elapsed();
    const qint64 slot = qMax(now, m_nextSlotMs);
    m_nextSlotMs = slot + interval;
    return int(slot - now);
}

QString HttpClient::redactedUrl(const QUrl &url)
{
    QUrl u = url.adjusted(QUrl::RemoveUserInfo);
    if (u.hasQuery()) {
        QUrlQuery q(u);
        QList<QPair<QString, QString>> items = q.queryItems(QUrl::FullyEncoded);
        bool changed = false;
        for (auto &item : items) {
            const QString name = item.first.toLower();
            const bool secret = std::any_of(secretQueryWords().cbegin(), secretQueryWords().cend(),
                                            [&](const QString &w) { return name.contains(w); });
            if (secret) {
                item.second = QStringLiteral("***");
                changed = true;
            }
        }
        if (changed) {
            QUrlQuery redacted;
            redacted.setQueryItems(items);
            u.setQuery(redacted.query(QUrl::FullyEncoded), QUrl::StrictMode);
        }
    }
    return u.toString(QUrl::FullyEncoded);
}

QDateTime HttpClient::parseHttpDate(const QByteArray &value)
{
    const QString s = QString::fromLatin1(value).simplified();
    if (s.isEmpty())
        return {};
    // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
    static const QRegularExpression imf(
        QStringLiteral(R"(^[A-Za-z]{3}, (\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$)"));
    // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
    static const QRegularExpression rfc850(
        QStringLiteral(R"(^[A-Za-z]+, (\d{1,2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$)"));
    // asctime: Sun Nov  6 08:49:37 1994 (simplified() folded the double space)
    static const QRegularExpression asctime(
        QStringLiteral(R"(^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$)"));

    QRegularExpressionMatch m = imf.match(s);
    if (m.hasMatch())
        return makeUtc(m.captured(3).toInt(), monthFromName(m.captured(2)), m.captured(1).toInt(), m.captured(4).toInt(),
                       m.captured(5).toInt(), m.captured(6).toInt());
    m = rfc850.match(s);
    if (m.hasMatch()) {
        // Two-digit years: RFC 9110 reads them as the most recent past year with those digits.
        int year = 2000 + m.captured(3).toInt();
        if (year > QDate::currentDate().year() + 50)
            year -= 100;
        return makeUtc(year, monthFromName(m.captured(2)), m.captured(1).toInt(), m.captured(4).toInt(),
                       m.captured(5).toInt(), m.captured(6).toInt());
    }
    m = asctime.match(s);
    if (m.hasMatch())
        return makeUtc(m.captured(6).toInt(), monthFromName(m.captured(1)), m.captured(2).toInt(), m.captured(3).toInt(),
                       m.captured(4).toInt(), m.captured(5).toInt());
    return {};
}

qint64 HttpClient::parseRetryAfterMs(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : qMin<qint64>(seconds, qint64(24) * 3600 * 365) * 1000;
    const QDateTime when = parseHttpDate(v);
    if (!when.isValid())
        return -1;
    const QDateTime reference = now.isValid() ? now : QDateTime::currentDateTimeUtc();
    return qMax<qint64>(0, reference.msecsTo(when));
}

int HttpClient::backoffMs(const HttpPolicy &policy, int attempt)
{
    const qint64 base = qMax(0, policy.backoffBaseMs);
    const qint64 grown = base << qBound(0, attempt, 30);
    const qint64 cap = qMin<qint64>(grown, qMax(0, policy.maxBackoffMs));
    if (cap <= 0)
        return 0;
    return int(QRandomGenerator::global()->bounded(cap + 1));
}

bool HttpClient::isTransientStatus(int status)
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

bool HttpClient::isTransientNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    default:
        return false;
    }
}

// ---------------------------------------------------------------------------------------------
// HttpJob

HttpJob::HttpJob(HttpClient *client, const QNetworkRequest &request, const QByteArray &verb, const QByteArray &body,
                 QObject *parent)
    : QObject(parent), m_client(client), m_policy(client->policy()), m_priority(client->priority()), m_request(request),
      m_verb(verb), m_requestBody(body)
{
    m_waitTimer = new QTimer(this);
    m_waitTimer->setSingleShot(true);
    // A coarse timer fires up to 5 % early: a Retry-After of 2 s would be asked again after 1.9 s,
    // inside the server's limit (issue 17). The waits are as long as asked, never shorter.
    m_waitTimer->setTimerType(Qt::PreciseTimer);
    connect(m_waitTimer, &QTimer::timeout, this, &HttpJob::startAttempt);
    m_deadlineTimer = new QTimer(this);
    m_deadlineTimer->setSingleShot(true);
    m_deadlineTimer->setTimerType(Qt::PreciseTimer); // a coarse timer fires up to 5 % early
    connect(m_deadlineTimer, &QTimer::timeout, this, [this] {
        if (!m_reply)
            return;
        m_pastDeadline = true;
        // abort() makes the reply emit finished(), handled in onReplyFinished().
        m_reply->abort();
    });
}

HttpJob::~HttpJob()
{
    releaseReply();
    delete m_ticket; // gives its place or slot back
}

QByteArray HttpJob::header(const QByteArray &name) const
{
    for (const auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QString HttpJob::displayUrl() const
{
    return HttpClient::redactedUrl(m_request.url());
}

void HttpJob::start()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    startAttempt();
}

void HttpJob::abort()
{
    if (m_finished)
        return;
    m_aborting = true;
    m_waitTimer->stop();
    m_deadlineTimer->stop();
    releaseReply();
    delete m_ticket;
    m_ticket = nullptr;
    finish(Error(Error::Code::Aborted, QStringLiteral("%1 %2: aborted").arg(QString::fromLatin1(m_verb), displayUrl())));
}

void HttpJob::releaseReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    reply->abort();
    reply->deleteLater();
}

void HttpJob::startAttempt()
{
    if (m_finished)
        return;
    if (!m_client || !m_client->networkAccessManager()) {
        finish(Error(Error::Code::Internal, Tr::tr("%1 %2: the HTTP client is gone").arg(QString::fromLatin1(m_verb), displayUrl())));
        return;
    }
    // Pacing is decided per attempt so that retries also respect requests_per_second.
    const int wait = m_client->reservePacingSlot();
    if (wait > 0)
        QTimer::singleShot(wait, Qt::PreciseTimer, this, &HttpJob::acquireBudget);
    else
        acquireBudget();
}

void HttpJob::acquireBudget()
{
    if (m_finished || !m_client)
        return;
    delete m_ticket;
    if (!m_budget)
        m_budget = RequestBudgets::instance().budgetFor(m_request.url(), m_client->budgetName());
    m_ticket = new BudgetTicket(m_budget, m_priority, this);
    connect(m_ticket, &BudgetTicket::granted, this, &HttpJob::sendAttempt);
    connect(m_ticket, &BudgetTicket::refused, this, [this](const Error &e) {
        Error error(e.code, QStringLiteral("%1 %2: %3").arg(QString::fromLatin1(m_verb), displayUrl(), e.message), e.detail);
        error.retryAt = e.retryAt;
        finish(error);
    });
    m_ticket->request();
}

void HttpJob::releaseBudget(int status, const HttpHeaderList &headers, qint64 retryAfterMs)
{
    if (!m_ticket)
        return;
    m_ticket->release(status, headers, m_serverTime, retryAfterMs, m_retries > 0);
    m_ticket->deleteLater();
    m_ticket = nullptr;
}

void HttpJob::sendAttempt()
{
    if (m_finished)
        return;
    QNetworkAccessManager *nam = m_client ? m_client->networkAccessManager() : nullptr;
    if (!nam) {
        finish(Error(Error::Code::Internal, Tr::tr("%1 %2: the HTTP client is gone").arg(QString::fromLatin1(m_verb), displayUrl())));
        return;
    }
    QNetworkRequest req = m_request;
    req.setTransferTimeout(m_policy.timeoutMs);
    // Same origin only: credentials must never follow a redirect to another host, and an
    // HTTPS -> HTTP downgrade is a different origin too.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    req.setMaximumRedirectsAllowed(m_policy.maxRedirects);
    m_oversized = false;
    m_pastDeadline = false;
    qCDebug(lcHttpClient).noquote() << m_verb << displayUrl() << "attempt" << (m_retries + 1);
    m_reply = nam->sendCustomRequest(req, m_verb, m_requestBody);
    connect(m_reply, &QNetworkReply::finished, this, &HttpJob::onReplyFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &HttpJob::onDownloadProgress);
    m_deadlineTimer->start(m_policy.attemptDeadlineMs());
}

void HttpJob::onDownloadProgress(qint64 received, qint64 total)
{
    if (!m_reply || m_oversized)
        return;
    if (received > m_policy.maxResponseBytes || total > m_policy.maxResponseBytes
        || m_reply->bytesAvailable() > m_policy.maxResponseBytes) {
        m_oversized = true;
        // abort() makes the reply emit finished(), handled in onReplyFinished().
        m_reply->abort();
    }
}

void HttpJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    m_deadlineTimer->stop();
    disconnect(reply, nullptr, this, nullptr);
    reply->deleteLater();

    const QString what = QString::fromLatin1(m_verb) + QLatin1Char(' ') + displayUrl();
    const QNetworkReply::NetworkError netError = reply->error();
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_headers = reply->rawHeaderPairs();
    m_serverTime = HttpClient::parseHttpDate(reply->rawHeader("Date"));
    m_finalUrl = reply->url();
    const qint64 retryAfterMs = HttpClient::parseRetryAfterMs(
        reply->rawHeader("Retry-After"), m_serverTime.isValid() ? m_serverTime : QDateTime::currentDateTimeUtc());
    releaseBudget(m_status, m_headers, m_status == 429 ? retryAfterMs : -1);

    if (m_oversized) {
        finish(Error(Error::Code::Http,
                     Tr::tr("%1: the response is larger than the limit of %2 bytes; raise limits.max_response_bytes "
                            "or ask for smaller pages")
                         .arg(what, QString::number(m_policy.maxResponseBytes))));
        return;
    }

    // Not retried: a server that trickles its answer does so again, and each attempt would hold
    // the page for the whole deadline once more.
    if (m_pastDeadline) {
        m_deliveryUncertain = true;
        finish(Error(Error::Code::Network,
                     Tr::tr("%1: the answer was not complete after %2 s (the server kept sending, too slowly); "
                            "raise limits.deadline_ms if pages are this large on a slow network")
                         .arg(what, QString::number(m_policy.attemptDeadlineMs() / 1000.0))));
        return;
    }

    if (netError == QNetworkReply::InsecureRedirectError || netError == QNetworkReply::TooManyRedirectsError) {
        finish(Error(Error::Code::Http,
                     Tr::tr("%1: refused to follow a redirect to another origin (or too many redirects); "
                            "credentials are only sent to the configured host")
                         .arg(what),
                     reply->errorString()));
        return;
    }

    // Transfer timeouts abort the reply from inside Qt (OperationCanceledError in Qt 6.4); only
    // abort() sets m_aborting, so a cancel we did not ask for is the timeout.
    const bool timedOut = netError == QNetworkReply::TimeoutError
        || (netError == QNetworkReply::OperationCanceledError && !m_aborting);
    const bool networkLevel = (int(netError) > 0 && int(netError) < 100) || (int(netError) >= 100 && int(netError) < 200);
    if (timedOut || networkLevel) {
        const QString text = networkErrorText(netError, timedOut, m_policy.timeoutMs);
        // Refused or unresolved: the request never left, so any request may be sent again.
        const bool unsent = !timedOut
            && (netError == QNetworkReply::ConnectionRefusedError || netError == QNetworkReply::HostNotFoundError);
        if ((timedOut || HttpClient::isTransientNetworkError(netError)) && (m_resendable || unsent)
            && scheduleRetry(-1, text))
            return;
        m_deliveryUncertain = !unsent;
        finish(Error(Error::Code::Network,
                     QStringLiteral("%1: %2%3").arg(what, text,
                                                    m_retries ? Tr::tr(" (after %n retries)", nullptr, m_retries) : QString()),
                     reply->errorString()));
        return;
    }

    m_body = reply->readAll();
    if (m_body.size() > m_policy.maxResponseBytes) {
        m_body.clear();
        finish(Error(Error::Code::Http,
                     Tr::tr("%1: the response is larger than the limit of %2 bytes; raise limits.max_response_bytes "
                            "or ask for smaller pages")
                         .arg(what, QString::number(m_policy.maxResponseBytes))));
        return;
    }

    if (m_status >= 200 && m_status < 300) {
        finish({});
        return;
    }

    if (m_status == 401 || m_status == 403) {
        const QString check = m_credentialHint.isEmpty() ? Tr::tr("the credentials configured for this source")
                                                         : m_credentialHint;
        const QString msg = serverMessage(m_body);
        finish(Error(Error::Code::Auth,
                     Tr::tr("%1: %2%3: the server refused the credentials; check %4 (set, current, not revoked, "
                            "allowed to read this)")
                         .arg(what, statusText(m_status), msg.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(msg), check),
                     bodySnippet(m_body)));
        return;
    }

    // A 429 is answered before the request is acted on: safe to send again, whatever it is.
    if (HttpClient::isTransientStatus(m_status) && (m_resendable || m_status == 429)) {
        QString why = statusText(m_status);
        // Asked to wait longer than the host's budget lets a run wait: not a failure, the run
        // pauses and goes on when the server is ready again.
        const int maxWaitMs = m_budget ? m_budget->limits().maxWaitMs : INT_MAX;
        if (m_status == 429 && retryAfterMs > maxWaitMs) {
            const QString key = m_budget->key();
            const QDateTime when = QDateTime::currentDateTimeUtc().addMSecs(retryAfterMs);
            Error e(Error::Code::BudgetSpent,
                    Tr::tr("%1: %2 asks to wait %3 s, beyond hosts.%4.max_wait_seconds (%5 s); the run stops at its last committed "
                           "page and goes on from there at %6")
                        .arg(what, statusText(m_status), QString::number(retryAfterMs / 1000.0), key,
                             QString::number(maxWaitMs / 1000.0), when.toString(Qt::ISODate)),
                    bodySnippet(m_body));
            e.retryAt = when;
            finish(e);
            return;
        }
        if (scheduleRetry(int(qMin<qint64>(retryAfterMs, INT_MAX)), why))
            return;
        QString tail;
        if (retryAfterMs > 0 && m_totalWaitMs + retryAfterMs > m_policy.maxTotalWaitMs)
            tail = Tr::tr("; the server asks to wait %1 s more, beyond the limit of %2 s of waiting")
                       .arg(QString::number(retryAfterMs / 1000.0), QString::number(m_policy.maxTotalWaitMs / 1000.0));
        // One arg() for all: a URL's %3A must not be taken for a placeholder of a later one.
        m_deliveryUncertain = m_status != 429;
        finish(Error(m_status == 429 ? Error::Code::RateLimited : Error::Code::Http,
                     Tr::tr("%1: %2 after %3 retries%4").arg(what, statusText(m_status), QString::number(m_retries), tail),
                     bodySnippet(m_body)));
        return;
    }

    // Only a request that may not be sent again gets here with a 5xx.
    m_deliveryUncertain = HttpClient::isTransientStatus(m_status);
    const QString msg = serverMessage(m_body);
    finish(Error(Error::Code::Http,
                 QStringLiteral("%1: %2%3").arg(what, statusText(m_status), msg.isEmpty() ? QString() : QStringLiteral(": ") + msg),
                 bodySnippet(m_body)));
}

bool HttpJob::scheduleRetry(int retryAfterMs, const QString &why)
{
    if (m_retries >= m_policy.maxRetries)
        return false;
    const int delay = retryAfterMs >= 0 ? retryAfterMs : HttpClient::backoffMs(m_policy, m_retries);
    if (m_totalWaitMs + delay > m_policy.maxTotalWaitMs)
        return false;
    ++m_retries;
    m_totalWaitMs += delay;
    qCInfo(lcHttpClient).noquote() << m_verb << displayUrl() << ":" << why << "- retry" << m_retries << "of"
                                   << m_policy.maxRetries << "in" << delay << "ms";
    if (m_client) {
        RetryNotice notice;
        notice.request = QString::fromLatin1(m_verb) + QLatin1Char(' ') + displayUrl();
        notice.retry = m_retries;
        notice.maxRetries = m_policy.maxRetries;
        notice.delayMs = delay;
        notice.why = Redaction::redact(why);
        Q_EMIT m_client->retrying(notice);
    }
    m_body.clear();
    m_waitTimer->start(delay);
    return true;
}

void HttpJob::finish(Error error)
{
    if (m_finished)
        return;
    m_finished = true;
    // Every message this job makes carries the URL and what the server said; a server may echo
    // the credentials it was sent, so they are masked here, before anyone stores or shows them.
    m_error = error ? Redaction::redact(std::move(error)) : std::move(error);
    if (m_error)
        qCDebug(lcHttpClient).noquote() << m_error.message;
    Q_EMIT finished(this);
    deleteLater();
}

} // namespace Tributary
