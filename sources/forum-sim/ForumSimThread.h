#pragma once

#include "forum-sim/ForumSimOptions.h"
#include "forum-sim/ForumWebhooks.h"

#include <QUrl>

#include <memory>

namespace Tributary {

// Runs a ForumSimServer in its own thread, so a test can talk to it over real loopback HTTP
// while its own event loop waits for replies. The database connection is opened and closed in
// that thread.
class ForumSimThread
{
public:
    ForumSimThread();
    ~ForumSimThread(); // stops
    ForumSimThread(const ForumSimThread &) = delete;
    ForumSimThread &operator=(const ForumSimThread &) = delete;

    // Returns once the server listens (true) or failed to start (false, with error).
    bool start(const ForumSimOptions &options, QString *error);
    void stop();
    bool isRunning() const;

    quint16 port() const;
    // Requests the server has received so far (tests count retries with it).
    qint64 requestCount() const;
    // Webhook delivery counters so far (the final ones once stopped, until the next start).
    ForumWebhookStats webhookStats() const;
    // http://127.0.0.1:PORT/api/v1
    QUrl baseUrl() const;

private:
    class Runner;
    std::unique_ptr<Runner> m_runner;
    ForumWebhookStats m_lastWebhooks;
};

} // namespace Tributary
