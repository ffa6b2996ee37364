#include "ForumApi.h"

#include "forum-sim/ForumOAuth.h"

#include "forum-sim/ForumCursor.h"
#include "forum-sim/ForumFaultInjector.h"
#include "forum-sim/ForumRateLimit.h"
#include "forum-sim/ForumJson.h"
#include "forum-sim/ForumLogging.h"
#include "forum-sim/ForumStore.h"
#include "forum-sim/ForumTime.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QUrl>

namespace Tributary {

namespace {

const QByteArray kPrefix = QByteArrayLiteral("/api/v1/");
// forum-api.md: an Idempotency-Key is at most 200 characters and is kept for 24 hours.
constexpr int kMaxKeyLength = 200;
constexpr qint64 kIdempotencyWindowUs = qint64(24) * 3600 * 1000000;
// Not in the contract: a bound on X-Forum-Client, as on every value a server stores or echoes.
constexpr int kMaxClientLength = 200;
// Laravel's bcrypt hash shape, for users created through the API without a password.
const QByteArray kPasswordPlaceholder =
    QByteArrayLiteral("$2y$10$forumsimplaceholderforumsimplaceholderforumsimplaceh");

// Validation errors in the order they were found, Laravel's 422 body.
class ValidationErrors
{
public:
    void add(const QString &field, const QString &message)
    {
        m_items.append({field, message});
    }
    bool isEmpty() const { return m_items.isEmpty(); }

    HttpResponse response() const
    {
        QString message = m_items.first().second;
        if (m_items.size() > 1)
            message += QStringLiteral(" (and %1 more error%2)")
                           .arg(m_items.size() - 1)
                           .arg(m_items.size() > 2 ? QStringLiteral("s") : QString());
        QByteArray body = "{\"message\":" + ForumJson::quoted(message) + ",\"errors\":{";
        QStringList fields;
        for (const auto &item : m_items) {
            if (!fields.contains(item.first))
                fields << item.first;
        }
        for (int i = 0; i < fields.size(); ++i) {
            if (i)
                body += ',';
            body += ForumJson::quoted(fields.at(i)) + ":[";
            bool first = true;
            for (const auto &item : m_items) {
                if (item.first != fields.at(i))
                    continue;
                if (!first)
                    body += ',';
                first = false;
                body += ForumJson::quoted(item.second);
            }
            body += ']';
        }
        body += "}}";
        return HttpResponse::json(422, body);
    }

private:
    QList<QPair<QString, QString>> m_items;
};

HttpResponse notFound()
{
    return HttpResponse::json(404, QByteArrayLiteral("{\"message\":\"Not found.\"}"));
}

HttpResponse badHeader(const QString &message)
{
    return HttpResponse::json(400, "{\"message\":" + ForumJson::quoted(message) + '}');
}

bool printableAscii(const QByteArray &value)
{
    for (const char c : value) {
        if (c < 0x20 || c > 0x7e)
            return false;
    }
    return true;
}

// The write headers of forum-api.md, checked before anything else: a malformed one is a 400 that
// names it, and nothing is read or written.
bool readWriteHeaders(const HttpRequest &request, bool onRecord, ForumApi::WriteContext *context,
                      HttpResponse *refusal)
{
    if (request.headers.contains("x-forum-client")) {
        const QByteArray client = request.header("x-forum-client").trimmed();
        if (client.isEmpty() || client.size() > kMaxClientLength || !printableAscii(client)) {
            *refusal = badHeader(QStringLiteral("The X-Forum-Client header must be 1 to %1 printable "
                                                "ASCII characters.").arg(kMaxClientLength));
            return false;
        }
        context->client = QString::fromLatin1(client);
    }
    // If-Unmodified-Since applies to a record (PATCH, PUT, DELETE) and Idempotency-Key to a
    // create (POST); elsewhere they mean nothing and are ignored, as HTTP ignores preconditions
    // that do not apply.
    if (onRecord && request.headers.contains("if-unmodified-since")) {
        static const QRegularExpression apiForm(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$"));
        const QByteArray value = request.header("if-unmodified-since").trimmed();
        QByteArray db;
        if (!apiForm.match(QString::fromLatin1(value)).hasMatch()
            || !ForumTime::parseIso(QString::fromLatin1(value), &db)) {
            *refusal = badHeader(QStringLiteral("The If-Unmodified-Since header must be the record's "
                                                "updated_at exactly as the API sent it, like "
                                                "2026-11-21T10:15:30.123456Z."));
            return false;
        }
        context->ifUnmodifiedSince = value;
    }
    if (!onRecord && request.headers.contains("idempotency-key")) {
        const QByteArray key = request.header("idempotency-key").trimmed();
        if (key.isEmpty() || key.size() > kMaxKeyLength || !printableAscii(key)) {
            *refusal = badHeader(QStringLiteral("The Idempotency-Key header must be 1 to %1 printable "
                                                "ASCII characters.").arg(kMaxKeyLength));
            return false;
        }
        context->idempotencyKey = key;
    }
    return true;
}

// What an idempotent create asked for: the collection and the parsed body (QJsonObject orders its
// keys), so whitespace and key order do not make a retry "different".
QByteArray requestFingerprint(const ForumEntity &entity, const QJsonObject &body)
{
    return QCryptographicHash::hash(entity.name.toUtf8() + '\n' + QJsonDocument(body).toJson(QJsonDocument::Compact),
                                    QCryptographicHash::Sha256)
        .toHex();
}

HttpResponse serverError(const QString &detail)
{
    qCWarning(lcForumSim) << "database error:" << detail;
    return HttpResponse::json(500, QByteArrayLiteral("{\"message\":\"Server Error\"}"));
}

bool parsePositive(const QString &text, qint64 *value)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    *value = text.toLongLong();
    return *value >= 1;
}

QString displayName(const QByteArray &column)
{
    return QString::fromLatin1(column).replace(QLatin1Char('_'), QLatin1Char(' '));
}

// Integer fields accept JSON integers and digit strings, as Laravel's "integer" rule does.
bool jsonId(const QJsonValue &v, qint64 *id)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d < 1 || d > 9e15 || d != double(qint64(d)))
            return false;
        *id = qint64(d);
        return true;
    }
    if (v.isString())
        return parsePositive(v.toString(), id);
    return false;
}

bool plausibleEmail(const QString &email)
{
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    return at > 0 && at == email.lastIndexOf(QLatin1Char('@')) && at < email.size() - 1
        && !email.contains(QLatin1Char(' '));
}

} // namespace

ForumApi::ForumApi(ForumStore *store, const ForumSimOptions &options)
    : m_store(store)
    , m_options(options)
{
    if (!options.token.isEmpty())
        m_authorization = "Bearer " + options.token.toUtf8();
    if (options.faults.any())
        m_faults = std::make_unique<ForumFaultInjector>(options.faults, options.seed);
    if (options.faults.rateLimit > 0)
        m_rateLimit = std::make_shared<ForumRateLimit>(options.faults.rateLimit, options.rateLimitHeaders);
}

ForumApi::~ForumApi() = default;

void ForumApi::setOrigin(const QByteArray &origin)
{
    m_origin = origin;
}

void ForumApi::setChangeListener(ChangeListener listener)
{
    m_listener = std::move(listener);
}

QByteArray ForumApi::originFor(const HttpRequest &request) const
{
    const QByteArray host = request.header("host");
    return host.isEmpty() ? m_origin : QByteArrayLiteral("http://") + host;
}

HttpResponse ForumApi::handle(const HttpRequest &request)
{
    if (m_options.oauth) {
        HttpResponse response;
        if (m_options.oauth->handle(request, &response) || !m_options.oauth->admits(request, &response))
            return response;
        return route(request);
    }
    if (!m_authorization.isEmpty() && request.header("authorization") != m_authorization) {
        if (m_options.echoAuth) // as careless APIs do: the credential sent, quoted back
            return HttpResponse::json(401, QJsonDocument(QJsonObject{{QStringLiteral("message"),
                                                                      QStringLiteral("Unauthenticated. Received Authorization: %1")
                                                                          .arg(QString::fromLatin1(request.header("authorization")))}})
                                               .toJson(QJsonDocument::Compact));
        return HttpResponse::json(401, QByteArrayLiteral("{\"message\":\"Unauthenticated.\"}"));
    }
    return route(request);
}

HttpResponse ForumApi::route(const HttpRequest &request)
{
    // Every request counts against the limit, whatever it asks; admitted answers carry the headers.
    HttpResponse refused;
    if (m_rateLimit && !m_rateLimit->admit(&refused))
        return refused;
    HttpResponse response = dispatch(request);
    if (m_rateLimit)
        m_rateLimit->decorate(&response);
    return response;
}

HttpResponse ForumApi::dispatch(const HttpRequest &request)
{
    QString path = request.path;
    if (!m_mount.isEmpty()) {
        if (!path.startsWith(m_mount + QLatin1Char('/')))
            return notFound();
        path = path.mid(m_mount.size());
    }
    while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.startsWith(QLatin1String(kPrefix)))
        return notFound();
    const QStringList parts = path.mid(kPrefix.size()).split(QLatin1Char('/'));
    const ForumEntity *entity = ForumEntity::find(parts.first());
    if (!entity || parts.size() > 2)
        return notFound();
    qint64 id = 0;
    if (parts.size() == 2 && !parsePositive(parts.at(1), &id))
        return notFound();

    const QByteArray &method = request.method;
    if (method == "GET") {
        HttpResponse response;
        if (m_faults && m_faults->preempt(&response))
            return response;
        response = id ? show(*entity, id) : list(*entity, request);
        if (m_faults)
            m_faults->decorate(&response);
        return response;
    }

    const bool withBody = (id && (method == "PATCH" || method == "PUT")) || (!id && method == "POST");
    if (withBody || (id && method == "DELETE")) {
        WriteContext context;
        HttpResponse refusal;
        if (!readWriteHeaders(request, id != 0, &context, &refusal))
            return refusal;
        if (!withBody)
            return remove(*entity, id, context);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return HttpResponse::json(
                400, QByteArrayLiteral("{\"message\":\"The request body must be a JSON object.\"}"));
        return id ? update(*entity, id, doc.object(), context) : create(*entity, doc.object(), context);
    }
    HttpResponse r =
        HttpResponse::json(405, QByteArrayLiteral("{\"message\":\"Method not allowed.\"}"));
    r.setHeader("Allow", id ? "GET, PATCH, PUT, DELETE" : "GET, POST");
    return r;
}

HttpResponse ForumApi::list(const ForumEntity &entity, const HttpRequest &request)
{
    const QUrlQuery &q = request.query;
    auto value = [&q](const char *name) {
        return q.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    ValidationErrors errors;

    qint64 perPage = 50;
    if (q.hasQueryItem(QStringLiteral("per_page"))
        && (!parsePositive(value("per_page"), &perPage) || perPage > 1000))
        errors.add(QStringLiteral("per_page"),
                   QStringLiteral("The per page must be an integer between 1 and 1000."));
    if (m_options.maxPerPage > 0)
        perPage = qMin<qint64>(perPage, m_options.maxPerPage);

    const bool hasPage = q.hasQueryItem(QStringLiteral("page"));
    const bool hasCursor = q.hasQueryItem(QStringLiteral("cursor"));
    qint64 page = 1;
    if (hasPage && !parsePositive(value("page"), &page))
        errors.add(QStringLiteral("page"), QStringLiteral("The page must be a positive integer."));
    if (hasPage && hasCursor)
        errors.add(QStringLiteral("cursor"),
                   QStringLiteral("The page and cursor parameters cannot be combined."));

    bool sortByUpdated = false;
    if (q.hasQueryItem(QStringLiteral("sort"))) {
        const QString sort = value("sort");
        if (sort == QLatin1String("updated_at"))
            sortByUpdated = true;
        else if (sort != QLatin1String("id"))
            errors.add(QStringLiteral("sort"), QStringLiteral("The sort must be id or updated_at."));
    }

    QByteArray since;
    if (q.hasQueryItem(QStringLiteral("updated_since")) && !m_options.ignoreSince
        && !ForumTime::parseIso(value("updated_since"), &since))
        errors.add(QStringLiteral("updated_since"),
                   QStringLiteral("The updated since must be an ISO-8601 UTC timestamp."));

    bool idsOnly = false;
    if (q.hasQueryItem(QStringLiteral("fields"))) {
        QStringList fields = value("fields").split(QLatin1Char(','));
        fields.sort();
        if (fields == QStringList{QStringLiteral("id"), QStringLiteral("updated_at")})
            idsOnly = true;
        else
            errors.add(QStringLiteral("fields"), QStringLiteral("The fields must be id,updated_at."));
    }

    ForumCursor cursor;
    const QString cursorText = hasCursor ? value("cursor") : QString();
    if (!cursorText.isEmpty() && !hasPage && errors.isEmpty()
        && !ForumCursor::decode(cursorText, sortByUpdated, &cursor))
        errors.add(QStringLiteral("cursor"), QStringLiteral("The cursor is invalid."));

    if (!errors.isEmpty())
        return errors.response();

    const QByteArray path = originFor(request) + request.path.toUtf8();
    // Links keep the caller's other parameters, so following them continues the same listing.
    QByteArray keep;
    for (const auto &item : q.queryItems(QUrl::FullyDecoded)) {
        if (item.first == QLatin1String("page") || item.first == QLatin1String("cursor"))
            continue;
        keep += QUrl::toPercentEncoding(item.first) + '=' + QUrl::toPercentEncoding(item.second) + '&';
    }
    const QByteArray base = path + '?' + keep;

    ForumStore::ListQuery lq;
    lq.entity = &entity;
    lq.sortByUpdated = sortByUpdated;
    lq.idsOnly = idsOnly;
    lq.since = since;
    ForumStore::ListResult result;
    QString error;
    QByteArray body;
    auto urlOrNull = [](const QByteArray &url) {
        return url.isEmpty() ? QByteArrayLiteral("null") : '"' + url + '"';
    };
    auto startBody = [&body, &result] {
        body.reserve(result.json.size() + 1024);
        body += "{\"data\":[";
        body += result.json;
        body += ']';
    };

    if (!hasCursor) {
        qint64 total = 0;
        if (!m_store->count(entity, since, &total, &error))
            return serverError(error);
        const qint64 lastPage = qMax<qint64>(1, (total + perPage - 1) / perPage);
        lq.limit = int(perPage);
        lq.offset = (page - 1) * perPage;
        if (lq.offset < total && !m_store->list(lq, &result, &error))
            return serverError(error);
        auto pageUrl = [&base](qint64 n) {
            return '"' + base + "page=" + QByteArray::number(n) + '"';
        };
        startBody();
        const bool empty = result.count == 0;
        const qint64 from = lq.offset + 1, to = lq.offset + result.count;
        body += ",\"links\":{\"first\":" + pageUrl(1) + ",\"last\":" + pageUrl(lastPage)
            + ",\"prev\":" + (page > 1 ? pageUrl(page - 1) : QByteArrayLiteral("null"))
            + ",\"next\":" + (page < lastPage ? pageUrl(page + 1) : QByteArrayLiteral("null"))
            + "},\"meta\":{\"current_page\":" + QByteArray::number(page) + ",\"from\":"
            + (empty ? QByteArrayLiteral("null") : QByteArray::number(from))
            + ",\"last_page\":" + QByteArray::number(lastPage) + ",\"path\":" + urlOrNull(path)
            + ",\"per_page\":" + QByteArray::number(perPage) + ",\"to\":"
            + (empty ? QByteArrayLiteral("null") : QByteArray::number(to))
            + ",\"total\":" + QByteArray::number(total) + "}}";
        return HttpResponse::json(200, body);
    }

    lq.limit = int(perPage);
    lq.hasPosition = !cursorText.isEmpty();
    lq.backward = lq.hasPosition && !cursor.pointsToNextItems;
    lq.position = {cursor.id, cursor.updatedAt};
    if (!m_store->list(lq, &result, &error))
        return serverError(error);
    auto cursorFor = [sortByUpdated](const ForumStore::Key &key, bool next) {
        ForumCursor c;
        c.sortByUpdated = sortByUpdated;
        c.id = key.id;
        c.updatedAt = key.updatedAt;
        c.pointsToNextItems = next;
        return c.encode();
    };
    QByteArray nextCursor, prevCursor;
    if (result.count > 0) {
        if (lq.backward ? lq.hasPosition : result.more)
            nextCursor = cursorFor(result.last, true);
        if (lq.backward ? result.more : lq.hasPosition)
            prevCursor = cursorFor(result.first, false);
    }
    auto quotedOrNull = [](const QByteArray &s) {
        return s.isEmpty() ? QByteArrayLiteral("null") : '"' + s + '"';
    };
    startBody();
    body += ",\"path\":" + urlOrNull(path) + ",\"per_page\":" + QByteArray::number(perPage)
        + ",\"next_cursor\":" + quotedOrNull(nextCursor) + ",\"next_page_url\":"
        + (nextCursor.isEmpty() ? QByteArrayLiteral("null") : urlOrNull(base + "cursor=" + nextCursor))
        + ",\"prev_cursor\":" + quotedOrNull(prevCursor) + ",\"prev_page_url\":"
        + (prevCursor.isEmpty() ? QByteArrayLiteral("null") : urlOrNull(base + "cursor=" + prevCursor))
        + '}';
    return HttpResponse::json(200, body);
}

HttpResponse ForumApi::show(const ForumEntity &entity, qint64 id)
{
    return withRecord(entity, id, 200, QByteArray());
}

HttpResponse ForumApi::withRecord(const ForumEntity &entity, qint64 id, int status, const QByteArray &message)
{
    QByteArray record;
    bool found = false;
    QString error;
    if (!m_store->fetchJson(entity, id, &record, &found, &error))
        return serverError(error);
    if (!found)
        return notFound();
    return HttpResponse::json(status, "{" + message + "\"data\":" + record + '}');
}

HttpResponse ForumApi::create(const ForumEntity &entity, const QJsonObject &body,
                              const WriteContext &context)
{
    if (context.idempotencyKey.isEmpty())
        return write(entity, 0, body, context);
    // The key is looked up before the body is validated: a retry must get the first answer even
    // when its body would no longer pass (its own e-mail is taken now, by the record it made).
    const QByteArray fingerprint = requestFingerprint(entity, body);
    qint64 nowUs = 0;
    ForumTime::parseDb(ForumTime::nowDb(), &nowUs);
    ForumStore::IdempotentAnswer kept;
    bool found = false;
    QString error;
    if (!m_store->idempotentAnswer(context.idempotencyKey, ForumTime::formatDb(nowUs - kIdempotencyWindowUs),
                                   &kept, &found, &error))
        return serverError(error);
    if (!found)
        return write(entity, 0, body, context);
    if (kept.fingerprint != fingerprint) {
        ValidationErrors errors;
        errors.add(QStringLiteral("Idempotency-Key"),
                   QStringLiteral("The Idempotency-Key was already used for a different request."));
        return errors.response();
    }
    qCDebug(lcForumSim) << "replayed" << entity.singular << "create for key" << context.idempotencyKey;
    HttpResponse replay = HttpResponse::json(kept.status, kept.body);
    replay.setHeader("Idempotent-Replayed", "true");
    return replay;
}

HttpResponse ForumApi::update(const ForumEntity &entity, qint64 id, const QJsonObject &body,
                              const WriteContext &context)
{
    return write(entity, id, body, context);
}

HttpResponse ForumApi::changedOrGone(const ForumEntity &entity, qint64 id)
{
    return withRecord(entity, id, 412, "\"message\":\"The record changed.\",");
}

void ForumApi::notifyChange(const ForumEntity &entity, qint64 id, Change change, const WriteContext &context)
{
    if (m_listener)
        m_listener(entity, id, change, context.client);
}

// Creates (id 0) or updates a record: validates the body against the entity's columns, checks
// references and uniqueness, writes, and tells the change listener.
HttpResponse ForumApi::write(const ForumEntity &entity, qint64 id, const QJsonObject &body,
                             const WriteContext &context)
{
    const bool creating = id == 0;
    QString error;
    QByteArray oldUpdatedAt;
    if (!creating) {
        bool found = false;
        if (!m_store->updatedAt(entity, id, &oldUpdatedAt, &found, &error))
            return serverError(error);
        if (!found)
            return notFound();
        // The precondition comes before validation: a client whose copy is stale learns that
        // first, with the record to merge with, rather than errors about a body it will redo.
        if (!context.ifUnmodifiedSince.isEmpty()
            && ForumTime::toApi(oldUpdatedAt) != context.ifUnmodifiedSince)
            return changedOrGone(entity, id);
    }

    ValidationErrors errors;
    ForumStore::Values values;
    qint64 topicId = 0, parentId = 0;
    bool parentGiven = false;
    for (const ForumColumn &c : entity.columns) {
        if (!c.writable)
            continue;
        const QString key = QString::fromLatin1(c.name);
        const QJsonValue v = body.value(key);
        const QString label = displayName(c.name);
        if (v.isUndefined()) {
            if (creating && c.required)
                errors.add(key, QStringLiteral("The %1 field is required.").arg(label));
            continue;
        }
        if (v.isNull()) {
            if (c.nullable) {
                values.append({c.name, QVariant()});
                if (c.name == "parent_id")
                    parentGiven = true;
            } else {
                errors.add(key, QStringLiteral("The %1 field is required.").arg(label));
            }
            continue;
        }
        switch (c.type) {
        case ForumColumn::Text: {
            if (!v.isString() || v.toString().trimmed().isEmpty()) {
                errors.add(key, QStringLiteral("The %1 must be a non-empty string.").arg(label));
                break;
            }
            const QString s = c.name == "email" ? v.toString().trimmed() : v.toString();
            if (c.name == "email") {
                bool taken = false;
                if (!plausibleEmail(s)) {
                    errors.add(key, QStringLiteral("The email must be a valid email address."));
                    break;
                }
                if (!m_store->emailTaken(s, id, &taken, &error))
                    return serverError(error);
                if (taken) {
                    errors.add(key, QStringLiteral("The email has already been taken."));
                    break;
                }
            }
            values.append({c.name, s});
            break;
        }
        case ForumColumn::Timestamp: {
            QByteArray db;
            if (!v.isString() || !ForumTime::parseIso(v.toString(), &db))
                errors.add(key, QStringLiteral("The %1 must be an ISO-8601 timestamp.").arg(label));
            else
                values.append({c.name, QString::fromLatin1(db)});
            break;
        }
        case ForumColumn::Integer:
        case ForumColumn::Id: {
            qint64 ref = 0;
            if (!jsonId(v, &ref)) {
                errors.add(key, QStringLiteral("The %1 must be a positive integer.").arg(label));
                break;
            }
            bool found = true;
            if (c.name == "parent_id") {
                parentGiven = true;
                parentId = ref;
                if (!m_store->messageTopic(ref, &topicId, &found, &error))
                    return serverError(error);
            } else if (!c.references.isEmpty()
                       && !m_store->exists(c.references, ref, &found, &error)) {
                return serverError(error);
            }
            if (!found) {
                errors.add(key, QStringLiteral("The selected %1 is invalid.").arg(label));
                break;
            }
            values.append({c.name, ref});
            break;
        }
        }
    }

    // A reply belongs to the topic of the message it answers.
    if (entity.name == QLatin1String("messages") && errors.isEmpty()) {
        qint64 effectiveTopic = 0;
        qint64 effectiveParent = parentGiven ? parentId : 0;
        bool topicGiven = false;
        for (const auto &v : values) {
            if (v.first == "topic_id") {
                effectiveTopic = v.second.toLongLong();
                topicGiven = true;
            }
        }
        if (!creating && (parentGiven || topicGiven)) {
            QByteArray current;
            bool found = false;
            if (!m_store->fetchJson(entity, id, &current, &found, &error))
                return serverError(error);
            const QJsonObject o = QJsonDocument::fromJson(current).object();
            if (!topicGiven)
                effectiveTopic = qint64(o.value(QLatin1String("topic_id")).toDouble());
            if (!parentGiven)
                effectiveParent = qint64(o.value(QLatin1String("parent_id")).toDouble());
        }
        if (effectiveParent > 0) {
            qint64 parentTopic = 0;
            bool found = false;
            if (!m_store->messageTopic(effectiveParent, &parentTopic, &found, &error))
                return serverError(error);
            // An already dangling parent is left alone; a new one must exist in the same topic.
            if ((found || parentGiven) && parentTopic != effectiveTopic)
                errors.add(QStringLiteral("parent_id"),
                           QStringLiteral("The parent must be a message of the same topic."));
        }
    }
    if (!errors.isEmpty())
        return errors.response();

    QByteArray now = ForumTime::nowDb();
    bool found = true;
    HttpResponse response;
    if (creating) {
        if (entity.name == QLatin1String("users")) {
            bool hasPassword = false;
            for (const auto &v : values)
                hasPassword = hasPassword || v.first == "password";
            if (!hasPassword)
                values.append({"password", QString::fromLatin1(kPasswordPlaceholder)});
        }
        values.append({"created_at", QString::fromLatin1(now)});
        values.append({"updated_at", QString::fromLatin1(now)});
        // The record and its idempotency key commit together: a crash between them would
        // otherwise let a retry create the record a second time.
        const bool keyed = !context.idempotencyKey.isEmpty();
        if (keyed && !m_store->transaction(&error))
            return serverError(error);
        auto fail = [this, keyed](const QString &detail) {
            if (keyed)
                m_store->rollback();
            return serverError(detail);
        };
        if (!m_store->insert(entity, values, &id, &error))
            return fail(error);
        response = show(entity, id);
        if (response.status != 200)
            return fail(QStringLiteral("the created %1 %2 cannot be read back")
                            .arg(QString::fromLatin1(entity.singular))
                            .arg(id));
        response.status = 201;
        if (keyed) {
            ForumStore::IdempotentAnswer answer;
            answer.fingerprint = requestFingerprint(entity, body);
            answer.status = response.status;
            answer.body = response.body;
            if (!m_store->saveIdempotentAnswer(context.idempotencyKey, answer, now, &error)
                || !m_store->commit(&error))
                return fail(error);
        }
    } else {
        // Clocks step back and records can carry future timestamps; an update must still move
        // the record forward in updated_at order, or incremental clients would never see it.
        qint64 oldUs = 0;
        if (now <= oldUpdatedAt && ForumTime::parseDb(oldUpdatedAt, &oldUs))
            now = ForumTime::formatDb(oldUs + 1);
        values.append({"updated_at", QString::fromLatin1(now)});
        // A conditional update is also guarded in SQL, against a writer beside this server.
        const bool conditional = !context.ifUnmodifiedSince.isEmpty();
        if (!m_store->update(entity, id, values, &found, &error, conditional ? oldUpdatedAt : QByteArray()))
            return serverError(error);
        if (!found)
            return conditional ? changedOrGone(entity, id) : notFound();
        response = show(entity, id);
    }
    qCDebug(lcForumSim) << (creating ? "created" : "updated") << entity.singular << id << context.client;
    notifyChange(entity, id, creating ? Change::Created : Change::Updated, context);
    return response;
}

HttpResponse ForumApi::remove(const ForumEntity &entity, qint64 id, const WriteContext &context)
{
    bool found = false;
    QString error;
    QByteArray expected;
    if (!context.ifUnmodifiedSince.isEmpty()) {
        if (!m_store->updatedAt(entity, id, &expected, &found, &error))
            return serverError(error);
        if (!found)
            return notFound();
        if (ForumTime::toApi(expected) != context.ifUnmodifiedSince)
            return changedOrGone(entity, id);
    }
    if (!m_store->remove(entity, id, &found, &error, expected))
        return serverError(error);
    if (!found)
        return expected.isEmpty() ? notFound() : changedOrGone(entity, id);
    qCDebug(lcForumSim) << "deleted" << entity.singular << id << context.client;
    notifyChange(entity, id, Change::Deleted, context);
    HttpResponse response;
    response.status = 204;
    return response;
}

} // namespace Tributary
