#pragma once

#include "TestHttp.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QSet>
#include <QStringList>

namespace Tributary::Test {

// An API of conventions Tributary did not design, misbehaving the ways real APIs do, each way one
// line to switch on (issue #12's matrix: tst_matrix). Served over real loopback HTTP from a thread
// of its own, so that in-process runs and the real tributaryd both reach it.
//
// The collection is deterministic: `items` (120 by default) and `notes` (45), each note naming an
// item; ids count from 1 (or from 2^53 + 1, as JSON numbers); updated_at is ISO 8601 UTC with
// microseconds, one record every 37 (items) or 53 (notes) minutes from 60 days ago, so every
// record is in the past of the server's clock and no two items share a time.
//
//   GET /api/{items|notes}?<pagination>&updated_since=T&sort=updated_at&per_page=N
//       {"data": [...], "meta": {"total": T, "last_page": L}, "links": {"next": URL}, "next_cursor": C}
//       plus Link (rel next/first/last) and X-Total-Count headers
//   GET /api/{items|notes}/{id}                {"data": {...}}, or 404 {"message": "Not Found"}
//
// `updated_since` is inclusive and compares the text of updated_at (as a careless API would);
// `sort=updated_at` orders by (updated_at, id), otherwise by id. Pagination, by the style set:
//   page          page=N (from 1), per_page
//   offset        offset=O, limit
//   cursor        cursor=C (absent or empty: the first page), per_page; next_cursor is a keyset
//                 position, null on the last page
//   next_url      page=N, per_page; links.next is the next page's whole URL, null on the last
//   link_header   page=N, per_page; Link with rel="next" while more follow
// `fields=a,b` (an id scan's parameter) trims every record to those fields (as the API spells them).
// camelCase renames every field (itemId, noteId, updatedAt, displayTitle, noteBody) and parameter
// (updatedSince, perPage, sort=updatedAt, nextCursor, meta.totalCount, meta.lastPage).
class MatrixApiServer
{
public:
    enum class Pagination { Page, Offset, Cursor, NextUrl, LinkHeader };

    struct Behaviour
    {
        Pagination pagination = Pagination::Page;
        int defaultPageSize = 25;         // when the request names none
        int maxPageSize = 0;              // a cap: asked for more, sends this many (0: none)
        bool ignorePageParameter = false; // reads page/offset/cursor under another name: every page is the first
        bool linkOnlyWithPageParameter = false; // no Link header unless page=N is in the request
        bool ignoreChangeFilter = false;  // updated_since is not understood: everything comes back
        bool cycleCursor = false;         // the third page's continuation leads back to the first page
        bool camelCase = false;
        bool hugeIds = false;             // ids 2^53 + 1, 2^53 + 2, ... as JSON numbers
        bool notFoundEverywhere = false;  // every request answers 404
        qint64 totalDelta = 0;            // the total announced is the real one plus this
        // Records a listing leaves out (entity + '/' + id), its total counting only what it shows:
        // from listings without `fields` (the walks), or from those with it (the id scans).
        QSet<QString> hiddenFromWalks;
        QSet<QString> hiddenFromIdScans;
        // Changes made once, when the first id-scan listing (with `fields`) arrives: records
        // deleted (entity + '/' + id) and entities that get a record changed at that moment.
        QSet<QString> deleteWhenIdScanBegins;
        QStringList addWhenIdScanBegins;
    };

    static QString paginationName(Pagination p);

    MatrixApiServer();
    ~MatrixApiServer();

    bool start(); // 127.0.0.1, a free port, in its own thread
    QString baseUrl() const; // "http://127.0.0.1:<port>/api"

    // --- Behaviour, one line each (from the test's thread; takes effect at the next request) ---
    void setPagination(Pagination p);
    void capPageSize(int max);
    void ignorePageParameter();
    void sendLinkOnlyWithPageParameter();
    void ignoreChangeFilter();
    void cycleCursor();
    void useCamelCase();
    void useHugeIds();        // before the first request: the collection is made again
    void answerNotFoundEverywhere();
    void lieAboutTotal(qint64 delta);
    // The record of this id is left out of every walk (listings without `fields`), or out of every
    // id scan (listings with it); fetched by id, it is there.
    void hideFromWalks(const QString &entity, qint64 id);
    void hideFromIdScans(const QString &entity, qint64 id);
    // Changes at the source between a walk and the id scan that follows it (verify): when the
    // first id-scan listing arrives, the record of this id is deleted, or a new one is written
    // with the server's clock as its updated_at.
    void deleteWhenIdScanBegins(const QString &entity, qint64 id);
    void addWhenIdScanBegins(const QString &entity);
    Behaviour behaviour() const;

    // --- The collection ---
    void reset(int items = 120, int notes = 45);
    // Sets one record's updated_at to text of the test's choosing ("not a date", "9999-12-31T...").
    void setUpdatedAt(const QString &entity, int index, const QString &text);
    // An edit at the source: a new title/body and an updated_at after every record so far (but in
    // the past of the server's clock).
    void touch(const QString &entity, int index);
    // A record written at the source with this updated_at (a late writer, when it is old); notes
    // name the first item. Returns its id.
    qint64 add(const QString &entity, const QString &updatedAt);
    static QString isoMicros(const QDateTime &t); // updated_at as the API writes it
    // The records as the API serves them (field names as configured), in id order.
    QList<QJsonObject> records(const QString &entity) const;
    // Field names as the API spells them now ("id" or "itemId", ...).
    QString field(const QString &entity, const QString &name) const;
    QString param(const QString &name) const;

    // --- A configuration over it ---
    // One source "matrix" reading `items` and `notes` (notes reference items), with the style's
    // pagination in pages of `pageSize`, the total read when `withTotal`, the change filter on
    // updated_at (ties by id), all in the API's current spelling (camelCase when switched on);
    // no retries and a 10 s timeout, so that a fault shows at once. `withIdScan`: an id-only
    // listing (id_scan_params) as a second view for verify and reconcile.
    QJsonObject configuration(Pagination style, bool withTotal, int pageSize, bool withIdScan = false) const;

    // --- What was asked ---
    QStringList requests() const; // request targets, in order
    int requestCount() const;
    void clearRequests();

private:
    HttpResponse handle(const HttpRequest &request);
    HttpResponse listing(const QString &entity, const HttpRequest &request);
    QString pageUrl(const QString &entity, const QUrlQuery &query) const;
    struct Stored
    {
        qint64 id = 0;
        qint64 itemId = 0; // notes: the item they name
        QString updatedAt;
        QString text;      // item title, note body
    };
    static QJsonObject plain(const QString &entity, const Stored &s); // snake_case names
    QJsonObject serve(const QString &entity, const QJsonObject &plain) const; // as the API names them
    qint64 addLocked(const QString &entity, const QString &updatedAt);

    mutable QMutex m_mutex;
    ServerThread m_thread;
    quint16 m_port = 0;
    Behaviour m_behaviour;
    QDateTime m_epoch;
    int m_touches = 0;
    QList<Stored> m_items;
    QList<Stored> m_notes;
    QStringList m_requests;
};

} // namespace Tributary::Test
