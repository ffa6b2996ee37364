#include "ForumFaultInjector.h"

#include "net/HttpServer.h"

#include <QtMath>

namespace Tributary {

namespace {

QRandomGenerator makeRng(quint64 seed)
{
    const quint32 seeds[2] = {quint32(seed), quint32(seed >> 32)};
    return QRandomGenerator(seeds, seeds + 2);
}

} // namespace

ForumFaultInjector::ForumFaultInjector(const ForumFaults &faults, quint64 seed)
    : m_faults(faults)
    , m_rng(makeRng(seed))
{
}

bool ForumFaultInjector::chance(double p)
{
    // Always draw, even when p is 0, so enabling one fault does not reshuffle the others.
    const double x = m_rng.generateDouble();
    return p > 0 && x < p;
}

bool ForumFaultInjector::preempt(HttpResponse *response)
{
    const bool error = chance(m_faults.errorRate);
    const quint32 errorKind = m_rng.bounded(6u);
    const bool hang = chance(m_faults.hangRate);
    if (hang) {
        *response = HttpResponse();
        response->hang = true;
        return true;
    }
    if (error) {
        static const int statuses[3] = {500, 502, 503};
        const int status = statuses[errorKind % 3];
        // Proxies in front of real APIs answer 502/503 with HTML or nothing, not JSON.
        if (errorKind >= 3) {
            *response = HttpResponse();
            response->status = status;
        } else {
            *response = HttpResponse::json(status, QByteArrayLiteral("{\"message\":\"Server Error\"}"));
        }
        if (status == 503 && errorKind >= 3)
            response->setHeader("Retry-After", "1");
        decorate(response);
        return true;
    }
    return false;
}

void ForumFaultInjector::decorate(HttpResponse *response)
{
    const bool malformed = chance(m_faults.malformedRate);
    const bool truncate = m_rng.bounded(2u) == 0;
    const double jitter = m_rng.generateDouble();
    if (malformed && response->status == 200 && !response->body.isEmpty()) {
        if (truncate) {
            response->truncate = true;
        } else {
            // Valid-looking start, broken end: what a crashed serialiser leaves behind.
            response->body.chop(qMin<qsizetype>(response->body.size(), 2));
            response->body += ",]}";
        }
    }
    if (m_faults.latencyMs > 0)
        response->delayMs = qMax(0, int(m_faults.latencyMs * (0.5 + jitter)));
}

} // namespace Tributary
