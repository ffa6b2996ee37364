#pragma once

#include "net/RetryNotice.h"
#include "util/Error.h"
#include "util/Redaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace Tributary {

struct SourceConfig;

// What a source can do for one entity; the engine plans its walks from this.
struct EntityCapabilities
{
    bool incremental = false;   // can filter by "changed since" (the cursor field)
    QString cursorField;        // record field holding the value the filter compares (e.g. updated_at)
    bool tieBreakById = false;  // results sorted by (cursorField, external id): boundary skip is safe
    bool idScan = false;        // can list ids (and cursor values) cheaply for reconciliation
    bool reportsTotal = false;  // pages carry a total count
    // The continuation is a keyset position (an opaque cursor over (cursor field, id)), stable
    // while records change. When false (page numbers, offsets, unknown next URLs), incremental
    // walks do not follow continuations across the result set: they ask again from the last
    // applied value, so records moving under the walk cannot be skipped.
    bool stablePagination = false;
    // How the source pages through the entity, for people ("cursor", "page", "link_header", ...);
    // empty when the source does not say. Informational only: the engine never plans from it.
    QString pagination;
    // The configuration keys a person checks when a walk of this entity breaks one of the walk's
    // invariants (WalkGuard names them in its failures), as the source's configuration spells
    // them; empty when the source has no such key.
    struct Keys
    {
        QString continuation; // how the next page is asked for ("rest.pagination.page_param")
        QString filter;       // the change filter ("rest.incremental.param")
        QString total;        // where the total comes from ("rest.pagination.total_path")
        // Where a person would configure what the source does not have yet, for the checks
        // verify could not run: a total ("rest.pagination.total_path, total_header or
        // total_request") and a cheap id listing ("rest.id_scan_params").
        QString totalChoices;
        QString idScan;
    };
    Keys keys;
};

// One request for a page of an entity.
struct PageRequest
{
    enum class Mode {
        Incremental, // changed since `since` (inclusive), sorted by cursor field then id
        Full,        // everything, in the source's stable order (usually by id)
        Ids,         // everything, only ids and cursor values (reconciliation, verify)
    };
    QString entity;
    Mode mode = Mode::Incremental;
    QString since; // Incremental only; empty = from the beginning of history
    QString token; // continuation from the previous Page::nextToken; empty = first page
    // Only Page::total is wanted: a source that can count cheaply (a count request) answers with
    // the total and no records; otherwise it answers the first page as usual.
    bool countOnly = false;
};

struct Page
{
    QJsonArray records;       // raw records as the source sent them (JSON objects)
    QString nextToken;        // empty: that was the last page of the walk
    qint64 total = -1;        // total records of the walk when the source says, else -1
    QString url;              // the URL that produced the page, for messages
    QDateTime serverTime;     // the source's clock (HTTP Date), invalid when unknown
    int retries = 0;          // transient failures retried to get this page
    // Whether nextToken is a guess. False when the answer itself says that more follows (a next
    // cursor, URL or Link, a last page number or a total not reached yet) and on the last page;
    // true when nothing in the answer says either way and the source asks for the next page
    // anyway (page numbers or offsets after a page shorter than asked: an API that caps its page
    // size sends those long before its end). A guessed page normally comes back empty, which
    // ends the walk; one that repeats the page before it means the continuation is not
    // understood (WalkGuard).
    bool guessed = false;
    // The lower bound the change filter actually sent, as a time: the request's `since` after
    // the source rounded it down to its filter's format ("2026-11-21" for a date filter is
    // 2026-11-21T00:00:00Z). Empty: WalkGuard compares records with `since` itself.
    QString filterFrom;
};

// A single asynchronous operation against a source. Emits finished() exactly once, then deletes
// itself later: do not keep the pointer past the slot connected to finished().
class SourceJob : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~SourceJob() override = default;

    virtual void start() = 0;
    // Stops the job; finished() is still emitted once, with an Aborted error.
    virtual void abort() = 0;

    const Error &error() const { return m_error; }
    bool hasError() const { return m_error.isError(); }

    // What the job is waiting for, for a person watching it (the probe, the console's Test
    // connection): the request in flight, with secrets removed, and the retries so far. A job
    // whose source cannot say answers an empty url.
    struct Activity
    {
        QString url;
        int retries = 0;
    };
    virtual Activity activity() const { return {}; }

Q_SIGNALS:
    void finished(Tributary::SourceJob *job);

protected:
    void finish(Error error = {})
    {
        if (m_finished)
            return;
        m_finished = true;
        // Whatever a source makes of an answer (a status, a body, a value it could not read) may
        // hold credentials the server echoed: masked once here, for every kind of source, before
        // a run stores, logs or shows it.
        m_error = error ? Redaction::redact(std::move(error)) : std::move(error);
        Q_EMIT finished(this);
        deleteLater();
    }
    bool isFinished() const { return m_finished; }

private:
    Error m_error;
    bool m_finished = false;
};

class PageJob : public SourceJob
{
    Q_OBJECT
public:
    using SourceJob::SourceJob;
    const Page &page() const { return m_page; }

protected:
    Page m_page;
};

class RecordJob : public SourceJob
{
    Q_OBJECT
public:
    using SourceJob::SourceJob;
    // The record, or an empty object with isNotFound() when the source says it does not exist.
    const QJsonObject &record() const { return m_record; }
    bool isNotFound() const { return m_notFound; }
    QDateTime serverTime() const { return m_serverTime; }

protected:
    QJsonObject m_record;
    bool m_notFound = false;
    QDateTime m_serverTime;
};

// One change pushed to a source (write-back, docs/write-back.md). The core builds `record` from
// the row through the entity's mapping read backwards (column -> field path, references as the
// referenced records' external ids); the source only sends it.
struct WriteRequest
{
    enum class Op { Create, Update, Delete };
    Op op = Op::Update;
    QString entity;
    QString externalId;      // Update, Delete
    // Create: every written field; Update: the fields that changed. Shaped like the source's
    // records (a field "author.email" is {"author": {"email": ...}}).
    QJsonObject record;
    // Update, Delete: the record's change field exactly as the source last sent it. A source that
    // can write conditionally sends it (If-Unmodified-Since) and answers Changed when the record
    // moved on since. Empty: unconditional.
    QString unmodifiedSince;
    // Create: the same key for every attempt of one operation, so that a retry after a crash or a
    // lost answer creates nothing twice. Empty: none.
    QString idempotencyKey;
};

// A write. Answers that say something about the record are outcomes; failures (network after
// the retries, 401, 5xx, an answer that cannot be read) are the job's error.
class WriteJob : public SourceJob
{
    Q_OBJECT
public:
    using SourceJob::SourceJob;
    enum class Outcome {
        Done,     // written; record() is the record as the source answered (may be empty)
        NotFound, // the record does not exist (any more)
        Changed,  // the condition failed: record() is the current record (empty when not sent)
        Refused,  // the source will not take it as it is (validation, forbidden): refusal() says why
    };
    Outcome outcome() const { return m_outcome; }
    const QJsonObject &record() const { return m_record; }
    // The source's reason, with its per-field messages ("email: The email has already been taken.").
    const QString &refusal() const { return m_refusal; }
    int status() const { return m_status; }
    // The source answered a create it had already done (an idempotent replay).
    bool replayed() const { return m_replayed; }

protected:
    Outcome m_outcome = Outcome::Done;
    QJsonObject m_record;
    QString m_refusal;
    int m_status = 0;
    bool m_replayed = false;
};

// An external system that offers entities page by page. Implementations live in sources/ and are
// created through SourceRegistry from a SourceConfig; the core knows no concrete source.
class Source : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~Source() override = default;

    virtual QString name() const = 0;
    virtual EntityCapabilities capabilities(const QString &entity) const = 0;
    // The caller starts the returned job (parented to the source) and connects finished() first.
    virtual PageJob *fetchPage(const PageRequest &request) = 0;
    virtual RecordJob *fetchRecord(const QString &entity, const QString &externalId) = 0;
    // Formats the source's clock (an HTTP Date) as a cursor value this source's filter accepts.
    virtual QString cursorValueFor(const QString &entity, const QDateTime &sourceTime) const = 0;

    // Write-back. Whether the source can push `op` for `entity`; *why says what is missing when
    // not (the configuration key to set).
    virtual bool canWrite(const QString &entity, WriteRequest::Op op, QString *why = nullptr) const
    {
        Q_UNUSED(entity);
        Q_UNUSED(op);
        if (why)
            *why = QStringLiteral("this kind of source cannot write");
        return false;
    }
    // The caller starts the returned job (parented to the source) and connects finished() first.
    // Null when canWrite() is false.
    virtual WriteJob *write(const WriteRequest &request)
    {
        Q_UNUSED(request);
        return nullptr;
    }

    // The continuation that follows `token` when the source can tell without the answer (page
    // numbers, offsets), so that several pages of a walk can be in flight; empty when it cannot
    // (cursors, next URLs). A wrong guess only costs a request: pages are used in order and the
    // walk follows the continuation each answer actually gives.
    virtual QString predictToken(const PageRequest &request, const QString &token) const
    {
        Q_UNUSED(request);
        Q_UNUSED(token);
        return {};
    }
    // How many requests of one walk may be in flight at once.
    virtual int pageConcurrency(const QString &entity) const
    {
        Q_UNUSED(entity);
        return 1;
    }

Q_SIGNALS:
    // A request of this source failed for a passing reason and will be sent again after a wait:
    // for the people watching a run (the console's dashboard), who would otherwise see nothing
    // happen until the retries are spent.
    void retrying(const Tributary::RetryNotice &notice);
};

} // namespace Tributary
