#include "OAuthToken.h"

#include "RestSource.h"
#include "config/ConfigReader.h"
#include "net/HttpClient.h"
#include "util/Redaction.h"
#include "util/Tr.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QNetworkRequest>
#include <QTimer>

#include <climits>

namespace Tributary {

namespace {

// A failed early refresh is asked again after this long at the soonest (the token still serves).
constexpr qint64 kBackgroundRetryMs = 5000;

// One clock for every token of the process, so that the cache below can be shared by runs.
qint64 nowMs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

// What a source's token endpoint answered last, kept for the life of the process.
struct CachedToken
{
    QByteArray access;
    qint64 expiresAtMs = 0;
    qint64 refreshAtMs = 0;
    QString refreshToken; // rotated by the server; empty: the configured one is current
    OAuthToken::Grant grant;
    // The tokens replaced last, still masked (a message about a request sent with one may still
    // come); the ones before them are dropped from Redaction.
    QByteArray lastAccess;
    QByteArray previousAccess;
    QString lastRotated;
    QString previousRotated;
};

struct TokenCache
{
    QMutex lock;
    QHash<QByteArray, CachedToken> tokens;
};

// Never destroyed, like Redaction's list: runs in other threads may still look.
TokenCache &tokenCache()
{
    static auto *cache = new TokenCache;
    return *cache;
}

QByteArray formEncode(const QList<QPair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &f : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(f.first) + '=' + QUrl::toPercentEncoding(f.second);
    }
    return body;
}

// error_description as messages show it: masked, one line, not too long.
QString describeText(const QString &text)
{
    QString t = Redaction::redact(text).simplified();
    if (t.size() > 200)
        t = t.left(199) + QChar(0x2026);
    return t;
}

} // namespace

OAuthToken::OAuthToken(const QString &sourceName, const RestOAuth &config, const Credentials &credentials, HttpClient *client,
                       QObject *parent)
    : QObject(parent), m_sourceName(sourceName), m_config(config), m_credentials(credentials), m_client(client)
{
    // A changed client, grant or configured refresh token is a different cache entry: a person who
    // replaces a revoked refresh token is heard at once.
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const QString &part : {sourceName, config.tokenUrl.toString(), credentials.clientId, credentials.clientSecret,
                                credentials.refreshToken, RestOAuth::grants().value(int(config.grant)),
                                config.scopes.join(QLatin1Char(' ')), config.audience}) {
        h.addData(part.toUtf8());
        h.addData(QByteArray(1, char(0)));
    }
    m_cacheKey = h.result();
    m_configuredRefresh = credentials.refreshToken;

    TokenCache &cache = tokenCache();
    QMutexLocker locker(&cache.lock);
    const auto it = cache.tokens.constFind(m_cacheKey);
    if (it != cache.tokens.constEnd()) {
        m_access = it->access;
        m_expiresAtMs = it->expiresAtMs;
        m_refreshAtMs = it->refreshAtMs;
        m_grant = it->grant;
        if (!it->refreshToken.isEmpty())
            m_credentials.refreshToken = it->refreshToken;
        if (!m_access.isEmpty())
            ++m_generation;
    }
}

OAuthToken::~OAuthToken()
{
    if (m_inFlight) {
        QObject::disconnect(m_inFlight, nullptr, this, nullptr);
        m_inFlight->abort();
    }
}

qint64 OAuthToken::refreshMarginMs(qint64 lifetimeMs, int refreshBeforeS)
{
    return qMax<qint64>(0, qMin<qint64>(qint64(refreshBeforeS) * 1000, lifetimeMs / 2));
}

QString OAuthToken::tokenUrlText() const
{
    return HttpClient::redactedUrl(m_config.tokenUrl);
}

QString OAuthToken::credentialHint() const
{
    if (m_config.grant == RestOAuth::Grant::RefreshToken)
        return Tr::tr("the OAuth 2.0 access token from %1 (client %2, refresh token in %3)")
            .arg(tokenUrlText(), m_credentials.clientId, m_credentials.refreshTokenHint);
    return Tr::tr("the OAuth 2.0 access token from %1 (client %2, client secret in %3)")
        .arg(tokenUrlText(), m_credentials.clientId, m_credentials.clientSecretHint);
}

bool OAuthToken::isRefreshDue() const
{
    return !m_access.isEmpty() && nowMs() >= m_refreshAtMs;
}

QByteArray OAuthToken::authorization()
{
    if (m_access.isEmpty())
        return {};
    const qint64 now = nowMs();
    if (now >= m_expiresAtMs) {
        m_access.clear();
        return {};
    }
    if (now >= m_refreshAtMs && !m_inFlight && now >= m_backgroundRetryAtMs)
        fetch();
    return QByteArrayLiteral("Bearer ") + m_access;
}

void OAuthToken::reject(int generation)
{
    if (generation == m_generation && !m_access.isEmpty()) {
        qCInfo(lcRestSource).noquote() << QStringLiteral("source %1: the API refused the OAuth access token; asking %2 for a new one")
                                              .arg(m_sourceName, tokenUrlText());
        m_access.clear();
        store();
    }
}

void OAuthToken::forget()
{
    m_access.clear();
    m_grant = {};
    TokenCache &cache = tokenCache();
    QMutexLocker locker(&cache.lock);
    cache.tokens.remove(m_cacheKey);
}

void OAuthToken::fetch()
{
    if (m_inFlight)
        return;
    if (!m_client) {
        QTimer::singleShot(0, this, [this] { Q_EMIT settled(Error(Error::Code::Internal, Tr::tr("the source is gone"))); });
        return;
    }
    QList<QPair<QString, QString>> fields;
    if (m_config.grant == RestOAuth::Grant::RefreshToken) {
        fields.append({QStringLiteral("grant_type"), QStringLiteral("refresh_token")});
        fields.append({QStringLiteral("refresh_token"), m_credentials.refreshToken});
    } else {
        fields.append({QStringLiteral("grant_type"), QStringLiteral("client_credentials")});
    }
    if (!m_config.scopes.isEmpty())
        fields.append({QStringLiteral("scope"), m_config.scopes.join(QLatin1Char(' '))});
    if (!m_config.audience.isEmpty())
        fields.append({QStringLiteral("audience"), m_config.audience});

    QNetworkRequest request(m_config.tokenUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Tributary/" "0.1"));
    // RFC 6749 2.3.1: HTTP Basic with the form-encoded id and secret; "body" for servers that
    // only read them from the form. A public client sends its id alone.
    if (m_config.clientAuth == RestOAuth::ClientAuth::Basic && !m_credentials.clientSecret.isEmpty()) {
        const QByteArray pair = QUrl::toPercentEncoding(m_credentials.clientId) + ':'
            + QUrl::toPercentEncoding(m_credentials.clientSecret);
        Redaction::addSecret(QString::fromLatin1(pair.toBase64()));
        request.setRawHeader("Authorization", "Basic " + pair.toBase64());
    } else {
        fields.append({QStringLiteral("client_id"), m_credentials.clientId});
        if (!m_credentials.clientSecret.isEmpty())
            fields.append({QStringLiteral("client_secret"), m_credentials.clientSecret});
    }

    m_sentAtMs = nowMs();
    m_inFlight = m_client->send(QByteArrayLiteral("POST"), request, formEncode(fields), this);
    m_inFlight->setCredentialHint(m_config.grant == RestOAuth::Grant::RefreshToken
                                      ? Tr::tr("the OAuth 2.0 client %1 and its refresh token (%2)")
                                            .arg(m_credentials.clientId, m_credentials.refreshTokenHint)
                                      : Tr::tr("the OAuth 2.0 client %1 and its secret (%2)")
                                            .arg(m_credentials.clientId, m_credentials.clientSecretHint));
    // Every request of the source waits for it: first in the host's budget queue.
    m_inFlight->setPriority(RequestPriority::Urgent);
    connect(m_inFlight, &HttpJob::finished, this, &OAuthToken::onFinished);
    qCDebug(lcRestSource).noquote() << QStringLiteral("source %1: asking %2 for an OAuth access token (%3 grant)")
                                           .arg(m_sourceName, tokenUrlText(), RestOAuth::grants().value(int(m_config.grant)));
    m_inFlight->start();
}

void OAuthToken::onFinished(HttpJob *job)
{
    m_inFlight = nullptr;
    const bool background = !m_access.isEmpty();
    const Error e = readAnswer(job);
    if (e) {
        if (background) {
            // The token still serves: say so, and try again a little later.
            m_backgroundRetryAtMs = nowMs() + kBackgroundRetryMs;
            qCWarning(lcRestSource).noquote() << QStringLiteral("source %1: cannot refresh the OAuth access token before it "
                                                                "expires: %2")
                                                     .arg(m_sourceName, e.message);
        } else {
            qCWarning(lcRestSource).noquote() << QStringLiteral("source %1: %2").arg(m_sourceName, e.message);
        }
    }
    Q_EMIT settled(e);
}

Error OAuthToken::readAnswer(HttpJob *job)
{
    const QString url = tokenUrlText();
    const QJsonObject answer = QJsonDocument::fromJson(job->body()).object();
    if (job->status() >= 400 && job->status() < 500 && answer.value(QStringLiteral("error")).isString())
        return endpointError(job, answer.value(QStringLiteral("error")).toString(),
                             answer.value(QStringLiteral("error_description")).toString());
    if (job->hasError()) {
        Error e = job->error();
        e.message = Tr::tr("cannot get an OAuth 2.0 access token: %1").arg(e.message);
        return e;
    }
    // The body of a successful answer holds the token: it is never quoted.
    const QString access = answer.value(QStringLiteral("access_token")).toString();
    if (access.isEmpty())
        return Error(Error::Code::Parse, Tr::tr("cannot get an OAuth 2.0 access token: the answer of %1 has no \"access_token\"").arg(url));
    const QString type = answer.value(QStringLiteral("token_type")).toString(QStringLiteral("Bearer"));
    if (type.compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0)
        return Error(Error::Code::Auth, Tr::tr("cannot use the OAuth 2.0 access token from %1: its type is \"%2\"; only Bearer "
                                               "tokens are supported")
                                            .arg(url, type.left(40)));
    if (!ConfigReader::isHeaderValue(access))
        return Error(Error::Code::Parse, Tr::tr("cannot use the OAuth 2.0 access token from %1: it contains a line break or "
                                                "another control character")
                                             .arg(url));
    Redaction::addSecret(access);

    const QJsonValue expiresIn = answer.value(QStringLiteral("expires_in"));
    bool ok = false;
    qint64 lifetimeS = expiresIn.isDouble() ? qint64(expiresIn.toDouble()) : expiresIn.toString().toLongLong(&ok);
    if (!expiresIn.isDouble() && !ok)
        lifetimeS = -1;
    const QString rotated = answer.value(QStringLiteral("refresh_token")).toString();

    retire(access.toUtf8(), rotated);
    m_access = access.toUtf8();
    ++m_generation;
    m_backgroundRetryAtMs = 0;
    if (lifetimeS >= 0) {
        const qint64 lifetimeMs = lifetimeS * 1000;
        // From when the request left: the token may have been issued a moment before it arrived.
        m_expiresAtMs = m_sentAtMs + lifetimeMs;
        m_refreshAtMs = m_expiresAtMs - refreshMarginMs(lifetimeMs, m_config.refreshBeforeS);
    } else {
        m_expiresAtMs = LLONG_MAX; // good until the API answers 401
        m_refreshAtMs = LLONG_MAX;
    }
    m_grant = {};
    m_grant.lifetimeS = lifetimeS;
    const QString scope = answer.value(QStringLiteral("scope")).toString();
    m_grant.scopes = scope.isEmpty() ? m_config.scopes : scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    m_grant.tokenType = type;
    if (!rotated.isEmpty() && rotated != m_credentials.refreshToken) {
        // Kept in memory for the life of the process (the cache below), never written back: the
        // credentials file is the person's.
        Redaction::addSecret(rotated);
        m_credentials.refreshToken = rotated;
        m_grant.refreshTokenRotated = true;
    }
    store();
    qCInfo(lcRestSource).noquote() << QStringLiteral("source %1: OAuth access token from %2, %3%4")
                                          .arg(m_sourceName, url,
                                               lifetimeS >= 0 ? QStringLiteral("expires in %1 s").arg(lifetimeS)
                                                              : QStringLiteral("no expiry given"),
                                               m_grant.refreshTokenRotated ? QStringLiteral(", refresh token rotated") : QString());
    return {};
}

void OAuthToken::retire(const QByteArray &nextAccess, const QString &nextRefresh)
{
    TokenCache &cache = tokenCache();
    QMutexLocker locker(&cache.lock);
    CachedToken &c = cache.tokens[m_cacheKey];
    if (!c.lastAccess.isEmpty() && c.lastAccess != nextAccess) {
        if (!c.previousAccess.isEmpty())
            Redaction::removeSecret(QString::fromUtf8(c.previousAccess));
        c.previousAccess = c.lastAccess;
    }
    c.lastAccess = nextAccess;
    // Rotated refresh tokens alike; the configured one is never dropped (it is not in these).
    if (!nextRefresh.isEmpty() && nextRefresh != m_configuredRefresh) {
        if (!c.lastRotated.isEmpty() && c.lastRotated != nextRefresh) {
            if (!c.previousRotated.isEmpty())
                Redaction::removeSecret(c.previousRotated);
            c.previousRotated = c.lastRotated;
        }
        c.lastRotated = nextRefresh;
    }
}

void OAuthToken::store()
{
    TokenCache &cache = tokenCache();
    QMutexLocker locker(&cache.lock);
    CachedToken &c = cache.tokens[m_cacheKey];
    c.access = m_access;
    c.expiresAtMs = m_expiresAtMs;
    c.refreshAtMs = m_refreshAtMs;
    c.grant = m_grant;
    c.refreshToken = m_credentials.refreshToken;
}

// RFC 6749 5.2: what the token endpoint's "error" means, and what the person has to renew.
Error OAuthToken::endpointError(HttpJob *job, const QString &code, const QString &description) const
{
    const QString url = tokenUrlText();
    const QString quoted = code.left(60) + (description.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(describeText(description)));
    const bool refresh = m_config.grant == RestOAuth::Grant::RefreshToken;
    const QString detail = QStringLiteral("HTTP %1").arg(job->status());
    if (code == QLatin1String("invalid_grant")) {
        if (refresh)
            return Error(Error::Code::Auth,
                         Tr::tr("the refresh token (%1) was refused by %2: %3; get a new refresh token and %4")
                             .arg(m_credentials.refreshTokenHint, url, quoted, m_credentials.refreshTokenRenew),
                         detail);
        return Error(Error::Code::Auth,
                     Tr::tr("the client credentials grant of OAuth 2.0 client %1 was refused by %2: %3; check that the client "
                            "is allowed this grant, or renew its secret and %4")
                         .arg(m_credentials.clientId, url, quoted, m_credentials.clientSecretRenew),
                     detail);
    }
    if (code == QLatin1String("invalid_client")) {
        if (m_credentials.clientSecret.isEmpty())
            return Error(Error::Code::Auth,
                         Tr::tr("the OAuth 2.0 client %1 was refused by %2: %3; check rest.auth.client_id, or give the client's "
                                "secret in rest.auth.client_secret")
                             .arg(m_credentials.clientId, url, quoted),
                         detail);
        return Error(Error::Code::Auth,
                     Tr::tr("the OAuth 2.0 client %1 (client secret in %2) was refused by %3: %4; check rest.auth.client_id, "
                            "or get a new client secret and %5")
                         .arg(m_credentials.clientId, m_credentials.clientSecretHint, url, quoted, m_credentials.clientSecretRenew),
                     detail);
    }
    if (code == QLatin1String("unauthorized_client"))
        return Error(Error::Code::Auth,
                     Tr::tr("the OAuth 2.0 client %1 may not use the %2 grant at %3: %4; allow it for the client, or change "
                            "rest.auth.grant")
                         .arg(m_credentials.clientId, RestOAuth::grants().value(int(m_config.grant)), url, quoted),
                     detail);
    if (code == QLatin1String("invalid_scope"))
        return Error(Error::Code::Auth,
                     Tr::tr("%1 refused the scopes %2: %3; change rest.auth.scopes or what the client is allowed")
                         .arg(url, m_config.scopes.isEmpty() ? Tr::tr("(none asked for)") : m_config.scopes.join(QLatin1Char(' ')), quoted),
                     detail);
    return Error(Error::Code::Http, Tr::tr("cannot get an OAuth 2.0 access token: %1 answered %2").arg(url, quoted), detail);
}

} // namespace Tributary
