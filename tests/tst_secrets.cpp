// Credentials a source echoes back never leave Tributary in clear. An API that refuses every
// request (401, 422) and quotes the Authorization and X-Api-Key headers it was sent, in its
// message, in a JSON object and escaped the way PHP does: the run's error, the run history,
// `tributaryd sync` and `status`, /healthz and /metrics of `tributaryd serve`, the log lines
// and the bytes of the main database file hold none of the secrets, not even a piece of one.
#include "SyncFixture.h"
#include "TestSupport.h"
#include "TributarydProcess.h"

#include "BuiltinSources.h"
#include "net/HttpServer.h"
#include "state/Migrations.h"
#include "state/ParkingLot.h"
#include "state/RunLog.h"
#include "store/Database.h"
#include "store/Statements.h"
#include "util/Redaction.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

const QString kToken = QStringLiteral("tok-Echo/9f8e7d6c+5b4a3921");
const QString kApiKey = QStringLiteral("key-Echo/7Hq2Zx9+Wm4Lp0");
const QString kUser = QStringLiteral("sync-user");
const QString kPassword = QStringLiteral("pw-Echo-5e6f7a8b9c");
const QString kTokenEnv = QStringLiteral("TRIBUTARY_ECHO_TOKEN");
const QString kKeyEnv = QStringLiteral("TRIBUTARY_ECHO_KEY");
const QString kPasswordEnv = QStringLiteral("TRIBUTARY_ECHO_PASSWORD");

QString basicCredentials() { return QString::fromLatin1((kUser + QLatin1Char(':') + kPassword).toUtf8().toBase64()); }

// Every secret in full, and a piece from its middle: a message cut inside a secret must not
// show the rest of it either.
QStringList forbidden()
{
    const QString basic = basicCredentials();
    return {kToken, kApiKey, kPassword, basic, QStringLiteral("9f8e7d6c"), QStringLiteral("7Hq2Zx9"), QStringLiteral("5e6f7a8b"),
            basic.mid(4, 10)};
}

// The first forbidden text found in `text`, or an empty string.
QString leak(const QString &text)
{
    for (const QString &s : forbidden()) {
        if (text.contains(s))
            return s;
    }
    return {};
}

QString leak(const QByteArray &bytes)
{
    for (const QString &s : forbidden()) {
        if (bytes.contains(s.toUtf8()))
            return s;
    }
    return {};
}

// An API that refuses every request with `status` and quotes the credentials it was sent.
class EchoApi
{
public:
    explicit EchoApi(int status)
        : m_status(status), m_server([this](const HttpRequest &r) { return handle(r); })
    {
    }
    bool start() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()); }

private:
    HttpResponse handle(const HttpRequest &r) const
    {
        const QByteArray authorization = r.header("authorization");
        const QByteArray key = r.header("x-api-key");
        const qsizetype space = authorization.indexOf(' ');
        const QByteArray credential = !key.isEmpty() ? key : authorization.mid(space + 1);
        QByteArray php = credential;
        php.replace("/", "\\/");
        // Long enough that a cut body (error details keep the start) would split a secret.
        const QByteArray padding(380, '.');
        QByteArray body = "{\"message\":\"You sent Authorization: " + authorization + " and X-Api-Key: " + key + "\","
                          "\"padding\":\"" + padding + "\",\"raw\":\"" + credential + "\",\"received\":{\"authorization\":\""
                          + authorization + "\",\"x-api-key\":\"" + key + "\"},\"php\":\"" + php + "\",\"detail\":\"credential "
                          + credential + " is not valid for " + r.target + "\"}";
        return HttpResponse::json(m_status, body);
    }

    int m_status;
    HttpServer m_server;
};

// A main database with an items table, and three REST sources on the echo API: one with a
// bearer token, one with an API key header, one with basic auth, each from the environment.
struct Scenario
{
    QTemporaryDir dir;
    std::unique_ptr<EchoApi> api;
    Config config;
    std::unique_ptr<Database> db;
    QNetworkAccessManager nam;

    bool setUp(int status)
    {
        api = std::make_unique<EchoApi>(status);
        if (!dir.isValid() || !api->start())
            return false;
        Error e;
        {
            DatabaseConfig dc;
            dc.path = mainDb();
            auto setup = Database::open(dc, dir.path(), &e, Database::Missing::Create);
            if (!setup || !setup->exec(QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT)"), &e))
                return false;
        }
        auto source = [&](const QString &name, const QJsonObject &auth) {
            return QJsonObject{
                {QStringLiteral("name"), name},
                {QStringLiteral("type"), QStringLiteral("rest")},
                {QStringLiteral("schedule"), QJsonObject{{QStringLiteral("interval_seconds"), 3600},
                                                         {QStringLiteral("reconcile_interval_seconds"), 0}}},
                {QStringLiteral("rest"), QJsonObject{{QStringLiteral("base_url"), api->baseUrl()},
                                                     {QStringLiteral("auth"), auth},
                                                     {QStringLiteral("limits"), QJsonObject{{QStringLiteral("max_retries"), 0}}}}},
                {QStringLiteral("entities"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("items")},
                                                                    {QStringLiteral("endpoint"), QStringLiteral("/items")},
                                                                    {QStringLiteral("table"), QStringLiteral("items")},
                                                                    {QStringLiteral("columns"), QJsonObject{{QStringLiteral("title"), QStringLiteral("title")}}}}}}};
        };
        const QJsonObject root{
            {QStringLiteral("database"), QJsonObject{{QStringLiteral("path"), QStringLiteral("main.sqlite")}}},
            {QStringLiteral("sources"),
             QJsonArray{source(QStringLiteral("bearer"), QJsonObject{{QStringLiteral("type"), QStringLiteral("bearer")},
                                                                    {QStringLiteral("token"), QJsonObject{{QStringLiteral("env"), kTokenEnv}}}}),
                        source(QStringLiteral("apikey"), QJsonObject{{QStringLiteral("type"), QStringLiteral("api_key")},
                                                                    {QStringLiteral("header"), QStringLiteral("X-Api-Key")},
                                                                    {QStringLiteral("key"), QJsonObject{{QStringLiteral("env"), kKeyEnv}}}}),
                        source(QStringLiteral("basic"), QJsonObject{{QStringLiteral("type"), QStringLiteral("basic")},
                                                                   {QStringLiteral("username"), kUser},
                                                                   {QStringLiteral("password"), QJsonObject{{QStringLiteral("env"), kPasswordEnv}}}})}}};
        QFile f(configPath());
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(root).toJson()) < 0)
            return false;
        f.close();
        QStringList errors;
        if (!Config::load(configPath(), &config, &errors)) {
            qWarning("%s", qPrintable(errors.join(QLatin1Char('\n'))));
            return false;
        }
        db = Database::open(config.database, config.baseDir(), &e);
        return db && Migrations::run(*db, &e);
    }

    QString mainDb() const { return dir.filePath(QStringLiteral("main.sqlite")); }
    QString configPath() const { return dir.filePath(QStringLiteral("tributary.json")); }

    // Every byte of the main database as it is on disk, the write-ahead log included.
    QByteArray databaseBytes() const
    {
        QByteArray all;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
            QFile f(mainDb() + suffix);
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        return all;
    }

    QStringList storedErrors()
    {
        QStringList out;
        QSqlQuery q(db->db());
        q.exec(QStringLiteral("SELECT error FROM tributary_runs"));
        while (q.next())
            out.append(q.value(0).toString());
        return out;
    }
};

Environment secrets()
{
    return {{kTokenEnv, kToken}, {kKeyEnv, kApiKey}, {kPasswordEnv, kPassword}};
}

// Runs a started tributaryd to its end while this thread's event loop keeps the echo API
// answering.
TributarydProcess::Result finish(TributarydProcess &p, int ms = 120000)
{
    QElapsedTimer t;
    t.start();
    while (p.isRunning() && t.elapsed() < ms)
        QTest::qWait(20);
    p.waitForFinished(1000);
    return p.result();
}

struct Reply
{
    int status = 0;
    QByteArray body;
};

Reply get(QNetworkAccessManager &nam, const QUrl &url)
{
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(30000);
    Reply out{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return out;
}

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// Every message of this process, as the engine wrote it (before any log handler masks it).
QMutex s_logMutex;
QStringList s_log;
void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    QMutexLocker lock(&s_logMutex);
    s_log.append(message);
}

} // namespace

class tst_Secrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aRunRefusedWithAnEchoKeepsNoSecret_data();
    void aRunRefusedWithAnEchoKeepsNoSecret();
    void theCommandsShowNoSecret_data();
    void theCommandsShowNoSecret();
    void serveShowsNoSecret();
    void quarantineReasonsAreMasked();
    void aSecretOnTheCutOfABodyIsMaskedWhole();
};

void tst_Secrets::initTestCase()
{
    registerBuiltinSources();
    const Environment env = secrets();
    for (auto it = env.constBegin(); it != env.constEnd(); ++it)
        qputenv(it.key().toLocal8Bit().constData(), it.value().toUtf8());
}

void tst_Secrets::aRunRefusedWithAnEchoKeepsNoSecret_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("source");
    for (const int status : {401, 422}) {
        for (const char *source : {"bearer", "apikey", "basic"})
            QTest::addRow("%d %s", status, source) << status << QString::fromLatin1(source);
    }
}

void tst_Secrets::aRunRefusedWithAnEchoKeepsNoSecret()
{
    QFETCH(int, status);
    QFETCH(QString, source);
    Scenario s;
    QVERIFY(s.setUp(status));
    {
        QMutexLocker lock(&s_logMutex);
        s_log.clear();
    }
    QLoggingCategory::setFilterRules(QStringLiteral("tributary.*=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    const RunResult r = runSync(*s.db, s.config, *s.config.source(source), &s.nam);
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("failed"));
    // The server's words are still there, only the credentials are not.
    QVERIFY2(r.error.toString().contains(QStringLiteral("You sent Authorization")), qPrintable(r.error.toString()));
    QVERIFY2(r.error.toString().contains(QStringLiteral("***")), qPrintable(r.error.toString()));
    QVERIFY2(leak(r.error.toString()).isEmpty(), qPrintable(r.error.toString()));
    const QStringList stored = s.storedErrors();
    QCOMPARE(stored.size(), 1);
    QVERIFY2(leak(stored.first()).isEmpty(), qPrintable(stored.first()));
    {
        QMutexLocker lock(&s_logMutex);
        QVERIFY(!s_log.isEmpty());
        const QString all = s_log.join(QLatin1Char('\n'));
        QVERIFY2(leak(all).isEmpty(), qPrintable(all));
    }
    s.db.reset();
    const QString found = leak(s.databaseBytes());
    QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("the main database holds %1").arg(found)));
}

void tst_Secrets::theCommandsShowNoSecret_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("401") << 401;
    QTest::newRow("422") << 422;
}

void tst_Secrets::theCommandsShowNoSecret()
{
    QFETCH(int, status);
    Scenario s;
    QVERIFY(s.setUp(status));
    s.db.reset();

    TributarydProcess sync(secrets());
    QVERIFY(sync.start({QStringLiteral("sync"), QStringLiteral("--config"), s.configPath()}));
    const TributarydProcess::Result synced = finish(sync);
    QVERIFY2(synced.exitCode != 0 && synced.exitCode != -1, qPrintable(synced.output()));
    QVERIFY2(synced.output().contains(QStringLiteral("You sent Authorization")), qPrintable(synced.output()));
    QVERIFY2(leak(synced.output()).isEmpty(), qPrintable(synced.output()));

    for (const QStringList &args : {QStringList{QStringLiteral("status")}, QStringList{QStringLiteral("status"), QStringLiteral("--json")}}) {
        // Without the secrets in its environment, as an operator looking at the state would run it.
        const TributarydProcess::Result shown = TributarydProcess::run(args + QStringList{QStringLiteral("--config"), s.configPath()});
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.output()));
        QVERIFY2(shown.output().contains(QStringLiteral("bearer")), qPrintable(shown.output()));
        QVERIFY2(leak(shown.output()).isEmpty(), qPrintable(shown.output()));
    }
    const QString found = leak(s.databaseBytes());
    QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("the main database holds %1").arg(found)));
}

void tst_Secrets::serveShowsNoSecret()
{
    Scenario s;
    QVERIFY(s.setUp(401));
    s.db.reset();
    const quint16 port = freePort();
    TributarydProcess serve(secrets());
    QVERIFY(serve.start({QStringLiteral("serve"), QStringLiteral("--config"), s.configPath(), QStringLiteral("--listen"),
                         QStringLiteral("127.0.0.1:%1").arg(port)}));
    const QUrl health(QStringLiteral("http://127.0.0.1:%1/healthz").arg(port));
    const QUrl metrics(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port));
    QNetworkAccessManager nam;
    // Each source's first sync runs at start and is refused.
    Reply h;
    QTRY_VERIFY2_WITH_TIMEOUT((h = get(nam, health)).body.count("needs attention") == 3 || !serve.isRunning(),
                              qPrintable(serve.log() + QString::fromUtf8(h.body)), 60000);
    QCOMPARE(h.status, 503);
    QVERIFY2(h.body.contains("You sent Authorization"), h.body.constData());
    QVERIFY2(leak(h.body).isEmpty(), h.body.constData());
    const Reply m = get(nam, metrics);
    QCOMPARE(m.status, 200);
    QVERIFY2(leak(m.body).isEmpty(), m.body.constData());

    serve.signal(SIGTERM);
    QCOMPARE(serve.wait(), 0);
    QVERIFY2(serve.log().contains(QStringLiteral("You sent Authorization")), qPrintable(serve.log()));
    QVERIFY2(leak(serve.log()).isEmpty(), qPrintable(serve.log()));
    const QString found = leak(s.databaseBytes());
    QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("the main database holds %1").arg(found)));
}

void tst_Secrets::quarantineReasonsAreMasked()
{
    Scenario s;
    QVERIFY(s.setUp(401));
    Redaction::addSecret(kToken); // resolved, as a run would have
    Statements statements(*s.db);
    ParkingLot lot(*s.db, QStringLiteral("bearer"), statements);
    Error error;
    QVERIFY2(lot.quarantine(QStringLiteral("items"), QStringLiteral("7"), QJsonObject{{QStringLiteral("id"), 7}}, QString(),
                            QStringLiteral("references 8, whose fetch said: Authorization: Bearer %1").arg(kToken), 1,
                            Database::now(), false, &error),
             qPrintable(error.toString()));
    const QVariant reason = [&] {
        QSqlQuery q(s.db->db());
        q.exec(QStringLiteral("SELECT reason FROM tributary_quarantine"));
        return q.next() ? q.value(0) : QVariant();
    }();
    QVERIFY2(reason.toString().startsWith(QStringLiteral("references 8")), qPrintable(reason.toString()));
    QVERIFY2(leak(reason.toString()).isEmpty(), qPrintable(reason.toString()));
}

void tst_Secrets::aSecretOnTheCutOfABodyIsMaskedWhole()
{
    Redaction::addSecret(kApiKey);
    for (int at = 380; at < 410; ++at) {
        const QByteArray body = QByteArray(at, 'x') + kApiKey.toUtf8() + QByteArray(100, 'y');
        const QString snippet = Redaction::snippet(body, 400);
        QVERIFY2(leak(snippet).isEmpty() && !snippet.contains(QStringLiteral("key-Echo")), qPrintable(snippet));
        QVERIFY(snippet.size() <= 401);
    }
}

QTEST_GUILESS_MAIN(tst_Secrets)
#include "tst_secrets.moc"
