#pragma once

#include <QAbstractItemView>
#include <QStackedWidget>

class QAbstractItemModel;
class QLabel;
class QTableView;
class QVBoxLayout;

namespace Tributary {
struct Error;
}

namespace Tributary::Gui {

// The list of the conflicts, runs and quarantine views: read-only, whole rows selected,
// sortable by clicking a header, no row numbers, one line per row, the last column stretched.
QTableView *makeRecordTable(QAbstractItemModel *model, const QString &objectName, QAbstractItemView::SelectionMode mode,
                            QWidget *parent);

// Grey, centred, wrapping text that says why a list or a pane is empty.
QLabel *makeStateLabel(const QString &text, const QString &objectName, QWidget *parent);

// Where a view's list goes: the table, or in its place a text saying why there is nothing to
// list, or why the list could not be read. The one way every view that lists Tributary's state
// shows a failed read: the error where the list would have been, never an empty list.
class Workspace;

class RecordPane : public QStackedWidget
{
    Q_OBJECT
public:
    // Takes `table`; `stateObjectName` names the label that stands in for it.
    RecordPane(QTableView *table, const QString &stateObjectName, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    // Adds a widget under the text (an action that helps, such as "Clear filters").
    void addStateWidget(QWidget *widget, Qt::Alignment alignment = Qt::AlignHCenter);

    void showTable();
    // Nothing to list, and why (grey).
    void showEmpty(const QString &text);
    // The read failed: `sentence` says what could not be read, with %1 for the error ("Cannot
    // read the runs: %1"); shown in the error's colour, the whole error in the tooltip.
    void showReadError(const QString &sentence, const Error &error);
    // The failures every view of Tributary's state says the same way: the workspace's main
    // database that could not be opened (`cannotOpen`, with %1 for why), or the view's read that
    // failed (`cannotRead`, with %1). False, showing nothing, when neither happened.
    bool showFailure(const Workspace *workspace, const Error &readError, const QString &cannotOpen, const QString &cannotRead);

    bool isTableShown() const { return currentIndex() == 0; }
    bool isReadErrorShown() const { return !isTableShown() && m_readError; }
    // What stands in for the table; empty while the table is shown.
    QString stateText() const;

private:
    QTableView *m_table = nullptr;
    QLabel *m_label = nullptr;
    QVBoxLayout *m_stateLayout = nullptr;
    bool m_readError = false;
};

} // namespace Tributary::Gui
