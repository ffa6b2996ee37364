#include "MatrixApiServer.h"

#include <QHash>
#include <QJsonArray>
#include <QMutexLocker>
#include <QUrl>

#include <algorithm>

namespace Tributary::Test {

namespace {

const QString kItems = QStringLiteral("items");
const QString kNotes = QStringLiteral("notes");

// A keyset position: the sort key and id of the last record of a page, opaque to clients (base64
// with its '=' and '/', so that clients must encode it).
QString encodeCursor(const QString &key, qint64 id)
{
    return QString::fromLatin1((key + QLatin1Char('|') + QString::number(id)).toUtf8().toBase64());
}

bool decodeCursor(const QString &cursor, QString *key, qint64 *id)
{
    const QString text = QString::fromUtf8(QByteArray::fromBase64(cursor.toLatin1()));
    const qsizetype bar = text.lastIndexOf(QLatin1Char('|'));
    if (bar < 0)
        return false;
    bool ok = false;
    *id = text.mid(bar + 1).toLongLong(&ok);
    *key = text.left(bar);
    return ok;
}

// The cursor that leads back to the first page, for a cursor that cycles.
const QString kFirstPageCursor = QStringLiteral("Zmlyc3Q=");

// A field's name as the API spells it.
QString apiName(const QString &entity, const QString &name, bool camelCase)
{
    if (!camelCase)
        return name;
    if (name == QLatin1String("id"))
        return entity == kItems ? QStringLiteral("itemId") : QStringLiteral("noteId");
    static const QHash<QString, QString> camel{{QStringLiteral("item_id"), QStringLiteral("itemId")},
                                               {QStringLiteral("updated_at"), QStringLiteral("updatedAt")},
                                               {QStringLiteral("title"), QStringLiteral("displayTitle")},
                                               {QStringLiteral("body"), QStringLiteral("noteBody")}};
    return camel.value(name, name);
}

} // namespace

QString MatrixApiServer::isoMicros(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("000Z");
}

QString MatrixApiServer::paginationName(Pagination p)
{
    switch (p) {
    case Pagination::Page: return QStringLiteral("page");
    case Pagination::Offset: return QStringLiteral("offset");
    case Pagination::Cursor: return QStringLiteral("cursor");
    case Pagination::NextUrl: return QStringLiteral("next_url");
    case Pagination::LinkHeader: return QStringLiteral("link_header");
    }
    return {};
}

MatrixApiServer::MatrixApiServer()
{
    reset();
}

MatrixApiServer::~MatrixApiServer()
{
    m_thread.stop();
}

bool MatrixApiServer::start()
{
    const quint16 port = m_thread.start([this](const HttpRequest &r) { return handle(r); });
    QMutexLocker lock(&m_mutex);
    m_port = port;
    return port != 0;
}

QString MatrixApiServer::baseUrl() const
{
    QMutexLocker lock(&m_mutex);
    return QStringLiteral("http://127.0.0.1:%1/api").arg(m_port);
}

void MatrixApiServer::setPagination(Pagination p) { QMutexLocker lock(&m_mutex); m_behaviour.pagination = p; }
void MatrixApiServer::capPageSize(int max) { QMutexLocker lock(&m_mutex); m_behaviour.maxPageSize = max; }
void MatrixApiServer::ignorePageParameter() { QMutexLocker lock(&m_mutex); m_behaviour.ignorePageParameter = true; }
void MatrixApiServer::sendLinkOnlyWithPageParameter() { QMutexLocker lock(&m_mutex); m_behaviour.linkOnlyWithPageParameter = true; }
void MatrixApiServer::ignoreChangeFilter() { QMutexLocker lock(&m_mutex); m_behaviour.ignoreChangeFilter = true; }
void MatrixApiServer::cycleCursor() { QMutexLocker lock(&m_mutex); m_behaviour.cycleCursor = true; }
void MatrixApiServer::useCamelCase() { QMutexLocker lock(&m_mutex); m_behaviour.camelCase = true; }
void MatrixApiServer::answerNotFoundEverywhere() { QMutexLocker lock(&m_mutex); m_behaviour.notFoundEverywhere = true; }
void MatrixApiServer::lieAboutTotal(qint64 delta) { QMutexLocker lock(&m_mutex); m_behaviour.totalDelta = delta; }

void MatrixApiServer::hideFromWalks(const QString &entity, qint64 id)
{
    QMutexLocker lock(&m_mutex);
    m_behaviour.hiddenFromWalks.insert(entity + QLatin1Char('/') + QString::number(id));
}

void MatrixApiServer::hideFromIdScans(const QString &entity, qint64 id)
{
    QMutexLocker lock(&m_mutex);
    m_behaviour.hiddenFromIdScans.insert(entity + QLatin1Char('/') + QString::number(id));
}

void MatrixApiServer::deleteWhenIdScanBegins(const QString &entity, qint64 id)
{
    QMutexLocker lock(&m_mutex);
    m_behaviour.deleteWhenIdScanBegins.insert(entity + QLatin1Char('/') + QString::number(id));
}

void MatrixApiServer::addWhenIdScanBegins(const QString &entity)
{
    QMutexLocker lock(&m_mutex);
    m_behaviour.addWhenIdScanBegins.append(entity);
}

qint64 MatrixApiServer::add(const QString &entity, const QString &updatedAt)
{
    QMutexLocker lock(&m_mutex);
    return addLocked(entity, updatedAt);
}

qint64 MatrixApiServer::addLocked(const QString &entity, const QString &updatedAt)
{
    QList<Stored> &rows = entity == kItems ? m_items : m_notes;
    Stored s;
    s.id = rows.isEmpty() ? (m_behaviour.hugeIds ? (qint64(1) << 53) + 1 : 1) : rows.last().id + 1;
    s.updatedAt = updatedAt;
    if (entity == kItems) {
        s.text = QStringLiteral("Item %1").arg(s.id);
    } else {
        s.itemId = m_items.isEmpty() ? 0 : m_items.first().id;
        s.text = QStringLiteral("Note %1 on item %2").arg(s.id).arg(s.itemId);
    }
    rows.append(s);
    return s.id;
}

void MatrixApiServer::useHugeIds()
{
    int items = 0, notes = 0;
    {
        QMutexLocker lock(&m_mutex);
        m_behaviour.hugeIds = true;
        items = int(m_items.size());
        notes = int(m_notes.size());
    }
    reset(items, notes);
}

MatrixApiServer::Behaviour MatrixApiServer::behaviour() const
{
    QMutexLocker lock(&m_mutex);
    return m_behaviour;
}

void MatrixApiServer::reset(int items, int notes)
{
    QMutexLocker lock(&m_mutex);
    m_epoch = QDateTime(QDateTime::currentDateTimeUtc().date().addDays(-60), QTime(0, 0), Qt::UTC);
    m_touches = 0;
    const qint64 base = m_behaviour.hugeIds ? (qint64(1) << 53) + 1 : 1;
    m_items.clear();
    for (int i = 0; i < items; ++i) {
        Stored s;
        s.id = base + i;
        s.updatedAt = isoMicros(m_epoch.addSecs(qint64(i) * 37 * 60));
        s.text = QStringLiteral("Item %1").arg(s.id);
        m_items.append(s);
    }
    m_notes.clear();
    for (int j = 0; j < notes; ++j) {
        Stored s;
        s.id = base + j;
        s.itemId = items > 0 ? m_items.at((j * 7) % items).id : 0;
        s.updatedAt = isoMicros(m_epoch.addSecs(qint64(j) * 53 * 60 + 7));
        s.text = QStringLiteral("Note %1 on item %2").arg(s.id).arg(s.itemId);
        m_notes.append(s);
    }
}

void MatrixApiServer::setUpdatedAt(const QString &entity, int index, const QString &text)
{
    QMutexLocker lock(&m_mutex);
    (entity == kItems ? m_items : m_notes)[index].updatedAt = text;
}

void MatrixApiServer::touch(const QString &entity, int index)
{
    QMutexLocker lock(&m_mutex);
    ++m_touches;
    Stored &s = (entity == kItems ? m_items : m_notes)[index];
    // Later than every record so far, still weeks before the server's clock.
    s.updatedAt = isoMicros(m_epoch.addDays(10).addSecs(m_touches));
    s.text += QStringLiteral(" (edited %1)").arg(m_touches);
}

QString MatrixApiServer::field(const QString &entity, const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    return apiName(entity, name, m_behaviour.camelCase);
}

QString MatrixApiServer::param(const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    if (!m_behaviour.camelCase)
        return name;
    static const QHash<QString, QString> camel{{QStringLiteral("updated_since"), QStringLiteral("updatedSince")},
                                               {QStringLiteral("per_page"), QStringLiteral("perPage")},
                                               {QStringLiteral("updated_at"), QStringLiteral("updatedAt")},
                                               {QStringLiteral("next_cursor"), QStringLiteral("nextCursor")},
                                               {QStringLiteral("total"), QStringLiteral("totalCount")},
                                               {QStringLiteral("last_page"), QStringLiteral("lastPage")}};
    return camel.value(name, name);
}

QJsonObject MatrixApiServer::serve(const QString &entity, const QJsonObject &stored) const
{
    QJsonObject out;
    for (auto it = stored.constBegin(); it != stored.constEnd(); ++it)
        out.insert(apiName(entity, it.key(), m_behaviour.camelCase), *it);
    return out;
}

QJsonObject MatrixApiServer::plain(const QString &entity, const Stored &s)
{
    // Ids as JSON integers: beyond 2^53 they must arrive exactly as written.
    QJsonObject o{{QStringLiteral("id"), s.id}, {QStringLiteral("updated_at"), s.updatedAt}};
    if (entity == kItems) {
        o.insert(QStringLiteral("title"), s.text);
    } else {
        o.insert(QStringLiteral("item_id"), s.itemId);
        o.insert(QStringLiteral("body"), s.text);
    }
    return o;
}

QList<QJsonObject> MatrixApiServer::records(const QString &entity) const
{
    QList<QJsonObject> out;
    QMutexLocker lock(&m_mutex);
    for (const Stored &s : entity == kItems ? m_items : m_notes) {
        out.append(serve(entity, plain(entity, s)));
    }
    return out;
}

QStringList MatrixApiServer::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

int MatrixApiServer::requestCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_requests.size());
}

void MatrixApiServer::clearRequests()
{
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
}

QString MatrixApiServer::pageUrl(const QString &entity, const QUrlQuery &query) const
{
    QUrl u(QStringLiteral("http://127.0.0.1:%1/api/%2").arg(m_port).arg(entity));
    u.setQuery(query);
    return u.toString(QUrl::FullyEncoded);
}

HttpResponse MatrixApiServer::handle(const HttpRequest &request)
{
    QMutexLocker lock(&m_mutex);
    m_requests.append(QString::fromUtf8(request.target));
    if (m_behaviour.notFoundEverywhere || request.method != "GET")
        return messageResponse(404, QStringLiteral("Not Found"));
    QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.size() < 2 || segments.size() > 3 || segments.first() != QLatin1String("api")
        || (segments.at(1) != kItems && segments.at(1) != kNotes))
        return messageResponse(404, QStringLiteral("Not Found"));
    const QString entity = segments.at(1);
    if (segments.size() == 3) {
        for (const Stored &s : entity == kItems ? m_items : m_notes) {
            if (QString::number(s.id) != segments.at(2))
                continue;
            return jsonResponse(200, QJsonObject{{QStringLiteral("data"), serve(entity, plain(entity, s))}});
        }
        return messageResponse(404, QStringLiteral("Not Found"));
    }
    return listing(entity, request);
}

HttpResponse MatrixApiServer::listing(const QString &entity, const HttpRequest &request)
{
    const Behaviour &b = m_behaviour;
    const QUrlQuery &q = request.query;
    auto name = [&](const char *snake, const char *camel) { return QString::fromLatin1(b.camelCase ? camel : snake); };
    if (q.hasQueryItem(QStringLiteral("fields"))
        && (!m_behaviour.deleteWhenIdScanBegins.isEmpty() || !m_behaviour.addWhenIdScanBegins.isEmpty())) {
        for (QList<Stored> *rows : {&m_items, &m_notes}) {
            const QString of = rows == &m_items ? kItems : kNotes;
            rows->removeIf([&](const Stored &s) { return m_behaviour.deleteWhenIdScanBegins.contains(of + QLatin1Char('/') + QString::number(s.id)); });
        }
        for (const QString &e : std::as_const(m_behaviour.addWhenIdScanBegins))
            addLocked(e, isoMicros(QDateTime::currentDateTimeUtc().addSecs(-1)));
        m_behaviour.deleteWhenIdScanBegins.clear();
        m_behaviour.addWhenIdScanBegins.clear();
    }

    QList<Stored> rows = entity == kItems ? m_items : m_notes;
    const QStringList fields = q.queryItemValue(QStringLiteral("fields"), QUrl::FullyDecoded).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QSet<QString> &hidden = fields.isEmpty() ? b.hiddenFromWalks : b.hiddenFromIdScans;
    if (!hidden.isEmpty())
        rows.removeIf([&](const Stored &s) { return hidden.contains(entity + QLatin1Char('/') + QString::number(s.id)); });
    const QString since = q.queryItemValue(name("updated_since", "updatedSince"), QUrl::FullyDecoded);
    if (!since.isEmpty() && !b.ignoreChangeFilter)
        rows.removeIf([&](const Stored &s) { return s.updatedAt < since; });
    const bool byTime = q.queryItemValue(QStringLiteral("sort")) == name("updated_at", "updatedAt");
    auto key = [byTime](const Stored &s) { return byTime ? s.updatedAt : QString(); };
    std::sort(rows.begin(), rows.end(), [&](const Stored &a, const Stored &c) {
        return key(a) != key(c) ? key(a) < key(c) : a.id < c.id;
    });

    HttpResponse error;
    const QString sizeName = b.pagination == Pagination::Offset ? QStringLiteral("limit") : name("per_page", "perPage");
    qint64 size = 0;
    if (!intParam(q, sizeName, b.defaultPageSize, 1, 1000, &size, &error))
        return error;
    if (b.maxPageSize > 0)
        size = qMin<qint64>(size, b.maxPageSize); // silently: the answer is just shorter
    const qint64 total = rows.size();

    // Where this page starts, read from the parameter the server understands.
    qint64 start = 0, page = 1;
    const QString pageName = b.ignorePageParameter ? QStringLiteral("p") : QStringLiteral("page");
    switch (b.pagination) {
    case Pagination::Page:
    case Pagination::NextUrl:
    case Pagination::LinkHeader:
        if (!intParam(q, pageName, 1, 1, 1000000, &page, &error))
            return error;
        start = (page - 1) * size;
        break;
    case Pagination::Offset:
        if (!intParam(q, b.ignorePageParameter ? QStringLiteral("skip") : QStringLiteral("offset"), 0, 0, qint64(1) << 40, &start, &error))
            return error;
        break;
    case Pagination::Cursor: {
        const QString cursor = q.queryItemValue(b.ignorePageParameter ? QStringLiteral("after") : QStringLiteral("cursor"), QUrl::FullyDecoded);
        if (!cursor.isEmpty() && cursor != kFirstPageCursor) {
            QString k;
            qint64 id = 0;
            if (!decodeCursor(cursor, &k, &id))
                return messageResponse(400, QStringLiteral("Invalid cursor"));
            while (start < total && (key(rows.at(start)) < k || (key(rows.at(start)) == k && rows.at(start).id <= id)))
                ++start;
        }
        break;
    }
    }
    QJsonArray data;
    for (qint64 i = start; i < qMin(total, start + size); ++i) {
        QJsonObject record = serve(entity, plain(entity, rows.at(int(i))));
        if (!fields.isEmpty()) {
            for (const QString &k : record.keys()) {
                if (!fields.contains(k))
                    record.remove(k);
            }
        }
        data.append(record);
    }
    const bool more = start + data.size() < total;
    const qint64 index = size > 0 ? start / size : 0; // which page of the walk this is, from 0
    const bool cycle = b.cycleCursor && more && index == 2;
    const qint64 announced = qMax<qint64>(0, total + b.totalDelta);
    const qint64 lastPage = qMax<qint64>(1, (total + size - 1) / size);

    QJsonObject body{{QStringLiteral("data"), data},
                     {QStringLiteral("meta"), QJsonObject{{name("total", "totalCount"), announced}, {name("last_page", "lastPage"), lastPage}}}};
    HttpResponse r;
    switch (b.pagination) {
    case Pagination::Page:
    case Pagination::Offset:
        break;
    case Pagination::Cursor: {
        QJsonValue next = QJsonValue::Null;
        if (cycle)
            next = kFirstPageCursor;
        else if (more)
            next = encodeCursor(key(rows.at(int(start + data.size() - 1))), rows.at(int(start + data.size() - 1)).id);
        body.insert(name("next_cursor", "nextCursor"), next);
        break;
    }
    case Pagination::NextUrl:
    case Pagination::LinkHeader: {
        auto urlOf = [&](qint64 p) {
            QUrlQuery lq = q;
            lq.removeAllQueryItems(pageName);
            lq.addQueryItem(pageName, QString::number(p));
            return pageUrl(entity, lq);
        };
        const qint64 nextPage = cycle ? 1 : page + 1;
        if (b.pagination == Pagination::NextUrl) {
            body.insert(QStringLiteral("links"), QJsonObject{{QStringLiteral("next"), more ? QJsonValue(urlOf(nextPage)) : QJsonValue::Null}});
        } else if (!b.linkOnlyWithPageParameter || q.hasQueryItem(pageName)) {
            QStringList links;
            if (more)
                links.append(QStringLiteral("<%1>; rel=\"next\"").arg(urlOf(nextPage)));
            links.append(QStringLiteral("<%1>; rel=\"first\"").arg(urlOf(1)));
            links.append(QStringLiteral("<%1>; rel=\"last\"").arg(urlOf(lastPage)));
            r.setHeader("Link", links.join(QStringLiteral(", ")).toUtf8());
        }
        break;
    }
    }
    const HttpResponse json = jsonResponse(200, body);
    r.status = json.status;
    r.body = json.body;
    for (const auto &h : json.headers)
        r.setHeader(h.first, h.second);
    r.setHeader("X-Total-Count", QByteArray::number(announced));
    return r;
}

namespace {

// The rest block for one pagination style, in the API's spelling.
QJsonObject restBlock(const MatrixApiServer &api, MatrixApiServer::Pagination style, bool withTotal, int pageSize, bool withIdScan)
{
    const QString perPage = api.param(QStringLiteral("per_page"));
    QJsonObject p{{QStringLiteral("page_size"), pageSize}};
    switch (style) {
    case MatrixApiServer::Pagination::Page:
        p.insert(QStringLiteral("style"), QStringLiteral("page"));
        p.insert(QStringLiteral("page_size_param"), perPage);
        break;
    case MatrixApiServer::Pagination::Offset:
        p.insert(QStringLiteral("style"), QStringLiteral("offset"));
        p.insert(QStringLiteral("limit_param"), QStringLiteral("limit"));
        break;
    case MatrixApiServer::Pagination::Cursor:
        p.insert(QStringLiteral("style"), QStringLiteral("cursor"));
        p.insert(QStringLiteral("page_size_param"), perPage);
        p.insert(QStringLiteral("next_cursor_path"), api.param(QStringLiteral("next_cursor")));
        p.insert(QStringLiteral("first_cursor"), QJsonValue::Null);
        break;
    case MatrixApiServer::Pagination::NextUrl:
        p.insert(QStringLiteral("style"), QStringLiteral("next_url"));
        p.insert(QStringLiteral("page_size_param"), perPage);
        p.insert(QStringLiteral("next_url_path"), QStringLiteral("links.next"));
        break;
    case MatrixApiServer::Pagination::LinkHeader:
        p.insert(QStringLiteral("style"), QStringLiteral("link_header"));
        p.insert(QStringLiteral("page_size_param"), perPage);
        break;
    }
    if (withTotal) {
        if (style == MatrixApiServer::Pagination::LinkHeader)
            p.insert(QStringLiteral("total_header"), QStringLiteral("X-Total-Count"));
        else
            p.insert(QStringLiteral("total_path"), QStringLiteral("meta.") + api.param(QStringLiteral("total")));
    }
    const QString updatedAt = api.field(QStringLiteral("items"), QStringLiteral("updated_at"));
    QJsonObject rest{
        {QStringLiteral("base_url"), api.baseUrl()},
        {QStringLiteral("records_path"), QStringLiteral("data")},
        {QStringLiteral("record_path"), QStringLiteral("data")},
        {QStringLiteral("pagination"), p},
        {QStringLiteral("incremental"), QJsonObject{{QStringLiteral("param"), api.param(QStringLiteral("updated_since"))},
                                                    {QStringLiteral("field"), updatedAt},
                                                    {QStringLiteral("tie_breaker"), QStringLiteral("id")},
                                                    {QStringLiteral("params"), QJsonObject{{QStringLiteral("sort"), updatedAt}}}}},
        {QStringLiteral("limits"), QJsonObject{{QStringLiteral("timeout_ms"), 10000}, {QStringLiteral("max_retries"), 0}}},
    };
    // An id-only listing: the same endpoint with `fields` (both entities name their id "id" or
    // their camelCase name, and updated_at the same way).
    if (withIdScan) {
        const QString fields = QStringList{api.field(QStringLiteral("items"), QStringLiteral("id")), api.field(QStringLiteral("notes"), QStringLiteral("id")),
                                           updatedAt}
                                   .join(QLatin1Char(','));
        rest.insert(QStringLiteral("id_scan_params"), QJsonObject{{QStringLiteral("fields"), fields}});
    }
    return rest;
}

} // namespace

QJsonObject MatrixApiServer::configuration(Pagination style, bool withTotal, int pageSize, bool withIdScan) const
{
    const MatrixApiServer &api = *this;
    auto f = [&](const char *entity, const char *name) { return api.field(QString::fromLatin1(entity), QString::fromLatin1(name)); };
    auto timestamp = [](const QString &field) {
        return QJsonObject{{QStringLiteral("field"), field}, {QStringLiteral("type"), QStringLiteral("timestamp")}};
    };
    const QJsonObject items{
        {QStringLiteral("name"), QStringLiteral("items")},
        {QStringLiteral("endpoint"), QStringLiteral("/items")},
        {QStringLiteral("table"), QStringLiteral("items")},
        {QStringLiteral("external_id"), f("items", "id")},
        {QStringLiteral("columns"), QJsonObject{{QStringLiteral("title"), QJsonObject{{QStringLiteral("field"), f("items", "title")}, {QStringLiteral("required"), true}}},
                                                {QStringLiteral("updated_at"), timestamp(f("items", "updated_at"))}}},
        {QStringLiteral("defaults"), QJsonObject{{QStringLiteral("origin"), QStringLiteral("matrix")}}},
        {QStringLiteral("updated_column"), QStringLiteral("updated_at")}};
    const QJsonObject notes{
        {QStringLiteral("name"), QStringLiteral("notes")},
        {QStringLiteral("endpoint"), QStringLiteral("/notes")},
        {QStringLiteral("table"), QStringLiteral("notes")},
        {QStringLiteral("external_id"), f("notes", "id")},
        {QStringLiteral("columns"), QJsonObject{{QStringLiteral("body"), QJsonObject{{QStringLiteral("field"), f("notes", "body")}, {QStringLiteral("required"), true}}},
                                                {QStringLiteral("updated_at"), timestamp(f("notes", "updated_at"))}}},
        {QStringLiteral("references"), QJsonObject{{QStringLiteral("item_id"), QJsonObject{{QStringLiteral("entity"), QStringLiteral("items")},
                                                                                          {QStringLiteral("field"), f("notes", "item_id")}}}}},
        {QStringLiteral("defaults"), QJsonObject{{QStringLiteral("origin"), QStringLiteral("matrix")}}},
        {QStringLiteral("updated_column"), QStringLiteral("updated_at")}};
    return QJsonObject{
        {QStringLiteral("database"), QJsonObject{{QStringLiteral("path"), QStringLiteral("main.sqlite")}}},
        {QStringLiteral("sources"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("matrix")},
                                                           {QStringLiteral("type"), QStringLiteral("rest")},
                                                           {QStringLiteral("rest"), restBlock(api, style, withTotal, pageSize, withIdScan)},
                                                           {QStringLiteral("entities"), QJsonArray{items, notes}}}}}};
}

} // namespace Tributary::Test
