// tributaryd verify: every record of the sources compared with the main database, the walk held to
// its invariants, the source's total and its id scan held against the walk.

#include "CliCommon.h"
#include "Commands.h"

#include "ExitCode.h"
#include "SignalWatcher.h"
#include "Tr.h"

#include <QCommandLineParser>

namespace Tributary::Cli {

int verifyCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addOptions({configOption(), sourceOption()});
    int code = ExitOk;
    if (!parse(p, QStringLiteral("verify"), Tr::tr("Compares every record of the sources with the main database, and checks the walk\n"
                                                  "against the source's total and its id scan.\n"
                                                  "Exit 0 only when in sync and every check that could run passed (a check that could not\n"
                                                  "run is printed as \"not checked\"); 5 when records are missing, extra or different, or\n"
                                                  "a check failed; 1 when verify could not finish."),
               args, &code))
        return code;
    const Opened opened = openSources(p.value(configOption()), p.value(sourceOption()), err, &code);
    if (!opened.context)
        return code;
    Context *ctx = opened.context.get();
    const auto &sources = opened.sources;
    SignalWatcher watcher;
    return ctx->verify(sources, out, err, &watcher);
}

} // namespace Tributary::Cli
