// tributaryd init --detect: a configuration learnt from the API itself (RestDetector), matched
// against the main database's tables when it has them, written, and probed (ApiProbe).

#include "InitCommand.h"

#include "DatabaseArgument.h"

#include "ExitCode.h"
#include "JsonReport.h"
#include "ProbeCommand.h"
#include "SignalWatcher.h"
#include "Tr.h"
#include "rest/RestDetector.h"
#include "store/Database.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace Tributary::Cli {

namespace {

QString describeColumns(const RestDetector::Entity &e)
{
    QStringList parts;
    for (const RestDetector::Field &f : e.fields) {
        QString part = f.column == f.path ? f.column : QStringLiteral("%1 <- %2").arg(f.column, f.path);
        part += QStringLiteral(" (%1%2)").arg(f.type, f.optional ? QStringLiteral(", optional") : QString());
        parts.append(part);
    }
    return parts.join(QStringLiteral(", "));
}

QString describePagination(const RestDetector::Entity &e)
{
    QStringList keys;
    const QJsonObject &p = e.pagination;
    for (auto it = p.constBegin(); it != p.constEnd(); ++it) {
        if (it.key() != QLatin1String("style"))
            keys.append(QStringLiteral("%1 %2").arg(it.key(), it->isNull() ? QStringLiteral("null") : it->toVariant().toString()));
    }
    return keys.isEmpty() ? e.style : QStringLiteral("%1 (%2)").arg(e.style, keys.join(QStringLiteral(", ")));
}

void printDetected(const RestDetector::Entity &e, QTextStream &s)
{
    if (e.error) {
        s << Tr::tr("Could not detect %1: %2").arg(e.url, e.error.message) << "\n";
        return;
    }
    s << Tr::tr("Detected %1 as entity %2 (%3 request(s)):", nullptr, e.requests).arg(e.url, e.name, QString::number(e.requests)) << "\n";
    s << "  " << Tr::tr("records: %1; id field: %2; field names: %3")
                     .arg(e.recordsPath.isEmpty() ? Tr::tr("the body is the array") : QStringLiteral("\"%1\"").arg(e.recordsPath), e.idField,
                          e.naming.isEmpty() ? Tr::tr("single words") : e.naming)
      << "\n";
    s << "  " << Tr::tr("pagination: %1").arg(describePagination(e)) << "\n";
    s << "  " << Tr::tr("total: %1").arg(e.total.isEmpty() ? Tr::tr("none") : e.total) << "\n";
    if (e.incremental.isEmpty())
        s << "  " << Tr::tr("change filter: none") << "\n";
    else
        s << "  "
          << Tr::tr("change filter: %1 on %2 (format %3, sorted with %4, tie breaker %5)")
                 .arg(e.incremental.value(QStringLiteral("param")).toString(), e.incremental.value(QStringLiteral("field")).toString(),
                      e.incremental.value(QStringLiteral("format")).toString(),
                      QString::fromUtf8(QJsonDocument(e.incremental.value(QStringLiteral("params")).toObject()).toJson(QJsonDocument::Compact)),
                      e.incremental.value(QStringLiteral("tie_breaker")).toString())
          << "\n";
    s << "  " << Tr::tr("columns: %1").arg(describeColumns(e)) << "\n";
    for (const QString &note : e.notes)
        s << "  " << Tr::tr("note: %1").arg(note) << "\n";
}

// Keeps the columns the main database's table has (in its spelling) when it has the table; says
// what the person must check otherwise.
void matchTables(QJsonObject &source, const QJsonObject &database, const QString &configPath, QTextStream &s)
{
    QString why;
    std::unique_ptr<Database> db = openDatabaseObject(database, configPath, &why);
    if (!db && !why.isEmpty())
        s << Tr::tr("Cannot read the main database: %1").arg(why) << "\n";
    QJsonArray entities = source.value(QStringLiteral("entities")).toArray();
    QHash<QString, QString> entityOfTable; // the detected entity that fills a table
    for (const QJsonValue &v : std::as_const(entities))
        entityOfTable.insert(v.toObject().value(QStringLiteral("table")).toString().toLower(), v.toObject().value(QStringLiteral("name")).toString());
    for (qsizetype i = 0; i < entities.size(); ++i) {
        QJsonObject e = entities.at(i).toObject();
        const QString table = e.value(QStringLiteral("table")).toString();
        const QJsonObject columns = e.value(QStringLiteral("columns")).toObject();
        if (!db || !db->hasTable(table)) {
            s << Tr::tr("The mapping writes entity %1 into table %2 with the columns %3: the main database has no such table yet; "
                        "create it, or correct \"table\" and \"columns\", before the first sync.")
                     .arg(e.value(QStringLiteral("name")).toString(), table, columns.keys().join(QStringLiteral(", ")))
              << "\n";
            continue;
        }
        const QStringList existing = db->columns(table);
        QJsonObject kept;
        QStringList dropped;
        for (auto it = columns.constBegin(); it != columns.constEnd(); ++it) {
            const auto match = std::find_if(existing.cbegin(), existing.cend(),
                                            [&it](const QString &c) { return c.compare(it.key(), Qt::CaseInsensitive) == 0; });
            if (match == existing.cend() || match->compare(QLatin1String("id"), Qt::CaseInsensitive) == 0)
                dropped.append(it.key());
            else
                kept.insert(*match, *it);
        }
        // A foreign key holds local ids: the source's value for it is an id of the source, which
        // only a reference turns into the local id of the row it names.
        const QHash<QString, QString> foreign = db->foreignKeys(table);
        const QStringList required = db->requiredColumns(table);
        QJsonObject references;
        QStringList unreferenced;
        for (auto it = foreign.constBegin(); it != foreign.constEnd(); ++it) {
            if (!kept.contains(it.key()))
                continue;
            const QJsonValue mapping = kept.take(it.key());
            const QString field = mapping.isObject() ? mapping.toObject().value(QStringLiteral("field")).toString() : mapping.toString();
            const QString target = entityOfTable.value(it.value().toLower());
            if (target.isEmpty()) {
                unreferenced.append(QStringLiteral("%1 (%2)").arg(it.key(), it.value()));
                continue;
            }
            QJsonObject ref{{QStringLiteral("entity"), target}, {QStringLiteral("field"), field}};
            if (!required.contains(it.key(), Qt::CaseInsensitive))
                ref.insert(QStringLiteral("nullable"), true);
            references.insert(it.key(), ref);
        }
        if (!references.isEmpty())
            e.insert(QStringLiteral("references"), references);
        e.insert(QStringLiteral("columns"), kept);
        entities.replace(i, e);
        s << Tr::tr("Table %1 of the main database: mapped %2").arg(table, kept.keys().join(QStringLiteral(", "))) << "\n";
        if (!dropped.isEmpty())
            s << "  " << Tr::tr("fields without a column of that name, not mapped: %1").arg(dropped.join(QStringLiteral(", "))) << "\n";
        if (!references.isEmpty())
            s << "  " << Tr::tr("references (foreign keys, written as the local id of the row they name): %1")
                             .arg(references.keys().join(QStringLiteral(", ")))
              << "\n";
        if (!unreferenced.isEmpty())
            s << "  " << Tr::tr("foreign keys to tables no detected entity fills, not mapped (their values would be the source's ids, "
                                "not local ones): %1; add those entities (another --url) to keep them")
                             .arg(unreferenced.join(QStringLiteral(", ")))
              << "\n";
        QStringList unfilled;
        for (const QString &column : required) {
            if (!kept.contains(column) && !references.contains(column) && column.compare(e.value(QStringLiteral("key")).toString(QStringLiteral("id")), Qt::CaseInsensitive) != 0)
                unfilled.append(column);
        }
        if (!unfilled.isEmpty())
            s << "  " << Tr::tr("before the first sync: the table requires %1 (NOT NULL, no default) and no field of the API fills it; "
                                "give each a value under \"defaults\" in entity %2, or every new row is refused")
                             .arg(unfilled.join(QStringLiteral(", ")), e.value(QStringLiteral("name")).toString())
              << "\n";
    }
    source.insert(QStringLiteral("entities"), entities);
}

// init --json: what was detected at one URL (docs/json-output.md, "init").
QJsonObject detectedJson(const RestDetector::Entity &e)
{
    QJsonArray fields;
    for (const RestDetector::Field &f : e.fields)
        fields.append(QJsonObject{{QStringLiteral("column"), f.column},
                                  {QStringLiteral("path"), f.path},
                                  {QStringLiteral("type"), f.type},
                                  {QStringLiteral("optional"), f.optional}});
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return QJsonObject{{QStringLiteral("url"), e.url},
                       {QStringLiteral("entity"), e.name},
                       {QStringLiteral("ok"), e.isOk()},
                       {QStringLiteral("error"), JsonReport::error(e.error)},
                       {QStringLiteral("requests"), e.requests},
                       {QStringLiteral("records_path"), e.isOk() ? QJsonValue(e.recordsPath) : QJsonValue()},
                       {QStringLiteral("id_field"), orNull(e.idField)},
                       {QStringLiteral("change_field"), orNull(e.changeField)},
                       {QStringLiteral("naming"), orNull(e.naming)},
                       {QStringLiteral("pagination"), orNull(e.style)},
                       {QStringLiteral("total"), orNull(e.total)},
                       {QStringLiteral("change_filter"), e.incremental.isEmpty() ? QJsonValue() : QJsonValue(e.incremental)},
                       {QStringLiteral("fields"), fields},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(e.notes)}};
}

} // namespace

int initDetect(const DetectOptions &o, QTextStream &out, QTextStream &err, JsonReport *json)
{
    const bool toJson = json && json->isEnabled();
    auto fail = [&](int code, const Error &error) {
        err << "tributaryd init: " << error.message << "\n";
        if (json)
            json->setError(error);
        return json ? json->finish(code) : code;
    };
    auto done = [&](int code) { return json ? json->finish(code) : code; };
    if (!o.output.isEmpty() && QFileInfo::exists(o.output) && !o.force)
        return fail(ExitUsage, Error(Error::Code::Config, Tr::tr("%1 exists; use --force to overwrite it").arg(o.output)));
    // With the configuration (or the JSON document) on standard output, what is said about it
    // goes to standard error.
    QTextStream &report = o.output.isEmpty() || toJson ? err : out;

    RestDetector::Options options;
    options.urls = o.urls;
    options.sourceName = o.sourceName;
    options.tokenEnv = o.tokenEnv;
    RestDetector detector(options);
    SignalWatcher watcher;
    QEventLoop loop;
    QObject::connect(&detector, &RestDetector::finished, &loop, &QEventLoop::quit);
    bool interrupted = false;
    QObject::connect(&watcher, &SignalWatcher::stopRequested, &detector, [&detector, &interrupted] {
        interrupted = true;
        detector.abort();
    });
    detector.start();
    if (!detector.isFinished())
        loop.exec();
    if (interrupted)
        return fail(ExitInterrupted, Error(Error::Code::Aborted, Tr::tr("interrupted")));
    if (detector.error())
        return fail(detector.error().code == Error::Code::Config ? ExitUsage : ExitFailed, detector.error());
    bool any = false, all = true;
    QJsonArray detected;
    for (const RestDetector::Entity &e : detector.entities()) {
        printDetected(e, report);
        detected.append(detectedJson(e));
        any = any || e.isOk();
        all = all && e.isOk();
    }
    if (json) {
        json->insert(QStringLiteral("detected"), detected);
        json->insert(QStringLiteral("source"), o.sourceName);
        json->insert(QStringLiteral("base_url"), detector.baseUrl());
        json->insert(QStringLiteral("token_env"), o.tokenEnv.isEmpty() ? QJsonValue() : QJsonValue(o.tokenEnv));
    }
    if (!any)
        return fail(ExitFailed, Error(Error::Code::NotFound, Tr::tr("nothing could be detected; no configuration written")));

    QJsonObject source = detector.sourceJson();
    if (o.start == QLatin1String("beginning") || o.start == QLatin1String("now"))
        source.insert(QStringLiteral("start"), QJsonObject{{QStringLiteral("from"), o.start}});
    else
        source.insert(QStringLiteral("start"), QJsonObject{{QStringLiteral("from"), QStringLiteral("date")}, {QStringLiteral("date"), o.start}});
    // An SQLite path is written relative to the configuration file when it lives beside it.
    const QString configPath = QFileInfo(o.output.isEmpty() ? QStringLiteral("tributary.json") : o.output).absoluteFilePath();
    QJsonObject database;
    QString why;
    if (!databaseObject(o.database.isEmpty() ? QStringLiteral("database.sqlite") : o.database, configPath, o.databasePasswordEnv,
                        &database, &why))
        return fail(ExitUsage, Error(Error::Code::Config, why));
    if (!o.database.isEmpty())
        matchTables(source, database, configPath, report);
    else
        matchTables(source, QJsonObject(), configPath, report);
    const QJsonObject root{{QStringLiteral("database"), database}, {QStringLiteral("sources"), QJsonArray{source}}};

    Config config;
    QStringList problems;
    if (!Config::fromJson(root, configPath, &config, &problems)) {
        err << "tributaryd init: " << Tr::tr("the detected configuration is not valid:") << "\n";
        for (const QString &p : std::as_const(problems))
            err << "  " << p << "\n";
        if (json) {
            json->insert(QStringLiteral("configuration"), root);
            json->setError(Error(Error::Code::Config,
                                 Tr::tr("the detected configuration is not valid:") + QLatin1Char(' ') + problems.join(QStringLiteral("; "))));
        }
        return done(ExitFailed);
    }
    const QByteArray text = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (json)
        json->insert(QStringLiteral("configuration"), root);
    if (o.output.isEmpty()) {
        if (!toJson) {
            out << QString::fromUtf8(text);
            out.flush();
        }
    } else {
        QSaveFile f(o.output); // never a half-written configuration
        if (!f.open(QIODevice::WriteOnly) || f.write(text) < 0 || !f.commit())
            return fail(ExitFailed, Error(Error::Code::Internal, Tr::tr("cannot write %1: %2").arg(o.output, f.errorString())));
        if (json)
            json->insert(QStringLiteral("written"), true);
        report << Tr::tr("Wrote %1: source \"%2\" at %3 into %4").arg(o.output, o.sourceName, detector.baseUrl(), describeDatabaseObject(database)) << "\n";
    }
    if (!o.tokenEnv.isEmpty())
        report << Tr::tr("The API token is read from the environment variable %1 (never stored in the file).").arg(o.tokenEnv) << "\n";
    report << "\n" << Tr::tr("Probing the detected configuration:") << "\n";
    report.flush();
    QJsonObject probe;
    const int probed = probeSources(config, {o.sourceName}, report, err, toJson ? &probe : nullptr);
    // The probe's own keys (docs/json-output.md, "probe"), without its envelope.
    if (toJson)
        json->insert(QStringLiteral("probe"), probe);
    if (probed != ExitOk)
        return done(probed);
    // What could not be detected is missing from the file: the person asked for it.
    if (!all) {
        for (const RestDetector::Entity &e : detector.entities()) {
            if (!e.isOk()) {
                const QString message = Tr::tr("not in the configuration: %1 could not be detected (see above)").arg(e.url);
                err << "tributaryd init: " << message << "\n";
                if (json)
                    json->setError(Error(e.error.code, message));
            }
        }
        return done(ExitFailed);
    }
    if (!o.output.isEmpty())
        report << Tr::tr("Next: %1").arg(QStringLiteral("tributaryd sync --config ") + o.output) << "\n";
    return done(ExitOk);
}

} // namespace Tributary::Cli
