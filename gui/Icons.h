#pragma once

#include <QIcon>
#include <QString>

namespace Tributary::Gui {

// The console's icons: the desktop theme's where it has one (QIcon::fromTheme, by the
// freedesktop name), else a glyph the console paints itself, at any size, in the palette's text
// colour (so it follows a dark palette) with a state's colour for accents (StatusColors).
// Painted rather than shipped as SVG: no image plugin to depend on (docs/decisions/0026).
class Icons
{
public:
    enum class Glyph {
        NewFile,
        Open,
        Save,
        SaveAs,
        Quit,
        AddSource,
        EditSource,
        RemoveSource,
        TestConnection,
        Sync,
        SyncAll,
        Stop,
        Reconcile,
        Preview,
        Dashboard,
        Conflicts,
        Runs,
        Log,
        Quarantine,
        Outbox,
        Service,
        Records,
        Trends,
        Documentation,
        About,
        Notifications,
        Application, // the console itself: the window and the tray
    };

    // The theme's icon when the desktop has `themeName(glyph)`, else the painted one.
    static QIcon icon(Glyph glyph);
    // Always the painted glyph.
    static QIcon painted(Glyph glyph);
    // The freedesktop icon name looked up in the theme; empty when the console always paints it.
    static QString themeName(Glyph glyph);
    // The application's icon with a dot in the corner: something new waits (the tray's icon
    // while a notification is unread).
    static QIcon applicationWithBadge();
};

} // namespace Tributary::Gui
