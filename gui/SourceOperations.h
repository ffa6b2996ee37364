#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

class QMessageBox;
class QWidget;

namespace Tributary::Gui {

class CursorResetDialog;
class DashboardView;
class SourceAdminDialog;
class VerifyDialog;
class Workspace;

// The Source menu's operations beyond a sync, each the path its tributaryd command takes: Verify
// (tributaryd verify: Verifier), Full Re-sync (sync --full: a full RunRequest through the
// dashboard's runner), Reset Cursors (cursor reset), Detach and Purge (source detach|purge:
// SourceAdmin). Each opens its dialog without blocking (window-modal, or not modal for a verify)
// and returns it, so that a test drives it as a person would. The main window owns this and
// calls it from its actions.
class SourceOperations : public QObject
{
    Q_OBJECT
public:
    SourceOperations(Workspace *workspace, DashboardView *dashboard, QWidget *window);

    // Whether the operation can start on `source` now (the database is open, the source is
    // configured, nothing of it runs in this console).
    bool canVerify(const QString &source) const;
    bool canChange(const QString &source) const;
    // Detach and purge may also choose a source no longer configured.
    bool canLetGo(const QString &source) const;
    bool isVerifying(const QString &source) const;

    // Each returns its dialog, shown (null when the operation cannot start).
    VerifyDialog *verify(const QString &source);
    QMessageBox *fullResync(const QString &source);
    CursorResetDialog *resetCursors(const QString &source);
    SourceAdminDialog *detach(const QString &source);
    SourceAdminDialog *purge(const QString &source);

    // What a full re-sync of `source` does, in words (the confirmation's text).
    QString fullResyncText(const QString &source) const;

Q_SIGNALS:
    // A verify started or ended: the actions' states change.
    void stateChanged();
    // One line for the status bar.
    void message(const QString &text);

private:
    SourceAdminDialog *letGo(bool purge, const QString &source);
    bool isRunning(const QString &source) const;

    Workspace *m_workspace;
    DashboardView *m_dashboard;
    QWidget *m_window;
    QHash<QString, QPointer<VerifyDialog>> m_verifies;
};

} // namespace Tributary::Gui
