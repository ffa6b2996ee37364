#include "ForumSimThread.h"

#include "forum-sim/ForumSimServer.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

namespace Tributary {

class ForumSimThread::Runner : public QThread
{
public:
    explicit Runner(const ForumSimOptions &options)
        : m_options(options)
    {
        setObjectName(QStringLiteral("forum-sim"));
    }

    bool waitStarted(QString *error)
    {
        QMutexLocker lock(&m_mutex);
        while (!m_done)
            m_cond.wait(&m_mutex);
        if (!m_ok && error)
            *error = m_error;
        return m_ok;
    }

    quint16 port() const
    {
        QMutexLocker lock(&m_mutex);
        return m_port;
    }

    QUrl baseUrl() const
    {
        QMutexLocker lock(&m_mutex);
        return m_baseUrl;
    }

    qint64 requestCount() const
    {
        QMutexLocker lock(&m_mutex);
        return m_server ? m_server->requestCount() : m_finalRequests;
    }

    ForumWebhookStats webhookStats() const
    {
        QMutexLocker lock(&m_mutex);
        return m_server ? m_server->webhookStats() : m_finalWebhooks;
    }

protected:
    void run() override
    {
        ForumSimServer server;
        QString error;
        const bool ok = server.start(m_options, &error);
        {
            QMutexLocker lock(&m_mutex);
            m_server = &server;
            m_ok = ok;
            m_error = error;
            m_port = server.port();
            m_baseUrl = server.baseUrl();
            m_done = true;
            m_cond.wakeAll();
        }
        if (ok)
            exec();
        QMutexLocker lock(&m_mutex);
        server.stop();
        m_finalRequests = server.requestCount();
        m_finalWebhooks = server.webhookStats();
        m_server = nullptr;
    }

private:
    const ForumSimOptions m_options;
    mutable QMutex m_mutex;
    QWaitCondition m_cond;
    bool m_done = false;
    bool m_ok = false;
    QString m_error;
    quint16 m_port = 0;
    QUrl m_baseUrl;
    const ForumSimServer *m_server = nullptr;
    qint64 m_finalRequests = 0;
    ForumWebhookStats m_finalWebhooks;
};

ForumSimThread::ForumSimThread() = default;

ForumSimThread::~ForumSimThread()
{
    stop();
}

bool ForumSimThread::start(const ForumSimOptions &options, QString *error)
{
    stop();
    m_lastWebhooks = ForumWebhookStats();
    m_runner = std::make_unique<Runner>(options);
    m_runner->start();
    if (!m_runner->waitStarted(error)) {
        m_runner->wait();
        m_runner.reset();
        return false;
    }
    return true;
}

void ForumSimThread::stop()
{
    if (!m_runner)
        return;
    m_runner->quit();
    m_runner->wait();
    m_lastWebhooks = m_runner->webhookStats();
    m_runner.reset();
}

bool ForumSimThread::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

qint64 ForumSimThread::requestCount() const
{
    return m_runner ? m_runner->requestCount() : 0;
}

ForumWebhookStats ForumSimThread::webhookStats() const
{
    if (m_runner)
        return m_runner->webhookStats();
    return m_lastWebhooks;
}

quint16 ForumSimThread::port() const
{
    return m_runner ? m_runner->port() : 0;
}

QUrl ForumSimThread::baseUrl() const
{
    return m_runner ? m_runner->baseUrl() : QUrl();
}

} // namespace Tributary
