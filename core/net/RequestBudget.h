#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <deque>
#include <memory>
#include <vector>

class QTimer;

namespace Tributary {

// How fast one host (or one named budget) may be asked: the "hosts" block of the configuration
// (docs/configuration.md). Every HTTP request of the process to that host draws from it, whichever
// source, walk, reconcile scan, webhook fetch, token request or connection test sends it.
struct HostLimits
{
    int requests = 0;            // at most this many requests in any window (0: no configured rate)
    int windowMs = 1000;
    int concurrency = 6;         // requests in flight at once (0: no limit)
    // A request that would wait longer than this for the budget is not sent: the run stops at its
    // last committed page as "paused" and says when it goes on.
    int maxWaitMs = 120000;
    // Read X-RateLimit-* / RateLimit-* headers and slow down before the server's limit.
    bool learn = true;

    static HostLimits defaults() { return {}; }
    bool operator==(const HostLimits &o) const
    {
        return requests == o.requests && windowMs == o.windowMs && concurrency == o.concurrency
            && maxWaitMs == o.maxWaitMs && learn == o.learn;
    }
};

// Which requests go first when several wait for one budget.
enum class RequestPriority {
    Urgent = 0,     // webhook fetches, fetches by id, token requests: someone waits for them now
    Normal = 1,     // incremental walks, writes, probes, connection tests
    Background = 2, // backfills, full walks, reconcile scans, verification
};

// What a rate-limit answer says: the parsed X-RateLimit-* / RateLimit-* headers.
struct RateLimitHeaders
{
    qint64 limit = -1;       // requests per window
    qint64 remaining = -1;   // left in the current window
    qint64 resetMs = -1;     // until the window resets (relative to the answer)
    qint64 windowMs = -1;    // the window, when the server says (RateLimit-Policy "w=")
    bool any() const { return limit >= 0 || remaining >= 0 || resetMs >= 0; }

    // `now` is the server's clock when known (an epoch-seconds reset is read against it).
    static RateLimitHeaders parse(const QList<QPair<QByteArray, QByteArray>> &headers, const QDateTime &now);
};

class BudgetTicket;

// The budget of one host: a sliding window over the requests it granted (configured or learned
// from the server's headers), what the server said is left and when it resets, a pause after a
// 429, and a limit on requests in flight. Requests wait in one queue ordered by priority, then by
// arrival. Thread-safe: clients in any thread draw from it.
class HostBudget
{
public:
    HostBudget(const QString &key, const HostLimits &limits);

    QString key() const { return m_key; }
    HostLimits limits() const;
    void setLimits(const HostLimits &limits);

    struct Stats
    {
        QString key;
        QMap<int, qint64> responses;   // by HTTP status; 0 = no answer (network error, timeout)
        qint64 granted = 0;
        qint64 rateLimited = 0;        // 429 answers
        qint64 retries = 0;            // attempts after the first of a request
        qint64 waitedMs = 0;           // time requests spent waiting for the budget
        qint64 refused = 0;            // requests not sent: the wait was beyond max_wait
        int inFlight = 0;
        int waiting = 0;
        qint64 remaining = -1;         // what the budget believes is left now (-1: unknown/unlimited)
        qint64 limit = -1;             // requests per window in force (configured or learned)
        qint64 windowMs = -1;
        QDateTime firstGrantAt;        // the first request sent (invalid: none yet)
        QDateTime lastRateLimitedAt;   // the last 429 (invalid: none)
    };
    Stats stats() const;

private:
    friend class BudgetTicket;
    friend class RequestBudgets;

    struct Waiter
    {
        BudgetTicket *ticket;
        int priority;
        quint64 seq;
        qint64 since;
    };

    // Grants what may go now (queued signals to the tickets' threads) and refuses everything
    // waiting when the next chance is beyond max_wait. Returns ms until the next chance
    // (-1: only a release can help). Called with m_mutex held.
    qint64 pumpLocked(qint64 now, BudgetTicket *caller = nullptr);
    // The earliest time (ms on m_clock) a request may be sent, leaving concurrency aside.
    qint64 nextChanceLocked(qint64 now, QString *why);
    void grantLocked(const Waiter &w, qint64 now, BudgetTicket *caller);
    void pruneLocked(qint64 now);
    qint64 effectiveRemainingLocked(qint64 now) const;
    // Joins the queue; true when the ticket was granted at once (its caller says so, directly).
    bool enqueue(BudgetTicket *t, int priority);
    // -3: granted now (tell it directly), -2: no longer waiting, else ms until it asks again.
    qint64 poll(BudgetTicket *t);
    void cancel(BudgetTicket *t);
    void release(BudgetTicket *t, int status, const QList<QPair<QByteArray, QByteArray>> &headers,
                 const QDateTime &serverTime, qint64 retryAfterMs, bool retry);
    qint64 nowMs() const { return m_clock.elapsed(); }
    QDateTime wallTimeAt(qint64 ms) const;

    const QString m_key;
    mutable QMutex m_mutex;
    QElapsedTimer m_clock;
    QDateTime m_clockStart;
    HostLimits m_limits;
    std::vector<Waiter> m_queue; // sorted by (priority, seq)
    quint64 m_seq = 0;
    quint64 m_grants = 0;        // grants so far; a ticket remembers its number
    int m_inFlight = 0;
    std::deque<qint64> m_sent;   // grant times within the longest window in force
    qint64 m_pausedUntil = 0;    // after a 429: nothing before this
    // Learned from headers.
    qint64 m_learnedLimit = -1;
    qint64 m_learnedWindowMs = -1;
    qint64 m_remaining = -1;     // as of m_remainingGrant, minus grants since
    quint64 m_remainingGrant = 0;
    qint64 m_resetAt = -1;
    // Learned from 429s without headers: at most this many per second.
    qint64 m_learned429Limit = -1;
    qint64 m_last429 = -1;
    qint64 m_firstGrant = -1;
    Stats m_stats;
};

// A request's place in a budget's queue. Lives in the requesting thread (a child of the request);
// granted() arrives in that thread. Destroying it before release() gives its place or slot back.
class BudgetTicket : public QObject
{
    Q_OBJECT
public:
    BudgetTicket(std::shared_ptr<HostBudget> budget, RequestPriority priority, QObject *parent);
    ~BudgetTicket() override;

    // Joins the queue; granted() follows, at once when the budget allows it now (from inside this
    // call), or refused(), always queued.
    void request();
    // The attempt is over: frees its slot and teaches the budget what the answer said. `retry`:
    // another attempt of the same request follows.
    void release(int status, const QList<QPair<QByteArray, QByteArray>> &headers, const QDateTime &serverTime,
                 qint64 retryAfterMs, bool retry);
    HostBudget *budget() const { return m_budget.get(); }

Q_SIGNALS:
    void granted();
    // The budget cannot be had within its max_wait: error is Error::Code::BudgetSpent with
    // retryAt set.
    void refused(const Tributary::Error &error);

private:
    friend class HostBudget;
    enum class State { Idle, Waiting, Granted, Released };
    void poll();

    std::shared_ptr<HostBudget> m_budget;
    int m_priority;
    QTimer *m_timer;
    State m_state = State::Idle; // guarded by the budget's mutex
    quint64 m_grant = 0;
    bool m_grantedNow = false;   // granted while this ticket itself asked (enqueue, poll)
};

// Every budget of the process, by key: the URL's host (with its port when not the scheme's
// default), or a name a source chooses (limits.budget) to share one across hosts or to keep two
// credentials on one host apart.
class RequestBudgets
{
public:
    static RequestBudgets &instance();

    static QString keyFor(const QUrl &url);
    std::shared_ptr<HostBudget> budgetFor(const QUrl &url, const QString &name = {});
    // The configuration's "hosts" block; keys not named get the defaults again.
    void configure(const QHash<QString, HostLimits> &hosts);
    QList<HostBudget::Stats> stats() const;
    // Tests: forget every budget (running requests keep theirs).
    void reset();

private:
    mutable QMutex m_mutex;
    QHash<QString, HostLimits> m_configured;
    QHash<QString, std::shared_ptr<HostBudget>> m_budgets;
};

} // namespace Tributary
