#include "MainWindow.h"

#include "Application.h"
#include "ConfigDocument.h"
#include "ConflictInspector.h"
#include "ConnectionTestDialog.h"
#include "DashboardView.h"
#include "DisplayText.h"
#include "Documentation.h"
#include "Icons.h"
#include "LogView.h"
#include "NewConfigDialog.h"
#include "OutboxView.h"
#include "QuarantineView.h"
#include "RecordsView.h"
#include "RunsView.h"
#include "ServiceView.h"
#include "SourceEditor.h"
#include "SourceOperations.h"
#include "SourcesModel.h"
#include "TrayIcon.h"
#include "TrendsView.h"
#include "Workspace.h"
#include "engine/run/Run.h"
#include "state/ConflictStore.h"
#include "store/Database.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QUrl>
#include <QToolBar>
#include <QVBoxLayout>

namespace Tributary::Gui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_workspace(new Workspace(this)), m_document(new ConfigDocument(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_sourcesModel = new SourcesModel(m_workspace, this);

    m_sourcesView = new QListView;
    m_sourcesView->setObjectName(QStringLiteral("sourcesView"));
    m_sourcesView->setModel(m_sourcesModel);
    m_sourcesView->setIconSize(QSize(16, 16));
    m_sourcesView->setSpacing(2);
    m_sourcesView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_sourcesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sourcesView->setWordWrap(true);
    m_sourcesView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sourcesView->setTextElideMode(Qt::ElideRight);
    connect(m_sourcesView, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        editSource(m_sourcesModel->sourceAt(index.row()));
    });

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->setDocumentMode(true);
    m_dashboard = new DashboardView(m_workspace);
    m_conflicts = new ConflictInspector(m_workspace);
    m_runs = new RunsView(m_workspace);
    m_log = new LogView(m_workspace);
    m_quarantine = new QuarantineView(m_workspace);
    m_outbox = new OutboxView(m_workspace);
    m_service = new ServiceView(m_workspace);
    m_records = new RecordsView(m_workspace);
    m_tabs->addTab(m_dashboard, tr("Dashboard"));
    m_tabs->addTab(m_conflicts, tr("Conflicts"));
    m_tabs->addTab(m_runs, tr("Runs"));
    m_tabs->addTab(m_log, tr("Log"));
    m_tabs->addTab(m_quarantine, tr("Quarantine"));
    m_tabs->addTab(m_service, tr("Service"));
    m_tabs->addTab(m_records, tr("Records"));
    m_trends = new TrendsView(m_workspace);
    m_tabs->addTab(m_trends, tr("Trends"));
    m_tabs->addTab(m_outbox, tr("Outbox"));

    auto *splitter = new QSplitter;
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_sourcesView);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 900});
    // The sources list keeps room for its names and states whatever the view beside it wants.
    splitter->setChildrenCollapsible(false);
    m_sourcesView->setMinimumWidth(170);

    // Said above everything while the file on disk is not the one the console read.
    m_fileBar = new QFrame;
    m_fileBar->setObjectName(QStringLiteral("configFileBar"));
    static_cast<QFrame *>(m_fileBar)->setFrameShape(QFrame::StyledPanel);
    m_fileBar->setAutoFillBackground(true);
    m_fileBar->setBackgroundRole(QPalette::ToolTipBase);
    m_fileBar->setForegroundRole(QPalette::ToolTipText);
    m_fileBarText = new QLabel;
    m_fileBarText->setObjectName(QStringLiteral("configFileBarText"));
    m_fileBarText->setWordWrap(true);
    auto *reload = new QPushButton(tr("&Reload"));
    reload->setObjectName(QStringLiteral("configFileReload"));
    auto *dismiss = new QPushButton(tr("Dismiss"));
    dismiss->setObjectName(QStringLiteral("configFileDismiss"));
    dismiss->setToolTip(tr("Hide this bar. Runs still ask before they use the console's copy."));
    connect(reload, &QPushButton::clicked, this, [this] { reloadFromDisk(); });
    connect(dismiss, &QPushButton::clicked, m_fileBar, &QWidget::hide);
    auto *barLayout = new QHBoxLayout(m_fileBar);
    barLayout->setContentsMargins(8, 4, 8, 4);
    barLayout->addWidget(m_fileBarText, 1);
    barLayout->addWidget(reload);
    barLayout->addWidget(dismiss);
    m_fileBar->hide();
    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_fileBar);
    centralLayout->addWidget(splitter, 1);
    setCentralWidget(central);
    connect(m_workspace, &Workspace::configFileChanged, this, &MainWindow::onConfigFileChanged);

    m_operations = new SourceOperations(m_workspace, m_dashboard, this);
    connect(m_operations, &SourceOperations::stateChanged, this, &MainWindow::updateActions);
    connect(m_operations, &SourceOperations::message, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });

    m_sourcesModel->setRunningProbe([this](const QString &source) { return m_dashboard->isRunning(source); });
    connect(m_dashboard, &DashboardView::stateChanged, m_sourcesModel, &SourcesModel::refreshStates);
    connect(m_dashboard, &DashboardView::stateChanged, this, &MainWindow::updateActions);
    connect(m_dashboard, &DashboardView::runFinished, this, &MainWindow::onRunFinished);
    connect(m_quarantine, &QuarantineView::retryRequested, this,
            [this](const QString &source, const QStringList &entities, const QStringList &ids) {
                if (readyToRun())
                    m_dashboard->retryQuarantine(source, entities, ids);
            });
    // "Open record" in the conflict inspector and the quarantine: the Records tab shows it.
    const auto openRecord = [this](const QString &source, const QString &entity, const QString &externalId, const QString &localId) {
        showView(View::Records);
        m_records->openRecord(source, entity, externalId, localId);
    };
    connect(m_conflicts, &ConflictInspector::openRecordRequested, this, openRecord);
    connect(m_quarantine, &QuarantineView::openRecordRequested, this, openRecord);
    connect(m_outbox, &OutboxView::openRowRequested, this, [this](const QString &table, const QString &localId) {
        showView(View::Records);
        m_records->openRow(RecordKey{table, localId});
    });
    connect(m_outbox, &OutboxView::waitingChanged, this, &MainWindow::updateOutboxTab);
    connect(m_workspace, &Workspace::dataChanged, this, &MainWindow::updateConflictsTab);
    connect(m_workspace, &Workspace::conflictsChanged, this, &MainWindow::updateConflictsTab);
    connect(m_workspace, &Workspace::configChanged, this, [this] {
        if (!m_workspace->isStale())
            m_fileBar->hide(); // read again
        updateOutboxTab();
        updateTitle();
        updateActions();
        if (m_sourcesModel->rowCount() > 0 && !m_sourcesView->currentIndex().isValid())
            m_sourcesView->setCurrentIndex(m_sourcesModel->index(0));
    });
    connect(m_document, &ConfigDocument::modifiedChanged, this, [this] {
        updateTitle();
        updateActions();
    });

    createActions();
    createMenus();
    connect(m_sourcesView->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateActions);
    // The trends follow the source selected in the list.
    connect(m_sourcesView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        if (!currentSource().isEmpty())
            m_trends->setSource(currentSource());
    });

    m_statusConfig = new QLabel;
    m_statusConfig->setObjectName(QStringLiteral("statusConfig"));
    m_statusConflicts = new QLabel;
    m_statusConflicts->setObjectName(QStringLiteral("statusConflicts"));
    statusBar()->addWidget(m_statusConfig, 1);
    statusBar()->addPermanentWidget(m_statusConflicts);

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    if (!settings.contains(QStringLiteral("window/geometry"))) {
        // Laid out for 1024x768 and up: the first window fits the screen it opens on.
        const QSize preferred(1180, 720);
        resize(screen() ? preferred.boundedTo(screen()->availableGeometry().size()) : preferred);
    }
    updateTitle();
    updateActions();
    updateConflictsTab();
    updateOutboxTab();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    auto make = [this](const QString &text, const QKeySequence &key, auto slot, const QString &name) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_newAction = make(tr("&New Configuration..."), QKeySequence::New, [this] { newConfig(); }, QStringLiteral("actionNew"));
    m_openAction = make(tr("&Open..."), QKeySequence::Open, [this] { openDialog(); }, QStringLiteral("actionOpen"));
    m_saveAction = make(tr("&Save"), QKeySequence::Save, [this] { save(); }, QStringLiteral("actionSave"));
    m_saveAsAction = make(tr("Save &As..."), QKeySequence::SaveAs, [this] { saveAs(); }, QStringLiteral("actionSaveAs"));
    m_quitAction = make(tr("&Quit"), QKeySequence::Quit, [this] { close(); }, QStringLiteral("actionQuit"));

    m_addSourceAction = make(tr("&Add Source..."), QKeySequence(tr("Ctrl+Shift+A")), [this] { editSource(QString()); },
                             QStringLiteral("actionAddSource"));
    m_editSourceAction = make(tr("&Edit Source..."), QKeySequence(tr("F2")), [this] { editSource(currentSource()); },
                              QStringLiteral("actionEditSource"));
    m_removeSourceAction = make(tr("&Remove Source"), QKeySequence(), [this] { removeSource(); }, QStringLiteral("actionRemoveSource"));
    m_testAction = make(tr("&Test Connection..."), QKeySequence(tr("Ctrl+T")), [this] { testConnection(); },
                        QStringLiteral("actionTestConnection"));
    m_syncAction = make(tr("S&ync Now"), QKeySequence(tr("F5")), [this] {
        if (readyToRun())
            m_dashboard->syncNow(currentSource());
    }, QStringLiteral("actionSync"));
    m_syncAllAction = make(tr("Sync A&ll"), QKeySequence(tr("Ctrl+F5")), [this] {
        if (!readyToRun())
            return;
        for (const SourceConfig &s : m_workspace->config().sources) {
            if (s.enabled && !m_dashboard->isRunning(s.name))
                m_dashboard->syncNow(s.name);
        }
    }, QStringLiteral("actionSyncAll"));
    m_stopAction = make(tr("St&op"), QKeySequence(tr("Ctrl+.")), [this] { m_dashboard->stop(currentSource()); },
                        QStringLiteral("actionStop"));
    m_reconcileAction = make(tr("Re&concile"), QKeySequence(tr("Ctrl+R")), [this] {
        if (readyToRun())
            m_dashboard->reconcile(currentSource());
    }, QStringLiteral("actionReconcile"));
    m_previewAction = make(tr("&Preview Sync"), QKeySequence(tr("Ctrl+P")), [this] {
        if (readyToRun())
            m_dashboard->preview(currentSource());
    }, QStringLiteral("actionPreview"));
    // The operations tributaryd has as commands, on the same core calls (SourceOperations).
    auto operation = [&](const QString &text, auto open, const QString &name, const QString &tip) {
        QAction *a = make(text, QKeySequence(), [this, open] {
            if (readyToRun())
                (m_operations->*open)(currentSource());
        }, name);
        a->setToolTip(tip);
        return a;
    };
    m_verifyAction = operation(tr("&Verify..."), &SourceOperations::verify, QStringLiteral("actionVerify"),
                               tr("Compare every record of the selected source with the main database (tributaryd verify)"));
    m_fullResyncAction = operation(tr("&Full Re-sync..."), &SourceOperations::fullResync, QStringLiteral("actionFullResync"),
                                   tr("Walk everything the source lists, not only what changed (tributaryd sync --full)"));
    m_resetCursorsAction = operation(tr("Reset C&ursors..."), &SourceOperations::resetCursors, QStringLiteral("actionResetCursors"),
                                     tr("Forget where the walks of the source stand (tributaryd cursor reset)"));
    m_detachAction = operation(tr("&Detach..."), &SourceOperations::detach, QStringLiteral("actionDetach"),
                               tr("Forget the links and state of a source, keeping every row (tributaryd source detach)"));
    m_purgeAction = operation(tr("Pur&ge..."), &SourceOperations::purge, QStringLiteral("actionPurge"),
                              tr("Delete the rows only a source brought, then detach it (tributaryd source purge)"));
    m_syncAction->setToolTip(tr("Fetch what changed at the selected source and write it to the main database"));
    m_previewAction->setToolTip(tr("Count what a sync would insert, update, delete and which conflicts it would raise, writing nothing"));
    m_reconcileAction->setToolTip(tr("Scan every id at the source to find deletes and anything polling missed"));
    m_sourcesView->addActions({m_editSourceAction, m_testAction, m_syncAction, m_previewAction, m_reconcileAction, m_removeSourceAction});
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_sourcesView->addActions({separator, m_verifyAction, m_fullResyncAction, m_resetCursorsAction, m_detachAction, m_purgeAction});

    // The desktop theme's icons where it has them, the console's own painted ones elsewhere.
    using Glyph = Icons::Glyph;
    const QList<QPair<QAction *, Glyph>> actionIcons = {
        {m_newAction, Glyph::NewFile},           {m_openAction, Glyph::Open},
        {m_saveAction, Glyph::Save},             {m_saveAsAction, Glyph::SaveAs},
        {m_quitAction, Glyph::Quit},             {m_addSourceAction, Glyph::AddSource},
        {m_editSourceAction, Glyph::EditSource}, {m_removeSourceAction, Glyph::RemoveSource},
        {m_testAction, Glyph::TestConnection},   {m_syncAction, Glyph::Sync},
        {m_syncAllAction, Glyph::SyncAll},       {m_stopAction, Glyph::Stop},
        {m_reconcileAction, Glyph::Reconcile},   {m_previewAction, Glyph::Preview},
    };
    for (const auto &[action, glyph] : actionIcons)
        action->setIcon(Icons::icon(glyph));
    applyTabIcons();
    m_tabs->installEventFilter(this);

    const QStringList views = {tr("&Dashboard"), tr("&Conflicts"), tr("&Runs"), tr("&Log"), tr("&Quarantine"),
                               tr("S&ervice"), tr("Rec&ords"), tr("&Trends"), tr("O&utbox")};
    for (int i = 0; i < views.size(); ++i) {
        auto *a = new QAction(views.at(i), this);
        a->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)));
        a->setObjectName(QStringLiteral("actionView%1").arg(i + 1));
        connect(a, &QAction::triggered, this, [this, i] { m_tabs->setCurrentIndex(i); });
        a->setIcon(m_tabs->tabIcon(i));
        m_viewActions.append(a);
    }
    updateOutboxTab(); // its menu item as its tab

    // The tray: a message for each new conflict and failed run, whoever made it; a click on it
    // brings the window up where that is shown. Without a tray, the status bar says it.
    m_tray = new TrayIcon(m_workspace, this, this);
    connect(m_tray, &TrayIcon::openRequested, this, [this](Notification::Kind kind, const QString &source) {
        m_tabs->setCurrentWidget(kind == Notification::Kind::Conflicts ? static_cast<QWidget *>(m_conflicts) : m_runs);
        if (!source.isEmpty())
            selectSource(source);
    });
    connect(m_tray, &TrayIcon::notified, this, [this](const Notification &n) {
        if (!m_tray->trayIcon())
            statusBar()->showMessage(n.text, 15000);
    });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    updateRecentMenu();

    QMenu *source = menuBar()->addMenu(tr("&Source"));
    source->addAction(m_addSourceAction);
    source->addAction(m_editSourceAction);
    source->addAction(m_testAction);
    source->addAction(m_removeSourceAction);
    source->addSeparator();
    source->addAction(m_syncAction);
    source->addAction(m_syncAllAction);
    source->addAction(m_previewAction);
    source->addAction(m_reconcileAction);
    source->addAction(m_stopAction);
    source->addSeparator();
    source->addActions({m_verifyAction, m_fullResyncAction, m_resetCursorsAction, m_detachAction, m_purgeAction});

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions(m_viewActions);

    QMenu *settings = menuBar()->addMenu(tr("S&ettings"));
    QMenu *language = settings->addMenu(tr("&Language"));
    auto *group = new QActionGroup(this);
    const QList<QPair<QString, QString>> languages = {{QString(), tr("System default")}, {QStringLiteral("en"), QStringLiteral("English")},
                                                      {QStringLiteral("de"), QStringLiteral("Deutsch")}};
    for (const auto &[code, name] : languages) {
        QAction *a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(languageSetting() == code);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] { setLanguage(code); });
    }
    QMenu *theme = settings->addMenu(tr("&Colours"));
    theme->setObjectName(QStringLiteral("themeMenu"));
    auto *themes = new QActionGroup(this);
    const QList<QPair<QString, QString>> themeNames = {{QString(), tr("Follow the desktop")}, {QStringLiteral("light"), tr("Light")},
                                                       {QStringLiteral("dark"), tr("Dark")}};
    for (const auto &[code, name] : themeNames) {
        QAction *a = theme->addAction(name);
        a->setCheckable(true);
        a->setChecked(themeSetting() == code);
        a->setData(code);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [code = code] {
            setThemeSetting(code);
            applyTheme(code);
        });
    }

    settings->addSeparator();
    settings->addAction(m_tray->notificationsAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    // The docs installed with the package (or the source tree's), opened as local files.
    for (Documentation::Page page : Documentation::pages()) {
        QAction *a = help->addAction(Documentation::title(page), this, [this, page] { openDocumentation(page); });
        a->setObjectName(QStringLiteral("actionDoc_") + QFileInfo(Documentation::fileName(page)).baseName());
        if (page == Documentation::Page::Console)
            a->setIcon(Icons::icon(Icons::Glyph::Documentation));
    }
    help->addSeparator();
    QAction *about = help->addAction(Icons::icon(Icons::Glyph::About), tr("&About Tributary"), this, [this] {
        QMessageBox::about(this, tr("About Tributary"),
                           tr("<b>Tributary %1</b><p>Keeps a main database in sync with paginated REST sources: every insert, "
                              "update and delete exactly once, conflicts decided by rule or by you.</p>")
                               .arg(QApplication::applicationVersion()));
    });
    about->setObjectName(QStringLiteral("actionAbout"));

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    // Icons with their words under them: the words stay (a console used now and then is read,
    // not memorised), and the bar fits a 1024-pixel-wide window in English and German.
    bar->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    bar->addAction(m_openAction);
    bar->addAction(m_saveAction);
    bar->addSeparator();
    bar->addAction(m_addSourceAction);
    bar->addAction(m_testAction);
    bar->addSeparator();
    bar->addAction(m_syncAction);
    bar->addAction(m_syncAllAction);
    bar->addAction(m_previewAction);
    bar->addAction(m_reconcileAction);
    bar->addAction(m_stopAction);
}

QString MainWindow::currentSource() const
{
    const QModelIndex current = m_sourcesView->currentIndex();
    if (current.isValid())
        return m_sourcesModel->sourceAt(current.row());
    return m_sourcesModel->rowCount() == 1 ? m_sourcesModel->sourceAt(0) : QString();
}

void MainWindow::selectSource(const QString &name)
{
    const int row = m_sourcesModel->rowOf(name);
    if (row >= 0)
        m_sourcesView->setCurrentIndex(m_sourcesModel->index(row));
}

void MainWindow::showView(View view)
{
    m_tabs->setCurrentIndex(int(view));
}

void MainWindow::updateActions()
{
    const bool open = m_workspace->isOpen() || !m_document->filePath().isEmpty();
    const QString source = currentSource();
    const bool selected = !source.isEmpty();
    const bool running = selected && m_dashboard->isRunning(source);
    const bool canRun = m_workspace->isOpen() && m_workspace->database() && selected;
    m_saveAction->setEnabled(m_document->isModified() || !open);
    m_saveAsAction->setEnabled(open || m_document->isModified());
    m_addSourceAction->setEnabled(open || m_document->isModified());
    m_editSourceAction->setEnabled(selected);
    m_removeSourceAction->setEnabled(selected && !running);
    m_testAction->setEnabled(selected);
    m_syncAction->setEnabled(canRun && !running);
    m_previewAction->setEnabled(canRun && !running);
    m_reconcileAction->setEnabled(canRun && !running);
    m_stopAction->setEnabled(running);
    m_syncAllAction->setEnabled(m_workspace->isOpen() && m_workspace->database());
    m_verifyAction->setEnabled(m_operations->canVerify(source));
    m_fullResyncAction->setEnabled(m_operations->canChange(source));
    m_resetCursorsAction->setEnabled(m_operations->canChange(source));
    // A source removed from the configuration is not in the list: the dialog offers it.
    m_detachAction->setEnabled(m_operations->canLetGo(source));
    m_purgeAction->setEnabled(m_operations->canLetGo(source));
}

void MainWindow::updateTitle()
{
    const QString path = m_document->filePath();
    setWindowTitle(path.isEmpty() ? tr("Tributary") : QStringLiteral("%1[*] — Tributary").arg(QFileInfo(path).fileName()));
    setWindowModified(m_document->isModified());
    if (!m_workspace->isOpen()) {
        m_statusConfig->setText(tr("No configuration open. File ▸ Open, or File ▸ New Configuration."));
    } else if (!m_workspace->database()) {
        m_statusConfig->setText(tr("%1 — the main database cannot be opened: %2")
                                    .arg(m_workspace->configPath(), DisplayText::error(m_workspace->databaseError())));
    } else {
        m_statusConfig->setText(tr("%1 — main database %2").arg(QDir::toNativeSeparators(m_workspace->configPath()),
                                                                 QDir::toNativeSeparators(m_workspace->database()->name())));
    }
}

void MainWindow::updateConflictsTab()
{
    Database *db = m_workspace->database();
    const Result<qint64> open = db ? ConflictStore(*db).count(ConflictFilter()) : Result<qint64>(0);
    // A count that could not be read is no count: the tab goes without one, and the inspector
    // shows the error where its list would be.
    m_tabs->setTabText(int(View::Conflicts), open && *open > 0 ? tr("Conflicts (%1)").arg(*open) : tr("Conflicts"));
    const QString why = open ? QString() : tr("Cannot count the conflicts: %1").arg(DisplayText::error(open.error()));
    m_tabs->setTabToolTip(int(View::Conflicts), why);
    m_statusConflicts->setToolTip(why);
    if (!open)
        m_statusConflicts->setText(tr("Cannot count the conflicts"));
    else
        m_statusConflicts->setText(*open > 0 ? tr("%n conflict(s) wait for a decision", nullptr, int(*open)) : QString());
}

void MainWindow::updateOutboxTab()
{
    // Only where write-back is: a configuration that reads only has nothing to show there, and
    // nine tabs do not fit a laptop's 1024 pixels.
    const qint64 waiting = m_outbox->waitingCount();
    bool writes = false;
    for (const SourceConfig &s : m_workspace->config().sources)
        writes = writes || s.writes();
    const bool shown = writes || waiting > 0;
    m_tabs->setTabVisible(int(View::Outbox), shown);
    QMetaObject::invokeMethod(this, &MainWindow::fitTabs, Qt::QueuedConnection);
    if (m_viewActions.size() > int(View::Outbox))
        m_viewActions.at(int(View::Outbox))->setVisible(shown);
    // As the conflicts' tab: a count only when there is one to trust (the view says why not).
    m_tabs->setTabText(int(View::Outbox), waiting > 0 ? tr("Outbox (%1)").arg(DisplayText::number(waiting)) : tr("Outbox"));
    m_tabs->setTabToolTip(int(View::Outbox), waiting > 0 ? tr("%n change(s) of the main database wait to be pushed", nullptr, int(waiting))
                                                         : QString());
}

void MainWindow::applyTabIcons()
{
    using Glyph = Icons::Glyph;
    // The tabs by their view (whatever their order).
    const QList<QPair<QWidget *, Glyph>> tabIcons = {
        {m_dashboard, Glyph::Dashboard}, {m_conflicts, Glyph::Conflicts},   {m_runs, Glyph::Runs},
        {m_log, Glyph::Log},             {m_quarantine, Glyph::Quarantine}, {m_outbox, Glyph::Outbox},
        {m_service, Glyph::Service},     {m_records, Glyph::Records},       {m_trends, Glyph::Trends},
    };
    for (const auto &[view, glyph] : tabIcons) {
        if (const int index = m_tabs->indexOf(view); index >= 0)
            m_tabs->setTabIcon(index, m_compactTabs ? QIcon() : Icons::icon(glyph));
    }
}

void MainWindow::fitTabs()
{
    // What the visible titles need with their icons, whether the icons are shown now or not.
    const QTabBar *bar = m_tabs->tabBar();
    const int iconRoom = m_tabs->iconSize().width() + 4; // QTabBar: the icon and its gap
    int needed = 0;
    for (int i = 0; i < bar->count(); ++i) {
        if (bar->isTabVisible(i))
            needed += bar->tabRect(i).width() + (m_compactTabs ? iconRoom : 0);
    }
    const bool compact = needed > m_tabs->width();
    if (compact == m_compactTabs)
        return;
    m_compactTabs = compact;
    applyTabIcons();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tabs && (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest))
        QMetaObject::invokeMethod(this, &MainWindow::fitTabs, Qt::QueuedConnection);
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = ConfigDocument::recentFiles();
    for (const QString &path : recent) {
        QAction *a = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openConfig(path);
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

bool MainWindow::openConfig(const QString &path)
{
    QString error;
    if (!m_document->open(path, &error)) {
        QMessageBox::warning(this, tr("Cannot open the configuration"), error);
        return false;
    }
    QStringList errors;
    if (!m_workspace->open(path, &errors)) {
        // The file is open for editing; it cannot run until it validates.
        m_workspace->close();
        QMessageBox::warning(this, tr("The configuration has problems"),
                             tr("%1 cannot run until these are fixed (Source ▸ Edit Source):\n\n%2").arg(path, errors.join(QLatin1Char('\n'))));
    }
    QSettings().setValue(QStringLiteral("lastConfig"), QFileInfo(path).absoluteFilePath());
    updateRecentMenu();
    updateTitle();
    updateActions();
    return true;
}

void MainWindow::openLastConfig()
{
    const QString last = QSettings().value(QStringLiteral("lastConfig")).toString();
    if (!last.isEmpty() && QFileInfo::exists(last))
        openConfig(last);
}

void MainWindow::openDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Configuration"), QString(), tr("Tributary configuration (*.json);;All files (*)"));
    if (!path.isEmpty())
        openConfig(path);
}

void MainWindow::newConfig()
{
    if (!maybeSave())
        return;
    NewConfigDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!createConfiguration(dialog.configPath(), dialog.databaseJson(), &error)) {
        QMessageBox::warning(this, tr("Cannot create the configuration"), error);
        return;
    }
    // The first source, in the editor (the Good Forum preset to start from). Cancelled, the
    // configuration stays without one; the dashboard says how to add it.
    editSource(QString());
}

bool MainWindow::createConfiguration(const QString &path, const QJsonObject &database, QString *error)
{
    m_workspace->close();
    m_document->newEmptyDocument(database);
    if (!m_document->saveAs(path, error))
        return false;
    updateRecentMenu();
    QStringList errors;
    if (!m_workspace->open(path, &errors)) {
        *error = errors.join(QLatin1Char('\n'));
        return false;
    }
    QSettings().setValue(QStringLiteral("lastConfig"), QFileInfo(path).absoluteFilePath());
    updateTitle();
    updateActions();
    return true;
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    if (m_workspace->isStale() && QFileInfo(m_document->filePath()) == QFileInfo(m_workspace->configPath())
        && QMessageBox::warning(this, tr("The file changed on disk"),
                                tr("%1 was changed by another program after the console read it. Saving replaces those changes "
                                   "with the console's version.")
                                    .arg(QDir::toNativeSeparators(m_document->filePath())),
                                QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Save)
        return false;
    QString error;
    if (!m_document->save(&error)) {
        QMessageBox::warning(this, tr("Cannot save"), error);
        return false;
    }
    QStringList errors;
    if (!m_workspace->open(m_document->filePath(), &errors)) {
        QMessageBox::warning(this, tr("Saved, but the configuration cannot run"), errors.join(QLatin1Char('\n')));
        return false;
    }
    updateRecentMenu();
    statusBar()->showMessage(tr("Saved %1").arg(m_document->filePath()), 4000);
    return true;
}

bool MainWindow::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Configuration As"), m_document->filePath(), tr("Tributary configuration (*.json)"));
    if (path.isEmpty())
        return false;
    QString error;
    if (!m_document->saveAs(path, &error)) {
        QMessageBox::warning(this, tr("Cannot save"), error);
        return false;
    }
    QStringList errors;
    if (!m_workspace->open(path, &errors))
        QMessageBox::warning(this, tr("Saved, but the configuration cannot run"), errors.join(QLatin1Char('\n')));
    updateRecentMenu();
    updateTitle();
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"), tr("The configuration has unsaved changes. Save them?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    return answer == QMessageBox::Discard || save();
}

bool MainWindow::readyToRun()
{
    if (m_workspace->isStale()) {
        // Never a run on the console's older copy without the admin knowing.
        const auto answer = QMessageBox::question(
            this, tr("The configuration file changed"),
            tr("%1 changed on disk after the console read it. A run now would use the console's older copy. Read the file "
               "again first?")
                .arg(QDir::toNativeSeparators(m_workspace->configPath())),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
        return answer == QMessageBox::Yes && reloadFromDisk() && !m_workspace->isStale();
    }
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                              tr("Runs use the saved configuration. Save your changes first?"),
                                              QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Save);
    return answer == QMessageBox::Save && save();
}

bool MainWindow::reloadFromDisk()
{
    const QString path = m_workspace->isOpen() ? m_workspace->configPath() : m_document->filePath();
    if (path.isEmpty())
        return false;
    if (m_document->isModified()
        && QMessageBox::question(this, tr("Unsaved changes"),
                                 tr("Reading %1 again discards the changes made in the console that are not saved.")
                                     .arg(QDir::toNativeSeparators(path)),
                                 QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Discard)
        return false;
    const QString selected = currentSource();
    if (!openConfig(path))
        return false;
    if (!selected.isEmpty())
        selectSource(selected);
    statusBar()->showMessage(tr("Read %1 again").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

void MainWindow::onConfigFileChanged()
{
    if (!m_workspace->isStale()) {
        m_fileBar->hide();
        return;
    }
    m_fileBarText->setText(m_document->isModified()
                               ? tr("%1 was changed on disk by another program. The console has unsaved changes of its own: reloading "
                                    "discards them, saving replaces the file's.")
                                     .arg(QDir::toNativeSeparators(m_workspace->configPath()))
                               : tr("%1 was changed on disk by another program. Runs from the console use the copy it read "
                                    "until you reload.")
                                     .arg(QDir::toNativeSeparators(m_workspace->configPath())));
    m_fileBar->show();
}

bool MainWindow::editSource(const QString &name)
{
    SourceEditor editor(m_document, m_workspace, this);
    // The editor applies the source to the document; save() below writes the file and reopens
    // the workspace on it, so what runs is what was saved.
    editor.setSaveOnAccept(false);
    if (name.isEmpty())
        editor.newSource(SourcePreset());
    else if (!editor.editSource(name))
        return false;
    if (editor.exec() != QDialog::Accepted)
        return false;
    const QString saved = editor.sourceName();
    if (save())
        selectSource(saved);
    updateActions();
    return true;
}

void MainWindow::removeSource()
{
    const QString name = currentSource();
    if (name.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Remove source"),
        tr("Remove \"%1\" from the configuration?\n\nIts rows stay in the main database. To let go of them later: "
           "Source ▸ Detach (forget its links) or Source ▸ Purge (delete the rows only it brought).")
            .arg(name));
    if (answer != QMessageBox::Yes)
        return;
    m_document->removeSource(name);
    save();
}

void MainWindow::testConnection()
{
    const QString name = currentSource();
    if (name.isEmpty())
        return;
    // The test runs what is in the editor's document: saved or not, nothing is written.
    Config config;
    QStringList errors;
    if (!m_document->toConfig(&config, &errors)) {
        QMessageBox::warning(this, tr("Cannot test the connection"),
                             tr("The configuration has problems:\n\n%1").arg(errors.join(QLatin1Char('\n'))));
        return;
    }
    // Not modal: the test takes a while (two or three pages per entity), and the console stays
    // usable meanwhile; closing the dialog stops it.
    auto *dialog = new ConnectionTestDialog(config, name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::onRunFinished(const RunResult &result)
{
    updateActions();
    if (m_languagePending && !m_dashboard->isAnyRunning())
        QTimer::singleShot(0, this, [this] { setLanguage(languageSetting()); });
    switch (result.status) {
    case RunResult::Status::Failed:
        statusBar()->showMessage(tr("%1: the sync failed: %2").arg(result.source, result.error.message), 10000);
        break;
    case RunResult::Status::Ok:
        statusBar()->showMessage(tr("%1: finished").arg(result.source), 5000);
        break;
    case RunResult::Status::Partial:
        statusBar()->showMessage(tr("%1: finished; some records are held back (see Quarantine)").arg(result.source), 8000);
        break;
    case RunResult::Status::Interrupted:
        statusBar()->showMessage(tr("%1: stopped; the next sync goes on from there").arg(result.source), 8000);
        break;
    case RunResult::Status::Paused:
        statusBar()->showMessage(tr("%1: paused, the request budget is spent; goes on at %2")
                                     .arg(result.source, QLocale().toString(result.resumesAt.toLocalTime(), QLocale::ShortFormat)),
                                 10000);
        break;
    case RunResult::Status::Running: // a result is never delivered while the run goes on
        break;
    }
}

void MainWindow::setLanguage(const QString &language)
{
    if (language == languageSetting() && !m_languagePending)
        return;
    // The window is built again in the new language: unsaved edits are saved or dropped first.
    if (!maybeSave())
        return;
    setLanguageSetting(language);
    if (m_dashboard->isAnyRunning()) {
        m_languagePending = true;
        statusBar()->showMessage(tr("The language changes when the running sync ends."), 8000);
        return;
    }
    m_languagePending = false;
    Q_EMIT languageChangeRequested();
}

MainWindow::Placement MainWindow::placement() const
{
    Placement p;
    p.config = m_document->filePath();
    p.source = currentSource();
    p.tab = m_tabs->currentIndex();
    p.geometry = saveGeometry();
    p.state = saveState();
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        p.splitter = splitter->saveState();
    return p;
}

void MainWindow::restorePlacement(const Placement &p)
{
    restoreGeometry(p.geometry);
    restoreState(p.state);
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        splitter->restoreState(p.splitter);
    if (!p.config.isEmpty())
        openConfig(p.config);
    if (!p.source.isEmpty())
        selectSource(p.source);
    if (p.tab >= 0 && p.tab < m_tabs->count())
        m_tabs->setCurrentIndex(p.tab);
}

void MainWindow::openDocumentation(Documentation::Page page)
{
    const QString path = Documentation::path(page);
    if (path.isEmpty()) {
        QMessageBox::information(
            this, tr("Documentation not found"),
            tr("Tributary's documentation comes with the tributary package (in /usr/share/doc/tributary/docs) and is the "
               "docs folder of its source tree. This console found it in none of:\n\n%1")
                .arg(Documentation::candidates(QCoreApplication::applicationDirPath(), QString()).join(QLatin1Char('\n'))));
        return;
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        QMessageBox::information(this, tr("Cannot open the documentation"),
                                 tr("No application opens %1 on this desktop. It is a Markdown text: open it with any text editor.")
                                     .arg(QDir::toNativeSeparators(path)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    if (m_dashboard->isAnyRunning()
        && QMessageBox::question(this, tr("A sync is running"),
                                 tr("Quit anyway? The run stops after the page being written: nothing is lost, "
                                    "and the next sync goes on from there."))
               != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (auto *splitter = qobject_cast<QSplitter *>(centralWidget()))
        settings.setValue(QStringLiteral("window/splitter"), splitter->saveState());
    event->accept();
}

} // namespace Tributary::Gui
