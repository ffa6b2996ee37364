#pragma once

#include "config/Config.h"
#include "state/RunCounts.h"
#include "engine/run/Run.h"
#include "net/RetryNotice.h"
#include "util/Error.h"

#include <QObject>
#include <QString>

namespace Tributary {

namespace Detail {
class SourceRunnerThread;
}

// Runs one source's sync, reconciliation or dry run on a worker thread of its own, with its own
// database connection and network manager, so that the thread that owns the runner (a window's,
// a service's) stays responsive and several sources can run side by side. Everything the run
// reports arrives as queued signals in the owner's thread; progress is throttled so a
// million-record run cannot flood that thread's event loop.
//
//   SourceRunner runner;
//   connect(&runner, &SourceRunner::finished, ...);
//   runner.start(config, QStringLiteral("forum"), RunRequest::incremental(), false, &error);
class SourceRunner : public QObject
{
    Q_OBJECT
public:
    explicit SourceRunner(QObject *parent = nullptr);
    // Stops a run in progress and joins its thread (within seconds: see stop()).
    ~SourceRunner() override;

    // Starts a run of `source` (the configuration is copied; later edits do not reach the run).
    // `dryRun`: on a throwaway copy of the main database (DryRun), nothing is written to it.
    // Refused (false + *error) when a run is already in progress or the source is unknown.
    // Anything that goes wrong once started (the database cannot be opened, the schema does not
    // match, the source refuses) ends with finished() carrying a failed result.
    bool start(const Config &config, const QString &source, const RunRequest &request, bool dryRun, Error *error);
    // Asks the run to stop: the page being applied commits or rolls back whole, requests in
    // flight are aborted, and finished() follows with status Interrupted. Returns at once.
    void stop();

    // True from start() until finished() is delivered.
    bool isRunning() const { return m_thread != nullptr; }
    bool isStopping() const { return m_thread != nullptr && m_stopping; }
    bool isDryRun() const { return m_dryRun; }
    // The source of the current (or last) run.
    QString source() const { return m_source; }
    const RunRequest &request() const { return m_request; }

    // At most one progress() per entity in this many milliseconds (the last value of an entity
    // is always delivered, before its entityFinished()). Takes effect at the next start().
    void setProgressInterval(int ms) { m_progressIntervalMs = ms; }
    int progressInterval() const { return m_progressIntervalMs; }

    // EntityCounts and RunResult for queued connections (done by the constructor as well).
    static void registerMetaTypes();

Q_SIGNALS:
    // All delivered queued, in the thread that owns the runner.
    void started(const QString &source);
    void entityStarted(const QString &source, const QString &entity);
    void progress(const QString &source, const QString &entity, const Tributary::EntityCounts &counts);
    void entityFinished(const QString &source, const QString &entity, const Tributary::EntityCounts &counts);
    // A request of the run failed for a passing reason and is sent again after notice.delayMs.
    void retrying(const QString &source, const Tributary::RetryNotice &notice);
    // Exactly once per successful start(), also when the run could not begin.
    void finished(const Tributary::RunResult &result);

private:
    void onThreadDone(const Tributary::RunResult &result);

    Detail::SourceRunnerThread *m_thread = nullptr;
    QString m_source;
    RunRequest m_request;
    bool m_dryRun = false;
    bool m_stopping = false;
    int m_progressIntervalMs = 100;
};

} // namespace Tributary
