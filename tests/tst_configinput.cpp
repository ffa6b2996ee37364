// What a configuration file may be: a regular file of at most 4 MiB holding one JSON object in
// which no object names a key twice. /dev/zero, a FIFO, a directory or a huge file are refused
// at once with the file named (never read to the end, never waited on); a duplicated key is
// refused naming its path, where JSON alone would silently keep the last one. A main database
// that does not exist is refused naming database.path, and is not created.
#include "TestSupport.h"
#include "TributarydProcess.h"

#include "BuiltinSources.h"
#include "config/Config.h"
#include "config/ConfigFile.h"
#include "store/Database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Tributary;
using namespace Tributary::Test;

class tst_ConfigInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerBuiltinSources(); }
    void duplicateKeys_data();
    void duplicateKeys();
    void aDuplicatedKeyRefusesTheConfiguration_data();
    void aDuplicatedKeyRefusesTheConfiguration();
    void filesThatAreNotConfigurationsAreRefusedAtOnce_data();
    void filesThatAreNotConfigurationsAreRefusedAtOnce();
    void tributarydRefusesThemToo_data();
    void tributarydRefusesThemToo();
    void aMissingMainDatabaseIsRefusedNotCreated();
    void serviceLimits_data();
    void serviceLimits();

private:
    QTemporaryDir m_dir;
};

namespace {

// A valid configuration for one REST source, as text, with `extra` spliced into the source
// object (e.g. a second "name").
QByteArray configText(const QByteArray &sourceExtra = {}, const QByteArray &databasePath = "main.sqlite")
{
    return R"({
  "database": {"path": ")" + databasePath + R"("},
  "sources": [
    {
      "name": "api",
      "type": "rest",
      "rest": {"base_url": "http://127.0.0.1:9/v1", "headers": {"X-Client": "tributary"}},
      "entities": [{"name": "items", "endpoint": "/items", "table": "items", "columns": {"title": "title"}}])"
        + sourceExtra + R"(
    }
  ]
})";
}

bool write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

bool createMainDatabase(const QString &path)
{
    DatabaseConfig dc;
    dc.path = path;
    Error e;
    auto db = Database::open(dc, QFileInfo(path).absolutePath(), &e, Database::Missing::Create);
    return db && db->exec(QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT)"), &e);
}

} // namespace


void tst_ConfigInput::duplicateKeys_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("none") << QByteArray(R"({"a": 1, "b": {"a": 2}, "c": [{"a": 1}, {"a": 2}]})") << QStringList();
    QTest::newRow("top level") << QByteArray(R"({"a": 1, "b": 2, "a": 3})") << QStringList{QStringLiteral("a")};
    QTest::newRow("nested") << QByteArray(R"({"database": {"path": "x", "path": "y"}})") << QStringList{QStringLiteral("database.path")};
    QTest::newRow("in an array element") << QByteArray(R"({"sources": [{"name": "a"}, {"name": "b", "type": "rest", "name": "c"}]})")
                                         << QStringList{QStringLiteral("sources[1].name")};
    QTest::newRow("deeper in arrays") << QByteArray(R"({"s": [[{}], [1, {"k": [true, {"x": null, "x": false}]}]]})")
                                      << QStringList{QStringLiteral("s[1][1].k[1].x")};
    QTest::newRow("written with escapes") << QByteArray(R"({"name": "a", "na\u006de": "b"})") << QStringList{QStringLiteral("name")};
    QTest::newRow("a surrogate pair") << QByteArray(R"({"\ud83d\ude00": 1, "😀": 2})") << QStringList{QStringLiteral("😀")};
    QTest::newRow("braces and quotes inside strings")
        << QByteArray(R"({"a": "{\"a\": 1, \"a\": 2}", "b": "[,]", "c\"": 1, "c\\": 2})") << QStringList();
    QTest::newRow("three times") << QByteArray(R"({"h": {"X": "1", "X": "2", "X": "3"}})")
                                 << QStringList{QStringLiteral("h.X"), QStringLiteral("h.X")};
    QTest::newRow("same key, different objects") << QByteArray(R"({"a": {"k": 1}, "b": {"k": 1}, "k": 1})") << QStringList();
    QTest::newRow("values equal to keys") << QByteArray(R"({"a": "a", "b": ["a", "a"]})") << QStringList();
}

void tst_ConfigInput::duplicateKeys()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    QJsonParseError pe;
    QJsonDocument::fromJson(json, &pe);
    QCOMPARE(pe.error, QJsonParseError::NoError);
    QCOMPARE(ConfigFile::duplicateKeys(json), expected);
}

void tst_ConfigInput::aDuplicatedKeyRefusesTheConfiguration_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    // The report of the issue: a second "name" made the source another one and re-imported everything.
    QTest::newRow("a source's name") << configText(R"(, "name": "api-2")") << QStringLiteral("sources[0].name: this key is written more than once");
    QTest::newRow("enabled twice") << configText(R"(, "enabled": true, "enabled": false)")
                              << QStringLiteral("sources[0].enabled: this key is written more than once");
}

void tst_ConfigInput::aDuplicatedKeyRefusesTheConfiguration()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(QStringLiteral("duplicate.json"));
    QVERIFY(write(path, text));
    Config config;
    QStringList errors;
    QVERIFY(!Config::load(path, &config, &errors));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().startsWith(path + QStringLiteral(": ") + expected), qPrintable(errors.first()));
    // Without the duplicate, the same file is fine.
    QVERIFY(write(path, configText()));
    errors.clear();
    QVERIFY2(Config::load(path, &config, &errors), qPrintable(errors.join(QLatin1Char('\n'))));
}

void tst_ConfigInput::filesThatAreNotConfigurationsAreRefusedAtOnce_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("/dev/zero") << QStringLiteral("zero") << QStringLiteral("not a regular file");
    QTest::newRow("a FIFO nobody writes to") << QStringLiteral("fifo") << QStringLiteral("not a regular file");
    QTest::newRow("a directory") << QStringLiteral("directory") << QStringLiteral("not a regular file");
    QTest::newRow("larger than the cap") << QStringLiteral("large") << QStringLiteral("larger than 4194304 bytes, the limit for this file");
    QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("cannot open");
}

void tst_ConfigInput::filesThatAreNotConfigurationsAreRefusedAtOnce()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QString path;
    if (kind == QLatin1String("zero")) {
        path = QStringLiteral("/dev/zero");
    } else if (kind == QLatin1String("fifo")) {
        path = m_dir.filePath(QStringLiteral("config.fifo"));
        QFile::remove(path);
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    } else if (kind == QLatin1String("directory")) {
        path = m_dir.path();
    } else if (kind == QLatin1String("large")) {
        // Valid JSON, only too large: spaces after the object.
        path = m_dir.filePath(QStringLiteral("large.json"));
        QVERIFY(write(path, configText() + QByteArray(ConfigFile::kMaxBytes, ' ')));
    } else {
        path = m_dir.filePath(QStringLiteral("nothing-here.json"));
    }
    QElapsedTimer t;
    t.start();
    Config config;
    QStringList errors;
    QVERIFY(!Config::load(path, &config, &errors));
    QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().startsWith(path + QStringLiteral(": ")) && errors.first().contains(expected), qPrintable(errors.first()));

    // Just under the cap is fine.
    if (kind == QLatin1String("large")) {
        const QByteArray text = configText();
        QVERIFY(write(path, text + QByteArray(ConfigFile::kMaxBytes - text.size(), ' ')));
        errors.clear();
        QVERIFY2(Config::load(path, &config, &errors), qPrintable(errors.join(QLatin1Char('\n'))));
    }
}

void tst_ConfigInput::tributarydRefusesThemToo_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("/dev/zero") << QStringLiteral("zero") << QStringLiteral("/dev/zero: not a regular file");
    QTest::newRow("a FIFO") << QStringLiteral("fifo") << QStringLiteral("not a regular file");
    QTest::newRow("a duplicated name") << QStringLiteral("duplicate") << QStringLiteral("sources[0].name: this key is written more than once");
    QTest::newRow("a header with a line break") << QStringLiteral("header")
                                                << QStringLiteral("sources.api.rest.headers.X-Client: contains a line break");
}

void tst_ConfigInput::tributarydRefusesThemToo()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(createMainDatabase(dir.filePath(QStringLiteral("main.sqlite"))));
    QString path = dir.filePath(QStringLiteral("tributary.json"));
    if (kind == QLatin1String("zero")) {
        path = QStringLiteral("/dev/zero");
    } else if (kind == QLatin1String("fifo")) {
        path = dir.filePath(QStringLiteral("config.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    } else if (kind == QLatin1String("duplicate")) {
        QVERIFY(write(path, configText(R"(, "name": "api-2")")));
    } else {
        QByteArray text = configText();
        text.replace(R"("X-Client": "tributary")", R"("X-Client": "tributary\r\nAuthorization: Bearer injected")");
        QVERIFY(write(path, text));
    }
    for (const char *command : {"status", "sync"}) {
        const TributarydProcess::Result r =
            TributarydProcess::run({QString::fromLatin1(command), QStringLiteral("--config"), path}, {}, {}, 30000);
        QVERIFY2(r.exitCode == 2, qPrintable(QString::number(r.exitCode) + QLatin1Char(' ') + r.output()));
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    }
}

void tst_ConfigInput::aMissingMainDatabaseIsRefusedNotCreated()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tributary.json"));
    QVERIFY(write(path, configText({}, "data/mian.sqlite")));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("data")));
    const QString resolved = dir.filePath(QStringLiteral("data/mian.sqlite"));
    for (const char *command : {"status", "sync", "verify", "reconcile"}) {
        const TributarydProcess::Result r = TributarydProcess::run({QString::fromLatin1(command), QStringLiteral("--config"), path});
        QVERIFY2(r.exitCode == 2, qPrintable(QString::number(r.exitCode) + QLatin1Char(' ') + r.output()));
        QVERIFY2(r.err.contains(QStringLiteral("database.path: the main database %1 does not exist (database.path is \"data/mian.sqlite\")")
                                    .arg(resolved)),
                 qPrintable(r.err));
        QVERIFY2(!QFile::exists(resolved), command);
    }
    // Where creating is the point, it creates.
    DatabaseConfig dc;
    dc.path = QStringLiteral("data/mian.sqlite");
    Error e;
    QVERIFY(!Database::open(dc, dir.path(), &e));
    QCOMPARE(e.code, Error::Code::Config);
    QVERIFY(!QFile::exists(resolved));
    QVERIFY2(Database::open(dc, dir.path(), &e, Database::Missing::Create), qPrintable(e.toString()));
    QVERIFY(QFile::exists(resolved));
}

void tst_ConfigInput::serviceLimits_data()
{
    QTest::addColumn<QByteArray>("service");
    QTest::addColumn<QList<int>>("expected"); // request timeout, idle timeout, max connections
    QTest::addColumn<QString>("error");
    QTest::newRow("defaults") << QByteArray("{}") << QList<int>{10, 60, 512} << QString();
    QTest::newRow("set") << QByteArray(R"({"request_timeout_seconds": 3, "idle_timeout_seconds": 5, "max_connections": 64})")
                         << QList<int>{3, 5, 64} << QString();
    QTest::newRow("no request timeout") << QByteArray(R"({"request_timeout_seconds": 0})") << QList<int>()
                                        << QStringLiteral("service.request_timeout_seconds: expected a whole number from 1 to 600; got 0");
    QTest::newRow("idle too long") << QByteArray(R"({"idle_timeout_seconds": 86400})") << QList<int>()
                                   << QStringLiteral("service.idle_timeout_seconds: expected a whole number from 1 to 3600; got 86400");
    QTest::newRow("no connections") << QByteArray(R"({"max_connections": 0})") << QList<int>()
                                    << QStringLiteral("service.max_connections: expected a whole number from 1 to 65536; got 0");
}

void tst_ConfigInput::serviceLimits()
{
    QFETCH(QByteArray, service);
    QFETCH(QList<int>, expected);
    QFETCH(QString, error);
    QJsonObject root = QJsonDocument::fromJson(configText()).object();
    root.insert(QStringLiteral("service"), QJsonDocument::fromJson(service).object());
    Config config;
    QStringList errors;
    const bool ok = Config::fromJson(root, m_dir.filePath(QStringLiteral("tributary.json")), &config, &errors);
    if (error.isEmpty()) {
        QVERIFY2(ok, qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE((QList<int>{config.service.requestTimeoutSeconds, config.service.idleTimeoutSeconds, config.service.maxConnections}),
                 expected);
    } else {
        QVERIFY(!ok);
        QCOMPARE(errors, QStringList{error});
    }
}

QTEST_GUILESS_MAIN(tst_ConfigInput)
#include "tst_configinput.moc"
