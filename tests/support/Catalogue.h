#pragma once

#include <QList>
#include <QStringList>

namespace Tributary::Test {

// One message of a Qt Linguist catalogue (.ts), as the translation tests check them.
struct CatalogueMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString type;            // the translation's type attribute: "unfinished", "vanished", ... or empty
    QStringList translation; // one text, or one per plural form
};

QList<CatalogueMessage> readCatalogue(const QString &path, QString *error);
// The %1..%9 placeholders of a text, sorted, each once.
QStringList placeholders(const QString &text);
// What keeps a catalogue from being complete: a type attribute left (unfinished, vanished), a
// wrong number of plural forms, an empty translation, placeholders that differ from the
// source's. One line per problem, naming context and source.
QStringList catalogueProblems(const QList<CatalogueMessage> &messages, int pluralForms);

} // namespace Tributary::Test
