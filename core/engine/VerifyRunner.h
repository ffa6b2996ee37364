#pragma once

#include "config/Config.h"
#include "engine/Verifier.h"
#include "util/Error.h"

#include <QObject>
#include <QString>

namespace Tributary {

namespace Detail {
class VerifyRunnerThread;
}

// What a verify found, as a value (the Verifier itself lives and dies in the worker thread).
struct VerifyOutcome
{
    QString source;
    QList<Verifier::EntityReport> reports;
    Error error;       // verify could not finish (Aborted when stopped); nothing is concluded
    bool inSync = false;
    int unchecked = 0; // checks that could not run
};

// Runs one source's Verifier on a worker thread of its own, with its own database connection and
// network manager, as SourceRunner runs a sync: a verify walks the whole source, and the thread
// that owns the runner (the console's window) must stay responsive meanwhile. The Verifier is
// the one tributaryd verify runs; only values reach the owner, queued.
class VerifyRunner : public QObject
{
    Q_OBJECT
public:

    explicit VerifyRunner(QObject *parent = nullptr);
    // Stops a verify in progress and joins its thread.
    ~VerifyRunner() override;

    // Starts verifying `source` (the configuration is copied). Refused (false + *error) when a
    // verify is already running or the source is unknown; anything that goes wrong once started
    // ends with finished() carrying the error.
    bool start(const Config &config, const QString &source, Error *error);
    // Asks the verify to stop: requests in flight are aborted, and finished() follows with an
    // Aborted error. Returns at once.
    void stop();

    bool isRunning() const { return m_thread != nullptr; }
    bool isStopping() const { return m_thread != nullptr && m_stopping; }
    QString source() const { return m_source; }

Q_SIGNALS:
    // Queued, in the owner's thread. `records`: what the walk of `entity` has read so far.
    void progress(const QString &entity, qint64 records);
    // Exactly once per successful start().
    void finished(const Tributary::VerifyOutcome &outcome);

private:
    Detail::VerifyRunnerThread *m_thread = nullptr;
    QString m_source;
    bool m_stopping = false;
};

} // namespace Tributary

Q_DECLARE_METATYPE(Tributary::VerifyOutcome)
