#pragma once

#include <QByteArray>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace Tributary::Test {

// Variables for a child tributaryd's environment, on top of this process's. A variable given an
// empty value is removed, to see what tributaryd does when it is not set.
using Environment = QMap<QString, QString>;

// The real tributaryd (executable("tributaryd")) as a child process; every test that runs the
// binary goes through this class. run() runs one command to its end. An object is a started one
// that the test waits for, signals or kills (serve, a sync interrupted at some instant); its
// standard output and error are collected as they come, so they can be read while it runs.
class TributarydProcess
{
public:
    // What a finished tributaryd said.
    struct Result
    {
        int exitCode = -1; // -1: it crashed, was killed, or did not end before the deadline
        QString out;       // standard output
        QString err;       // standard error
        // Both, as a person reading the terminal would want them: standard output, then error.
        QString output() const { return out + err; }
    };

    // Runs tributaryd with `args` to its end. `input`, when given, is its standard input. It is
    // killed (and a warning printed) when it has not ended after `timeoutMs`.
    static Result run(const QStringList &args, const Environment &env = {}, const QByteArray &input = {}, int timeoutMs = 300000);

    explicit TributarydProcess(const Environment &env = {});
    ~TributarydProcess(); // a tributaryd still running is killed
    TributarydProcess(const TributarydProcess &) = delete;
    TributarydProcess &operator=(const TributarydProcess &) = delete;

    // Starts tributaryd with `args` (and `input` on its standard input, then closed); true once
    // it runs, false when it could not be started within 10 s.
    bool start(const QStringList &args, const QByteArray &input = {});
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 pid() const { return m_process.processId(); }

    void signal(int sig) const; // SIGHUP, SIGINT, SIGTERM, ... as an operator sends them
    void terminate();           // SIGTERM
    void kill();                // SIGKILL

    // True when it has ended, at the latest after `ms` (-1: no deadline).
    bool waitForFinished(int ms);
    // Waits up to `ms` for the end; the exit status, or -1 when it crashed or did not end.
    int wait(int ms = 60000);
    // After the end: whether it was ended by a signal it did not handle, and its exit status
    // (-1 when it crashed).
    bool crashed() const { return m_process.exitStatus() == QProcess::CrashExit; }
    int exitCode() const { return crashed() ? -1 : m_process.exitCode(); }

    QString out() const;                       // standard output so far
    QString log() const;                       // standard error so far: serve's log lines
    bool logged(const QString &text) const { return log().contains(text); }
    Result result() const { return {isRunning() ? -1 : exitCode(), out(), log()}; }

private:
    void collect() const;

    mutable QProcess m_process;
    QProcessEnvironment m_env;
    mutable QByteArray m_out;
    mutable QByteArray m_err;
};

} // namespace Tributary::Test
