#include "BuiltinSources.h"

#include "rest/RestProbeHints.h"
#include "rest/RestSource.h"

namespace Tributary {

void registerBuiltinSources()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    RestSource::registerType();
    RestProbeHints::registerType();
}

} // namespace Tributary
