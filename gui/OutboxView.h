#pragma once

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QMessageBox;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Tributary {
struct OutboxFilter;
}

namespace Tributary::Gui {

class OutboxModel;
class RecordPane;
class Workspace;

// The main database's changes waiting to be pushed to their sources (write-back): since when,
// the attempts, what the source answered; a retry once the cause is fixed and a drop of what
// should not be pushed, the same calls as `tributaryd outbox retry|drop` (core's Outbox). The
// pushes themselves are the runs' (every sync of a source that writes pushes first).
class OutboxView : public QWidget
{
    Q_OBJECT
public:
    explicit OutboxView(Workspace *workspace, QWidget *parent = nullptr);
    ~OutboxView() override;

    OutboxModel *model() const { return m_model; }
    QTableView *view() const { return m_table; }

    void setSourceFilter(const QString &source); // empty: every source
    QString sourceFilter() const;
    void setRefusedOnly(bool refusedOnly);
    bool selectOperation(qint64 id);
    // Operations waiting in the whole outbox (pending and refused); -1 when it cannot be read.
    qint64 waitingCount() const;
    // What stands in for the list when it shows nothing: why it is empty, or why the outbox could
    // not be read.
    QString emptyStateText() const;
    // What the view last said about a retry or a drop.
    QString noticeText() const;

public Q_SLOTS:
    void refresh();
    // Makes the selected operations due now (refused ones included). False when none could be.
    bool retrySelected();
    // Makes every refused operation (of the source chosen) due now.
    bool retryRefused();
    // Asks whether to drop the selected operations, saying what dropping means; drops them when
    // the admin confirms. The question (not modal to the application; nullptr when nothing is
    // selected).
    QMessageBox *dropSelected();

Q_SIGNALS:
    // After every refresh: the outbox's count may have changed.
    void waitingChanged();
    // "Open record": the Records view shows this row.
    void openRowRequested(const QString &table, const QString &localId);

private:
    void rebuildSourceChoices();
    void updateEmptyState();
    void updateActions();
    void setNotice(const QString &text, bool failed = false);
    // The ids of the selected operations.
    QList<qint64> selectedIds() const;
    // Runs retry or drop on `filter`; says what happened, refreshes.
    bool change(bool drop, const OutboxFilter &filter);

    QPointer<Workspace> m_workspace;
    OutboxModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    bool m_columnsSized = false;

    QComboBox *m_sourceCombo = nullptr;
    QCheckBox *m_refusedOnly = nullptr;
    QLabel *m_countLabel = nullptr;
    QPushButton *m_retrySelected = nullptr;
    QPushButton *m_retryRefused = nullptr;
    QPushButton *m_drop = nullptr;
    QPushButton *m_openRecord = nullptr;
    QLabel *m_notice = nullptr;
    RecordPane *m_list = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace Tributary::Gui
