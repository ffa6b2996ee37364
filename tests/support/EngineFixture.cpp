#include "EngineFixture.h"

#include "Snapshot.h"

#include "BuiltinSources.h"
#include "forum-sim/ForumSchema.h"
#include "state/ChangeLog.h"
#include "state/ConflictStore.h"
#include "state/CursorStore.h"
#include "state/ParkingLot.h"
#include "store/Statements.h"
#include "state/Migrations.h"
#include "store/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace Tributary::Test {

namespace {
// A scenario's run takes milliseconds; this only bounds a run that hangs by mistake.
constexpr int kRunTimeoutMs = 60000;
} // namespace

QString outcome(const RunResult &result)
{
    return RunResult::statusName(result.status);
}

EngineFixture::EngineFixture()
    : m_remote(std::make_unique<FakeSource>(QStringLiteral("forum"))),
      m_appConnection(QStringLiteral("engine-fixture-app-%1").arg(quintptr(this)))
{
    registerBuiltinSources();
    if (!m_dir.isValid()) {
        fail(QStringLiteral("cannot create a temporary directory"));
        return;
    }
    // The main application's database exists before Tributary ever runs: its Laravel tables, made
    // through the application's own connection.
    m_main = std::make_unique<MainDatabase>(m_dir.path());
    if (!m_main->isReady()) {
        fail(m_main->error());
        return;
    }
    QSqlDatabase appDb = m_main->connect(m_appConnection);
    QString why;
    if (!appDb.isOpen() || !ForumSchema::createTables(appDb, &why)) {
        fail(QStringLiteral("cannot create the forum's tables: %1 %2").arg(why, appDb.lastError().text()));
        return;
    }

    // The shipped forum preset, pointed at the temporary main database.
    QFile preset(QStringLiteral(":/tributary/presets/forum.json"));
    if (!preset.open(QIODevice::ReadOnly)) {
        fail(QStringLiteral("the forum preset is not in the resources"));
        return;
    }
    m_root = QJsonDocument::fromJson(preset.readAll()).object();
    QJsonObject database = m_main->config();
    const QJsonObject shipped = m_root.value(QStringLiteral("database")).toObject();
    for (auto it = shipped.begin(); it != shipped.end(); ++it) {
        if (it.key() != QLatin1String("path") && it.key() != QLatin1String("driver"))
            database.insert(it.key(), it.value());
    }
    m_root.insert(QStringLiteral("database"), database);
    if (!load(&why)) {
        fail(why);
        return;
    }
    // As tributaryd's Context::open does it: open, migrate, check the schema.
    Error error;
    std::unique_ptr<Database> db = Database::open(m_config.database, m_config.baseDir(), &error);
    if (!db || !Migrations::run(*db, &error)) {
        fail(QStringLiteral("database: %1").arg(error.toString()));
        return;
    }
    const QStringList problems = checkSchema(*db, m_config);
    if (!problems.isEmpty()) {
        fail(QStringLiteral("schema: %1").arg(problems.join(QStringLiteral("; "))));
        return;
    }
    m_db = std::move(db);
}

EngineFixture::~EngineFixture()
{
    m_db.reset();
    {
        QSqlDatabase appDb = QSqlDatabase::database(m_appConnection, false);
        if (appDb.isOpen())
            appDb.close();
    }
    QSqlDatabase::removeDatabase(m_appConnection);
}

bool EngineFixture::fail(const QString &problem)
{
    m_db.reset();
    QTest::qFail(qPrintable(QStringLiteral("EngineFixture: ") + problem), __FILE__, __LINE__);
    return false;
}

bool EngineFixture::load(QString *problem)
{
    const QString file = path(QStringLiteral("tributary.json"));
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *problem = QStringLiteral("cannot write %1").arg(file);
        return false;
    }
    out.write(QJsonDocument(m_root).toJson());
    out.close();
    QStringList errors;
    Config loaded;
    if (!Config::load(file, &loaded, &errors)) {
        *problem = QStringLiteral("the configuration is not valid: %1").arg(errors.join(QStringLiteral("; ")));
        return false;
    }
    m_config = loaded;
    return true;
}

bool EngineFixture::configure(const std::function<void(QJsonObject &source)> &edit)
{
    QJsonArray sources = m_root.value(QStringLiteral("sources")).toArray();
    QJsonObject source = sources.at(0).toObject();
    edit(source);
    sources.replace(0, source);
    m_root.insert(QStringLiteral("sources"), sources);
    QString why;
    if (!load(&why)) {
        qWarning("EngineFixture::configure: %s", qPrintable(why));
        return false;
    }
    if (m_db) {
        const QStringList problems = checkSchema(*m_db, m_config);
        if (!problems.isEmpty()) {
            qWarning("EngineFixture::configure: %s", qPrintable(problems.join(QStringLiteral("; "))));
            return false;
        }
    }
    return true;
}

bool EngineFixture::setSourceOption(const QString &key, const QJsonValue &value)
{
    return configure([&](QJsonObject &source) { source.insert(key, value); });
}

bool EngineFixture::setEntityOption(const QString &entityName, const QString &key, const QJsonValue &value)
{
    return configure([&](QJsonObject &source) {
        QJsonArray entities = source.value(QStringLiteral("entities")).toArray();
        for (int i = 0; i < entities.size(); ++i) {
            QJsonObject e = entities.at(i).toObject();
            if (e.value(QStringLiteral("name")).toString() == entityName) {
                e.insert(key, value);
                entities.replace(i, e);
            }
        }
        source.insert(QStringLiteral("entities"), entities);
    });
}

const SourceConfig &EngineFixture::sourceConfig() const
{
    return *m_config.source(sourceName());
}

const EntityConfig *EngineFixture::entity(const QString &name) const
{
    const SourceConfig *sc = m_config.source(sourceName());
    const EntityConfig *e = sc ? sc->entity(name) : nullptr;
    if (!e)
        qWarning("EngineFixture: no entity %s", qPrintable(name));
    return e;
}

QSqlDatabase EngineFixture::app() const
{
    return QSqlDatabase::database(m_appConnection);
}

// --- Runs ---

RunResult EngineFixture::run(const RunSpec &spec)
{
    RunResult failed;
    failed.status = RunResult::Status::Failed;
    if (!m_db) {
        failed.error = Error(Error::Code::Internal, QStringLiteral("the fixture is not set up"));
        return failed;
    }
    m_remote->resetCounters();
    const std::unique_ptr<Run> owned = Run::create(*m_db, m_config, sourceConfig(), m_remote.get(), spec.request);
    Run &run = *owned;
    int pages = 0;
    if (spec.stopAfterPages > 0) {
        // progress() follows each applied page: the page has committed when stop() is asked.
        QObject::connect(&run, &Run::progress, &run, [&](const QString &entityName, const EntityCounts &) {
            if (entityName == spec.stopEntity && ++pages == spec.stopAfterPages)
                run.stop();
        });
    }
    QSignalSpy done(&run, &Run::finished);
    run.start();
    if (!done.wait(kRunTimeoutMs)) {
        qWarning("EngineFixture: the %s run did not finish; stopping it", qPrintable(RunKinds::name(spec.request.kind())));
        run.stop();
        if (!done.wait(kRunTimeoutMs))
            return failed;
    }
    const RunResult result = run.result();
    if (result.error)
        qInfo("EngineFixture: %s run %s: %s", qPrintable(result.kindName()), qPrintable(outcome(result)), qPrintable(result.error.toString()));
    return result;
}

RunResult EngineFixture::sync()
{
    return run({});
}

RunResult EngineFixture::syncFull()
{
    RunSpec spec;
    spec.request = RunRequest::full();
    return run(spec);
}

RunResult EngineFixture::syncEntities(const QStringList &entities)
{
    RunSpec spec;
    spec.request = RunRequest::incremental(entities);
    return run(spec);
}

RunResult EngineFixture::reconcile()
{
    RunSpec spec;
    spec.request = RunRequest::reconcile();
    return run(spec);
}

RunResult EngineFixture::fetchByIds(const QList<QPair<QString, QString>> &records)
{
    RunSpec spec;
    QList<RecordRef> refs;
    for (const auto &r : records)
        refs.append({r.first, r.second});
    spec.request = RunRequest::webhook(refs);
    return run(spec);
}

RunResult EngineFixture::retryQuarantine(const QStringList &entities)
{
    RunSpec spec;
    spec.request = RunRequest::quarantineRetry(entities);
    return run(spec);
}

RunResult EngineFixture::syncStoppingAfter(int pages, const QString &entityName)
{
    RunSpec spec;
    spec.stopAfterPages = pages;
    spec.stopEntity = entityName;
    return run(spec);
}

// --- The main application's writes ---

bool EngineFixture::localUpdate(const QString &table, const QVariant &id, const QString &column, const QVariant &value)
{
    return localUpdate(table, id, QVariantMap{{column, value}});
}

bool EngineFixture::localUpdate(const QString &table, const QVariant &id, const QVariantMap &values)
{
    QStringList sets;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        sets.append(it.key() + QStringLiteral(" = ?"));
    QSqlQuery q(app());
    q.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(table, sets.join(QStringLiteral(", "))));
    for (const QVariant &v : values)
        q.addBindValue(v);
    q.addBindValue(Database::keyValue(id.toString()));
    if (!q.exec() || q.numRowsAffected() != 1) {
        qWarning("localUpdate %s %s: %s", qPrintable(table), qPrintable(id.toString()), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

QVariant EngineFixture::localInsert(const QString &table, const QVariantMap &values)
{
    QStringList marks;
    for (int i = 0; i < values.size(); ++i)
        marks.append(QStringLiteral("?"));
    QSqlQuery q(app());
    // PostgreSQL's driver answers lastInsertId() with an OID, not the key: the key is returned.
    const bool returning = !m_db->isSqlite();
    q.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)%4")
                  .arg(table, values.keys().join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")),
                       returning ? QStringLiteral(" RETURNING id") : QString()));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        qWarning("localInsert %s: %s", qPrintable(table), qPrintable(q.lastError().text()));
        return {};
    }
    if (returning)
        return q.next() ? QVariant(q.value(0).toString()) : QVariant();
    return q.lastInsertId();
}

bool EngineFixture::localDelete(const QString &table, const QVariant &id)
{
    QSqlQuery q(app());
    q.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table));
    q.addBindValue(Database::keyValue(id.toString()));
    if (!q.exec() || q.numRowsAffected() != 1) {
        qWarning("localDelete %s %s: %s", qPrintable(table), qPrintable(id.toString()), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

bool EngineFixture::localExec(const QString &sql)
{
    QSqlQuery q(app());
    if (!q.exec(sql)) {
        qWarning("localExec %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

// --- Readers ---

QVariant EngineFixture::scalar(const QString &sql, const QVariantList &binds)
{
    if (!m_db)
        return {};
    QSqlQuery q(m_db->db());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        qWarning("query failed: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return {};
    }
    return q.next() ? q.value(0) : QVariant();
}

qint64 EngineFixture::count(const QString &table, const QString &where, const QVariantList &binds)
{
    return scalar(QStringLiteral("SELECT COUNT(*) FROM %1%2").arg(table, where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where), binds)
        .toLongLong();
}

qint64 EngineFixture::links(const QString &entityName)
{
    const EntitySummary held = entityName.isEmpty() ? summary().total() : summary().entity(entityName);
    return held.links;
}

qint64 EngineFixture::goneLinks(const QString &entityName)
{
    const EntitySummary held = entityName.isEmpty() ? summary().total() : summary().entity(entityName);
    return held.gone;
}

SourceSummary EngineFixture::summary()
{
    const Result<SourceSummary> s = SourceLedger(*m_db).summary(sourceName());
    if (!s)
        qWarning("summary: %s", qPrintable(s.error().toString()));
    return s.valueOr({});
}

LinkStore::Link EngineFixture::link(const QString &entityName, const ExternalId &externalId)
{
    Error error;
    const LinkStore::Link l = LinkStore(*m_db, sourceName()).find(entityName, externalId.id, &error);
    if (error)
        qWarning("link: %s", qPrintable(error.toString()));
    return l;
}

QString EngineFixture::localId(const QString &entityName, const ExternalId &externalId)
{
    return link(entityName, externalId).localId;
}

QList<Change> EngineFixture::changes(const QString &op, qint64 runId)
{
    ChangeFilter filter;
    filter.source = sourceName();
    filter.op = op;
    filter.runId = runId;
    const Result<QList<Change>> c = ChangeLog(*m_db).list(filter);
    if (!c)
        qWarning("changes: %s", qPrintable(c.error().toString()));
    return c.valueOr({});
}

QVariant EngineFixture::value(const QString &entityName, const ExternalId &externalId, const QString &column)
{
    const EntityConfig *e = entity(entityName);
    const QString local = localId(entityName, externalId);
    if (!e || local.isEmpty())
        return {};
    return scalar(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?").arg(column, e->table, e->key), {Database::keyValue(local)});
}

QString EngineFixture::ref(const QString &entityName, const ExternalId &externalId, const QString &column)
{
    const EntityConfig *e = entity(entityName);
    if (!e)
        return {};
    QString target;
    for (const ReferenceMapping &r : e->references) {
        if (r.column == column)
            target = r.entity;
    }
    const QVariant local = value(entityName, externalId, column);
    if (target.isEmpty() || local.isNull())
        return {};
    const Result<QString> external = LinkStore(*m_db, sourceName()).externalIdOf(target, local.toString());
    if (!external)
        qWarning("ref: %s", qPrintable(external.error().toString()));
    return external.valueOr(QString());
}

bool EngineFixture::hasRow(const QString &entityName, const ExternalId &externalId)
{
    return value(entityName, externalId, entity(entityName) ? entity(entityName)->key : QStringLiteral("id")).isValid();
}

Position EngineFixture::cursor(const QString &entityName, const QString &kind)
{
    Error error;
    Position p;
    const CursorKind k = kind == QLatin1String("full") ? CursorKind::Full : kind == QLatin1String("reconcile") ? CursorKind::Reconcile
                                                                                                               : CursorKind::Incremental;
    if (!CursorStore(*m_db).load(sourceName(), entityName, k, &p, &error))
        qWarning("cursor: %s", qPrintable(error.toString()));
    return p;
}

QList<Conflict> EngineFixture::conflicts()
{
    ConflictFilter filter;
    filter.sources = {sourceName()};
    filter.includeResolved = true;
    const Result<QList<Conflict>> c = ConflictStore(*m_db).list(filter);
    if (!c)
        qWarning("conflicts: %s", qPrintable(c.error().toString()));
    return c.valueOr({});
}

QList<Conflict> EngineFixture::openConflicts()
{
    QList<Conflict> out;
    for (const Conflict &c : conflicts()) {
        if (c.isOpen())
            out.append(c);
    }
    return out;
}

QList<EngineFixture::Held> EngineFixture::pending()
{
    Statements statements(*m_db);
    const Result<QList<ParkingLot::PendingEdge>> edges = ParkingLot(*m_db, sourceName(), statements).pendingEdges();
    if (!edges)
        qWarning("pending: %s", qPrintable(edges.error().toString()));
    QMap<QString, Held> records; // by entity and id, as the table sorts them
    for (const ParkingLot::PendingEdge &e : edges.valueOr({})) {
        Held &h = records[e.entity + QChar(0x1f) + e.externalId];
        h.entity = e.entity;
        h.externalId = e.externalId;
        h.missing.append(e.reference.entity + QLatin1Char(' ') + e.reference.externalId);
    }
    return records.values();
}

QList<EngineFixture::Held> EngineFixture::quarantine()
{
    QuarantineFilter filter;
    filter.sources = {sourceName()};
    const Result<QList<QuarantineEntry>> held = ParkingLot::list(*m_db, filter);
    if (!held)
        qWarning("quarantine: %s", qPrintable(held.error().toString()));
    QMap<QString, Held> records; // by entity and id
    for (const QuarantineEntry &q : held.valueOr({}))
        records.insert(q.entity + QChar(0x1f) + q.externalId, {q.entity, q.externalId, q.field, q.reason, {}});
    return records.values();
}

QString EngineFixture::quarantineReason(const QString &entityName, const ExternalId &externalId)
{
    for (const Held &h : quarantine()) {
        if (h.entity == entityName && h.externalId == externalId.id)
            return h.reason;
    }
    return QString();
}

QString EngineFixture::snapshot()
{
    return m_db ? contentInSourceTerms(*m_db, m_config, sourceName()) : QString();
}

bool EngineFixture::verify(QList<Verifier::EntityReport> *reports)
{
    if (!m_db)
        return false;
    m_remote->resetCounters();
    Verifier v(*m_db, m_config, sourceConfig(), m_remote.get());
    QSignalSpy done(&v, &Verifier::finished);
    v.start();
    if (!done.wait(kRunTimeoutMs)) {
        qWarning("EngineFixture: verify did not finish");
        return false;
    }
    if (v.error())
        qWarning("EngineFixture: verify: %s", qPrintable(v.error().toString()));
    for (const Verifier::EntityReport &r : v.reports()) {
        for (const QString &e : r.examples)
            qInfo("verify %s: %s", qPrintable(r.entity), qPrintable(e));
    }
    if (reports)
        *reports = v.reports();
    return !v.error() && v.isInSync();
}

QString EngineFixture::expectedSnapshot() const
{
    QHash<QString, QList<QJsonObject>> records;
    for (const QString &e : m_remote->entities())
        records.insert(e, m_remote->records(e));
    return contentOfRecords(m_config, sourceName(), records);
}

} // namespace Tributary::Test
