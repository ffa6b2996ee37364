#pragma once

#include <QObject>

class QSocketNotifier;

namespace Tributary {

// Turns SIGINT and SIGTERM into a Qt signal delivered by the event loop (self-pipe), so a stop
// request is handled between pages, never inside a transaction. With `watchHangup`, SIGHUP
// becomes reloadRequested() (tributaryd serve); otherwise it keeps its default action.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr, bool watchHangup = false);
    ~SignalWatcher() override;
    int lastSignal() const { return m_last; }

Q_SIGNALS:
    void stopRequested(int signal);
    void reloadRequested();

private:
    QSocketNotifier *m_notifier = nullptr;
    int m_last = 0;
    bool m_hangup = false;
};

} // namespace Tributary
