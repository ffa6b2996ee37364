#include "StatusColors.h"

#include <QApplication>
#include <QEvent>
#include <QSet>
#include <QWidget>
#include <QtMath>

namespace Tributary::Gui {

namespace {

const char *const kTextStatusProperty = "tributaryTextStatus";
const char *const kPanelStatusProperty = "tributaryPanelStatus";

// The hue of each state, as a mid-tone: never shown as it is, always mixed with the palette's
// text (foreground) or base (background) first.
QColor hue(StatusColors::Status status)
{
    switch (status) {
    case StatusColors::Status::Error: return QColor(0xd3, 0x2f, 0x2f);
    case StatusColors::Status::Warning: return QColor(0xe0, 0x8a, 0x00);
    case StatusColors::Status::Success: return QColor(0x2e, 0x9d, 0x4f);
    case StatusColors::Status::Info: return QColor(0x2f, 0x6f, 0xd6);
    case StatusColors::Status::Muted:
    case StatusColors::Status::Normal: break;
    }
    return {};
}

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : qPow((c + 0.055) / 1.055, 2.4);
}

// How much a colour stands out from both surfaces text is drawn on: a list's base and a
// label's window.
double worstContrast(const QColor &c, const QPalette &palette)
{
    return qMin(StatusColors::contrast(c, palette.color(QPalette::Base)), StatusColors::contrast(c, palette.color(QPalette::Window)));
}

// Keeps the colours of the widgets given a state in step with the application's palette: a
// switch from light to dark recomputes them (the roles a widget was given explicitly would keep
// the old colours otherwise). Qt tells the application object, and top-level windows only.
class PaletteFollower : public QObject
{
public:
    static PaletteFollower *instance()
    {
        static auto *follower = new PaletteFollower(qApp);
        return follower;
    }

    void follow(QWidget *widget)
    {
        if (m_widgets.contains(widget))
            return;
        m_widgets.insert(widget);
        connect(widget, &QObject::destroyed, this, [this, widget] { m_widgets.remove(widget); });
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange) {
            for (QWidget *widget : std::as_const(m_widgets))
                StatusColors::reapply(widget);
        }
        return false;
    }

private:
    explicit PaletteFollower(QObject *parent) : QObject(parent) { qApp->installEventFilter(this); }

    QSet<QWidget *> m_widgets;
};

} // namespace

QColor StatusColors::mix(const QColor &a, const QColor &b, double t)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    auto blend = [t](double p, double q) { return p * (1.0 - t) + q * t; };
    return QColor::fromRgbF(float(blend(x.redF(), y.redF())), float(blend(x.greenF(), y.greenF())),
                            float(blend(x.blueF(), y.blueF())));
}

QColor StatusColors::over(const QColor &color, const QColor &behind)
{
    const QColor c = color.toRgb();
    return c.alpha() == 255 ? c : mix(behind, QColor(c.red(), c.green(), c.blue()), c.alphaF());
}

double StatusColors::luminance(const QColor &color)
{
    const QColor c = color.toRgb();
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double StatusColors::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(over(a, b));
    const double lb = luminance(over(b, QColor(Qt::white)));
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor StatusColors::foreground(Status status, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    if (status == Status::Normal)
        return text;
    if (status == Status::Muted) {
        // Halfway to the base, then back towards the text until it reads.
        const QColor base = palette.color(QPalette::Base);
        for (double t = 0.5; t > 0.0; t -= 0.05) {
            const QColor c = mix(text, base, t);
            if (worstContrast(c, palette) >= kMutedContrast)
                return c;
        }
        return text;
    }
    // The hue as it is where it reads already; towards the text (darker on light palettes,
    // lighter on dark ones) until it does. A palette whose own text has little contrast to spare
    // gets the hue towards white (or black) instead: still the state's colour, and readable.
    const QColor h = hue(status);
    const QColor extreme = luminance(palette.color(QPalette::Base)) < 0.18 ? QColor(Qt::white) : QColor(Qt::black);
    for (const QColor &towards : {text, extreme}) {
        for (double t = 0.0; t < 0.95; t += 0.05) {
            const QColor c = mix(h, towards, t);
            if (worstContrast(c, palette) >= kTextContrast)
                return c;
        }
    }
    return text;
}

QColor StatusColors::foreground(Status status)
{
    return foreground(status, QGuiApplication::palette());
}

QColor StatusColors::background(Status status, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    if (status == Status::Normal)
        return base;
    const QColor text = palette.color(QPalette::Text);
    const QColor h = status == Status::Muted ? text : hue(status);
    // A visible tint, lighter where the palette's text would not read on it.
    for (double t = status == Status::Muted ? 0.12 : 0.22; t > 0.0; t -= 0.02) {
        const QColor c = mix(base, h, t);
        if (contrast(text, c) >= kTextContrast)
            return c;
    }
    return base;
}

QColor StatusColors::background(Status status)
{
    return background(status, QGuiApplication::palette());
}

void StatusColors::setTextStatus(QWidget *widget, Status status)
{
    widget->setProperty(kTextStatusProperty, int(status));
    PaletteFollower::instance()->follow(widget);
    reapply(widget);
}

void StatusColors::setPanelStatus(QWidget *widget, Status status)
{
    widget->setProperty(kPanelStatusProperty, int(status));
    PaletteFollower::instance()->follow(widget);
    reapply(widget);
}

StatusColors::Status StatusColors::status(const QWidget *widget)
{
    const QVariant text = widget->property(kTextStatusProperty);
    if (text.isValid() && Status(text.toInt()) != Status::Normal)
        return Status(text.toInt());
    return Status(widget->property(kPanelStatusProperty).toInt());
}

void StatusColors::reapply(QWidget *widget)
{
    const auto text = Status(widget->property(kTextStatusProperty).toInt());
    const auto panel = Status(widget->property(kPanelStatusProperty).toInt());
    // Built from nothing: only the roles set here are the widget's own, the rest stay inherited
    // (and Normal gives every role back to the parent's palette).
    QPalette own;
    const QPalette inherited = QApplication::palette(widget);
    if (panel != Status::Normal) {
        const QColor tint = background(panel, inherited);
        own.setColor(QPalette::Window, tint);
        own.setColor(QPalette::Base, tint);
    }
    if (text != Status::Normal) {
        const QColor colour = foreground(text, inherited);
        own.setColor(QPalette::WindowText, colour);
        own.setColor(QPalette::Text, colour);
    }
    if (widget->property(kPanelStatusProperty).isValid())
        widget->setAutoFillBackground(panel != Status::Normal);
    widget->setPalette(own);
}

QString StatusColors::css(const QColor &color)
{
    const QColor c = color.toRgb();
    return QStringLiteral("rgb(%1, %2, %3)").arg(c.red()).arg(c.green()).arg(c.blue());
}

} // namespace Tributary::Gui
