#include "SignalWatcher.h"

#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace Tributary {

namespace {
int s_pipe[2] = {-1, -1};

void onSignal(int sig)
{
    const char c = char(sig);
    [[maybe_unused]] const auto n = ::write(s_pipe[1], &c, 1);
}
} // namespace

SignalWatcher::SignalWatcher(QObject *parent, bool watchHangup) : QObject(parent), m_hangup(watchHangup)
{
    if (s_pipe[0] < 0 && ::pipe(s_pipe) == 0) {
        ::fcntl(s_pipe[0], F_SETFD, FD_CLOEXEC);
        ::fcntl(s_pipe[1], F_SETFD, FD_CLOEXEC);
        ::fcntl(s_pipe[1], F_SETFL, O_NONBLOCK);
    }
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
    if (m_hangup)
        ::sigaction(SIGHUP, &sa, nullptr);
    m_notifier = new QSocketNotifier(s_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char c = 0;
        if (::read(s_pipe[0], &c, 1) != 1)
            return;
        if (c == SIGHUP) {
            Q_EMIT reloadRequested();
            return;
        }
        m_last = c;
        Q_EMIT stopRequested(c);
    });
}

SignalWatcher::~SignalWatcher()
{
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    if (m_hangup)
        ::signal(SIGHUP, SIG_DFL);
}

} // namespace Tributary
