#pragma once

#include <QAbstractItemView>

class QAbstractItemModel;
class QLabel;
class QTableView;

namespace Tributary::Gui {

// The list of the conflicts, runs and quarantine views: read-only, whole rows selected,
// sortable by clicking a header, no row numbers, one line per row, the last column stretched.
QTableView *makeRecordTable(QAbstractItemModel *model, const QString &objectName, QAbstractItemView::SelectionMode mode,
                            QWidget *parent);

// Grey, centred, wrapping text that says why a list or a pane is empty.
QLabel *makeStateLabel(const QString &text, const QString &objectName, QWidget *parent);

} // namespace Tributary::Gui
