#pragma once

#include "config/Config.h"
#include "engine/run/Run.h"
#include "state/HintStore.h"
#include "state/LeaseStore.h"
#include "webhook/WebhookReceiver.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace Tributary {

class Database;
class SourceRunner;

// Decides when each source runs, for `tributaryd serve`. Every enabled source has a SourceRunner
// (its own worker thread, database connection and network manager), so different sources run in
// parallel and one source never runs twice at once. Three kinds of work wait for a source:
//   - webhook hints: a "webhook" run fetching just the named records, started as soon as the
//     source is idle (hints arriving meanwhile are merged into the next one);
//   - its incremental sync, every schedule.interval_seconds;
//   - its reconciliation, every schedule.reconcile_interval_seconds after the last successful one.
// Each wait is varied by ±schedule.jitter_share so that many sources do not fire together. A turn
// that comes while a run of the same kind is still going is skipped (turnSkipped()); one that
// comes during another kind of run waits for it, once: turns never pile up.
//
// Several workers (tributaryd serve processes sharing the main database, given by setDatabase()):
// a run holds its source's lease (RunLease). A turn whose source another worker holds is not run
// (turnYielded(), no run recorded) and is tried again when that lease ends; a polling turn that
// another worker's successful run of the same kind already covered (it started less than an
// interval ago) is skipped and planned from that run. Each worker records itself in the main
// database every couple of seconds (LeaseStore::beat); one that already runs its share of the
// sources (their number over the workers alive, rounded up) leaves a due source to the others for
// a few seconds, and runs it itself if none of them took it. Hints for a source another worker holds are
// handed over through the database (HintStore), and hints waiting there are taken by whichever
// worker runs the source next: polled every couple of seconds, and on PostgreSQL also woken by
// NOTIFY.
//
// Lives in one thread (the service's main thread); runs report there through queued signals.
class Scheduler : public QObject
{
    Q_OBJECT
public:
    explicit Scheduler(QObject *parent = nullptr);
    // Stops every run and waits for the worker threads (see stop() for a graceful end).
    ~Scheduler() override;

    // The main database, on this thread's own connection, for what the workers share: the leases,
    // the last runs of the other workers, the hints handed over. Null: this worker coordinates
    // with no other (runs still take their leases). Set again after a reload.
    void setDatabase(Database *db);
    // The configuration to run, and the sources to run (empty: every enabled one). On a reload,
    // runs in progress finish with the configuration they started with; sources that are gone or
    // disabled get no new runs; schedules that changed are planned again from now.
    void setConfig(const Config &config, const QStringList &only = {});
    // When each source's last successful reconciliation finished (from tributary_runs), so that a
    // restart does not reconcile everything again at once. Call before start().
    void setLastReconcile(const QHash<QString, QDateTime> &finishedAt);
    // Plans the first turns: each source's sync at once (staggered by up to two seconds of jitter),
    // its reconciliation when due.
    void start();
    // Hints for one source, run as soon as it is idle. Dropped (hintsDropped()) when the source
    // is not run by this scheduler; beyond maxPendingHints() the hints are dropped and a sync is
    // asked for instead, which finds the same changes.
    void addHints(const QString &source, const QList<Tributary::WebhookHint> &hints);
    static constexpr int maxPendingHints() { return 10000; }

    // Asks every run to stop (the page being applied commits or rolls back whole) and plans no
    // more; stopped() follows once no run is left (at once when none is running).
    void stop();
    bool isStopping() const { return m_stopping; }
    // Sources with a run in progress.
    QStringList running() const;
    QStringList sources() const;
    // When the source's next sync and reconciliation are planned (invalid when not planned).
    QDateTime nextSync(const QString &source) const;
    QDateTime nextReconcile(const QString &source) const;

    // A random number in [0, 1) for the jitter; tests make it fixed.
    void setRandom(std::function<double()> random) { m_random = std::move(random); }

Q_SIGNALS:
    void runStarted(const QString &source, const QString &kind);
    // `hints`: how many hinted records the run fetched (webhook runs), else 0.
    void runFinished(const Tributary::RunResult &result, int hints);
    void turnSkipped(const QString &source, const QString &kind);
    // A turn not run because worker `worker` (host:pid) holds the source's lease.
    void turnYielded(const QString &source, const QString &kind, const QString &worker);
    void hintsDropped(const QString &source, int count, const QString &why);
    // Hints written to the database for the worker that holds their source.
    void hintsHandedOver(const QString &source, int count);
    void stopped();

private:
    struct Slot;
    Slot *slot(const QString &source) const;
    void plan(Slot *s);
    void arm(Slot *s);
    void onTimer(Slot *s);
    void startNext(Slot *s);
    void onFinished(Slot *s, const RunResult &result);
    qint64 jittered(qint64 ms, double share) const;
    void removeSlot(const QString &source);
    void checkStopped();
    // Coordination with the other workers (only with a database).
    std::optional<LeaseRecord> heldElsewhere(const QString &source);
    bool coveredElsewhere(Slot *s, RunKind kind);
    void yieldTo(Slot *s, RunKind kind, const LeaseRecord &holder);
    void handOver(Slot *s, const QList<RecordRef> &records);
    void claimStoredHints(Slot *s);
    // Says this worker is alive (LeaseStore::beat) and counts the workers that are.
    void beat();
    // The workers alive now (m_liveWorkers, the last count when the database cannot tell);
    // logs when the number changed.
    int countWorkers();
    // Whether a due turn is left to the other workers for now, this one running its share.
    bool overShare(Slot *s, RunKind kind);
    void pollStoredHints(const QString &only = QString());

    Config m_config;
    Database *m_db = nullptr;
    QTimer *m_pollTimer = nullptr;
    QStringList m_only;
    QHash<QString, std::shared_ptr<Slot>> m_slots;
    QHash<QString, QDateTime> m_lastReconcile;
    std::function<double()> m_random;
    int m_liveWorkers = 1; // sharing the main database, this one included (countWorkers())
    bool m_started = false;
    bool m_stopping = false;
    bool m_stoppedEmitted = false;
};

} // namespace Tributary
