#include "SourceTypePages.h"

namespace Tributary::Gui {

SourceTypePages::SourceTypePages(EditorForm *form, ConfigDocument *document, QObject *parent)
    : QObject(parent), m_form(form), m_document(document)
{
}

SourceTypePages::~SourceTypePages() = default;

} // namespace Tributary::Gui
