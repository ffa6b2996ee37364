#include "Application.h"
#include "MainWindow.h"

#include "BuiltinSources.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tributary"));
    QApplication::setOrganizationName(QStringLiteral("Tributary"));
    QApplication::setApplicationDisplayName(QStringLiteral("Tributary"));
    QApplication::setApplicationVersion(QStringLiteral(TRIBUTARY_VERSION));
    Tributary::registerBuiltinSources();
    Tributary::Gui::installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "The Tributary console: configure sources, watch syncs, resolve conflicts."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("config"), QApplication::translate("main", "A configuration file to open."), QStringLiteral("[config]"));
    parser.process(app);

    Tributary::Gui::MainWindow window;
    if (!parser.positionalArguments().isEmpty())
        window.openConfig(parser.positionalArguments().first());
    else
        window.openLastConfig();
    window.show();
    return app.exec();
}
