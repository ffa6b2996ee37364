// The generic REST source against real loopback HTTP: LinkApiServer (an API convention Tributary
// did not design, every pagination style) and forum-sim with the shipped forum preset.
#include "BuiltinSources.h"
#include "rest/JsonPath.h"
#include "LinkApiServer.h"
#include "TestSupport.h"
#include "rest/LinkHeader.h"
#include "config/Config.h"
#include "rest/RestConfig.h"
#include "rest/RestSource.h"
#include "forum-sim/ForumGenerator.h"
#include "forum-sim/ForumSimThread.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Tributary;
using Tributary::Test::LinkApiServer;

namespace {

QJsonObject obj(const char *json)
{
    QJsonParseError pe;
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray(json), &pe);
    if (pe.error != QJsonParseError::NoError)
        qFatal("test JSON does not parse: %s at %d: %s", qPrintable(pe.errorString()), pe.offset, json);
    return d.object();
}

SourceConfig makeSource(const QJsonObject &rest, const QJsonArray &entities)
{
    SourceConfig s;
    s.name = QStringLiteral("api");
    s.type = QStringLiteral("rest");
    s.baseDir = QDir::tempPath();
    s.options = QJsonObject{{QStringLiteral("name"), s.name}, {QStringLiteral("type"), s.type},
                            {QStringLiteral("rest"), rest}, {QStringLiteral("entities"), entities}};
    for (const QJsonValue &v : entities) {
        EntityConfig e;
        e.name = v.toObject().value(QStringLiteral("name")).toString();
        e.table = e.name;
        e.options = v.toObject();
        s.entities.append(e);
    }
    return s;
}

SourceConfig itemsSource(const QString &baseUrl, const QString &endpoint, QJsonObject rest, QJsonObject entity = {})
{
    rest.insert(QStringLiteral("base_url"), baseUrl);
    if (!rest.contains(QStringLiteral("limits")))
        rest.insert(QStringLiteral("limits"), obj(R"({"timeout_ms": 3000, "max_retries": 2, "backoff_ms": 5, "max_backoff_ms": 20})"));
    entity.insert(QStringLiteral("name"), QStringLiteral("items"));
    entity.insert(QStringLiteral("table"), QStringLiteral("items"));
    entity.insert(QStringLiteral("external_id"), QStringLiteral("ID"));
    entity.insert(QStringLiteral("endpoint"), endpoint);
    return makeSource(rest, QJsonArray{entity});
}

struct PageResult
{
    int finishedCount = 0;
    Page page;
    Error error;
};

PageResult fetchOne(RestSource &src, const PageRequest &req)
{
    auto r = std::make_shared<PageResult>();
    PageJob *job = src.fetchPage(req);
    QObject::connect(job, &SourceJob::finished, &src, [r](SourceJob *j) {
        ++r->finishedCount;
        r->error = j->error();
        r->page = static_cast<PageJob *>(j)->page();
    });
    job->start();
    if (!QTest::qWaitFor([&] { return r->finishedCount > 0; }, 30000))
        r->error = Error(Error::Code::Internal, QStringLiteral("test: the page job never finished"));
    return *r;
}

struct Walk
{
    QList<QJsonObject> records;
    int pages = 0;
    int retries = 0;
    qint64 total = -1;
    QList<qint64> totals; // Page::total of each page
    Error error;
    QStringList urls;
};

Walk walk(RestSource &src, PageRequest req, int maxPages = 1000)
{
    Walk w;
    for (;;) {
        const PageResult r = fetchOne(src, req);
        if (r.finishedCount != 1) {
            w.error = Error(Error::Code::Internal, QStringLiteral("test: finished %1 times").arg(r.finishedCount));
            return w;
        }
        if (r.error) {
            w.error = r.error;
            return w;
        }
        ++w.pages;
        w.retries += r.page.retries;
        w.urls.append(r.page.url);
        if (r.page.total >= 0)
            w.total = r.page.total;
        w.totals.append(r.page.total);
        for (const QJsonValue &v : r.page.records)
            w.records.append(v.toObject());
        if (r.page.nextToken.isEmpty() || w.pages >= maxPages)
            return w;
        req.token = r.page.nextToken;
    }
}

struct RecordResult
{
    int finishedCount = 0;
    QJsonObject record;
    bool notFound = false;
    Error error;
};

RecordResult fetchRecord(RestSource &src, const QString &entity, const QString &id)
{
    auto r = std::make_shared<RecordResult>();
    RecordJob *job = src.fetchRecord(entity, id);
    QObject::connect(job, &SourceJob::finished, &src, [r](SourceJob *j) {
        ++r->finishedCount;
        r->error = j->error();
        r->record = static_cast<RecordJob *>(j)->record();
        r->notFound = static_cast<RecordJob *>(j)->isNotFound();
    });
    job->start();
    if (!QTest::qWaitFor([&] { return r->finishedCount > 0; }, 30000))
        r->error = Error(Error::Code::Internal, QStringLiteral("test: the record job never finished"));
    return *r;
}

QStringList ids(const QList<QJsonObject> &records, const QString &field = QStringLiteral("ID"))
{
    QStringList out;
    for (const QJsonObject &o : records) {
        const QJsonValue v = o.value(field);
        out.append(v.isString() ? v.toString() : QString::number(v.toDouble(), 'g', 17));
    }
    return out;
}

HttpResponse scripted(int status, const QByteArray &body, bool truncate = false)
{
    HttpResponse r = HttpResponse::json(status, body);
    r.truncate = truncate;
    return r;
}

} // namespace

class tst_RestSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void jsonPath_data();
    void jsonPath();
    void linkHeader_data();
    void linkHeader();
    void filterFormat_data();
    void filterFormat();
    void cursorValueForIsAcceptedByEveryFormat();
    void configValidation_data();
    void configValidation();
    void forumPresetValidates();

    void pagination_data();
    void pagination();
    void incrementalFilter_data();
    void incrementalFilter();
    void modeParameters_data();
    void modeParameters();
    void authentication_data();
    void authentication();
    void pageFaults_data();
    void pageFaults();
    void urlsInMessagesAreShownAsSent_data();
    void urlsInMessagesAreShownAsSent();
    void foreignNextUrlIsRefused_data();
    void foreignNextUrlIsRefused();
    void fetchRecord_data();
    void fetchRecord();
    void cursorFirstPage_data();
    void cursorFirstPage();
    void totalRequest_data();
    void totalRequest();
    void totalRequestFailure_data();
    void totalRequestFailure();
    void totalRequestEntityOverride();

    void forumPresetWalksForumSim();

private:
    LinkApiServer *m_api = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
};

void tst_RestSource::initTestCase()
{
    registerBuiltinSources();
    m_api = new LinkApiServer(this);
    QVERIFY(m_api->start());
    m_nam = new QNetworkAccessManager(this);
}

void tst_RestSource::init()
{
    m_api->setItems(LinkApiServer::makeItems(47));
    m_api->clearAuth();
    m_api->clearRequests();
    m_api->clearResponses(); // a failed test may leave scripted answers behind
}

// ---------------------------------------------------------------------------------------------
// Pure pieces

void tst_RestSource::jsonPath_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QByteArray>("expected"); // compact JSON of the value wrapped in an array

    const QByteArray laravel = R"({"data":[{"id":1}],"meta":{"total":20,"last_page":2},"links":{"next":null},"next_cursor":"abc"})";
    QTest::newRow("empty path is the body") << QByteArray("[1,2]") << QString() << true << QByteArray("[[1,2]]");
    QTest::newRow("top-level key") << laravel << "data" << true << QByteArray(R"([[{"id":1}]])");
    QTest::newRow("nested") << laravel << "meta.total" << true << QByteArray("[20]");
    QTest::newRow("present null") << laravel << "links.next" << true << QByteArray("[null]");
    QTest::newRow("missing key") << laravel << "meta.nope" << false << QByteArray();
    QTest::newRow("through a scalar") << laravel << "next_cursor.x" << false << QByteArray();
    QTest::newRow("array index") << laravel << "data.0.id" << true << QByteArray("[1]");
    QTest::newRow("index out of range") << laravel << "data.5.id" << false << QByteArray();
    QTest::newRow("non-numeric index") << laravel << "data.first" << false << QByteArray();
}

void tst_RestSource::jsonPath()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(bool, found);
    QFETCH(QByteArray, expected);
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const QJsonValue root = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    bool wasFound = false;
    const QJsonValue v = JsonPath::value(root, path, &wasFound);
    QCOMPARE(wasFound, found);
    if (found)
        QCOMPARE(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact), expected);
    else
        QVERIFY(v.isUndefined());
}

void tst_RestSource::linkHeader_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("rel");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("expected");

    const QByteArray github = R"(<https://api.example.com/items?page=2&per_page=10>; rel="next", <https://api.example.com/items?page=5&per_page=10>; rel="last")";
    QTest::newRow("github next") << github << "next" << QString() << "https://api.example.com/items?page=2&per_page=10";
    QTest::newRow("github last") << github << "last" << QString() << "https://api.example.com/items?page=5&per_page=10";
    QTest::newRow("no prev") << github << "prev" << QString() << QString();
    QTest::newRow("token rel, no spaces") << QByteArray("<https://h/2>;rel=next") << "next" << QString() << "https://h/2";
    QTest::newRow("several rels") << QByteArray(R"(<https://h/3>; rel="prev next")") << "next" << QString() << "https://h/3";
    QTest::newRow("case-insensitive") << QByteArray(R"(<https://h/4>; REL="Next")") << "next" << QString() << "https://h/4";
    QTest::newRow("relative to base") << QByteArray(R"(</items?page=3>; rel="next")") << "next" << "http://h:8080/items?page=2"
                                      << "http://h:8080/items?page=3";
    QTest::newRow("commas inside the URL") << QByteArray(R"(<https://h/i?ids=1,2,3&page=2>; rel="next")") << "next" << QString()
                                           << "https://h/i?ids=1,2,3&page=2";
    QTest::newRow("quoted comma and semicolon")
        << QByteArray(R"(<https://h/a>; title="a, b; c"; rel="prev", <https://h/b>; rel="next")") << "next" << QString() << "https://h/b";
    QTest::newRow("escaped quote") << QByteArray(R"(<https://h/a>; title="say \"hi\", ok"; rel="next")") << "next" << QString()
                                   << "https://h/a";
    QTest::newRow("garbage before a good link") << QByteArray(R"(garbage; x, <https://h/ok>; rel="next")") << "next" << QString()
                                                << "https://h/ok";
    QTest::newRow("first rel occurrence wins") << QByteArray(R"(<https://h/a>; rel="next"; rel="last")") << "last" << QString() << QString();
    QTest::newRow("empty") << QByteArray() << "next" << QString() << QString();
}

void tst_RestSource::linkHeader()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, rel);
    QFETCH(QString, base);
    QFETCH(QString, expected);
    const QUrl found = LinkHeader::find(header, rel, QUrl(base));
    QCOMPARE(found.isEmpty() ? QString() : found.toString(), expected);
}

void tst_RestSource::filterFormat_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected"); // empty: an error is expected

    const QString laravel = QStringLiteral("2026-11-21T10:15:30.123456Z");
    QTest::newRow("iso8601 as is") << laravel << "iso8601" << laravel;
    QTest::newRow("iso8601 keeps anything") << "whatever" << "iso8601" << "whatever";
    QTest::newRow("iso8601-seconds truncates") << laravel << "iso8601-seconds" << "2026-11-21T10:15:30Z";
    QTest::newRow("unix") << laravel << "unix" << "1795256130";
    QTest::newRow("unix-ms") << laravel << "unix-ms" << "1795256130123";
    QTest::newRow("date") << laravel << "date" << "2026-11-21";
    QTest::newRow("offset converted to UTC") << "2026-11-21T12:15:30+02:00" << "unix" << "1795256130";
    QTest::newRow("negative offset, date rolls") << "2026-11-20T23:30:00-05:00" << "date" << "2026-11-21";
    QTest::newRow("no zone means UTC") << "2026-11-21 10:15:30" << "unix" << "1795256130";
    QTest::newRow("bare date") << "2026-11-21" << "iso8601-seconds" << "2026-11-21T00:00:00Z";
    QTest::newRow("unix stays unix") << "1700000000" << "unix" << "1700000000";
    QTest::newRow("unix with fraction rounds down") << "1700000000.9" << "unix" << "1700000000";
    QTest::newRow("unix to iso8601-seconds") << "1700000000" << "iso8601-seconds" << "2023-11-14T22:13:20Z";
    QTest::newRow("unix-ms stays") << "1700000000123" << "unix-ms" << "1700000000123";
    QTest::newRow("ms magnitude to iso8601-seconds") << "1700000000123" << "iso8601-seconds" << "2023-11-14T22:13:20Z";
    QTest::newRow("server time to unix") << "2023-11-14T22:13:20.999Z" << "unix" << "1700000000";
    QTest::newRow("garbage") << "yesterday" << "unix" << QString();
    QTest::newRow("impossible date") << "2026-02-30T00:00:00Z" << "unix" << QString();
}

void tst_RestSource::filterFormat()
{
    QFETCH(QString, value);
    QFETCH(QString, format);
    QFETCH(QString, expected);
    const QStringList names = {QStringLiteral("iso8601"), QStringLiteral("iso8601-seconds"), QStringLiteral("unix"),
                               QStringLiteral("unix-ms"), QStringLiteral("date")};
    QVERIFY(names.contains(format));
    const auto f = RestIncremental::Format(names.indexOf(format));
    QCOMPARE(RestConfig::formatName(f), format);
    QString error;
    const QString got = RestConfig::formatFilterValue(value, f, &error);
    QCOMPARE(got, expected);
    if (expected.isEmpty()) {
        QVERIFY(error.contains(value));
        QVERIFY(error.contains(format));
    }
}

void tst_RestSource::cursorValueForIsAcceptedByEveryFormat()
{
    RestSource src(itemsSource(QStringLiteral("http://127.0.0.1:1"), QStringLiteral("/items"), {}), m_nam);
    const QDateTime t(QDate(2026, 11, 21), QTime(10, 15, 30, 250), Qt::UTC);
    const QString v = src.cursorValueFor(QStringLiteral("items"), t);
    QCOMPARE(v, QStringLiteral("2026-11-21T10:15:30.250Z"));
    QCOMPARE(src.cursorValueFor(QStringLiteral("items"), t.toOffsetFromUtc(3600)), v);
    for (int f = 0; f <= int(RestIncremental::Format::Date); ++f) {
        QString error;
        QVERIFY2(!RestConfig::formatFilterValue(v, RestIncremental::Format(f), &error).isEmpty(), qPrintable(error));
    }
}

void tst_RestSource::configValidation_data()
{
    QTest::addColumn<QByteArray>("rest");
    QTest::addColumn<QByteArray>("entity");
    QTest::addColumn<QString>("expected"); // the start of one error line; empty: valid

    const QByteArray base = R"("base_url": "https://api.example.com/v2")";
    const QByteArray entity = R"({"name": "items", "table": "items", "endpoint": "/items"})";
    auto rest = [&](const char *more) { return "{" + base + (qstrlen(more) ? ", " + QByteArray(more) : QByteArray()) + "}"; };

    QTest::newRow("valid minimal") << rest("") << entity << QString();
    QTest::newRow("valid full")
        << rest(R"("auth": {"type": "basic", "username": "bob", "password": {"env": "PW"}}, "headers": {"X-Client": "tributary"},
               "records_path": "data", "record_path": "data",
               "pagination": {"style": "page", "page_size": 50, "page_size_param": "per_page", "last_page_path": "meta.last_page", "total_path": "meta.total"},
               "incremental": {"param": "since", "field": "modified", "format": "unix", "tie_breaker": "id", "params": {"_sort": "modified", "n": 1}},
               "full_params": {"sort": "id"}, "id_scan_params": {"fields": "id"},
               "limits": {"timeout_ms": 1000, "max_retries": 0, "backoff_ms": 10, "max_backoff_ms": 100, "max_response_bytes": 1000, "requests_per_second": 2.5})")
        << entity << QString();
    QTest::newRow("bad style")
        << rest(R"("pagination": {"style": "pages"})") << entity
        << R"(sources.api.rest.pagination.style: expected one of page, offset, cursor, next_url, link_header, none; got "pages")";
    QTest::newRow("missing base_url") << QByteArray("{}") << entity << "sources.api.rest.base_url: is required";
    QTest::newRow("base_url not http") << QByteArray(R"({"base_url": "ftp://h/x"})") << entity
                                       << "sources.api.rest.base_url: expected an absolute http:// or https:// URL";
    QTest::newRow("base_url with password") << QByteArray(R"({"base_url": "https://u:p@h/x"})") << entity
                                            << "sources.api.rest.base_url: must not contain a user name or password";
    QTest::newRow("header value with CR LF")
        << rest(R"("headers": {"X-Client": "tributary\r\nAuthorization: Bearer injected"})") << entity
        << "sources.api.rest.headers.X-Client: contains a line break (CR or LF)";
    QTest::newRow("header value with LF") << rest(R"("headers": {"X-Client": "a\nb"})") << entity
                                          << "sources.api.rest.headers.X-Client: contains a line break (CR or LF)";
    QTest::newRow("header value with NUL") << rest(R"("headers": {"X-Client": "a\u0000b"})") << entity
                                           << "sources.api.rest.headers.X-Client: contains a line break (CR or LF) or another control";
    QTest::newRow("header value with a tab") << rest(R"("headers": {"X-Client": "a\tb"})") << entity << QString();
    QTest::newRow("header name with CR LF") << rest(R"("headers": {"X-Client\r\nAuthorization": "x"})") << entity
                                            << "sources.api.rest.headers.X-Client\\r\\nAuthorization: is not a valid HTTP header name";
    QTest::newRow("api key header name with CR LF")
        << rest(R"("auth": {"type": "api_key", "header": "X-Key\r\nAuthorization: Bearer x", "key": {"env": "K"}})") << entity
        << "sources.api.rest.auth.header: is not an HTTP header name";
    QTest::newRow("unknown rest key") << rest(R"("recordz_path": "data")") << entity
                                      << "sources.api.rest.recordz_path: unknown key";
    QTest::newRow("unknown entity key") << rest("") << QByteArray(R"({"name": "items", "table": "t", "endpoint": "/i", "endpont": "/x"})")
                                        << "sources.api.entities.items.endpont: unknown key";
    QTest::newRow("missing endpoint") << rest("") << QByteArray(R"({"name": "items", "table": "t"})")
                                      << "sources.api.entities.items.endpoint: is required";
    QTest::newRow("endpoint with query") << rest("") << QByteArray(R"({"name": "items", "table": "t", "endpoint": "/i?x=1"})")
                                         << "sources.api.entities.items.endpoint: a path only";
    QTest::newRow("plain-text token") << rest(R"("auth": {"type": "bearer", "token": "abc"})") << entity
                                      << "sources.api.rest.auth.token: secrets are not stored in the configuration";
    QTest::newRow("missing token") << rest(R"("auth": {"type": "bearer"})") << entity << "sources.api.rest.auth.token: is required";
    QTest::newRow("bad auth type") << rest(R"("auth": {"type": "oauth"})") << entity
                                   << R"(sources.api.rest.auth.type: expected one of none, bearer, basic, api_key, oauth2; got "oauth")";
    QTest::newRow("api_key without header") << rest(R"("auth": {"type": "api_key", "key": {"env": "K"}})") << entity
                                            << "sources.api.rest.auth.header: is required";
    QTest::newRow("unknown auth key") << rest(R"("auth": {"type": "bearer", "token": {"env": "T"}, "user": "x"})") << entity
                                      << "sources.api.rest.auth.user: unknown key";
    QTest::newRow("bad format") << rest(R"("incremental": {"param": "since", "field": "m", "format": "epoch"})") << entity
                                << R"(sources.api.rest.incremental.format: expected one of iso8601, iso8601-seconds, unix, unix-ms, date; got "epoch")";
    QTest::newRow("incremental without param") << rest(R"("incremental": {"field": "m"})") << entity
                                               << "sources.api.rest.incremental.param: is required";
    QTest::newRow("entity override names the entity")
        << rest("") << QByteArray(R"({"name": "items", "table": "t", "endpoint": "/i", "pagination": {"style": "pages"}})")
        << R"(sources.api.entities.items.pagination.style: expected one of page, offset, cursor, next_url, link_header, none; got "pages")";
    QTest::newRow("entity incremental override") << rest(R"("incremental": {"param": "since", "field": "m"})")
                                                 << QByteArray(R"({"name": "items", "table": "t", "endpoint": "/i", "incremental": {"tie_breaker": "name"}})")
                                                 << "sources.api.entities.items.incremental.tie_breaker: expected one of id, none";
    QTest::newRow("next_url without path") << rest(R"("pagination": {"style": "next_url"})") << entity
                                           << "sources.api.rest.pagination.next_url_path: is required with style next_url";
    QTest::newRow("offset without page size") << rest(R"("pagination": {"style": "offset"})") << entity
                                              << "sources.api.rest.pagination.page_size: is required with style offset";
    QTest::newRow("unknown pagination key") << rest(R"("pagination": {"style": "page", "pagesize": 3})") << entity
                                            << "sources.api.rest.pagination.pagesize: unknown key";
    QTest::newRow("negative timeout") << rest(R"("limits": {"timeout_ms": -1})") << entity
                                      << "sources.api.rest.limits.timeout_ms: expected a whole number from 1 to 3600000";
    QTest::newRow("unknown limit") << rest(R"("limits": {"retries": 3})") << entity << "sources.api.rest.limits.retries: unknown key";
    QTest::newRow("Authorization header") << rest(R"("headers": {"Authorization": "Bearer x"})") << entity
                                          << "sources.api.rest.headers.Authorization: credentials do not belong in the configuration";
    QTest::newRow("bad records_path") << rest(R"("records_path": "a..b")") << entity
                                      << R"(sources.api.rest.records_path: "a..b" is not a dotted path)";
    const QByteArray tr = R"("pagination": {"style": "cursor", "total_request": )";
    QTest::newRow("total_request, path") << rest(tr + R"({"params": {"page": "1", "per_page": 1, "x": true}, "total_path": "meta.total"}})") << entity
                                         << QString();
    QTest::newRow("total_request, header, no params") << rest(tr + R"({"total_header": "X-Total-Count"}})") << entity << QString();
    QTest::newRow("total_request null") << rest(tr + "null}") << entity << QString();
    QTest::newRow("total_request, entity null") << rest(tr + R"({"total_path": "meta.total"}})")
                                                << QByteArray(R"({"name": "items", "table": "t", "endpoint": "/i", "pagination": {"total_request": null}})")
                                                << QString();
    QTest::newRow("total_request not an object") << rest(tr + R"("meta.total"})") << entity
                                                 << "sources.api.rest.pagination.total_request: expected an object";
    QTest::newRow("total_request, neither path nor header") << rest(tr + R"({"params": {"per_page": "1"}}})") << entity
                                                            << "sources.api.rest.pagination.total_request.total_path: is required";
    QTest::newRow("total_request, both path and header") << rest(tr + R"({"total_path": "meta.total", "total_header": "X-Total-Count"}})") << entity
                                                         << "sources.api.rest.pagination.total_request.total_header: cannot be combined with total_path";
    QTest::newRow("total_request, unknown key") << rest(tr + R"({"total_path": "meta.total", "param": {"a": "1"}}})") << entity
                                                << "sources.api.rest.pagination.total_request.param: unknown key; expected one of params, total_path, total_header";
    QTest::newRow("total_request, bad path") << rest(tr + R"({"total_path": "meta..total"}})") << entity
                                             << R"(sources.api.rest.pagination.total_request.total_path: "meta..total" is not a dotted path)";
    QTest::newRow("total_request, empty path") << rest(tr + R"({"total_path": ""}})") << entity
                                               << "sources.api.rest.pagination.total_request.total_path: must not be empty";
    QTest::newRow("total_request, path not a string") << rest(tr + R"({"total_path": 3}})") << entity
                                                      << "sources.api.rest.pagination.total_request.total_path: expected a string, got a number";
    QTest::newRow("total_request, bad header") << rest(tr + R"({"total_header": "X Total"}})") << entity
                                               << R"(sources.api.rest.pagination.total_request.total_header: "X Total" is not a valid HTTP header name)";
    QTest::newRow("total_request, object param") << rest(tr + R"({"params": {"page": {"n": 1}}, "total_path": "meta.total"}})") << entity
                                                 << "sources.api.rest.pagination.total_request.params.page: expected a string, number or boolean";
    QTest::newRow("total_request, params not an object") << rest(tr + R"({"params": ["page"], "total_path": "meta.total"}})") << entity
                                                          << "sources.api.rest.pagination.total_request.params: expected an object, got an array";
    QTest::newRow("total_request in an entity names the entity")
        << rest(R"("pagination": {"style": "cursor"})")
        << QByteArray(R"({"name": "items", "table": "t", "endpoint": "/i", "pagination": {"total_request": {"total_path": "meta.total", "extra": 1}}})")
        << "sources.api.entities.items.pagination.total_request.extra: unknown key";
    QTest::newRow("object param value") << rest(R"("full_params": {"sort": {"by": "id"}})") << entity
                                        << "sources.api.rest.full_params.sort: expected a string, number or boolean";
}

void tst_RestSource::configValidation()
{
    QFETCH(QByteArray, rest);
    QFETCH(QByteArray, entity);
    QFETCH(QString, expected);
    const SourceConfig config = makeSource(QJsonDocument::fromJson(rest).object(), QJsonArray{QJsonDocument::fromJson(entity).object()});
    QStringList errors;
    const bool ok = RestConfig::parse(config, nullptr, &errors);
    const QString unexpected = Test::unexpectedProblems(ok, errors, expected);
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected));
    for (const QString &e : std::as_const(errors))
        QVERIFY2(!e.contains(QLatin1Char('\n')), qPrintable(e));
}

void tst_RestSource::forumPresetValidates()
{
    QFile f(QStringLiteral(":/tributary/presets/forum.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    Config config;
    QStringList errors;
    QVERIFY2(Config::fromJson(root, QDir::temp().filePath(QStringLiteral("tributary.json")), &config, &errors),
             qPrintable(errors.join(QLatin1Char('\n'))));
    const SourceConfig *forum = config.source(QStringLiteral("forum"));
    QVERIFY(forum);
    QVERIFY2(RestSource::validate(*forum).isEmpty(), qPrintable(RestSource::validate(*forum).join(QLatin1Char('\n'))));

    RestSource src(*forum, m_nam);
    for (const QString &entity : {QStringLiteral("users"), QStringLiteral("sections"), QStringLiteral("topics"), QStringLiteral("messages")}) {
        const EntityCapabilities caps = src.capabilities(entity);
        QVERIFY(caps.incremental);
        QCOMPARE(caps.cursorField, QStringLiteral("updated_at"));
        QVERIFY(caps.tieBreakById);
        QVERIFY(caps.idScan);
        QVERIFY(caps.reportsTotal); // through pagination.total_request
    }
}

// ---------------------------------------------------------------------------------------------
// Walks over real HTTP

void tst_RestSource::pagination_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("rest");
    QTest::addColumn<int>("items");
    QTest::addColumn<int>("pages");
    QTest::addColumn<qint64>("total");

    const QByteArray link = R"({"pagination": {"style": "link_header", "page_size": 10, "page_size_param": "per_page", "total_header": "X-Total-Count"}})";
    const QByteArray offset = R"({"records_path": "results", "pagination": {"style": "offset", "page_size": 10, "offset_param": "offset", "limit_param": "limit", "total_path": "count"}})";
    const QByteArray offsetNoTotal = R"({"records_path": "results", "pagination": {"style": "offset", "page_size": 10}})";
    const QByteArray cursor = R"({"records_path": "entries", "pagination": {"style": "cursor", "page_size": 10, "page_size_param": "limit", "cursor_param": "after", "next_cursor_path": "meta.next"}})";
    const QByteArray next = R"({"records_path": "data.items", "pagination": {"style": "next_url", "page_size": 10, "page_size_param": "size", "next_url_path": "paging.next_page_url"}})";
    const QByteArray pageLast = R"({"records_path": "records", "pagination": {"style": "page", "page_size": 10, "page_size_param": "limit", "last_page_path": "meta.last_page", "total_path": "meta.total"}})";
    const QByteArray pageSize = R"({"records_path": "records", "pagination": {"style": "page", "page_size": 10, "page_size_param": "limit"}})";
    const QByteArray pageZero = R"({"records_path": "records", "pagination": {"style": "page", "first_page": 0, "page_size": 10, "page_size_param": "limit"}, "full_params": {"zero_based": 1}})";
    const QByteArray none = R"({"records_path": "items", "pagination": {"style": "none"}})";

    QTest::newRow("link_header") << "/items" << link << 47 << 5 << qint64(47);
    QTest::newRow("link_header, one per page") << "/items" << QByteArray(R"({"pagination": {"style": "link_header", "page_size": 1, "page_size_param": "per_page"}})")
                                               << 7 << 7 << qint64(-1);
    QTest::newRow("link_header, empty") << "/items" << link << 0 << 1 << qint64(0);
    QTest::newRow("offset") << "/offset/items" << offset << 47 << 5 << qint64(47);
    // A full page that reaches the total is asked past once: a total can be wrong.
    QTest::newRow("offset, exact multiple, a full page at the total asks once more") << "/offset/items" << offset << 40 << 5 << qint64(40);
    QTest::newRow("offset, exact multiple, empty page stops") << "/offset/items" << offsetNoTotal << 40 << 5 << qint64(-1);
    QTest::newRow("cursor") << "/cursor/items" << cursor << 47 << 5 << qint64(-1);
    QTest::newRow("cursor, exact multiple") << "/cursor/items" << cursor << 40 << 4 << qint64(-1);
    QTest::newRow("cursor, empty") << "/cursor/items" << cursor << 0 << 1 << qint64(-1);
    QTest::newRow("next_url") << "/next/items" << next << 47 << 5 << qint64(-1);
    QTest::newRow("page, last_page") << "/paged/items" << pageLast << 47 << 5 << qint64(47);
    QTest::newRow("page, last_page, exact multiple") << "/paged/items" << pageLast << 40 << 4 << qint64(40);
    // A short page is no proof of the end (APIs cap page sizes): the empty page after it is.
    QTest::newRow("page, a short page asks once more") << "/paged/items" << pageSize << 47 << 6 << qint64(-1);
    QTest::newRow("page, exact multiple, empty page stops") << "/paged/items" << pageSize << 40 << 5 << qint64(-1);
    QTest::newRow("page, first_page 0") << "/paged/items" << pageZero << 25 << 4 << qint64(-1);
    QTest::newRow("none") << "/all/items" << none << 47 << 1 << qint64(-1);
}

void tst_RestSource::pagination()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, rest);
    QFETCH(int, items);
    QFETCH(int, pages);
    QFETCH(qint64, total);

    QList<QJsonObject> data = LinkApiServer::makeItems(items);
    m_api->setItems(data);
    QJsonObject r = QJsonDocument::fromJson(rest).object();
    RestSource src(itemsSource(m_api->baseUrl(), endpoint, r), m_nam);
    QVERIFY2(!src.setupError(), qPrintable(src.setupError().toString()));

    PageRequest req;
    req.entity = QStringLiteral("items");
    req.mode = PageRequest::Mode::Full;
    const Walk w = walk(src, req);
    QVERIFY2(!w.error, qPrintable(w.error.toString()));

    QStringList expected = ids(data);
    QStringList got = ids(w.records);
    QCOMPARE(QSet<QString>(got.cbegin(), got.cend()).size(), got.size()); // none twice
    std::sort(got.begin(), got.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(got, expected);                                                // none missing
    QCOMPARE(w.pages, pages);
    QCOMPARE(w.total, total);
    if (total >= 0)
        QVERIFY(src.capabilities(QStringLiteral("items")).reportsTotal);
    QCOMPARE(m_api->requests().size(), pages);
    // Nested fields of a convention we did not design come through untouched.
    if (!w.records.isEmpty())
        QCOMPARE(JsonPath::value(w.records.first(), QStringLiteral("author.email")).toString(),
                 ids({w.records.first()}).first() + QStringLiteral("@example.org"));
}

void tst_RestSource::incrementalFilter_data()
{
    QTest::addColumn<QString>("since");
    QTest::addColumn<QString>("sentSince");
    QTest::addColumn<int>("expectedCount");

    // makeItems(47): modified = 1700000000 + i / 3, so three records share each stamp.
    QTest::newRow("from the beginning") << QString() << QString() << 47;
    QTest::newRow("raw record value") << "1700000005" << "1700000005" << 47 - 15;
    QTest::newRow("server time (ISO)") << "2023-11-14T22:13:25.000Z" << "1700000005" << 47 - 15;
    QTest::newRow("ISO with ms rounds down") << "2023-11-14T22:13:25.999Z" << "1700000005" << 47 - 15;
    QTest::newRow("past the end") << "1800000000" << "1800000000" << 0;
}

void tst_RestSource::incrementalFilter()
{
    QFETCH(QString, since);
    QFETCH(QString, sentSince);
    QFETCH(int, expectedCount);

    const QJsonObject rest = obj(R"({"pagination": {"style": "link_header", "page_size": 4, "page_size_param": "per_page", "total_header": "X-Total-Count"},
                                    "incremental": {"param": "since", "field": "modified", "format": "unix", "tie_breaker": "id", "params": {"_sort": "modified"}},
                                    "full_params": {"_sort": "ID"}})");
    RestSource src(itemsSource(m_api->baseUrl(), QStringLiteral("/items"), rest), m_nam);
    const EntityCapabilities caps = src.capabilities(QStringLiteral("items"));
    QVERIFY(caps.incremental);
    QCOMPARE(caps.cursorField, QStringLiteral("modified"));
    QVERIFY(caps.tieBreakById);
    QVERIFY(!caps.idScan);
    QVERIFY(caps.reportsTotal);

    // Shuffle the stored order so that only the server's sort can produce the expected order.
    QList<QJsonObject> data = m_api->items();
    std::reverse(data.begin(), data.end());
    m_api->setItems(data);

    PageRequest req;
    req.entity = QStringLiteral("items");
    req.mode = PageRequest::Mode::Incremental;
    req.since = since;
    const Walk w = walk(src, req);
    QVERIFY2(!w.error, qPrintable(w.error.toString()));
    QCOMPARE(w.records.size(), expectedCount);
    QCOMPARE(w.total, qint64(expectedCount));
    for (int i = 1; i < w.records.size(); ++i) {
        const auto a = std::make_pair(w.records.at(i - 1).value(QStringLiteral("modified")).toDouble(), w.records.at(i - 1).value(QStringLiteral("ID")).toString());
        const auto b = std::make_pair(w.records.at(i).value(QStringLiteral("modified")).toDouble(), w.records.at(i).value(QStringLiteral("ID")).toString());
        QVERIFY(a < b);
    }
    for (const HttpRequest &r : m_api->requests()) {
        QCOMPARE(r.query.queryItemValue(QStringLiteral("since")), sentSince);
        QCOMPARE(r.query.hasQueryItem(QStringLiteral("since")), !sentSince.isEmpty());
        QCOMPARE(r.query.queryItemValue(QStringLiteral("_sort")), QStringLiteral("modified"));
    }
}

void tst_RestSource::modeParameters_data()
{
    QTest::addColumn<QByteArray>("entity");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("expectedQuery"); // sorted "k=v" joined by '&', page params excluded
    QTest::addColumn<bool>("idScan");

    const int inc = int(PageRequest::Mode::Incremental), full = int(PageRequest::Mode::Full), ids = int(PageRequest::Mode::Ids);
    QTest::newRow("incremental") << QByteArray("{}") << inc << "_sort=modified&since=1700000001&x=inc" << true;
    QTest::newRow("full") << QByteArray("{}") << full << "_sort=ID&x=full" << true;
    QTest::newRow("ids") << QByteArray("{}") << ids << "fields=ID,modified&x=ids" << true;
    QTest::newRow("ids without id_scan_params is full") << QByteArray(R"({"id_scan_params": null})") << ids << "_sort=ID&x=full" << false;
    QTest::newRow("incremental disabled is full") << QByteArray(R"({"incremental": false})") << inc << "_sort=ID&x=full" << true;
    QTest::newRow("entity full_params override") << QByteArray(R"({"full_params": {"y": 2}})") << full << "y=2" << true;
    QTest::newRow("entity incremental override merges") << QByteArray(R"({"incremental": {"param": "changed_after"}})") << inc
                                                        << "_sort=modified&changed_after=1700000001&x=inc" << true;
}

void tst_RestSource::modeParameters()
{
    QFETCH(QByteArray, entity);
    QFETCH(int, mode);
    QFETCH(QString, expectedQuery);
    QFETCH(bool, idScan);

    const QJsonObject rest = obj(R"({"records_path": "items",
                                    "incremental": {"param": "since", "field": "modified", "format": "unix", "params": {"_sort": "modified", "x": "inc"}},
                                    "full_params": {"_sort": "ID", "x": "full"}, "id_scan_params": {"fields": "ID,modified", "x": "ids"}})");
    RestSource src(itemsSource(m_api->baseUrl(), QStringLiteral("/all/items"), rest, QJsonDocument::fromJson(entity).object()), m_nam);
    QVERIFY2(!src.setupError(), qPrintable(src.setupError().toString()));
    QCOMPARE(src.capabilities(QStringLiteral("items")).idScan, idScan);

    PageRequest req;
    req.entity = QStringLiteral("items");
    req.mode = PageRequest::Mode(mode);
    req.since = QStringLiteral("1700000001");
    const PageResult r = fetchOne(src, req);
    QVERIFY2(!r.error, qPrintable(r.error.toString()));
    QCOMPARE(m_api->requests().size(), 1);
    QStringList pairs;
    for (const auto &item : m_api->requests().first().query.queryItems(QUrl::FullyDecoded))
        pairs.append(item.first + QLatin1Char('=') + item.second);
    pairs.sort();
    QCOMPARE(pairs.join(QLatin1Char('&')), expectedQuery);
}

void tst_RestSource::authentication_data()
{
    QTest::addColumn<QByteArray>("auth");
    QTest::addColumn<QString>("serverAuth"); // "basic:user:pass", "key:Header:value", "" = open
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("messageContains");

    const int none = int(Error::Code::None), auth = int(Error::Code::Auth), config = int(Error::Code::Config);
    QTest::newRow("none, open server") << QByteArray(R"({"type": "none"})") << QString() << none << QString();
    QTest::newRow("basic") << QByteArray(R"({"type": "basic", "username": "bob", "password": {"env": "TST_REST_PASSWORD"}})")
                           << "basic:bob:pa55:word" << none << QString();
    QTest::newRow("basic, username from env")
        << QByteArray(R"({"type": "basic", "username": {"env": "TST_REST_USER"}, "password": {"env": "TST_REST_PASSWORD"}})")
        << "basic:alice:pa55:word" << none << QString();
    QTest::newRow("basic, wrong password") << QByteArray(R"({"type": "basic", "username": "bob", "password": {"env": "TST_REST_WRONG"}})")
                                           << "basic:bob:pa55:word" << auth << "check the user name and password (environment variable TST_REST_WRONG)";
    QTest::newRow("api key") << QByteArray(R"({"type": "api_key", "header": "X-Api-Key", "key": {"env": "TST_REST_KEY"}})")
                             << "key:X-Api-Key:k-123" << none << QString();
    QTest::newRow("api key missing") << QByteArray(R"({"type": "none"})") << "key:X-Api-Key:k-123" << auth
                                     << "HTTP 401 Unauthorized \"Bad credentials\"";
    QTest::newRow("unset variable") << QByteArray(R"({"type": "bearer", "token": {"env": "TST_REST_UNSET"}})") << QString() << config
                                    << "environment variable TST_REST_UNSET is not set";
    // A line break would end the Authorization header and smuggle in headers of its own.
    QTest::newRow("token with a line break") << QByteArray(R"({"type": "bearer", "token": {"env": "TST_REST_CRLF"}})") << QString()
                                             << config << "the credential sources.api.rest.auth.token contains a line break";
    QTest::newRow("api key with a line break")
        << QByteArray(R"({"type": "api_key", "header": "X-Api-Key", "key": {"env": "TST_REST_CRLF"}})") << QString() << config
        << "the credential sources.api.rest.auth.key contains a line break";
}

void tst_RestSource::authentication()
{
    QFETCH(QByteArray, auth);
    QFETCH(QString, serverAuth);
    QFETCH(int, code);
    QFETCH(QString, messageContains);

    qputenv("TST_REST_USER", "alice");
    qputenv("TST_REST_PASSWORD", "pa55:word");
    qputenv("TST_REST_WRONG", "guess");
    qputenv("TST_REST_KEY", "k-123");
    qunsetenv("TST_REST_UNSET");
    qputenv("TST_REST_CRLF", "tok-123456\r\nX-Injected: yes");
    const QStringList s = serverAuth.split(QLatin1Char(':'));
    if (s.first() == QLatin1String("basic"))
        m_api->setBasicAuth(s.at(1), s.mid(2).join(QLatin1Char(':')));
    else if (s.first() == QLatin1String("key"))
        m_api->setApiKey(s.at(1).toLatin1(), s.at(2).toLatin1());

    QJsonObject rest = obj(R"({"records_path": "items"})");
    rest.insert(QStringLiteral("auth"), QJsonDocument::fromJson(auth).object());
    RestSource src(itemsSource(m_api->baseUrl(), QStringLiteral("/all/items"), rest), m_nam);
    PageRequest req;
    req.entity = QStringLiteral("items");
    const PageResult r = fetchOne(src, req);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(int(r.error.code) == code, qPrintable(r.error.toString()));
    if (!messageContains.isEmpty())
        QVERIFY2(r.error.message.contains(messageContains), qPrintable(r.error.message));
    if (code == int(Error::Code::None))
        QCOMPARE(r.page.records.size(), 47);
    if (code == int(Error::Code::Config))
        QCOMPARE(m_api->requests().size(), 0); // refused before sending anything
    if (code == int(Error::Code::Auth))
        QCOMPARE(m_api->requests().size(), 1); // no retry storm
    // Secrets never appear in messages.
    for (const char *secret : {"pa55", "guess", "k-123"})
        QVERIFY(!r.error.toString().contains(QLatin1String(secret)));
}

void tst_RestSource::pageFaults_data()
{
    QTest::addColumn<QList<int>>("statuses");      // scripted answers before the normal ones
    QTest::addColumn<QList<QByteArray>>("bodies");
    QTest::addColumn<bool>("truncate");
    QTest::addColumn<int>("code");
    QTest::addColumn<QStringList>("messageContains");
    QTest::addColumn<int>("retries");
    QTest::addColumn<int>("records"); // on the page that succeeds

    const int none = int(Error::Code::None), parse = int(Error::Code::Parse), http = int(Error::Code::Http);
    const QByteArray bad = R"({"items": [{"ID": "x"}, )";
    QTest::newRow("malformed once, then good") << QList<int>{200} << QList<QByteArray>{bad} << false << none << QStringList() << 1 << 47;
    QTest::newRow("malformed twice, then good") << QList<int>{200, 200} << QList<QByteArray>{bad, bad} << false << none << QStringList() << 2 << 47;
    QTest::newRow("malformed every time")
        << QList<int>{200, 200, 200} << QList<QByteArray>{bad, bad, bad} << false << parse
        << QStringList{QStringLiteral("malformed JSON at offset"), QStringLiteral("/all/items"), QStringLiteral("after 2 retries"),
                       QStringLiteral("source api, entity items")}
        << 2 << 47;
    QTest::newRow("truncated, then good") << QList<int>{200} << QList<QByteArray>{R"({"items": [{"ID": "1"}, {"ID": "2"}]})"} << true
                                          << none << QStringList() << 1 << 47;
    // Elements that are not objects are bad records, not a bad page: the applier quarantines them.
    QTest::newRow("records not objects") << QList<int>{200} << QList<QByteArray>{R"({"items": [1, 2]})"} << false << none << QStringList()
                                         << 0 << 2;
    QTest::newRow("missing records_path") << QList<int>{200} << QList<QByteArray>{R"({"data": []})"} << false << parse
                                          << QStringList{QStringLiteral("no \"items\" in the response (records_path)")} << 0 << 47;
    QTest::newRow("records_path not an array") << QList<int>{200} << QList<QByteArray>{R"({"items": {"a": 1}})"} << false << parse
                                               << QStringList{QStringLiteral("expected an array of records at \"items\"")} << 0 << 47;
    QTest::newRow("500 then good") << QList<int>{500} << QList<QByteArray>{""} << false << none << QStringList() << 1 << 47;
    QTest::newRow("422") << QList<int>{422} << QList<QByteArray>{R"({"message": "per_page must be 1..100"})"} << false << http
                         << QStringList{QStringLiteral("HTTP 422"), QStringLiteral("per_page must be 1..100")} << 0 << 47;
}

void tst_RestSource::pageFaults()
{
    QFETCH(QList<int>, statuses);
    QFETCH(QList<QByteArray>, bodies);
    QFETCH(bool, truncate);
    QFETCH(int, code);
    QFETCH(QStringList, messageContains);
    QFETCH(int, retries);
    QFETCH(int, records);

    for (int i = 0; i < statuses.size(); ++i)
        m_api->pushResponse(scripted(statuses.at(i), bodies.at(i), truncate));
    RestSource src(itemsSource(m_api->baseUrl(), QStringLiteral("/all/items"), obj(R"({"records_path": "items"})")), m_nam);
    PageRequest req;
    req.entity = QStringLiteral("items");
    req.mode = PageRequest::Mode::Full;
    const PageResult r = fetchOne(src, req);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(int(r.error.code) == code, qPrintable(r.error.toString()));
    for (const QString &m : messageContains)
        QVERIFY2(r.error.message.contains(m), qPrintable(r.error.message));
    if (code == int(Error::Code::None)) {
        QCOMPARE(r.page.records.size(), records);
        QCOMPARE(r.page.retries, retries);
        QVERIFY(r.page.serverTime.isValid());
        QVERIFY(r.page.url.endsWith(QStringLiteral("/all/items")));
    }
    QCOMPARE(m_api->pendingResponses(), 0);
}

void tst_RestSource::urlsInMessagesAreShownAsSent_data()
{
    QTest::addColumn<QList<QByteArray>>("bodies");
    QTest::addColumn<QString>("messageContains");
    const QByteArray bad = R"({"items": [{"ID": "x"}, )";
    QTest::newRow("malformed JSON") << QList<QByteArray>{bad, bad, bad} << QStringLiteral("malformed JSON at offset 24 of 24 bytes");
    QTest::newRow("records_path not an array") << QList<QByteArray>{R"({"items": {"a": 1}})"}
                                               << QStringLiteral("expected an array of records at \"items\"");
}

// Query values with ':', '/' and '%' travel as %3A, %2F and %25; messages show the URL as it was
// sent, never with an escape taken for a placeholder of the message.
void tst_RestSource::urlsInMessagesAreShownAsSent()
{
    QFETCH(QList<QByteArray>, bodies);
    QFETCH(QString, messageContains);
    for (const QByteArray &body : bodies)
        m_api->pushResponse(scripted(200, body));
    RestSource src(itemsSource(m_api->baseUrl(), QStringLiteral("/all/items"),
                               obj(R"({"records_path": "items", "full_params": {"since": "2026-11-21T10:15:30Z", "path": "/a/b", "q": "100%"}})")),
                   m_nam);
    PageRequest req;
    req.entity = QStringLiteral("items");
    req.mode = PageRequest::Mode::Full;
    const PageResult r = fetchOne(src, req);
    QCOMPARE(r.error.code, Error::Code::Parse);
    QVERIFY2(r.error.message.contains(QStringLiteral("/all/items?")), qPrintable(r.error.message));
    for (const QString &sent : {QStringLiteral("since=2026-11-21T10%3A15%3A30Z"), QStringLiteral("path=%2Fa%2Fb"), QStringLiteral("q=100%25")})
        QVERIFY2(r.error.message.contains(sent), qPrintable(r.error.message));
    QVERIFY2(r.error.message.contains(messageContains), qPrintable(r.error.message));
    QCOMPARE(m_api->pendingResponses(), 0);
}

void tst_RestSource::foreignNextUrlIsRefused_data()
{
    QTest::addColumn<bool>("linkHeader");
    QTest::newRow("next_url in the body") << false;
    QTest::newRow("Link header") << true;
}

void tst_RestSource::foreignNextUrlIsRefused()
{
    QFETCH(bool, linkHeader);
    const QString foreign = QStringLiteral("http://127.0.0.1:%1/next/items?pg=2").arg(m_api->port() == 65535 ? 1 : m_api->port() + 1);
    HttpResponse r = HttpResponse::json(200, linkHeader ? QByteArray("[{\"ID\": \"a\"}]")
                                                        : QJsonDocument(QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("ID"), QStringLiteral("a")}}}}}},
                                                                                    {QStringLiteral("paging"), QJsonObject{{QStringLiteral("next_page_url"), foreign}}}})
                                                              .toJson(QJsonDocument::Compact));
    if (linkHeader)
        r.setHeader("Link", QStringLiteral("<%1>; rel=\"next\"").arg(foreign).toUtf8());
    m_api->pushResponse(r);
    const QJsonObject rest = linkHeader ? obj(R"({"pagination": {"style": "link_header"}})")
                                        : obj(R"({"records_path": "data.items", "pagination": {"style": "next_url", "next_url_path": "paging.next_page_url"}})");
    RestSource src(itemsSource(m_api->baseUrl(), linkHeader ? QStringLiteral("/items") : QStringLiteral("/next/items"), rest), m_nam);
    PageRequest req;
    req.entity = QStringLiteral("items");
    req.mode = PageRequest::Mode::Full;
    PageResult pr = fetchOne(src, req);
    QVERIFY(pr.error);
    QVERIFY2(pr.error.message.contains(QStringLiteral("another origin")), qPrintable(pr.error.message));

    // A stored token pointing elsewhere is refused before anything is sent.
    m_api->clearRequests();
    req.token = foreign;
    pr = fetchOne(src, req);
    QCOMPARE(pr.error.code, Error::Code::Config);
    QCOMPARE(m_api->requests().size(), 0);
}

void tst_RestSource::fetchRecord_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("exists");
    QTest::addColumn<QString>("recordPath");
    QTest::newRow("found") << "itm-0003" << true << QString();
    QTest::newRow("not found") << "itm-9999" << false << QString();
    QTest::newRow("slash and space are encoded") << "a/b c?d#e" << true << QString();
    QTest::newRow("unicode") << QStringLiteral("ünï-ç") << true << QString();
}

void tst_RestSource::fetchRecord()
{
    QFETCH(QString, id);
    QFETCH(bool, exists);
    QFETCH(QString, recordPath);
    if (exists && !id.startsWith(QLatin1String("itm-")))
        m_api->addItem(LinkApiServer::makeItem(id, 1700009999));
    QJsonObject rest = obj(R"({"records_path": "items"})");
    rest.insert(QStringLiteral("record_path"), recordPath);
    RestSource src(itemsSource(m_api->baseUrl(), QStringLiteral("/all/items"), rest), m_nam);
    const RecordResult r = ::fetchRecord(src, QStringLiteral("items"), id);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(!r.error, qPrintable(r.error.toString()));
    QCOMPARE(r.notFound, !exists);
    if (exists)
        QCOMPARE(r.record.value(QStringLiteral("ID")).toString(), id);
    else
        QVERIFY(r.record.isEmpty());
    QCOMPARE(m_api->requests().size(), 1);
    QVERIFY(!m_api->requests().first().target.contains(' '));
}

void tst_RestSource::cursorFirstPage_data()
{
    QTest::addColumn<QByteArray>("extra");     // pagination keys added
    QTest::addColumn<QString>("sent");         // value of "after" on the first request; null: absent
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("default: sent empty") << QByteArray() << QString(QLatin1String("")) << QString();
    QTest::newRow("first_cursor null: omitted") << QByteArray(R"("first_cursor": null)") << QString() << QString();
    QTest::newRow("first_cursor given") << QByteArray(R"("first_cursor": "")") << QString(QLatin1String("")) << QString();
    QTest::newRow("full page without the cursor field")
        << QByteArray(R"("next_cursor_path": "meta.nope")") << QString(QLatin1String(""))
        << QStringLiteral("a full page but no \"meta.nope\" in the response (next_cursor_path)");
}

void tst_RestSource::cursorFirstPage()
{
    QFETCH(QByteArray, extra);
    QFETCH(QString, sent);
    QFETCH(QString, errorContains);
    QByteArray pagination = R"({"style": "cursor", "page_size": 10, "page_size_param": "limit", "cursor_param": "after", "next_cursor_path": "meta.next")";
    if (!extra.isEmpty())
        pagination += ", " + extra;
    pagination += "}";
    QJsonObject rest = obj(R"({"records_path": "entries"})");
    rest.insert(QStringLiteral("pagination"), QJsonDocument::fromJson(pagination).object());
    RestSource src(itemsSource(m_api->baseUrl(), QStringLiteral("/cursor/items"), rest), m_nam);
    QVERIFY2(!src.setupError(), qPrintable(src.setupError().toString()));
    PageRequest req;
    req.entity = QStringLiteral("items");
    req.mode = PageRequest::Mode::Full;
    const Walk w = walk(src, req);
    const HttpRequest &first = m_api->requests().first();
    QCOMPARE(first.query.hasQueryItem(QStringLiteral("after")), !sent.isNull());
    QCOMPARE(first.query.queryItemValue(QStringLiteral("after")), sent.isNull() ? QString() : sent);
    if (errorContains.isEmpty()) {
        QVERIFY2(!w.error, qPrintable(w.error.toString()));
        QCOMPARE(w.records.size(), 47);
    } else {
        QCOMPARE(w.error.code, Error::Code::Parse);
        QVERIFY2(w.error.message.contains(errorContains), qPrintable(w.error.message));
    }
}

// ---------------------------------------------------------------------------------------------
// pagination.total_request: a count request before the first page of a walk

namespace {

// The query of one request as sorted "k=v" pairs joined by '&'.
QString sortedQuery(const HttpRequest &r)
{
    QStringList pairs;
    for (const auto &item : r.query.queryItems(QUrl::FullyDecoded))
        pairs.append(item.first + QLatin1Char('=') + item.second);
    pairs.sort();
    return pairs.join(QLatin1Char('&'));
}

// Modes, filter and id scans shared by the total_request tests, plus one style's keys.
QJsonObject totalRequestRest(const char *styleKeys)
{
    QJsonObject rest = obj(R"({"incremental": {"param": "since", "field": "modified", "format": "unix", "params": {"_sort": "modified"}},
                              "full_params": {"_sort": "ID"}, "id_scan_params": {"fields": "ID,modified"}})");
    const QJsonObject style = obj(styleKeys);
    for (auto it = style.constBegin(); it != style.constEnd(); ++it)
        rest.insert(it.key(), *it);
    return rest;
}

const char kCursorKeys[] = R"({"records_path": "entries", "pagination": {"style": "cursor", "page_size": 10, "page_size_param": "limit",
                               "cursor_param": "after", "next_cursor_path": "meta.next"}})";

} // namespace

void tst_RestSource::totalRequest_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("style");         // records_path and pagination
    QTest::addColumn<QByteArray>("totalRequest");  // pagination.total_request
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("since");
    QTest::addColumn<QString>("countQuery");       // the count request's whole query; empty: no count request
    QTest::addColumn<QString>("walkParam");        // on the walk's first page
    QTest::addColumn<qint64>("total");             // of the first page
    QTest::addColumn<bool>("pagesHaveTotal");      // the pages carry a total of their own
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("pages");

    const int inc = int(PageRequest::Mode::Incremental), full = int(PageRequest::Mode::Full), ids = int(PageRequest::Mode::Ids);
    const QByteArray cursor(kCursorKeys);
    const QByteArray withTotal = R"({"params": {"with_total": "1", "limit": "1"}, "total_path": "meta.total"})";
    // makeItems(47): modified = 1700000000 + i / 3; since 1700000005 leaves 47 - 15 records.
    QTest::newRow("cursor, full") << "/cursor/items" << cursor << withTotal << full << QString()
                                  << "_sort=ID&limit=1&with_total=1" << "after" << qint64(47) << false << 47 << 5;
    QTest::newRow("cursor, incremental from the beginning") << "/cursor/items" << cursor << withTotal << inc << QString()
                                                            << "_sort=modified&limit=1&with_total=1" << "after" << qint64(47) << false << 47 << 5;
    QTest::newRow("cursor, incremental since: the filter is kept") << "/cursor/items" << cursor << withTotal << inc << "1700000005"
                                                                   << "_sort=modified&limit=1&since=1700000005&with_total=1" << "after"
                                                                   << qint64(32) << false << 32 << 4;
    QTest::newRow("cursor, total_header, page size dropped")
        << "/cursor/items" << cursor << QByteArray(R"({"params": {"with_total": 1}, "total_header": "X-Total-Count"})") << inc
        << "1700000010" << "_sort=modified&since=1700000010&with_total=1" << "limit" << qint64(17) << false << 17 << 2;
    QTest::newRow("cursor, ids: no count request") << "/cursor/items" << cursor << withTotal << ids << QString() << QString()
                                                   << "after" << qint64(-1) << false << 47 << 5;
    QTest::newRow("link_header, total_header") << "/items"
                                               << QByteArray(R"({"pagination": {"style": "link_header", "page_size": 10, "page_size_param": "per_page"}})")
                                               << QByteArray(R"({"params": {"per_page": "1"}, "total_header": "X-Total-Count"})") << inc
                                               << "1700000010" << "_sort=modified&per_page=1&since=1700000010" << "per_page"
                                               << qint64(17) << false << 17 << 2;
    // The count request's total never decides where a walk stops: the short last page is asked
    // past once, and the empty page ends the walk.
    QTest::newRow("page, pages without a total") << "/paged/items"
                                                 << QByteArray(R"({"records_path": "records", "pagination": {"style": "page", "page_size": 10, "page_size_param": "limit"}})")
                                                 << QByteArray(R"({"params": {"limit": "1"}, "total_path": "meta.total"})") << full << QString()
                                                 << "_sort=ID&limit=1" << "page" << qint64(47) << false << 47 << 6;
    QTest::newRow("offset, no extra params") << "/offset/items"
                                             << QByteArray(R"({"records_path": "results", "pagination": {"style": "offset", "page_size": 10}})")
                                             << QByteArray(R"({"total_path": "count"})") << full << QString() << "_sort=ID" << "offset"
                                             << qint64(47) << false << 47 << 6;
    // limit=5: the count response's meta.last_page is 10; the pages' own meta.total (47) wins.
    // Page numbers and a total prove the end only counting the pages before as no larger than
    // this one (an API may send fewer than asked): the short page 5 is asked past once.
    QTest::newRow("page, the page's own total wins")
        << "/paged/items"
        << QByteArray(R"({"records_path": "records", "pagination": {"style": "page", "page_size": 10, "page_size_param": "limit", "total_path": "meta.total"}})")
        << QByteArray(R"({"params": {"limit": "5"}, "total_path": "meta.last_page"})") << full << QString() << "_sort=ID&limit=5" << "page"
        << qint64(47) << true << 47 << 6;
}

void tst_RestSource::totalRequest()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, style);
    QFETCH(QByteArray, totalRequest);
    QFETCH(int, mode);
    QFETCH(QString, since);
    QFETCH(QString, countQuery);
    QFETCH(QString, walkParam);
    QFETCH(qint64, total);
    QFETCH(bool, pagesHaveTotal);
    QFETCH(int, records);
    QFETCH(int, pages);

    QJsonObject rest = totalRequestRest(style.constData());
    QJsonObject pagination = rest.value(QStringLiteral("pagination")).toObject();
    pagination.insert(QStringLiteral("total_request"), QJsonDocument::fromJson(totalRequest).object());
    rest.insert(QStringLiteral("pagination"), pagination);
    RestSource src(itemsSource(m_api->baseUrl(), endpoint, rest), m_nam);
    QVERIFY2(!src.setupError(), qPrintable(src.setupError().toString()));
    QVERIFY(src.capabilities(QStringLiteral("items")).reportsTotal);

    PageRequest req;
    req.entity = QStringLiteral("items");
    req.mode = PageRequest::Mode(mode);
    req.since = since;
    const Walk w = walk(src, req);
    QVERIFY2(!w.error, qPrintable(w.error.toString()));
    QCOMPARE(w.records.size(), records);
    QCOMPARE(w.pages, pages);

    const QList<HttpRequest> &sent = m_api->requests();
    const bool counted = !countQuery.isEmpty();
    QCOMPARE(sent.size(), pages + (counted ? 1 : 0)); // once per walk, not per page
    if (counted)
        QCOMPARE(sortedQuery(sent.first()), countQuery); // the whole query: nothing more, nothing less
    // The walk itself is unchanged: its first page carries its own pagination parameters.
    const HttpRequest &firstPage = sent.at(counted ? 1 : 0);
    QVERIFY2(firstPage.query.hasQueryItem(walkParam), firstPage.target.constData());
    QVERIFY2(!firstPage.query.hasQueryItem(QStringLiteral("with_total")), firstPage.target.constData());

    QCOMPARE(w.totals.first(), total);
    for (int i = 1; i < w.totals.size(); ++i)
        QCOMPARE(w.totals.at(i), pagesHaveTotal ? total : qint64(-1));
}

void tst_RestSource::totalRequestFailure_data()
{
    QTest::addColumn<QByteArray>("totalRequest");
    QTest::addColumn<QList<int>>("statuses");      // scripted answers to the count request
    QTest::addColumn<QList<QByteArray>>("bodies");
    QTest::addColumn<QString>("why");              // in the warning, after the URL

    const QByteArray path = R"({"params": {"with_total": "1"}, "total_path": "meta.total"})";
    // max_retries is 2 in these tests: three 500s exhaust the count request's retries.
    QTest::newRow("500 on every attempt") << path << QList<int>{500, 500, 500} << QList<QByteArray>{"", "", ""} << "HTTP 500";
    QTest::newRow("404") << path << QList<int>{404} << QList<QByteArray>{R"({"message": "Not Found"})"} << "HTTP 404";
    QTest::newRow("no such path") << QByteArray(R"({"params": {"with_total": "1"}, "total_path": "meta.count"})") << QList<int>()
                                  << QList<QByteArray>() << R"(no "meta.count" in the response (total_request.total_path))";
    QTest::newRow("not a number") << path << QList<int>{200} << QList<QByteArray>{R"({"meta": {"total": "many"}})"}
                                  << R"("meta.total" is "many", not a whole number)";
    QTest::newRow("negative") << path << QList<int>{200} << QList<QByteArray>{R"({"meta": {"total": -3}})"}
                              << R"("meta.total" is -3, not a whole number)";
    QTest::newRow("null") << path << QList<int>{200} << QList<QByteArray>{R"({"meta": {"total": null}})"}
                          << R"("meta.total" is null, not a whole number)";
    QTest::newRow("malformed JSON") << path << QList<int>{200} << QList<QByteArray>{R"({"meta": {"total": 4)"} << "malformed JSON";
    QTest::newRow("no such header") << QByteArray(R"({"params": {"with_total": "1"}, "total_header": "X-Nope"})") << QList<int>()
                                    << QList<QByteArray>() << "no X-Nope header in the response (total_request.total_header)";
}

void tst_RestSource::totalRequestFailure()
{
    QFETCH(QByteArray, totalRequest);
    QFETCH(QList<int>, statuses);
    QFETCH(QList<QByteArray>, bodies);
    QFETCH(QString, why);

    for (int i = 0; i < statuses.size(); ++i)
        m_api->pushResponse(scripted(statuses.at(i), bodies.at(i)));
    QJsonObject rest = totalRequestRest(kCursorKeys);
    QJsonObject pagination = rest.value(QStringLiteral("pagination")).toObject();
    pagination.insert(QStringLiteral("total_request"), QJsonDocument::fromJson(totalRequest).object());
    rest.insert(QStringLiteral("pagination"), pagination);
    RestSource src(itemsSource(m_api->baseUrl(), QStringLiteral("/cursor/items"), rest), m_nam);
    QVERIFY2(!src.setupError(), qPrintable(src.setupError().toString()));

    // Exactly one warning, naming the URL and the reason.
    const QString url = QRegularExpression::escape(m_api->baseUrl() + QStringLiteral("/cursor/items?"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("count request GET %1\\S*with_total=1\\S* failed: .*%2")
                                                              .arg(url, QRegularExpression::escape(why))));
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));

    PageRequest req;
    req.entity = QStringLiteral("items");
    req.mode = PageRequest::Mode::Full;
    const Walk w = walk(src, req);
    QVERIFY2(!w.error, qPrintable(w.error.toString())); // the walk does not fail
    QCOMPARE(w.records.size(), 47);
    QCOMPARE(w.pages, 5);
    QCOMPARE(w.total, qint64(-1));
    QCOMPARE(m_api->pendingResponses(), 0);
    QCOMPARE(m_api->requests().size(), qMax(1, int(statuses.size())) + 5);
}

void tst_RestSource::totalRequestEntityOverride()
{
    // The source's total_request is inherited, turned off with null, or replaced as a whole.
    QJsonObject rest = totalRequestRest(kCursorKeys);
    QJsonObject pagination = rest.value(QStringLiteral("pagination")).toObject();
    pagination.insert(QStringLiteral("total_request"), obj(R"({"params": {"with_total": "1"}, "total_path": "meta.total"})"));
    rest.insert(QStringLiteral("pagination"), pagination);
    rest.insert(QStringLiteral("base_url"), m_api->baseUrl());
    rest.insert(QStringLiteral("limits"), obj(R"({"timeout_ms": 3000, "max_retries": 2, "backoff_ms": 5, "max_backoff_ms": 20})"));
    const QJsonArray entities{
        obj(R"({"name": "inherits", "table": "a", "endpoint": "/cursor/items"})"),
        obj(R"({"name": "off", "table": "b", "endpoint": "/cursor/items", "pagination": {"total_request": null}})"),
        obj(R"({"name": "replaced", "table": "c", "endpoint": "/cursor/items",
                "pagination": {"page_size": 20, "total_request": {"params": {"with_total": "1"}, "total_header": "X-Total-Count"}}})")};
    RestSource src(makeSource(rest, entities), m_nam);
    QVERIFY2(!src.setupError(), qPrintable(src.setupError().toString()));

    struct Case { QString entity; bool reportsTotal; qint64 total; int requests; };
    for (const Case &c : {Case{QStringLiteral("inherits"), true, 47, 1 + 5}, Case{QStringLiteral("off"), false, -1, 5},
                          Case{QStringLiteral("replaced"), true, 47, 1 + 3}}) {
        QCOMPARE(src.capabilities(c.entity).reportsTotal, c.reportsTotal);
        m_api->clearRequests();
        PageRequest req;
        req.entity = c.entity;
        req.mode = PageRequest::Mode::Full;
        const Walk w = walk(src, req);
        QVERIFY2(!w.error, qPrintable(w.error.toString()));
        QCOMPARE(w.records.size(), 47);
        QCOMPARE(w.totals.first(), c.total);
        QCOMPARE(m_api->requests().size(), c.requests);
    }
}

// ---------------------------------------------------------------------------------------------
// The shipped forum preset against forum-sim, the reference implementation of the forum API

void tst_RestSource::forumPresetWalksForumSim()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("forum.sqlite"));
    ForumGeneratorOptions gen;
    gen.users = 40;
    gen.sections = 6;
    gen.topics = 70;
    gen.messages = 400;
    gen.seed = 7;
    ForumGenerator generator(gen);
    QString error;
    QVERIFY2(generator.generate(db, &error), qPrintable(error));
    const ForumGeneratorSummary counts = generator.summary();

    ForumSimOptions options;
    options.dbPath = db;
    options.token = QStringLiteral("forum-test-token");
    ForumSimThread sim;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    qputenv("FORUM_TOKEN", "forum-test-token");

    QFile f(QStringLiteral(":/tributary/presets/forum.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    // The preset exactly as shipped, pointed at this forum; a second pass with small pages makes
    // every collection span many pages.
    for (int pageSize : {0, 17}) {
        QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
        QJsonObject source = sources.at(0).toObject();
        QJsonObject rest = source.value(QStringLiteral("rest")).toObject();
        rest.insert(QStringLiteral("base_url"), sim.baseUrl().toString());
        if (pageSize) {
            QJsonObject pagination = rest.value(QStringLiteral("pagination")).toObject();
            pagination.insert(QStringLiteral("page_size"), pageSize);
            rest.insert(QStringLiteral("pagination"), pagination);
        }
        source.insert(QStringLiteral("rest"), rest);
        sources[0] = source;
        root.insert(QStringLiteral("sources"), sources);

        Config config;
        QStringList errors;
        QVERIFY2(Config::fromJson(root, dir.filePath(QStringLiteral("tributary.json")), &config, &errors),
                 qPrintable(errors.join(QLatin1Char('\n'))));
        RestSource src(*config.source(QStringLiteral("forum")), m_nam);
        QVERIFY2(!src.setupError(), qPrintable(src.setupError().toString()));

        const QList<QPair<QString, int>> collections = {{QStringLiteral("users"), counts.users},
                                                        {QStringLiteral("sections"), counts.sections},
                                                        {QStringLiteral("topics"), counts.topics},
                                                        {QStringLiteral("messages"), counts.messages}};
        for (const auto &[entity, count] : collections) {
            PageRequest req;
            req.entity = entity;
            for (PageRequest::Mode mode : {PageRequest::Mode::Incremental, PageRequest::Mode::Full, PageRequest::Mode::Ids}) {
                req.mode = mode;
                const Walk w = walk(src, req);
                const QByteArray what = QStringLiteral("%1 mode %2 page size %3").arg(entity).arg(int(mode)).arg(pageSize).toUtf8();
                QVERIFY2(!w.error, qPrintable(QString::fromUtf8(what) + QStringLiteral(": ") + w.error.toString()));
                QStringList got = ids(w.records, QStringLiteral("id"));
                QCOMPARE(QSet<QString>(got.cbegin(), got.cend()).size(), got.size());
                QVERIFY2(got.size() == count, qPrintable(QStringLiteral("%1: %2 records, expected %3, %4 pages")
                                                             .arg(QString::fromUtf8(what)).arg(got.size()).arg(count).arg(w.pages)));
                if (pageSize) // a cursor API may or may not know that an exactly full page was the last
                    QVERIFY2(w.pages >= (count + pageSize - 1) / pageSize && w.pages <= count / pageSize + 1, what.constData());
                // Incremental walks come sorted by (updated_at, id); Ids walks carry only those two.
                for (int i = 1; i < w.records.size(); ++i) {
                    const QJsonObject &a = w.records.at(i - 1), &b = w.records.at(i);
                    if (mode == PageRequest::Mode::Incremental) {
                        const QString ua = a.value(QStringLiteral("updated_at")).toString(), ub = b.value(QStringLiteral("updated_at")).toString();
                        QVERIFY2(ua < ub || (ua == ub && a.value(QStringLiteral("id")).toDouble() < b.value(QStringLiteral("id")).toDouble()), what.constData());
                    } else {
                        QVERIFY(a.value(QStringLiteral("id")).toDouble() < b.value(QStringLiteral("id")).toDouble());
                    }
                }
                if (mode == PageRequest::Mode::Ids && !w.records.isEmpty())
                    QCOMPARE(w.records.first().keys(), (QStringList{QStringLiteral("id"), QStringLiteral("updated_at")}));
                // Cursor pages carry no total: the preset's count request (page=1&per_page=1, never
                // a cursor: forum-sim refuses both together) gives the first page one. Id scans
                // send none.
                QVERIFY2(w.totals.first() == (mode == PageRequest::Mode::Ids ? qint64(-1) : qint64(count)),
                         qPrintable(QStringLiteral("%1: first page total %2").arg(QString::fromUtf8(what)).arg(w.totals.first())));
                for (int i = 1; i < w.totals.size(); ++i)
                    QCOMPARE(w.totals.at(i), qint64(-1));
                if (mode != PageRequest::Mode::Incremental || w.records.size() < 3)
                    continue;

                // From a boundary value inside the history: everything at or after it, inclusive.
                const QString since = w.records.at(w.records.size() / 2).value(QStringLiteral("updated_at")).toString();
                int expected = 0;
                for (const QJsonObject &o : w.records)
                    expected += o.value(QStringLiteral("updated_at")).toString() >= since ? 1 : 0;
                PageRequest inc = req;
                inc.since = since;
                const Walk wi = walk(src, inc);
                QVERIFY2(!wi.error, qPrintable(wi.error.toString()));
                QCOMPARE(wi.records.size(), expected);
                QCOMPARE(wi.records.first().value(QStringLiteral("updated_at")).toString(), since);
                QCOMPARE(wi.totals.first(), qint64(expected)); // the count request keeps updated_since
            }
            const QString someId = QString::number(qint64(1));
            const RecordResult rec = ::fetchRecord(src, entity, someId);
            QVERIFY2(!rec.error, qPrintable(rec.error.toString()));
            QVERIFY(rec.notFound || rec.record.value(QStringLiteral("id")).toDouble() == 1);
            const RecordResult missing = ::fetchRecord(src, entity, QStringLiteral("999999999"));
            QVERIFY2(!missing.error, qPrintable(missing.error.toString()));
            QVERIFY(missing.notFound);
        }
    }

    // A wrong token is an Auth error naming the variable, not a retry storm.
    qputenv("FORUM_TOKEN", "wrong");
    Config config;
    QStringList errors;
    QVERIFY(Config::fromJson(root, dir.filePath(QStringLiteral("tributary.json")), &config, &errors));
    RestSource src(*config.source(QStringLiteral("forum")), m_nam);
    PageRequest req;
    req.entity = QStringLiteral("users");
    // The count request goes first with the same credentials: a 401 there stops the walk at
    // once with the Auth error, rather than a warning followed by the same 401 for the page.
    const PageResult r = fetchOne(src, req);
    QCOMPARE(r.error.code, Error::Code::Auth);
    QVERIFY2(r.error.message.contains(QStringLiteral("environment variable FORUM_TOKEN")), qPrintable(r.error.message));
    QVERIFY(!r.error.toString().contains(QStringLiteral("wrong")));
}

QTEST_GUILESS_MAIN(tst_RestSource)
#include "tst_restsource.moc"
