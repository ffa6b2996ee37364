// The console speaks the admin's language: with the language setting "de" its menus, tabs,
// empty states and plural counts are German, and so are the core's messages (validation errors
// from tributaryd's catalogue); with "en" they are English with real plural forms ("1 conflict",
// not "1 conflict(s)"). Keyboard shortcuts stay the same key sequences in both, the German menu
// accelerators are unique in each menu, and both catalogues are complete with their placeholders
// intact.

#include "Application.h"
#include "ConflictInspector.h"
#include "DashboardView.h"
#include "DisplayText.h"
#include "Catalogue.h"
#include "MainWindow.h"
#include "SyncFixture.h"
#include "Workspace.h"
#include "WindowHost.h"
#include "config/Config.h"
#include "state/RunKind.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QLocale>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Tributary;
using namespace Tributary::Gui;
using namespace Tributary::Test;

namespace {

// Removes every catalogue installTranslations() installed, so the next language starts clean.
void removeTranslations()
{
    const QList<QTranslator *> translators = qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
    for (QTranslator *t : translators) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

QString menuTitle(MainWindow &w, int index)
{
    const QList<QAction *> menus = w.menuBar()->actions();
    return index < menus.size() ? menus.at(index)->text() : QString();
}

QString actionText(MainWindow &w, const char *name)
{
    auto *a = w.findChild<QAction *>(QLatin1String(name));
    return a ? a->text() : QStringLiteral("(no action %1)").arg(QLatin1String(name));
}

QKeySequence actionShortcut(MainWindow &w, const char *name)
{
    auto *a = w.findChild<QAction *>(QLatin1String(name));
    return a ? a->shortcut() : QKeySequence();
}

QString labelText(QWidget &w, const char *name)
{
    auto *l = w.findChild<QLabel *>(QLatin1String(name));
    return l ? l->text() : QStringLiteral("(no label %1)").arg(QLatin1String(name));
}

QString mainWindowTr(const char *text, int n = -1)
{
    return QCoreApplication::translate("Tributary::Gui::MainWindow", text, nullptr, n);
}

// A configuration with a typo in a key: the core rejects it with a message from tributaryd's
// catalogue (context "Tributary").
QString validationErrors()
{
    const QJsonObject root{{QStringLiteral("database"), QJsonObject{{QStringLiteral("driver"), QStringLiteral("sqlite")},
                                                                    {QStringLiteral("path"), QStringLiteral("main.sqlite")}}},
                           {QStringLiteral("databse"), QJsonObject()}};
    Config config;
    QStringList errors;
    if (Config::fromJson(root, QStringLiteral("/tmp/tributary.json"), &config, &errors))
        return QStringLiteral("(accepted)");
    return errors.join(QLatin1Char('\n'));
}

// The mnemonic letter of a menu text ("Ö&ffnen..." -> 'f'), or a null QChar.
QChar mnemonic(const QString &text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return QChar();
}

// Every menu's accelerators, and the menu bar's, are unique and present.
QStringList acceleratorProblems(MainWindow &w)
{
    QStringList problems;
    auto check = [&](const QString &where, const QList<QAction *> &actions) {
        QHash<QChar, QString> seen;
        for (QAction *a : actions) {
            if (a->isSeparator() || a->text().isEmpty())
                continue;
            const QChar m = mnemonic(a->text());
            if (m.isNull()) {
                // Menus and the console's own actions have one; recent files and language names need none.
                if (a->menu() || !a->objectName().isEmpty())
                    problems.append(QStringLiteral("%1: \"%2\" has no accelerator").arg(where, a->text()));
                continue;
            }
            if (seen.contains(m))
                problems.append(QStringLiteral("%1: \"%2\" and \"%3\" share &%4").arg(where, seen.value(m), a->text(), m));
            seen.insert(m, a->text());
        }
    };
    check(QStringLiteral("menu bar"), w.menuBar()->actions());
    for (QAction *top : w.menuBar()->actions()) {
        if (top->menu())
            check(top->text(), top->menu()->actions());
    }
    return problems;
}

} // namespace

class tst_GuiTranslation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void germanConsole();
    void englishConsoleHasRealPlurals();
    void otherLanguagesFallBackToEnglish();
    void theLanguageSwitchesWithoutARestart();
    void aSwitchDuringASyncWaitsForItsEnd();
    void catalogueIsComplete_data();
    void catalogueIsComplete();
};

void tst_GuiTranslation::initTestCase()
{
    // The language setting goes to a private place, not the user's.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void tst_GuiTranslation::cleanup()
{
    removeTranslations();
    QLocale::setDefault(QLocale::system());
    QSettings().clear();
}

void tst_GuiTranslation::germanConsole()
{
    setLanguageSetting(QStringLiteral("de"));
    QCOMPARE(languageSetting(), QStringLiteral("de"));
    QCOMPARE(installTranslations(), QStringLiteral("de"));

    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // Menus, with their accelerators.
    QCOMPARE(menuTitle(w, 0), QStringLiteral("&Datei"));
    QCOMPARE(menuTitle(w, 1), QStringLiteral("&Quelle"));
    QCOMPARE(menuTitle(w, 2), QStringLiteral("&Ansicht"));
    QCOMPARE(menuTitle(w, 3), QStringLiteral("&Einstellungen"));
    QCOMPARE(menuTitle(w, 4), QStringLiteral("&Hilfe"));
    QCOMPARE(actionText(w, "actionOpen"), QStringLiteral("Ö&ffnen..."));
    QCOMPARE(actionText(w, "actionSync"), QStringLiteral("Jetzt &synchronisieren"));
    QCOMPARE(actionText(w, "actionPreview"), QStringLiteral("&Probelauf"));
    QCOMPARE(actionText(w, "actionReconcile"), QStringLiteral("Ab&gleichen"));
    QCOMPARE(actionText(w, "actionStop"), QStringLiteral("A&nhalten"));
    QCOMPARE(actionText(w, "actionView1"), QStringLiteral("Ü&bersicht"));
    const QStringList problems = acceleratorProblems(w);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    // The shortcuts are the same keys as in English: their texts are not translated.
    QCOMPARE(actionShortcut(w, "actionAddSource"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    QCOMPARE(actionShortcut(w, "actionEditSource"), QKeySequence(Qt::Key_F2));
    QCOMPARE(actionShortcut(w, "actionTestConnection"), QKeySequence(Qt::CTRL | Qt::Key_T));
    QCOMPARE(actionShortcut(w, "actionSync"), QKeySequence(Qt::Key_F5));
    QCOMPARE(actionShortcut(w, "actionSyncAll"), QKeySequence(Qt::CTRL | Qt::Key_F5));
    QCOMPARE(actionShortcut(w, "actionStop"), QKeySequence(Qt::CTRL | Qt::Key_Period));
    QCOMPARE(actionShortcut(w, "actionReconcile"), QKeySequence(Qt::CTRL | Qt::Key_R));
    QCOMPARE(actionShortcut(w, "actionPreview"), QKeySequence(Qt::CTRL | Qt::Key_P));

    // Tabs, the status bar, and an empty state.
    QCOMPARE(w.tabs()->tabText(int(MainWindow::View::Dashboard)), QStringLiteral("Übersicht"));
    QCOMPARE(w.tabs()->tabText(int(MainWindow::View::Conflicts)), QStringLiteral("Konflikte"));
    QCOMPARE(w.tabs()->tabText(int(MainWindow::View::Runs)), QStringLiteral("Läufe"));
    QCOMPARE(w.tabs()->tabText(int(MainWindow::View::Log)), QStringLiteral("Protokoll"));
    QCOMPARE(w.tabs()->tabText(int(MainWindow::View::Quarantine)), QStringLiteral("Quarantäne"));
    QCOMPARE(w.tabs()->tabText(int(MainWindow::View::Outbox)), QStringLiteral("Outbox"));
    QCOMPARE(actionText(w, "actionView9"), QStringLiteral("&Outbox"));
    QCOMPARE(w.tabs()->tabText(int(MainWindow::View::Records)), QStringLiteral("Datensätze"));
    QCOMPARE(labelText(w, "statusConfig"), QStringLiteral("Keine Konfiguration geöffnet. Datei ▸ Öffnen oder Datei ▸ Neue Konfiguration."));
    QCOMPARE(labelText(*w.conflicts(), "conflictsEmptyState"),
             QStringLiteral("Keine Konfiguration geöffnet.\nEine Konfiguration öffnen, um die Konflikte zu sehen, die auf eine "
                            "Entscheidung warten."));

    // German plural forms.
    QCOMPARE(mainWindowTr("%n conflict(s) wait for a decision", 1), QStringLiteral("1 Konflikt wartet auf eine Entscheidung"));
    QCOMPARE(mainWindowTr("%n conflict(s) wait for a decision", 3), QStringLiteral("3 Konflikte warten auf eine Entscheidung"));
    QCOMPARE(mainWindowTr("%n change(s) of the main database wait to be pushed", 1),
             QStringLiteral("1 Änderung der Hauptdatenbank wartet auf die Übertragung"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(DisplayText::age(now.addSecs(-60), now), QStringLiteral("vor 1 Minute"));
    QCOMPARE(DisplayText::age(now.addDays(-3), now), QStringLiteral("vor 3 Tagen"));
    // Numbers and dates in German too, whatever the system's locale: no "6,001 fertig".
    QCOMPARE(DisplayText::number(6001), QStringLiteral("6.001"));
    QCOMPARE(QLocale().toString(QDate(2026, 12, 2), QLocale::ShortFormat), QStringLiteral("02.12.26"));
    QCOMPARE(DisplayText::duration(1500), QStringLiteral("1,5 s"));

    // The core's messages, from tributaryd's catalogue.
    const QString errors = validationErrors();
    QVERIFY2(errors.contains(QStringLiteral("databse: unbekannter Schlüssel; erwartet einen von ")), qPrintable(errors));
    // Run kinds in tributaryd's words, from the same catalogue (the Runs list capitalises them).
    QCOMPARE(DisplayText::capitalized(RunKinds::describe(RunKind::Webhook)), QStringLiteral("Webhook-Synchronisation"));
    QCOMPARE(DisplayText::capitalized(RunKinds::describe(RunKind::Incremental)), QStringLiteral("Inkrementelle Synchronisation"));
}

void tst_GuiTranslation::englishConsoleHasRealPlurals()
{
    setLanguageSetting(QStringLiteral("en"));
    QCOMPARE(installTranslations(), QStringLiteral("en"));

    MainWindow w;
    QCOMPARE(menuTitle(w, 0), QStringLiteral("&File"));
    QCOMPARE(actionText(w, "actionSync"), QStringLiteral("S&ync Now"));
    QCOMPARE(actionShortcut(w, "actionStop"), QKeySequence(Qt::CTRL | Qt::Key_Period));
    QCOMPARE(w.tabs()->tabText(int(MainWindow::View::Dashboard)), QStringLiteral("Dashboard"));
    QCOMPARE(w.tabs()->tabText(int(MainWindow::View::Conflicts)), QStringLiteral("Conflicts"));
    QVERIFY(labelText(*w.conflicts(), "conflictsEmptyState").startsWith(QStringLiteral("No configuration is open.\n")));

    // English plural forms from the plural-only catalogue.
    QCOMPARE(mainWindowTr("%n conflict(s) wait for a decision", 1), QStringLiteral("1 conflict waits for a decision"));
    QCOMPARE(mainWindowTr("%n conflict(s) wait for a decision", 2), QStringLiteral("2 conflicts wait for a decision"));
    QCOMPARE(QCoreApplication::translate("Tributary::Gui::SourcesModel", "%n conflict(s) waiting", nullptr, 1),
             QStringLiteral("1 conflict waiting"));
    QCOMPARE(QCoreApplication::translate("Tributary::Gui::LogView", "%n entry(ies)", nullptr, 1), QStringLiteral("1 entry"));
    QCOMPARE(QCoreApplication::translate("Tributary::Gui::LogView", "%n entry(ies)", nullptr, 5), QStringLiteral("5 entries"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(DisplayText::age(now.addSecs(-60), now), QStringLiteral("1 minute ago"));
    QCOMPARE(DisplayText::age(now.addDays(-3), now), QStringLiteral("3 days ago"));
    QCOMPARE(DisplayText::number(6001), QStringLiteral("6,001"));

    const QString errors = validationErrors();
    QVERIFY2(errors.contains(QStringLiteral("databse: unknown key; expected one of ")), qPrintable(errors));
}

void tst_GuiTranslation::otherLanguagesFallBackToEnglish()
{
    setLanguageSetting(QStringLiteral("fr"));
    QCOMPARE(installTranslations(), QStringLiteral("en"));
    MainWindow w;
    QCOMPARE(menuTitle(w, 0), QStringLiteral("&File"));
    QCOMPARE(mainWindowTr("%n conflict(s) wait for a decision", 1), QStringLiteral("1 conflict waits for a decision"));
}

void tst_GuiTranslation::theLanguageSwitchesWithoutARestart()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 10, 1)) && f.generateExternal(forum(5, 2, 5, 10, 2)) && f.startForum() && f.configure());
    setLanguageSetting(QStringLiteral("en"));
    QCOMPARE(installTranslations(), QStringLiteral("en"));
    WindowHost host;
    QPointer<MainWindow> first = host.window();
    QVERIFY(first->openConfig(f.configPath()));
    first->show();
    QVERIFY(QTest::qWaitForWindowExposed(first));
    first->showView(MainWindow::View::Runs);
    first->resize(1100, 700);
    QCOMPARE(menuTitle(*first, 0), QStringLiteral("&File"));
    const QRect geometry = first->geometry();

    // Settings ▸ Language ▸ Deutsch: a new window in German takes the old one's place at once,
    // with the same file, source, view and geometry.
    QSignalSpy replaced(&host, &WindowHost::windowReplaced);
    first->setLanguage(QStringLiteral("de"));
    QVERIFY(replaced.wait());
    MainWindow *w = host.window();
    QVERIFY(w != first.data());
    QTRY_VERIFY(first.isNull());
    QVERIFY(w->isVisible());
    QCOMPARE(languageSetting(), QStringLiteral("de"));
    QCOMPARE(menuTitle(*w, 0), QStringLiteral("&Datei"));
    QCOMPARE(w->tabs()->tabText(int(MainWindow::View::Dashboard)), QStringLiteral("Übersicht"));
    QCOMPARE(w->tabs()->currentIndex(), int(MainWindow::View::Runs));
    QCOMPARE(w->currentSource(), QStringLiteral("forum"));
    QCOMPARE(QFileInfo(w->workspace()->configPath()).canonicalFilePath(), QFileInfo(f.configPath()).canonicalFilePath());
    QCOMPARE(w->geometry().size(), geometry.size());
    QCOMPARE(QLocale().toString(1234.5), QStringLiteral("1.234,5"));
    // German words are longer: the window still fits a 1024 px screen.
    QVERIFY2(w->minimumSizeHint().width() <= 1024, qPrintable(QString::number(w->minimumSizeHint().width())));
    w->showView(MainWindow::View::Conflicts);
    QVERIFY2(w->minimumSizeHint().width() <= 1024, qPrintable(QString::number(w->minimumSizeHint().width())));
    // The dashboard's panel scrolls: at 1024 px its German buttons and last count still show whole.
    w->resize(1024, 768);
    w->showView(MainWindow::View::Dashboard);
    QPushButton *stop = w->dashboard()->button(QStringLiteral("forum"), QStringLiteral("stop"));
    QVERIFY(stop);
    QTRY_VERIFY(stop->isVisible());
    QCOMPARE(stop->text(), QStringLiteral("Anhalten"));
    QCOMPARE(stop->visibleRegion().boundingRect().width(), stop->width());
    auto *quarantined = w->dashboard()->findChild<QLabel *>(QStringLiteral("quarantined_forum_messages"));
    QVERIFY(quarantined && !quarantined->visibleRegion().isEmpty());

    // And back, in the other direction.
    w->setLanguage(QStringLiteral("en"));
    QVERIFY(replaced.wait());
    QCOMPARE(menuTitle(*host.window(), 0), QStringLiteral("&File"));
    QCOMPARE(QLocale().toString(1234.5), QStringLiteral("1,234.5"));
}

void tst_GuiTranslation::aSwitchDuringASyncWaitsForItsEnd()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 10, 1)) && f.generateExternal(forum(20, 4, 20, 2000, 2)) && f.startForum() && f.configure());
    setLanguageSetting(QStringLiteral("en"));
    installTranslations();
    WindowHost host;
    QPointer<MainWindow> first = host.window();
    QVERIFY(first->openConfig(f.configPath()));
    first->show();
    QSignalSpy replaced(&host, &WindowHost::windowReplaced);
    QSignalSpy finished(first->dashboard(), &DashboardView::runFinished);
    first->dashboard()->syncNow(QStringLiteral("forum"));
    QVERIFY(first->dashboard()->isAnyRunning());
    // A running sync belongs to this window: the language waits for it, and says so.
    first->setLanguage(QStringLiteral("de"));
    QCOMPARE(replaced.count(), 0);
    QVERIFY(first->statusBar()->currentMessage().contains(QStringLiteral("when the running sync ends")));
    QVERIFY(finished.wait(120000));
    QVERIFY(replaced.wait());
    QCOMPARE(menuTitle(*host.window(), 0), QStringLiteral("&Datei"));
}

void tst_GuiTranslation::catalogueIsComplete_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("pluralOnly");
    QTest::newRow("German") << QFINDTESTDATA("../../translations/tributary_de.ts") << false;
    // English is the source language: its catalogue holds the plural forms only.
    QTest::newRow("English plural forms") << QFINDTESTDATA("../../translations/tributary_en.ts") << true;
}

void tst_GuiTranslation::catalogueIsComplete()
{
    QFETCH(QString, file);
    QFETCH(bool, pluralOnly);
    QVERIFY2(!file.isEmpty(), "the catalogue is found next to the sources");
    QString error;
    const QList<CatalogueMessage> messages = readCatalogue(file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > (pluralOnly ? 20 : 500));
    // German and English: singular and plural.
    QStringList problems = catalogueProblems(messages, 2);
    for (const CatalogueMessage &m : messages) {
        const QString where = m.context + QStringLiteral(": ") + m.source.left(60);
        if (pluralOnly && !m.numerus)
            problems.append(where + QStringLiteral(": not a plural message in the plural-only catalogue"));
        for (const QString &t : m.translation) {
            // %Ln is %n in the locale's digits and grouping ("1.234" in German).
            if (m.numerus && !t.contains(QLatin1String("%n")) && !t.contains(QLatin1String("%Ln")))
                problems.append(where + QStringLiteral(": a plural form without %n"));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_MAIN(tst_GuiTranslation)
#include "tst_guitranslation.moc"
