#pragma once

#include "util/Error.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Tributary {

class HttpClient;
class HttpJob;

// Learns, from what an unknown JSON API answers, how it lists its records, and writes the REST
// source's configuration for it: what `tributaryd init --detect` does. For each listing URL it
// asks the URL itself and then follows what it sees (a Link header, a next URL or a cursor in
// the body) or tries the usual parameter names (page and page size, offset and limit, the sort
// and the change filter), keeping only what an answer confirmed. Nothing is guessed into the
// configuration that the API did not show: what cannot be confirmed is left out and noted.
//
//   RestDetector detector({urls, "api", "API_TOKEN"});
//   connect(&detector, &RestDetector::finished, ...);
//   detector.start();
class RestDetector : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QStringList urls;               // one listing per entity, all on one origin
        QString sourceName = QStringLiteral("api");
        QString tokenEnv;               // a bearer token from this environment variable; empty: none
        int pageSize = 100;             // asked for when the API lets the client choose
    };

    // A scalar field of the records, and the column it becomes.
    struct Field
    {
        QString path;     // "author.email"
        QString column;   // "author_email"
        QString type;     // string, integer, real, boolean, timestamp, json
        bool optional = false; // not in every record seen
    };

    // What was learnt about one listing.
    struct Entity
    {
        QString url;
        QString name;            // from the URL's path: /v2/items -> items
        QString endpoint;        // the path after base_url
        Error error;             // the listing could not be detected
        QString recordsPath;     // "" (a top-level array), "data", "data.items"
        QString recordPath;      // where a single record is (GET endpoint/{id})
        QString style;           // link_header, next_url, cursor, page, offset, none
        QJsonObject pagination;  // the "pagination" block
        QJsonObject incremental; // the "incremental" block; empty when no filter was confirmed
        QJsonObject fullParams;  // the URL's own query parameters
        QString idField;
        QString changeField;     // a time field usable for a change filter; empty when none
        QString naming;          // "snake_case", "camelCase" or empty
        QString total;           // where the total is, for people ("header X-Total-Count", "meta.total")
        QList<Field> fields;
        QStringList notes;       // what could not be confirmed, for people
        int requests = 0;

        bool isOk() const { return !error.isError(); }
        // The entity's configuration object: name, endpoint, table (= name), external_id, columns.
        QJsonObject toJson() const;
    };

    explicit RestDetector(const Options &options, QObject *parent = nullptr);
    ~RestDetector() override;

    void start();
    void abort();
    bool isFinished() const { return m_done; }

    // A problem with the options as a whole (URLs on different origins, a token not set).
    const Error &error() const { return m_error; }
    const QList<Entity> &entities() const { return m_entities; }
    QString baseUrl() const { return m_base.toString(); }
    // The source object: name, type rest, the rest block and one entity per URL that was
    // detected. What the entities share is written in the rest block when there is one entity.
    QJsonObject sourceJson() const;

Q_SIGNALS:
    void finished(); // exactly once

private:
    struct Response;
    struct Work;

    void prepare();
    void nextEntity();
    void get(const QUrl &url, std::function<void(const Response &)> then);
    void onFirst(const Response &r);
    void findPageSizeParam(int index);
    void findPagination();
    void verifyNext(const QUrl &next, const QString &style, const QString &path);
    void findCursorParam(int index);
    void findPageParam(int index);
    void checkFirstPage(int candidate);
    void findOffsetParam(int index);
    void paginationFound();
    void choosePageSize();
    void findSort(int index);
    void findFilter(int index);
    void findRecordPath();
    void finishEntity();
    void done();

    Options m_options;
    QUrl m_base;
    QNetworkAccessManager *m_nam = nullptr;
    HttpClient *m_client = nullptr;
    QByteArray m_authorization;
    QPointer<HttpJob> m_job;
    std::unique_ptr<Work> m_work;
    QList<Entity> m_entities;
    Error m_error;
    int m_index = -1;
    bool m_started = false;
    bool m_done = false;
    bool m_aborted = false;
};

} // namespace Tributary
