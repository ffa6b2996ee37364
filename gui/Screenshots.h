#pragma once

#include <QString>

namespace Tributary::Gui {

class MainWindow;

// Renders the console's views into PNG files (scripts/screenshots.sh runs this under Xvfb with
// the demo's configuration): syncs the first source from the dashboard, then saves the
// dashboard, conflicts, runs, log, quarantine, the source editor and the connection test (its
// checks and its mapped rows, at 1180x720).
// The views show what the real code paths produce; nothing is staged for the pictures.
bool takeScreenshots(MainWindow &window, const QString &directory, QString *error);

} // namespace Tributary::Gui
