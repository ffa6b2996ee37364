#pragma once

#include "config/Config.h"
#include "net/HttpClient.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Tributary {

using QueryItems = QList<QPair<QString, QString>>;

// rest.auth.type "oauth2": an access token obtained from an OAuth 2.0 token endpoint (RFC 6749)
// and refreshed before it expires.
struct RestOAuth
{
    enum class Grant { ClientCredentials, RefreshToken };
    enum class ClientAuth { Basic, Body }; // RFC 6749 2.3.1: HTTP Basic by default
    Grant grant = Grant::ClientCredentials;
    QUrl tokenUrl;
    QString clientId;      // when written in the configuration (a client id is no secret)
    SecretRef clientIdRef; // when it comes from the environment or the credentials file
    SecretRef clientSecret; // required for client_credentials; optional for refresh_token (public clients)
    SecretRef refreshToken; // refresh_token only
    QStringList scopes;
    QString audience;
    ClientAuth clientAuth = ClientAuth::Basic;
    int refreshBeforeS = 60; // refresh this long before expiry, at most half the lifetime

    static QStringList grants();
    static QStringList clientAuths();
};

struct RestAuth
{
    enum class Type { None, Bearer, Basic, ApiKey, OAuth2 };
    Type type = Type::None;
    SecretRef token;       // bearer
    QString username;      // basic, when written in the configuration (a user name is no secret)
    SecretRef usernameRef; // basic, when it comes from the environment or the credentials file
    SecretRef password;    // basic
    QString header;        // api_key: header name
    SecretRef key;         // api_key
    RestOAuth oauth;       // oauth2

    // The choices rest.auth.type accepts (for editors).
    static QStringList types();
};

// A separate request that asks for the number of records a walk will see, for APIs whose pages
// carry no total (cursor pagination). Sent once, before the first page of a walk.
struct RestTotalRequest
{
    bool enabled = false;
    QueryItems params;     // added to the walk's mode parameters and filter ("page=1&per_page=1")
    QString totalPath;     // where the number is in the response ("meta.total"), or
    QString totalHeader;   // the header carrying it ("X-Total-Count"); exactly one of the two
};

struct RestPagination
{
    enum class Style { Page, Offset, Cursor, NextUrl, LinkHeader, None };
    Style style = Style::None;
    int pageSize = 0;                                  // 0: not sent, the server's default
    QString pageSizeParam;
    QString pageParam = QStringLiteral("page");
    int firstPage = 1;
    QString lastPagePath;
    QString offsetParam = QStringLiteral("offset");
    QString limitParam = QStringLiteral("limit");
    QString cursorParam = QStringLiteral("cursor");
    QString nextCursorPath = QStringLiteral("next_cursor");
    // Sent as the cursor of the first page. Empty by default, and still sent: APIs in Laravel's
    // style (forum-sim among them) switch to cursor pagination only when the parameter is
    // present. null in the configuration omits it.
    QString firstCursor = QStringLiteral("");
    bool sendFirstCursor = true;
    QString nextUrlPath;
    QString totalPath;
    QString totalHeader;
    RestTotalRequest totalRequest;

    // The query parameters a walk of this style sets itself (page, offset, cursor, page size);
    // the count request leaves them out.
    QStringList walkParams() const;
    static QString styleName(Style s);
};

struct RestIncremental
{
    enum class Format { Iso8601, Iso8601Seconds, Unix, UnixMs, Date };
    bool enabled = false;  // false: the entity can only be walked fully
    QString param;         // filter parameter ("updated_since")
    QString field;         // record field compared by the filter ("updated_at")
    Format format = Format::Iso8601;
    bool tieBreakById = false;
    QueryItems params;     // extra parameters of incremental walks ("sort=updated_at")
};

// How an entity's changes are written back (rest.write, overridable per entity as "write").
struct RestWrite
{
    struct Request
    {
        QString method;
        // Relative to the entity's endpoint ("" = the endpoint itself, "{id}" = endpoint/ID), or
        // to base_url when it starts with '/'. "{id}" stands for the URL-encoded external id.
        QString path;
    };
    Request create{QStringLiteral("POST"), QString()};
    Request update{QStringLiteral("PATCH"), QStringLiteral("{id}")};
    Request remove{QStringLiteral("DELETE"), QStringLiteral("{id}")};
    QString bodyPath;          // empty: the body is the record; "data": {"data": record}
    // Empty header names turn the header off.
    QString conditionalHeader = QStringLiteral("If-Unmodified-Since");
    QString idempotencyHeader = QStringLiteral("Idempotency-Key");
    QString originHeader;      // off by default; the Good Forum's is X-Forum-Client
    QString origin = QStringLiteral("tributary");
};

struct RestEntity
{
    QString name;
    QString endpoint;      // appended to base_url, starts with '/'
    QString recordsPath;   // empty: the body is the array
    QString recordPath;    // empty: the body is the record
    RestPagination pagination;
    RestIncremental incremental;
    QueryItems fullParams;
    bool idScan = false;   // id_scan_params given: Ids walks are cheap
    QueryItems idScanParams;
    RestWrite write;
};

// The "rest" block of a source and the REST keys of its entities, parsed and validated.
struct RestConfig
{
    QString sourceName;
    QString baseDir;
    QUrl baseUrl;
    RestAuth auth;
    HttpHeaderList headers;
    HttpPolicy policy;
    int concurrency = 2; // requests of one walk in flight at once (page and offset styles)
    // The request budget the source draws from (a key of the configuration's "hosts"); empty:
    // the base URL's host. Two credentials on one host metered apart get a name each.
    QString budget;
    QHash<QString, RestEntity> entities;

    // Parses config.options["rest"] and each entity's REST keys. Each problem is one line naming
    // the full key path. checkEntityKeys: also reject unknown keys in entity objects (the
    // configuration loader does that itself with entityKeys()).
    static bool parse(const SourceConfig &config, RestConfig *out, QStringList *errors, bool checkEntityKeys = true);
    // The entity-level keys this source type reads, besides the generic ones.
    static QStringList entityKeys();

    // Converts a stored cursor value (the record's raw field value, or an ISO-8601 time from
    // cursorValueFor()) into the filter's format. Rounds down: the filter is inclusive, so asking
    // from a little earlier only re-reads records, it never skips one.
    static QString formatFilterValue(const QString &value, RestIncremental::Format format, QString *error);
    static QString formatName(RestIncremental::Format format);
    // The choices rest.pagination.style and rest.incremental.format accept (for editors).
    static QStringList paginationStyles();
    static QStringList incrementalFormats();
    // The methods rest.write.create/update/delete.method accept (for editors).
    static QStringList writeMethods();
    // The placeholder of write paths that stands for the external id.
    static QString idPlaceholder() { return QStringLiteral("{id}"); }
};

} // namespace Tributary
