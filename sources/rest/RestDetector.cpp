#include "RestDetector.h"

#include "JsonPath.h"
#include "LinkHeader.h"
#include "net/HttpClient.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcRestDetector, "tributary.sources.rest.detect", QtInfoMsg)

namespace Tributary {

namespace {

using Items = QList<QPair<QString, QString>>;

// Where listings keep their records, in the order they are looked for.
const QStringList kRecordKeys = {QStringLiteral("data"),    QStringLiteral("items"),      QStringLiteral("results"),
                                 QStringLiteral("records"), QStringLiteral("entries"),    QStringLiteral("rows"),
                                 QStringLiteral("list"),    QStringLiteral("objects"),    QStringLiteral("hits"),
                                 QStringLiteral("values"),  QStringLiteral("value"),      QStringLiteral("collection"),
                                 QStringLiteral("content"), QStringLiteral("elements"),   QStringLiteral("resources")};
const QStringList kIdFields = {QStringLiteral("id"),   QStringLiteral("ID"),   QStringLiteral("Id"),  QStringLiteral("uuid"),
                               QStringLiteral("UUID"), QStringLiteral("_id"),  QStringLiteral("guid"), QStringLiteral("key"),
                               QStringLiteral("slug"), QStringLiteral("code")};
// Change-time fields, compared with case, '_' and '-' folded away.
const QStringList kChangeFields = {QStringLiteral("updatedat"),  QStringLiteral("modified"),     QStringLiteral("modifiedat"),
                                   QStringLiteral("lastmodified"), QStringLiteral("updated"),    QStringLiteral("datemodified"),
                                   QStringLiteral("changedat"),  QStringLiteral("changed"),      QStringLiteral("mtime"),
                                   QStringLiteral("updatedon"),  QStringLiteral("lastupdated"),  QStringLiteral("modifiedon"),
                                   QStringLiteral("lastmodifiedat"), QStringLiteral("updatetime"), QStringLiteral("modifiedtime"),
                                   QStringLiteral("lastchanged"), QStringLiteral("modificationdate")};
const QStringList kTotalKeys = {QStringLiteral("total"),        QStringLiteral("totalcount"),   QStringLiteral("count"),
                                QStringLiteral("totalitems"),   QStringLiteral("totalresults"), QStringLiteral("totalelements"),
                                QStringLiteral("totalrecords"), QStringLiteral("totalentries"), QStringLiteral("numfound"),
                                QStringLiteral("recordcount"),  QStringLiteral("totalsize")};
const QStringList kTotalHeaders = {QStringLiteral("X-Total-Count"), QStringLiteral("X-Total"), QStringLiteral("Total-Count"),
                                   QStringLiteral("X-Total-Items"), QStringLiteral("X-Pagination-Total-Count"),
                                   QStringLiteral("X-Total-Results")};
const QStringList kLastPageKeys = {QStringLiteral("lastpage"), QStringLiteral("totalpages"), QStringLiteral("pagecount"),
                                   QStringLiteral("numpages"), QStringLiteral("pages")};
const QStringList kPageParams = {QStringLiteral("page"),        QStringLiteral("pg"),     QStringLiteral("p"),
                                 QStringLiteral("page_number"), QStringLiteral("pageNumber"), QStringLiteral("pageNo"),
                                 QStringLiteral("page_no"),     QStringLiteral("page[number]")};
const QStringList kOffsetParams = {QStringLiteral("offset"), QStringLiteral("skip"), QStringLiteral("start"),
                                   QStringLiteral("from"), QStringLiteral("startIndex"), QStringLiteral("start_index")};
const QStringList kCursorParams = {QStringLiteral("cursor"),        QStringLiteral("after"),           QStringLiteral("next"),
                                   QStringLiteral("page_token"),    QStringLiteral("pageToken"),       QStringLiteral("next_cursor"),
                                   QStringLiteral("nextCursor"),    QStringLiteral("starting_after"),  QStringLiteral("continuation"),
                                   QStringLiteral("continuation_token"), QStringLiteral("next_page_token"), QStringLiteral("nextPageToken"),
                                   QStringLiteral("page[after]"),   QStringLiteral("token"),           QStringLiteral("from")};
const QStringList kSortParams = {QStringLiteral("sort"),    QStringLiteral("_sort"),  QStringLiteral("order_by"),
                                 QStringLiteral("sort_by"), QStringLiteral("orderBy"), QStringLiteral("sortBy"),
                                 QStringLiteral("ordering"), QStringLiteral("order")};

QStringList pageSizeParams(const QString &naming)
{
    if (naming == QLatin1String("camelCase"))
        return {QStringLiteral("pageSize"), QStringLiteral("perPage"), QStringLiteral("limit"), QStringLiteral("size"),
                QStringLiteral("per_page"), QStringLiteral("page_size"), QStringLiteral("count"), QStringLiteral("maxResults"),
                QStringLiteral("page[size]")};
    return {QStringLiteral("per_page"), QStringLiteral("limit"), QStringLiteral("page_size"), QStringLiteral("size"),
            QStringLiteral("count"), QStringLiteral("pageSize"), QStringLiteral("perPage"), QStringLiteral("max_results"),
            QStringLiteral("page[size]")};
}

// Change filters an API may call what it compares with the change field F.
QStringList filterParams(const QString &field)
{
    return {QStringLiteral("since"),          QStringLiteral("updated_since"),  QStringLiteral("modified_since"),
            QStringLiteral("changed_since"),  QStringLiteral("updatedSince"),   QStringLiteral("modifiedSince"),
            QStringLiteral("changedSince"),   field + QStringLiteral("_since"), field + QStringLiteral("Since"),
            field + QStringLiteral("_from"),  field + QStringLiteral("_gte"),   field + QStringLiteral("[gte]"),
            field + QStringLiteral("__gte"),  QStringLiteral("since_") + field, QStringLiteral("min_") + field,
            QStringLiteral("from")};
}

QString fold(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        if (c != QLatin1Char('_') && c != QLatin1Char('-'))
            out.append(c.toLower());
    }
    return out;
}

QString namingOf(const QStringList &names)
{
    static const QRegularExpression hump(QStringLiteral("[a-z0-9][A-Z]"));
    int snake = 0, camel = 0;
    for (const QString &n : names) {
        if (n.size() > 1 && n.mid(1).contains(QLatin1Char('_')))
            ++snake;
        if (hump.match(n).hasMatch())
            ++camel;
    }
    if (camel > snake)
        return QStringLiteral("camelCase");
    if (snake > 0)
        return QStringLiteral("snake_case");
    return {};
}

// "authorEmail" -> "author_email", "author.name" -> "author_name": a plain SQL identifier.
QString columnName(const QString &path)
{
    static const QRegularExpression hump(QStringLiteral("([a-z0-9])([A-Z])"));
    static const QRegularExpression other(QStringLiteral("[^a-z0-9_]+"));
    static const QRegularExpression repeated(QStringLiteral("_+"));
    QString c = path;
    c.replace(hump, QStringLiteral("\\1_\\2"));
    c = c.toLower();
    c.replace(other, QStringLiteral("_"));
    c.replace(repeated, QStringLiteral("_"));
    while (c.startsWith(QLatin1Char('_')))
        c.remove(0, 1);
    while (c.endsWith(QLatin1Char('_')))
        c.chop(1);
    if (c.isEmpty() || c.at(0).isDigit())
        c.prepend(QStringLiteral("f_"));
    return c.left(120);
}

QString encodeQuery(const Items &items)
{
    QStringList parts;
    for (const auto &item : items)
        parts.append(QString::fromLatin1(QUrl::toPercentEncoding(item.first)) + QLatin1Char('=')
                     + QString::fromLatin1(QUrl::toPercentEncoding(item.second)));
    return parts.join(QLatin1Char('&'));
}

// `url` with `extra` set (replacing parameters of the same name).
QUrl withParams(const QUrl &url, const Items &base, const Items &extra)
{
    Items items;
    for (const auto &b : base) {
        const bool replaced = std::any_of(extra.cbegin(), extra.cend(), [&b](const auto &e) { return e.first == b.first; });
        if (!replaced)
            items.append(b);
    }
    items += extra;
    QUrl u = url;
    u.setQuery(encodeQuery(items), QUrl::StrictMode);
    if (items.isEmpty())
        u.setQuery(QString());
    return u;
}

// A time as APIs write one: ISO-8601 text with a date, or Unix seconds.
bool isTime(const QJsonValue &v)
{
    static const QRegularExpression isoDate(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}"));
    if (v.isString()) {
        QDateTime t;
        return isoDate.match(v.toString()).hasMatch() && parseTimestamp(v, &t);
    }
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d >= 1e8 && d < 1e11;
    }
    return false;
}

int compareTimes(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() < b.toDouble() ? -1 : (a.toDouble() > b.toDouble() ? 1 : 0);
    qint64 ma = 0, mb = 0;
    parseMicros(a, &ma);
    parseMicros(b, &mb);
    return ma < mb ? -1 : (ma > mb ? 1 : 0);
}

QString identity(const QJsonObject &record, const QString &idField)
{
    if (idField.isEmpty())
        return compactJson(record);
    return idString(valueAt(record, idField));
}

QStringList identities(const QJsonArray &records, const QString &idField)
{
    QStringList out;
    for (const QJsonValue &r : records)
        out.append(identity(r.toObject(), idField));
    return out;
}

// Whether `after` continues `before`: records, none of them already seen.
bool follows(const QJsonArray &before, const QJsonArray &after, const QString &idField)
{
    if (after.isEmpty())
        return false;
    const QStringList seen = identities(before, idField);
    const QSet<QString> s(seen.cbegin(), seen.cend());
    const QStringList next = identities(after, idField);
    return std::none_of(next.cbegin(), next.cend(), [&s](const QString &i) { return s.contains(i); });
}

// Sorted by `field`, ascending; *ties: records sharing a value were seen; *tiesById: they all
// came in ascending id order, as Tributary compares ids.
bool sortedBy(const QJsonArray &records, const QString &field, const QString &idField, bool *tiesSeen = nullptr, bool *tiesById = nullptr)
{
    bool ties = false, byId = true;
    for (qsizetype i = 1; i < records.size(); ++i) {
        const QJsonObject a = records.at(i - 1).toObject(), b = records.at(i).toObject();
        const QJsonValue va = valueAt(a, field), vb = valueAt(b, field);
        if (!isTime(va) || !isTime(vb))
            return false;
        const int c = compareTimes(va, vb);
        if (c > 0)
            return false;
        if (c == 0) {
            ties = true;
            if (compareIds(idString(valueAt(a, idField)), idString(valueAt(b, idField))) > 0)
                byId = false;
        }
    }
    if (tiesSeen)
        *tiesSeen = ties;
    if (tiesById)
        *tiesById = ties && byId;
    return records.size() >= 2;
}

} // namespace

// ---------------------------------------------------------------------------------------------

struct RestDetector::Response
{
    QUrl url;
    int status = 0;
    Error error;
    QJsonValue root;
    QByteArray link;
    HttpHeaderList headers;

    bool isOk() const { return !error && (root.isArray() || root.isObject()); }
    QJsonArray records(const QString &path) const { return JsonPath::value(root, path).toArray(); }
    QByteArray header(const QString &name) const
    {
        for (const auto &h : headers) {
            if (QString::fromLatin1(h.first).compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

// One listing being detected: what was asked, what was learnt.
struct RestDetector::Work
{
    Entity e;
    QUrl url;               // the listing without its query
    Items base;             // the listing's own query parameters
    Response first;
    QJsonArray firstRecords;
    QString sizeParam;
    Response small;         // a page of one record, when the page size could be set
    QJsonArray smallRecords;
    QString cursorPath;
    QString cursorValue;
    QString nextUrlPath;
    QString pageParam;
    QString offsetParam;
    int pageSize = 0;
    Response sample;        // the largest page read: fields and order are learnt from it
    QJsonArray sampleRecords;
    QString sortParam;
    QJsonArray sorted;
    QJsonValue since{QJsonValue::Undefined};
    qint64 total = -1;      // the collection's size, when the answers say

    // The listing's URL with the page size when it can be set, plus `extra`.
    QUrl at(const Items &extra, int size = -1) const
    {
        Items items;
        if (!sizeParam.isEmpty() && size > 0)
            items.append({sizeParam, QString::number(size)});
        return withParams(url, base, items + extra);
    }
};

QJsonObject RestDetector::Entity::toJson() const
{
    QJsonObject columns;
    for (const Field &f : fields) {
        QJsonObject c{{QStringLiteral("field"), f.path}};
        if (f.type != QLatin1String("string"))
            c.insert(QStringLiteral("type"), f.type);
        if (f.optional)
            c.insert(QStringLiteral("optional"), true);
        columns.insert(f.column, c.size() == 1 ? QJsonValue(f.path) : QJsonValue(c));
    }
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("endpoint"), endpoint},
                  {QStringLiteral("table"), name},
                  {QStringLiteral("columns"), columns}};
    if (idField != QLatin1String("id"))
        o.insert(QStringLiteral("external_id"), idField);
    return o;
}

RestDetector::RestDetector(const Options &options, QObject *parent) : QObject(parent), m_options(options)
{
    m_nam = new QNetworkAccessManager(this);
    HttpPolicy policy;
    policy.maxRetries = 2;
    policy.timeoutMs = 30000;
    m_client = new HttpClient(m_nam, policy, this);
}

RestDetector::~RestDetector()
{
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->abort();
    }
}

void RestDetector::start()
{
    if (m_started)
        return;
    m_started = true;
    prepare();
    if (m_error) {
        QTimer::singleShot(0, this, &RestDetector::done);
        return;
    }
    nextEntity();
}

void RestDetector::abort()
{
    if (!m_started || m_done)
        return;
    m_aborted = true;
    if (m_job)
        m_job->abort();
}

// The base URL every listing shares, and the token.
void RestDetector::prepare()
{
    if (m_options.urls.isEmpty()) {
        m_error = Error(Error::Code::Config, Tr::tr("no URL to detect"));
        return;
    }
    QStringList dirs;
    for (const QString &text : std::as_const(m_options.urls)) {
        const QUrl u(text, QUrl::StrictMode);
        if (!u.isValid() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) || u.host().isEmpty()
            || !u.userInfo().isEmpty() || u.hasFragment()) {
            m_error = Error(Error::Code::Config, Tr::tr("expected an http(s) URL of a listing, such as %1, got \"%2\"")
                                                     .arg(QStringLiteral("https://api.example.com/v2/items"), text));
            return;
        }
        QUrl origin = u.adjusted(QUrl::RemovePath | QUrl::RemoveQuery);
        if (m_base.isEmpty())
            m_base = origin;
        else if (origin != m_base) {
            m_error = Error(Error::Code::Config, Tr::tr("every URL of one source must be on one origin: %1 is not on %2")
                                                     .arg(text, m_base.toString()));
            return;
        }
        QString path = u.path();
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        dirs.append(path.left(path.lastIndexOf(QLatin1Char('/'))));
    }
    // The longest directory every listing lives under: one URL /v2/items gives /v2.
    QString common = dirs.first();
    for (const QString &d : std::as_const(dirs)) {
        while (!(d == common || d.startsWith(common + QLatin1Char('/'))))
            common = common.left(qMax(0, int(common.lastIndexOf(QLatin1Char('/')))));
    }
    m_base.setPath(common);
    if (!m_options.tokenEnv.isEmpty()) {
        const QByteArray token = qgetenv(m_options.tokenEnv.toLocal8Bit().constData());
        if (token.isEmpty()) {
            m_error = Error(Error::Code::Config, Tr::tr("the environment variable %1 (--token-env) is not set").arg(m_options.tokenEnv));
            return;
        }
        m_authorization = "Bearer " + token;
    }
}

void RestDetector::get(const QUrl &url, std::function<void(const Response &)> then)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Tributary/0.1"));
    if (!m_authorization.isEmpty())
        request.setRawHeader("Authorization", m_authorization);
    HttpJob *job = m_client->get(request, this);
    if (!m_options.tokenEnv.isEmpty())
        job->setCredentialHint(QStringLiteral("the bearer token (environment variable %1)").arg(m_options.tokenEnv));
    m_job = job;
    if (m_work)
        ++m_work->e.requests;
    connect(job, &HttpJob::finished, this, [this, then](HttpJob *http) {
        m_job = nullptr;
        if (m_aborted) {
            if (!m_error)
                m_error = Error(Error::Code::Aborted, Tr::tr("detection was stopped"));
            done();
            return;
        }
        Response r;
        r.url = http->url();
        r.status = http->status();
        r.error = http->error();
        r.headers = http->headers();
        r.link = http->header("Link");
        if (!r.error) {
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(http->body(), &pe);
            if (doc.isArray())
                r.root = doc.array();
            else if (doc.isObject())
                r.root = doc.object();
            else
                r.error = Error(Error::Code::Parse, Tr::tr("GET %1: the answer is not JSON (%2)").arg(http->displayUrl(), pe.errorString()));
        }
        qCDebug(lcRestDetector).noquote() << "GET" << http->displayUrl() << "->" << r.status;
        then(r);
    });
    job->start();
}

void RestDetector::nextEntity()
{
    ++m_index;
    if (m_index >= m_options.urls.size()) {
        done();
        return;
    }
    m_work = std::make_unique<Work>();
    Work &w = *m_work;
    const QUrl u(m_options.urls.at(m_index), QUrl::StrictMode);
    w.e.url = u.toString();
    w.url = u.adjusted(QUrl::RemoveQuery | QUrl::StripTrailingSlash);
    const QUrlQuery q(u);
    for (const auto &item : q.queryItems(QUrl::FullyDecoded)) {
        w.base.append(item);
        w.e.fullParams.insert(item.first, item.second);
    }
    w.e.endpoint = w.url.path().mid(m_base.path().size());
    if (!w.e.endpoint.startsWith(QLatin1Char('/')))
        w.e.endpoint.prepend(QLatin1Char('/'));
    // The entity is named after the last step of its path: /v2/items -> items.
    static const QRegularExpression notName(QStringLiteral("[^A-Za-z0-9_-]+"));
    QString name = w.url.path().section(QLatin1Char('/'), -1);
    name.replace(notName, QStringLiteral("_"));
    if (name.isEmpty())
        name = QStringLiteral("records");
    QString unique = name;
    for (int n = 2; std::any_of(m_entities.cbegin(), m_entities.cend(), [&unique](const Entity &e) { return e.name == unique; }); ++n)
        unique = name + QLatin1Char('_') + QString::number(n);
    w.e.name = columnName(unique);
    get(withParams(w.url, w.base, {}), [this](const Response &r) { onFirst(r); });
}

void RestDetector::onFirst(const Response &r)
{
    Work &w = *m_work;
    w.first = r;
    if (!r.isOk()) {
        w.e.error = r.error ? r.error : Error(Error::Code::Parse, Tr::tr("GET %1: the answer is not a JSON object or array").arg(w.e.url));
        finishEntity();
        return;
    }
    // The envelope: the body itself, or the array of objects under a well-known key, on the top
    // level or one level down (data.items).
    auto isRecords = [](const QJsonValue &v) {
        if (!v.isArray())
            return false;
        const QJsonArray a = v.toArray();
        return !a.isEmpty() && std::all_of(a.cbegin(), a.cend(), [](const QJsonValue &x) { return x.isObject(); });
    };
    QString path;
    bool found = false;
    if (r.root.isArray()) {
        found = true;
    } else {
        const QJsonObject root = r.root.toObject();
        QStringList known, nestedKnown, other, nestedOther;
        for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
            if (isRecords(*it))
                (kRecordKeys.contains(it.key().toLower()) ? known : other).append(it.key());
            if (it->isObject()) {
                const QJsonObject inner = it->toObject();
                for (auto jt = inner.constBegin(); jt != inner.constEnd(); ++jt) {
                    if (isRecords(*jt))
                        (kRecordKeys.contains(jt.key().toLower()) ? nestedKnown : nestedOther).append(it.key() + QLatin1Char('.') + jt.key());
                }
            }
        }
        auto byPreference = [](const QString &a, const QString &b) {
            return kRecordKeys.indexOf(a.section(QLatin1Char('.'), -1).toLower()) < kRecordKeys.indexOf(b.section(QLatin1Char('.'), -1).toLower());
        };
        std::stable_sort(known.begin(), known.end(), byPreference);
        std::stable_sort(nestedKnown.begin(), nestedKnown.end(), byPreference);
        for (const QStringList *list : {&known, &nestedKnown, &other, &nestedOther}) {
            if (!found && !list->isEmpty()) {
                path = list->first();
                found = true;
            }
        }
    }
    w.firstRecords = r.records(path);
    if (!found || w.firstRecords.size() < 2) {
        w.e.error = Error(Error::Code::Parse, Tr::tr("GET %1: no array of at least two records in the answer; detection learns from "
                                                     "the records, so the listing needs some")
                                                  .arg(w.e.url));
        finishEntity();
        return;
    }
    w.e.recordsPath = path;

    QStringList names;
    for (const QJsonValue &v : std::as_const(w.firstRecords)) {
        const QJsonObject o = v.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (!names.contains(it.key()))
                names.append(it.key());
            if (it->isObject()) {
                const QStringList inner = it->toObject().keys();
                for (const QString &k : inner) {
                    if (!names.contains(k))
                        names.append(k);
                }
            }
        }
    }
    w.e.naming = namingOf(names);
    // The id: a well-known name whose values are there in every record and all different.
    auto unique = [&w](const QString &field) {
        QSet<QString> seen;
        for (const QJsonValue &v : std::as_const(w.firstRecords)) {
            const QString id = idString(valueAt(v.toObject(), field));
            if (id.isEmpty() || seen.contains(id))
                return false;
            seen.insert(id);
        }
        return true;
    };
    QStringList idCandidates = kIdFields;
    for (const QString &n : std::as_const(names)) {
        if (!idCandidates.contains(n) && fold(n).endsWith(QLatin1String("id")) && w.firstRecords.first().toObject().contains(n))
            idCandidates.append(n);
    }
    for (const QString &c : std::as_const(idCandidates)) {
        if (unique(c)) {
            w.e.idField = c;
            break;
        }
    }
    if (w.e.idField.isEmpty()) {
        w.e.error = Error(Error::Code::Parse, Tr::tr("GET %1: no field holds a different id in every record (looked for %2)")
                                                  .arg(w.e.url, kIdFields.join(QStringLiteral(", "))));
        finishEntity();
        return;
    }
    // The change field: a well-known name holding a time in every record.
    const QJsonObject sampleRecord = w.firstRecords.first().toObject();
    for (const QString &c : kChangeFields) {
        for (auto it = sampleRecord.constBegin(); it != sampleRecord.constEnd() && w.e.changeField.isEmpty(); ++it) {
            if (fold(it.key()) != c)
                continue;
            const QString key = it.key();
            const bool allTimes = std::all_of(w.firstRecords.cbegin(), w.firstRecords.cend(),
                                              [&key](const QJsonValue &v) { return isTime(v.toObject().value(key)); });
            if (allTimes)
                w.e.changeField = key;
        }
    }
    findPageSizeParam(0);
}

void RestDetector::findPageSizeParam(int index)
{
    Work &w = *m_work;
    const QStringList candidates = pageSizeParams(w.e.naming);
    if (index >= candidates.size()) {
        w.small = w.first;
        w.smallRecords = w.firstRecords;
        findPagination();
        return;
    }
    const QString param = candidates.at(index);
    get(withParams(w.url, w.base, {{param, QStringLiteral("1")}}), [this, index, param](const Response &r) {
        Work &work = *m_work;
        const QJsonArray records = r.isOk() ? r.records(work.e.recordsPath) : QJsonArray();
        if (records.size() == 1) {
            work.sizeParam = param;
            work.small = r;
            work.smallRecords = records;
            findPagination();
            return;
        }
        findPageSizeParam(index + 1);
    });
}

void RestDetector::findPagination()
{
    Work &w = *m_work;
    const QUrl link = LinkHeader::find(w.small.link, QStringLiteral("next"), w.small.url);
    if (link.isValid() && !link.isEmpty()) {
        verifyNext(link, QStringLiteral("link_header"), QString());
        return;
    }
    // A next page in the body: an address, or an opaque cursor, under a key naming "next" or
    // "cursor", on the top level, one level down, or as a HAL-style {"href": ...}.
    QString urlPath, urlValue;
    auto look = [&](const QJsonObject &o, const QString &prefix, int depth, auto &&self) -> void {
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
            const QString f = fold(it.key());
            const bool named = f.contains(QLatin1String("next")) || f.contains(QLatin1String("cursor"));
            if (named && it->isString() && !it->toString().isEmpty()) {
                const QString s = it->toString();
                const bool isUrl = s.startsWith(QLatin1String("http://")) || s.startsWith(QLatin1String("https://")) || s.startsWith(QLatin1Char('?'))
                    || (s.startsWith(QLatin1Char('/')) && (s.contains(QLatin1Char('?')) || s.startsWith(w.url.path())));
                if (isUrl && urlPath.isEmpty()) {
                    urlPath = key;
                    urlValue = s;
                } else if (!isUrl && w.cursorPath.isEmpty()) {
                    w.cursorPath = key;
                    w.cursorValue = s;
                }
            } else if (named && it->isDouble() && w.cursorPath.isEmpty()) {
                w.cursorPath = key;
                w.cursorValue = idString(*it);
            } else if (named && it->isObject() && it->toObject().value(QStringLiteral("href")).isString() && urlPath.isEmpty()) {
                urlPath = key + QStringLiteral(".href");
                urlValue = it->toObject().value(QStringLiteral("href")).toString();
            } else if (it->isObject() && depth < 1) {
                self(it->toObject(), key, depth + 1, self);
            }
        }
    };
    if (w.small.root.isObject())
        look(w.small.root.toObject(), QString(), 0, look);
    if (!urlPath.isEmpty()) {
        verifyNext(w.small.url.resolved(QUrl(urlValue)), QStringLiteral("next_url"), urlPath);
        return;
    }
    if (!w.cursorPath.isEmpty()) {
        findCursorParam(0);
        return;
    }
    findPageParam(0);
}

void RestDetector::verifyNext(const QUrl &next, const QString &style, const QString &path)
{
    Work &w = *m_work;
    const bool sameOrigin = next.scheme() == m_base.scheme() && next.host().compare(m_base.host(), Qt::CaseInsensitive) == 0
        && next.port(-1) == m_base.port(-1);
    if (!sameOrigin) {
        w.e.notes.append(Tr::tr("the next page is on another origin (%1): Tributary sends credentials nowhere else, so it cannot follow it")
                             .arg(HttpClient::redactedUrl(next)));
        findPageParam(0);
        return;
    }
    get(next, [this, style, path](const Response &r) {
        Work &work = *m_work;
        if (r.isOk() && follows(work.smallRecords, r.records(work.e.recordsPath), work.e.idField)) {
            work.e.style = style;
            work.nextUrlPath = path;
            paginationFound();
            return;
        }
        work.e.notes.append(Tr::tr("the next page the answer names did not bring the next records"));
        findPageParam(0);
    });
}

void RestDetector::findCursorParam(int index)
{
    Work &w = *m_work;
    if (index >= kCursorParams.size()) {
        w.e.notes.append(Tr::tr("a cursor at \"%1\", but no parameter that takes it (tried %2)")
                             .arg(w.cursorPath, kCursorParams.join(QStringLiteral(", "))));
        w.cursorPath.clear();
        findPageParam(0);
        return;
    }
    const QString param = kCursorParams.at(index);
    get(w.at({{param, w.cursorValue}}, 1), [this, index, param](const Response &r) {
        Work &work = *m_work;
        if (r.isOk() && follows(work.smallRecords, r.records(work.e.recordsPath), work.e.idField)) {
            work.e.style = QStringLiteral("cursor");
            work.pageParam = param;
            paginationFound();
            return;
        }
        findCursorParam(index + 1);
    });
}

void RestDetector::findPageParam(int index)
{
    Work &w = *m_work;
    if (index >= kPageParams.size()) {
        findOffsetParam(0);
        return;
    }
    const QString param = kPageParams.at(index);
    get(w.at({{param, QStringLiteral("2")}}, 1), [this, index, param](const Response &r) {
        Work &work = *m_work;
        if (r.isOk() && follows(work.smallRecords, r.records(work.e.recordsPath), work.e.idField)) {
            work.e.style = QStringLiteral("page");
            work.pageParam = param;
            checkFirstPage(1);
            return;
        }
        findPageParam(index + 1);
    });
}

// Page numbers start at 1 unless page 1 is the second page and page 0 the first.
void RestDetector::checkFirstPage(int candidate)
{
    Work &w = *m_work;
    get(w.at({{w.pageParam, QString::number(candidate)}}, 1), [this, candidate](const Response &r) {
        Work &work = *m_work;
        const bool first = r.isOk() && identities(r.records(work.e.recordsPath), work.e.idField) == identities(work.smallRecords, work.e.idField);
        if (first) {
            work.e.pagination.insert(QStringLiteral("first_page"), candidate);
            paginationFound();
        } else if (candidate == 1) {
            checkFirstPage(0);
        } else {
            work.e.notes.append(Tr::tr("neither %1=1 nor %1=0 answered the first page; assuming pages count from 1").arg(work.pageParam));
            work.e.pagination.insert(QStringLiteral("first_page"), 1);
            paginationFound();
        }
    });
}

void RestDetector::findOffsetParam(int index)
{
    Work &w = *m_work;
    const int k = int(w.smallRecords.size());
    if (index >= kOffsetParams.size()) {
        // No way to ask for a next page: fine when the answer held everything.
        qint64 total = -1;
        const bool paged = !w.sizeParam.isEmpty();
        for (const QString &h : kTotalHeaders) {
            if (parseCount(QJsonValue(QString::fromLatin1(w.first.header(h))), &total))
                break;
            total = -1;
        }
        if (paged || total > w.firstRecords.size()) {
            w.e.error = Error(Error::Code::Parse, Tr::tr("GET %1: found no way to ask for the next page (no Link header, no next "
                                                         "address or cursor in the body, no page or offset parameter that works)")
                                                      .arg(w.e.url));
            finishEntity();
            return;
        }
        w.e.style = QStringLiteral("none");
        w.e.notes.append(Tr::tr("the answer held all %1 records and no way to page was found: the configuration reads one page")
                             .arg(w.firstRecords.size()));
        paginationFound();
        return;
    }
    const QString param = kOffsetParams.at(index);
    get(w.at({{param, QString::number(k)}}, 1), [this, index, param, k](const Response &r) {
        Work &work = *m_work;
        const QJsonArray records = r.isOk() ? r.records(work.e.recordsPath) : QJsonArray();
        // With a page of one record, the answer at offset 1 must start with the first answer's
        // second record.
        bool ok = follows(work.smallRecords, records, work.e.idField);
        if (ok && !work.sizeParam.isEmpty() && work.firstRecords.size() > k)
            ok = identity(records.first().toObject(), work.e.idField) == identity(work.firstRecords.at(k).toObject(), work.e.idField);
        if (ok) {
            work.e.style = QStringLiteral("offset");
            work.offsetParam = param;
            paginationFound();
            return;
        }
        findOffsetParam(index + 1);
    });
}

// Once the pagination is known: where the total is, then the page size.
void RestDetector::paginationFound()
{
    Work &w = *m_work;
    Entity &e = w.e;
    // The total: a header, or a body field, that stays the same for a page of one record.
    qint64 a = -1, b = -1;
    const bool paged = !w.sizeParam.isEmpty();
    for (const QString &h : kTotalHeaders) {
        if (parseCount(QJsonValue(QString::fromLatin1(w.first.header(h))), &a) && a >= w.firstRecords.size()
            && (!paged || (parseCount(QJsonValue(QString::fromLatin1(w.small.header(h))), &b) && a == b))) {
            e.pagination.insert(QStringLiteral("total_header"), h);
            e.total = Tr::tr("header %1").arg(h);
            w.total = a;
            break;
        }
    }
    if (e.total.isEmpty() && w.first.root.isObject()) {
        QStringList paths;
        const QJsonObject root = w.first.root.toObject();
        for (const QString &k : kTotalKeys) {
            for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
                if (fold(it.key()) == k)
                    paths.append(it.key());
            }
        }
        for (const QString &k : kTotalKeys) {
            for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
                if (!it->isObject())
                    continue;
                const QJsonObject inner = it->toObject();
                for (auto jt = inner.constBegin(); jt != inner.constEnd(); ++jt) {
                    if (fold(jt.key()) == k)
                        paths.append(it.key() + QLatin1Char('.') + jt.key());
                }
            }
        }
        for (const QString &p : std::as_const(paths)) {
            if (parseCount(JsonPath::value(w.first.root, p), &a) && a >= w.firstRecords.size()
                && (!paged || (parseCount(JsonPath::value(w.small.root, p), &b) && a == b))) {
                e.pagination.insert(QStringLiteral("total_path"), p);
                e.total = p;
                w.total = a;
                break;
            }
        }
    }
    choosePageSize();
}

void RestDetector::choosePageSize()
{
    Work &w = *m_work;
    auto learnt = [this] {
        Work &work = *m_work;
        if (!work.e.changeField.isEmpty())
            findSort(0);
        else
            findRecordPath();
    };
    if (w.sizeParam.isEmpty()) {
        // The server's own page size; offsets need it to count.
        w.pageSize = w.e.style == QLatin1String("offset") ? int(w.firstRecords.size()) : 0;
        w.sample = w.first;
        w.sampleRecords = w.firstRecords;
        learnt();
        return;
    }
    const int wanted = m_options.pageSize;
    get(w.at({}, wanted), [this, wanted, learnt](const Response &r) {
        Work &work = *m_work;
        const QJsonArray records = r.isOk() ? r.records(work.e.recordsPath) : QJsonArray();
        if (records.isEmpty()) {
            // Refused: the server's default is what it surely accepts.
            work.pageSize = int(work.firstRecords.size());
            work.sample = work.first;
            work.sampleRecords = work.firstRecords;
            work.e.notes.append(Tr::tr("%1=%2 was refused; the page size is the server's default, %3")
                                    .arg(work.sizeParam, QString::number(wanted), QString::number(work.pageSize)));
        } else {
            // Fewer than asked: the whole collection, or the server's cap, which shows as more
            // records beyond (a total above them, or a next page the answer names).
            const int got = int(records.size());
            bool more = work.total > got;
            if (work.e.style == QLatin1String("link_header"))
                more = more || !LinkHeader::find(r.link, QStringLiteral("next"), r.url).isEmpty();
            else if (!work.nextUrlPath.isEmpty() || !work.cursorPath.isEmpty()) {
                const QJsonValue next = JsonPath::value(r.root, work.nextUrlPath.isEmpty() ? work.cursorPath : work.nextUrlPath);
                more = more || (next.isString() && !next.toString().isEmpty()) || next.isDouble();
            }
            work.pageSize = got < wanted && more ? got : wanted;
            if (work.pageSize < wanted)
                work.e.notes.append(Tr::tr("the server sends at most %1 record(s) per page", nullptr, got).arg(got));
            work.sample = r;
            work.sampleRecords = records;
        }
        learnt();
    });
}

void RestDetector::findSort(int index)
{
    Work &w = *m_work;
    const QString &field = w.e.changeField;
    if (index == 0 && sortedBy(w.sampleRecords, field, w.e.idField)) {
        // Already in that order: no parameter can be seen to sort, and an order that only
        // happens to hold would lose records once it does not.
        w.e.notes.append(Tr::tr("the listing already comes sorted by %1, so no sort parameter could be confirmed; no change filter "
                                "is written: every run walks the whole collection")
                             .arg(field));
        findRecordPath();
        return;
    }
    if (index >= kSortParams.size()) {
        w.e.notes.append(Tr::tr("no parameter sorts the listing by %1 (tried %2); no change filter is written: every run walks the "
                                "whole collection")
                             .arg(field, kSortParams.join(QStringLiteral(", "))));
        findRecordPath();
        return;
    }
    const QString param = kSortParams.at(index);
    get(w.at({{param, field}}, w.pageSize), [this, index, param](const Response &r) {
        Work &work = *m_work;
        const QJsonArray records = r.isOk() ? r.records(work.e.recordsPath) : QJsonArray();
        if (sortedBy(records, work.e.changeField, work.e.idField)) {
            work.sortParam = param;
            work.sorted = records;
            findFilter(0);
            return;
        }
        findSort(index + 1);
    });
}

void RestDetector::findFilter(int index)
{
    Work &w = *m_work;
    const QString &field = w.e.changeField;
    if (index == 0) {
        // A value from the middle with older records before it.
        const qsizetype n = w.sorted.size();
        for (qsizetype i = n / 2; i < n && w.since.isUndefined(); ++i) {
            const QJsonValue v = valueAt(w.sorted.at(i).toObject(), field);
            if (compareTimes(valueAt(w.sorted.first().toObject(), field), v) < 0)
                w.since = v;
        }
        if (w.since.isUndefined()) {
            w.e.notes.append(Tr::tr("every record seen has the same %1: a change filter could not be seen at work; none is written").arg(field));
            findRecordPath();
            return;
        }
    }
    const QStringList candidates = filterParams(field);
    if (index >= candidates.size()) {
        w.e.notes.append(Tr::tr("no parameter filters the listing by %1 inclusively (tried %2); no change filter is written: every "
                                "run walks the whole collection")
                             .arg(field, candidates.join(QStringLiteral(", "))));
        findRecordPath();
        return;
    }
    const QString param = candidates.at(index);
    const QString value = w.since.isString() ? w.since.toString() : idString(w.since);
    get(w.at({{w.sortParam, field}, {param, value}}, w.pageSize), [this, index, param](const Response &r) {
        Work &work = *m_work;
        const QString &f = work.e.changeField;
        const QJsonArray records = r.isOk() ? r.records(work.e.recordsPath) : QJsonArray();
        const QStringList returned = identities(records, work.e.idField);
        bool ok = !records.isEmpty();
        for (const QJsonValue &rec : records)
            ok = ok && isTime(valueAt(rec.toObject(), f)) && compareTimes(valueAt(rec.toObject(), f), work.since) >= 0;
        // Inclusive: every record exactly at the value is there.
        for (const QJsonValue &rec : std::as_const(work.sorted)) {
            if (compareTimes(valueAt(rec.toObject(), f), work.since) == 0)
                ok = ok && returned.contains(identity(rec.toObject(), work.e.idField));
        }
        if (!ok) {
            findFilter(index + 1);
            return;
        }
        bool ties = false, tiesById = false;
        sortedBy(work.sorted, f, work.e.idField, &ties, &tiesById);
        work.e.incremental = QJsonObject{{QStringLiteral("param"), param},
                                         {QStringLiteral("field"), f},
                                         {QStringLiteral("format"), work.since.isDouble() ? QStringLiteral("unix") : QStringLiteral("iso8601")},
                                         {QStringLiteral("tie_breaker"), tiesById ? QStringLiteral("id") : QStringLiteral("none")},
                                         {QStringLiteral("params"), QJsonObject{{work.sortParam, f}}}};
        for (const auto &b : std::as_const(work.base)) {
            QJsonObject params = work.e.incremental.value(QStringLiteral("params")).toObject();
            if (!params.contains(b.first))
                params.insert(b.first, b.second);
            work.e.incremental.insert(QStringLiteral("params"), params);
        }
        if (!ties)
            work.e.notes.append(Tr::tr("no two records seen share a %1, so the order of ties is unknown: tie_breaker is none (boundary "
                                       "records are read again, which is safe)")
                                    .arg(f));
        else if (!tiesById)
            work.e.notes.append(Tr::tr("records sharing a %1 did not come in id order: tie_breaker is none (boundary records are read "
                                       "again, which is safe)")
                                    .arg(f));
        findRecordPath();
    });
}

void RestDetector::findRecordPath()
{
    Work &w = *m_work;
    const QString id = identity(w.firstRecords.first().toObject(), w.e.idField);
    QUrl one = w.url;
    one.setPath(w.url.path(QUrl::FullyEncoded) + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(id)), QUrl::StrictMode);
    get(one, [this, id](const Response &r) {
        Work &work = *m_work;
        bool found = false;
        if (r.isOk()) {
            for (const QString &path : {QString(), QStringLiteral("data"), QStringLiteral("item"), QStringLiteral("record"),
                                        QStringLiteral("result")}) {
                const QJsonValue v = JsonPath::value(r.root, path);
                if (v.isObject() && identity(v.toObject(), work.e.idField) == id) {
                    work.e.recordPath = path;
                    found = true;
                    break;
                }
            }
        }
        if (!found)
            work.e.notes.append(Tr::tr("GET %1/{id} did not answer the record: check record_path before a reconciliation or "
                                       "references rely on it")
                                    .arg(work.e.endpoint));
        finishEntity();
    });
}

void RestDetector::finishEntity()
{
    Work &w = *m_work;
    Entity &e = w.e;
    if (!e.error) {
        qint64 a = -1, b = -1;
        const bool paged = !w.sizeParam.isEmpty();
        if (e.style == QLatin1String("page") && w.first.root.isObject()) {
            // The last page's number, when the answers carry one that grows as pages shrink.
            const QJsonObject root = w.first.root.toObject();
            QStringList paths;
            for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
                if (kLastPageKeys.contains(fold(it.key())))
                    paths.append(it.key());
                if (it->isObject()) {
                    const QJsonObject inner = it->toObject();
                    for (auto jt = inner.constBegin(); jt != inner.constEnd(); ++jt) {
                        if (kLastPageKeys.contains(fold(jt.key())))
                            paths.append(it.key() + QLatin1Char('.') + jt.key());
                    }
                }
            }
            for (const QString &p : std::as_const(paths)) {
                // With a page of one record the last page's number is the count of records:
                // larger than with the server's own page size.
                if (parseCount(JsonPath::value(w.first.root, p), &a) && a >= 1 && paged && parseCount(JsonPath::value(w.small.root, p), &b)
                    && b > a) {
                    e.pagination.insert(QStringLiteral("last_page_path"), p);
                    break;
                }
            }
        }
        QJsonObject &p = e.pagination;
        p.insert(QStringLiteral("style"), e.style);
        if (w.pageSize > 0)
            p.insert(QStringLiteral("page_size"), w.pageSize);
        if (e.style == QLatin1String("offset")) {
            p.insert(QStringLiteral("offset_param"), w.offsetParam);
            p.insert(QStringLiteral("limit_param"), w.sizeParam.isEmpty() ? QStringLiteral("limit") : w.sizeParam);
        } else if (!w.sizeParam.isEmpty() && e.style != QLatin1String("none")) {
            p.insert(QStringLiteral("page_size_param"), w.sizeParam);
        }
        if (e.style == QLatin1String("page"))
            p.insert(QStringLiteral("page_param"), w.pageParam);
        if (e.style == QLatin1String("cursor")) {
            p.insert(QStringLiteral("cursor_param"), w.pageParam);
            p.insert(QStringLiteral("next_cursor_path"), w.cursorPath);
            // The first answer came without the parameter: send none on the first page.
            p.insert(QStringLiteral("first_cursor"), QJsonValue::Null);
        }
        if (e.style == QLatin1String("next_url"))
            p.insert(QStringLiteral("next_url_path"), w.nextUrlPath);
        if (e.style == QLatin1String("none"))
            p.remove(QStringLiteral("page_size"));

        // The columns: every scalar field of the records, and of objects one level down.
        QList<QJsonObject> records;
        for (const QJsonValue &v : std::as_const(w.sampleRecords))
            records.append(v.toObject());
        QStringList paths;
        QSet<QString> nonScalar;
        for (const QJsonObject &r : std::as_const(records)) {
            for (auto it = r.constBegin(); it != r.constEnd(); ++it) {
                if (it->isObject()) {
                    const QJsonObject inner = it->toObject();
                    for (auto jt = inner.constBegin(); jt != inner.constEnd(); ++jt) {
                        const QString path = it.key() + QLatin1Char('.') + jt.key();
                        if (jt->isObject() || jt->isArray())
                            nonScalar.insert(path);
                        else if (!paths.contains(path))
                            paths.append(path);
                    }
                } else if (it->isArray()) {
                    nonScalar.insert(it.key());
                } else if (!paths.contains(it.key())) {
                    paths.append(it.key());
                }
            }
        }
        QSet<QString> columns{QStringLiteral("id")}; // the table's own key
        for (const QString &path : std::as_const(paths)) {
            if (nonScalar.contains(path))
                continue;
            Field f;
            f.path = path;
            QString column = path == e.idField ? QStringLiteral("external_id") : columnName(path);
            for (int n = 2; columns.contains(column); ++n)
                column = columnName(path) + QLatin1Char('_') + QString::number(n);
            columns.insert(column);
            f.column = column;
            bool allBool = true, allWhole = true, allNumber = true, allString = true, allTime = true, any = false;
            for (const QJsonObject &r : std::as_const(records)) {
                const QJsonValue v = valueAt(r, path);
                if (v.isUndefined()) {
                    f.optional = true;
                    continue;
                }
                if (v.isNull())
                    continue;
                any = true;
                qint64 whole = 0;
                allBool = allBool && v.isBool();
                allNumber = allNumber && v.isDouble();
                allWhole = allWhole && v.isDouble() && (isExactInteger(v, &whole) || v.toDouble() == std::floor(v.toDouble()));
                allString = allString && v.isString();
                allTime = allTime && v.isString() && isTime(v);
            }
            f.type = !any ? QStringLiteral("string")
                : allBool ? QStringLiteral("boolean")
                : allWhole ? QStringLiteral("integer")
                : allNumber ? QStringLiteral("real")
                : allTime ? QStringLiteral("timestamp")
                : allString ? QStringLiteral("string")
                            : QStringLiteral("json");
            e.fields.append(f);
        }
        QStringList skipped(nonScalar.cbegin(), nonScalar.cend());
        skipped.sort();
        if (!skipped.isEmpty())
            e.notes.append(Tr::tr("not mapped (arrays or objects nested deeper): %1").arg(skipped.join(QStringLiteral(", "))));
        if (e.changeField.isEmpty())
            e.notes.append(Tr::tr("no change-time field (updated_at, modified, ...): every run walks the whole collection"));
    }
    qCInfo(lcRestDetector).noquote() << "detected" << e.url << ":" << (e.error ? e.error.message : e.style) << "after" << e.requests << "requests";
    m_entities.append(e);
    m_work.reset();
    nextEntity();
}

QJsonObject RestDetector::sourceJson() const
{
    QJsonObject rest{{QStringLiteral("base_url"), m_base.toString()}};
    if (!m_options.tokenEnv.isEmpty())
        rest.insert(QStringLiteral("auth"), QJsonObject{{QStringLiteral("type"), QStringLiteral("bearer")},
                                                        {QStringLiteral("token"), QJsonObject{{QStringLiteral("env"), m_options.tokenEnv}}}});
    QList<const Entity *> ok;
    for (const Entity &e : m_entities) {
        if (e.isOk())
            ok.append(&e);
    }
    QJsonArray entities;
    for (const Entity *e : std::as_const(ok)) {
        QJsonObject o = e->toJson();
        // One entity: its reading keys go to the rest block, as the documentation's examples
        // write them; several: each entity keeps its own.
        QJsonObject &target = ok.size() == 1 ? rest : o;
        if (!e->recordsPath.isEmpty())
            target.insert(QStringLiteral("records_path"), e->recordsPath);
        if (!e->recordPath.isEmpty())
            target.insert(QStringLiteral("record_path"), e->recordPath);
        target.insert(QStringLiteral("pagination"), e->pagination);
        if (!e->incremental.isEmpty())
            target.insert(QStringLiteral("incremental"), e->incremental);
        if (!e->fullParams.isEmpty())
            target.insert(QStringLiteral("full_params"), e->fullParams);
        entities.append(o);
    }
    return QJsonObject{{QStringLiteral("name"), m_options.sourceName},
                       {QStringLiteral("type"), QStringLiteral("rest")},
                       {QStringLiteral("rest"), rest},
                       {QStringLiteral("entities"), entities}};
}

void RestDetector::done()
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished();
}

} // namespace Tributary
