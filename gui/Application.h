#pragma once

#include <QLocale>
#include <QString>

namespace Tributary::Gui {

// The console's language: the system's, unless the settings override it ("language": "de",
// "en", or empty for the system). Loads Tributary's catalogue and Qt's own for that language.
// Returns the language in effect ("de", "en").
QString installTranslations(); // again after the setting changed: replaces the catalogues
QString languageSetting();
void setLanguageSetting(const QString &language);

// The console's colours: "" follows the desktop (its style and palette), "light" and "dark" use
// the Fusion style with a light or dark palette, whatever the desktop does. Every colour the
// views draw derives from the palette, so a theme applies to the running window at once.
QString themeSetting();
void setThemeSetting(const QString &theme);
void applyTheme(const QString &theme);

} // namespace Tributary::Gui
