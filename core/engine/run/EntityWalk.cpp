#include "EntityWalk.h"

#include "engine/apply/Applier.h"
#include "engine/run/PageWalker.h"
#include "util/Logging.h"
#include "util/Tr.h"
#include "util/Values.h"

namespace Tributary {

namespace {
constexpr int kMaxRereads = 3; // passes over one tie group until nothing new turns up
} // namespace

EntityWalk::EntityWalk(Source *impl, Applier &applier, const SourceConfig &source, const EntityConfig &entity, bool full, QObject *parent)
    : RunJob(parent), m_impl(impl), m_applier(applier), m_source(source), m_entity(entity), m_full(full)
{
}

EntityWalk::~EntityWalk()
{
    if (m_emulatedJob) {
        m_emulatedJob->disconnect(this);
        m_emulatedJob->abort();
    }
}

void EntityWalk::start()
{
    m_caps = m_impl->capabilities(m_entity.name);
    const bool incremental = !m_full && m_caps.incremental;
    m_kind = incremental ? CursorKind::Incremental : CursorKind::Full;
    Error error;
    if (!m_applier.cursors().load(m_source.name, m_entity.name, m_kind, &m_position, &error)) {
        done(error);
        return;
    }
    m_boundary = Position();
    if (!incremental) {
        startWalk(QString());
        return;
    }
    if (m_caps.tieBreakById)
        m_boundary = {m_position.value, m_position.lastId, QString()};
    QString since = m_position.value;
    if (!since.isEmpty() && m_source.overlapSeconds > 0) {
        // Late writers: ask from a little earlier. The boundary skip still holds for the records
        // at the cursor itself; the others in the window are re-read and found unchanged.
        QDateTime at;
        if (parseTimestamp(QJsonValue(since), &at))
            since = m_impl->cursorValueFor(m_entity.name, at.addSecs(-m_source.overlapSeconds));
        else
            qCWarning(lcEngine).noquote() << QStringLiteral("%1/%2: overlap_seconds ignored: the cursor value \"%3\" is not a time")
                                                 .arg(m_source.name, m_entity.name, since);
    }
    if (m_position.value.isEmpty()) {
        if (m_source.start.from == StartConfig::From::Now) {
            // "Only what changes from now on": now is the source's clock, read from its answer.
            m_probing = true;
        } else if (m_source.start.from == StartConfig::From::Date) {
            m_position.value = m_impl->cursorValueFor(m_entity.name, m_source.start.date);
            since = m_position.value;
        }
    }
    startWalk(since);
}

void EntityWalk::stop()
{
    if (m_stopping || isDone())
        return;
    m_stopping = true;
    if (m_walker)
        m_walker->stop();
    if (m_emulatedJob)
        m_emulatedJob->abort();
}

void EntityWalk::startWalk(const QString &since)
{
    m_walkStarted = QDateTime();
    m_reachedNow = false;
    m_emulating = isIncremental() && !m_caps.stablePagination && !m_probing;
    if (m_emulating) {
        m_groupValue.clear();
        m_rereading = false;
        m_rereads = 0;
        requestEmulated(since, QString());
        return;
    }
    PageRequest r;
    r.entity = m_entity.name;
    r.mode = isIncremental() ? PageRequest::Mode::Incremental : PageRequest::Mode::Full;
    r.since = since;
    // A full walk resumes where a killed one stopped; an incremental walk always restarts from
    // its committed value, since continuation tokens may not outlive a process.
    r.token = r.mode == PageRequest::Mode::Full ? m_position.token : QString();
    m_walker = new PageWalker(m_impl, r, this);
    connect(m_walker, &PageWalker::pageReady, this, &EntityWalk::onPage);
    connect(m_walker, &PageWalker::finished, this, &EntityWalk::onWalkFinished);
    m_walker->start();
}

bool EntityWalk::isBoundaryRecord(const QJsonObject &record) const
{
    if (m_boundary.lastId.isEmpty() || fieldText(record, m_caps.cursorField) != m_boundary.value)
        return false;
    return compareIds(fieldText(record, m_entity.externalId), m_boundary.lastId) <= 0;
}

void EntityWalk::onPage(const Page &page)
{
    Error error;
    if (m_probing) {
        m_probing = false;
        const QDateTime now = page.serverTime.isValid() ? page.serverTime : QDateTime::currentDateTimeUtc();
        if (!page.serverTime.isValid())
            qCWarning(lcEngine) << "the source sent no Date header; starting from the local clock";
        m_position = {m_impl->cursorValueFor(m_entity.name, now), QString(), QString()};
        if (!m_applier.cursors().save(m_source.name, m_entity.name, m_kind, m_position, m_applier.runId(), &error)) {
            m_walker->stop(error);
            return;
        }
        // Nothing before now is wanted: the walk is complete at this position.
        m_walker->stop(Error());
        return;
    }
    if (!applyIncoming(page, true, page.nextToken, &error)) {
        m_walker->stop(error);
        return;
    }
    if (m_stopping)
        m_walker->stop();
    else if (m_reachedNow)
        m_walker->stop(Error()); // caught up with the source's clock: what follows is the next run's
}

bool EntityWalk::applyIncoming(const Page &page, bool moveCursor, const QString &token, Error *error)
{
    EntityCounts &counts = m_applier.counts()[m_entity.name];
    counts.fetched += page.records.size();
    counts.retries += page.retries;
    if (page.total >= 0 && counts.total < 0)
        counts.total = page.total;

    QJsonArray records;
    Position next;
    if (isIncremental()) {
        for (const QJsonValue &v : page.records) {
            if (isBoundaryRecord(v.toObject()))
                ++counts.skipped;
            else
                records.append(v);
        }
        if (page.records.isEmpty()) {
            next = m_position;
        } else {
            const QJsonObject last = page.records.last().toObject();
            next.value = fieldText(last, m_caps.cursorField);
            next.lastId = fieldText(last, m_entity.externalId);
            if (next.value.isEmpty()) // a record without the cursor field: keep the last good one
                next = m_position;
        }
    } else {
        records = page.records;
        next.value = m_position.value;
        if (next.value.isEmpty() && m_caps.incremental) {
            // Where the incremental cursor may start once this full walk completes: a little before
            // the walk began, by the source's clock, so nothing changed during the walk is missed.
            const QDateTime t = page.serverTime.isValid() ? page.serverTime : QDateTime::currentDateTimeUtc();
            next.value = m_impl->cursorValueFor(m_entity.name, t.addSecs(-2));
        }
    }
    next.token = token;
    if (!m_applier.applyPage(m_entity, records, m_kind, storedPosition(next, moveCursor), error)) {
        error->message = Tr::tr("source %1, entity %2: %3 (while applying %4)").arg(m_source.name, m_entity.name, error->message, page.url);
        return false;
    }
    if (moveCursor)
        m_position = next;
    if (isIncremental() && !page.records.isEmpty()) {
        if (!m_walkStarted.isValid() && page.serverTime.isValid())
            m_walkStarted = page.serverTime;
        QDateTime last;
        if (m_walkStarted.isValid() && parseTimestamp(QJsonValue(next.value), &last) && last > m_walkStarted.addSecs(2))
            m_reachedNow = true;
    }
    Q_EMIT progress(m_entity.name, m_applier.counts().value(m_entity.name));
    return true;
}

Position EntityWalk::storedPosition(const Position &next, bool moveCursor) const
{
    if (!m_holdAt.isEmpty())
        return {m_holdAt, QString(), QString()};
    // A re-read goes over records behind the cursor: the cursor stays where it is.
    return moveCursor ? next : Position{m_position.value, m_position.lastId, QString()};
}

void EntityWalk::resume(bool stable)
{
    m_rereading = false;
    m_groupValue.clear();
    m_rereads = 0;
    if (!m_holdAt.isEmpty()) {
        if (!stable) {
            // The group kept changing through every re-read: the cursor stays before it, and the
            // next run reads it again from its start.
            qCInfo(lcEngine).noquote() << QStringLiteral("%1/%2: records sharing %3 kept moving while they were read; the next run "
                                                         "reads them again")
                                              .arg(m_source.name, m_entity.name, m_holdAt);
            onWalkFinished(Error());
            return;
        }
        // Read completely: the cursor may move past the group now.
        m_holdAt.clear();
        Error error;
        if (!m_applier.cursors().save(m_source.name, m_entity.name, m_kind, {m_position.value, m_position.lastId, QString()},
                                      m_applier.runId(), &error)) {
            onWalkFinished(error);
            return;
        }
    }
    if (m_caps.tieBreakById)
        m_boundary = {m_position.value, m_position.lastId, QString()};
    if (m_resumeAfterReread)
        requestEmulated(m_position.value, QString());
    else
        onWalkFinished(Error());
}

void EntityWalk::requestEmulated(const QString &since, const QString &token)
{
    PageRequest r;
    r.entity = m_entity.name;
    r.mode = PageRequest::Mode::Incremental;
    r.since = since;
    r.token = token;
    m_emulatedSince = since;
    PageJob *job = m_impl->fetchPage(r);
    m_emulatedJob = job;
    connect(job, &SourceJob::finished, this, &EntityWalk::onEmulatedPage);
    job->start();
}

void EntityWalk::startGroupReread()
{
    m_rereading = true;
    ++m_rereads;
    m_writtenBeforeReread = m_applier.counts().value(m_entity.name).written();
    // Nothing is skipped: what was applied is found unchanged by its hash, what was missed is not.
    m_boundary = Position();
    requestEmulated(m_groupValue, QString());
}

void EntityWalk::onEmulatedPage(SourceJob *job)
{
    m_emulatedJob = nullptr;
    if (job->hasError()) {
        onWalkFinished(job->error());
        return;
    }
    const Page page = static_cast<PageJob *>(job)->page();
    const QString lastValue = page.records.isEmpty() ? QString() : fieldText(page.records.last().toObject(), m_caps.cursorField);
    Error error;
    if (!applyIncoming(page, !m_rereading, QString(), &error)) {
        onWalkFinished(error);
        return;
    }
    if (m_stopping) {
        onWalkFinished(Error(Error::Code::Aborted, QStringLiteral("stopped")));
        return;
    }
    const bool more = !page.nextToken.isEmpty() && !page.records.isEmpty() && !(m_reachedNow && !m_rereading);

    if (m_rereading) {
        if (more && lastValue == m_groupValue) {
            requestEmulated(m_groupValue, page.nextToken);
            return;
        }
        // The pass over the group is done: again if it found something the walk had missed.
        const bool foundMore = m_applier.counts().value(m_entity.name).written() > m_writtenBeforeReread;
        if (foundMore && m_rereads < kMaxRereads)
            startGroupReread();
        else
            resume(!foundMore);
        return;
    }
    // What was just applied is behind the walk from now on.
    if (m_caps.tieBreakById)
        m_boundary = {m_position.value, m_position.lastId, QString()};
    if (!more) {
        m_resumeAfterReread = false;
        if (m_groupValue.isEmpty())
            onWalkFinished(Error());
        else
            startGroupReread();
        return;
    }
    if (lastValue == m_emulatedSince) {
        // The whole page shares the value asked from: more records share it than fit in a page.
        // Only here are continuation tokens followed, and the group is read again afterwards.
        m_groupValue = lastValue;
        m_holdAt = lastValue;
        requestEmulated(m_emulatedSince, page.nextToken);
        return;
    }
    if (!m_groupValue.isEmpty()) {
        m_resumeAfterReread = true;
        startGroupReread();
        return;
    }
    requestEmulated(lastValue, QString());
}

void EntityWalk::onWalkFinished(const Error &walkError)
{
    if (m_walker) {
        m_walker->deleteLater();
        m_walker = nullptr;
    }
    Error error = walkError;
    if (error) {
        const QString context = Tr::tr("source %1, entity %2").arg(m_source.name, m_entity.name);
        if (error.code != Error::Code::Aborted && !error.message.startsWith(context))
            error.message = context + QStringLiteral(": ") + error.message;
        done(error);
        return;
    }
    if (m_kind == CursorKind::Full && !m_applier.completeFullWalk(m_entity, m_caps.incremental, m_position.value, &error)) {
        done(error);
        return;
    }
    done(Error());
}

} // namespace Tributary
