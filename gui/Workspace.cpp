#include "Workspace.h"

#include "net/RequestBudget.h"

#include "state/Migrations.h"
#include "state/StateWatch.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLoggingCategory>

#include <utility>

namespace Tributary::Gui {

Q_LOGGING_CATEGORY(lcWorkspace, "tributary.gui.workspace", QtInfoMsg)

Workspace::Workspace(QObject *parent) : QObject(parent)
{
    m_watchTimer.setInterval(kWatchIntervalMs);
    connect(&m_watchTimer, &QTimer::timeout, this, &Workspace::checkForChanges);
}

Workspace::~Workspace() = default;

QByteArray Workspace::fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

bool Workspace::open(const QString &configPath, QStringList *errors)
{
    // Read before the configuration: a change in between is then seen as a change.
    const QByteArray digest = fileDigest(configPath);
    Config config;
    if (!Config::load(configPath, &config, errors))
        return false;
    m_watch.reset();
    m_stamp = StateStamp();
    m_db.reset();
    m_config = config;
    // Connection tests and probes from the console keep to the hosts' budgets; runs set them too.
    RequestBudgets::instance().configure(m_config.hosts);
    m_path = configPath;
    m_loadedDigest = digest;
    m_stale = false;
    m_open = true;
    m_databaseError = Error();
    Error error;
    m_db = Database::open(m_config.database, m_config.baseDir(), &error);
    if (m_db && !Migrations::run(*m_db, &error))
        m_db.reset();
    if (!m_db)
        m_databaseError = error;
    startWatching();
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
    m_watchTimer.stop();
    delete m_fileWatcher;
    m_fileWatcher = nullptr;
    m_watch.reset();
    m_stamp = StateStamp();
    m_db.reset();
    m_config = Config();
    m_path.clear();
    m_loadedDigest.clear();
    m_stale = false;
    m_open = false;
    m_databaseError = Error();
    Q_EMIT configChanged();
    Q_EMIT dataChanged();
}

void Workspace::notifyDataChanged()
{
    Q_EMIT dataChanged();
    // Every view has read again: what is in the database now is what they show.
    if (m_watch)
        takeBaseline();
}

bool Workspace::takeBaseline()
{
    m_watch->othersMayHaveWritten();
    Result<StateStamp> stamp = m_watch->read(sourceNames());
    if (stamp)
        m_stamp = *stamp;
    return bool(stamp);
}

void Workspace::setWatchInterval(int ms)
{
    m_watchTimer.setInterval(ms);
    if (ms <= 0)
        m_watchTimer.stop();
    else if (m_watch)
        m_watchTimer.start();
}

void Workspace::startWatching()
{
    delete m_fileWatcher;
    m_fileWatcher = new QFileSystemWatcher(this);
    // Editors and Config::save replace the file (write a new one, rename it over): the watcher
    // then forgets the path, and onFileChanged() adds it again.
    m_fileWatcher->addPath(m_path);
    m_fileWatcher->addPath(QFileInfo(m_path).absolutePath());
    connect(m_fileWatcher, &QFileSystemWatcher::fileChanged, this, &Workspace::onFileChanged);
    connect(m_fileWatcher, &QFileSystemWatcher::directoryChanged, this, &Workspace::onFileChanged);

    if (!m_db) {
        m_watchTimer.stop();
        return;
    }
    m_watch = std::make_unique<StateWatch>(*m_db);
    m_watchFailed = !takeBaseline();
    if (m_watchTimer.interval() > 0)
        m_watchTimer.start();
}

void Workspace::onFileChanged()
{
    if (!m_open || m_path.isEmpty())
        return;
    if (QFileInfo::exists(m_path) && !m_fileWatcher->files().contains(m_path))
        m_fileWatcher->addPath(m_path);
    // The directory reports every file in it: only this one's content matters. The console's own
    // save is read again right away (reload), so it is never reported as a change.
    const bool differs = fileDigest(m_path) != m_loadedDigest;
    if (differs == m_stale)
        return;
    m_stale = differs;
    if (m_stale)
        qCInfo(lcWorkspace).noquote() << QStringLiteral("%1 changed on disk since the console read it").arg(m_path);
    Q_EMIT configFileChanged();
}

QStringList Workspace::sourceNames() const
{
    QStringList names;
    for (const SourceConfig &s : m_config.sources)
        names.append(s.name);
    return names;
}

void Workspace::checkForChanges()
{
    if (!m_watch || !m_watch->othersMayHaveWritten())
        return;
    Result<StateStamp> stamp = m_watch->read(sourceNames());
    if (!stamp) {
        // A busy or unreachable database: said once, asked again at the next interval.
        if (!m_watchFailed)
            qCWarning(lcWorkspace).noquote() << stamp.error().toString();
        m_watchFailed = true;
        return;
    }
    m_watchFailed = false;
    const StateStamp before = std::exchange(m_stamp, *stamp);
    if (stamp->runs != before.runs)
        Q_EMIT runsChanged();
    if (stamp->conflicts != before.conflicts)
        Q_EMIT conflictsChanged();
    if (stamp->quarantine != before.quarantine)
        Q_EMIT quarantineChanged();
    if (stamp->service != before.service)
        Q_EMIT serviceChanged();
    if (stamp->outbox != before.outbox)
        Q_EMIT outboxChanged();
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
