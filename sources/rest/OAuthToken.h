#pragma once

#include "rest/RestConfig.h"
#include "util/Error.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace Tributary {

class HttpClient;
class HttpJob;

// The OAuth 2.0 access token of one REST source (rest.auth.type "oauth2", RFC 6749 4.4 and 6):
// asks the token endpoint through the source's own HttpClient (its retries, pacing and limits),
// holds the token, and asks again before it expires. One request at a time: everyone who needs a
// token while one is being asked for waits for that one (settled()).
//
// What a token endpoint answers lives in a process-wide cache keyed by the source, the endpoint,
// the client and the configured grant: the next run of the source in this process (tributaryd
// serve) reuses an access token that is still current, and a refresh token the server rotated
// replaces the configured one for the life of the process. Neither is ever written to disk.
// Every token is registered with Redaction as soon as it arrives.
class OAuthToken : public QObject
{
    Q_OBJECT
public:
    // The configuration's secrets, resolved, and where each came from (for messages).
    struct Credentials
    {
        QString clientId;
        QString clientSecret;     // empty: a public client (refresh_token grant only)
        QString refreshToken;     // refresh_token grant
        QString clientSecretHint; // "environment variable FORUM_CLIENT_SECRET"
        QString refreshTokenHint;
        QString refreshTokenRenew; // "set FORUM_REFRESH_TOKEN", what to do with a new one
        QString clientSecretRenew;
    };
    // What the last token answer granted, for "Get token" (never the token itself).
    struct Grant
    {
        qint64 lifetimeS = -1; // expires_in; -1 when the answer did not say
        QStringList scopes;    // as granted; empty when the answer did not say (the requested ones then)
        QString tokenType;
        bool refreshTokenRotated = false;
    };

    OAuthToken(const QString &sourceName, const RestOAuth &config, const Credentials &credentials, HttpClient *client,
               QObject *parent = nullptr);
    ~OAuthToken() override;

    // "Bearer <token>" when a current token is held, empty when the caller must wait for
    // settled() (after fetch()). A token within refresh_before_s of its expiry is still returned,
    // and a new one asked for in the background.
    QByteArray authorization();
    // Asks the token endpoint unless a request is in flight already; settled() follows, queued.
    void fetch();
    // Each token held gets a new number: a request answered 401 names the one it was sent with,
    // and only that one is dropped (the requests that failed with it ask for one new token).
    int generation() const { return m_generation; }
    void reject(int generation);
    // Drops what this source's token cache holds (tests, and "Get token" which must ask).
    void forget();

    bool isFetching() const { return !m_inFlight.isNull(); }
    // A token is held and within refresh_before_s (bounded) of its expiry: the next request asks
    // for a new one.
    bool isRefreshDue() const;
    const Grant &lastGrant() const { return m_grant; }
    // Names the credentials without showing them: "the OAuth 2.0 client app (client secret in
    // environment variable X), token URL https://…".
    QString credentialHint() const;
    // The token endpoint's URL as messages show it.
    QString tokenUrlText() const;

    // The fixed margin before expiry, bounded by half the lifetime.
    static qint64 refreshMarginMs(qint64 lifetimeMs, int refreshBeforeS);

Q_SIGNALS:
    // A token request ended: a token is held (no error), or why none could be had.
    void settled(const Tributary::Error &error);

private:
    void onFinished(HttpJob *job);
    Error readAnswer(HttpJob *job);
    Error endpointError(HttpJob *job, const QString &code, const QString &description) const;
    void store();
    // Forgets, in Redaction, the tokens two renewals old (the last ones stay masked).
    void retire(const QByteArray &nextAccess, const QString &nextRefresh);

    QString m_sourceName;
    RestOAuth m_config;
    Credentials m_credentials;
    QPointer<HttpClient> m_client;
    QPointer<HttpJob> m_inFlight;
    QByteArray m_cacheKey;
    QString m_configuredRefresh;

    QByteArray m_access;
    qint64 m_expiresAtMs = 0; // steady milliseconds; LLONG_MAX when the answer had no expires_in
    qint64 m_refreshAtMs = 0;
    qint64 m_sentAtMs = 0;
    qint64 m_backgroundRetryAtMs = 0; // a failed early refresh is not asked again before this
    int m_generation = 0;
    Grant m_grant;
};

} // namespace Tributary
