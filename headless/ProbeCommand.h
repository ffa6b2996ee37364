#pragma once

#include "config/Config.h"

#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

namespace Tributary::Cli {

// Probes `sources` of `config` with ApiProbe (core/engine), one after the other, and prints the
// verdicts, one line per check for people; with `json` it prints nothing on `out` and puts `ok`
// and `sources` into *json instead (docs/json-output.md, "probe"). The exit status: 0 when no
// check failed, 1 when one did, 6 when interrupted. `tributaryd probe` and `tributaryd init
// --detect` share it.
int probeSources(const Config &config, const QStringList &sources, QTextStream &out, QTextStream &err, QJsonObject *json = nullptr);

} // namespace Tributary::Cli
