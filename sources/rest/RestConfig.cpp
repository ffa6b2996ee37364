#include "RestConfig.h"

#include "config/ConfigReader.h"

#include "JsonPath.h"
#include "util/Tr.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QVariant>

#include <cmath>
#include <functional>
#include <utility>

namespace Tributary {

namespace {

const QStringList kRestKeys = {QStringLiteral("base_url"),     QStringLiteral("auth"),        QStringLiteral("headers"),
                               QStringLiteral("records_path"), QStringLiteral("record_path"), QStringLiteral("pagination"),
                               QStringLiteral("incremental"),  QStringLiteral("full_params"), QStringLiteral("id_scan_params"),
                               QStringLiteral("limits"),       QStringLiteral("write")};
const QStringList kEntityRestKeys = {QStringLiteral("endpoint"),    QStringLiteral("records_path"),
                                     QStringLiteral("record_path"), QStringLiteral("pagination"),
                                     QStringLiteral("incremental"), QStringLiteral("full_params"),
                                     QStringLiteral("id_scan_params"), QStringLiteral("write")};
// What the configuration loader reads in every entity object, whatever the source type.
const QStringList kGenericEntityKeys = {QStringLiteral("name"),      QStringLiteral("table"),
                                        QStringLiteral("key"),       QStringLiteral("external_id"),
                                        QStringLiteral("columns"),   QStringLiteral("references"),
                                        QStringLiteral("match"),     QStringLiteral("defaults"),
                                        QStringLiteral("conflict_policy"), QStringLiteral("updated_column"),
                                        QStringLiteral("enabled"), QStringLiteral("delete_mode"), QStringLiteral("deleted_column"),
                                        QStringLiteral("field_policies"), QStringLiteral("direction"), QStringLiteral("receive")};
const QStringList kPaginationKeys = {
    QStringLiteral("style"),        QStringLiteral("page_size"),        QStringLiteral("page_size_param"),
    QStringLiteral("page_param"),   QStringLiteral("first_page"),       QStringLiteral("last_page_path"),
    QStringLiteral("offset_param"), QStringLiteral("limit_param"),      QStringLiteral("cursor_param"),
    QStringLiteral("next_cursor_path"), QStringLiteral("first_cursor"), QStringLiteral("next_url_path"), QStringLiteral("total_path"),
    QStringLiteral("total_header"), QStringLiteral("total_request")};
const QStringList kTotalRequestKeys = {QStringLiteral("params"), QStringLiteral("total_path"), QStringLiteral("total_header")};
const QStringList kStyles = {QStringLiteral("page"),     QStringLiteral("offset"),      QStringLiteral("cursor"),
                             QStringLiteral("next_url"), QStringLiteral("link_header"), QStringLiteral("none")};
const QStringList kIncrementalKeys = {QStringLiteral("param"), QStringLiteral("field"), QStringLiteral("format"),
                                      QStringLiteral("tie_breaker"), QStringLiteral("params")};
const QStringList kFormats = {QStringLiteral("iso8601"), QStringLiteral("iso8601-seconds"), QStringLiteral("unix"),
                              QStringLiteral("unix-ms"), QStringLiteral("date")};
const QStringList kLimitKeys = {QStringLiteral("timeout_ms"),     QStringLiteral("deadline_ms"), QStringLiteral("max_retries"),
                                QStringLiteral("backoff_ms"),     QStringLiteral("max_backoff_ms"),
                                QStringLiteral("max_response_bytes"), QStringLiteral("requests_per_second"),
                                QStringLiteral("concurrency"), QStringLiteral("budget")};

const QStringList kWriteKeys = {QStringLiteral("create"),    QStringLiteral("update"),
                                QStringLiteral("delete"),    QStringLiteral("body_path"),
                                QStringLiteral("conditional_header"), QStringLiteral("idempotency_header"),
                                QStringLiteral("origin_header"), QStringLiteral("origin")};
const QStringList kWriteRequestKeys = {QStringLiteral("method"), QStringLiteral("path")};
const QStringList kWriteMethods = {QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"), QStringLiteral("DELETE")};

QString typeName(const QJsonValue &v) { return ConfigReader::typeName(v); }

// The generic reader plus the two kinds of value only the REST source has: dotted JSON paths
// and query parameters.
class Reader : public ConfigReader
{
public:
    using ConfigReader::ConfigReader;

    QString path(const QString &k, const QString &def = {}) const
    {
        const QString p = string(k, def);
        if (!JsonPath::isValid(p))
            error(k, QStringLiteral("\"%1\" is not a dotted path such as \"data\" or \"meta.total\"").arg(p));
        return p;
    }
    // {"sort": "id", "limit": 10, "flag": true}: query parameters with scalar values.
    QueryItems params(const QString &k) const
    {
        QueryItems items;
        const QJsonObject o = object(k);
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (it->isString())
                items.append({it.key(), it->toString()});
            else if (it->isDouble())
                items.append({it.key(), QString::number(it->toDouble(), 'g', 17)});
            else if (it->isBool())
                items.append({it.key(), it->toBool() ? QStringLiteral("true") : QStringLiteral("false")});
            else
                error(k + QLatin1Char('.') + it.key(), QStringLiteral("expected a string, number or boolean, got %1").arg(typeName(*it)));
        }
        return items;
    }
};

// {"params": {...}, "total_path": "meta.total"} or {"params": {...}, "total_header": "X-Total-Count"}.
RestTotalRequest parseTotalRequest(const Reader &r)
{
    RestTotalRequest t;
    t.enabled = true;
    t.params = r.params(QStringLiteral("params"));
    const bool hasPath = r.has(QStringLiteral("total_path"));
    const bool hasHeader = r.has(QStringLiteral("total_header"));
    if (hasPath) {
        t.totalPath = r.path(QStringLiteral("total_path"));
        if (r.value(QStringLiteral("total_path")).isString() && t.totalPath.isEmpty())
            r.error(QStringLiteral("total_path"), QStringLiteral("must not be empty (e.g. \"meta.total\")"));
    }
    if (hasHeader) {
        t.totalHeader = r.string(QStringLiteral("total_header"));
        if (r.value(QStringLiteral("total_header")).isString() && !ConfigReader::isHeaderName(t.totalHeader))
            r.error(QStringLiteral("total_header"), QStringLiteral("\"%1\" is not a valid HTTP header name").arg(t.totalHeader));
    }
    if (hasPath && hasHeader)
        r.error(QStringLiteral("total_header"), QStringLiteral("cannot be combined with total_path; give exactly one of the two"));
    if (!hasPath && !hasHeader)
        r.error(QStringLiteral("total_path"), QStringLiteral("is required: where the total is in the response (e.g. \"meta.total\"), "
                                                             "or total_header instead (e.g. \"X-Total-Count\")"));
    r.rejectUnknown(kTotalRequestKeys);
    return t;
}

RestPagination parsePagination(const Reader &r)
{
    RestPagination p;
    const QString style = r.oneOf(QStringLiteral("style"), kStyles, QStringLiteral("none"));
    p.style = RestPagination::Style(kStyles.indexOf(style));
    p.pageSize = int(r.integer(QStringLiteral("page_size"), 0, 0, 1000000));
    p.pageSizeParam = r.string(QStringLiteral("page_size_param"));
    p.pageParam = r.string(QStringLiteral("page_param"), p.pageParam);
    p.firstPage = int(r.integer(QStringLiteral("first_page"), 1, 0, 1000000));
    p.lastPagePath = r.path(QStringLiteral("last_page_path"));
    p.offsetParam = r.string(QStringLiteral("offset_param"), p.offsetParam);
    // Offset APIs name the page size "limit" more often than not.
    p.limitParam = r.string(QStringLiteral("limit_param"), p.pageSizeParam.isEmpty() ? p.limitParam : p.pageSizeParam);
    p.cursorParam = r.string(QStringLiteral("cursor_param"), p.cursorParam);
    p.nextCursorPath = r.path(QStringLiteral("next_cursor_path"), p.nextCursorPath);
    if (r.has(QStringLiteral("first_cursor")) && r.value(QStringLiteral("first_cursor")).isNull())
        p.sendFirstCursor = false;
    else
        p.firstCursor = r.string(QStringLiteral("first_cursor"));
    p.nextUrlPath = r.path(QStringLiteral("next_url_path"));
    p.totalPath = r.path(QStringLiteral("total_path"));
    p.totalHeader = r.string(QStringLiteral("total_header"));
    // null: none (an entity turning off the source's count request).
    const QJsonValue totalRequest = r.value(QStringLiteral("total_request"));
    if (totalRequest.isObject())
        p.totalRequest = parseTotalRequest(Reader(totalRequest.toObject(), r.key(QStringLiteral("total_request")), r.errors()));
    else if (!totalRequest.isUndefined() && !totalRequest.isNull())
        r.error(QStringLiteral("total_request"), QStringLiteral("expected an object such as {\"params\": {\"per_page\": \"1\"}, "
                                                                "\"total_path\": \"meta.total\"}, or null; got %1")
                                                     .arg(typeName(totalRequest)));
    r.rejectUnknown(kPaginationKeys);

    using S = RestPagination::Style;
    if (p.style == S::NextUrl && p.nextUrlPath.isEmpty())
        r.error(QStringLiteral("next_url_path"), QStringLiteral("is required with style next_url (e.g. \"links.next\" or \"next_page_url\")"));
    if (p.style == S::Page && p.pageParam.isEmpty())
        r.error(QStringLiteral("page_param"), QStringLiteral("must not be empty with style page"));
    if (p.style == S::Cursor && (p.cursorParam.isEmpty() || p.nextCursorPath.isEmpty()))
        r.error(p.cursorParam.isEmpty() ? QStringLiteral("cursor_param") : QStringLiteral("next_cursor_path"),
                QStringLiteral("must not be empty with style cursor"));
    if (p.style == S::Offset && (p.offsetParam.isEmpty() || p.limitParam.isEmpty()))
        r.error(p.offsetParam.isEmpty() ? QStringLiteral("offset_param") : QStringLiteral("limit_param"),
                QStringLiteral("must not be empty with style offset"));
    if (p.style == S::Offset && p.pageSize <= 0)
        r.error(QStringLiteral("page_size"), QStringLiteral("is required with style offset (a whole number above 0)"));
    if (!p.pageSizeParam.isEmpty() && p.pageSize <= 0)
        r.error(QStringLiteral("page_size"), QStringLiteral("is required when page_size_param is set"));
    return p;
}

RestIncremental parseIncremental(const Reader &r)
{
    RestIncremental inc;
    inc.enabled = true;
    inc.param = r.string(QStringLiteral("param"), {}, true);
    inc.field = r.path(QStringLiteral("field"));
    if (!r.has(QStringLiteral("field")))
        r.error(QStringLiteral("field"), QStringLiteral("is required (the record field holding the change time, e.g. \"updated_at\")"));
    inc.format = RestIncremental::Format(kFormats.indexOf(r.oneOf(QStringLiteral("format"), kFormats, kFormats.first())));
    const QString tie = r.oneOf(QStringLiteral("tie_breaker"), {QStringLiteral("id"), QStringLiteral("none")}, QStringLiteral("none"));
    inc.tieBreakById = tie == QLatin1String("id");
    inc.params = r.params(QStringLiteral("params"));
    r.rejectUnknown(kIncrementalKeys);
    return inc;
}

// Source-level defaults overridden key by key by the entity's own object.
QJsonObject merged(const QJsonObject &base, const QJsonObject &over)
{
    QJsonObject m = base;
    for (auto it = over.constBegin(); it != over.constEnd(); ++it)
        m.insert(it.key(), *it);
    return m;
}

Reader mergedReader(const QJsonObject &base, const QJsonObject &over, const QString &basePath, const QString &overPath,
                    QStringList *errors)
{
    return Reader(merged(base, over),
                  [=](const QString &k) { return (over.contains(k) ? overPath : basePath) + QLatin1Char('.') + k; },
                  errors);
}

// One of write.create, update and delete: the source's object overridden key by key by the
// entity's. `withId`: the path must say where the external id goes (an update or a delete).
RestWrite::Request parseWriteRequest(const Reader &base, const Reader &over, const QString &k, RestWrite::Request request,
                                     bool withId)
{
    const Reader r = mergedReader(base.object(k), over.object(k), base.key(k), over.key(k), base.errors());
    request.method = r.oneOf(QStringLiteral("method"), kWriteMethods, request.method);
    request.path = r.string(QStringLiteral("path"), request.path);
    r.rejectUnknown(kWriteRequestKeys);
    const QString id = RestConfig::idPlaceholder();
    const QString &path = request.path;
    const QString pathKey = QStringLiteral("path");
    if (path.contains(QLatin1Char('?')) || path.contains(QLatin1Char('#')))
        r.error(pathKey, Tr::tr("a path only, without query parameters"));
    else if (path.contains(QStringLiteral("://")))
        r.error(pathKey, Tr::tr("a path relative to the entity's endpoint (\"%1\") or to base_url (\"/...\"), not a URL").arg(id));
    else if (QString(path).remove(id).contains(QLatin1Char('{')) || QString(path).remove(id).contains(QLatin1Char('}')))
        r.error(pathKey, Tr::tr("the only placeholder is %1 (the record's external id)").arg(id));
    else if (withId && !path.contains(id))
        r.error(pathKey, Tr::tr("must contain %1, where the record's external id goes (e.g. \"%1\")").arg(id));
    else if (!withId && path.contains(id))
        r.error(pathKey, Tr::tr("cannot contain %1: a record has no external id before it is created").arg(id));
    return request;
}

// rest.write, and an entity's "write" over it (`over` empty: the source's alone).
RestWrite parseWrite(const QJsonObject &base, const QJsonObject &over, const QString &basePath, const QString &overPath,
                     QStringList *errors)
{
    const Reader r = mergedReader(base, over, basePath, overPath, errors);
    r.rejectUnknown(kWriteKeys);
    RestWrite w;
    const Reader baseReader(base, basePath, errors);
    const Reader overReader(over, overPath, errors);
    w.create = parseWriteRequest(baseReader, overReader, QStringLiteral("create"), w.create, false);
    w.update = parseWriteRequest(baseReader, overReader, QStringLiteral("update"), w.update, true);
    w.remove = parseWriteRequest(baseReader, overReader, QStringLiteral("delete"), w.remove, true);
    w.bodyPath = r.path(QStringLiteral("body_path"));
    for (const auto &[key, header] : {std::pair{QStringLiteral("conditional_header"), &w.conditionalHeader},
                                      std::pair{QStringLiteral("idempotency_header"), &w.idempotencyHeader},
                                      std::pair{QStringLiteral("origin_header"), &w.originHeader}}) {
        *header = r.string(key, *header);
        if (!header->isEmpty())
            r.checkHeaderName(key, *header);
    }
    w.origin = r.string(QStringLiteral("origin"), w.origin);
    r.checkHeaderValue(QStringLiteral("origin"), w.origin);
    if (!w.originHeader.isEmpty() && w.origin.trimmed().isEmpty())
        r.error(QStringLiteral("origin"), Tr::tr("must not be empty when origin_header is set"));
    return w;
}

const QStringList kAuthTypes = {QStringLiteral("none"), QStringLiteral("bearer"), QStringLiteral("basic"), QStringLiteral("api_key"),
                                QStringLiteral("oauth2")};
const QStringList kGrants = {QStringLiteral("client_credentials"), QStringLiteral("refresh_token")};
const QStringList kClientAuths = {QStringLiteral("basic"), QStringLiteral("body")};
const QStringList kOAuthKeys = {QStringLiteral("type"),          QStringLiteral("grant"),        QStringLiteral("token_url"),
                                QStringLiteral("client_id"),     QStringLiteral("client_secret"), QStringLiteral("refresh_token"),
                                QStringLiteral("scopes"),        QStringLiteral("audience"),     QStringLiteral("client_auth"),
                                QStringLiteral("refresh_before_s")};

// An absolute http(s) URL without user info or fragment, for base_url and token_url alike.
QUrl parseHttpUrl(const Reader &r, const QString &key, const QString &text)
{
    QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) || url.host().isEmpty())
        r.error(key, QStringLiteral("expected an absolute http:// or https:// URL, got \"%1\"").arg(text));
    else if (!url.userInfo().isEmpty())
        r.error(key, QStringLiteral("must not contain a user name or password; use \"auth\""));
    else if (url.hasFragment())
        r.error(key, QStringLiteral("must not contain a #fragment"));
    return url;
}

RestOAuth parseOAuth(const Reader &r)
{
    RestOAuth o;
    o.grant = RestOAuth::Grant(kGrants.indexOf(r.oneOf(QStringLiteral("grant"), kGrants, kGrants.first())));
    const QString tokenUrl = r.string(QStringLiteral("token_url"), {}, true);
    if (!tokenUrl.isEmpty())
        o.tokenUrl = parseHttpUrl(r, QStringLiteral("token_url"), tokenUrl);
    if (r.value(QStringLiteral("client_id")).isObject())
        o.clientIdRef = r.secret(QStringLiteral("client_id"));
    else
        o.clientId = r.string(QStringLiteral("client_id"), {}, true);
    const bool refresh = o.grant == RestOAuth::Grant::RefreshToken;
    // A public client (RFC 6749 2.1) has no secret; it can only use a refresh token.
    if (!refresh || r.has(QStringLiteral("client_secret")))
        o.clientSecret = r.secret(QStringLiteral("client_secret"));
    if (refresh)
        o.refreshToken = r.secret(QStringLiteral("refresh_token"));
    else if (r.has(QStringLiteral("refresh_token")))
        r.error(QStringLiteral("refresh_token"), QStringLiteral("is only read with \"grant\": \"refresh_token\""));
    const QJsonValue scopes = r.value(QStringLiteral("scopes"));
    if (!scopes.isUndefined() && !scopes.isArray()) {
        r.error(QStringLiteral("scopes"), QStringLiteral("expected an array of strings, got %1").arg(typeName(scopes)));
    } else {
        const QJsonArray list = scopes.toArray();
        for (int i = 0; i < list.size(); ++i) {
            const QString key = QStringLiteral("scopes[%1]").arg(i);
            const QString scope = list.at(i).toString();
            static const QRegularExpression scopeToken(QStringLiteral(R"(^[\x21\x23-\x5B\x5D-\x7E]+$)")); // RFC 6749 3.3
            if (!list.at(i).isString())
                r.error(key, QStringLiteral("expected a string, got %1").arg(typeName(list.at(i))));
            else if (!scopeToken.match(scope).hasMatch())
                r.error(key, QStringLiteral("\"%1\" is not a scope: one word of printable characters, no spaces, quotes or "
                                            "backslashes").arg(ConfigReader::printable(scope)));
            else
                o.scopes.append(scope);
        }
    }
    o.audience = r.string(QStringLiteral("audience"));
    o.clientAuth = RestOAuth::ClientAuth(kClientAuths.indexOf(r.oneOf(QStringLiteral("client_auth"), kClientAuths, kClientAuths.first())));
    o.refreshBeforeS = int(r.integer(QStringLiteral("refresh_before_s"), o.refreshBeforeS, 0, 86400));
    r.rejectUnknown(kOAuthKeys);
    return o;
}

RestAuth parseAuth(const Reader &r)
{
    RestAuth a;
    const QStringList &types = kAuthTypes;
    const QString type = r.oneOf(QStringLiteral("type"), types, QStringLiteral("none"));
    a.type = RestAuth::Type(types.indexOf(type));
    switch (a.type) {
    case RestAuth::Type::None:
        r.rejectUnknown({QStringLiteral("type")});
        break;
    case RestAuth::Type::Bearer:
        a.token = r.secret(QStringLiteral("token"));
        r.rejectUnknown({QStringLiteral("type"), QStringLiteral("token")});
        break;
    case RestAuth::Type::Basic:
        if (r.value(QStringLiteral("username")).isObject())
            a.usernameRef = r.secret(QStringLiteral("username"));
        else
            a.username = r.string(QStringLiteral("username"), {}, true);
        a.password = r.secret(QStringLiteral("password"));
        r.rejectUnknown({QStringLiteral("type"), QStringLiteral("username"), QStringLiteral("password")});
        break;
    case RestAuth::Type::ApiKey:
        a.header = r.string(QStringLiteral("header"), {}, true);
        if (!a.header.isEmpty())
            r.checkHeaderName(QStringLiteral("header"), a.header);
        a.key = r.secret(QStringLiteral("key"));
        r.rejectUnknown({QStringLiteral("type"), QStringLiteral("header"), QStringLiteral("key")});
        break;
    case RestAuth::Type::OAuth2:
        a.oauth = parseOAuth(r);
        break;
    }
    return a;
}

bool looksNumeric(const QString &s)
{
    static const QRegularExpression re(QStringLiteral(R"(^-?\d+(\.\d+)?$)"));
    return re.match(s).hasMatch();
}

// ISO-8601 as APIs write it: with or without offset (none = UTC: cursors are the source's
// clock, never ours), with any number of fraction digits, 'T' or a space, or a bare date.
QDateTime parseIsoUtc(const QString &value)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$)"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(value.trimmed());
    if (!m.hasMatch())
        return {};
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const int ms = m.captured(7).isEmpty() ? 0 : m.captured(7).left(3).leftJustified(3, QLatin1Char('0')).toInt();
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), ms);
    if (!date.isValid() || !time.isValid())
        return {};
    const QString zone = m.captured(8);
    int offsetSeconds = 0;
    if (!zone.isEmpty() && zone.compare(QLatin1String("z"), Qt::CaseInsensitive) != 0) {
        const QString digits = QString(zone.mid(1)).remove(QLatin1Char(':'));
        offsetSeconds = (digits.left(2).toInt() * 3600 + digits.mid(2, 2).toInt() * 60) * (zone.startsWith(QLatin1Char('-')) ? -1 : 1);
    }
    return QDateTime(date, time, Qt::UTC).addSecs(-offsetSeconds);
}

} // namespace

QStringList RestPagination::walkParams() const
{
    QStringList params;
    switch (style) {
    case Style::Page:
        params << pageParam << pageSizeParam;
        break;
    case Style::Offset:
        params << offsetParam << limitParam;
        break;
    case Style::Cursor:
        params << cursorParam << pageSizeParam;
        break;
    case Style::NextUrl:
    case Style::LinkHeader:
    case Style::None:
        params << pageSizeParam;
        break;
    }
    params.removeAll(QString());
    return params;
}

QString RestPagination::styleName(Style s)
{
    return kStyles.value(int(s));
}

QStringList RestAuth::types()
{
    return kAuthTypes;
}

QStringList RestOAuth::grants()
{
    return kGrants;
}

QStringList RestOAuth::clientAuths()
{
    return kClientAuths;
}

QStringList RestConfig::paginationStyles()
{
    return kStyles;
}

QStringList RestConfig::incrementalFormats()
{
    return kFormats;
}

QStringList RestConfig::writeMethods()
{
    return kWriteMethods;
}

QString RestConfig::formatName(RestIncremental::Format format)
{
    return kFormats.value(int(format));
}

QStringList RestConfig::entityKeys()
{
    return kEntityRestKeys;
}

QString RestConfig::formatFilterValue(const QString &value, RestIncremental::Format format, QString *error)
{
    using F = RestIncremental::Format;
    if (value.isEmpty() || format == F::Iso8601)
        return value;

    QDateTime t;
    if (looksNumeric(value)) {
        const double n = value.toDouble();
        // A number is the field's own value; its unit follows the format, and for textual formats
        // the magnitude tells seconds (10 digits today) from milliseconds (13 digits).
        const bool millis = format == F::UnixMs || (format != F::Unix && std::fabs(n) >= 1e11);
        if (format == F::Unix)
            return QString::number(qint64(std::floor(n)));
        if (format == F::UnixMs)
            return QString::number(qint64(std::floor(n)));
        t = QDateTime::fromMSecsSinceEpoch(qint64(std::floor(millis ? n : n * 1000.0)), Qt::UTC);
    } else {
        t = parseIsoUtc(value);
    }
    if (!t.isValid()) {
        if (error)
            *error = QStringLiteral("cannot convert the cursor value \"%1\" to the filter format %2 "
                                    "(expected an ISO-8601 time or a number)")
                         .arg(value, formatName(format));
        return {};
    }
    switch (format) {
    case F::Iso8601:
        return value;
    case F::Iso8601Seconds:
        return t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
    case F::Unix: {
        const qint64 ms = t.toMSecsSinceEpoch();
        return QString::number(ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000));
    }
    case F::UnixMs:
        return QString::number(t.toMSecsSinceEpoch());
    case F::Date:
        return t.date().toString(Qt::ISODate);
    }
    return value;
}

bool RestConfig::parse(const SourceConfig &config, RestConfig *out, QStringList *allErrors, bool checkEntityKeys)
{
    // Merged per-entity blocks can repeat a source-level problem: collected here, deduplicated.
    QStringList localErrors;
    QStringList *errors = &localErrors;
    RestConfig c;
    c.sourceName = config.name;
    c.baseDir = config.baseDir;
    const QString sourcePath = QStringLiteral("sources.") + config.name;
    const QString restPath = sourcePath + QStringLiteral(".rest");

    const QJsonValue restValue = config.options.value(QStringLiteral("rest"));
    if (!restValue.isObject()) {
        allErrors->append(restPath + (restValue.isUndefined() ? QStringLiteral(": is required for a source of type rest")
                                                           : QStringLiteral(": expected an object, got %1").arg(typeName(restValue))));
        return false;
    }
    const QJsonObject rest = restValue.toObject();
    const Reader r(rest, restPath, errors);
    r.rejectUnknown(kRestKeys);

    const QString base = r.string(QStringLiteral("base_url"), {}, true);
    c.baseUrl = QUrl(base, QUrl::StrictMode);
    if (!base.isEmpty()) {
        c.baseUrl = parseHttpUrl(r, QStringLiteral("base_url"), base);
        // Endpoints are appended to the path: a trailing slash would double up.
        QString path = c.baseUrl.path();
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        c.baseUrl.setPath(path);
    }

    const QJsonObject authObj = r.object(QStringLiteral("auth"));
    if (!authObj.isEmpty())
        c.auth = parseAuth(Reader(authObj, restPath + QStringLiteral(".auth"), errors));

    const QJsonObject headers = r.object(QStringLiteral("headers"));
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
        const QString k = QStringLiteral("headers.") + it.key();
        if (!ConfigReader::isHeaderName(it.key()))
            r.error(k, QStringLiteral("is not a valid HTTP header name"));
        else if (it.key().compare(QLatin1String("authorization"), Qt::CaseInsensitive) == 0)
            r.error(k, QStringLiteral("credentials do not belong in the configuration; use \"auth\" with a secret from the "
                                      "environment or a credentials file"));
        else if (!it->isString())
            r.error(k, QStringLiteral("expected a string, got %1").arg(typeName(*it)));
        else if (!ConfigReader::isHeaderValue(it->toString()))
            r.checkHeaderValue(k, it->toString());
        else
            c.headers.append({it.key().toLatin1(), it->toString().toUtf8()});
    }

    const QJsonObject limits = r.object(QStringLiteral("limits"));
    {
        const Reader lr(limits, restPath + QStringLiteral(".limits"), errors);
        c.policy.timeoutMs = int(lr.integer(QStringLiteral("timeout_ms"), c.policy.timeoutMs, 1, 3600000));
        c.policy.deadlineMs = int(lr.integer(QStringLiteral("deadline_ms"), c.policy.deadlineMs, 0, 3600000));
        c.policy.maxRetries = int(lr.integer(QStringLiteral("max_retries"), c.policy.maxRetries, 0, 100));
        c.policy.backoffBaseMs = int(lr.integer(QStringLiteral("backoff_ms"), c.policy.backoffBaseMs, 0, 3600000));
        c.policy.maxBackoffMs = int(lr.integer(QStringLiteral("max_backoff_ms"), c.policy.maxBackoffMs, 0, 3600000));
        c.policy.maxResponseBytes = lr.integer(QStringLiteral("max_response_bytes"), c.policy.maxResponseBytes, 1,
                                               qint64(1) << 40);
        c.policy.requestsPerSecond = lr.number(QStringLiteral("requests_per_second"), 0, 0, 100000);
        c.concurrency = int(lr.integer(QStringLiteral("concurrency"), c.concurrency, 1, 16));
        c.budget = lr.string(QStringLiteral("budget")).trimmed();
        lr.rejectUnknown(kLimitKeys);
    }

    // Source-level defaults for every entity.
    const QString recordsPath = r.path(QStringLiteral("records_path"));
    const QString recordPath = r.path(QStringLiteral("record_path"));
    const QJsonObject pagination = r.object(QStringLiteral("pagination"));
    const QJsonValue incrementalValue = rest.value(QStringLiteral("incremental"));
    if (!incrementalValue.isUndefined() && !incrementalValue.isObject())
        r.error(QStringLiteral("incremental"), QStringLiteral("expected an object, got %1").arg(typeName(incrementalValue)));
    const QJsonObject incremental = incrementalValue.toObject();
    const QueryItems fullParams = r.params(QStringLiteral("full_params"));
    const bool idScan = rest.value(QStringLiteral("id_scan_params")).isObject();
    const QueryItems idScanParams = r.params(QStringLiteral("id_scan_params"));
    const QJsonObject write = r.object(QStringLiteral("write"));
    const QString writePath = restPath + QStringLiteral(".write");

    // Parsed once here so that their problems are reported once, not once per entity.
    const RestPagination defaultPagination = parsePagination(Reader(pagination, restPath + QStringLiteral(".pagination"), errors));
    RestIncremental defaultIncremental;
    if (incrementalValue.isObject())
        defaultIncremental = parseIncremental(Reader(incremental, restPath + QStringLiteral(".incremental"), errors));
    const RestWrite defaultWrite = parseWrite(write, {}, writePath, writePath, errors);

    if (config.entities.isEmpty())
        errors->append(sourcePath + QStringLiteral(".entities: a rest source needs at least one entity"));

    for (const EntityConfig &ec : config.entities) {
        const QString ePath = sourcePath + QStringLiteral(".entities.") + ec.name;
        const QJsonObject eo = ec.options;
        const Reader er(eo, ePath, errors);
        if (checkEntityKeys)
            er.rejectUnknown(kGenericEntityKeys + kEntityRestKeys);

        RestEntity e;
        e.name = ec.name;
        e.endpoint = er.string(QStringLiteral("endpoint"), {}, true);
        if (!e.endpoint.isEmpty()) {
            if (e.endpoint.contains(QLatin1Char('?')) || e.endpoint.contains(QLatin1Char('#')))
                er.error(QStringLiteral("endpoint"), QStringLiteral("a path only; put query parameters in full_params, "
                                                                    "incremental.params or id_scan_params"));
            else if (e.endpoint.contains(QStringLiteral("://")))
                er.error(QStringLiteral("endpoint"), QStringLiteral("a path appended to base_url (e.g. \"/users\"), not a URL"));
            if (!e.endpoint.startsWith(QLatin1Char('/')))
                e.endpoint.prepend(QLatin1Char('/'));
        }
        e.recordsPath = er.has(QStringLiteral("records_path")) ? er.path(QStringLiteral("records_path")) : recordsPath;
        e.recordPath = er.has(QStringLiteral("record_path")) ? er.path(QStringLiteral("record_path")) : recordPath;

        if (er.has(QStringLiteral("pagination"))) {
            const QJsonObject own = er.object(QStringLiteral("pagination"));
            e.pagination = parsePagination(mergedReader(pagination, own, restPath + QStringLiteral(".pagination"),
                                                        ePath + QStringLiteral(".pagination"), errors));
        } else {
            e.pagination = defaultPagination;
        }

        const QJsonValue inc = eo.value(QStringLiteral("incremental"));
        if (inc.isUndefined()) {
            e.incremental = defaultIncremental;
        } else if (inc.isNull() || (inc.isBool() && !inc.toBool())) {
            e.incremental = {}; // this entity can only be walked fully
        } else if (inc.isObject()) {
            e.incremental = parseIncremental(mergedReader(incremental, inc.toObject(), restPath + QStringLiteral(".incremental"),
                                                          ePath + QStringLiteral(".incremental"), errors));
        } else {
            er.error(QStringLiteral("incremental"), QStringLiteral("expected an object, null or false, got %1").arg(typeName(inc)));
        }

        e.fullParams = er.has(QStringLiteral("full_params")) ? er.params(QStringLiteral("full_params")) : fullParams;
        const QJsonValue ids = eo.value(QStringLiteral("id_scan_params"));
        if (ids.isUndefined()) {
            e.idScan = idScan;
            e.idScanParams = idScanParams;
        } else if (ids.isNull() || (ids.isBool() && !ids.toBool())) {
            e.idScan = false;
        } else {
            e.idScan = ids.isObject();
            e.idScanParams = er.params(QStringLiteral("id_scan_params"));
        }
        e.write = er.has(QStringLiteral("write"))
            ? parseWrite(write, er.object(QStringLiteral("write")), writePath, ePath + QStringLiteral(".write"), errors)
            : defaultWrite;
        c.entities.insert(e.name, e);
    }

    localErrors.removeDuplicates();
    if (allErrors)
        allErrors->append(localErrors);
    if (!localErrors.isEmpty())
        return false;
    if (out)
        *out = c;
    return true;
}

} // namespace Tributary
