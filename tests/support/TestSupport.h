#pragma once

#include <QString>

namespace Tributary::Test {

// Directory of the build tree, where forum-sim and tributaryd are built.
QString binaryDir();
// Path of a built executable ("forum-sim", "tributaryd").
QString executable(const QString &name);
// An integer from the environment (seeds, sizes of long runs), or `def`.
int envInt(const char *name, int def);

} // namespace Tributary::Test
