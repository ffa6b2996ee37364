#pragma once

#include "net/HttpServer.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Tributary {

// A small OAuth 2.0 authorization server (RFC 6749 4.4 and 6, RFC 7009) for forum-sim and the
// tests: POST /oauth/token issues Bearer access tokens that expire after a set lifetime, for the
// client_credentials and refresh_token grants; POST /oauth/revoke revokes a refresh token (and
// every access token, as RFC 7009 suggests). The API then accepts only current tokens it issued.
// Thread-safe: a test reads its counters and revokes while the server's thread answers.
class ForumOAuth
{
public:
    struct Settings
    {
        int tokenLifetimeS = 3600;      // expires_in of every access token
        QString clientId = QStringLiteral("forum-sim");
        QString clientSecret;           // empty: the client is public (refresh_token grant only)
        QString refreshToken;           // the refresh token handed out beforehand; empty: none
        bool rotateRefreshTokens = false; // each refresh answers a new refresh token, the old one dies
        QStringList scopes{QStringLiteral("forum.read"), QStringLiteral("forum.write")}; // what may be asked for
        int tokenDelayMs = 0;           // answers of /oauth/token wait this long (tests: requests pile up)
    };

    explicit ForumOAuth(const Settings &settings);

    // POST /oauth/token and POST /oauth/revoke; whether `request` was one of them (*response set).
    bool handle(const HttpRequest &request, HttpResponse *response);
    // Whether an API request carries a current access token; *response is the 401 when not.
    bool admits(const HttpRequest &request, HttpResponse *response);

    // Revokes a refresh token (and every access token), as POST /oauth/revoke does.
    void revoke(const QString &refreshToken);
    // Every access token issued so far stops working (an early expiry, a key rotation).
    void expireAccessTokens();

    qint64 tokenRequests() const;    // POSTs to /oauth/token, answered either way
    qint64 tokensIssued() const;
    qint64 refusedRequests() const;  // API requests answered 401
    QString refreshToken() const;    // the current one (after rotation: the newest)
    QString lastAccessToken() const; // the newest issued (tests look for it where it must not be)

private:
    HttpResponse token(const HttpRequest &request);
    HttpResponse revokeRequest(const HttpRequest &request);
    // RFC 6749 2.3.1: HTTP Basic or the form's client_id and client_secret.
    bool authenticateClient(const HttpRequest &request, const QHash<QString, QString> &form, HttpResponse *response) const;
    QString newToken() const;

    const Settings m_settings;
    mutable QMutex m_lock;
    QElapsedTimer m_clock;
    QHash<QByteArray, qint64> m_accessTokens; // token -> expiry (m_clock ms)
    QSet<QString> m_refreshTokens;
    QString m_latestRefresh;
    QString m_lastAccess;
    qint64 m_tokenRequests = 0;
    qint64 m_issued = 0;
    qint64 m_refused = 0;
};

} // namespace Tributary
