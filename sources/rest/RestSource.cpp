#include "RestSource.h"

#include "JsonPath.h"
#include "LinkHeader.h"
#include "OAuthToken.h"
#include "config/ConfigReader.h"
#include "engine/SourceRegistry.h"
#include "net/HttpClient.h"
#include "util/Redaction.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

#include <cmath>
#include <functional>

Q_LOGGING_CATEGORY(lcRestSource, "tributary.sources.rest", QtInfoMsg)

namespace Tributary {

namespace {

// A malformed or truncated page is usually a transient fault of the server or a proxy: it is
// asked for again like any other transient failure, up to the source's limits.max_retries (a
// source whose requests go through a proxy that cuts bodies now and then would otherwise fail
// whenever three answers in a row were cut). Without a source (it is gone): twice.
constexpr int kParseRetriesWithoutSource = 2;

// The request a job has in flight, and its retries of malformed bodies (HttpClient cannot judge
// those: the body arrived; only the job knows it is broken). Shared by the page and record jobs.
// With OAuth 2.0 it also waits for the source's access token before sending, and answers a 401
// once by dropping that token and sending again with a new one.
class RequestSlot
{
public:
    QPointer<HttpJob> http;
    int parseRetries = 0;
    // How the job ends when no request could be sent (no access token); set by the job.
    std::function<void(const Error &)> fail;
    // Its place in the host's budget queue (RequestBudgets): webhook fetches before walks,
    // walks of recent changes before backfills and scans.
    RequestPriority priority = RequestPriority::Normal;

    template <typename Job>
    void get(Job *owner, RestSource *source, const QUrl &url, void (Job::*onFinished)(HttpJob *))
    {
        send(owner, source, QByteArrayLiteral("GET"), source->makeRequest(url), {}, onFinished);
    }
    // Any method, with the source's client (credentials, retries, pacing, limits); `resendable`
    // as HttpJob::setResendable().
    template <typename Job>
    void send(Job *owner, RestSource *source, const QByteArray &verb, const QNetworkRequest &request, const QByteArray &body,
              void (Job::*onFinished)(HttpJob *), bool resendable = true)
    {
        m_owner = owner;
        m_source = source;
        m_verb = verb;
        m_request = request;
        m_body = body;
        m_resendable = resendable;
        m_repeated = false;
        m_deliver = [owner, onFinished](HttpJob *job) { (owner->*onFinished)(job); };
        sendNow();
    }
    void cancel(QObject *owner)
    {
        QObject::disconnect(m_tokenWait);
        if (http) {
            QObject::disconnect(http, nullptr, owner, nullptr);
            http->abort();
        }
        m_retryTimer.stop();
    }
    // Asks again after a backoff while retries remain: the delay, or -1 when they are used up.
    template <typename Job>
    int retryLater(Job *owner, RestSource *source, void (Job::*resend)())
    {
        if (parseRetries >= (source ? source->config().policy.maxRetries : kParseRetriesWithoutSource))
            return -1;
        ++parseRetries;
        const int delay = HttpClient::backoffMs(source ? source->config().policy : HttpPolicy{}, parseRetries);
        m_retryTimer.disconnect();
        m_retryTimer.setSingleShot(true);
        QObject::connect(&m_retryTimer, &QTimer::timeout, owner, resend);
        m_retryTimer.start(delay);
        return delay;
    }

private:
    void sendNow()
    {
        RestSource *source = m_source;
        if (!source) {
            failLater(Error(Error::Code::Internal, Tr::tr("the source is gone")));
            return;
        }
        QNetworkRequest request = m_request;
        OAuthToken *oauth = source->oauthToken();
        if (oauth) {
            const QByteArray authorization = oauth->authorization();
            if (authorization.isEmpty()) {
                // Everyone without a token waits for the one request of the source (no stampede).
                QObject::disconnect(m_tokenWait);
                m_tokenWait = QObject::connect(oauth, &OAuthToken::settled, m_owner, [this](const Error &e) {
                    QObject::disconnect(m_tokenWait);
                    if (e)
                        fail(e);
                    else
                        sendNow();
                });
                oauth->fetch();
                return;
            }
            request.setRawHeader("Authorization", authorization);
            m_generation = oauth->generation();
        }
        http = source->httpClient()->send(m_verb, request, m_body, m_owner);
        http->setCredentialHint(source->credentialHint());
        http->setResendable(m_resendable);
        http->setPriority(priority);
        QObject::connect(http, &HttpJob::finished, m_owner, [this](HttpJob *job) { onAnswer(job); });
        http->start();
    }
    void onAnswer(HttpJob *job)
    {
        RestSource *source = m_source;
        OAuthToken *oauth = source ? source->oauthToken() : nullptr;
        // An access token can be revoked or expire early: one new token, one more try. A 401
        // means the request was refused, not acted on, so even a create may be sent again.
        if (oauth && job->status() == 401 && !m_repeated) {
            m_repeated = true;
            http = nullptr;
            oauth->reject(m_generation);
            sendNow();
            return;
        }
        m_deliver(job);
    }
    void failLater(const Error &e)
    {
        QTimer::singleShot(0, m_owner, [this, e] { fail(e); });
    }

    QTimer m_retryTimer;
    QObject *m_owner = nullptr;
    QPointer<RestSource> m_source;
    QByteArray m_verb;
    QNetworkRequest m_request;
    QByteArray m_body;
    bool m_resendable = true;
    bool m_repeated = false;
    int m_generation = 0;
    std::function<void(HttpJob *)> m_deliver;
    QMetaObject::Connection m_tokenWait;
};

QString secretHint(const SecretRef &ref)
{
    if (!ref.env.isEmpty())
        return Tr::tr("environment variable %1").arg(ref.env);
    if (!ref.file.isEmpty())
        return Tr::tr("key \"%1\" of credentials file %2").arg(ref.key, ref.file);
    return {};
}

// What to do with a renewed secret: "set FORUM_REFRESH_TOKEN", "store it as key "forum" in creds.json".
QString renewHint(const SecretRef &ref)
{
    if (!ref.env.isEmpty())
        return Tr::tr("set %1").arg(ref.env);
    if (!ref.file.isEmpty())
        return Tr::tr("store it as key \"%1\" of credentials file %2").arg(ref.key, ref.file);
    return {};
}

int defaultPort(const QUrl &u)
{
    return u.port(u.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80);
}

void addItems(QUrlQuery &q, const QueryItems &items)
{
    for (const auto &item : items) {
        q.removeAllQueryItems(item.first);
        q.addQueryItem(item.first, item.second);
    }
}

void setItem(QUrlQuery &q, const QString &name, const QString &value)
{
    q.removeAllQueryItems(name);
    q.addQueryItem(name, value);
}

// Query values must survive as sent: '+' in an ISO offset or a base64 cursor would otherwise
// reach the server as a space.
QString encodeQuery(const QUrlQuery &q)
{
    QStringList parts;
    const auto items = q.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items)
        parts.append(QString::fromLatin1(QUrl::toPercentEncoding(item.first)) + QLatin1Char('=')
                     + QString::fromLatin1(QUrl::toPercentEncoding(item.second)));
    return parts.join(QLatin1Char('&'));
}

// What every job kind shares: the entity, the source's HTTP client, a parse-retry budget.
struct JobContext
{
    QPointer<RestSource> source;
    RestEntity entity;
    QString prefix; // "source forum, entity users: " for every message
};

Error withContext(const JobContext &ctx, Error e)
{
    e.message.prepend(ctx.prefix);
    return e;
}

// Why a job cannot use its source: it is gone, or its configuration or credentials failed.
Error sourceProblem(const RestSource *src)
{
    return src ? src->setupError() : Error(Error::Code::Internal, Tr::tr("the source is gone"));
}

// Stops a job's request: the error the job then finishes with.
Error abortRequest(RequestSlot &slot, QObject *owner, const JobContext &ctx)
{
    slot.cancel(owner);
    return withContext(ctx, Error(Error::Code::Aborted, QStringLiteral("aborted")));
}

// `request`: "GET <url>", what the message names.
QJsonDocument parseBody(const QByteArray &body, const QString &request, Error *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = Error(Error::Code::Parse,
                       // One arg() for all: the URL's %3A must not be taken for a placeholder.
                       Tr::tr("%1: malformed JSON at offset %2 of %3 bytes: %4")
                           .arg(request, QString::number(pe.offset), QString::number(body.size()), pe.errorString()),
                       Redaction::snippet(body, 200));
    }
    return doc;
}

QString getRequest(const QString &displayUrl)
{
    return QStringLiteral("GET ") + displayUrl;
}

QJsonValue docRoot(const QJsonDocument &doc)
{
    if (doc.isArray())
        return doc.array();
    if (doc.isObject())
        return doc.object();
    return {};
}

// The record at record_path of an answer (single-record GETs and write answers alike), or an
// empty object and *error naming the key.
QJsonObject recordAt(const QJsonDocument &doc, const QString &recordPath, const QString &request, Error *error)
{
    bool found = false;
    const QJsonValue v = JsonPath::value(docRoot(doc), recordPath, &found);
    if (v.isObject())
        return v.toObject();
    *error = Error(Error::Code::Parse, found ? Tr::tr("%1: expected a JSON object at \"%2\" (record_path)").arg(request, recordPath)
                                             : Tr::tr("%1: no \"%2\" in the response (record_path)").arg(request, recordPath));
    return {};
}

// A count as APIs write it: a whole number >= 0, or a string holding one ("47").
QString describe(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::String: return QStringLiteral("\"%1\"").arg(v.toString().left(40));
    case QJsonValue::Array: return Tr::tr("an array");
    case QJsonValue::Object: return Tr::tr("an object");
    case QJsonValue::Undefined: return QStringLiteral("nothing");
    }
    return {};
}

class RestPageJob : public PageJob
{
public:
    RestPageJob(JobContext ctx, const PageRequest &request, QObject *parent)
        : PageJob(parent), m_ctx(std::move(ctx)), m_request(request)
    {
        m_inFlight.fail = [this](const Error &e) { finish(withContext(m_ctx, e)); };
        // Changes since a cursor are what a schedule waits for; a walk from the beginning, a full
        // walk or an id scan (backfill, reconcile, verify) can go after them.
        const bool recent = request.mode == PageRequest::Mode::Incremental && !request.since.isEmpty();
        m_inFlight.priority = recent ? RequestPriority::Normal : RequestPriority::Background;
    }

    void start() override
    {
        if (m_started)
            return;
        m_started = true;
        Error e;
        m_url = firstUrl(&e);
        if (e) {
            fail(e);
            return;
        }
        // The count request: once per walk, on its first page, for walks that go through the
        // collection (not id scans). Its failure costs the walk nothing but the total.
        const RestTotalRequest &tr = m_ctx.entity.pagination.totalRequest;
        if (tr.enabled && m_request.token.isEmpty() && m_request.mode != PageRequest::Mode::Ids) {
            const QUrl countUrl = this->countUrl(&e);
            if (!e) {
                sendCount(countUrl);
                return;
            }
            qCWarning(lcRestSource).noquote() << m_ctx.prefix << "no count request, so no total for this walk:" << e.message;
        }
        send();
    }

    void abort() override
    {
        if (!isFinished())
            finish(abortRequest(m_inFlight, this, m_ctx));
    }

    // The request in flight (the count request first, when there is one), or between two
    // attempts the page's URL.
    Activity activity() const override
    {
        Activity a;
        a.retries = m_page.retries;
        if (m_inFlight.http) {
            a.url = m_inFlight.http->displayUrl();
            a.retries += m_inFlight.http->retries();
        } else if (m_url.isValid()) {
            a.url = HttpClient::redactedUrl(m_url);
        }
        return a;
    }

private:
    using Style = RestPagination::Style;

    PageRequest::Mode effectiveMode() const
    {
        const RestEntity &e = m_ctx.entity;
        if (m_request.mode == PageRequest::Mode::Incremental && !e.incremental.enabled)
            return PageRequest::Mode::Full;
        if (m_request.mode == PageRequest::Mode::Ids && !e.idScan)
            return PageRequest::Mode::Full;
        return m_request.mode;
    }

    // Queued so that finished() never fires inside start(), before the caller's connect runs.
    void fail(const Error &e)
    {
        QTimer::singleShot(0, this, [this, e] { finish(withContext(m_ctx, e)); });
    }

    // The parameters of the walk's mode and its incremental filter, without pagination.
    bool addModeParams(QUrlQuery *query, Error *error) const
    {
        const RestEntity &e = m_ctx.entity;
        QUrlQuery &q = *query;
        switch (effectiveMode()) {
        case PageRequest::Mode::Incremental:
            addItems(q, e.incremental.params);
            if (!m_request.since.isEmpty()) {
                QString why;
                const QString value = RestConfig::formatFilterValue(m_request.since, e.incremental.format, &why);
                if (value.isEmpty()) {
                    *error = Error(Error::Code::Config, why);
                    return false;
                }
                setItem(q, e.incremental.param, value);
            }
            break;
        case PageRequest::Mode::Full:
            addItems(q, e.fullParams);
            break;
        case PageRequest::Mode::Ids:
            addItems(q, e.idScanParams);
            break;
        }
        return true;
    }

    // The lower bound the change filter sends, as an ISO-8601 time (Page::filterFrom): the
    // filter's own value read back, so that a format that rounds down (a date) is compared as
    // the server compares it. Empty when no filter is sent or its value is not a time.
    QString filterBound(Error *error) const
    {
        const RestIncremental &inc = m_ctx.entity.incremental;
        if (effectiveMode() != PageRequest::Mode::Incremental || m_request.since.isEmpty())
            return {};
        QString why;
        const QString sent = RestConfig::formatFilterValue(m_request.since, inc.format, &why);
        if (sent.isEmpty()) {
            *error = Error(Error::Code::Config, why);
            return {};
        }
        QDateTime at;
        switch (inc.format) {
        case RestIncremental::Format::Iso8601:
            return sent;
        case RestIncremental::Format::UnixMs:
            at = QDateTime::fromMSecsSinceEpoch(sent.toLongLong(), Qt::UTC);
            break;
        case RestIncremental::Format::Date:
            at = QDateTime(QDate::fromString(sent, Qt::ISODate), QTime(0, 0), Qt::UTC);
            break;
        case RestIncremental::Format::Iso8601Seconds:
        case RestIncremental::Format::Unix:
            if (!parseTimestamp(QJsonValue(sent), &at))
                return {};
            break;
        }
        return at.isValid() ? at.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'Z'")) : QString();
    }

    // The count request: the walk's mode parameters and filter, none of its pagination
    // parameters, and total_request.params.
    QUrl countUrl(Error *error) const
    {
        RestSource *src = m_ctx.source;
        if (!src) {
            *error = Error(Error::Code::Internal, Tr::tr("the source is gone"));
            return {};
        }
        const RestPagination &p = m_ctx.entity.pagination;
        QUrl url = src->entityUrl(m_ctx.entity.name);
        QUrlQuery q(url);
        if (!addModeParams(&q, error))
            return {};
        const QStringList walkParams = p.walkParams();
        for (const QString &name : walkParams)
            q.removeAllQueryItems(name);
        addItems(q, p.totalRequest.params);
        url.setQuery(encodeQuery(q), QUrl::StrictMode);
        return url;
    }

    QUrl firstUrl(Error *error)
    {
        RestSource *src = m_ctx.source;
        *error = sourceProblem(src);
        if (*error)
            return {};
        const RestEntity &e = m_ctx.entity;
        const RestPagination &p = e.pagination;
        const QString &token = m_request.token;

        m_page.filterFrom = filterBound(error);
        if (*error)
            return {};
        if (!token.isEmpty() && (p.style == Style::NextUrl || p.style == Style::LinkHeader)) {
            const QUrl next(token, QUrl::StrictMode);
            if (!next.isValid() || !src->isSameOrigin(next)) {
                *error = Error(Error::Code::Config, Tr::tr("refusing to follow the continuation URL %1: it is not on %2 "
                                                                   "(credentials are only sent to base_url's origin)")
                                                        .arg(HttpClient::redactedUrl(next), HttpClient::redactedUrl(src->config().baseUrl)));
                return {};
            }
            return next;
        }

        QUrl url = src->entityUrl(e.name);
        QUrlQuery q(url);
        if (!addModeParams(&q, error))
            return {};

        if (p.pageSize > 0) {
            const QString sizeParam = p.style == Style::Offset ? p.limitParam : p.pageSizeParam;
            if (!sizeParam.isEmpty())
                setItem(q, sizeParam, QString::number(p.pageSize));
        }
        bool ok = true;
        switch (p.style) {
        case Style::Page:
            m_position = token.isEmpty() ? p.firstPage : token.toLongLong(&ok);
            setItem(q, p.pageParam, QString::number(m_position));
            break;
        case Style::Offset:
            m_position = token.isEmpty() ? 0 : token.toLongLong(&ok);
            setItem(q, p.offsetParam, QString::number(m_position));
            break;
        case Style::Cursor:
            if (!token.isEmpty())
                setItem(q, p.cursorParam, token);
            else if (p.sendFirstCursor)
                setItem(q, p.cursorParam, p.firstCursor);
            break;
        case Style::NextUrl:
        case Style::LinkHeader:
        case Style::None:
            break;
        }
        if (!ok) {
            *error = Error(Error::Code::Internal,
                           Tr::tr("continuation token \"%1\" is not a number (pagination style %2)")
                               .arg(token, RestPagination::styleName(p.style)));
            return {};
        }
        url.setQuery(encodeQuery(q), QUrl::StrictMode);
        return url;
    }

    void send()
    {
        RestSource *src = m_ctx.source;
        if (!src || isFinished()) {
            finish(withContext(m_ctx, Error(Error::Code::Internal, Tr::tr("the source is gone"))));
            return;
        }
        m_inFlight.get(this, src, m_url, &RestPageJob::onHttpFinished);
    }

    // Through the same client as the pages: the same credentials, retries, pacing and limits.
    void sendCount(const QUrl &url)
    {
        RestSource *src = m_ctx.source;
        m_inFlight.get(this, src, url, &RestPageJob::onCountFinished);
    }

    void onCountFinished(HttpJob *http)
    {
        m_inFlight.http = nullptr;
        m_page.retries += http->retries();
        // Refused credentials are not a counting problem: the walk would be refused too, so stop
        // now with the one clear message instead of asking again.
        if (http->error().code == Error::Code::Auth) {
            finish(withContext(m_ctx, http->error()));
            return;
        }
        QString why;
        const qint64 total = readCount(http, &why);
        if (total >= 0) {
            m_countTotal = total;
            qCDebug(lcRestSource).noquote() << m_ctx.prefix << "GET" << http->displayUrl() << "-> total" << total;
            if (m_request.countOnly) {
                m_page.total = total;
                m_page.url = http->displayUrl();
                finish();
                return;
            }
        } else {
            qCWarning(lcRestSource).noquote() << m_ctx.prefix << QStringLiteral("count request GET %1 failed: %2; walking on "
                                                                                "without a total")
                                                                     .arg(http->displayUrl(), why);
        }
        send();
    }

    // The total in a count response, or -1 with *why saying what was wrong.
    qint64 readCount(HttpJob *http, QString *why) const
    {
        const RestTotalRequest &tr = m_ctx.entity.pagination.totalRequest;
        if (http->hasError()) {
            *why = http->error().message;
            return -1;
        }
        qint64 total = -1;
        if (!tr.totalHeader.isEmpty()) {
            const QByteArray value = http->header(tr.totalHeader.toLatin1()).trimmed();
            if (value.isEmpty())
                *why = Tr::tr("no %1 header in the response (total_request.total_header)").arg(tr.totalHeader);
            else if (!parseCount(QString::fromLatin1(value), &total))
                *why = Tr::tr("the %1 header \"%2\" is not a whole number (total_request.total_header)")
                           .arg(tr.totalHeader, QString::fromLatin1(value.left(40)));
            return total;
        }
        Error e;
        const QJsonDocument doc = parseBody(http->body(), getRequest(http->displayUrl()), &e);
        if (e) {
            *why = e.message;
            return -1;
        }
        bool found = false;
        const QJsonValue v = JsonPath::value(docRoot(doc), tr.totalPath, &found);
        if (!found)
            *why = Tr::tr("no \"%1\" in the response (total_request.total_path)").arg(tr.totalPath);
        else if (!parseCount(v, &total))
            *why = QStringLiteral("\"%1\" is %2, not a whole number (total_request.total_path)").arg(tr.totalPath, describe(v));
        return total;
    }

    void onHttpFinished(HttpJob *http)
    {
        m_inFlight.http = nullptr;
        m_page.retries += http->retries();
        m_page.url = http->displayUrl();
        m_page.serverTime = http->serverTime();
        if (http->hasError()) {
            finish(withContext(m_ctx, http->error()));
            return;
        }
        Error e;
        m_malformed = false;
        if (parse(http, &e)) {
            qCDebug(lcRestSource).noquote() << m_ctx.prefix << m_page.url << "->" << m_page.records.size() << "records"
                                            << (m_page.nextToken.isEmpty() ? "(last page)" : "");
            finish();
            return;
        }
        if (m_malformed) {
            const int delay = m_inFlight.retryLater(this, m_ctx.source, &RestPageJob::send);
            if (delay >= 0) {
                ++m_page.retries;
                qCInfo(lcRestSource).noquote() << m_ctx.prefix << e.message << "- asking again in" << delay << "ms";
                return;
            }
        }
        if (m_malformed && m_inFlight.parseRetries > 0)
            e.message += Tr::tr(" (after %n retries)", nullptr, m_inFlight.parseRetries);
        finish(withContext(m_ctx, e));
    }

    // This page's URL with page_param one higher (first_page + 1 when it has none).
    QUrl nextPageUrl() const
    {
        const RestPagination &p = m_ctx.entity.pagination;
        QUrlQuery q(m_url);
        bool ok = false;
        const qint64 current = q.queryItemValue(p.pageParam).toLongLong(&ok);
        setItem(q, p.pageParam, QString::number((ok ? current : p.firstPage) + 1));
        QUrl next = m_url;
        next.setQuery(encodeQuery(q), QUrl::StrictMode);
        return next;
    }

    bool parse(HttpJob *http, Error *error)
    {
        const RestEntity &e = m_ctx.entity;
        const RestPagination &p = e.pagination;
        const QString url = http->displayUrl();
        const QJsonDocument doc = parseBody(http->body(), getRequest(url), error);
        if (*error) {
            m_malformed = true;
            return false;
        }
        const QJsonValue root = docRoot(doc);

        bool found = false;
        const QJsonValue recordsValue = JsonPath::value(root, e.recordsPath, &found);
        if (!found) {
            *error = Error(Error::Code::Parse, Tr::tr("GET %1: no \"%2\" in the response (records_path)").arg(url, e.recordsPath));
            return false;
        }
        if (!recordsValue.isArray()) {
            *error = Error(Error::Code::Parse,
                           e.recordsPath.isEmpty()
                               ? Tr::tr("GET %1: expected the body to be a JSON array of records (records_path is empty)").arg(url)
                               : Tr::tr("GET %1: expected an array of records at \"%2\" (records_path)").arg(url, e.recordsPath));
            return false;
        }
        // An element that is not an object is one bad record, not a bad page: the applier holds it
        // in quarantine and applies the rest (failing the page would fail every run for good).
        const QJsonArray records = recordsValue.toArray();

        // A total that is not a whole number is no total: as 0 it would end a page walk early.
        qint64 total = -1;
        if (!p.totalPath.isEmpty()) {
            if (!parseCount(JsonPath::value(root, p.totalPath), &total))
                total = -1;
        } else if (!p.totalHeader.isEmpty()) {
            if (!parseCount(QString::fromLatin1(http->header(p.totalHeader.toLatin1()).trimmed()), &total))
                total = -1;
        }

        QString next;
        bool guessed = false;
        const qsizetype n = records.size();
        // Page numbers and offsets carry no word of their own on the end: it comes from the last
        // page number, the total, or an empty page. A page shorter than asked proves nothing (an
        // API that caps its page size sends them long before its end), and a full page that
        // reaches the total is asked past once (a total can be wrong): the walk then ends on the
        // empty page that follows. Continuations nothing in the answer vouched for are guesses.
        const bool shortPage = p.pageSize > 0 && n < p.pageSize;
        switch (p.style) {
        case Style::Page: {
            bool last = n == 0;
            bool stated = false;
            if (!last && !p.lastPagePath.isEmpty()) {
                const QJsonValue lp = JsonPath::value(root, p.lastPagePath);
                if (lp.isDouble() || lp.isString()) {
                    last = m_position >= (lp.isDouble() ? qint64(lp.toDouble()) : lp.toString().toLongLong());
                    stated = true;
                }
            }
            if (!last && !stated && total >= 0) {
                // The pages before this one held at least as many records as this one: the
                // server's own page size, which may be smaller than page_size.
                const qint64 before = m_position - p.firstPage;
                if (shortPage && (before + 1) * n >= total)
                    last = true;
                else if (before * qMax<qint64>(p.pageSize, n) + n < total)
                    stated = true;
            }
            if (!last) {
                next = QString::number(m_position + 1);
                guessed = !stated;
            }
            break;
        }
        case Style::Offset: {
            bool last = n == 0;
            bool stated = false;
            if (!last && total >= 0) {
                if (shortPage && m_position + n >= total)
                    last = true;
                else if (m_position + n < total)
                    stated = true;
            }
            if (!last) {
                next = QString::number(m_position + n);
                guessed = !stated;
            }
            break;
        }
        case Style::Cursor: {
            bool present = false;
            const QJsonValue c = JsonPath::value(root, p.nextCursorPath, &present);
            if (!present && p.pageSize > 0 && n >= p.pageSize) {
                // A full page without any cursor field is a misread response, not the end: stopping
                // here would silently lose the rest of the collection.
                *error = Error(Error::Code::Parse, Tr::tr("GET %1: a full page but no \"%2\" in the response "
                                                                  "(next_cursor_path)")
                                                       .arg(url, p.nextCursorPath));
                return false;
            }
            if (c.isString())
                next = c.toString();
            else if (c.isDouble())
                next = QString::number(c.toDouble(), 'g', 17);
            if (!next.isEmpty() && next == m_request.token) {
                *error = Error(Error::Code::Parse, Tr::tr("GET %1: the server returned the same cursor again at \"%2\"; "
                                                                  "stopping to avoid an endless walk. Check rest.pagination.cursor_param "
                                                                  "(\"%3\"): the API may not read it")
                                                       .arg(url, p.nextCursorPath, p.cursorParam));
                return false;
            }
            break;
        }
        case Style::NextUrl:
        case Style::LinkHeader: {
            QUrl nextUrl;
            if (p.style == Style::NextUrl) {
                bool present = false;
                const QJsonValue v = JsonPath::value(root, p.nextUrlPath, &present);
                if (!present && p.pageSize > 0 && n >= p.pageSize) {
                    *error = Error(Error::Code::Parse, Tr::tr("GET %1: a full page but no \"%2\" in the response "
                                                                      "(next_url_path)")
                                                           .arg(url, p.nextUrlPath));
                    return false;
                }
                if (v.isString() && !v.toString().isEmpty())
                    nextUrl = m_url.resolved(QUrl(v.toString()));
            } else {
                const QByteArray link = http->header("Link");
                nextUrl = LinkHeader::find(link, QStringLiteral("next"), m_url);
                if (link.trimmed().isEmpty() && n > 0) {
                    // No Link header at all is no word on the end: some APIs send it only when
                    // the page parameter is in the request. Ask for the next page by number; an
                    // API whose collection fits one page answers it empty.
                    nextUrl = nextPageUrl();
                    guessed = true;
                }
            }
            if (nextUrl.isEmpty())
                break;
            if (!nextUrl.isValid() || !m_ctx.source || !m_ctx.source->isSameOrigin(nextUrl)) {
                *error = Error(Error::Code::Http,
                               Tr::tr("GET %1: the next page is on another origin (%2); refusing to send credentials "
                                              "anywhere but base_url's scheme, host and port")
                                   .arg(url, HttpClient::redactedUrl(nextUrl)));
                return false;
            }
            if (nextUrl == m_url) {
                *error = Error(Error::Code::Parse,
                               Tr::tr("GET %1: the next page link points at this same page; stopping to avoid an endless walk").arg(url));
                return false;
            }
            next = nextUrl.toString(QUrl::FullyEncoded);
            break;
        }
        case Style::None:
            break;
        }

        m_page.records = records;
        m_page.nextToken = next;
        m_page.guessed = guessed && !next.isEmpty();
        // The count request's total only fills in: it can be older than the page's own, and it
        // never decides where a walk stops.
        m_page.total = total >= 0 ? total : m_countTotal;
        return true;
    }

    JobContext m_ctx;
    PageRequest m_request;
    QUrl m_url;
    qint64 m_position = 0; // page number or offset of this page
    qint64 m_countTotal = -1; // from the count request, -1 when none was made or it failed
    RequestSlot m_inFlight;
    bool m_malformed = false; // only a body that does not parse is worth asking for again
    bool m_started = false;
};

class RestRecordJob : public RecordJob
{
public:
    RestRecordJob(JobContext ctx, const QString &externalId, QObject *parent)
        : RecordJob(parent), m_ctx(std::move(ctx)), m_id(externalId)
    {
        m_inFlight.fail = [this](const Error &e) { finish(withContext(m_ctx, e)); };
        // A record asked for by id: a webhook's hint, a write's read, a missing reference.
        m_inFlight.priority = RequestPriority::Urgent;
    }

    void start() override
    {
        if (m_started)
            return;
        m_started = true;
        RestSource *src = m_ctx.source;
        Error e = sourceProblem(src);
        if (!e && m_id.isEmpty())
            e = Error(Error::Code::Internal, Tr::tr("cannot fetch a record without an id"));
        if (e) {
            QTimer::singleShot(0, this, [this, e] { finish(withContext(m_ctx, e)); });
            return;
        }
        m_url = src->entityUrl(m_ctx.entity.name, RestConfig::idPlaceholder(), m_id);
        send();
    }

    void abort() override
    {
        if (!isFinished())
            finish(abortRequest(m_inFlight, this, m_ctx));
    }

private:
    void send()
    {
        RestSource *src = m_ctx.source;
        if (!src || isFinished()) {
            finish(withContext(m_ctx, Error(Error::Code::Internal, Tr::tr("the source is gone"))));
            return;
        }
        m_inFlight.get(this, src, m_url, &RestRecordJob::onHttpFinished);
    }

    void onHttpFinished(HttpJob *http)
    {
        m_inFlight.http = nullptr;
        m_serverTime = http->serverTime();
        if (http->status() == 404) {
            m_notFound = true;
            finish();
            return;
        }
        if (http->hasError()) {
            finish(withContext(m_ctx, Error(http->error().code,
                                            http->error().message + Tr::tr(" (record %1)").arg(m_id),
                                            http->error().detail)));
            return;
        }
        const QString request = getRequest(http->displayUrl());
        Error e;
        const QJsonDocument doc = parseBody(http->body(), request, &e);
        if (e && m_inFlight.retryLater(this, m_ctx.source, &RestRecordJob::send) >= 0)
            return;
        if (!e)
            m_record = recordAt(doc, m_ctx.entity.recordPath, request, &e);
        finish(e ? withContext(m_ctx, e) : Error());
    }

    JobContext m_ctx;
    QString m_id;
    QUrl m_url;
    RequestSlot m_inFlight;
    bool m_started = false;
};

// The source's reason for refusing a write, for people: the body's "message", then each field's
// messages ("email: The email has already been taken."), the way Laravel-style APIs word a 422.
// Masked and capped like the other messages made of an answer.
QString refusalText(const QByteArray &body, int status)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    QStringList parts;
    const QString message = o.value(QLatin1String("message")).toString();
    bool repeated = false; // Laravel's message is its first field message (and "N more errors")
    const QJsonObject fields = o.value(QLatin1String("errors")).toObject();
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const QJsonArray messages = it->isArray() ? it->toArray() : QJsonArray{*it};
        for (const QJsonValue &m : messages) {
            if (!m.isString())
                continue;
            parts << it.key() + QStringLiteral(": ") + m.toString();
            repeated = repeated || (!m.toString().isEmpty() && message.startsWith(m.toString()));
        }
    }
    if (!message.isEmpty() && !repeated)
        parts.prepend(message);
    if (parts.isEmpty())
        parts << (body.trimmed().isEmpty() ? QStringLiteral("HTTP %1").arg(status) : QString::fromUtf8(body));
    return Redaction::snippet(parts.join(QStringLiteral("; ")).toUtf8(), 400);
}

// One write-back request (rest.write): the method and URL of its operation, the source's
// credentials and headers plus the conditional, idempotency and origin headers; retried as reads
// are, except what must not be sent twice; the answer read as an outcome.
class RestWriteJob : public WriteJob
{
public:
    RestWriteJob(JobContext ctx, WriteRequest request, QObject *parent)
        : WriteJob(parent), m_ctx(std::move(ctx)), m_request(std::move(request))
    {
        m_inFlight.fail = [this](const Error &e) { finish(withContext(m_ctx, e)); };
    }

    void start() override
    {
        if (m_started)
            return;
        m_started = true;
        Error e;
        const QNetworkRequest request = makeRequest(&e);
        if (e) {
            QTimer::singleShot(0, this, [this, e] { finish(withContext(m_ctx, e)); });
            return;
        }
        m_inFlight.send(this, m_ctx.source.data(), m_verb, request, body(), &RestWriteJob::onHttpFinished, resendable());
    }

    void abort() override
    {
        if (!isFinished())
            finish(abortRequest(m_inFlight, this, m_ctx));
    }

    Activity activity() const override
    {
        Activity a;
        if (m_inFlight.http) {
            a.url = m_inFlight.http->displayUrl();
            a.retries = m_inFlight.http->retries();
        }
        return a;
    }

private:
    using Op = WriteRequest::Op;

    const RestWrite::Request &target() const
    {
        const RestWrite &w = m_ctx.entity.write;
        switch (m_request.op) {
        case Op::Create: return w.create;
        case Op::Update: return w.update;
        case Op::Delete: return w.remove;
        }
        return w.update;
    }

    bool hasIdempotencyKey() const
    {
        return m_request.op == Op::Create && !m_ctx.entity.write.idempotencyHeader.isEmpty()
            && !m_request.idempotencyKey.isEmpty();
    }

    // A create without an idempotency key is never sent a second time once it may have reached
    // the server: after a lost answer the record may exist already, and a second POST would make
    // another. The core gives every create a key and keeps an operation whose outcome is unknown,
    // to send it again with the same key, which an API with an idempotency header answers with
    // the first record. So this only bites an API without one (idempotency_header ""): there the
    // job fails saying the record may or may not exist, and nothing resends it on its own.
    bool resendable() const { return m_request.op != Op::Create || hasIdempotencyKey(); }

    QNetworkRequest makeRequest(Error *error)
    {
        RestSource *src = m_ctx.source;
        *error = sourceProblem(src);
        if (*error)
            return {};
        if (m_request.op != Op::Create && m_request.externalId.isEmpty()) {
            *error = Error(Error::Code::Internal, Tr::tr("cannot update or delete a record without its external id"));
            return {};
        }
        const RestWrite &w = m_ctx.entity.write;
        m_verb = target().method.toLatin1();
        QNetworkRequest request = src->makeRequest(src->entityUrl(m_ctx.entity.name, target().path, m_request.externalId));
        if (m_request.op != Op::Delete)
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QList<QPair<QString, QString>> headers;
        if (m_request.op != Op::Create && !w.conditionalHeader.isEmpty() && !m_request.unmodifiedSince.isEmpty())
            headers.append({w.conditionalHeader, m_request.unmodifiedSince});
        if (hasIdempotencyKey())
            headers.append({w.idempotencyHeader, m_request.idempotencyKey});
        if (!w.originHeader.isEmpty())
            headers.append({w.originHeader, w.origin});
        for (const auto &[name, value] : std::as_const(headers)) {
            // The values come from records and the core: a line break would start another header.
            if (!ConfigReader::isHeaderValue(value)) {
                *error = Error(Error::Code::Record, Tr::tr("the value for the %1 header contains a line break or another "
                                                           "control character, which cannot be sent in a header")
                                                        .arg(name));
                return {};
            }
            request.setRawHeader(name.toLatin1(), value.toUtf8());
        }
        return request;
    }

    QByteArray body() const
    {
        if (m_request.op == Op::Delete)
            return {};
        const QJsonValue wrapped = JsonPath::wrapped(m_ctx.entity.write.bodyPath, m_request.record);
        return QJsonDocument(wrapped.toObject()).toJson(QJsonDocument::Compact);
    }

    // The record an answer carries at record_path; an empty body is an empty record.
    QJsonObject answerRecord(HttpJob *http, Error *error) const
    {
        if (http->body().trimmed().isEmpty())
            return {};
        const QString request = QString::fromLatin1(m_verb) + QLatin1Char(' ') + http->displayUrl();
        const QJsonDocument doc = parseBody(http->body(), request, error);
        return *error ? QJsonObject() : recordAt(doc, m_ctx.entity.recordPath, request, error);
    }

    void onHttpFinished(HttpJob *http)
    {
        m_inFlight.http = nullptr;
        m_status = http->status();
        Error e;
        switch (m_status) {
        case 404:
            m_outcome = Outcome::NotFound;
            finish();
            return;
        case 412:
            m_outcome = Outcome::Changed;
            m_record = answerRecord(http, &e); // the current record when the answer has one
            finish();
            return;
        case 400:
        case 403:
        case 409:
        case 422:
            m_outcome = Outcome::Refused;
            m_refusal = refusalText(http->body(), m_status);
            finish();
            return;
        default:
            break;
        }
        if (http->hasError()) {
            e = http->error();
            if (http->deliveryUncertain() && !resendable())
                e.message += Tr::tr("; the record may or may not have been created: not sent again, since without an "
                                    "idempotency key (rest.write.idempotency_header) a second %1 could create it twice")
                                 .arg(QString::fromLatin1(m_verb));
            finish(withContext(m_ctx, e));
            return;
        }
        m_outcome = Outcome::Done;
        m_replayed = http->header("Idempotent-Replayed").trimmed().compare("true", Qt::CaseInsensitive) == 0;
        m_record = answerRecord(http, &e);
        // Not asked again: the write is done, and a second one would be refused as changed or
        // create another record. A create must say which record it made (the core links it).
        if (e && m_request.op == Op::Create) {
            e.message += Tr::tr(" (the record was created, HTTP %1, but the answer does not say which it is)").arg(m_status);
            finish(withContext(m_ctx, e));
            return;
        }
        if (e)
            qCWarning(lcRestSource).noquote() << m_ctx.prefix + e.message << "- the write was done; no record in the answer";
        finish();
    }

    JobContext m_ctx;
    WriteRequest m_request;
    QByteArray m_verb;
    RequestSlot m_inFlight;
    bool m_started = false;
};

// Jobs asked for something the configuration does not have still finish the usual way.
class FailedPageJob : public PageJob
{
public:
    FailedPageJob(Error e, QObject *parent) : PageJob(parent), m_pending(std::move(e)) {}
    void start() override { QTimer::singleShot(0, this, [this] { finish(m_pending); }); }
    void abort() override { finish(Error(Error::Code::Aborted, QStringLiteral("aborted"))); }

private:
    Error m_pending;
};

class FailedRecordJob : public RecordJob
{
public:
    FailedRecordJob(Error e, QObject *parent) : RecordJob(parent), m_pending(std::move(e)) {}
    void start() override { QTimer::singleShot(0, this, [this] { finish(m_pending); }); }
    void abort() override { finish(Error(Error::Code::Aborted, QStringLiteral("aborted"))); }

private:
    Error m_pending;
};

} // namespace

RestSource::RestSource(const SourceConfig &config, QNetworkAccessManager *nam, QObject *parent)
    : Source(parent), m_sourceConfig(config)
{
    QStringList errors;
    if (!RestConfig::parse(config, &m_config, &errors, false)) {
        m_config.sourceName = config.name;
        m_setupError = Error(Error::Code::Config,
                             Tr::tr("source %1: invalid configuration: %2").arg(config.name, errors.join(QStringLiteral("; "))));
    }
    if (!nam)
        nam = new QNetworkAccessManager(this);
    m_client = new HttpClient(nam, m_config.policy, this);
    m_client->setBudgetName(m_config.budget);
    connect(m_client, &HttpClient::retrying, this, &Source::retrying);
    if (!m_setupError)
        resolveCredentials();
}

RestSource::~RestSource() = default;

void RestSource::resolveCredentials()
{
    const RestAuth &a = m_config.auth;
    const QString authPath = QStringLiteral("sources.%1.rest.auth").arg(m_config.sourceName);
    auto resolve = [&](const SecretRef &ref, const QString &key, QString *value) {
        QString why;
        *value = ref.resolve(m_config.baseDir, &why);
        if (value->isNull()) {
            m_setupError = Error(Error::Code::Config,
                                 Tr::tr("cannot read the credential %1.%2: %3").arg(authPath, key, why));
            return false;
        }
        return true;
    };
    // A credential sent as it is: a line break in it would end its header and start another one.
    auto sendable = [&](const QString &key, const QString &value) {
        if (ConfigReader::isHeaderValue(value))
            return true;
        m_setupError = Error(Error::Code::Config,
                             Tr::tr("the credential %1.%2 contains a line break or another control "
                                            "character, which cannot be sent in a header")
                                 .arg(authPath, key));
        return false;
    };
    switch (a.type) {
    case RestAuth::Type::None:
        break;
    case RestAuth::Type::Bearer: {
        QString token;
        if (!resolve(a.token, QStringLiteral("token"), &token) || !sendable(QStringLiteral("token"), token))
            return;
        m_authHeaderName = "Authorization";
        m_authHeaderValue = "Bearer " + token.toUtf8();
        m_credentialHint = Tr::tr("the bearer token (%1)").arg(secretHint(a.token));
        break;
    }
    case RestAuth::Type::Basic: {
        QString user = a.username;
        QString password;
        if (a.usernameRef.isSet() && !resolve(a.usernameRef, QStringLiteral("username"), &user))
            return;
        if (!resolve(a.password, QStringLiteral("password"), &password))
            return;
        m_authHeaderName = "Authorization";
        const QByteArray credentials = (user + QLatin1Char(':') + password).toUtf8();
        m_authHeaderValue = "Basic " + credentials.toBase64();
        // What a server would echo is the encoded pair, not the password: masked as well.
        Redaction::addSecret(QString::fromLatin1(credentials.toBase64()));
        m_credentialHint = Tr::tr("the user name and password (%1)").arg(secretHint(a.password));
        break;
    }
    case RestAuth::Type::ApiKey: {
        QString key;
        if (!resolve(a.key, QStringLiteral("key"), &key) || !sendable(QStringLiteral("key"), key))
            return;
        m_authHeaderName = a.header.toLatin1();
        m_authHeaderValue = key.toUtf8();
        m_credentialHint = Tr::tr("the API key sent as %1 (%2)").arg(a.header, secretHint(a.key));
        break;
    }
    case RestAuth::Type::OAuth2: {
        const RestOAuth &o = a.oauth;
        OAuthToken::Credentials c;
        c.clientId = o.clientId;
        if (o.clientIdRef.isSet() && !resolve(o.clientIdRef, QStringLiteral("client_id"), &c.clientId))
            return;
        if (o.clientSecret.isSet() && !resolve(o.clientSecret, QStringLiteral("client_secret"), &c.clientSecret))
            return;
        if (o.refreshToken.isSet() && !resolve(o.refreshToken, QStringLiteral("refresh_token"), &c.refreshToken))
            return;
        c.clientSecretHint = secretHint(o.clientSecret);
        c.clientSecretRenew = renewHint(o.clientSecret);
        c.refreshTokenHint = secretHint(o.refreshToken);
        c.refreshTokenRenew = renewHint(o.refreshToken);
        m_oauth = new OAuthToken(m_config.sourceName, o, c, m_client, this);
        m_credentialHint = m_oauth->credentialHint();
        break;
    }
    }
}

void RestSource::registerType()
{
    SourceRegistry::registerType(
        QStringLiteral("rest"), &RestSource::validate,
        [](const SourceConfig &config, QNetworkAccessManager *nam) -> std::unique_ptr<Source> {
            return std::make_unique<RestSource>(config, nam);
        });
    SourceRegistry::registerEntityKeys(QStringLiteral("rest"), RestConfig::entityKeys());
}

QStringList RestSource::validate(const SourceConfig &config)
{
    QStringList errors;
    // Unknown entity keys are the loader's job (it knows our keys through registerEntityKeys).
    RestConfig::parse(config, nullptr, &errors, false);
    return errors;
}

QString RestSource::name() const
{
    return m_sourceConfig.name;
}

QString RestSource::predictToken(const PageRequest &request, const QString &token) const
{
    auto it = m_config.entities.constFind(request.entity);
    if (it == m_config.entities.constEnd())
        return {};
    const RestPagination &p = it->pagination;
    bool ok = true;
    switch (p.style) {
    case RestPagination::Style::Page: {
        const qint64 page = token.isEmpty() ? p.firstPage : token.toLongLong(&ok);
        return ok ? QString::number(page + 1) : QString();
    }
    case RestPagination::Style::Offset: {
        const qint64 offset = token.isEmpty() ? 0 : token.toLongLong(&ok);
        return ok && p.pageSize > 0 ? QString::number(offset + p.pageSize) : QString();
    }
    default:
        return {};
    }
}

int RestSource::pageConcurrency(const QString &entity) const
{
    Q_UNUSED(entity);
    return m_config.concurrency;
}

EntityCapabilities RestSource::capabilities(const QString &entity) const
{
    EntityCapabilities caps;
    auto it = m_config.entities.constFind(entity);
    if (it == m_config.entities.constEnd())
        return caps;
    caps.incremental = it->incremental.enabled;
    caps.cursorField = it->incremental.field;
    caps.tieBreakById = it->incremental.enabled && it->incremental.tieBreakById;
    caps.idScan = it->idScan;
    caps.reportsTotal = !it->pagination.totalPath.isEmpty() || !it->pagination.totalHeader.isEmpty()
        || it->pagination.totalRequest.enabled;
    // Only a body cursor is taken for a keyset position; page numbers and offsets shift under
    // changes, and next URLs or Link headers are page numbers in disguise more often than not.
    caps.stablePagination = it->pagination.style == RestPagination::Style::Cursor;
    caps.pagination = RestPagination::styleName(it->pagination.style);
    const RestPagination &p = it->pagination;
    switch (p.style) {
    case RestPagination::Style::Page:
        caps.keys.continuation = QStringLiteral("rest.pagination.page_param (\"%1\")").arg(p.pageParam);
        break;
    case RestPagination::Style::Offset:
        caps.keys.continuation = QStringLiteral("rest.pagination.offset_param (\"%1\")").arg(p.offsetParam);
        break;
    case RestPagination::Style::Cursor:
        caps.keys.continuation = QStringLiteral("rest.pagination.cursor_param (\"%1\") and next_cursor_path (\"%2\")")
                                     .arg(p.cursorParam, p.nextCursorPath);
        break;
    case RestPagination::Style::NextUrl:
        caps.keys.continuation = QStringLiteral("rest.pagination.next_url_path (\"%1\")").arg(p.nextUrlPath);
        break;
    case RestPagination::Style::LinkHeader:
        caps.keys.continuation = QStringLiteral("rest.pagination.style (link_header) and page_param (\"%1\")").arg(p.pageParam);
        break;
    case RestPagination::Style::None:
        caps.keys.continuation = QStringLiteral("rest.pagination.style (none)");
        break;
    }
    if (it->incremental.enabled)
        caps.keys.filter = QStringLiteral("rest.incremental.param (\"%1\")").arg(it->incremental.param);
    if (!p.totalPath.isEmpty())
        caps.keys.total = QStringLiteral("rest.pagination.total_path (\"%1\")").arg(p.totalPath);
    else if (!p.totalHeader.isEmpty())
        caps.keys.total = QStringLiteral("rest.pagination.total_header (\"%1\")").arg(p.totalHeader);
    else if (p.totalRequest.enabled)
        caps.keys.total = QStringLiteral("rest.pagination.total_request");
    caps.keys.totalChoices = QStringLiteral("rest.pagination.total_path, total_header or total_request");
    caps.keys.idScan = QStringLiteral("rest.id_scan_params");
    return caps;
}

PageJob *RestSource::fetchPage(const PageRequest &request)
{
    auto it = m_config.entities.constFind(request.entity);
    if (it == m_config.entities.constEnd())
        return new FailedPageJob(Error(Error::Code::Config, Tr::tr("source %1 has no entity \"%2\"").arg(name(), request.entity)),
                                 this);
    JobContext ctx{this, *it, Tr::tr("source %1, entity %2").arg(name(), it->name) + QStringLiteral(": ")};
    return new RestPageJob(std::move(ctx), request, this);
}

RecordJob *RestSource::fetchRecord(const QString &entity, const QString &externalId)
{
    auto it = m_config.entities.constFind(entity);
    if (it == m_config.entities.constEnd())
        return new FailedRecordJob(Error(Error::Code::Config, Tr::tr("source %1 has no entity \"%2\"").arg(name(), entity)),
                                   this);
    JobContext ctx{this, *it, Tr::tr("source %1, entity %2").arg(name(), it->name) + QStringLiteral(": ")};
    return new RestRecordJob(std::move(ctx), externalId, this);
}

bool RestSource::canWrite(const QString &entity, WriteRequest::Op op, QString *why) const
{
    Q_UNUSED(op); // every operation has its request, configured or the default (rest.write)
    QString reason;
    const EntityConfig *ec = m_sourceConfig.entity(entity);
    if (!ec || (!m_setupError && !m_config.entities.contains(entity)))
        reason = Tr::tr("source %1 has no entity \"%2\"").arg(name(), entity);
    else if (!ec->writes())
        reason = Tr::tr("entity %1 only reads (direction \"%2\"): set sources.%3.entities.%1.direction, or the source's "
                        "direction, to \"out\" or \"both\"")
                     .arg(entity, ec->direction, name());
    else if (m_setupError)
        reason = m_setupError.message;
    if (why)
        *why = reason;
    return reason.isEmpty();
}

WriteJob *RestSource::write(const WriteRequest &request)
{
    QString why;
    if (!canWrite(request.entity, request.op, &why)) {
        qCWarning(lcRestSource).noquote() << why;
        return nullptr;
    }
    const RestEntity &e = m_config.entities[request.entity];
    JobContext ctx{this, e, Tr::tr("source %1, entity %2").arg(name(), e.name) + QStringLiteral(": ")};
    return new RestWriteJob(std::move(ctx), request, this);
}

QString RestSource::cursorValueFor(const QString &entity, const QDateTime &sourceTime) const
{
    Q_UNUSED(entity);
    if (!sourceTime.isValid())
        return {};
    return sourceTime.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'Z'"));
}

QUrl RestSource::entityUrl(const QString &entity) const
{
    auto it = m_config.entities.constFind(entity);
    if (it == m_config.entities.constEnd())
        return {};
    QUrl url = m_config.baseUrl;
    url.setPath(url.path() + it->endpoint);
    return url;
}

QUrl RestSource::entityUrl(const QString &entity, const QString &path, const QString &externalId) const
{
    QUrl url = entityUrl(entity);
    if (!url.isValid() || path.isEmpty())
        return url;
    if (path.startsWith(QLatin1Char('/')))
        url = m_config.baseUrl;
    QString encoded = url.path(QUrl::FullyEncoded);
    if (!path.startsWith(QLatin1Char('/')))
        encoded += QLatin1Char('/');
    // The id is text, never a number (ids above 2^53 stay exact), and one path segment: '/', '?',
    // '#' and spaces are percent-encoded; the path's own text keeps its slashes.
    QStringList parts = path.split(RestConfig::idPlaceholder());
    for (QString &part : parts)
        part = QString::fromLatin1(QUrl::toPercentEncoding(part, "/"));
    encoded += parts.join(QString::fromLatin1(QUrl::toPercentEncoding(externalId)));
    url.setPath(encoded, QUrl::StrictMode);
    return url;
}

bool RestSource::isSameOrigin(const QUrl &url) const
{
    const QUrl &base = m_config.baseUrl;
    return url.scheme().compare(base.scheme(), Qt::CaseInsensitive) == 0
        && url.host().compare(base.host(), Qt::CaseInsensitive) == 0 && defaultPort(url) == defaultPort(base);
}

QNetworkRequest RestSource::makeRequest(const QUrl &url) const
{
    QNetworkRequest req(url);
    req.setRawHeader("Accept", "application/json");
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Tributary/" "0.1"));
    for (const auto &h : m_config.headers)
        req.setRawHeader(h.first, h.second);
    if (!m_authHeaderName.isEmpty())
        req.setRawHeader(m_authHeaderName, m_authHeaderValue);
    return req;
}

} // namespace Tributary
