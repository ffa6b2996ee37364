#pragma once

#include <QMetaType>
#include <QString>

namespace Tributary {

// A request that failed for a reason worth another attempt, and the attempt that will follow:
// what people watching a run see while it waits ("retry 3 of 6 in 4 s: connection refused").
struct RetryNotice
{
    QString request; // "GET http://host/api/v1/users?page=3" with secrets masked
    int retry = 0;   // 1 for the first retry
    int maxRetries = 0;
    int delayMs = 0;
    QString why;     // masked like every message of the HTTP layer
};

} // namespace Tributary

Q_DECLARE_METATYPE(Tributary::RetryNotice)
