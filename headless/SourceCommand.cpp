// tributaryd source list|detach|purge: what the main database still holds for each source, and
// letting go of a source removed from the configuration. The work is SourceAdmin's (the console
// calls the same functions); this file only parses, asks for --yes and prints.

#include "Cli.h"
#include "CliCommon.h"

#include "ExitCode.h"
#include "Progress.h"
#include "engine/SourceAdmin.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <pwd.h>
#include <unistd.h>

namespace Tributary::Cli {

namespace {

QString n(qint64 v) { return Progress::number(v); }

QString plural(qint64 v, const QString &one, const QString &many) { return n(v) + QLatin1Char(' ') + (v == 1 ? one : many); }

// "admin:alice": who did it, for the change log and the conflicts a detach resolves.
QString actor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    if (user.isEmpty()) {
        if (const passwd *pw = ::getpwuid(::getuid()))
            user = QString::fromLocal8Bit(pw->pw_name);
    }
    return QStringLiteral("admin:") + (user.isEmpty() ? QStringLiteral("unknown") : user);
}

QString forgets(const SourceAdmin::Result &r)
{
    return QStringLiteral("%1, %2, %3 and %4")
        .arg(plural(r.links, QStringLiteral("link"), QStringLiteral("links")), plural(r.cursors, QStringLiteral("cursor"), QStringLiteral("cursors")),
             plural(r.pending, QStringLiteral("pending record"), QStringLiteral("pending records")),
             plural(r.quarantined, QStringLiteral("quarantined record"), QStringLiteral("quarantined records")));
}

QString resolves(const SourceAdmin::Result &r)
{
    return QStringLiteral("%1 resolved as 'detached'").arg(plural(r.conflictsResolved, QStringLiteral("open conflict"), QStringLiteral("open conflicts")));
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
    out << "Main database: " << ctx.database().db().databaseName() << "\n";
    if (sources.isEmpty()) {
        out << "No sources: the configuration names none and the main database holds no rows of any.\n";
        return ExitOk;
    }
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9  %10\n")
               .arg(QStringLiteral("source"), -12).arg(QStringLiteral("state"), -9).arg(QStringLiteral("linked"), 9)
               .arg(QStringLiteral("inserted"), 9).arg(QStringLiteral("matched"), 8).arg(QStringLiteral("gone"), 6)
               .arg(QStringLiteral("pending"), 8).arg(QStringLiteral("quarantined"), 12).arg(QStringLiteral("conflicts"), 10)
               .arg(QStringLiteral("last run"));
    for (const SourceAdmin::SourceState &s : sources) {
        const QString state = s.configured ? (s.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled")) : QStringLiteral("removed");
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9  %10\n")
                   .arg(s.name, -12).arg(state, -9).arg(n(s.links), 9).arg(n(s.inserted), 9).arg(n(s.matched), 8).arg(n(s.gone), 6)
                   .arg(n(s.pending), 8).arg(n(s.quarantined), 12).arg(n(s.openConflicts), 10)
                   .arg(s.lastRunAt.isEmpty() ? QStringLiteral("never") : s.lastRunAt);
    }
    out << "linked: rows linked to the source (inserted by it, or matched: adopted rows that were already there);\n"
           "gone: records the source no longer has (their rows are soft-deleted or kept).\n";
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
    out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n")
               .arg(QStringLiteral("entity"), -12).arg(QStringLiteral("table"), -12).arg(QStringLiteral("linked"), 9)
               .arg(QStringLiteral("delete"), 9).arg(QStringLiteral("shared"), 8).arg(QStringLiteral("adopted"), 8)
               .arg(QStringLiteral("already gone"), 13);
    for (const SourceAdmin::EntityPurge &e : r.entities) {
        out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n")
                   .arg(e.entity, -12).arg(e.table, -12).arg(n(e.links), 9).arg(n(e.deleted), 9).arg(n(e.shared), 8)
                   .arg(n(e.adopted), 8).arg(n(e.alreadyGone), 13);
    }
}

int detachOrPurge(Context &ctx, const QString &verb, const QString &name, bool yes, bool force, QTextStream &out, QTextStream &err)
{
    const bool purge = verb == QLatin1String("purge");
    SourceAdmin::Options options;
    options.force = force;
    options.actor = actor();
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
            out << "Purging source \"" << name << "\" would, in one transaction:\n";
            printPurgeTable(r, out);
            out << "  delete " << plural(r.rowsDeleted, QStringLiteral("row"), QStringLiteral("rows"))
                << " only this source brought (children first), each written to the change log with its values;\n"
                << "  keep " << plural(r.rowsShared, QStringLiteral("row"), QStringLiteral("rows")) << " another source links too and "
                << plural(r.rowsAdopted, QStringLiteral("adopted row"), QStringLiteral("adopted rows"))
                << " (the main application's own, or another source's);\n"
                << "  then detach it: forget " << forgets(r) << "; " << resolves(r) << ".\n";
        } else {
            out << "Detaching source \"" << name << "\" would, in one transaction:\n"
                << "  forget " << forgets(r) << ";\n"
                << "  " << resolves(r) << ".\n"
                << "Every row stays in the main database as the main application's own; runs and the change log stay.\n";
        }
        out << "Nothing was changed: run again with --yes to " << verb << ".\n";
        return ExitUsage;
    }
    if (purge) {
        QStringList deleted;
        for (const SourceAdmin::EntityPurge &e : std::as_const(r.entities)) {
            if (e.deleted > 0)
                deleted.append(QStringLiteral("%1 %2").arg(e.table, n(e.deleted)));
        }
        out << "Purged source \"" << name << "\": deleted " << plural(r.rowsDeleted, QStringLiteral("row"), QStringLiteral("rows"))
            << (deleted.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(deleted.join(QStringLiteral(", ")))) << "; kept "
            << n(r.rowsShared) << " shared and " << n(r.rowsAdopted) << " adopted.\n";
    }
    out << (purge ? "Detached it" : QStringLiteral("Detached source \"%1\"").arg(name)) << ": forgot " << forgets(r) << "; " << resolves(r)
        << ".\n";
    if (!purge)
        out << "Every row stays in the main database.\n";
    return ExitOk;
}

} // namespace

int source(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString sub = args.value(2);
    const char *usage =
        "Usage: tributaryd source list [--json] --config FILE\n"
        "       tributaryd source detach NAME [--yes] [--force] --config FILE\n"
        "       tributaryd source purge NAME [--yes] [--force] --config FILE\n"
        "\n"
        "Removing a source from the configuration leaves its rows in place. 'detach' forgets what Tributary keeps\n"
        "for it (links, cursors, pending, quarantine; open conflicts resolved as 'detached'): its rows become the\n"
        "main application's own. 'purge' deletes the rows only that source inserted (rows it adopted, and rows\n"
        "another source links too, stay), then detaches it. Without --yes both print what they would do and exit 2.\n";
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        out << usage;
        return ExitOk;
    }
    if (sub != QLatin1String("list") && sub != QLatin1String("detach") && sub != QLatin1String("purge")) {
        err << "tributaryd source: expected 'list', 'detach NAME' or 'purge NAME'"
            << (sub.isEmpty() ? QString() : QStringLiteral(", got \"%1\"").arg(sub)) << "\n\n"
            << usage;
        return ExitUsage;
    }
    QCommandLineParser p;
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON for scripts."));
    QCommandLineOption yes(QStringLiteral("yes"), QStringLiteral("Do it. Without --yes, print what would be done, with exact counts, and exit 2."));
    QCommandLineOption force(QStringLiteral("force"),
                             QStringLiteral("Also for a source that is still in the configuration and enabled (the next sync links\n"
                                            "everything again, and inserts again what a purge deleted)."));
    p.addOption(configOption());
    if (sub == QLatin1String("list"))
        p.addOption(json);
    else {
        p.addOptions({yes, force});
        p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The source, as 'tributaryd source list' names it."));
    }
    const QString description = sub == QLatin1String("list")
        ? QStringLiteral("Lists every source of the configuration and every source the main database still holds rows of,\n"
                         "with its linked rows (inserted or adopted), pending, quarantined and open conflicts.")
        : sub == QLatin1String("detach")
        ? QStringLiteral("Forgets, in one transaction, everything Tributary keeps for a source: links, cursors, pending records,\n"
                         "quarantine; its open conflicts are resolved as 'detached'. Every row stays in place and becomes the\n"
                         "main application's own. Runs and the change log stay as history.")
        : QStringLiteral("Deletes, in one transaction, the rows a source inserted that no other source links (children before\n"
                         "parents; rows it adopted are never deleted), writing each to the change log with its values, then\n"
                         "detaches it. If the database refuses a delete, or a row that stays still references a deleted one,\n"
                         "nothing is deleted or detached and the row is named.");
    int code = ExitOk;
    QStringList positional;
    if (!parse(p, QStringLiteral("source ") + sub, description, args, &code, &positional))
        return code;
    if (sub == QLatin1String("list") ? !positional.isEmpty() : positional.size() != 1) {
        err << "tributaryd source " << sub << ": "
            << (sub == QLatin1String("list") ? QStringLiteral("unexpected argument %1").arg(positional.value(0))
                                             : positional.isEmpty() ? QStringLiteral("expected the source's name, as 'tributaryd source list' prints it")
                                                                    : QStringLiteral("expected one source name, got %1").arg(positional.join(QLatin1Char(' '))))
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
