#pragma once

#include "net/HttpServer.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QQueue>

#include <memory>

namespace Tributary {
class ForumOAuth;
}

namespace Tributary::Test {

// An API in a convention Tributary did not design (GitHub / JSON-Server style), served over real
// loopback HTTP so that the REST source's every pagination style meets a real server:
//
//   GET /items?since=<unix s>&_sort=modified&page=N&per_page=M   top-level array, Link + X-Total-Count
//   GET /offset/items?offset=O&limit=L                          {"results": [...], "count": T}
//   GET /cursor/items?after=<opaque>&limit=L                    {"entries": [...], "meta": {"next": ...}}
//       ...&with_total=1                                         adds "meta.total" and X-Total-Count (a count request)
//   GET /next/items?pg=N&size=M                                  {"data": {"items": [...]}, "paging": {"next_page_url": ...}}
//   GET /paged/items?page=N&limit=M                              {"records": [...], "meta": {"last_page": L, "total": T}}
//   GET /all/items                                               {"items": [...]}
//   GET /<any of the above>/{ID}                                 the item, or 404 {"message": "Not Found"}
//
// Items: {"ID": "itm-0001", "modified": <unix seconds>, "title": ..., "author": {"email": ..., "name": ...}}.
// Every listing takes `since` (inclusive, on `modified`) and `_sort=modified` (modified, then ID;
// otherwise by ID). Optional basic auth or API-key header. Lives in the thread that created it.
class LinkApiServer : public QObject
{
    Q_OBJECT
public:
    explicit LinkApiServer(QObject *parent = nullptr);
    ~LinkApiServer() override;

    bool start(); // 127.0.0.1, a free port
    quint16 port() const;
    QString baseUrl() const; // "http://127.0.0.1:<port>"

    static QJsonObject makeItem(const QString &id, qint64 modified, const QString &title = {}, const QString &email = {});
    // n items "itm-0001".., modified = firstModified + i / sameStamp (several share one stamp).
    static QList<QJsonObject> makeItems(int n, qint64 firstModified = 1700000000, int sameStamp = 3);
    void setItems(const QList<QJsonObject> &items);
    void addItem(const QJsonObject &item);
    bool updateItem(const QString &id, const QJsonObject &changes); // merges the given fields
    bool removeItem(const QString &id);
    QList<QJsonObject> items() const { return m_items; }

    void setBasicAuth(const QString &user, const QString &password);
    void setApiKey(const QByteArray &header, const QByteArray &key);
    // Accepts only the current access tokens `authority` issued (OAuthTokenServer's).
    void setOAuth(std::shared_ptr<ForumOAuth> authority);
    void clearAuth();

    // Scripted answers served, in order, before normal handling resumes (faults, odd statuses).
    void pushResponse(const HttpResponse &response);
    int pendingResponses() const { return int(m_script.size()); }
    void clearResponses() { m_script.clear(); }

    const QList<HttpRequest> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

    int maxPerPage = 100;

private:
    HttpResponse handle(const HttpRequest &request);
    bool authorized(const HttpRequest &request) const;
    QList<QJsonObject> filtered(const HttpRequest &request, HttpResponse *error) const;
    QString url(const QString &path, const QUrlQuery &query) const;

    HttpServer *m_server = nullptr;
    QList<QJsonObject> m_items;
    QQueue<HttpResponse> m_script;
    QList<HttpRequest> m_requests;
    QByteArray m_expectedAuthorization;
    QByteArray m_apiKeyHeader;
    QByteArray m_apiKey;
    std::shared_ptr<ForumOAuth> m_oauth;
};

} // namespace Tributary::Test
