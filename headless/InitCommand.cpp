// tributaryd init: a working configuration for a source, written from a preset, or (--detect, in
// InitDetect.cpp) learnt from the API itself. writeForumConfig() is also how demo and bench
// configure the forums they serve.

#include "InitCommand.h"

#include "DatabaseArgument.h"

#include "CliCommon.h"
#include "Commands.h"

#include "ExitCode.h"
#include "JsonReport.h"
#include "Tr.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace Tributary::Cli {

int initCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    QCommandLineOption preset(QStringLiteral("preset"), Tr::tr("The preset: forum."), QStringLiteral("NAME"));
    QCommandLineOption url(QStringLiteral("url"), Tr::tr("Base URL of the API, e.g. http://127.0.0.1:8080/api/v1."), QStringLiteral("URL"));
    QCommandLineOption database(QStringLiteral("database"),
                                Tr::tr("The main database: an SQLite file, or postgresql://USER@HOST[:PORT]/DATABASE (no password in "
                                       "it: libpq reads PGPASSWORD or ~/.pgpass, or see --database-password-env)."),
                                QStringLiteral("PATH|URL"));
    QCommandLineOption databasePasswordEnv(QStringLiteral("database-password-env"),
                                           Tr::tr("PostgreSQL: the environment variable tributaryd reads the password from."),
                                           QStringLiteral("VAR"));
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
    QCommandLineOption detect(QStringLiteral("detect"),
                              Tr::tr("Instead of a preset: learn from the API how it pages, filters and names its fields, write that "
                                     "configuration (to standard output without --output), then probe it. Each --url is then the "
                                     "listing of one entity (https://api.example.com/v2/items; repeat it); --token-env names a bearer "
                                     "token's variable (none by default); --name defaults to api."));
    p.addOptions({preset, url, database, databasePasswordEnv, tokenEnv, noAuth, name, start, output, force, webhookSecretEnv, detect, jsonOption()});
    int code = ExitOk;
    JsonReport report(QStringLiteral("init"), args, out);
    // Before parsing: a command line the parser refuses still gets a complete document.
    report.insert(QStringLiteral("mode"), args.contains(QStringLiteral("--detect")) ? QStringLiteral("detect") : QStringLiteral("preset"));
    report.insert(QStringLiteral("output"), QJsonValue());
    report.insert(QStringLiteral("written"), false);
    report.insert(QStringLiteral("configuration"), QJsonValue());
    if (!parse(p, QStringLiteral("init"), Tr::tr("Writes a working configuration for a source from a preset."), args, &code))
        return report.refused(p, code);
    if (p.isSet(output))
        report.insert(QStringLiteral("output"), p.value(output));
    if (!p.isSet(detect) && p.isSet(preset))
        report.insert(QStringLiteral("preset"), p.value(preset));
    auto usage = [&](const QString &message) {
        err << "tributaryd init: " << message << "\n";
        report.setError(Error(Error::Code::Config, message));
        return report.finish(ExitUsage);
    };
    if (p.isSet(detect)) {
        if (p.isSet(preset) || p.isSet(webhookSecretEnv))
            return usage(Tr::tr("--detect cannot be combined with --preset or --webhook-secret-env"));
        if (!p.isSet(url))
            return usage(Tr::tr("missing %1").arg(QStringLiteral("--url")));
        DetectOptions o;
        o.urls = p.values(url);
        o.output = p.value(output);
        o.database = p.value(database);
        o.databasePasswordEnv = p.value(databasePasswordEnv);
        o.tokenEnv = p.isSet(noAuth) ? QString() : p.value(tokenEnv);
        if (p.isSet(name))
            o.sourceName = p.value(name);
        if (p.isSet(start))
            o.start = p.value(start);
        o.force = p.isSet(force);
        return initDetect(o, out, err, &report);
    }
    QStringList missing;
    for (const auto &o : {preset, url, database, output}) {
        if (!p.isSet(o))
            missing.append(QStringLiteral("--") + o.names().last());
    }
    if (!missing.isEmpty())
        return usage(Tr::tr("missing %1").arg(missing.join(QStringLiteral(", "))));
    if (p.value(preset) != QLatin1String("forum"))
        return usage(Tr::tr("unknown preset \"%1\"; available: %2").arg(p.value(preset), QStringLiteral("forum")));
    if (QFileInfo::exists(p.value(output)) && !p.isSet(force))
        return usage(Tr::tr("%1 exists; use --force to overwrite it").arg(p.value(output)));
    InitOptions o;
    o.url = p.value(url);
    o.database = p.value(database);
    o.databasePasswordEnv = p.value(databasePasswordEnv);
    if (p.isSet(tokenEnv))
        o.tokenEnv = p.value(tokenEnv);
    o.noAuth = p.isSet(noAuth);
    if (p.isSet(name))
        o.sourceName = p.value(name);
    if (p.isSet(start))
        o.start = p.value(start);
    o.webhookSecretEnv = p.value(webhookSecretEnv);
    QString error;
    if (!writeForumConfig(o, p.value(output), &error))
        return usage(error);
    if (report.isEnabled()) {
        QFile written(p.value(output));
        written.open(QIODevice::ReadOnly);
        report.insert(QStringLiteral("written"), true);
        report.insert(QStringLiteral("configuration"), QJsonDocument::fromJson(written.readAll()).object());
        report.insert(QStringLiteral("source"), o.sourceName);
        report.insert(QStringLiteral("base_url"), o.url);
        report.insert(QStringLiteral("token_env"), o.noAuth ? QJsonValue() : QJsonValue(o.tokenEnv));
        report.insert(QStringLiteral("webhook_secret_env"), o.webhookSecretEnv.isEmpty() ? QJsonValue() : QJsonValue(o.webhookSecretEnv));
        return report.finish(ExitOk);
    }
    out << Tr::tr("Wrote %1: source \"%2\" at %3 into %4").arg(p.value(output), o.sourceName, o.url, o.database) << "\n";
    if (!o.noAuth)
        out << Tr::tr("The API token is read from the environment variable %1 (never stored in the file).").arg(o.tokenEnv) << "\n";
    if (!o.webhookSecretEnv.isEmpty())
        out << Tr::tr("Webhooks are verified with the secret in the environment variable %1.").arg(o.webhookSecretEnv) << "\n";
    out << Tr::tr("Next: %1").arg(QStringLiteral("tributaryd sync --config ") + p.value(output)) << "\n";
    return ExitOk;
}

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
    // An SQLite path is written relative to the configuration file when it lives beside it, so
    // the pair can be moved together.
    QJsonObject db;
    if (!databaseObject(o.database, QFileInfo(output).absoluteFilePath(), o.databasePasswordEnv, &db, error))
        return false;
    const QJsonObject shipped = root.value(QStringLiteral("database")).toObject();
    for (auto it = shipped.begin(); it != shipped.end(); ++it) {
        if (it.key() != QLatin1String("path") && it.key() != QLatin1String("driver") && !db.contains(it.key()))
            db.insert(it.key(), it.value());
    }
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

} // namespace Tributary::Cli
