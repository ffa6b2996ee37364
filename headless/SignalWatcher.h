#pragma once

#include <QObject>

class QSocketNotifier;

namespace Tributary {

// Turns SIGINT and SIGTERM into a Qt signal delivered by the event loop (self-pipe), so a stop
// request is handled between pages, never inside a transaction.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;
    int lastSignal() const { return m_last; }

Q_SIGNALS:
    void stopRequested(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
    int m_last = 0;
};

} // namespace Tributary
