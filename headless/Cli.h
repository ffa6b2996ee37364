#pragma once

#include <QStringList>

namespace Tributary::Cli {

// Runs one tributaryd command line and returns its exit status (see ExitCode.h). The commands
// are listed in Commands.h.
int run(const QStringList &arguments);

} // namespace Tributary::Cli
