#include "Screenshots.h"

#include "ConfigDocument.h"
#include "ConflictInspector.h"
#include "ConflictsModel.h"
#include "ConnectionTestDialog.h"
#include "DashboardView.h"
#include "MainWindow.h"
#include "RecordsView.h"
#include "RunsView.h"
#include "SourceEditor.h"
#include "Workspace.h"
#include "engine/run/Run.h"

#include <QApplication>
#include <QLineEdit>
#include <QDir>
#include <QEventLoop>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

namespace Tributary::Gui {

namespace {

// Lets layouts, models and paint events settle before a picture is taken.
void settle(int ms = 150)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool save(QWidget *widget, const QString &directory, const QString &name, QString *error)
{
    settle();
    const QString path = QDir(directory).filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(path)) {
        *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace

bool takeScreenshots(MainWindow &window, const QString &directory, const QSize &screen, QString *error)
{
    if (!window.workspace()->isOpen() || window.workspace()->config().sources.isEmpty()) {
        *error = QStringLiteral("no configuration with a source is open");
        return false;
    }
    const QString source = window.workspace()->config().sources.first().name;
    window.resize(screen);
    window.show();
    window.selectSource(source);
    settle(300);

    // A real sync from the dashboard: the edits the script made at the forum arrive, one of them
    // meets a local edit and waits as a conflict.
    QEventLoop loop;
    QObject::connect(window.dashboard(), &DashboardView::runFinished, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    window.dashboard()->syncNow(source);
    loop.exec();
    window.showView(MainWindow::View::Dashboard);
    if (!save(&window, directory, QStringLiteral("dashboard"), error))
        return false;

    window.showView(MainWindow::View::Conflicts);
    ConflictsModel *conflicts = window.conflicts()->model();
    if (conflicts->rowCount() > 0)
        window.conflicts()->view()->selectRow(0);
    if (!save(&window, directory, QStringLiteral("conflicts"), error))
        return false;

    window.showView(MainWindow::View::Runs);
    window.runs()->view()->selectRow(0);
    if (!save(&window, directory, QStringLiteral("runs"), error))
        return false;
    window.showView(MainWindow::View::Log);
    if (!save(&window, directory, QStringLiteral("log"), error))
        return false;
    window.showView(MainWindow::View::Quarantine);
    if (!save(&window, directory, QStringLiteral("quarantine"), error))
        return false;
    window.showView(MainWindow::View::Service);
    if (!save(&window, directory, QStringLiteral("service"), error))
        return false;
    // The record the conflict is about, found by its external id as an admin would.
    window.showView(MainWindow::View::Records);
    window.records()->setScope(RecordQuery::By::ExternalId, source, QStringLiteral("topics"));
    window.records()->searchEdit()->setText(QStringLiteral("7"));
    window.records()->find();
    if (!save(&window, directory, QStringLiteral("records"), error))
        return false;
    window.showView(MainWindow::View::Trends);
    if (!save(&window, directory, QStringLiteral("trends"), error))
        return false;
    window.showView(MainWindow::View::Dashboard);

    SourceEditor editor(window.document(), window.workspace(), &window);
    editor.editSource(source);
    editor.show();
    editor.resize(editor.size().boundedTo(screen));
    if (!save(&editor, directory, QStringLiteral("source-editor"), error))
        return false;
    editor.selectEntity(QStringLiteral("messages"));
    if (QWidget *tabs = editor.findChild<QWidget *>(QStringLiteral("tabs"))) {
        if (auto *tabWidget = qobject_cast<QTabWidget *>(tabs))
            tabWidget->setCurrentIndex(tabWidget->count() > 3 ? 3 : tabWidget->count() - 1);
    }
    if (!save(&editor, directory, QStringLiteral("source-editor-mapping"), error))
        return false;
    editor.hide();

    ConnectionTestDialog test(window.workspace()->config(), source, &window);
    QEventLoop testLoop;
    QObject::connect(&test, &ConnectionTestDialog::finished, &testLoop, &QEventLoop::quit);
    QTimer::singleShot(150000, &testLoop, &QEventLoop::quit);
    test.show();
    test.resize(test.size().boundedTo(screen));
    if (!test.isFinished())
        testLoop.exec();
    test.selectEntity(QStringLiteral("messages"));
    if (!save(&test, directory, QStringLiteral("connection-test"), error))
        return false;
    if (auto *tabs = test.findChild<QTabWidget *>(QStringLiteral("tabs")))
        tabs->setCurrentIndex(1);
    return save(&test, directory, QStringLiteral("connection-test-rows"), error);
}

} // namespace Tributary::Gui
