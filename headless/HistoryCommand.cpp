// tributaryd history TABLE ID: who set what in one row of the main database. Every write Tributary
// makes is in the change log with its actor (source:NAME or person:NAME) and the values written,
// so with several sources the history answers "which source set this value".

#include "CliCommon.h"
#include "Commands.h"

#include "ExitCode.h"
#include "Tr.h"
#include "util/Values.h"
#include "state/ChangeLog.h"
#include "state/LinkStore.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Tributary::Cli {

int historyCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print JSON for scripts."));
    QCommandLineOption limit(QStringLiteral("limit"), Tr::tr("Only the last N changes (default 100; 0 = all)."), QStringLiteral("N"),
                             QStringLiteral("100"));
    p.addOptions({configOption(), json, limit});
    p.addPositionalArgument(QStringLiteral("TABLE"), Tr::tr("A table of the main database."));
    p.addPositionalArgument(QStringLiteral("ID"), Tr::tr("The row's key."));
    int code = ExitOk;
    QStringList positional;
    if (!parse(p, QStringLiteral("history"),
               Tr::tr("Shows every change Tributary made to one row: which source or person, when, and the values written."),
               args, &code, &positional))
        return code;
    if (positional.size() != 2) {
        err << "tributaryd history: " << Tr::tr("expected TABLE ID, e.g. '%1'").arg(QStringLiteral("tributaryd history users 42 --config FILE")) << "\n";
        return ExitUsage;
    }
    bool ok = false;
    const int max = p.value(limit).toInt(&ok);
    if (!ok || max < 0) {
        err << "tributaryd history: " << Tr::tr("--limit expects a number, got \"%1\"").arg(p.value(limit)) << "\n";
        return ExitUsage;
    }
    const QString table = positional.at(0), id = positional.at(1);
    std::unique_ptr<Context> ctx = Context::open(p.value(configOption()), err, &code);
    if (!ctx)
        return code;
    Database &db = ctx->database();
    if (!db.hasTable(table)) {
        err << "tributaryd history: " << Tr::tr("the main database has no table \"%1\"").arg(table) << "\n";
        return ExitUsage;
    }
    // Which sources hold this row, under which external ids.
    const Result<QList<LinkStore::RowLink>> links = LinkStore::linksOfRow(db, table, id);
    const Result<QList<Change>> history = links ? ChangeLog(db).forRow(table, id, max) : Result<QList<Change>>(links.error());
    if (!history) {
        err << "tributaryd history: " << history.error().toString() << "\n";
        return ExitFailed;
    }
    QJsonArray linked;
    for (const LinkStore::RowLink &l : *links)
        linked.append(QJsonObject{{QStringLiteral("source"), l.source},
                                  {QStringLiteral("entity"), l.entity},
                                  {QStringLiteral("external_id"), l.externalId},
                                  {QStringLiteral("origin"), l.origin},
                                  {QStringLiteral("gone_at_source"), !l.deletedAt.isEmpty()}});
    QJsonArray changes;
    for (const Change &c : *history)
        changes.append(c.toJson());
    if (p.isSet(json)) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("table"), table}, {QStringLiteral("id"), id}, {QStringLiteral("links"), linked},
                                         {QStringLiteral("changes"), changes}})
                   .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    out << Tr::tr("Row %1 %2").arg(table, id) << "\n";
    if (linked.isEmpty())
        out << "  " << Tr::tr("linked to no source (the main application's own row, or detached)") << "\n";
    for (const QJsonValue &v : std::as_const(linked)) {
        const QJsonObject l = v.toObject();
        const bool matched = l.value(QStringLiteral("origin")).toString() == QLatin1String("matched");
        const bool gone = l.value(QStringLiteral("gone_at_source")).toBool();
        //: A link of a row: source, entity, external id, and how the link came about.
        out << "  "
            << Tr::tr("linked to %1 %2 %3 (%4)")
                   .arg(l.value(QStringLiteral("source")).toString(), l.value(QStringLiteral("entity")).toString(),
                        l.value(QStringLiteral("external_id")).toString(),
                        matched ? (gone ? Tr::tr("adopted through a match key, gone at the source") : Tr::tr("adopted through a match key"))
                                : (gone ? Tr::tr("inserted by it, gone at the source") : Tr::tr("inserted by it")))
            << "\n";
    }
    if (changes.isEmpty()) {
        out << "  " << Tr::tr("no changes recorded") << "\n";
        return ExitOk;
    }
    out << "\n";
    for (const QJsonValue &v : std::as_const(changes)) {
        const QJsonObject c = v.toObject();
        QStringList values;
        const QJsonObject written = c.value(QStringLiteral("values")).toObject();
        for (auto it = written.constBegin(); it != written.constEnd(); ++it) {
            values.append(it.key() + QStringLiteral(" = ") + displayValue(*it, 60));
        }
        if (values.isEmpty() && !c.value(QStringLiteral("fields")).toArray().isEmpty()) {
            QStringList names;
            for (const QJsonValue &f : c.value(QStringLiteral("fields")).toArray())
                names.append(f.toString());
            values.append(QStringLiteral("(") + names.join(QStringLiteral(", ")) + QStringLiteral(")"));
        }
        // One arg() for all: an actor or a value holding "%2" must not be taken for a placeholder.
        out << QStringLiteral("  %1  %2 %3 %4\n")
                   .arg(c.value(QStringLiteral("at")).toString(), c.value(QStringLiteral("actor")).toString().leftJustified(22),
                        c.value(QStringLiteral("op")).toString().leftJustified(11), values.join(QStringLiteral(", ")));
    }
    return ExitOk;
}

} // namespace Tributary::Cli
