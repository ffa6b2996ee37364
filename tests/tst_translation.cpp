// tributaryd speaks the admin's language: German when the system (or TRIBUTARY_LANGUAGE) says so,
// English otherwise, with identifiers, numbers and exit statuses unchanged; and the German
// catalogue is complete.

#include "Catalogue.h"
#include "SyncFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

using Exit = TributarydProcess::Result;

// The real binary; `env` adds variables, or removes those given an empty value.
Exit tributaryd(const QStringList &args, const Environment &env) { return TributarydProcess::run(args, env); }

const Environment kGerman{{QStringLiteral("TRIBUTARY_LANGUAGE"), QStringLiteral("de")}};
const Environment kEnglish{{QStringLiteral("TRIBUTARY_LANGUAGE"), QStringLiteral("en")}};

ForumGeneratorOptions small(int messages, quint64 seed)
{
    return forum(40, 5, 60, messages, seed);
}

} // namespace

class tst_Translation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void languageFollowsTheSystemUnlessOverridden_data();
    void languageFollowsTheSystemUnlessOverridden();
    void helpIsGerman();
    void syncSummaryIsGermanWithNumbersAndNamesIntact();
    void configurationErrorIsGermanAndNamesTheKey();
    void aSourcesErrorIsGermanThroughout();
    void catalogueIsComplete_data();
    void catalogueIsComplete();
};

void tst_Translation::languageFollowsTheSystemUnlessOverridden_data()
{
    QTest::addColumn<QString>("tributaryLanguage");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<bool>("german");
    // An empty value: the variable is not set.
    QTest::newRow("override de") << "de" << "en" << "C.UTF-8" << true;
    QTest::newRow("override de_DE") << "de_DE" << "" << "C.UTF-8" << true;
    QTest::newRow("override en over a German system") << "en" << "de" << "de_DE.UTF-8" << false;
    QTest::newRow("system LANG") << "" << "" << "de_DE.UTF-8" << true;
    QTest::newRow("system LANGUAGE first") << "" << "de:en" << "C.UTF-8" << true;
    QTest::newRow("system prefers English") << "" << "en:de" << "de_DE.UTF-8" << false;
    QTest::newRow("system C") << "" << "" << "C.UTF-8" << false;
    QTest::newRow("no catalogue: English") << "fr" << "" << "fr_FR.UTF-8" << false;
}

void tst_Translation::languageFollowsTheSystemUnlessOverridden()
{
    QFETCH(QString, tributaryLanguage);
    QFETCH(QString, language);
    QFETCH(QString, lang);
    QFETCH(bool, german);
    const Exit r = tributaryd({QStringLiteral("frobnicate")}, {{QStringLiteral("TRIBUTARY_LANGUAGE"), tributaryLanguage},
                                                              {QStringLiteral("LANGUAGE"), language},
                                                              {QStringLiteral("LC_ALL"), QString()},
                                                              {QStringLiteral("LC_MESSAGES"), QString()},
                                                              {QStringLiteral("LANG"), lang}});
    QCOMPARE(r.exitCode, 2); // exit statuses never depend on the language
    QVERIFY2(r.err.contains(german ? QStringLiteral("unbekannter Befehl \"frobnicate\"") : QStringLiteral("unknown command \"frobnicate\"")),
             qPrintable(r.err));
    QVERIFY(r.err.contains(german ? QStringLiteral("Aufruf: tributaryd <Befehl> [Optionen]") : QStringLiteral("Usage: tributaryd <command> [options]")));
}

void tst_Translation::helpIsGerman()
{
    Exit r = tributaryd({QStringLiteral("--help")}, kGerman);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Hält eine Hauptdatenbank mit paginierten REST-Quellen synchron.")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("Befehle:")));
    QVERIFY(r.out.contains(QStringLiteral("  conflicts list|show ID|resolve\n"))); // command names stay
    QVERIFY(!r.out.contains(QStringLiteral("Keeps a main database")));

    r = tributaryd({QStringLiteral("sync"), QStringLiteral("--help")}, kGerman);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("Aufruf: tributaryd sync [Optionen]\n")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("Synchronisiert die konfigurierten Quellen in die Hauptdatenbank.")));
    QVERIFY(r.out.contains(QStringLiteral("Optionen:")));
    QVERIFY(r.out.contains(QStringLiteral("-c, --config <FILE>")));
    QVERIFY(r.out.contains(QStringLiteral("--dry-run")));
    QVERIFY(r.out.contains(QStringLiteral("Nur diese Quelle.")));
    QVERIFY(r.out.contains(QStringLiteral("Zeigt Hilfe zu den Kommandozeilenoptionen an."))); // QCommandLineParser's own words
    QVERIFY(!r.out.contains(QStringLiteral("Only this source.")));

    r = tributaryd({QStringLiteral("sync"), QStringLiteral("--help")}, kEnglish);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("Usage: tributaryd sync [options]\nSyncs the configured sources into the main database.\n")),
             qPrintable(r.out));

    // An option error: Qt's message, translated, and still the usage exit status.
    r = tributaryd({QStringLiteral("sync"), QStringLiteral("--frobnicate")}, kGerman);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("tributaryd sync: Unbekannte Option 'frobnicate'.")), qPrintable(r.err));
}

void tst_Translation::syncSummaryIsGermanWithNumbersAndNamesIntact()
{
    SyncFixture f;
    QVERIFY(f.generateMain(small(100, 1)));
    QVERIFY(f.generateExternal(small(1100, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    Environment env = kGerman;
    env.insert(QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token());
    const QStringList config{QStringLiteral("--config"), f.configPath()};

    Exit r = tributaryd(QStringList{QStringLiteral("sync")} + config, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Quelle forum: inkrementelle Synchronisation, Lauf 1, OK in ")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\n  Entität +Abgerufen +Übersprungen +Eingefügt +Verknüpft +Aktualisiert "
                                                              "+Unverändert +Ausstehend +Quarantäne +Konflikte\\n"))),
             qPrintable(r.out));
    // Entity names are identifiers; numbers are grouped as in English.
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\n  messages +1,100 +0 +1,100 +0 +0 +0 +0 +0 +0\\n"))), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("Speicher-Spitzenwert: ")));
    QVERIFY2(r.err.contains(QStringLiteral("Quelle forum wird synchronisiert")), qPrintable(r.err));
    QVERIFY(!r.out.contains(QStringLiteral("Peak memory")));

    r = tributaryd(QStringList{QStringLiteral("sync"), QStringLiteral("--quiet")} + config, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Nichts zu schreiben: Die Hauptdatenbank hatte bereits jede Änderung.")), qPrintable(r.out));

    r = tributaryd(QStringList{QStringLiteral("verify")} + config, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("SYNCHRON: Jeder Datensatz der Quelle ist in der Hauptdatenbank")), qPrintable(r.out));

    // --json stays machine-readable: keys and values as in English.
    r = tributaryd(QStringList{QStringLiteral("status"), QStringLiteral("--json")} + config, env);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject s = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("sources")).toArray().first().toObject();
    QCOMPARE(s.value(QStringLiteral("last_run")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(s.value(QStringLiteral("last_run")).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("incremental"));

    // The same run, in English.
    r = tributaryd(QStringList{QStringLiteral("status")} + config, kEnglish);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Source forum\n  last run 2 (incremental): OK, started ")), qPrintable(r.out));
    r = tributaryd(QStringList{QStringLiteral("status")} + config, kGerman);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Quelle forum\n  letzter Lauf 2 (incremental): OK, begonnen ")), qPrintable(r.out));
}

void tst_Translation::configurationErrorIsGermanAndNamesTheKey()
{
    SyncFixture f;
    QVERIFY(f.generateMain(small(10, 1)));
    QVERIFY(f.generateExternal(small(10, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    // A typo in the file, as an admin makes it.
    QFile file(f.configPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    editSource(root, [](QJsonObject &source) {
        QJsonObject rest = source.value(QStringLiteral("rest")).toObject();
        rest.insert(QStringLiteral("paginaton"), rest.value(QStringLiteral("pagination")));
        source.insert(QStringLiteral("rest"), rest);
    });
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(root).toJson());
    file.close();
    Environment env = kGerman;
    env.insert(QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token());
    Exit r = tributaryd({QStringLiteral("sync"), QStringLiteral("--config"), f.configPath()}, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("tributaryd: die Konfiguration %1 ist ungültig:").arg(f.configPath())), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("sources.forum.rest.paginaton: unbekannter Schlüssel")), qPrintable(r.err));

    env.insert(QStringLiteral("TRIBUTARY_LANGUAGE"), QStringLiteral("en"));
    r = tributaryd({QStringLiteral("sync"), QStringLiteral("--config"), f.configPath()}, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("sources.forum.rest.paginaton: unknown key")), qPrintable(r.err));
}

void tst_Translation::aSourcesErrorIsGermanThroughout()
{
    // The REST source's own words (its errors, the retries) are in the catalogue too: a German
    // sentence never carries an English clause ("source forum, entity users: ...") inside it.
    SyncFixture f;
    QVERIFY(f.generateMain(small(10, 1)));
    QVERIFY(f.generateExternal(small(10, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure([](QJsonObject &root) {
        editSource(root, [](QJsonObject &src) {
            QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
            rest.insert(QStringLiteral("limits"), QJsonObject{{QStringLiteral("max_retries"), 1}});
            src.insert(QStringLiteral("rest"), rest);
        });
    }));
    f.stopForum(); // the port now refuses connections
    Environment env = kGerman;
    env.insert(QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token());
    const Exit r = tributaryd({QStringLiteral("sync"), QStringLiteral("--config"), f.configPath()}, env);
    QVERIFY(r.exitCode != 0);
    const QString all = r.out + r.err;
    QVERIFY2(all.contains(QRegularExpression(QStringLiteral("Fehler: Quelle forum, Entität users: GET http://127\\.0\\.0\\.1:\\d+/\\S*: "
                                                            "Verbindung abgelehnt \\(nach 1 Wiederholung\\)"))),
             qPrintable(all));
    QVERIFY2(!all.contains(QStringLiteral("source forum")) && !all.contains(QStringLiteral("entity users")), qPrintable(all));
}

void tst_Translation::catalogueIsComplete_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("pluralForms");
    QTest::newRow("German") << QFINDTESTDATA("../translations/tributaryd_de.ts") << 2;
    // English is the source language: its catalogue holds the plural forms only.
    QTest::newRow("English plural forms") << QFINDTESTDATA("../translations/tributaryd_en.ts") << 2;
}

void tst_Translation::catalogueIsComplete()
{
    QFETCH(QString, file);
    QFETCH(int, pluralForms);
    QVERIFY2(!file.isEmpty(), "the catalogue is found next to the sources");
    QString error;
    const QList<CatalogueMessage> messages = readCatalogue(file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > (file.endsWith(QLatin1String("_de.ts")) ? 300 : 20));
    const QStringList problems = catalogueProblems(messages, pluralForms);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(tst_Translation)
#include "tst_translation.moc"
