#include "WindowHost.h"

#include "Application.h"
#include "MainWindow.h"

namespace Tributary::Gui {

WindowHost::WindowHost(QObject *parent) : QObject(parent)
{
    adopt(new MainWindow);
}

WindowHost::~WindowHost()
{
    delete m_window;
}

void WindowHost::adopt(MainWindow *window)
{
    m_window = window;
    connect(window, &MainWindow::languageChangeRequested, this, &WindowHost::rebuild, Qt::QueuedConnection);
}

void WindowHost::rebuild()
{
    MainWindow *old = m_window;
    if (!old)
        return;
    const MainWindow::Placement placement = old->placement();
    const bool visible = old->isVisible();
    installTranslations();
    auto *next = new MainWindow;
    next->restorePlacement(placement);
    adopt(next);
    if (visible)
        next->show();
    // Shown before the old one goes, so the application never sees its last window close.
    old->hide();
    old->deleteLater();
    Q_EMIT windowReplaced(next);
}

} // namespace Tributary::Gui
