// tributaryd status: cursors, the last run and counts per source and entity, for people (aligned
// text) and scripts (--json).

#include "CliCommon.h"
#include "Commands.h"

#include "ExitCode.h"
#include "Progress.h"
#include "TextTable.h"
#include "Tr.h"
#include "state/CursorStore.h"
#include "state/LeaseStore.h"
#include "state/SourceLedger.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace Tributary::Cli {

int statusCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print JSON for scripts."));
    p.addOptions({configOption(), sourceOption(), json});
    int code = ExitOk;
    if (!parse(p, QStringLiteral("status"), Tr::tr("Shows cursors, the last run and counts per source and entity."), args, &code))
        return code;
    const Opened opened = openSources(p.value(configOption()), p.value(sourceOption()), err, &code);
    if (!opened.context)
        return code;
    Context *ctx = opened.context.get();
    const auto &sources = opened.sources;
    Database &db = ctx->database();
    QJsonArray all;
    CursorStore cursors(db);
    const Result<QList<LeaseRecord>> leases = LeaseStore(db).list();
    if (!leases) {
        err << "tributaryd status: " << leases.error().toString() << "\n";
        return ExitFailed;
    }
    for (const SourceConfig *s : sources) {
        QJsonObject so{{QStringLiteral("source"), s->name}, {QStringLiteral("enabled"), s->enabled}};
        // Which worker runs the source now, if one does.
        for (const LeaseRecord &lease : *leases) {
            if (lease.source == s->name && lease.isLive())
                so.insert(QStringLiteral("lease"), QJsonObject{{QStringLiteral("worker"), lease.worker()},
                                                               {QStringLiteral("expires_at"), lease.expiresAt().toString(Qt::ISODateWithMs)}});
        }
        const Result<SourceSummary> summary = SourceLedger(db).summary(s->name);
        if (!summary) {
            err << "tributaryd status: " << summary.error().toString() << "\n";
            return ExitFailed;
        }
        QJsonObject lastCounts;
        if (const std::optional<RunRecord> &run = summary->lastRun) {
            so.insert(QStringLiteral("last_run"), QJsonObject{{QStringLiteral("id"), run->id},
                                                              {QStringLiteral("kind"), run->kind},
                                                              {QStringLiteral("started_at"), run->startedAt},
                                                              {QStringLiteral("finished_at"), run->finishedAt},
                                                              {QStringLiteral("status"), run->status},
                                                              {QStringLiteral("error"), run->error},
                                                              {QStringLiteral("worker"), run->workerName()}});
            for (auto it = run->counts.constBegin(); it != run->counts.constEnd(); ++it)
                lastCounts.insert(it.key(), it->toJson());
        }
        QJsonArray entities;
        for (const EntityConfig &e : s->entities) {
            Error error;
            Position pos, fullPos;
            if (!cursors.load(s->name, e.name, CursorKind::Incremental, &pos, &error)
                || !cursors.load(s->name, e.name, CursorKind::Full, &fullPos, &error)) {
                err << "tributaryd status: " << error.toString() << "\n";
                return ExitFailed;
            }
            const EntitySummary held = summary->entity(e.name);
            entities.append(QJsonObject{
                {QStringLiteral("entity"), e.name},
                {QStringLiteral("table"), e.table},
                {QStringLiteral("enabled"), e.enabled},
                {QStringLiteral("cursor"), pos.toJson()},
                {QStringLiteral("full_walk_in_progress"), !fullPos.token.isEmpty()},
                {QStringLiteral("linked"), held.links},
                {QStringLiteral("pending"), held.pending},
                {QStringLiteral("quarantined"), held.quarantined},
                {QStringLiteral("open_conflicts"), held.openConflicts},
                {QStringLiteral("last_run_counts"), lastCounts.value(e.name)},
            });
        }
        so.insert(QStringLiteral("entities"), entities);
        all.append(so);
    }
    const QList<SourceAdmin::SourceState> removed = ctx->removedSources();
    if (p.isSet(json)) {
        QJsonArray removedJson;
        for (const SourceAdmin::SourceState &r : removed) {
            QJsonObject o = r.toJson();
            o.insert(QStringLiteral("notice"), Context::removedSourceNotice(r));
            removedJson.append(o);
        }
        out << QJsonDocument(QJsonObject{{QStringLiteral("sources"), all}, {QStringLiteral("removed_sources"), removedJson}})
                   .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    out << Tr::tr("Main database: %1").arg(db.name()) << "\n";
    const TextTable table({{Tr::tr("entity"), -10}, {Tr::tr("linked"), 9}, {Tr::tr("pending"), 8}, {Tr::tr("quarantined"), 12},
                           {Tr::tr("conflicts"), 10}});
    for (const QJsonValue &sv : std::as_const(all)) {
        const QJsonObject so = sv.toObject();
        const QJsonObject lr = so.value(QStringLiteral("last_run")).toObject();
        const QString name = so.value(QStringLiteral("source")).toString();
        out << "\n" << (so.value(QStringLiteral("enabled")).toBool() ? Tr::tr("Source %1").arg(name) : Tr::tr("Source %1 (disabled)").arg(name))
            << "\n";
        if (lr.isEmpty()) {
            out << "  " << Tr::tr("never synced") << "\n";
        } else {
            const QString worker = lr.value(QStringLiteral("worker")).toString();
            const QString finished = lr.value(QStringLiteral("finished_at")).toString();
            const QString error = lr.value(QStringLiteral("error")).toString();
            //: The last run of a source: run id, kind (incremental, full, reconcile, quarantine-retry), status, start and end times.
            out << "  "
                << Tr::tr("last run %1 (%2): %3, started %4, finished %5")
                       .arg(QString::number(lr.value(QStringLiteral("id")).toInteger()), lr.value(QStringLiteral("kind")).toString(),
                            Progress::runStatus(lr.value(QStringLiteral("status")).toString()), lr.value(QStringLiteral("started_at")).toString(),
                            finished.isEmpty() ? QStringLiteral("-") : finished)
                << "\n";
            if (!error.isEmpty() && lr.value(QStringLiteral("status")).toString() == QLatin1String("paused"))
                //: A paused run's reason: its host's request budget was spent; the message says until when.
                out << "  " << Tr::tr("paused: %1").arg(error) << "\n";
            else if (!error.isEmpty())
                out << "  " << Tr::tr("error: %1").arg(error) << "\n";
            //: The worker (host:pid) that made the last run.
            out << "  " << Tr::tr("by worker %1").arg(worker) << "\n";
        }
        const QJsonObject lease = so.value(QStringLiteral("lease")).toObject();
        if (!lease.isEmpty())
            //: %1 the worker (host:pid), %2 when its lease ends (UTC)
            out << "  " << Tr::tr("being synced now by worker %1 (lease until %2)")
                               .arg(lease.value(QStringLiteral("worker")).toString(), lease.value(QStringLiteral("expires_at")).toString())
                << "\n";
        out << "  " << table.header() << "  " << Tr::tr("cursor (value / last id)") << "\n";
        for (const QJsonValue &ev : so.value(QStringLiteral("entities")).toArray()) {
            const QJsonObject eo = ev.toObject();
            const QJsonObject cur = eo.value(QStringLiteral("cursor")).toObject();
            QString cursor = cur.isEmpty() ? Tr::tr("(start)")
                                           : cur.value(QStringLiteral("value")).toString() + QStringLiteral(" / ") + cur.value(QStringLiteral("last_id")).toString();
            if (eo.value(QStringLiteral("full_walk_in_progress")).toBool())
                cursor += QStringLiteral("  ") + Tr::tr("(a full walk is in progress)");
            out << "  "
                << table.row({eo.value(QStringLiteral("entity")).toString(), Progress::number(eo.value(QStringLiteral("linked")).toInteger()),
                              Progress::number(eo.value(QStringLiteral("pending")).toInteger()),
                              Progress::number(eo.value(QStringLiteral("quarantined")).toInteger()),
                              Progress::number(eo.value(QStringLiteral("open_conflicts")).toInteger())})
                << "  " << cursor << "\n";
        }
    }
    if (!removed.isEmpty())
        out << "\n";
    for (const SourceAdmin::SourceState &r : removed)
        out << Context::removedSourceNotice(r) << "\n";
    return ExitOk;
}

} // namespace Tributary::Cli
