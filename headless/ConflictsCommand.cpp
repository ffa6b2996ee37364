// tributaryd conflicts list | show ID | resolve ...: the conflict store and resolver of core, for
// people (aligned text) and scripts (--json).

#include "Cli.h"
#include "CliCommon.h"

#include "ExitCode.h"
#include "Progress.h"
#include "engine/Conflicts.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Tributary::Cli {

namespace {

QString text(const QJsonValue &v, int width = 60)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("NULL");
    QString s = v.isString() ? QStringLiteral("\"%1\"").arg(v.toString())
                             : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    s.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return s.size() > width ? s.left(width - 3) + QStringLiteral("...") : s;
}

// Who decides: --by, else the login name; recorded in the conflict and the change log.
QString actorName(const QCommandLineParser &p, const QCommandLineOption &by)
{
    if (p.isSet(by))
        return p.value(by);
    for (const char *var : {"USER", "LOGNAME"}) {
        if (!qEnvironmentVariableIsEmpty(var))
            return qEnvironmentVariable(var);
    }
    return QStringLiteral("unknown");
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
        out << (all ? "No conflicts.\n" : "No open conflicts.\n");
        return;
    }
    for (const Conflict &c : rows) {
        // A delete concerns the whole row: name the fields that were changed on the other side.
        const QStringList fields = c.kind == QLatin1String("field") ? c.fields : changedFields(c);
        out << QStringLiteral("#%1  %2/%3 %4 (local id %5)  %6: %7  [%8%9]\n")
                   .arg(c.id)
                   .arg(c.source, c.entity, c.externalId, c.localId, c.kind,
                        fields.isEmpty() ? QStringLiteral("-") : fields.join(QStringLiteral(", ")), c.status,
                        c.resolution.isEmpty() ? QString() : QStringLiteral(", ") + c.resolution);
    }
    out << Progress::number(rows.size()) << (all ? " conflicts.\n" : " open conflicts. Details: tributaryd conflicts show ID\n");
}

void printShow(const Conflict &c, QTextStream &out)
{
    out << QStringLiteral("Conflict #%1: %2/%3 %4, local %5 id %6\n").arg(c.id).arg(c.source, c.entity, c.externalId, c.entity, c.localId);
    out << "  kind:    " << c.kind << " (" << Conflict::describeKind(c.kind) << ")\n"
        << "  status:  " << c.status;
    if (!c.isOpen())
        out << " (" << c.resolution << ", by " << c.resolvedBy << " at " << c.resolvedAt << ")";
    out << "\n  raised:  " << c.createdAt << ", last updated " << c.updatedAt << "\n\n";
    out << QStringLiteral("  %1 %2 %3 %4\n").arg(QStringLiteral("field"), -14).arg(QStringLiteral("base (last from source)"), -30)
               .arg(QStringLiteral("local (main database)"), -30).arg(QStringLiteral("remote (source now)"));
    const bool deletion = c.kind != QLatin1String("field");
    const QStringList changed = deletion ? changedFields(c) : c.fields;
    for (const QString &name : c.fields) {
        if (deletion && !changed.contains(name))
            continue;
        QString local = c.kind == QLatin1String("local-deleted") ? QStringLiteral("(row deleted)") : text(c.local.value(name), 28);
        if (c.localBy.contains(name))
            local += QStringLiteral(" [%1]").arg(c.localBy.value(name).toString());
        out << QStringLiteral("  %1 %2 %3 %4\n").arg(name, -14).arg(text(c.base.value(name), 28), -30).arg(local, -30)
                   .arg(c.kind == QLatin1String("remote-deleted") ? QStringLiteral("(record deleted)") : text(c.remote.value(name)));
    }
    if (deletion)
        out << "\n  " << (c.fields.size() - changed.size()) << " other fields are as the source last sent them.\n";
    if (!c.localBy.isEmpty())
        out << "\n  [source]: that source set the local value, not the main application.\n";
    if (!c.isOpen())
        return;
    out << "\n  Resolve with one of:\n";
    const QString cmd = QStringLiteral("    tributaryd conflicts resolve %1 --config FILE ").arg(c.id);
    if (c.kind == QLatin1String("field")) {
        out << cmd << "--keep local     keep the main database's values\n"
            << cmd << "--keep remote    take the source's values\n"
            << cmd << "--field " << c.fields.first() << "=local|remote|value:TEXT ...   choose each field\n";
    } else if (c.kind == QLatin1String("local-deleted")) {
        out << cmd << "--delete     leave the row deleted (= --keep local)\n"
            << cmd << "--restore    bring the row back with the source's values (= --keep remote)\n";
    } else {
        out << cmd << "--keep       keep the row as the main application has it (= --keep local)\n"
            << cmd << "--delete     delete the row as the source did (= --keep remote)\n";
    }
}

int listOrShow(const QString &sub, const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    QCommandLineOption entity(QStringLiteral("entity"), QStringLiteral("Only this entity."), QStringLiteral("NAME"));
    QCommandLineOption field(QStringLiteral("field"), QStringLiteral("Only conflicts about this field."), QStringLiteral("NAME"));
    QCommandLineOption olderThan(QStringLiteral("older-than"), QStringLiteral("Only conflicts raised more than this many hours ago."),
                                 QStringLiteral("HOURS"));
    QCommandLineOption all(QStringLiteral("all"), QStringLiteral("Resolved ones too (by a rule or a person)."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON for scripts."));
    p.addOptions({configOption(), sourceOption(), json});
    if (sub == QLatin1String("list"))
        p.addOptions({entity, field, olderThan, all});
    p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("show: the conflict's id, as 'conflicts list' prints it."));
    int code = ExitOk;
    QStringList positional;
    if (!parse(p, QStringLiteral("conflicts ") + sub,
               sub == QLatin1String("list") ? QStringLiteral("Lists the conflicts that wait for a person (--all: every one recorded).")
                                            : QStringLiteral("Shows one conflict: base, local and remote per field."),
               args, &code, &positional))
        return code;
    bool numeric = false;
    const qint64 id = positional.value(0).toLongLong(&numeric);
    if (sub == QLatin1String("show") && (positional.size() != 1 || !numeric)) {
        err << "tributaryd conflicts show: expected the conflict's id, as 'conflicts list' prints it\n";
        return ExitUsage;
    }
    if (sub == QLatin1String("list") && !positional.isEmpty()) {
        err << "tributaryd conflicts list: unexpected argument " << positional.first() << "\n";
        return ExitUsage;
    }
    ConflictFilter filter;
    if (sub == QLatin1String("list") && p.isSet(olderThan)) {
        bool ok = false;
        const double hours = p.value(olderThan).toDouble(&ok);
        if (!ok || hours < 0) {
            err << "tributaryd conflicts list: --older-than expects a number of hours, got \"" << p.value(olderThan) << "\"\n";
            return ExitUsage;
        }
        filter.raisedBefore = QDateTime::currentDateTimeUtc().addMSecs(-qint64(hours * 3600 * 1000));
    }
    const Opened opened = openSources(p.value(configOption()), p.value(sourceOption()), err, &code);
    if (!opened.context)
        return code;
    ConflictStore store(opened.context->database(), opened.context->config());
    Error error;
    if (sub == QLatin1String("show")) {
        Conflict c;
        if (!store.get(id, &c, &error)) {
            err << "tributaryd conflicts show: " << error.toString() << "\n";
            return error.code == Error::Code::NotFound ? ExitUsage : ExitFailed;
        }
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
    const QList<Conflict> rows = store.list(filter, &error);
    if (error) {
        err << "tributaryd conflicts list: " << error.toString() << "\n";
        return ExitFailed;
    }
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
                            QStringLiteral("local: keep the main database's side; remote: take the source's side.\n"
                                           "For deletes, local keeps the row (or leaves it deleted) and remote\n"
                                           "follows the source (deletes the row, or restores it). Bare --keep\n"
                                           "keeps a row the source deleted."),
                            QStringLiteral("local|remote"));
    QCommandLineOption field(QStringLiteral("field"),
                             QStringLiteral("Choose one field (repeat for each field of the conflict):\n"
                                            "NAME=local, NAME=remote, or NAME=value:TEXT for a merged value\n"
                                            "(value:null for NULL)."),
                             QStringLiteral("NAME=CHOICE"));
    QCommandLineOption restore(QStringLiteral("restore"), QStringLiteral("A row the main application deleted: bring it back with the source's values."));
    QCommandLineOption del(QStringLiteral("delete"), QStringLiteral("Leave a row the main application deleted deleted, or delete a row\n"
                                                                    "the source deleted (per the entity's delete_mode)."));
    QCommandLineOption all(QStringLiteral("all"), QStringLiteral("Every open conflict the filters select, with --keep local|remote."));
    QCommandLineOption entity(QStringLiteral("entity"), QStringLiteral("With --all: only this entity."), QStringLiteral("NAME"));
    QCommandLineOption onlyField(QStringLiteral("only-field"), QStringLiteral("With --all: only conflicts about this field."), QStringLiteral("NAME"));
    QCommandLineOption by(QStringLiteral("by"), QStringLiteral("Who decides (default: the login name); kept in the history."), QStringLiteral("NAME"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the outcome as JSON for scripts."));
    p.addOptions({configOption(), sourceOption(), keep, field, restore, del, all, entity, onlyField, by, json});
    p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The conflict's id (or --all)."));
    // "--keep" alone is a choice too: QCommandLineParser wants a value, so give it one.
    QStringList argv = args;
    for (qsizetype i = 0; i < argv.size(); ++i) {
        if (argv.at(i) == QLatin1String("--keep") && (i + 1 == argv.size() || argv.at(i + 1).startsWith(QLatin1Char('-'))))
            argv[i] = QStringLiteral("--keep=keep");
    }
    int code = ExitOk;
    QStringList positional;
    if (!parse(p, QStringLiteral("conflicts resolve"),
               QStringLiteral("Resolves one conflict (or --all selected by filters) in one transaction: the row, the\n"
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
            return usage(QStringLiteral("--keep expects local or remote, got \"%1\"").arg(k));
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
                return usage(QStringLiteral("--field %1: expected NAME=local, NAME=remote or NAME=value:TEXT").arg(f));
            if (name.isEmpty() || resolution.fields.contains(name))
                return usage(QStringLiteral("--field %1: %2").arg(f, name.isEmpty() ? QStringLiteral("no field name") : QStringLiteral("chosen twice")));
            resolution.fields.insert(name, c);
        }
    }
    if (choices != 1)
        return usage(choices ? QStringLiteral("choose one of --keep, --field, --restore, --delete")
                             : QStringLiteral("say how: --keep local|remote, --field NAME=local|remote|value:TEXT, --restore or --delete"));
    bool numeric = false;
    const qint64 id = positional.value(0).toLongLong(&numeric);
    if (p.isSet(all) ? !positional.isEmpty() : (positional.size() != 1 || !numeric))
        return usage(QStringLiteral("give one conflict id, as 'conflicts list' prints it, or --all"));
    if (p.isSet(all) && resolution.action != Resolution::Action::KeepLocal && resolution.action != Resolution::Action::TakeRemote)
        return usage(QStringLiteral("--all resolves with --keep local or --keep remote only"));
    if (!p.isSet(all) && (p.isSet(entity) || p.isSet(onlyField)))
        return usage(QStringLiteral("--entity and --only-field select conflicts for --all"));

    const Opened opened = openSources(p.value(configOption()), p.value(sourceOption()), err, &code);
    if (!opened.context)
        return code;
    ConflictStore store(opened.context->database(), opened.context->config());
    const QString actor = actorName(p, by);
    Error error;
    if (!p.isSet(all)) {
        Conflict c;
        if (!store.get(id, &c, &error)) {
            err << "tributaryd conflicts resolve: " << error.toString() << "\n";
            return error.code == Error::Code::NotFound ? ExitUsage : ExitFailed;
        }
        if (p.isSet(sourceOption()) && c.source != p.value(sourceOption()))
            return usage(QStringLiteral("conflict #%1 belongs to source %2, not %3").arg(id).arg(c.source, p.value(sourceOption())));
        if (!store.resolve(c, resolution, actor, &error)) {
            err << "tributaryd conflicts resolve: refused: " << error.toString() << "\n";
            return error.code == Error::Code::Config ? ExitUsage : ExitFailed;
        }
        Conflict done;
        store.get(id, &done, &error);
        if (p.isSet(json))
            out << QJsonDocument(done.toJson()).toJson(QJsonDocument::Indented);
        else
            out << QStringLiteral("Resolved conflict #%1 (%2/%3 %4, local id %5): %6, by %7.\n")
                       .arg(id).arg(c.source, c.entity, c.externalId, c.localId, done.resolution, actor);
        return ExitOk;
    }
    ConflictFilter filter;
    if (p.isSet(sourceOption()))
        filter.sources = {p.value(sourceOption())};
    filter.entity = p.value(entity);
    filter.field = p.value(onlyField);
    const ConflictStore::BulkResult r = store.resolveAll(filter, resolution.action, actor, &error);
    if (p.isSet(json)) {
        QJsonArray refused;
        for (const auto &[cid, why] : r.refused)
            refused.append(QJsonObject{{QStringLiteral("id"), cid}, {QStringLiteral("reason"), why}});
        out << QJsonDocument(QJsonObject{{QStringLiteral("resolved"), r.resolved}, {QStringLiteral("refused"), refused}})
                   .toJson(QJsonDocument::Indented);
    } else {
        out << "Resolved " << Progress::number(r.resolved) << " conflicts (" << resolution.describe() << ", by " << actor << ").\n";
        for (const auto &[cid, why] : r.refused)
            out << "  refused: " << why << "\n";
        if (!r.refused.isEmpty())
            out << Progress::number(r.refused.size()) << " refused; they stay open.\n";
    }
    if (error) {
        err << "tributaryd conflicts resolve: " << error.toString() << "\n";
        return ExitFailed;
    }
    return r.refused.isEmpty() ? ExitOk : ExitPartial;
}

} // namespace

int conflicts(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString sub = args.value(2);
    if (sub == QLatin1String("list") || sub == QLatin1String("show"))
        return listOrShow(sub, args, out, err);
    if (sub == QLatin1String("resolve"))
        return resolve(args, out, err);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        out << "Usage: tributaryd conflicts list|show ID|resolve ... [options]\n"
               "  list      the conflicts that wait for a person (--all: every one recorded)\n"
               "  show ID   base, local and remote per field, and how to resolve it\n"
               "  resolve   decide one conflict, or --all selected by filters\n"
               "Run 'tributaryd conflicts <subcommand> --help' for the options.\n";
        return ExitOk;
    }
    err << "tributaryd conflicts: expected 'list', 'show ID' or 'resolve'"
        << (sub.isEmpty() ? QString() : QStringLiteral(", got \"%1\"").arg(sub)) << "\n";
    return ExitUsage;
}

} // namespace Tributary::Cli
