#include "Application.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace Tributary::Gui {

QString languageSetting()
{
    return QSettings().value(QStringLiteral("language")).toString();
}

void setLanguageSetting(const QString &language)
{
    QSettings().setValue(QStringLiteral("language"), language);
}

namespace {
// Installs catalogue `name` for `locale` from `directory`; false when there is none for it.
bool install(const QLocale &locale, const QString &name, const QString &directory)
{
    // Owned by the application for its lifetime.
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(locale, name, QStringLiteral("_"), directory)) {
        QCoreApplication::installTranslator(translator);
        return true;
    }
    delete translator;
    return false;
}
} // namespace

QString installTranslations()
{
    const QString setting = languageSetting();
    QLocale locale = setting.isEmpty() ? QLocale::system() : QLocale(setting);
    // Only German and English exist; anything else is shown in English.
    if (locale.language() != QLocale::German)
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    const QString i18n = QStringLiteral(":/i18n");
    // The console's own messages, and the core's (errors, refusals) from tributaryd's catalogue.
    // English loads the plural forms only ("1 conflict", "2 conflicts").
    install(locale, QStringLiteral("tributary"), i18n);
    install(locale, QStringLiteral("tributaryd"), i18n);
    install(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    // Numbers, dates and times in the language the console speaks, so a sentence never mixes
    // them ("6.001 fertig", not "6,001 fertig"): QLocale() is what every view formats with.
    QLocale::setDefault(locale);
    return locale.language() == QLocale::German ? QStringLiteral("de") : QStringLiteral("en");
}

} // namespace Tributary::Gui
