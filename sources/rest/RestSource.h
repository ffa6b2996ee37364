#pragma once

#include "engine/Source.h"
#include "rest/RestConfig.h"

#include <QLoggingCategory>

class QNetworkAccessManager;

Q_DECLARE_LOGGING_CATEGORY(lcRestSource)

namespace Tributary {

class HttpClient;
class OAuthToken;

// The generic REST source ("type": "rest"): any paginated JSON API described by configuration
// alone (base URL, auth, paths, pagination style, incremental filter, limits).
class RestSource : public Source
{
    Q_OBJECT
public:
    // `nam` belongs to the caller and must outlive the source; null: the source makes its own.
    RestSource(const SourceConfig &config, QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~RestSource() override;

    // Registers "rest" with SourceRegistry (validator, factory and entity-level keys).
    static void registerType();
    // Problems of the "rest" block and the entities' REST keys, one line each naming the key.
    static QStringList validate(const SourceConfig &config);

    QString name() const override;
    EntityCapabilities capabilities(const QString &entity) const override;
    PageJob *fetchPage(const PageRequest &request) override;
    RecordJob *fetchRecord(const QString &entity, const QString &externalId) override;
    // ISO-8601 UTC with milliseconds (yyyy-MM-ddTHH:mm:ss.zzzZ); formatFilterValue() accepts it.
    QString cursorValueFor(const QString &entity, const QDateTime &sourceTime) const override;
    // An entity writes when its direction is "out" or "both" and the configuration holds; the
    // requests are rest.write's (the defaults when there is none).
    bool canWrite(const QString &entity, WriteRequest::Op op, QString *why = nullptr) const override;
    WriteJob *write(const WriteRequest &request) override;
    QString predictToken(const PageRequest &request, const QString &token) const override;
    int pageConcurrency(const QString &entity) const override;

    // Configuration problems or a credential that could not be resolved (named, never shown):
    // every job then fails at once with this error.
    const Error &setupError() const { return m_setupError; }
    const RestConfig &config() const { return m_config; }
    HttpClient *httpClient() const { return m_client; }

    // base_url + endpoint of an entity; invalid for an unknown entity.
    QUrl entityUrl(const QString &entity) const;
    // A URL of a record or an operation: `path` relative to the entity's URL ("" = that URL,
    // "{id}" = URL/ID), or to base_url when it starts with '/'; "{id}" is replaced by the
    // URL-encoded `externalId`. Invalid for an unknown entity.
    QUrl entityUrl(const QString &entity, const QString &path, const QString &externalId) const;
    // Whether `url` has the scheme, host and port of base_url: credentials go nowhere else.
    bool isSameOrigin(const QUrl &url) const;
    // A GET request for `url` with the static headers and the credentials.
    QNetworkRequest makeRequest(const QUrl &url) const;
    // "environment variable FORUM_TOKEN", for messages that say which credential to check.
    QString credentialHint() const { return m_credentialHint; }
    // rest.auth.type "oauth2": the token every request carries; null for the other kinds.
    OAuthToken *oauthToken() const { return m_oauth; }

private:
    void resolveCredentials();

    SourceConfig m_sourceConfig;
    RestConfig m_config;
    Error m_setupError;
    HttpClient *m_client = nullptr;
    QByteArray m_authHeaderName;
    QByteArray m_authHeaderValue;
    QString m_credentialHint;
    OAuthToken *m_oauth = nullptr;
};

} // namespace Tributary
