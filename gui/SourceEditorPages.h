#pragma once

#include <QStringList>
#include <functional>

class QObject;

namespace Tributary::Gui {

class ConfigDocument;
class EditorForm;
class SourceTypePages;

// Maps a source "type" to the source editor's pages for it, as SourceRegistry maps it to its
// implementation. The built-in types' pages (registerBuiltinEditorPages) are registered on first
// use, so that every editor has them whoever constructs it; a plugin or a test adds its own.
class SourceEditorPages
{
public:
    using Factory = std::function<SourceTypePages *(EditorForm *form, ConfigDocument *document, QObject *parent)>;

    static void registerType(const QString &type, Factory factory);
    static void unregisterType(const QString &type);
    // In the order registered: the order of the editor's tabs.
    static QStringList types();
    static SourceTypePages *create(const QString &type, EditorForm *form, ConfigDocument *document, QObject *parent);
};

// Registers the pages of every source type built into the console (today: "rest"). Called by
// SourceEditorPages on first use; calling it again does nothing.
void registerBuiltinEditorPages();

} // namespace Tributary::Gui
