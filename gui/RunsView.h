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
    QString m_loadError;
    qint64 m_shownId = 0;
    QString m_shownVersion;
    bool m_columnsSized = false;

    QComboBox *m_sourceCombo = nullptr;
    QLabel *m_countLabel = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QStackedWidget *m_detailStack = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailTimes = nullptr;
    QLabel *m_detailError = nullptr;
    QTableWidget *m_countsTable = nullptr;
    QTimer *m_tick = nullptr;
};

} // namespace Tributary::Gui
