#include "Cli.h"
#include "CliCommon.h"

#include "Context.h"
#include "ExitCode.h"
#include "Progress.h"
#include "SignalWatcher.h"
#include "TextTable.h"
#include "Tr.h"
#include "engine/Applier.h"
#include "engine/DryRun.h"
#include "engine/SourceRegistry.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

namespace Tributary::Cli {

namespace {

QString usage()
{
    //: Keep the command names, TABLE ID, NAME, the options and the environment variables; keep the
    //: descriptions aligned in their column.
    return Tr::tr("Usage: tributaryd <command> [options]\n"
                  "\n"
                  "Keeps a main database in sync with paginated REST sources.\n"
                  "\n"
                  "Commands:\n"
                  "  init     write a configuration for a source from a preset\n"
                  "  sync     run an incremental (or --full) sync of the configured sources\n"
                  "  serve    run as a service: scheduled syncs and reconciliations, webhooks, /healthz and /metrics\n"
                  "  reconcile\n"
                  "           find deletes (and what polling missed) by scanning every id; delete only after a complete scan\n"
                  "  status   show cursors, last runs and counts per source and entity\n"
                  "  verify   compare every source with the main database; exit 0 only when in sync\n"
                  "  conflicts list|show ID|resolve\n"
                  "           the fields both sides changed, and deletes that met an edit, with base, local and remote\n"
                  "  history TABLE ID\n"
                  "           every change Tributary made to one row: which source or person, when, what values\n"
                  "  quarantine list|retry\n"
                  "           show the records held back with their reasons, or fetch and apply them again\n"
                  "  source list|detach NAME|purge NAME\n"
                  "           the sources the main database holds rows of; forget a removed source's links, or delete the rows only it brought\n"
                  "  demo     make a demo forum, serve it with forum-sim, sync and verify it\n"
                  "  bench    measure sync speed and memory against a generated forum\n"
                  "\n"
                  "Run 'tributaryd <command> --help' for the options of a command.\n"
                  "\n"
                  "Exit status: 0 ok, 1 failed, 2 usage or configuration error, 3 records quarantined or\n"
                  "pending, 4 a source refused the credentials, 5 verify found differences, 6 interrupted.\n"
                  "\n"
                  "Messages follow the system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); TRIBUTARY_LANGUAGE\n"
                  "overrides it (de, en).\n");
}

int syncCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    QCommandLineOption entity(QStringLiteral("entity"), Tr::tr("Only this entity (repeatable)."), QStringLiteral("NAME"));
    QCommandLineOption full(QStringLiteral("full"), Tr::tr("Walk everything at the source, not only what changed."));
    QCommandLineOption quiet(QStringLiteral("quiet"), Tr::tr("No progress lines; only the summary."));
    QCommandLineOption reconcile(QStringLiteral("reconcile"), Tr::tr("Then reconcile: scan every id the source lists, catch what "
                                                                     "polling missed, delete what is gone (see 'tributaryd reconcile')."));
    QCommandLineOption dryRun(QStringLiteral("dry-run"), Tr::tr("Only report what the sync would insert, update, delete (with --reconcile), "
                                                               "link and which conflicts it would raise; write nothing to the main database."));
    p.addOptions({configOption(), sourceOption(), entity, full, quiet, reconcile, dryRun});
    int code = ExitOk;
    if (!parse(p, QStringLiteral("sync"), Tr::tr("Syncs the configured sources into the main database."), args, &code))
        return code;
    const Opened opened = openSources(p.value(configOption()), p.value(sourceOption()), err, &code, !p.isSet(dryRun));
    if (!opened.context)
        return code;
    Context *ctx = opened.context.get();
    ctx->noticeRemovedSources(err);
    const auto &sources = opened.sources;
    SyncOptions options;
    options.entities = p.values(entity);
    options.full = p.isSet(full);
    for (const QString &e : std::as_const(options.entities)) {
        for (const SourceConfig *s : sources) {
            if (!s->entity(e)) {
                err << "tributaryd sync: " << Tr::tr("source %1 has no entity \"%2\"").arg(s->name, e) << "\n";
                return ExitUsage;
            }
        }
    }
    SignalWatcher watcher;
    Progress progress(out, err, Progress::stderrIsTerminal(), p.isSet(quiet));
    // A dry run is the real run on a throwaway database, discarded at the end (see DryRun).
    std::unique_ptr<DryRun> dry;
    if (p.isSet(dryRun)) {
        Error error;
        dry = DryRun::open(ctx->database(), DryRun::Mode::Auto, &error);
        if (!dry) {
            err << "tributaryd sync --dry-run: " << error.toString() << "\n";
            return error.code == Error::Code::Config ? ExitUsage : ExitFailed;
        }
        progress.setDryRun(true);
        out << (dry->mode() == DryRun::Mode::Snapshot
                    ? Tr::tr("DRY RUN: on a temporary copy of the main database; nothing is written to the main database.")
                    : Tr::tr("DRY RUN: in a transaction that is rolled back; nothing is written to the main database."))
            << "\n";
        out.flush();
    }
    Database &db = dry ? dry->database() : ctx->database();
    int synced = ctx->sync(db, sources, options, progress, &watcher);
    if (p.isSet(reconcile) && (synced == ExitOk || synced == ExitPartial)) {
        SyncOptions sweep;
        sweep.reconcile = true;
        sweep.entities = options.entities;
        const int reconciled = ctx->sync(db, sources, sweep, progress, &watcher);
        synced = reconciled != ExitOk ? reconciled : synced;
    }
    if (dry) {
        dry.reset();
        out << (p.isSet(reconcile) ? Tr::tr("DRY RUN finished: nothing was written to the main database.")
                                   : Tr::tr("DRY RUN finished: nothing was written to the main database; deletes are found only with --reconcile."))
            << "\n";
    }
    return synced;
}

int reconcileCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    QCommandLineOption quiet(QStringLiteral("quiet"), Tr::tr("No progress lines; only the summary."));
    p.addOptions({configOption(), sourceOption(), quiet});
    int code = ExitOk;
    if (!parse(p, QStringLiteral("reconcile"),
               Tr::tr("Mark and sweep: lists every id of every entity (cheaply where the source allows it), fetches\n"
                      "the records polling missed, then, only after a complete scan, deletes the rows whose records\n"
                      "the source no longer has (each confirmed by asking for it by id). Soft delete by default\n"
                      "(sets deleted_at); a row edited locally is kept as an edit-versus-delete conflict; more than\n"
                      "max_delete_share missing refuses to delete anything. An interrupted scan deletes nothing and\n"
                      "is resumed by the next run."),
               args, &code))
        return code;
    const Opened opened = openSources(p.value(configOption()), p.value(sourceOption()), err, &code);
    if (!opened.context)
        return code;
    SyncOptions options;
    options.reconcile = true;
    SignalWatcher watcher;
    Progress progress(out, err, Progress::stderrIsTerminal(), p.isSet(quiet));
    return opened.context->sync(opened.sources, options, progress, &watcher);
}

int verifyCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addOptions({configOption(), sourceOption()});
    int code = ExitOk;
    if (!parse(p, QStringLiteral("verify"), Tr::tr("Compares every record of the sources with the main database.\n"
                                                  "Exit 0 only when in sync; 5 when records are missing, extra or different."),
               args, &code))
        return code;
    const Opened opened = openSources(p.value(configOption()), p.value(sourceOption()), err, &code);
    if (!opened.context)
        return code;
    Context *ctx = opened.context.get();
    const auto &sources = opened.sources;
    SignalWatcher watcher;
    return ctx->verify(sources, out, err, &watcher);
}

qint64 scalar(Database &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(db.db());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

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
    for (const SourceConfig *s : sources) {
        QJsonObject so{{QStringLiteral("source"), s->name}, {QStringLiteral("enabled"), s->enabled}};
        QSqlQuery run(db.db());
        run.prepare(QStringLiteral("SELECT id, kind, started_at, finished_at, status, error, counts FROM tributary_runs "
                                   "WHERE source = ? ORDER BY id DESC LIMIT 1"));
        run.addBindValue(s->name);
        QJsonObject lastCounts;
        if (run.exec() && run.next()) {
            so.insert(QStringLiteral("last_run"), QJsonObject{{QStringLiteral("id"), run.value(0).toLongLong()},
                                                              {QStringLiteral("kind"), run.value(1).toString()},
                                                              {QStringLiteral("started_at"), run.value(2).toString()},
                                                              {QStringLiteral("finished_at"), run.value(3).toString()},
                                                              {QStringLiteral("status"), run.value(4).toString()},
                                                              {QStringLiteral("error"), run.value(5).toString()}});
            lastCounts = QJsonDocument::fromJson(run.value(6).toString().toUtf8()).object();
        }
        QJsonArray entities;
        for (const EntityConfig &e : s->entities) {
            Error error;
            const Position pos = Applier::loadCursor(db, s->name, e.name, QStringLiteral("incremental"), &error);
            const Position fullPos = Applier::loadCursor(db, s->name, e.name, QStringLiteral("full"), &error);
            const QVariantList key{s->name, e.name};
            entities.append(QJsonObject{
                {QStringLiteral("entity"), e.name},
                {QStringLiteral("table"), e.table},
                {QStringLiteral("enabled"), e.enabled},
                {QStringLiteral("cursor"), pos.toJson()},
                {QStringLiteral("full_walk_in_progress"), !fullPos.token.isEmpty()},
                {QStringLiteral("linked"), scalar(db, QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE source = ? AND entity = ?"), key)},
                {QStringLiteral("pending"), scalar(db, QStringLiteral("SELECT COUNT(*) FROM tributary_pending WHERE source = ? AND entity = ?"), key)},
                {QStringLiteral("quarantined"), scalar(db, QStringLiteral("SELECT COUNT(*) FROM tributary_quarantine WHERE source = ? AND entity = ?"), key)},
                {QStringLiteral("open_conflicts"), scalar(db, QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE source = ? AND entity = ? AND status = 'open'"), key)},
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
    out << Tr::tr("Main database: %1").arg(db.db().databaseName()) << "\n";
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
            const QString finished = lr.value(QStringLiteral("finished_at")).toString();
            const QString error = lr.value(QStringLiteral("error")).toString();
            //: The last run of a source: run id, kind (incremental, full, reconcile, quarantine-retry), status, start and end times.
            out << "  "
                << Tr::tr("last run %1 (%2): %3, started %4, finished %5")
                       .arg(QString::number(lr.value(QStringLiteral("id")).toInteger()), lr.value(QStringLiteral("kind")).toString(),
                            Progress::runStatus(lr.value(QStringLiteral("status")).toString()), lr.value(QStringLiteral("started_at")).toString(),
                            finished.isEmpty() ? QStringLiteral("-") : finished)
                << "\n";
            if (!error.isEmpty())
                out << "  " << Tr::tr("error: %1").arg(error) << "\n";
        }
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

int initCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    QCommandLineOption preset(QStringLiteral("preset"), Tr::tr("The preset: forum."), QStringLiteral("NAME"));
    QCommandLineOption url(QStringLiteral("url"), Tr::tr("Base URL of the API, e.g. http://127.0.0.1:8080/api/v1."), QStringLiteral("URL"));
    QCommandLineOption database(QStringLiteral("database"), Tr::tr("The main SQLite database file."), QStringLiteral("PATH"));
    QCommandLineOption tokenEnv(QStringLiteral("token-env"), Tr::tr("Environment variable holding the API token (default FORUM_TOKEN)."), QStringLiteral("VAR"));
    QCommandLineOption noAuth(QStringLiteral("no-auth"), Tr::tr("The API needs no token."));
    QCommandLineOption name(QStringLiteral("name"), Tr::tr("Name of the source (default forum)."), QStringLiteral("NAME"));
    QCommandLineOption start(QStringLiteral("start"), Tr::tr("Where a new source starts: beginning (all history), now (only changes from now on), "
                                                             "or an ISO-8601 date (everything changed since)."), QStringLiteral("WHEN"));
    QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, Tr::tr("The configuration file to write."), QStringLiteral("FILE"));
    QCommandLineOption force(QStringLiteral("force"), Tr::tr("Overwrite an existing file."));
    QCommandLineOption webhookSecretEnv(QStringLiteral("webhook-secret-env"),
                                        Tr::tr("Accept the forum's webhooks, signed with the secret in this environment variable."),
                                        QStringLiteral("VAR"));
    p.addOptions({preset, url, database, tokenEnv, noAuth, name, start, output, force, webhookSecretEnv});
    int code = ExitOk;
    if (!parse(p, QStringLiteral("init"), Tr::tr("Writes a working configuration for a source from a preset."), args, &code))
        return code;
    QStringList missing;
    for (const auto &o : {preset, url, database, output}) {
        if (!p.isSet(o))
            missing.append(QStringLiteral("--") + o.names().last());
    }
    if (!missing.isEmpty()) {
        err << "tributaryd init: " << Tr::tr("missing %1").arg(missing.join(QStringLiteral(", "))) << "\n";
        return ExitUsage;
    }
    if (p.value(preset) != QLatin1String("forum")) {
        err << "tributaryd init: " << Tr::tr("unknown preset \"%1\"; available: %2").arg(p.value(preset), QStringLiteral("forum")) << "\n";
        return ExitUsage;
    }
    if (QFileInfo::exists(p.value(output)) && !p.isSet(force)) {
        err << "tributaryd init: " << Tr::tr("%1 exists; use --force to overwrite it").arg(p.value(output)) << "\n";
        return ExitUsage;
    }
    InitOptions o;
    o.url = p.value(url);
    o.database = p.value(database);
    if (p.isSet(tokenEnv))
        o.tokenEnv = p.value(tokenEnv);
    o.noAuth = p.isSet(noAuth);
    if (p.isSet(name))
        o.sourceName = p.value(name);
    if (p.isSet(start))
        o.start = p.value(start);
    o.webhookSecretEnv = p.value(webhookSecretEnv);
    QString error;
    if (!writeForumConfig(o, p.value(output), &error)) {
        err << "tributaryd init: " << error << "\n";
        return ExitUsage;
    }
    out << Tr::tr("Wrote %1: source \"%2\" at %3 into %4").arg(p.value(output), o.sourceName, o.url, o.database) << "\n";
    if (!o.noAuth)
        out << Tr::tr("The API token is read from the environment variable %1 (never stored in the file).").arg(o.tokenEnv) << "\n";
    if (!o.webhookSecretEnv.isEmpty())
        out << Tr::tr("Webhooks are verified with the secret in the environment variable %1.").arg(o.webhookSecretEnv) << "\n";
    out << Tr::tr("Next: %1").arg(QStringLiteral("tributaryd sync --config ") + p.value(output)) << "\n";
    return ExitOk;
}

} // namespace

bool writeForumConfig(const InitOptions &o, const QString &output, QString *error)
{
    QFile preset(QStringLiteral(":/tributary/presets/forum.json"));
    if (!preset.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("the forum preset is missing from this build");
        return false;
    }
    QJsonObject root = QJsonDocument::fromJson(preset.readAll()).object();
    const QUrl u(o.url);
    if (!u.isValid() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) || u.host().isEmpty()) {
        *error = QStringLiteral("--url: ") + Tr::tr("expected an http(s) URL such as %1, got \"%2\"").arg(QStringLiteral("http://127.0.0.1:8080/api/v1"), o.url);
        return false;
    }
    // The database path is written relative to the configuration file when it lives beside it,
    // so the pair can be moved together.
    const QDir configDir = QFileInfo(output).absoluteDir();
    QString dbPath = QFileInfo(o.database).absoluteFilePath();
    const QString relative = configDir.relativeFilePath(dbPath);
    if (!relative.startsWith(QStringLiteral("..")))
        dbPath = relative;

    QJsonObject db = root.value(QStringLiteral("database")).toObject();
    db.insert(QStringLiteral("path"), dbPath);
    if (!o.timestampFormat.isEmpty())
        db.insert(QStringLiteral("timestamp_format"), o.timestampFormat);
    root.insert(QStringLiteral("database"), db);

    QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
    QJsonObject src = sources.at(0).toObject();
    src.insert(QStringLiteral("name"), o.sourceName);
    QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
    QString base = o.url;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    rest.insert(QStringLiteral("base_url"), base);
    if (o.noAuth)
        rest.insert(QStringLiteral("auth"), QJsonObject{{QStringLiteral("type"), QStringLiteral("none")}});
    else
        rest.insert(QStringLiteral("auth"), QJsonObject{{QStringLiteral("type"), QStringLiteral("bearer")},
                                                        {QStringLiteral("token"), QJsonObject{{QStringLiteral("env"), o.tokenEnv}}}});
    src.insert(QStringLiteral("rest"), rest);
    // The forum's scheme is the receiver's default: the secret is all a source needs to name.
    if (!o.webhookSecretEnv.isEmpty())
        src.insert(QStringLiteral("webhook"), QJsonObject{{QStringLiteral("secret"), QJsonObject{{QStringLiteral("env"), o.webhookSecretEnv}}}});
    if (o.start == QLatin1String("beginning") || o.start == QLatin1String("now"))
        src.insert(QStringLiteral("start"), QJsonObject{{QStringLiteral("from"), o.start}});
    else
        src.insert(QStringLiteral("start"), QJsonObject{{QStringLiteral("from"), QStringLiteral("date")}, {QStringLiteral("date"), o.start}});
    sources.replace(0, src);
    root.insert(QStringLiteral("sources"), sources);

    Config check;
    QStringList problems;
    if (!Config::fromJson(root, QFileInfo(output).absoluteFilePath(), &check, &problems)) {
        *error = problems.join(QStringLiteral("; "));
        return false;
    }
    QSaveFile f(output); // never a half-written configuration
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !f.commit()) {
        *error = Tr::tr("cannot write %1: %2").arg(output, f.errorString());
        return false;
    }
    return true;
}

int run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    // Records quarantined are listed in the summary; per-record warnings would flood a terminal.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("tributary.core.applier.warning=false\ntributary.*.info=false"));
    const QString command = arguments.value(1);
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        (command.isEmpty() ? err : out) << usage();
        return command.isEmpty() ? ExitUsage : ExitOk;
    }
    if (command == QLatin1String("--version")) {
        out << "tributaryd " << QCoreApplication::applicationVersion() << "\n";
        return ExitOk;
    }
    if (command == QLatin1String("serve"))
        return serve(arguments, out, err);
    if (command == QLatin1String("sync"))
        return syncCommand(arguments, out, err);
    if (command == QLatin1String("verify"))
        return verifyCommand(arguments, out, err);
    if (command == QLatin1String("status"))
        return statusCommand(arguments, out, err);
    if (command == QLatin1String("init"))
        return initCommand(arguments, out, err);
    if (command == QLatin1String("quarantine"))
        return quarantineCommand(arguments, out, err);
    if (command == QLatin1String("reconcile"))
        return reconcileCommand(arguments, out, err);
    if (command == QLatin1String("conflicts"))
        return conflicts(arguments, out, err);
    if (command == QLatin1String("history"))
        return history(arguments, out, err);
    if (command == QLatin1String("source"))
        return source(arguments, out, err);
    if (command == QLatin1String("demo"))
        return demo(arguments, out, err);
    if (command == QLatin1String("bench"))
        return bench(arguments, out, err);
    err << "tributaryd: " << Tr::tr("unknown command \"%1\"").arg(command) << "\n\n" << usage();
    return ExitUsage;
}

} // namespace Tributary::Cli
