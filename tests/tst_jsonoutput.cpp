// --json as scripts read it: the real tributaryd against a real forum, each command's one document
// on standard output parsed and validated against its documented schema (docs/schemas/), in
// success and in failure, with the exit status it has without --json.

#include "JsonSchema.h"
#include "SyncFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <csignal>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

const QString kToken = QStringLiteral("TRIBUTARY_TEST_TOKEN");

// One run of `tributaryd <command> ARGS --json`: its document, and what is wrong with it.
struct Document
{
    int exitCode = -1;
    QJsonObject json;
    QString err;     // standard error: progress and messages for people
    QString problem; // empty when stdout was exactly one document that matches its schema
};

// What `tributaryd <command> ... --json` printed, parsed and validated.
Document parseDocument(const QString &command, const TributarydProcess::Result &r)
{
    Document d;
    d.exitCode = r.exitCode;
    d.err = r.err;
    QJsonParseError error;
    // fromJson() refuses anything after the document: stdout holds it and nothing else.
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        d.problem = QStringLiteral("stdout is not one JSON document (%1):\n%2\nstderr:\n%3").arg(error.errorString(), r.out, r.err);
        return d;
    }
    d.json = doc.object();
    QString why;
    const JsonSchema schema = JsonSchema::fromDocs(command, &why);
    QStringList problems = schema.isNull() ? QStringList{why} : schema.validate(d.json);
    if (d.json.value(QStringLiteral("exit_code")).toInt(-1) != r.exitCode)
        problems.append(QStringLiteral("exit_code %1, but tributaryd exited %2").arg(d.json.value(QStringLiteral("exit_code")).toInt(-1)).arg(r.exitCode));
    if (!problems.isEmpty())
        d.problem = problems.join(QLatin1Char('\n')) + QStringLiteral("\n") + r.out;
    return d;
}

Document runJson(const QStringList &args, const Environment &env = {})
{
    return parseDocument(args.first(), TributarydProcess::run(args + QStringList{QStringLiteral("--json")}, env));
}

int plainExit(const QStringList &args, const Environment &env = {}) { return TributarydProcess::run(args, env).exitCode; }

// 60 users, 6 sections, 80 topics: the counts the documents are checked against.
ForumGeneratorOptions small(int messages, quint64 seed)
{
    return forum(60, 6, 80, messages, seed);
}

// One retry, 10 ms apart: a forum that went away fails a run in a moment.
void fewRetries(QJsonObject &root)
{
    editSource(root, [](QJsonObject &src) {
        QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
        rest.insert(QStringLiteral("limits"), QJsonObject{{QStringLiteral("max_retries"), 1}, {QStringLiteral("backoff_ms"), 10}});
        src.insert(QStringLiteral("rest"), rest);
    });
}

QJsonObject entityOf(const QJsonObject &holder, const QString &entity)
{
    for (const QJsonValue &e : holder.value(QStringLiteral("entities")).toArray()) {
        if (e.toObject().value(QStringLiteral("entity")).toString() == entity)
            return e.toObject();
    }
    return {};
}

qint64 count(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toInteger(-1); }

} // namespace

#define VERIFY_DOCUMENT(d) QVERIFY2((d).problem.isEmpty(), qPrintable((d).problem))

class tst_JsonOutput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validatorRefusesWhatTheSchemaForbids_data();
    void validatorRefusesWhatTheSchemaForbids();
    void everySchemaLoads_data();
    void everySchemaLoads();
    void syncReconcileVerify();
    void failuresStillPrintTheirDocument_data();
    void failuresStillPrintTheirDocument();
    void forumDown();
    void wrongToken();
    void interrupted();
    void probe();
    void initPresetAndDetect();
};

// The validator is what makes the other tests mean something: it must refuse.
void tst_JsonOutput::validatorRefusesWhatTheSchemaForbids_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("expected"); // empty: valid
    const QByteArray valid = R"({"id": 3, "name": "a", "when": "2026-01-02T03:04:05.006Z", "kind": "x", "tags": ["t"], "child": {"n": 1}, "maybe": null})";
    QTest::newRow("valid") << valid << QString();
    QTest::newRow("a required key missing") << QByteArray(R"({"name": "a", "when": "2026-01-02T03:04:05Z", "kind": "x"})")
                                            << QStringLiteral("/: the required key \"id\" is missing");
    QTest::newRow("a string for an integer") << QByteArray(R"({"id": "3", "name": "a", "when": "2026-01-02T03:04:05Z", "kind": "x"})")
                                             << QStringLiteral("/id: expected integer, got \"3\"");
    QTest::newRow("a fraction for an integer") << QByteArray(R"({"id": 3.5, "name": "a", "when": "2026-01-02T03:04:05Z", "kind": "x"})")
                                               << QStringLiteral("/id: expected integer, got 3.5");
    QTest::newRow("null where not allowed") << QByteArray(R"({"id": 3, "name": null, "when": "2026-01-02T03:04:05Z", "kind": "x"})")
                                            << QStringLiteral("/name: expected string, got null");
    QTest::newRow("a key not in the schema") << QByteArray(R"({"id": 3, "name": "a", "when": "2026-01-02T03:04:05Z", "kind": "x", "extra": 1})")
                                             << QStringLiteral("/: the key \"extra\" is not in the schema");
    QTest::newRow("not in the enum") << QByteArray(R"({"id": 3, "name": "a", "when": "2026-01-02T03:04:05Z", "kind": "z"})")
                                     << QStringLiteral("/kind: \"z\" is not one of the values");
    QTest::newRow("a local time") << QByteArray(R"({"id": 3, "name": "a", "when": "2026-01-02T03:04:05+01:00", "kind": "x"})")
                                  << QStringLiteral("/when: \"2026-01-02T03:04:05+01:00\" is not an ISO-8601 time in UTC");
    QTest::newRow("an item of the wrong type") << QByteArray(R"({"id": 3, "name": "a", "when": "2026-01-02T03:04:05Z", "kind": "x", "tags": [1]})")
                                               << QStringLiteral("/tags/0: expected string, got 1");
    QTest::newRow("through a $ref") << QByteArray(R"({"id": 3, "name": "a", "when": "2026-01-02T03:04:05Z", "kind": "x", "child": {"n": -1}})")
                                    << QStringLiteral("/child/n: -1 is below the minimum 0");
    QTest::newRow("a $ref's required key") << QByteArray(R"({"id": 3, "name": "a", "when": "2026-01-02T03:04:05Z", "kind": "x", "child": {}})")
                                           << QStringLiteral("/child: the required key \"n\" is missing");
}

void tst_JsonOutput::validatorRefusesWhatTheSchemaForbids()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, expected);
    const JsonSchema schema(QJsonDocument::fromJson(R"({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["id", "name", "when", "kind"],
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "when": {"type": "string", "format": "date-time"},
            "kind": {"type": "string", "enum": ["x", "y"]},
            "tags": {"type": "array", "items": {"type": "string"}},
            "child": {"$ref": "#/$defs/child"},
            "maybe": {"type": ["string", "null"]}
        },
        "additionalProperties": false,
        "$defs": {"child": {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer", "minimum": 0}}}}
    })").object());
    const QStringList problems = schema.validate(QJsonDocument::fromJson(document).object());
    if (expected.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    } else {
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().startsWith(expected), qPrintable(problems.first()));
    }
    // A keyword the validator does not implement is a problem, never silently passed.
    const JsonSchema unknown(QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("pattern"), QStringLiteral("^a")}});
    QCOMPARE(unknown.validate(QStringLiteral("b")).size(), 1);
}

void tst_JsonOutput::everySchemaLoads_data()
{
    QTest::addColumn<QString>("command");
    for (const char *c : {"sync", "reconcile", "verify", "probe", "init"})
        QTest::newRow(c) << QString::fromLatin1(c);
}

void tst_JsonOutput::everySchemaLoads()
{
    QFETCH(QString, command);
    QString why;
    const JsonSchema schema = JsonSchema::fromDocs(command, &why);
    QVERIFY2(!schema.isNull(), qPrintable(why));
    // The envelope alone is not a document of the command: its own required keys are missing.
    const QStringList problems = schema.validate(QJsonObject{{QStringLiteral("schema"), 1}});
    QVERIFY(problems.contains(QStringLiteral("/: the required key \"exit_code\" is missing")));
}

void tst_JsonOutput::syncReconcileVerify()
{
    SyncFixture f;
    QVERIFY(f.generateMain(small(10, 1)));
    QVERIFY(f.generateExternal(small(300, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure(fewRetries));
    const QStringList config{QStringLiteral("--config"), f.configPath()};

    // A dry run first: what a sync would write, with no run recorded.
    Document d = runJson(QStringList{QStringLiteral("sync"), QStringLiteral("--dry-run")} + config);
    VERIFY_DOCUMENT(d);
    QCOMPARE(d.exitCode, 0);
    QCOMPARE(d.json.value(QStringLiteral("dry_run")).toBool(), true);
    QJsonObject run = d.json.value(QStringLiteral("runs")).toArray().first().toObject();
    QVERIFY(run.value(QStringLiteral("run_id")).isNull());
    QCOMPARE(count(entityOf(run, QStringLiteral("messages")), "inserted"), 300);

    d = runJson(QStringList{QStringLiteral("sync")} + config);
    VERIFY_DOCUMENT(d);
    QCOMPARE(d.exitCode, 0);
    QCOMPARE(d.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QVERIFY(d.json.value(QStringLiteral("error")).isNull());
    QVERIFY2(d.err.contains(QStringLiteral("Syncing source forum")), qPrintable(d.err)); // progress stays on stderr
    const QJsonArray runs = d.json.value(QStringLiteral("runs")).toArray();
    QCOMPARE(runs.size(), 1);
    run = runs.first().toObject();
    QCOMPARE(run.value(QStringLiteral("source")).toString(), QStringLiteral("forum"));
    QCOMPARE(run.value(QStringLiteral("kind")).toString(), QStringLiteral("incremental"));
    QCOMPARE(run.value(QStringLiteral("run_id")).toInteger(), 1); // the dry run recorded none
    QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QVERIFY(run.value(QStringLiteral("resumes_at")).isNull());
    // Exactly what the forum holds, each record new, in dependency order.
    const QHash<QString, qint64> held{{QStringLiteral("users"), 60}, {QStringLiteral("sections"), 6}, {QStringLiteral("topics"), 80},
                                      {QStringLiteral("messages"), 300}};
    QStringList order;
    for (const QJsonValue &e : run.value(QStringLiteral("entities")).toArray()) {
        const QJsonObject o = e.toObject();
        const QString name = o.value(QStringLiteral("entity")).toString();
        order.append(name);
        QCOMPARE(count(o, "fetched"), held.value(name));
        QCOMPARE(count(o, "inserted") + count(o, "linked"), held.value(name));
        QCOMPARE(count(o, "quarantined"), 0);
        QCOMPARE(count(o, "total"), held.value(name));
    }
    QCOMPARE(order, (QStringList{QStringLiteral("users"), QStringLiteral("sections"), QStringLiteral("topics"), QStringLiteral("messages")}));
    QCOMPARE(count(run.value(QStringLiteral("totals")).toObject(), "fetched"), 446);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links")), 446);

    d = runJson(QStringList{QStringLiteral("verify")} + config);
    VERIFY_DOCUMENT(d);
    QCOMPARE(d.exitCode, 0);
    QJsonObject source = d.json.value(QStringLiteral("sources")).toArray().first().toObject();
    QCOMPARE(source.value(QStringLiteral("in_sync")).toBool(), true);
    QJsonObject messages = entityOf(source, QStringLiteral("messages"));
    QCOMPARE(count(messages, "matching"), 300);
    QCOMPARE(count(messages, "linked_rows"), 300);
    QVERIFY(!messages.value(QStringLiteral("checks")).toArray().isEmpty());
    for (const QJsonValue &c : messages.value(QStringLiteral("checks")).toArray())
        QCOMPARE(c.toObject().value(QStringLiteral("result")).toString(), QStringLiteral("passed"));

    // A change at the source: verify says different (5), naming the record.
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/7"), {{QStringLiteral("title"), QStringLiteral("Changed upstream")}}, &status);
    QCOMPARE(status, 200);
    d = runJson(QStringList{QStringLiteral("verify")} + config);
    VERIFY_DOCUMENT(d);
    QCOMPARE(d.exitCode, 5);
    QCOMPARE(plainExit(QStringList{QStringLiteral("verify")} + config), 5);
    QCOMPARE(d.json.value(QStringLiteral("status")).toString(), QStringLiteral("different"));
    source = d.json.value(QStringLiteral("sources")).toArray().first().toObject();
    QCOMPARE(source.value(QStringLiteral("in_sync")).toBool(), false);
    const QJsonObject topics = entityOf(source, QStringLiteral("topics"));
    QCOMPARE(count(topics, "different"), 1);
    QVERIFY2(topics.value(QStringLiteral("examples")).toArray().first().toString().contains(QStringLiteral("Changed upstream")),
             qPrintable(QJsonDocument(topics).toJson()));

    // A message deleted at the source: reconcile deletes its row.
    f.forumCall("DELETE", QStringLiteral("/messages/5"), {}, &status);
    QCOMPARE(status, 204);
    d = runJson(QStringList{QStringLiteral("reconcile")} + config);
    VERIFY_DOCUMENT(d);
    QCOMPARE(d.exitCode, 0);
    run = d.json.value(QStringLiteral("runs")).toArray().first().toObject();
    QCOMPARE(run.value(QStringLiteral("kind")).toString(), QStringLiteral("reconcile"));
    QCOMPARE(count(entityOf(run, QStringLiteral("messages")), "deleted"), 1);
    QCOMPARE(count(run.value(QStringLiteral("totals")).toObject(), "deleted"), 1);

    // sync --reconcile: the sync's run, then the reconciliation's.
    d = runJson(QStringList{QStringLiteral("sync"), QStringLiteral("--reconcile"), QStringLiteral("--quiet")} + config);
    VERIFY_DOCUMENT(d);
    QCOMPARE(d.exitCode, 0);
    QVERIFY(d.err.isEmpty());
    const QJsonArray both = d.json.value(QStringLiteral("runs")).toArray();
    QCOMPARE(both.size(), 2);
    QCOMPARE(both.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("incremental"));
    QCOMPARE(count(entityOf(both.at(0).toObject(), QStringLiteral("topics")), "updated"), 1);
    QCOMPARE(both.at(1).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("reconcile"));
}

// Refused before anything ran: still one document, with the error, and exit 2 as without --json.
void tst_JsonOutput::failuresStillPrintTheirDocument_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    for (const char *c : {"sync", "reconcile", "verify", "probe"}) {
        const QString command = QString::fromLatin1(c);
        QTest::addRow("%s without --config", c) << QStringList{command} << QStringLiteral("config") << QStringLiteral("--config FILE is required");
        QTest::addRow("%s with a missing file", c) << QStringList{command, QStringLiteral("--config"), QStringLiteral("/nonexistent/tributary.json")}
                                                   << QStringLiteral("config") << QStringLiteral("the configuration /nonexistent/tributary.json is not valid");
        QTest::addRow("%s with an unknown option", c) << QStringList{command, QStringLiteral("--frobnicate")} << QStringLiteral("config")
                                                      << QStringLiteral("Unknown option 'frobnicate'.");
    }
    QTest::newRow("init without its options") << QStringList{QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("forum")}
                                              << QStringLiteral("config") << QStringLiteral("missing --url, --database, --output");
    QTest::newRow("init with an unknown preset")
        << QStringList{QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("wiki"), QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:9/api"),
                       QStringLiteral("--database"), QStringLiteral("x.sqlite"), QStringLiteral("--output"), QStringLiteral("/nonexistent/x.json")}
        << QStringLiteral("config") << QStringLiteral("unknown preset \"wiki\"");
}

void tst_JsonOutput::failuresStillPrintTheirDocument()
{
    QFETCH(QStringList, args);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const Document d = runJson(args);
    VERIFY_DOCUMENT(d);
    QCOMPARE(d.exitCode, 2);
    QCOMPARE(plainExit(args), 2);
    QCOMPARE(d.json.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    const QJsonObject error = d.json.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
    QVERIFY2(error.value(QStringLiteral("message")).toString().startsWith(message), qPrintable(error.value(QStringLiteral("message")).toString()));
    QVERIFY2(d.err.contains(message), qPrintable(d.err)); // people still read it on stderr
}

void tst_JsonOutput::forumDown()
{
    SyncFixture f;
    QVERIFY(f.generateMain(small(10, 1)));
    QVERIFY(f.generateExternal(small(50, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure(fewRetries));
    f.stopForum();
    const QStringList config{QStringLiteral("--config"), f.configPath()};
    for (const QString &command : {QStringLiteral("sync"), QStringLiteral("reconcile")}) {
        const Document d = runJson(QStringList{command} + config);
        VERIFY_DOCUMENT(d);
        QCOMPARE(d.exitCode, 1);
        QCOMPARE(plainExit(QStringList{command} + config), 1);
        QCOMPARE(d.json.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(d.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("network"));
        const QJsonObject run = d.json.value(QStringLiteral("runs")).toArray().first().toObject();
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QVERIFY2(run.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("connection refused")),
                 qPrintable(QJsonDocument(run).toJson()));
    }
    const Document d = runJson(QStringList{QStringLiteral("verify")} + config);
    VERIFY_DOCUMENT(d);
    QCOMPARE(d.exitCode, 1);
    const QJsonObject source = d.json.value(QStringLiteral("sources")).toArray().first().toObject();
    QCOMPARE(source.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(source.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("network"));
    QCOMPARE(d.json.value(QStringLiteral("error")), source.value(QStringLiteral("error")));
}

void tst_JsonOutput::wrongToken()
{
    SyncFixture f;
    QVERIFY(f.generateMain(small(10, 1)));
    QVERIFY(f.generateExternal(small(50, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure(fewRetries));
    const Environment wrong{{kToken, QStringLiteral("wrong-token-4242")}};
    const QStringList args{QStringLiteral("sync"), QStringLiteral("--config"), f.configPath()};
    const Document d = runJson(args, wrong);
    VERIFY_DOCUMENT(d);
    QCOMPARE(d.exitCode, 4);
    QCOMPARE(plainExit(args, wrong), 4);
    QCOMPARE(d.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("auth"));
    QVERIFY(!QJsonDocument(d.json).toJson().contains("wrong-token-4242")); // never echoed
}

// SIGINT in the middle of a sync: the page in flight commits, and the document still comes.
void tst_JsonOutput::interrupted()
{
    SyncFixture f;
    QVERIFY(f.generateMain(small(10, 1)));
    QVERIFY(f.generateExternal(small(3000, 2)));
    ForumFaults slow;
    slow.latencyMs = 20;
    QVERIFY(f.startForum(QStringLiteral("test-token"), slow));
    QVERIFY(f.configure(pageSize(50)));
    TributarydProcess sync;
    QVERIFY(sync.start({QStringLiteral("sync"), QStringLiteral("--config"), f.configPath(), QStringLiteral("--json")}));
    QTRY_VERIFY_WITH_TIMEOUT(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'")) > 0, 60000);
    sync.signal(SIGINT);
    QVERIFY(sync.waitForFinished(30000));
    const Document d = parseDocument(QStringLiteral("sync"), sync.result());
    VERIFY_DOCUMENT(d);
    QCOMPARE(d.exitCode, 6);
    QCOMPARE(d.json.value(QStringLiteral("status")).toString(), QStringLiteral("interrupted"));
    const QJsonObject run = d.json.value(QStringLiteral("runs")).toArray().first().toObject();
    QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("interrupted"));
    const qint64 applied = f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'messages'"));
    QVERIFY(applied < 3000);
    QCOMPARE(count(entityOf(run, QStringLiteral("messages")), "inserted") + count(entityOf(run, QStringLiteral("messages")), "linked"), applied);
}

void tst_JsonOutput::probe()
{
    SyncFixture f;
    QVERIFY(f.generateMain(small(10, 1)));
    QVERIFY(f.generateExternal(small(50, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure(fewRetries));
    const QStringList args{QStringLiteral("probe"), QStringLiteral("--config"), f.configPath()};
    Document d = runJson(args);
    VERIFY_DOCUMENT(d);
    QCOMPARE(d.exitCode, 0);
    QCOMPARE(d.json.value(QStringLiteral("ok")).toBool(), true);
    const QJsonObject source = d.json.value(QStringLiteral("sources")).toArray().first().toObject();
    QCOMPARE(source.value(QStringLiteral("entities")).toArray().size(), 4);
    QCOMPARE(entityOf(source, QStringLiteral("users")).value(QStringLiteral("checks")).toArray().size(), 9);

    // A refused credential is a failed request check: exit 1, not ok, no error (the probe ran).
    const Environment wrong{{kToken, QStringLiteral("wrong-token-4242")}};
    d = runJson(args, wrong);
    VERIFY_DOCUMENT(d);
    QCOMPARE(d.exitCode, 1);
    QCOMPARE(plainExit(args, wrong), 1);
    QCOMPARE(d.json.value(QStringLiteral("ok")).toBool(), false);
    QCOMPARE(d.json.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    const QJsonObject check = entityOf(d.json.value(QStringLiteral("sources")).toArray().first().toObject(), QStringLiteral("users"))
                                  .value(QStringLiteral("checks")).toArray().first().toObject();
    QCOMPARE(check.value(QStringLiteral("check")).toString(), QStringLiteral("request"));
    QCOMPARE(check.value(QStringLiteral("verdict")).toString(), QStringLiteral("fail"));
}

void tst_JsonOutput::initPresetAndDetect()
{
    SyncFixture f;
    QVERIFY(f.generateMain(small(10, 1)));
    QVERIFY(f.generateExternal(small(50, 2)));
    QVERIFY(f.startForum());
    const QString out = f.path(QStringLiteral("generated.json"));
    const QStringList preset{QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("forum"), QStringLiteral("--url"),
                             f.forumUrl().toString(), QStringLiteral("--database"), f.mainDb(), QStringLiteral("--token-env"), kToken,
                             QStringLiteral("--output"), out};
    Document d = runJson(preset);
    VERIFY_DOCUMENT(d);
    QCOMPARE(d.exitCode, 0);
    QCOMPARE(d.json.value(QStringLiteral("mode")).toString(), QStringLiteral("preset"));
    QCOMPARE(d.json.value(QStringLiteral("written")).toBool(), true);
    QCOMPARE(d.json.value(QStringLiteral("output")).toString(), out);
    QCOMPARE(d.json.value(QStringLiteral("token_env")).toString(), kToken);
    QFile written(out);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(d.json.value(QStringLiteral("configuration")).toObject(), QJsonDocument::fromJson(written.readAll()).object());

    // Written once: a second time is refused (2) without --force, nothing written.
    d = runJson(preset);
    VERIFY_DOCUMENT(d);
    QCOMPARE(d.exitCode, 2);
    QCOMPARE(d.json.value(QStringLiteral("written")).toBool(), false);
    QVERIFY(d.json.value(QStringLiteral("configuration")).isNull());
    QVERIFY(d.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("use --force")));

    // --detect without --output: the configuration is in the document, the report on stderr.
    const QString base = f.forumUrl().toString();
    d = runJson({QStringLiteral("init"), QStringLiteral("--detect"), QStringLiteral("--url"), base + QStringLiteral("/users"), QStringLiteral("--url"),
                 base + QStringLiteral("/topics"), QStringLiteral("--token-env"), kToken});
    VERIFY_DOCUMENT(d);
    QCOMPARE(d.exitCode, 0);
    QCOMPARE(d.json.value(QStringLiteral("mode")).toString(), QStringLiteral("detect"));
    QCOMPARE(d.json.value(QStringLiteral("written")).toBool(), false);
    QVERIFY(d.json.value(QStringLiteral("output")).isNull());
    const QJsonArray detected = d.json.value(QStringLiteral("detected")).toArray();
    QCOMPARE(detected.size(), 2);
    QCOMPARE(detected.at(0).toObject().value(QStringLiteral("entity")).toString(), QStringLiteral("users"));
    QCOMPARE(detected.at(0).toObject().value(QStringLiteral("id_field")).toString(), QStringLiteral("id"));
    const QJsonArray entities = d.json.value(QStringLiteral("configuration")).toObject().value(QStringLiteral("sources")).toArray().first()
                                    .toObject().value(QStringLiteral("entities")).toArray();
    QCOMPARE(entities.size(), 2);
    QCOMPARE(d.json.value(QStringLiteral("probe")).toObject().value(QStringLiteral("ok")).toBool(), true);
    QVERIFY2(d.err.contains(QStringLiteral("Detected ")), qPrintable(d.err));

    // Nothing to detect (the forum refuses the token): exit 1, the reason per URL.
    d = runJson({QStringLiteral("init"), QStringLiteral("--detect"), QStringLiteral("--url"), base + QStringLiteral("/users")});
    VERIFY_DOCUMENT(d);
    QCOMPARE(d.exitCode, 1);
    QCOMPARE(d.json.value(QStringLiteral("detected")).toArray().first().toObject().value(QStringLiteral("error")).toObject()
                 .value(QStringLiteral("code")).toString(), QStringLiteral("auth"));
}

QTEST_GUILESS_MAIN(tst_JsonOutput)
#include "tst_jsonoutput.moc"
