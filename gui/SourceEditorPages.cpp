#include "SourceEditorPages.h"

#include "RestEditorPages.h"
#include "SourceTypePages.h"

#include <QList>
#include <QPair>

namespace Tributary::Gui {

namespace {

QList<QPair<QString, SourceEditorPages::Factory>> &factories()
{
    static QList<QPair<QString, SourceEditorPages::Factory>> f;
    return f;
}

// Before any other use, so that a type registered first does not shadow the built-ins.
void ensureBuiltins()
{
    static bool registering = false;
    if (registering)
        return;
    registering = true;
    registerBuiltinEditorPages();
}

} // namespace

void SourceEditorPages::registerType(const QString &type, Factory factory)
{
    ensureBuiltins();
    unregisterType(type);
    factories().append({type, std::move(factory)});
}

void SourceEditorPages::unregisterType(const QString &type)
{
    ensureBuiltins();
    factories().removeIf([&](const QPair<QString, Factory> &entry) { return entry.first == type; });
}

QStringList SourceEditorPages::types()
{
    ensureBuiltins();
    QStringList out;
    for (const auto &entry : std::as_const(factories()))
        out.append(entry.first);
    return out;
}

SourceTypePages *SourceEditorPages::create(const QString &type, EditorForm *form, ConfigDocument *document, QObject *parent)
{
    ensureBuiltins();
    for (const auto &entry : std::as_const(factories())) {
        if (entry.first == type)
            return entry.second(form, document, parent);
    }
    return nullptr;
}

void registerBuiltinEditorPages()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    SourceEditorPages::registerType(QStringLiteral("rest"), [](EditorForm *form, ConfigDocument *document, QObject *parent) {
        return new RestEditorPages(form, document, parent);
    });
}

} // namespace Tributary::Gui
