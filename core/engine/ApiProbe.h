#pragma once

#include "config/Config.h"
#include "engine/Source.h"
#include "engine/apply/RecordMapper.h"
#include "util/Error.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QElapsedTimer>
#include <QTimer>
#include <functional>
#include <optional>
#include <memory>

class QNetworkAccessManager;

namespace Tributary {

// What a source type tells the probe about one entity's configuration: what it asks the API
// for, and the configuration keys a person corrects when the API does otherwise. Keys are full
// paths ("sources.items.rest.pagination.page_param"); an empty key means the type has none.
struct ProbeHints
{
    int pageSize = 0;              // records asked for per page; 0: the server's default
    QString pageSizeKey;           // the key holding pageSize
    QString pageSizeParam;         // the query parameter carrying it, as sent ("per_page")
    QString pageSizeParamKey;      // the key naming that parameter
    QString continuationParam;     // the parameter that selects page 2 ("page", "offset", "cursor"), as sent
    QString continuationKey;       // the key naming it; empty when the server hands out the next URL
    QString filterParam;           // the change filter's parameter ("updated_since"), as sent
    QString filterKey;             // the key naming it
    QString filterFormatKey;       // the key of the format the filter value is written in
    QString changeFieldKey;        // the key naming the change field
    qint64 filterResolutionMs = 0; // the filter value is rounded down to this (a day for dates)
    QString incrementalSortKey;    // the key of the incremental walks' extra parameters (the sort)
    QString tieBreakerKey;         // the key saying ties are ordered by id
    QString fullSortKey;           // the key of the full walks' extra parameters (the sort)
    QString totalKey;              // the key saying where the total is
    QString externalIdKey;         // the key naming the id field
};

// One verdict of the probe: what was checked, what the API did, and what to change.
struct ProbeCheck
{
    enum class Verdict { Pass, Fail, Unknown, Skip };
    QString id;          // stable, for scripts: request, page_size, page_param, order, incremental_order,
                         // change_filter, total, fields, ids
    Verdict verdict = Verdict::Unknown;
    QString message;     // what the probe saw, for people
    QString fix;         // what to change, for people; empty when nothing
    QString key;         // the configuration key to change, when there is one
    QJsonValue suggestion; // the value to give it, when the probe knows one (a page size)

    static QString verdictName(Verdict v); // "pass", "fail", "unknown", "skip": never translated
    static QString verdictText(Verdict v); // for people
    static QString title(const QString &id); // "page size", for people
    QJsonObject toJson() const;
};

// How many checks had each verdict: the last line of `tributaryd probe` and the console's sum.
struct ProbeTally
{
    int counts[4] = {0, 0, 0, 0}; // by ProbeCheck::Verdict

    void add(const QList<ProbeCheck> &checks);
    int count(ProbeCheck::Verdict v) const { return counts[int(v)]; }
    QString text() const; // "Checks: 34 passed, 2 failed, 0 could not tell, 0 not applicable"
};

// What the probe found for one entity.
struct ProbeEntityReport
{
    QString entity;
    QString url;          // the first page's URL (redacted)
    int pages = 0;        // pages of the full walk read
    int records = 0;      // records on them
    QStringList fields;   // the field names of the records (first level), sorted
    QList<ProbeCheck> checks;
    // For a front end that shows more than the verdicts (the console's Test connection); not in
    // toJson(). The source's capabilities for the entity; the first page of the full walk as
    // configured (or at the first page size the server accepted), which a sync reads first; why
    // that page could not be read (the "request" check says it for people); the mapped fields
    // no record read carries (what the "fields" check fails on).
    EntityCapabilities capabilities;
    Page firstPage;
    Error requestError;
    QList<AbsentField> absentFields;

    bool hasFailure() const;
    const ProbeCheck *check(const QString &id) const;
    QJsonObject toJson() const;
};

// Tests an API's behaviour against the configuration of one source, through the Source
// interface only: for each enabled entity it reads two or three pages of a full walk, the first
// page of an incremental walk and one filtered page, and answers per check pass, fail or could
// not tell, with the configuration key to change. Nothing is written anywhere and no database is
// opened. The one place these checks are made: `tributaryd probe` prints its reports, `init
// --detect` probes what it wrote, and the console's Test connection (ConnectionTest) shows them.
//
//   auto *probe = new ApiProbe(config, "items-api", this);
//   connect(probe, &ApiProbe::finished, ...);
//   probe->start();
class ApiProbe : public QObject
{
    Q_OBJECT
public:
    // The request the probe waits for: which entity, what it asks for (for people: "page 2 of a
    // full walk"), the URL when the source can say, the retries so far and how long it has
    // waited. Empty `entity` when nothing is in flight.
    struct Activity
    {
        QString entity;
        QString step;
        QString url;
        int retries = 0;
        qint64 waitingMs = 0;
        // The latest retry of this request, and how long its wait has left (0: sent again).
        std::optional<RetryNotice> retry;
        qint64 retryLeftMs = 0;
    };

    using HintsFunction = std::function<ProbeHints(const SourceConfig &, const QString &entity)>;
    // A copy of the source's configuration asking for `pageSize` records per page of `entity`:
    // how the probe finds a page size the server accepts when it refuses the configured one.
    using PageSizeFunction = std::function<SourceConfig(const SourceConfig &, const QString &entity, int pageSize)>;
    // A source type registers what its configuration means to the probe (sources/ do it in
    // registerBuiltinSources()). Without it the probe still runs, naming no keys.
    static void registerType(const QString &type, HintsFunction hints, PageSizeFunction withPageSize);

    // Creates the source through SourceRegistry, over its own network access manager.
    ApiProbe(const Config &config, const QString &sourceName, QObject *parent = nullptr);
    ~ApiProbe() override;

    // Set before start(): pages of a full walk read per entity (at least two); how many a small
    // collection may take so that its total can be compared with a count; the time the whole
    // probe may take.
    void setMaxPages(int pages) { m_maxPages = qMax(2, pages); }
    void setMaxCountingPages(int pages) { m_maxCountingPages = pages; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }

    void start();
    // Stops the request in flight; finished() is still emitted once.
    void abort();

    bool isRunning() const { return m_started && !m_done; }
    bool isFinished() const { return m_done; }
    // A problem that prevented the probe as a whole (no such source, unknown type, a timeout).
    const Error &error() const { return m_error; }
    QString sourceName() const { return m_sourceName; }
    // The enabled entities in the order they are probed (referenced ones first).
    QStringList entities() const;
    const QList<ProbeEntityReport> &reports() const { return m_reports; }
    Activity activity() const;
    bool hasFailure() const;
    QJsonObject toJson() const; // {"source", "error", "entities": [...]}

Q_SIGNALS:
    void requestStarted(); // activity() changed
    void entityFinished(int index);
    void finished(); // exactly once

private:
    struct EntityRun;

    void startEntity();
    void fetch(Source *source, const PageRequest &request, const QString &step, std::function<void(PageJob *)> done);
    // Follows a source's retries, so activity() can say what the wait is for.
    void watchRetries(Source *source);
    void onFullPage(PageJob *job);
    void tryPageSize();
    void afterFullWalk();
    static void retire(std::unique_ptr<Source> &source);
    void startIncremental();
    void onIncrementalPage(PageJob *job);
    void onFilteredPage(PageJob *job);
    void finishEntity();
    void onTimeout();
    void done();

    Config m_config;
    QString m_sourceName;
    SourceConfig m_source;
    QList<const EntityConfig *> m_entities;
    QNetworkAccessManager *m_nam = nullptr;
    std::unique_ptr<Source> m_impl;
    std::unique_ptr<Source> m_resized; // the source asking for a page size the server accepts
    std::unique_ptr<Source> m_shrunk;  // the source asking for smaller pages, to see a second page
    std::unique_ptr<EntityRun> m_run;
    QPointer<PageJob> m_job;
    QList<ProbeEntityReport> m_reports;
    Error m_error;
    QTimer m_timer;
    QString m_step;             // what the request in flight asks for, for people
    QElapsedTimer m_waiting;    // since it was sent
    std::optional<RetryNotice> m_retry; // the request's latest retry
    QElapsedTimer m_retryClock;         // since that retry was announced
    int m_index = -1;
    int m_maxPages = 3;
    int m_maxCountingPages = 10;
    int m_timeoutMs = 120000;
    bool m_started = false;
    bool m_done = false;
    bool m_aborted = false;
};

} // namespace Tributary
