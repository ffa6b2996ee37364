#include "Documentation.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace Tributary::Gui {

const QList<Documentation::Page> &Documentation::pages()
{
    static const QList<Page> all = {Page::Console, Page::Operations, Page::Configuration, Page::Conflicts, Page::AddingASource};
    return all;
}

QString Documentation::fileName(Page page)
{
    switch (page) {
    case Page::Console: return QStringLiteral("console.md");
    case Page::Operations: return QStringLiteral("operations.md");
    case Page::Configuration: return QStringLiteral("configuration.md");
    case Page::Conflicts: return QStringLiteral("conflicts.md");
    case Page::AddingASource: return QStringLiteral("adding-a-source.md");
    }
    return QString();
}

QString Documentation::title(Page page)
{
    switch (page) {
    case Page::Console: return tr("The &Console");
    case Page::Operations: return tr("&Operations");
    case Page::Configuration: return tr("Con&figuration");
    case Page::Conflicts: return tr("Co&nflicts");
    case Page::AddingASource: return tr("Adding a &Source");
    }
    return QString();
}

QStringList Documentation::candidates(const QString &applicationDir, const QString &sourceDir)
{
    const QDir bin(applicationDir);
    QStringList out;
    // Installed: <prefix>/bin/tributary beside <prefix>/share/doc/tributary/docs (the .deb's
    // /usr, or a `cmake --install` prefix); packaging/CMakeLists.txt names the folder after the
    // package.
    out.append(QDir::cleanPath(bin.filePath(QStringLiteral("../share/doc/tributary/docs"))));
    // A build tree inside the source tree (build/bin/tributary beside docs/).
    out.append(QDir::cleanPath(bin.filePath(QStringLiteral("../../docs"))));
    // The source tree it was built from, wherever the build tree is.
    if (!sourceDir.isEmpty())
        out.append(QDir::cleanPath(QDir(sourceDir).filePath(QStringLiteral("docs"))));
    out.removeDuplicates();
    return out;
}

QString Documentation::directory(const QString &applicationDir, const QString &sourceDir)
{
    for (const QString &candidate : candidates(applicationDir, sourceDir)) {
        const QDir dir(candidate);
        const bool complete = std::all_of(pages().cbegin(), pages().cend(),
                                          [&dir](Page p) { return QFileInfo(dir.filePath(fileName(p))).isFile(); });
        if (complete)
            return dir.absolutePath();
    }
    return QString();
}

QString Documentation::directory()
{
#ifdef TRIBUTARY_SOURCE_DIR
    const QString source = QStringLiteral(TRIBUTARY_SOURCE_DIR);
#else
    const QString source;
#endif
    return directory(QCoreApplication::applicationDirPath(), source);
}

QString Documentation::path(Page page)
{
    const QString dir = directory();
    return dir.isEmpty() ? QString() : QDir(dir).filePath(fileName(page));
}

} // namespace Tributary::Gui
