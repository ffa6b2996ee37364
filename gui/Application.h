#pragma once

#include <QLocale>
#include <QString>

namespace Tributary::Gui {

// The console's language: the system's, unless the settings override it ("language": "de",
// "en", or empty for the system). Loads Tributary's catalogue and Qt's own for that language.
// Returns the language in effect ("de", "en").
QString installTranslations();
QString languageSetting();
void setLanguageSetting(const QString &language); // takes effect at the next start

} // namespace Tributary::Gui
