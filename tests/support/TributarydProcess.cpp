#include "TributarydProcess.h"

#include "TestSupport.h"

#include <csignal>

namespace Tributary::Test {

TributarydProcess::Result TributarydProcess::run(const QStringList &args, const Environment &env, const QByteArray &input, int timeoutMs)
{
    TributarydProcess p(env);
    if (!p.start(args, input)) {
        qWarning("tributaryd %s did not start", qPrintable(args.join(QLatin1Char(' '))));
        return p.result();
    }
    if (!p.waitForFinished(timeoutMs)) {
        qWarning("tributaryd %s did not finish within %d ms; killed", qPrintable(args.join(QLatin1Char(' '))), timeoutMs);
        p.kill();
        p.waitForFinished(10000);
        Result r = p.result();
        r.exitCode = -1;
        return r;
    }
    return p.result();
}

TributarydProcess::TributarydProcess(const Environment &env)
    : m_env(QProcessEnvironment::systemEnvironment())
{
    for (auto it = env.constBegin(); it != env.constEnd(); ++it) {
        if (it.value().isEmpty())
            m_env.remove(it.key());
        else
            m_env.insert(it.key(), it.value());
    }
    m_process.setProcessEnvironment(m_env);
    // Read as it comes: a long-running child must never block on a full pipe, and a test polls
    // log() while an event loop (QTRY_*, QSignalSpy::wait) or a waitFor* call runs.
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process, [this] { collect(); });
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process, [this] { collect(); });
}

TributarydProcess::~TributarydProcess()
{
    if (isRunning()) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}

bool TributarydProcess::start(const QStringList &args, const QByteArray &input)
{
    m_out.clear();
    m_err.clear();
    m_process.start(executable(QStringLiteral("tributaryd")), args);
    if (!m_process.waitForStarted(10000))
        return false;
    if (!input.isEmpty())
        m_process.write(input);
    m_process.closeWriteChannel();
    return true;
}

void TributarydProcess::signal(int sig) const
{
    if (isRunning())
        ::kill(pid_t(m_process.processId()), sig);
}

void TributarydProcess::terminate() { m_process.terminate(); }

void TributarydProcess::kill() { m_process.kill(); }

bool TributarydProcess::waitForFinished(int ms)
{
    const bool ended = !isRunning() || m_process.waitForFinished(ms);
    collect();
    return ended;
}

int TributarydProcess::wait(int ms)
{
    if (!waitForFinished(ms))
        return -1;
    return exitCode();
}

QString TributarydProcess::out() const
{
    collect();
    return QString::fromUtf8(m_out);
}

QString TributarydProcess::log() const
{
    collect();
    return QString::fromUtf8(m_err);
}

void TributarydProcess::collect() const
{
    m_out += m_process.readAllStandardOutput();
    m_err += m_process.readAllStandardError();
}

} // namespace Tributary::Test
