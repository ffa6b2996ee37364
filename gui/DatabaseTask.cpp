#include "DatabaseTask.h"

#include "state/Migrations.h"
#include "store/Database.h"

#include <QThread>

namespace Tributary::Gui {

DatabaseTask::DatabaseTask(const Config &config, Work work, QObject *parent)
    : QObject(parent), m_config(config), m_work(std::move(work))
{
}

DatabaseTask::~DatabaseTask()
{
    if (m_thread) {
        m_thread->disconnect(this);
        m_thread->wait();
        delete m_thread;
    }
}

void DatabaseTask::start()
{
    if (m_thread)
        return;
    m_thread = QThread::create([this] {
        // Migrations::run also marks the connection's writes as Tributary's own, so that the
        // triggers capturing the application's edits let them pass.
        std::unique_ptr<Database> db = Database::open(m_config.database, m_config.baseDir(), &m_error);
        if (db && Migrations::run(*db, &m_error))
            m_work(*db, m_config, &m_error);
    });
    m_thread->setObjectName(QStringLiteral("tributary-console-task"));
    // Emitted by the thread as it ends; reaches this object queued, in its own thread.
    connect(m_thread, &QThread::finished, this, [this] {
        QThread *done = m_thread;
        m_thread = nullptr;
        done->wait();
        delete done;
        Q_EMIT finished(m_error);
    });
    m_thread->start();
}

} // namespace Tributary::Gui
