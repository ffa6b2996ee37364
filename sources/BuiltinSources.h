#pragma once

namespace Tributary {
// Registers every source kind built into this binary with SourceRegistry. Call once from main()
// (static libraries would drop self-registering objects).
void registerBuiltinSources();
}
