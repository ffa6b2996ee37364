// tributaryd outbox list|retry|drop: the main database's changes waiting to be pushed to their
// sources (write-back, docs/write-back.md), those a source refused with its reason, and what a
// person does about them.

#include "CliCommon.h"
#include "Commands.h"

#include "ExitCode.h"
#include "Progress.h"
#include "Tr.h"
#include "state/Outbox.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace Tributary::Cli {

int outboxCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString sub = args.value(2);
    const QStringList subs = {QStringLiteral("list"), QStringLiteral("retry"), QStringLiteral("drop")};
    if (!subs.contains(sub)) {
        err << "tributaryd outbox: "
            << (sub.isEmpty() ? Tr::tr("expected 'list', 'retry' or 'drop'") : Tr::tr("expected 'list', 'retry' or 'drop', got \"%1\"").arg(sub))
            << "\n";
        return sub == QLatin1String("--help") ? ExitOk : ExitUsage;
    }
    QCommandLineParser p;
    QCommandLineOption entity(QStringLiteral("entity"), Tr::tr("Only this entity."), QStringLiteral("NAME"));
    QCommandLineOption id(QStringLiteral("id"), Tr::tr("Only this operation (repeatable)."), QStringLiteral("ID"));
    QCommandLineOption refusedOnly(QStringLiteral("refused"), Tr::tr("Only the operations the source refused."));
    QCommandLineOption all(QStringLiteral("all"), Tr::tr("drop: every operation the other options select (without --id)."));
    QCommandLineOption json(QStringLiteral("json"), Tr::tr("list: print JSON for scripts."));
    QCommandLineOption limit(QStringLiteral("limit"), Tr::tr("list: at most N operations (default 50; 0 = all)."), QStringLiteral("N"),
                             QStringLiteral("50"));
    p.addOptions({configOption(), sourceOption(), entity, id, refusedOnly});
    if (sub == QLatin1String("list"))
        p.addOptions({json, limit});
    if (sub == QLatin1String("drop"))
        p.addOption(all);
    int code = ExitOk;
    const QString description = sub == QLatin1String("list")
        ? Tr::tr("Lists the main database's changes waiting to be pushed to their sources: the row, since when, the\n"
                 "attempts, and the reason of the last failure or refusal.")
        : sub == QLatin1String("retry")
        ? Tr::tr("Makes the selected operations due now, refused ones included (after fixing the row or the source);\n"
                 "the next sync or the service pushes them.")
        : Tr::tr("Forgets the selected operations without pushing them: the source keeps what it has, and the rows\n"
                 "keep their local values until they change again.");
    if (!parse(p, QStringLiteral("outbox ") + sub, description, args, &code))
        return code;
    const Opened opened = openSources(p.value(configOption()), p.value(sourceOption()), err, &code);
    if (!opened.context)
        return code;
    Context *ctx = opened.context.get();

    OutboxFilter filter;
    for (const SourceConfig *s : opened.sources)
        filter.sources.append(s->name);
    filter.entity = p.value(entity);
    for (const QString &text : p.values(id)) {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        if (!ok || n <= 0) {
            err << "tributaryd outbox " << sub << ": " << Tr::tr("--id expects an operation number, got \"%1\"").arg(text) << "\n";
            return ExitUsage;
        }
        filter.ids.append(n);
    }
    if (p.isSet(refusedOnly))
        filter.state = QStringLiteral("refused");
    Outbox outbox(ctx->database());

    if (sub == QLatin1String("retry") || sub == QLatin1String("drop")) {
        if (sub == QLatin1String("drop") && filter.ids.isEmpty() && !p.isSet(all)) {
            err << "tributaryd outbox drop: " << Tr::tr("name the operations with --id, or select them with --all") << "\n";
            return ExitUsage;
        }
        const Result<int> n = sub == QLatin1String("retry") ? outbox.retry(filter) : outbox.drop(filter);
        if (!n) {
            err << "tributaryd outbox " << sub << ": " << n.error().toString() << "\n";
            return ExitFailed;
        }
        out << (sub == QLatin1String("retry") ? Tr::tr("%1 operation(s) due again; the next sync pushes them.", nullptr, *n)
                                              : Tr::tr("%1 operation(s) dropped.", nullptr, *n))
                       .arg(Progress::number(*n))
            << "\n";
        return ExitOk;
    }

    filter.limit = qMax(0, p.value(limit).toInt());
    const Result<QList<OutboxOperation>> ops = outbox.list(filter);
    if (!ops) {
        err << "tributaryd outbox list: " << ops.error().toString() << "\n";
        return ExitFailed;
    }
    if (p.isSet(json)) {
        QJsonArray rows;
        for (const OutboxOperation &o : *ops)
            rows.append(o.toJson());
        out << QJsonDocument(QJsonObject{{QStringLiteral("operations"), rows}}).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (ops->isEmpty()) {
        out << Tr::tr("The outbox is empty: every change of the main database reached its sources.") << "\n";
        return ExitOk;
    }
    for (const OutboxOperation &o : *ops) {
        out << QStringLiteral("#%1  %2/%3  %4 %5").arg(o.id).arg(o.source, o.entity, o.table, o.localId) << "  "
            << (o.isRefused() ? Tr::tr("refused") : Tr::tr("pending")) << "  "
            << Tr::tr("since %1, %2 attempt(s)", nullptr, o.attempts).arg(o.madeAt, Progress::number(o.attempts));
        if (!o.isRefused() && !o.nextAttemptAt.isEmpty())
            out << ", " << Tr::tr("next at %1").arg(o.nextAttemptAt);
        out << "\n";
        if (!o.lastError.isEmpty())
            out << "    " << o.lastError << "\n";
    }
    return ExitOk;
}

} // namespace Tributary::Cli
