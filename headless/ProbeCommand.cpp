// tributaryd probe: an API's behaviour tested against the configuration (ApiProbe), one verdict
// per check with the key to change. Needs only the configuration and the network: the main
// database is never opened.

#include "ProbeCommand.h"

#include "net/RequestBudget.h"

#include "CliCommon.h"
#include "Commands.h"

#include "ExitCode.h"
#include "JsonReport.h"
#include "SignalWatcher.h"
#include "Tr.h"
#include "engine/ApiProbe.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>

namespace Tributary::Cli {

namespace {

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

int probeSources(const Config &config, const QStringList &sources, QTextStream &out, QTextStream &err, QJsonObject *json)
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
        // The document's error: the first probe that could not run or finish.
        if (json && probe.error() && !json->contains(QStringLiteral("error")))
            json->insert(QStringLiteral("error"), JsonReport::error(probe.error()));
        if (json)
            all.append(probe.toJson());
        else
            printReport(probe, out, &tally);
        if (interrupted)
            break;
    }
    if (json) {
        json->insert(QStringLiteral("ok"), !failed && !interrupted);
        json->insert(QStringLiteral("sources"), all);
    } else {
        out << tally.text() << "\n";
        out.flush();
    }
    if (interrupted) {
        err << "tributaryd probe: " << Tr::tr("interrupted") << "\n";
        return ExitInterrupted;
    }
    return failed ? ExitFailed : ExitOk;
}

int probeCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addOptions({configOption(), sourceOption(), jsonOption()});
    int code = ExitOk;
    // The document's `schema` (JsonReport::kSchema) was probe's own version key before the other
    // commands had one: the same key, the same rule.
    JsonReport report(QStringLiteral("probe"), args, out);
    report.insert(QStringLiteral("ok"), false);
    report.insert(QStringLiteral("sources"), QJsonArray());
    if (!parse(p, QStringLiteral("probe"),
               Tr::tr("Tests each enabled entity's API against the configuration: page size, page parameter, order,\n"
                      "change filter, total, mapped fields and ids, one verdict per check with the key to change.\n"
                      "Reads two or three pages per entity; the main database is not opened.\n"
                      "Exit 0 when no check failed, 1 when one did."),
               args, &code))
        return report.refused(p, code);
    const QString path = p.value(configOption());
    if (path.isEmpty()) {
        const QString message = Tr::tr("--config FILE is required");
        err << "tributaryd: " << message << "\n";
        report.setError(Error(Error::Code::Config, message));
        return report.finish(ExitUsage);
    }
    Config config;
    QStringList problems;
    if (!Config::load(path, &config, &problems)) {
        const QString message = Tr::tr("the configuration %1 is not valid:").arg(path);
        err << "tributaryd: " << message << "\n";
        for (const QString &problem : std::as_const(problems))
            err << "  " << problem << "\n";
        report.setError(Error(Error::Code::Config, message + QLatin1Char(' ') + problems.join(QStringLiteral("; "))));
        return report.finish(ExitUsage);
    }
    // The probe's requests keep to the hosts' budgets like a sync's.
    RequestBudgets::instance().configure(config.hosts);
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
        const QString message = Tr::tr("no source \"%1\" in the configuration (it has: %2)").arg(only, all.join(QStringLiteral(", ")));
        err << "tributaryd: " << message << "\n";
        report.setError(Error(Error::Code::NotFound, message));
        return report.finish(ExitUsage);
    }
    QJsonObject probed;
    const int probedCode = probeSources(config, names, out, err, report.isEnabled() ? &probed : nullptr);
    for (auto it = probed.constBegin(); it != probed.constEnd(); ++it)
        report.insert(it.key(), it.value());
    return report.finish(probedCode);
}

} // namespace Tributary::Cli
