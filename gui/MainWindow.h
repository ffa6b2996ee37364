#pragma once

#include <QMainWindow>

namespace Tributary::Gui {

class Workspace;

// The console's main window: the configuration's sources on the left, the dashboard, conflicts,
// history, log and quarantine views on the right.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openConfig(const QString &path);
    void openLastConfig();
    Workspace *workspace() const { return m_workspace; }

private:
    Workspace *m_workspace = nullptr;
};

} // namespace Tributary::Gui
