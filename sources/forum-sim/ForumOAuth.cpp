#include "ForumOAuth.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QUrl>

namespace Tributary {

namespace {

HttpResponse oauthError(int status, const QString &error, const QString &description)
{
    HttpResponse r = HttpResponse::json(status, QJsonDocument(QJsonObject{{QStringLiteral("error"), error},
                                                                          {QStringLiteral("error_description"), description}})
                                                    .toJson(QJsonDocument::Compact));
    r.setHeader("Cache-Control", "no-store");
    return r;
}

// application/x-www-form-urlencoded ('+' is a space).
QHash<QString, QString> parseForm(const QByteArray &body)
{
    QHash<QString, QString> form;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const int eq = pair.indexOf('=');
        auto decode = [](QByteArray s) { return QUrl::fromPercentEncoding(s.replace('+', ' ')); };
        form.insert(decode(eq < 0 ? pair : pair.left(eq)), eq < 0 ? QString() : decode(pair.mid(eq + 1)));
    }
    return form;
}

} // namespace

ForumOAuth::ForumOAuth(const Settings &settings)
    : m_settings(settings)
{
    m_clock.start();
    if (!settings.refreshToken.isEmpty()) {
        m_refreshTokens.insert(settings.refreshToken);
        m_latestRefresh = settings.refreshToken;
    }
}

QString ForumOAuth::newToken() const
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool ForumOAuth::handle(const HttpRequest &request, HttpResponse *response)
{
    if (request.path == QLatin1String("/oauth/token"))
        *response = token(request);
    else if (request.path == QLatin1String("/oauth/revoke"))
        *response = revokeRequest(request);
    else
        return false;
    return true;
}

bool ForumOAuth::authenticateClient(const HttpRequest &request, const QHash<QString, QString> &form, HttpResponse *response) const
{
    QString id = form.value(QStringLiteral("client_id"));
    QString secret = form.value(QStringLiteral("client_secret"));
    const QByteArray authorization = request.header("authorization");
    if (authorization.startsWith("Basic ")) {
        const QByteArray pair = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const int colon = pair.indexOf(':');
        id = QUrl::fromPercentEncoding(QByteArray(pair.left(colon)).replace('+', ' '));
        secret = colon < 0 ? QString() : QUrl::fromPercentEncoding(QByteArray(pair.mid(colon + 1)).replace('+', ' '));
    }
    if (id == m_settings.clientId && secret == m_settings.clientSecret)
        return true;
    *response = oauthError(401, QStringLiteral("invalid_client"), QStringLiteral("Client authentication failed."));
    response->setHeader("WWW-Authenticate", "Basic realm=\"forum-sim\"");
    return false;
}

HttpResponse ForumOAuth::token(const HttpRequest &request)
{
    QMutexLocker locker(&m_lock);
    ++m_tokenRequests;
    HttpResponse response;
    if (request.method != "POST") {
        response = oauthError(405, QStringLiteral("invalid_request"), QStringLiteral("The token endpoint takes POST."));
        response.setHeader("Allow", "POST");
        return response;
    }
    if (!request.header("content-type").startsWith("application/x-www-form-urlencoded"))
        return oauthError(400, QStringLiteral("invalid_request"), QStringLiteral("Expected application/x-www-form-urlencoded."));
    const QHash<QString, QString> form = parseForm(request.body);
    if (!authenticateClient(request, form, &response))
        return response;

    const QString grant = form.value(QStringLiteral("grant_type"));
    QString newRefresh;
    if (grant == QLatin1String("client_credentials")) {
        if (m_settings.clientSecret.isEmpty())
            return oauthError(400, QStringLiteral("unauthorized_client"), QStringLiteral("A public client cannot use this grant."));
    } else if (grant == QLatin1String("refresh_token")) {
        const QString presented = form.value(QStringLiteral("refresh_token"));
        if (!m_refreshTokens.contains(presented))
            return oauthError(400, QStringLiteral("invalid_grant"), QStringLiteral("The refresh token is invalid, expired or revoked."));
        if (m_settings.rotateRefreshTokens) {
            m_refreshTokens.remove(presented);
            newRefresh = newToken();
            m_refreshTokens.insert(newRefresh);
            m_latestRefresh = newRefresh;
        }
    } else {
        return oauthError(400, QStringLiteral("unsupported_grant_type"), QStringLiteral("Unsupported grant type."));
    }

    QStringList granted = form.value(QStringLiteral("scope")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &scope : std::as_const(granted)) {
        if (!m_settings.scopes.contains(scope))
            return oauthError(400, QStringLiteral("invalid_scope"), QStringLiteral("Unknown scope: %1").arg(scope));
    }
    if (granted.isEmpty())
        granted = m_settings.scopes;

    const QString access = newToken();
    m_accessTokens.insert(access.toLatin1(), m_clock.elapsed() + qint64(m_settings.tokenLifetimeS) * 1000);
    ++m_issued;
    m_lastAccess = access;
    QJsonObject answer{{QStringLiteral("access_token"), access},
                       {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                       {QStringLiteral("expires_in"), m_settings.tokenLifetimeS},
                       {QStringLiteral("scope"), granted.join(QLatin1Char(' '))}};
    if (!newRefresh.isEmpty())
        answer.insert(QStringLiteral("refresh_token"), newRefresh);
    response = HttpResponse::json(200, QJsonDocument(answer).toJson(QJsonDocument::Compact));
    response.setHeader("Cache-Control", "no-store");
    response.delayMs = m_settings.tokenDelayMs;
    return response;
}

HttpResponse ForumOAuth::revokeRequest(const HttpRequest &request)
{
    HttpResponse response;
    if (request.method != "POST")
        return oauthError(405, QStringLiteral("invalid_request"), QStringLiteral("The revocation endpoint takes POST."));
    const QHash<QString, QString> form = parseForm(request.body);
    {
        QMutexLocker locker(&m_lock);
        if (!authenticateClient(request, form, &response))
            return response;
    }
    revoke(form.value(QStringLiteral("token")));
    // RFC 7009 2.2: 200 whether or not the token was known.
    return HttpResponse::json(200, QByteArrayLiteral("{}"));
}

bool ForumOAuth::admits(const HttpRequest &request, HttpResponse *response)
{
    const QByteArray authorization = request.header("authorization");
    QMutexLocker locker(&m_lock);
    if (authorization.startsWith("Bearer ")) {
        const auto it = m_accessTokens.constFind(authorization.mid(7).trimmed());
        if (it != m_accessTokens.constEnd()) {
            if (m_clock.elapsed() < it.value())
                return true;
            m_accessTokens.erase(it);
        }
    }
    ++m_refused;
    *response = HttpResponse::json(401, QByteArrayLiteral("{\"message\":\"Unauthenticated.\"}"));
    response->setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    return false;
}

void ForumOAuth::revoke(const QString &refreshToken)
{
    QMutexLocker locker(&m_lock);
    if (m_refreshTokens.remove(refreshToken))
        m_accessTokens.clear();
}

void ForumOAuth::expireAccessTokens()
{
    QMutexLocker locker(&m_lock);
    m_accessTokens.clear();
}

qint64 ForumOAuth::tokenRequests() const
{
    QMutexLocker locker(&m_lock);
    return m_tokenRequests;
}

qint64 ForumOAuth::tokensIssued() const
{
    QMutexLocker locker(&m_lock);
    return m_issued;
}

qint64 ForumOAuth::refusedRequests() const
{
    QMutexLocker locker(&m_lock);
    return m_refused;
}

QString ForumOAuth::refreshToken() const
{
    QMutexLocker locker(&m_lock);
    return m_latestRefresh;
}

} // namespace Tributary

namespace Tributary {

QString ForumOAuth::lastAccessToken() const
{
    QMutexLocker locker(&m_lock);
    return m_lastAccess;
}

} // namespace Tributary
