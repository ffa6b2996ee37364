// Bad input from a source: hostile strings are stored exactly or refused clearly, records with
// wrong types or missing fields are quarantined with the field and the reason while the rest of
// their page applies, a body that is not JSON stops the run naming the URL and the parser's
// message, and nothing is lost or corrupted on the way.

#include "LinkApiServer.h"
#include "SyncFixture.h"

#include "BuiltinSources.h"
#include "state/Migrations.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

struct Scenario
{
    QTemporaryDir dir;
    LinkApiServer api;
    Config config;
    std::unique_ptr<Database> db;
    QNetworkAccessManager nam;

    bool setUp(const QList<QJsonObject> &items)
    {
        if (!dir.isValid() || !api.start())
            return false;
        api.setItems(items);
        DatabaseConfig dc;
        dc.path = dir.filePath(QStringLiteral("main.sqlite"));
        Error e;
        {
            auto setup = Database::open(dc, dir.path(), &e, Database::Missing::Create);
            if (!setup || !setup->exec(QStringLiteral("CREATE TABLE articles (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, "
                                                      "author_email TEXT, modified_at TEXT)"), &e))
                return false;
        }
        const QJsonObject root{
            {QStringLiteral("database"), QJsonObject{{QStringLiteral("path"), QStringLiteral("main.sqlite")}}},
            {QStringLiteral("sources"), QJsonArray{QJsonObject{
                 {QStringLiteral("name"), QStringLiteral("catalog")},
                 {QStringLiteral("type"), QStringLiteral("rest")},
                 {QStringLiteral("rest"), QJsonObject{
                      {QStringLiteral("base_url"), api.baseUrl()},
                      {QStringLiteral("pagination"), QJsonObject{{QStringLiteral("style"), QStringLiteral("link_header")},
                                                                 {QStringLiteral("page_size"), 10},
                                                                 {QStringLiteral("page_size_param"), QStringLiteral("per_page")}}},
                      {QStringLiteral("limits"), QJsonObject{{QStringLiteral("max_retries"), 1}, {QStringLiteral("backoff_ms"), 10}}},
                      {QStringLiteral("incremental"), QJsonObject{{QStringLiteral("param"), QStringLiteral("since")},
                                                                  {QStringLiteral("field"), QStringLiteral("modified")},
                                                                  {QStringLiteral("format"), QStringLiteral("unix")},
                                                                  {QStringLiteral("tie_breaker"), QStringLiteral("id")},
                                                                  {QStringLiteral("params"), QJsonObject{{QStringLiteral("_sort"), QStringLiteral("modified")}}}}}}},
                 {QStringLiteral("entities"), QJsonArray{QJsonObject{
                      {QStringLiteral("name"), QStringLiteral("items")},
                      {QStringLiteral("endpoint"), QStringLiteral("/items")},
                      {QStringLiteral("table"), QStringLiteral("articles")},
                      {QStringLiteral("external_id"), QStringLiteral("ID")},
                      {QStringLiteral("columns"), QJsonObject{
                           {QStringLiteral("title"), QJsonObject{{QStringLiteral("field"), QStringLiteral("title")}, {QStringLiteral("required"), true}}},
                           {QStringLiteral("author_email"), QStringLiteral("author.email")},
                           {QStringLiteral("modified_at"), QJsonObject{{QStringLiteral("field"), QStringLiteral("modified")}, {QStringLiteral("type"), QStringLiteral("timestamp")}}}}}}}}}}}};
        QStringList errors;
        if (!Config::fromJson(root, dir.filePath(QStringLiteral("tributary.json")), &config, &errors)) {
            qWarning("%s", qPrintable(errors.join(QLatin1Char('\n'))));
            return false;
        }
        db = Database::open(config.database, config.baseDir(), &e);
        return db && Migrations::run(*db, &e);
    }
    RunResult sync() { return runSync(*db, config, config.sources.first(), &nam); }
    QVariant value(const QString &sql)
    {
        QSqlQuery q(db->db());
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }
};

} // namespace

class tst_BadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerBuiltinSources(); }
    void hostileStringsAreStoredExactly_data();
    void hostileStringsAreStoredExactly();
    void wrongTypesAndMissingFieldsAreQuarantinedWhileThePageApplies();
    void aBodyThatIsNotJsonStopsTheRunNamingTheUrl();
};

void tst_BadInput::hostileStringsAreStoredExactly_data()
{
    QTest::addColumn<QString>("title");
    QTest::newRow("quotes and SQL") << QStringLiteral("Robert'); DROP TABLE articles; -- \"quoted\" `back`");
    QTest::newRow("SQL wildcards") << QStringLiteral("100% of _ and \\ escapes");
    QTest::newRow("emoji and other planes") << QStringLiteral("🦄 Ünïcödé 漢字 العربية \U0001F600");
    QTest::newRow("control characters") << QStringLiteral("tab\there\r\nnewline \u0001\u001f");
    QTest::newRow("very long text") << QString(200000, QLatin1Char('x')) + QStringLiteral("end");
}

void tst_BadInput::hostileStringsAreStoredExactly()
{
    QFETCH(QString, title);
    Scenario s;
    QList<QJsonObject> items = LinkApiServer::makeItems(12);
    items[5].insert(QStringLiteral("title"), title);
    QVERIFY(s.setUp(items));
    const RunResult r = s.sync();
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
    QCOMPARE(s.value(QStringLiteral("SELECT COUNT(*) FROM articles")).toInt(), 12);
    QSqlQuery q(s.db->db());
    q.prepare(QStringLiteral("SELECT a.title FROM articles a JOIN tributary_links l ON l.local_id = CAST(a.id AS TEXT) WHERE l.external_id = ?"));
    q.addBindValue(items[5].value(QStringLiteral("ID")).toString());
    QVERIFY(q.exec() && q.next());
    // What the JSON said, character for character.
    const QString expected = QJsonDocument::fromJson(QJsonDocument(items[5]).toJson()).object().value(QStringLiteral("title")).toString();
    QCOMPARE(q.value(0).toString(), expected);
    QCOMPARE(s.value(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'articles'")).toInt(), 1);
    bool inSync = false;
    runVerify(*s.db, s.config, s.config.sources.first(), &s.nam, &inSync);
    QVERIFY(inSync);
}

void tst_BadInput::wrongTypesAndMissingFieldsAreQuarantinedWhileThePageApplies()
{
    Scenario s;
    QList<QJsonObject> items = LinkApiServer::makeItems(10);
    items[2].insert(QStringLiteral("title"), 42);                          // a number where text is required
    items[4].remove(QStringLiteral("title"));                              // a required field missing
    items[6].insert(QStringLiteral("modified"), QStringLiteral("last Tuesday")); // not a timestamp
    items[7].insert(QStringLiteral("title"), QStringLiteral("nul\u0000inside"));  // NUL cannot be stored faithfully
    items[8].insert(QStringLiteral("title"), QString::fromUtf16(u"\xD800 lone")); // valid JSON escape, invalid Unicode
    QVERIFY(s.setUp(items));
    const RunResult r = s.sync();
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("partial"));
    QCOMPARE(r.counts.value(QStringLiteral("items")).inserted, 5);
    QCOMPARE(r.counts.value(QStringLiteral("items")).quarantined, 5);
    auto reason = [&](int i) {
        QSqlQuery q(s.db->db());
        q.prepare(QStringLiteral("SELECT field || ': ' || reason FROM tributary_quarantine WHERE external_id = ?"));
        q.addBindValue(items[i].value(QStringLiteral("ID")).toString());
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    };
    QCOMPARE(reason(2), QStringLiteral("title: expected string, got a number"));
    QCOMPARE(reason(4), QStringLiteral("title: required field is missing"));
    QVERIFY2(reason(6).startsWith(QStringLiteral("modified: expected an ISO-8601 timestamp or unix seconds, got \"last Tuesday\"")), qPrintable(reason(6)));
    QCOMPARE(reason(7), QStringLiteral("title: contains a NUL character"));
    QCOMPARE(reason(8), QStringLiteral("title: is not valid Unicode (an unpaired UTF-16 surrogate)"));
    // The source fixes one: the next run applies it and it leaves quarantine.
    QList<QJsonObject> fixed = s.api.items();
    QVERIFY(s.api.updateItem(items[2].value(QStringLiteral("ID")).toString(),
                             {{QStringLiteral("title"), QStringLiteral("forty-two")}, {QStringLiteral("modified"), 1800000000}}));
    const RunResult again = s.sync();
    QCOMPARE(again.counts.value(QStringLiteral("items")).inserted, 1);
    QCOMPARE(s.value(QStringLiteral("SELECT COUNT(*) FROM tributary_quarantine")).toInt(), 4);
}

void tst_BadInput::aBodyThatIsNotJsonStopsTheRunNamingTheUrl()
{
    Scenario s;
    QVERIFY(s.setUp(LinkApiServer::makeItems(30)));
    // Every answer to the first listing is broken: invalid UTF-8 inside a string, then a body cut
    // short; the retries do not help, and the run must stop with the URL and the parser's words.
    for (int i = 0; i < 6; ++i)
        s.api.pushResponse(HttpResponse::json(200, i % 2 ? QByteArray("[{\"ID\": \"a\", \"title\": \"cut") : QByteArray("[{\"ID\": \"a\", \"title\": \"\xff\xfe\"}]")));
    const RunResult r = s.sync();
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("failed"));
    QCOMPARE(r.error.code, Error::Code::Parse);
    QVERIFY2(r.error.message.contains(QStringLiteral("/items?")), qPrintable(r.error.message));
    QVERIFY2(r.error.message.contains(QStringLiteral("offset")) || r.error.toString().contains(QStringLiteral("offset")), qPrintable(r.error.toString()));
    QCOMPARE(s.value(QStringLiteral("SELECT COUNT(*) FROM articles")).toInt(), 0);
    // Nothing was half-applied and the cursor did not move: once the source answers properly,
    // everything arrives.
    s.api.clearResponses();
    QCOMPARE(RunResult::statusName(s.sync().status), QStringLiteral("ok"));
    QCOMPARE(s.value(QStringLiteral("SELECT COUNT(*) FROM articles")).toInt(), 30);
}

QTEST_GUILESS_MAIN(tst_BadInput)
#include "tst_badinput.moc"
