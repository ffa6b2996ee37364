// tributaryd sync: an incremental (or --full) sync of the configured sources, optionally followed
// by a reconciliation, or a dry run of both on a throwaway database.

#include "CliCommon.h"
#include "Commands.h"

#include "ExitCode.h"
#include "JsonReport.h"
#include "Progress.h"
#include "SignalWatcher.h"
#include "Tr.h"
#include "engine/DryRun.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace Tributary::Cli {

int syncCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    QCommandLineOption entity(QStringLiteral("entity"), Tr::tr("Only this entity (repeatable)."), QStringLiteral("NAME"));
    QCommandLineOption full(QStringLiteral("full"), Tr::tr("Walk everything at the source, not only what changed."));
    QCommandLineOption quiet(QStringLiteral("quiet"), Tr::tr("No progress lines; only the summary."));
    QCommandLineOption reconcile(QStringLiteral("reconcile"), Tr::tr("Then reconcile: scan every id the source lists, catch what "
                                                                     "polling missed, delete what is gone (see 'tributaryd reconcile')."));
    QCommandLineOption dryRun(QStringLiteral("dry-run"), Tr::tr("Only report what the sync would insert, update, delete (with --reconcile), "
                                                               "link and which conflicts it would raise; write nothing to the main database."));
    p.addOptions({configOption(), sourceOption(), entity, full, quiet, reconcile, dryRun, jsonOption()});
    int code = ExitOk;
    JsonReport report(QStringLiteral("sync"), args, out);
    // Before parsing: a command line the parser refuses still gets a complete document.
    report.insert(QStringLiteral("dry_run"), args.contains(QStringLiteral("--dry-run")));
    report.insert(QStringLiteral("runs"), QJsonArray());
    if (!parse(p, QStringLiteral("sync"), Tr::tr("Syncs the configured sources into the main database."), args, &code))
        return report.refused(p, code);
    const Opened opened = openSources(p.value(configOption()), p.value(sourceOption()), err, &code, !p.isSet(dryRun));
    if (!opened.context) {
        report.setError(opened.error);
        return report.finish(code);
    }
    Context *ctx = opened.context.get();
    ctx->noticeRemovedSources(err);
    const auto &sources = opened.sources;
    const QStringList entities = p.values(entity);
    const RunRequest request = p.isSet(full) ? RunRequest::full(entities) : RunRequest::incremental(entities);
    for (const QString &e : entities) {
        for (const SourceConfig *s : sources) {
            if (!s->entity(e)) {
                const QString message = Tr::tr("source %1 has no entity \"%2\"").arg(s->name, e);
                err << "tributaryd sync: " << message << "\n";
                report.setError(Error(Error::Code::NotFound, message));
                return report.finish(ExitUsage);
            }
        }
    }
    SignalWatcher watcher;
    Progress progress(out, err, Progress::stderrIsTerminal(), p.isSet(quiet));
    progress.setJson(report.isEnabled());
    // A dry run is the real run on a throwaway database, discarded at the end (see DryRun).
    std::unique_ptr<DryRun> dry;
    if (p.isSet(dryRun)) {
        Error error;
        dry = DryRun::open(ctx->database(), DryRun::Mode::Auto, &error);
        if (!dry) {
            err << "tributaryd sync --dry-run: " << error.toString() << "\n";
            report.setError(error);
            return report.finish(error.code == Error::Code::Config ? ExitUsage : ExitFailed);
        }
        progress.setDryRun(true);
        report.insert(QStringLiteral("dry_run_mode"), dry->mode() == DryRun::Mode::Snapshot ? QStringLiteral("snapshot") : QStringLiteral("transaction"));
        if (!report.isEnabled()) {
            out << (dry->mode() == DryRun::Mode::Snapshot
                        ? Tr::tr("DRY RUN: on a temporary copy of the main database; nothing is written to the main database.")
                        : Tr::tr("DRY RUN: in a transaction that is rolled back; nothing is written to the main database."))
                << "\n";
            out.flush();
        }
    }
    Database &db = dry ? dry->database() : ctx->database();
    int synced = ctx->sync(db, sources, request, progress, &watcher);
    if (p.isSet(reconcile) && (synced == ExitOk || synced == ExitPartial)) {
        const int reconciled = ctx->sync(db, sources, RunRequest::reconcile(entities), progress, &watcher);
        synced = reconciled != ExitOk ? reconciled : synced;
    }
    if (report.isEnabled()) {
        dry.reset();
        return finishRuns(report, progress, synced);
    }
    if (dry) {
        dry.reset();
        out << (p.isSet(reconcile) ? Tr::tr("DRY RUN finished: nothing was written to the main database.")
                                   : Tr::tr("DRY RUN finished: nothing was written to the main database; deletes are found only with --reconcile."))
            << "\n";
    }
    return synced;
}

} // namespace Tributary::Cli
