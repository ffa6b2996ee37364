#pragma once

#include <QElapsedTimer>
#include <QMutex>
#include <QString>

#include <deque>

namespace Tributary {

struct HttpResponse;

// The forum's rate limit, shared by every forum one server serves (--mount): at most N requests
// in any one second, a 429 with Retry-After beyond, and the rate headers real APIs send on every
// answer. A sliding window, stricter than a token bucket: nothing gets through in a burst.
class ForumRateLimit
{
public:
    enum class Headers { XRateLimit, Ietf, None };

    ForumRateLimit(int perSecond, Headers headers);

    // Admits the request, or fills `refusal` with the 429 and returns false.
    bool admit(HttpResponse *refusal);
    // The rate headers on an admitted answer.
    void decorate(HttpResponse *response) const;

    static bool parseHeaders(const QString &name, Headers *out);
    // "rate limit 10/s: 1234 admitted, 5 refused (429), the last 1.2 s after the first request".
    QString summary() const;

private:
    void addHeaders(HttpResponse *response, qint64 now) const;
    qint64 resetMsLocked(qint64 now) const;

    const int m_perSecond;
    const Headers m_headers;
    mutable QMutex m_mutex;
    QElapsedTimer m_clock;
    std::deque<qint64> m_admitted; // times within the last second
    qint64 m_admittedTotal = 0;
    qint64 m_refusedTotal = 0;
    qint64 m_firstMs = -1;
    qint64 m_lastRefusalMs = -1;
};

} // namespace Tributary
