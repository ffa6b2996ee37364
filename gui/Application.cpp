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

QString installTranslations()
{
    const QString setting = languageSetting();
    const QLocale locale = setting.isEmpty() ? QLocale::system() : QLocale(setting);
    // Owned by the application for its lifetime.
    auto *mine = new QTranslator(QCoreApplication::instance());
    if (mine->load(locale, QStringLiteral("tributary"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(mine);
    } else {
        delete mine;
        return QStringLiteral("en");
    }
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return locale.name().section(QLatin1Char('_'), 0, 0);
}

} // namespace Tributary::Gui
