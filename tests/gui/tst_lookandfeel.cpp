// The console's look: every colour it shows is derived from the palette in effect, so that each
// view reads on a light palette and on a dark one (and on a low-contrast one still well enough):
// the states' text colours keep their contrast against the base and the window, tinted cells
// keep the palette's text readable, labels follow a switch from light to dark while open.

#include "SyncFixture.h"
#include "TopicConflict.h"

#include "Application.h"
#include "ConflictsModel.h"
#include "DashboardView.h"
#include "Icons.h"
#include "LogModel.h"
#include "MainWindow.h"
#include "RecordTable.h"
#include "RunsModel.h"
#include "SourcesModel.h"
#include "StatusColors.h"
#include "Workspace.h"

#include "engine/ConflictResolver.h"
#include "state/RunLog.h"
#include "store/Database.h"
#include "util/Error.h"

#include <QApplication>
#include <QFrame>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTranslator>

using namespace Tributary;
using namespace Tributary::Gui;
using namespace Tributary::Test;

using Status = StatusColors::Status;

namespace {

QPalette lightPalette()
{
    QPalette p(QColor(0xef, 0xef, 0xef), QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, Qt::black);
    p.setColor(QPalette::WindowText, Qt::black);
    return p;
}

// The common dark palette for the Fusion style.
QPalette darkPalette()
{
    QPalette p(QColor(0x35, 0x35, 0x35), QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
    p.setColor(QPalette::AlternateBase, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::Text, Qt::white);
    p.setColor(QPalette::WindowText, Qt::white);
    p.setColor(QPalette::ButtonText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    return p;
}

// A dark palette whose own text has little contrast to spare (Solarized dark: 4.75:1).
QPalette lowContrastPalette()
{
    QPalette p(QColor(0x07, 0x36, 0x42), QColor(0x07, 0x36, 0x42));
    p.setColor(QPalette::Base, QColor(0x00, 0x2b, 0x36));
    p.setColor(QPalette::Text, QColor(0x83, 0x94, 0x96));
    p.setColor(QPalette::WindowText, QColor(0x93, 0xa1, 0xa1));
    return p;
}

void addPalettes()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << lightPalette();
    QTest::newRow("dark") << darkPalette();
    QTest::newRow("low contrast dark") << lowContrastPalette();
}

// What every check asks of a foreground: at least 3:1 against the base and the window.
constexpr double kMinimum = 3.0;

QString describe(const QColor &fg, const QColor &bg)
{
    return QStringLiteral("%1 on %2: %3:1").arg(fg.name(), bg.name()).arg(StatusColors::contrast(fg, bg), 0, 'f', 2);
}

// Every coloured cell of a model: its foreground against the palette's base, its background
// under the palette's text. How many cells had a colour of their own.
int checkModel(const QAbstractItemModel &model, const QPalette &palette, QStringList *problems)
{
    int coloured = 0;
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < model.columnCount(); ++c) {
            const QModelIndex index = model.index(r, c);
            const QVariant fg = index.data(Qt::ForegroundRole);
            const QVariant bg = index.data(Qt::BackgroundRole);
            const QColor background = bg.isValid() ? qvariant_cast<QBrush>(bg).color() : base;
            if (fg.isValid()) {
                ++coloured;
                const QColor foreground = qvariant_cast<QBrush>(fg).color();
                if (StatusColors::contrast(foreground, background) < kMinimum)
                    problems->append(QStringLiteral("%1 (%2, %3): %4").arg(QLatin1String(model.metaObject()->className())).arg(r).arg(c).arg(describe(foreground, background)));
            }
            if (bg.isValid()) {
                ++coloured;
                if (StatusColors::contrast(text, background) < kMinimum)
                    problems->append(QStringLiteral("%1 (%2, %3): text %4").arg(QLatin1String(model.metaObject()->className())).arg(r).arg(c).arg(describe(text, background)));
            }
        }
    }
    return coloured;
}

// Removes every catalogue installTranslations() installed, so the next language starts clean.
void removeTranslations()
{
    const QList<QTranslator *> translators = qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
    for (QTranslator *t : translators) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

// The colour a label's text is drawn in.
QColor textColour(const QWidget *w)
{
    return w->palette().color(w->foregroundRole());
}

} // namespace

class tst_LookAndFeel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void contrastRatio();
    void statusColoursRead_data() { addPalettes(); }
    void statusColoursRead();
    void modelsRead_data() { addPalettes(); }
    void modelsRead();
    void labelsRead_data() { addPalettes(); }
    void labelsRead();
    void labelsFollowAPaletteSwitch();
    void glyphsRead_data() { addPalettes(); }
    void glyphsRead();
    void toolbarHasIconsAndFits_data();
    void toolbarHasIconsAndFits();

private:
    // A synced forum with an open and a resolved conflict, a partial run and a failed one.
    SyncFixture m_f;
    QPalette m_original;
};

void tst_LookAndFeel::initTestCase()
{
    m_original = QApplication::palette();
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(m_f.generateMain(forum(5, 2, 5, 5, 1)));
    QVERIFY(m_f.generateExternal(forum(10, 3, 10, 20, 2)));
    QVERIFY(m_f.startForum());
    QVERIFY(m_f.configure());
    QCOMPARE(RunResult::statusName(m_f.sync().status), QStringLiteral("ok"));
    makeTopicConflict(m_f, QStringLiteral("2"));
    makeTopicConflict(m_f, QStringLiteral("3"));
    QVERIFY(m_f.sync().total().conflicts > 0);

    ConflictsModel conflicts;
    Error e;
    QVERIFY2(conflicts.refresh(m_f.db(), &e), qPrintable(e.toString()));
    QVERIFY(conflicts.rowCount() >= 2);
    ConflictResolver resolver(m_f.db(), m_f.config());
    Resolution keep;
    keep.action = Resolution::Action::KeepLocal;
    QVERIFY2(resolver.resolve(conflicts.conflict(0), keep, QStringLiteral("tester"), &e), qPrintable(e.toString()));

    RunLog runs(m_f.db());
    for (RunStatus status : {RunStatus::Partial, RunStatus::Failed}) {
        const Result<qint64> id = runs.begin(QStringLiteral("forum"), RunKind::Incremental);
        QVERIFY(id);
        QHash<QString, EntityCounts> counts;
        counts[QStringLiteral("topics")].fetched = 3;
        counts[QStringLiteral("topics")].quarantined = status == RunStatus::Partial ? 1 : 0;
        QVERIFY(runs.finish(*id, status, status == RunStatus::Failed ? QStringLiteral("The source refused the token") : QString(), counts, &e));
    }
}

void tst_LookAndFeel::cleanup()
{
    QApplication::setPalette(m_original);
}

void tst_LookAndFeel::contrastRatio()
{
    // WCAG's own examples: black on white is 21:1, a colour on itself 1:1, #777 on white 4.48:1.
    QCOMPARE(qRound(StatusColors::contrast(Qt::black, Qt::white)), 21);
    QCOMPARE(StatusColors::contrast(QColor(0x12, 0x34, 0x56), QColor(0x12, 0x34, 0x56)), 1.0);
    QVERIFY(qAbs(StatusColors::contrast(QColor(0x77, 0x77, 0x77), Qt::white) - 4.48) < 0.01);
    // Symmetric, and a translucent colour counts as what shows through it.
    QCOMPARE(StatusColors::contrast(Qt::white, QColor(0x77, 0x77, 0x77)), StatusColors::contrast(QColor(0x77, 0x77, 0x77), Qt::white));
    QCOMPARE(StatusColors::contrast(QColor(0, 0, 0, 0), Qt::white), 1.0);
}

void tst_LookAndFeel::statusColoursRead()
{
    QFETCH(QPalette, palette);
    const QColor base = palette.color(QPalette::Base);
    const QColor window = palette.color(QPalette::Window);
    const QColor text = palette.color(QPalette::Text);
    for (Status s : {Status::Error, Status::Warning, Status::Success, Status::Info, Status::Muted}) {
        const QColor fg = StatusColors::foreground(s, palette);
        const double wanted = qMin(s == Status::Muted ? StatusColors::kMutedContrast : StatusColors::kTextContrast,
                                   StatusColors::contrast(text, base)); // never asks more than the palette's own text has
        QVERIFY2(StatusColors::contrast(fg, base) >= wanted - 0.01, qPrintable(describe(fg, base)));
        QVERIFY2(StatusColors::contrast(fg, window) >= kMinimum, qPrintable(describe(fg, window)));
        const QColor bg = StatusColors::background(s, palette);
        QVERIFY2(StatusColors::contrast(text, bg) >= qMin(StatusColors::kTextContrast, StatusColors::contrast(text, base)) - 0.01,
                 qPrintable(describe(text, bg)));
        QVERIFY2(bg != base, qPrintable(bg.name()));
    }
    // Each still says its state by its hue, on either palette.
    const QColor error = StatusColors::foreground(Status::Error, palette);
    QVERIFY2(error.red() > error.green() && error.red() > error.blue(), qPrintable(error.name()));
    const QColor success = StatusColors::foreground(Status::Success, palette);
    QVERIFY2(success.green() > success.red() && success.green() > success.blue(), qPrintable(success.name()));
    const QColor info = StatusColors::foreground(Status::Info, palette);
    QVERIFY2(info.blue() > info.red(), qPrintable(info.name()));
    const QColor warning = StatusColors::foreground(Status::Warning, palette);
    QVERIFY2(warning.red() > warning.blue(), qPrintable(warning.name()));
    QCOMPARE(StatusColors::foreground(Status::Normal, palette), text);
    QCOMPARE(StatusColors::background(Status::Normal, palette), base);
    // A light palette gets darker colours than a dark one.
    const bool dark = StatusColors::luminance(base) < 0.2;
    QVERIFY(dark ? StatusColors::luminance(error) > StatusColors::luminance(base) : StatusColors::luminance(error) < StatusColors::luminance(base));
}

void tst_LookAndFeel::modelsRead()
{
    QFETCH(QPalette, palette);
    QApplication::setPalette(palette);
    QStringList problems;
    Error e;

    RunsModel runs;
    QVERIFY2(runs.refresh(m_f.db(), m_f.config(), &e), qPrintable(e.toString()));
    // The failed run's status and error, the partial run's status and held-back count, the
    // conflicts the real sync counted.
    QVERIFY(checkModel(runs, palette, &problems) >= 5);

    ConflictsModel conflicts;
    ConflictFilter all;
    all.includeResolved = true;
    conflicts.setFilter(all);
    QVERIFY2(conflicts.refresh(m_f.db(), &e), qPrintable(e.toString()));
    QVERIFY(checkModel(conflicts, palette, &problems) >= 1); // the resolved conflict is muted

    LogModel log;
    QList<LogEntry> entries;
    for (QtMsgType type : {QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg})
        entries.append(LogEntry{QDateTime::currentDateTime(), type, QStringLiteral("tributary.test"), QStringLiteral("a line")});
    log.append(entries);
    QCOMPARE(checkModel(log, palette, &problems), 3 * int(LogModel::ColumnCount)); // all but the info line

    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    // The sources' state dots stand out from the list as graphics do (3:1).
    Workspace ws;
    QStringList errors;
    QVERIFY2(ws.open(m_f.configPath(), &errors), qPrintable(errors.join(QLatin1Char('\n'))));
    SourcesModel sources(&ws);
    QCOMPARE(sources.rowCount(), 1);
    const QImage dot = sources.index(0).data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).toImage();
    const QColor centre = dot.pixelColor(8, 8);
    QVERIFY2(StatusColors::contrast(centre, palette.color(QPalette::Base)) >= kMinimum, qPrintable(describe(centre, palette.color(QPalette::Base))));
}

void tst_LookAndFeel::labelsRead()
{
    QFETCH(QPalette, palette);
    QApplication::setPalette(palette);
    const QColor window = palette.color(QPalette::Window);

    // The dashboard reads the failed run from the history: its error in the error's colour.
    Workspace ws;
    QStringList errors;
    QVERIFY(ws.open(m_f.configPath(), &errors));
    DashboardView dashboard(&ws);
    dashboard.show();
    auto *error = dashboard.findChild<QLabel *>(QStringLiteral("error_forum"));
    QVERIFY(error);
    QCOMPARE(error->text(), QStringLiteral("The source refused the token"));
    QCOMPARE(StatusColors::status(error), Status::Error);
    QCOMPARE(textColour(error), StatusColors::foreground(Status::Error, palette));
    QVERIFY2(StatusColors::contrast(textColour(error), window) >= kMinimum, qPrintable(describe(textColour(error), window)));

    // A list that could not be read says so where the list would be, in the error's colour; an
    // empty list says why in the placeholder's.
    RecordPane pane(new QTableView, QStringLiteral("paneState"));
    pane.show();
    pane.showReadError(QStringLiteral("Cannot read the runs: %1"), Error(Error::Code::Database, QStringLiteral("disk I/O error")));
    auto *state = pane.findChild<QLabel *>(QStringLiteral("paneState"));
    QVERIFY(state);
    QCOMPARE(textColour(state), StatusColors::foreground(Status::Error, palette));
    QVERIFY2(StatusColors::contrast(textColour(state), window) >= kMinimum, qPrintable(describe(textColour(state), window)));
    pane.showEmpty(QStringLiteral("No runs yet"));
    QCOMPARE(textColour(state), palette.color(QPalette::PlaceholderText));

    // A message panel: the palette's text on the state's tint.
    QFrame panel;
    auto *message = new QLabel(QStringLiteral("Resolved"), &panel);
    StatusColors::setPanelStatus(&panel, Status::Success);
    QVERIFY(panel.autoFillBackground());
    const QColor tint = panel.palette().color(QPalette::Window);
    QCOMPARE(tint, StatusColors::background(Status::Success, palette));
    QVERIFY2(StatusColors::contrast(textColour(message), tint) >= kMinimum, qPrintable(describe(textColour(message), tint)));
    StatusColors::setPanelStatus(&panel, Status::Normal);
    QVERIFY(!panel.autoFillBackground());
    QCOMPARE(panel.palette().color(QPalette::Window), window);
}

void tst_LookAndFeel::labelsFollowAPaletteSwitch()
{
    QApplication::setPalette(lightPalette());
    QWidget window;
    auto *label = new QLabel(QStringLiteral("The sync failed"), &window);
    StatusColors::setTextStatus(label, Status::Error);
    window.show();
    QCOMPARE(textColour(label), StatusColors::foreground(Status::Error, lightPalette()));

    // The desktop switches to dark while the console is open.
    QApplication::setPalette(darkPalette());
    QCOMPARE(textColour(label), StatusColors::foreground(Status::Error, darkPalette()));
    QVERIFY(StatusColors::contrast(textColour(label), darkPalette().color(QPalette::Window)) >= StatusColors::kTextContrast);
    // The roles it does not colour are the new palette's (the windows take it a moment later).
    QTRY_COMPARE(label->palette().color(QPalette::Window), darkPalette().color(QPalette::Window));
    QCOMPARE(textColour(label), StatusColors::foreground(Status::Error, darkPalette()));

    // Back to normal: every role the palette's own again.
    StatusColors::setTextStatus(label, Status::Normal);
    QCOMPARE(textColour(label), darkPalette().color(QPalette::WindowText));
    QCOMPARE(StatusColors::status(label), Status::Normal);
}

void tst_LookAndFeel::glyphsRead()
{
    QFETCH(QPalette, palette);
    QApplication::setPalette(palette);
    const QColor window = palette.color(QPalette::Window);
    // Every painted glyph draws, at toolbar and menu sizes, and its ink stands out from the
    // window as graphics must (3:1); disabled, it is drawn too, fainter.
    for (int g = 0; g <= int(Icons::Glyph::Application); ++g) {
        const auto glyph = Icons::Glyph(g);
        const QIcon icon = Icons::painted(glyph);
        QVERIFY(!icon.isNull());
        for (int size : {16, 24}) {
            for (QIcon::Mode mode : {QIcon::Normal, QIcon::Disabled}) {
                const QImage image = icon.pixmap(QSize(size, size), mode).toImage();
                QCOMPARE(image.size(), QSize(size, size));
                double best = 1.0;
                int inked = 0;
                for (int y = 0; y < size; ++y) {
                    for (int x = 0; x < size; ++x) {
                        const QColor c = image.pixelColor(x, y);
                        if (c.alpha() < 200)
                            continue;
                        ++inked;
                        best = qMax(best, StatusColors::contrast(c, window));
                    }
                }
                QVERIFY2(inked >= size, qPrintable(QStringLiteral("glyph %1 at %2 px: %3 pixels drawn").arg(g).arg(size).arg(inked)));
                if (mode == QIcon::Normal)
                    QVERIFY2(best >= kMinimum, qPrintable(QStringLiteral("glyph %1 at %2 px: %3:1").arg(g).arg(size).arg(best)));
            }
        }
        // A theme's icon when the desktop has one, else the glyph: never nothing.
        QVERIFY(!Icons::icon(glyph).isNull());
        QVERIFY(!Icons::icon(glyph).pixmap(22).isNull());
    }
}

void tst_LookAndFeel::toolbarHasIconsAndFits_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("German") << QStringLiteral("de"); // longer words
}

void tst_LookAndFeel::toolbarHasIconsAndFits()
{
    QFETCH(QString, language);
    removeTranslations();
    setLanguageSetting(language);
    QCOMPARE(installTranslations(), language);

    MainWindow w;
    w.resize(1024, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *bar = w.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(bar);
    QCOMPARE(bar->toolButtonStyle(), Qt::ToolButtonTextUnderIcon);
    int buttons = 0;
    for (QAction *a : bar->actions()) {
        if (a->isSeparator())
            continue;
        ++buttons;
        QVERIFY2(!a->icon().isNull(), qPrintable(a->objectName()));
        // Every button shown in the bar itself, none in the overflow menu.
        QWidget *button = bar->widgetForAction(a);
        QVERIFY2(button && button->isVisible(), qPrintable(a->objectName()));
        QVERIFY2(button->geometry().right() < bar->width(), qPrintable(a->objectName()));
    }
    QVERIFY(buttons >= 9);
    auto *overflow = bar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"));
    QVERIFY(!overflow || !overflow->isVisible());

    // The menus' commands carry the same icons, and the View menu the tabs'.
    for (const char *name : {"actionNew", "actionSaveAs", "actionQuit", "actionEditSource", "actionRemoveSource", "actionSyncAll"}) {
        auto *a = w.findChild<QAction *>(QLatin1String(name));
        QVERIFY2(a && !a->icon().isNull(), name);
    }
    for (int i = 0; i < w.tabs()->count(); ++i) {
        auto *view = w.findChild<QAction *>(QStringLiteral("actionView%1").arg(i + 1));
        QVERIFY(view);
        QVERIFY2(!w.tabs()->tabIcon(i).isNull(), qPrintable(w.tabs()->tabText(i)));
        QVERIFY(!view->icon().isNull());
    }
    removeTranslations();
    setLanguageSetting(QStringLiteral("en"));
}

QTEST_MAIN(tst_LookAndFeel)
#include "tst_lookandfeel.moc"
