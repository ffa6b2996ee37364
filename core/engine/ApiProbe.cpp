#include "ApiProbe.h"

#include "engine/SourceRegistry.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QHash>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcApiProbe, "tributary.core.apiprobe", QtInfoMsg)

namespace Tributary {

namespace {

struct TypeHooks
{
    ApiProbe::HintsFunction hints;
    ApiProbe::PageSizeFunction withPageSize;
};

QHash<QString, TypeHooks> &hooks()
{
    static QHash<QString, TypeHooks> h;
    return h;
}

// Orders two values of the change field as the filter compares them: as instants when both are
// times, as numbers when both are numbers, as text otherwise. *ok is false when they cannot be
// compared (a missing value, an object).
int compareChange(const QJsonValue &a, const QJsonValue &b, bool *ok)
{
    *ok = true;
    qint64 ma = 0, mb = 0;
    if (a.isDouble() && b.isDouble()) {
        const double x = a.toDouble(), y = b.toDouble();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (parseMicros(a, &ma) && parseMicros(b, &mb))
        return ma < mb ? -1 : (ma > mb ? 1 : 0);
    if (a.isString() && b.isString())
        return QString::compare(a.toString(), b.toString()) < 0 ? -1 : (a.toString() == b.toString() ? 0 : 1);
    *ok = false;
    return 0;
}

// Whether `value` is older than the filter value `since` can ever let through: below `since`
// rounded down to the filter's resolution (a filter on dates lets the whole day through).
bool olderThanFilter(const QJsonValue &value, const QJsonValue &since, qint64 resolutionMs)
{
    qint64 mv = 0, ms = 0;
    if (resolutionMs > 0 && parseMicros(value, &mv) && parseMicros(since, &ms)) {
        const qint64 resolution = resolutionMs * 1000;
        const qint64 floor = ms - ((ms % resolution) + resolution) % resolution;
        return mv < floor;
    }
    bool ok = false;
    return compareChange(value, since, &ok) < 0 && ok;
}

// The cursor value the engine would send for `v`: text as it is, numbers as ids are written.
QString cursorText(const QJsonValue &v)
{
    return v.isString() ? v.toString() : idString(v);
}

QString shown(const QJsonValue &v)
{
    return displayValue(v, 40);
}

QStringList idsOf(const QJsonArray &records, const QString &idField)
{
    QStringList ids;
    for (const QJsonValue &r : records)
        ids.append(idString(valueAt(r.toObject(), idField)));
    return ids;
}

// What tells records apart when pages are compared: the id, or the whole record without one.
QStringList identitiesOf(const QJsonArray &records, const QString &idField)
{
    QStringList out;
    for (const QJsonValue &r : records) {
        const QString id = idString(valueAt(r.toObject(), idField));
        out.append(id.isEmpty() ? compactJson(r.toObject()) : id);
    }
    return out;
}

// The first-level field names of the records, sorted.
QStringList fieldNames(const QList<QJsonObject> &records)
{
    QSet<QString> names;
    for (const QJsonObject &r : records) {
        for (auto it = r.constBegin(); it != r.constEnd(); ++it)
            names.insert(it.key());
    }
    QStringList out(names.cbegin(), names.cend());
    std::sort(out.begin(), out.end());
    return out;
}

// "updatedAt", "updated_at" and "UpdatedAt" are the same name written in different styles.
QString foldName(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        if (c != QLatin1Char('_') && c != QLatin1Char('-'))
            out.append(c.toLower());
    }
    return out;
}

// How the records write their field names, for people: "camelCase", "snake_case", or empty when
// the names say nothing (single words) or mix both.
QString namingStyle(const QStringList &names)
{
    int snake = 0, camel = 0;
    static const QRegularExpression hump(QStringLiteral("[a-z0-9][A-Z]"));
    for (const QString &n : names) {
        if (n.contains(QLatin1Char('_')) && n.size() > 1 && n != QLatin1String("_id"))
            ++snake;
        if (hump.match(n).hasMatch())
            ++camel;
    }
    if (camel > 0 && snake == 0)
        return QStringLiteral("camelCase");
    if (snake > 0 && camel == 0)
        return QStringLiteral("snake_case");
    return {};
}

// The field the records carry under another spelling of `path` (its last step), if any.
QString likelyField(const QList<QJsonObject> &records, const QString &path)
{
    const int dot = int(path.lastIndexOf(QLatin1Char('.')));
    const QString parent = dot < 0 ? QString() : path.left(dot);
    const QString wanted = foldName(dot < 0 ? path : path.mid(dot + 1));
    for (const QJsonObject &r : records) {
        const QJsonValue level = parent.isEmpty() ? QJsonValue(r) : valueAt(r, parent);
        if (!level.isObject())
            continue;
        const QJsonObject o = level.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (foldName(it.key()) == wanted)
                return parent.isEmpty() ? it.key() : parent + QLatin1Char('.') + it.key();
        }
    }
    return {};
}

// Page sizes to try when the server refused the configured one: the numbers its message names
// below it (APIs say "per_page must be from 1 to 100"), largest first, then halvings.
QList<int> pageSizeCandidates(const Error &refusal, int refused)
{
    QList<int> named;
    static const QRegularExpression number(QStringLiteral("\\b(\\d{1,7})\\b"));
    auto it = number.globalMatch(refusal.message + QLatin1Char(' ') + refusal.detail);
    while (it.hasNext()) {
        const int n = it.next().captured(1).toInt();
        if (n > 1 && n < refused && !named.contains(n))
            named.append(n);
    }
    std::sort(named.begin(), named.end(), std::greater<int>());
    QList<int> out = named.mid(0, 3);
    for (int n = refused / 2; n >= 1 && out.size() < 8; n /= 2) {
        if (!out.contains(n))
            out.append(n);
    }
    return out;
}

ProbeCheck makeCheck(const QString &id, ProbeCheck::Verdict verdict, const QString &message, const QString &fix = {},
                     const QString &key = {}, const QJsonValue &suggestion = QJsonValue())
{
    ProbeCheck c;
    c.id = id;
    c.verdict = verdict;
    c.message = message;
    c.fix = fix;
    c.key = key;
    c.suggestion = suggestion;
    return c;
}

const QStringList kCheckIds = {QStringLiteral("request"),       QStringLiteral("page_size"), QStringLiteral("page_param"),
                               QStringLiteral("order"),         QStringLiteral("incremental_order"),
                               QStringLiteral("change_filter"), QStringLiteral("total"),     QStringLiteral("fields"),
                               QStringLiteral("ids")};

} // namespace

// ---------------------------------------------------------------------------------------------

QString ProbeCheck::verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Pass: return QStringLiteral("pass");
    case Verdict::Fail: return QStringLiteral("fail");
    case Verdict::Unknown: return QStringLiteral("unknown");
    case Verdict::Skip: return QStringLiteral("skip");
    }
    return {};
}

QString ProbeCheck::verdictText(Verdict v)
{
    switch (v) {
    //: A verdict of the API probe: the API behaves as configured.
    case Verdict::Pass: return Tr::tr("pass");
    //: A verdict of the API probe: the API does not behave as configured.
    case Verdict::Fail: return Tr::tr("FAIL");
    //: A verdict of the API probe: what the probe saw cannot decide the check.
    case Verdict::Unknown: return Tr::tr("could not tell");
    //: A verdict of the API probe: the check does not apply to this configuration.
    case Verdict::Skip: return Tr::tr("not applicable");
    }
    return {};
}

QString ProbeCheck::title(const QString &id)
{
    if (id == QLatin1String("request"))
        return Tr::tr("pages can be read");
    if (id == QLatin1String("page_size"))
        return Tr::tr("page size honoured");
    if (id == QLatin1String("page_param"))
        return Tr::tr("page parameter honoured");
    if (id == QLatin1String("order"))
        return Tr::tr("full walks sorted by id");
    if (id == QLatin1String("incremental_order"))
        return Tr::tr("changes sorted by change field, then id");
    if (id == QLatin1String("change_filter"))
        return Tr::tr("change filter honoured");
    if (id == QLatin1String("total"))
        return Tr::tr("total consistent");
    if (id == QLatin1String("fields"))
        return Tr::tr("mapped fields present");
    if (id == QLatin1String("ids"))
        return Tr::tr("ids present and unique");
    return id;
}

QJsonObject ProbeCheck::toJson() const
{
    QJsonObject o{{QStringLiteral("check"), id},
                  {QStringLiteral("verdict"), verdictName(verdict)},
                  {QStringLiteral("message"), message}};
    o.insert(QStringLiteral("fix"), fix.isEmpty() ? QJsonValue() : QJsonValue(fix));
    o.insert(QStringLiteral("key"), key.isEmpty() ? QJsonValue() : QJsonValue(key));
    o.insert(QStringLiteral("suggestion"), suggestion.isUndefined() ? QJsonValue() : suggestion);
    return o;
}

void ProbeTally::add(const QList<ProbeCheck> &checks)
{
    for (const ProbeCheck &c : checks)
        ++counts[int(c.verdict)];
}

QString ProbeTally::text() const
{
    //: The last line of 'tributaryd probe' and the console's Test connection: how many checks had each verdict.
    return Tr::tr("Checks: %1 passed, %2 failed, %3 could not tell, %4 not applicable")
        .arg(QString::number(count(ProbeCheck::Verdict::Pass)), QString::number(count(ProbeCheck::Verdict::Fail)),
             QString::number(count(ProbeCheck::Verdict::Unknown)), QString::number(count(ProbeCheck::Verdict::Skip)));
}

bool ProbeEntityReport::hasFailure() const
{
    return std::any_of(checks.cbegin(), checks.cend(), [](const ProbeCheck &c) { return c.verdict == ProbeCheck::Verdict::Fail; });
}

const ProbeCheck *ProbeEntityReport::check(const QString &id) const
{
    for (const ProbeCheck &c : checks) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

QJsonObject ProbeEntityReport::toJson() const
{
    QJsonArray c;
    for (const ProbeCheck &check : checks)
        c.append(check.toJson());
    return QJsonObject{{QStringLiteral("entity"), entity},
                       {QStringLiteral("url"), url},
                       {QStringLiteral("pages"), pages},
                       {QStringLiteral("records"), records},
                       {QStringLiteral("fields"), QJsonArray::fromStringList(fields)},
                       {QStringLiteral("ok"), !hasFailure()},
                       {QStringLiteral("checks"), c}};
}

// ---------------------------------------------------------------------------------------------

// Everything read for one entity, and what it led to.
struct ApiProbe::EntityRun
{
    const EntityConfig *entity = nullptr;
    EntityCapabilities caps;
    ProbeHints hints;
    Source *source = nullptr;      // the probe's source, or m_resized once a page size was accepted
    Source *walker = nullptr;      // the source of the full walk: `source`, or m_shrunk

    QList<Page> full;              // the full walk's pages, in order
    bool walkComplete = false;     // the last page read ended the walk
    Error fullError;               // the first page could not be read
    Error laterError;              // a later page could not be read
    bool askedBeyond = false;      // page 2 asked by prediction, though the source said page 1 was the last
    bool beyondRead = false;
    Page beyond;

    int refusedPageSize = 0;       // the configured page size, refused by the server
    Error refusal;
    QList<int> candidates;         // page sizes still to try
    int trying = 0;                // the page size being tried

    // A collection that fits in one page is walked again with smaller pages, so that there is a
    // second page to compare; the first walk's page stays what the page size is judged by.
    int shrunkSize = 0;
    Page original;
    bool originalBeyondRead = false;
    Page originalBeyond;

    bool incRead = false;          // the first page of an incremental walk
    Page inc;
    Error incError;
    QString sinceSkipped;          // why no filtered page was asked for
    QJsonValue since{QJsonValue::Undefined};
    bool filteredRead = false;
    Page filtered;
    Error filterError;

    QList<QJsonObject> records() const
    {
        QList<QJsonObject> out;
        for (const Page &p : full) {
            for (const QJsonValue &v : p.records)
                out.append(v.toObject());
        }
        return out;
    }
};

void ApiProbe::registerType(const QString &type, HintsFunction hintsFunction, PageSizeFunction withPageSize)
{
    hooks().insert(type, TypeHooks{std::move(hintsFunction), std::move(withPageSize)});
}

ApiProbe::ApiProbe(const Config &config, const QString &sourceName, QObject *parent)
    : QObject(parent), m_config(config), m_sourceName(sourceName)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ApiProbe::onTimeout);
    const SourceConfig *source = config.source(sourceName);
    if (!source) {
        m_error = Error(Error::Code::NotFound, Tr::tr("the configuration has no source \"%1\"").arg(sourceName));
        return;
    }
    m_source = *source;
    QString cycle;
    m_entities = m_source.orderedEntities(&cycle);
    if (!cycle.isEmpty()) {
        m_error = Error(Error::Code::Config, QStringLiteral("sources.%1.entities: %2").arg(sourceName, cycle));
        return;
    }
    m_nam = new QNetworkAccessManager(this);
    m_impl = SourceRegistry::create(m_source, m_nam);
    if (m_impl)
        watchRetries(m_impl.get());
    if (!m_impl)
        m_error = Error(Error::Code::Config, QStringLiteral("sources.%1.type: unknown source type \"%2\"; expected one of: %3")
                                                 .arg(sourceName, m_source.type, SourceRegistry::types().join(QStringLiteral(", "))));
}

ApiProbe::~ApiProbe()
{
    // The job belongs to a source that goes away with the probe: it must not call back.
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->abort();
    }
}

bool ApiProbe::hasFailure() const
{
    if (m_error)
        return true;
    return std::any_of(m_reports.cbegin(), m_reports.cend(), [](const ProbeEntityReport &r) { return r.hasFailure(); });
}

QJsonObject ApiProbe::toJson() const
{
    QJsonArray entities;
    for (const ProbeEntityReport &r : m_reports)
        entities.append(r.toJson());
    return QJsonObject{{QStringLiteral("source"), m_sourceName},
                       {QStringLiteral("ok"), !hasFailure()},
                       {QStringLiteral("error"), m_error ? QJsonValue(m_error.message) : QJsonValue()},
                       {QStringLiteral("entities"), entities}};
}

void ApiProbe::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_error || m_entities.isEmpty()) {
        // Never finish inside start(): the caller connects first, then starts.
        QTimer::singleShot(0, this, &ApiProbe::done);
        return;
    }
    qCInfo(lcApiProbe).noquote() << "probing source" << m_sourceName << "with" << m_entities.size() << "entities";
    if (m_timeoutMs > 0)
        m_timer.start(m_timeoutMs);
    startEntity();
}

void ApiProbe::abort()
{
    if (!m_started || m_done)
        return;
    m_aborted = true;
    if (m_job)
        m_job->abort(); // its finished() ends the probe
}

void ApiProbe::onTimeout()
{
    m_error = Error(Error::Code::Network, Tr::tr("source %1: the probe did not finish within %2 s").arg(m_sourceName).arg(m_timeoutMs / 1000.0));
    abort();
}

void ApiProbe::fetch(Source *source, const PageRequest &request, const QString &step, std::function<void(PageJob *)> onDone)
{
    PageJob *job = source->fetchPage(request);
    m_job = job;
    m_step = step;
    m_waiting.start();
    m_retry.reset();
    connect(job, &SourceJob::finished, this, [this, onDone](SourceJob *finishedJob) {
        m_job = nullptr;
        m_step.clear();
        if (m_aborted) {
            if (!m_error)
                m_error = Error(Error::Code::Aborted, Tr::tr("source %1: the probe was stopped").arg(m_sourceName));
            done();
            return;
        }
        onDone(static_cast<PageJob *>(finishedJob));
    });
    job->start();
    Q_EMIT requestStarted();
}

ApiProbe::Activity ApiProbe::activity() const
{
    Activity a;
    if (!m_job || m_done || !m_run)
        return a;
    a.entity = m_run->entity->name;
    a.step = m_step;
    const SourceJob::Activity job = m_job->activity();
    a.url = job.url;
    a.retries = job.retries;
    a.waitingMs = m_waiting.isValid() ? m_waiting.elapsed() : 0;
    if (m_retry) {
        a.retry = m_retry;
        a.retryLeftMs = qMax<qint64>(0, m_retry->delayMs - m_retryClock.elapsed());
    }
    return a;
}

void ApiProbe::watchRetries(Source *source)
{
    connect(source, &Source::retrying, this, [this](const RetryNotice &notice) {
        m_retry = notice;
        m_retryClock.start();
        Q_EMIT requestStarted(); // activity() changed
    });
}

QStringList ApiProbe::entities() const
{
    QStringList names;
    for (const EntityConfig *e : m_entities)
        names.append(e->name);
    return names;
}

void ApiProbe::startEntity()
{
    ++m_index;
    if (m_index >= m_entities.size()) {
        done();
        return;
    }
    m_run = std::make_unique<EntityRun>();
    EntityRun &run = *m_run;
    run.entity = m_entities.at(m_index);
    run.caps = m_impl->capabilities(run.entity->name);
    const auto hook = hooks().constFind(m_source.type);
    if (hook != hooks().constEnd() && hook->hints)
        run.hints = hook->hints(m_source, run.entity->name);
    run.source = m_impl.get();
    run.walker = run.source;
    retire(m_resized);
    retire(m_shrunk);
    PageRequest request;
    request.entity = run.entity->name;
    request.mode = PageRequest::Mode::Full;
    //: What the probe waits for.
    fetch(run.walker, request, Tr::tr("the first page of a full walk"), [this](PageJob *job) { onFullPage(job); });
}

void ApiProbe::onFullPage(PageJob *job)
{
    EntityRun &run = *m_run;
    if (job->hasError()) {
        if (run.askedBeyond) {
            // The page after the last is the probe's own question: a refusal there says nothing.
            afterFullWalk();
            return;
        }
        if (run.shrunkSize > 0 && run.full.isEmpty()) {
            // Smaller pages refused: judge from the walk as configured.
            run.full = {run.original};
            run.beyondRead = run.originalBeyondRead;
            run.beyond = run.originalBeyond;
            run.shrunkSize = 0;
            run.walkComplete = true;
            startIncremental();
            return;
        }
        if (!run.full.isEmpty()) {
            run.laterError = job->error();
            startIncremental();
            return;
        }
        if (run.trying > 0) {
            tryPageSize();
            return;
        }
        const auto hook = hooks().constFind(m_source.type);
        if (run.hints.pageSize > 1 && job->error().code == Error::Code::Http && hook != hooks().constEnd() && hook->withPageSize) {
            // A 400 or 422 on the first page is often the page size above the server's limit:
            // find one it accepts, then go on with it.
            run.refusedPageSize = run.hints.pageSize;
            run.refusal = job->error();
            run.candidates = pageSizeCandidates(run.refusal, run.refusedPageSize);
            tryPageSize();
            return;
        }
        run.fullError = job->error();
        finishEntity();
        return;
    }
    const Page &page = job->page();
    if (run.trying > 0) {
        run.hints.pageSize = run.trying;
        run.trying = 0;
        run.source = m_resized.get();
        run.walker = run.source;
    }
    if (run.askedBeyond) {
        run.beyondRead = true;
        run.beyond = page;
        afterFullWalk();
        return;
    }
    run.full.append(page);
    PageRequest request;
    request.entity = run.entity->name;
    request.mode = PageRequest::Mode::Full;
    if (!page.nextToken.isEmpty()) {
        // A small collection is walked to its end, so that its total can be compared with a count.
        const qint64 perPage = qMax<qint64>(1, run.full.first().records.size());
        const bool small = page.total >= 0 && page.total <= perPage * m_maxCountingPages && run.full.size() < m_maxCountingPages;
        if (run.full.size() < m_maxPages || small) {
            request.token = page.nextToken;
            //: What the probe waits for; %1 is a page number.
            fetch(run.walker, request, Tr::tr("page %1 of a full walk").arg(run.full.size() + 1), [this](PageJob *next) { onFullPage(next); });
            return;
        }
        run.walkComplete = false;
        startIncremental();
        return;
    }
    run.walkComplete = true;
    // The source says page 1 was the last. When it can name page 2 anyway (page numbers, offsets),
    // ask: records there mean a short page was taken for the end, and a walk would miss them.
    if (run.full.size() == 1 && !page.records.isEmpty()) {
        const QString predicted = run.walker->predictToken(request, QString());
        if (!predicted.isEmpty()) {
            run.askedBeyond = true;
            request.token = predicted;
            //: What the probe waits for.
            fetch(run.walker, request, Tr::tr("page 2, which the source says does not exist: records there would mean page 1 was cut short"),
                  [this](PageJob *next) { onFullPage(next); });
            return;
        }
    }
    afterFullWalk();
}

void ApiProbe::afterFullWalk()
{
    EntityRun &run = *m_run;
    const auto hook = hooks().constFind(m_source.type);
    // The whole collection in the first page (the walk may have read an empty second one): only a
    // smaller page size shows whether the server reads the page size and page parameters.
    const bool onePage = run.full.size() == 1 || (run.full.size() == 2 && run.full.at(1).records.isEmpty());
    const qsizetype n = onePage ? run.full.first().records.size() : 0;
    const bool shrink = run.shrunkSize == 0 && n >= 2 && run.refusedPageSize == 0 && run.hints.pageSize > 0
        && !run.hints.pageSizeParam.isEmpty() && !(run.beyondRead && !run.beyond.records.isEmpty()) && hook != hooks().constEnd()
        && hook->withPageSize;
    if (!shrink) {
        startIncremental();
        return;
    }
    run.shrunkSize = int(qMax<qsizetype>(1, (n + 2) / 3));
    run.original = run.full.first();
    run.originalBeyondRead = run.beyondRead || run.full.size() == 2;
    run.originalBeyond = run.full.size() == 2 ? run.full.at(1) : run.beyond;
    run.full.clear();
    run.askedBeyond = false;
    run.beyondRead = false;
    run.beyond = Page();
    run.walkComplete = false;
    retire(m_shrunk);
    m_shrunk = SourceRegistry::create(hook->withPageSize(m_source, run.entity->name, run.shrunkSize), m_nam);
    if (m_shrunk)
        watchRetries(m_shrunk.get());
    run.walker = m_shrunk.get();
    if (!run.walker) {
        run.walker = run.source;
        run.full = {run.original};
        run.shrunkSize = 0;
        run.walkComplete = true;
        startIncremental();
        return;
    }
    PageRequest request;
    request.entity = run.entity->name;
    request.mode = PageRequest::Mode::Full;
    //: What the probe waits for; %1 is a number of records.
    fetch(run.walker, request, Tr::tr("the first page again with %1 record(s) per page, to see a second page", nullptr, run.shrunkSize).arg(run.shrunkSize),
          [this](PageJob *job) { onFullPage(job); });
}

void ApiProbe::tryPageSize()
{
    EntityRun &run = *m_run;
    const auto hook = hooks().constFind(m_source.type);
    if (run.candidates.isEmpty() || hook == hooks().constEnd()) {
        run.trying = 0;
        run.fullError = run.refusal;
        finishEntity();
        return;
    }
    run.trying = run.candidates.takeFirst();
    retire(m_resized);
    m_resized = SourceRegistry::create(hook->withPageSize(m_source, run.entity->name, run.trying), m_nam);
    if (m_resized)
        watchRetries(m_resized.get());
    if (!m_resized) {
        run.candidates.clear();
        tryPageSize();
        return;
    }
    PageRequest request;
    request.entity = run.entity->name;
    request.mode = PageRequest::Mode::Full;
    //: What the probe waits for; %1 and %2 are numbers of records.
    fetch(m_resized.get(), request,
          Tr::tr("the first page with %1 record(s) per page, as the server refused %2", nullptr, run.trying).arg(run.trying).arg(run.refusedPageSize),
          [this](PageJob *job) { onFullPage(job); });
}

// A source made for one entity goes when the next one is made or the entity is done; later,
// because the job finishing right now may be its child.
void ApiProbe::retire(std::unique_ptr<Source> &source)
{
    if (source)
        source.release()->deleteLater();
}

void ApiProbe::startIncremental()
{
    EntityRun &run = *m_run;
    if (!run.caps.incremental || run.caps.cursorField.isEmpty()) {
        finishEntity();
        return;
    }
    // From the beginning: what a first incremental run reads first, in its order.
    PageRequest request;
    request.entity = run.entity->name;
    request.mode = PageRequest::Mode::Incremental;
    //: What the probe waits for.
    fetch(run.source, request, Tr::tr("the first page of an incremental walk"), [this](PageJob *job) { onIncrementalPage(job); });
}

void ApiProbe::onIncrementalPage(PageJob *job)
{
    EntityRun &run = *m_run;
    if (job->hasError()) {
        run.incError = job->error();
        finishEntity();
        return;
    }
    run.incRead = true;
    run.inc = job->page();
    // A value from the middle of the page: records older than it must stay out of the answer.
    QList<QJsonValue> values;
    for (const QJsonValue &r : std::as_const(run.inc.records)) {
        const QJsonValue v = valueAt(r.toObject(), run.caps.cursorField);
        if (v.isString() || v.isDouble())
            values.append(v);
    }
    bool comparable = true;
    std::stable_sort(values.begin(), values.end(), [&comparable](const QJsonValue &a, const QJsonValue &b) {
        bool ok = false;
        const int c = compareChange(a, b, &ok);
        comparable = comparable && ok;
        return c < 0;
    });
    if (values.size() < 2 || !comparable) {
        run.sinceSkipped = Tr::tr("the first page has too few comparable values of %1 to pick one from its middle").arg(run.caps.cursorField);
        finishEntity();
        return;
    }
    for (qsizetype i = values.size() / 2; i < values.size(); ++i) {
        if (olderThanFilter(values.first(), values.at(i), run.hints.filterResolutionMs)) {
            run.since = values.at(i);
            break;
        }
    }
    if (run.since.isUndefined()) {
        run.sinceSkipped = Tr::tr("every record of the first page has nearly the same %1 (%2), so a filter could not be seen at work")
                               .arg(run.caps.cursorField, shown(values.first()));
        finishEntity();
        return;
    }
    PageRequest request;
    request.entity = run.entity->name;
    request.mode = PageRequest::Mode::Incremental;
    request.since = cursorText(run.since);
    //: What the probe waits for; %1 is a field name, %2 a value of it.
    fetch(run.source, request, Tr::tr("a page of what changed since %1 = %2").arg(run.caps.cursorField, request.since),
          [this](PageJob *filtered) { onFilteredPage(filtered); });
}

void ApiProbe::onFilteredPage(PageJob *job)
{
    EntityRun &run = *m_run;
    if (job->hasError())
        run.filterError = job->error();
    else {
        run.filteredRead = true;
        run.filtered = job->page();
    }
    finishEntity();
}

namespace {

using V = ProbeCheck::Verdict;

// The checks, from what was read: one function per check, each deciding from values only.
class Judge
{
public:
    Judge(const QString &sourceName, const EntityConfig &entity, const EntityCapabilities &caps, const ProbeHints &hints)
        : m_source(sourceName), m_entity(entity), m_caps(caps), m_h(hints) {}

    QString keyOr(const QString &key, const QString &fallback) const { return key.isEmpty() ? fallback : key; }

    // `shrunk`: the first page of the walk again with `shrunkSize` records per page, when the
    // collection fitted in one page as configured (else null).
    ProbeCheck pageSize(const QList<Page> &full, bool beyondRead, const Page &beyond, int refused, const Error &refusal,
                        const Page *shrunk, int shrunkSize) const
    {
        const QString id = QStringLiteral("page_size");
        const int n = int(full.first().records.size());
        const int asked = m_h.pageSize;
        if (refused > 0)
            return makeCheck(id, V::Fail,
                             Tr::tr("the server refused %1 record(s) per page (%2) and accepted %3", nullptr, refused)
                                 .arg(QString::number(refused), refusal.message, QString::number(asked)),
                             Tr::tr("set %1 to %2").arg(keyOr(m_h.pageSizeKey, Tr::tr("the page size")), QString::number(asked)),
                             m_h.pageSizeKey, asked);
        if (asked <= 0)
            return makeCheck(id, V::Skip, Tr::tr("no page size is asked for; the server sent %1 record(s) on the first page", nullptr, n).arg(n));
        if (n == asked)
            return makeCheck(id, V::Pass, Tr::tr("asked for %1 record(s) per page, got %1", nullptr, asked).arg(asked));
        if (n > asked)
            return makeCheck(id, V::Fail,
                             Tr::tr("asked for %1 record(s) per page with \"%2\", got %3: the server does not read that parameter", nullptr, asked)
                                 .arg(QString::number(asked), m_h.pageSizeParam, QString::number(n)),
                             Tr::tr("correct %1: the parameter the API takes the page size from").arg(keyOr(m_h.pageSizeParamKey, Tr::tr("the page size parameter"))),
                             m_h.pageSizeParamKey);
        const qint64 total = full.first().total;
        const bool more = (full.size() > 1 && !full.at(1).records.isEmpty()) || (beyondRead && !beyond.records.isEmpty()) || total > n;
        if (more)
            return makeCheck(id, V::Fail,
                             Tr::tr("asked for %1 record(s) per page, got %2 although there are more: the server caps pages at %2, "
                                    "and a page shorter than the page size can end a walk early",
                                    nullptr, asked)
                                 .arg(asked)
                                 .arg(n),
                             Tr::tr("set %1 to %2").arg(keyOr(m_h.pageSizeKey, Tr::tr("the page size")), QString::number(n)), m_h.pageSizeKey, n);
        if (shrunk && shrunk->records.size() > shrunkSize)
            return makeCheck(id, V::Fail,
                             Tr::tr("asked for %1 record(s) per page with \"%2\", got %3: the server does not read that parameter "
                                    "(the whole collection fits in one page, so this only shows with a smaller page size)",
                                    nullptr, shrunkSize)
                                 .arg(QString::number(shrunkSize), m_h.pageSizeParam, QString::number(shrunk->records.size())),
                             Tr::tr("correct %1: the parameter the API takes the page size from").arg(keyOr(m_h.pageSizeParamKey, Tr::tr("the page size parameter"))),
                             m_h.pageSizeParamKey);
        if ((beyondRead && beyond.records.isEmpty()) || total == n)
            return makeCheck(id, V::Pass, Tr::tr("the first page holds the whole collection: %1 record(s), fewer than the %2 asked for", nullptr, n).arg(n).arg(asked));
        return makeCheck(id, V::Unknown,
                         Tr::tr("got %1 record(s) of the %2 asked for and no further page: either the whole collection, or a limit of the "
                                "server that the probe cannot see",
                                nullptr, n)
                             .arg(n)
                             .arg(asked));
    }

    ProbeCheck pageParam(const QList<Page> &full, bool beyondRead, const Page &beyond, const Error &laterError, int shrunkSize) const
    {
        const QString id = QStringLiteral("page_param");
        const Page *second = full.size() > 1 ? &full.at(1) : (beyondRead ? &beyond : nullptr);
        const int n = int(full.first().records.size());
        if (full.size() == 1 && laterError)
            return makeCheck(id, V::Fail, Tr::tr("the second page could not be read: %1").arg(laterError.message),
                             m_h.continuationKey.isEmpty() ? QString()
                                                           : Tr::tr("check %1: the parameter the API takes the page from").arg(m_h.continuationKey),
                             m_h.continuationKey);
        if (!second)
            return makeCheck(id, V::Unknown, Tr::tr("one page holds the whole collection (%1 record(s)): there is no second page to compare", nullptr, n).arg(n));
        if (second->records.isEmpty())
            return makeCheck(id, V::Unknown, Tr::tr("the second page is empty: nothing to compare with the first"));
        const QStringList first = identitiesOf(full.first().records, m_entity.externalId);
        const QStringList next = identitiesOf(second->records, m_entity.externalId);
        const QSet<QString> firstSet(first.cbegin(), first.cend());
        const bool repeated = std::all_of(next.cbegin(), next.cend(), [&firstSet](const QString &i) { return firstSet.contains(i); });
        if (!repeated)
            return makeCheck(id, V::Pass, shrunkSize > 0 ? Tr::tr("the second page brings other records than the first (with %1 record(s) per page)", nullptr, shrunkSize).arg(shrunkSize)
                                                         : Tr::tr("the second page brings other records than the first"));
        if (m_h.continuationKey.isEmpty())
            return makeCheck(id, V::Fail, Tr::tr("the second page, at the address the server gave, repeats the records of the first"),
                             Tr::tr("the API's own next-page link leads back to the first page; ask its provider, or use another pagination style"));
        return makeCheck(id, V::Fail,
                         Tr::tr("the second page repeats the records of the first: the server does not read the parameter \"%1\"").arg(m_h.continuationParam),
                         Tr::tr("correct %1: the parameter the API takes the page from").arg(m_h.continuationKey), m_h.continuationKey);
    }

    ProbeCheck order(const QList<Page> &full) const
    {
        const QString id = QStringLiteral("order");
        // Within each page, and across pages when they do not overlap (a repeated page is the
        // page parameter's fault, reported there).
        QStringList seq;
        QSet<QString> seen;
        for (const Page &p : full) {
            const QStringList ids = idsOf(p.records, m_entity.externalId);
            const bool overlaps = std::any_of(ids.cbegin(), ids.cend(), [&seen](const QString &i) { return seen.contains(i); });
            if (overlaps)
                break;
            for (const QString &i : ids)
                seen.insert(i);
            seq += ids;
        }
        seq.removeAll(QString());
        if (seq.size() < 2)
            return makeCheck(id, V::Unknown, Tr::tr("too few records with an id to see an order"));
        for (qsizetype i = 1; i < seq.size(); ++i) {
            if (compareIds(seq.at(i - 1), seq.at(i)) > 0)
                return makeCheck(id, V::Fail,
                                 Tr::tr("a full walk is not sorted by id (%1 came before %2): when records change during a walk, pages "
                                        "shift and records are missed or read twice")
                                     .arg(seq.at(i - 1), seq.at(i)),
                                 Tr::tr("ask for the order by id in %1, e.g. {\"sort\": \"id\"}").arg(keyOr(m_h.fullSortKey, Tr::tr("the full walks' parameters"))),
                                 m_h.fullSortKey);
        }
        return makeCheck(id, V::Pass, Tr::tr("the %1 record(s) of the full walk come sorted by id", nullptr, int(seq.size())).arg(seq.size()));
    }

    ProbeCheck incrementalOrder(bool incRead, const Page &inc, const Error &incError) const
    {
        const QString id = QStringLiteral("incremental_order");
        if (!m_caps.incremental)
            return makeCheck(id, V::Skip, Tr::tr("no change filter is configured: every run walks the whole collection"));
        if (!incRead)
            return makeCheck(id, V::Fail, Tr::tr("the first page of an incremental walk could not be read: %1").arg(incError.message),
                             Tr::tr("check the incremental walks' parameters in %1").arg(keyOr(m_h.incrementalSortKey, Tr::tr("the configuration"))),
                             m_h.incrementalSortKey);
        const QString &field = m_caps.cursorField;
        QJsonValue prev(QJsonValue::Undefined);
        QString prevId;
        int compared = 0;
        for (const QJsonValue &r : inc.records) {
            const QJsonObject o = r.toObject();
            const QJsonValue v = valueAt(o, field);
            const QString rid = idString(valueAt(o, m_entity.externalId));
            if (!prev.isUndefined()) {
                bool ok = false;
                const int c = compareChange(prev, v, &ok);
                if (!ok)
                    return makeCheck(id, V::Unknown, Tr::tr("the values of %1 cannot be compared (%2, %3)").arg(field, shown(prev), shown(v)));
                ++compared;
                if (c > 0)
                    return makeCheck(id, V::Fail,
                                     Tr::tr("an incremental walk is not sorted by %1 (%2 at %3 came before %4 at %5): the cursor would "
                                            "pass over records not read yet")
                                         .arg(field, prevId, shown(prev), rid, shown(v)),
                                     Tr::tr("ask for the order by %1 in %2, e.g. {\"sort\": \"%1\"}")
                                         .arg(field, keyOr(m_h.incrementalSortKey, Tr::tr("the incremental walks' parameters"))),
                                     m_h.incrementalSortKey);
                if (c == 0 && m_caps.tieBreakById && compareIds(prevId, rid) > 0)
                    return makeCheck(id, V::Fail,
                                     Tr::tr("records with the same %1 are not ordered by id (%2 came before %3), but the configuration "
                                            "says they are: records at a page boundary could be skipped")
                                         .arg(field, prevId, rid),
                                     Tr::tr("set %1 to \"none\"").arg(keyOr(m_h.tieBreakerKey, Tr::tr("the tie breaker"))), m_h.tieBreakerKey,
                                     QStringLiteral("none"));
            }
            prev = v;
            prevId = rid;
        }
        if (compared == 0)
            return makeCheck(id, V::Unknown, Tr::tr("too few records to see an order"));
        return makeCheck(id, V::Pass,
                         m_caps.tieBreakById ? Tr::tr("the %1 record(s) of the first page come sorted by %2, then id", nullptr, compared + 1).arg(compared + 1).arg(field)
                                             : Tr::tr("the %1 record(s) of the first page come sorted by %2", nullptr, compared + 1).arg(compared + 1).arg(field));
    }

    ProbeCheck changeFilter(bool incRead, const Page &inc, const QString &skipped, const QJsonValue &since,
                            bool filteredRead, const Page &filtered, const Error &filterError, bool sorted) const
    {
        const QString id = QStringLiteral("change_filter");
        if (!m_caps.incremental)
            return makeCheck(id, V::Skip, Tr::tr("no change filter is configured: every run walks the whole collection"));
        if (!incRead)
            return makeCheck(id, V::Unknown, Tr::tr("the first page of an incremental walk could not be read"));
        if (!skipped.isEmpty())
            return makeCheck(id, V::Unknown, skipped);
        const QString field = m_caps.cursorField;
        const QString param = m_h.filterParam.isEmpty() ? Tr::tr("the filter") : QStringLiteral("\"%1\"").arg(m_h.filterParam);
        const QString value = cursorText(since);
        if (!filteredRead)
            return makeCheck(id, V::Fail, Tr::tr("the server refused %1 = %2: %3").arg(param, value, filterError.message),
                             Tr::tr("check %1 and %2").arg(keyOr(m_h.filterKey, Tr::tr("the filter parameter")), keyOr(m_h.filterFormatKey, Tr::tr("its format"))),
                             m_h.filterKey);
        int older = 0;
        QString example;
        QSet<QString> returned;
        bool newer = false;
        for (const QJsonValue &r : filtered.records) {
            const QJsonObject o = r.toObject();
            const QJsonValue v = valueAt(o, field);
            returned.insert(idString(valueAt(o, m_entity.externalId)));
            bool ok = false;
            if (compareChange(v, since, &ok) > 0 && ok)
                newer = true;
            if (olderThanFilter(v, since, m_h.filterResolutionMs)) {
                if (example.isEmpty())
                    example = Tr::tr("%1 at %2").arg(idString(valueAt(o, m_entity.externalId)), shown(v));
                ++older;
            }
        }
        if (older > 0)
            return makeCheck(id, V::Fail,
                             Tr::tr("asked with %1 = %2 for what changed since, and %3 of the %4 record(s) came back older (%5): the server "
                                    "does not filter on that parameter",
                                    nullptr, int(filtered.records.size()))
                                 .arg(param, value, QString::number(older), QString::number(filtered.records.size()), example),
                             Tr::tr("correct %1: the parameter the API filters %2 on").arg(keyOr(m_h.filterKey, Tr::tr("the filter parameter")), field),
                             m_h.filterKey);
        if (filtered.records.isEmpty())
            return makeCheck(id, V::Fail,
                             Tr::tr("asked with %1 = %2 for what changed since, and nothing came back, although the first page has records "
                                    "at or after it")
                                 .arg(param, value),
                             Tr::tr("check %1: the value may be written in a form the API does not read").arg(keyOr(m_h.filterFormatKey, Tr::tr("the filter's format"))),
                             m_h.filterFormatKey);
        // Inclusive: records exactly at the value must come back, before any newer one.
        if (sorted && newer) {
            for (const QJsonValue &r : inc.records) {
                const QJsonObject o = r.toObject();
                bool ok = false;
                if (compareChange(valueAt(o, field), since, &ok) == 0 && ok && !returned.contains(idString(valueAt(o, m_entity.externalId))))
                    return makeCheck(id, V::Fail,
                                     Tr::tr("records changed exactly at %1 = %2 did not come back (%3): the filter is exclusive, and "
                                            "Tributary needs one that includes the value (>=)")
                                         .arg(param, value, idString(valueAt(o, m_entity.externalId))),
                                     Tr::tr("use the API's inclusive filter in %1").arg(keyOr(m_h.filterKey, Tr::tr("the filter parameter"))), m_h.filterKey);
            }
        }
        return makeCheck(id, V::Pass, Tr::tr("with %1 = %2, the %3 record(s) that came back are all as new or newer", nullptr, int(filtered.records.size()))
                                              .arg(param, value, QString::number(filtered.records.size())));
    }

    ProbeCheck total(const QList<Page> &full, bool walkComplete) const
    {
        const QString id = QStringLiteral("total");
        if (!m_caps.reportsTotal)
            return makeCheck(id, V::Skip, Tr::tr("the configuration reads no total"));
        QList<qint64> totals;
        QSet<QString> ids;
        int records = 0;
        bool everyRecordHasAnId = true; // else (a wrong external_id) records are counted, not ids
        for (const Page &p : full) {
            if (p.total >= 0)
                totals.append(p.total);
            for (const QString &i : idsOf(p.records, m_entity.externalId)) {
                everyRecordHasAnId = everyRecordHasAnId && !i.isEmpty();
                ids.insert(i);
            }
            records += int(p.records.size());
        }
        if (!everyRecordHasAnId)
            ids.clear();
        if (totals.isEmpty())
            return makeCheck(id, V::Fail, Tr::tr("the configuration reads a total, but no page carried one"),
                             Tr::tr("check %1: where the API writes the total").arg(keyOr(m_h.totalKey, Tr::tr("where the total is read"))), m_h.totalKey);
        const qint64 t = totals.last();
        const int counted = ids.isEmpty() ? records : int(ids.size());
        if (walkComplete) {
            if (t == counted)
                return makeCheck(id, V::Pass, Tr::tr("the total, %1, matches the records of a complete walk").arg(t));
            return makeCheck(id, V::Fail, Tr::tr("the total says %1, a complete walk counted %2 record(s)", nullptr, counted).arg(t).arg(counted),
                             Tr::tr("check %1: it may count something else (pages, or records the listing leaves out)")
                                 .arg(keyOr(m_h.totalKey, Tr::tr("where the total is read"))),
                             m_h.totalKey);
        }
        if (t < counted)
            return makeCheck(id, V::Fail, Tr::tr("the total says %1, but the pages read already hold %2 record(s)", nullptr, counted).arg(t).arg(counted),
                             Tr::tr("check %1: it may count something else (pages, or records the listing leaves out)")
                                 .arg(keyOr(m_h.totalKey, Tr::tr("where the total is read"))),
                             m_h.totalKey);
        for (qint64 other : std::as_const(totals)) {
            if (other != totals.first())
                return makeCheck(id, V::Fail, Tr::tr("the total changed between two reads: %1, then %2").arg(totals.first()).arg(other),
                                 Tr::tr("check %1: it may not be the size of the collection").arg(keyOr(m_h.totalKey, Tr::tr("where the total is read"))),
                                 m_h.totalKey);
        }
        if (totals.size() < 2)
            return makeCheck(id, V::Unknown, Tr::tr("only one page carried a total (%1): nothing to compare it with").arg(t));
        return makeCheck(id, V::Pass, Tr::tr("the total stays %1 between reads; the collection is too large to count here").arg(t));
    }

    // `absent`: RecordMapper::absentFields over the same records.
    ProbeCheck fields(const QList<QJsonObject> &records, const QStringList &names, const QList<AbsentField> &absent) const
    {
        const QString id = QStringLiteral("fields");
        if (records.isEmpty())
            return makeCheck(id, V::Unknown, Tr::tr("no records to look at"));
        const QString path = QStringLiteral("sources.%1.entities.%2").arg(m_source, m_entity.name);
        QStringList missing;
        QString firstKey, suggestion;
        for (const AbsentField &a : absent) {
            const QString fullKey = a.key.isEmpty() ? m_h.changeFieldKey : path + QLatin1Char('.') + a.key;
            const QString likely = likelyField(records, a.field);
            const QString key = fullKey.isEmpty() ? Tr::tr("the change field") : fullKey;
            missing.append(likely.isEmpty() ? Tr::tr("\"%1\" (%2)").arg(a.field, key)
                                            : Tr::tr("\"%1\" (%2; the records have \"%3\")").arg(a.field, key, likely));
            if (firstKey.isEmpty()) {
                firstKey = fullKey;
                suggestion = likely;
            }
        }
        if (missing.isEmpty())
            return makeCheck(id, V::Pass, Tr::tr("every mapped field is in the records"));
        const QString style = namingStyle(names);
        QString message = Tr::tr("in none of the %1 record(s): %2. The records have: %3", nullptr, int(records.size())).arg(records.size()).arg(missing.join(QStringLiteral(", ")), names.join(QStringLiteral(", ")));
        if (!style.isEmpty())
            message += QStringLiteral(" ") + Tr::tr("(field names in %1)").arg(style);
        return makeCheck(id, V::Fail, message,
                         Tr::tr("correct the field names, or declare a column \"optional\": true if the API leaves it out"), firstKey,
                         suggestion.isEmpty() ? QJsonValue() : QJsonValue(suggestion));
    }

    ProbeCheck ids(const QList<QJsonObject> &records, const QStringList &names) const
    {
        const QString id = QStringLiteral("ids");
        if (records.isEmpty())
            return makeCheck(id, V::Unknown, Tr::tr("no records to look at"));
        int missing = 0;
        QHash<QString, int> seen;
        QString duplicate;
        for (const QJsonObject &r : records) {
            const QString i = idString(valueAt(r, m_entity.externalId));
            if (i.isEmpty()) {
                ++missing;
                continue;
            }
            if (++seen[i] == 2 && duplicate.isEmpty())
                duplicate = i;
        }
        if (missing > 0) {
            QString candidate;
            for (const QString &c : {QStringLiteral("id"), QStringLiteral("ID"), QStringLiteral("Id"), QStringLiteral("uuid"),
                                     QStringLiteral("_id"), QStringLiteral("guid"), QStringLiteral("key")}) {
                if (names.contains(c) && c != m_entity.externalId) {
                    candidate = c;
                    break;
                }
            }
            return makeCheck(id, V::Fail,
                             Tr::tr("%1 of the %2 record(s) have no id at \"%3\". The records have: %4", nullptr, int(records.size()))
                                 .arg(missing)
                                 .arg(records.size())
                                 .arg(m_entity.externalId, names.join(QStringLiteral(", "))),
                             candidate.isEmpty() ? Tr::tr("set %1 to the field holding the record's id").arg(keyOr(m_h.externalIdKey, QStringLiteral("external_id")))
                                                 : Tr::tr("set %1 to \"%2\"").arg(keyOr(m_h.externalIdKey, QStringLiteral("external_id")), candidate),
                             m_h.externalIdKey, candidate.isEmpty() ? QJsonValue() : QJsonValue(candidate));
        }
        if (!duplicate.isEmpty()) {
            const qsizetype dups = std::count_if(seen.cbegin(), seen.cend(), [](int n) { return n > 1; });
            return makeCheck(id, V::Fail,
                             Tr::tr("%1 id(s) came more than once in one walk (%2 among them): pages overlap", nullptr, int(dups)).arg(dups).arg(duplicate),
                             Tr::tr("ask for a stable order by a unique key in %1, e.g. {\"sort\": \"id\"}; if the page parameter check "
                                    "failed, correct that first")
                                 .arg(keyOr(m_h.fullSortKey, Tr::tr("the full walks' parameters"))),
                             m_h.fullSortKey);
        }
        return makeCheck(id, V::Pass, Tr::tr("each of the %1 record(s) has an id of its own", nullptr, int(records.size())).arg(records.size()));
    }

private:
    QString m_source;
    const EntityConfig &m_entity;
    EntityCapabilities m_caps;
    ProbeHints m_h;
};

} // namespace

void ApiProbe::finishEntity()
{
    EntityRun &run = *m_run;
    ProbeEntityReport report;
    report.entity = run.entity->name;
    const QList<QJsonObject> records = run.records();
    report.pages = int(run.full.size());
    report.records = int(records.size());
    report.url = run.shrunkSize > 0 ? run.original.url : run.full.isEmpty() ? QString() : run.full.first().url;
    report.fields = fieldNames(records);
    report.capabilities = run.caps;
    report.firstPage = run.shrunkSize > 0 ? run.original : run.full.isEmpty() ? Page() : run.full.first();
    report.requestError = run.fullError;
    {
        QJsonArray all;
        for (const Page &p : std::as_const(run.full)) {
            for (const QJsonValue &v : p.records)
                all.append(v);
        }
        // The change field is wanted where the walks filter on it, as the judge asks for it.
        const RecordMapper mapper(*run.entity, m_config.database, run.caps.incremental ? run.caps.cursorField : QString());
        report.absentFields = mapper.absentFields(all);
    }
    const Judge judge(m_sourceName, *run.entity, run.caps, run.hints);

    if (run.full.isEmpty()) {
        const Error &e = run.fullError;
        QString fix;
        switch (e.code) {
        case Error::Code::Auth: fix = Tr::tr("check the credentials named above"); break;
        case Error::Code::Config: fix = Tr::tr("correct the configuration as the message says"); break;
        case Error::Code::Parse: fix = Tr::tr("check records_path: where the records are in the answer"); break;
        case Error::Code::Http: fix = Tr::tr("check base_url, the endpoint and the parameters the request carries"); break;
        default: fix = Tr::tr("check base_url and that the API can be reached from here"); break;
        }
        report.checks.append(makeCheck(QStringLiteral("request"), V::Fail, e.message, fix));
        for (qsizetype i = 1; i < kCheckIds.size(); ++i)
            report.checks.append(makeCheck(kCheckIds.at(i), V::Unknown, Tr::tr("not checked: the first page could not be read")));
    } else {
        if (run.laterError)
            report.checks.append(makeCheck(QStringLiteral("request"), V::Fail,
                                           Tr::tr("page %1 could not be read: %2").arg(run.full.size() + 1).arg(run.laterError.message)));
        else if (run.shrunkSize > 0)
            //: %1 records, %2 a URL, %3 pages, %4 records per page.
            report.checks.append(makeCheck(QStringLiteral("request"), V::Pass,
                                           Tr::tr("read the whole collection, %1 record(s), in one page as configured (%2), and again in %3 "
                                                  "page(s) of %4 to see a second page",
                                                  nullptr, int(records.size()))
                                               .arg(QString::number(records.size()), report.url, QString::number(run.full.size()),
                                                    QString::number(run.shrunkSize))));
        else
            report.checks.append(makeCheck(QStringLiteral("request"), V::Pass,
                                           Tr::tr("read %1 page(s) of a full walk, %2 record(s), from %3", nullptr, int(records.size()))
                                               .arg(QString::number(run.full.size()), QString::number(records.size()), report.url)));
        // The page size is judged by the walk as configured, the rest by the walk read.
        const QList<Page> configured = run.shrunkSize > 0 ? QList<Page>{run.original} : run.full;
        report.checks.append(judge.pageSize(configured, run.shrunkSize > 0 ? run.originalBeyondRead : run.beyondRead,
                                            run.shrunkSize > 0 ? run.originalBeyond : run.beyond, run.refusedPageSize, run.refusal,
                                            run.shrunkSize > 0 && !run.full.isEmpty() ? &run.full.first() : nullptr, run.shrunkSize));
        report.checks.append(judge.pageParam(run.full, run.beyondRead, run.beyond, run.laterError, run.shrunkSize));
        report.checks.append(judge.order(run.full));
        const ProbeCheck incOrder = judge.incrementalOrder(run.incRead, run.inc, run.incError);
        report.checks.append(incOrder);
        report.checks.append(judge.changeFilter(run.incRead, run.inc, run.sinceSkipped, run.since, run.filteredRead, run.filtered,
                                                run.filterError, incOrder.verdict == V::Pass));
        report.checks.append(judge.total(run.full, run.walkComplete && !run.laterError));
        report.checks.append(judge.fields(records, report.fields, report.absentFields));
        report.checks.append(judge.ids(records, report.fields));
    }
    for (const ProbeCheck &c : std::as_const(report.checks))
        qCInfo(lcApiProbe).noquote() << "source" << m_sourceName << "entity" << report.entity << c.id << ProbeCheck::verdictName(c.verdict) << c.message;
    m_reports.append(report);
    m_run.reset();
    Q_EMIT entityFinished(int(m_reports.size()) - 1);
    startEntity();
}

void ApiProbe::done()
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    Q_EMIT finished();
}

} // namespace Tributary
