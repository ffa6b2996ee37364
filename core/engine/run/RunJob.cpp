#include "RunJob.h"

#include <QTimer>

namespace Tributary {

void RunJob::done(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    QTimer::singleShot(0, this, [this, error] { Q_EMIT finished(error); });
}

} // namespace Tributary
