// The generic REST source against APIs that Tributary did not design: every pagination style,
// a top-level array with Link headers and X-Total-Count, unix-seconds filters, string ids and
// nested fields, synced end to end into a main database of another shape, then verified.

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

class tst_RestSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerBuiltinSources(); }
    void everyPaginationStyle_data();
    void everyPaginationStyle();
    void aRequiredColumnNothingFillsIsRefusedBeforeTheFirstPage();
};

// A NOT NULL column without a default that the mapping leaves empty would refuse every insert,
// page after page: the configuration is refused when it is checked against the schema, naming the
// column and the way out. A column with a default (even '') or an INTEGER PRIMARY KEY is no
// concern.
void tst_RestSync::aRequiredColumnNothingFillsIsRefusedBeforeTheFirstPage()
{
    QTemporaryDir dir;
    QJsonObject entity{{QStringLiteral("name"), QStringLiteral("items")},
                       {QStringLiteral("endpoint"), QStringLiteral("/items")},
                       {QStringLiteral("table"), QStringLiteral("articles")},
                       {QStringLiteral("columns"), QJsonObject{{QStringLiteral("title"), QStringLiteral("title")}}}};
    auto configWith = [&](const QJsonObject &e, Config *config) {
        const QJsonObject root{{QStringLiteral("database"), QJsonObject{{QStringLiteral("path"), QStringLiteral("main.sqlite")}}},
                               {QStringLiteral("sources"),
                                QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("catalog")},
                                                       {QStringLiteral("type"), QStringLiteral("rest")},
                                                       {QStringLiteral("rest"), QJsonObject{{QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:9")}}},
                                                       {QStringLiteral("entities"), QJsonArray{e}}}}}};
        QStringList errors;
        return Config::fromJson(root, dir.filePath(QStringLiteral("tributary.json")), config, &errors);
    };
    Config config;
    QVERIFY(configWith(entity, &config));
    Error e;
    auto db = Database::open(config.database, config.baseDir(), &e, Database::Missing::Create);
    QVERIFY2(db, qPrintable(e.toString()));
    QVERIFY(db->exec(QStringLiteral("CREATE TABLE articles (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, "
                                    "password TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', created DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)"),
                     &e));
    const QStringList problems = checkSchema(*db, config);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QLatin1String("sources.catalog.entities.items: table \"articles\" requires a value in column \"password\"")),
             qPrintable(problems.first()));
    QVERIFY2(problems.first().contains(QLatin1String("\"defaults\"")), qPrintable(problems.first()));
    entity.insert(QStringLiteral("defaults"), QJsonObject{{QStringLiteral("password"), QStringLiteral("!imported")}});
    Config fixed;
    QVERIFY(configWith(entity, &fixed));
    QCOMPARE(checkSchema(*db, fixed), QStringList());
}

void tst_RestSync::everyPaginationStyle_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("rest");

    QTest::newRow("Link header, top-level array, X-Total-Count")
        << "/items" << QByteArray(R"({"pagination": {"style": "link_header", "page_size": 20, "page_size_param": "per_page", "total_header": "X-Total-Count"}})");
    QTest::newRow("offset and limit, total in the body")
        << "/offset/items" << QByteArray(R"({"records_path": "results", "pagination": {"style": "offset", "page_size": 20, "offset_param": "offset", "limit_param": "limit", "total_path": "count"}})");
    QTest::newRow("opaque cursor in the body")
        << "/cursor/items" << QByteArray(R"({"records_path": "entries", "pagination": {"style": "cursor", "page_size": 20, "page_size_param": "limit", "cursor_param": "after", "next_cursor_path": "meta.next"}})");
    QTest::newRow("next URL in the body")
        << "/next/items" << QByteArray(R"({"records_path": "data.items", "pagination": {"style": "next_url", "page_size": 20, "page_size_param": "size", "next_url_path": "paging.next_page_url"}})");
    QTest::newRow("page numbers with last_page")
        << "/paged/items" << QByteArray(R"({"records_path": "records", "pagination": {"style": "page", "page_size": 20, "page_size_param": "limit", "last_page_path": "meta.last_page", "total_path": "meta.total"}})");
    QTest::newRow("page numbers, four requests in flight")
        << "/paged/items" << QByteArray(R"({"records_path": "records", "limits": {"concurrency": 4}, "pagination": {"style": "page", "page_size": 20, "page_size_param": "limit"}})");
    QTest::newRow("offsets, four requests in flight")
        << "/offset/items" << QByteArray(R"({"records_path": "results", "limits": {"concurrency": 4}, "pagination": {"style": "offset", "page_size": 20, "offset_param": "offset", "limit_param": "limit"}})");
}

void tst_RestSync::everyPaginationStyle()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, rest);

    LinkApiServer api;
    QVERIFY(api.start());
    // 7 items share each timestamp, so ties cross page boundaries of 20.
    api.setItems(LinkApiServer::makeItems(250, 1700000000, 7));
    api.setBasicAuth(QStringLiteral("tributary"), QStringLiteral("s3cret"));
    qputenv("ITEMS_USER", "tributary");
    qputenv("ITEMS_PASSWORD", "s3cret");

    // The main application: a table of another shape, with rows of its own.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        DatabaseConfig dc;
        dc.path = dir.filePath(QStringLiteral("main.sqlite"));
        Error e;
        auto db = Database::open(dc, dir.path(), &e, Database::Missing::Create);
        QVERIFY2(db, qPrintable(e.toString()));
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE articles (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, "
                                        "author_email TEXT, author_name TEXT, modified_at TEXT, origin TEXT NOT NULL DEFAULT 'local')"), &e));
        QVERIFY(db->exec(QStringLiteral("INSERT INTO articles (title, origin) VALUES ('written here', 'local'), ('and here', 'local')"), &e));
    }

    QJsonObject restBlock = QJsonDocument::fromJson(rest).object();
    restBlock.insert(QStringLiteral("base_url"), api.baseUrl());
    restBlock.insert(QStringLiteral("auth"), QJsonObject{{QStringLiteral("type"), QStringLiteral("basic")},
                                                         {QStringLiteral("username"), QJsonObject{{QStringLiteral("env"), QStringLiteral("ITEMS_USER")}}},
                                                         {QStringLiteral("password"), QJsonObject{{QStringLiteral("env"), QStringLiteral("ITEMS_PASSWORD")}}}});
    restBlock.insert(QStringLiteral("incremental"), QJsonObject{{QStringLiteral("param"), QStringLiteral("since")},
                                                                {QStringLiteral("field"), QStringLiteral("modified")},
                                                                {QStringLiteral("format"), QStringLiteral("unix")},
                                                                {QStringLiteral("tie_breaker"), QStringLiteral("id")},
                                                                {QStringLiteral("params"), QJsonObject{{QStringLiteral("_sort"), QStringLiteral("modified")}}}});
    const QJsonObject root{
        {QStringLiteral("database"), QJsonObject{{QStringLiteral("path"), QStringLiteral("main.sqlite")}}},
        {QStringLiteral("sources"), QJsonArray{QJsonObject{
             {QStringLiteral("name"), QStringLiteral("catalog")},
             {QStringLiteral("type"), QStringLiteral("rest")},
             {QStringLiteral("rest"), restBlock},
             {QStringLiteral("entities"), QJsonArray{QJsonObject{
                  {QStringLiteral("name"), QStringLiteral("items")},
                  {QStringLiteral("endpoint"), endpoint},
                  {QStringLiteral("table"), QStringLiteral("articles")},
                  {QStringLiteral("external_id"), QStringLiteral("ID")},
                  {QStringLiteral("columns"), QJsonObject{
                       {QStringLiteral("title"), QJsonObject{{QStringLiteral("field"), QStringLiteral("title")}, {QStringLiteral("required"), true}}},
                       {QStringLiteral("author_email"), QStringLiteral("author.email")},
                       {QStringLiteral("author_name"), QStringLiteral("author.name")},
                       {QStringLiteral("modified_at"), QJsonObject{{QStringLiteral("field"), QStringLiteral("modified")}, {QStringLiteral("type"), QStringLiteral("timestamp")}}}}},
                  {QStringLiteral("defaults"), QJsonObject{{QStringLiteral("origin"), QStringLiteral("catalog")}}},
                  {QStringLiteral("updated_column"), QStringLiteral("modified_at")}}}}}}}};
    Config config;
    QStringList errors;
    QVERIFY2(Config::fromJson(root, dir.filePath(QStringLiteral("tributary.json")), &config, &errors), qPrintable(errors.join(QLatin1Char('\n'))));
    Error e;
    auto db = Database::open(config.database, config.baseDir(), &e);
    QVERIFY2(db && Migrations::run(*db, &e), qPrintable(e.toString()));
    QVERIFY(checkSchema(*db, config).isEmpty());
    const SourceConfig &source = config.sources.first();
    QNetworkAccessManager nam;
    auto count = [&](const QString &sql) {
        QSqlQuery q(db->db());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    };

    RunResult r = runSync(*db, config, source, &nam);
    QVERIFY2(!r.error, qPrintable(r.error.toString()));
    QCOMPARE(r.counts.value(QStringLiteral("items")).inserted, 250);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM articles WHERE origin = 'catalog'")), 250);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM articles WHERE origin = 'local'")), 2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(DISTINCT local_id) FROM tributary_links WHERE source = 'catalog'")), 250);
    bool inSync = false;
    runVerify(*db, config, source, &nam, &inSync);
    QVERIFY(inSync);

    // Nothing changed: nothing written.
    r = runSync(*db, config, source, &nam);
    QCOMPARE(r.total().written(), 0);

    // One item edited (moving it to the end of the modified order), one added with a timestamp
    // equal to the last applied one: both arrive, and only they are applied.
    const qint64 last = api.items().last().value(QStringLiteral("modified")).toInteger();
    QVERIFY(api.updateItem(QStringLiteral("itm-0010"), {{QStringLiteral("title"), QStringLiteral("Edited upstream")}, {QStringLiteral("modified"), last + 5}}));
    api.addItem(LinkApiServer::makeItem(QStringLiteral("itm-9999"), last, QStringLiteral("Late writer"), QStringLiteral("late@example.org")));
    r = runSync(*db, config, source, &nam);
    const EntityCounts c = r.counts.value(QStringLiteral("items"));
    QCOMPARE(c.inserted, 1);
    QCOMPARE(c.updated, 1);
    QCOMPARE(c.fetched - c.skipped, 2);
    QSqlQuery q(db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT a.title, a.author_email FROM articles a JOIN tributary_links l ON l.local_id = a.id "
                                  "WHERE l.external_id = 'itm-9999'")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("Late writer"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("late@example.org"));
    runVerify(*db, config, source, &nam, &inSync);
    QVERIFY(inSync);

    // Verify notices what the sync has not applied yet.
    QVERIFY(api.updateItem(QStringLiteral("itm-0020"), {{QStringLiteral("title"), QStringLiteral("Not synced yet")}, {QStringLiteral("modified"), last + 9}}));
    const auto reports = runVerify(*db, config, source, &nam, &inSync);
    QVERIFY(!inSync);
    QCOMPARE(reports.first().different, 1);
}

QTEST_GUILESS_MAIN(tst_RestSync)
#include "tst_restsync.moc"
