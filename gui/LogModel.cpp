#include "LogModel.h"

#include "StatusColors.h"

#include <QColor>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QThread>
#include <cstdio>

namespace Tributary::Gui {

namespace {

// Shared with the message handler, which may run in any thread and at any time, also while the
// application is being torn down: never destroyed.
struct HandlerState
{
    QMutex mutex;
    LogModel *model = nullptr;
    QtMessageHandler previous = nullptr;
    bool installed = false;
};

HandlerState &handlerState()
{
    static HandlerState *state = new HandlerState; // intentionally leaked, see above
    return *state;
}

void logHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    HandlerState &s = handlerState();
    QtMessageHandler previous = nullptr;
    // A message raised while queueing a message (in this thread) only goes to the previous
    // handler: queueing it too would wait for the locks this thread already holds.
    static thread_local bool inside = false;
    {
        QMutexLocker lock(&s.mutex);
        if (s.model && !inside) {
            inside = true;
            s.model->post(LogEntry{QDateTime::currentDateTime(), type,
                                   QString::fromLatin1(context.category ? context.category : "default"), message});
            inside = false;
        }
        previous = s.previous;
    }
    if (previous) {
        previous(type, context, message);
    } else {
        const QString line = qFormatLogMessage(type, context, message);
        std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
        std::fflush(stderr);
    }
}

} // namespace

LogModel::LogModel(int capacity, QObject *parent) : QAbstractTableModel(parent), m_capacity(qMax(1, capacity)) {}

LogModel::~LogModel()
{
    HandlerState &s = handlerState();
    QMutexLocker lock(&s.mutex);
    if (s.model == this)
        s.model = nullptr;
}

LogModel *LogModel::instance()
{
    HandlerState &s = handlerState();
    QMutexLocker lock(&s.mutex);
    if (!s.model) {
        Q_ASSERT_X(QCoreApplication::instance(), "LogModel::instance", "create the application first");
        // Owned by the application and living in its thread, where the queued appends run.
        Q_ASSERT_X(QThread::currentThread() == QCoreApplication::instance()->thread(), "LogModel::instance",
                   "first called from the application's thread");
        s.model = new LogModel(kDefaultCapacity, QCoreApplication::instance());
    }
    return s.model;
}

void LogModel::installLogHandler()
{
    instance();
    HandlerState &s = handlerState();
    {
        QMutexLocker lock(&s.mutex);
        if (s.installed)
            return;
        s.installed = true;
    }
    // Tributary's categories already default to info; a rule makes it so for every one of
    // them (QT_LOGGING_RULES and QT_LOGGING_CONF still win).
    QLoggingCategory::setFilterRules(QStringLiteral("tributary.*.info=true"));
    QtMessageHandler previous = qInstallMessageHandler(logHandler);
    QMutexLocker lock(&s.mutex);
    s.previous = previous;
}

void LogModel::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    if (int(m_entries.size()) > m_capacity)
        dropOldest(int(m_entries.size()) - m_capacity);
}

void LogModel::clear()
{
    {
        QMutexLocker lock(&m_pendingMutex);
        m_pending.clear();
    }
    if (m_entries.empty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

void LogModel::post(const LogEntry &entry)
{
    QMutexLocker lock(&m_pendingMutex);
    // A blocked GUI thread must not make the queue grow without bound.
    if (m_pending.size() >= m_capacity)
        m_pending.removeFirst();
    m_pending.append(entry);
    if (m_flushQueued)
        return;
    m_flushQueued = true;
    QMetaObject::invokeMethod(this, &LogModel::flushPending, Qt::QueuedConnection);
}

void LogModel::flushPending()
{
    QList<LogEntry> batch;
    {
        QMutexLocker lock(&m_pendingMutex);
        batch.swap(m_pending);
        m_flushQueued = false;
    }
    if (!batch.isEmpty())
        append(batch);
}

void LogModel::append(const QList<LogEntry> &entries)
{
    if (entries.isEmpty())
        return;
    const int incoming = int(qMin<qsizetype>(entries.size(), m_capacity));
    const int overflow = int(m_entries.size()) + incoming - m_capacity;
    if (overflow > 0)
        dropOldest(overflow);
    const int first = int(m_entries.size());
    beginInsertRows(QModelIndex(), first, first + incoming - 1);
    for (qsizetype i = entries.size() - incoming; i < entries.size(); ++i)
        m_entries.push_back(entries.at(i));
    endInsertRows();
}

void LogModel::dropOldest(int count)
{
    count = qMin(count, int(m_entries.size()));
    if (count <= 0)
        return;
    beginRemoveRows(QModelIndex(), 0, count - 1);
    m_entries.erase(m_entries.begin(), m_entries.begin() + count);
    endRemoveRows();
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry &e = m_entries.at(size_t(index.row()));
    switch (role) {
    case SeverityRole:
        return severity(e.type);
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return e.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn: return levelName(e.type);
        case CategoryColumn: return e.category;
        case MessageColumn: return QString(e.message).replace(QLatin1Char('\n'), QChar(0x23CE));
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return e.time.toString(Qt::ISODateWithMs);
        if (index.column() == MessageColumn)
            return e.message;
        return {};
    case Qt::ForegroundRole:
        switch (severity(e.type)) {
        case 0: return StatusColors::foreground(StatusColors::Status::Muted);
        case 2: return StatusColors::foreground(StatusColors::Status::Warning);
        case 3:
        case 4: return StatusColors::foreground(StatusColors::Status::Error);
        default: return {};
        }
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case LevelColumn: return tr("Level");
    case CategoryColumn: return tr("Category");
    case MessageColumn: return tr("Message");
    default: return {};
    }
}

int LogModel::severity(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return 0;
    case QtInfoMsg: return 1;
    case QtWarningMsg: return 2;
    case QtCriticalMsg: return 3;
    case QtFatalMsg: return 4;
    }
    return 1;
}

QString LogModel::levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return tr("debug");
    case QtInfoMsg: return tr("info");
    case QtWarningMsg: return tr("warning");
    case QtCriticalMsg: return tr("critical");
    case QtFatalMsg: return tr("fatal");
    }
    return QString();
}

LogFilterModel::LogFilterModel(QObject *parent) : QSortFilterProxyModel(parent) {}

void LogFilterModel::setMinimumSeverity(int severity)
{
    if (severity == m_minimumSeverity)
        return;
    m_minimumSeverity = severity;
    invalidateFilter();
}

void LogFilterModel::setSourceName(const QString &source)
{
    if (source == m_source)
        return;
    m_source = source;
    invalidateFilter();
}

void LogFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    auto *log = qobject_cast<const LogModel *>(sourceModel());
    if (!log || sourceParent.isValid())
        return true;
    const LogEntry &e = log->entry(sourceRow);
    if (LogModel::severity(e.type) < m_minimumSeverity)
        return false;
    if (!m_source.isEmpty() && !e.category.contains(m_source, Qt::CaseInsensitive) && !e.message.contains(m_source, Qt::CaseInsensitive))
        return false;
    if (!m_text.isEmpty() && !e.message.contains(m_text, Qt::CaseInsensitive) && !e.category.contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace Tributary::Gui
