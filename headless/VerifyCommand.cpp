// tributaryd verify: every record of the sources compared with the main database.

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
    if (!parse(p, QStringLiteral("verify"), Tr::tr("Compares every record of the sources with the main database.\n"
                                                  "Exit 0 only when in sync; 5 when records are missing, extra or different."),
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
