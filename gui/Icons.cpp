#include "Icons.h"

#include "StatusColors.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>
#include <QtMath>

namespace Tributary::Gui {

namespace {

using Glyph = Icons::Glyph;
using Status = StatusColors::Status;

// Glyphs are drawn on a 24 x 24 grid, strokes 2 units wide with round ends: the weight of the
// freedesktop "symbolic" icons, which they sit beside when a theme has some and not others.
class GlyphPainter
{
public:
    GlyphPainter(QPainter *p, const QColor &ink, bool disabled) : m_p(p), m_ink(ink), m_disabled(disabled) {}

    void draw(Glyph glyph, bool badge)
    {
        switch (glyph) {
        case Glyph::NewFile: document(); line(12, 11, 12, 17, accent(Status::Success)); line(9, 14, 15, 14, accent(Status::Success)); break;
        case Glyph::Open: folder(); break;
        case Glyph::Save: floppy(); break;
        case Glyph::SaveAs: floppy(); pencil(accent(Status::Info)); break;
        case Glyph::Quit: power(); break;
        case Glyph::AddSource: cylinder(); plusBadge(accent(Status::Success)); break;
        case Glyph::EditSource: cylinder(); pencil(accent(Status::Info)); break;
        case Glyph::RemoveSource: cylinder(); minusBadge(accent(Status::Error)); break;
        case Glyph::TestConnection: pulse(); break;
        case Glyph::Sync: refresh(QPointF(12, 12), 7.5, accent(Status::Info)); break;
        case Glyph::SyncAll: syncAll(); break;
        case Glyph::Stop: stop(); break;
        case Glyph::Reconcile: reconcile(); break;
        case Glyph::Preview: eye(); break;
        case Glyph::Dashboard: gauge(); break;
        case Glyph::Conflicts: warning(); break;
        case Glyph::Runs: clock(); break;
        case Glyph::Log: lines(); break;
        case Glyph::Quarantine: shield(); break;
        case Glyph::Outbox: outbox(); break;
        case Glyph::Service: server(); break;
        case Glyph::Records: magnifier(); break;
        case Glyph::Trends: chart(); break;
        case Glyph::Documentation: book(); break;
        case Glyph::About: info(); break;
        case Glyph::Notifications: bell(); break;
        case Glyph::Application: application(); break;
        }
        if (badge)
            dot(QPointF(19, 5), 4.5, accent(Status::Error));
    }

private:
    QColor accent(Status status) const
    {
        return m_disabled ? m_ink : StatusColors::foreground(status);
    }

    QPen pen(const QColor &c, qreal width = 2.0) const
    {
        return QPen(c, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    }

    void stroke(const QPainterPath &path, const QColor &c)
    {
        m_p->setPen(pen(c));
        m_p->setBrush(Qt::NoBrush);
        m_p->drawPath(path);
    }
    void stroke(const QPainterPath &path) { stroke(path, m_ink); }

    void line(qreal x1, qreal y1, qreal x2, qreal y2, const QColor &c)
    {
        m_p->setPen(pen(c));
        m_p->drawLine(QPointF(x1, y1), QPointF(x2, y2));
    }
    void line(qreal x1, qreal y1, qreal x2, qreal y2) { line(x1, y1, x2, y2, m_ink); }

    void dot(const QPointF &centre, qreal radius, const QColor &c)
    {
        m_p->setPen(Qt::NoPen);
        m_p->setBrush(c);
        m_p->drawEllipse(centre, radius, radius);
    }

    void document()
    {
        QPainterPath p;
        p.moveTo(6, 3);
        p.lineTo(14, 3);
        p.lineTo(19, 8);
        p.lineTo(19, 21);
        p.lineTo(6, 21);
        p.closeSubpath();
        p.moveTo(14, 3);
        p.lineTo(14, 8);
        p.lineTo(19, 8);
        stroke(p);
    }

    void folder()
    {
        QPainterPath p;
        p.moveTo(3, 6);
        p.lineTo(9, 6);
        p.lineTo(11, 8);
        p.lineTo(21, 8);
        p.lineTo(21, 19);
        p.lineTo(3, 19);
        p.closeSubpath();
        p.moveTo(3, 11);
        p.lineTo(21, 11);
        stroke(p);
    }

    void floppy()
    {
        QPainterPath p;
        p.moveTo(4, 4);
        p.lineTo(17, 4);
        p.lineTo(20, 7);
        p.lineTo(20, 20);
        p.lineTo(4, 20);
        p.closeSubpath();
        p.addRect(QRectF(8, 4, 7, 5));
        p.addRect(QRectF(7, 13, 10, 7));
        stroke(p);
    }

    void pencil(const QColor &c)
    {
        // Over the lower right corner, on a cleared background so it reads over the shape.
        m_p->save();
        m_p->setCompositionMode(QPainter::CompositionMode_Clear);
        m_p->setPen(pen(Qt::black, 5.5));
        m_p->drawLine(QPointF(12, 22), QPointF(21.5, 12.5));
        m_p->restore();
        QPainterPath p;
        p.moveTo(13, 21);
        p.lineTo(13.5, 18);
        p.lineTo(20, 11.5);
        p.lineTo(22.5, 14);
        p.lineTo(16, 20.5);
        p.closeSubpath();
        stroke(p, c);
    }

    void power()
    {
        QPainterPath p;
        // A ring open at the top (angles counter-clockwise from three o'clock).
        p.arcMoveTo(QRectF(4, 4.5, 16, 16), 120);
        p.arcTo(QRectF(4, 4.5, 16, 16), 120, 300);
        stroke(p);
        line(12, 3, 12, 11);
    }

    void cylinder()
    {
        QPainterPath p;
        p.addEllipse(QRectF(4, 3, 13, 5));
        p.moveTo(4, 5.5);
        p.lineTo(4, 17.5);
        p.arcTo(QRectF(4, 15, 13, 5), 180, 180);
        p.lineTo(17, 5.5);
        p.moveTo(4, 11.5);
        p.arcTo(QRectF(4, 9, 13, 5), 180, 180);
        stroke(p);
    }

    void badgeBackground()
    {
        m_p->save();
        m_p->setCompositionMode(QPainter::CompositionMode_Clear);
        m_p->setPen(Qt::NoPen);
        m_p->setBrush(Qt::black);
        m_p->drawEllipse(QPointF(17.5, 17.5), 6.5, 6.5);
        m_p->restore();
    }

    void plusBadge(const QColor &c)
    {
        badgeBackground();
        line(17.5, 13, 17.5, 22, c);
        line(13, 17.5, 22, 17.5, c);
    }

    void minusBadge(const QColor &c)
    {
        badgeBackground();
        line(13, 17.5, 22, 17.5, c);
    }

    void pulse()
    {
        QPainterPath p;
        p.moveTo(2, 13);
        p.lineTo(6, 13);
        p.lineTo(9, 6);
        p.lineTo(14, 19);
        p.lineTo(17, 11);
        p.lineTo(19, 13);
        p.lineTo(22, 13);
        stroke(p);
    }

    // Two arcs chasing each other, each ending in an arrowhead.
    void refresh(const QPointF &c, qreal r, const QColor &colour)
    {
        const QRectF box(c.x() - r, c.y() - r, 2 * r, 2 * r);
        for (int half = 0; half < 2; ++half) {
            const qreal start = 30 + 180 * half;
            const qreal span = 130;
            QPainterPath arc;
            arc.arcMoveTo(box, start);
            arc.arcTo(box, start, span);
            stroke(arc, colour);
            // The head at the arc's end, pointing along it (counter-clockwise).
            const qreal end = qDegreesToRadians(start + span);
            const QPointF tip(c.x() + r * qCos(end), c.y() - r * qSin(end));
            const QPointF along(-qSin(end), -qCos(end)); // tangent, counter-clockwise on screen
            const QPointF normal(qCos(end), -qSin(end));
            const qreal s = r * 0.45;
            QPainterPath head;
            head.moveTo(tip - along * s + normal * s);
            head.lineTo(tip);
            head.lineTo(tip - along * s - normal * s);
            stroke(head, colour);
        }
    }

    void syncAll()
    {
        refresh(QPointF(10, 10), 6, m_ink);
        badgeBackground();
        refresh(QPointF(17.5, 17.5), 4.5, accent(Status::Info));
    }

    void stop()
    {
        m_p->setPen(pen(accent(Status::Error)));
        m_p->setBrush(accent(Status::Error));
        m_p->drawRoundedRect(QRectF(6, 6, 12, 12), 2, 2);
    }

    void reconcile()
    {
        line(3, 5, 15, 5);
        line(3, 10, 11, 10);
        line(3, 15, 8, 15);
        QPainterPath lens;
        lens.addEllipse(QPointF(15, 15), 4.5, 4.5);
        stroke(lens, accent(Status::Info));
        line(18.3, 18.3, 21.5, 21.5, accent(Status::Info));
    }

    void eye()
    {
        QPainterPath p;
        p.moveTo(2, 12);
        p.quadTo(12, 2, 22, 12);
        p.quadTo(12, 22, 2, 12);
        p.closeSubpath();
        stroke(p);
        dot(QPointF(12, 12), 3.2, accent(Status::Info));
    }

    void gauge()
    {
        QPainterPath p;
        p.arcMoveTo(QRectF(3, 5, 18, 18), 0);
        p.arcTo(QRectF(3, 5, 18, 18), 0, 180);
        p.closeSubpath();
        stroke(p);
        line(12, 14, 16.5, 8.5, accent(Status::Info));
        dot(QPointF(12, 14), 1.8, m_ink);
    }

    void warning()
    {
        QPainterPath p;
        p.moveTo(12, 3);
        p.lineTo(22, 20);
        p.lineTo(2, 20);
        p.closeSubpath();
        stroke(p, accent(Status::Warning));
        line(12, 9, 12, 14);
        dot(QPointF(12, 17), 1.3, m_ink);
    }

    void clock()
    {
        QPainterPath p;
        p.addEllipse(QPointF(12, 12), 9, 9);
        stroke(p);
        line(12, 7, 12, 12);
        line(12, 12, 16, 14, accent(Status::Info));
    }

    void lines()
    {
        line(4, 5, 20, 5);
        line(4, 10, 17, 10);
        line(4, 15, 20, 15, accent(Status::Warning));
        line(4, 20, 13, 20);
    }

    void shield()
    {
        QPainterPath p;
        p.moveTo(12, 2.5);
        p.lineTo(20, 5.5);
        p.lineTo(20, 11);
        p.cubicTo(20, 16, 16.5, 19.5, 12, 21.5);
        p.cubicTo(7.5, 19.5, 4, 16, 4, 11);
        p.lineTo(4, 5.5);
        p.closeSubpath();
        stroke(p);
        line(12, 8, 12, 12.5, accent(Status::Warning));
        dot(QPointF(12, 15.8), 1.3, accent(Status::Warning));
    }

    // A tray with an arrow leaving it: changes on their way out to the sources.
    void outbox()
    {
        QPainterPath p;
        p.moveTo(3, 13);
        p.lineTo(3, 20);
        p.lineTo(21, 20);
        p.lineTo(21, 13);
        p.moveTo(3, 13);
        p.lineTo(8, 13);
        p.lineTo(9.5, 16);
        p.lineTo(14.5, 16);
        p.lineTo(16, 13);
        p.lineTo(21, 13);
        stroke(p);
        const QColor c = accent(Status::Info);
        line(12, 12, 12, 3, c);
        line(8.5, 6.5, 12, 3, c);
        line(15.5, 6.5, 12, 3, c);
    }

    void server()
    {
        QPainterPath p;
        p.addRoundedRect(QRectF(3, 4, 18, 7), 1.5, 1.5);
        p.addRoundedRect(QRectF(3, 13, 18, 7), 1.5, 1.5);
        stroke(p);
        dot(QPointF(7, 7.5), 1.3, accent(Status::Success));
        dot(QPointF(7, 16.5), 1.3, accent(Status::Success));
        line(11, 7.5, 17, 7.5);
        line(11, 16.5, 17, 16.5);
    }

    void magnifier()
    {
        QPainterPath lens;
        lens.addEllipse(QRectF(3, 3, 13, 13));
        stroke(lens);
        QPainterPath handle;
        handle.moveTo(14.5, 14.5);
        handle.lineTo(21, 21);
        stroke(handle, accent(Status::Info));
    }

    void chart()
    {
        QPainterPath axes;
        axes.moveTo(3, 3);
        axes.lineTo(3, 21);
        axes.lineTo(21, 21);
        stroke(axes);
        QPainterPath trend;
        trend.moveTo(6, 16);
        trend.lineTo(10, 11);
        trend.lineTo(14, 14);
        trend.lineTo(20, 6);
        stroke(trend, accent(Status::Info));
        for (const QPointF &point : {QPointF(6, 16), QPointF(10, 11), QPointF(14, 14), QPointF(20, 6)})
            dot(point, 1.8, accent(Status::Info));
    }

    void book()
    {
        QPainterPath p;
        p.moveTo(12, 6);
        p.cubicTo(9, 4, 6, 4, 3, 5);
        p.lineTo(3, 19);
        p.cubicTo(6, 18, 9, 18, 12, 20);
        p.cubicTo(15, 18, 18, 18, 21, 19);
        p.lineTo(21, 5);
        p.cubicTo(18, 4, 15, 4, 12, 6);
        p.lineTo(12, 20);
        stroke(p);
    }

    void info()
    {
        QPainterPath p;
        p.addEllipse(QPointF(12, 12), 9, 9);
        stroke(p);
        line(12, 11, 12, 16.5, accent(Status::Info));
        dot(QPointF(12, 7.8), 1.3, accent(Status::Info));
    }

    void bell()
    {
        QPainterPath p;
        p.moveTo(5, 17);
        p.lineTo(6.5, 15);
        p.lineTo(6.5, 10.5);
        p.cubicTo(6.5, 7, 9, 4.5, 12, 4.5);
        p.cubicTo(15, 4.5, 17.5, 7, 17.5, 10.5);
        p.lineTo(17.5, 15);
        p.lineTo(19, 17);
        p.closeSubpath();
        stroke(p);
        line(10.5, 20.5, 13.5, 20.5);
    }

    // A disc in the "under way" hue with a white stream joining a river: the same on any panel.
    void application()
    {
        const QColor disc = m_disabled ? m_ink : QColor(0x1f, 0x5f, 0xbf);
        dot(QPointF(12, 12), 11, disc);
        QPainterPath river;
        river.moveTo(3.5, 15);
        river.cubicTo(9, 12, 14, 18, 20.5, 14);
        QPainterPath stream;
        stream.moveTo(8, 4.5);
        stream.cubicTo(9, 9, 12, 12, 13.5, 15.2);
        m_p->setBrush(Qt::NoBrush);
        m_p->setPen(pen(Qt::white, 2.6));
        m_p->drawPath(river);
        m_p->setPen(pen(Qt::white, 1.6));
        m_p->drawPath(stream);
    }

    QPainter *m_p;
    QColor m_ink;
    bool m_disabled;
};

// Paints a glyph at the size asked, in the colours of the palette in effect when it is painted:
// a palette switch repaints the toolbar in the new colours.
class GlyphIconEngine : public QIconEngine
{
public:
    GlyphIconEngine(Glyph glyph, bool badge) : m_glyph(glyph), m_badge(badge) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette palette = QGuiApplication::palette();
        QColor ink = palette.color(QPalette::Active, QPalette::WindowText);
        if (mode == QIcon::Disabled)
            ink = palette.color(QPalette::Disabled, QPalette::WindowText);
        else if (mode == QIcon::Selected)
            ink = palette.color(QPalette::Active, QPalette::HighlightedText);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const qreal side = qMin(rect.width(), rect.height());
        painter->translate(rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0);
        painter->scale(side / 24.0, side / 24.0);
        GlyphPainter(painter, ink, mode == QIcon::Disabled).draw(m_glyph, m_badge);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pm(size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QPixmap pm = pixmap(size * scale, mode, state);
        pm.setDevicePixelRatio(scale);
        return pm;
    }

    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        return {QSize(16, 16), QSize(22, 22), QSize(24, 24), QSize(32, 32), QSize(48, 48), QSize(64, 64)};
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new GlyphIconEngine(m_glyph, m_badge); }
    QString key() const override { return QStringLiteral("TributaryGlyph"); }
    bool isNull() override { return false; }

private:
    Glyph m_glyph;
    bool m_badge;
};

} // namespace

QString Icons::themeName(Glyph glyph)
{
    switch (glyph) {
    case Glyph::NewFile: return QStringLiteral("document-new");
    case Glyph::Open: return QStringLiteral("document-open");
    case Glyph::Save: return QStringLiteral("document-save");
    case Glyph::SaveAs: return QStringLiteral("document-save-as");
    case Glyph::Quit: return QStringLiteral("application-exit");
    case Glyph::AddSource: return QStringLiteral("list-add");
    case Glyph::EditSource: return QStringLiteral("document-edit");
    case Glyph::RemoveSource: return QStringLiteral("list-remove");
    case Glyph::TestConnection: return QStringLiteral("network-connect");
    case Glyph::Sync: return QStringLiteral("view-refresh");
    case Glyph::Stop: return QStringLiteral("process-stop");
    case Glyph::Reconcile: return QStringLiteral("edit-find");
    case Glyph::Preview: return QStringLiteral("document-preview");
    case Glyph::Dashboard: return QStringLiteral("dashboard-show");
    case Glyph::Conflicts: return QStringLiteral("dialog-warning");
    case Glyph::Runs: return QStringLiteral("view-history");
    case Glyph::Log: return QStringLiteral("view-list-text");
    case Glyph::Quarantine: return QStringLiteral("security-medium");
    case Glyph::Outbox: return QStringLiteral("mail-outbox");
    case Glyph::Service: return QStringLiteral("network-server");
    case Glyph::Records: return QStringLiteral("edit-find");
    case Glyph::Trends: return QStringLiteral("office-chart-line");
    case Glyph::Documentation: return QStringLiteral("help-contents");
    case Glyph::About: return QStringLiteral("help-about");
    case Glyph::Notifications: return QStringLiteral("preferences-desktop-notification");
    // No theme has a "sync every source", nor the console's own mark.
    case Glyph::SyncAll:
    case Glyph::Application: break;
    }
    return QString();
}

QIcon Icons::painted(Glyph glyph)
{
    return QIcon(new GlyphIconEngine(glyph, false));
}

QIcon Icons::icon(Glyph glyph)
{
    const QString name = themeName(glyph);
    return name.isEmpty() ? painted(glyph) : QIcon::fromTheme(name, painted(glyph));
}

QIcon Icons::applicationWithBadge()
{
    return QIcon(new GlyphIconEngine(Glyph::Application, true));
}

} // namespace Tributary::Gui
