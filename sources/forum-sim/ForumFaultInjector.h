#pragma once

#include "forum-sim/ForumFaults.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

namespace Tributary {

struct HttpResponse;

// Decides, from the seeded generator, how one GET answer misbehaves. Decisions are drawn in a
// fixed order per request so the same seed and the same request sequence replay the same faults
// (ForumRateLimit, apart, depends on timing, as it does on a real server).
class ForumFaultInjector
{
public:
    ForumFaultInjector(const ForumFaults &faults, quint64 seed);

    const ForumFaults &faults() const { return m_faults; }

    // Before the handler: a 5xx or a hang replaces the answer. Returns true when it did. (The
    // rate limit is ForumRateLimit's, shared by every forum of a server.)
    bool preempt(HttpResponse *response);
    // After the handler: latency, malformed bodies and rate-limit headers on a real answer.
    void decorate(HttpResponse *response);

private:
    bool chance(double p);

    ForumFaults m_faults;
    QRandomGenerator m_rng;
};

} // namespace Tributary
