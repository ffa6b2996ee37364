#include "LinkApiServer.h"

#include "forum-sim/ForumOAuth.h"

#include "TestHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <algorithm>

namespace Tributary::Test {

namespace {

const QStringList kPrefixes = {QString(), QStringLiteral("offset"), QStringLiteral("cursor"),
                               QStringLiteral("next"), QStringLiteral("paged"), QStringLiteral("all")};

HttpResponse message(int status, const QString &text)
{
    return messageResponse(status, text);
}

QString itemId(const QJsonObject &o) { return o.value(QStringLiteral("ID")).toString(); }
qint64 modified(const QJsonObject &o) { return qint64(o.value(QStringLiteral("modified")).toDouble()); }

QJsonArray toArray(const QList<QJsonObject> &items, qint64 from, qint64 count)
{
    QJsonArray a;
    for (qint64 i = from; i < qMin<qint64>(items.size(), from + count); ++i)
        a.append(items.at(int(i)));
    return a;
}

} // namespace

LinkApiServer::LinkApiServer(QObject *parent) : QObject(parent)
{
    m_server = new HttpServer([this](const HttpRequest &r) { return handle(r); }, this);
}

LinkApiServer::~LinkApiServer() = default;

bool LinkApiServer::start()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 LinkApiServer::port() const { return m_server->port(); }

QString LinkApiServer::baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }

QJsonObject LinkApiServer::makeItem(const QString &id, qint64 modifiedAt, const QString &title, const QString &email)
{
    return QJsonObject{{QStringLiteral("ID"), id},
                       {QStringLiteral("modified"), double(modifiedAt)},
                       {QStringLiteral("title"), title.isEmpty() ? QStringLiteral("Item ") + id : title},
                       {QStringLiteral("author"),
                        QJsonObject{{QStringLiteral("email"), email.isEmpty() ? id + QStringLiteral("@example.org") : email},
                                    {QStringLiteral("name"), QStringLiteral("Author of ") + id}}}};
}

QList<QJsonObject> LinkApiServer::makeItems(int n, qint64 firstModified, int sameStamp)
{
    QList<QJsonObject> items;
    for (int i = 0; i < n; ++i)
        items.append(makeItem(QStringLiteral("itm-%1").arg(i + 1, 4, 10, QLatin1Char('0')), firstModified + i / qMax(1, sameStamp)));
    return items;
}

void LinkApiServer::setItems(const QList<QJsonObject> &items) { m_items = items; }

void LinkApiServer::addItem(const QJsonObject &item) { m_items.append(item); }

bool LinkApiServer::updateItem(const QString &id, const QJsonObject &changes)
{
    for (QJsonObject &o : m_items) {
        if (itemId(o) == id) {
            for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
                o.insert(it.key(), *it);
            return true;
        }
    }
    return false;
}

bool LinkApiServer::removeItem(const QString &id)
{
    return m_items.removeIf([&](const QJsonObject &o) { return itemId(o) == id; }) > 0;
}

void LinkApiServer::setBasicAuth(const QString &user, const QString &password)
{
    clearAuth();
    m_expectedAuthorization = "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64();
}

void LinkApiServer::setApiKey(const QByteArray &header, const QByteArray &key)
{
    clearAuth();
    m_apiKeyHeader = header.toLower();
    m_apiKey = key;
}

void LinkApiServer::setOAuth(std::shared_ptr<ForumOAuth> authority)
{
    clearAuth();
    m_oauth = std::move(authority);
}

void LinkApiServer::clearAuth()
{
    m_oauth.reset();
    m_expectedAuthorization.clear();
    m_apiKeyHeader.clear();
    m_apiKey.clear();
}

void LinkApiServer::pushResponse(const HttpResponse &response) { m_script.enqueue(response); }

bool LinkApiServer::authorized(const HttpRequest &request) const
{
    if (!m_expectedAuthorization.isEmpty())
        return request.header("authorization") == m_expectedAuthorization;
    if (!m_apiKeyHeader.isEmpty())
        return request.header(m_apiKeyHeader) == m_apiKey;
    return true;
}

QString LinkApiServer::url(const QString &path, const QUrlQuery &query) const
{
    QUrl u(baseUrl() + path);
    u.setQuery(query);
    return u.toString(QUrl::FullyEncoded);
}

QList<QJsonObject> LinkApiServer::filtered(const HttpRequest &request, HttpResponse *error) const
{
    qint64 since = 0;
    if (!intParam(request.query, QStringLiteral("since"), -1, 0, qint64(1) << 40, &since, error))
        return {};
    QList<QJsonObject> out;
    for (const QJsonObject &o : m_items) {
        if (since < 0 || modified(o) >= since)
            out.append(o);
    }
    const bool byModified = request.query.queryItemValue(QStringLiteral("_sort")) == QLatin1String("modified");
    std::sort(out.begin(), out.end(), [byModified](const QJsonObject &a, const QJsonObject &b) {
        if (byModified && modified(a) != modified(b))
            return modified(a) < modified(b);
        return itemId(a) < itemId(b);
    });
    return out;
}

HttpResponse LinkApiServer::handle(const HttpRequest &request)
{
    m_requests.append(request);
    if (!m_script.isEmpty())
        return m_script.dequeue();
    HttpResponse refused;
    if (m_oauth && !m_oauth->admits(request, &refused))
        return refused;
    if (!authorized(request))
        return message(401, QStringLiteral("Bad credentials"));
    if (request.method != "GET")
        return message(405, QStringLiteral("Method Not Allowed"));

    // The id comes from the raw target: a percent-encoded '/' inside it is part of the id.
    QByteArray rawPath = request.target;
    const int q = rawPath.indexOf('?');
    if (q >= 0)
        rawPath.truncate(q);
    QStringList segments;
    for (const QByteArray &s : rawPath.split('/')) {
        if (!s.isEmpty())
            segments.append(QUrl::fromPercentEncoding(s));
    }
    QString prefix;
    if (!segments.isEmpty() && segments.first() != QLatin1String("items")) {
        prefix = segments.takeFirst();
        if (!kPrefixes.contains(prefix))
            return message(404, QStringLiteral("Not Found"));
    }
    if (segments.isEmpty() || segments.first() != QLatin1String("items") || segments.size() > 2)
        return message(404, QStringLiteral("Not Found"));

    if (segments.size() == 2) {
        for (const QJsonObject &o : std::as_const(m_items)) {
            if (itemId(o) == segments.at(1))
                return jsonResponse(200, o);
        }
        return message(404, QStringLiteral("Not Found"));
    }

    HttpResponse error;
    const QList<QJsonObject> items = filtered(request, &error);
    if (error.status != 200)
        return error;
    const qint64 total = items.size();
    const QString path = prefix.isEmpty() ? QStringLiteral("/items") : QStringLiteral("/%1/items").arg(prefix);

    if (prefix.isEmpty()) {
        qint64 page = 0, perPage = 0;
        if (!intParam(request.query, QStringLiteral("page"), 1, 1, 1000000, &page, &error)
            || !intParam(request.query, QStringLiteral("per_page"), 30, 1, maxPerPage, &perPage, &error))
            return error;
        const qint64 last = qMax<qint64>(1, (total + perPage - 1) / perPage);
        HttpResponse r = jsonResponse(200, toArray(items, (page - 1) * perPage, perPage));
        QStringList links;
        auto link = [&](qint64 p, const char *rel) {
            QUrlQuery lq = request.query;
            lq.removeAllQueryItems(QStringLiteral("page"));
            lq.addQueryItem(QStringLiteral("page"), QString::number(p));
            links.append(QStringLiteral("<%1>; rel=\"%2\"").arg(url(path, lq), QLatin1String(rel)));
        };
        if (page < last)
            link(page + 1, "next");
        link(last, "last");
        link(1, "first");
        if (page > 1)
            link(page - 1, "prev");
        r.setHeader("Link", links.join(QStringLiteral(", ")).toUtf8());
        r.setHeader("X-Total-Count", QByteArray::number(total));
        return r;
    }
    if (prefix == QLatin1String("offset")) {
        qint64 offset = 0, limit = 0;
        if (!intParam(request.query, QStringLiteral("offset"), 0, 0, qint64(1) << 40, &offset, &error)
            || !intParam(request.query, QStringLiteral("limit"), 20, 1, maxPerPage, &limit, &error))
            return error;
        return jsonResponse(200, QJsonObject{{QStringLiteral("results"), toArray(items, offset, limit)},
                                             {QStringLiteral("count"), double(total)}});
    }
    if (prefix == QLatin1String("cursor")) {
        qint64 limit = 0;
        if (!intParam(request.query, QStringLiteral("limit"), 20, 1, maxPerPage, &limit, &error))
            return error;
        const bool byModified = request.query.queryItemValue(QStringLiteral("_sort")) == QLatin1String("modified");
        // Keyset: strictly after the (modified, ID) or ID of the cursor.
        qint64 start = 0;
        const QString after = request.query.queryItemValue(QStringLiteral("after"), QUrl::FullyDecoded);
        if (!after.isEmpty()) {
            const QJsonObject key = QJsonDocument::fromJson(QByteArray::fromBase64(after.toLatin1())).object();
            if (key.isEmpty())
                return message(400, QStringLiteral("Invalid cursor"));
            const QString kid = key.value(QStringLiteral("id")).toString();
            const qint64 km = qint64(key.value(QStringLiteral("m")).toDouble());
            while (start < total) {
                const QJsonObject &o = items.at(int(start));
                const bool beyond = byModified ? (modified(o) > km || (modified(o) == km && itemId(o) > kid)) : itemId(o) > kid;
                if (beyond)
                    break;
                ++start;
            }
        }
        const QJsonArray page = toArray(items, start, limit);
        QJsonValue next = QJsonValue::Null;
        if (start + limit < total) {
            const QJsonObject lastItem = page.last().toObject();
            // Padding and a few filler bytes so the token carries '+', '/' and '=' to encode.
            const QJsonObject key{{QStringLiteral("id"), itemId(lastItem)}, {QStringLiteral("m"), double(modified(lastItem))},
                                  {QStringLiteral("pad"), QStringLiteral("~>>>???~")}};
            next = QString::fromLatin1(QJsonDocument(key).toJson(QJsonDocument::Compact).toBase64());
        }
        QJsonObject meta{{QStringLiteral("next"), next}};
        // Cursor listings carry no total; with_total=1 asks for one, as some APIs allow.
        const bool withTotal = request.query.queryItemValue(QStringLiteral("with_total")) == QLatin1String("1");
        if (withTotal)
            meta.insert(QStringLiteral("total"), double(total));
        HttpResponse r = jsonResponse(200, QJsonObject{{QStringLiteral("entries"), page}, {QStringLiteral("meta"), meta}});
        if (withTotal)
            r.setHeader("X-Total-Count", QByteArray::number(total));
        return r;
    }
    if (prefix == QLatin1String("next")) {
        qint64 pg = 0, size = 0;
        if (!intParam(request.query, QStringLiteral("pg"), 1, 1, 1000000, &pg, &error)
            || !intParam(request.query, QStringLiteral("size"), 25, 1, maxPerPage, &size, &error))
            return error;
        QJsonValue next = QJsonValue::Null;
        if (pg * size < total) {
            QUrlQuery nq = request.query;
            nq.removeAllQueryItems(QStringLiteral("pg"));
            nq.addQueryItem(QStringLiteral("pg"), QString::number(pg + 1));
            next = url(path, nq);
        }
        return jsonResponse(200, QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("items"), toArray(items, (pg - 1) * size, size)}}},
                                             {QStringLiteral("paging"), QJsonObject{{QStringLiteral("next_page_url"), next}}}});
    }
    if (prefix == QLatin1String("paged")) {
        qint64 page = 0, limit = 0;
        if (!intParam(request.query, QStringLiteral("page"), 1, 0, 1000000, &page, &error)
            || !intParam(request.query, QStringLiteral("limit"), 10, 1, maxPerPage, &limit, &error))
            return error;
        // zero_based=1: pages count from 0, as some APIs do.
        const bool zeroBased = request.query.queryItemValue(QStringLiteral("zero_based")) == QLatin1String("1");
        const qint64 index = zeroBased ? page : qMax<qint64>(page, 1) - 1;
        const qint64 last = qMax<qint64>(1, (total + limit - 1) / limit) - (zeroBased ? 1 : 0);
        return jsonResponse(200, QJsonObject{{QStringLiteral("records"), toArray(items, index * limit, limit)},
                                             {QStringLiteral("meta"), QJsonObject{{QStringLiteral("last_page"), double(last)},
                                                                                  {QStringLiteral("total"), double(total)}}}});
    }
    // "all": no pagination at all.
    return jsonResponse(200, QJsonObject{{QStringLiteral("items"), toArray(items, 0, total)}});
}

} // namespace Tributary::Test
