#pragma once

#include <QColor>
#include <QPalette>

class QWidget;

namespace Tributary::Gui {

// The colours that say a state (failed, needs a look, done, under way, secondary), derived from
// the palette in effect so that they read on a light and on a dark one alike. Each state is a
// hue; its text colour is that hue mixed with the palette's text until it stands out from the
// base and the window behind it, its tint is the hue mixed into the base, under the palette's
// own text. Never a fixed colour: a view asks here, with the palette it paints with.
class StatusColors
{
public:
    enum class Status {
        Normal,  // the palette's own text; nothing to say
        Error,   // failed, refused, cannot be read
        Warning, // partial, waiting for a person, held back
        Success, // passed, idle and well
        Info,    // under way; the other side's change
        Muted,   // secondary: a debug line, a NULL, something resolved
    };

    // Contrast the foregrounds keep against the palette's base and window (WCAG's ratio): 4.5
    // for a state's text, 3 for muted text (it is meant to recede, not to vanish).
    static constexpr double kTextContrast = 4.5;
    static constexpr double kMutedContrast = 3.0;

    // Text (or an icon's mark) in the state's colour. Normal: the palette's text.
    static QColor foreground(Status status, const QPalette &palette);
    static QColor foreground(Status status);
    // A cell's or a panel's background tinted with the state's hue; the palette's Text reads on
    // it. Normal: the palette's base.
    static QColor background(Status status, const QPalette &palette);
    static QColor background(Status status);

    // Shows a label's (or any widget's) text in the state's colour (its WindowText and Text),
    // and again after the application's palette changes (light to dark). Normal: back to the
    // palette's own text.
    static void setTextStatus(QWidget *widget, Status status);
    // Fills a panel (a frame with a message) with the state's tint, the text the palette's own.
    static void setPanelStatus(QWidget *widget, Status status);
    // What setTextStatus() or setPanelStatus() last set on the widget (Normal when nothing).
    static Status status(const QWidget *widget);
    // Computes those colours again from the palette in effect (done when the application's
    // palette or style changes).
    static void reapply(QWidget *widget);

    // "rgb(r, g, b)" for rich text (a legend's sample).
    static QString css(const QColor &color);

    // WCAG 2 relative luminance (0 black .. 1 white) and the contrast ratio of two colours
    // (1 .. 21); alpha is composed over `behind` first.
    static double luminance(const QColor &color);
    static double contrast(const QColor &a, const QColor &b);
    static QColor over(const QColor &color, const QColor &behind);
    // a * (1 - t) + b * t, opaque.
    static QColor mix(const QColor &a, const QColor &b, double t);
};

} // namespace Tributary::Gui
