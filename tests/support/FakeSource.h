#pragma once

#include "engine/Source.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QStringList>
#include <functional>

namespace Tributary::Test {

// A scripted, in-process Source for engine scenarios: records per entity held as JSON objects
// keyed by external id, answered the way a real source answers (from the event loop, never inside
// start(); sorted, filtered and paged as the PageRequest asks), with faults and delays scripted in
// one line each and counters a test can assert. No HTTP anywhere.
//
// Records are stamped by a fake server clock in the forum API's form (ISO 8601 UTC with
// microseconds, forum-api.md). Every write (a builder, edit, remove) is stamped with the clock,
// which then moves on by clockStep(), so records get distinct, increasing timestamps unless the
// test freezes the clock (setClockStep(0)) or edits in bulk. Pages and record fetches carry the
// clock as Page::serverTime / RecordJob::serverTime.
class FakeSource : public Source
{
    Q_OBJECT
public:
    // What the fake offers for one entity. Defaults are the forum preset's: an incremental filter
    // on updated_at with an id tie-breaker, keyset (cursor) pagination, id scans and totals.
    struct EntitySettings
    {
        EntityCapabilities caps;
        int pageSize = 50;
        int concurrency = 1; // pages in flight (predictable page numbers only)
    };

    explicit FakeSource(const QString &name = QStringLiteral("forum"), QObject *parent = nullptr);
    ~FakeSource() override;

    // --- Source ---
    QString name() const override { return m_name; }
    EntityCapabilities capabilities(const QString &entity) const override;
    PageJob *fetchPage(const PageRequest &request) override;
    RecordJob *fetchRecord(const QString &entity, const QString &externalId) override;
    QString cursorValueFor(const QString &entity, const QDateTime &sourceTime) const override;
    QString predictToken(const PageRequest &request, const QString &token) const override;
    int pageConcurrency(const QString &entity) const override;
    bool canWrite(const QString &entity, WriteRequest::Op op, QString *why = nullptr) const override;
    WriteJob *write(const WriteRequest &request) override;

    // --- Writes (write-back), as forum-api.md's writer contract: creates get the next id and the
    // clock, with Idempotency-Key replays; updates and deletes honour unmodifiedSince (Changed
    // with the current record); an unknown id is NotFound.
    void setWritable(bool on) { m_writable = on; }
    // Every write of `entity` whose record has `field` equal to `value` is refused with `message`
    // (a 422), until clearFaults().
    void refuseWrites(const QString &entity, const QString &field, const QJsonValue &value, const QString &message);
    // The nth write from now on fails with `code` after it was applied (the answer is lost), or
    // before it reaches the source with `beforeApplying`.
    void failWrite(int nth, Error::Code code = Error::Code::Network, bool beforeApplying = false);
    // Runs `action` just before the nth write from now on is applied: for changes at the source
    // between the engine's read and its write.
    void beforeWrite(int nth, std::function<void()> action);
    // Every write answered so far (since resetCounters()), as asked.
    QList<WriteRequest> writes() const { return m_writes; }
    // The most writes that were in flight at once (since resetCounters()).
    int maxWritesInFlight() const { return m_maxWritesInFlight; }

    // --- Settings (per entity, or every entity when the name is empty) ---
    EntitySettings &settings(const QString &entity);
    void setPageSize(int size, const QString &entity = {});
    // Page numbers that shift when records move (offset pagination) instead of keyset cursors;
    // `inFlight` > 1 lets the engine request that many predicted pages at once.
    void setPageNumbers(int inFlight = 1, const QString &entity = {});
    void setTieBreakById(bool on, const QString &entity = {});
    void setIncremental(bool on, const QString &entity = {}); // off: the engine can only walk everything

    // --- The server clock ---
    QDateTime now() const { return m_now; }
    void setNow(const QDateTime &utc) { m_now = utc.toUTC(); }
    void advance(qint64 ms) { m_now = m_now.addMSecs(ms); }
    qint64 clockStep() const { return m_stepMs; }
    // 0 freezes the clock: every write shares one timestamp. Setting a step again moves the clock
    // on once, so the next write is later than the frozen ones.
    void setClockStep(qint64 ms);
    // The forum API's form of a time: "2026-03-01T09:00:01.000000Z".
    static QString format(const QDateTime &utc);

    // --- Records ---
    // The Good Forum's four entities, stamped with created_at = updated_at = the clock, stored and
    // returned. A parentId of 0 is a message without a parent.
    QJsonObject user(qint64 id, const QString &name, const QString &email);
    QJsonObject section(qint64 id, const QString &title);
    QJsonObject topic(qint64 id, qint64 sectionId, qint64 userId, const QString &title);
    QJsonObject message(qint64 id, qint64 topicId, qint64 userId, const QString &content, qint64 parentId = 0);
    // A small consistent forum: users 1..u (user<i>@example.org), sections 1..s, topics 1..t spread
    // over both, messages 1..m spread over the topics; every record stamped one step apart.
    void seedForum(int users, int sections, int topics, int messages);

    // Stores a record exactly as given (no stamping): for records no real forum would serve.
    void put(const QString &entity, const QJsonObject &record);
    // Changes fields of a stored record and stamps updated_at with the clock, as the forum's PATCH
    // does. `fields` may hold null values.
    QJsonObject edit(const QString &entity, qint64 id, const QJsonObject &fields);
    // Edits every record of the entity (or those listed) with one shared updated_at, as a bulk
    // edit at the source does: the case of more records per timestamp than a page holds.
    void bulkEdit(const QString &entity, const QJsonObject &fields, const QList<qint64> &ids = {});
    // Deletes the record at the source: gone from listings, 404 by id.
    void remove(const QString &entity, qint64 id);

    bool contains(const QString &entity, qint64 id) const;
    QJsonObject record(const QString &entity, qint64 id) const;
    // Every record of the entity, sorted by id.
    QList<QJsonObject> records(const QString &entity) const;
    QStringList entities() const { return m_records.keys(); }

    // --- Scripted faults, each counted from the moment it is scripted ---
    // The nth page request of the entity from now on fails with `code` (Network, Http, Auth, Parse).
    void failPage(const QString &entity, int nth, Error::Code code = Error::Code::Network);
    // The nth page request of the entity from now on never answers (until aborted).
    void hangPage(const QString &entity, int nth);
    // The nth page request of the entity from now on answers its records but no continuation:
    // the source says the walk is over after it.
    void endWalkAfter(const QString &entity, int nth);
    // Runs `action` when the nth page request of the entity from now on is answered, just before
    // the answer is computed: for changes at the source during a walk.
    void beforePage(const QString &entity, int nth, std::function<void()> action);
    // The first page of every walk of `entity` (listings, not id scans) also carries `value`, an
    // element that is not a record object (a broken API's "null" or number in its list).
    void addJunk(const QString &entity, const QJsonValue &value);
    // Every fetch of this record fails with `code` until clearFaults().
    void failRecord(const QString &entity, qint64 id, Error::Code code = Error::Code::Network);
    // Every fetch of this record by id answers 404 (even while listings still show it).
    void answerNotFound(const QString &entity, qint64 id);
    // Every fetch of this record by id never answers (until aborted).
    void hangRecord(const QString &entity, qint64 id);
    // Every answer comes this much later (0: at the next turn of the event loop).
    void setDelay(int ms) { m_delayMs = ms; }
    void clearFaults();

    // --- Counters, since the last resetCounters() ---
    int pageRequests(const QString &entity) const { return m_pageRequests.value(entity); }
    int recordFetches(const QString &entity = {}) const;
    // The `since` of every incremental page request of the entity, in order.
    QStringList sinceAsked(const QString &entity) const { return m_since.value(entity); }
    QList<PageRequest> requests(const QString &entity) const { return m_requests.value(entity); }
    void resetCounters();

private:
    friend class FakePageJob;
    friend class FakeRecordJob;
    friend class FakeWriteJob;
    // Applies a write as the server would; fills the job's outcome. Error: a scripted failure.
    Error answerWrite(const WriteRequest &request, WriteJob::Outcome *outcome, QJsonObject *record, QString *refusal, bool *replayed);
    struct PageFault
    {
        enum class Kind { Fail, Hang, End, Action };
        QString entity;
        int remaining = 0;
        Kind kind = Kind::Fail;
        Error::Code code = Error::Code::Network;
        std::function<void()> action;
    };

    QJsonObject stamped(const QString &entity, QJsonObject record);
    QString tick();
    // Called by the jobs when they answer (the time the request "reaches" the server).
    void answerPage(const PageRequest &request, Page *page) const;
    Error answerRecord(const QString &entity, const QString &id, QJsonObject *record, bool *notFound) const;
    QList<QJsonObject> listing(const PageRequest &request) const;
    QString urlFor(const PageRequest &request) const;
    int delayMs() const { return m_delayMs; }

    QString m_name;
    QHash<QString, QMap<QString, QJsonObject>> m_records; // entity -> id -> record
    QHash<QString, EntitySettings> m_settings;
    QHash<QString, QJsonArray> m_junk;
    EntitySettings m_defaults;
    QDateTime m_now;
    qint64 m_stepMs = 1000;
    int m_delayMs = 0;

    QList<PageFault> m_pageFaults;
    QHash<QString, Error::Code> m_recordFailures; // "entity/id"
    QSet<QString> m_notFound;
    QSet<QString> m_hangingRecords;

    QHash<QString, int> m_pageRequests;
    QHash<QString, int> m_recordFetches;
    QHash<QString, QStringList> m_since;
    QHash<QString, QList<PageRequest>> m_requests;

    bool m_writable = false;
    struct WriteFault
    {
        int remaining = 0;
        Error::Code code = Error::Code::Network;
        bool beforeApplying = false;
        std::function<void()> action;
    };
    QList<WriteFault> m_writeFaults;
    struct Refusal
    {
        QString entity, field, message;
        QJsonValue value;
    };
    QList<Refusal> m_refusals;
    QHash<QString, QJsonObject> m_idempotent; // key -> the record the first create answered
    QList<WriteRequest> m_writes;
    int m_writesInFlight = 0;
    int m_maxWritesInFlight = 0;
};

} // namespace Tributary::Test
