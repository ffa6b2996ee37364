#pragma once

#include "NotificationTracker.h"

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace Tributary::Gui {

class Workspace;

// The console in the system tray, where the desktop has one: its icon while it runs, and a
// message for each new open conflict and each failed run the workspace sees, whichever process
// made them (NotificationTracker decides what is new). Clicking the message or the icon asks for
// the window on the view that shows it (openRequested). Messages can be turned off (the setting
// "notifications/enabled", notificationsAction()).
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    TrayIcon(Workspace *workspace, QWidget *window, QObject *parent = nullptr);
    ~TrayIcon() override;

    static bool notificationsEnabled();
    static void setNotificationsEnabled(bool enabled);
    // Checkable, for a menu: the setting.
    QAction *notificationsAction() const { return m_notificationsAction; }
    // Null where the desktop has no system tray.
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    bool hasUnread() const { return m_unread; }
    Notification lastNotification() const { return m_last; }

    // Reads what is new now; the workspace's signals call it (its polling, runs ending).
    void check();

Q_SIGNALS:
    // Something new, when notifications are on: shown in the tray where there is one.
    void notified(const Tributary::Gui::Notification &notification);
    // The message or the icon was clicked: bring the window up on this.
    void openRequested(Tributary::Gui::Notification::Kind kind, const QString &source);

private:
    void rebaseline();
    void setUnread(bool unread);
    void openLast();

    QPointer<Workspace> m_workspace;
    QPointer<QWidget> m_window;
    NotificationTracker m_tracker;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_notificationsAction = nullptr;
    Notification m_last;
    bool m_unread = false;
    bool m_readFailed = false; // said once in the log, not every poll
};

} // namespace Tributary::Gui
