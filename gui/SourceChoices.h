#pragma once

#include <QStringList>

class QBoxLayout;
class QComboBox;
class QWidget;

namespace Tributary::Gui {

class Workspace;

// Fills a view's source filter: "All sources", the configured sources, then those of
// `stateSources` (the sources a state table names, as core/state lists them) that are no longer
// configured, marked so, so that the runs and held records of a removed source stay reachable.
// Keeps the current choice when it is still there; emits no signal while filling.
void fillSourceChoices(QComboBox *combo, const Workspace *workspace, const QStringList &stateSources);
// A view's source filter in its bar: "Source:" (with its accelerator) and the combo box that
// fillSourceChoices() fills, named `objectName`.
QComboBox *addSourceFilter(QBoxLayout *bar, const QString &objectName, QWidget *parent);
// Chooses `source` when the filter offers it (empty: every source).
void selectSourceChoice(QComboBox *combo, const QString &source);

} // namespace Tributary::Gui
