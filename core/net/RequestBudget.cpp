#include "RequestBudget.h"

#include "util/Logging.h"
#include "util/Tr.h"

#include <QMutexLocker>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace Tributary {

namespace {

// Requests sent at the client's pace arrive at the server a little bunched: the answer to one
// leaves late, the next one early. A window is kept this much longer than the server's.
qint64 marginFor(qint64 windowMs)
{
    return qMax<qint64>(50, windowMs / 20);
}

// A longest poll, so a waiting request notices a budget changed by a thread that found nobody
// to tell (a release always pumps; this is the belt to those braces).
constexpr qint64 kMaxPollMs = 1000;
// A limit learned from 429s alone is forgotten after this long without one.
constexpr qint64 kForget429Ms = 10 * 60 * 1000;

QByteArray headerValue(const QList<QPair<QByteArray, QByteArray>> &headers, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        for (const auto &h : headers) {
            if (h.first.compare(QByteArray(name), Qt::CaseInsensitive) == 0)
                return h.second.trimmed();
        }
    }
    return {};
}

// The first number of a header value ("10", "10, 10;w=1", "1.5"); -1 when none.
double leadingNumber(const QByteArray &value)
{
    static const QRegularExpression number(QStringLiteral(R"(^\s*(\d+(?:\.\d+)?))"));
    const QRegularExpressionMatch m = number.match(QString::fromLatin1(value));
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

// "w=60" in a policy ("10;w=1", "100, 100;w=60"): the window in seconds; -1 when absent.
double windowSeconds(const QByteArray &value)
{
    static const QRegularExpression w(QStringLiteral(R"(;\s*w\s*=\s*(\d+(?:\.\d+)?))"));
    const QRegularExpressionMatch m = w.match(QString::fromLatin1(value));
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

// key=value in the structured RateLimit header ("limit=10, remaining=3, reset=1").
double structuredItem(const QByteArray &value, const QString &key)
{
    const QRegularExpression re(QStringLiteral(R"((?:^|[,;\s])%1\s*=\s*(\d+(?:\.\d+)?))").arg(key));
    const QRegularExpressionMatch m = re.match(QString::fromLatin1(value));
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// RateLimitHeaders

RateLimitHeaders RateLimitHeaders::parse(const QList<QPair<QByteArray, QByteArray>> &headers, const QDateTime &now)
{
    RateLimitHeaders r;
    const QByteArray limit = headerValue(headers, {"x-ratelimit-limit", "ratelimit-limit", "x-rate-limit-limit"});
    const QByteArray remaining = headerValue(headers, {"x-ratelimit-remaining", "ratelimit-remaining", "x-rate-limit-remaining"});
    const QByteArray reset = headerValue(headers, {"x-ratelimit-reset", "ratelimit-reset", "x-rate-limit-reset"});
    const QByteArray resetAfter = headerValue(headers, {"x-ratelimit-reset-after"});
    const QByteArray policy = headerValue(headers, {"ratelimit-policy", "x-ratelimit-policy"});
    const QByteArray structured = headerValue(headers, {"ratelimit"});

    double l = leadingNumber(limit);
    double rem = leadingNumber(remaining);
    double w = windowSeconds(limit);
    if (!policy.isEmpty()) {
        if (l < 0)
            l = structuredItem(policy, QStringLiteral("q")) >= 0 ? structuredItem(policy, QStringLiteral("q")) : leadingNumber(policy);
        if (w < 0)
            w = windowSeconds(policy);
    }
    double resetSeconds = -1;
    if (!resetAfter.isEmpty()) {
        resetSeconds = leadingNumber(resetAfter);
    } else if (!reset.isEmpty()) {
        const double v = leadingNumber(reset);
        // Epoch seconds (GitHub, Twitter) or seconds from now (the IETF draft, most others).
        if (v > 1e9) {
            const QDateTime reference = now.isValid() ? now : QDateTime::currentDateTimeUtc();
            resetSeconds = qMax(0.0, v - reference.toMSecsSinceEpoch() / 1000.0);
        } else {
            resetSeconds = v;
        }
    }
    if (!structured.isEmpty()) {
        if (l < 0)
            l = structuredItem(structured, QStringLiteral("limit"));
        if (rem < 0) {
            rem = structuredItem(structured, QStringLiteral("remaining"));
            if (rem < 0)
                rem = structuredItem(structured, QStringLiteral("r"));
        }
        if (resetSeconds < 0) {
            resetSeconds = structuredItem(structured, QStringLiteral("reset"));
            if (resetSeconds < 0)
                resetSeconds = structuredItem(structured, QStringLiteral("t"));
        }
    }
    r.limit = l >= 0 ? qint64(l) : -1;
    r.remaining = rem >= 0 ? qint64(rem) : -1;
    r.resetMs = resetSeconds >= 0 ? qint64(resetSeconds * 1000.0 + 0.5) : -1;
    r.windowMs = w > 0 ? qint64(w * 1000.0 + 0.5) : -1;
    return r;
}

// ---------------------------------------------------------------------------------------------
// HostBudget

HostBudget::HostBudget(const QString &key, const HostLimits &limits)
    : m_key(key), m_clockStart(QDateTime::currentDateTimeUtc()), m_limits(limits)
{
    m_clock.start();
    m_stats.key = key;
}

HostLimits HostBudget::limits() const
{
    QMutexLocker lock(&m_mutex);
    return m_limits;
}

void HostBudget::setLimits(const HostLimits &limits)
{
    QMutexLocker lock(&m_mutex);
    m_limits = limits;
    if (!limits.learn) {
        m_learnedLimit = m_learnedWindowMs = m_remaining = m_resetAt = -1;
        m_learned429Limit = -1;
    }
    pumpLocked(nowMs());
}

QDateTime HostBudget::wallTimeAt(qint64 ms) const
{
    return m_clockStart.addMSecs(ms);
}

HostBudget::Stats HostBudget::stats() const
{
    QMutexLocker lock(&m_mutex);
    Stats s = m_stats;
    const qint64 now = m_clock.elapsed();
    s.inFlight = m_inFlight;
    s.waiting = int(m_queue.size());
    s.remaining = effectiveRemainingLocked(now);
    if (m_firstGrant >= 0)
        s.firstGrantAt = wallTimeAt(m_firstGrant);
    if (m_stats.rateLimited > 0)
        s.lastRateLimitedAt = wallTimeAt(m_last429);
    if (m_limits.requests > 0) {
        s.limit = m_limits.requests;
        s.windowMs = m_limits.windowMs;
    } else if (m_learnedLimit > 0) {
        s.limit = m_learnedLimit;
        s.windowMs = m_learnedWindowMs;
    }
    if (s.remaining < 0 && s.limit > 0 && s.windowMs > 0) {
        const qint64 inWindow = std::count_if(m_sent.begin(), m_sent.end(), [&](qint64 t) { return t > now - s.windowMs; });
        s.remaining = qMax<qint64>(0, s.limit - inWindow);
    }
    return s;
}

qint64 HostBudget::effectiveRemainingLocked(qint64 now) const
{
    if (m_remaining < 0 || m_resetAt <= now)
        return -1;
    return m_remaining - qint64(m_grants - m_remainingGrant);
}

void HostBudget::pruneLocked(qint64 now)
{
    qint64 keep = 0;
    if (m_limits.requests > 0)
        keep = qMax(keep, m_limits.windowMs + marginFor(m_limits.windowMs));
    if (m_learnedLimit > 0 && m_learnedWindowMs > 0)
        keep = qMax(keep, m_learnedWindowMs + marginFor(m_learnedWindowMs));
    keep = qMax<qint64>(keep, 1000 + marginFor(1000)); // the 429 learning looks one second back
    while (!m_sent.empty() && m_sent.front() < now - keep)
        m_sent.pop_front();
    if (m_learned429Limit > 0 && m_last429 >= 0 && now - m_last429 > kForget429Ms) {
        qCInfo(lcHttpClient).noquote() << m_key << ": no 429 for" << kForget429Ms / 60000
                                       << "minutes; the limit learned from them is dropped";
        m_learned429Limit = -1;
    }
}

qint64 HostBudget::nextChanceLocked(qint64 now, QString *why)
{
    qint64 t = now;
    auto later = [&](qint64 when, const QString &reason) {
        if (when > t) {
            t = when;
            if (why)
                *why = reason;
        }
    };
    later(m_pausedUntil, Tr::tr("the server answered 429 Too Many Requests and asked to wait"));
    // A window of at most n requests: the n-th latest grant must have left it.
    auto window = [&](qint64 n, qint64 windowMs, const QString &reason) {
        if (n <= 0 || windowMs <= 0 || qint64(m_sent.size()) < n)
            return;
        later(m_sent[m_sent.size() - size_t(n)] + windowMs + marginFor(windowMs), reason);
    };
    window(m_limits.requests, m_limits.windowMs,
           Tr::tr("the configured rate of %1 requests per %2 s").arg(m_limits.requests).arg(m_limits.windowMs / 1000.0));
    if (m_limits.learn) {
        window(m_learnedLimit, m_learnedWindowMs,
               Tr::tr("the server's limit of %1 requests per %2 s").arg(m_learnedLimit).arg(m_learnedWindowMs / 1000.0));
        window(m_learned429Limit, 1000,
               Tr::tr("the pace learned from the server's 429 answers (%1 requests per second)").arg(m_learned429Limit));
        const qint64 remaining = effectiveRemainingLocked(now);
        if (remaining >= 0) {
            if (remaining <= 0) {
                later(m_resetAt + marginFor(qMax<qint64>(1000, m_learnedWindowMs)),
                      Tr::tr("the server says no request is left until its limit resets (X-RateLimit-Remaining: 0)"));
            } else if (m_learnedLimit > 0 && remaining <= qMax<qint64>(1, m_learnedLimit / 10) && !m_sent.empty()) {
                // Slowing down before the limit: what is left is spread until the reset.
                later(m_sent.back() + (m_resetAt - now) / remaining,
                      Tr::tr("the server's limit is nearly spent; the last requests are spread until it resets"));
            }
        }
    }
    return t;
}

void HostBudget::grantLocked(const Waiter &w, qint64 now, BudgetTicket *caller)
{
    BudgetTicket *ticket = w.ticket;
    ticket->m_state = BudgetTicket::State::Granted;
    ticket->m_grant = ++m_grants;
    ++m_inFlight;
    m_sent.push_back(now);
    if (m_firstGrant < 0)
        m_firstGrant = now;
    ++m_stats.granted;
    m_stats.waitedMs += now - w.since;
    // The ticket asking now, in its own thread, is told on return (its request goes out at once,
    // not after whatever its thread does next: a page being applied); the others by a queued call.
    if (ticket == caller)
        ticket->m_grantedNow = true;
    else
        QMetaObject::invokeMethod(ticket, [ticket] { Q_EMIT ticket->granted(); }, Qt::QueuedConnection);
}

qint64 HostBudget::pumpLocked(qint64 now, BudgetTicket *caller)
{
    pruneLocked(now);
    while (!m_queue.empty()) {
        if (m_limits.concurrency > 0 && m_inFlight >= m_limits.concurrency)
            return -1;
        QString why;
        const qint64 t = nextChanceLocked(now, &why);
        if (t <= now) {
            const Waiter w = m_queue.front();
            m_queue.erase(m_queue.begin());
            grantLocked(w, now, caller);
            continue;
        }
        if (t - now > m_limits.maxWaitMs) {
            const QDateTime when = wallTimeAt(t).toUTC();
            Error e(Error::Code::BudgetSpent,
                    Tr::tr("%1: the request budget is spent until %2 (%3), beyond hosts.%1.max_wait_seconds (%4 s); the run "
                           "stops at its last committed page and goes on from there at %2")
                        .arg(m_key, when.toString(Qt::ISODate), why, QString::number(m_limits.maxWaitMs / 1000.0)));
            e.retryAt = when;
            for (const Waiter &w : m_queue) {
                BudgetTicket *ticket = w.ticket;
                ticket->m_state = BudgetTicket::State::Released;
                ++m_stats.refused;
                QMetaObject::invokeMethod(ticket, [ticket, e] { Q_EMIT ticket->refused(e); }, Qt::QueuedConnection);
            }
            m_queue.clear();
            return -1;
        }
        return t - now;
    }
    return -1;
}

bool HostBudget::enqueue(BudgetTicket *t, int priority)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = nowMs();
    Waiter w{t, priority, ++m_seq, now};
    const auto at = std::upper_bound(m_queue.begin(), m_queue.end(), w, [](const Waiter &a, const Waiter &b) {
        return a.priority != b.priority ? a.priority < b.priority : a.seq < b.seq;
    });
    m_queue.insert(at, w);
    t->m_state = BudgetTicket::State::Waiting;
    pumpLocked(now, t);
    return std::exchange(t->m_grantedNow, false);
}

qint64 HostBudget::poll(BudgetTicket *t)
{
    QMutexLocker lock(&m_mutex);
    if (t->m_state != BudgetTicket::State::Waiting)
        return -2;
    const qint64 next = pumpLocked(nowMs(), t);
    if (std::exchange(t->m_grantedNow, false))
        return -3;
    if (t->m_state != BudgetTicket::State::Waiting)
        return -2;
    return next < 0 ? kMaxPollMs : qBound<qint64>(1, next, kMaxPollMs);
}

void HostBudget::cancel(BudgetTicket *t)
{
    QMutexLocker lock(&m_mutex);
    if (t->m_state == BudgetTicket::State::Waiting) {
        m_queue.erase(std::remove_if(m_queue.begin(), m_queue.end(), [t](const Waiter &w) { return w.ticket == t; }),
                      m_queue.end());
    } else if (t->m_state == BudgetTicket::State::Granted) {
        --m_inFlight;
    }
    t->m_state = BudgetTicket::State::Released;
    pumpLocked(nowMs());
}

void HostBudget::release(BudgetTicket *t, int status, const QList<QPair<QByteArray, QByteArray>> &headers,
                         const QDateTime &serverTime, qint64 retryAfterMs, bool retry)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = nowMs();
    if (t->m_state == BudgetTicket::State::Granted)
        --m_inFlight;
    t->m_state = BudgetTicket::State::Released;
    ++m_stats.responses[status];
    if (retry)
        ++m_stats.retries;

    const RateLimitHeaders h = m_limits.learn ? RateLimitHeaders::parse(headers, serverTime) : RateLimitHeaders();
    if (h.limit > 0) {
        if (m_learnedLimit != h.limit)
            qCInfo(lcHttpClient).noquote() << m_key << ": the server allows" << h.limit << "requests per window";
        m_learnedLimit = h.limit;
    }
    if (h.windowMs > 0)
        m_learnedWindowMs = h.windowMs;
    else if (h.resetMs > 0 && h.limit > 0)
        // The reset is at most one window away: the longest seen, in whole seconds, is the window.
        m_learnedWindowMs = qMax(m_learnedWindowMs, ((h.resetMs + 999) / 1000) * 1000);
    if (h.remaining >= 0 && t->m_grant >= m_remainingGrant) {
        m_remaining = h.remaining;
        m_remainingGrant = t->m_grant;
        m_resetAt = now + (h.resetMs >= 0 ? h.resetMs : (m_learnedWindowMs > 0 ? m_learnedWindowMs : 1000));
    }

    if (status == 429) {
        ++m_stats.rateLimited;
        m_pausedUntil = qMax(m_pausedUntil, now + (retryAfterMs >= 0 ? retryAfterMs : 1000));
        m_last429 = now;
        if (m_limits.learn && m_limits.requests <= 0 && !h.any()) {
            // Nothing says the limit: what went in the last second was too much.
            const qint64 recent = std::count_if(m_sent.begin(), m_sent.end(), [&](qint64 s) { return s > now - 1000; });
            const qint64 learned = qMax<qint64>(1, (m_learned429Limit > 0 ? qMin(m_learned429Limit, recent) : recent) - 1);
            if (learned != m_learned429Limit)
                qCInfo(lcHttpClient).noquote() << m_key << ": answered 429 without rate headers; sending at most" << learned
                                               << "requests per second from now on";
            m_learned429Limit = learned;
        }
    }
    pumpLocked(now);
}

// ---------------------------------------------------------------------------------------------
// BudgetTicket

BudgetTicket::BudgetTicket(std::shared_ptr<HostBudget> budget, RequestPriority priority, QObject *parent)
    : QObject(parent), m_budget(std::move(budget)), m_priority(int(priority))
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &BudgetTicket::poll);
}

BudgetTicket::~BudgetTicket()
{
    m_budget->cancel(this);
}

void BudgetTicket::request()
{
    if (m_budget->enqueue(this, m_priority)) {
        Q_EMIT granted();
        return;
    }
    poll();
}

void BudgetTicket::poll()
{
    const qint64 next = m_budget->poll(this);
    if (next == -3)
        Q_EMIT granted();
    else if (next >= 0)
        m_timer->start(int(next));
}

void BudgetTicket::release(int status, const QList<QPair<QByteArray, QByteArray>> &headers, const QDateTime &serverTime,
                           qint64 retryAfterMs, bool retry)
{
    m_timer->stop();
    m_budget->release(this, status, headers, serverTime, retryAfterMs, retry);
}

// ---------------------------------------------------------------------------------------------
// RequestBudgets

RequestBudgets &RequestBudgets::instance()
{
    static RequestBudgets budgets;
    return budgets;
}

QString RequestBudgets::keyFor(const QUrl &url)
{
    const QString host = url.host().toLower();
    const int port = url.port();
    const bool defaultPort = port < 0 || (url.scheme() == QLatin1String("https") && port == 443)
        || (url.scheme() == QLatin1String("http") && port == 80);
    return defaultPort ? host : QStringLiteral("%1:%2").arg(host).arg(port);
}

std::shared_ptr<HostBudget> RequestBudgets::budgetFor(const QUrl &url, const QString &name)
{
    const QString key = name.isEmpty() ? keyFor(url) : name.toLower();
    QMutexLocker lock(&m_mutex);
    std::shared_ptr<HostBudget> &b = m_budgets[key];
    if (!b)
        b = std::make_shared<HostBudget>(key, m_configured.value(key, HostLimits::defaults()));
    return b;
}

void RequestBudgets::configure(const QHash<QString, HostLimits> &hosts)
{
    QMutexLocker lock(&m_mutex);
    m_configured = hosts;
    for (auto it = m_budgets.begin(); it != m_budgets.end(); ++it) {
        const HostLimits wanted = hosts.value(it.key(), HostLimits::defaults());
        if (!(it.value()->limits() == wanted))
            it.value()->setLimits(wanted);
    }
}

QList<HostBudget::Stats> RequestBudgets::stats() const
{
    QMutexLocker lock(&m_mutex);
    QList<HostBudget::Stats> out;
    for (const auto &b : m_budgets)
        out.append(b->stats());
    std::sort(out.begin(), out.end(), [](const HostBudget::Stats &a, const HostBudget::Stats &b) { return a.key < b.key; });
    return out;
}

void RequestBudgets::reset()
{
    QMutexLocker lock(&m_mutex);
    m_budgets.clear();
    m_configured.clear();
}

} // namespace Tributary
