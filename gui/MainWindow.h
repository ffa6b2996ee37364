#pragma once

#include "Documentation.h"

#include <QJsonObject>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QListView;
class QMenu;
class QTabWidget;

namespace Tributary {
struct RunResult;
}

namespace Tributary::Gui {

class ConfigDocument;
class ConflictInspector;
class DashboardView;
class RunsView;
class LogView;
class OutboxView;
class QuarantineView;
class RecordsView;
class ServiceView;
class SourceOperations;
class TrayIcon;
class SourcesModel;
class TrendsView;
class Workspace;

// The console's main window: the configuration's sources on the left with their state; the
// dashboard, conflicts, runs, log, quarantine, outbox, service, records and trends on the right. It edits the same
// configuration file tributaryd runs (ConfigDocument), and runs the same engine (through the
// dashboard's SourceRunners, on worker threads).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openConfig(const QString &path);
    void openLastConfig();

    Workspace *workspace() const { return m_workspace; }
    ConfigDocument *document() const { return m_document; }
    DashboardView *dashboard() const { return m_dashboard; }
    ConflictInspector *conflicts() const { return m_conflicts; }
    RunsView *runs() const { return m_runs; }
    QuarantineView *quarantine() const { return m_quarantine; }
    OutboxView *outbox() const { return m_outbox; }
    ServiceView *service() const { return m_service; }
    RecordsView *records() const { return m_records; }
    TrendsView *trends() const { return m_trends; }
    TrayIcon *tray() const { return m_tray; }
    QTabWidget *tabs() const { return m_tabs; }
    QListView *sourcesView() const { return m_sourcesView; }
    SourcesModel *sourcesModel() const { return m_sourcesModel; }
    // Verify, full re-sync, cursor reset, detach and purge (the Source menu's operations).
    SourceOperations *operations() const { return m_operations; }

    // The source selected in the list (or the only one).
    QString currentSource() const;
    void selectSource(const QString &name);

    // The tabs in their order; the Outbox comes last and shows only while a source writes back
    // or changes wait to be pushed (docs/write-back.md), so the others keep their keys.
    enum class View { Dashboard, Conflicts, Runs, Log, Quarantine, Service, Records, Trends, Outbox };
    void showView(View view);

    // Saves the document; the workspace then runs what was saved. False when the configuration
    // does not validate (the errors are shown) or the file cannot be written.
    bool save();
    // Writes a configuration with this main database and no source to `path`, and opens it
    // (File ▸ New Configuration, after NewConfigDialog checked the database).
    bool createConfiguration(const QString &path, const QJsonObject &database, QString *error);
    // Opens the editor on a source (an empty name: a new source). True when it was changed.
    bool editSource(const QString &name);
    // Reads the configuration file again (after it changed on disk), keeping the selected
    // source; asks first when the console has unsaved edits. True when it was read.
    bool reloadFromDisk();
    // The bar that says the file changed on disk (visible while it has).
    QWidget *configFileBar() const { return m_fileBar; }

    // Where the admin was: what a window built again (in another language) takes over.
    struct Placement
    {
        QString config;
        QString source;
        int tab = 0;
        QByteArray geometry;
        QByteArray state;
        QByteArray splitter;
    };
    Placement placement() const;
    void restorePlacement(const Placement &placement);

    // Sets the console's language; it changes at once (WindowHost builds the window again) unless
    // a sync runs (then when the last one ends) or edits are unsaved and the admin cancels.
    void setLanguage(const QString &language);

Q_SIGNALS:
    // The language setting changed and nothing would be lost by building the window again.
    void languageChangeRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void updateActions();
    void updateTitle();
    void updateRecentMenu();
    void updateConflictsTab();
    void updateOutboxTab();
    // The tabs' icons, or none when the titles alone fit the tab bar and the icons would not (a
    // laptop's 1024 pixels with the Outbox shown, or German titles): every title stays readable.
    void applyTabIcons();
    void fitTabs();
    bool maybeSave();
    bool saveAs();
    void newConfig();
    void openDialog();
    void removeSource();
    void testConnection();
    // Runs only on what was saved: offers to save unsaved edits first.
    bool readyToRun();
    void onRunFinished(const Tributary::RunResult &result);
    void onConfigFileChanged();
    void openDocumentation(Documentation::Page page);

    Workspace *m_workspace = nullptr;
    ConfigDocument *m_document = nullptr;
    SourcesModel *m_sourcesModel = nullptr;
    QListView *m_sourcesView = nullptr;
    QTabWidget *m_tabs = nullptr;
    DashboardView *m_dashboard = nullptr;
    ConflictInspector *m_conflicts = nullptr;
    RunsView *m_runs = nullptr;
    LogView *m_log = nullptr;
    QuarantineView *m_quarantine = nullptr;
    OutboxView *m_outbox = nullptr;
    ServiceView *m_service = nullptr;
    RecordsView *m_records = nullptr;
    TrendsView *m_trends = nullptr;
    SourceOperations *m_operations = nullptr;
    QWidget *m_fileBar = nullptr;
    QLabel *m_fileBarText = nullptr;
    QLabel *m_statusConfig = nullptr;
    QLabel *m_statusConflicts = nullptr;
    QMenu *m_recentMenu = nullptr;
    bool m_languagePending = false; // asked while a sync ran: changes when the last one ends

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_addSourceAction = nullptr;
    QAction *m_editSourceAction = nullptr;
    QAction *m_removeSourceAction = nullptr;
    QAction *m_testAction = nullptr;
    QAction *m_syncAction = nullptr;
    QAction *m_syncAllAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_reconcileAction = nullptr;
    QAction *m_previewAction = nullptr;
    QAction *m_verifyAction = nullptr;
    QAction *m_fullResyncAction = nullptr;
    QAction *m_resetCursorsAction = nullptr;
    QAction *m_detachAction = nullptr;
    QAction *m_purgeAction = nullptr;
    QList<QAction *> m_viewActions;
    bool m_compactTabs = false; // the tabs show no icons (fitTabs)
    TrayIcon *m_tray = nullptr;
};

} // namespace Tributary::Gui
