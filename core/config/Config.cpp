#include "Config.h"

#include <QRegularExpression>

#include "ConfigFile.h"
#include "ConfigReader.h"
#include "config/SourceTypes.h"
#include "util/Redaction.h"
#include "util/Logging.h"
#include "util/Tr.h"
#include "webhook/WebhookConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

namespace Tributary {

namespace {

const QStringList kColumnTypes = {QStringLiteral("string"), QStringLiteral("integer"), QStringLiteral("real"),
                                  QStringLiteral("boolean"), QStringLiteral("timestamp"), QStringLiteral("json")};
const QStringList kPolicies = {QStringLiteral("manual"), QStringLiteral("source-wins"),
                               QStringLiteral("local-wins"), QStringLiteral("newest-wins")};
const QStringList kDeleteModes = {QStringLiteral("soft"), QStringLiteral("hard"), QStringLiteral("ignore")};
const QStringList kDirections = {QStringLiteral("in"), QStringLiteral("out"), QStringLiteral("both")};
const QStringList kEntityKeys = {QStringLiteral("name"), QStringLiteral("table"), QStringLiteral("key"),
                                 QStringLiteral("external_id"), QStringLiteral("columns"),
                                 QStringLiteral("references"), QStringLiteral("match"),
                                 QStringLiteral("defaults"), QStringLiteral("conflict_policy"),
                                 QStringLiteral("updated_column"), QStringLiteral("enabled"), QStringLiteral("delete_mode"),
                                 QStringLiteral("deleted_column"), QStringLiteral("field_policies"),
                                 QStringLiteral("direction"), QStringLiteral("receive")};

// A plain identifier: letters, digits, underscore. Table and column names from the configuration
// are additionally checked against the real schema before any SQL runs.
bool isIdentifier(const QString &s)
{
    if (s.isEmpty() || s.size() > 128 || s.at(0).isDigit())
        return false;
    for (QChar c : s) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('_'))
            return false;
    }
    return true;
}

void checkIdentifier(const ConfigReader &r, const QString &k, const QString &value)
{
    if (!value.isEmpty() && !isIdentifier(value))
        r.error(k, Tr::tr("\"%1\" is not a plain SQL identifier (letters, digits, _)").arg(value));
}

EntityConfig parseEntity(const QJsonObject &o, const QString &path, const SourceConfig &source, QStringList *errors)
{
    const QString &sourceType = source.type;
    ConfigReader r(o, path, errors);
    EntityConfig e;
    e.options = o;
    e.direction = r.oneOf(QStringLiteral("direction"), kDirections, source.direction);
    e.receive = r.oneOf(QStringLiteral("receive"), {QStringLiteral("linked"), QStringLiteral("all")}, QStringLiteral("linked"));
    if (o.contains(QStringLiteral("receive")) && !e.writes())
        r.error(QStringLiteral("receive"), Tr::tr("only an entity that writes (\"direction\": \"out\" or \"both\") receives rows"));
    e.name = r.string(QStringLiteral("name"), {}, true);
    e.table = r.string(QStringLiteral("table"), {}, true);
    checkIdentifier(r, QStringLiteral("table"), e.table);
    e.key = r.string(QStringLiteral("key"), QStringLiteral("id"));
    checkIdentifier(r, QStringLiteral("key"), e.key);
    e.externalId = r.string(QStringLiteral("external_id"), QStringLiteral("id"));
    e.enabled = r.boolean(QStringLiteral("enabled"), true);
    e.conflictPolicy = r.oneOf(QStringLiteral("conflict_policy"), kPolicies, QStringLiteral("manual"));
    e.updatedColumn = r.string(QStringLiteral("updated_column"));
    checkIdentifier(r, QStringLiteral("updated_column"), e.updatedColumn);
    e.deleteMode = r.oneOf(QStringLiteral("delete_mode"), kDeleteModes,
                           QStringLiteral("soft"));
    e.deletedColumn = r.string(QStringLiteral("deleted_column"), e.deletedColumn);
    checkIdentifier(r, QStringLiteral("deleted_column"), e.deletedColumn);

    QSet<QString> used;
    // `k` is a full key path already (the reader of the nested object made it).
    auto claim = [&](const QString &k, const QString &column) {
        if (column == e.key)
            errors->append(k + QStringLiteral(": ") + Tr::tr("\"%1\" is the table's key; the key is assigned locally").arg(column));
        else if (used.contains(column))
            errors->append(k + QStringLiteral(": ") + Tr::tr("column \"%1\" is mapped twice").arg(column));
        used.insert(column);
    };

    const QJsonObject columns = r.object(QStringLiteral("columns"), true);
    const ConfigReader cr(columns, r.key(QStringLiteral("columns")), errors);
    for (auto it = columns.constBegin(); it != columns.constEnd(); ++it) {
        ColumnMapping m;
        m.column = it.key();
        checkIdentifier(cr, it.key(), m.column);
        claim(cr.key(it.key()), m.column);
        if (it->isString()) {
            m.field = it->toString();
        } else if (it->isObject()) {
            const ConfigReader mr(it->toObject(), cr.key(it.key()), errors);
            m.field = mr.string(QStringLiteral("field"), {}, true);
            m.type = mr.oneOf(QStringLiteral("type"), kColumnTypes, QStringLiteral("string"));
            m.required = mr.boolean(QStringLiteral("required"), false);
            m.optional = mr.boolean(QStringLiteral("optional"), false);
            m.write = mr.boolean(QStringLiteral("write"), true);
            if (m.required && m.optional)
                mr.error(QStringLiteral("optional"), Tr::tr("a column cannot be both \"required\" and \"optional\""));
            mr.rejectUnknown({QStringLiteral("field"), QStringLiteral("type"), QStringLiteral("required"), QStringLiteral("optional"),
                              QStringLiteral("write")});
        } else {
            cr.error(it.key(), Tr::tr("expected a field name or {\"field\": ..., \"type\": ...}"));
        }
        e.columns.append(m);
    }

    const QJsonObject refs = r.object(QStringLiteral("references"));
    const ConfigReader rr(refs, r.key(QStringLiteral("references")), errors);
    for (auto it = refs.constBegin(); it != refs.constEnd(); ++it) {
        if (!it->isObject()) {
            rr.error(it.key(), QStringLiteral("expected {\"entity\": ..., \"field\": ...}"));
            continue;
        }
        const ConfigReader mr(it->toObject(), rr.key(it.key()), errors);
        ReferenceMapping m;
        m.column = it.key();
        checkIdentifier(rr, it.key(), m.column);
        claim(rr.key(it.key()), m.column);
        m.entity = mr.string(QStringLiteral("entity"), {}, true);
        m.field = mr.string(QStringLiteral("field"), {}, true);
        m.nullable = mr.boolean(QStringLiteral("nullable"), false);
        m.optional = mr.boolean(QStringLiteral("optional"), false);
        if (m.optional && !m.nullable)
            mr.error(QStringLiteral("optional"), Tr::tr("a reference the source may leave out must be \"nullable\": true"));
        mr.rejectUnknown({QStringLiteral("entity"), QStringLiteral("field"), QStringLiteral("nullable"), QStringLiteral("optional")});
        e.references.append(m);
    }

    const QJsonArray match = r.array(QStringLiteral("match"));
    for (int i = 0; i < match.size(); ++i) {
        const QString col = match.at(i).toString();
        const QString k = QStringLiteral("match[%1]").arg(i);
        if (!match.at(i).isString() || !e.column(col))
            r.error(k, Tr::tr("must name a mapped column (one of the keys of \"columns\")"));
        e.match.append(col);
    }

    const QJsonObject defaults = r.object(QStringLiteral("defaults"));
    const ConfigReader dr(defaults, r.key(QStringLiteral("defaults")), errors);
    for (auto it = defaults.constBegin(); it != defaults.constEnd(); ++it) {
        checkIdentifier(dr, it.key(), it.key());
        claim(dr.key(it.key()), it.key());
        if (it->isArray() || it->isObject())
            dr.error(it.key(), Tr::tr("expected a string, number, boolean or null"));
        e.defaults.insert(it.key(), it->toVariant());
    }

    if (e.conflictPolicy == QLatin1String("newest-wins") && e.updatedColumn.isEmpty())
        r.error(QStringLiteral("conflict_policy"), Tr::tr("newest-wins needs \"updated_column\""));

    const QJsonObject fieldPolicies = r.object(QStringLiteral("field_policies"));
    const ConfigReader fr(fieldPolicies, r.key(QStringLiteral("field_policies")), errors);
    for (auto it = fieldPolicies.constBegin(); it != fieldPolicies.constEnd(); ++it) {
        bool isReference = false;
        for (const ReferenceMapping &ref : std::as_const(e.references))
            isReference = isReference || ref.column == it.key();
        if (!e.column(it.key()) && !isReference)
            fr.error(it.key(), Tr::tr("must name a mapped column (a key of \"columns\" or \"references\")"));
        const QString policy = fr.oneOf(it.key(), kPolicies, QStringLiteral("manual"));
        if (policy == QLatin1String("newest-wins") && e.updatedColumn.isEmpty())
            fr.error(it.key(), Tr::tr("newest-wins needs \"updated_column\""));
        e.fieldPolicies.insert(it.key(), policy);
    }
    // The record's modification time is compared with the row's: both must be in that column.
    const ColumnMapping *updated = e.updatedColumn.isEmpty() ? nullptr : e.column(e.updatedColumn);
    if (!e.updatedColumn.isEmpty() && (!updated || updated->type != QLatin1String("timestamp")))
        r.error(QStringLiteral("updated_column"),
                Tr::tr("\"%1\" must be one of \"columns\", with \"type\": \"timestamp\"").arg(e.updatedColumn));

    r.rejectUnknown(kEntityKeys + SourceTypes::entityKeys(sourceType));
    return e;
}

SourceConfig parseSource(const QJsonObject &o, const QString &fallbackPath, const QString &baseDir, QStringList *errors)
{
    SourceConfig s;
    s.options = o;
    s.baseDir = baseDir;
    const QString name = o.value(QStringLiteral("name")).toString();
    const QString path = name.isEmpty() ? fallbackPath : QStringLiteral("sources.") + name;
    ConfigReader r(o, path, errors);
    s.name = r.string(QStringLiteral("name"), {}, true);
    if (!s.name.isEmpty() && !isIdentifier(QString(s.name).replace(QLatin1Char('-'), QLatin1Char('_'))))
        r.error(QStringLiteral("name"), Tr::tr("use letters, digits, - and _ only"));
    s.type = r.string(QStringLiteral("type"), {}, true);
    s.enabled = r.boolean(QStringLiteral("enabled"), true);
    s.overlapSeconds = int(r.integer(QStringLiteral("overlap_seconds"), 0, 0, 7 * 86400));
    s.maxDeleteShare = r.number(QStringLiteral("max_delete_share"), 0.1, 0.0, 1.0);
    s.maxRunSeconds = int(r.integer(QStringLiteral("max_run_seconds"), s.maxRunSeconds, 0, 7 * 86400));
    s.priority = int(r.integer(QStringLiteral("priority"), 0, -1000, 1000));
    s.direction = r.oneOf(QStringLiteral("direction"), kDirections, QStringLiteral("in"));
    const QJsonObject writeBack = r.object(QStringLiteral("write_back"));
    if (!writeBack.isEmpty())
        s.writeBack = WriteBackConfig::fromJson(writeBack, r.key(QStringLiteral("write_back")), errors);
    const QJsonObject schedule = r.object(QStringLiteral("schedule"));
    if (!schedule.isEmpty())
        s.schedule = ScheduleConfig::fromJson(schedule, r.key(QStringLiteral("schedule")), errors);

    const QJsonObject start = r.object(QStringLiteral("start"));
    if (!start.isEmpty()) {
        const ConfigReader sr(start, r.key(QStringLiteral("start")), errors);
        const QString from = sr.oneOf(QStringLiteral("from"), {QStringLiteral("beginning"), QStringLiteral("now"), QStringLiteral("date")},
                                      QStringLiteral("beginning"));
        if (from == QLatin1String("now"))
            s.start.from = StartConfig::From::Now;
        else if (from == QLatin1String("date")) {
            s.start.from = StartConfig::From::Date;
            s.start.date = QDateTime::fromString(sr.string(QStringLiteral("date"), {}, true), Qt::ISODateWithMs);
            if (!s.start.date.isValid())
                sr.error(QStringLiteral("date"), Tr::tr("expected an ISO-8601 date and time, e.g. 2026-01-31T00:00:00Z"));
            s.start.date = s.start.date.toUTC();
        }
        sr.rejectUnknown({QStringLiteral("from"), QStringLiteral("date")});
    }

    const QJsonArray entities = r.array(QStringLiteral("entities"), true);
    QSet<QString> names;
    for (int i = 0; i < entities.size(); ++i) {
        const QJsonObject eo = entities.at(i).toObject();
        const QString en = eo.value(QStringLiteral("name")).toString();
        const QString epath = r.key(QStringLiteral("entities.") + (en.isEmpty() ? QString::number(i) : en));
        if (!entities.at(i).isObject()) {
            errors->append(epath + QStringLiteral(": ") + Tr::tr("expected an object"));
            continue;
        }
        EntityConfig e = parseEntity(eo, epath, s, errors);
        if (names.contains(e.name))
            errors->append(epath + QStringLiteral(": ") + Tr::tr("entity \"%1\" is declared twice").arg(e.name));
        names.insert(e.name);
        s.entities.append(e);
    }
    for (const EntityConfig &e : std::as_const(s.entities)) {
        for (const ReferenceMapping &ref : e.references) {
            if (!names.contains(ref.entity))
                errors->append(r.key(QStringLiteral("entities.%1.references.%2.entity")).arg(e.name, ref.column)
                               + QStringLiteral(": ") + Tr::tr("no entity \"%1\" in this source").arg(ref.entity));
            else if (e.reads() && s.entity(ref.entity) && !s.entity(ref.entity)->reads())
                errors->append(r.key(QStringLiteral("entities.%1.references.%2.entity")).arg(e.name, ref.column) + QStringLiteral(": ")
                               + Tr::tr("entity \"%1\" is only written (\"direction\": \"out\"); an entity that reads cannot refer to it")
                                     .arg(ref.entity));
        }
    }
    QString cycle;
    s.orderedEntities(&cycle);
    if (!cycle.isEmpty())
        errors->append(r.key(QStringLiteral("entities")) + QStringLiteral(": ") + cycle);

    QStringList known = {QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("enabled"),
                         QStringLiteral("start"), QStringLiteral("overlap_seconds"), QStringLiteral("max_delete_share"), QStringLiteral("max_run_seconds"),
                         QStringLiteral("priority"), QStringLiteral("schedule"), QStringLiteral("entities"),
                         QStringLiteral("webhook"), QStringLiteral("direction"), QStringLiteral("write_back")};
    if (!s.type.isEmpty())
        known.append(s.type);
    if (o.contains(QStringLiteral("webhook"))) {
        // Validated here, read again from `options` by the webhook receiver (core/webhook).
        QStringList entityNames;
        for (const EntityConfig &e : std::as_const(s.entities))
            entityNames.append(e.name);
        WebhookConfig::fromJson(o.value(QStringLiteral("webhook")), r.key(QStringLiteral("webhook")), entityNames, errors);
    }
    r.rejectUnknown(known);
    if (!s.type.isEmpty())
        errors->append(SourceTypes::validate(s));
    return s;
}

// Every secret the process holds is made known to the masking (logs, messages, what is stored).
QString registered(const QString &secret)
{
    Redaction::addSecret(secret);
    return secret;
}

} // namespace

ScheduleConfig ScheduleConfig::fromJson(const QJsonObject &schedule, const QString &path, QStringList *errors)
{
    ScheduleConfig c;
    const ConfigReader sr(schedule, path, errors);
    c.intervalSeconds = int(sr.integer(QStringLiteral("interval_seconds"), c.intervalSeconds, 1, 86400));
    c.reconcileIntervalSeconds = int(sr.integer(QStringLiteral("reconcile_interval_seconds"), c.reconcileIntervalSeconds, 0, 30 * 86400));
    if (c.reconcileIntervalSeconds > 0 && c.reconcileIntervalSeconds < 60)
        sr.error(QStringLiteral("reconcile_interval_seconds"), Tr::tr("expected 0 (never) or at least 60; got %1").arg(c.reconcileIntervalSeconds));
    c.jitterShare = sr.number(QStringLiteral("jitter_share"), c.jitterShare, 0.0, 0.5);
    c.reconcileOnMissedDeletes = sr.boolean(QStringLiteral("reconcile_on_missed_deletes"), c.reconcileOnMissedDeletes);
    sr.rejectUnknown({QStringLiteral("interval_seconds"), QStringLiteral("reconcile_interval_seconds"), QStringLiteral("jitter_share"),
                      QStringLiteral("reconcile_on_missed_deletes")});
    return c;
}

WriteBackConfig WriteBackConfig::fromJson(const QJsonObject &o, const QString &path, QStringList *errors)
{
    WriteBackConfig c;
    const ConfigReader r(o, path, errors);
    c.backoffSeconds = int(r.integer(QStringLiteral("backoff_seconds"), c.backoffSeconds, 1, 86400));
    c.maxBackoffSeconds = int(r.integer(QStringLiteral("max_backoff_seconds"), c.maxBackoffSeconds, 1, 7 * 86400));
    if (c.maxBackoffSeconds < c.backoffSeconds)
        r.error(QStringLiteral("max_backoff_seconds"), Tr::tr("must be at least backoff_seconds (%1)").arg(c.backoffSeconds));
    c.maxAgeSeconds = int(r.integer(QStringLiteral("max_age_seconds"), c.maxAgeSeconds, 0, 30 * 86400));
    r.rejectUnknown({QStringLiteral("backoff_seconds"), QStringLiteral("max_backoff_seconds"), QStringLiteral("max_age_seconds")});
    return c;
}

QStringList ConfigVocabulary::directions()
{
    return kDirections;
}

QStringList ConfigVocabulary::columnTypes()
{
    return kColumnTypes;
}

QStringList ConfigVocabulary::conflictPolicies()
{
    return kPolicies;
}

QStringList ConfigVocabulary::deleteModes()
{
    return kDeleteModes;
}

QString SecretRef::resolve(const QString &baseDir, QString *error) const
{
    if (!env.isEmpty()) {
        if (!qEnvironmentVariableIsSet(env.toLocal8Bit().constData())) {
            *error = Tr::tr("environment variable %1 is not set").arg(env);
            return {};
        }
        return registered(qEnvironmentVariable(env.toLocal8Bit().constData()));
    }
    if (!file.isEmpty()) {
        const QString path = QDir(baseDir).absoluteFilePath(file);
        // Read as the configuration is (a regular file, capped, each key once), but refused below
        // when others can read it, as ssh does with private keys.
        QJsonObject credentials;
        QStringList problems;
        if (!ConfigFile::readObject(path, &credentials, &problems)) {
            *error = problems.join(QStringLiteral("; "));
            return {};
        }
        if (QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther)) {
            *error = Tr::tr("credentials file %1 is readable by other users; run: chmod 600 %1").arg(path);
            return {};
        }
        const QJsonValue v = credentials.value(key);
        if (!v.isString()) {
            *error = Tr::tr("credentials file %1 has no string key \"%2\"").arg(path, key);
            return {};
        }
        return registered(v.toString());
    }
    *error = Tr::tr("no secret configured");
    return {};
}

QJsonObject SecretRef::toJson() const
{
    QJsonObject o;
    if (!env.isEmpty())
        o.insert(QStringLiteral("env"), env);
    if (!file.isEmpty()) {
        o.insert(QStringLiteral("file"), file);
        o.insert(QStringLiteral("key"), key);
    }
    return o;
}

SecretRef SecretRef::fromJson(const QJsonValue &v, const QString &path, QStringList *errors)
{
    SecretRef s;
    if (v.isString()) {
        errors->append(path + QStringLiteral(": ") + Tr::tr("secrets are not stored in the configuration; use {\"env\": \"VARIABLE\"} "
                                                            "or {\"file\": \"credentials.json\", \"key\": \"name\"}"));
        return s;
    }
    if (!v.isObject()) {
        errors->append(path + QStringLiteral(": expected {\"env\": \"VARIABLE\"} or {\"file\": ..., \"key\": ...}"));
        return s;
    }
    const ConfigReader r(v.toObject(), path, errors);
    s.env = r.string(QStringLiteral("env"));
    s.file = r.string(QStringLiteral("file"));
    s.key = r.string(QStringLiteral("key"));
    if (s.env.isEmpty() == s.file.isEmpty())
        errors->append(path + QStringLiteral(": ") + Tr::tr("give exactly one of \"env\" or \"file\""));
    if (!s.file.isEmpty() && s.key.isEmpty())
        r.error(QStringLiteral("key"), Tr::tr("is required with \"file\""));
    r.rejectUnknown({QStringLiteral("env"), QStringLiteral("file"), QStringLiteral("key")});
    return s;
}

const ColumnMapping *EntityConfig::column(const QString &columnName) const
{
    for (const ColumnMapping &c : columns) {
        if (c.column == columnName)
            return &c;
    }
    return nullptr;
}

QStringList EntityConfig::dependencies() const
{
    QStringList deps;
    for (const ReferenceMapping &r : references) {
        if (r.entity != name && !deps.contains(r.entity))
            deps.append(r.entity);
    }
    return deps;
}

const EntityConfig *SourceConfig::entity(const QString &entityName) const
{
    for (const EntityConfig &e : entities) {
        if (e.name == entityName)
            return &e;
    }
    return nullptr;
}

bool SourceConfig::writes() const
{
    for (const EntityConfig &e : entities) {
        if (e.enabled && e.writes())
            return true;
    }
    return false;
}

QList<const EntityConfig *> SourceConfig::orderedEntities(QString *error) const
{
    // Depth-first topological sort over declared references, keeping the configured order among
    // independent entities so runs are predictable.
    QList<const EntityConfig *> out;
    QHash<QString, int> state; // 0 new, 1 visiting, 2 done
    std::function<bool(const EntityConfig &, QStringList &)> visit = [&](const EntityConfig &e, QStringList &chain) {
        if (state.value(e.name) == 2)
            return true;
        if (state.value(e.name) == 1) {
            chain.append(e.name);
            return false;
        }
        state[e.name] = 1;
        chain.append(e.name);
        for (const QString &dep : e.dependencies()) {
            const EntityConfig *d = entity(dep);
            if (d && !visit(*d, chain))
                return false;
        }
        chain.removeLast();
        state[e.name] = 2;
        if (e.enabled)
            out.append(&e);
        return true;
    };
    for (const EntityConfig &e : entities) {
        QStringList chain;
        if (!visit(e, chain)) {
            if (error)
                *error = Tr::tr("references form a cycle: %1").arg(chain.join(QStringLiteral(" -> ")));
            return {};
        }
    }
    return out;
}

const SourceConfig *Config::source(const QString &sourceName) const
{
    for (const SourceConfig &s : sources) {
        if (s.name == sourceName)
            return &s;
    }
    return nullptr;
}

QString Config::baseDir() const
{
    return filePath.isEmpty() ? QDir::currentPath() : QFileInfo(filePath).absolutePath();
}

QString Config::databasePath() const
{
    return QDir(baseDir()).absoluteFilePath(database.path);
}

namespace {

// "hosts": {"api.example.com": {"requests_per_second": 10, "concurrency": 4, ...}, ...}
QHash<QString, HostLimits> parseHosts(const QJsonObject &hosts, QStringList *errors)
{
    QHash<QString, HostLimits> out;
    static const QRegularExpression keyPattern(QStringLiteral(R"(^[A-Za-z0-9._\-\[\]:]+$)"));
    for (auto it = hosts.begin(); it != hosts.end(); ++it) {
        const QString path = QStringLiteral("hosts.") + ConfigReader::printable(it.key());
        if (!keyPattern.match(it.key()).hasMatch()) {
            errors->append(path + QStringLiteral(": ")
                           + Tr::tr("expected a host (\"api.example.com\", \"127.0.0.1:8080\") or a budget name of letters, "
                                    "digits, '.', '-' and '_'"));
            continue;
        }
        if (!it.value().isObject()) {
            errors->append(path + QStringLiteral(": ") + Tr::tr("expected an object"));
            continue;
        }
        const ConfigReader hr(it.value().toObject(), path, errors);
        HostLimits l;
        const bool perSecond = hr.has(QStringLiteral("requests_per_second"));
        const bool perMinute = hr.has(QStringLiteral("requests_per_minute"));
        if (perSecond && perMinute)
            hr.error(QStringLiteral("requests_per_minute"), Tr::tr("give requests_per_second or requests_per_minute, not both"));
        const double rate = perSecond ? hr.number(QStringLiteral("requests_per_second"), 0, 0.001, 100000)
                                      : hr.number(QStringLiteral("requests_per_minute"), 0, 0.01, 6000000);
        if (rate > 0) {
            // n requests in any window of n/rate: a whole number of requests per window.
            const double windowMs = perSecond ? 1000.0 : 60000.0;
            l.requests = qMax(1, int(rate));
            l.windowMs = qMax(1, int(windowMs * l.requests / rate + 0.5));
        }
        l.concurrency = int(hr.integer(QStringLiteral("concurrency"), l.concurrency, 0, 256));
        l.maxWaitMs = int(hr.integer(QStringLiteral("max_wait_seconds"), l.maxWaitMs / 1000, 0, 86400)) * 1000;
        l.learn = hr.boolean(QStringLiteral("learn_from_headers"), l.learn);
        hr.rejectUnknown({QStringLiteral("requests_per_second"), QStringLiteral("requests_per_minute"), QStringLiteral("concurrency"),
                          QStringLiteral("max_wait_seconds"), QStringLiteral("learn_from_headers"), QStringLiteral("comment")});
        out.insert(it.key().toLower(), l);
    }
    return out;
}

} // namespace

bool Config::load(const QString &path, Config *out, QStringList *errors)
{
    QJsonObject root;
    if (!ConfigFile::readObject(path, &root, errors))
        return false;
    return fromJson(root, QFileInfo(path).absoluteFilePath(), out, errors);
}

bool Config::fromJson(const QJsonObject &root, const QString &filePath, Config *out, QStringList *errors)
{
    const int before = errors->size();
    Config c;
    c.filePath = filePath;
    const ConfigReader r(root, QString(), errors);
    r.rejectUnknown({QStringLiteral("database"), QStringLiteral("sources"), QStringLiteral("service"), QStringLiteral("hosts"),
                     QStringLiteral("$schema"), QStringLiteral("comment")});

    c.hostsOptions = r.object(QStringLiteral("hosts"));
    c.hosts = parseHosts(c.hostsOptions, errors);

    const QJsonObject service = r.object(QStringLiteral("service"));
    if (!service.isEmpty()) {
        const ConfigReader vr(service, QStringLiteral("service"), errors);
        c.service.options = service;
        if (vr.has(QStringLiteral("listen"))) {
            QString why;
            if (!ServiceConfig::parseListen(vr.string(QStringLiteral("listen")), &c.service.listenHost, &c.service.listenPort, &why))
                vr.error(QStringLiteral("listen"), why);
        }
        c.service.maxSuccessAgeSeconds = vr.integer(QStringLiteral("max_success_age_seconds"), c.service.maxSuccessAgeSeconds, 60, 30 * 86400);
        c.service.startupGraceSeconds = vr.integer(QStringLiteral("startup_grace_seconds"), c.service.startupGraceSeconds, 0, 86400);
        c.service.requestTimeoutSeconds =
            int(vr.integer(QStringLiteral("request_timeout_seconds"), c.service.requestTimeoutSeconds, 1, 600));
        c.service.idleTimeoutSeconds = int(vr.integer(QStringLiteral("idle_timeout_seconds"), c.service.idleTimeoutSeconds, 1, 3600));
        c.service.maxConnections = int(vr.integer(QStringLiteral("max_connections"), c.service.maxConnections, 1, 65536));
        c.service.leaseSeconds = int(vr.integer(QStringLiteral("lease_seconds"), c.service.leaseSeconds, 1, 3600));
        vr.rejectUnknown({QStringLiteral("listen"), QStringLiteral("max_success_age_seconds"), QStringLiteral("startup_grace_seconds"),
                          QStringLiteral("request_timeout_seconds"), QStringLiteral("idle_timeout_seconds"),
                          QStringLiteral("max_connections"), QStringLiteral("lease_seconds")});
    }

    const QJsonObject db = r.object(QStringLiteral("database"), true);
    const ConfigReader dr(db, QStringLiteral("database"), errors);
    c.database.driver = dr.oneOf(QStringLiteral("driver"), {QStringLiteral("sqlite"), QStringLiteral("postgres")}, QStringLiteral("sqlite"));
    if (c.database.driver == QLatin1String("sqlite")) {
        c.database.path = dr.string(QStringLiteral("path"), {}, true);
    } else {
        c.database.host = dr.string(QStringLiteral("host"), QStringLiteral("localhost"));
        c.database.port = int(dr.integer(QStringLiteral("port"), 5432, 1, 65535));
        c.database.name = dr.string(QStringLiteral("name"), {}, true);
        c.database.user = dr.string(QStringLiteral("user"), {}, true);
        if (db.contains(QStringLiteral("password")))
            c.database.password = SecretRef::fromJson(db.value(QStringLiteral("password")), dr.key(QStringLiteral("password")), errors);
    }
    c.database.timestampFormat = dr.string(QStringLiteral("timestamp_format"), c.database.timestampFormat);
    c.database.busyTimeoutMs = int(dr.integer(QStringLiteral("busy_timeout_ms"), c.database.busyTimeoutMs, 0, 600000));
    dr.rejectUnknown({QStringLiteral("driver"), QStringLiteral("path"), QStringLiteral("host"), QStringLiteral("port"),
                      QStringLiteral("name"), QStringLiteral("user"), QStringLiteral("password"),
                      QStringLiteral("timestamp_format"), QStringLiteral("busy_timeout_ms")});

    const QJsonArray sources = r.array(QStringLiteral("sources"), true);
    QSet<QString> names;
    for (int i = 0; i < sources.size(); ++i) {
        const QString fallback = QStringLiteral("sources[%1]").arg(i);
        if (!sources.at(i).isObject()) {
            errors->append(fallback + QStringLiteral(": ") + Tr::tr("expected an object"));
            continue;
        }
        SourceConfig s = parseSource(sources.at(i).toObject(), fallback, c.baseDir(), errors);
        if (names.contains(s.name))
            errors->append(Tr::tr("sources.%1: a source with this name is declared twice").arg(s.name));
        names.insert(s.name);
        c.sources.append(s);
    }
    if (errors->size() > before)
        return false;
    *out = c;
    return true;
}

QJsonObject Config::toJson() const
{
    // The file is the source of truth: sources and entities keep every key they were read with
    // (type-specific ones included); only the generic parts are written from the model.
    QJsonObject db;
    db.insert(QStringLiteral("driver"), database.driver);
    if (database.driver == QLatin1String("sqlite")) {
        db.insert(QStringLiteral("path"), database.path);
    } else {
        db.insert(QStringLiteral("host"), database.host);
        db.insert(QStringLiteral("port"), database.port);
        db.insert(QStringLiteral("name"), database.name);
        db.insert(QStringLiteral("user"), database.user);
        if (database.password.isSet())
            db.insert(QStringLiteral("password"), database.password.toJson());
    }
    db.insert(QStringLiteral("timestamp_format"), database.timestampFormat);
    if (database.busyTimeoutMs != DatabaseConfig().busyTimeoutMs)
        db.insert(QStringLiteral("busy_timeout_ms"), database.busyTimeoutMs);
    QJsonArray srcs;
    for (const SourceConfig &s : sources)
        srcs.append(s.options);
    QJsonObject root;
    root.insert(QStringLiteral("database"), db);
    if (!service.options.isEmpty())
        root.insert(QStringLiteral("service"), service.options);
    if (!hostsOptions.isEmpty())
        root.insert(QStringLiteral("hosts"), hostsOptions);
    root.insert(QStringLiteral("sources"), srcs);
    return root;
}

bool ServiceConfig::parseListen(const QString &text, QString *host, quint16 *port, QString *error, bool allowAnyPort)
{
    const QString t = text.trimmed();
    const int colon = t.lastIndexOf(QLatin1Char(':'));
    QString h = colon > 0 ? t.left(colon) : QString();
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    bool ok = false;
    const uint p = colon > 0 ? t.mid(colon + 1).toUInt(&ok) : 0;
    if (h.isEmpty() || !ok || p < (allowAnyPort ? 0u : 1u) || p > 65535) {
        *error = Tr::tr("expected HOST:PORT with a port from 1 to 65535, e.g. 127.0.0.1:8470; got \"%1\"").arg(text);
        return false;
    }
    // An address, not a name: what the service binds to must not depend on name resolution.
    if (hostAddress(h).isNull()) {
        *error = Tr::tr("the host must be an IP address (or localhost), e.g. 127.0.0.1, 0.0.0.0 or ::1; got \"%1\"").arg(h);
        return false;
    }
    *host = h;
    *port = quint16(p);
    return true;
}

QHostAddress ServiceConfig::hostAddress(const QString &host)
{
    return host == QLatin1String("localhost") ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
}

bool Config::save(const QString &path, QString *error) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = Tr::tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!f.commit()) {
        *error = Tr::tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace Tributary
