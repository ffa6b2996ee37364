#pragma once

namespace Tributary {

// The misbehaviour forum-sim adds to GET listing and single-record answers, the way real APIs
// misbehave. All of it is drawn from the server's seeded generator, so a failing run replays.
struct ForumFaults
{
    int latencyMs = 0;         // mean added latency; each answer gets it with +/-50% jitter
    double errorRate = 0.0;    // share of answers replaced by 500/502/503 (some without a body)
    int rateLimit = 0;         // requests in any one second (ForumRateLimit); 0 = unlimited; 429 beyond
    double malformedRate = 0.0; // share of answers with invalid JSON or a truncated body
    double hangRate = 0.0;     // share of requests never answered

    bool any() const
    {
        return latencyMs > 0 || errorRate > 0 || rateLimit > 0 || malformedRate > 0
            || hangRate > 0;
    }
};

} // namespace Tributary
