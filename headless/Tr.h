#pragma once

#include <QCoreApplication>

namespace Tributary::Cli {

// tributaryd's messages for people, in one translation context "tributaryd"
// (translations/tributaryd_de.ts): Tr::tr("..."). Conventions:
// - Messages that count something pass the count as n, so the catalogue holds a singular and a
//   plural form, but show the number as %1 formatted by Progress::number ("6,000"), never %n,
//   which Qt would print ungrouped. English, the source language, has a catalogue with only those
//   plural forms (tributaryd_en.ts).
// - Command, option, file, table, column and configuration key names stay as they are inside a
//   translated sentence; --json output, exit statuses and the values scripts match are never
//   translated.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(tributaryd)
};

} // namespace Tributary::Cli
