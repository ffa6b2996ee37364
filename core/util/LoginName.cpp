#include "LoginName.h"

#include <pwd.h>
#include <unistd.h>

namespace Tributary {

QString loginName()
{
    for (const char *var : {"USER", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(var).trimmed();
        if (!name.isEmpty())
            return name;
    }
    if (const passwd *pw = ::getpwuid(::getuid())) {
        const QString name = QString::fromLocal8Bit(pw->pw_name);
        if (!name.isEmpty())
            return name;
    }
    return QStringLiteral("uid %1").arg(::getuid());
}

} // namespace Tributary
