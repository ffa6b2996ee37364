#include "MonitoringEndpoints.h"

#include "service/Health.h"
#include "service/Metrics.h"

#include <QJsonDocument>

namespace Tributary {

MonitoringEndpoints::MonitoringEndpoints(ServiceMetrics *metrics, Health *health, std::function<void()> beforeMetrics)
    : m_metrics(metrics), m_health(health), m_beforeMetrics(std::move(beforeMetrics))
{
}

HttpResponse MonitoringEndpoints::handle(const HttpRequest &request) const
{
    const bool health = request.path == QLatin1String("/healthz");
    const bool metrics = request.path == QLatin1String("/metrics");
    if ((!health || !m_health) && (!metrics || !m_metrics))
        return HttpResponse::text(404, QByteArrayLiteral("not found\n"));
    if (request.method != "GET") {
        HttpResponse r = HttpResponse::text(405, QByteArrayLiteral("method not allowed\n"));
        r.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET"));
        return r;
    }
    HttpResponse r;
    if (health) {
        const HealthStatus status = m_health->evaluate();
        const int code = status.ok ? 200 : 503;
        const bool json = request.query.queryItemValue(QStringLiteral("format")) == QLatin1String("json")
                          || request.header("accept").contains("application/json");
        if (json) {
            r = HttpResponse::json(code, QJsonDocument(status.toJson()).toJson(QJsonDocument::Compact) + '\n');
        } else {
            QByteArray body = status.ok ? QByteArrayLiteral("ok") : status.reasons.join(QLatin1Char('\n')).toUtf8();
            r = HttpResponse::text(code, body + '\n');
        }
    } else {
        if (m_beforeMetrics)
            m_beforeMetrics();
        r.status = 200;
        r.body = m_metrics->render();
        r.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"));
    }
    r.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return r;
}

HttpServer::Handler MonitoringEndpoints::handler() const
{
    // Copies the pointers: the handler may outlive this object, not the metrics and health.
    MonitoringEndpoints self = *this;
    return [self](const HttpRequest &request) { return self.handle(request); };
}

void MonitoringEndpoints::countResponses(HttpServer *server, ServiceMetrics *metrics, const QString &name)
{
    QObject::connect(server, &HttpServer::requestHandled, server,
                     [metrics, name](const QByteArray &, const QString &, int status) { metrics->recordHttpResponse(name, status); });
}

} // namespace Tributary
