// tributaryd serve: the long-running service. A Scheduler runs each source at its intervals and
// on webhook hints; one HttpServer in this thread hosts the webhook receiver, /healthz and
// /metrics, reading the state tables through this thread's own connection. SIGTERM and SIGINT
// stop gracefully, SIGHUP reloads the configuration (a bad one is refused, the old keeps running).
#include "CliCommon.h"
#include "Commands.h"

#include "Context.h"
#include "ExitCode.h"
#include "SignalWatcher.h"
#include "Tr.h"
#include "net/HttpServer.h"
#include "service/Health.h"
#include "service/Metrics.h"
#include "service/MonitoringEndpoints.h"
#include "service/Scheduler.h"
#include "state/LeaseStore.h"
#include "state/RunLog.h"
#include "store/Database.h"
#include "util/LogOutput.h"
#include "util/Logging.h"
#include "webhook/WebhookReceiver.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QHostAddress>
#include <QLoggingCategory>

#include <memory>

#include <sys/resource.h>

namespace Tributary::Cli {

namespace {

const QString kWebhookPrefix = QStringLiteral("/webhooks/");
// File descriptors kept for everything but the listener's connections (database, sources, logs).
constexpr rlim_t kReservedDescriptors = 64;

HealthOptions healthOptions(const Config &config)
{
    HealthOptions o;
    o.maxSuccessAgeSeconds = config.service.maxSuccessAgeSeconds;
    o.startupGraceSeconds = config.service.startupGraceSeconds;
    return o;
}

// The last successful reconciliation of each source, so that a restart does not reconcile
// every source again at once.
QHash<QString, QDateTime> lastReconciliations(Database &db)
{
    QHash<QString, QDateTime> out;
    RunFilter filter;
    filter.kinds = {RunKind::Reconcile};
    filter.statuses = {RunStatus::Ok, RunStatus::Partial};
    filter.finishedOnly = true;
    const Result<QHash<QString, RunRecord>> last = RunLog(db).latestPerSource(filter);
    if (!last) {
        qCWarning(lcService).noquote() << QStringLiteral("cannot read the last reconciliations (%1); every source reconciles after its first sync")
                                              .arg(last.error().toString());
        return out;
    }
    for (const RunRecord &r : *last) {
        const QDateTime at = QDateTime::fromString(r.finishedAt, Qt::ISODateWithMs);
        if (at.isValid())
            out.insert(r.source, at.toUTC());
    }
    return out;
}

// One line per run: what a person reading the journal wants to know.
QString runSummary(const RunResult &r)
{
    const EntityCounts t = r.total();
    QString line = QStringLiteral("%1: %2 run %3 %4 in %5 ms: fetched %6, inserted %7, linked %8, updated %9, unchanged %10, deleted %11")
                       .arg(r.source, r.kindName()).arg(r.runId).arg(RunResult::statusName(r.status)).arg(r.elapsedMs)
                       .arg(t.fetched).arg(t.inserted).arg(t.linked).arg(t.updated).arg(t.unchanged).arg(t.deleted);
    if (t.conflicts)
        line += QStringLiteral(", conflicts %1").arg(t.conflicts);
    if (t.quarantined)
        line += QStringLiteral(", quarantined %1").arg(t.quarantined);
    if (t.pending)
        line += QStringLiteral(", pending %1").arg(t.pending);
    if (r.error)
        line += QStringLiteral(": ") + r.error.toString();
    return line;
}

class Service
{
public:
    Service(QString configPath, QStringList only, QTextStream &err, bool jsonLog)
        : m_path(std::move(configPath)), m_only(std::move(only)), m_err(err), m_jsonLog(jsonLog)
    {
    }

    // Everything up to listening; false with *code when the service cannot start.
    bool open(const QString &listenOverride, int *code);
    int exec();

private:
    // A configuration ready to replace the running one, or null with one problem per line.
    // *code: 2 for a configuration problem, 1 for a database that cannot be opened.
    std::unique_ptr<Context> load(QStringList *problems, std::unique_ptr<WebhookReceiver> *receiver, int *code) const;
    bool checkSources(const Config &config, QStringList *problems) const;
    void adopt(std::unique_ptr<Context> context, std::unique_ptr<WebhookReceiver> receiver);
    void reload();
    void stop(int signal);
    // Why the service cannot start: one critical log line with --log-format json (so that a log
    // shipper sees it like every other line), else the problem lines on standard error.
    void cannotStart(const QString &what, const QStringList &problems = {});
    HttpResponse route(const HttpRequest &request);
    void onRunFinished(const RunResult &result, int hints);
    // The listener's limits from service (timeouts, connections) and the webhook body cap; a
    // reload applies them to connections accepted afterwards.
    void applyLimits();

    const QString m_path;
    const QStringList m_only;
    QTextStream &m_err;
    const bool m_jsonLog;

    std::unique_ptr<Context> m_context;
    Config m_config; // the running configuration; Health refers to it
    QDateTime m_loadedAt;
    ServiceMetrics m_metrics;
    std::unique_ptr<Health> m_health;
    std::unique_ptr<WebhookReceiver> m_receiver;
    std::unique_ptr<MonitoringEndpoints> m_endpoints;
    std::unique_ptr<HttpServer> m_server;
    QString m_listen; // as configured, to tell a reload that changes it
    Scheduler m_scheduler;
    SignalWatcher m_signals{nullptr, true};
    QEventLoop m_loop;
};

std::unique_ptr<Context> Service::load(QStringList *problems, std::unique_ptr<WebhookReceiver> *receiver, int *code) const
{
    QString text;
    QTextStream stream(&text);
    *code = ExitUsage;
    std::unique_ptr<Context> context = Context::open(m_path, stream, code);
    stream.flush();
    if (!context) {
        for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            problems->append(line.trimmed());
        return nullptr;
    }
    *code = ExitUsage;
    if (!checkSources(context->config(), problems))
        return nullptr;
    auto fresh = std::make_unique<WebhookReceiver>(context->config());
    if (!fresh->errors().isEmpty()) {
        problems->append(fresh->errors());
        return nullptr;
    }
    *receiver = std::move(fresh);
    *code = ExitOk;
    return context;
}

bool Service::checkSources(const Config &config, QStringList *problems) const
{
    for (const QString &name : m_only) {
        if (!config.source(name))
            problems->append(Tr::tr("--source %1: no source of that name in the configuration").arg(name));
    }
    return problems->isEmpty();
}

bool Service::open(const QString &listenOverride, int *code)
{
    QStringList problems;
    std::unique_ptr<WebhookReceiver> receiver;
    std::unique_ptr<Context> context = load(&problems, &receiver, code);
    if (!context) {
        cannotStart(Tr::tr("cannot start:"), problems);
        return false;
    }
    m_config = context->config();
    m_health = std::make_unique<Health>(m_config, healthOptions(m_config));
    m_endpoints = std::make_unique<MonitoringEndpoints>(&m_metrics, m_health.get(), [this] {
        m_metrics.refreshFromState(m_context->database());
        m_metrics.recordWebhookStats(m_receiver->stats());
    });
    adopt(std::move(context), std::move(receiver));
    Error error;
    if (!m_health->loadFromRuns(m_context->database(), &error) || !m_metrics.loadLastSuccess(m_context->database(), &error))
        qCWarning(lcService).noquote() << QStringLiteral("cannot read the last runs: %1").arg(error.toString());

    QString host = m_config.service.listenHost;
    quint16 port = m_config.service.listenPort;
    m_listen = QStringLiteral("%1:%2").arg(host).arg(port);
    if (!listenOverride.isEmpty()) {
        QString why;
        if (!ServiceConfig::parseListen(listenOverride, &host, &port, &why, true)) {
            cannotStart(QStringLiteral("--listen: ") + why);
            *code = ExitUsage;
            return false;
        }
    }
    const QHostAddress address = ServiceConfig::hostAddress(host); // parseListen checked it
    m_server = std::make_unique<HttpServer>([this](const HttpRequest &r) { return route(r); });
    applyLimits();
    QObject::connect(m_server.get(), &HttpServer::connectionDropped, m_server.get(),
                     [this](HttpServer::Drop drop) { m_metrics.recordDroppedConnection(HttpServer::dropName(drop)); });
    auto serverName = [](const QString &path) { return path.startsWith(kWebhookPrefix) ? QStringLiteral("webhook") : QStringLiteral("monitoring"); };
    QObject::connect(m_server.get(), &HttpServer::requestHandled, m_server.get(),
                     [this, serverName](const QByteArray &, const QString &path, int status) {
                         m_metrics.recordHttpResponse(serverName(path), status);
                     });
    QObject::connect(m_server.get(), &HttpServer::requestRefused, m_server.get(),
                     [this, serverName](const QByteArray &, const QString &path, int status) {
                         m_metrics.recordHttpResponse(serverName(path), status);
                         m_receiver->countRefusedBody(path);
                     });
    if (!m_server->listen(address, port)) {
        cannotStart(Tr::tr("cannot listen on %1:%2: %3").arg(host).arg(port).arg(m_server->errorString()));
        *code = ExitFailed;
        return false;
    }
    const QString url = QStringLiteral("http://%1:%2").arg(address.protocol() == QAbstractSocket::IPv6Protocol
                                                              ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                                                              : address.toString())
                            .arg(m_server->port());
    qCInfo(lcService).noquote() << QStringLiteral("listening on %1 (POST /webhooks/{source}, GET /healthz, GET /metrics)").arg(url);

    QObject::connect(&m_scheduler, &Scheduler::runFinished, &m_scheduler,
                     [this](const RunResult &result, int hints) { onRunFinished(result, hints); });
    QObject::connect(&m_scheduler, &Scheduler::turnSkipped, &m_scheduler,
                     [this](const QString &source, const QString &kind) { m_metrics.recordSkippedTurn(source, kind); });
    QObject::connect(&m_scheduler, &Scheduler::turnYielded, &m_scheduler,
                     [this](const QString &source, const QString &kind, const QString &) { m_metrics.recordYieldedTurn(source, kind); });
    QObject::connect(&m_scheduler, &Scheduler::hintsHandedOver, &m_scheduler, [this](const QString &source, int count) {
        qCInfo(lcService).noquote() << QStringLiteral("%1: %2 webhook hints handed over to the worker that holds the source").arg(source).arg(count);
        m_metrics.recordWebhookHint(source, QStringLiteral("handed_over"), count);
    });
    QObject::connect(&m_scheduler, &Scheduler::hintsDropped, &m_scheduler, [this](const QString &source, int count, const QString &why) {
        qCInfo(lcService).noquote() << QStringLiteral("%1: %2 webhook hints dropped: %3").arg(source).arg(count).arg(why);
        m_metrics.recordWebhookHint(source, QStringLiteral("dropped"), count);
    });
    QObject::connect(&m_scheduler, &Scheduler::stopped, &m_loop, &QEventLoop::quit);
    QObject::connect(&m_signals, &SignalWatcher::stopRequested, &m_scheduler, [this](int signal) { stop(signal); });
    QObject::connect(&m_signals, &SignalWatcher::reloadRequested, &m_scheduler, [this] { reload(); });

    m_scheduler.setConfig(m_config, m_only);
    m_metrics.setSources(m_scheduler.sources());
    m_scheduler.setLastReconcile(lastReconciliations(m_context->database()));
    m_scheduler.start();
    qCInfo(lcService).noquote() << QStringLiteral("running %1 as worker %2 (configuration %3)")
                                       .arg(m_scheduler.sources().join(QStringLiteral(", ")), WorkerIdentity::current().display(), m_path);
    *code = ExitOk;
    return true;
}

void Service::cannotStart(const QString &what, const QStringList &problems)
{
    if (m_jsonLog) {
        qCCritical(lcService).noquote() << (problems.isEmpty() ? what : what + QLatin1Char(' ') + problems.join(QStringLiteral("; ")));
        return;
    }
    m_err << "tributaryd serve: " << what << "\n";
    for (const QString &p : problems)
        m_err << "  " << p << "\n";
    m_err.flush();
}

void Service::adopt(std::unique_ptr<Context> context, std::unique_ptr<WebhookReceiver> receiver)
{
    if (m_receiver) {
        // Hints it holds still count; its counters go to the metrics before it goes.
        m_receiver->flush();
        m_metrics.recordWebhookStats(m_receiver->stats());
    }
    QObject::connect(receiver.get(), &WebhookReceiver::hintsReady, &m_scheduler,
                     [this](const QString &source, const QList<WebhookHint> &hints) { m_scheduler.addHints(source, hints); });
    m_receiver = std::move(receiver);
    m_health->setDatabase(&context->database());
    m_scheduler.setDatabase(&context->database());
    m_context = std::move(context); // the old connection closes here, after nothing refers to it
    m_config = m_context->config();
    m_health->setOptions(healthOptions(m_config));
    m_loadedAt = QDateTime::currentDateTimeUtc();
    if (m_server)
        applyLimits();
}

void Service::applyLimits()
{
    const ServiceConfig &s = m_config.service;
    m_server->setMaxBodyBytes(m_receiver->maxBodyBytes());
    m_server->setRequestTimeoutMs(s.requestTimeoutSeconds * 1000);
    m_server->setIdleTimeoutMs(s.idleTimeoutSeconds * 1000);
    m_server->setMaxConnections(s.maxConnections);
    // Each connection holds a file descriptor; the database, the sources and the log need some
    // too. A cap the process cannot reach protects nothing.
    struct rlimit limit;
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY
        && rlim_t(s.maxConnections) + kReservedDescriptors > limit.rlim_cur)
        qCWarning(lcService).noquote() << QStringLiteral("service.max_connections is %1, but the process may open only %2 files; "
                                                         "raise the limit (LimitNOFILE= in the unit, ulimit -n) or lower max_connections")
                                              .arg(QString::number(s.maxConnections), QString::number(limit.rlim_cur));
}

void Service::reload()
{
    if (m_scheduler.isStopping())
        return;
    qCInfo(lcService).noquote() << QStringLiteral("SIGHUP: reloading the configuration %1").arg(m_path);
    QStringList problems;
    std::unique_ptr<WebhookReceiver> receiver;
    int code = ExitOk;
    std::unique_ptr<Context> context = load(&problems, &receiver, &code);
    if (!context) {
        QString why;
        for (const QString &problem : std::as_const(problems)) {
            if (!why.isEmpty())
                why += why.endsWith(QLatin1Char(':')) ? QStringLiteral(" ") : QStringLiteral("; ");
            why += problem.startsWith(QLatin1String("tributaryd: ")) ? problem.mid(12) : problem;
        }
        qCWarning(lcService).noquote() << QStringLiteral("configuration reload refused; still running the configuration loaded at %1: %2")
                                              .arg(m_loadedAt.toString(Qt::ISODateWithMs), why);
        return;
    }
    const ServiceConfig &next = context->config().service;
    const QString listen = QStringLiteral("%1:%2").arg(next.listenHost).arg(next.listenPort);
    if (listen != m_listen)
        qCWarning(lcService).noquote() << QStringLiteral("service.listen changed to %1: restart the service to listen there (still on %2)")
                                              .arg(listen, m_listen);
    adopt(std::move(context), std::move(receiver));
    m_scheduler.setConfig(m_config, m_only);
    m_metrics.setSources(m_scheduler.sources());
    qCInfo(lcService).noquote() << QStringLiteral("configuration reloaded: running %1; runs in progress finish with the previous configuration")
                                       .arg(m_scheduler.sources().join(QStringLiteral(", ")));
}

void Service::stop(int signal)
{
    if (m_scheduler.isStopping()) {
        qCInfo(lcService).noquote() << QStringLiteral("already stopping; waiting for %1").arg(m_scheduler.running().join(QStringLiteral(", ")));
        return;
    }
    const QStringList running = m_scheduler.running();
    qCInfo(lcService).noquote() << QStringLiteral("signal %1: stopping%2").arg(signal)
                                       .arg(running.isEmpty() ? QString()
                                                              : QStringLiteral("; the runs of %1 finish or roll back the page in flight")
                                                                    .arg(running.join(QStringLiteral(", "))));
    m_server->close();
    m_scheduler.stop();
    m_receiver->flush(); // counted as dropped: the next start's sync finds the same changes
}

HttpResponse Service::route(const HttpRequest &request)
{
    if (request.path.startsWith(kWebhookPrefix))
        return m_receiver->handle(request);
    return m_endpoints->handle(request);
}

void Service::onRunFinished(const RunResult &result, int hints)
{
    m_health->reportRun(result);
    m_metrics.recordRun(result);
    if (hints > 0) {
        const bool applied = result.status == RunResult::Status::Ok || result.status == RunResult::Status::Partial;
        m_metrics.recordWebhookHint(result.source, applied ? QStringLiteral("applied") : QStringLiteral("dropped"), hints);
    }
    if (result.status == RunResult::Status::Failed)
        qCWarning(lcService).noquote() << runSummary(result);
    else
        qCInfo(lcService).noquote() << runSummary(result);
}

int Service::exec()
{
    m_loop.exec();
    qCInfo(lcService).noquote() << QStringLiteral("stopped");
    return ExitOk;
}

} // namespace

int serveCommand(const QStringList &args, QTextStream &, QTextStream &err)
{
    QCommandLineParser p;
    QCommandLineOption listen(QStringLiteral("listen"),
                              Tr::tr("Address of the webhook, health and metrics endpoints, overriding service.listen "
                                     "(default 127.0.0.1:8470; port 0 picks a free port, logged at start)."),
                              QStringLiteral("HOST:PORT"));
    QCommandLineOption logFormat(QStringLiteral("log-format"), Tr::tr("Log lines as text (the default) or json, one object per line."),
                                 QStringLiteral("text|json"), QStringLiteral("text"));
    QCommandLineOption source(QStringLiteral("source"), Tr::tr("Run only this source (repeatable); default: every enabled source."),
                              QStringLiteral("NAME"));
    p.addOptions({configOption(), listen, logFormat, source});
    int code = ExitOk;
    //: Keep the paths, signal names and numbers.
    const QString description = Tr::tr(
        "Runs as a service: syncs each enabled source at its schedule.interval_seconds and reconciles it at its\n"
        "schedule.reconcile_interval_seconds, receives webhooks at POST /webhooks/{source} (signed; each names records\n"
        "that are then fetched by id), and answers GET /healthz and GET /metrics (Prometheus).\n"
        "\n"
        "Signals: SIGTERM or SIGINT stop gracefully (the page being applied commits or rolls back whole);\n"
        "SIGHUP reloads the configuration (a configuration that is not valid is refused and the running one stays).\n"
        "Logs go to standard error; secrets are never written.\n"
        "\n"
        "Exit status: 0 stopped by a signal, 1 cannot start (cannot listen, database cannot be opened),\n"
        "2 usage or configuration error.");
    if (!parse(p, QStringLiteral("serve"), description, args, &code))
        return code;
    LogOutput::Format format = LogOutput::Format::Text;
    if (!LogOutput::parseFormat(p.value(logFormat), &format)) {
        err << "tributaryd serve: " << Tr::tr("--log-format: expected text or json; got \"%1\"").arg(p.value(logFormat)) << "\n";
        return ExitUsage;
    }
    LogOutput::install(format);
    // A service's journal: its own lines (one per run, reloads, stops) and every warning; the
    // engine's step-by-step lines stay off unless QT_LOGGING_RULES asks for them.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("tributary.core.applier.warning=false\ntributary.*.info=false\ntributary.service.info=true"));
    Service service(p.value(configOption()), p.values(source), err, format == LogOutput::Format::Json);
    if (!service.open(p.value(listen), &code))
        return code;
    return service.exec();
}

} // namespace Tributary::Cli
