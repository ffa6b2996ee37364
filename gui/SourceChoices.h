#pragma once

#include <QStringList>

class QComboBox;

namespace Tributary::Gui {

class Workspace;

// Fills a view's source filter: "All sources", the configured sources, then those of
// `stateSources` (the sources a state table names, as core/state lists them) that are no longer
// configured, marked so, so that the runs and held records of a removed source stay reachable.
// Keeps the current choice when it is still there; emits no signal while filling.
void fillSourceChoices(QComboBox *combo, const Workspace *workspace, const QStringList &stateSources);

} // namespace Tributary::Gui
