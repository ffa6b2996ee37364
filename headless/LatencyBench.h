#pragma once

#include <QStringList>
#include <QTextStream>

namespace Tributary::Cli {

// tributaryd bench --latency (LatencyBench.cpp): how soon an edit at the forum is visible in the
// main database through a child `tributaryd serve`, by webhook and by scheduled polling alone.
int benchLatency(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace Tributary::Cli
