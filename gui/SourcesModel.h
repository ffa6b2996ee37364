#pragma once

#include "util/Error.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <functional>

namespace Tributary::Gui {

class Workspace;

// The configuration's sources with the state an admin looks for first: idle, syncing, needs
// attention (the last run failed or stopped short, or conflicts wait), disabled; and the last
// result in words. When Tributary's tables cannot be read, a source needs attention and its
// line says what could not be read instead of a result.
class SourcesModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class State { Idle, Syncing, NeedsAttention, Disabled };
    Q_ENUM(State)
    enum Role {
        NameRole = Qt::UserRole + 1,
        StateRole,
        LastResultRole,
        OpenConflictsRole, // invalid when they could not be counted
        ReadErrorRole,     // why the source's state could not be read; empty when it could
    };

    explicit SourcesModel(Workspace *workspace, QObject *parent = nullptr);

    // Tells the model whether a source is running now (the dashboard knows).
    void setRunningProbe(std::function<bool(const QString &)> probe) { m_running = std::move(probe); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString sourceAt(int row) const;
    int rowOf(const QString &source) const;
    static QString stateName(State state);

public Q_SLOTS:
    void refresh();       // everything again (configuration or database changed)
    void refreshStates(); // only the running states (cheap: no database reads)

private:
    struct Row
    {
        QString name;
        bool enabled = true;
        QString lastStatus;   // ok, partial, failed, interrupted, running, or empty: never ran
        QString lastError;
        QDateTime lastFinished;
        qint64 openConflicts = 0;
        qint64 quarantined = 0;
        Error readError; // the state above is unknown when set
    };
    QList<Row> readRows() const;
    State stateOf(const Row &r) const;
    QString lastResultText(const Row &r) const;

    Workspace *m_workspace;
    QList<Row> m_rows;
    std::function<bool(const QString &)> m_running;
};

} // namespace Tributary::Gui
