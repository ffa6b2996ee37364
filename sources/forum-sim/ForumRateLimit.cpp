#include "ForumRateLimit.h"

#include "forum-sim/ForumLogging.h"
#include "net/HttpServer.h"

#include <QMutexLocker>

namespace Tributary {

namespace {
constexpr qint64 kWindowMs = 1000;
}

ForumRateLimit::ForumRateLimit(int perSecond, Headers headers)
    : m_perSecond(perSecond), m_headers(headers)
{
    m_clock.start();
}

bool ForumRateLimit::parseHeaders(const QString &name, Headers *out)
{
    if (name == QLatin1String("x"))
        *out = Headers::XRateLimit;
    else if (name == QLatin1String("ietf"))
        *out = Headers::Ietf;
    else if (name == QLatin1String("none"))
        *out = Headers::None;
    else
        return false;
    return true;
}

qint64 ForumRateLimit::resetMsLocked(qint64 now) const
{
    // Until the oldest request in the window leaves it and a slot frees.
    return m_admitted.empty() ? 0 : qMax<qint64>(0, m_admitted.front() + kWindowMs - now);
}

bool ForumRateLimit::admit(HttpResponse *refusal)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.elapsed();
    if (m_firstMs < 0)
        m_firstMs = now;
    while (!m_admitted.empty() && m_admitted.front() <= now - kWindowMs)
        m_admitted.pop_front();
    if (int(m_admitted.size()) < m_perSecond) {
        m_admitted.push_back(now);
        ++m_admittedTotal;
        return true;
    }
    ++m_refusedTotal;
    m_lastRefusalMs = now;
    const qint64 wait = resetMsLocked(now);
    *refusal = HttpResponse::json(429, QByteArrayLiteral("{\"message\":\"Too Many Attempts.\"}"));
    refusal->setHeader("Retry-After", QByteArray::number(qMax<qint64>(1, (wait + 999) / 1000)));
    addHeaders(refusal, now);
    qCInfo(lcForumSim).noquote() << QStringLiteral("rate limit: 429 at +%1 s (%2 in the last second)")
                                        .arg(double(now - m_firstMs) / 1000.0, 0, 'f', 3)
                                        .arg(m_admitted.size());
    return false;
}

void ForumRateLimit::decorate(HttpResponse *response) const
{
    QMutexLocker lock(&m_mutex);
    addHeaders(response, m_clock.elapsed());
}

void ForumRateLimit::addHeaders(HttpResponse *response, qint64 now) const
{
    qint64 inWindow = 0;
    for (qint64 t : m_admitted)
        inWindow += t > now - kWindowMs ? 1 : 0;
    const QByteArray limit = QByteArray::number(m_perSecond);
    const QByteArray remaining = QByteArray::number(qMax<qint64>(0, m_perSecond - inWindow));
    const QByteArray reset = QByteArray::number(qMax<qint64>(1, (resetMsLocked(now) + 999) / 1000));
    switch (m_headers) {
    case Headers::XRateLimit:
        response->setHeader("X-RateLimit-Limit", limit);
        response->setHeader("X-RateLimit-Remaining", remaining);
        response->setHeader("X-RateLimit-Reset", reset);
        break;
    case Headers::Ietf:
        response->setHeader("RateLimit-Limit", limit);
        response->setHeader("RateLimit-Remaining", remaining);
        response->setHeader("RateLimit-Reset", reset);
        response->setHeader("RateLimit-Policy", limit + ";w=1");
        break;
    case Headers::None:
        break;
    }
}

QString ForumRateLimit::summary() const
{
    QMutexLocker lock(&m_mutex);
    QString s = QStringLiteral("rate limit %1/s: %2 admitted, %3 refused (429)").arg(m_perSecond).arg(m_admittedTotal).arg(m_refusedTotal);
    if (m_lastRefusalMs >= 0)
        s += QStringLiteral(", the last %1 s after the first request").arg(double(m_lastRefusalMs - m_firstMs) / 1000.0, 0, 'f', 3);
    return s;
}

} // namespace Tributary
