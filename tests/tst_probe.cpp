// The API probe (core/engine/ApiProbe) against real loopback APIs configured right and configured
// wrong, `tributaryd probe` (exit statuses, --json), and `tributaryd init --detect` for every
// pagination style of LinkApiServer and for QuirkyApiServer: detect, create the table the
// written columns describe, sync with the real tributaryd, compare the rows with the server's
// items directly.

#include "JsonSchema.h"
#include "LinkApiServer.h"
#include "QuirkyApiServer.h"
#include "TestSupport.h"
#include "TributarydProcess.h"

#include "BuiltinSources.h"
#include "engine/ApiProbe.h"
#include "forum-sim/ForumGenerator.h"
#include "forum-sim/ForumSchema.h"
#include "forum-sim/ForumSimThread.h"
#include "store/Database.h"
#include "util/Values.h"

#include <memory>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

// A configuration with one source "catalog" reading one entity "items" at `endpoint`, mapped as
// tst_restsync maps LinkApiServer; `rest` and `entity` are merged over the defaults.
QJsonObject catalogConfig(const QString &baseUrl, const QString &endpoint, const QJsonObject &rest, const QJsonObject &entity = {})
{
    QJsonObject restBlock{{QStringLiteral("base_url"), baseUrl},
                          {QStringLiteral("incremental"), QJsonObject{{QStringLiteral("param"), QStringLiteral("since")},
                                                                      {QStringLiteral("field"), QStringLiteral("modified")},
                                                                      {QStringLiteral("format"), QStringLiteral("unix")},
                                                                      {QStringLiteral("tie_breaker"), QStringLiteral("id")},
                                                                      {QStringLiteral("params"), QJsonObject{{QStringLiteral("_sort"), QStringLiteral("modified")}}}}}};
    for (auto it = rest.constBegin(); it != rest.constEnd(); ++it)
        restBlock.insert(it.key(), *it);
    QJsonObject e{{QStringLiteral("name"), QStringLiteral("items")},
                  {QStringLiteral("endpoint"), endpoint},
                  {QStringLiteral("table"), QStringLiteral("articles")},
                  {QStringLiteral("external_id"), QStringLiteral("ID")},
                  {QStringLiteral("columns"), QJsonObject{{QStringLiteral("title"), QStringLiteral("title")},
                                                          {QStringLiteral("author_email"), QStringLiteral("author.email")},
                                                          {QStringLiteral("modified_at"), QJsonObject{{QStringLiteral("field"), QStringLiteral("modified")},
                                                                                                      {QStringLiteral("type"), QStringLiteral("timestamp")}}}}}};
    for (auto it = entity.constBegin(); it != entity.constEnd(); ++it)
        e.insert(it.key(), *it);
    return QJsonObject{{QStringLiteral("database"), QJsonObject{{QStringLiteral("path"), QStringLiteral("main.sqlite")}}},
                       {QStringLiteral("sources"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("catalog")},
                                                                          {QStringLiteral("type"), QStringLiteral("rest")},
                                                                          {QStringLiteral("rest"), restBlock},
                                                                          {QStringLiteral("entities"), QJsonArray{e}}}}}};
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

// Runs the probe to its end: finished() exactly once.
bool runProbe(ApiProbe &probe)
{
    QSignalSpy finished(&probe, &ApiProbe::finished);
    probe.start();
    if (!finished.wait(60000))
        return false;
    QTest::qWait(0); // a second finished() would be queued behind the first
    return finished.size() == 1 && probe.isFinished();
}

QString describe(const ProbeEntityReport &r);

// The "crm" source of a configuration text whose base_url is "BASE", pointed at a test server
// and probed to its end.
struct CrmProbe
{
    QTemporaryDir dir;
    Config config;
    std::unique_ptr<ApiProbe> probe;
    QString error;

    bool run(QByteArray text, const QString &baseUrl)
    {
        text.replace("BASE", baseUrl.toUtf8());
        QStringList errors;
        if (!Config::fromJson(QJsonDocument::fromJson(text).object(), dir.filePath(QStringLiteral("t.json")), &config, &errors)) {
            error = errors.join(QLatin1Char('\n'));
            return false;
        }
        probe = std::make_unique<ApiProbe>(config, QStringLiteral("crm"));
        if (!runProbe(*probe)) {
            error = QStringLiteral("the probe did not finish once");
            return false;
        }
        return !probe->reports().isEmpty();
    }
    const ProbeEntityReport &report() const { return probe->reports().first(); }
};

QString describe(const ProbeEntityReport &r)
{
    QString text;
    for (const ProbeCheck &c : r.checks)
        text += QStringLiteral("%1 %2: %3 | fix: %4 | key: %5\n").arg(ProbeCheck::verdictName(c.verdict), c.id, c.message, c.fix, c.key);
    return text;
}

// tributaryd run while this thread's event loop serves the test servers.
TributarydProcess::Result tributaryd(const QStringList &args, const Environment &env = {})
{
    TributarydProcess p(env);
    if (!p.start(args))
        return {};
    if (!QTest::qWaitFor([&p] { return !p.isRunning(); }, 240000)) {
        p.kill();
        p.waitForFinished(10000);
        TributarydProcess::Result r = p.result();
        r.exitCode = -1;
        return r;
    }
    p.waitForFinished(10000);
    return p.result();
}

QString sqlType(const QString &type)
{
    if (type == QLatin1String("integer") || type == QLatin1String("boolean"))
        return QStringLiteral("INTEGER");
    if (type == QLatin1String("real"))
        return QStringLiteral("REAL");
    return QStringLiteral("TEXT");
}

// Creates, in the main database, the table each entity of the written configuration maps to,
// with exactly its columns.
bool createTables(const QString &configPath, QString *why)
{
    QFile f(configPath);
    if (!f.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("cannot read ") + configPath;
        return false;
    }
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    DatabaseConfig dc;
    dc.path = QFileInfo(QFileInfo(configPath).dir(), root.value(QStringLiteral("database")).toObject().value(QStringLiteral("path")).toString())
                  .absoluteFilePath();
    Error e;
    auto db = Database::open(dc, QFileInfo(configPath).absolutePath(), &e, Database::Missing::Create);
    if (!db) {
        *why = e.toString();
        return false;
    }
    for (const QJsonValue &s : root.value(QStringLiteral("sources")).toArray()) {
        for (const QJsonValue &ev : s.toObject().value(QStringLiteral("entities")).toArray()) {
            const QJsonObject entity = ev.toObject();
            QStringList columns{QStringLiteral("id INTEGER PRIMARY KEY AUTOINCREMENT")};
            const QJsonObject mapped = entity.value(QStringLiteral("columns")).toObject();
            for (auto it = mapped.constBegin(); it != mapped.constEnd(); ++it)
                columns.append(it.key() + QLatin1Char(' ') + sqlType(it->toObject().value(QStringLiteral("type")).toString()));
            if (!db->exec(QStringLiteral("CREATE TABLE %1 (%2)").arg(entity.value(QStringLiteral("table")).toString(), columns.join(QStringLiteral(", "))), &e)) {
                *why = e.toString();
                return false;
            }
        }
    }
    return true;
}

// id -> title of every row of `table` in the SQLite database at `path`.
QMap<QString, QString> rows(const QString &path, const QString &table, const QString &idColumn, const QString &titleColumn)
{
    QMap<QString, QString> out;
    Error e;
    auto db = Database::openSqliteReader(path, &e);
    if (!db)
        return out;
    QSqlQuery q(db->db());
    if (!q.exec(QStringLiteral("SELECT %1, %2 FROM %3").arg(idColumn, titleColumn, table)))
        return out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

QMap<QString, QString> itemsOf(const QList<QJsonObject> &items, const QString &idField, const QString &titleField)
{
    QMap<QString, QString> out;
    for (const QJsonObject &o : items)
        out.insert(idString(o.value(idField)), o.value(titleField).toString());
    return out;
}

// Items whose `modified` does not follow their ids: an order by id is not an order by change.
QList<QJsonObject> shuffledItems(int n)
{
    QList<QJsonObject> items = LinkApiServer::makeItems(n, 1700000000, 7);
    const qint64 last = items.last().value(QStringLiteral("modified")).toInteger();
    for (int i : {2, 9, 17}) {
        if (i < n)
            items[i].insert(QStringLiteral("modified"), double(last + 10 + i));
    }
    return items;
}

} // namespace

class tst_Probe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerBuiltinSources(); }
    void configuredRightEveryCheckPasses_data();
    void configuredRightEveryCheckPasses();
    void configuredWrongNamesTheKey_data();
    void configuredWrongNamesTheKey();
    void pageSizeAboveTheCapIsFoundAndSuggested();
    void silentCapIsSuggestedAsPageSize();
    void exclusiveFilterFails();
    void unstableTotalFails();
    void refusedCredentialsFailTheRequest();
    void probeCommandExitsAndPrintsJson();
    void detectThenSyncEveryPaginationStyle_data();
    void detectThenSyncEveryPaginationStyle();
    void detectMatchesAnExistingTable();
    void detectTurnsForeignKeysIntoReferences();
    void detectWritesWhatItFoundAndFailsForTheRest();
};

void tst_Probe::configuredRightEveryCheckPasses_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("rest");
    QTest::addColumn<int>("items");
    QTest::addColumn<QString>("total"); // the total check's verdict

    QTest::newRow("Link header, X-Total-Count, a small collection counted")
        << "/items" << QByteArray(R"({"pagination": {"style": "link_header", "page_size": 20, "page_size_param": "per_page", "total_header": "X-Total-Count"}})")
        << 50 << "pass";
    QTest::newRow("offset and limit, a larger collection")
        << "/offset/items" << QByteArray(R"({"records_path": "results", "pagination": {"style": "offset", "page_size": 20, "offset_param": "offset", "limit_param": "limit", "total_path": "count"}})")
        << 250 << "pass";
    QTest::newRow("opaque cursor, no total")
        << "/cursor/items" << QByteArray(R"({"records_path": "entries", "pagination": {"style": "cursor", "page_size": 20, "page_size_param": "limit", "cursor_param": "after", "next_cursor_path": "meta.next", "first_cursor": null}})")
        << 70 << "skip";
    QTest::newRow("next URL in the body")
        << "/next/items" << QByteArray(R"({"records_path": "data.items", "pagination": {"style": "next_url", "page_size": 20, "page_size_param": "size", "next_url_path": "paging.next_page_url"}})")
        << 70 << "skip";
    QTest::newRow("page numbers with last_page and total")
        << "/paged/items" << QByteArray(R"({"records_path": "records", "pagination": {"style": "page", "page_size": 20, "page_size_param": "limit", "last_page_path": "meta.last_page", "total_path": "meta.total"}})")
        << 50 << "pass";
}

void tst_Probe::configuredRightEveryCheckPasses()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, rest);
    QFETCH(int, items);
    QFETCH(QString, total);

    LinkApiServer api;
    QVERIFY(api.start());
    api.setItems(LinkApiServer::makeItems(items, 1700000000, 7));
    QTemporaryDir dir;
    Config config;
    QStringList errors;
    QVERIFY2(Config::fromJson(catalogConfig(api.baseUrl(), endpoint, json(rest.constData())), dir.filePath(QStringLiteral("t.json")), &config, &errors),
             qPrintable(errors.join(QLatin1Char('\n'))));

    ApiProbe probe(config, QStringLiteral("catalog"));
    QVERIFY(runProbe(probe));
    QVERIFY2(!probe.error(), qPrintable(probe.error().toString()));
    QCOMPARE(probe.reports().size(), 1);
    const ProbeEntityReport &r = probe.reports().first();
    QVERIFY2(!r.hasFailure(), qPrintable(describe(r)));
    for (const QString &id : {QStringLiteral("request"), QStringLiteral("page_size"), QStringLiteral("page_param"), QStringLiteral("order"),
                              QStringLiteral("incremental_order"), QStringLiteral("change_filter"), QStringLiteral("fields"), QStringLiteral("ids")}) {
        QVERIFY2(r.check(id), qPrintable(id));
        QVERIFY2(r.check(id)->verdict == ProbeCheck::Verdict::Pass, qPrintable(describe(r)));
    }
    QCOMPARE(ProbeCheck::verdictName(r.check(QStringLiteral("total"))->verdict), total);
    QVERIFY(r.pages >= 2);
    QCOMPARE(r.fields, QStringList({QStringLiteral("ID"), QStringLiteral("author"), QStringLiteral("modified"), QStringLiteral("title")}));
    QVERIFY(probe.toJson().value(QStringLiteral("ok")).toBool());
}

void tst_Probe::configuredWrongNamesTheKey_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("rest");
    QTest::addColumn<QByteArray>("entity");
    QTest::addColumn<QString>("items"); // "plain", "shuffled", "camel", "numeric ties"
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("suggestion");

    const QByteArray paged = R"({"records_path": "records", "pagination": {"style": "page", "page_size": 20, "page_size_param": "limit"}})";
    QTest::newRow("wrong page parameter name")
        << "/paged/items" << QByteArray(R"({"records_path": "records", "pagination": {"style": "page", "page_size": 20, "page_size_param": "limit", "page_param": "p"}})")
        << QByteArray("{}") << "plain" << "page_param" << "sources.catalog.rest.pagination.page_param" << "";
    QTest::newRow("wrong offset parameter name")
        << "/offset/items" << QByteArray(R"({"records_path": "results", "pagination": {"style": "offset", "page_size": 20, "offset_param": "start", "limit_param": "limit"}})")
        << QByteArray("{}") << "plain" << "page_param" << "sources.catalog.rest.pagination.offset_param" << "";
    QTest::newRow("wrong cursor parameter name, set on the entity")
        << "/cursor/items" << QByteArray(R"({"records_path": "entries", "pagination": {"style": "cursor", "page_size": 20, "page_size_param": "limit", "next_cursor_path": "meta.next", "first_cursor": null}})")
        << QByteArray(R"({"pagination": {"cursor_param": "cursor"}})") << "plain" << "page_param" << "sources.catalog.entities.items.pagination.cursor_param" << "";
    QTest::newRow("wrong page size parameter name")
        << "/paged/items" << QByteArray(R"({"records_path": "records", "pagination": {"style": "page", "page_size": 5, "page_size_param": "per_page"}})")
        << QByteArray("{}") << "plain" << "page_size" << "sources.catalog.rest.pagination.page_size_param" << "";
    // The whole collection fits in the first page whatever the parameter: only a smaller page
    // size, asked for by the probe, shows that the server does not read it.
    QTest::newRow("wrong page size parameter name, a collection smaller than a page")
        << "/paged/items" << QByteArray(R"({"records_path": "records", "pagination": {"style": "page", "page_size": 20, "page_size_param": "per_page"}})")
        << QByteArray("{}") << "few" << "page_size" << "sources.catalog.rest.pagination.page_size_param" << "";
    QTest::newRow("wrong change filter name")
        << "/paged/items" << paged << QByteArray(R"({"incremental": {"param": "updated_since"}})") << "plain" << "change_filter"
        << "sources.catalog.entities.items.incremental.param" << "";
    QTest::newRow("camelCase field under a snake_case name")
        << "/paged/items" << paged << QByteArray(R"({"columns": {"title": "title", "created_at": "created_at"}})") << "camel" << "fields"
        << "sources.catalog.entities.items.columns.created_at" << "createdAt";
    QTest::newRow("incremental walks not sorted by the change field")
        << "/paged/items" << paged << QByteArray(R"({"incremental": {"params": {}}})") << "shuffled" << "incremental_order"
        << "sources.catalog.entities.items.incremental.params" << "";
    QTest::newRow("ties not ordered by id as Tributary compares ids")
        << "/paged/items" << paged << QByteArray(R"({"external_id": "ID"})") << "numeric ties" << "incremental_order"
        << "sources.catalog.rest.incremental.tie_breaker" << "none";
    QTest::newRow("full walks not sorted by id")
        << "/paged/items" << paged << QByteArray(R"({"full_params": {"_sort": "modified"}})") << "shuffled" << "order"
        << "sources.catalog.entities.items.full_params" << "";
    QTest::newRow("total read from the wrong field")
        << "/paged/items" << QByteArray(R"({"records_path": "records", "pagination": {"style": "page", "page_size": 20, "page_size_param": "limit", "total_path": "meta.last_page"}})")
        << QByteArray("{}") << "plain" << "total" << "sources.catalog.rest.pagination.total_path" << "";
    QTest::newRow("wrong id field")
        << "/paged/items" << paged << QByteArray(R"({"external_id": "id"})") << "plain" << "ids" << "sources.catalog.entities.items.external_id" << "ID";
    QTest::newRow("ids repeated across pages")
        << "/paged/items" << paged << QByteArray("{}") << "duplicates" << "ids" << "sources.catalog.rest.full_params" << "";
}

void tst_Probe::configuredWrongNamesTheKey()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, rest);
    QFETCH(QByteArray, entity);
    QFETCH(QString, items);
    QFETCH(QString, check);
    QFETCH(QString, key);
    QFETCH(QString, suggestion);

    LinkApiServer api;
    QVERIFY(api.start());
    QList<QJsonObject> data = items == QLatin1String("shuffled") ? shuffledItems(50)
                            : LinkApiServer::makeItems(items == QLatin1String("few") ? 10 : 50, 1700000000, 7);
    if (items == QLatin1String("camel")) {
        for (QJsonObject &o : data)
            o.insert(QStringLiteral("createdAt"), o.value(QStringLiteral("modified")));
    } else if (items == QLatin1String("numeric ties")) {
        // Ids 1..50, several per timestamp: the server sorts them as text ("10" before "9"),
        // Tributary as numbers.
        for (int i = 0; i < data.size(); ++i)
            data[i].insert(QStringLiteral("ID"), QString::number(i + 1));
    } else if (items == QLatin1String("duplicates")) {
        for (int i = 25; i < data.size(); ++i)
            data[i].insert(QStringLiteral("ID"), data.at(i - 25).value(QStringLiteral("ID")));
    }
    api.setItems(data);
    QTemporaryDir dir;
    Config config;
    QStringList errors;
    QVERIFY2(Config::fromJson(catalogConfig(api.baseUrl(), endpoint, json(rest.constData()), json(entity.constData())),
                              dir.filePath(QStringLiteral("t.json")), &config, &errors),
             qPrintable(errors.join(QLatin1Char('\n'))));

    ApiProbe probe(config, QStringLiteral("catalog"));
    QVERIFY(runProbe(probe));
    QCOMPARE(probe.reports().size(), 1);
    const ProbeEntityReport &r = probe.reports().first();
    const ProbeCheck *c = r.check(check);
    QVERIFY(c);
    QVERIFY2(c->verdict == ProbeCheck::Verdict::Fail, qPrintable(describe(r)));
    QCOMPARE(c->key, key);
    QVERIFY2(!c->fix.isEmpty(), qPrintable(describe(r)));
    QVERIFY2(c->fix.contains(key) || c->key.isEmpty() || check == QLatin1String("fields"), qPrintable(c->fix));
    if (!suggestion.isEmpty())
        QCOMPARE(c->suggestion.toString(), suggestion);
    if (check == QLatin1String("fields")) {
        QVERIFY2(c->message.contains(QLatin1String("camelCase")), qPrintable(c->message));
        QVERIFY2(c->message.contains(QLatin1String("createdAt")), qPrintable(c->message));
    }
    QVERIFY(probe.hasFailure());
}

void tst_Probe::pageSizeAboveTheCapIsFoundAndSuggested()
{
    // LinkApiServer answers 422 above per_page 100: the probe finds 100 in the message, checks it
    // works, suggests it, and goes on with the other checks at that size.
    LinkApiServer api;
    QVERIFY(api.start());
    api.setItems(LinkApiServer::makeItems(250, 1700000000, 7));
    QTemporaryDir dir;
    Config config;
    QStringList errors;
    QVERIFY(Config::fromJson(catalogConfig(api.baseUrl(), QStringLiteral("/items"),
                                           json(R"({"pagination": {"style": "link_header", "page_size": 500, "page_size_param": "per_page", "total_header": "X-Total-Count"}})")),
                             dir.filePath(QStringLiteral("t.json")), &config, &errors));
    ApiProbe probe(config, QStringLiteral("catalog"));
    QVERIFY(runProbe(probe));
    const ProbeEntityReport &r = probe.reports().first();
    const ProbeCheck *size = r.check(QStringLiteral("page_size"));
    QVERIFY2(size->verdict == ProbeCheck::Verdict::Fail, qPrintable(describe(r)));
    QCOMPARE(size->key, QStringLiteral("sources.catalog.rest.pagination.page_size"));
    QCOMPARE(size->suggestion.toInt(), 100);
    QVERIFY2(size->message.contains(QLatin1String("422")) || size->message.contains(QLatin1String("per_page must be")), qPrintable(size->message));
    QCOMPARE(r.check(QStringLiteral("request"))->verdict, ProbeCheck::Verdict::Pass);
    QCOMPARE(r.check(QStringLiteral("page_param"))->verdict, ProbeCheck::Verdict::Pass);
    QCOMPARE(r.check(QStringLiteral("change_filter"))->verdict, ProbeCheck::Verdict::Pass);
    QCOMPARE(r.check(QStringLiteral("total"))->verdict, ProbeCheck::Verdict::Pass);
}

void tst_Probe::silentCapIsSuggestedAsPageSize()
{
    // The server quietly sends 20 where 50 were asked: a page walk would take the short page for
    // the last one and stop.
    QuirkyApiServer api;
    QVERIFY(api.start());
    api.makeRecords(120);
    api.silentCap = 20;
    QJsonObject root = QJsonDocument::fromJson(R"({"database": {"path": "main.sqlite"}, "sources": [{"name": "crm", "type": "rest",
        "rest": {"base_url": "BASE", "records_path": "data", "record_path": "data",
                 "pagination": {"style": "page", "page_size": 50, "page_size_param": "per_page"},
                 "incremental": {"param": "updated_since", "field": "updated_at", "tie_breaker": "id", "params": {"sort": "updated_at"}}},
        "entities": [{"name": "records", "endpoint": "/records", "table": "records", "columns": {"name": "name", "active": {"field": "active", "type": "boolean"}}}]}]})")
                           .object();
    QByteArray text = QJsonDocument(root).toJson();
    CrmProbe probe;
    QVERIFY2(probe.run(text, api.baseUrl()), qPrintable(probe.error));
    const ProbeEntityReport &r = probe.report();
    const ProbeCheck *size = r.check(QStringLiteral("page_size"));
    QVERIFY2(size->verdict == ProbeCheck::Verdict::Fail, qPrintable(describe(r)));
    QCOMPARE(size->suggestion.toInt(), 20);
    QCOMPARE(size->key, QStringLiteral("sources.crm.rest.pagination.page_size"));
    // ISO timestamps with microseconds and integer ids: the rest holds.
    QCOMPARE(r.check(QStringLiteral("change_filter"))->verdict, ProbeCheck::Verdict::Pass);
    QCOMPARE(r.check(QStringLiteral("incremental_order"))->verdict, ProbeCheck::Verdict::Pass);
    QCOMPARE(r.check(QStringLiteral("ids"))->verdict, ProbeCheck::Verdict::Pass);
}

void tst_Probe::exclusiveFilterFails()
{
    QuirkyApiServer api;
    QVERIFY(api.start());
    api.makeRecords(40, QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC), 3);
    api.exclusiveFilter = true;
    QByteArray text = R"({"database": {"path": "main.sqlite"}, "sources": [{"name": "crm", "type": "rest",
        "rest": {"base_url": "BASE", "records_path": "data", "pagination": {"style": "page", "page_size": 15, "page_size_param": "per_page"},
                 "incremental": {"param": "updated_since", "field": "updated_at", "tie_breaker": "id", "params": {"sort": "updated_at"}}},
        "entities": [{"name": "records", "endpoint": "/records", "table": "records", "columns": {"name": "name"}}]}]})";
    CrmProbe probe;
    QVERIFY2(probe.run(text, api.baseUrl()), qPrintable(probe.error));
    const ProbeEntityReport &r = probe.report();
    const ProbeCheck *filter = r.check(QStringLiteral("change_filter"));
    QVERIFY2(filter->verdict == ProbeCheck::Verdict::Fail, qPrintable(describe(r)));
    QVERIFY2(filter->message.contains(QLatin1String("exclusive")), qPrintable(filter->message));
    QCOMPARE(filter->key, QStringLiteral("sources.crm.rest.incremental.param"));
}

void tst_Probe::unstableTotalFails()
{
    QuirkyApiServer api;
    QVERIFY(api.start());
    api.makeRecords(200);
    api.unstableTotal = true;
    QByteArray text = R"({"database": {"path": "main.sqlite"}, "sources": [{"name": "crm", "type": "rest",
        "rest": {"base_url": "BASE", "records_path": "data", "pagination": {"style": "page", "page_size": 15, "page_size_param": "per_page", "total_path": "meta.total"}},
        "entities": [{"name": "records", "endpoint": "/records", "table": "records", "columns": {"name": "name"}}]}]})";
    CrmProbe probe;
    QVERIFY2(probe.run(text, api.baseUrl()), qPrintable(probe.error));
    const ProbeEntityReport &r = probe.report();
    const ProbeCheck *total = r.check(QStringLiteral("total"));
    QVERIFY2(total->verdict == ProbeCheck::Verdict::Fail, qPrintable(describe(r)));
    QVERIFY2(total->message.contains(QLatin1String("changed")), qPrintable(total->message));
    QCOMPARE(total->key, QStringLiteral("sources.crm.rest.pagination.total_path"));
    // No change filter configured: those checks do not apply.
    QCOMPARE(r.check(QStringLiteral("change_filter"))->verdict, ProbeCheck::Verdict::Skip);
    QCOMPARE(r.check(QStringLiteral("incremental_order"))->verdict, ProbeCheck::Verdict::Skip);
}

void tst_Probe::refusedCredentialsFailTheRequest()
{
    LinkApiServer api;
    QVERIFY(api.start());
    api.setItems(LinkApiServer::makeItems(30));
    api.setBasicAuth(QStringLiteral("sync"), QStringLiteral("right"));
    qputenv("PROBE_USER", "sync");
    qputenv("PROBE_PASSWORD", "wrong");
    QTemporaryDir dir;
    Config config;
    QStringList errors;
    QVERIFY(Config::fromJson(catalogConfig(api.baseUrl(), QStringLiteral("/items"),
                                           json(R"({"auth": {"type": "basic", "username": {"env": "PROBE_USER"}, "password": {"env": "PROBE_PASSWORD"}},
                                                    "pagination": {"style": "link_header", "page_size": 10, "page_size_param": "per_page"}})")),
                             dir.filePath(QStringLiteral("t.json")), &config, &errors));
    ApiProbe probe(config, QStringLiteral("catalog"));
    QVERIFY(runProbe(probe));
    const ProbeEntityReport &r = probe.reports().first();
    QCOMPARE(r.check(QStringLiteral("request"))->verdict, ProbeCheck::Verdict::Fail);
    QVERIFY2(r.check(QStringLiteral("request"))->message.contains(QLatin1String("PROBE_PASSWORD")), qPrintable(describe(r)));
    QCOMPARE(r.check(QStringLiteral("page_size"))->verdict, ProbeCheck::Verdict::Unknown);
    QCOMPARE(api.requests().size(), 1); // a refused credential is never asked again
}

void tst_Probe::probeCommandExitsAndPrintsJson()
{
    LinkApiServer api;
    QVERIFY(api.start());
    api.setItems(LinkApiServer::makeItems(45, 1700000000, 7));
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("good.json"));
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    auto write = [](const QString &path, const QJsonObject &root) {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(QJsonDocument(root).toJson()) > 0;
    };
    const QJsonObject paged = json(R"({"records_path": "records", "pagination": {"style": "page", "page_size": 20, "page_size_param": "limit", "total_path": "meta.total"}})");
    QVERIFY(write(good, catalogConfig(api.baseUrl(), QStringLiteral("/paged/items"), paged)));
    QVERIFY(write(bad, catalogConfig(api.baseUrl(), QStringLiteral("/paged/items"), paged, json(R"({"incremental": {"param": "modified_after"}})"))));

    TributarydProcess::Result r = tributaryd({QStringLiteral("probe"), QStringLiteral("--config"), good});
    QVERIFY2(r.exitCode == 0, qPrintable(r.output()));
    QVERIFY2(r.out.contains(QLatin1String("pass")) && r.out.contains(QLatin1String("change filter honoured")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("Checks: 9 passed, 0 failed, 0 could not tell, 0 not applicable")), qPrintable(r.out));
    // The main database is never opened, not even created.
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("main.sqlite"))));

    r = tributaryd({QStringLiteral("probe"), QStringLiteral("--config"), bad});
    QVERIFY2(r.exitCode == 1, qPrintable(r.output()));
    QVERIFY2(r.out.contains(QLatin1String("FAIL")) && r.out.contains(QLatin1String("sources.catalog.entities.items.incremental.param")), qPrintable(r.out));

    r = tributaryd({QStringLiteral("probe"), QStringLiteral("--config"), bad, QStringLiteral("--json"), QStringLiteral("--source"), QStringLiteral("catalog")});
    QCOMPARE(r.exitCode, 1);
    QJsonParseError pe;
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8(), &pe).object();
    QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(r.out));
    QCOMPARE(doc.value(QStringLiteral("schema")).toInt(), 1);
    QCOMPARE(doc.value(QStringLiteral("ok")).toBool(true), false);
    // A failed check with its key, fix and suggestion, as documented (docs/schemas/probe.schema.json).
    QString why;
    const JsonSchema schema = JsonSchema::fromDocs(QStringLiteral("probe"), &why);
    QVERIFY2(!schema.isNull(), qPrintable(why));
    QVERIFY2(schema.validate(doc).isEmpty(), qPrintable(schema.validate(doc).join(QLatin1Char('\n'))));
    const QJsonObject source = doc.value(QStringLiteral("sources")).toArray().first().toObject();
    QCOMPARE(source.value(QStringLiteral("source")).toString(), QStringLiteral("catalog"));
    const QJsonObject entity = source.value(QStringLiteral("entities")).toArray().first().toObject();
    QCOMPARE(entity.value(QStringLiteral("entity")).toString(), QStringLiteral("items"));
    QJsonObject filter;
    for (const QJsonValue &c : entity.value(QStringLiteral("checks")).toArray()) {
        if (c.toObject().value(QStringLiteral("check")).toString() == QLatin1String("change_filter"))
            filter = c.toObject();
    }
    QCOMPARE(filter.value(QStringLiteral("verdict")).toString(), QStringLiteral("fail"));
    QCOMPARE(filter.value(QStringLiteral("key")).toString(), QStringLiteral("sources.catalog.entities.items.incremental.param"));
    QVERIFY(filter.contains(QStringLiteral("message")) && filter.contains(QStringLiteral("fix")) && filter.contains(QStringLiteral("suggestion")));

    r = tributaryd({QStringLiteral("probe"), QStringLiteral("--config"), good, QStringLiteral("--source"), QStringLiteral("nope")});
    QCOMPARE(r.exitCode, 2);
}

void tst_Probe::detectThenSyncEveryPaginationStyle_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("style");
    QTest::addColumn<QString>("recordsPath");

    QTest::newRow("Link header, top-level array") << "/items" << "link_header" << "";
    QTest::newRow("offset and limit") << "/offset/items" << "offset" << "results";
    QTest::newRow("opaque cursor") << "/cursor/items" << "cursor" << "entries";
    QTest::newRow("next URL in the body") << "/next/items" << "next_url" << "data.items";
    QTest::newRow("page numbers") << "/paged/items" << "page" << "records";
}

void tst_Probe::detectThenSyncEveryPaginationStyle()
{
    QFETCH(QString, endpoint);
    QFETCH(QString, style);
    QFETCH(QString, recordsPath);

    LinkApiServer api;
    QVERIFY(api.start());
    api.setItems(shuffledItems(250));
    QTemporaryDir dir;
    const QString configPath = dir.filePath(QStringLiteral("tributary.json"));
    const QString dbPath = dir.filePath(QStringLiteral("main.sqlite"));

    TributarydProcess::Result r = tributaryd({QStringLiteral("init"), QStringLiteral("--detect"), QStringLiteral("--url"), api.baseUrl() + endpoint,
                                              QStringLiteral("--output"), configPath, QStringLiteral("--database"), dbPath,
                                              QStringLiteral("--name"), QStringLiteral("catalog")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.output()));
    QVERIFY2(!r.out.contains(QLatin1String("FAIL")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("no such table yet")), qPrintable(r.out));

    QFile f(configPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonObject source = root.value(QStringLiteral("sources")).toArray().first().toObject();
    const QJsonObject rest = source.value(QStringLiteral("rest")).toObject();
    const QJsonObject entity = source.value(QStringLiteral("entities")).toArray().first().toObject();
    QCOMPARE(rest.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("style")).toString(), style);
    QCOMPARE(rest.value(QStringLiteral("records_path")).toString(), recordsPath);
    QCOMPARE(entity.value(QStringLiteral("name")).toString(), QStringLiteral("items"));
    QCOMPARE(entity.value(QStringLiteral("table")).toString(), QStringLiteral("items"));
    QCOMPARE(entity.value(QStringLiteral("external_id")).toString(), QStringLiteral("ID"));
    const QJsonObject columns = entity.value(QStringLiteral("columns")).toObject();
    QCOMPARE(columns.value(QStringLiteral("external_id")).toString(), QStringLiteral("ID"));
    QCOMPARE(columns.value(QStringLiteral("title")).toString(), QStringLiteral("title"));
    QCOMPARE(columns.value(QStringLiteral("author_email")).toString(), QStringLiteral("author.email"));
    const QJsonObject incremental = rest.value(QStringLiteral("incremental")).toObject();
    QCOMPARE(incremental.value(QStringLiteral("param")).toString(), QStringLiteral("since"));
    QCOMPARE(incremental.value(QStringLiteral("field")).toString(), QStringLiteral("modified"));
    QCOMPARE(incremental.value(QStringLiteral("params")).toObject().value(QStringLiteral("_sort")).toString(), QStringLiteral("modified"));
    qInfo().noquote() << QJsonDocument(rest).toJson(QJsonDocument::Compact);

    QString why;
    QVERIFY2(createTables(configPath, &why), qPrintable(why));
    r = tributaryd({QStringLiteral("sync"), QStringLiteral("--quiet"), QStringLiteral("--config"), configPath});
    QVERIFY2(r.exitCode == 0, qPrintable(r.output()));
    QCOMPARE(rows(dbPath, QStringLiteral("items"), QStringLiteral("external_id"), QStringLiteral("title")),
             itemsOf(api.items(), QStringLiteral("ID"), QStringLiteral("title")));

    // Changes at the source arrive through the detected change filter.
    const qint64 last = api.items().last().value(QStringLiteral("modified")).toInteger();
    QVERIFY(api.updateItem(QStringLiteral("itm-0100"), {{QStringLiteral("title"), QStringLiteral("Edited upstream")}, {QStringLiteral("modified"), double(last + 100)}}));
    api.addItem(LinkApiServer::makeItem(QStringLiteral("itm-9999"), last + 100, QStringLiteral("Added upstream")));
    r = tributaryd({QStringLiteral("sync"), QStringLiteral("--quiet"), QStringLiteral("--config"), configPath});
    QVERIFY2(r.exitCode == 0, qPrintable(r.output()));
    QCOMPARE(rows(dbPath, QStringLiteral("items"), QStringLiteral("external_id"), QStringLiteral("title")),
             itemsOf(api.items(), QStringLiteral("ID"), QStringLiteral("title")));
}

void tst_Probe::detectMatchesAnExistingTable()
{
    // QuirkyApiServer: {"data": [...]} with "id", ISO "updated_at", page and per_page, total and
    // last_page in meta; the main database already has a table "records" with some columns.
    QuirkyApiServer api;
    QVERIFY(api.start());
    api.makeRecords(130);
    api.updateRecord(4, {{QStringLiteral("updated_at"), QStringLiteral("2026-02-01T00:00:00.000000Z")}});
    QTemporaryDir dir;
    const QString configPath = dir.filePath(QStringLiteral("crm.json"));
    const QString dbPath = dir.filePath(QStringLiteral("app.sqlite"));
    {
        DatabaseConfig dc;
        dc.path = dbPath;
        Error e;
        auto db = Database::open(dc, dir.path(), &e, Database::Missing::Create);
        QVERIFY2(db, qPrintable(e.toString()));
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE records (id INTEGER PRIMARY KEY AUTOINCREMENT, external_id INTEGER, NAME TEXT, "
                                        "updated_at TEXT, note TEXT)"), &e));
    }
    TributarydProcess::Result r = tributaryd({QStringLiteral("init"), QStringLiteral("--detect"), QStringLiteral("--url"), api.baseUrl() + QStringLiteral("/records"),
                                              QStringLiteral("--output"), configPath, QStringLiteral("--database"), dbPath});
    QVERIFY2(r.exitCode == 0, qPrintable(r.output()));
    QVERIFY2(r.out.contains(QLatin1String("fields without a column of that name, not mapped: active")), qPrintable(r.out));
    QFile f(configPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject source = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("sources")).toArray().first().toObject();
    QCOMPARE(source.value(QStringLiteral("name")).toString(), QStringLiteral("api"));
    const QJsonObject rest = source.value(QStringLiteral("rest")).toObject();
    QCOMPARE(rest.value(QStringLiteral("records_path")).toString(), QStringLiteral("data"));
    QCOMPARE(rest.value(QStringLiteral("record_path")).toString(), QStringLiteral("data"));
    const QJsonObject pagination = rest.value(QStringLiteral("pagination")).toObject();
    QCOMPARE(pagination.value(QStringLiteral("style")).toString(), QStringLiteral("page"));
    QCOMPARE(pagination.value(QStringLiteral("page_size_param")).toString(), QStringLiteral("per_page"));
    QCOMPARE(pagination.value(QStringLiteral("total_path")).toString(), QStringLiteral("meta.total"));
    QCOMPARE(pagination.value(QStringLiteral("last_page_path")).toString(), QStringLiteral("meta.last_page"));
    const QJsonObject incremental = rest.value(QStringLiteral("incremental")).toObject();
    QCOMPARE(incremental.value(QStringLiteral("param")).toString(), QStringLiteral("updated_since"));
    QCOMPARE(incremental.value(QStringLiteral("format")).toString(), QStringLiteral("iso8601"));
    QCOMPARE(incremental.value(QStringLiteral("tie_breaker")).toString(), QStringLiteral("id"));
    const QJsonObject entity = source.value(QStringLiteral("entities")).toArray().first().toObject();
    const QJsonObject columns = entity.value(QStringLiteral("columns")).toObject();
    QCOMPARE(columns.keys(), QStringList({QStringLiteral("NAME"), QStringLiteral("external_id"), QStringLiteral("updated_at")}));
    QVERIFY(!entity.contains(QStringLiteral("external_id"))); // "id" is the default

    r = tributaryd({QStringLiteral("sync"), QStringLiteral("--quiet"), QStringLiteral("--config"), configPath});
    QVERIFY2(r.exitCode == 0, qPrintable(r.output()));
    QCOMPARE(rows(dbPath, QStringLiteral("records"), QStringLiteral("external_id"), QStringLiteral("NAME")),
             itemsOf(api.records(), QStringLiteral("id"), QStringLiteral("name")));
}

// The application's foreign keys hold local ids: init --detect must map them as references
// (never the source's id into a column of local ids), say which column a row needs that the API
// does not fill, and the sync with that one value added must be complete and right, compared
// with the forum's own database.
void tst_Probe::detectTurnsForeignKeysIntoReferences()
{
    QTemporaryDir dir;
    const QString forumPath = dir.filePath(QStringLiteral("forum.sqlite"));
    ForumGeneratorOptions g;
    g.users = 20;
    g.sections = 3;
    g.topics = 30;
    g.messages = 120;
    g.seed = 7;
    QString why;
    QVERIFY2(ForumGenerator(g).generate(forumPath, &why), qPrintable(why));
    ForumSimThread sim;
    ForumSimOptions o;
    o.dbPath = forumPath;
    QVERIFY2(sim.start(o, &why), qPrintable(why));
    const QString appPath = dir.filePath(QStringLiteral("app.sqlite"));
    {
        QSqlDatabase app = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("detect-app"));
        app.setDatabaseName(appPath);
        QVERIFY(app.open());
        QVERIFY2(ForumSchema::createTables(app, &why), qPrintable(why));
        app.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("detect-app"));
    const QString configPath = dir.filePath(QStringLiteral("forum.json"));
    QStringList args = {QStringLiteral("init"), QStringLiteral("--detect"), QStringLiteral("--output"), configPath, QStringLiteral("--database"), appPath};
    for (const char *entity : {"users", "sections", "topics", "messages"})
        args << QStringLiteral("--url") << sim.baseUrl().toString() + QLatin1Char('/') + QLatin1String(entity);
    TributarydProcess::Result r = tributaryd(args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.output()));
    QVERIFY2(r.out.contains(QLatin1String("references (foreign keys, written as the local id of the row they name): section_id, user_id")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("references (foreign keys, written as the local id of the row they name): parent_id, topic_id, user_id")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("the table requires password (NOT NULL, no default)")), qPrintable(r.out));

    QFile f(configPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
    QJsonObject source = sources.first().toObject();
    QJsonArray entities = source.value(QStringLiteral("entities")).toArray();
    for (qsizetype i = 0; i < entities.size(); ++i) {
        QJsonObject e = entities.at(i).toObject();
        const QString name = e.value(QStringLiteral("name")).toString();
        if (name == QLatin1String("topics")) {
            QVERIFY(!e.value(QStringLiteral("columns")).toObject().contains(QStringLiteral("section_id")));
            QCOMPARE(e.value(QStringLiteral("references")).toObject().value(QStringLiteral("section_id")).toObject(),
                     QJsonObject({{QStringLiteral("entity"), QStringLiteral("sections")}, {QStringLiteral("field"), QStringLiteral("section_id")}}));
        }
        if (name == QLatin1String("messages"))
            QVERIFY(e.value(QStringLiteral("references")).toObject().value(QStringLiteral("parent_id")).toObject().value(QStringLiteral("nullable")).toBool());
        if (name == QLatin1String("users")) {
            e.insert(QStringLiteral("defaults"), QJsonObject{{QStringLiteral("password"), QStringLiteral("!imported")}});
            entities.replace(i, e);
        }
    }
    // As written, the configuration is refused before anything is read, naming the column.
    r = tributaryd({QStringLiteral("sync"), QStringLiteral("--quiet"), QStringLiteral("--config"), configPath});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("requires a value in column \"password\"")), qPrintable(r.output()));

    source.insert(QStringLiteral("entities"), entities);
    sources.replace(0, source);
    root.insert(QStringLiteral("sources"), sources);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(root).toJson());
    f.close();
    r = tributaryd({QStringLiteral("sync"), QStringLiteral("--quiet"), QStringLiteral("--config"), configPath});
    QVERIFY2(r.exitCode == 0, qPrintable(r.output()));

    // Every message with its topic, author and parent, by their own values, on both sides.
    auto content = [](const QString &path) {
        QStringList out;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("detect-read"));
            db.setDatabaseName(path);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("SELECT m.content, t.title, s.title, u.email, COALESCE(p.content, '') FROM messages m "
                                          "JOIN topics t ON t.id = m.topic_id JOIN sections s ON s.id = t.section_id "
                                          "JOIN users u ON u.id = m.user_id LEFT JOIN messages p ON p.id = m.parent_id"))) {
                    while (q.next())
                        out << QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                                           q.value(4).toString()}
                                   .join(QLatin1Char('|'));
                }
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("detect-read"));
        out.sort();
        return out;
    };
    const QStringList expected = content(forumPath);
    QCOMPARE(expected.size(), 120);
    QCOMPARE(content(appPath), expected);
}

void tst_Probe::detectWritesWhatItFoundAndFailsForTheRest()
{
    // Without --output the configuration goes to standard output, the report to standard error;
    // a listing that answers 404 is left out, and the exit status says so.
    LinkApiServer api;
    QVERIFY(api.start());
    api.setItems(shuffledItems(40));
    const TributarydProcess::Result r = tributaryd({QStringLiteral("init"), QStringLiteral("--detect"), QStringLiteral("--url"),
                                                    api.baseUrl() + QStringLiteral("/offset/items"), QStringLiteral("--url"),
                                                    api.baseUrl() + QStringLiteral("/gone/items")});
    QCOMPARE(r.exitCode, 1);
    QJsonParseError pe;
    const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8(), &pe).object();
    QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(r.out));
    const QJsonObject source = root.value(QStringLiteral("sources")).toArray().first().toObject();
    const QJsonArray entities = source.value(QStringLiteral("entities")).toArray();
    QCOMPARE(entities.size(), 1);
    QCOMPARE(entities.first().toObject().value(QStringLiteral("endpoint")).toString(), QStringLiteral("/offset/items"));
    QCOMPARE(source.value(QStringLiteral("rest")).toObject().value(QStringLiteral("base_url")).toString(), api.baseUrl());
    QVERIFY2(r.err.contains(QLatin1String("Could not detect ") + api.baseUrl() + QLatin1String("/gone/items")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("not in the configuration")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("Checks: 9 passed, 0 failed")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(tst_Probe)
#include "tst_probe.moc"
