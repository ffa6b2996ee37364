#include "Workspace.h"

#include "state/Migrations.h"
#include "store/Database.h"

namespace Tributary::Gui {

Workspace::Workspace(QObject *parent) : QObject(parent) {}

Workspace::~Workspace() = default;

bool Workspace::open(const QString &configPath, QStringList *errors)
{
    Config config;
    if (!Config::load(configPath, &config, errors))
        return false;
    m_db.reset();
    m_config = config;
    m_path = configPath;
    m_open = true;
    m_databaseError = Error();
    Error error;
    m_db = Database::open(m_config.database, m_config.baseDir(), &error);
    if (m_db && !Migrations::run(*m_db, &error))
        m_db.reset();
    if (!m_db)
        m_databaseError = error;
    Q_EMIT configChanged();
    Q_EMIT dataChanged();
    return true;
}

bool Workspace::reload(QStringList *errors)
{
    return open(m_path, errors);
}

void Workspace::close()
{
    m_db.reset();
    m_config = Config();
    m_path.clear();
    m_open = false;
    m_databaseError = Error();
    Q_EMIT configChanged();
    Q_EMIT dataChanged();
}

QStringList Workspace::tables() const
{
    if (!m_db)
        return {};
    QStringList out;
    for (const QString &t : m_db->tables()) {
        if (!t.startsWith(QLatin1String("tributary_")) && !t.startsWith(QLatin1String("sqlite_")))
            out.append(t);
    }
    out.sort();
    return out;
}

QStringList Workspace::columns(const QString &table) const
{
    return m_db ? m_db->columns(table) : QStringList();
}

} // namespace Tributary::Gui
