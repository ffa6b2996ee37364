// The configuration file the console edits: read and written exactly as tributaryd does, sources
// added and renamed, problems named by key, secrets kept out of it, recent files remembered.

#include "SyncFixture.h"

#include "BuiltinSources.h"
#include "ConfigDocument.h"

#include "store/Database.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Gui;
using namespace Tributary::Test;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(readFile(path)).object();
}

QByteArray text(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

SourcePreset forumPreset(const QString &name = QStringLiteral("forum"))
{
    SourcePreset p;
    p.sourceName = name;
    p.baseUrl = QStringLiteral("http://127.0.0.1:9/api/v1");
    p.tokenEnv = QStringLiteral("FORUM_TOKEN");
    return p;
}

QString keysOf(const QList<ConfigProblem> &problems)
{
    QStringList keys;
    for (const ConfigProblem &p : problems)
        keys.append(p.keyPath);
    return keys.join(QLatin1Char(' '));
}

} // namespace

class tst_ConfigDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void openAndSaveUnchangedIsByteIdentical();
    void openRefusesWhatIsNotAJsonObject();
    void sourcesAddedRemovedRenamed();
    void problemsAreNamedByKey();
    void schemaProblemsWithADatabase();
    void newDocumentsFromPresets();
    void saveAsKeepsRelativePathsPointingAtTheSameFiles();
    void secretsGoToTheCredentialsFileOwnerOnly();
    void aCredentialsFileThatIsNotJsonIsNeverOverwritten();
    void recentFilesMostRecentFirst();
    void problemLinesSplitAtTheKey_data();
    void problemLinesSplitAtTheKey();

private:
    QTemporaryDir m_settingsDir;
};

void tst_ConfigDocument::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_settingsDir.path().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TributaryTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_configdocument"));
    ConfigDocument::clearRecentFiles();
    registerBuiltinSources(); // the "rest" validator
}

void tst_ConfigDocument::openAndSaveUnchangedIsByteIdentical()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tributary.json"));
    QJsonObject root = ConfigDocument::presetConfig(forumPreset(), QStringLiteral("main.sqlite"));
    root.insert(QStringLiteral("comment"), QStringLiteral("keys the console does not know are kept"));
    const QByteArray bytes = QJsonDocument(root).toJson(); // as tributaryd init and Config::save write
    writeFile(path, bytes);

    ConfigDocument doc;
    QSignalSpy modified(&doc, &ConfigDocument::modifiedChanged);
    QString error;
    QVERIFY2(doc.open(path, &error), qPrintable(error));
    QVERIFY(!doc.isModified());
    QCOMPARE(doc.filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(doc.displayName(), QStringLiteral("tributary.json"));
    QVERIFY(doc.save(&error));
    QCOMPARE(readFile(path), bytes);
    QCOMPARE(modified.size(), 0);

    // An edit changes only its own lines.
    QJsonObject db = doc.database();
    db.insert(QStringLiteral("busy_timeout_ms"), 5000);
    doc.setDatabase(db);
    QVERIFY(doc.isModified());
    QCOMPARE(modified.size(), 1);
    QVERIFY(doc.save(&error));
    QVERIFY(!doc.isModified());
    QCOMPARE(modified.size(), 2);
    QJsonObject expected = root;
    expected.insert(QStringLiteral("database"), db);
    QCOMPARE(readFile(path), text(expected));
    QVERIFY(readJson(path).contains(QStringLiteral("comment")));
}

void tst_ConfigDocument::openRefusesWhatIsNotAJsonObject()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    writeFile(path, "{\"database\": {\"path\": \"main.sqlite\",}");
    ConfigDocument doc;
    QString error;
    QVERIFY(!doc.open(path, &error));
    QVERIFY2(error.contains(QStringLiteral("not valid JSON at offset")), qPrintable(error));
    writeFile(path, "[]");
    QVERIFY(!doc.open(path, &error));
    QVERIFY2(error.contains(QStringLiteral("expected a JSON object")), qPrintable(error));
    QVERIFY(!doc.open(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY(error.contains(QStringLiteral("cannot open")));
}

void tst_ConfigDocument::sourcesAddedRemovedRenamed()
{
    ConfigDocument doc;
    doc.newDocument(forumPreset(), QStringLiteral("main.sqlite"));
    QSignalSpy sources(&doc, &ConfigDocument::sourcesChanged);
    QCOMPARE(doc.sourceNames(), QStringList{QStringLiteral("forum")});
    QCOMPARE(doc.uniqueSourceName(QStringLiteral("forum")), QStringLiteral("forum-2"));

    QString error;
    QVERIFY(!doc.addSource(ConfigDocument::presetSource(forumPreset()), &error));
    QVERIFY(error.contains(QStringLiteral("already a source called \"forum\"")));
    QVERIFY(doc.addSource(ConfigDocument::presetSource(forumPreset(QStringLiteral("forum-2")))));
    QCOMPARE(doc.uniqueSourceName(QStringLiteral("forum")), QStringLiteral("forum-3"));
    QCOMPARE(sources.size(), 1);

    QVERIFY(!doc.renameSource(QStringLiteral("forum-2"), QStringLiteral("forum"), &error));
    QVERIFY(doc.renameSource(QStringLiteral("forum-2"), QStringLiteral("mirror")));
    QCOMPARE(doc.sourceNames(), (QStringList{QStringLiteral("forum"), QStringLiteral("mirror")}));
    QCOMPARE(doc.source(QStringLiteral("mirror")).value(QStringLiteral("name")).toString(), QStringLiteral("mirror"));
    QCOMPARE(sources.size(), 2);

    // Replacing a source in place keeps its position; an unchanged one changes nothing.
    QJsonObject forum = doc.source(QStringLiteral("forum"));
    forum.insert(QStringLiteral("priority"), 3);
    QVERIFY(doc.setSource(QStringLiteral("forum"), forum));
    QCOMPARE(doc.sourceNames().first(), QStringLiteral("forum"));
    QCOMPARE(doc.source(QStringLiteral("forum")).value(QStringLiteral("priority")).toInt(), 3);
    QCOMPARE(sources.size(), 2);

    QVERIFY(doc.removeSource(QStringLiteral("forum")));
    QVERIFY(!doc.removeSource(QStringLiteral("forum")));
    QCOMPARE(doc.sourceNames(), QStringList{QStringLiteral("mirror")});
    QCOMPARE(sources.size(), 3);
    QVERIFY(doc.isModified());
    QVERIFY(!doc.save(&error)); // untitled
    QVERIFY(error.contains(QStringLiteral("Save As")));
}

void tst_ConfigDocument::problemsAreNamedByKey()
{
    ConfigDocument doc;
    doc.newDocument(forumPreset(), QStringLiteral("main.sqlite"));
    QVERIFY2(doc.validate().isEmpty(), qPrintable(keysOf(doc.validate())));

    QJsonObject src = doc.source(QStringLiteral("forum"));
    QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
    rest.insert(QStringLiteral("base_url"), QStringLiteral("ftp://nowhere"));
    src.insert(QStringLiteral("rest"), rest);
    QJsonArray entities = src.value(QStringLiteral("entities")).toArray();
    QJsonObject users = entities.at(0).toObject();
    QJsonObject columns = users.value(QStringLiteral("columns")).toObject();
    columns.insert(QStringLiteral("email"), QJsonObject{{QStringLiteral("field"), QStringLiteral("email")}, {QStringLiteral("type"), QStringLiteral("text")}});
    users.insert(QStringLiteral("columns"), columns);
    entities.replace(0, users);
    src.insert(QStringLiteral("entities"), entities);
    QVERIFY(doc.setSource(QStringLiteral("forum"), src));

    const QList<ConfigProblem> problems = doc.validate();
    QCOMPARE(problems.size(), 2);
    QCOMPARE(keysOf(problems), QStringLiteral("sources.forum.entities.users.columns.email.type sources.forum.rest.base_url"));
    QVERIFY(problems.at(0).message.startsWith(QStringLiteral("expected one of string, integer")));
    QCOMPARE(problems.at(1).line(), QStringLiteral("sources.forum.rest.base_url: ") + problems.at(1).message);
}

void tst_ConfigDocument::schemaProblemsWithADatabase()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(3, 1, 1, 2, 1)));
    ConfigDocument doc;
    doc.newDocument(forumPreset(), QStringLiteral("main.sqlite"));
    QString error;
    QVERIFY(doc.saveAs(f.path(QStringLiteral("tributary.json")), &error));
    Config config;
    QStringList errors;
    QVERIFY(doc.toConfig(&config, &errors));
    Error dbError;
    auto db = Database::open(config.database, config.baseDir(), &dbError);
    QVERIFY(db);
    QVERIFY(doc.validate(db.get()).isEmpty());

    QJsonObject src = doc.source(QStringLiteral("forum"));
    QJsonArray entities = src.value(QStringLiteral("entities")).toArray();
    QJsonObject topics = entities.at(2).toObject();
    topics.insert(QStringLiteral("table"), QStringLiteral("threads"));
    entities.replace(2, topics);
    src.insert(QStringLiteral("entities"), entities);
    doc.setSource(QStringLiteral("forum"), src);
    const QList<ConfigProblem> problems = doc.validate(db.get());
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().keyPath, QStringLiteral("sources.forum.entities.topics.table"));
    QCOMPARE(problems.first().message, QStringLiteral("the main database has no table \"threads\""));
    QVERIFY(doc.validate().isEmpty()); // without a database only the file is checked
}

void tst_ConfigDocument::newDocumentsFromPresets()
{
    QTemporaryDir dir;
    ConfigDocument doc;
    QSignalSpy modified(&doc, &ConfigDocument::modifiedChanged);
    doc.newDocument(forumPreset(), QStringLiteral("main.sqlite"));
    QVERIFY(doc.isModified());
    QVERIFY(doc.filePath().isEmpty());
    QCOMPARE(doc.displayName(), QStringLiteral("Untitled"));
    QString error;
    const QString path = dir.filePath(QStringLiteral("new.json"));
    QVERIFY(doc.saveAs(path, &error));
    QVERIFY(!doc.isModified());
    QCOMPARE(readFile(path), text(ConfigDocument::presetConfig(forumPreset(), QStringLiteral("main.sqlite"))));
    Config loaded;
    QStringList errors;
    QVERIFY2(Config::load(path, &loaded, &errors), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(loaded.sources.first().entities.size(), 4);
    QCOMPARE(loaded.sources.first().options.value(QStringLiteral("rest")).toObject().value(QStringLiteral("base_url")).toString(),
             QStringLiteral("http://127.0.0.1:9/api/v1"));

    SourcePreset rest;
    rest.kind = SourcePreset::Kind::GenericRest;
    rest.sourceName = QStringLiteral("items-api");
    rest.baseUrl = QStringLiteral("https://api.example.com/v2/");
    rest.tokenEnv.clear();
    doc.newDocument(rest);
    QVERIFY(doc.filePath().isEmpty());
    const QList<ConfigProblem> problems = doc.validate();
    QCOMPARE(keysOf(problems), QStringLiteral("sources.items-api.entities.items.table"));
    QCOMPARE(doc.source(QStringLiteral("items-api")).value(QStringLiteral("rest")).toObject().value(QStringLiteral("base_url")).toString(),
             QStringLiteral("https://api.example.com/v2"));
}

void tst_ConfigDocument::saveAsKeepsRelativePathsPointingAtTheSameFiles()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("sub")));
    const QString inSub = dir.filePath(QStringLiteral("sub/tributary.json"));
    QJsonObject root = ConfigDocument::presetConfig(forumPreset(), QStringLiteral("main.sqlite"));
    QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
    QJsonObject src = sources.at(0).toObject();
    QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
    rest.insert(QStringLiteral("auth"), QJsonObject{{QStringLiteral("type"), QStringLiteral("bearer")},
                                                    {QStringLiteral("token"), QJsonObject{{QStringLiteral("file"), QStringLiteral("credentials.json")},
                                                                                         {QStringLiteral("key"), QStringLiteral("forum.token")}}}});
    src.insert(QStringLiteral("rest"), rest);
    sources.replace(0, src);
    root.insert(QStringLiteral("sources"), sources);
    writeFile(inSub, QJsonDocument(root).toJson());

    ConfigDocument doc;
    QString error;
    QVERIFY(doc.open(inSub, &error));
    // Up one directory: the files are below it, the paths stay relative.
    QVERIFY(doc.saveAs(dir.filePath(QStringLiteral("tributary.json")), &error));
    QCOMPARE(doc.database().value(QStringLiteral("path")).toString(), QStringLiteral("sub/main.sqlite"));
    auto tokenFile = [&doc] {
        return doc.source(QStringLiteral("forum")).value(QStringLiteral("rest")).toObject().value(QStringLiteral("auth")).toObject()
            .value(QStringLiteral("token")).toObject().value(QStringLiteral("file")).toString();
    };
    QCOMPARE(tokenFile(), QStringLiteral("sub/credentials.json"));
    // Somewhere else entirely: absolute.
    QTemporaryDir other;
    QVERIFY(doc.saveAs(other.filePath(QStringLiteral("tributary.json")), &error));
    QCOMPARE(doc.database().value(QStringLiteral("path")).toString(), QDir(dir.path()).filePath(QStringLiteral("sub/main.sqlite")));
    QCOMPARE(tokenFile(), QDir(dir.path()).filePath(QStringLiteral("sub/credentials.json")));
    Config loaded;
    QStringList errors;
    QVERIFY(Config::load(other.filePath(QStringLiteral("tributary.json")), &loaded, &errors));
    QCOMPARE(loaded.databasePath(), QDir(dir.path()).filePath(QStringLiteral("sub/main.sqlite")));
}

void tst_ConfigDocument::secretsGoToTheCredentialsFileOwnerOnly()
{
    QTemporaryDir dir;
    ConfigDocument doc;
    doc.newDocument(forumPreset(), QStringLiteral("main.sqlite"));
    const SecretRef ref = doc.storeSecret(QStringLiteral("forum.token"), QStringLiteral("hunter2"));
    QCOMPARE(ref.file, QStringLiteral("credentials.json"));
    QCOMPARE(ref.key, QStringLiteral("forum.token"));
    QVERIFY(doc.hasPendingSecrets());
    QVERIFY(doc.hasSecret(ref));
    QString error;
    QVERIFY(!doc.writeCredentials(&error)); // no place yet
    QVERIFY(error.contains(QStringLiteral("Save the configuration first")));

    QJsonObject src = doc.source(QStringLiteral("forum"));
    QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
    rest.insert(QStringLiteral("auth"), QJsonObject{{QStringLiteral("type"), QStringLiteral("bearer")}, {QStringLiteral("token"), ref.toJson()}});
    src.insert(QStringLiteral("rest"), rest);
    doc.setSource(QStringLiteral("forum"), src);
    const QString path = dir.filePath(QStringLiteral("tributary.json"));
    QVERIFY(doc.saveAs(path, &error));
    QVERIFY(!doc.hasPendingSecrets());

    const QString credentials = dir.filePath(QStringLiteral("credentials.json"));
    QCOMPARE(QFile::permissions(credentials) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY(!readFile(path).contains("hunter2"));
    Config loaded;
    QStringList errors;
    QVERIFY(Config::load(path, &loaded, &errors));
    QString why;
    QCOMPARE(ref.resolve(loaded.baseDir(), &why), QStringLiteral("hunter2"));
    QVERIFY(doc.hasSecret(ref));

    // A second secret joins the first.
    doc.storeSecret(QStringLiteral("other.key"), QStringLiteral("s2"));
    QVERIFY(doc.save(&error));
    QCOMPARE(QJsonDocument::fromJson(readFile(credentials)).object(),
             (QJsonObject{{QStringLiteral("forum.token"), QStringLiteral("hunter2")}, {QStringLiteral("other.key"), QStringLiteral("s2")}}));

    SecretRef env;
    env.env = QStringLiteral("TRIBUTARY_DOC_TEST_UNSET");
    QVERIFY(!doc.hasSecret(env));
    qputenv("TRIBUTARY_DOC_TEST_UNSET", "x");
    QVERIFY(doc.hasSecret(env));
    qunsetenv("TRIBUTARY_DOC_TEST_UNSET");
}

void tst_ConfigDocument::aCredentialsFileThatIsNotJsonIsNeverOverwritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tributary.json"));
    writeFile(path, QJsonDocument(ConfigDocument::presetConfig(forumPreset(), QStringLiteral("main.sqlite"))).toJson());
    const QString credentials = dir.filePath(QStringLiteral("credentials.json"));
    writeFile(credentials, "password=hunter2\n");
    ConfigDocument doc;
    QString error;
    QVERIFY(doc.open(path, &error));
    const QByteArray before = readFile(path);
    doc.storeSecret(QStringLiteral("forum.token"), QStringLiteral("new"));
    QJsonObject db = doc.database();
    db.insert(QStringLiteral("busy_timeout_ms"), 1000);
    doc.setDatabase(db);
    QVERIFY(!doc.save(&error));
    QVERIFY2(error.contains(QStringLiteral("is not a JSON object")), qPrintable(error));
    QCOMPARE(readFile(credentials), QByteArray("password=hunter2\n"));
    QCOMPARE(readFile(path), before); // the configuration waits for its secret
    QVERIFY(doc.isModified());
}

void tst_ConfigDocument::recentFilesMostRecentFirst()
{
    ConfigDocument::clearRecentFiles();
    QTemporaryDir dir;
    QStringList paths;
    for (int i = 0; i < 10; ++i) {
        const QString path = dir.filePath(QStringLiteral("c%1.json").arg(i));
        writeFile(path, QJsonDocument(ConfigDocument::presetConfig(forumPreset(), QStringLiteral("main.sqlite"))).toJson());
        paths.append(path);
    }
    ConfigDocument doc;
    QString error;
    QVERIFY(doc.open(paths.at(0), &error));
    QVERIFY(doc.open(paths.at(1), &error));
    QCOMPARE(ConfigDocument::recentFiles(), (QStringList{paths.at(1), paths.at(0)}));
    QVERIFY(doc.open(paths.at(0), &error));
    QCOMPARE(ConfigDocument::recentFiles(), (QStringList{paths.at(0), paths.at(1)}));
    for (const QString &p : std::as_const(paths))
        QVERIFY(doc.open(p, &error));
    const QStringList recent = ConfigDocument::recentFiles();
    QCOMPARE(recent.size(), ConfigDocument::kMaxRecentFiles);
    QCOMPARE(recent.first(), paths.last());
    QVERIFY(!recent.contains(paths.at(0)));
    // Save As counts as opening.
    QVERIFY(doc.saveAs(dir.filePath(QStringLiteral("saved.json")), &error));
    QCOMPARE(ConfigDocument::recentFiles().first(), dir.filePath(QStringLiteral("saved.json")));
    ConfigDocument::clearRecentFiles();
    QVERIFY(ConfigDocument::recentFiles().isEmpty());
}

void tst_ConfigDocument::problemLinesSplitAtTheKey_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");
    QTest::newRow("key") << "sources.forum.rest.base_url: must not be empty" << "sources.forum.rest.base_url" << "must not be empty";
    QTest::newRow("index") << "sources[2].name: is required" << "sources[2].name" << "is required";
    QTest::newRow("colon in message") << "database.path: expected a string: got 3" << "database.path" << "expected a string: got 3";
    QTest::newRow("no key") << "cannot open: No such file" << "" << "cannot open: No such file";
    QTest::newRow("sentence") << "Some message: with colon" << "" << "Some message: with colon";
}

void tst_ConfigDocument::problemLinesSplitAtTheKey()
{
    QFETCH(QString, line);
    QFETCH(QString, key);
    QFETCH(QString, message);
    const ConfigProblem p = ConfigProblem::fromLine(line);
    QCOMPARE(p.keyPath, key);
    QCOMPARE(p.message, message);
    QCOMPARE(p.line(), line);
}

QTEST_MAIN(tst_ConfigDocument)
#include "tst_configdocument.moc"
