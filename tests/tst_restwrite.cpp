// Write-back through the generic REST source (rest.write): the requests a configuration makes,
// what each answer means, what is never sent twice, and the configuration's checks. Against
// forum-sim over loopback for the Good Forum's rules (conditional writes, idempotent creates,
// validation, origin), and a small local server for answers forum-sim never gives.

#include "SyncFixture.h"
#include "TestSupport.h"

#include "BuiltinSources.h"
#include "net/HttpServer.h"
#include "rest/RestConfig.h"
#include "rest/RestSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// What a write job said, read in its finished() slot.
struct WriteResult
{
    int finishedCount = 0;
    WriteJob::Outcome outcome = WriteJob::Outcome::Done;
    QJsonObject record;
    QString refusal;
    int status = 0;
    bool replayed = false;
    Error error;
};

WriteResult runWrite(Source &source, const WriteRequest &request)
{
    WriteResult r;
    WriteJob *job = source.write(request);
    if (!job) {
        r.error = Error(Error::Code::Internal, QStringLiteral("test: write() gave no job"));
        return r;
    }
    QObject::connect(job, &SourceJob::finished, &source, [&r](SourceJob *j) {
        auto *w = static_cast<WriteJob *>(j);
        ++r.finishedCount;
        r.outcome = w->outcome();
        r.record = w->record();
        r.refusal = w->refusal();
        r.status = w->status();
        r.replayed = w->replayed();
        r.error = w->error();
    });
    QSignalSpy done(job, &SourceJob::finished);
    job->start();
    if (!done.wait(30000))
        r.error = Error(Error::Code::Internal, QStringLiteral("test: the write never finished"));
    return r;
}

WriteRequest request(WriteRequest::Op op, const QString &entity, const QString &id = {}, const QJsonObject &record = {})
{
    return WriteRequest{op, entity, id, record, {}, {}};
}

// A configuration with one REST source "api" and one entity "items", read by the real loader
// (which runs the REST validator); false with *errors when it is refused.
bool loadApi(const QJsonObject &rest, const QJsonObject &entityKeys, Config *config, QStringList *errors)
{
    QJsonObject entity = entityKeys;
    entity.insert(QStringLiteral("name"), QStringLiteral("items"));
    entity.insert(QStringLiteral("table"), QStringLiteral("items"));
    if (!entity.contains(QStringLiteral("endpoint")))
        entity.insert(QStringLiteral("endpoint"), QStringLiteral("/items"));
    entity.insert(QStringLiteral("columns"), QJsonObject{{QStringLiteral("title"), QStringLiteral("title")}});
    const QJsonObject root{{QStringLiteral("database"), QJsonObject{{QStringLiteral("path"), QStringLiteral("main.sqlite")}}},
                           {QStringLiteral("sources"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("api")},
                                                                              {QStringLiteral("type"), QStringLiteral("rest")},
                                                                              {QStringLiteral("direction"), QStringLiteral("both")},
                                                                              {QStringLiteral("rest"), rest},
                                                                              {QStringLiteral("entities"), QJsonArray{entity}}}}}};
    return Config::fromJson(root, QDir::temp().filePath(QStringLiteral("tributary.json")), config, errors);
}

} // namespace

class tst_RestWrite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void configValidation_data();
    void configValidation();
    void canWriteFollowsTheDirection();

    // forum-sim
    void createIsIdempotent();
    void updateIsConditional();
    void deleteIsConditional();
    void validationIsRefused_data();
    void validationIsRefused();
    void wrongTokenIsAnAuthError();

    // a local server
    void requestsFollowTheConfiguration();
    void answers_data();
    void answers();
    void unkeyedCreatesAreNotSentTwice_data();
    void unkeyedCreatesAreNotSentTwice();

private:
    struct Seen
    {
        QByteArray method;
        QByteArray target;
        QHash<QByteArray, QByteArray> headers;
        QByteArray body;
    };
    // A source on the local server: rest.write `write`, the entity's keys `entity`.
    std::unique_ptr<RestSource> localSource(const QJsonObject &write, const QJsonObject &entity = {},
                                            const QJsonObject &limits = {});
    std::unique_ptr<RestSource> forumSource();

    QNetworkAccessManager m_nam;
    std::unique_ptr<SyncFixture> m_forum;
    // What the forum's webhooks announced (forum-sim echoes X-Forum-Client as "client").
    std::unique_ptr<HttpServer> m_webhooks;
    QList<QJsonObject> m_events;

    std::unique_ptr<HttpServer> m_local;
    QList<Seen> m_seen;
    HttpResponse m_answer;
    Config m_localConfig;
};

void tst_RestWrite::initTestCase()
{
    registerBuiltinSources();
    m_webhooks = std::make_unique<HttpServer>([this](const HttpRequest &r) {
        m_events.append(QJsonDocument::fromJson(r.body).object());
        return HttpResponse::text(200, "ok");
    });
    QVERIFY(m_webhooks->listen(QHostAddress::LocalHost, 0));

    m_forum = std::make_unique<SyncFixture>();
    QVERIFY(m_forum->generateMain(forum(5, 2, 4, 10, 1)));
    QVERIFY(m_forum->generateExternal(forum(20, 4, 20, 60, 2)));
    ForumSimOptions options;
    options.token = QStringLiteral("write-token");
    options.webhookUrls = {QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(m_webhooks->port()))};
    options.webhookSecret = "hook-secret";
    QVERIFY(m_forum->startForum(options));
    QVERIFY(m_forum->configure([](QJsonObject &root) {
        editSource(root, [](QJsonObject &source) {
            source.insert(QStringLiteral("direction"), QStringLiteral("both"));
            QJsonObject rest = source.value(QStringLiteral("rest")).toObject();
            rest.insert(QStringLiteral("write"), obj(R"({"origin_header": "X-Forum-Client", "origin": "tributary-test"})"));
            source.insert(QStringLiteral("rest"), rest);
            // One entity that only reads, for canWrite().
            QJsonArray entities = source.value(QStringLiteral("entities")).toArray();
            for (qsizetype i = 0; i < entities.size(); ++i) {
                QJsonObject e = entities.at(i).toObject();
                if (e.value(QStringLiteral("name")).toString() == QLatin1String("messages"))
                    e.insert(QStringLiteral("direction"), QStringLiteral("in"));
                entities.replace(i, e);
            }
            source.insert(QStringLiteral("entities"), entities);
        });
    }));

    m_local = std::make_unique<HttpServer>([this](const HttpRequest &r) {
        m_seen.append({r.method, r.target, r.headers, r.body});
        return m_answer;
    });
    QVERIFY(m_local->listen(QHostAddress::LocalHost, 0));
}

void tst_RestWrite::cleanupTestCase()
{
    m_forum.reset();
}

std::unique_ptr<RestSource> tst_RestWrite::forumSource()
{
    return std::make_unique<RestSource>(*m_forum->config().source(QStringLiteral("forum")), &m_nam);
}

std::unique_ptr<RestSource> tst_RestWrite::localSource(const QJsonObject &write, const QJsonObject &entity, const QJsonObject &limits)
{
    QJsonObject rest{{QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:%1/v1").arg(m_local->port())},
                     {QStringLiteral("record_path"), QStringLiteral("data")},
                     {QStringLiteral("write"), write}};
    rest.insert(QStringLiteral("limits"), limits.isEmpty() ? obj(R"({"timeout_ms": 3000, "max_retries": 2, "backoff_ms": 1, "max_backoff_ms": 5})")
                                                           : limits);
    QStringList errors;
    if (!loadApi(rest, entity, &m_localConfig, &errors)) {
        qWarning("%s", qPrintable(errors.join(QLatin1Char('\n'))));
        return nullptr;
    }
    m_seen.clear();
    m_answer = HttpResponse::json(200, R"({"data": {"id": 7}})");
    return std::make_unique<RestSource>(*m_localConfig.source(QStringLiteral("api")), &m_nam);
}

// ---------------------------------------------------------------------------------------------
// Configuration

void tst_RestWrite::configValidation_data()
{
    QTest::addColumn<QByteArray>("write");  // rest.write
    QTest::addColumn<QByteArray>("entity"); // the entity's own "write", or empty
    QTest::addColumn<QString>("expected");  // the start of one error line; empty: valid

    QTest::newRow("defaults") << QByteArray("{}") << QByteArray() << QString();
    QTest::newRow("everything")
        << QByteArray(R"({"create": {"method": "PUT", "path": "new"}, "update": {"method": "POST", "path": "{id}/edit"},
                         "delete": {"method": "POST", "path": "/archive/{id}"}, "body_path": "data.item",
                         "conditional_header": "", "idempotency_header": "X-Request-Id", "origin_header": "X-Forum-Client", "origin": "sync"})")
        << QByteArray() << QString();
    QTest::newRow("unknown key") << QByteArray(R"({"methd": "POST"})") << QByteArray()
                                 << "sources.api.rest.write.methd: unknown key; expected one of create, update, delete";
    QTest::newRow("bad method") << QByteArray(R"({"update": {"method": "GET"}})") << QByteArray()
                                << R"(sources.api.rest.write.update.method: expected one of POST, PUT, PATCH, DELETE; got "GET")";
    QTest::newRow("unknown request key") << QByteArray(R"({"create": {"verb": "POST"}})") << QByteArray()
                                         << "sources.api.rest.write.create.verb: unknown key; expected one of method, path";
    QTest::newRow("request not an object") << QByteArray(R"({"delete": "DELETE"})") << QByteArray()
                                           << "sources.api.rest.write.delete: expected an object, got a string";
    QTest::newRow("update without {id}") << QByteArray(R"({"update": {"path": "edit"}})") << QByteArray()
                                         << "sources.api.rest.write.update.path: must contain {id}";
    QTest::newRow("delete without {id}") << QByteArray(R"({"delete": {"path": ""}})") << QByteArray()
                                         << "sources.api.rest.write.delete.path: must contain {id}";
    QTest::newRow("create with {id}") << QByteArray(R"({"create": {"path": "{id}"}})") << QByteArray()
                                      << "sources.api.rest.write.create.path: cannot contain {id}";
    QTest::newRow("other placeholder") << QByteArray(R"({"update": {"path": "{uuid}"}})") << QByteArray()
                                       << "sources.api.rest.write.update.path: the only placeholder is {id}";
    QTest::newRow("query in a path") << QByteArray(R"({"update": {"path": "{id}?force=1"}})") << QByteArray()
                                     << "sources.api.rest.write.update.path: a path only";
    QTest::newRow("URL as a path") << QByteArray(R"({"create": {"path": "https://other.example.com/items"}})") << QByteArray()
                                   << "sources.api.rest.write.create.path: a path relative to the entity's endpoint";
    QTest::newRow("bad body_path") << QByteArray(R"({"body_path": "data..item"})") << QByteArray()
                                   << R"(sources.api.rest.write.body_path: "data..item" is not a dotted path)";
    QTest::newRow("bad header name") << QByteArray(R"({"conditional_header": "If Unmodified Since"})") << QByteArray()
                                     << "sources.api.rest.write.conditional_header: is not an HTTP header name";
    QTest::newRow("origin with a line break") << QByteArray(R"({"origin_header": "X-Forum-Client", "origin": "a\r\nX-Evil: 1"})")
                                              << QByteArray() << "sources.api.rest.write.origin: contains a line break";
    QTest::newRow("origin header without origin") << QByteArray(R"({"origin_header": "X-Forum-Client", "origin": ""})")
                                                  << QByteArray() << "sources.api.rest.write.origin: must not be empty when origin_header is set";
    QTest::newRow("entity override") << QByteArray(R"({"update": {"method": "PUT"}})") << QByteArray(R"({"update": {"path": "{id}/edit"}})")
                                     << QString();
    QTest::newRow("entity override names the entity")
        << QByteArray("{}") << QByteArray(R"({"update": {"method": "FETCH"}})")
        << R"(sources.api.entities.items.write.update.method: expected one of POST, PUT, PATCH, DELETE; got "FETCH")";
    QTest::newRow("entity override, unknown key") << QByteArray("{}") << QByteArray(R"({"origin_headr": "X"})")
                                                  << "sources.api.entities.items.write.origin_headr: unknown key";
}

void tst_RestWrite::configValidation()
{
    QFETCH(QByteArray, write);
    QFETCH(QByteArray, entity);
    QFETCH(QString, expected);
    const QJsonObject rest{{QStringLiteral("base_url"), QStringLiteral("https://api.example.com/v1")},
                           {QStringLiteral("write"), QJsonDocument::fromJson(write).object()}};
    QJsonObject entityKeys;
    if (!entity.isEmpty())
        entityKeys.insert(QStringLiteral("write"), QJsonDocument::fromJson(entity).object());
    Config config;
    QStringList errors;
    const bool ok = loadApi(rest, entityKeys, &config, &errors);
    const QString unexpected = Test::unexpectedProblems(ok, errors, expected);
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected));
}

void tst_RestWrite::canWriteFollowsTheDirection()
{
    QCOMPARE(RestConfig::writeMethods(), (QStringList{QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"), QStringLiteral("DELETE")}));
    const auto source = forumSource();
    QString why;
    QVERIFY2(source->canWrite(QStringLiteral("users"), WriteRequest::Op::Create, &why), qPrintable(why));
    QVERIFY(why.isEmpty());
    QVERIFY(!source->canWrite(QStringLiteral("messages"), WriteRequest::Op::Update, &why));
    QVERIFY2(why.contains(QLatin1String("sources.forum.entities.messages.direction")), qPrintable(why));
    QVERIFY(!source->write(request(WriteRequest::Op::Update, QStringLiteral("messages"), QStringLiteral("1"))));
    QVERIFY(!source->canWrite(QStringLiteral("likes"), WriteRequest::Op::Create, &why));
    QVERIFY2(why.contains(QLatin1String("no entity \"likes\"")), qPrintable(why));
}

// ---------------------------------------------------------------------------------------------
// forum-sim

// The same Idempotency-Key twice makes one record: the second answer is the first one again,
// marked as replayed. The origin header reaches the forum (its webhook names the client).
void tst_RestWrite::createIsIdempotent()
{
    const auto source = forumSource();
    WriteRequest create = request(WriteRequest::Op::Create, QStringLiteral("sections"), {},
                                  {{QStringLiteral("title"), QStringLiteral("Pushed from the main database")}});
    create.idempotencyKey = QStringLiteral("op-create-1");
    const WriteResult first = runWrite(*source, create);
    QVERIFY2(!first.error, qPrintable(first.error.toString()));
    QCOMPARE(first.finishedCount, 1);
    QCOMPARE(first.outcome, WriteJob::Outcome::Done);
    QCOMPARE(first.status, 201);
    QVERIFY(!first.replayed);
    const qint64 id = first.record.value(QLatin1String("id")).toInteger();
    QVERIFY(id > 0);
    QCOMPARE(first.record.value(QLatin1String("title")).toString(), QStringLiteral("Pushed from the main database"));

    const WriteResult again = runWrite(*source, create);
    QVERIFY2(!again.error, qPrintable(again.error.toString()));
    QCOMPARE(again.outcome, WriteJob::Outcome::Done);
    QVERIFY(again.replayed);
    QCOMPARE(again.record, first.record);

    int status = 0;
    m_forum->forumCall("GET", QStringLiteral("/sections/%1").arg(id + 1), {}, &status);
    QCOMPARE(status, 404); // no second record

    QTRY_VERIFY(std::any_of(m_events.cbegin(), m_events.cend(), [&](const QJsonObject &e) {
        return e.value(QLatin1String("type")).toString() == QLatin1String("section.created")
            && e.value(QLatin1String("record_id")).toInteger() == id;
    }));
    for (const QJsonObject &e : std::as_const(m_events)) {
        if (e.value(QLatin1String("record_id")).toInteger() == id)
            QCOMPARE(e.value(QLatin1String("client")).toString(), QStringLiteral("tributary-test"));
    }
}

void tst_RestWrite::updateIsConditional()
{
    const auto source = forumSource();
    const QJsonObject before = m_forum->forumCall("GET", QStringLiteral("/topics/3"));
    const QString stamp = before.value(QLatin1String("updated_at")).toString();
    QVERIFY(!stamp.isEmpty());

    WriteRequest update = request(WriteRequest::Op::Update, QStringLiteral("topics"), QStringLiteral("3"),
                                  {{QStringLiteral("title"), QStringLiteral("Edited in the main database")}});
    update.unmodifiedSince = stamp;
    const WriteResult done = runWrite(*source, update);
    QVERIFY2(!done.error, qPrintable(done.error.toString()));
    QCOMPARE(done.outcome, WriteJob::Outcome::Done);
    QCOMPARE(done.status, 200);
    QCOMPARE(done.record.value(QLatin1String("title")).toString(), QStringLiteral("Edited in the main database"));
    QVERIFY(done.record.value(QLatin1String("updated_at")).toString() != stamp);

    // The same stale condition again: the forum's record moved on (by our own write).
    update.record = {{QStringLiteral("title"), QStringLiteral("A stale edit")}};
    const WriteResult changed = runWrite(*source, update);
    QVERIFY2(!changed.error, qPrintable(changed.error.toString()));
    QCOMPARE(changed.outcome, WriteJob::Outcome::Changed);
    QCOMPARE(changed.status, 412);
    QCOMPARE(changed.record, done.record);

    // Ids beyond 2^53 go into the URL as the text they are.
    const WriteResult missing = runWrite(*source, request(WriteRequest::Op::Update, QStringLiteral("topics"),
                                                          QStringLiteral("9007199254740993"),
                                                          {{QStringLiteral("title"), QStringLiteral("x")}}));
    QVERIFY2(!missing.error, qPrintable(missing.error.toString()));
    QCOMPARE(missing.outcome, WriteJob::Outcome::NotFound);
}

void tst_RestWrite::deleteIsConditional()
{
    const auto source = forumSource();
    const WriteResult created = runWrite(*source, request(WriteRequest::Op::Create, QStringLiteral("sections"), {},
                                                          {{QStringLiteral("title"), QStringLiteral("Short-lived")}}));
    QVERIFY2(!created.error, qPrintable(created.error.toString()));
    const QString id = QString::number(created.record.value(QLatin1String("id")).toInteger());

    WriteRequest remove = request(WriteRequest::Op::Delete, QStringLiteral("sections"), id);
    remove.unmodifiedSince = QStringLiteral("2001-01-01T00:00:00.000000Z");
    const WriteResult stale = runWrite(*source, remove);
    QCOMPARE(stale.outcome, WriteJob::Outcome::Changed);
    QCOMPARE(stale.record.value(QLatin1String("title")).toString(), QStringLiteral("Short-lived"));

    remove.unmodifiedSince = created.record.value(QLatin1String("updated_at")).toString();
    const WriteResult done = runWrite(*source, remove);
    QVERIFY2(!done.error, qPrintable(done.error.toString()));
    QCOMPARE(done.outcome, WriteJob::Outcome::Done);
    QCOMPARE(done.status, 204);
    QVERIFY(done.record.isEmpty());

    const WriteResult gone = runWrite(*source, remove);
    QVERIFY2(!gone.error, qPrintable(gone.error.toString()));
    QCOMPARE(gone.outcome, WriteJob::Outcome::NotFound);
}

void tst_RestWrite::validationIsRefused_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QByteArray>("record");
    QTest::addColumn<QString>("expected");

    // User 1's e-mail is read from the forum in the test.
    QTest::newRow("duplicate e-mail") << QStringLiteral("users") << QByteArray(R"({"name": "Twin"})")
                                      << QStringLiteral("email: The email has already been taken.");
    QTest::newRow("unknown section") << QStringLiteral("topics") << QByteArray(R"({"section_id": 999999, "user_id": 1, "title": "Lost"})")
                                     << QStringLiteral("section_id: The selected section id is invalid.");
}

void tst_RestWrite::validationIsRefused()
{
    QFETCH(QString, entity);
    QFETCH(QByteArray, record);
    QFETCH(QString, expected);
    QJsonObject fields = QJsonDocument::fromJson(record).object();
    if (entity == QLatin1String("users"))
        fields.insert(QStringLiteral("email"), m_forum->forumCall("GET", QStringLiteral("/users/1")).value(QLatin1String("email")));
    const auto source = forumSource();
    const WriteResult r = runWrite(*source, request(WriteRequest::Op::Create, entity, {}, fields));
    QVERIFY2(!r.error, qPrintable(r.error.toString()));
    QCOMPARE(r.outcome, WriteJob::Outcome::Refused);
    QCOMPARE(r.status, 422);
    QVERIFY2(r.refusal.contains(expected), qPrintable(r.refusal));
    // Laravel's "message" is its first field message: said once, with the field's name.
    QCOMPARE(r.refusal.count(expected.section(QStringLiteral(": "), 1)), 1);
}

void tst_RestWrite::wrongTokenIsAnAuthError()
{
    const QByteArray token = qgetenv("TRIBUTARY_TEST_TOKEN");
    qputenv("TRIBUTARY_TEST_TOKEN", "not-the-token");
    const auto source = forumSource(); // the credential is read now
    qputenv("TRIBUTARY_TEST_TOKEN", token);
    const WriteResult r = runWrite(*source, request(WriteRequest::Op::Update, QStringLiteral("sections"), QStringLiteral("1"),
                                                    {{QStringLiteral("title"), QStringLiteral("x")}}));
    QCOMPARE(r.finishedCount, 1);
    QCOMPARE(r.error.code, Error::Code::Auth);
    QVERIFY2(r.error.message.contains(QLatin1String("PATCH")) && r.error.message.contains(QLatin1String("HTTP 401")),
             qPrintable(r.error.message));
    QVERIFY2(r.error.message.contains(QLatin1String("TRIBUTARY_TEST_TOKEN")), qPrintable(r.error.message));
}

// ---------------------------------------------------------------------------------------------
// A local server

// Methods, paths (relative to the endpoint or to base_url), the body wrapped at body_path, the
// headers turned on and off, the record read at record_path.
void tst_RestWrite::requestsFollowTheConfiguration()
{
    const auto source = localSource(obj(R"({"body_path": "data", "origin_header": "X-Origin"})"),
                                    obj(R"({"write": {"update": {"method": "PUT", "path": "{id}/edit"},
                                                      "delete": {"path": "/archive/{id}"}, "conditional_header": ""}})"));
    QVERIFY(source);
    const QJsonObject fields{{QStringLiteral("title"), QStringLiteral("Hello")}, {QStringLiteral("views"), 12}};

    WriteRequest create = request(WriteRequest::Op::Create, QStringLiteral("items"), {}, fields);
    create.idempotencyKey = QStringLiteral("key-1");
    m_answer = HttpResponse::json(201, R"({"data": {"id": 7, "title": "Hello"}})");
    m_answer.setHeader("Idempotent-Replayed", "true");
    WriteResult r = runWrite(*source, create);
    QVERIFY2(!r.error, qPrintable(r.error.toString()));
    QCOMPARE(r.record, obj(R"({"id": 7, "title": "Hello"})"));
    QVERIFY(r.replayed);
    QCOMPARE(m_seen.size(), 1);
    QCOMPARE(m_seen.at(0).method, QByteArray("POST"));
    QCOMPARE(m_seen.at(0).target, QByteArray("/v1/items"));
    QCOMPARE(QJsonDocument::fromJson(m_seen.at(0).body).object(), (QJsonObject{{QStringLiteral("data"), fields}}));
    QCOMPARE(m_seen.at(0).headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(m_seen.at(0).headers.value("idempotency-key"), QByteArray("key-1"));
    QCOMPARE(m_seen.at(0).headers.value("x-origin"), QByteArray("tributary"));

    WriteRequest update = request(WriteRequest::Op::Update, QStringLiteral("items"), QStringLiteral("9007199254740993"), fields);
    update.unmodifiedSince = QStringLiteral("2026-11-21T10:15:30.123456Z");
    m_answer = HttpResponse::json(200, R"({"data": {"id": 9007199254740993}})");
    r = runWrite(*source, update);
    QVERIFY2(!r.error, qPrintable(r.error.toString()));
    QVERIFY(!r.replayed);
    QCOMPARE(m_seen.last().method, QByteArray("PUT"));
    QCOMPARE(m_seen.last().target, QByteArray("/v1/items/9007199254740993/edit"));
    QVERIFY(!m_seen.last().headers.contains("if-unmodified-since")); // conditional_header ""
    QVERIFY(!m_seen.last().headers.contains("idempotency-key"));

    WriteRequest remove = request(WriteRequest::Op::Delete, QStringLiteral("items"), QStringLiteral("a/b c"));
    m_answer = HttpResponse::text(204, QByteArray());
    r = runWrite(*source, remove);
    QVERIFY2(!r.error, qPrintable(r.error.toString()));
    QCOMPARE(r.outcome, WriteJob::Outcome::Done);
    QVERIFY(r.record.isEmpty());
    QCOMPARE(m_seen.last().method, QByteArray("DELETE"));
    QCOMPARE(m_seen.last().target, QByteArray("/v1/archive/a%2Fb%20c"));
    QVERIFY(m_seen.last().body.isEmpty());

    // The defaults: PATCH to {id}, the record as the body, If-Unmodified-Since, no origin.
    const auto plain = localSource(QJsonObject());
    QVERIFY(plain);
    m_answer = HttpResponse::json(200, R"({"data": {"id": 5}})");
    update.externalId = QStringLiteral("5");
    r = runWrite(*plain, update);
    QVERIFY2(!r.error, qPrintable(r.error.toString()));
    QCOMPARE(m_seen.last().method, QByteArray("PATCH"));
    QCOMPARE(m_seen.last().target, QByteArray("/v1/items/5"));
    QCOMPARE(QJsonDocument::fromJson(m_seen.last().body).object(), fields);
    QCOMPARE(m_seen.last().headers.value("if-unmodified-since"), QByteArray("2026-11-21T10:15:30.123456Z"));
    QVERIFY(!m_seen.last().headers.contains("x-origin"));
}

void tst_RestWrite::answers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("outcome"); // WriteJob::Outcome, or -1: the job's error
    QTest::addColumn<int>("errorCode");
    QTest::addColumn<QString>("text"); // in refusal() or the error's message

    const int failed = -1;
    const int none = int(Error::Code::None);
    QTest::newRow("200 with the record") << 200 << QByteArray(R"({"data": {"id": 5}})") << int(WriteJob::Outcome::Done) << none << QString();
    QTest::newRow("204") << 204 << QByteArray() << int(WriteJob::Outcome::Done) << none << QString();
    QTest::newRow("200 without record_path") << 200 << QByteArray(R"({"ok": true})") << int(WriteJob::Outcome::Done) << none << QString();
    QTest::newRow("404") << 404 << QByteArray(R"({"message": "Not found."})") << int(WriteJob::Outcome::NotFound) << none << QString();
    QTest::newRow("412 with the record") << 412 << QByteArray(R"({"message": "The record changed.", "data": {"id": 5, "title": "theirs"}})")
                                         << int(WriteJob::Outcome::Changed) << none << QString();
    QTest::newRow("412 without") << 412 << QByteArray() << int(WriteJob::Outcome::Changed) << none << QString();
    QTest::newRow("400") << 400 << QByteArray(R"({"message": "Bad input."})") << int(WriteJob::Outcome::Refused) << none
                         << QStringLiteral("Bad input.");
    QTest::newRow("403") << 403 << QByteArray(R"({"message": "This action is unauthorized."})") << int(WriteJob::Outcome::Refused)
                         << none << QStringLiteral("This action is unauthorized.");
    QTest::newRow("409 without a body") << 409 << QByteArray() << int(WriteJob::Outcome::Refused) << none << QStringLiteral("HTTP 409");
    QTest::newRow("422 with fields")
        << 422 << QByteArray(R"json({"message": "The title is required. (and 1 more error)", "errors": {"title": ["The title is required."], "views": ["The views must be a number."]}})json")
        << int(WriteJob::Outcome::Refused) << none
        // Laravel's message is the first field message again: each said once, with its field.
        << QStringLiteral("title: The title is required.; views: The views must be a number.");
    QTest::newRow("422 masks secrets") << 422 << QByteArray(R"({"message": "Bearer abcdefghijkl is not allowed to write"})")
                                       << int(WriteJob::Outcome::Refused) << none << QStringLiteral("Bearer ***");
    QTest::newRow("401") << 401 << QByteArray(R"({"message": "Unauthenticated."})") << failed << int(Error::Code::Auth)
                         << QStringLiteral("PATCH http://127.0.0.1:%1/v1/items/5: HTTP 401 Unauthorized");
    QTest::newRow("418") << 418 << QByteArray(R"({"message": "I'm a teapot."})") << failed << int(Error::Code::Http)
                         << QStringLiteral("PATCH http://127.0.0.1:%1/v1/items/5: HTTP 418: I'm a teapot.");
    QTest::newRow("200, not JSON") << 200 << QByteArray("<html>") << int(WriteJob::Outcome::Done) << none << QString();
}

void tst_RestWrite::answers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, outcome);
    QFETCH(int, errorCode);
    QFETCH(QString, text);
    const auto source = localSource(QJsonObject());
    QVERIFY(source);
    m_answer = HttpResponse::json(status, body);
    const WriteResult r = runWrite(*source, request(WriteRequest::Op::Update, QStringLiteral("items"), QStringLiteral("5"),
                                                    {{QStringLiteral("title"), QStringLiteral("mine")}}));
    QCOMPARE(r.finishedCount, 1);
    QCOMPARE(m_seen.size(), 1); // none of these is asked again
    QCOMPARE(int(r.error.code), errorCode);
    if (text.contains(QLatin1String("%1")))
        text = text.arg(m_local->port());
    if (outcome == -1) {
        QVERIFY2(r.error.message.contains(text), qPrintable(r.error.message));
        QVERIFY2(r.error.message.startsWith(QLatin1String("source api, entity items: ")), qPrintable(r.error.message));
        return;
    }
    QVERIFY2(!r.error, qPrintable(r.error.toString()));
    QCOMPARE(int(r.outcome), outcome);
    QCOMPARE(r.status, status);
    if (text.isEmpty())
        QVERIFY2(r.refusal.isEmpty(), qPrintable(r.refusal));
    else
        QVERIFY2(r.refusal.contains(text), qPrintable(r.refusal));
    const QJsonObject sent = QJsonDocument::fromJson(body).object();
    if (sent.value(QLatin1String("data")).isObject())
        QCOMPARE(r.record, sent.value(QLatin1String("data")).toObject());
    else
        QVERIFY(r.record.isEmpty());
}

// A create without an idempotency key that may have reached the server (a timeout, a 5xx) is
// never sent again: it might create the record twice. With a key, and every other write, the
// retries are those of reads; a 429 is retried whatever the request.
void tst_RestWrite::unkeyedCreatesAreNotSentTwice_data()
{
    QTest::addColumn<int>("op");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("status"); // 0: no answer at all
    QTest::addColumn<int>("attempts");
    QTest::addColumn<bool>("mayExist"); // the error says the record may or may not have been created

    const int create = int(WriteRequest::Op::Create);
    const int update = int(WriteRequest::Op::Update);
    QTest::newRow("create, no key, timeout") << create << QString() << 0 << 1 << true;
    QTest::newRow("create, no key, 503") << create << QString() << 503 << 1 << true;
    QTest::newRow("create, no key, 429") << create << QString() << 429 << 3 << false;
    QTest::newRow("create, key, timeout") << create << QStringLiteral("k-1") << 0 << 3 << false;
    QTest::newRow("create, key, 503") << create << QStringLiteral("k-1") << 503 << 3 << false;
    QTest::newRow("update, timeout") << update << QString() << 0 << 3 << false;
}

void tst_RestWrite::unkeyedCreatesAreNotSentTwice()
{
    QFETCH(int, op);
    QFETCH(QString, key);
    QFETCH(int, status);
    QFETCH(int, attempts);
    QFETCH(bool, mayExist);
    const auto source = localSource(QJsonObject(), {}, obj(R"({"timeout_ms": 200, "max_retries": 2, "backoff_ms": 1, "max_backoff_ms": 5})"));
    QVERIFY(source);
    if (status == 0) {
        m_answer = HttpResponse();
        m_answer.hang = true;
    } else {
        m_answer = HttpResponse::json(status, R"({"message": "busy"})");
        m_answer.setHeader("Retry-After", "0");
    }
    WriteRequest w = request(WriteRequest::Op(op), QStringLiteral("items"), op == int(WriteRequest::Op::Create) ? QString() : QStringLiteral("5"),
                             {{QStringLiteral("title"), QStringLiteral("once")}});
    w.idempotencyKey = key;
    const WriteResult r = runWrite(*source, w);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY(r.error);
    QCOMPARE(m_seen.size(), attempts);
    QCOMPARE(r.error.message.contains(QLatin1String("may or may not have been created")), mayExist);
}

QTEST_MAIN(tst_RestWrite)
#include "tst_restwrite.moc"
