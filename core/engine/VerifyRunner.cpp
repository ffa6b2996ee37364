#include "VerifyRunner.h"

#include "engine/Source.h"
#include "engine/SourceRegistry.h"
#include "state/Migrations.h"
#include "store/Database.h"
#include "util/Tr.h"

#include <QEventLoop>
#include <QMetaType>
#include <QMutex>
#include <QMutexLocker>
#include "net/RequestBudget.h"

#include <QNetworkAccessManager>
#include <QThread>

#include <atomic>
#include <memory>

namespace Tributary {

namespace Detail {

// The worker: run() makes everything the verify touches (network manager, connection, source,
// Verifier) in the worker thread and destroys it there before done(), its last signal.
class VerifyRunnerThread : public QThread
{
    Q_OBJECT
public:
    VerifyRunnerThread(const Config &config, const QString &source) : m_config(config), m_source(source)
    {
        setObjectName(QStringLiteral("tributary-verify-%1").arg(source));
    }

    // Any thread. Told to the Verifier in its own thread, after its start() (a stop posted before
    // the walk began would find nothing to stop).
    void requestStop()
    {
        m_stop.store(true);
        QMutexLocker lock(&m_mutex);
        if (m_verifier)
            QMetaObject::invokeMethod(m_verifier, &Verifier::stop, Qt::QueuedConnection);
    }

Q_SIGNALS:
    void progress(const QString &entity, qint64 records);
    void done(const Tributary::VerifyOutcome &outcome);

protected:
    void run() override { Q_EMIT done(execute()); }

private:
    VerifyOutcome failed(const Error &error) const
    {
        VerifyOutcome o;
        o.source = m_source;
        o.error = error;
        return o;
    }

    VerifyOutcome execute()
    {
        const SourceConfig *sc = m_config.source(m_source);
        if (!sc)
            return failed(Error(Error::Code::Config, Tr::tr("no source \"%1\" in the configuration").arg(m_source)));
        // Destroyed in reverse order: the Verifier before the source whose jobs it aborts, the
        // source before the network manager.
        QNetworkAccessManager nam;
        Error error;
        // What tributaryd's Context opens for verify: migrated, its schema checked.
        std::unique_ptr<Database> db = Database::open(m_config.database, m_config.baseDir(), &error);
        if (!db || !Migrations::run(*db, &error))
            return failed(error);
        const QStringList problems = checkSchema(*db, m_config);
        if (!problems.isEmpty())
            return failed(Error(Error::Code::Config,
                                Tr::tr("the configuration does not match the main database: %1").arg(problems.join(QStringLiteral("; ")))));
        // Every request of the process to one host draws from one budget, set from the file.
        RequestBudgets::instance().configure(m_config.hosts);
        std::unique_ptr<Source> impl = SourceRegistry::create(*sc, &nam);
        if (!impl)
            return failed(Error(Error::Code::Config, Tr::tr("source %1: unknown source type \"%2\"").arg(m_source, sc->type)));
        if (m_stop.load())
            return failed(Error(Error::Code::Aborted, Tr::tr("stopped before the verify began")));

        Verifier verifier(*db, m_config, *sc, impl.get());
        QEventLoop loop;
        connect(&verifier, &Verifier::progress, &verifier, [this](const QString &entity, qint64 records) { Q_EMIT progress(entity, records); });
        connect(&verifier, &Verifier::finished, &loop, &QEventLoop::quit);
        verifier.start();
        {
            QMutexLocker lock(&m_mutex);
            m_verifier = &verifier;
        }
        if (m_stop.load())
            QMetaObject::invokeMethod(&verifier, &Verifier::stop, Qt::QueuedConnection);
        loop.exec();
        {
            QMutexLocker lock(&m_mutex);
            m_verifier = nullptr;
        }
        VerifyOutcome o;
        o.source = m_source;
        o.reports = verifier.reports();
        o.error = verifier.error();
        o.inSync = verifier.isInSync();
        o.unchecked = verifier.uncheckedCount();
        return o;
    }

    const Config m_config;
    const QString m_source;
    std::atomic<bool> m_stop{false};
    QMutex m_mutex; // guards m_verifier against being destroyed while a stop is posted to it
    Verifier *m_verifier = nullptr;
};

} // namespace Detail

VerifyRunner::VerifyRunner(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<Tributary::VerifyOutcome>("Tributary::VerifyOutcome");
}

VerifyRunner::~VerifyRunner()
{
    if (m_thread) {
        m_thread->disconnect(this);
        m_thread->requestStop();
        m_thread->wait();
        delete m_thread;
    }
}

bool VerifyRunner::start(const Config &config, const QString &source, Error *error)
{
    if (m_thread) {
        *error = Error(Error::Code::Conflict, Tr::tr("source %1 is already being verified").arg(m_source));
        return false;
    }
    if (!config.source(source)) {
        *error = Error(Error::Code::NotFound, Tr::tr("no source \"%1\" in the configuration").arg(source));
        return false;
    }
    m_source = source;
    m_stopping = false;
    auto *thread = new Detail::VerifyRunnerThread(config, source);
    m_thread = thread;
    // Emitted in the worker thread; they reach `this` queued.
    connect(thread, &Detail::VerifyRunnerThread::progress, this, &VerifyRunner::progress);
    connect(thread, &Detail::VerifyRunnerThread::done, this, [this](const VerifyOutcome &outcome) {
        Detail::VerifyRunnerThread *finished = m_thread;
        m_thread = nullptr;
        m_stopping = false;
        finished->wait(); // done() is the thread's last act: this returns at once
        delete finished;
        Q_EMIT this->finished(outcome);
    });
    thread->start();
    return true;
}

void VerifyRunner::stop()
{
    if (!m_thread)
        return;
    m_stopping = true;
    m_thread->requestStop();
}

} // namespace Tributary

#include "VerifyRunner.moc"
