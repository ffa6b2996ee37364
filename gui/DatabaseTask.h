#pragma once

#include "config/Config.h"
#include "util/Error.h"

#include <QObject>
#include <functional>

class QThread;

namespace Tributary {
class Database;
}

namespace Tributary::Gui {

// One piece of work on the main database done on a thread of its own, with a connection of its
// own (opened and migrated there, as a run's is, and closed there), so the window never waits
// for a long transaction (a purge deletes row by row). The work gets the connection and writes
// what it found into values the caller owns; finished() then reaches the caller's thread.
//
//   auto *task = new DatabaseTask(config, [out](Database &db, const Config &c, Error *e) { *out = ...; }, this);
//   connect(task, &DatabaseTask::finished, this, [out](const Error &e) { ... });
//   task->start();
class DatabaseTask : public QObject
{
    Q_OBJECT
public:
    // Runs in the worker thread with its connection and the task's copy of the configuration.
    using Work = std::function<void(Database &db, const Config &config, Error *error)>;

    DatabaseTask(const Config &config, Work work, QObject *parent = nullptr);
    // Waits for work in progress: a transaction is never left half-done.
    ~DatabaseTask() override;

    void start();
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    // Once, in the thread that owns the task: what the work (or opening the database) set.
    void finished(const Tributary::Error &error);

private:
    const Config m_config;
    Work m_work;
    Error m_error; // written by the worker, read once it has ended
    QThread *m_thread = nullptr;
};

} // namespace Tributary::Gui
