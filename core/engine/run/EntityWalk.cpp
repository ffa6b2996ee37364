#include "EntityWalk.h"

#include "engine/apply/Applier.h"
#include "engine/run/PageWalker.h"
#include "util/Logging.h"
#include "util/Tr.h"
#include "util/Values.h"

namespace Tributary {

namespace {
constexpr int kMaxRereads = 3; // passes over one tie group until nothing new turns up
constexpr int kWarnedRecords = 5; // records named in one warning about unusable cursor values
} // namespace

EntityWalk::EntityWalk(Source *impl, Applier &applier, const SourceConfig &source, const EntityConfig &entity, bool full, QObject *parent)
    : RunJob(parent), m_impl(impl), m_applier(applier), m_source(source), m_entity(entity), m_full(full)
{
}

EntityWalk::~EntityWalk()
{
    for (PageJob *job : {m_emulatedJob.data(), m_countJob.data()}) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
}

Error EntityWalk::unusableCursorError(const QString &problem) const
{
    // Refused, like a second process on one source: the run fails (exit 1), nothing is asked.
    return Error(Error::Code::Conflict,
                 Tr::tr("source %1, entity %2: the stored incremental cursor is \"%3\", %4: a walk from it would miss changes. "
                        "Run a full sync (tributaryd sync --full --source %1), which replaces it once the walk is complete, or reset "
                        "it (tributaryd cursor reset --source %1 --entity %2).")
                     .arg(m_source.name, m_entity.name, m_position.value, problem));
}

void EntityWalk::start()
{
    m_caps = m_impl->capabilities(m_entity.name);
    m_guard.emplace(m_entity.name, m_entity.externalId, m_caps);
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
    // A stored value that is not a time cannot be asked from (a record's raw value became the
    // cursor before values were checked); one beyond the source's clock is found on the first page.
    if (!m_position.value.isEmpty() && !WalkGuard::isTime(m_position.value)) {
        done(unusableCursorError(WalkGuard::cursorProblem(m_position.value, QDateTime())));
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
    if (m_countJob)
        m_countJob->abort();
}

void EntityWalk::startWalk(const QString &since)
{
    m_walkStarted = QDateTime();
    m_reachedNow = false;
    m_endedEarly = false;
    m_emulating = isIncremental() && !m_caps.stablePagination && !m_probing;
    if (m_emulating) {
        m_guard->begin(PageRequest::Mode::Incremental, since);
        m_groupValue.clear();
        m_rereading = false;
        m_rereads = 0;
        m_largestPage = 0;
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
    // What a resumed walk read before, for its count at the end (unknown when not stored).
    const qint64 walked = r.token.isEmpty() ? 0 : (m_position.walked > 0 ? m_position.walked : -1);
    m_guard->begin(r.mode, since, r.token, walked);
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

bool EntityWalk::checkPage(const Page &page, Error *error)
{
    if (page.serverTime.isValid())
        m_clock = page.serverTime;
    if (isIncremental() && !m_checkedStoredCursor) {
        m_checkedStoredCursor = true;
        const QString problem = WalkGuard::cursorProblem(m_position.value, page.serverTime);
        if (!problem.isEmpty()) {
            *error = unusableCursorError(problem);
            return false;
        }
    }
    *error = m_guard->check(page);
    return !*error;
}

void EntityWalk::onPage(const Page &page)
{
    Error error;
    if (m_probing) {
        m_probing = false;
        m_endedEarly = true;
        const QDateTime now = page.serverTime.isValid() ? page.serverTime : QDateTime::currentDateTimeUtc();
        if (!page.serverTime.isValid())
            qCWarning(lcEngine) << "the source sent no Date header; starting from the local clock";
        m_position = {m_impl->cursorValueFor(m_entity.name, now), QString(), QString()};
        // The mark full walks and reconciliations keep to (Applier::loadStartBoundaries).
        Position mark;
        if (!m_applier.cursors().load(m_source.name, m_entity.name, CursorKind::Start, &mark, &error)
            || (mark.value.isEmpty() && !m_applier.saveStartMark(m_entity, now, &error))
            || !m_applier.cursors().save(m_source.name, m_entity.name, m_kind, m_position, m_applier.runId(), &error)) {
            m_walker->stop(error);
            return;
        }
        // Nothing before now is wanted: the walk is complete at this position.
        m_walker->stop(Error());
        return;
    }
    if (!checkPage(page, &error) || !applyIncoming(page, true, page.nextToken, &error)) {
        m_walker->stop(error);
        return;
    }
    if (m_stopping) {
        m_walker->stop();
    } else if (m_reachedNow) {
        m_endedEarly = true;
        m_walker->stop(Error()); // caught up with the source's clock: what follows is the next run's
    }
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
    m_pageLastValue.clear();
    if (isIncremental()) {
        next = m_position;
        QStringList unusable;
        for (const QJsonValue &v : page.records) {
            const QJsonObject record = v.toObject();
            if (isBoundaryRecord(record))
                ++counts.skipped;
            else
                records.append(v);
            // The cursor moves only to values it can be asked from later: a time, and not beyond
            // the source's clock. A record without the field keeps the last good one, as before.
            const QString value = fieldText(record, m_caps.cursorField);
            if (value.isEmpty())
                continue;
            const QString problem = WalkGuard::cursorProblem(value, page.serverTime);
            if (problem.isEmpty()) {
                next.value = value;
                next.lastId = fieldText(record, m_entity.externalId);
                m_pageLastValue = value;
            } else if (unusable.size() < kWarnedRecords) {
                unusable.append(Tr::tr("%1 (\"%2\": %3)").arg(fieldText(record, m_entity.externalId), value.left(40), problem));
            }
        }
        next.token.clear();
        next.walked = 0;
        if (!unusable.isEmpty())
            qCWarning(lcEngine).noquote() << Tr::tr("source %1, entity %2: records whose %3 the cursor cannot take: %4. They were applied "
                                                    "(or quarantined), but the cursor does not move past them (GET %5)")
                                                 .arg(m_source.name, m_entity.name, m_caps.cursorField,
                                                      unusable.join(QStringLiteral(", ")), page.url);
    } else {
        records = page.records;
        next.value = m_position.value;
        if (next.value.isEmpty() && m_caps.incremental) {
            // Where the incremental cursor may start once this full walk completes: a little before
            // the walk began, by the source's clock, so nothing changed during the walk is missed.
            const QDateTime t = page.serverTime.isValid() ? page.serverTime : QDateTime::currentDateTimeUtc();
            next.value = m_impl->cursorValueFor(m_entity.name, t.addSecs(-2));
        }
        next.walked = token.isEmpty() ? 0 : qMax<qint64>(0, m_guard->walked());
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
    return moveCursor ? next : Position(m_position.value, m_position.lastId);
}

void EntityWalk::resume(bool stable)
{
    m_rereading = false;
    m_groupValue.clear();
    m_rereads = 0;
    m_groupPages = 0;
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
    // Each request from a value starts a chain of its own (the guard's totals and repeats);
    // continuations within a tie group belong to the chain of the request they came from.
    if (token.isEmpty())
        m_guard->restartChain(since);
    PageJob *job = m_impl->fetchPage(r);
    m_emulatedJob = job;
    connect(job, &SourceJob::finished, this, &EntityWalk::onEmulatedPage);
    job->start();
}

void EntityWalk::startGroupReread()
{
    m_rereading = true;
    ++m_rereads;
    m_groupPages = 0;
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
    Error error;
    if (!checkPage(page, &error) || !applyIncoming(page, !m_rereading, QString(), &error)) {
        onWalkFinished(error);
        return;
    }
    // Records whose cursor value is unusable count with the value asked from: they never move
    // the walk (a page of nothing else is handled as a group sharing that value).
    const QString lastValue = page.records.isEmpty() ? QString() : (m_pageLastValue.isEmpty() ? m_emulatedSince : m_pageLastValue);
    if (m_stopping) {
        onWalkFinished(Error(Error::Code::Aborted, QStringLiteral("stopped")));
        return;
    }
    // A guessed continuation after a page shorter than one this source already sent is no
    // continuation: the server's real page size is known, and this answer did not fill it.
    const bool provenLast = page.guessed && page.records.size() < m_largestPage;
    m_largestPage = qMax<qint64>(m_largestPage, page.records.size());
    const bool more = !page.nextToken.isEmpty() && !page.records.isEmpty() && !provenLast && !(m_reachedNow && !m_rereading);
    if (!m_groupValue.isEmpty())
        ++m_groupPages;

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
        else if (m_groupPages == 2 && page.records.isEmpty())
            resume(true); // the group fitted its first page: the one after it came back empty
        else
            startGroupReread();
        return;
    }
    if (lastValue == m_emulatedSince) {
        // The whole page shares the value asked from: more records share it than fit in a page
        // (or the page may not be the last). Only here are continuation tokens followed, and the
        // group is read again afterwards.
        if (m_groupValue.isEmpty())
            m_groupPages = 1;
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
    // A walk the source ended (not one that stopped at "now", nor keyset emulation, whose
    // requests each count from their own value) must have read what the source counts.
    if (!m_emulating && !m_endedEarly && !m_stopping && m_guard && m_guard->isShortOfTotal()) {
        PageJob *job = m_impl->fetchPage(m_guard->recountRequest());
        m_countJob = job;
        connect(job, &SourceJob::finished, this, &EntityWalk::onRecount);
        job->start();
        return;
    }
    finishWalk();
}

void EntityWalk::onRecount(SourceJob *job)
{
    m_countJob = nullptr;
    if (job->error().code == Error::Code::Aborted) {
        done(job->error());
        return;
    }
    const qint64 fresh = job->hasError() ? -1 : static_cast<PageJob *>(job)->page().total;
    if (job->hasError())
        qCWarning(lcEngine).noquote() << QStringLiteral("%1/%2: cannot count the records again: %3")
                                             .arg(m_source.name, m_entity.name, job->error().toString());
    if (Error error = m_guard->checkEnd(fresh)) {
        error.message = Tr::tr("source %1, entity %2").arg(m_source.name, m_entity.name) + QStringLiteral(": ") + error.message;
        done(error);
        return;
    }
    finishWalk();
}

bool EntityWalk::dropUnusableIncrementalCursor(Error *error)
{
    Position incremental;
    if (!m_applier.cursors().load(m_source.name, m_entity.name, CursorKind::Incremental, &incremental, error))
        return false;
    const QString problem = WalkGuard::cursorProblem(incremental.value, m_clock);
    if (problem.isEmpty())
        return true;
    qCWarning(lcEngine).noquote() << Tr::tr("source %1, entity %2: the incremental cursor \"%3\" was %4; the complete full walk "
                                            "replaces it with the time the walk began")
                                         .arg(m_source.name, m_entity.name, incremental.value, problem);
    return m_applier.cursors().remove(m_source.name, m_entity.name, CursorKind::Incremental, error);
}

void EntityWalk::finishWalk()
{
    Error error;
    if (m_kind == CursorKind::Full && m_caps.incremental
        && (!dropUnusableIncrementalCursor(&error) || !m_applier.completeFullWalk(m_entity, true, m_position.value, &error))) {
        done(error);
        return;
    }
    if (m_kind == CursorKind::Full && !m_caps.incremental && !m_applier.completeFullWalk(m_entity, false, m_position.value, &error)) {
        done(error);
        return;
    }
    done(Error());
}

} // namespace Tributary
