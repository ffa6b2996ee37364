#include "Application.h"
#include "LogModel.h"
#include "MainWindow.h"
#include "Screenshots.h"

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
    // Before anything logs: the log view shows what the engine says from the first line on.
    Tributary::Gui::LogModel::installLogHandler();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "The Tributary console: configure sources, watch syncs, resolve conflicts."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("config"), QApplication::translate("main", "A configuration file to open."), QStringLiteral("[config]"));
    QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                   QApplication::translate("main", "Sync the configuration's first source, save a picture of each view into DIR, and quit (scripts/screenshots.sh)."),
                                   QStringLiteral("DIR"));
    parser.addOption(screenshots);
    parser.process(app);

    Tributary::Gui::MainWindow window;
    if (!parser.positionalArguments().isEmpty())
        window.openConfig(parser.positionalArguments().first());
    else
        window.openLastConfig();
    if (parser.isSet(screenshots)) {
        QString error;
        if (!Tributary::Gui::takeScreenshots(window, parser.value(screenshots), &error)) {
            qCritical("screenshots: %s", qPrintable(error));
            return 1;
        }
        return 0;
    }
    window.show();
    return app.exec();
}
