#pragma once

#include "net/HttpServer.h"

#include <functional>

namespace Tributary {

class Health;
class ServiceMetrics;

// The monitoring routes of tributaryd serve, as an HttpServer handler:
//   GET /healthz   200 "ok\n", or 503 with one reason per line; JSON ({"status", "reasons"}) with
//                  ?format=json or Accept: application/json
//   GET /metrics   the Prometheus text format 0.0.4
// Anything else: 404; another method on these paths: 405. Reads no network, and no tables except
// through `beforeMetrics` (e.g. ServiceMetrics::refreshFromState) and the health's database check,
// so the server must live in the thread that owns that database.
class MonitoringEndpoints
{
public:
    MonitoringEndpoints(ServiceMetrics *metrics, Health *health, std::function<void()> beforeMetrics = {});

    HttpResponse handle(const HttpRequest &request) const;
    HttpServer::Handler handler() const;

    // Counts every response `server` sends in tributary_http_responses_total{server=name}.
    static void countResponses(HttpServer *server, ServiceMetrics *metrics, const QString &name);

private:
    ServiceMetrics *m_metrics;
    Health *m_health;
    std::function<void()> m_beforeMetrics;
};

} // namespace Tributary
