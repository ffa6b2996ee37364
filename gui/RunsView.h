#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTableWidget;
class QTimer;

namespace Tributary::Gui {

class RecordPane;
class RunsModel;
class Workspace;

// The runs: every run of every source, newest first, with what it fetched, wrote and
// held back and how it ended; the selected run's counts per entity and its error.
class RunsView : public QWidget
{
    Q_OBJECT
public:
    explicit RunsView(Workspace *workspace, QWidget *parent = nullptr);
    ~RunsView() override;

    RunsModel *model() const { return m_model; }
    QTableView *view() const { return m_table; }

    void setSourceFilter(const QString &source); // empty: every source
    QString sourceFilter() const;
    bool selectRun(qint64 id);
    qint64 shownRunId() const { return m_shownId; }
    // What stands in for the list when it shows nothing: why it is empty, or why the runs
    // could not be read.
    QString emptyStateText() const;

public Q_SLOTS:
    void refresh();

private:
    void rebuildSourceChoices();
    void updateEmptyState();
    void showRun();

    QPointer<Workspace> m_workspace;
    RunsModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    qint64 m_shownId = 0;
    QString m_shownVersion;
    bool m_columnsSized = false;

    QComboBox *m_sourceCombo = nullptr;
    QLabel *m_countLabel = nullptr;
    RecordPane *m_list = nullptr;
    QTableView *m_table = nullptr;
    QStackedWidget *m_detailStack = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailTimes = nullptr;
    QLabel *m_detailError = nullptr;
    QTableWidget *m_countsTable = nullptr;
    QTimer *m_tick = nullptr;
};

} // namespace Tributary::Gui
