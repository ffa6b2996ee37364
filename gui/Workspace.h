#pragma once

#include "config/Config.h"
#include "util/Error.h"

#include <QObject>
#include <QStringList>
#include <memory>

namespace Tributary {
class Database;
}

namespace Tributary::Gui {

// The configuration the console works on and its main database, as the GUI thread sees them.
// Views read conflicts, runs, quarantine and schema through database(); runs happen elsewhere
// (SourceRunner, on its own thread and connection) and call notifyDataChanged() when they end.
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
    void notifyDataChanged() { Q_EMIT dataChanged(); }

Q_SIGNALS:
    void configChanged(); // opened, reloaded or closed
    void dataChanged();

private:
    bool m_open = false;
    QString m_path;
    Config m_config;
    std::unique_ptr<Database> m_db;
    Error m_databaseError;
};

} // namespace Tributary::Gui
