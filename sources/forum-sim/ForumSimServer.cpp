#include "ForumSimServer.h"

#include "net/HttpServer.h"
#include "forum-sim/ForumChurn.h"
#include "forum-sim/ForumApi.h"
#include "forum-sim/ForumLogging.h"
#include "forum-sim/ForumSchema.h"
#include "forum-sim/ForumStore.h"
#include "forum-sim/ForumWebhooks.h"

#include <QFile>
#include <QSqlDatabase>

namespace Tributary {

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
    if (!QFile::exists(options.dbPath)) {
        *error = QStringLiteral("no forum database at %1 (create one with: forum-sim generate)")
                     .arg(options.dbPath);
        return false;
    }
    m_store = std::make_unique<ForumStore>();
    if (!m_store->open(options.dbPath, false, error)) {
        m_store.reset();
        return false;
    }
    // Only a served forum gets the write API's tables; a generated database (also used as the
    // demo's main database) stays the application's schema alone.
    {
        QSqlDatabase db = m_store->database();
        if (!ForumSchema::createWriteTables(db, error)) {
            m_store.reset();
            return false;
        }
    }
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
    m_http = new HttpServer([api, this](const HttpRequest &request) {
        ++m_requests;
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

void ForumSimServer::stop()
{
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
