#include "Application.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QPalette>
#include <QPointer>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
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

QString themeSetting()
{
    return QSettings().value(QStringLiteral("theme")).toString();
}

void setThemeSetting(const QString &theme)
{
    QSettings().setValue(QStringLiteral("theme"), theme);
}

namespace {
QPalette darkPalette()
{
    // Fusion's dark scheme as KDE's Breeze Dark and GNOME's Adwaita dark choose it: grey
    // surfaces, near-white text, a blue accent; disabled text dimmed, not hidden.
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1f, 0x21, 0x24), text(0xe8, 0xea, 0xed), dim(0x8a, 0x8f, 0x96);
    const QColor accent(0x3d, 0x8e, 0xe0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, dim);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x3a, 0x3d, 0x41));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x36, 0x3a));
    p.setColor(QPalette::Mid, QColor(0x24, 0x26, 0x29));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb0, 0xf5));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xf0));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, dim);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4d, 0x52));
    return p;
}
} // namespace

void applyTheme(const QString &theme)
{
    // What the desktop gave the application, kept from the first call for "follow the desktop".
    static const QString desktopStyle = QApplication::style()->name();
    static const QPalette desktopPalette = QApplication::palette();
    if (theme == QLatin1String("light") || theme == QLatin1String("dark")) {
        QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
        const QPalette palette = theme == QLatin1String("dark") ? darkPalette() : fusion->standardPalette();
        QApplication::setStyle(fusion);
        QApplication::setPalette(palette);
        return;
    }
    if (QStyle *style = QStyleFactory::create(desktopStyle))
        QApplication::setStyle(style);
    QApplication::setPalette(desktopPalette);
}

namespace {
// The catalogues installed now, removed when another language is installed.
QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

// Installs catalogue `name` for `locale` from `directory`; false when there is none for it.
bool install(const QLocale &locale, const QString &name, const QString &directory)
{
    // Owned by the application until the next language replaces it.
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(locale, name, QStringLiteral("_"), directory)) {
        QCoreApplication::installTranslator(translator);
        installed().append(translator);
        return true;
    }
    delete translator;
    return false;
}
} // namespace

QString installTranslations()
{
    for (const QPointer<QTranslator> &t : std::as_const(installed())) {
        if (!t)
            continue;
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    installed().clear();
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
