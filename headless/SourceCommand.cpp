// tributaryd source list|detach|purge: what the main database still holds for each source, and
// letting go of a source removed from the configuration. The work is SourceAdmin's (the console
// calls the same functions); this file only parses, asks for --yes and prints.

#include "CliCommon.h"
#include "Commands.h"

#include "ExitCode.h"
#include "Progress.h"
#include "TextTable.h"
#include "Tr.h"
#include "engine/SourceAdmin.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>


namespace Tributary::Cli {

namespace {

QString n(qint64 v) { return Progress::number(v); }

// "1 row", "6,000 rows": a numerus message whose plural form the catalogue picks for v.
QString counted(const char *text, qint64 v) { return Tr::tr(text, nullptr, Progress::count(v)).arg(n(v)); }

QString forgets(const SourceAdmin::Result &r)
{
    //: What detaching forgets: links, cursors, pending records and quarantined records, counted.
    return Tr::tr("%1, %2, %3 and %4")
        .arg(counted(QT_TRANSLATE_N_NOOP("tributaryd", "%1 link(s)"), r.links), counted(QT_TRANSLATE_N_NOOP("tributaryd", "%1 cursor(s)"), r.cursors),
             counted(QT_TRANSLATE_N_NOOP("tributaryd", "%1 pending record(s)"), r.pending),
             counted(QT_TRANSLATE_N_NOOP("tributaryd", "%1 quarantined record(s)"), r.quarantined));
}

QString resolves(const SourceAdmin::Result &r)
{
    return Tr::tr("%1 open conflict(s) resolved as 'detached'", nullptr, Progress::count(r.conflictsResolved)).arg(n(r.conflictsResolved));
}

int listCommand(Context &ctx, bool json, QTextStream &out, QTextStream &err)
{
    Error error;
    const QList<SourceAdmin::SourceState> sources = SourceAdmin::knownSources(ctx.database(), ctx.config(), &error);
    if (error) {
        err << "tributaryd source list: " << error.toString() << "\n";
        return ExitFailed;
    }
    if (json) {
        QJsonArray all;
        for (const SourceAdmin::SourceState &s : sources)
            all.append(s.toJson());
        out << QJsonDocument(QJsonObject{{QStringLiteral("sources"), all}}).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    out << Tr::tr("Main database: %1").arg(ctx.database().name()) << "\n";
    if (sources.isEmpty()) {
        out << Tr::tr("No sources: the configuration names none and the main database holds no rows of any.") << "\n";
        return ExitOk;
    }
    const TextTable table({{Tr::tr("source"), -12}, {Tr::tr("state"), -9}, {Tr::tr("linked"), 9}, {Tr::tr("inserted"), 9},
                           {Tr::tr("matched"), 8}, {Tr::tr("gone"), 6}, {Tr::tr("pending"), 8}, {Tr::tr("quarantined"), 12},
                           {Tr::tr("conflicts"), 10}});
    out << table.header() << "  " << Tr::tr("last run") << "\n";
    for (const SourceAdmin::SourceState &s : sources) {
        //: The state of a source in 'source list'.
        const QString state = s.configured ? (s.enabled ? Tr::tr("enabled") : Tr::tr("disabled")) : Tr::tr("removed");
        out << table.row({s.name, state, n(s.links), n(s.inserted), n(s.matched), n(s.gone), n(s.pending), n(s.quarantined),
                          n(s.openConflicts)})
            << "  " << (s.lastRunAt.isEmpty() ? Tr::tr("never") : s.lastRunAt) << "\n";
    }
    out << Tr::tr("linked: rows linked to the source (inserted by it, or matched: adopted rows that were already there);\n"
                  "gone: records the source no longer has (their rows are soft-deleted or kept).")
        << "\n";
    bool first = true;
    for (const SourceAdmin::SourceState &s : sources) {
        if (!s.isRemoved())
            continue;
        out << (first ? "\n" : "") << Context::removedSourceNotice(s) << "\n";
        first = false;
    }
    return ExitOk;
}

void printPurgeTable(const SourceAdmin::Result &r, QTextStream &out)
{
    const TextTable table({{Tr::tr("entity"), -12}, {Tr::tr("table"), -12}, {Tr::tr("linked"), 9}, {Tr::tr("delete"), 9},
                           {Tr::tr("shared"), 8}, {Tr::tr("adopted"), 8}, {Tr::tr("already gone"), 13}});
    out << "  " << table.header() << "\n";
    for (const SourceAdmin::EntityPurge &e : r.entities)
        out << "  " << table.row({e.entity, e.table, n(e.links), n(e.deleted), n(e.shared), n(e.adopted), n(e.alreadyGone)}) << "\n";
}

int detachOrPurge(Context &ctx, const QString &verb, const QString &name, bool yes, bool force, QTextStream &out, QTextStream &err)
{
    const bool purge = verb == QLatin1String("purge");
    SourceAdmin::Options options;
    options.force = force;
    options.actor = SourceAdmin::personActor();
    Error error;
    Database &db = ctx.database();
    const Config &config = ctx.config();
    SourceAdmin::Result r;
    if (!yes)
        r = purge ? SourceAdmin::planPurge(db, config, name, options, &error) : SourceAdmin::planDetach(db, config, name, options, &error);
    else
        r = purge ? SourceAdmin::purge(db, config, name, options, &error) : SourceAdmin::detach(db, config, name, options, &error);
    if (error) {
        err << "tributaryd source " << verb << ": " << error.toString() << "\n";
        return error.code == Error::Code::Config ? ExitUsage : ExitFailed;
    }
    if (!yes) {
        if (purge) {
            out << Tr::tr("Purging source \"%1\" would, in one transaction:").arg(name) << "\n";
            printPurgeTable(r, out);
            out << "  "
                << Tr::tr("delete %1 row(s) only this source brought (children first), each written to the change log with its values;",
                          nullptr, Progress::count(r.rowsDeleted))
                       .arg(n(r.rowsDeleted))
                << "\n  "
                //: %1: "N row(s)", %2: "N adopted row(s)".
                << Tr::tr("keep %1 another source links too and %2 (the main application's own, or another source's);")
                       .arg(counted(QT_TRANSLATE_N_NOOP("tributaryd", "%1 row(s)"), r.rowsShared),
                            counted(QT_TRANSLATE_N_NOOP("tributaryd", "%1 adopted row(s)"), r.rowsAdopted))
                << "\n  " << Tr::tr("then detach it: forget %1; %2.").arg(forgets(r), resolves(r)) << "\n";
        } else {
            out << Tr::tr("Detaching source \"%1\" would, in one transaction:").arg(name) << "\n"
                << "  " << Tr::tr("forget %1;").arg(forgets(r)) << "\n"
                << "  " << resolves(r) << ".\n"
                << Tr::tr("Every row stays in the main database as the main application's own; runs and the change log stay.") << "\n";
        }
        out << (purge ? Tr::tr("Nothing was changed: run again with --yes to purge.") : Tr::tr("Nothing was changed: run again with --yes to detach."))
            << "\n";
        return ExitUsage;
    }
    if (purge) {
        QStringList deleted;
        for (const SourceAdmin::EntityPurge &e : std::as_const(r.entities)) {
            if (e.deleted > 0)
                deleted.append(QStringLiteral("%1 %2").arg(e.table, n(e.deleted)));
        }
        //: %2: "N row(s)", %3: the rows deleted per table, or nothing.
        out << Tr::tr("Purged source \"%1\": deleted %2%3; kept %4 shared and %5 adopted.")
                   .arg(name, counted(QT_TRANSLATE_N_NOOP("tributaryd", "%1 row(s)"), r.rowsDeleted),
                        deleted.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(deleted.join(QStringLiteral(", "))), n(r.rowsShared),
                        n(r.rowsAdopted))
            << "\n";
    }
    out << (purge ? Tr::tr("Detached it: forgot %1; %2.").arg(forgets(r), resolves(r))
                  : Tr::tr("Detached source \"%1\": forgot %2; %3.").arg(name, forgets(r), resolves(r)))
        << "\n";
    if (!purge)
        out << Tr::tr("Every row stays in the main database.") << "\n";
    return ExitOk;
}

} // namespace

int sourceCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString sub = args.value(2);
    const QString usage = Tr::tr(
        "Usage: tributaryd source list [--json] --config FILE\n"
        "       tributaryd source detach NAME [--yes] [--force] --config FILE\n"
        "       tributaryd source purge NAME [--yes] [--force] --config FILE\n"
        "\n"
        "Removing a source from the configuration leaves its rows in place. 'detach' forgets what Tributary keeps\n"
        "for it (links, cursors, pending, quarantine; open conflicts resolved as 'detached'): its rows become the\n"
        "main application's own. 'purge' deletes the rows only that source inserted (rows it adopted, and rows\n"
        "another source links too, stay), then detaches it. Without --yes both print what they would do and exit 2.\n");
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        out << usage;
        return ExitOk;
    }
    if (sub != QLatin1String("list") && sub != QLatin1String("detach") && sub != QLatin1String("purge")) {
        err << "tributaryd source: "
            << (sub.isEmpty() ? Tr::tr("expected 'list', 'detach NAME' or 'purge NAME'")
                              : Tr::tr("expected 'list', 'detach NAME' or 'purge NAME', got \"%1\"").arg(sub))
            << "\n\n"
            << usage;
        return ExitUsage;
    }
    QCommandLineParser p;
    QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print JSON for scripts."));
    QCommandLineOption yes(QStringLiteral("yes"), Tr::tr("Do it. Without --yes, print what would be done, with exact counts, and exit 2."));
    QCommandLineOption force(QStringLiteral("force"),
                             Tr::tr("Also for a source that is still in the configuration and enabled (the next sync links "
                                    "everything again, and inserts again what a purge deleted)."));
    p.addOption(configOption());
    if (sub == QLatin1String("list"))
        p.addOption(json);
    else {
        p.addOptions({yes, force});
        p.addPositionalArgument(QStringLiteral("NAME"), Tr::tr("The source, as 'tributaryd source list' names it."));
    }
    const QString description = sub == QLatin1String("list")
        ? Tr::tr("Lists every source of the configuration and every source the main database still holds rows of,\n"
                 "with its linked rows (inserted or adopted), pending, quarantined and open conflicts.")
        : sub == QLatin1String("detach")
        ? Tr::tr("Forgets, in one transaction, everything Tributary keeps for a source: links, cursors, pending records,\n"
                 "quarantine; its open conflicts are resolved as 'detached'. Every row stays in place and becomes the\n"
                 "main application's own. Runs and the change log stay as history.")
        : Tr::tr("Deletes, in one transaction, the rows a source inserted that no other source links (children before\n"
                 "parents; rows it adopted are never deleted), writing each to the change log with its values, then\n"
                 "detaches it. If the database refuses a delete, or a row that stays still references a deleted one,\n"
                 "nothing is deleted or detached and the row is named.");
    int code = ExitOk;
    QStringList positional;
    if (!parse(p, QStringLiteral("source ") + sub, description, args, &code, &positional))
        return code;
    if (sub == QLatin1String("list") ? !positional.isEmpty() : positional.size() != 1) {
        err << "tributaryd source " << sub << ": "
            << (sub == QLatin1String("list") ? Tr::tr("unexpected argument %1").arg(positional.value(0))
                                             : positional.isEmpty() ? Tr::tr("expected the source's name, as 'tributaryd source list' prints it")
                                                                    : Tr::tr("expected one source name, got %1").arg(positional.join(QLatin1Char(' '))))
            << "\n";
        return ExitUsage;
    }
    std::unique_ptr<Context> ctx = Context::open(p.value(configOption()), err, &code);
    if (!ctx)
        return code;
    if (sub == QLatin1String("list"))
        return listCommand(*ctx, p.isSet(json), out, err);
    return detachOrPurge(*ctx, sub, positional.first(), p.isSet(yes), p.isSet(force), out, err);
}

} // namespace Tributary::Cli
