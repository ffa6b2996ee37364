#include "Scheduler.h"

#include "engine/SourceRunner.h"
#include "util/Logging.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace Tributary {

namespace {
constexpr qint64 kStartStaggerMs = 2000;  // at most this long between start and a source's first sync
constexpr qint64 kMaxTimerMs = 3600000;   // long waits are re-checked hourly (QTimer takes an int)
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
    for (const auto &s : std::as_const(m_slots))
        plan(s.get());
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
    const QString runningKind = s->runner->isRunning() ? RunKinds::name(s->runner->request().kind()) : QString();
    auto turn = [&](QDateTime *next, bool *wanted, const QString &kind, int intervalSeconds) {
        if (!next->isValid() || now < *next)
            return;
        *next = now.addMSecs(jittered(qint64(intervalSeconds) * 1000, s->schedule.jitterShare));
        if (runningKind == kind || *wanted) {
            // The run of this kind still going (or already waiting) covers this turn.
            qCInfo(lcService).noquote() << (runningKind == kind
                                                ? QStringLiteral("%1: the %2 run is still going; this turn is skipped").arg(s->name, kind)
                                                : QStringLiteral("%1: a %2 run already waits for the %3 run to end; this turn is skipped")
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
    RunRequest request;
    if (!s->hints.isEmpty()) {
        request = RunRequest::webhook(std::exchange(s->hints, {}));
        s->hintKeys.clear();
        s->hintsInRun = int(request.records().size());
    } else if (s->syncWanted) {
        s->syncWanted = false;
        request = RunRequest::incremental({}, s->schedule.reconcileOnMissedDeletes ? RunRequest::DeleteCheck::AfterRun : RunRequest::DeleteCheck::Skip);
    } else if (s->reconcileWanted) {
        s->reconcileWanted = false;
        request = RunRequest::reconcile();
    } else {
        return;
    }
    Error error;
    if (!s->runner->start(m_config, s->name, request, false, &error)) {
        qCWarning(lcService).noquote() << QStringLiteral("%1: cannot start a %2 run: %3").arg(s->name, RunKinds::name(request.kind()), error.toString());
        s->hintsInRun = 0;
        return;
    }
    Q_EMIT runStarted(s->name, RunKinds::name(request.kind()));
}

void Scheduler::onFinished(Slot *s, const RunResult &result)
{
    const int hints = std::exchange(s->hintsInRun, 0);
    const QString name = s->name;
    const bool retired = s->retired;
    Q_EMIT runFinished(result, hints);
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
