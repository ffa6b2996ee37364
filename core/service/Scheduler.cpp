#include "Scheduler.h"

#include "engine/SourceRunner.h"
#include "state/RunLog.h"
#include "store/Database.h"
#include "util/Logging.h"

#include <QRandomGenerator>
#include <QSet>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace Tributary {

namespace {
constexpr qint64 kStartStaggerMs = 2000;  // at most this long between start and a source's first sync
constexpr qint64 kMaxTimerMs = 3600000;   // long waits are re-checked hourly (QTimer takes an int)
// How often the hints handed over by other workers are looked for. One grouped count on an
// indexed table; on PostgreSQL a NOTIFY wakes the scheduler sooner.
constexpr int kHintPollMs = 2000;
// A turn whose source another worker holds is tried again when that lease ends, plus up to this
// much, so that the workers waiting for one source do not all ask at the same instant.
constexpr qint64 kRetrySpreadMs = 500;
// A worker running its share of the sources leaves a due source this long to the other workers
// before it runs the source itself (Scheduler::overShare).
constexpr qint64 kShareWaitMs = 5000;
const QString kIncremental = RunKinds::name(RunKind::Incremental);
const QString kReconcile = RunKinds::name(RunKind::Reconcile);

QString hintKey(const QString &entity, const QString &id)
{
    return entity + QLatin1Char('\n') + id;
}
} // namespace

struct Scheduler::Slot
{
    QString name;
    ScheduleConfig schedule;
    SourceRunner *runner = nullptr;
    QTimer *timer = nullptr;
    QDateTime nextSync;
    QDateTime nextReconcile;
    bool syncWanted = false;
    bool reconcileWanted = false;
    QList<RecordRef> hints;
    QSet<QString> hintKeys;
    int hintsInRun = 0;
    QList<StoredHint> storedClaimed; // read from tributary_hints, to be fetched by the next run
    QList<StoredHint> storedInRun;   // fetched by the run going: removed from the table at its end
    QDateTime retryAt;               // another worker held the source: try the waiting turn again then
    QDateTime shareWaitUntil;        // left to the other workers until then (overShare)
    QDateTime pausedUntil;           // the last run paused (its host's budget spent): nothing before this
    QString yieldedTo;               // the worker it was last yielded to (logged once per holder)
    bool retired = false; // no longer configured: removed once its run is over

    ~Slot()
    {
        delete timer;
        delete runner; // stops a run still going and joins its thread
    }
};

Scheduler::Scheduler(QObject *parent)
    : QObject(parent), m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
    SourceRunner::registerMetaTypes();
}

Scheduler::~Scheduler() = default;

void Scheduler::setDatabase(Database *db)
{
    m_db = db;
    if (!m_pollTimer) {
        m_pollTimer = new QTimer(this);
        m_pollTimer->setInterval(kHintPollMs);
        connect(m_pollTimer, &QTimer::timeout, this, [this] {
            beat();
            pollStoredHints();
        });
    }
    if (!m_db) {
        m_pollTimer->stop();
        return;
    }
    // PostgreSQL wakes the holder as soon as a hint is handed over; polling stays the guarantee.
    m_db->subscribe(HintStore::channel(), this, [this](const QString &source) { pollStoredHints(source); });
    if (m_started && !m_stopping)
        m_pollTimer->start();
}

void Scheduler::setConfig(const Config &config, const QStringList &only)
{
    m_config = config;
    m_only = only;
    QSet<QString> wanted;
    for (const SourceConfig &source : std::as_const(m_config.sources)) {
        if (source.enabled && (m_only.isEmpty() || m_only.contains(source.name)))
            wanted.insert(source.name);
    }
    for (const QString &name : m_slots.keys()) {
        if (!wanted.contains(name))
            removeSlot(name);
    }
    for (const QString &name : std::as_const(wanted)) {
        const ScheduleConfig &schedule = m_config.source(name)->schedule;
        Slot *s = slot(name);
        if (s && !s->retired) {
            const bool changed = s->schedule.intervalSeconds != schedule.intervalSeconds
                              || s->schedule.reconcileIntervalSeconds != schedule.reconcileIntervalSeconds
                              || !qFuzzyCompare(1 + s->schedule.jitterShare, 1 + schedule.jitterShare);
            s->schedule = schedule;
            if (changed && m_started && !m_stopping) {
                const QDateTime now = QDateTime::currentDateTimeUtc();
                s->nextSync = now.addMSecs(jittered(qint64(schedule.intervalSeconds) * 1000, schedule.jitterShare));
                s->nextReconcile = schedule.reconcileIntervalSeconds > 0
                                     ? now.addMSecs(jittered(qint64(schedule.reconcileIntervalSeconds) * 1000, schedule.jitterShare))
                                     : QDateTime();
                arm(s);
            }
            continue;
        }
        if (s) // retired but configured again: it keeps its runner until the run is over
            s->retired = false;
        else {
            auto fresh = std::make_shared<Slot>();
            fresh->name = name;
            fresh->runner = new SourceRunner;
            fresh->timer = new QTimer;
            fresh->timer->setSingleShot(true);
            Slot *raw = fresh.get();
            connect(fresh->timer, &QTimer::timeout, this, [this, raw] { onTimer(raw); });
            connect(fresh->runner, &SourceRunner::finished, this, [this, raw](const RunResult &r) { onFinished(raw, r); });
            m_slots.insert(name, fresh);
            s = raw;
        }
        s->schedule = schedule;
        if (m_started && !m_stopping)
            plan(s);
    }
}

void Scheduler::setLastReconcile(const QHash<QString, QDateTime> &finishedAt)
{
    m_lastReconcile = finishedAt;
}

void Scheduler::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_db) {
        Error error;
        if (!LeaseStore(*m_db).forgetGoneWorkers(&error))
            qCDebug(lcService).noquote() << error.toString();
    }
    beat();
    for (const auto &s : std::as_const(m_slots))
        plan(s.get());
    if (m_db && m_pollTimer)
        m_pollTimer->start();
}

void Scheduler::plan(Slot *s)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 stagger = std::min<qint64>(kStartStaggerMs, qint64(s->schedule.jitterShare * s->schedule.intervalSeconds * 1000));
    s->nextSync = now.addMSecs(qint64(m_random() * double(stagger)));
    if (s->schedule.reconcileIntervalSeconds <= 0) {
        s->nextReconcile = QDateTime();
    } else {
        const QDateTime last = m_lastReconcile.value(s->name);
        s->nextReconcile = last.isValid()
                             ? std::max(now, last.addMSecs(jittered(qint64(s->schedule.reconcileIntervalSeconds) * 1000,
                                                                    s->schedule.jitterShare)))
                             : s->nextSync; // never reconciled: due with the first sync, which goes first
    }
    qCInfo(lcService).noquote() << QStringLiteral("%1: sync every %2 s, %3")
                                       .arg(s->name).arg(s->schedule.intervalSeconds)
                                       .arg(s->nextReconcile.isValid()
                                                ? QStringLiteral("next reconciliation at %1").arg(s->nextReconcile.toString(Qt::ISODate))
                                                : QStringLiteral("no scheduled reconciliation"));
    arm(s);
}

void Scheduler::arm(Slot *s)
{
    if (m_stopping || s->retired) {
        s->timer->stop();
        return;
    }
    QDateTime next = s->nextSync;
    if (s->nextReconcile.isValid() && (!next.isValid() || s->nextReconcile < next))
        next = s->nextReconcile;
    if (s->retryAt.isValid() && (!next.isValid() || s->retryAt < next))
        next = s->retryAt;
    // A paused source waits for its budget: every turn due before then is taken at that time.
    if (s->pausedUntil.isValid() && next.isValid() && next < s->pausedUntil)
        next = s->pausedUntil;
    if (!next.isValid()) {
        s->timer->stop();
        return;
    }
    const qint64 ms = std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(next), 0, kMaxTimerMs);
    s->timer->start(int(ms));
}

void Scheduler::onTimer(Slot *s)
{
    if (m_stopping || s->retired)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (s->retryAt.isValid() && now >= s->retryAt)
        s->retryAt = QDateTime(); // what waited for another worker's lease is tried again below
    if (s->pausedUntil.isValid() && now >= s->pausedUntil)
        s->pausedUntil = QDateTime();
    const QString runningKind = s->runner->isRunning() ? RunKinds::name(s->runner->request().kind()) : QString();
    auto turn = [&](QDateTime *next, bool *wanted, const QString &kind, int intervalSeconds) {
        if (!next->isValid() || now < *next)
            return;
        *next = now.addMSecs(jittered(qint64(intervalSeconds) * 1000, s->schedule.jitterShare));
        if (runningKind == kind || *wanted) {
            // The run of this kind still going (or already waiting) covers this turn.
            qCInfo(lcService).noquote() << (runningKind == kind
                                                ? QStringLiteral("%1: the %2 run is still going; this turn is skipped").arg(s->name, kind)
                                                : runningKind.isEmpty()
                                                ? QStringLiteral("%1: the %2 run already waits for its turn (another worker holds the source); "
                                                                 "this turn is skipped").arg(s->name, kind)
                                                : QStringLiteral("%1: the %2 run already waits for the %3 run to end; this turn is skipped")
                                                      .arg(s->name, kind, runningKind));
            Q_EMIT turnSkipped(s->name, kind);
            return;
        }
        *wanted = true;
    };
    turn(&s->nextSync, &s->syncWanted, kIncremental, s->schedule.intervalSeconds);
    if (s->schedule.reconcileIntervalSeconds > 0)
        turn(&s->nextReconcile, &s->reconcileWanted, kReconcile, s->schedule.reconcileIntervalSeconds);
    startNext(s);
    arm(s);
}

void Scheduler::addHints(const QString &source, const QList<WebhookHint> &hints)
{
    Slot *s = slot(source);
    if (!s || s->retired || m_stopping) {
        Q_EMIT hintsDropped(source, int(hints.size()),
                            m_stopping ? QStringLiteral("stopping") : QStringLiteral("the source is not run by this service (disabled or unknown)"));
        return;
    }
    int dropped = 0;
    for (const WebhookHint &hint : hints) {
        const QString key = hintKey(hint.entity, hint.recordId);
        if (s->hintKeys.contains(key))
            continue;
        if (s->hints.size() >= maxPendingHints()) {
            ++dropped;
            continue;
        }
        s->hintKeys.insert(key);
        s->hints.append({hint.entity, hint.recordId});
    }
    if (dropped > 0) {
        // A sync finds the same changes; it only takes longer.
        s->syncWanted = true;
        Q_EMIT hintsDropped(source, dropped, QStringLiteral("more than %1 hints are waiting; a sync was asked for instead").arg(maxPendingHints()));
    }
    startNext(s);
}

void Scheduler::startNext(Slot *s)
{
    if (m_stopping || s->retired || !m_started || s->runner->isRunning())
        return;
    // The host's budget is spent: a run now would only be refused it (arm() wakes it then).
    if (s->pausedUntil.isValid() && QDateTime::currentDateTimeUtc() < s->pausedUntil)
        return;
    if (m_db)
        claimStoredHints(s);
    RunKind kind;
    if (!s->hints.isEmpty())
        kind = RunKind::Webhook;
    else if (s->syncWanted)
        kind = RunKind::Incremental;
    else if (s->reconcileWanted)
        kind = RunKind::Reconcile;
    else
        return;
    if (m_db) {
        // Cheaper than a run refused by its lease (a thread, a connection), and quiet; the run's
        // own take of the lease stays the rule.
        if (const std::optional<LeaseRecord> holder = heldElsewhere(s->name)) {
            yieldTo(s, kind, *holder);
            return;
        }
        s->yieldedTo.clear();
        if (kind != RunKind::Webhook && coveredElsewhere(s, kind)) {
            (kind == RunKind::Reconcile ? s->reconcileWanted : s->syncWanted) = false;
            startNext(s);
            return;
        }
        // Webhook runs are short and wanted at once: never left to others.
        if (kind != RunKind::Webhook && overShare(s, kind))
            return;
    }
    s->shareWaitUntil = QDateTime();
    RunRequest request;
    if (kind == RunKind::Webhook) {
        request = RunRequest::webhook(std::exchange(s->hints, {}));
        s->hintKeys.clear();
        s->hintsInRun = int(request.records().size());
        s->storedInRun = std::exchange(s->storedClaimed, {});
    } else if (kind == RunKind::Incremental) {
        s->syncWanted = false;
        request = RunRequest::incremental({}, s->schedule.reconcileOnMissedDeletes ? RunRequest::DeleteCheck::AfterRun : RunRequest::DeleteCheck::Skip);
    } else {
        s->reconcileWanted = false;
        request = RunRequest::reconcile();
    }
    Error error;
    if (!s->runner->start(m_config, s->name, request, false, &error)) {
        qCWarning(lcService).noquote() << QStringLiteral("%1: cannot start a %2 run: %3").arg(s->name, RunKinds::name(request.kind()), error.toString());
        s->hintsInRun = 0;
        s->storedInRun.clear();
        return;
    }
    Q_EMIT runStarted(s->name, RunKinds::name(request.kind()));
}

void Scheduler::beat()
{
    if (!m_db || m_stopping)
        return;
    // The schedule goes with the beat, so a console can say when each source runs next.
    QJsonObject plan;
    for (const std::shared_ptr<Slot> &s : std::as_const(m_slots)) {
        if (s->retired)
            continue;
        QJsonObject p;
        if (s->nextSync.isValid())
            p.insert(QStringLiteral("sync"), s->nextSync.toMSecsSinceEpoch());
        if (s->nextReconcile.isValid())
            p.insert(QStringLiteral("reconcile"), s->nextReconcile.toMSecsSinceEpoch());
        if (s->retryAt.isValid())
            p.insert(QStringLiteral("retry"), s->retryAt.toMSecsSinceEpoch());
        if (s->runner && s->runner->isRunning())
            p.insert(QStringLiteral("running"), true);
        plan.insert(s->name, p);
    }
    Error error;
    if (!LeaseStore(*m_db).beat(WorkerIdentity::current(), qint64(m_config.service.leaseSeconds) * 1000, &error, plan)) {
        // The runs find out for themselves; the last count stands meanwhile.
        qCDebug(lcService).noquote() << error.toString();
        return;
    }
    countWorkers();
}

int Scheduler::countWorkers()
{
    const Result<int> live = LeaseStore(*m_db).liveWorkers();
    if (!live) {
        qCDebug(lcService).noquote() << live.error().toString();
        return m_liveWorkers;
    }
    const int count = std::max(1, *live);
    if (count != std::exchange(m_liveWorkers, count))
        qCInfo(lcService).noquote() << (count == 1 ? QStringLiteral("this worker is the only one on the main database")
                                                   : QStringLiteral("%1 workers share the main database").arg(count));
    return count;
}

bool Scheduler::overShare(Slot *s, RunKind kind)
{
    // Every worker plans every source, and the first to look takes the lease: without this, the
    // worker that started first would run every source while the others waited. A worker that
    // runs its share already (the sources over the workers alive, rounded up) leaves a due source
    // to the others for a moment; one that none of them took by then runs here, so a source never
    // waits for a worker that is not there.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (s->shareWaitUntil.isValid() && now >= s->shareWaitUntil)
        return false;
    // Counted afresh: workers started together learn of each other here, not a beat later.
    if (countWorkers() < 2)
        return false;
    int sources = 0;
    for (const auto &slot : std::as_const(m_slots))
        sources += slot->retired ? 0 : 1;
    const int share = (sources + m_liveWorkers - 1) / m_liveWorkers;
    const int busy = int(running().size());
    if (busy < share)
        return false;
    if (!s->shareWaitUntil.isValid()) {
        s->shareWaitUntil = now.addMSecs(kShareWaitMs + qint64(m_random() * double(kRetrySpreadMs)));
        qCInfo(lcService).noquote() << QStringLiteral("%1: this worker runs %2 of %3 sources, its share with %4 workers; the %5 turn "
                                                      "is left to the others until %6")
                                           .arg(s->name)
                                           .arg(busy)
                                           .arg(sources)
                                           .arg(m_liveWorkers)
                                           .arg(RunKinds::name(kind), s->shareWaitUntil.toString(Qt::ISODateWithMs));
    }
    s->retryAt = s->shareWaitUntil;
    arm(s);
    return true;
}

std::optional<LeaseRecord> Scheduler::heldElsewhere(const QString &source)
{
    const Result<std::optional<LeaseRecord>> lease = LeaseStore(*m_db).find(source);
    if (!lease) {
        // The run finds out for itself, and fails naming the database if it must.
        qCDebug(lcService).noquote() << lease.error().toString();
        return std::nullopt;
    }
    if (*lease && (*lease)->isHeld() && (*lease)->holder != WorkerIdentity::current().id)
        return *lease;
    return std::nullopt;
}

bool Scheduler::coveredElsewhere(Slot *s, RunKind kind)
{
    // Every worker plans every source; the run history is what they share. A successful run of
    // this kind that another worker started less than an interval ago (less the jitter) covers
    // this turn, and the next one is planned from it: a source is polled about once per interval
    // whatever the number of workers, and keeps to the worker that last ran it while it lives.
    const bool reconcile = kind == RunKind::Reconcile;
    const int interval = reconcile ? s->schedule.reconcileIntervalSeconds : s->schedule.intervalSeconds;
    RunFilter filter;
    filter.sources = {s->name};
    filter.kinds = reconcile ? QList<RunKind>{RunKind::Reconcile} : QList<RunKind>{RunKind::Incremental, RunKind::Full};
    filter.statuses = {RunStatus::Ok, RunStatus::Partial};
    filter.finishedOnly = true;
    filter.limit = 1;
    const Result<QList<RunRecord>> last = RunLog(*m_db).list(filter);
    if (!last || last->isEmpty() || interval <= 0)
        return false;
    const RunRecord &r = last->first();
    if (r.worker.isEmpty() || r.worker == WorkerIdentity::current().id)
        return false;
    const QDateTime started = QDateTime::fromString(r.startedAt, Qt::ISODateWithMs).toUTC();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 window = qint64(double(interval) * 1000.0 * (1.0 - s->schedule.jitterShare));
    if (!started.isValid() || started.msecsTo(now) >= window)
        return false;
    QDateTime &next = reconcile ? s->nextReconcile : s->nextSync;
    next = std::max(now, started.addMSecs(jittered(qint64(interval) * 1000, s->schedule.jitterShare)));
    arm(s);
    qCInfo(lcService).noquote() << QStringLiteral("%1: worker %2 ran the %3 run %4 at %5; this turn is skipped, the next is at %6")
                                       .arg(s->name, r.workerName(), r.kind, QString::number(r.id), r.startedAt,
                                            next.toString(Qt::ISODateWithMs));
    return true;
}

void Scheduler::yieldTo(Slot *s, RunKind kind, const LeaseRecord &holder)
{
    if (!s->hints.isEmpty()) {
        handOver(s, std::exchange(s->hints, {}));
        s->hintKeys.clear();
    }
    s->storedClaimed.clear(); // they stay in the table for the holder
    if (s->syncWanted || s->reconcileWanted) {
        const qint64 wait = std::clamp<qint64>(holder.remainingMs(), 0, kMaxTimerMs) + qint64(m_random() * double(kRetrySpreadMs));
        s->retryAt = QDateTime::currentDateTimeUtc().addMSecs(wait);
        arm(s);
    }
    const QString line = QStringLiteral("%1: worker %2 holds the source (lease until %3); the %4 turn waits for it")
                             .arg(s->name, holder.worker(), holder.expiresAt().toString(Qt::ISODateWithMs), RunKinds::name(kind));
    if (std::exchange(s->yieldedTo, holder.holder) != holder.holder)
        qCInfo(lcService).noquote() << line;
    else
        qCDebug(lcService).noquote() << line;
    Q_EMIT turnYielded(s->name, RunKinds::name(kind), holder.worker());
}

void Scheduler::handOver(Slot *s, const QList<RecordRef> &records)
{
    QList<QPair<QString, QString>> rows;
    rows.reserve(records.size());
    for (const RecordRef &r : records)
        rows.append({r.entity, r.externalId});
    int dropped = 0;
    Error error;
    if (!HintStore(*m_db).add(s->name, rows, WorkerIdentity::current().id, &dropped, &error)) {
        qCWarning(lcService).noquote() << error.toString();
        Q_EMIT hintsDropped(s->name, int(rows.size()), QStringLiteral("they could not be handed over: ") + error.message);
        return;
    }
    if (rows.size() > dropped)
        Q_EMIT hintsHandedOver(s->name, int(rows.size()) - dropped);
    if (dropped > 0)
        Q_EMIT hintsDropped(s->name, dropped,
                            QStringLiteral("more than %1 hints wait in the database for the worker that holds the source; its next sync "
                                           "finds the same changes")
                                .arg(HintStore::maxPerSource()));
    // The holder may have let go between the look at its lease and the write: then nobody would
    // take the hints until the next poll. Looked at again now, after the write.
    const QString name = s->name;
    QTimer::singleShot(0, this, [this, name] {
        Slot *again = slot(name);
        if (again && m_db && !heldElsewhere(name))
            startNext(again);
    });
}

void Scheduler::claimStoredHints(Slot *s)
{
    const Result<QList<StoredHint>> stored = HintStore(*m_db).waiting(s->name, maxPendingHints());
    if (!stored) {
        qCWarning(lcService).noquote() << stored.error().toString();
        return;
    }
    s->storedClaimed = *stored;
    for (const StoredHint &h : *stored) {
        const QString key = hintKey(h.entity, h.externalId);
        if (s->hintKeys.contains(key) || s->hints.size() >= maxPendingHints())
            continue;
        s->hintKeys.insert(key);
        s->hints.append({h.entity, h.externalId});
    }
}

void Scheduler::pollStoredHints(const QString &only)
{
    if (!m_db || m_stopping || !m_started)
        return;
    QString why;
    // A connection the server dropped (a restart) is opened again here, not only by /healthz.
    if (!m_db->isOpen() && !m_db->ping(&why))
        return;
    const Result<QHash<QString, qint64>> waiting = HintStore(*m_db).countsBySource();
    if (!waiting) {
        qCDebug(lcService).noquote() << waiting.error().toString();
        m_db->ping(&why);
        return;
    }
    for (auto it = waiting->constBegin(); it != waiting->constEnd(); ++it) {
        if (it.value() <= 0 || (!only.isEmpty() && it.key() != only))
            continue;
        Slot *s = slot(it.key());
        // The holder takes them when its run ends; a poll only starts a source nobody runs.
        if (!s || s->retired || s->runner->isRunning() || heldElsewhere(it.key()))
            continue;
        startNext(s);
    }
}

void Scheduler::onFinished(Slot *s, const RunResult &result)
{
    const int hints = std::exchange(s->hintsInRun, 0);
    const QList<StoredHint> stored = std::exchange(s->storedInRun, {});
    const QString name = s->name;
    const bool retired = s->retired;
    if (result.heldBy && result.heldBy->holder != WorkerIdentity::current().id && !retired && !m_stopping && m_db) {
        // Another worker took the lease between the look and the run: not a run, not a failure.
        // What this run was for waits for that worker's lease, as if the look had seen it.
        const RunRequest &request = s->runner->request();
        if (request.kind() == RunKind::Webhook)
            s->hints = request.records() + s->hints;
        else if (request.kind() == RunKind::Reconcile)
            s->reconcileWanted = true;
        else
            s->syncWanted = true;
        s->hintKeys.clear();
        for (const RecordRef &r : std::as_const(s->hints))
            s->hintKeys.insert(hintKey(r.entity, r.externalId));
        yieldTo(s, request.kind(), *result.heldBy);
        return;
    }
    if (!stored.isEmpty() && m_db) {
        // Fetched (or failed: then the next sync is the guarantee, as for any hint): done with.
        Error error;
        if (!HintStore(*m_db).remove(name, stored, &error))
            qCWarning(lcService).noquote() << error.toString();
    }
    Q_EMIT runFinished(result, hints);
    if (result.status == RunStatus::Paused && !retired && !m_stopping) {
        // Goes on where it stopped once the budget is back, whatever the interval says.
        s->pausedUntil = result.resumesAt;
        if (result.kind == RunKind::Reconcile)
            s->reconcileWanted = true;
        else if (result.kind != RunKind::Webhook)
            s->syncWanted = true;
        qCInfo(lcService).noquote() << QStringLiteral("%1: paused until %2 (the request budget is spent); the %3 run goes on then")
                                           .arg(name, result.resumesAt.toString(Qt::ISODate), result.kindName());
        arm(s);
    }
    if (!result.missedDeletes.isEmpty() && !retired && !m_stopping) {
        // Listings never show deletes and a lost webhook cannot be asked again: only a scan finds
        // them. Reconcile now rather than leave deleted rows until the next reconciliation.
        if (s->schedule.reconcileIntervalSeconds > 0) {
            qCInfo(lcService).noquote() << QStringLiteral("%1: deletes were missed (%2); reconciling now")
                                               .arg(name, result.missedDeletes.join(QStringLiteral("; ")));
            s->reconcileWanted = true;
        } else {
            qCWarning(lcService).noquote() << QStringLiteral("%1: deletes were missed (%2); reconciliation is not scheduled "
                                                             "(reconcile_interval_seconds 0): run tributaryd reconcile")
                                                  .arg(name, result.missedDeletes.join(QStringLiteral("; ")));
        }
    }
    if (retired) {
        // Not deleted here: this is called from the runner's own signal.
        QTimer::singleShot(0, this, [this, name] {
            const auto it = m_slots.constFind(name);
            if (it != m_slots.constEnd() && (*it)->retired && !(*it)->runner->isRunning())
                m_slots.remove(name);
            checkStopped();
        });
        return;
    }
    if (m_stopping) {
        checkStopped();
        return;
    }
    // What waited for this run goes next, hints first.
    QTimer::singleShot(0, this, [this, name] {
        if (Slot *next = slot(name))
            startNext(next);
    });
}

void Scheduler::removeSlot(const QString &source)
{
    Slot *s = slot(source);
    if (!s)
        return;
    if (!s->hints.isEmpty())
        Q_EMIT hintsDropped(source, int(s->hints.size()), QStringLiteral("the source is no longer run by this service"));
    s->hints.clear();
    s->hintKeys.clear();
    s->syncWanted = s->reconcileWanted = false;
    s->timer->stop();
    if (s->runner->isRunning())
        s->retired = true; // its run finishes with the configuration it started with
    else
        m_slots.remove(source);
}

void Scheduler::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (m_pollTimer)
        m_pollTimer->stop();
    if (m_db) {
        // Counted no more: the other workers take on the sources at once.
        Error error;
        if (!LeaseStore(*m_db).leave(WorkerIdentity::current().id, &error))
            qCDebug(lcService).noquote() << error.toString();
    }
    for (const auto &s : std::as_const(m_slots)) {
        s->timer->stop();
        if (s->runner->isRunning())
            s->runner->stop();
    }
    QTimer::singleShot(0, this, [this] { checkStopped(); });
}

void Scheduler::checkStopped()
{
    if (!m_stopping || !running().isEmpty())
        return;
    if (std::exchange(m_stoppedEmitted, true))
        return;
    Q_EMIT stopped();
}

QStringList Scheduler::running() const
{
    QStringList names;
    for (const auto &s : std::as_const(m_slots)) {
        if (s->runner->isRunning())
            names.append(s->name);
    }
    names.sort();
    return names;
}

QStringList Scheduler::sources() const
{
    QStringList names;
    for (const auto &s : std::as_const(m_slots)) {
        if (!s->retired)
            names.append(s->name);
    }
    names.sort();
    return names;
}

QDateTime Scheduler::nextSync(const QString &source) const
{
    const Slot *s = slot(source);
    return s && !s->retired ? s->nextSync : QDateTime();
}

QDateTime Scheduler::nextReconcile(const QString &source) const
{
    const Slot *s = slot(source);
    return s && !s->retired ? s->nextReconcile : QDateTime();
}

Scheduler::Slot *Scheduler::slot(const QString &source) const
{
    const auto it = m_slots.constFind(source);
    return it == m_slots.constEnd() ? nullptr : it->get();
}

qint64 Scheduler::jittered(qint64 ms, double share) const
{
    const double factor = 1.0 + share * (2.0 * m_random() - 1.0);
    return std::max<qint64>(1, qint64(double(ms) * factor));
}

} // namespace Tributary
