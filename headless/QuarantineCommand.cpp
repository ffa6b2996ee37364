// tributaryd quarantine list|retry: the records held back with their reasons, and fetching and
// applying them again.

#include "CliCommon.h"
#include "Commands.h"

#include "ExitCode.h"
#include "Progress.h"
#include "SignalWatcher.h"
#include "Tr.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

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
        SyncOptions options;
        options.retryQuarantine = true;
        options.entities = p.values(entity);
        options.externalIds = p.values(id);
        SignalWatcher watcher;
        Progress progress(out, err, false, true);
        return ctx->sync(opened.sources, options, progress, &watcher);
    }

    QStringList names;
    for (const SourceConfig *s : opened.sources)
        names.append(s->name);
    QStringList where{QStringLiteral("source IN (%1)").arg(QStringList(names.size(), QStringLiteral("?")).join(QStringLiteral(", ")))};
    QVariantList binds;
    for (const QString &n : std::as_const(names))
        binds.append(n);
    if (p.isSet(entity)) {
        where.append(QStringLiteral("entity IN (%1)").arg(QStringList(p.values(entity).size(), QStringLiteral("?")).join(QStringLiteral(", "))));
        for (const QString &e : p.values(entity))
            binds.append(e);
    }
    if (p.isSet(id)) {
        where.append(QStringLiteral("external_id IN (%1)").arg(QStringList(p.values(id).size(), QStringLiteral("?")).join(QStringLiteral(", "))));
        for (const QString &i : p.values(id))
            binds.append(i);
    }
    const int max = p.value(limit).toInt();
    const qint64 total = scalar(ctx->database(), QStringLiteral("SELECT COUNT(*) FROM tributary_quarantine WHERE %1").arg(where.join(QStringLiteral(" AND "))), binds);
    QSqlQuery q(ctx->database().db());
    q.prepare(QStringLiteral("SELECT source, entity, external_id, field, reason, attempts, first_seen, last_seen, record "
                             "FROM tributary_quarantine WHERE %1 ORDER BY source, entity, first_seen, external_id%2")
                  .arg(where.join(QStringLiteral(" AND ")), max > 0 ? QStringLiteral(" LIMIT %1").arg(max) : QString()));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec()) {
        err << "tributaryd quarantine list: " << q.lastError().text() << "\n";
        return ExitFailed;
    }
    QJsonArray rows;
    while (q.next()) {
        rows.append(QJsonObject{{QStringLiteral("source"), q.value(0).toString()},
                                {QStringLiteral("entity"), q.value(1).toString()},
                                {QStringLiteral("external_id"), q.value(2).toString()},
                                {QStringLiteral("field"), q.value(3).isNull() ? QJsonValue() : QJsonValue(q.value(3).toString())},
                                {QStringLiteral("reason"), q.value(4).toString()},
                                {QStringLiteral("attempts"), q.value(5).toLongLong()},
                                {QStringLiteral("first_seen"), q.value(6).toString()},
                                {QStringLiteral("last_seen"), q.value(7).toString()},
                                {QStringLiteral("record"), QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object()}});
    }
    if (p.isSet(json)) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("total"), total}, {QStringLiteral("records"), rows}}).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (rows.isEmpty()) {
        out << Tr::tr("No records in quarantine.") << "\n";
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
    out << (total > rows.size() ? Tr::tr("%1 record(s) in quarantine (%2 shown; --limit 0 for all).", nullptr, Progress::count(total))
                                      .arg(Progress::number(total), Progress::number(rows.size()))
                                : Tr::tr("%1 record(s) in quarantine.", nullptr, Progress::count(total)).arg(Progress::number(total)))
        << " " << Tr::tr("After fixing the cause: %1").arg(QStringLiteral("tributaryd quarantine retry --config ") + p.value(configOption())) << "\n";
    return ExitOk;
}

} // namespace Tributary::Cli
