#include "ForumSimServer.h"

#include "net/HttpServer.h"
#include "forum-sim/ForumChurn.h"
#include "forum-sim/ForumApi.h"
#include "forum-sim/ForumLogging.h"
#include "forum-sim/ForumRateLimit.h"
#include "forum-sim/ForumSchema.h"
#include "forum-sim/ForumStore.h"
#include "forum-sim/ForumWebhooks.h"

#include <QFile>
#include <QSqlDatabase>

namespace Tributary {

struct ForumSimServer::Mount
{
    QString prefix; // "/b"
    std::unique_ptr<ForumStore> store;
    std::unique_ptr<ForumApi> api;
    ForumChurn *churn = nullptr;
};

ForumSimServer::ForumSimServer(QObject *parent)
    : QObject(parent)
{
}

ForumSimServer::~ForumSimServer()
{
    stop();
}

bool ForumSimServer::start(const ForumSimOptions &options, QString *error)
{
    stop();
    m_finalWebhookStats.reset();
    m_options = options;
    if (!openForum(options.dbPath, &m_store, error))
        return false;
    m_api = std::make_unique<ForumApi>(m_store.get(), options);
    ForumApi *api = m_api.get();
    if (!options.webhookUrls.isEmpty()) {
        m_webhooks = new ForumWebhooks(options.webhookUrls, options.webhookSecret, options.webhookDropRate,
                                       options.webhookDuplicateRate, options.seed, this);
        ForumWebhooks *webhooks = m_webhooks;
        api->setChangeListener([webhooks](const ForumEntity &entity, qint64 id, ForumApi::Change change,
                                          const QString &client) {
            webhooks->notify(entity, id, change, client);
        });
    }
    if (options.churn > 0) {
        m_churn = new ForumChurn(api, m_store.get(), options.churn, options.seed, this);
        m_churn->start();
    }
    // One host, many forums: they share the server's rate limit.
    if (options.faults.rateLimit > 0) {
        m_rateLimit = std::make_shared<ForumRateLimit>(options.faults.rateLimit, options.rateLimitHeaders);
        api->setRateLimit(m_rateLimit);
    }
    for (int i = 0; i < options.mounts.size(); ++i) {
        auto mount = std::make_unique<Mount>();
        mount->prefix = QLatin1Char('/') + options.mounts.at(i).first;
        if (!openForum(options.mounts.at(i).second, &mount->store, error)) {
            stop();
            return false;
        }
        ForumSimOptions mo = options;
        mo.dbPath = options.mounts.at(i).second;
        mo.seed = options.seed + quint64(i) + 1;
        mount->api = std::make_unique<ForumApi>(mount->store.get(), mo);
        mount->api->setMount(mount->prefix);
        mount->api->setRateLimit(m_rateLimit);
        if (options.churn > 0) {
            mount->churn = new ForumChurn(mount->api.get(), mount->store.get(), options.churn, mo.seed, this);
            mount->churn->start();
        }
        m_mounts.push_back(std::move(mount));
    }
    m_http = new HttpServer([api, this](const HttpRequest &request) {
        ++m_requests;
        for (const auto &m : m_mounts) {
            if (request.path.startsWith(m->prefix + QLatin1Char('/')))
                return m->api->handle(request);
        }
        return api->handle(request);
    }, this);
    QHostAddress address;
    if (options.host == QLatin1String("localhost"))
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(options.host)) {
        *error = QStringLiteral("not an IP address: %1").arg(options.host);
        stop();
        return false;
    }
    if (!m_http->listen(address, options.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(options.host)
                     .arg(options.port)
                     .arg(m_http->errorString());
        stop();
        return false;
    }
    m_api->setOrigin(QStringLiteral("http://%1:%2").arg(options.host).arg(port()).toUtf8());
    qCDebug(lcForumSim) << "serving" << options.dbPath << "on" << baseUrl().toString();
    return true;
}

bool ForumSimServer::openForum(const QString &path, std::unique_ptr<ForumStore> *store, QString *error)
{
    if (!QFile::exists(path)) {
        *error = QStringLiteral("no forum database at %1 (create one with: forum-sim generate)").arg(path);
        return false;
    }
    auto opened = std::make_unique<ForumStore>();
    if (!opened->open(path, false, error))
        return false;
    // Only a served forum gets the write API's tables; a generated database (also used as the
    // demo's main database) stays the application's schema alone.
    QSqlDatabase db = opened->database();
    if (!ForumSchema::createWriteTables(db, error))
        return false;
    *store = std::move(opened);
    return true;
}

QList<QUrl> ForumSimServer::mountUrls() const
{
    QList<QUrl> out;
    for (const auto &m : m_mounts)
        out.append(QUrl(QStringLiteral("http://%1:%2%3/api/v1").arg(m_options.host).arg(port()).arg(m->prefix)));
    return out;
}

void ForumSimServer::stop()
{
    for (auto &m : m_mounts) {
        if (m->churn) {
            m->churn->stop();
            delete m->churn;
            m->churn = nullptr;
        }
    }
    if (m_rateLimit)
        qCInfo(lcForumSim).noquote() << m_rateLimit->summary();
    if (m_churn) {
        m_churn->stop();
        delete m_churn;
        m_churn = nullptr;
    }
    if (m_webhooks) {
        if (m_api)
            m_api->setChangeListener(nullptr);
        m_webhooks->abortPending();
        qCInfo(lcForumSim).noquote() << m_webhooks->summary();
        m_finalWebhookStats = std::make_unique<ForumWebhookStats>(m_webhooks->stats());
        delete m_webhooks;
        m_webhooks = nullptr;
    }
    if (m_http) {
        m_http->close();
        delete m_http;
        m_http = nullptr;
    }
    m_mounts.clear();
    m_rateLimit.reset();
    m_api.reset();
    m_store.reset();
}

bool ForumSimServer::isRunning() const
{
    return m_http && m_http->isListening();
}

quint16 ForumSimServer::port() const
{
    return m_http ? m_http->port() : 0;
}

QUrl ForumSimServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://%1:%2/api/v1").arg(m_options.host).arg(port()));
}

ForumWebhookStats ForumSimServer::webhookStats() const
{
    if (m_webhooks)
        return m_webhooks->stats();
    return m_finalWebhookStats ? *m_finalWebhookStats : ForumWebhookStats();
}

ForumApi *ForumSimServer::api() const
{
    return m_api.get();
}

HttpServer *ForumSimServer::httpServer() const
{
    return m_http;
}

} // namespace Tributary
