#pragma once

#include <QString>

namespace Tributary {

// The name of the person at the keyboard, for "who decided" in conflicts and the change log:
// $USER, else $LOGNAME, else the account of the process's user id (cron and systemd start
// programs without either variable), else "uid 1000". Never empty, never "unknown".
QString loginName();

} // namespace Tributary
