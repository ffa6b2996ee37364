// tributaryd verify: every record of the sources compared with the main database, the walk held to
// its invariants, the source's total and its id scan held against the walk.

#include "CliCommon.h"
#include "Commands.h"

#include "ExitCode.h"
#include "JsonReport.h"
#include "Progress.h"
#include "SignalWatcher.h"
#include "Tr.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace Tributary::Cli {

int verifyCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addOptions({configOption(), sourceOption(), jsonOption()});
    int code = ExitOk;
    JsonReport report(QStringLiteral("verify"), args, out);
    report.insert(QStringLiteral("sources"), QJsonArray());
    if (!parse(p, QStringLiteral("verify"), Tr::tr("Compares every record of the sources with the main database, and checks the walk\n"
                                                  "against the source's total and its id scan.\n"
                                                  "Exit 0 only when in sync and every check that could run passed (a check that could not\n"
                                                  "run is printed as \"not checked\"); 5 when records are missing, extra or different, or\n"
                                                  "a check failed; 1 when verify could not finish."),
               args, &code))
        return report.refused(p, code);
    const Opened opened = openSources(p.value(configOption()), p.value(sourceOption()), err, &code);
    if (!opened.context) {
        report.setError(opened.error);
        return report.finish(code);
    }
    SignalWatcher watcher;
    QJsonArray sources;
    const int verified = opened.context->verify(opened.sources, out, err, &watcher, report.isEnabled() ? &sources : nullptr);
    // The document's error: the first source's that could not be verified.
    for (const QJsonValue &s : std::as_const(sources)) {
        const QJsonObject error = s.toObject().value(QStringLiteral("error")).toObject();
        if (!error.isEmpty()) {
            report.insert(QStringLiteral("error"), error);
            break;
        }
    }
    report.insert(QStringLiteral("sources"), sources);
    report.insert(QStringLiteral("peak_memory_bytes"), Progress::peakMemoryBytes());
    return report.finish(verified);
}

} // namespace Tributary::Cli
