#include "Metrics.h"

#include "net/RequestBudget.h"

#include "engine/run/Run.h"
#include "state/ConflictStore.h"
#include "state/HintStore.h"
#include "state/Outbox.h"
#include "state/LeaseStore.h"
#include "state/ParkingLot.h"
#include "state/RunLog.h"
#include "store/Database.h"
#include "util/Error.h"
#include "util/Logging.h"
#include "webhook/WebhookReceiver.h"

#include <QLocale>
#include <QMutexLocker>
#include <QSqlQuery>
#include <cmath>
#include <limits>

namespace Tributary {

namespace {

bool isNameStart(QChar c, bool colonAllowed)
{
    const ushort u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || (colonAllowed && u == ':');
}

bool isValidName(const QString &name, bool colonAllowed)
{
    if (name.isEmpty() || !isNameStart(name.front(), colonAllowed))
        return false;
    for (QChar c : name) {
        const ushort u = c.unicode();
        if (!isNameStart(c, colonAllowed) && !(u >= '0' && u <= '9'))
            return false;
    }
    return true;
}

const char *typeName(MetricsRegistry::Type t)
{
    switch (t) {
    case MetricsRegistry::Type::Counter: return "counter";
    case MetricsRegistry::Type::Gauge: return "gauge";
    case MetricsRegistry::Type::Histogram: return "histogram";
    }
    return "untyped";
}

QString labelSet(const QStringList &names, const QStringList &values, const QString &extraName = {},
                 const QString &extraValue = {})
{
    QStringList parts;
    for (qsizetype i = 0; i < names.size(); ++i)
        parts << names.at(i) + QStringLiteral("=\"") + MetricsRegistry::escapeLabelValue(values.at(i)) + QLatin1Char('"');
    if (!extraName.isEmpty())
        parts << extraName + QStringLiteral("=\"") + MetricsRegistry::escapeLabelValue(extraValue) + QLatin1Char('"');
    if (parts.isEmpty())
        return QString();
    return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

} // namespace

bool MetricsRegistry::isValidMetricName(const QString &name)
{
    return isValidName(name, true);
}

bool MetricsRegistry::isValidLabelName(const QString &name)
{
    return isValidName(name, false) && !name.startsWith(QStringLiteral("__"));
}

QString MetricsRegistry::escapeLabelValue(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (c == QLatin1Char('\\'))
            out += QStringLiteral("\\\\");
        else if (c == QLatin1Char('"'))
            out += QStringLiteral("\\\"");
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else
            out += c;
    }
    return out;
}

QString MetricsRegistry::escapeHelp(const QString &help)
{
    QString out;
    out.reserve(help.size());
    for (QChar c : help) {
        if (c == QLatin1Char('\\'))
            out += QStringLiteral("\\\\");
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else
            out += c;
    }
    return out;
}

QString MetricsRegistry::formatValue(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

bool MetricsRegistry::declare(const QString &name, Type type, const QString &help, const QStringList &labelNames,
                              const QList<double> &buckets)
{
    if (!isValidMetricName(name))
        return false;
    for (qsizetype i = 0; i < labelNames.size(); ++i) {
        if (!isValidLabelName(labelNames.at(i)) || labelNames.indexOf(labelNames.at(i)) != i)
            return false;
        if (type == Type::Histogram && labelNames.at(i) == QLatin1String("le"))
            return false;
    }
    if (type == Type::Histogram) {
        for (qsizetype i = 0; i < buckets.size(); ++i) {
            if (!std::isfinite(buckets.at(i)) || (i > 0 && buckets.at(i) <= buckets.at(i - 1)))
                return false;
        }
    }
    QMutexLocker lock(&m_mutex);
    if (m_families.contains(name))
        return false;
    Family f;
    f.type = type;
    f.help = help;
    f.labelNames = labelNames;
    if (type == Type::Histogram)
        f.buckets = buckets;
    m_families.insert(name, f);
    m_order << name;
    return true;
}

bool MetricsRegistry::isDeclared(const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    return m_families.contains(name);
}

MetricsRegistry::Family *MetricsRegistry::family(const QString &name, Type type, const QStringList &labelValues, const char *op)
{
    auto it = m_families.find(name);
    if (it == m_families.end()) {
        qCWarning(lcEngine) << "metrics:" << op << "on undeclared metric" << name;
        return nullptr;
    }
    if (it->type != type || it->labelNames.size() != labelValues.size()) {
        qCWarning(lcEngine) << "metrics:" << op << "does not fit metric" << name << labelValues;
        return nullptr;
    }
    return &*it;
}

void MetricsRegistry::add(const QString &name, const QStringList &labelValues, double value)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_families.find(name);
    if (it == m_families.end())
        return void(family(name, Type::Counter, labelValues, "add"));
    const Type type = it->type == Type::Gauge ? Type::Gauge : Type::Counter;
    Family *f = family(name, type, labelValues, "add");
    if (!f)
        return;
    if (type == Type::Counter && !(value >= 0)) {
        qCWarning(lcEngine) << "metrics: a counter cannot go down:" << name << value;
        return;
    }
    f->series[labelValues].value += value;
}

void MetricsRegistry::set(const QString &name, const QStringList &labelValues, double value)
{
    QMutexLocker lock(&m_mutex);
    if (Family *f = family(name, Type::Gauge, labelValues, "set"))
        f->series[labelValues].value = value;
}

void MetricsRegistry::observe(const QString &name, const QStringList &labelValues, double value)
{
    QMutexLocker lock(&m_mutex);
    Family *f = family(name, Type::Histogram, labelValues, "observe");
    if (!f)
        return;
    Series &s = f->series[labelValues];
    if (s.buckets.size() != f->buckets.size())
        s.buckets = QList<quint64>(f->buckets.size(), 0);
    for (qsizetype i = 0; i < f->buckets.size(); ++i) {
        if (value <= f->buckets.at(i)) {
            ++s.buckets[i];
            break;
        }
    }
    s.value += value;
    ++s.count;
}

void MetricsRegistry::clear(const QString &name)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_families.find(name);
    if (it != m_families.end())
        it->series.clear();
}

double MetricsRegistry::value(const QString &name, const QStringList &labelValues) const
{
    QMutexLocker lock(&m_mutex);
    auto it = m_families.constFind(name);
    if (it == m_families.constEnd())
        return 0;
    auto s = it->series.constFind(labelValues);
    if (s == it->series.constEnd())
        return 0;
    return it->type == Type::Histogram ? double(s->count) : s->value;
}

bool MetricsRegistry::hasSeries(const QString &name, const QStringList &labelValues) const
{
    QMutexLocker lock(&m_mutex);
    auto it = m_families.constFind(name);
    return it != m_families.constEnd() && it->series.contains(labelValues);
}

QByteArray MetricsRegistry::render() const
{
    QMutexLocker lock(&m_mutex);
    QString out;
    for (const QString &name : m_order) {
        const Family &f = m_families[name];
        out += QStringLiteral("# HELP ") + name + QLatin1Char(' ') + escapeHelp(f.help) + QLatin1Char('\n');
        out += QStringLiteral("# TYPE ") + name + QLatin1Char(' ') + QLatin1String(typeName(f.type)) + QLatin1Char('\n');
        for (auto s = f.series.constBegin(); s != f.series.constEnd(); ++s) {
            if (f.type != Type::Histogram) {
                out += name + labelSet(f.labelNames, s.key()) + QLatin1Char(' ') + formatValue(s->value) + QLatin1Char('\n');
                continue;
            }
            quint64 cumulative = 0;
            for (qsizetype i = 0; i < f.buckets.size(); ++i) {
                cumulative += i < s->buckets.size() ? s->buckets.at(i) : 0;
                out += name + QStringLiteral("_bucket") + labelSet(f.labelNames, s.key(), QStringLiteral("le"), formatValue(f.buckets.at(i)))
                       + QLatin1Char(' ') + QString::number(cumulative) + QLatin1Char('\n');
            }
            out += name + QStringLiteral("_bucket") + labelSet(f.labelNames, s.key(), QStringLiteral("le"), QStringLiteral("+Inf"))
                   + QLatin1Char(' ') + QString::number(s->count) + QLatin1Char('\n');
            out += name + QStringLiteral("_sum") + labelSet(f.labelNames, s.key()) + QLatin1Char(' ') + formatValue(s->value) + QLatin1Char('\n');
            out += name + QStringLiteral("_count") + labelSet(f.labelNames, s.key()) + QLatin1Char(' ') + QString::number(s->count) + QLatin1Char('\n');
        }
    }
    return out.toUtf8();
}

// ---------------------------------------------------------------------------------------------

namespace {
const QString kApplied = QStringLiteral("tributary_records_applied_total");
const QString kRuns = QStringLiteral("tributary_runs_total");
const QString kDuration = QStringLiteral("tributary_run_duration_seconds");
const QString kLastSuccess = QStringLiteral("tributary_last_success_timestamp_seconds");
const QString kLastStatus = QStringLiteral("tributary_last_run_status");
const QString kLag = QStringLiteral("tributary_source_lag_seconds");
const QString kConflicts = QStringLiteral("tributary_open_conflicts");
const QString kQuarantine = QStringLiteral("tributary_quarantined_records");
const QString kDatabaseUp = QStringLiteral("tributary_database_up");
const QString kHints = QStringLiteral("tributary_webhook_hints_total");
const QString kHttp = QStringLiteral("tributary_http_responses_total");
const QString kDropped = QStringLiteral("tributary_http_connections_dropped_total");
const QString kRejections = QStringLiteral("tributary_webhook_rejections_total");
const QString kSkipped = QStringLiteral("tributary_scheduler_skipped_total");
const QString kYielded = QStringLiteral("tributary_scheduler_yielded_total");
const QString kLeaseHeld = QStringLiteral("tributary_lease_held");
const QString kLeaseInfo = QStringLiteral("tributary_lease_holder_info");
const QString kLeaseExpires = QStringLiteral("tributary_lease_expiry_timestamp_seconds");
const QString kHintsWaiting = QStringLiteral("tributary_webhook_hints_waiting");
const QString kOutboxDepth = QStringLiteral("tributary_outbox_operations");
const QString kOutboxAge = QStringLiteral("tributary_outbox_oldest_age_seconds");
const QString kPushes = QStringLiteral("tributary_pushes_total");
const QString kUpRequests = QStringLiteral("tributary_upstream_requests_total");
const QString kUpRetries = QStringLiteral("tributary_upstream_retries_total");
const QString kUpLimited = QStringLiteral("tributary_upstream_rate_limited_total");
const QString kUpWait = QStringLiteral("tributary_upstream_budget_wait_seconds_total");
const QString kUpRefused = QStringLiteral("tributary_upstream_budget_refused_total");
const QString kUpRemaining = QStringLiteral("tributary_upstream_budget_remaining");
const QString kUpInFlight = QStringLiteral("tributary_upstream_in_flight");

double epochSeconds(const QDateTime &t)
{
    return double(t.toMSecsSinceEpoch()) / 1000.0;
}
} // namespace

ServiceMetrics::ServiceMetrics()
{
    using T = MetricsRegistry::Type;
    const QStringList source{QStringLiteral("source")};
    const QStringList sourceEntity{QStringLiteral("source"), QStringLiteral("entity")};
    m_registry.declare(kApplied, T::Counter, QStringLiteral("Records written to the main database, by source, entity and kind."),
                       {QStringLiteral("source"), QStringLiteral("entity"), QStringLiteral("kind")});
    m_registry.declare(kRuns, T::Counter, QStringLiteral("Finished runs, by source, kind and status."),
                       {QStringLiteral("source"), QStringLiteral("kind"), QStringLiteral("status")});
    m_registry.declare(kDuration, T::Histogram, QStringLiteral("Duration of finished runs in seconds, by source and kind."),
                       {QStringLiteral("source"), QStringLiteral("kind")}, {0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600});
    m_registry.declare(kLastSuccess, T::Gauge, QStringLiteral("Unix time at which the last successful run of the source finished."), source);
    m_registry.declare(kLastStatus, T::Gauge, QStringLiteral("Status of the source's last run: 1 for its status, 0 for the others."),
                       {QStringLiteral("source"), QStringLiteral("status")});
    m_registry.declare(kLag, T::Gauge, QStringLiteral("Seconds since the last successful run of the source started: changes made at the source since then may be missing."), source);
    m_registry.declare(kConflicts, T::Gauge, QStringLiteral("Open conflicts, by source and entity."), sourceEntity);
    m_registry.declare(kQuarantine, T::Gauge, QStringLiteral("Quarantined records, by source and entity."), sourceEntity);
    m_registry.declare(kDatabaseUp, T::Gauge, QStringLiteral("1 if the last read of the state tables succeeded, else 0."));
    m_registry.declare(kHints, T::Counter, QStringLiteral("Webhook hints, by source and outcome (received, rejected, applied, dropped, handed_over: written to the database for the worker that holds the source)."),
                       {QStringLiteral("source"), QStringLiteral("outcome")});
    m_registry.declare(kHttp, T::Counter, QStringLiteral("HTTP responses served, by server and status code."),
                       {QStringLiteral("server"), QStringLiteral("code")});
    m_registry.declare(kDropped, T::Counter,
                       QStringLiteral("Connections the listener closed for its limits, by reason (limit: too many open, "
                                      "request_timeout: a request too slow to arrive, idle_timeout: an idle keep-alive)."),
                       {QStringLiteral("reason")});
    m_registry.declare(kRejections, T::Counter, QStringLiteral("Webhook requests rejected, by source and reason."),
                       {QStringLiteral("source"), QStringLiteral("reason")});
    m_registry.declare(kSkipped, T::Counter, QStringLiteral("Scheduled turns skipped because the source's run of that kind was still going."),
                       {QStringLiteral("source"), QStringLiteral("kind")});
    m_registry.declare(kYielded, T::Counter, QStringLiteral("Turns not run because another worker held the source's lease."),
                       {QStringLiteral("source"), QStringLiteral("kind")});
    m_registry.declare(kLeaseHeld, T::Gauge, QStringLiteral("1 if this worker holds the source's lease (a run of it is going here), else 0."), source);
    m_registry.declare(kLeaseInfo, T::Gauge, QStringLiteral("1 for each source whose lease a worker holds, labelled with that worker (host:pid)."),
                       {QStringLiteral("source"), QStringLiteral("worker")});
    m_registry.declare(kLeaseExpires, T::Gauge, QStringLiteral("Unix time at which the source's live lease ends unless its holder renews it."), source);
    m_registry.declare(kHintsWaiting, T::Gauge, QStringLiteral("Webhook hints waiting in the database for the worker that runs their source."), source);
    m_registry.declare(kOutboxDepth, T::Gauge, QStringLiteral("Write-back: the main database's changes waiting to be pushed, by source and state (pending, refused)."),
                       {QStringLiteral("source"), QStringLiteral("state")});
    m_registry.declare(kOutboxAge, T::Gauge, QStringLiteral("Write-back: seconds since the oldest change waiting for the source was made (0 when none waits)."), source);
    m_registry.declare(kPushes, T::Counter, QStringLiteral("Write-back: changes pushed to a source, by source, entity and outcome (pushed, refused)."),
                       {QStringLiteral("source"), QStringLiteral("entity"), QStringLiteral("outcome")});
    // The requests this process sends to the sources' hosts, from their budgets (RequestBudgets).
    const QStringList host{QStringLiteral("host")};
    m_registry.declare(kUpRequests, T::Counter, QStringLiteral("Requests sent to the sources' hosts, by budget (host) and the status of the answer (0: none, a network failure)."),
                       {QStringLiteral("host"), QStringLiteral("code")});
    m_registry.declare(kUpRetries, T::Counter, QStringLiteral("Attempts that repeated a request after a transient failure, by host."), host);
    m_registry.declare(kUpLimited, T::Counter, QStringLiteral("429 Too Many Requests answers, by host."), host);
    m_registry.declare(kUpWait, T::Counter, QStringLiteral("Seconds requests waited for their host's budget (rate, concurrency, a server's pause), by host."), host);
    m_registry.declare(kUpRefused, T::Counter, QStringLiteral("Requests not sent because the host's budget was spent beyond max_wait_seconds (their runs paused), by host."), host);
    m_registry.declare(kUpRemaining, T::Gauge, QStringLiteral("Requests the host's budget allows now before it waits: what the server said is left, or the free part of the configured window; absent when unlimited."), host);
    m_registry.declare(kUpInFlight, T::Gauge, QStringLiteral("Requests to the host in flight now."), host);
}

void ServiceMetrics::refreshBudgets()
{
    // Counters mirror the budgets' own totals: what they grew by since the last scrape is added.
    auto mirror = [this](const QString &name, const QStringList &labels, double total) {
        const double delta = total - m_registry.value(name, labels);
        if (delta > 0 || !m_registry.hasSeries(name, labels)) // a series from 0, so rate() sees its start
            m_registry.add(name, labels, qMax(0.0, delta));
    };
    m_registry.clear(kUpRemaining);
    for (const HostBudget::Stats &s : RequestBudgets::instance().stats()) {
        for (auto it = s.responses.constBegin(); it != s.responses.constEnd(); ++it)
            mirror(kUpRequests, {s.key, QString::number(it.key())}, double(it.value()));
        mirror(kUpRetries, {s.key}, double(s.retries));
        mirror(kUpLimited, {s.key}, double(s.rateLimited));
        mirror(kUpWait, {s.key}, double(s.waitedMs) / 1000.0);
        mirror(kUpRefused, {s.key}, double(s.refused));
        if (s.remaining >= 0)
            m_registry.set(kUpRemaining, {s.key}, double(s.remaining));
        m_registry.set(kUpInFlight, {s.key}, double(s.inFlight));
    }
}

QStringList ServiceMetrics::appliedKinds()
{
    return {QStringLiteral("inserted"), QStringLiteral("linked"), QStringLiteral("updated"),
            QStringLiteral("deleted"), QStringLiteral("restored")};
}

void ServiceMetrics::recordRun(const RunResult &result, const QDateTime &finishedAt)
{
    const QString &src = result.source;
    for (auto it = result.counts.constBegin(); it != result.counts.constEnd(); ++it) {
        const EntityCounts &c = it.value();
        const qint64 values[] = {c.inserted, c.linked, c.updated, c.deleted, c.restored};
        const QStringList kinds = appliedKinds();
        for (qsizetype i = 0; i < kinds.size(); ++i) {
            // Every kind appears once the entity ran, so rates start from zero.
            m_registry.add(kApplied, {src, it.key(), kinds.at(i)}, double(values[i]));
        }
    }
    for (auto it = result.counts.constBegin(); it != result.counts.constEnd(); ++it) {
        if (it->pushed || it->refused) {
            m_registry.add(kPushes, {src, it.key(), QStringLiteral("pushed")}, double(it->pushed));
            m_registry.add(kPushes, {src, it.key(), QStringLiteral("refused")}, double(it->refused));
        }
    }
    const QString status = RunResult::statusName(result.status);
    m_registry.add(kRuns, {src, result.kindName(), status}, 1);
    m_registry.observe(kDuration, {src, result.kindName()}, double(result.elapsedMs) / 1000.0);
    for (auto s : {RunResult::Status::Ok, RunResult::Status::Partial, RunResult::Status::Failed, RunResult::Status::Interrupted,
                   RunResult::Status::Paused}) {
        const QString name = RunResult::statusName(s);
        m_registry.set(kLastStatus, {src, name}, name == status ? 1 : 0);
    }
    if ((result.status == RunResult::Status::Ok || result.status == RunResult::Status::Partial) && RunKinds::isPolling(result.kind))
        noteSuccess(src, finishedAt.addMSecs(-result.elapsedMs), finishedAt);
}

void ServiceMetrics::noteSuccess(const QString &source, const QDateTime &startedAt, const QDateTime &finishedAt)
{
    {
        QMutexLocker lock(&m_mutex);
        const QDateTime previous = m_lastSuccessStart.value(source);
        if (previous.isValid() && previous > startedAt)
            return;
        if (!m_sources.isEmpty() && !m_sources.contains(source))
            return;
        m_lastSuccessStart.insert(source, startedAt);
        m_lastSuccessFinish.insert(source, finishedAt);
    }
    m_registry.set(kLastSuccess, {source}, epochSeconds(finishedAt));
}

void ServiceMetrics::setSources(const QStringList &sources)
{
    QHash<QString, QDateTime> finishes;
    {
        QMutexLocker lock(&m_mutex);
        m_sources = sources;
        for (const QString &name : m_lastSuccessStart.keys()) {
            if (!sources.contains(name)) {
                m_lastSuccessStart.remove(name);
                m_lastSuccessFinish.remove(name);
            }
        }
        finishes = m_lastSuccessFinish;
    }
    m_registry.clear(kLastSuccess);
    m_registry.clear(kLag);
    for (auto it = finishes.constBegin(); it != finishes.constEnd(); ++it)
        m_registry.set(kLastSuccess, {it.key()}, epochSeconds(it.value()));
}

void ServiceMetrics::recordWebhookHint(const QString &source, const QString &outcome, double count)
{
    m_registry.add(kHints, {source, outcome}, count);
}

void ServiceMetrics::recordWebhookStats(const WebhookStats &stats)
{
    for (auto it = stats.sources.constBegin(); it != stats.sources.constEnd(); ++it) {
        const WebhookCounters &c = it.value();
        const QList<QPair<QString, quint64>> reasons = {
            {QStringLiteral("unsigned"), c.unsigned_}, {QStringLiteral("bad_signature"), c.badSignature},
            {QStringLiteral("stale"), c.stale},        {QStringLiteral("too_large"), c.tooLarge},
            {QStringLiteral("malformed"), c.malformed}, {QStringLiteral("unknown_entity"), c.unknownEntity},
        };
        QHash<QString, quint64> delta;
        {
            QMutexLocker lock(&m_mutex);
            QHash<QString, quint64> &seen = m_webhookSeen[it.key()];
            auto take = [&](const QString &name, quint64 now) {
                const quint64 before = seen.value(name);
                delta.insert(name, now >= before ? now - before : now);
                seen.insert(name, now);
            };
            take(QStringLiteral("received"), c.received);
            take(QStringLiteral("own"), c.own);
            for (const auto &reason : reasons)
                take(reason.first, reason.second);
        }
        quint64 rejected = 0;
        for (const auto &reason : reasons) {
            rejected += delta.value(reason.first);
            m_registry.add(kRejections, {it.key(), reason.first}, double(delta.value(reason.first)));
        }
        m_registry.add(kHints, {it.key(), QStringLiteral("received")}, double(delta.value(QStringLiteral("received"))));
        if (c.own > 0)
            m_registry.add(kHints, {it.key(), QStringLiteral("own")}, double(delta.value(QStringLiteral("own"))));
        m_registry.add(kHints, {it.key(), QStringLiteral("rejected")}, double(rejected));
    }
}

void ServiceMetrics::recordSkippedTurn(const QString &source, const QString &kind)
{
    m_registry.add(kSkipped, {source, kind}, 1);
}

void ServiceMetrics::recordYieldedTurn(const QString &source, const QString &kind)
{
    m_registry.add(kYielded, {source, kind}, 1);
}

void ServiceMetrics::recordHttpResponse(const QString &server, int status)
{
    m_registry.add(kHttp, {server, QString::number(status)}, 1);
}

void ServiceMetrics::recordDroppedConnection(const QString &reason)
{
    m_registry.add(kDropped, {reason}, 1);
}

bool ServiceMetrics::refreshFromState(Database &db, Error *error)
{
    if (!db.isOpen()) {
        m_registry.set(kDatabaseUp, {}, 0);
        if (error)
            *error = Error(Error::Code::Database, QStringLiteral("the database connection is closed"));
        return false;
    }
    const Result<QHash<QString, qint64>> conflicts = ConflictStore(db).openCountsBySourceAndEntity();
    const Result<QHash<QString, qint64>> quarantined =
        conflicts ? ParkingLot::countsBySourceAndEntity(db) : Result<QHash<QString, qint64>>(conflicts.error());
    if (!quarantined) {
        m_registry.set(kDatabaseUp, {}, 0);
        if (error)
            *error = quarantined.error();
        return false;
    }
    const Result<QList<LeaseRecord>> leases = LeaseStore(db).list();
    const Result<QHash<QString, qint64>> hints = leases ? HintStore(db).countsBySource() : Result<QHash<QString, qint64>>(leases.error());
    if (!hints) {
        m_registry.set(kDatabaseUp, {}, 0);
        if (error)
            *error = hints.error();
        return false;
    }
    const QList<QPair<const QString *, const QHash<QString, qint64> *>> series = {{&kConflicts, &*conflicts}, {&kQuarantine, &*quarantined}};
    for (const auto &[metric, counts] : series) {
        m_registry.clear(*metric);
        for (auto it = counts->constBegin(); it != counts->constEnd(); ++it)
            m_registry.set(*metric, it.key().split(QChar(0x1f)), double(it.value()));
    }
    QStringList sources;
    {
        QMutexLocker lock(&m_mutex);
        sources = m_sources;
    }
    for (const QString *metric : {&kLeaseHeld, &kLeaseInfo, &kLeaseExpires, &kHintsWaiting})
        m_registry.clear(*metric);
    // Every source this worker runs has its held gauge, 0 when it holds nothing: "nobody holds
    // it" and "this worker does" are both alerts' questions.
    for (const QString &source : std::as_const(sources))
        m_registry.set(kLeaseHeld, {source}, 0);
    const QString self = WorkerIdentity::current().id;
    for (const LeaseRecord &lease : *leases) {
        if (!lease.isLive())
            continue;
        m_registry.set(kLeaseHeld, {lease.source}, lease.holder == self ? 1 : 0);
        m_registry.set(kLeaseInfo, {lease.source, lease.worker()}, 1);
        m_registry.set(kLeaseExpires, {lease.source}, double(lease.expiresAtMs) / 1000.0);
    }
    for (auto it = hints->constBegin(); it != hints->constEnd(); ++it)
        m_registry.set(kHintsWaiting, {it.key()}, double(it.value()));
    const Result<QHash<QString, Outbox::Depth>> outbox = Outbox(db).depth();
    if (!outbox) {
        m_registry.set(kDatabaseUp, {}, 0);
        if (error)
            *error = outbox.error();
        return false;
    }
    m_registry.clear(kOutboxDepth);
    m_registry.clear(kOutboxAge);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = outbox->constBegin(); it != outbox->constEnd(); ++it) {
        m_registry.set(kOutboxDepth, {it.key(), QStringLiteral("pending")}, double(it->pending));
        m_registry.set(kOutboxDepth, {it.key(), QStringLiteral("refused")}, double(it->refused));
        const QDateTime oldest = QDateTime::fromString(it->oldestMadeAt, Qt::ISODateWithMs);
        m_registry.set(kOutboxAge, {it.key()}, oldest.isValid() ? double(qMax<qint64>(0, oldest.secsTo(now))) : 0.0);
    }
    // The last successes of every worker's runs: a source another worker syncs is not lagging here.
    if (!loadLastSuccess(db, error)) {
        m_registry.set(kDatabaseUp, {}, 0);
        return false;
    }
    m_registry.set(kDatabaseUp, {}, 1);
    return true;
}

bool ServiceMetrics::loadLastSuccess(Database &db, Error *error)
{
    // The newest successful run per source.
    RunFilter filter;
    filter.kinds = RunKinds::polling();
    filter.statuses = {RunStatus::Ok, RunStatus::Partial};
    filter.finishedOnly = true;
    const Result<QHash<QString, RunRecord>> last = RunLog(db).latestPerSource(filter);
    if (!last) {
        if (error)
            *error = last.error();
        return false;
    }
    for (const RunRecord &r : *last) {
        QDateTime started = QDateTime::fromString(r.startedAt, Qt::ISODateWithMs);
        QDateTime finished = QDateTime::fromString(r.finishedAt, Qt::ISODateWithMs);
        if (!started.isValid() || !finished.isValid())
            continue;
        noteSuccess(r.source, started.toUTC(), finished.toUTC());
    }
    return true;
}

QByteArray ServiceMetrics::render(const QDateTime &now)
{
    QHash<QString, QDateTime> starts;
    {
        QMutexLocker lock(&m_mutex);
        starts = m_lastSuccessStart;
    }
    for (auto it = starts.constBegin(); it != starts.constEnd(); ++it)
        m_registry.set(kLag, {it.key()}, std::max(0.0, double(it.value().msecsTo(now)) / 1000.0));
    refreshBudgets();
    return m_registry.render();
}

} // namespace Tributary
