#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace Tributary {

class Database;
struct Error;
struct WebhookStats;
struct WebhookCounters;
struct RunResult;

// A small registry of metric families rendered in the Prometheus text exposition format 0.0.4.
// Every method is thread-safe: runs report from worker threads while the HTTP thread renders.
// A family is declared once with its label names; its series are addressed by label values in
// the same order. Families render in declaration order, series sorted by label values.
class MetricsRegistry
{
public:
    enum class Type { Counter, Gauge, Histogram };

    // Declares a family. Returns false (and declares nothing) for an invalid metric or label name,
    // a label named "le" on a histogram, unsorted buckets, or a name already declared.
    bool declare(const QString &name, Type type, const QString &help, const QStringList &labelNames = {},
                 const QList<double> &buckets = {});
    bool isDeclared(const QString &name) const;

    // Counters: add a non-negative amount. Gauges: add any amount. Calls on an undeclared family,
    // a family of another type or with the wrong number of label values are ignored (and logged).
    void add(const QString &name, const QStringList &labelValues, double value = 1);
    // Gauges only.
    void set(const QString &name, const QStringList &labelValues, double value);
    // Histograms only.
    void observe(const QString &name, const QStringList &labelValues, double value);
    // Drops every series of a family (gauges refreshed as a whole from the state tables).
    void clear(const QString &name);

    // The value of a counter or gauge series, or of a histogram's _count; 0 if absent.
    double value(const QString &name, const QStringList &labelValues) const;
    bool hasSeries(const QString &name, const QStringList &labelValues) const;

    QByteArray render() const;

    static bool isValidMetricName(const QString &name);
    static bool isValidLabelName(const QString &name);
    // Backslash, double quote and line feed escaped, as label values need them.
    static QString escapeLabelValue(const QString &value);
    // Backslash and line feed escaped, as HELP text needs them.
    static QString escapeHelp(const QString &help);
    // Shortest decimal that reads back as the same double; +Inf, -Inf, NaN.
    static QString formatValue(double value);

private:
    struct Series
    {
        double value = 0;            // counter, gauge; histogram: sum
        QList<quint64> buckets;      // histogram: observations per bucket (not cumulative)
        quint64 count = 0;           // histogram
    };
    struct Family
    {
        Type type = Type::Counter;
        QString help;
        QStringList labelNames;
        QList<double> buckets;       // upper bounds, ascending, without +Inf
        QMap<QStringList, Series> series;
    };
    Family *family(const QString &name, Type type, const QStringList &labelValues, const char *op);

    mutable QMutex m_mutex;
    QStringList m_order;
    QHash<QString, Family> m_families;
};

// Tributary's own metrics (documented in docs/operations.md, "Monitoring"), on one registry.
class ServiceMetrics
{
public:
    ServiceMetrics();

    MetricsRegistry &registry() { return m_registry; }
    const MetricsRegistry &registry() const { return m_registry; }

    // One finished run: records applied by source, entity and kind, the run's duration, its
    // status, the time of the last success and the lag behind the source.
    void recordRun(const RunResult &result, const QDateTime &finishedAt = QDateTime::currentDateTimeUtc());
    // Webhook hints: "received", "rejected", "applied" or "dropped".
    void recordWebhookHint(const QString &source, const QString &outcome, double count = 1);
    // The receiver's counters (WebhookReceiver::stats()): what changed since the last call is
    // added to the received and rejected hints and to the rejections by reason. Counters that went
    // down belong to a new receiver (a reload) and count from zero.
    void recordWebhookStats(const WebhookStats &stats);
    // A scheduled turn skipped because the source's run of that kind was still going.
    void recordSkippedTurn(const QString &source, const QString &kind);
    // A turn not run because another worker held the source's lease.
    void recordYieldedTurn(const QString &source, const QString &kind);
    // One HTTP response served by one of tributaryd's servers ("monitoring", "webhook").
    void recordHttpResponse(const QString &server, int status);
    // A connection the listener closed for one of its limits ("limit", "request_timeout", "idle_timeout").
    void recordDroppedConnection(const QString &reason);

    // Open conflicts and quarantined records per source and entity, the leases (which worker holds
    // each source; held by this worker or not) and the hints waiting in the database, read from
    // the state tables (grouped counts over indexed columns, and the small lease table). Sets
    // tributary_database_up. Call it in the thread that owns `db`.
    bool refreshFromState(Database &db, Error *error = nullptr);
    // At startup: the last successful run of each source from tributary_runs, so that the last
    // success time and the lag survive a restart.
    bool loadLastSuccess(Database &db, Error *error = nullptr);

    // The sources the service runs: the last success and lag series of any other source (removed,
    // disabled, not selected) are dropped, so that alerts on them do not fire forever.
    void setSources(const QStringList &sources);

    // Updates the lag gauges to `now` and renders.
    QByteArray render(const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Copies the request budgets' figures (RequestBudgets) into the upstream families.
    void refreshBudgets();

    static QStringList appliedKinds();

private:
    void noteSuccess(const QString &source, const QDateTime &startedAt, const QDateTime &finishedAt);

    MetricsRegistry m_registry;
    QMutex m_mutex;
    QHash<QString, QDateTime> m_lastSuccessStart; // source -> start of its last successful run
    QHash<QString, QDateTime> m_lastSuccessFinish; // source -> end of that run
    QStringList m_sources; // setSources(); empty: every source
    QHash<QString, QHash<QString, quint64>> m_webhookSeen; // source -> counter -> value last recorded
};

} // namespace Tributary
