#pragma once

#include <QSize>
#include <QString>

namespace Tributary::Gui {

class MainWindow;

// Renders the console's views into PNG files (scripts/screenshots.sh runs this under Xvfb with
// the demo's configuration): syncs the first source from the dashboard, then saves the
// dashboard, conflicts, runs, log, quarantine, the source editor and the connection test (its
// checks and its mapped rows). The window takes `screen` (1024x768 is the smallest size the layout
// is made for, 1600x1000 a desktop's); each dialog the size it opens at, within the screen.
// The views show what the real code paths produce; nothing is staged for the pictures.
bool takeScreenshots(MainWindow &window, const QString &directory, const QSize &screen, QString *error);

} // namespace Tributary::Gui
