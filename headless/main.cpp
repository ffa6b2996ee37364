#include "Cli.h"

#include "BuiltinSources.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

QTranslator *load(const QString &file, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance()); // lives as long as the application
    if (translator->load(file, directory))
        return translator;
    delete translator;
    return nullptr;
}

// The language of tributaryd's messages: TRIBUTARY_LANGUAGE when set ("de", "en", "de_DE"), else
// the system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) in its order of preference: the first
// preferred language that is English or has a catalogue wins. English, the source language, has a
// catalogue with only its plural forms, installed first so that every other one is searched before.
void installTranslations()
{
    if (QTranslator *english = load(QStringLiteral("tributaryd_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(english);
    const QString forced = qEnvironmentVariable("TRIBUTARY_LANGUAGE").trimmed();
    const QStringList preferred = forced.isEmpty() ? QLocale::system().uiLanguages() : QStringList{forced};
    for (const QString &name : preferred) {
        const QLocale locale(name);
        if (locale.language() == QLocale::English || locale.language() == QLocale::C)
            return;
        const QString language = QLocale::languageToCode(locale.language());
        QTranslator *ours = load(QStringLiteral("tributaryd_") + language, QStringLiteral(":/i18n"));
        if (!ours)
            continue;
        // Qt's own words (network and SQL errors) when Qt's catalogue is installed; ours, installed
        // last, is searched first and also carries QCommandLineParser's.
        if (QTranslator *qt = load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
        QCoreApplication::installTranslator(ours);
        return;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tributaryd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRIBUTARY_VERSION));
    installTranslations();
    Tributary::registerBuiltinSources();
    return Tributary::Cli::run(QCoreApplication::arguments());
}
