#include "Application.h"
#include "Icons.h"
#include "LogModel.h"
#include "MainWindow.h"
#include "Screenshots.h"
#include "SourceEditorPages.h"
#include "WindowHost.h"

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
    QApplication::setWindowIcon(Tributary::Gui::Icons::painted(Tributary::Gui::Icons::Glyph::Application));
    Tributary::registerBuiltinSources();
    Tributary::Gui::registerBuiltinEditorPages(); // the editor's pages of those sources (done on first use otherwise)
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
    QCommandLineOption screenSize(QStringLiteral("screenshot-size"),
                                  QApplication::translate("main", "The window's size for --screenshots, as WIDTHxHEIGHT (default 1280x780)."),
                                  QStringLiteral("SIZE"), QStringLiteral("1280x780"));
    parser.addOption(screenSize);
    QCommandLineOption theme(QStringLiteral("theme"), QApplication::translate("main", "Colours for this session: light, dark or desktop (default: the setting)."),
                             QStringLiteral("THEME"));
    parser.addOption(theme);
    parser.process(app);
    if (parser.isSet(theme) && !QStringList{QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("desktop")}.contains(parser.value(theme))) {
        qCritical("--theme expects light, dark or desktop, got \"%s\"", qPrintable(parser.value(theme)));
        return 2;
    }
    const QString chosen = parser.isSet(theme) ? parser.value(theme) : Tributary::Gui::themeSetting();
    Tributary::Gui::applyTheme(chosen == QLatin1String("desktop") ? QString() : chosen);

    Tributary::Gui::WindowHost host;
    Tributary::Gui::MainWindow &window = *host.window();
    if (!parser.positionalArguments().isEmpty())
        window.openConfig(parser.positionalArguments().first());
    else
        window.openLastConfig();
    if (parser.isSet(screenshots)) {
        QString error;
        const QStringList wh = parser.value(screenSize).split(QLatin1Char('x'));
        const QSize size = wh.size() == 2 ? QSize(wh.at(0).toInt(), wh.at(1).toInt()) : QSize();
        if (!size.isValid() || size.width() < 640 || size.height() < 480) {
            qCritical("screenshots: --screenshot-size expects WIDTHxHEIGHT of at least 640x480, got \"%s\"", qPrintable(parser.value(screenSize)));
            return 2;
        }
        if (!Tributary::Gui::takeScreenshots(window, parser.value(screenshots), size, &error)) {
            qCritical("screenshots: %s", qPrintable(error));
            return 1;
        }
        return 0;
    }
    window.show(); // a language change replaces it with a new window (WindowHost)
    return app.exec();
}
