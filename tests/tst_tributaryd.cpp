// tributaryd as an operator runs it: the real binary, real files, a real forum over loopback;
// exit statuses and messages are what scripts and people rely on.

#include "SyncFixture.h"
#include "config/Config.h"

#include "store/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

using Exit = TributarydProcess::Result;

Exit tributaryd(const QStringList &args, const Environment &env = {}) { return TributarydProcess::run(args, env); }

ForumGeneratorOptions small(int messages, quint64 seed)
{
    return forum(60, 6, 80, messages, seed);
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

void writeJson(const QString &path, const QJsonObject &o)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(QJsonDocument(o).toJson());
}

} // namespace

class tst_Tributaryd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usage();
    void helpForEveryCommand_data();
    void helpForEveryCommand();
    void initWritesAWorkingConfiguration();
    void initWritesAPostgresConfigurationWithoutItsPassword();
    void badConfigurationIsRefusedNamingTheKey_data();
    void badConfigurationIsRefusedNamingTheKey();
    void syncStatusVerifyAsAScriptSeesThem();
    void wrongTokenStopsWithExitFour();
    void quarantineListAndRetry();
};

void tst_Tributaryd::usage()
{
    const Exit r = tributaryd({});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("Usage: tributaryd <command>")));
    const Exit unknown = tributaryd({QStringLiteral("frobnicate")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains(QStringLiteral("unknown command \"frobnicate\"")));
    const Exit noConfig = tributaryd({QStringLiteral("sync")});
    QCOMPARE(noConfig.exitCode, 2);
    QVERIFY(noConfig.err.contains(QStringLiteral("--config FILE is required")));
}

void tst_Tributaryd::helpForEveryCommand_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("init") << "init" << "--preset";
    QTest::newRow("sync") << "sync" << "--full";
    QTest::newRow("status") << "status" << "--json";
    QTest::newRow("verify") << "verify" << "--source";
    QTest::newRow("quarantine list") << "quarantine list" << "--limit";
    QTest::newRow("quarantine retry") << "quarantine retry" << "--id";
    QTest::newRow("demo") << "demo" << "--dir";
    QTest::newRow("bench") << "bench" << "--messages";
    QTest::newRow("bench --latency") << "bench --latency" << "--interval";
}

void tst_Tributaryd::helpForEveryCommand()
{
    QFETCH(QString, command);
    QFETCH(QString, mentions);
    const Exit r = tributaryd(command.split(QLatin1Char(' ')) + QStringList{QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(mentions), qPrintable(r.out));
}

// `init --database postgresql://…`: the URL becomes the database object; a password in it is
// refused without being repeated; the password's variable is written by reference.
void tst_Tributaryd::initWritesAPostgresConfigurationWithoutItsPassword()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("pg.json"));
    const QStringList base = {QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("forum"), QStringLiteral("--url"),
                              QStringLiteral("http://127.0.0.1:9/api/v1"), QStringLiteral("--output"), out, QStringLiteral("--database")};
    Exit r = tributaryd(base + QStringList{QStringLiteral("postgresql://sync@db.example.org:6543/forum"),
                                           QStringLiteral("--database-password-env"), QStringLiteral("FORUM_DB_PASSWORD")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("postgresql://sync@db.example.org:6543/forum")), qPrintable(r.out));
    const QJsonObject db = readJson(out).value(QStringLiteral("database")).toObject();
    QCOMPARE(db.value(QStringLiteral("driver")).toString(), QStringLiteral("postgres"));
    QCOMPARE(db.value(QStringLiteral("host")).toString(), QStringLiteral("db.example.org"));
    QCOMPARE(db.value(QStringLiteral("port")).toInt(), 6543);
    QCOMPARE(db.value(QStringLiteral("name")).toString(), QStringLiteral("forum"));
    QCOMPARE(db.value(QStringLiteral("user")).toString(), QStringLiteral("sync"));
    QCOMPARE(db.value(QStringLiteral("password")).toObject().value(QStringLiteral("env")).toString(), QStringLiteral("FORUM_DB_PASSWORD"));
    QVERIFY(!db.contains(QStringLiteral("path")));
    QVERIFY(db.contains(QStringLiteral("timestamp_format"))); // the preset's, kept

    // A local server over its socket, the password left to libpq (~/.pgpass, PGPASSWORD).
    r = tributaryd(base + QStringList{QStringLiteral("postgresql://sync@/forum?host=/var/run/postgresql"), QStringLiteral("--force")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject local = readJson(out).value(QStringLiteral("database")).toObject();
    QCOMPARE(local.value(QStringLiteral("host")).toString(), QStringLiteral("/var/run/postgresql"));
    QCOMPARE(local.value(QStringLiteral("port")).toInt(), 5432);
    QVERIFY(!local.contains(QStringLiteral("password")));

    // Refused, and the password is not repeated anywhere.
    const QString other = dir.filePath(QStringLiteral("refused.json"));
    r = tributaryd({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("forum"), QStringLiteral("--url"),
                    QStringLiteral("http://127.0.0.1:9/api/v1"), QStringLiteral("--output"), other, QStringLiteral("--database"),
                    QStringLiteral("postgresql://sync:Hunter2Secret@db.example.org/forum")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--database: the URL carries a password")), qPrintable(r.err));
    QVERIFY(!r.output().contains(QStringLiteral("Hunter2Secret")));
    QVERIFY(!QFile::exists(other));
    r = tributaryd({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("forum"), QStringLiteral("--url"),
                    QStringLiteral("http://127.0.0.1:9/api/v1"), QStringLiteral("--output"), other, QStringLiteral("--database"),
                    QStringLiteral("postgresql://db.example.org/forum")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("must name a user and a database")), qPrintable(r.err));
    r = tributaryd({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("forum"), QStringLiteral("--url"),
                    QStringLiteral("http://127.0.0.1:9/api/v1"), QStringLiteral("--output"), other, QStringLiteral("--database"),
                    QStringLiteral("postgresql://sync@db.example.org/forum?sslmode=require")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("unknown URL parameter \"sslmode\"")), qPrintable(r.err));
}

void tst_Tributaryd::initWritesAWorkingConfiguration()
{
    SyncFixture f;
    QVERIFY(f.generateMain(small(100, 1)));
    const QString out = f.path(QStringLiteral("generated.json"));
    Exit r = tributaryd({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("forum"), QStringLiteral("--url"),
                        QStringLiteral("http://127.0.0.1:9/api/v1"), QStringLiteral("--database"), f.mainDb(),
                        QStringLiteral("--token-env"), QStringLiteral("MY_FORUM_TOKEN"), QStringLiteral("--start"), QStringLiteral("now"),
                        QStringLiteral("--output"), out});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject root = readJson(out);
    const QJsonObject src = root.value(QStringLiteral("sources")).toArray().first().toObject();
    QCOMPARE(root.value(QStringLiteral("database")).toObject().value(QStringLiteral("path")).toString(), QStringLiteral("main.sqlite"));
    QCOMPARE(src.value(QStringLiteral("rest")).toObject().value(QStringLiteral("base_url")).toString(), QStringLiteral("http://127.0.0.1:9/api/v1"));
    QCOMPARE(src.value(QStringLiteral("rest")).toObject().value(QStringLiteral("auth")).toObject().value(QStringLiteral("token")).toObject()
                 .value(QStringLiteral("env")).toString(), QStringLiteral("MY_FORUM_TOKEN"));
    QCOMPARE(src.value(QStringLiteral("start")).toObject().value(QStringLiteral("from")).toString(), QStringLiteral("now"));
    QVERIFY(!QString::fromUtf8(QJsonDocument(root).toJson()).contains(QStringLiteral("secret")));

    r = tributaryd({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("forum"), QStringLiteral("--url"),
                    QStringLiteral("http://127.0.0.1:9/api/v1"), QStringLiteral("--database"), f.mainDb(), QStringLiteral("--output"), out});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("exists; use --force")));
    r = tributaryd({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("forum"), QStringLiteral("--url"),
                    QStringLiteral("ftp://nowhere"), QStringLiteral("--database"), f.mainDb(), QStringLiteral("--output"),
                    f.path(QStringLiteral("other.json"))});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--url: expected an http(s) URL")), qPrintable(r.err));

    // Webhooks: the secret's variable is all the configuration names; it loads, and a sync-less
    // command (status) accepts it.
    const QString withHooks = f.path(QStringLiteral("webhooks.json"));
    r = tributaryd({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("forum"), QStringLiteral("--url"),
                    QStringLiteral("http://127.0.0.1:9/api/v1"), QStringLiteral("--database"), f.mainDb(), QStringLiteral("--webhook-secret-env"),
                    QStringLiteral("FORUM_WEBHOOK_SECRET"), QStringLiteral("--output"), withHooks});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("environment variable FORUM_WEBHOOK_SECRET")), qPrintable(r.out));
    const QJsonObject hooked = readJson(withHooks).value(QStringLiteral("sources")).toArray().first().toObject();
    QCOMPARE(hooked.value(QStringLiteral("webhook")).toObject(),
             (QJsonObject{{QStringLiteral("secret"), QJsonObject{{QStringLiteral("env"), QStringLiteral("FORUM_WEBHOOK_SECRET")}}}}));
    Config loaded;
    QStringList errors;
    QVERIFY2(Config::load(withHooks, &loaded, &errors), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(tributaryd({QStringLiteral("status"), QStringLiteral("--config"), withHooks}).exitCode, 0);
}

void tst_Tributaryd::badConfigurationIsRefusedNamingTheKey_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown key") << "typo" << "sources.forum.rest.paginaton: unknown key";
    QTest::newRow("secret in the file") << "plain-secret" << "sources.forum.rest.auth.token: secrets are not stored in the configuration";
    QTest::newRow("missing column") << "missing-column" << "sources.forum.entities.users.columns.nickname: table \"users\" has no column \"nickname\"";
    QTest::newRow("missing table") << "missing-table" << "sources.forum.entities.topics.table: the main database has no table \"threads\"";
    QTest::newRow("bad policy") << "bad-policy" << "sources.forum.entities.messages.conflict_policy: expected one of manual, source-wins, local-wins, newest-wins";
    QTest::newRow("reference to nothing") << "bad-reference" << "sources.forum.entities.topics.references.section_id.entity: no entity \"forums\" in this source";
    QTest::newRow("hostile identifier") << "hostile-table" << "is not a plain SQL identifier";
    QTest::newRow("not JSON") << "not-json" << "not valid JSON at offset";
}

void tst_Tributaryd::badConfigurationIsRefusedNamingTheKey()
{
    QFETCH(QString, edit);
    QFETCH(QString, expected);
    SyncFixture f;
    QVERIFY(f.generateMain(small(10, 1)));
    QVERIFY(f.generateExternal(small(10, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    QJsonObject root = readJson(f.configPath());
    QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
    QJsonObject src = sources.first().toObject();
    QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
    QJsonArray entities = src.value(QStringLiteral("entities")).toArray();
    auto entity = [&](int i) { return entities.at(i).toObject(); };
    if (edit == QLatin1String("typo")) {
        rest.insert(QStringLiteral("paginaton"), rest.value(QStringLiteral("pagination")));
    } else if (edit == QLatin1String("plain-secret")) {
        QJsonObject auth = rest.value(QStringLiteral("auth")).toObject();
        auth.insert(QStringLiteral("token"), QStringLiteral("hunter2"));
        rest.insert(QStringLiteral("auth"), auth);
    } else if (edit == QLatin1String("missing-column")) {
        QJsonObject users = entity(0);
        QJsonObject cols = users.value(QStringLiteral("columns")).toObject();
        cols.insert(QStringLiteral("nickname"), QStringLiteral("name"));
        users.insert(QStringLiteral("columns"), cols);
        entities.replace(0, users);
    } else if (edit == QLatin1String("missing-table")) {
        QJsonObject topics = entity(2);
        topics.insert(QStringLiteral("table"), QStringLiteral("threads"));
        entities.replace(2, topics);
    } else if (edit == QLatin1String("bad-policy")) {
        QJsonObject messages = entity(3);
        messages.insert(QStringLiteral("conflict_policy"), QStringLiteral("whoever-shouts"));
        entities.replace(3, messages);
    } else if (edit == QLatin1String("bad-reference")) {
        QJsonObject topics = entity(2);
        QJsonObject refs = topics.value(QStringLiteral("references")).toObject();
        refs.insert(QStringLiteral("section_id"), QJsonObject{{QStringLiteral("entity"), QStringLiteral("forums")}, {QStringLiteral("field"), QStringLiteral("section_id")}});
        topics.insert(QStringLiteral("references"), refs);
        entities.replace(2, topics);
    } else if (edit == QLatin1String("hostile-table")) {
        QJsonObject users = entity(0);
        users.insert(QStringLiteral("table"), QStringLiteral("users; DROP TABLE users; --"));
        entities.replace(0, users);
    }
    src.insert(QStringLiteral("rest"), rest);
    src.insert(QStringLiteral("entities"), entities);
    sources.replace(0, src);
    root.insert(QStringLiteral("sources"), sources);
    writeJson(f.configPath(), root);
    if (edit == QLatin1String("not-json")) {
        QFile file(f.configPath());
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write("{\"database\": {\"path\": \"main.sqlite\",}");
    }
    const Exit r = tributaryd({QStringLiteral("sync"), QStringLiteral("--config"), f.configPath()},
                             {{QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token()}});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    // Nothing ran: the users table is exactly as generated.
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM users")), 60);
}

void tst_Tributaryd::syncStatusVerifyAsAScriptSeesThem()
{
    SyncFixture f;
    QVERIFY(f.generateMain(small(300, 1)));
    QVERIFY(f.generateExternal(small(1200, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    const Environment env{{QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token()}};
    const QStringList config{QStringLiteral("--config"), f.configPath()};

    Exit r = tributaryd(QStringList{QStringLiteral("status")} + config, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("never synced")));

    r = tributaryd(QStringList{QStringLiteral("sync")} + config, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Source forum: incremental sync, run 1, OK")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\n  messages +1,200 +0 +1,200 +0 +0 +0 +0 +0 +0\\n"))), qPrintable(r.out));
    QVERIFY(!r.out.contains(f.token())); // the token is never printed

    r = tributaryd(QStringList{QStringLiteral("sync"), QStringLiteral("--quiet")} + config, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("Nothing to write")));
    QVERIFY(r.err.isEmpty());

    r = tributaryd(QStringList{QStringLiteral("verify")} + config, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("IN SYNC")));

    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/7"), {{QStringLiteral("title"), QStringLiteral("Changed upstream")}}, &status);
    QCOMPARE(status, 200);
    r = tributaryd(QStringList{QStringLiteral("verify")} + config, env);
    QCOMPARE(r.exitCode, 5);
    QVERIFY2(r.out.contains(QStringLiteral("topics 7 (topics id ")) && r.out.contains(QStringLiteral("\"Changed upstream\" at the source")),
             qPrintable(r.out));

    r = tributaryd(QStringList{QStringLiteral("sync"), QStringLiteral("--entity"), QStringLiteral("topics")} + config, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("  topics ")));
    QVERIFY(!r.out.contains(QStringLiteral("  messages ")));
    r = tributaryd(QStringList{QStringLiteral("verify")} + config, env);
    QCOMPARE(r.exitCode, 0);

    r = tributaryd(QStringList{QStringLiteral("status"), QStringLiteral("--json")} + config, env);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject s = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("sources")).toArray().first().toObject();
    QCOMPARE(s.value(QStringLiteral("last_run")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    const QJsonObject messages = s.value(QStringLiteral("entities")).toArray().at(3).toObject();
    QCOMPARE(messages.value(QStringLiteral("linked")).toInteger(), 1200);
    QVERIFY(!messages.value(QStringLiteral("cursor")).toObject().value(QStringLiteral("value")).toString().isEmpty());

    r = tributaryd(QStringList{QStringLiteral("sync"), QStringLiteral("--source"), QStringLiteral("nope")} + config, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("no source \"nope\"")));
    r = tributaryd(QStringList{QStringLiteral("sync"), QStringLiteral("--entity"), QStringLiteral("posts")} + config, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("has no entity \"posts\"")));
}

void tst_Tributaryd::wrongTokenStopsWithExitFour()
{
    SyncFixture f;
    QVERIFY(f.generateMain(small(10, 1)));
    QVERIFY(f.generateExternal(small(50, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    Exit r = tributaryd({QStringLiteral("sync"), QStringLiteral("--config"), f.configPath()}, {{QStringLiteral("TRIBUTARY_TEST_TOKEN"), QStringLiteral("wrong-token-4242")}});
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.out.contains(QStringLiteral("401")) && r.out.contains(QStringLiteral("TRIBUTARY_TEST_TOKEN")), qPrintable(r.out + r.err));
    QVERIFY(!(r.out + r.err).contains(QStringLiteral("wrong-token-4242"))); // never echoed
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links")), 0);

    // An empty value: the variable is not set at all.
    r = TributarydProcess::run({QStringLiteral("sync"), QStringLiteral("--config"), f.configPath()},
                               {{QStringLiteral("TRIBUTARY_TEST_TOKEN"), QString()}}, {}, 60000);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.contains(QStringLiteral("environment variable TRIBUTARY_TEST_TOKEN is not set")), "an unset token variable is named");
}

void tst_Tributaryd::quarantineListAndRetry()
{
    SyncFixture f;
    QVERIFY(f.generateMain(small(10, 1)));
    QVERIFY(f.generateExternal(small(100, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    const Environment env{{QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token()}};
    const QStringList config{QStringLiteral("--config"), f.configPath()};
    QSqlQuery q(f.db().db());
    QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER no_shouting BEFORE INSERT ON topics WHEN NEW.title GLOB '*!!!*' "
                                  "BEGIN SELECT RAISE(ABORT, 'topics may not shout'); END")));
    int status = 0;
    const qint64 loud = f.forumCall("POST", QStringLiteral("/topics"),
                                    {{QStringLiteral("section_id"), 1}, {QStringLiteral("user_id"), 1}, {QStringLiteral("title"), QStringLiteral("HELLO!!!")}}, &status)
                            .value(QStringLiteral("id")).toInteger();
    QCOMPARE(status, 201);
    const qint64 inLoud = f.forumCall("POST", QStringLiteral("/messages"),
                                      {{QStringLiteral("topic_id"), loud}, {QStringLiteral("user_id"), 1}, {QStringLiteral("content"), QStringLiteral("hi")}}, &status)
                              .value(QStringLiteral("id")).toInteger();
    const qint64 parent = f.forumCall("POST", QStringLiteral("/messages"),
                                      {{QStringLiteral("topic_id"), 1}, {QStringLiteral("user_id"), 1}, {QStringLiteral("content"), QStringLiteral("gone soon")}}, &status)
                              .value(QStringLiteral("id")).toInteger();
    const qint64 orphan = f.forumCall("POST", QStringLiteral("/messages"),
                                      {{QStringLiteral("topic_id"), 1}, {QStringLiteral("user_id"), 1}, {QStringLiteral("parent_id"), parent},
                                       {QStringLiteral("content"), QStringLiteral("orphan")}}, &status)
                              .value(QStringLiteral("id")).toInteger();
    f.forumCall("DELETE", QStringLiteral("/messages/%1").arg(parent), {}, &status);
    QCOMPARE(status, 204);

    Exit r = tributaryd(QStringList{QStringLiteral("sync")} + config, env);
    QCOMPARE(r.exitCode, 3); // done, with records held back
    QVERIFY2(r.out.contains(QStringLiteral("PARTIAL")), qPrintable(r.out));

    r = tributaryd(QStringList{QStringLiteral("quarantine"), QStringLiteral("list")} + config, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("forum/topics %1").arg(loud)) && r.out.contains(QStringLiteral("topics may not shout")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("forum/messages %1  field topic_id").arg(inLoud)));
    QVERIFY(r.out.contains(QStringLiteral("forum/messages %1  field parent_id").arg(orphan)));
    QVERIFY(r.out.contains(QStringLiteral("parent_id references messages %1, which does not exist at the source (404)").arg(parent)));
    QVERIFY(r.out.contains(QStringLiteral("3 records in quarantine")));
    r = tributaryd(QStringList{QStringLiteral("quarantine"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--entity"), QStringLiteral("topics")} + config, env);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject listed = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(listed.value(QStringLiteral("total")).toInteger(), 1);
    QCOMPARE(listed.value(QStringLiteral("records")).toArray().first().toObject().value(QStringLiteral("record")).toObject()
                 .value(QStringLiteral("title")).toString(), QStringLiteral("HELLO!!!"));

    // The main application relaxes its rule; a retry applies the topic and the message that
    // waited for it. The orphan is still an orphan: held again, its attempt counted.
    QVERIFY(q.exec(QStringLiteral("DROP TRIGGER no_shouting")));
    r = tributaryd(QStringList{QStringLiteral("quarantine"), QStringLiteral("retry")} + config, env);
    QCOMPARE(r.exitCode, 3);
    QVERIFY(!f.localId(QStringLiteral("topics"), QString::number(loud)).isEmpty());
    QVERIFY(!f.localId(QStringLiteral("messages"), QString::number(inLoud)).isEmpty());
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_quarantine")), 1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT attempts FROM tributary_quarantine WHERE external_id = ?"), {QString::number(orphan)}), 2);

    // Once the source deletes the orphan too, a retry forgets it.
    f.forumCall("DELETE", QStringLiteral("/messages/%1").arg(orphan), {}, &status);
    r = tributaryd(QStringList{QStringLiteral("quarantine"), QStringLiteral("retry"), QStringLiteral("--id"), QString::number(orphan)} + config, env);
    QCOMPARE(r.exitCode, 0);
    r = tributaryd(QStringList{QStringLiteral("quarantine"), QStringLiteral("list")} + config, env);
    QCOMPARE(r.out.trimmed(), QStringLiteral("No records in quarantine."));
    r = tributaryd(QStringList{QStringLiteral("verify")} + config, env);
    QCOMPARE(r.exitCode, 0);
}

QTEST_GUILESS_MAIN(tst_Tributaryd)
#include "tst_tributaryd.moc"
