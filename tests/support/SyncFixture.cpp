#include "SyncFixture.h"

#include "Snapshot.h"
#include "TestSupport.h"

#include "BuiltinSources.h"
#include "engine/Source.h"
#include "engine/SourceRegistry.h"
#include "state/Migrations.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

namespace Tributary::Test {

ForumGeneratorOptions forum(int users, int sections, int topics, int messages, quint64 seed)
{
    ForumGeneratorOptions o;
    o.users = users;
    o.sections = sections;
    o.topics = topics;
    o.messages = messages;
    o.seed = seed;
    return o;
}

void editSource(QJsonObject &root, const std::function<void(QJsonObject &source)> &edit)
{
    QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
    QJsonObject src = sources.at(0).toObject();
    edit(src);
    sources.replace(0, src);
    root.insert(QStringLiteral("sources"), sources);
}

void setPageSize(QJsonObject &source, int size)
{
    QJsonObject rest = source.value(QStringLiteral("rest")).toObject();
    QJsonObject pagination = rest.value(QStringLiteral("pagination")).toObject();
    pagination.insert(QStringLiteral("page_size"), size);
    rest.insert(QStringLiteral("pagination"), pagination);
    source.insert(QStringLiteral("rest"), rest);
}

std::function<void(QJsonObject &root)> pageSize(int size)
{
    return [size](QJsonObject &root) { editSource(root, [size](QJsonObject &src) { setPageSize(src, size); }); };
}

void setColumn(QJsonObject &root, const QString &entity, const QString &column, const QJsonObject &mapping)
{
    editSource(root, [&](QJsonObject &src) {
        QJsonArray entities = src.value(QStringLiteral("entities")).toArray();
        for (qsizetype i = 0; i < entities.size(); ++i) {
            QJsonObject e = entities.at(i).toObject();
            if (e.value(QStringLiteral("name")).toString() != entity)
                continue;
            QJsonObject columns = e.value(QStringLiteral("columns")).toObject();
            columns.insert(column, mapping);
            e.insert(QStringLiteral("columns"), columns);
            entities.replace(i, e);
        }
        src.insert(QStringLiteral("entities"), entities);
    });
}

void addSourceCopy(QJsonObject &root, const QString &name, const QUrl &baseUrl)
{
    QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
    QJsonObject src = sources.at(0).toObject();
    src.insert(QStringLiteral("name"), name);
    QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
    rest.insert(QStringLiteral("base_url"), baseUrl.toString());
    src.insert(QStringLiteral("rest"), rest);
    sources.append(src);
    root.insert(QStringLiteral("sources"), sources);
}

namespace {
bool writeSqlite(const QString &path, const QString &sql, const void *owner)
{
    const QString name = QStringLiteral("forum-writer-%1").arg(quintptr(owner));
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                qWarning("writeForum: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}
} // namespace

bool SyncFixture::writeForum(const QString &sql)
{
    return writeSqlite(externalDb(), sql, this);
}

bool SyncFixture::writeSecondForum(const QString &sql)
{
    return writeSqlite(secondExternalDb(), sql, this);
}

bool SyncFixture::generateSecondExternal(const ForumGeneratorOptions &options)
{
    ForumGenerator g(options);
    QString error;
    const bool ok = g.generate(secondExternalDb(), &error);
    if (!ok)
        qWarning("generate second external: %s", qPrintable(error));
    return ok;
}

bool SyncFixture::startSecondForum()
{
    ForumSimOptions o;
    o.dbPath = secondExternalDb();
    o.token = m_token;
    QString error;
    if (!m_secondForum.start(o, &error)) {
        qWarning("second forum-sim: %s", qPrintable(error));
        return false;
    }
    return true;
}

SyncFixture::SyncFixture()
{
    registerBuiltinSources();
    QVERIFY2(m_dir.isValid(), "cannot create a temporary directory");
    m_main = std::make_unique<MainDatabase>(m_dir.path());
    QVERIFY2(m_main->isReady(), qPrintable(m_main->error()));
}

SyncFixture::~SyncFixture()
{
    m_db.reset();
    m_forum.stop();
}

bool SyncFixture::generateMain(const ForumGeneratorOptions &options)
{
    // Generated as a SQLite forum, then moved into the main database (a copy on SQLite).
    const QString seed = path(QStringLiteral("main-generated.sqlite"));
    ForumGeneratorOptions o = options;
    o.replace = true;
    ForumGenerator g(o);
    QString error;
    const bool ok = g.generate(seed, &error) && m_main->importForum(seed, &error);
    if (!ok)
        qWarning("generate main: %s", qPrintable(error));
    return ok;
}

bool SyncFixture::generateExternal(const ForumGeneratorOptions &options)
{
    ForumGenerator g(options);
    QString error;
    const bool ok = g.generate(externalDb(), &error);
    if (!ok)
        qWarning("generate external: %s", qPrintable(error));
    return ok;
}

bool SyncFixture::startForum(const QString &token, const ForumFaults &faults, quint64 seed, int churn)
{
    ForumSimOptions o;
    o.token = token;
    o.faults = faults;
    o.seed = seed;
    o.churn = churn;
    return startForum(o);
}

bool SyncFixture::startForum(ForumSimOptions o)
{
    if (o.dbPath.isEmpty())
        o.dbPath = externalDb();
    m_token = o.token;
    QString error;
    if (!m_forum.start(o, &error)) {
        qWarning("forum-sim: %s", qPrintable(error));
        return false;
    }
    return true;
}

bool SyncFixture::configure(const std::function<void(QJsonObject &)> &edit)
{
    QFile preset(QStringLiteral(":/tributary/presets/forum.json"));
    if (!preset.open(QIODevice::ReadOnly))
        return false;
    QJsonObject root = QJsonDocument::fromJson(preset.readAll()).object();
    QJsonObject db = m_main->config();
    db.insert(QStringLiteral("timestamp_format"), QStringLiteral("yyyy-MM-dd HH:mm:ss.ffffff"));
    root.insert(QStringLiteral("database"), db);
    QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
    QJsonObject src = sources.at(0).toObject();
    QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
    rest.insert(QStringLiteral("base_url"), m_forum.baseUrl().toString());
    rest.insert(QStringLiteral("auth"), QJsonObject{{QStringLiteral("type"), QStringLiteral("bearer")},
                                                    {QStringLiteral("token"), QJsonObject{{QStringLiteral("env"), QStringLiteral("TRIBUTARY_TEST_TOKEN")}}}});
    src.insert(QStringLiteral("rest"), rest);
    sources.replace(0, src);
    root.insert(QStringLiteral("sources"), sources);
    if (edit)
        edit(root);
    qputenv("TRIBUTARY_TEST_TOKEN", m_token.toUtf8());

    QFile out(configPath());
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    out.write(QJsonDocument(root).toJson());
    out.close();

    QStringList errors;
    m_db.reset();
    if (!Config::load(configPath(), &m_config, &errors)) {
        qWarning("config: %s", qPrintable(errors.join(QStringLiteral("\n"))));
        return false;
    }
    Error error;
    m_db = Database::open(m_config.database, m_config.baseDir(), &error);
    if (!m_db || !Migrations::run(*m_db, &error)) {
        qWarning("database: %s", qPrintable(error.toString()));
        return false;
    }
    errors = checkSchema(*m_db, m_config);
    if (!errors.isEmpty()) {
        qWarning("schema: %s", qPrintable(errors.join(QStringLiteral("\n"))));
        return false;
    }
    return true;
}

Database &SyncFixture::db() { return *m_db; }

RunResult runSync(Database &db, const Config &config, const SourceConfig &source, QNetworkAccessManager *nam,
                  const RunRequest &options)
{
    std::unique_ptr<Source> impl = SourceRegistry::create(source, nam);
    const std::unique_ptr<Run> owned = Run::create(db, config, source, impl.get(), options);
    Run &run = *owned;
    QSignalSpy done(&run, &Run::finished);
    run.start();
    if (!done.wait(600000))
        qWarning("the sync did not finish");
    return run.result();
}

QList<Verifier::EntityReport> runVerify(Database &db, const Config &config, const SourceConfig &source,
                                        QNetworkAccessManager *nam, bool *inSync, Error *error)
{
    std::unique_ptr<Source> impl = SourceRegistry::create(source, nam);
    Verifier v(db, config, source, impl.get());
    QSignalSpy done(&v, &Verifier::finished);
    v.start();
    if (!done.wait(600000))
        qWarning("verify did not finish");
    *inSync = v.isInSync();
    if (error)
        *error = v.error();
    for (const auto &r : v.reports()) {
        for (const QString &e : r.examples)
            qInfo("verify %s: %s", qPrintable(r.entity), qPrintable(e));
    }
    return v.reports();
}

RunResult SyncFixture::sync(const RunRequest &options, const QString &source)
{
    const SourceConfig *sc = source.isEmpty() ? &m_config.sources.first() : m_config.source(source);
    return runSync(*m_db, m_config, *sc, &m_nam, options);
}

QList<Verifier::EntityReport> SyncFixture::verify(bool *inSync, Error *error, const QString &source)
{
    const SourceConfig *sc = source.isEmpty() ? &m_config.sources.first() : m_config.source(source);
    return runVerify(*m_db, m_config, *sc, &m_nam, inSync, error);
}

QJsonObject SyncFixture::forumCall(const QByteArray &verb, const QString &p, const QJsonObject &body, int *status)
{
    QNetworkRequest req(QUrl(m_forum.baseUrl().toString() + p));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    QNetworkReply *reply = m_nam.sendCustomRequest(req, verb, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(30000);
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("data")).toObject();
    reply->deleteLater();
    return o;
}

int SyncFixture::tributaryd(const QStringList &args, QString *out, const Environment &env) const
{
    Environment e{{QStringLiteral("TRIBUTARY_TEST_TOKEN"), m_token}};
    e.insert(env); // the test's variables win
    const TributarydProcess::Result r = TributarydProcess::run(args + QStringList{QStringLiteral("--config"), configPath()}, e);
    *out = r.output();
    return r.exitCode;
}

qint64 SyncFixture::scalar(const QString &sql, const QVariantList &binds)
{
    // A query that fails is never a count of 0: a check written in one database's dialect would
    // pass on the other without checking anything.
    QSqlQuery q(m_db->db());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next()) {
        qWarning("query failed: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return kQueryFailed;
    }
    return q.value(0).toLongLong();
}

QVariant SyncFixture::value(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(m_db->db());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        qWarning("query failed: %s", qPrintable(sql));
        return {};
    }
    return q.next() ? q.value(0) : QVariant();
}

qint64 queueOutbox(SyncFixture &f, const OutboxRow &row)
{
    QSqlQuery q(f.db().db());
    q.prepare(QStringLiteral("INSERT INTO tributary_outbox (source, entity, table_name, local_id, made_at, changed_at, state, attempts, "
                             "next_attempt_at, last_error, sent_at, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v : QVariantList{row.source, row.entity, row.table, row.localId, row.madeAt, row.madeAt, row.state, row.attempts,
                                          row.nextAttemptAt.isEmpty() ? QStringLiteral("") : row.nextAttemptAt, row.lastError.isEmpty() ? QVariant() : QVariant(row.lastError),
                                          row.inDoubt ? QVariant(row.madeAt) : QVariant(),
                                          row.inDoubt ? QVariant(QStringLiteral("key-") + row.localId) : QVariant()})
        q.addBindValue(v);
    if (!q.exec()) {
        qWarning("queueOutbox: %s", qPrintable(q.lastError().text()));
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

QString SyncFixture::localId(const QString &entity, const QString &externalId, const QString &source)
{
    return value(QStringLiteral("SELECT local_id FROM tributary_links WHERE source = ? AND entity = ? AND external_id = ?"),
                 {source, entity, externalId})
        .toString();
}

QString SyncFixture::contentInSourceTerms(const QString &source)
{
    return Tributary::Test::contentInSourceTerms(*m_db, m_config, source);
}

QString SyncFixture::digest(const QString &table, qint64 maxId)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT * FROM %1 WHERE id <= ? ORDER BY id").arg(table));
    q.addBindValue(maxId);
    q.exec();
    while (q.next()) {
        for (int i = 0; i < q.record().count(); ++i)
            h.addData(q.value(i).toString().toUtf8() + '\x1f');
    }
    return QString::fromLatin1(h.result().toHex());
}

} // namespace Tributary::Test
