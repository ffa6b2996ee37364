#pragma once

#include <QString>

class QComboBox;

namespace Tributary::Gui {

class Workspace;

// Fills a view's source filter: "All sources", the configured sources, then the sources that
// only the state table `stateTable` still names (marked as no longer configured, so the runs
// and held records of a removed source stay reachable). Keeps the current choice when it is
// still there; emits no signal while filling.
void fillSourceChoices(QComboBox *combo, const Workspace *workspace, const QString &stateTable);

} // namespace Tributary::Gui
