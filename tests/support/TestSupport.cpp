#include "TestSupport.h"

#include <QDir>

namespace Tributary::Test {

QString binaryDir()
{
    const QByteArray env = qgetenv("TRIBUTARY_BINARY_DIR");
    return env.isEmpty() ? QStringLiteral(TRIBUTARY_BINARY_DIR) : QString::fromLocal8Bit(env);
}

QString executable(const QString &name)
{
    return QDir(binaryDir()).filePath(QStringLiteral("bin/") + name);
}

int envInt(const char *name, int def)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : def;
}

} // namespace Tributary::Test
