#include "QuirkyApiServer.h"

#include "util/Values.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace Tributary::Test {

namespace {

HttpResponse reply(int status, const QJsonObject &o)
{
    return HttpResponse::json(status, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QDateTime changedAt(const QJsonObject &o)
{
    QDateTime t;
    parseTimestamp(o.value(QStringLiteral("updated_at")), &t);
    return t;
}

qint64 idOf(const QJsonObject &o) { return o.value(QStringLiteral("id")).toInteger(); }

} // namespace

QuirkyApiServer::QuirkyApiServer(QObject *parent) : QObject(parent)
{
    m_server = new HttpServer([this](const HttpRequest &r) { return handle(r); }, this);
}

QuirkyApiServer::~QuirkyApiServer() = default;

bool QuirkyApiServer::start() { return m_server->listen(QHostAddress::LocalHost, 0); }

QString QuirkyApiServer::baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()); }

void QuirkyApiServer::makeRecords(int n, const QDateTime &first, int sameStamp)
{
    m_records.clear();
    for (int i = 0; i < n; ++i) {
        const QDateTime t = first.addSecs(60 * (i / qMax(1, sameStamp)));
        m_records.append(QJsonObject{{QStringLiteral("id"), i + 1},
                                     {QStringLiteral("name"), QStringLiteral("Record %1").arg(i + 1)},
                                     {QStringLiteral("active"), i % 3 != 0},
                                     {QStringLiteral("updated_at"), t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000'Z'"))}});
    }
}

bool QuirkyApiServer::updateRecord(qint64 id, const QJsonObject &changes)
{
    for (QJsonObject &o : m_records) {
        if (idOf(o) == id) {
            for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
                o.insert(it.key(), *it);
            return true;
        }
    }
    return false;
}

HttpResponse QuirkyApiServer::handle(const HttpRequest &request)
{
    ++requests;
    QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.isEmpty() || segments.first() != QLatin1String("records") || segments.size() > 2)
        return reply(404, {{QStringLiteral("message"), QStringLiteral("Not Found")}});
    if (segments.size() == 2) {
        for (const QJsonObject &o : std::as_const(m_records)) {
            if (QString::number(idOf(o)) == segments.at(1))
                return reply(200, {{QStringLiteral("data"), o}});
        }
        return reply(404, {{QStringLiteral("message"), QStringLiteral("Not Found")}});
    }
    const QUrlQuery &q = request.query;
    QList<QJsonObject> items;
    const QString sinceText = q.queryItemValue(QStringLiteral("updated_since"), QUrl::FullyDecoded);
    QDateTime since;
    if (!sinceText.isEmpty() && !parseTimestamp(QJsonValue(sinceText), &since))
        return reply(422, {{QStringLiteral("message"), QStringLiteral("updated_since must be a date")}});
    for (const QJsonObject &o : std::as_const(m_records)) {
        if (!since.isValid() || (exclusiveFilter ? changedAt(o) > since : changedAt(o) >= since))
            items.append(o);
    }
    const bool byChange = q.queryItemValue(QStringLiteral("sort")) == QLatin1String("updated_at");
    std::sort(items.begin(), items.end(), [byChange](const QJsonObject &a, const QJsonObject &b) {
        if (byChange && changedAt(a) != changedAt(b))
            return changedAt(a) < changedAt(b);
        return idOf(a) < idOf(b);
    });
    const int page = qMax(1, q.hasQueryItem(QStringLiteral("page")) ? q.queryItemValue(QStringLiteral("page")).toInt() : 1);
    int perPage = q.hasQueryItem(QStringLiteral("per_page")) ? q.queryItemValue(QStringLiteral("per_page")).toInt() : defaultPerPage;
    if (perPage < 1)
        return reply(422, {{QStringLiteral("message"), QStringLiteral("per_page must be at least 1")}});
    if (silentCap > 0)
        perPage = qMin(perPage, silentCap);
    QJsonArray data;
    for (int i = (page - 1) * perPage; i < qMin<int>(int(items.size()), page * perPage); ++i)
        data.append(items.at(i));
    const qint64 total = items.size() + (unstableTotal ? requests : 0);
    return reply(200, {{QStringLiteral("data"), data},
                       {QStringLiteral("meta"), QJsonObject{{QStringLiteral("current_page"), page},
                                                            {QStringLiteral("last_page"), qMax<qint64>(1, (items.size() + perPage - 1) / perPage)},
                                                            {QStringLiteral("total"), total}}}});
}

} // namespace Tributary::Test
