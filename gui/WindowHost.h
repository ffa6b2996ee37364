#pragma once

#include <QObject>
#include <QPointer>

namespace Tributary::Gui {

class MainWindow;

// Owns the console's main window and builds it again when the language changes: the catalogues
// are swapped (installTranslations), a new window is made in the new language and takes the old
// one's place (the same configuration file, selected source, view, geometry and splitter), and
// the old one goes. Every string of every view is then in the new language, which retranslating
// each widget in place would promise only as far as each view remembered to (decision 0030).
// MainWindow asks for it (languageChangeRequested) only when nothing would be lost: no sync
// running, nothing unsaved.
class WindowHost : public QObject
{
    Q_OBJECT
public:
    explicit WindowHost(QObject *parent = nullptr);
    ~WindowHost() override;

    MainWindow *window() const { return m_window; }

Q_SIGNALS:
    // A new window replaced the old one (already shown when the old one was).
    void windowReplaced(Tributary::Gui::MainWindow *window);

private:
    void adopt(MainWindow *window);
    void rebuild();

    QPointer<MainWindow> m_window;
};

} // namespace Tributary::Gui
