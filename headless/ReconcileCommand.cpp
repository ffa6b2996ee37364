// tributaryd reconcile: mark and sweep over every id of every entity, deleting only after a
// complete scan.

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

int reconcileCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    QCommandLineOption quiet(QStringLiteral("quiet"), Tr::tr("No progress lines; only the summary."));
    p.addOptions({configOption(), sourceOption(), quiet, jsonOption()});
    int code = ExitOk;
    JsonReport report(QStringLiteral("reconcile"), args, out);
    report.insert(QStringLiteral("runs"), QJsonArray());
    if (!parse(p, QStringLiteral("reconcile"),
               Tr::tr("Mark and sweep: lists every id of every entity (cheaply where the source allows it), fetches\n"
                      "the records polling missed, then, only after a complete scan, deletes the rows whose records\n"
                      "the source no longer has (each confirmed by asking for it by id). Soft delete by default\n"
                      "(sets deleted_at); a row edited locally is kept as an edit-versus-delete conflict; more than\n"
                      "max_delete_share missing refuses to delete anything. An interrupted scan deletes nothing and\n"
                      "is resumed by the next run."),
               args, &code))
        return report.refused(p, code);
    const Opened opened = openSources(p.value(configOption()), p.value(sourceOption()), err, &code);
    if (!opened.context) {
        report.setError(opened.error);
        return report.finish(code);
    }
    SignalWatcher watcher;
    Progress progress(out, err, Progress::stderrIsTerminal(), p.isSet(quiet));
    progress.setJson(report.isEnabled());
    return finishRuns(report, progress, opened.context->sync(opened.sources, RunRequest::reconcile(), progress, &watcher));
}

} // namespace Tributary::Cli
