#pragma once

#include "net/RequestBudget.h"
#include "net/RetryNotice.h"
#include "util/Error.h"

#include <QByteArray>
#include <QtGlobal>
#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <climits>

class QNetworkAccessManager;
class QTimer;

namespace Tributary {

// Every limit of the HTTP layer in one place; a source fills it from its "limits" block.
struct HttpPolicy
{
    int timeoutMs = 30000;                       // per attempt, inactivity (QNetworkRequest transfer timeout)
    // Per attempt, from sending to the last byte, however steadily the bytes trickle in (the
    // inactivity timeout alone lets one byte every few seconds hold a page for ever). 0: the
    // larger of 120 s and four times timeoutMs; see attemptDeadlineMs().
    int deadlineMs = 0;
    int maxRetries = 6;                          // retries after the first attempt, transient failures only
    int backoffBaseMs = 500;                     // first retry waits up to this, doubling each time
    int maxBackoffMs = 30000;                    // one wait never exceeds this (Retry-After excepted)
    int maxTotalWaitMs = 5 * 60 * 1000;          // all waits of one job together; beyond: give up
    qint64 maxResponseBytes = 64 * 1024 * 1024;  // bodies larger than this are refused
    double requestsPerSecond = 0;                // client-side pacing over all jobs of a client; 0 = none
    int maxRedirects = 5;

    int attemptDeadlineMs() const { return deadlineMs > 0 ? deadlineMs : qMax(120000, qMin(timeoutMs, INT_MAX / 4) * 4); }
};

using HttpHeaderList = QList<QPair<QByteArray, QByteArray>>;


class HttpClient;

// One HTTP request with its retries: owns the reply of each attempt, its timeout and the waits
// between attempts. Emits finished() exactly once (also after abort()), then deletes itself
// later: read the results in the slot connected to finished().
class HttpJob : public QObject
{
    Q_OBJECT
public:
    ~HttpJob() override;

    void start();
    // Stops the job; finished() is still emitted once, with an Aborted error.
    void abort();

    // Names the credential the request uses ("environment variable FORUM_TOKEN"), so a 401/403
    // message says what to check. Never the secret itself.
    void setCredentialHint(const QString &hint) { m_credentialHint = hint; }
    // Whether the request may be sent again once it may have reached the server (default true).
    // False for a request that is not safe to repeat (a create without an idempotency key): a
    // timeout, a connection lost before the answer or a 5xx then ends the job at once, with
    // deliveryUncertain(). What surely did not reach the server or was not acted on (connection
    // refused, 429) is still retried.
    void setResendable(bool resendable) { m_resendable = resendable; }
    // Where the request stands in its host's budget queue (RequestBudgets); the client's by default.
    void setPriority(RequestPriority priority) { m_priority = priority; }
    // Carries the credentials: never log its headers.
    const QNetworkRequest &request() const { return m_request; }

    const Error &error() const { return m_error; }
    bool hasError() const { return m_error.isError(); }
    int status() const { return m_status; }        // final HTTP status, 0 when none arrived
    int retries() const { return m_retries; }      // transient failures retried
    const QByteArray &body() const { return m_body; }
    const HttpHeaderList &headers() const { return m_headers; }
    QByteArray header(const QByteArray &name) const; // case-insensitive, first match
    QDateTime serverTime() const { return m_serverTime; } // the server's Date header, UTC; invalid if none
    QUrl url() const { return m_request.url(); }
    QUrl finalUrl() const { return m_finalUrl; }   // after redirects
    QString displayUrl() const;                    // the URL with secrets removed, for messages
    // The job failed after its request may have reached the server, and no answer says what the
    // server did with it (a timeout, a connection lost mid-answer, a 5xx).
    bool deliveryUncertain() const { return m_deliveryUncertain; }

Q_SIGNALS:
    void finished(Tributary::HttpJob *job);

private:
    friend class HttpClient;
    HttpJob(HttpClient *client, const QNetworkRequest &request, const QByteArray &verb, const QByteArray &body,
            QObject *parent);

    void startAttempt();
    // Waits for the host's budget (RequestBudgets), then sends.
    void acquireBudget();
    void sendAttempt();
    void onReplyFinished();
    void onDownloadProgress(qint64 received, qint64 total);
    void finish(Error error);
    // Schedules another attempt; returns false when the retry budget is spent.
    bool scheduleRetry(int retryAfterMs, const QString &why);
    void releaseReply();
    // The attempt is over: its budget slot goes back, with what the answer said about the limit.
    void releaseBudget(int status, const HttpHeaderList &headers, qint64 retryAfterMs);

    QPointer<HttpClient> m_client;
    HttpPolicy m_policy;
    RequestPriority m_priority = RequestPriority::Normal;
    std::shared_ptr<HostBudget> m_budget; // the host's, found on the first attempt
    BudgetTicket *m_ticket = nullptr;
    QNetworkRequest m_request;
    QByteArray m_verb;
    QByteArray m_requestBody;
    QString m_credentialHint;

    QNetworkReply *m_reply = nullptr;
    QTimer *m_waitTimer = nullptr;
    QTimer *m_deadlineTimer = nullptr;
    bool m_started = false;
    bool m_finished = false;
    bool m_aborting = false;     // abort() called: the reply's error is ours, not the server's
    bool m_oversized = false;    // the size cap aborted the reply
    bool m_pastDeadline = false; // the attempt's deadline aborted the reply
    bool m_resendable = true;
    bool m_deliveryUncertain = false;
    qint64 m_totalWaitMs = 0;

    Error m_error;
    int m_status = 0;
    int m_retries = 0;
    QByteArray m_body;
    HttpHeaderList m_headers;
    QDateTime m_serverTime;
    QUrl m_finalUrl;
};

// Creates HTTP jobs over a QNetworkAccessManager that the caller owns (one per thread), with one
// policy and one pacing clock shared by all jobs it creates.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    explicit HttpClient(QNetworkAccessManager *nam, const HttpPolicy &policy = {}, QObject *parent = nullptr);
    ~HttpClient() override;

    QNetworkAccessManager *networkAccessManager() const { return m_nam; }
    const HttpPolicy &policy() const { return m_policy; }
    void setPolicy(const HttpPolicy &policy) { m_policy = policy; }

    // Jobs are created stopped: connect finished(), then start(). The parent defaults to the client.
    // Every retry of every job of this client is announced by retrying() before its wait.
    HttpJob *get(const QNetworkRequest &request, QObject *parent = nullptr);
    HttpJob *send(const QByteArray &verb, const QNetworkRequest &request, const QByteArray &body = {},
                  QObject *parent = nullptr);

    // The URL for messages and logs: no user info, and query values of secret-looking names
    // (token, key, password, secret, signature, ...) replaced by "***", the mask of Redaction.
    static QString redactedUrl(const QUrl &url);
    // RFC 9110 HTTP-date (IMF-fixdate, plus the obsolete RFC 850 and asctime forms), as UTC.
    static QDateTime parseHttpDate(const QByteArray &value);
    // Retry-After in delta-seconds or as an HTTP-date (relative to `now`, the server's clock when
    // known). -1 when absent or unreadable.
    static qint64 parseRetryAfterMs(const QByteArray &value, const QDateTime &now);
    // Exponential backoff with full jitter: uniform in [0, min(maxBackoff, base * 2^attempt)].
    static int backoffMs(const HttpPolicy &policy, int attempt);
    // Whether a failed attempt may succeed when repeated.
    static bool isTransientStatus(int status);
    static bool isTransientNetworkError(QNetworkReply::NetworkError error);

    // The budget the client's requests draw from: the request URL's host unless named here (a
    // source's limits.budget). The priority its jobs get unless they set their own.
    void setBudgetName(const QString &name) { m_budgetName = name; }
    QString budgetName() const { return m_budgetName; }
    void setPriority(RequestPriority priority) { m_priority = priority; }
    RequestPriority priority() const { return m_priority; }

Q_SIGNALS:
    void retrying(const Tributary::RetryNotice &notice);

private:
    friend class HttpJob;
    // Milliseconds the caller must wait before sending, reserving the slot (pacing).
    int reservePacingSlot();

    QNetworkAccessManager *m_nam;
    HttpPolicy m_policy;
    QString m_budgetName;
    RequestPriority m_priority = RequestPriority::Normal;
    QElapsedTimer m_clock;
    qint64 m_nextSlotMs = 0;
};

} // namespace Tributary
