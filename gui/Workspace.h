#pragma once

#include "config/Config.h"
#include "state/StateWatch.h"
#include "util/Error.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <memory>

class QFileSystemWatcher;

namespace Tributary {
class Database;
}

namespace Tributary::Gui {

// The configuration the console works on and its main database, as the GUI thread sees them.
// Views read conflicts, runs, quarantine and schema through database(); runs happen elsewhere
// (SourceRunner, on its own thread and connection) and call notifyDataChanged() when they end.
//
// The console is not the only writer: `tributaryd sync` from cron, `tributaryd serve` and other
// consoles change the same tables. Every watchInterval() the workspace asks the database what
// changed (StateWatch: on SQLite nothing at all unless another connection committed) and tells
// the views of each area that differs. It also watches the configuration file: a file changed
// on disk is reported (configFileChanged) and isStale() until it is read again, so that nothing
// runs the console's older copy without the admin knowing.
class Workspace : public QObject
{
    Q_OBJECT
public:
    explicit Workspace(QObject *parent = nullptr);
    ~Workspace() override;

    // Loads and validates the configuration and opens its main database (migrating Tributary's
    // state tables). A configuration that does not validate is not opened: *errors lists every
    // problem, each naming its key. A database that cannot be opened leaves the configuration
    // open with database() null and databaseError() saying why.
    bool open(const QString &configPath, QStringList *errors);
    // Reads the same file again (after the editor saved it).
    bool reload(QStringList *errors);
    void close();

    bool isOpen() const { return m_open; }
    QString configPath() const { return m_path; }
    const Config &config() const { return m_config; }
    Database *database() const { return m_db.get(); }
    const Error &databaseError() const { return m_databaseError; }
    // Tables and their columns in the main database (for editors offering them).
    QStringList tables() const;
    QStringList columns(const QString &table) const;

    // Something wrote to the main database (a run ended, a conflict was resolved): views refresh.
    void notifyDataChanged();

    // How often the database is asked what others changed; 0 stops asking.
    static constexpr int kWatchIntervalMs = 2000;
    int watchInterval() const { return m_watchTimer.interval(); }
    void setWatchInterval(int ms);
    // Asks now (the timer does this every watchInterval()).
    void checkForChanges();
    // The configuration file on disk is no longer the one loaded (changed, replaced or removed).
    bool isStale() const { return m_stale; }

Q_SIGNALS:
    void configChanged(); // opened, reloaded or closed
    void dataChanged();   // anything may have changed: every view reads again
    // Another process changed one area (StateWatch): only its views read again.
    void runsChanged();
    void conflictsChanged();
    void quarantineChanged();
    void serviceChanged(); // leases or workers
    void outboxChanged();  // changes waiting to be pushed to the sources
    // The configuration file on disk changed since it was read (isStale()), or is back to the
    // copy read.
    void configFileChanged();

private:
    QStringList sourceNames() const;
    void startWatching();
    // Reads what is in the database now as the baseline the next check compares with.
    bool takeBaseline();
    void onFileChanged();
    static QByteArray fileDigest(const QString &path);

    bool m_open = false;
    QString m_path;
    QByteArray m_loadedDigest; // of the file as read; empty when it could not be read
    bool m_stale = false;
    Config m_config;
    std::unique_ptr<Database> m_db;
    Error m_databaseError;
    std::unique_ptr<StateWatch> m_watch;
    StateStamp m_stamp;
    bool m_watchFailed = false; // the last read failed (said once, not every interval)
    QTimer m_watchTimer;
    QFileSystemWatcher *m_fileWatcher = nullptr;
};

} // namespace Tributary::Gui
