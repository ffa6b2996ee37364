#include "Cli.h"

#include "Context.h"
#include "ExitCode.h"
#include "Progress.h"
#include "SignalWatcher.h"
#include "engine/Applier.h"
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
#include <QSqlQuery>

#include <cstdio>

namespace Tributary::Cli {

namespace {

const char *kUsage =
    "Usage: tributaryd <command> [options]\n"
    "\n"
    "Keeps a main database in sync with paginated REST sources.\n"
    "\n"
    "Commands:\n"
    "  init     write a configuration for a source from a preset\n"
    "  sync     run an incremental (or --full) sync of the configured sources\n"
    "  status   show cursors, last runs and counts per source and entity\n"
    "  verify   compare every source with the main database; exit 0 only when in sync\n"
    "  demo     make a demo forum, serve it with forum-sim, sync and verify it\n"
    "  bench    measure sync speed and memory against a generated forum\n"
    "\n"
    "Run 'tributaryd <command> --help' for the options of a command.\n"
    "\n"
    "Exit status: 0 ok, 1 failed, 2 usage or configuration error, 3 records quarantined or\n"
    "pending, 4 a source refused the credentials, 5 verify found differences, 6 interrupted.\n";

// Parses a command's options; prints help or errors itself. Returns false when the caller
// should exit with *code.
bool parse(QCommandLineParser &p, const QString &command, const QString &description, const QStringList &args, int *code)
{
    p.setApplicationDescription(description);
    p.addHelpOption();
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QStringList argv = args;
    argv.removeAt(1); // the command name
    if (!p.parse(argv)) {
        QTextStream(stderr) << "tributaryd " << command << ": " << p.errorText() << "\n";
        *code = ExitUsage;
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        QString help = p.helpText();
        help.replace(QCoreApplication::arguments().first() + QStringLiteral(" [options]"),
                     QStringLiteral("tributaryd %1 [options]").arg(command));
        QTextStream(stdout) << help;
        *code = ExitOk;
        return false;
    }
    if (!p.positionalArguments().isEmpty()) {
        QTextStream(stderr) << "tributaryd " << command << ": unexpected argument " << p.positionalArguments().first() << "\n";
        *code = ExitUsage;
        return false;
    }
    return true;
}

struct Opened
{
    std::unique_ptr<Context> context;
    QList<const SourceConfig *> sources;
};

// The configuration of --config, opened, and the sources --source selects (all enabled ones by
// default). On failure the messages are printed and *code says how to exit.
Opened openSources(const QString &configPath, const QString &source, QTextStream &err, int *code)
{
    Opened o;
    o.context = Context::open(configPath, err, code);
    if (!o.context)
        return o;
    o.sources = o.context->sources(source, err, code);
    if (*code != ExitOk)
        o.context.reset();
    return o;
}

const QCommandLineOption kConfig({QStringLiteral("c"), QStringLiteral("config")}, QStringLiteral("The configuration file."), QStringLiteral("FILE"));
const QCommandLineOption kSource(QStringLiteral("source"), QStringLiteral("Only this source."), QStringLiteral("NAME"));

int syncCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    QCommandLineOption entity(QStringLiteral("entity"), QStringLiteral("Only this entity (repeatable)."), QStringLiteral("NAME"));
    QCommandLineOption full(QStringLiteral("full"), QStringLiteral("Walk everything at the source, not only what changed."));
    QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("No progress lines; only the summary."));
    p.addOptions({kConfig, kSource, entity, full, quiet});
    int code = ExitOk;
    if (!parse(p, QStringLiteral("sync"), QStringLiteral("Syncs the configured sources into the main database."), args, &code))
        return code;
    const Opened opened = openSources(p.value(kConfig), p.value(kSource), err, &code);
    if (!opened.context)
        return code;
    Context *ctx = opened.context.get();
    const auto &sources = opened.sources;
    SyncOptions options;
    options.entities = p.values(entity);
    options.full = p.isSet(full);
    for (const QString &e : std::as_const(options.entities)) {
        for (const SourceConfig *s : sources) {
            if (!s->entity(e)) {
                err << "tributaryd sync: source " << s->name << " has no entity \"" << e << "\"\n";
                return ExitUsage;
            }
        }
    }
    SignalWatcher watcher;
    Progress progress(out, err, Progress::stderrIsTerminal(), p.isSet(quiet));
    return ctx->sync(sources, options, progress, &watcher);
}

int verifyCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    p.addOptions({kConfig, kSource});
    int code = ExitOk;
    if (!parse(p, QStringLiteral("verify"), QStringLiteral("Compares every record of the sources with the main database.\n"
                                                          "Exit 0 only when in sync; 5 when records are missing, extra or different."),
               args, &code))
        return code;
    const Opened opened = openSources(p.value(kConfig), p.value(kSource), err, &code);
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
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON for scripts."));
    p.addOptions({kConfig, kSource, json});
    int code = ExitOk;
    if (!parse(p, QStringLiteral("status"), QStringLiteral("Shows cursors, the last run and counts per source and entity."), args, &code))
        return code;
    const Opened opened = openSources(p.value(kConfig), p.value(kSource), err, &code);
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
    if (p.isSet(json)) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("sources"), all}}).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    out << "Main database: " << db.db().databaseName() << "\n";
    for (const QJsonValue &sv : std::as_const(all)) {
        const QJsonObject so = sv.toObject();
        const QJsonObject lr = so.value(QStringLiteral("last_run")).toObject();
        out << "\nSource " << so.value(QStringLiteral("source")).toString()
            << (so.value(QStringLiteral("enabled")).toBool() ? "" : " (disabled)") << "\n";
        if (lr.isEmpty())
            out << "  never synced\n";
        else
            out << QStringLiteral("  last run %1 (%2): %3, started %4, finished %5%6\n")
                       .arg(lr.value(QStringLiteral("id")).toInteger())
                       .arg(lr.value(QStringLiteral("kind")).toString(), lr.value(QStringLiteral("status")).toString().toUpper(),
                            lr.value(QStringLiteral("started_at")).toString(),
                            lr.value(QStringLiteral("finished_at")).toString().isEmpty() ? QStringLiteral("-") : lr.value(QStringLiteral("finished_at")).toString(),
                            lr.value(QStringLiteral("error")).toString().isEmpty() ? QString() : QStringLiteral("\n  error: ") + lr.value(QStringLiteral("error")).toString());
        out << QStringLiteral("  %1 %2 %3 %4 %5  %6\n").arg(QStringLiteral("entity"), -10).arg(QStringLiteral("linked"), 9)
                   .arg(QStringLiteral("pending"), 8).arg(QStringLiteral("quarantined"), 12).arg(QStringLiteral("conflicts"), 10)
                   .arg(QStringLiteral("cursor (value / last id)"));
        for (const QJsonValue &ev : so.value(QStringLiteral("entities")).toArray()) {
            const QJsonObject eo = ev.toObject();
            const QJsonObject cur = eo.value(QStringLiteral("cursor")).toObject();
            QString cursor = cur.isEmpty() ? QStringLiteral("(start)")
                                           : cur.value(QStringLiteral("value")).toString() + QStringLiteral(" / ") + cur.value(QStringLiteral("last_id")).toString();
            if (eo.value(QStringLiteral("full_walk_in_progress")).toBool())
                cursor += QStringLiteral("  (a full walk is in progress)");
            out << QStringLiteral("  %1 %2 %3 %4 %5  %6\n").arg(eo.value(QStringLiteral("entity")).toString(), -10)
                       .arg(Progress::number(eo.value(QStringLiteral("linked")).toInteger()), 9)
                       .arg(Progress::number(eo.value(QStringLiteral("pending")).toInteger()), 8)
                       .arg(Progress::number(eo.value(QStringLiteral("quarantined")).toInteger()), 12)
                       .arg(Progress::number(eo.value(QStringLiteral("open_conflicts")).toInteger()), 10)
                       .arg(cursor);
        }
    }
    return ExitOk;
}

int initCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    QCommandLineOption preset(QStringLiteral("preset"), QStringLiteral("The preset: forum."), QStringLiteral("NAME"));
    QCommandLineOption url(QStringLiteral("url"), QStringLiteral("Base URL of the API, e.g. http://127.0.0.1:8080/api/v1."), QStringLiteral("URL"));
    QCommandLineOption database(QStringLiteral("database"), QStringLiteral("The main SQLite database file."), QStringLiteral("PATH"));
    QCommandLineOption tokenEnv(QStringLiteral("token-env"), QStringLiteral("Environment variable holding the API token (default FORUM_TOKEN)."), QStringLiteral("VAR"));
    QCommandLineOption noAuth(QStringLiteral("no-auth"), QStringLiteral("The API needs no token."));
    QCommandLineOption name(QStringLiteral("name"), QStringLiteral("Name of the source (default forum)."), QStringLiteral("NAME"));
    QCommandLineOption start(QStringLiteral("start"), QStringLiteral("Where a new source starts: beginning (all history), now (only changes from now on), "
                                                                     "or an ISO-8601 date (everything changed since)."), QStringLiteral("WHEN"));
    QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("The configuration file to write."), QStringLiteral("FILE"));
    QCommandLineOption force(QStringLiteral("force"), QStringLiteral("Overwrite an existing file."));
    p.addOptions({preset, url, database, tokenEnv, noAuth, name, start, output, force});
    int code = ExitOk;
    if (!parse(p, QStringLiteral("init"), QStringLiteral("Writes a working configuration for a source from a preset."), args, &code))
        return code;
    QStringList missing;
    for (const auto &o : {preset, url, database, output}) {
        if (!p.isSet(o))
            missing.append(QStringLiteral("--") + o.names().last());
    }
    if (!missing.isEmpty()) {
        err << "tributaryd init: missing " << missing.join(QStringLiteral(", ")) << "\n";
        return ExitUsage;
    }
    if (p.value(preset) != QLatin1String("forum")) {
        err << "tributaryd init: unknown preset \"" << p.value(preset) << "\"; available: forum\n";
        return ExitUsage;
    }
    if (QFileInfo::exists(p.value(output)) && !p.isSet(force)) {
        err << "tributaryd init: " << p.value(output) << " exists; use --force to overwrite it\n";
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
    QString error;
    if (!writeForumConfig(o, p.value(output), &error)) {
        err << "tributaryd init: " << error << "\n";
        return ExitUsage;
    }
    out << "Wrote " << p.value(output) << ": source \"" << o.sourceName << "\" at " << o.url << " into " << o.database << "\n";
    if (!o.noAuth)
        out << "The API token is read from the environment variable " << o.tokenEnv << " (never stored in the file).\n";
    out << "Next: tributaryd sync --config " << p.value(output) << "\n";
    return ExitOk;
}

} // namespace

bool writeForumConfig(const InitOptions &o, const QString &output, QString *error)
{
    QFile preset(QStringLiteral(":/tributary/presets/forum.json"));
    if (!preset.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("the forum preset is missing from this build");
        return false;
    }
    QJsonObject root = QJsonDocument::fromJson(preset.readAll()).object();
    const QUrl u(o.url);
    if (!u.isValid() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) || u.host().isEmpty()) {
        *error = QStringLiteral("--url: expected an http(s) URL such as http://127.0.0.1:8080/api/v1, got \"%1\"").arg(o.url);
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
        *error = QStringLiteral("cannot write %1: %2").arg(output, f.errorString());
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
        (command.isEmpty() ? err : out) << kUsage;
        return command.isEmpty() ? ExitUsage : ExitOk;
    }
    if (command == QLatin1String("--version")) {
        out << "tributaryd " << QCoreApplication::applicationVersion() << "\n";
        return ExitOk;
    }
    if (command == QLatin1String("sync"))
        return syncCommand(arguments, out, err);
    if (command == QLatin1String("verify"))
        return verifyCommand(arguments, out, err);
    if (command == QLatin1String("status"))
        return statusCommand(arguments, out, err);
    if (command == QLatin1String("init"))
        return initCommand(arguments, out, err);
    if (command == QLatin1String("demo"))
        return demo(arguments, out, err);
    if (command == QLatin1String("bench"))
        return bench(arguments, out, err);
    err << "tributaryd: unknown command \"" << command << "\"\n\n" << kUsage;
    return ExitUsage;
}

} // namespace Tributary::Cli
