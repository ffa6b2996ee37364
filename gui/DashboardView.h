#pragma once

#include "state/RunCounts.h"
#include "engine/run/Run.h"
#include "net/RetryNotice.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QWidget>

#include <optional>

class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;
class QVBoxLayout;

namespace Tributary {
class SourceRunner;
}

namespace Tributary::Gui {

class Workspace;

// The console's dashboard: per source, its entities with a progress bar, rate, ETA and counts,
// the last run's result, and Sync now / Preview / Reconcile / Stop. Every run happens in a
// SourceRunner (its own thread and connection), one per source, so several sources can run at
// once while the window stays responsive; the dashboard only shows what the runners report.
class DashboardView : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardView(Workspace *workspace, QWidget *parent = nullptr);
    ~DashboardView() override; // stops runs in progress and waits for them (seconds at most)

    // Each starts a run of `source` unless one is running already (then nothing happens).
    void syncNow(const QString &source);
    // Walks everything the source lists, not only what changed (tributaryd sync --full).
    void fullSync(const QString &source);
    void reconcile(const QString &source);
    // A dry run: the real sync on a throwaway copy; shows what it would write, writes nothing.
    void preview(const QString &source);
    void retryQuarantine(const QString &source, const QStringList &entities, const QStringList &ids);
    // The page being applied commits or rolls back whole; the run ends as interrupted.
    void stop(const QString &source);

    bool isRunning(const QString &source) const;
    bool isStopping(const QString &source) const;
    bool isPreviewing(const QString &source) const;
    bool isAnyRunning() const;

    // The last result seen in this session (real runs and previews apart); `ok` false if none.
    RunResult lastResult(const QString &source, bool *ok = nullptr) const;
    RunResult lastPreview(const QString &source, bool *ok = nullptr) const;

    // For tests and screenshots.
    QProgressBar *progressBar(const QString &source, const QString &entity) const;
    QPushButton *button(const QString &source, const QString &action) const; // "sync", "preview", "reconcile", "stop"

Q_SIGNALS:
    void runStarted(const QString &source);
    void runFinished(const Tributary::RunResult &result);
    // A source started, is stopping or finished: the sources list refreshes its states.
    void stateChanged();

private:
    struct EntityRow
    {
        QString entity;
        QLabel *name = nullptr;
        QProgressBar *bar = nullptr;
        QLabel *rate = nullptr;
        QLabel *eta = nullptr;
        QHash<QString, QLabel *> counts; // by EntityCounts field
        // Rate over the last seconds: (elapsed ms, fetched) samples.
        QElapsedTimer clock;
        QList<QPair<qint64, qint64>> samples;
        bool active = false;
        bool done = false;
    };
    struct Panel
    {
        QString source;
        QGroupBox *box = nullptr;
        QLabel *state = nullptr;
        QLabel *lastRun = nullptr;
        QLabel *error = nullptr;
        QLabel *preview = nullptr;
        QPushButton *sync = nullptr;
        QPushButton *previewButton = nullptr;
        QPushButton *reconcile = nullptr;
        QPushButton *stop = nullptr;
        QList<EntityRow *> rows;
        // The latest retry of the running run, said beside its state until data flows again.
        std::optional<Tributary::RetryNotice> retry;
        QElapsedTimer retryClock;
        ~Panel() { qDeleteAll(rows); }
        EntityRow *row(const QString &entity) const;
    };

    void rebuild();
    Panel *buildPanel(const SourceConfig &source);
    void loadLastRun(Panel *panel);
    bool startRun(const QString &source, const RunRequest &request, bool dryRun);
    SourceRunner *runnerFor(const QString &source);
    Panel *panel(const QString &source) const;

    void onEntityStarted(const QString &source, const QString &entity);
    void onProgress(const QString &source, const QString &entity, const Tributary::EntityCounts &counts);
    void onEntityFinished(const QString &source, const QString &entity, const Tributary::EntityCounts &counts);
    void onFinished(SourceRunner *runner, const Tributary::RunResult &result);
    void onRetrying(const QString &source, const Tributary::RetryNotice &notice);
    void showRunningState(Panel *panel);
    void tick();

    void showCountLabels(EntityRow *row, const EntityCounts &counts);
    // Counts, rate and ETA; the bar moves while running and is full once the entity is done.
    void showCounts(EntityRow *row, const EntityCounts &counts, bool running);
    // An entity the run did not finish (stopped or failed): the bar stays where it got to.
    void showStopped(EntityRow *row, const EntityCounts &counts, RunResult::Status status);
    void resetRows(Panel *panel);
    void updateControls(Panel *panel);
    // `kind`: the run's kind as stored (RunKinds::name), also one a newer Tributary wrote.
    void showResult(Panel *panel, const RunResult &result, const QString &kind, bool dryRun, const QDateTime &when);
    void showPreview(Panel *panel, const RunResult &result);
    QString formatCount(qint64 n) const;
    QString formatDuration(qint64 seconds) const;

    Workspace *m_workspace;
    QLabel *m_banner = nullptr;
    QWidget *m_content = nullptr;
    QVBoxLayout *m_panelsLayout = nullptr;
    QList<Panel *> m_panels;
    QHash<QString, SourceRunner *> m_runners;
    QHash<QString, QElapsedTimer> m_runClock; // since each run started
    QHash<QString, RunResult> m_lastResults; // this session's, real runs
    QHash<QString, RunResult> m_lastPreviews;
    QTimer *m_ticker = nullptr;
};

} // namespace Tributary::Gui
