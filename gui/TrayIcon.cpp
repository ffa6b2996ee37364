#include "TrayIcon.h"

#include "Icons.h"
#include "Workspace.h"

#include "store/Database.h"

#include <QAction>
#include <QApplication>
#include <QLoggingCategory>
#include <QMenu>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QWidget>

Q_LOGGING_CATEGORY(lcTray, "tributary.gui.tray", QtInfoMsg)

namespace Tributary::Gui {

namespace {
const QString kEnabledKey = QStringLiteral("notifications/enabled");
}

TrayIcon::TrayIcon(Workspace *workspace, QWidget *window, QObject *parent) : QObject(parent), m_workspace(workspace), m_window(window)
{
    m_notificationsAction = new QAction(Icons::icon(Icons::Glyph::Notifications), tr("Show &Notifications"), this);
    m_notificationsAction->setObjectName(QStringLiteral("actionNotifications"));
    m_notificationsAction->setCheckable(true);
    m_notificationsAction->setChecked(notificationsEnabled());
    m_notificationsAction->setToolTip(tr("Say so in the system tray when conflicts wait for a decision or a sync failed"));
    connect(m_notificationsAction, &QAction::toggled, this, [](bool on) { setNotificationsEnabled(on); });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(Icons::painted(Icons::Glyph::Application), this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        m_menu = new QMenu; // no parent: the tray's menu is a window of its own
        QAction *show = m_menu->addAction(tr("&Show Tributary"));
        connect(show, &QAction::triggered, this, [this] {
            setUnread(false);
            if (m_window) {
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            }
        });
        m_menu->addSeparator();
        m_menu->addAction(m_notificationsAction);
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::openLast);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                openLast();
        });
        m_tray->show();
    }

    connect(workspace, &Workspace::configChanged, this, &TrayIcon::rebaseline);
    for (auto area : {&Workspace::conflictsChanged, &Workspace::runsChanged, &Workspace::dataChanged})
        connect(workspace, area, this, &TrayIcon::check);
    rebaseline();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

bool TrayIcon::notificationsEnabled()
{
    return QSettings().value(kEnabledKey, true).toBool();
}

void TrayIcon::setNotificationsEnabled(bool enabled)
{
    QSettings().setValue(kEnabledKey, enabled);
}

void TrayIcon::rebaseline()
{
    // Another configuration (or database): what it holds now is where notifications start.
    m_tracker.reset();
    setUnread(false);
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    if (!db)
        return;
    if (const Result<bool> ok = m_tracker.baseline(*db); !ok)
        qCWarning(lcTray) << "cannot read the conflicts and runs to notify about:" << ok.error().toString();
}

void TrayIcon::check()
{
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    if (!db)
        return;
    const Result<QList<Notification>> fresh = m_tracker.poll(*db);
    if (!fresh) {
        // The views say so where their lists would be; here once in the log, then quiet.
        if (!m_readFailed)
            qCWarning(lcTray) << "cannot read the conflicts and runs to notify about:" << fresh.error().toString();
        m_readFailed = true;
        return;
    }
    m_readFailed = false;
    // Read always (what is new is then seen), said only when wanted.
    if (fresh->isEmpty() || !notificationsEnabled())
        return;
    for (const Notification &n : *fresh) {
        m_last = n;
        Q_EMIT notified(n);
    }
    setUnread(true);
    if (!m_tray)
        return;
    // One message at a time on most desktops: several news at once become one message.
    if (fresh->size() == 1) {
        const Notification &n = fresh->first();
        m_tray->showMessage(n.title, n.text,
                            n.kind == Notification::Kind::FailedRun ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning);
        return;
    }
    QStringList lines;
    for (const Notification &n : *fresh)
        lines.append(n.text);
    m_tray->showMessage(tr("Tributary"), lines.join(QLatin1Char('\n')), QSystemTrayIcon::Warning);
}

void TrayIcon::setUnread(bool unread)
{
    m_unread = unread;
    if (!m_tray)
        return;
    m_tray->setIcon(unread ? Icons::applicationWithBadge() : Icons::painted(Icons::Glyph::Application));
    m_tray->setToolTip(unread ? QStringLiteral("%1\n%2").arg(QApplication::applicationDisplayName(), m_last.text)
                              : QApplication::applicationDisplayName());
}

void TrayIcon::openLast()
{
    const bool unread = m_unread;
    setUnread(false);
    if (m_window) {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    }
    if (unread)
        Q_EMIT openRequested(m_last.kind, m_last.source);
}

} // namespace Tributary::Gui
