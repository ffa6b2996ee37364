// tributaryd quarantine list|retry: the records held back with their reasons, and fetching and
// applying them again.

#include "CliCommon.h"
#include "Commands.h"

#include "ExitCode.h"
#include "Progress.h"
#include "SignalWatcher.h"
#include "Tr.h"
#include "state/Outbox.h"
#include "state/ParkingLot.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace Tributary::Cli {

int quarantineCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString sub = args.value(2);
    if (sub != QLatin1String("list") && sub != QLatin1String("retry")) {
        err << "tributaryd quarantine: "
            << (sub.isEmpty() ? Tr::tr("expected 'list' or 'retry'") : Tr::tr("expected 'list' or 'retry', got \"%1\"").arg(sub)) << "\n";
        return sub == QLatin1String("--help") ? ExitOk : ExitUsage;
    }
    QCommandLineParser p;
    QCommandLineOption entity(QStringLiteral("entity"), Tr::tr("Only this entity (repeatable)."), QStringLiteral("NAME"));
    QCommandLineOption id(QStringLiteral("id"), Tr::tr("Only this external id (repeatable)."), QStringLiteral("ID"));
    QCommandLineOption json(QStringLiteral("json"), Tr::tr("list: print JSON for scripts."));
    QCommandLineOption limit(QStringLiteral("limit"), Tr::tr("list: at most N records (default 50; 0 = all)."), QStringLiteral("N"),
                             QStringLiteral("50"));
    p.addOptions({configOption(), sourceOption(), entity, id});
    if (sub == QLatin1String("list"))
        p.addOptions({json, limit});
    int code = ExitOk;
    const QString description = sub == QLatin1String("list")
        ? Tr::tr("Lists the records held in quarantine: the field and the reason, how often and since when.")
        : Tr::tr("Fetches the quarantined records again by id and applies them: the source may have fixed them, or what\n"
                 "they reference may exist now. Records the source no longer has are forgotten; the rest stay, with the\n"
                 "attempt counted.");
    if (!parse(p, QStringLiteral("quarantine ") + sub, description, args, &code))
        return code;
    const Opened opened = openSources(p.value(configOption()), p.value(sourceOption()), err, &code);
    if (!opened.context)
        return code;
    Context *ctx = opened.context.get();

    if (sub == QLatin1String("retry")) {
        SignalWatcher watcher;
        Progress progress(out, err, false, true);
        return ctx->sync(opened.sources, RunRequest::quarantineRetry(p.values(entity), p.values(id)), progress, &watcher);
    }

    QuarantineFilter filter;
    for (const SourceConfig *s : opened.sources)
        filter.sources.append(s->name);
    filter.entities = p.values(entity);
    filter.externalIds = p.values(id);
    const Result<qint64> total = ParkingLot::count(ctx->database(), filter);
    filter.limit = qMax(0, p.value(limit).toInt());
    const Result<QList<QuarantineEntry>> held = total ? ParkingLot::list(ctx->database(), filter) : Result<QList<QuarantineEntry>>(total.error());
    if (!held) {
        err << "tributaryd quarantine list: " << held.error().toString() << "\n";
        return ExitFailed;
    }
    QJsonArray rows;
    for (const QuarantineEntry &r : *held)
        rows.append(r.toJson());
    if (p.isSet(json)) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("total"), *total}, {QStringLiteral("records"), rows}}).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    // Write-back's own quarantine: the main database's changes a source refused (docs/write-back.md).
    OutboxFilter refusedPushes;
    refusedPushes.sources = filter.sources;
    refusedPushes.state = QStringLiteral("refused");
    const Result<QList<OutboxOperation>> refused = Outbox(ctx->database()).list(refusedPushes);
    const QString refusedLine = refused && !refused->isEmpty()
        ? Tr::tr("%1 change(s) of the main database refused by their source; see: tributaryd outbox list --refused.", nullptr,
                 int(refused->size()))
              .arg(Progress::number(refused->size()))
        : QString();
    if (rows.isEmpty()) {
        out << Tr::tr("No records in quarantine.") << "\n";
        if (!refusedLine.isEmpty())
            out << refusedLine << "\n";
        return ExitOk;
    }
    for (const QJsonValue &v : std::as_const(rows)) {
        const QJsonObject r = v.toObject();
        out << QStringLiteral("%1/%2 %3").arg(r.value(QStringLiteral("source")).toString(), r.value(QStringLiteral("entity")).toString(),
                                             r.value(QStringLiteral("external_id")).toString());
        if (!r.value(QStringLiteral("field")).isNull())
            out << "  " << Tr::tr("field %1").arg(r.value(QStringLiteral("field")).toString());
        const qint64 attempts = r.value(QStringLiteral("attempts")).toInteger();
        out << "  "
            << Tr::tr("(%1 attempt(s), since %2)", nullptr, Progress::count(attempts))
                   .arg(Progress::number(attempts), r.value(QStringLiteral("first_seen")).toString())
            << "\n";
        out << "    " << r.value(QStringLiteral("reason")).toString() << "\n";
    }
    out << (*total > rows.size() ? Tr::tr("%1 record(s) in quarantine (%2 shown; --limit 0 for all).", nullptr, Progress::count(*total))
                                       .arg(Progress::number(*total), Progress::number(rows.size()))
                                 : Tr::tr("%1 record(s) in quarantine.", nullptr, Progress::count(*total)).arg(Progress::number(*total)))
        << " " << Tr::tr("After fixing the cause: %1").arg(QStringLiteral("tributaryd quarantine retry --config ") + p.value(configOption())) << "\n";
    if (!refusedLine.isEmpty())
        out << refusedLine << "\n";
    return ExitOk;
}

} // namespace Tributary::Cli
