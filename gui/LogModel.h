#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QMutex>
#include <QSortFilterProxyModel>
#include <deque>

namespace Tributary::Gui {

// One message as Qt's logging delivered it.
struct LogEntry
{
    QDateTime time;
    QtMsgType type = QtInfoMsg;
    QString category;
    QString message;
};

// The console's live log: the last messages of the process (Tributary's categories at info
// level and above, anything else Qt reports), newest last, in a bounded ring. Messages come from
// any thread: they are queued and appended in the model's thread in batches.
class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, LevelColumn, CategoryColumn, MessageColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // int: 0 debug, 1 info, 2 warning, 3 critical, 4 fatal
    };
    static constexpr int kDefaultCapacity = 10000;

    explicit LogModel(int capacity = kDefaultCapacity, QObject *parent = nullptr);
    ~LogModel() override;

    // The model the message handler feeds, created on first use and owned by the application.
    static LogModel *instance();
    // Installs the message handler (once; the previous handler is still called for every message)
    // and enables info level for tributary.* (QT_LOGGING_RULES still overrides it). Call it
    // early in main() so the log holds what happened at start-up.
    static void installLogHandler();

    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);
    void clear();

    // From any thread: queued, appended in the model's thread.
    void post(const LogEntry &entry);
    // In the model's thread: appends now (dropping the oldest beyond the capacity).
    void append(const QList<LogEntry> &entries);
    // Appends what was posted and not yet appended (the queued call does it too).
    void flushPending();

    const LogEntry &entry(int row) const { return m_entries.at(size_t(row)); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static int severity(QtMsgType type);
    static QString levelName(QtMsgType type);

private:
    void dropOldest(int count);

    std::deque<LogEntry> m_entries;
    int m_capacity;
    QMutex m_pendingMutex;
    QList<LogEntry> m_pending;
    bool m_flushQueued = false;
};

// The log as a person filters it: a minimum level, a source (its name in the category or the
// message) and free text.
class LogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilterModel(QObject *parent = nullptr);

    void setMinimumSeverity(int severity);
    int minimumSeverity() const { return m_minimumSeverity; }
    void setSourceName(const QString &source);
    QString sourceName() const { return m_source; }
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_minimumSeverity = 0;
    QString m_source;
    QString m_text;
};

} // namespace Tributary::Gui
