#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Tributary::Gui {

// Where the console finds Tributary's documentation to open from the Help menu: the docs the
// package installed (share/doc/tributary/docs beside the executable's bin/), or, run from a build
// tree, the source tree's docs/. Local files only: the console works offline.
class Documentation
{
    Q_DECLARE_TR_FUNCTIONS(Documentation)
public:
    enum class Page { Console, Operations, Configuration, Conflicts, AddingASource };
    static const QList<Page> &pages();
    static QString fileName(Page page); // "operations.md"
    static QString title(Page page);    // the menu item's text

    // The folder of the docs, the first of the candidates that holds them (every page there);
    // empty when none does. `applicationDir`: the executable's folder; `sourceDir`: the source
    // tree the executable was built from (empty: not considered).
    static QString directory(const QString &applicationDir, const QString &sourceDir);
    // The same for this executable.
    static QString directory();
    // Where it looks, in order, for `applicationDir` and `sourceDir`: for the message that says
    // where the docs would be.
    static QStringList candidates(const QString &applicationDir, const QString &sourceDir);
    // The page's file in directory(), or empty.
    static QString path(Page page);
};

} // namespace Tributary::Gui
