#pragma once

#include "net/HttpServer.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>

namespace Tributary::Test {

// A small page-numbered API in a Laravel-like convention, with knobs for the misbehaviours the
// API probe must notice and LinkApiServer does not have (tst_probe):
//
//   GET /records?page=N&per_page=M&sort=updated_at&updated_since=<ISO-8601>
//       {"data": [...], "meta": {"current_page": N, "last_page": L, "total": T}}
//   GET /records/{id}                          {"data": {...}}, or 404
//
// Records: {"id": <integer>, "name": ..., "active": <bool>, "updated_at": "2026-01-01T10:00:00.000000Z"}.
// `updated_since` is inclusive; sort=updated_at orders by (updated_at, id), otherwise by id.
// Lives in the thread that created it.
class QuirkyApiServer : public QObject
{
    Q_OBJECT
public:
    explicit QuirkyApiServer(QObject *parent = nullptr);
    ~QuirkyApiServer() override;

    bool start(); // 127.0.0.1, a free port
    QString baseUrl() const;

    // n records, ids 1..n, updated_at = `first` + i minutes / sameStamp (several share one time).
    void makeRecords(int n, const QDateTime &first = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC), int sameStamp = 2);
    QList<QJsonObject> records() const { return m_records; }
    bool updateRecord(qint64 id, const QJsonObject &changes);

    // Knobs, all off by default.
    int silentCap = 0;            // per_page above this is quietly served with this many
    int defaultPerPage = 15;
    bool exclusiveFilter = false; // updated_since compares with > instead of >=
    bool unstableTotal = false;   // the total grows by one with every request
    int requests = 0;

private:
    HttpResponse handle(const HttpRequest &request);

    HttpServer *m_server = nullptr;
    QList<QJsonObject> m_records;
};

} // namespace Tributary::Test
