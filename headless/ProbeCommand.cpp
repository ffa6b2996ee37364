// tributaryd probe: an API's behaviour tested against the configuration (ApiProbe), one verdict
// per check with the key to change. Needs only the configuration and the network: the main
// database is never opened.

#include "ProbeCommand.h"

#include "CliCommon.h"
#include "Commands.h"

#include "ExitCode.h"
#include "SignalWatcher.h"
#include "Tr.h"
#include "engine/ApiProbe.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>

namespace Tributary::Cli {

namespace {

// The version of --json's schema; raised only when a key changes meaning or goes away.
constexpr int kProbeSchema = 1;

void printReport(const ApiProbe &probe, QTextStream &out, ProbeTally *tally)
{
    const QString indent(19, QLatin1Char(' '));
    if (probe.error())
        out << Tr::tr("Source %1: %2").arg(probe.sourceName(), probe.error().message) << "\n";
    for (const ProbeEntityReport &r : probe.reports()) {
        out << Tr::tr("Source %1, entity %2").arg(probe.sourceName(), r.entity);
        if (!r.url.isEmpty())
            out << " (" << r.url << ")";
        out << "\n";
        tally->add(r.checks);
        for (const ProbeCheck &c : r.checks) {
            out << "  " << ProbeCheck::verdictText(c.verdict).leftJustified(16) << " " << ProbeCheck::title(c.id) << ": " << c.message << "\n";
            if (!c.fix.isEmpty())
                out << indent << Tr::tr("fix: %1").arg(c.fix) << "\n";
        }
        if (!r.fields.isEmpty())
            out << "  " << Tr::tr("The records' fields: %1").arg(r.fields.join(QStringLiteral(", "))) << "\n";
    }
}

} // namespace

int probeSources(const Config &config, const QStringList &sources, bool json, QTextStream &out, QTextStream &err)
{
    SignalWatcher watcher;
    QJsonArray all;
    ProbeTally tally;
    bool failed = false;
    bool interrupted = false;
    for (const QString &name : sources) {
        ApiProbe probe(config, name);
        QEventLoop loop;
        QObject::connect(&probe, &ApiProbe::finished, &loop, &QEventLoop::quit);
        const auto stop = QObject::connect(&watcher, &SignalWatcher::stopRequested, &probe, [&probe, &interrupted] {
            interrupted = true;
            probe.abort();
        });
        probe.start();
        if (!probe.isFinished())
            loop.exec();
        QObject::disconnect(stop);
        failed = failed || probe.hasFailure();
        if (json)
            all.append(probe.toJson());
        else
            printReport(probe, out, &tally);
        if (interrupted)
            break;
    }
    if (json) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("schema"), kProbeSchema},
                                         {QStringLiteral("ok"), !failed && !interrupted},
                                         {QStringLiteral("sources"), all}})
                   .toJson(QJsonDocument::Indented);
    } else {
        out << tally.text() << "\n";
    }
    out.flush();
    if (interrupted) {
        err << "tributaryd probe: " << Tr::tr("interrupted") << "\n";
        return ExitInterrupted;
    }
    return failed ? ExitFailed : ExitOk;
}

int probeCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print JSON for scripts."));
    p.addOptions({configOption(), sourceOption(), json});
    int code = ExitOk;
    if (!parse(p, QStringLiteral("probe"),
               Tr::tr("Tests each enabled entity's API against the configuration: page size, page parameter, order,\n"
                      "change filter, total, mapped fields and ids, one verdict per check with the key to change.\n"
                      "Reads two or three pages per entity; the main database is not opened.\n"
                      "Exit 0 when no check failed, 1 when one did."),
               args, &code))
        return code;
    const QString path = p.value(configOption());
    if (path.isEmpty()) {
        err << "tributaryd: " << Tr::tr("--config FILE is required") << "\n";
        return ExitUsage;
    }
    Config config;
    QStringList problems;
    if (!Config::load(path, &config, &problems)) {
        err << "tributaryd: " << Tr::tr("the configuration %1 is not valid:").arg(path) << "\n";
        for (const QString &problem : std::as_const(problems))
            err << "  " << problem << "\n";
        return ExitUsage;
    }
    QStringList names;
    const QString only = p.value(sourceOption());
    for (const SourceConfig &s : config.sources) {
        if (only.isEmpty() ? s.enabled : s.name == only)
            names.append(s.name);
    }
    if (!only.isEmpty() && names.isEmpty()) {
        QStringList all;
        for (const SourceConfig &s : config.sources)
            all.append(s.name);
        err << "tributaryd: " << Tr::tr("no source \"%1\" in the configuration (it has: %2)").arg(only, all.join(QStringLiteral(", "))) << "\n";
        return ExitUsage;
    }
    return probeSources(config, names, p.isSet(json), out, err);
}

} // namespace Tributary::Cli
