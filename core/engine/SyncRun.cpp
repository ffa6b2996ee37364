#include "SyncRun.h"

#include "engine/Applier.h"
#include "engine/PageWalker.h"
#include "engine/RecordMapper.h"
#include "store/Database.h"
#include "util/Logging.h"
#include "util/Tr.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimer>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace Tributary {

namespace {

constexpr int kMaxRounds = 25;       // chains of missing references followed per run
constexpr int kRecordFetches = 4;    // missing references fetched at once
constexpr int kMaxRereads = 3;       // passes over one tie group until nothing new turns up
constexpr int kFetchOneByOne = 200;  // more unlinked ids than this: walk the entity instead

// Ids sort numerically when both are integers, as the source sorts them.
int compareIds(const QString &a, const QString &b)
{
    bool okA = false, okB = false;
    const qlonglong na = a.toLongLong(&okA), nb = b.toLongLong(&okB);
    if (okA && okB)
        return na < nb ? -1 : (na > nb ? 1 : 0);
    return QString::compare(a, b);
}

QString rawValue(const QJsonObject &record, const QString &field)
{
    const QJsonValue v = RecordMapper::valueAt(record, field);
    return v.isString() ? v.toString() : RecordMapper::idString(v);
}

} // namespace

EntityCounts RunResult::total() const
{
    EntityCounts t;
    for (const EntityCounts &c : counts)
        t += c;
    return t;
}

QString RunResult::statusName(Status s)
{
    switch (s) {
    case Status::Ok: return QStringLiteral("ok");
    case Status::Partial: return QStringLiteral("partial");
    case Status::Failed: return QStringLiteral("failed");
    case Status::Interrupted: return QStringLiteral("interrupted");
    }
    return QString();
}

namespace {
const QStringList kPollingKinds = {QStringLiteral("incremental"), QStringLiteral("full"), QStringLiteral("reconcile")};
} // namespace

bool RunResult::isPollingKind(const QString &kind)
{
    return kPollingKinds.contains(kind);
}

QString RunResult::pollingKindsSql()
{
    return QLatin1Char('\'') + kPollingKinds.join(QStringLiteral("', '")) + QLatin1Char('\'');
}

QString SyncOptions::runKind() const
{
    return !records.isEmpty() ? QStringLiteral("webhook")
         : retryQuarantine    ? QStringLiteral("quarantine-retry")
         : reconcile          ? QStringLiteral("reconcile")
         : full               ? QStringLiteral("full")
                              : QStringLiteral("incremental");
}

SyncRun::SyncRun(Database &db, const Config &config, const SourceConfig &source, Source *impl, SyncOptions options, QObject *parent)
    : QObject(parent), m_db(db), m_config(config), m_source(source), m_impl(impl), m_options(std::move(options))
{
}

SyncRun::~SyncRun()
{
    if (m_countJob) {
        m_countJob->disconnect(this);
        m_countJob->abort();
    }
    for (const auto &job : std::as_const(m_recordJobs)) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
}

void SyncRun::start()
{
    m_timer.start();
    m_result.source = m_source.name;
    m_result.kind = m_options.runKind();
    QTimer::singleShot(0, this, [this] {
        Error error;
        // Runs left "running" by a process that no longer exists were interrupted (killed).
        QSqlQuery stale(m_db.db());
        stale.prepare(QStringLiteral("SELECT id, pid FROM tributary_runs WHERE source = ? AND status = 'running'"));
        stale.addBindValue(m_source.name);
        QList<qlonglong> dead;
        qint64 busyRun = 0, busyPid = 0;
        if (stale.exec()) {
            while (stale.next()) {
                const qint64 pid = stale.value(1).toLongLong();
                if (pid == qint64(::getpid()))
                    continue;
                if (pid <= 0 || ::kill(pid_t(pid), 0) != 0) {
                    dead.append(stale.value(0).toLongLong());
                } else {
                    busyRun = stale.value(0).toLongLong();
                    busyPid = pid;
                }
            }
        }
        stale.finish();
        if (busyPid > 0) {
            // Another live process is running this source (the service, or a sync by hand): two
            // runs would walk the same cursor twice. Not atomic with the insert below; enough
            // against a person starting a sync while the service runs.
            finishRun(Error(Error::Code::Conflict, Tr::tr("source %1 is being synced by another process (pid %2, run %3); "
                                                          "wait for it, or stop it first")
                                                       .arg(m_source.name).arg(busyPid).arg(busyRun)));
            return;
        }
        for (qlonglong id : std::as_const(dead)) {
            QSqlQuery q(m_db.db());
            q.prepare(QStringLiteral("UPDATE tributary_runs SET status = 'interrupted', error = 'the process ended during the run' WHERE id = ?"));
            q.addBindValue(id);
            q.exec();
        }

        QSqlQuery q;
        if (!m_db.prepare(q, QStringLiteral("INSERT INTO tributary_runs (source, kind, started_at, status, pid) "
                                            "VALUES (?, ?, ?, 'running', ?) RETURNING id"), &error)) {
            finishRun(error);
            return;
        }
        q.addBindValue(m_source.name);
        q.addBindValue(m_result.kind);
        q.addBindValue(Database::now());
        q.addBindValue(qint64(::getpid()));
        if (!m_db.exec(q, &error) || !q.next()) {
            finishRun(error.isError() ? error : Error(Error::Code::Database, Tr::tr("cannot record the run")));
            return;
        }
        m_result.runId = q.value(0).toLongLong();
        q.finish();

        m_applier = std::make_unique<Applier>(m_db, m_config, m_source, m_result.runId);
        if (!m_applier->prepare(&error)) {
            finishRun(error);
            return;
        }
        QString cycle;
        for (const EntityConfig *e : m_source.orderedEntities(&cycle)) {
            if (m_options.entities.isEmpty() || m_options.entities.contains(e->name)) {
                m_todo.append(e);
                m_result.entityOrder.append(e->name);
            }
        }
        qCInfo(lcEngine).noquote() << QStringLiteral("run %1: %2 sync of source %3 (%4)")
                                          .arg(m_result.runId).arg(m_result.kind, m_source.name, m_result.entityOrder.join(QStringLiteral(", ")));
        if (!m_options.records.isEmpty())
            fetchHinted();
        else if (m_options.retryQuarantine)
            retryQuarantined();
        else if (m_options.reconcile)
            startReconcile();
        else
            nextEntity();
    });
}

void SyncRun::stop()
{
    if (m_stopping || m_finished)
        return;
    m_stopping = true;
    if (m_walker)
        m_walker->stop();
    if (m_emulatedJob)
        m_emulatedJob->abort();
    if (m_countJob)
        m_countJob->abort();
    for (const auto &job : std::as_const(m_recordJobs)) {
        if (job)
            job->abort();
    }
}

void SyncRun::nextEntity()
{
    if (m_stopping) {
        finishRun(Error(Error::Code::Aborted, Tr::tr("stopped before %1").arg(m_todo.isEmpty() ? Tr::tr("the end") : m_todo.first()->name)));
        return;
    }
    if (m_todo.isEmpty()) {
        resolveMissing();
        return;
    }
    m_entity = m_todo.takeFirst();
    Q_EMIT entityStarted(m_entity->name);
    m_caps = m_impl->capabilities(m_entity->name);
    const bool incremental = !m_options.full && m_caps.incremental;
    m_kind = incremental ? QStringLiteral("incremental") : QStringLiteral("full");
    Error error;
    m_position = Applier::loadCursor(m_db, m_source.name, m_entity->name, m_kind, &error);
    if (error) {
        finishRun(error);
        return;
    }
    m_result.counts[m_entity->name] = EntityCounts();
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
        if (RecordMapper::parseTimestamp(QJsonValue(since), &at))
            since = m_impl->cursorValueFor(m_entity->name, at.addSecs(-m_source.overlapSeconds));
        else
            qCWarning(lcEngine).noquote() << QStringLiteral("%1/%2: overlap_seconds ignored: the cursor value \"%3\" is not a time")
                                                 .arg(m_source.name, m_entity->name, since);
    }
    if (m_position.value.isEmpty()) {
        if (m_source.start.from == StartConfig::From::Now) {
            // "Only what changes from now on": now is the source's clock, read from its answer.
            m_probing = true;
        } else if (m_source.start.from == StartConfig::From::Date) {
            m_position.value = m_impl->cursorValueFor(m_entity->name, m_source.start.date);
            since = m_position.value;
        }
    }
    startWalk(since);
}

void SyncRun::startWalk(const QString &since)
{
    m_walkStarted = QDateTime();
    m_reachedNow = false;
    m_emulating = m_kind == QLatin1String("incremental") && !m_caps.stablePagination && !m_probing;
    if (m_emulating) {
        m_groupValue.clear();
        m_rereading = false;
        m_rereads = 0;
        requestEmulated(since, QString());
        return;
    }
    PageRequest r;
    r.entity = m_entity->name;
    r.mode = m_kind == QLatin1String("full") ? PageRequest::Mode::Full : PageRequest::Mode::Incremental;
    r.since = since;
    // A full walk resumes where a killed one stopped; an incremental walk always restarts from
    // its committed value, since continuation tokens may not outlive a process.
    r.token = r.mode == PageRequest::Mode::Full ? m_position.token : QString();
    m_walker = new PageWalker(m_impl, r, this);
    connect(m_walker, &PageWalker::pageReady, this, &SyncRun::onPage);
    connect(m_walker, &PageWalker::finished, this, &SyncRun::onWalkFinished);
    m_walker->start();
}

bool SyncRun::isBoundaryRecord(const QJsonObject &record) const
{
    if (m_boundary.lastId.isEmpty() || rawValue(record, m_caps.cursorField) != m_boundary.value)
        return false;
    return compareIds(rawValue(record, m_entity->externalId), m_boundary.lastId) <= 0;
}

void SyncRun::onPage(const Page &page)
{
    Error error;
    if (m_probing) {
        m_probing = false;
        const QDateTime now = page.serverTime.isValid() ? page.serverTime : QDateTime::currentDateTimeUtc();
        if (!page.serverTime.isValid())
            qCWarning(lcEngine) << "the source sent no Date header; starting from the local clock";
        m_position = {m_impl->cursorValueFor(m_entity->name, now), QString(), QString()};
        if (!Applier::saveCursor(m_db, m_source.name, m_entity->name, m_kind, m_position, m_result.runId, &error)) {
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

bool SyncRun::applyIncoming(const Page &page, bool moveCursor, const QString &token, Error *error)
{
    EntityCounts &counts = m_applier->counts()[m_entity->name];
    counts.fetched += page.records.size();
    counts.retries += page.retries;
    if (page.total >= 0 && counts.total < 0)
        counts.total = page.total;

    QJsonArray records;
    Position next;
    if (m_kind == QLatin1String("incremental")) {
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
            next.value = rawValue(last, m_caps.cursorField);
            next.lastId = rawValue(last, m_entity->externalId);
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
            next.value = m_impl->cursorValueFor(m_entity->name, t.addSecs(-2));
        }
    }
    next.token = token;
    // A re-read goes over records behind the cursor: the cursor stays where it is.
    const Position stored = moveCursor ? next : Position{m_position.value, m_position.lastId, QString()};
    if (!m_applier->applyPage(*m_entity, records, m_kind, stored, error)) {
        error->message = Tr::tr("source %1, entity %2: %3 (while applying %4)").arg(m_source.name, m_entity->name, error->message, page.url);
        return false;
    }
    if (moveCursor)
        m_position = next;
    if (m_kind == QLatin1String("incremental") && !page.records.isEmpty()) {
        if (!m_walkStarted.isValid() && page.serverTime.isValid())
            m_walkStarted = page.serverTime;
        QDateTime last;
        if (m_walkStarted.isValid() && RecordMapper::parseTimestamp(QJsonValue(next.value), &last) && last > m_walkStarted.addSecs(2))
            m_reachedNow = true;
    }
    Q_EMIT progress(m_entity->name, m_applier->counts().value(m_entity->name));
    return true;
}

void SyncRun::requestEmulated(const QString &since, const QString &token)
{
    PageRequest r;
    r.entity = m_entity->name;
    r.mode = PageRequest::Mode::Incremental;
    r.since = since;
    r.token = token;
    m_emulatedSince = since;
    PageJob *job = m_impl->fetchPage(r);
    m_emulatedJob = job;
    connect(job, &SourceJob::finished, this, &SyncRun::onEmulatedPage);
    job->start();
}

void SyncRun::startGroupReread()
{
    m_rereading = true;
    ++m_rereads;
    m_writtenBeforeReread = m_applier->counts().value(m_entity->name).written();
    // Nothing is skipped: what was applied is found unchanged by its hash, what was missed is not.
    m_boundary = Position();
    requestEmulated(m_groupValue, QString());
}

void SyncRun::onEmulatedPage(SourceJob *job)
{
    m_emulatedJob = nullptr;
    if (job->hasError()) {
        onWalkFinished(job->error());
        return;
    }
    const Page page = static_cast<PageJob *>(job)->page();
    const QString lastValue = page.records.isEmpty() ? QString() : rawValue(page.records.last().toObject(), m_caps.cursorField);
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
    auto resume = [this] {
        m_rereading = false;
        m_groupValue.clear();
        m_rereads = 0;
        if (m_caps.tieBreakById)
            m_boundary = {m_position.value, m_position.lastId, QString()};
        if (m_resumeAfterReread)
            requestEmulated(m_position.value, QString());
        else
            onWalkFinished(Error());
    };

    if (m_rereading) {
        if (more && lastValue == m_groupValue) {
            requestEmulated(m_groupValue, page.nextToken);
            return;
        }
        // The pass over the group is done: again if it found something the walk had missed.
        if (m_applier->counts().value(m_entity->name).written() > m_writtenBeforeReread && m_rereads < kMaxRereads)
            startGroupReread();
        else
            resume();
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

void SyncRun::onWalkFinished(const Error &walkError)
{
    if (m_walker) {
        m_walker->deleteLater();
        m_walker = nullptr;
    }
    Error error = walkError;
    if (error) {
        const QString context = Tr::tr("source %1, entity %2").arg(m_source.name, m_entity->name);
        if (error.code != Error::Code::Aborted && !error.message.startsWith(context))
            error.message = context + QStringLiteral(": ") + error.message;
        finishRun(error);
        return;
    }
    if (m_kind == QLatin1String("full")) {
        Position incremental = Applier::loadCursor(m_db, m_source.name, m_entity->name, QStringLiteral("incremental"), &error);
        if (!error && m_db.transaction(&error)) {
            bool ok = Applier::saveCursor(m_db, m_source.name, m_entity->name, m_kind, Position(), m_result.runId, &error);
            if (ok && m_caps.incremental && incremental.isNull() && !m_position.value.isEmpty())
                ok = Applier::saveCursor(m_db, m_source.name, m_entity->name, QStringLiteral("incremental"),
                                         {m_position.value, QString(), QString()}, m_result.runId, &error);
            if (!ok || !m_db.commit(&error))
                m_db.rollback();
        }
        if (error) {
            finishRun(error);
            return;
        }
    }
    const EntityCounts counts = m_applier->counts().value(m_entity->name);
    m_result.counts[m_entity->name] = counts;
    Q_EMIT entityFinished(m_entity->name, counts);
    if (m_options.reconcile)
        catchUpMissed();
    else
        nextEntity();
}

void SyncRun::resolveMissing()
{
    if (m_stopping) {
        finishRun(Error(Error::Code::Aborted, QStringLiteral("stopped")));
        return;
    }
    Error error;
    const auto missing = m_applier->missingReferences(&error);
    if (error) {
        finishRun(error);
        return;
    }
    if (missing.isEmpty()) {
        // Nothing left to fetch: whatever still waits waits on other waiting records.
        if (!m_applier->quarantineStuckPending(&error)) {
            finishRun(error);
            return;
        }
        finishWithDeleteCheck(deleteCheckEntities());
        return;
    }
    if (missing == m_missing || m_round >= kMaxRounds) {
        qCWarning(lcEngine).noquote() << QStringLiteral("%1: %2 references still missing after %3 rounds; the next run retries them")
                                             .arg(m_source.name).arg(missing.size()).arg(m_round);
        finishWithDeleteCheck(deleteCheckEntities());
        return;
    }
    ++m_round;
    m_missing = missing;
    // A target already in quarantine will not be fetched again: what waits for it is held too.
    QList<QPair<QString, QString>> fetch;
    for (const Applier::MissingRef &ref : missing) {
        if (!ref.quarantined) {
            fetch.append({ref.entity, ref.externalId});
            continue;
        }
        if (!m_applier->quarantineWaitingFor(ref.entity, ref.externalId, Tr::tr("which is quarantined"), &error)) {
            finishRun(error);
            return;
        }
    }
    qCInfo(lcEngine).noquote() << QStringLiteral("%1: fetching %2 missing references one by one (round %3)")
                                      .arg(m_source.name).arg(fetch.size()).arg(m_round);
    fetchByIds(fetch, [this](const QString &entity, const QString &id, RecordJob *job) { onRecordFetched(entity, id, job); },
               [this] { resolveMissing(); });
}

QList<const EntityConfig *> SyncRun::deleteCheckEntities() const
{
    QList<const EntityConfig *> entities;
    if (!m_options.checkDeletes)
        return entities;
    for (const EntityConfig *e : m_source.orderedEntities()) {
        if (m_impl->capabilities(e->name).reportsTotal && (m_options.entities.isEmpty() || m_options.entities.contains(e->name)))
            entities.append(e);
    }
    return entities;
}

void SyncRun::finishWithDeleteCheck(QList<const EntityConfig *> entities)
{
    if (entities.isEmpty() || m_stopping) {
        finishRun(m_stopping ? Error(Error::Code::Aborted, QStringLiteral("stopped")) : Error());
        return;
    }
    const EntityConfig *entity = entities.takeFirst();
    PageRequest request;
    request.entity = entity->name;
    request.mode = PageRequest::Mode::Full;
    request.countOnly = true;
    PageJob *job = m_impl->fetchPage(request);
    m_countJob = job;
    connect(job, &SourceJob::finished, this, [this, entity, entities](SourceJob *done) {
        m_countJob = nullptr;
        if (m_finished)
            return;
        const qint64 total = done->hasError() ? -1 : static_cast<PageJob *>(done)->page().total;
        if (done->hasError() && done->error().code != Error::Code::Aborted) {
            // Only a check: the run itself succeeded. The next run asks again.
            qCWarning(lcEngine).noquote() << QStringLiteral("%1/%2: cannot count the records at the source: %3")
                                                 .arg(m_source.name, entity->name, done->error().toString());
        }
        if (total >= 0) {
            Applier::SweepPlan plan;
            Error error;
            if (!m_applier->planSweep(*entity, 0, &plan, &error)) {
                finishRun(error);
                return;
            }
            if (plan.active > total) {
                m_result.missedDeletes.append(QStringLiteral("%1: %2 linked, the source lists %3").arg(entity->name).arg(plan.active).arg(total));
                qCInfo(lcEngine).noquote() << QStringLiteral("%1/%2: %3 records linked but the source lists %4: deletes were missed")
                                                  .arg(m_source.name, entity->name).arg(plan.active).arg(total);
            }
        }
        finishWithDeleteCheck(entities);
    });
    job->start();
}

void SyncRun::fetchByIds(QList<QPair<QString, QString>> ids, std::function<void(const QString &, const QString &, RecordJob *)> onFetched,
                         std::function<void()> next)
{
    auto queue = std::make_shared<QList<QPair<QString, QString>>>(std::move(ids));
    auto launch = std::make_shared<std::function<void()>>();
    *launch = [this, queue, launch, onFetched, next] {
        while (!m_stopping && m_inFlight < kRecordFetches && !queue->isEmpty()) {
            const auto [entity, id] = queue->takeFirst();
            const EntityConfig *cfg = m_source.entity(entity);
            if (!cfg || !cfg->enabled) {
                Error e;
                if (!m_applier->quarantineWaitingFor(entity, id, Tr::tr("whose entity is not synced"), &e)) {
                    finishRun(e);
                    return;
                }
                continue;
            }
            RecordJob *job = m_impl->fetchRecord(entity, id);
            ++m_inFlight;
            m_recordJobs.append(job);
            connect(job, &SourceJob::finished, this, [this, entity, id, job, launch, onFetched] {
                --m_inFlight;
                m_recordJobs.removeAll(job);
                if (!m_finished)
                    onFetched(entity, id, job);
                if (m_finished)
                    return;
                (*launch)();
            });
            job->start();
        }
        if (m_inFlight == 0 && !m_finished) {
            if (m_stopping)
                finishRun(Error(Error::Code::Aborted, QStringLiteral("stopped")));
            else
                QTimer::singleShot(0, this, next);
            *launch = nullptr; // breaks the self-reference
        }
    };
    (*launch)();
}

// Reconcile cursors (kind "reconcile") say where each entity stands in a scan: value = the scan
// number, token = the continuation of an unfinished scan, lastId = "scanned" once the entity's
// listing was read to the end and "swept" once the scan's deletes were done. An interrupted scan
// is resumed by the next reconcile run, and nothing is deleted before every entity was scanned.
namespace {
const QString kScanned = QStringLiteral("scanned");
const QString kSwept = QStringLiteral("swept");
} // namespace

void SyncRun::startReconcile()
{
    Error error;
    m_scan = 0;
    for (const EntityConfig *e : std::as_const(m_todo)) {
        const Position p = Applier::loadCursor(m_db, m_source.name, e->name, QStringLiteral("reconcile"), &error);
        if (!p.value.isEmpty() && p.lastId != kSwept)
            m_scan = qMax(m_scan, p.value.toLongLong()); // an unfinished scan goes on
        if (!m_applier->ensureDeletedColumn(*e, &error)) {
            finishRun(error);
            return;
        }
    }
    m_resumedScan = m_scan != 0;
    if (m_scan == 0)
        m_scan = m_result.runId;
    m_applier->setCurrentScan(m_scan);
    qCInfo(lcEngine).noquote() << QStringLiteral("%1: reconciliation scan %2").arg(m_source.name).arg(m_scan);
    m_scanTodo = m_todo;
    nextScan();
}

void SyncRun::nextScan()
{
    if (m_stopping) {
        finishRun(Error(Error::Code::Aborted, Tr::tr("stopped during the scan: nothing was deleted")));
        return;
    }
    if (m_scanTodo.isEmpty()) {
        // Records the source lists but that were never linked: polling missed them. A few are
        // fetched one by one; many (a first sync that never finished, say) are cheaper to get by
        // walking the entity in pages, where what is already applied costs only its hash.
        QHash<QString, int> perEntity;
        for (const auto &u : std::as_const(m_unlinked))
            ++perEntity[u.first];
        QList<QPair<QString, QString>> oneByOne;
        m_catchUp.clear();
        for (const EntityConfig *e : std::as_const(m_todo)) {
            if (perEntity.value(e->name) > kFetchOneByOne)
                m_catchUp.append(e);
        }
        for (const auto &u : std::as_const(m_unlinked)) {
            if (perEntity.value(u.first) <= kFetchOneByOne)
                oneByOne.append(u);
        }
        m_unlinked.clear();
        fetchByIds(
            oneByOne,
            [this](const QString &entity, const QString &id, RecordJob *job) {
                if (job->hasError() || job->isNotFound()) {
                    if (job->hasError() && job->error().code != Error::Code::Aborted) {
                        Error e = job->error();
                        e.message = QStringLiteral("source %1, entity %2, record %3: %4").arg(m_source.name, entity, id, e.message);
                        stop();
                        finishRun(e);
                    }
                    return;
                }
                Error e;
                if (!m_applier->applyRecords(*m_source.entity(entity), QJsonArray{job->record()}, &e))
                    finishRun(e);
            },
            [this] { catchUpMissed(); });
        return;
    }
    m_entity = m_scanTodo.takeFirst();
    Q_EMIT entityStarted(m_entity->name);
    Error error;
    const Position p = Applier::loadCursor(m_db, m_source.name, m_entity->name, QStringLiteral("reconcile"), &error);
    if (p.value.toLongLong() == m_scan && p.lastId == kScanned) {
        nextScan(); // scanned already in this scan, before an interruption
        return;
    }
    PageRequest r;
    r.entity = m_entity->name;
    r.mode = PageRequest::Mode::Ids;
    r.token = p.value.toLongLong() == m_scan ? p.token : QString();
    m_walker = new PageWalker(m_impl, r, this);
    connect(m_walker, &PageWalker::pageReady, this, &SyncRun::onScanPage);
    connect(m_walker, &PageWalker::finished, this, &SyncRun::onScanFinished);
    m_walker->start();
}

void SyncRun::onScanPage(const Page &page)
{
    EntityCounts &counts = m_applier->counts()[m_entity->name];
    counts.fetched += page.records.size();
    counts.retries += page.retries;
    if (page.total >= 0 && counts.total < 0)
        counts.total = page.total;
    QStringList ids;
    for (const QJsonValue &v : page.records) {
        const QString id = rawValue(v.toObject(), m_entity->externalId);
        if (!id.isEmpty())
            ids.append(id);
    }
    QStringList unlinked;
    Error error;
    if (!m_applier->stampSeen(*m_entity, ids, m_scan, {QString::number(m_scan), QString(), page.nextToken}, &unlinked, &error)) {
        m_walker->stop(error);
        return;
    }
    for (const QString &id : std::as_const(unlinked))
        m_unlinked.append({m_entity->name, id});
    Q_EMIT progress(m_entity->name, counts);
    if (m_stopping)
        m_walker->stop();
}

void SyncRun::onScanFinished(const Error &walkError)
{
    m_walker->deleteLater();
    m_walker = nullptr;
    Error error = walkError;
    if (!error)
        Applier::saveCursor(m_db, m_source.name, m_entity->name, QStringLiteral("reconcile"), {QString::number(m_scan), kScanned, QString()},
                            m_result.runId, &error);
    if (error) {
        if (error.code == Error::Code::Aborted) {
            error.message = Tr::tr("stopped during the scan of %1: nothing was deleted").arg(m_entity->name);
        } else {
            const QString context = Tr::tr("source %1, entity %2").arg(m_source.name, m_entity->name);
            if (!error.message.startsWith(context))
                error.message = context + QStringLiteral(": ") + error.message;
            error.message += Tr::tr(" (the scan is incomplete: nothing was deleted; the next reconcile resumes it)");
        }
        finishRun(error);
        return;
    }
    m_result.counts[m_entity->name] = m_applier->counts().value(m_entity->name);
    Q_EMIT entityFinished(m_entity->name, m_result.counts[m_entity->name]);
    nextScan();
}

void SyncRun::catchUpMissed()
{
    if (m_stopping) {
        finishRun(Error(Error::Code::Aborted, Tr::tr("stopped: nothing was deleted")));
        return;
    }
    if (m_catchUp.isEmpty()) {
        planAndConfirmSweep();
        return;
    }
    // A full walk of the entity, exactly as `sync --full` does it (resumable, its own cursor);
    // onWalkFinished() comes back here.
    m_entity = m_catchUp.takeFirst();
    qCInfo(lcEngine).noquote() << QStringLiteral("%1/%2: many records were never synced; walking them all").arg(m_source.name, m_entity->name);
    m_kind = QStringLiteral("full");
    m_caps = m_impl->capabilities(m_entity->name);
    Error error;
    m_position = Applier::loadCursor(m_db, m_source.name, m_entity->name, m_kind, &error);
    m_boundary = Position();
    if (error) {
        finishRun(error);
        return;
    }
    startWalk(QString());
}

void SyncRun::planAndConfirmSweep()
{
    // Every entity was scanned completely. A share of missing records above the limit is an
    // outage or a wrong configuration, not a purge: refuse before deleting anything anywhere.
    Error error;
    QList<QPair<QString, QString>> candidates;
    for (const EntityConfig *e : std::as_const(m_todo)) {
        Applier::SweepPlan plan;
        if (!m_applier->planSweep(*e, m_scan, &plan, &error)) {
            finishRun(error);
            return;
        }
        if (plan.unseen > 0 && double(plan.unseen) > m_source.maxDeleteShare * double(plan.active)) {
            finishRun(Error(Error::Code::Record,
                            Tr::tr("refusing to delete: %1 of %2 linked %3 (%4%) are missing from the source's complete listing; "
                                   "the limit is %5% (max_delete_share). Nothing was deleted. If the source really lost them, "
                                   "raise max_delete_share for one run.")
                                .arg(plan.unseen).arg(plan.active).arg(e->name)
                                .arg(QString::number(100.0 * double(plan.unseen) / double(qMax<qint64>(1, plan.active)), 'f', 1))
                                .arg(QString::number(100.0 * m_source.maxDeleteShare, 'g', 3))));
            return;
        }
        const QStringList unseen = m_applier->unseen(*e, m_scan, &error);
        if (error) {
            finishRun(error);
            return;
        }
        for (const QString &id : unseen)
            candidates.append({e->name, id});
    }
    // A listing can miss a record (a page boundary that moved): each candidate is asked for by id,
    // and only a 404 deletes. One that answers is applied instead.
    m_gone.clear();
    fetchByIds(
        candidates,
        [this](const QString &entity, const QString &id, RecordJob *job) {
            applyOrNoteGone(entity, id, job, Tr::tr("source %1, entity %2, record %3: %4 (nothing was deleted)"));
        },
        [this] { sweepConfirmed(); });
}

void SyncRun::applyOrNoteGone(const QString &entity, const QString &id, RecordJob *job, const QString &failure)
{
    Error e;
    if (job->hasError()) {
        if (job->error().code != Error::Code::Aborted) {
            e = job->error();
            e.message = QString(failure).arg(m_source.name, entity, id, e.message);
            stop();
            finishRun(e);
        }
        return;
    }
    if (job->isNotFound())
        m_gone[entity].append(id);
    else if (!m_applier->applyRecords(*m_source.entity(entity), QJsonArray{job->record()}, &e))
        finishRun(e);
}

void SyncRun::sweepConfirmed()
{
    Error error;
    // Referencing entities first, so that a hard delete never leaves a child pointing nowhere.
    for (auto it = m_todo.crbegin(); it != m_todo.crend(); ++it) {
        const EntityConfig *e = *it;
        if (!m_applier->sweep(*e, m_gone.value(e->name), &error)
            || !Applier::saveCursor(m_db, m_source.name, e->name, QStringLiteral("reconcile"), {QString::number(m_scan), kSwept, QString()},
                                    m_result.runId, &error)) {
            finishRun(error);
            return;
        }
    }
    if (m_resumedScan) {
        // The finished scan stamped some ids in an earlier run: records deleted since then were
        // stamped before they went, so only a scan started now can see them gone.
        m_resumedScan = false;
        m_scan = m_result.runId;
        m_applier->setCurrentScan(m_scan);
        qCInfo(lcEngine).noquote() << QStringLiteral("%1: the resumed scan is swept; scanning again from the start (scan %2)")
                                          .arg(m_source.name).arg(m_scan);
        m_scanTodo = m_todo;
        nextScan();
        return;
    }
    finishRun(Error());
}

void SyncRun::retryQuarantined()
{
    Error error;
    const auto records = m_applier->quarantined(m_options.entities, m_options.externalIds, &error);
    if (error) {
        finishRun(error);
        return;
    }
    qCInfo(lcEngine).noquote() << QStringLiteral("%1: fetching %2 quarantined records again").arg(m_source.name).arg(records.size());
    fetchByIds(
        records,
        [this](const QString &entity, const QString &id, RecordJob *job) {
            Error e;
            EntityCounts &counts = m_applier->counts()[entity];
            if (!m_result.entityOrder.contains(entity))
                m_result.entityOrder.append(entity);
            if (job->hasError()) {
                if (job->error().code == Error::Code::Aborted)
                    return;
                e = job->error();
                e.message = QStringLiteral("source %1, entity %2, record %3: %4").arg(m_source.name, entity, id, e.message);
                stop();
                finishRun(e);
                return;
            }
            ++counts.fetched;
            // Gone at the source: there is nothing left to hold or to apply.
            if (job->isNotFound()) {
                if (!m_applier->dropFromQuarantine(entity, id, &e))
                    finishRun(e);
                return;
            }
            if (!m_applier->applyRecords(*m_source.entity(entity), QJsonArray{job->record()}, &e))
                finishRun(e);
        },
        [this] { resolveMissing(); });
}

void SyncRun::fetchHinted()
{
    // Parents before children, so that a new record's parent is usually linked before it comes.
    QList<QPair<QString, QString>> records;
    for (const EntityConfig *e : std::as_const(m_todo)) {
        for (const auto &record : std::as_const(m_options.records)) {
            if (record.first == e->name && !records.contains(record))
                records.append(record);
        }
    }
    qCInfo(lcEngine).noquote() << QStringLiteral("%1: fetching %2 records named by webhooks").arg(m_source.name).arg(records.size());
    m_gone.clear();
    fetchByIds(
        records,
        [this](const QString &entity, const QString &id, RecordJob *job) {
            if (!job->hasError())
                ++m_applier->counts()[entity].fetched;
            applyOrNoteGone(entity, id, job, QStringLiteral("source %1, entity %2, record %3: %4"));
        },
        [this] { applyHintedDeletes(); });
}

void SyncRun::applyHintedDeletes()
{
    Error error;
    // Referencing entities first, as the sweep of a reconciliation does.
    for (auto it = m_todo.crbegin(); it != m_todo.crend(); ++it) {
        const EntityConfig *e = *it;
        const QStringList gone = m_gone.value(e->name);
        if (gone.isEmpty())
            continue;
        if (e->deleteMode == QLatin1String("hard")) {
            // A hard delete of a parent whose children are not gone yet would break their
            // references; the reconciliation orders deletes over the whole source.
            qCInfo(lcEngine).noquote() << QStringLiteral("%1/%2: %3 records are gone at the source; hard deletes are left to the next reconciliation")
                                              .arg(m_source.name, e->name).arg(gone.size());
            continue;
        }
        if (!m_applier->ensureDeletedColumn(*e, &error) || !m_applier->sweep(*e, gone, &error)) {
            finishRun(error);
            return;
        }
    }
    m_gone.clear();
    resolveMissing();
}

void SyncRun::onRecordFetched(const QString &entity, const QString &id, RecordJob *job)
{
    if (m_finished)
        return;
    Error error;
    if (job->hasError()) {
        if (job->error().code == Error::Code::Aborted)
            return;
        error = job->error();
        error.message = QStringLiteral("%1/%2 %3: %4").arg(m_source.name, entity, id, error.message);
        stop();
        finishRun(error);
        return;
    }
    if (job->isNotFound()) {
        if (!m_applier->quarantineWaitingFor(entity, id, Tr::tr("which does not exist at the source (404)"), &error))
            finishRun(error);
        return;
    }
    const EntityConfig *cfg = m_source.entity(entity);
    if (!m_applier->applyRecords(*cfg, QJsonArray{job->record()}, &error)) {
        finishRun(error);
        return;
    }
    if (!m_applier->isLinked(entity, id, &error) && !error && !m_applier->isPending(entity, id, &error) && !error) {
        if (!m_applier->quarantineWaitingFor(entity, id, Tr::tr("which is quarantined"), &error))
            finishRun(error);
    }
    if (error)
        finishRun(error);
}

void SyncRun::finishRun(Error error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_walker) {
        m_walker->disconnect(this);
        m_walker->stop();
    }
    if (m_applier) {
        Error e;
        const auto pending = m_applier->pendingCounts(&e);
        for (auto it = m_applier->counts().begin(); it != m_applier->counts().end(); ++it) {
            it->pending = pending.value(it.key());
            m_result.counts[it.key()] = *it;
        }
    }
    const EntityCounts total = m_result.total();
    if (error)
        m_result.status = error.code == Error::Code::Aborted ? RunResult::Status::Interrupted : RunResult::Status::Failed;
    else
        m_result.status = (total.quarantined > 0 || total.pending > 0) ? RunResult::Status::Partial : RunResult::Status::Ok;
    m_result.error = error;
    m_result.elapsedMs = m_timer.elapsed();

    if (m_result.runId > 0) {
        QJsonObject counts;
        for (auto it = m_result.counts.constBegin(); it != m_result.counts.constEnd(); ++it)
            counts.insert(it.key(), it->toJson());
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral("UPDATE tributary_runs SET finished_at = ?, status = ?, error = ?, counts = ? WHERE id = ?"));
        q.addBindValue(Database::now());
        q.addBindValue(RunResult::statusName(m_result.status));
        q.addBindValue(error ? QVariant(error.message) : QVariant());
        q.addBindValue(QString::fromUtf8(QJsonDocument(counts).toJson(QJsonDocument::Compact)));
        q.addBindValue(m_result.runId);
        if (!q.exec())
            qCWarning(lcEngine) << "cannot record the end of run" << m_result.runId;
    }
    if (error)
        qCWarning(lcEngine).noquote() << QStringLiteral("run %1 of %2 %3: %4").arg(m_result.runId).arg(m_source.name,
                                              RunResult::statusName(m_result.status), error.toString());
    else
        qCInfo(lcEngine).noquote() << QStringLiteral("run %1 of %2 %3 in %4 ms").arg(m_result.runId).arg(m_source.name,
                                          RunResult::statusName(m_result.status)).arg(m_result.elapsedMs);
    QTimer::singleShot(0, this, [this] { Q_EMIT finished(m_result); });
}

} // namespace Tributary
