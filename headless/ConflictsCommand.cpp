// tributaryd conflicts list | show ID | resolve ...: the conflict store and resolver of core, for
// people (aligned text) and scripts (--json).

#include "CliCommon.h"
#include "Commands.h"

#include "ExitCode.h"
#include "Progress.h"
#include "TextTable.h"
#include "Tr.h"
#include "engine/ConflictResolver.h"
#include "engine/apply/RecordMapper.h"
#include "util/LoginName.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Tributary::Cli {

namespace {

QString text(const QJsonValue &v, int width = 60) { return displayValue(v, width); }

// Who decides: --by, else the login name; recorded in the conflict and the change log.
QString actorName(const QCommandLineParser &p, const QCommandLineOption &by)
{
    return p.isSet(by) ? p.value(by) : loginName();
}

// For edit-versus-delete conflicts: the fields that changed on the side that did not delete
// (remote for local-deleted, local for remote-deleted), against the base.
QStringList changedFields(const Conflict &c)
{
    const QJsonObject &other = c.kind == QLatin1String("local-deleted") ? c.remote : c.local;
    QStringList out;
    for (const QString &f : c.fields) {
        if (other.contains(f) && other.value(f) != c.base.value(f))
            out.append(f);
    }
    return out;
}

void printList(const QList<Conflict> &rows, bool all, QTextStream &out)
{
    if (rows.isEmpty()) {
        out << (all ? Tr::tr("No conflicts.") : Tr::tr("No open conflicts.")) << "\n";
        return;
    }
    for (const Conflict &c : rows) {
        // A delete concerns the whole row: name the fields that were changed on the other side.
        const QStringList fields = c.kind == QLatin1String("field") ? c.fields : changedFields(c);
        //: One conflict in the list: id, source/entity external id, local id, kind, fields, [status, resolution].
        //: Kind, status and resolution are identifiers (field, local-deleted, open, keep-local...).
        out << Tr::tr("#%1  %2/%3 %4 (local id %5)  %6: %7  [%8%9]")
                   .arg(QString::number(c.id), c.source, c.entity, c.externalId, c.localId, c.kind,
                        fields.isEmpty() ? QStringLiteral("-") : fields.join(QStringLiteral(", ")), c.status,
                        c.resolution.isEmpty() ? QString() : QStringLiteral(", ") + c.resolution)
            << "\n";
    }
    const int n = Progress::count(rows.size());
    out << (all ? Tr::tr("%1 conflict(s).", nullptr, n) : Tr::tr("%1 open conflict(s). Details: tributaryd conflicts show ID", nullptr, n))
                   .arg(Progress::number(rows.size()))
        << "\n";
}

void printShow(const Conflict &c, QTextStream &out)
{
    out << Tr::tr("Conflict #%1: %2/%3 %4, local %5 id %6").arg(QString::number(c.id), c.source, c.entity, c.externalId, c.entity, c.localId)
        << "\n";
    //: Labels of a conflict's details, padded to the same width.
    out << "  " << Tr::tr("kind:    %1 (%2)").arg(c.kind, Conflict::describeKind(c.kind)) << "\n"
        << "  " << Tr::tr("status:  %1").arg(c.status);
    if (!c.isOpen())
        out << " " << Tr::tr("(%1, by %2 at %3)").arg(c.resolution, c.resolvedBy, c.resolvedAt);
    out << "\n  " << Tr::tr("raised:  %1, last updated %2").arg(c.createdAt, c.updatedAt) << "\n\n";
    const TextTable table({{Tr::tr("field"), -14}, {Tr::tr("base (last from source)"), -30}, {Tr::tr("local (main database)"), -30},
                           {Tr::tr("remote (source now)"), 0}});
    out << "  " << table.header() << "\n";
    const bool deletion = c.kind != QLatin1String("field");
    const QStringList changed = deletion ? changedFields(c) : c.fields;
    for (const QString &name : c.fields) {
        if (deletion && !changed.contains(name))
            continue;
        QString local = c.kind == QLatin1String("local-deleted") ? Tr::tr("(row deleted)") : text(c.local.value(name), 28);
        if (c.localBy.contains(name))
            local += QStringLiteral(" [%1]").arg(c.localBy.value(name).toString());
        out << "  "
            << table.row({name, text(c.base.value(name), 28), local,
                          c.kind == QLatin1String("remote-deleted") ? Tr::tr("(record deleted)") : text(c.remote.value(name))})
            << "\n";
    }
    if (deletion) {
        const qint64 others = c.fields.size() - changed.size();
        out << "\n  " << Tr::tr("%1 other field(s) are as the source last sent them.", nullptr, Progress::count(others)).arg(Progress::number(others))
            << "\n";
    }
    if (!c.localBy.isEmpty())
        out << "\n  " << Tr::tr("[source]: that source set the local value, not the main application.") << "\n";
    if (!c.isOpen())
        return;
    out << "\n  " << Tr::tr("Resolve with one of:") << "\n";
    const QString cmd = QStringLiteral("    tributaryd conflicts resolve %1 --config FILE ").arg(c.id);
    //: The choices are shown after the command line that makes them; keep the option names.
    if (c.kind == QLatin1String("field")) {
        out << cmd << "--keep local     " << Tr::tr("keep the main database's values") << "\n"
            << cmd << "--keep remote    " << Tr::tr("take the source's values") << "\n"
            << cmd << "--field " << c.fields.first() << "=local|remote|value:TEXT ...   " << Tr::tr("choose each field") << "\n";
    } else if (c.kind == QLatin1String("local-deleted")) {
        out << cmd << "--delete     " << Tr::tr("leave the row deleted (= --keep local)") << "\n"
            << cmd << "--restore    " << Tr::tr("bring the row back with the source's values (= --keep remote)") << "\n";
    } else {
        out << cmd << "--keep       " << Tr::tr("keep the row as the main application has it (= --keep local)") << "\n"
            << cmd << "--delete     " << Tr::tr("delete the row as the source did (= --keep remote)") << "\n";
    }
}

int listOrShow(const QString &sub, const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    QCommandLineOption entity(QStringLiteral("entity"), Tr::tr("Only this entity."), QStringLiteral("NAME"));
    QCommandLineOption field(QStringLiteral("field"), Tr::tr("Only conflicts about this field."), QStringLiteral("NAME"));
    QCommandLineOption olderThan(QStringLiteral("older-than"), Tr::tr("Only conflicts raised more than this many hours ago."),
                                 QStringLiteral("HOURS"));
    QCommandLineOption all(QStringLiteral("all"), Tr::tr("Resolved ones too (by a rule or a person)."));
    QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print JSON for scripts."));
    p.addOptions({configOption(), sourceOption(), json});
    if (sub == QLatin1String("list"))
        p.addOptions({entity, field, olderThan, all});
    p.addPositionalArgument(QStringLiteral("ID"), Tr::tr("show: the conflict's id, as 'conflicts list' prints it."));
    int code = ExitOk;
    QStringList positional;
    if (!parse(p, QStringLiteral("conflicts ") + sub,
               sub == QLatin1String("list") ? Tr::tr("Lists the conflicts that wait for a person (--all: every one recorded).")
                                            : Tr::tr("Shows one conflict: base, local and remote per field."),
               args, &code, &positional))
        return code;
    bool numeric = false;
    const qint64 id = positional.value(0).toLongLong(&numeric);
    if (sub == QLatin1String("show") && (positional.size() != 1 || !numeric)) {
        err << "tributaryd conflicts show: " << Tr::tr("expected the conflict's id, as 'conflicts list' prints it") << "\n";
        return ExitUsage;
    }
    if (sub == QLatin1String("list") && !positional.isEmpty()) {
        err << "tributaryd conflicts list: " << Tr::tr("unexpected argument %1").arg(positional.first()) << "\n";
        return ExitUsage;
    }
    ConflictFilter filter;
    if (sub == QLatin1String("list") && p.isSet(olderThan)) {
        bool ok = false;
        const double hours = p.value(olderThan).toDouble(&ok);
        if (!ok || hours < 0) {
            err << "tributaryd conflicts list: " << Tr::tr("--older-than expects a number of hours, got \"%1\"").arg(p.value(olderThan)) << "\n";
            return ExitUsage;
        }
        filter.raisedBefore = QDateTime::currentDateTimeUtc().addMSecs(-qint64(hours * 3600 * 1000));
    }
    const Opened opened = openSources(p.value(configOption()), p.value(sourceOption()), err, &code);
    if (!opened.context)
        return code;
    ConflictStore store(opened.context->database());
    if (sub == QLatin1String("show")) {
        const Result<Conflict> read = store.get(id);
        if (!read) {
            err << "tributaryd conflicts show: " << read.error().toString() << "\n";
            return read.error().code == Error::Code::NotFound ? ExitUsage : ExitFailed;
        }
        const Conflict &c = *read;
        if (p.isSet(json))
            out << QJsonDocument(c.toJson()).toJson(QJsonDocument::Indented);
        else
            printShow(c, out);
        return ExitOk;
    }
    if (p.isSet(sourceOption()))
        filter.sources = {p.value(sourceOption())};
    filter.entity = p.value(entity);
    filter.field = p.value(field);
    filter.includeResolved = p.isSet(all);
    const Result<QList<Conflict>> read = store.list(filter);
    if (!read) {
        err << "tributaryd conflicts list: " << read.error().toString() << "\n";
        return ExitFailed;
    }
    const QList<Conflict> &rows = *read;
    if (p.isSet(json)) {
        QJsonArray a;
        for (const Conflict &c : rows)
            a.append(c.toJson());
        out << QJsonDocument(QJsonObject{{QStringLiteral("conflicts"), a}}).toJson(QJsonDocument::Indented);
    } else {
        printList(rows, p.isSet(all), out);
    }
    return ExitOk;
}

int resolve(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    QCommandLineOption keep(QStringLiteral("keep"),
                            Tr::tr("local: keep the main database's side; remote: take the source's side. "
                                   "For deletes, local keeps the row (or leaves it deleted) and remote "
                                   "follows the source (deletes the row, or restores it). Bare --keep "
                                   "keeps a row the source deleted."),
                            QStringLiteral("local|remote"));
    QCommandLineOption field(QStringLiteral("field"),
                             Tr::tr("Choose one field (repeat for each field of the conflict): "
                                    "NAME=local, NAME=remote, or NAME=value:TEXT for a merged value "
                                    "(value:null for NULL)."),
                             QStringLiteral("NAME=CHOICE"));
    QCommandLineOption restore(QStringLiteral("restore"), Tr::tr("A row the main application deleted: bring it back with the source's values."));
    QCommandLineOption del(QStringLiteral("delete"), Tr::tr("Leave a row the main application deleted deleted, or delete a row "
                                                            "the source deleted (per the entity's delete_mode)."));
    QCommandLineOption all(QStringLiteral("all"), Tr::tr("Every open conflict the filters select, with --keep local|remote."));
    QCommandLineOption entity(QStringLiteral("entity"), Tr::tr("With --all: only this entity."), QStringLiteral("NAME"));
    QCommandLineOption onlyField(QStringLiteral("only-field"), Tr::tr("With --all: only conflicts about this field."), QStringLiteral("NAME"));
    QCommandLineOption by(QStringLiteral("by"), Tr::tr("Who decides (default: the login name); kept in the history."), QStringLiteral("NAME"));
    QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print the outcome as JSON for scripts."));
    p.addOptions({configOption(), sourceOption(), keep, field, restore, del, all, entity, onlyField, by, json});
    p.addPositionalArgument(QStringLiteral("ID"), Tr::tr("The conflict's id (or --all)."));
    // "--keep" alone is a choice too: QCommandLineParser wants a value, so give it one.
    QStringList argv = args;
    for (qsizetype i = 0; i < argv.size(); ++i) {
        if (argv.at(i) == QLatin1String("--keep") && (i + 1 == argv.size() || argv.at(i + 1).startsWith(QLatin1Char('-'))))
            argv[i] = QStringLiteral("--keep=keep");
    }
    int code = ExitOk;
    QStringList positional;
    if (!parse(p, QStringLiteral("conflicts resolve"),
               Tr::tr("Resolves one conflict (or --all selected by filters) in one transaction: the row, the\n"
                      "conflict and the change log naming who decided. Refused when the row or the\n"
                      "conflict changed since it was shown."),
               argv, &code, &positional))
        return code;
    auto usage = [&](const QString &why) {
        err << "tributaryd conflicts resolve: " << why << "\n";
        return ExitUsage;
    };
    Resolution resolution;
    int choices = 0;
    if (p.isSet(keep)) {
        ++choices;
        const QString k = p.value(keep);
        if (k == QLatin1String("local"))
            resolution.action = Resolution::Action::KeepLocal;
        else if (k == QLatin1String("remote"))
            resolution.action = Resolution::Action::TakeRemote;
        else if (k == QLatin1String("keep"))
            resolution.action = Resolution::Action::Keep;
        else
            return usage(Tr::tr("--keep expects local or remote, got \"%1\"").arg(k));
    }
    if (p.isSet(restore)) {
        ++choices;
        resolution.action = Resolution::Action::Restore;
    }
    if (p.isSet(del)) {
        ++choices;
        resolution.action = Resolution::Action::Delete;
    }
    if (p.isSet(field)) {
        ++choices;
        resolution.action = Resolution::Action::PerField;
        for (const QString &f : p.values(field)) {
            const qsizetype eq = f.indexOf(QLatin1Char('='));
            const QString name = f.left(eq), choice = eq < 0 ? QString() : f.mid(eq + 1);
            FieldChoice c;
            if (choice == QLatin1String("local"))
                c.kind = FieldChoice::Kind::Local;
            else if (choice == QLatin1String("remote"))
                c.kind = FieldChoice::Kind::Remote;
            else if (choice.startsWith(QLatin1String("value:"))) {
                c.kind = FieldChoice::Kind::Value;
                c.value = choice.mid(6);
            } else
                return usage(QStringLiteral("--field %1: ").arg(f) + Tr::tr("expected NAME=local, NAME=remote or NAME=value:TEXT"));
            if (name.isEmpty() || resolution.fields.contains(name))
                return usage(QStringLiteral("--field %1: ").arg(f) + (name.isEmpty() ? Tr::tr("no field name") : Tr::tr("chosen twice")));
            resolution.fields.insert(name, c);
        }
    }
    if (choices != 1)
        return usage(choices ? Tr::tr("choose one of --keep, --field, --restore, --delete")
                             : Tr::tr("say how: --keep local|remote, --field NAME=local|remote|value:TEXT, --restore or --delete"));
    bool numeric = false;
    const qint64 id = positional.value(0).toLongLong(&numeric);
    if (p.isSet(all) ? !positional.isEmpty() : (positional.size() != 1 || !numeric))
        return usage(Tr::tr("give one conflict id, as 'conflicts list' prints it, or --all"));
    if (p.isSet(all) && resolution.action != Resolution::Action::KeepLocal && resolution.action != Resolution::Action::TakeRemote)
        return usage(Tr::tr("--all resolves with --keep local or --keep remote only"));
    if (!p.isSet(all) && (p.isSet(entity) || p.isSet(onlyField)))
        return usage(Tr::tr("--entity and --only-field select conflicts for --all"));

    const Opened opened = openSources(p.value(configOption()), p.value(sourceOption()), err, &code);
    if (!opened.context)
        return code;
    ConflictStore store(opened.context->database());
    ConflictResolver resolver(opened.context->database(), opened.context->config());
    const QString actor = actorName(p, by);
    Error error;
    if (!p.isSet(all)) {
        const Result<Conflict> read = store.get(id);
        if (!read) {
            err << "tributaryd conflicts resolve: " << read.error().toString() << "\n";
            return read.error().code == Error::Code::NotFound ? ExitUsage : ExitFailed;
        }
        const Conflict &c = *read;
        if (p.isSet(sourceOption()) && c.source != p.value(sourceOption()))
            return usage(Tr::tr("conflict #%1 belongs to source %2, not %3").arg(QString::number(id), c.source, p.value(sourceOption())));
        if (!resolver.resolve(c, resolution, actor, &error)) {
            err << "tributaryd conflicts resolve: " << Tr::tr("refused: %1").arg(error.toString()) << "\n";
            return error.code == Error::Code::Config ? ExitUsage : ExitFailed;
        }
        const Result<Conflict> after = store.get(id);
        if (!after) {
            err << "tributaryd conflicts resolve: " << after.error().toString() << "\n";
            return ExitFailed;
        }
        const Conflict &done = *after;
        if (p.isSet(json))
            out << QJsonDocument(done.toJson()).toJson(QJsonDocument::Indented);
        else
            out << Tr::tr("Resolved conflict #%1 (%2/%3 %4, local id %5): %6, by %7.")
                       .arg(QString::number(id), c.source, c.entity, c.externalId, c.localId, done.resolution, actor)
                << "\n";
        return ExitOk;
    }
    ConflictFilter filter;
    if (p.isSet(sourceOption()))
        filter.sources = {p.value(sourceOption())};
    filter.entity = p.value(entity);
    filter.field = p.value(onlyField);
    const ConflictResolver::BulkResult r = resolver.resolveAll(filter, resolution.action, actor, &error);
    if (p.isSet(json)) {
        QJsonArray refused;
        for (const auto &[cid, why] : r.refused)
            refused.append(QJsonObject{{QStringLiteral("id"), cid}, {QStringLiteral("reason"), why}});
        out << QJsonDocument(QJsonObject{{QStringLiteral("resolved"), r.resolved}, {QStringLiteral("refused"), refused}})
                   .toJson(QJsonDocument::Indented);
    } else {
        out << Tr::tr("Resolved %1 conflict(s) (%2, by %3).", nullptr, Progress::count(r.resolved))
                   .arg(Progress::number(r.resolved), resolution.describe(), actor)
            << "\n";
        for (const auto &[cid, why] : r.refused)
            out << "  " << Tr::tr("refused: %1").arg(why) << "\n";
        if (!r.refused.isEmpty())
            out << Tr::tr("%1 refused; they stay open.", nullptr, Progress::count(r.refused.size())).arg(Progress::number(r.refused.size())) << "\n";
    }
    if (error) {
        err << "tributaryd conflicts resolve: " << error.toString() << "\n";
        return ExitFailed;
    }
    return r.refused.isEmpty() ? ExitOk : ExitPartial;
}

} // namespace

int conflictsCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString sub = args.value(2);
    if (sub == QLatin1String("list") || sub == QLatin1String("show"))
        return listOrShow(sub, args, out, err);
    if (sub == QLatin1String("resolve"))
        return resolve(args, out, err);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        out << Tr::tr("Usage: tributaryd conflicts list|show ID|resolve ... [options]\n"
                      "  list      the conflicts that wait for a person (--all: every one recorded)\n"
                      "  show ID   base, local and remote per field, and how to resolve it\n"
                      "  resolve   decide one conflict, or --all selected by filters\n"
                      "Run 'tributaryd conflicts <subcommand> --help' for the options.\n");
        return ExitOk;
    }
    err << "tributaryd conflicts: "
        << (sub.isEmpty() ? Tr::tr("expected 'list', 'show ID' or 'resolve'") : Tr::tr("expected 'list', 'show ID' or 'resolve', got \"%1\"").arg(sub))
        << "\n";
    return ExitUsage;
}

} // namespace Tributary::Cli
