#pragma once

#include "config/Config.h"

#include <QStringList>
#include <QTextStream>

namespace Tributary::Cli {

// Probes `sources` of `config` with ApiProbe (core/engine), one after the other, and prints the
// verdicts: one line per check for people, or with `json` the documented schema
// (docs/operations.md, "Probe an API"). The exit status: 0 when no check failed, 1 when one did,
// 6 when interrupted. `tributaryd probe` and `tributaryd init --detect` share it.
int probeSources(const Config &config, const QStringList &sources, bool json, QTextStream &out, QTextStream &err);

} // namespace Tributary::Cli
