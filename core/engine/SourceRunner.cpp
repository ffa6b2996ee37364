#include "SourceRunner.h"

#include "engine/DryRun.h"
#include "engine/Source.h"
#include "engine/SourceRegistry.h"
#include "state/Migrations.h"
#include "store/Database.h"
#include "util/Logging.h"
#include "util/Tr.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QMetaType>
#include <QMutex>
#include <QMutexLocker>
#include "net/RequestBudget.h"

#include <QNetworkAccessManager>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>
#include <utility>

namespace Tributary {

namespace Detail {

// The worker: run() owns everything the run touches (network manager, database connection,
// dry-run copy, source, Run), creates it in the worker thread and destroys it there before
// the last signal, done(), is emitted. The QThread object itself lives in the owner's thread, so
// its signals reach the owner queued.
class SourceRunnerThread : public QThread
{
    Q_OBJECT
public:
    SourceRunnerThread(const Config &config, const QString &source, const RunRequest &request, bool dryRun, int intervalMs)
        : m_config(config), m_source(source), m_request(request), m_dryRun(dryRun), m_intervalMs(intervalMs)
    {
        setObjectName(QStringLiteral("tributary-run-%1").arg(source));
    }

    // Any thread. The Run is told in its own thread; a run not begun yet never begins.
    void requestStop()
    {
        m_stop.store(true);
        QMutexLocker lock(&m_mutex);
        if (m_run)
            QMetaObject::invokeMethod(m_run, &Run::stop, Qt::QueuedConnection);
    }

Q_SIGNALS:
    void runStarted(const QString &source);
    void entityStarted(const QString &entity);
    void progress(const QString &entity, const Tributary::EntityCounts &counts);
    void entityFinished(const QString &entity, const Tributary::EntityCounts &counts);
    void retrying(const Tributary::RetryNotice &notice);
    void done(const Tributary::RunResult &result);

protected:
    void run() override
    {
        Q_EMIT runStarted(m_source);
        const RunResult result = execute();
        // Everything thread-bound is gone by now (connection closed in this thread).
        Q_EMIT done(result);
    }

private:
    RunResult failed(const Error &error) const
    {
        RunResult r;
        r.source = m_source;
        r.kind = m_request.kind();
        r.status = error.code == Error::Code::Aborted ? RunResult::Status::Interrupted : RunResult::Status::Failed;
        r.error = error;
        qCWarning(lcEngine).noquote() << QStringLiteral("%1: the run could not begin: %2").arg(m_source, error.toString());
        return r;
    }

    RunResult execute()
    {
        const SourceConfig *sc = m_config.source(m_source);
        if (!sc)
            return failed(Error(Error::Code::Config, Tr::tr("no source \"%1\" in the configuration").arg(m_source)));

        // Declared in this order so that they are destroyed in the reverse one: the run before
        // the source whose jobs it aborts, the source before the network manager, the dry-run
        // copy before the connection it was made from.
        QNetworkAccessManager nam;
        Error error;
        std::unique_ptr<Database> db = Database::open(m_config.database, m_config.baseDir(), &error);
        if (!db)
            return failed(error);
        // A dry run leaves the main database as it was: its throwaway copy is migrated instead.
        if (!m_dryRun && !Migrations::run(*db, &error))
            return failed(error);
        const QStringList problems = checkSchema(*db, m_config);
        if (!problems.isEmpty())
            return failed(Error(Error::Code::Config,
                                Tr::tr("the configuration does not match the main database: %1").arg(problems.join(QStringLiteral("; ")))));
        if (m_stop.load())
            return failed(Error(Error::Code::Aborted, Tr::tr("stopped before the run began")));
        std::unique_ptr<DryRun> dry;
        if (m_dryRun) {
            dry = DryRun::open(*db, DryRun::Mode::Auto, &error);
            if (!dry)
                return failed(error);
        }
        // Every request of the process to one host draws from one budget, set from the file.
        RequestBudgets::instance().configure(m_config.hosts);
        std::unique_ptr<Source> impl = SourceRegistry::create(*sc, &nam);
        if (!impl)
            return failed(Error(Error::Code::Config, Tr::tr("source %1: unknown source type \"%2\"").arg(m_source, sc->type)));

        connect(impl.get(), &Source::retrying, this, &SourceRunnerThread::retrying, Qt::DirectConnection);
        const std::unique_ptr<Run> owned = Run::create(dry ? dry->database() : *db, m_config, *sc, impl.get(), m_request);
        Run &run = *owned;
        QEventLoop loop;

        // Progress throttle: at most one update per entity and interval; a held-back update is
        // sent when the interval ends, and always before the entity's entityFinished().
        QElapsedTimer clock;
        clock.start();
        QHash<QString, qint64> lastSent;
        QHash<QString, EntityCounts> held;
        QTimer flushTimer;
        flushTimer.setSingleShot(true);
        auto send = [&](const QString &entity, const EntityCounts &counts) {
            lastSent.insert(entity, clock.elapsed());
            Q_EMIT progress(entity, counts);
        };
        auto flush = [&] {
            const auto pending = std::exchange(held, {});
            for (auto it = pending.constBegin(); it != pending.constEnd(); ++it)
                send(it.key(), it.value());
        };
        connect(&flushTimer, &QTimer::timeout, &run, flush);
        connect(&run, &Run::entityStarted, &run, [&](const QString &entity) { Q_EMIT entityStarted(entity); });
        connect(&run, &Run::progress, &run, [&](const QString &entity, const EntityCounts &counts) {
            const qint64 now = clock.elapsed();
            const auto last = lastSent.constFind(entity);
            if (last == lastSent.constEnd() || now - *last >= m_intervalMs) {
                held.remove(entity);
                send(entity, counts);
                return;
            }
            held.insert(entity, counts);
            if (!flushTimer.isActive())
                flushTimer.start(int(qMax<qint64>(1, m_intervalMs - (now - *last))));
        });
        connect(&run, &Run::entityFinished, &run, [&](const QString &entity, const EntityCounts &counts) {
            if (held.remove(entity))
                send(entity, counts);
            Q_EMIT entityFinished(entity, counts);
        });
        connect(&run, &Run::finished, &loop, &QEventLoop::quit);

        {
            QMutexLocker lock(&m_mutex);
            m_run = &run;
        }
        run.start();
        // A stop that came while the run was being prepared.
        if (m_stop.load())
            run.stop();
        loop.exec();
        {
            QMutexLocker lock(&m_mutex);
            m_run = nullptr;
        }
        flushTimer.stop();
        flush();
        RunResult result = run.result();
        if (m_dryRun)
            result.runId = 0; // the run was recorded in the throwaway copy only
        return result;
    }

    const Config m_config;
    const QString m_source;
    const RunRequest m_request;
    const bool m_dryRun;
    const int m_intervalMs;
    std::atomic<bool> m_stop{false};
    QMutex m_mutex;          // guards m_run against being destroyed while a stop is posted to it
    Run *m_run = nullptr;
};

} // namespace Detail

void SourceRunner::registerMetaTypes()
{
    qRegisterMetaType<Tributary::EntityCounts>("Tributary::EntityCounts");
    qRegisterMetaType<Tributary::RunResult>("Tributary::RunResult");
    qRegisterMetaType<Tributary::RetryNotice>("Tributary::RetryNotice");
}

SourceRunner::SourceRunner(QObject *parent) : QObject(parent)
{
    registerMetaTypes();
}

SourceRunner::~SourceRunner()
{
    if (m_thread) {
        m_thread->disconnect(this);
        m_thread->requestStop();
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
}

bool SourceRunner::start(const Config &config, const QString &source, const RunRequest &request, bool dryRun, Error *error)
{
    if (m_thread) {
        if (error)
            *error = Error(Error::Code::Conflict, Tr::tr("source %1 is already running").arg(m_source));
        return false;
    }
    if (!config.source(source)) {
        if (error)
            *error = Error(Error::Code::NotFound, Tr::tr("no source \"%1\" in the configuration").arg(source));
        return false;
    }
    m_source = source;
    m_request = request;
    m_dryRun = dryRun;
    m_stopping = false;
    auto *thread = new Detail::SourceRunnerThread(config, source, request, dryRun, m_progressIntervalMs);
    m_thread = thread;
    // The thread's signals are emitted in the worker thread and reach `this` queued.
    connect(thread, &Detail::SourceRunnerThread::runStarted, this, [this](const QString &s) { Q_EMIT started(s); });
    connect(thread, &Detail::SourceRunnerThread::entityStarted, this, [this](const QString &e) { Q_EMIT entityStarted(m_source, e); });
    connect(thread, &Detail::SourceRunnerThread::progress, this,
            [this](const QString &e, const EntityCounts &c) { Q_EMIT progress(m_source, e, c); });
    connect(thread, &Detail::SourceRunnerThread::entityFinished, this,
            [this](const QString &e, const EntityCounts &c) { Q_EMIT entityFinished(m_source, e, c); });
    connect(thread, &Detail::SourceRunnerThread::retrying, this, [this](const RetryNotice &n) { Q_EMIT retrying(m_source, n); });
    connect(thread, &Detail::SourceRunnerThread::done, this, &SourceRunner::onThreadDone);
    thread->start();
    return true;
}

void SourceRunner::stop()
{
    if (!m_thread)
        return;
    m_stopping = true;
    m_thread->requestStop();
}

void SourceRunner::onThreadDone(const RunResult &result)
{
    Detail::SourceRunnerThread *thread = m_thread;
    m_thread = nullptr;
    m_stopping = false;
    if (thread) {
        thread->wait(); // done() is the thread's last act: this returns at once
        delete thread;
    }
    Q_EMIT finished(result);
}

} // namespace Tributary

#include "SourceRunner.moc"
