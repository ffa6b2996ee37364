// Help opens Tributary's documentation as local files: the docs the package installed beside
// the executable, or, run from a build tree, the source tree's docs/. Where it looks, in which
// order, and that the Help menu offers each page and About.

#include "Documentation.h"
#include "MainWindow.h"

#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Tributary::Gui;

namespace {

// Writes every page into `dir` (all but `except`, when given).
bool writeDocs(const QString &dir, const QString &except = QString())
{
    if (!QDir().mkpath(dir))
        return false;
    for (Documentation::Page page : Documentation::pages()) {
        const QString name = Documentation::fileName(page);
        if (name == except)
            continue;
        QFile f(QDir(dir).filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write("# page\n") < 0)
            return false;
    }
    return true;
}

} // namespace

class tst_Documentation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void findsTheDocs_data();
    void findsTheDocs();
    void findsThisTreesDocs();
    void helpMenuOffersEachPage();
};

void tst_Documentation::findsTheDocs_data()
{
    QTest::addColumn<QStringList>("docs");      // folders (under the temporary root) that get the pages
    QTest::addColumn<QString>("incomplete");    // a folder that gets all pages but one
    QTest::addColumn<QString>("bin");           // the executable's folder
    QTest::addColumn<QString>("source");        // the source tree it was built from ("" none)
    QTest::addColumn<QString>("expected");      // the folder found ("" none)

    QTest::newRow("installed by the package") << QStringList{QStringLiteral("usr/share/doc/tributary/docs")} << QString()
                                              << QStringLiteral("usr/bin") << QString() << QStringLiteral("usr/share/doc/tributary/docs");
    QTest::newRow("cmake --install prefix") << QStringList{QStringLiteral("opt/t/share/doc/tributary/docs")} << QString()
                                            << QStringLiteral("opt/t/bin") << QStringLiteral("repo") << QStringLiteral("opt/t/share/doc/tributary/docs");
    QTest::newRow("build tree in the source tree") << QStringList{QStringLiteral("repo/docs")} << QString() << QStringLiteral("repo/build/bin")
                                                   << QString() << QStringLiteral("repo/docs");
    QTest::newRow("build tree elsewhere") << QStringList{QStringLiteral("repo/docs")} << QString() << QStringLiteral("out/bin")
                                          << QStringLiteral("repo") << QStringLiteral("repo/docs");
    QTest::newRow("installed first") << QStringList{QStringLiteral("usr/share/doc/tributary/docs"), QStringLiteral("repo/docs")} << QString()
                                     << QStringLiteral("usr/bin") << QStringLiteral("repo") << QStringLiteral("usr/share/doc/tributary/docs");
    QTest::newRow("an incomplete copy is passed over") << QStringList{QStringLiteral("repo/docs")} << QStringLiteral("usr/share/doc/tributary/docs")
                                                       << QStringLiteral("usr/bin") << QStringLiteral("repo") << QStringLiteral("repo/docs");
    QTest::newRow("none (docs excluded by dpkg)") << QStringList() << QString() << QStringLiteral("usr/bin") << QStringLiteral("repo")
                                                  << QString();
}

void tst_Documentation::findsTheDocs()
{
    QFETCH(QStringList, docs);
    QFETCH(QString, incomplete);
    QFETCH(QString, bin);
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QDir r(root.path());
    for (const QString &d : docs)
        QVERIFY(writeDocs(r.filePath(d)));
    if (!incomplete.isEmpty())
        QVERIFY(writeDocs(r.filePath(incomplete), Documentation::fileName(Documentation::Page::Conflicts)));
    QVERIFY(r.mkpath(bin));
    const QString sourceDir = source.isEmpty() ? QString() : r.filePath(source);
    const QString found = Documentation::directory(r.filePath(bin), sourceDir);
    QCOMPARE(found, expected.isEmpty() ? QString() : QDir(r.filePath(expected)).absolutePath());
    // Where it looked: installed first, then the build tree's neighbour, then the source tree.
    const QStringList where = Documentation::candidates(r.filePath(bin), sourceDir);
    QCOMPARE(where.first(), QDir::cleanPath(r.filePath(bin + QStringLiteral("/../share/doc/tributary/docs"))));
    QCOMPARE(where.size(), sourceDir.isEmpty() ? 2 : 3);
}

void tst_Documentation::findsThisTreesDocs()
{
    // This test runs from the build tree: the pages Help names are this tree's docs.
    const QString dir = Documentation::directory();
    QVERIFY2(!dir.isEmpty(), qPrintable(Documentation::candidates(QCoreApplication::applicationDirPath(), QString()).join(QLatin1Char(' '))));
    QCOMPARE(QDir(dir).absolutePath(), QDir(QFINDTESTDATA("../../docs")).absolutePath());
    for (Documentation::Page page : Documentation::pages()) {
        const QString path = Documentation::path(page);
        QVERIFY2(QFile::exists(path), qPrintable(path));
        QVERIFY(!Documentation::title(page).isEmpty());
    }
}

void tst_Documentation::helpMenuOffersEachPage()
{
    MainWindow w;
    auto *help = w.menuBar()->findChild<QMenu *>(QStringLiteral("helpMenu"));
    QVERIFY(help);
    QStringList names;
    for (QAction *a : help->actions()) {
        if (!a->isSeparator())
            names.append(a->objectName());
    }
    QCOMPARE(names, (QStringList{QStringLiteral("actionDoc_console"), QStringLiteral("actionDoc_operations"),
                                 QStringLiteral("actionDoc_configuration"), QStringLiteral("actionDoc_conflicts"),
                                 QStringLiteral("actionDoc_adding-a-source"), QStringLiteral("actionAbout")}));
    QCOMPARE(help->actions().at(1)->text(), QStringLiteral("&Operations"));
}

QTEST_MAIN(tst_Documentation)
#include "tst_documentation.moc"
