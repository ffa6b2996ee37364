#include "FakeSource.h"

#include "engine/apply/RecordMapper.h"

#include <QJsonArray>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>
#include <algorithm>

namespace Tributary::Test {

namespace {

const QString kUpdatedAt = QStringLiteral("updated_at");
const QString kCreatedAt = QStringLiteral("created_at");
const QString kId = QStringLiteral("id");

QString idOf(const QJsonObject &record) { return idString(record.value(kId)); }

// A value of the cursor field as text that sorts as time does (UTC, microseconds), so that a
// `since` written with another offset or precision still compares right.
QString timeKey(const QJsonValue &v)
{
    const QString key = normalizeTimestamp(v, QStringLiteral("yyyy-MM-ddTHH:mm:ss.ffffff"));
    return key.isNull() ? v.toString() : key;
}

// Keyset positions inside the opaque continuation of a stable walk.
QString afterToken(const QString &key, const QString &id) { return QStringLiteral("after:%1|%2").arg(key, id); }

Error faultError(Error::Code code, const QString &url)
{
    switch (code) {
    case Error::Code::Auth:
        return Error(code, QStringLiteral("%1: the source refused the credentials (401)").arg(url), QStringLiteral("Unauthenticated."));
    case Error::Code::Http:
        return Error(code, QStringLiteral("%1: HTTP 500 Internal Server Error").arg(url));
    case Error::Code::Parse:
        return Error(code, QStringLiteral("%1: the body is not valid JSON (unterminated object at offset 17)").arg(url));
    case Error::Code::Network:
    default:
        return Error(code, QStringLiteral("%1: connection refused").arg(url));
    }
}

} // namespace

// One page request. It answers from the event loop (after the source's delay), never inside
// start(), and abort() ends it at once with Aborted; finished() is emitted exactly once.
class FakePageJob : public PageJob
{
    Q_OBJECT
public:
    FakePageJob(FakeSource *source, const PageRequest &request, bool hang, bool end, Error::Code fail,
                std::function<void()> action)
        : PageJob(source), m_source(source), m_request(request), m_hang(hang), m_end(end), m_fail(fail),
          m_action(std::move(action))
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &FakePageJob::answer);
    }

    void start() override
    {
        if (!m_hang)
            m_timer.start(m_source ? m_source->delayMs() : 0);
    }
    void abort() override
    {
        m_timer.stop();
        finish(Error(Error::Code::Aborted, QStringLiteral("aborted")));
    }

private:
    void answer()
    {
        if (!m_source) {
            finish(Error(Error::Code::Network, QStringLiteral("the source is gone")));
            return;
        }
        if (m_action)
            m_action();
        const QString url = m_source->urlFor(m_request);
        if (m_fail != Error::Code::None) {
            finish(faultError(m_fail, url));
            return;
        }
        m_source->answerPage(m_request, &m_page);
        if (m_end)
            m_page.nextToken.clear();
        finish();
    }

    QPointer<FakeSource> m_source;
    PageRequest m_request;
    bool m_hang;
    bool m_end;
    Error::Code m_fail;
    std::function<void()> m_action;
    QTimer m_timer;
};

class FakeRecordJob : public RecordJob
{
    Q_OBJECT
public:
    FakeRecordJob(FakeSource *source, const QString &entity, const QString &id, bool hang)
        : RecordJob(source), m_source(source), m_entity(entity), m_id(id), m_hang(hang)
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &FakeRecordJob::answer);
    }

    void start() override
    {
        if (!m_hang)
            m_timer.start(m_source ? m_source->delayMs() : 0);
    }
    void abort() override
    {
        m_timer.stop();
        finish(Error(Error::Code::Aborted, QStringLiteral("aborted")));
    }

private:
    void answer()
    {
        if (!m_source) {
            finish(Error(Error::Code::Network, QStringLiteral("the source is gone")));
            return;
        }
        const Error error = m_source->answerRecord(m_entity, m_id, &m_record, &m_notFound);
        m_serverTime = m_source->now();
        finish(error);
    }

    QPointer<FakeSource> m_source;
    QString m_entity;
    QString m_id;
    bool m_hang;
    QTimer m_timer;
};

class FakeWriteJob : public WriteJob
{
    Q_OBJECT
public:
    FakeWriteJob(FakeSource *source, const WriteRequest &request) : WriteJob(source), m_source(source), m_request(request)
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &FakeWriteJob::answer);
    }

    void start() override
    {
        if (m_source) {
            ++m_source->m_writesInFlight;
            m_source->m_maxWritesInFlight = qMax(m_source->m_maxWritesInFlight, m_source->m_writesInFlight);
        }
        m_timer.start(m_source ? m_source->delayMs() : 0);
    }
    void abort() override
    {
        m_timer.stop();
        if (m_source)
            --m_source->m_writesInFlight;
        finish(Error(Error::Code::Aborted, QStringLiteral("aborted")));
    }

private:
    void answer()
    {
        if (!m_source) {
            finish(Error(Error::Code::Network, QStringLiteral("the source is gone")));
            return;
        }
        --m_source->m_writesInFlight;
        finish(m_source->answerWrite(m_request, &m_outcome, &m_record, &m_refusal, &m_replayed));
    }

    QPointer<FakeSource> m_source;
    WriteRequest m_request;
    QTimer m_timer;
};

FakeSource::FakeSource(const QString &name, QObject *parent)
    : Source(parent), m_name(name), m_now(QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC))
{
    m_defaults.caps.incremental = true;
    m_defaults.caps.cursorField = kUpdatedAt;
    m_defaults.caps.tieBreakById = true;
    m_defaults.caps.idScan = true;
    m_defaults.caps.reportsTotal = true;
    m_defaults.caps.stablePagination = true;
    m_defaults.caps.pagination = QStringLiteral("cursor");
}

FakeSource::~FakeSource() = default;

// --- Settings ---

FakeSource::EntitySettings &FakeSource::settings(const QString &entity)
{
    auto it = m_settings.find(entity);
    if (it == m_settings.end())
        it = m_settings.insert(entity, m_defaults);
    return *it;
}

namespace {
template<typename F>
void forEntities(FakeSource::EntitySettings &defaults, QHash<QString, FakeSource::EntitySettings> &all, FakeSource &source,
                 const QString &entity, F change)
{
    if (!entity.isEmpty()) {
        change(source.settings(entity));
        return;
    }
    change(defaults);
    for (auto &s : all)
        change(s);
}
} // namespace

void FakeSource::setPageSize(int size, const QString &entity)
{
    forEntities(m_defaults, m_settings, *this, entity, [size](EntitySettings &s) { s.pageSize = qMax(1, size); });
}

void FakeSource::setPageNumbers(int inFlight, const QString &entity)
{
    forEntities(m_defaults, m_settings, *this, entity, [inFlight](EntitySettings &s) {
        s.caps.stablePagination = false;
        s.caps.pagination = QStringLiteral("page");
        s.concurrency = qMax(1, inFlight);
    });
}

void FakeSource::setTieBreakById(bool on, const QString &entity)
{
    forEntities(m_defaults, m_settings, *this, entity, [on](EntitySettings &s) { s.caps.tieBreakById = on; });
}

void FakeSource::setIncremental(bool on, const QString &entity)
{
    forEntities(m_defaults, m_settings, *this, entity, [on](EntitySettings &s) {
        s.caps.incremental = on;
        if (!on)
            s.caps.tieBreakById = false;
    });
}

EntityCapabilities FakeSource::capabilities(const QString &entity) const
{
    return m_settings.value(entity, m_defaults).caps;
}

int FakeSource::pageConcurrency(const QString &entity) const
{
    return m_settings.value(entity, m_defaults).concurrency;
}

QString FakeSource::predictToken(const PageRequest &request, const QString &token) const
{
    if (capabilities(request.entity).stablePagination)
        return {}; // keyset cursors cannot be guessed
    return QString::number((token.isEmpty() ? 1 : token.toInt()) + 1);
}

QString FakeSource::cursorValueFor(const QString &entity, const QDateTime &sourceTime) const
{
    Q_UNUSED(entity);
    return sourceTime.isValid() ? format(sourceTime) : QString();
}

void FakeSource::setClockStep(qint64 ms)
{
    if (m_stepMs == 0 && ms > 0)
        m_now = m_now.addMSecs(ms);
    m_stepMs = ms;
}

QString FakeSource::format(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("000Z");
}

// --- Records ---

QString FakeSource::tick()
{
    // The write happens now; the server's clock has moved on by the time anyone asks, so a
    // "since now" filter never returns the write that came before it.
    const QString t = format(m_now);
    m_now = m_now.addMSecs(m_stepMs);
    return t;
}

QJsonObject FakeSource::stamped(const QString &entity, QJsonObject record)
{
    const QString t = tick();
    record.insert(kCreatedAt, t);
    record.insert(kUpdatedAt, t);
    put(entity, record);
    return record;
}

QJsonObject FakeSource::user(qint64 id, const QString &name, const QString &email)
{
    return stamped(QStringLiteral("users"), {{kId, id}, {QStringLiteral("name"), name}, {QStringLiteral("email"), email},
                                             {QStringLiteral("email_verified_at"), QJsonValue::Null}});
}

QJsonObject FakeSource::section(qint64 id, const QString &title)
{
    return stamped(QStringLiteral("sections"), {{kId, id}, {QStringLiteral("title"), title}});
}

QJsonObject FakeSource::topic(qint64 id, qint64 sectionId, qint64 userId, const QString &title)
{
    return stamped(QStringLiteral("topics"), {{kId, id}, {QStringLiteral("section_id"), sectionId},
                                              {QStringLiteral("user_id"), userId}, {QStringLiteral("title"), title}});
}

QJsonObject FakeSource::message(qint64 id, qint64 topicId, qint64 userId, const QString &content, qint64 parentId)
{
    return stamped(QStringLiteral("messages"),
                   {{kId, id}, {QStringLiteral("topic_id"), topicId}, {QStringLiteral("user_id"), userId},
                    {QStringLiteral("parent_id"), parentId > 0 ? QJsonValue(parentId) : QJsonValue(QJsonValue::Null)},
                    {QStringLiteral("content"), content}});
}

void FakeSource::seedForum(int users, int sections, int topics, int messages)
{
    for (int i = 1; i <= users; ++i)
        user(i, QStringLiteral("User %1").arg(i), QStringLiteral("user%1@example.org").arg(i));
    for (int i = 1; i <= sections; ++i)
        section(i, QStringLiteral("Section %1").arg(i));
    for (int i = 1; i <= topics; ++i)
        topic(i, (i - 1) % qMax(1, sections) + 1, (i - 1) % qMax(1, users) + 1, QStringLiteral("Topic %1").arg(i));
    // Message i is in topic (i-1) % topics + 1; from the second round on it replies to the message
    // one round earlier, which is in the same topic and older.
    for (int i = 1; i <= messages; ++i)
        message(i, (i - 1) % qMax(1, topics) + 1, (i - 1) % qMax(1, users) + 1, QStringLiteral("Message %1").arg(i),
                i > topics ? i - topics : 0);
}

void FakeSource::put(const QString &entity, const QJsonObject &record)
{
    m_records[entity].insert(idOf(record), record);
}

QJsonObject FakeSource::edit(const QString &entity, qint64 id, const QJsonObject &fields)
{
    auto it = m_records[entity].find(QString::number(id));
    if (it == m_records[entity].end()) {
        qWarning("FakeSource::edit: no %s %lld", qPrintable(entity), id);
        return {};
    }
    for (auto f = fields.constBegin(); f != fields.constEnd(); ++f)
        it->insert(f.key(), f.value());
    it->insert(kUpdatedAt, tick());
    return *it;
}

void FakeSource::bulkEdit(const QString &entity, const QJsonObject &fields, const QList<qint64> &ids)
{
    const QString t = tick();
    for (auto it = m_records[entity].begin(); it != m_records[entity].end(); ++it) {
        if (!ids.isEmpty() && !ids.contains(it.key().toLongLong()))
            continue;
        for (auto f = fields.constBegin(); f != fields.constEnd(); ++f)
            it->insert(f.key(), f.value());
        it->insert(kUpdatedAt, t);
    }
}

void FakeSource::remove(const QString &entity, qint64 id)
{
    tick();
    m_records[entity].remove(QString::number(id));
}

bool FakeSource::contains(const QString &entity, qint64 id) const
{
    return m_records.value(entity).contains(QString::number(id));
}

QJsonObject FakeSource::record(const QString &entity, qint64 id) const
{
    return m_records.value(entity).value(QString::number(id));
}

QList<QJsonObject> FakeSource::records(const QString &entity) const
{
    QList<QJsonObject> out = m_records.value(entity).values();
    std::sort(out.begin(), out.end(), [](const QJsonObject &a, const QJsonObject &b) { return compareIds(idOf(a), idOf(b)) < 0; });
    return out;
}

// --- Answers ---

QList<QJsonObject> FakeSource::listing(const PageRequest &request) const
{
    const EntityCapabilities caps = capabilities(request.entity);
    const QString sinceKey = request.since.isEmpty() ? QString() : timeKey(QJsonValue(request.since));
    struct Row
    {
        QString key;
        QString id;
        QJsonObject record;
    };
    QList<Row> rows;
    for (const QJsonObject &r : m_records.value(request.entity)) {
        const QJsonValue cursor = valueAt(r, caps.cursorField);
        const QString key = cursor.isUndefined() || cursor.isNull() ? QString() : timeKey(cursor);
        if (request.mode == PageRequest::Mode::Incremental) {
            // updated_since is inclusive, as the forum's is.
            if (key.isEmpty() || (!sinceKey.isEmpty() && key < sinceKey))
                continue;
        }
        rows.append({key, idOf(r), r});
    }
    const bool byCursor = request.mode == PageRequest::Mode::Incremental;
    std::sort(rows.begin(), rows.end(), [byCursor](const Row &a, const Row &b) {
        if (byCursor && a.key != b.key)
            return a.key < b.key;
        return compareIds(a.id, b.id) < 0;
    });
    QList<QJsonObject> out;
    out.reserve(rows.size());
    for (const Row &row : std::as_const(rows)) {
        if (request.mode == PageRequest::Mode::Ids) {
            QJsonObject slim{{kId, row.record.value(kId)}};
            if (row.record.contains(caps.cursorField))
                slim.insert(caps.cursorField, row.record.value(caps.cursorField));
            out.append(slim);
        } else {
            out.append(row.record);
        }
    }
    return out;
}

QString FakeSource::urlFor(const PageRequest &request) const
{
    QUrlQuery query;
    if (request.mode == PageRequest::Mode::Incremental && !request.since.isEmpty())
        query.addQueryItem(QStringLiteral("updated_since"), request.since);
    query.addQueryItem(QStringLiteral("sort"), request.mode == PageRequest::Mode::Incremental ? kUpdatedAt : kId);
    if (request.mode == PageRequest::Mode::Ids)
        query.addQueryItem(QStringLiteral("fields"), QStringLiteral("id,updated_at"));
    if (!request.token.isEmpty())
        query.addQueryItem(capabilities(request.entity).stablePagination ? QStringLiteral("cursor") : QStringLiteral("page"), request.token);
    return QStringLiteral("fake://%1/%2?%3").arg(m_name, request.entity, query.toString());
}

void FakeSource::answerPage(const PageRequest &request, Page *page) const
{
    const EntitySettings s = m_settings.value(request.entity, m_defaults);
    const QList<QJsonObject> all = listing(request);
    page->url = urlFor(request);
    page->serverTime = m_now;
    page->total = s.caps.reportsTotal ? all.size() : -1;
    if (request.countOnly && s.caps.reportsTotal)
        return;

    qsizetype start = 0;
    if (s.caps.stablePagination) {
        // A keyset position: what follows the last record of the previous page, however records
        // moved since. Incremental walks are positioned on (cursor, id), the others on id.
        if (request.token.startsWith(QLatin1String("after:"))) {
            const QString position = request.token.mid(6);
            const QString key = position.section(QLatin1Char('|'), 0, -2);
            const QString id = position.section(QLatin1Char('|'), -1);
            const bool byCursor = request.mode == PageRequest::Mode::Incremental;
            const QString field = s.caps.cursorField;
            while (start < all.size()) {
                const QJsonObject &r = all.at(start);
                const QString rKey = byCursor ? timeKey(valueAt(r, field)) : QString();
                if (rKey > key || (rKey == key && compareIds(idOf(r), id) > 0))
                    break;
                ++start;
            }
        }
    } else {
        // Page numbers: an offset into the result set as it is now; records that moved shift the rest.
        const int number = request.token.isEmpty() ? 1 : request.token.toInt();
        start = qsizetype(qMax(0, number - 1)) * s.pageSize;
    }
    const qsizetype end = qMin(all.size(), start + s.pageSize);
    if (request.token.isEmpty() && request.mode != PageRequest::Mode::Ids) {
        for (const QJsonValue &junk : m_junk.value(request.entity))
            page->records.append(junk);
    }
    for (qsizetype i = start; i < end; ++i)
        page->records.append(all.at(i));
    if (end < all.size() && end > start) {
        if (s.caps.stablePagination) {
            const QJsonObject &last = all.at(end - 1);
            const bool byCursor = request.mode == PageRequest::Mode::Incremental;
            page->nextToken = afterToken(byCursor ? timeKey(valueAt(last, s.caps.cursorField)) : QString(), idOf(last));
        } else {
            page->nextToken = QString::number((request.token.isEmpty() ? 1 : request.token.toInt()) + 1);
        }
    }
}

void FakeSource::addJunk(const QString &entity, const QJsonValue &value)
{
    m_junk[entity].append(value);
}

Error FakeSource::answerRecord(const QString &entity, const QString &id, QJsonObject *record, bool *notFound) const
{
    const QString key = entity + QLatin1Char('/') + id;
    const QString url = QStringLiteral("fake://%1/%2/%3").arg(m_name, entity, id);
    if (m_recordFailures.contains(key))
        return faultError(m_recordFailures.value(key), url);
    const auto &records = m_records.value(entity);
    auto it = records.constFind(id);
    if (m_notFound.contains(key) || it == records.constEnd()) {
        *notFound = true;
        return {};
    }
    *record = *it;
    return {};
}

PageJob *FakeSource::fetchPage(const PageRequest &request)
{
    bool hang = false, end = false;
    Error::Code fail = Error::Code::None;
    std::function<void()> action;
    if (request.countOnly) {
        // Not a page of the walk: faults and counters are about pages.
        return new FakePageJob(this, request, false, false, fail, nullptr);
    }
    ++m_pageRequests[request.entity];
    m_requests[request.entity].append(request);
    if (request.mode == PageRequest::Mode::Incremental)
        m_since[request.entity].append(request.since);
    for (auto it = m_pageFaults.begin(); it != m_pageFaults.end();) {
        if (it->entity != request.entity || --it->remaining > 0) {
            ++it;
            continue;
        }
        switch (it->kind) {
        case PageFault::Kind::Fail: fail = it->code; break;
        case PageFault::Kind::Hang: hang = true; break;
        case PageFault::Kind::End: end = true; break;
        case PageFault::Kind::Action: action = it->action; break;
        }
        it = m_pageFaults.erase(it);
    }
    return new FakePageJob(this, request, hang, end, fail, std::move(action));
}

RecordJob *FakeSource::fetchRecord(const QString &entity, const QString &externalId)
{
    ++m_recordFetches[entity];
    return new FakeRecordJob(this, entity, externalId, m_hangingRecords.contains(entity + QLatin1Char('/') + externalId));
}

// --- Writes ---

bool FakeSource::canWrite(const QString &, WriteRequest::Op, QString *why) const
{
    if (!m_writable && why)
        *why = QStringLiteral("the fake source is read-only (setWritable)");
    return m_writable;
}

WriteJob *FakeSource::write(const WriteRequest &request)
{
    return m_writable ? new FakeWriteJob(this, request) : nullptr;
}

void FakeSource::refuseWrites(const QString &entity, const QString &field, const QJsonValue &value, const QString &message)
{
    m_refusals.append({entity, field, message, value});
}

void FakeSource::failWrite(int nth, Error::Code code, bool beforeApplying)
{
    WriteFault f;
    f.remaining = nth;
    f.code = code;
    f.beforeApplying = beforeApplying;
    m_writeFaults.append(f);
}

void FakeSource::beforeWrite(int nth, std::function<void()> action)
{
    WriteFault f;
    f.remaining = nth;
    f.action = std::move(action);
    m_writeFaults.append(f);
}

Error FakeSource::answerWrite(const WriteRequest &request, WriteJob::Outcome *outcome, QJsonObject *record, QString *refusal, bool *replayed)
{
    m_writes.append(request);
    Error fault;
    bool faultFirst = false;
    for (auto it = m_writeFaults.begin(); it != m_writeFaults.end();) {
        if (--it->remaining > 0) {
            ++it;
            continue;
        }
        if (it->action)
            it->action();
        else {
            fault = Error(it->code, QStringLiteral("scripted failure of a write"));
            faultFirst = it->beforeApplying;
        }
        it = m_writeFaults.erase(it);
    }
    if (fault && faultFirst)
        return fault;
    auto &records = m_records[request.entity];
    for (const Refusal &r : std::as_const(m_refusals)) {
        const QJsonObject current = records.value(request.externalId);
        const QJsonValue v = request.record.contains(r.field) ? request.record.value(r.field) : current.value(r.field);
        if (r.entity == request.entity && v == r.value) {
            *outcome = WriteJob::Outcome::Refused;
            *refusal = r.message;
            return fault;
        }
    }
    if (request.op == WriteRequest::Op::Create) {
        if (!request.idempotencyKey.isEmpty() && m_idempotent.contains(request.idempotencyKey)) {
            *record = m_idempotent.value(request.idempotencyKey);
            *replayed = true;
            *outcome = WriteJob::Outcome::Done;
            return fault;
        }
        qint64 next = 1;
        for (auto it = records.constBegin(); it != records.constEnd(); ++it)
            next = qMax(next, it.key().toLongLong() + 1);
        QJsonObject created = request.record;
        created.insert(kId, next);
        *record = stamped(request.entity, created);
        if (!request.idempotencyKey.isEmpty())
            m_idempotent.insert(request.idempotencyKey, *record);
        *outcome = WriteJob::Outcome::Done;
        return fault;
    }
    auto it = records.find(request.externalId);
    if (it == records.end()) {
        *outcome = WriteJob::Outcome::NotFound;
        return fault;
    }
    if (!request.unmodifiedSince.isEmpty() && it->value(kUpdatedAt).toString() != request.unmodifiedSince) {
        *outcome = WriteJob::Outcome::Changed;
        *record = *it;
        return fault;
    }
    if (request.op == WriteRequest::Op::Delete) {
        tick();
        records.erase(it);
        *outcome = WriteJob::Outcome::Done;
        return fault;
    }
    for (auto f = request.record.constBegin(); f != request.record.constEnd(); ++f)
        it->insert(f.key(), f.value());
    it->insert(kUpdatedAt, tick());
    *record = *it;
    *outcome = WriteJob::Outcome::Done;
    return fault;
}

// --- Faults and counters ---

void FakeSource::failPage(const QString &entity, int nth, Error::Code code)
{
    PageFault f;
    f.entity = entity;
    f.remaining = nth;
    f.kind = PageFault::Kind::Fail;
    f.code = code;
    m_pageFaults.append(f);
}

void FakeSource::hangPage(const QString &entity, int nth)
{
    PageFault f;
    f.entity = entity;
    f.remaining = nth;
    f.kind = PageFault::Kind::Hang;
    m_pageFaults.append(f);
}

void FakeSource::endWalkAfter(const QString &entity, int nth)
{
    PageFault f;
    f.entity = entity;
    f.remaining = nth;
    f.kind = PageFault::Kind::End;
    m_pageFaults.append(f);
}

void FakeSource::beforePage(const QString &entity, int nth, std::function<void()> action)
{
    PageFault f;
    f.entity = entity;
    f.remaining = nth;
    f.kind = PageFault::Kind::Action;
    f.action = std::move(action);
    m_pageFaults.append(f);
}

void FakeSource::failRecord(const QString &entity, qint64 id, Error::Code code)
{
    m_recordFailures.insert(entity + QLatin1Char('/') + QString::number(id), code);
}

void FakeSource::answerNotFound(const QString &entity, qint64 id)
{
    m_notFound.insert(entity + QLatin1Char('/') + QString::number(id));
}

void FakeSource::hangRecord(const QString &entity, qint64 id)
{
    m_hangingRecords.insert(entity + QLatin1Char('/') + QString::number(id));
}

void FakeSource::clearFaults()
{
    m_pageFaults.clear();
    m_recordFailures.clear();
    m_notFound.clear();
    m_hangingRecords.clear();
    m_writeFaults.clear();
    m_refusals.clear();
    m_delayMs = 0;
}

int FakeSource::recordFetches(const QString &entity) const
{
    if (!entity.isEmpty())
        return m_recordFetches.value(entity);
    int n = 0;
    for (int c : m_recordFetches)
        n += c;
    return n;
}

void FakeSource::resetCounters()
{
    m_pageRequests.clear();
    m_recordFetches.clear();
    m_since.clear();
    m_requests.clear();
    m_writes.clear();
    m_maxWritesInFlight = 0;
}

} // namespace Tributary::Test

#include "FakeSource.moc"
