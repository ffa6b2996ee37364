#pragma once

#include "store/RowBatch.h"
#include "util/Result.h"

#include <QHash>
#include <QSet>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>

#include <functional>

namespace Tributary {

class Database;

// The links of one source (tributary_links): external id -> local id, with the base (the remote
// values last applied, in local form) and its hash. Local ids of links never change, so lookups
// are cached; the cache is dropped whenever a transaction rolls back.
class LinkStore
{
public:
    struct Link
    {
        bool found = false;
        QString localId;
        QString origin;  // "inserted" or "matched"
        QString hash;
        QString baseJson; // parsed only when needed: unchanged records never look at it
        // Whether baseJson was read: prefetch() leaves it out (most records of a page are new or
        // unchanged and never need it); readBase() reads it for the ones that do.
        bool baseRead = true;
        QString deletedAt; // set when reconciliation found the record gone at the source
        QJsonObject base() const;
        // A link of a row Tributary inserted and no other source shares has no base of its own
        // (empty text): tributary_edits holds it when the application edited the row, else the
        // row is its own base (docs/decisions/0024).
        bool hasOwnBase() const { return !baseRead || !baseJson.isEmpty(); }
    };

    LinkStore(Database &db, QString source);

    const QString &source() const { return m_source; }

    Link find(const QString &entity, const QString &externalId, Error *error);
    // Reads the links of a whole page in a few queries, without their bases; find() then answers
    // from memory for those ids until the next prefetch or rollback.
    bool prefetch(const QString &entity, const QStringList &externalIds, Error *error);
    // Reads the base of a link that find() answered from a prefetched page (Link::baseRead).
    bool readBase(const QString &entity, const QString &externalId, Link *link, Error *error);
    // The external id linked to the local row `localId` of `entity`; null when none is.
    Result<QString> externalIdOf(const QString &entity, const QString &localId);
    // Local id for a reference; null string when the record has no link yet.
    QString localId(const QString &entity, const QString &externalId, Error *error);
    // A new link, queued: flush() writes the queued links in a few multi-row statements, and the
    // caller (the applier) flushes before its transaction commits. Until then find() and
    // localId() answer for it, and every other statement of this store flushes first.
    // `base`: the values as rowJson() writes them.
    bool insert(const QString &entity, const QString &externalId, const QString &localId, const QString &origin,
                const QString &hash, const QByteArray &base, Error *error);
    bool update(const QString &entity, const QString &externalId, const QString &hash, const QByteArray &base, Error *error);
    // Marks the record gone at the source (or back again, with an empty time).
    bool setDeleted(const QString &entity, const QString &externalId, const QString &deletedAt, Error *error);
    // Forgets the link (its row was deleted for good); the row's insert line it stood for is
    // written to the change log first.
    bool remove(const QString &entity, const QString &externalId, Error *error);
    // After a rollback: forgets what it read and what it queued.
    void dropCache()
    {
        m_cache.clear();
        m_page.clear();
        m_queued.clear();
        if (m_queue)
            m_queue->discard();
    }
    bool flush(Error *error);
    // The time written to created_at/updated_at; one value per transaction.
    void setTimestamp(const QString &now) { m_now = now; }
    // The run that creates links: a link a run inserted its row for is that row's "insert" line
    // in the change log (ChangeLog::forRow), so no line is written per imported record
    // (docs/decisions/0025).
    void setRun(qint64 runId) { m_runId = runId; }

    // Reconciliation: every link carries the number of the last scan that saw its record.
    // New links are stamped as seen by the current scan: a record linked after its entity was
    // scanned is not a deletion candidate of that scan (the next scan decides about it).
    void setCurrentScan(qint64 scan) { m_scan = scan; }
    bool stampSeen(const QString &entity, const QStringList &externalIds, qint64 scan, Error *error);
    struct ScanCounts
    {
        qint64 active = 0; // linked records not already deleted
        qint64 unseen = 0; // of those, not seen by the scan
    };
    // With scan 0: only `active` means anything.
    bool countForScan(const QString &entity, qint64 scan, ScanCounts *counts, Error *error);
    // External ids of linked, not yet deleted records the scan did not see.
    Result<QStringList> unseen(const QString &entity, qint64 scan);

    // Verification: the ids a walk of the source saw (tributary_verify_seen) and the ids its id
    // scan listed (tributary_verify_listed), kept in temporary tables so memory stays flat; what
    // one view has and the other lacks, and the links neither named, are then a query away.
    bool beginVerify(Error *error);
    // Marks the ids of a page as named by the walk: *before receives those an earlier page had
    // named already.
    bool markVerifiedPage(const QString &entity, const QStringList &externalIds, QSet<QString> *before, Error *error);
    // Reads the local ids of these records into the cache localId() answers from, in a few
    // statements (verify's references of a page).
    bool cacheLocalIds(const QString &entity, const QStringList &externalIds, Error *error);
    // Marks the ids of an id scan's page as listed, with each record's change field as listed
    // (`values`, parallel to `externalIds`; for what would repair a missing record). *added
    // counts those no earlier page had listed.
    bool markListedPage(const QString &entity, const QStringList &externalIds, const QStringList &values, qint64 *added, Error *error);
    struct LinkedId
    {
        QString externalId;
        QString localId;
    };
    // Live links that neither the walk nor the id scan named: gone from the source.
    Result<QList<LinkedId>> notVerified(const QString &entity);
    // An id the id scan listed that the walk did not reach, with its link if it has one.
    struct ListedId
    {
        QString externalId;
        QString value;     // the change field as the scan listed it, empty when not listed
        QString localId;   // empty: no link
        QString deletedAt; // the link is marked gone (reconciliation deleted the record)
        bool isLinked() const { return !localId.isEmpty() && deletedAt.isEmpty(); }
    };
    // Calls `each` for every such id, in id order, until it returns false; read in batches, so
    // that `each` may run statements of its own on the connection.
    bool forEachListedNotVerified(const QString &entity, const std::function<bool(const ListedId &)> &each, Error *error);
    // Ids the walk reached that the id scan did not list: how many, and the first `sample`.
    struct IdSample
    {
        qint64 count = 0;
        QStringList ids;
    };
    Result<IdSample> verifiedNotListed(const QString &entity, int sample);
    // Live links of `entity` whose row still exists in `table` (keyed by `keyColumn`): the main
    // database's own count, for verify to hold against the source's total.
    Result<qint64> countLiveRows(const QString &entity, const QString &table, const QString &keyColumn);

    // Per entity of this source: links by origin and whether the record is gone.
    struct Count
    {
        QString entity;
        QString origin;
        bool gone = false;
        qint64 links = 0;
    };
    Result<QList<Count>> counts();

    // Links of other sources to the same row, through their entities' tables (consolidation):
    // each with what that source said last. `statementCache` keeps the query prepared.
    struct OtherLink
    {
        QString source;
        QJsonObject base;
        QString origin; // "inserted" (that source brought the row), "matched", "pushed" (the application's row)
    };
    bool othersOnRow(const QString &table, const QString &localId, QList<OtherLink> *out, Error *error);
    // Another source links the row `localId` of `table` too: the links of other sources on it
    // without a base of their own get one, `baseFor` (source, entity) -> rowJson() text, since a
    // shared row says nothing about which source set a value (docs/decisions/0024).
    bool giveBasesOnRow(const QString &table, const QString &localId,
                        const std::function<QByteArray(const QString &source, const QString &entity)> &baseFor, Error *error);
    // Whether any link of `entity` has no base of its own.
    bool anyWithoutBase(const QString &entity, bool *any, Error *error);

    // Every link of any source to the row `localId` of `table` (the history of a row).
    struct RowLink
    {
        QString source;
        QString entity;
        QString externalId;
        QString origin;
        QString deletedAt;
        qint64 runId = 0;  // the run that inserted the row (origin "inserted"), 0 when unknown
        QString createdAt;
        QString updatedAt;  // when the base was last written (a changed record applied)
        qint64 seenScan = 0; // the reconciliation scan (its run) that last saw the record, 0: none yet
        QString baseJson;    // as Link::baseJson: empty when the link has no base of its own
    };
    static Result<QList<RowLink>> linksOfRow(Database &db, const QString &table, const QString &localId);

private:
    static constexpr qsizetype kCacheLimit = 100000;
    void remember(const QString &entity, const QString &externalId, const QString &localId);
    // Inserts (entity, id[, value]) rows into a verify table, many per statement, and collects
    // the ids that were not there yet. `statement` keeps the full-size statement between pages.
    bool insertNew(QSqlQuery &statement, const QString &table, const QString &entity, const QStringList &ids, const QStringList *values,
                   QSet<QString> *added, Error *error);

    Database &m_db;
    QString m_source;
    QSqlQuery m_find, m_prefetch, m_localIds, m_base, m_update, m_others, m_seen, m_listed;
    QHash<QString, QString> m_cache; // entity + '\x1f' + external id -> local id
    QString m_now;
    qint64 m_scan = 0;
    qint64 m_runId = 0;
    QString m_pageEntity;
    QHash<QString, Link> m_page; // external id -> link (found or not) for the prefetched page
    std::unique_ptr<RowBatch> m_queue;
    QHash<QString, Link> m_queued; // entity + '\x1f' + external id -> a queued new link
    // Writes the queued links before a statement that reads or changes the table.
    bool settle(Error *error) { return m_queued.isEmpty() || flush(error); }
};

} // namespace Tributary
