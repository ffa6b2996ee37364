#pragma once

#include <QCoreApplication>

namespace Tributary {

// Core's messages for people (errors, configuration problems, refusal and quarantine reasons) share
// one translation context, "Tributary": Tr::tr("..."). tributaryd's catalogue carries them
// (translations/tributaryd_de.ts); without a translator installed they are English. Keys, table
// and column names and values stay as they are inside a translated sentence.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tributary)
};

} // namespace Tributary
