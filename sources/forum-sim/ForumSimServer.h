#pragma once

#include "forum-sim/ForumSimOptions.h"

#include <QObject>
#include <QUrl>

#include <atomic>
#include <memory>
#include <vector>

namespace Tributary {

class ForumApi;
class ForumChurn;
class ForumRateLimit;
class ForumStore;
class ForumWebhooks;
struct ForumWebhookStats;
class HttpServer;

// One forum-sim instance: the database, the API over it and the HTTP server in front, all living
// in the thread that created it.
class ForumSimServer : public QObject
{
    Q_OBJECT
public:
    explicit ForumSimServer(QObject *parent = nullptr);
    ~ForumSimServer() override;

    bool start(const ForumSimOptions &options, QString *error);
    void stop();
    bool isRunning() const;

    quint16 port() const;
    // http://HOST:PORT/api/v1
    QUrl baseUrl() const;

    ForumApi *api() const;
    HttpServer *httpServer() const;
    // Requests answered (or deliberately left hanging) so far; readable from any thread.
    qint64 requestCount() const { return m_requests.load(); }
    // Webhook delivery counters (all zero without webhooks); readable from any thread.
    ForumWebhookStats webhookStats() const;

    // The mounted forums' base URLs (http://HOST:PORT/NAME/api/v1), in --mount order.
    QList<QUrl> mountUrls() const;

private:
    struct Mount;
    bool openForum(const QString &path, std::unique_ptr<ForumStore> *store, QString *error);

    ForumSimOptions m_options;
    std::vector<std::unique_ptr<Mount>> m_mounts;
    std::shared_ptr<ForumRateLimit> m_rateLimit;
    std::unique_ptr<ForumStore> m_store;
    std::unique_ptr<ForumApi> m_api;
    HttpServer *m_http = nullptr;
    std::atomic<qint64> m_requests{0};
    ForumChurn *m_churn = nullptr;
    ForumWebhooks *m_webhooks = nullptr;
    std::unique_ptr<ForumWebhookStats> m_finalWebhookStats; // kept by stop()
};

} // namespace Tributary
