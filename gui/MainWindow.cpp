#include "MainWindow.h"

#include "Workspace.h"

#include <QMessageBox>
#include <QSettings>

namespace Tributary::Gui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_workspace(new Workspace(this))
{
    setWindowTitle(tr("Tributary"));
}

MainWindow::~MainWindow() = default;

bool MainWindow::openConfig(const QString &path)
{
    QStringList errors;
    if (!m_workspace->open(path, &errors)) {
        QMessageBox::warning(this, tr("Cannot open the configuration"), errors.join(QLatin1Char('\n')));
        return false;
    }
    QSettings().setValue(QStringLiteral("lastConfig"), path);
    return true;
}

void MainWindow::openLastConfig()
{
    const QString last = QSettings().value(QStringLiteral("lastConfig")).toString();
    if (!last.isEmpty())
        openConfig(last);
}

} // namespace Tributary::Gui
