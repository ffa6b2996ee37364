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

} // namespace Tributary::Test
