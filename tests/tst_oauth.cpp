// OAuth 2.0 for the REST source (rest.auth.type "oauth2"): an API on one host whose access
// tokens come from a token endpoint on another (OAuthTokenServer), over real loopback HTTP.
// Tokens are asked for once and reused, refreshed before they expire and once after a 401;
// requests that need a token at the same time wait for one token request; a revoked refresh
// token or a refused client fails as an authentication error that says what to renew; no token
// or secret is ever shown. Last, the real `tributaryd sync` against forum-sim with tokens that
// expire every second.
#include "LinkApiServer.h"
#include "OAuthTokenServer.h"
#include "SyncFixture.h"
#include "TestSupport.h"

#include "BuiltinSources.h"
#include "forum-sim/ForumOAuth.h"
#include "rest/OAuthToken.h"
#include "rest/RestConfig.h"
#include "rest/RestSource.h"
#include "util/Redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

const char *kSecretEnv = "TST_OAUTH_CLIENT_SECRET";
const char *kRefreshEnv = "TST_OAUTH_REFRESH_TOKEN";

QJsonObject obj(const QByteArray &json)
{
    QJsonParseError pe;
    const QJsonDocument d = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        qFatal("test JSON does not parse: %s: %s", qPrintable(pe.errorString()), json.constData());
    return d.object();
}

SourceConfig makeSource(const QJsonObject &rest)
{
    const QJsonObject entity{{QStringLiteral("name"), QStringLiteral("items")},
                             {QStringLiteral("table"), QStringLiteral("items")},
                             {QStringLiteral("external_id"), QStringLiteral("ID")},
                             {QStringLiteral("endpoint"), QStringLiteral("/paged/items")}};
    SourceConfig s;
    s.name = QStringLiteral("api");
    s.type = QStringLiteral("rest");
    s.baseDir = QDir::tempPath();
    s.options = QJsonObject{{QStringLiteral("name"), s.name}, {QStringLiteral("type"), s.type},
                            {QStringLiteral("rest"), rest}, {QStringLiteral("entities"), QJsonArray{entity}}};
    EntityConfig e;
    e.name = QStringLiteral("items");
    e.table = e.name;
    e.options = entity;
    s.entities.append(e);
    return s;
}

// The auth block of a source with the test endpoint's client; `extra` adds or replaces keys.
QJsonObject oauthAuth(const QString &tokenUrl, const QString &grant, const QJsonObject &extra = {})
{
    QJsonObject a{{QStringLiteral("type"), QStringLiteral("oauth2")},
                  {QStringLiteral("grant"), grant},
                  {QStringLiteral("token_url"), tokenUrl},
                  {QStringLiteral("client_id"), QString::fromLatin1(OAuthTokenServer::kClientId)},
                  {QStringLiteral("client_secret"), QJsonObject{{QStringLiteral("env"), QString::fromLatin1(kSecretEnv)}}}};
    if (grant == QLatin1String("refresh_token"))
        a.insert(QStringLiteral("refresh_token"), QJsonObject{{QStringLiteral("env"), QString::fromLatin1(kRefreshEnv)}});
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        a.insert(it.key(), it.value());
    return a;
}

QJsonObject restBlock(const QString &baseUrl, const QJsonObject &auth, int concurrency = 2)
{
    QJsonObject rest = obj(R"({"records_path": "records", "pagination": {"style": "page", "page_size": 10, "page_size_param": "limit",
                               "last_page_path": "meta.last_page"},
                               "limits": {"timeout_ms": 5000, "max_retries": 2, "backoff_ms": 5, "max_backoff_ms": 20}})");
    rest.insert(QStringLiteral("base_url"), baseUrl);
    rest.insert(QStringLiteral("auth"), auth);
    QJsonObject limits = rest.value(QStringLiteral("limits")).toObject();
    limits.insert(QStringLiteral("concurrency"), concurrency);
    rest.insert(QStringLiteral("limits"), limits);
    return rest;
}

struct PageResult
{
    int finished = 0;
    Page page;
    Error error;
};

// Starts one page job per token at once and waits for all of them.
QList<PageResult> fetchPages(RestSource &src, const QStringList &tokens)
{
    auto results = std::make_shared<QList<PageResult>>(tokens.size());
    for (int i = 0; i < tokens.size(); ++i) {
        PageRequest req;
        req.entity = QStringLiteral("items");
        req.mode = PageRequest::Mode::Full;
        req.token = tokens.at(i);
        PageJob *job = src.fetchPage(req);
        QObject::connect(job, &SourceJob::finished, &src, [results, i](SourceJob *j) {
            PageResult &r = (*results)[i];
            ++r.finished;
            r.error = j->error();
            r.page = static_cast<PageJob *>(j)->page();
        });
        job->start();
    }
    (void)QTest::qWaitFor([&] {
        for (const PageResult &r : std::as_const(*results)) {
            if (r.finished == 0)
                return false;
        }
        return true;
    }, 30000);
    return *results;
}

PageResult fetchPage(RestSource &src, const QString &token = {})
{
    return fetchPages(src, {token}).first();
}

// Every log line of this process while a test runs, as it was written (before any masking of a
// log handler): what an operator's journal would get.
QMutex s_logLock;
QStringList s_log;
QtMessageHandler s_previousHandler = nullptr;
void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker locker(&s_logLock);
        s_log.append(message);
    }
    if (s_previousHandler)
        s_previousHandler(type, context, message);
}

} // namespace

class tst_OAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void configValidation_data();
    void configValidation();
    void tokenIsFetchedOnceAndReused();
    void tokenIsRefreshedBeforeItExpires();
    void unauthorizedRefreshesOnceAndRepeatsOnce();
    void concurrentRequestsShareOneTokenRequest();
    void rotatedRefreshTokenIsUsedFromThenOn();
    void abortWhileWaitingForATokenFinishesOnce();
    void revokedRefreshTokenIsAnAuthErrorNamingWhatToRenew();
    void refusedClientIsAnAuthErrorNamingTheSecret();
    void clientAuthInTheBody();
    void tokensAndSecretsAreNeverShown();
    void tributarydSyncsWithExpiringTokensAndExitsFourWhenRevoked();

private:
    std::unique_ptr<RestSource> makeRestSource(const QJsonObject &auth, int concurrency = 2)
    {
        return std::make_unique<RestSource>(makeSource(restBlock(m_api->baseUrl(), auth, concurrency)), m_nam);
    }

    LinkApiServer *m_api = nullptr;
    OAuthTokenServer *m_tokens = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
};

void tst_OAuth::initTestCase()
{
    registerBuiltinSources();
    m_api = new LinkApiServer(this);
    QVERIFY(m_api->start());
    m_nam = new QNetworkAccessManager(this);
    qputenv(kSecretEnv, OAuthTokenServer::kClientSecret);
    qputenv(kRefreshEnv, OAuthTokenServer::kRefreshToken);
    QLoggingCategory::setFilterRules(QStringLiteral("tributary.*.debug=true"));
    s_previousHandler = qInstallMessageHandler(captureMessage);
}

void tst_OAuth::cleanupTestCase()
{
    qInstallMessageHandler(s_previousHandler);
}

// A token server of its own for every test (a new port: the process-wide token cache starts
// empty for it), 47 items on the API, which accepts only that server's tokens.
void tst_OAuth::init()
{
    delete m_tokens;
    m_tokens = new OAuthTokenServer(this);
    QVERIFY(m_tokens->start(OAuthTokenServer::settings(3600)));
    m_api->setItems(LinkApiServer::makeItems(47));
    m_api->clearResponses();
    m_api->clearRequests();
    m_api->setOAuth(m_tokens->authority());
    QMutexLocker locker(&s_logLock);
    s_log.clear();
}

void tst_OAuth::configValidation_data()
{
    QTest::addColumn<QByteArray>("auth");
    QTest::addColumn<QString>("expected");
    const QByteArray base = R"("type": "oauth2", "token_url": "https://auth.example.com/oauth/token", "client_id": "app")";
    auto auth = [&](const char *more) { return QByteArray("{") + base + more + "}"; };
    QTest::newRow("client credentials") << auth(R"(, "client_secret": {"env": "S"}, "scopes": ["read", "write:all"])") << QString();
    QTest::newRow("refresh token, public client")
        << auth(R"(, "grant": "refresh_token", "refresh_token": {"file": "creds.json", "key": "rt"})") << QString();
    QTest::newRow("everything") << auth(R"(, "client_secret": {"env": "S"}, "audience": "https://api.example.com",
                                         "client_auth": "body", "refresh_before_s": 120)") << QString();
    QTest::newRow("client id from the environment")
        << QByteArray(R"({"type": "oauth2", "token_url": "https://a.example/t", "client_id": {"env": "ID"}, "client_secret": {"env": "S"}})")
        << QString();
    QTest::newRow("no token_url") << QByteArray(R"({"type": "oauth2", "client_id": "app", "client_secret": {"env": "S"}})")
                                  << "sources.api.rest.auth.token_url: is required";
    QTest::newRow("token_url not http")
        << QByteArray(R"({"type": "oauth2", "token_url": "ftp://auth.example.com/t", "client_id": "app", "client_secret": {"env": "S"}})")
        << R"(sources.api.rest.auth.token_url: expected an absolute http:// or https:// URL, got "ftp://auth.example.com/t")";
    QTest::newRow("token_url relative")
        << QByteArray(R"({"type": "oauth2", "token_url": "/oauth/token", "client_id": "app", "client_secret": {"env": "S"}})")
        << "sources.api.rest.auth.token_url: expected an absolute http:// or https:// URL";
    QTest::newRow("no client_id") << QByteArray(R"({"type": "oauth2", "token_url": "https://a.example/t", "client_secret": {"env": "S"}})")
                                  << "sources.api.rest.auth.client_id: is required";
    QTest::newRow("no client_secret") << auth("") << "sources.api.rest.auth.client_secret: is required";
    QTest::newRow("secret in clear") << auth(R"(, "client_secret": "s3cret")")
                                     << "sources.api.rest.auth.client_secret: secrets are not stored in the configuration";
    QTest::newRow("refresh token in clear") << auth(R"(, "grant": "refresh_token", "refresh_token": "rt-123")")
                                            << "sources.api.rest.auth.refresh_token: secrets are not stored in the configuration";
    QTest::newRow("no refresh token") << auth(R"(, "grant": "refresh_token")") << "sources.api.rest.auth.refresh_token: is required";
    QTest::newRow("refresh token with client credentials")
        << auth(R"(, "client_secret": {"env": "S"}, "refresh_token": {"env": "R"})")
        << R"(sources.api.rest.auth.refresh_token: is only read with "grant": "refresh_token")";
    QTest::newRow("unknown grant") << auth(R"(, "grant": "password", "client_secret": {"env": "S"})")
                                   << R"(sources.api.rest.auth.grant: expected one of client_credentials, refresh_token; got "password")";
    QTest::newRow("scopes not an array") << auth(R"(, "client_secret": {"env": "S"}, "scopes": "read write")")
                                         << "sources.api.rest.auth.scopes: expected an array of strings, got a string";
    QTest::newRow("scope with a space") << auth(R"(, "client_secret": {"env": "S"}, "scopes": ["read", "write all"])")
                                        << R"(sources.api.rest.auth.scopes[1]: "write all" is not a scope)";
    QTest::newRow("scope not a string") << auth(R"(, "client_secret": {"env": "S"}, "scopes": [3])")
                                        << "sources.api.rest.auth.scopes[0]: expected a string";
    QTest::newRow("client_auth") << auth(R"(, "client_secret": {"env": "S"}, "client_auth": "header")")
                                 << R"(sources.api.rest.auth.client_auth: expected one of basic, body; got "header")";
    QTest::newRow("refresh_before_s negative") << auth(R"(, "client_secret": {"env": "S"}, "refresh_before_s": -1)")
                                               << "sources.api.rest.auth.refresh_before_s:";
    QTest::newRow("unknown key") << auth(R"(, "client_secret": {"env": "S"}, "scope": "read")")
                                 << "sources.api.rest.auth.scope: unknown key";
}

void tst_OAuth::configValidation()
{
    QFETCH(QByteArray, auth);
    QFETCH(QString, expected);
    QJsonObject rest = restBlock(QStringLiteral("https://api.example.com"), obj(auth));
    QStringList errors;
    const bool ok = RestConfig::parse(makeSource(rest), nullptr, &errors);
    const QString unexpected = Test::unexpectedProblems(ok, errors, expected);
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected));
    for (const QString &e : std::as_const(errors))
        QVERIFY2(!e.contains(QLatin1Char('\n')), qPrintable(e));
}

// One token request for a whole walk, and none for the next run of the source in this process.
void tst_OAuth::tokenIsFetchedOnceAndReused()
{
    const QJsonObject auth = oauthAuth(m_tokens->tokenUrl(), QStringLiteral("client_credentials"),
                                       QJsonObject{{QStringLiteral("scopes"), QJsonArray{QStringLiteral("forum.read")}}});
    {
        auto src = makeRestSource(auth);
        QVERIFY2(!src->setupError(), qPrintable(src->setupError().message));
        const QList<PageResult> pages = fetchPages(*src, {QString(), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                                                          QStringLiteral("5")});
        for (const PageResult &p : pages)
            QVERIFY2(!p.error, qPrintable(p.error.message));
        QCOMPARE(pages.last().page.records.size(), 7);
        QCOMPARE(m_tokens->authority()->tokenRequests(), 1);
        QCOMPARE(m_tokens->authority()->refusedRequests(), 0);
        const OAuthToken::Grant grant = src->oauthToken()->lastGrant();
        QCOMPARE(grant.lifetimeS, 3600);
        QCOMPARE(grant.scopes, QStringList{QStringLiteral("forum.read")});
    }
    auto again = makeRestSource(auth);
    const PageResult page = fetchPage(*again);
    QVERIFY2(!page.error, qPrintable(page.error.message));
    QCOMPARE(m_tokens->authority()->tokenRequests(), 1);
}

// Tokens that live 2 s: refresh_before_s (60) is bounded by half the lifetime, so a new token is
// asked for once one second is left, in the background, while the old one still serves.
void tst_OAuth::tokenIsRefreshedBeforeItExpires()
{
    QVERIFY(m_tokens->start(OAuthTokenServer::settings(2)));
    m_api->setOAuth(m_tokens->authority());
    auto src = makeRestSource(oauthAuth(m_tokens->tokenUrl(), QStringLiteral("refresh_token")));
    PageResult page = fetchPage(*src);
    QVERIFY2(!page.error, qPrintable(page.error.message));
    QCOMPARE(m_tokens->authority()->tokenRequests(), 1);
    OAuthToken *token = src->oauthToken();
    QVERIFY(!token->isRefreshDue());

    for (int round = 0; round < 2; ++round) {
        QTRY_VERIFY_WITH_TIMEOUT(token->isRefreshDue(), 5000);
        page = fetchPage(*src, QStringLiteral("2"));
        QVERIFY2(!page.error, qPrintable(page.error.message));
        QTRY_COMPARE(m_tokens->authority()->tokenRequests(), 2 + round);
        QTRY_VERIFY(!token->isRefreshDue());
    }
    QCOMPARE(m_tokens->authority()->refusedRequests(), 0);
    QCOMPARE(OAuthToken::refreshMarginMs(2000, 60), 1000);
    QCOMPARE(OAuthToken::refreshMarginMs(3600000, 60), 60000);
}

void tst_OAuth::unauthorizedRefreshesOnceAndRepeatsOnce()
{
    auto src = makeRestSource(oauthAuth(m_tokens->tokenUrl(), QStringLiteral("client_credentials")));
    PageResult page = fetchPage(*src);
    QVERIFY2(!page.error, qPrintable(page.error.message));

    // The server forgets its tokens (revoked, a key rotated): one 401, one new token, one repeat.
    m_tokens->authority()->expireAccessTokens();
    m_api->clearRequests();
    page = fetchPage(*src, QStringLiteral("2"));
    QVERIFY2(!page.error, qPrintable(page.error.message));
    QCOMPARE(page.page.records.size(), 10);
    QCOMPARE(m_tokens->authority()->tokenRequests(), 2);
    QCOMPARE(m_tokens->authority()->refusedRequests(), 1);
    QCOMPARE(m_api->requests().size(), 2);

    // A second 401 in a row fails the request as before OAuth: no loop.
    m_api->clearRequests();
    m_api->pushResponse(HttpResponse::json(401, QByteArrayLiteral("{\"message\":\"Token revoked.\"}")));
    m_api->pushResponse(HttpResponse::json(401, QByteArrayLiteral("{\"message\":\"Token revoked.\"}")));
    page = fetchPage(*src, QStringLiteral("3"));
    QCOMPARE(page.error.code, Error::Code::Auth);
    QVERIFY2(page.error.message.contains(QStringLiteral("401")), qPrintable(page.error.message));
    QVERIFY2(page.error.message.contains(m_tokens->tokenUrl()), qPrintable(page.error.message));
    QCOMPARE(m_api->requests().size(), 2);
    QCOMPARE(m_tokens->authority()->tokenRequests(), 3);
}

// Four pages at once, and a slow token endpoint: one token request. Then all four are refused at
// once: still one new token, not four.
void tst_OAuth::concurrentRequestsShareOneTokenRequest()
{
    ForumOAuth::Settings settings = OAuthTokenServer::settings(3600);
    settings.tokenDelayMs = 300;
    QVERIFY(m_tokens->start(settings));
    m_api->setOAuth(m_tokens->authority());
    auto src = makeRestSource(oauthAuth(m_tokens->tokenUrl(), QStringLiteral("client_credentials")), 4);
    const QStringList tokens{QString(), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")};
    QList<PageResult> pages = fetchPages(*src, tokens);
    for (const PageResult &p : std::as_const(pages))
        QVERIFY2(!p.error, qPrintable(p.error.message));
    QCOMPARE(m_tokens->authority()->tokenRequests(), 1);

    m_tokens->authority()->expireAccessTokens();
    pages = fetchPages(*src, tokens);
    for (const PageResult &p : std::as_const(pages))
        QVERIFY2(!p.error, qPrintable(p.error.message));
    QCOMPARE(m_tokens->authority()->tokenRequests(), 2);
    QCOMPARE(m_tokens->authority()->refusedRequests(), 4);
}

// A server that rotates refresh tokens: the new one replaces the configured one in memory, and
// the next run of the source in this process uses it (the configured one is dead by then).
void tst_OAuth::rotatedRefreshTokenIsUsedFromThenOn()
{
    ForumOAuth::Settings settings = OAuthTokenServer::settings(3600);
    settings.rotateRefreshTokens = true;
    QVERIFY(m_tokens->start(settings));
    m_api->setOAuth(m_tokens->authority());
    const QJsonObject auth = oauthAuth(m_tokens->tokenUrl(), QStringLiteral("refresh_token"));
    {
        auto src = makeRestSource(auth);
        QVERIFY2(!fetchPage(*src).error, "first page");
        QVERIFY(src->oauthToken()->lastGrant().refreshTokenRotated);
        m_tokens->authority()->expireAccessTokens();
        const PageResult page = fetchPage(*src, QStringLiteral("2"));
        QVERIFY2(!page.error, qPrintable(page.error.message));
        QCOMPARE(m_tokens->authority()->tokenRequests(), 2);
    }
    QVERIFY(m_tokens->authority()->refreshToken() != QLatin1String(OAuthTokenServer::kRefreshToken));
    m_tokens->authority()->expireAccessTokens();
    auto next = makeRestSource(auth);
    const PageResult page = fetchPage(*next);
    QVERIFY2(!page.error, qPrintable(page.error.message));
    QCOMPARE(m_tokens->authority()->tokenRequests(), 3);
}

// A job stopped while it waits for the token finishes once, as aborted, and sends nothing; the
// token request still ends and serves the next job.
void tst_OAuth::abortWhileWaitingForATokenFinishesOnce()
{
    ForumOAuth::Settings settings = OAuthTokenServer::settings(3600);
    settings.tokenDelayMs = 300;
    QVERIFY(m_tokens->start(settings));
    m_api->setOAuth(m_tokens->authority());
    auto src = makeRestSource(oauthAuth(m_tokens->tokenUrl(), QStringLiteral("client_credentials")));
    PageRequest req;
    req.entity = QStringLiteral("items");
    PageJob *job = src->fetchPage(req);
    int finished = 0;
    Error error;
    connect(job, &SourceJob::finished, this, [&](SourceJob *j) {
        ++finished;
        error = j->error();
    });
    job->start();
    QTRY_VERIFY(src->oauthToken()->isFetching());
    job->abort();
    QTRY_COMPARE(finished, 1);
    QCOMPARE(error.code, Error::Code::Aborted);
    QTRY_VERIFY(!src->oauthToken()->isFetching());
    QCOMPARE(finished, 1);
    QCOMPARE(m_api->requests().size(), 0);
    const PageResult page = fetchPage(*src);
    QVERIFY2(!page.error, qPrintable(page.error.message));
    QCOMPARE(m_tokens->authority()->tokenRequests(), 1);
}

void tst_OAuth::revokedRefreshTokenIsAnAuthErrorNamingWhatToRenew()
{
    m_tokens->authority()->revoke(QString::fromLatin1(OAuthTokenServer::kRefreshToken));
    auto src = makeRestSource(oauthAuth(m_tokens->tokenUrl(), QStringLiteral("refresh_token")), 4);
    const QList<PageResult> pages = fetchPages(*src, {QString(), QStringLiteral("2"), QStringLiteral("3")});
    for (const PageResult &p : pages) {
        QCOMPARE(p.error.code, Error::Code::Auth);
        const QString expected = QStringLiteral("the refresh token (environment variable %1) was refused by %2: invalid_grant "
                                                "\"The refresh token is invalid, expired or revoked.\"; get a new refresh token "
                                                "and set %1")
                                     .arg(QString::fromLatin1(kRefreshEnv), m_tokens->tokenUrl());
        QVERIFY2(p.error.message.contains(expected), qPrintable(p.error.message));
        QVERIFY2(p.error.message.startsWith(QStringLiteral("source api, entity items: ")), qPrintable(p.error.message));
    }
    QCOMPARE(m_tokens->authority()->tokenRequests(), 1); // the three pages waited for one answer
    QCOMPARE(m_api->requests().size(), 0);
}

void tst_OAuth::refusedClientIsAnAuthErrorNamingTheSecret()
{
    qputenv(kSecretEnv, "not-the-client-secret");
    auto src = makeRestSource(oauthAuth(m_tokens->tokenUrl(), QStringLiteral("client_credentials")));
    qputenv(kSecretEnv, OAuthTokenServer::kClientSecret);
    const PageResult page = fetchPage(*src);
    QCOMPARE(page.error.code, Error::Code::Auth);
    const QString expected = QStringLiteral("the OAuth 2.0 client %1 (client secret in environment variable %2) was refused by %3: "
                                            "invalid_client \"Client authentication failed.\"; check rest.auth.client_id, or get a "
                                            "new client secret and set %2")
                                 .arg(QString::fromLatin1(OAuthTokenServer::kClientId), QString::fromLatin1(kSecretEnv),
                                      m_tokens->tokenUrl());
    QVERIFY2(page.error.message.contains(expected), qPrintable(page.error.message));
    QVERIFY2(!page.error.toString().contains(QStringLiteral("not-the-client-secret")), qPrintable(page.error.toString()));
}

void tst_OAuth::clientAuthInTheBody()
{
    auto src = makeRestSource(oauthAuth(m_tokens->tokenUrl(), QStringLiteral("client_credentials"),
                                        QJsonObject{{QStringLiteral("client_auth"), QStringLiteral("body")},
                                                    {QStringLiteral("audience"), QStringLiteral("https://api.example.com")}}));
    const PageResult page = fetchPage(*src);
    QVERIFY2(!page.error, qPrintable(page.error.message));
    QCOMPARE(m_tokens->authority()->tokensIssued(), 1);
}

// The access tokens, the refresh token, the client secret and the Basic pair made of it are in no
// log line and no error, even with debug logging on (the API echoing a token included); Redaction
// masks each of them, except tokens two renewals old, which it forgets.
void tst_OAuth::tokensAndSecretsAreNeverShown()
{
    ForumOAuth::Settings settings = OAuthTokenServer::settings(3600);
    settings.rotateRefreshTokens = true;
    QVERIFY(m_tokens->start(settings));
    m_api->setOAuth(m_tokens->authority());
    QStringList seen;
    QStringList retired; // two renewals old: no longer masked, so that the list stays short
    QString errors;
    {
        auto src = makeRestSource(oauthAuth(m_tokens->tokenUrl(), QStringLiteral("refresh_token")));
        QVERIFY(!fetchPage(*src).error);
        retired << m_tokens->authority()->lastAccessToken() << m_tokens->authority()->refreshToken();
        m_tokens->authority()->expireAccessTokens();
        QVERIFY(!fetchPage(*src, QStringLiteral("2")).error);
        seen << m_tokens->authority()->lastAccessToken() << m_tokens->authority()->refreshToken();
        // An API that quotes the token it was refused with, twice in a row.
        const QByteArray echo = "{\"message\":\"Bad token " + seen.at(0).toUtf8() + "\"}";
        m_api->pushResponse(HttpResponse::json(401, echo));
        m_api->pushResponse(HttpResponse::json(401, echo));
        const PageResult refused = fetchPage(*src, QStringLiteral("3"));
        QCOMPARE(refused.error.code, Error::Code::Auth);
        errors += refused.error.toString() + QLatin1Char('\n');
        seen << m_tokens->authority()->lastAccessToken() << m_tokens->authority()->refreshToken();
        // Then the refresh token is revoked.
        m_tokens->authority()->revoke(m_tokens->authority()->refreshToken());
        const PageResult revoked = fetchPage(*src, QStringLiteral("4"));
        QCOMPARE(revoked.error.code, Error::Code::Auth);
        errors += revoked.error.toString() + QLatin1Char('\n');
    }
    const QString basic = QString::fromLatin1((QByteArray(OAuthTokenServer::kClientId) + ':' + OAuthTokenServer::kClientSecret).toBase64());
    seen << QString::fromLatin1(OAuthTokenServer::kClientSecret) << QString::fromLatin1(OAuthTokenServer::kRefreshToken) << basic;
    QString log;
    {
        QMutexLocker locker(&s_logLock);
        log = s_log.join(QLatin1Char('\n'));
    }
    QVERIFY2(log.contains(QStringLiteral("OAuth access token from")), qPrintable(log));
    for (const QString &secret : std::as_const(seen) + retired) {
        QVERIFY(secret.size() >= 6);
        QVERIFY2(!errors.contains(secret), qPrintable(secret));
        QVERIFY2(!log.contains(secret), qPrintable(QStringLiteral("the log shows %1:\n%2").arg(secret, log)));
    }
    for (const QString &secret : std::as_const(seen))
        QVERIFY2(!Redaction::redact(QStringLiteral("got ") + secret).contains(secret), qPrintable(secret));
    for (const QString &secret : std::as_const(retired))
        QVERIFY2(Redaction::redact(QStringLiteral("got ") + secret).contains(secret), qPrintable(secret));
}

// The real tributaryd against forum-sim whose access tokens live 1 s: the sync runs through many
// tokens to completion (exit 0, every record); after the refresh token is revoked, exit 4 and a
// message saying what to renew.
void tst_OAuth::tributarydSyncsWithExpiringTokensAndExitsFourWhenRevoked()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(20, 3, 20, 50, 3)));
    QVERIFY(f.generateExternal(forum(300, 12, 300, 4000, 5)));
    ForumOAuth::Settings settings = OAuthTokenServer::settings(1);
    auto authority = std::make_shared<ForumOAuth>(settings);
    ForumSimOptions options;
    options.oauth = authority;
    options.faults.latencyMs = 40; // about three seconds of paging: several tokens' lifetimes
    QVERIFY(f.startForum(options));
    const QUrl base = f.forumUrl();
    const QString tokenUrl = QStringLiteral("http://%1:%2/oauth/token").arg(base.host()).arg(base.port());
    QVERIFY(f.configure([&](QJsonObject &root) {
        editSource(root, [&](QJsonObject &source) {
            QJsonObject rest = source.value(QStringLiteral("rest")).toObject();
            rest.insert(QStringLiteral("auth"), oauthAuth(tokenUrl, QStringLiteral("refresh_token")));
            QJsonObject pagination = rest.value(QStringLiteral("pagination")).toObject();
            pagination.insert(QStringLiteral("page_size"), 50); // many pages: the sync outlives several tokens
            rest.insert(QStringLiteral("pagination"), pagination);
            source.insert(QStringLiteral("rest"), rest);
        });
    }));
    const Environment env{{QString::fromLatin1(kSecretEnv), QString::fromLatin1(OAuthTokenServer::kClientSecret)},
                          {QString::fromLatin1(kRefreshEnv), QString::fromLatin1(OAuthTokenServer::kRefreshToken)}};
    QString out;
    QElapsedTimer took;
    took.start();
    const int code = f.tributaryd({QStringLiteral("sync"), QStringLiteral("--full")}, &out, env);
    QVERIFY2(code == 0, qPrintable(out));
    QVERIFY2(!out.contains(QString::fromLatin1(OAuthTokenServer::kClientSecret)), qPrintable(out));
    QVERIFY2(!out.contains(authority->lastAccessToken()), qPrintable(out));
    // Several tokens over the run when it lasted long enough to need them; never a 401 that
    // reached the run (each is answered by one refresh).
    qInfo("sync took %lld ms, %lld token requests, %lld requests refused", took.elapsed(), authority->tokenRequests(),
          authority->refusedRequests());
    QVERIFY2(took.elapsed() > 2000, "the sync did not outlive a token");
    QVERIFY2(authority->tokenRequests() >= 2, qPrintable(QString::number(authority->tokenRequests())));

    QSqlDatabase ext = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst_oauth_external"));
    ext.setDatabaseName(f.externalDb());
    QVERIFY(ext.open());
    for (const QString &t : {QStringLiteral("users"), QStringLiteral("sections"), QStringLiteral("topics"), QStringLiteral("messages")}) {
        QSqlQuery q(ext);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(t)) && q.next());
        const qint64 atSource = q.value(0).toLongLong();
        QVERIFY(atSource > 0);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE source = 'forum' AND entity = ?"), {t}), atSource);
    }
    ext.close();
    ext = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("tst_oauth_external"));

    authority->revoke(QString::fromLatin1(OAuthTokenServer::kRefreshToken));
    const int revoked = f.tributaryd({QStringLiteral("sync")}, &out, env);
    QVERIFY2(revoked == 4, qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("the refresh token (environment variable %1) was refused by %2: invalid_grant")
                              .arg(QString::fromLatin1(kRefreshEnv), tokenUrl)),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("get a new refresh token and set %1").arg(QString::fromLatin1(kRefreshEnv))), qPrintable(out));
    QVERIFY2(!out.contains(QString::fromLatin1(OAuthTokenServer::kRefreshToken)), qPrintable(out));
}

QTEST_MAIN(tst_OAuth)
#include "tst_oauth.moc"
