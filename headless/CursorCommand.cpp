// tributaryd cursor show|set|reset: where each walk of each entity stands, and putting a cursor
// right by hand (one a record poisoned before cursor values were checked, or a start chosen
// again). The cursors are CursorStore's, a reset is SourceAdmin's (the console calls the same);
// the rules for a usable value are WalkGuard's, the ones the engine keeps. Changes hold the
// source's lease, so they are refused while another worker syncs the source.

#include "CliCommon.h"
#include "Commands.h"

#include "ExitCode.h"
#include "Tr.h"
#include "engine/run/RunLease.h"
#include "engine/SourceAdmin.h"
#include "engine/run/WalkGuard.h"
#include "state/CursorStore.h"
#include "util/Tr.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Tributary::Cli {

namespace {

const QString kCommand = QStringLiteral("tributaryd cursor");

// What is wrong with a stored incremental value, by the local clock (the source's is not asked).
QString problemOf(const CursorRecord &c)
{
    if (c.kind != CursorStore::kindName(CursorKind::Incremental))
        return {};
    return WalkGuard::cursorProblem(c.position.value, QDateTime());
}

// The one source a change is for: --source, or the only one configured.
const SourceConfig *oneSource(Context &ctx, const QString &name, const QString &sub, QTextStream &err, int *code)
{
    if (name.isEmpty() && ctx.config().sources.size() != 1) {
        err << kCommand << " " << sub << ": " << Tr::tr("the configuration has several sources: name one with --source") << "\n";
        *code = ExitUsage;
        return nullptr;
    }
    const QList<const SourceConfig *> sources = ctx.sources(name.isEmpty() ? ctx.config().sources.first().name : name, err, code);
    return sources.isEmpty() ? nullptr : sources.first();
}

// Changing a cursor under a running walk would be overwritten by its next page, or worse: the
// change holds the source's lease, as a run does, so no run begins meanwhile. Null (with the
// message written) when another worker holds it.
std::unique_ptr<RunLease> holdWhileChanging(Context &ctx, const QString &source, const QString &sub, QTextStream &err)
{
    auto lease = std::make_unique<RunLease>(ctx.database(), source, qint64(ctx.config().service.leaseSeconds) * 1000);
    Error error;
    std::optional<LeaseRecord> heldBy;
    if (lease->take(&error, &heldBy))
        return lease;
    // Word for word the refusal of a sync (RunLease, in core's catalogue).
    err << kCommand << " " << sub << ": " << error.toString() << "\n";
    return nullptr;
}

int show(Context &ctx, const QString &source, const QString &entity, const QString &kind, bool json, QTextStream &out, QTextStream &err)
{
    const Result<QList<CursorRecord>> all = CursorStore(ctx.database()).list(source);
    if (!all) {
        err << kCommand << " show: " << all.error().toString() << "\n";
        return ExitFailed;
    }
    QList<CursorRecord> cursors;
    for (const CursorRecord &c : *all) {
        if ((entity.isEmpty() || c.entity == entity) && (kind.isEmpty() || c.kind == kind))
            cursors.append(c);
    }
    if (json) {
        QJsonArray rows;
        for (const CursorRecord &c : std::as_const(cursors)) {
            QJsonObject o{{QStringLiteral("source"), c.source}, {QStringLiteral("entity"), c.entity}, {QStringLiteral("kind"), c.kind},
                          {QStringLiteral("position"), c.position.toJson()}, {QStringLiteral("run_id"), c.runId},
                          {QStringLiteral("updated_at"), c.updatedAt}};
            const QString problem = problemOf(c);
            o.insert(QStringLiteral("problem"), problem.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(problem));
            rows.append(o);
        }
        out << QJsonDocument(QJsonObject{{QStringLiteral("cursors"), rows}}).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (cursors.isEmpty()) {
        out << Tr::tr("No cursors: the next sync of each entity starts from the source's start.") << "\n";
        return ExitOk;
    }
    for (const CursorRecord &c : std::as_const(cursors)) {
        out << QStringLiteral("%1/%2  %3  ").arg(c.source, c.entity, c.kind) << CursorStore::describe(c.position) << "  "
            << (c.runId > 0 ? Tr::tr("(run %1, %2)").arg(c.runId).arg(c.updatedAt) : Tr::tr("(set by hand, %1)").arg(c.updatedAt)) << "\n";
        const QString problem = problemOf(c);
        if (!problem.isEmpty())
            out << "    "
                << Tr::tr("not usable: %1. Incremental syncs of %2 fail until a full sync replaces it (tributaryd sync --full "
                          "--source %3) or it is reset (tributaryd cursor reset --source %3 --entity %2 --yes).")
                       .arg(problem, c.entity, c.source)
                << "\n";
    }
    return ExitOk;
}

int set(Context &ctx, const SourceConfig &source, const QString &entity, const QString &kind, const QString &value, const QString &id,
        bool yes, QTextStream &out, QTextStream &err)
{
    if (kind != CursorStore::kindName(CursorKind::Incremental)) {
        err << kCommand << " set: "
            << Tr::tr("only incremental cursors can be set; a full or reconcile cursor can only be reset (the walk then starts over)")
            << "\n";
        return ExitUsage;
    }
    if (!source.entity(entity)) {
        err << kCommand << " set: " << Tr::tr("source %1 has no entity \"%2\"").arg(source.name, entity) << "\n";
        return ExitUsage;
    }
    const QString problem = value.isEmpty() ? Tr::tr("empty") : WalkGuard::cursorProblem(value, QDateTime());
    if (!problem.isEmpty()) {
        err << kCommand << " set: "
            << Tr::tr("--value \"%1\" is %2: a cursor value is a time, written as the source writes the change time of "
                      "its %3, no later than a day from now")
                   .arg(value, problem, entity)
            << "\n";
        return ExitUsage;
    }
    Position now;
    Error error;
    CursorStore store(ctx.database());
    if (!store.load(source.name, entity, CursorKind::Incremental, &now, &error)) {
        err << kCommand << " set: " << error.toString() << "\n";
        return ExitFailed;
    }
    const Position next(value, id);
    if (!yes) {
        out << Tr::tr("Would set the incremental cursor of %1/%2 to %3; it is now %4. The next sync asks for what changed from "
                      "then on (inclusively).")
                   .arg(source.name, entity, CursorStore::describe(next), now.isNull() ? Tr::tr("not set") : CursorStore::describe(now))
            << "\n"
            << Tr::tr("Nothing was changed: run again with --yes to set it.") << "\n";
        return ExitUsage;
    }
    const std::unique_ptr<RunLease> lease = holdWhileChanging(ctx, source.name, QStringLiteral("set"), err);
    if (!lease)
        return ExitFailed;
    if (!store.save(source.name, entity, CursorKind::Incremental, next, 0, &error)) {
        err << kCommand << " set: " << error.toString() << "\n";
        return ExitFailed;
    }
    out << Tr::tr("Set the incremental cursor of %1/%2 to %3.").arg(source.name, entity, CursorStore::describe(next)) << "\n";
    return ExitOk;
}

int reset(Context &ctx, const SourceConfig &source, const QString &entity, const QString &kind, bool yes, QTextStream &out, QTextStream &err)
{
    if (!entity.isEmpty() && !source.entity(entity)) {
        err << kCommand << " reset: " << Tr::tr("source %1 has no entity \"%2\"").arg(source.name, entity) << "\n";
        return ExitUsage;
    }
    const Result<QList<CursorRecord>> chosen = SourceAdmin::cursorsToReset(ctx.database(), source.name, entity, kind);
    if (!chosen) {
        err << kCommand << " reset: " << chosen.error().toString() << "\n";
        return ExitFailed;
    }
    if (chosen->isEmpty()) {
        out << Tr::tr("No cursor to reset.") << "\n";
        return ExitOk;
    }
    Error error;
    if (yes && !SourceAdmin::resetCursors(ctx.database(), ctx.config(), source.name, *chosen, &error)) {
        // A refusal is word for word that of a sync (RunLease, in core's catalogue).
        err << kCommand << " reset: " << error.toString() << "\n";
        return ExitFailed;
    }
    bool incremental = false;
    for (const CursorRecord &c : *chosen) {
        out << (yes ? Tr::tr("Reset %1/%2 %3, which was at %4.") : Tr::tr("Would reset %1/%2 %3, now at %4."))
                   .arg(c.source, c.entity, c.kind, CursorStore::describe(c.position))
            << "\n";
        incremental = incremental || c.kind == CursorStore::kindName(CursorKind::Incremental);
    }
    if (incremental) {
        switch (source.start.from) {
        case StartConfig::From::Beginning:
            out << Tr::tr("The next incremental sync reads from the beginning of history (start: beginning); records it already has "
                          "are found unchanged and not written.")
                << "\n";
            break;
        case StartConfig::From::Date:
            out << Tr::tr("The next incremental sync reads what changed since %1 (start: date).").arg(source.start.date.toString(Qt::ISODate))
                << "\n";
            break;
        case StartConfig::From::Now:
            out << Tr::tr("The source starts from now (start: now): the next incremental sync reads only what changes from then on. "
                          "Run tributaryd sync --full --source %1 to catch up on everything before.")
                       .arg(source.name)
                << "\n";
            break;
        }
    }
    if (!yes) {
        out << Tr::tr("Nothing was changed: run again with --yes to reset.") << "\n";
        return ExitUsage;
    }
    return ExitOk;
}

} // namespace

int cursorCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString sub = args.value(2);
    const QString usage = Tr::tr(
        "Usage: tributaryd cursor show [--source NAME] [--entity NAME] [--kind KIND] [--json] --config FILE\n"
        "       tributaryd cursor set --entity NAME --value TIME [--id ID] [--source NAME] [--yes] --config FILE\n"
        "       tributaryd cursor reset [--source NAME] [--entity NAME] [--kind KIND] [--yes] --config FILE\n"
        "\n"
        "Each entity has up to four cursors: incremental (the last applied value and id of the change filter), full and\n"
        "reconcile (where a full walk or a reconciliation scan that stopped part-way resumes), and start (for a source\n"
        "that starts \"now\": the source's time of the first run; older records are not imported). A sync never stores an\n"
        "incremental value that is not a time or that lies more than a day beyond the source's clock; one stored before\n"
        "makes incremental syncs fail until 'sync --full' replaces it or it is reset here. 'set' and 'reset' print what\n"
        "they would do and exit 2 without --yes, and refuse while another process syncs the source.\n");
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        out << usage;
        return ExitOk;
    }
    if (sub != QLatin1String("show") && sub != QLatin1String("set") && sub != QLatin1String("reset")) {
        err << kCommand << ": "
            << (sub.isEmpty() ? Tr::tr("expected 'show', 'set' or 'reset'") : Tr::tr("expected 'show', 'set' or 'reset', got \"%1\"").arg(sub))
            << "\n\n"
            << usage;
        return ExitUsage;
    }
    QCommandLineParser p;
    QCommandLineOption entity(QStringLiteral("entity"), Tr::tr("Only this entity."), QStringLiteral("NAME"));
    QCommandLineOption kind(QStringLiteral("kind"), Tr::tr("Only this kind of cursor: incremental, full, reconcile or start."), QStringLiteral("KIND"));
    QCommandLineOption value(QStringLiteral("value"), Tr::tr("set: the new value, a time as the source writes the entity's cursor field."),
                             QStringLiteral("TIME"));
    QCommandLineOption id(QStringLiteral("id"), Tr::tr("set: the external id of the last record applied at that time (optional)."),
                          QStringLiteral("ID"));
    QCommandLineOption yes(QStringLiteral("yes"), Tr::tr("Do it. Without --yes, print what would be done and exit 2."));
    QCommandLineOption json(QStringLiteral("json"), Tr::tr("show: print JSON for scripts."));
    p.addOptions({configOption(), sourceOption(), entity, kind});
    if (sub == QLatin1String("show"))
        p.addOption(json);
    if (sub == QLatin1String("set"))
        p.addOptions({value, id});
    if (sub != QLatin1String("show"))
        p.addOption(yes);
    const QString description = sub == QLatin1String("show")
        ? Tr::tr("Shows where each walk of each entity stands: the incremental cursor (the last applied value and id), a full\n"
                 "walk or reconciliation scan that stopped part-way. A value the engine cannot use is flagged.")
        : sub == QLatin1String("set")
        ? Tr::tr("Sets an entity's incremental cursor: the next sync asks for what changed from that time on. The value must be a\n"
                 "time no later than a day from now.")
        : Tr::tr("Forgets cursors (of one entity, or all of the source; of one kind, or all): an incremental sync then starts from\n"
                 "the source's start, a full walk or scan from its beginning.");
    int code = ExitOk;
    if (!parse(p, QStringLiteral("cursor ") + sub, description, args, &code))
        return code;
    const QString kindName = p.value(kind);
    if (!kindName.isEmpty() && !CursorStore::kindFromName(kindName)) {
        err << kCommand << " " << sub << ": " << Tr::tr("--kind is incremental, full, reconcile or start; got \"%1\"").arg(kindName) << "\n";
        return ExitUsage;
    }
    if (sub == QLatin1String("set") && (!p.isSet(entity) || !p.isSet(value))) {
        err << kCommand << " set: " << Tr::tr("--entity and --value are required") << "\n";
        return ExitUsage;
    }
    std::unique_ptr<Context> ctx = Context::open(p.value(configOption()), err, &code);
    if (!ctx)
        return code;
    if (sub == QLatin1String("show"))
        return show(*ctx, p.value(sourceOption()), p.value(entity), kindName, p.isSet(json), out, err);
    const SourceConfig *source = oneSource(*ctx, p.value(sourceOption()), sub, err, &code);
    if (!source)
        return code;
    if (sub == QLatin1String("set"))
        return set(*ctx, *source, p.value(entity), kindName.isEmpty() ? CursorStore::kindName(CursorKind::Incremental) : kindName,
                   p.value(value), p.value(id), p.isSet(yes), out, err);
    return reset(*ctx, *source, p.value(entity), kindName, p.isSet(yes), out, err);
}

} // namespace Tributary::Cli
