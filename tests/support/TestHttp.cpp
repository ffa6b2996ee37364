#include "TestHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

namespace Tributary::Test {

HttpResponse jsonResponse(int status, const QJsonValue &v)
{
    const QByteArray body = v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                        : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    return HttpResponse::json(status, body);
}

HttpResponse messageResponse(int status, const QString &text)
{
    return jsonResponse(status, QJsonObject{{QStringLiteral("message"), text}});
}

bool intParam(const QUrlQuery &q, const QString &name, qint64 def, qint64 min, qint64 max, qint64 *out, HttpResponse *error)
{
    if (!q.hasQueryItem(name)) {
        *out = def;
        return true;
    }
    bool ok = false;
    const qint64 v = q.queryItemValue(name).toLongLong(&ok);
    if (!ok || v < min || v > max) {
        *error = messageResponse(422, QStringLiteral("%1 must be a whole number from %2 to %3").arg(name).arg(min).arg(max));
        return false;
    }
    *out = v;
    return true;
}

class ServerThread::Runner : public QThread
{
public:
    explicit Runner(Handler handler) : m_handler(std::move(handler)) { setObjectName(QStringLiteral("test-server")); }

    quint16 waitListening()
    {
        QMutexLocker lock(&m_mutex);
        while (!m_ready)
            m_cond.wait(&m_mutex);
        return m_port;
    }

protected:
    void run() override
    {
        HttpServer server(m_handler);
        const bool ok = server.listen(QHostAddress::LocalHost, 0);
        {
            QMutexLocker lock(&m_mutex);
            m_port = ok ? server.port() : 0;
            m_ready = true;
            m_cond.wakeAll();
        }
        if (ok)
            exec();
    }

private:
    Handler m_handler;
    QMutex m_mutex;
    QWaitCondition m_cond;
    bool m_ready = false;
    quint16 m_port = 0;
};

ServerThread::ServerThread() = default;

ServerThread::~ServerThread()
{
    stop();
}

quint16 ServerThread::start(Handler handler)
{
    stop();
    m_runner = std::make_unique<Runner>(std::move(handler));
    m_runner->start();
    const quint16 port = m_runner->waitListening();
    if (port == 0)
        stop();
    return port;
}

void ServerThread::stop()
{
    if (!m_runner)
        return;
    m_runner->quit();
    m_runner->wait();
    m_runner.reset();
}

} // namespace Tributary::Test
