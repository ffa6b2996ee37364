// forum-sim's contract over real loopback HTTP (forum-api.md): authentication, both pagination
// styles, filters, validation, writes, the generator's determinism; and the HttpServer under it.
#include "net/HttpServer.h"
#include "forum-sim/ForumGenerator.h"
#include "forum-sim/ForumSimThread.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Tributary;

namespace {

const QString kToken = QStringLiteral("s3cret-token");

struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QHash<QByteArray, QByteArray> headers;
};

// A connection of the test's own to a forum database, to compute the answers the API must give.
class Sql
{
public:
    explicit Sql(const QString &path)
        : m_name(QStringLiteral("tst-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~Sql()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }

    QVariant value(const QString &sql, const QVariantList &binds = {}) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (!q.exec() || !q.next())
            return {};
        return q.value(0);
    }

    QList<QVariantList> rows(const QString &sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        q.exec(sql);
        QList<QVariantList> out;
        while (q.next()) {
            QVariantList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << q.value(i);
            out << row;
        }
        return out;
    }

    // Every row of every table, in id order: equal hashes mean equal content.
    QByteArray contentHash() const
    {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const char *table : {"users", "sections", "topics", "messages"}) {
            for (const QVariantList &row : rows(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(QLatin1String(table)))) {
                for (const QVariant &v : row)
                    hash.addData(v.isNull() ? QByteArrayLiteral("\x01NULL") : v.toString().toUtf8() + '\x1f');
                hash.addData("\x1e");
            }
        }
        return hash.result().toHex();
    }

private:
    static inline int s_counter = 0;
    QString m_name;
};

QByteArray apiTime(const QString &dbText)
{
    QString t = dbText;
    t[10] = QLatin1Char('T');
    return (t + QLatin1Char('Z')).toLatin1();
}

QSet<QString> keysOf(const QJsonObject &o)
{
    const QStringList keys = o.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

// Reads one HTTP response (head + Content-Length body) from a raw socket.
bool readResponse(QTcpSocket &socket, QByteArray &buffer, QByteArray *head, QByteArray *body)
{
    auto complete = [&] {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        static const QRegularExpression re(QStringLiteral("\r\ncontent-length: *(\\d+)"),
                                           QRegularExpression::CaseInsensitiveOption);
        const auto m = re.match(QString::fromLatin1(buffer.left(end + 2)));
        const qsizetype length = m.hasMatch() ? m.captured(1).toLongLong() : 0;
        if (buffer.size() < end + 4 + length)
            return false;
        *head = buffer.left(end);
        *body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        return true;
    };
    while (!complete()) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(0)) {
            QSignalSpy spy(&socket, &QTcpSocket::readyRead);
            if (socket.state() != QAbstractSocket::ConnectedState || !spy.wait(5000))
                return false;
        }
        buffer += socket.readAll();
    }
    return true;
}

} // namespace

class tst_ForumSim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void authentication_data();
    void authentication();
    void pageMode();
    void pageModeIsDefault();
    void recordShapes();
    void cursorWalkSeesEveryRecordOnce_data();
    void cursorWalkSeesEveryRecordOnce();
    void cursorWalkSurvivesConcurrentPatches();
    void cursorWalkThroughTimestampBurst();
    void cursorPrevious();
    void updatedSinceIsInclusive_data();
    void updatedSinceIsInclusive();
    void idsOnlyFields();
    void invalidParameters_data();
    void invalidParameters();
    void singleRecord();
    void unknownRoutes_data();
    void unknownRoutes();
    void createUpdateDelete();
    void writeValidation_data();
    void writeValidation();
    void conditionalWrites();
    void conditionalHeaderMalformed_data();
    void conditionalHeaderMalformed();
    void idempotentCreate();
    void idempotencyKeyMalformed();
    void clientHeaderMalformed();
    void faults();
    void contractBreaches();

    void generatorIsDeterministic();
    void generatorData();

    void httpKeepAlive();
    void httpPipelinedOrderWithDelay();
    void httpRejects_data();
    void httpRejects();
    void httpOversizedBody();
    void httpDecodesPathAndQuery();
    void httpIdleTimeoutAndTruncate();

private:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    Reply request(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                  const QString &token = kToken, const QUrl &base = {}, const Headers &headers = {});
    // A write from another system: the contract's write headers, the test's token.
    Reply send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
               const Headers &headers)
    {
        return request(method, pathAndQuery, body, kToken, {}, headers);
    }
    void restartSim();
    Reply get(const QString &pathAndQuery) { return request("GET", pathAndQuery); }
    QList<QJsonObject> walk(const QString &collection, const QString &params, int *pages = nullptr,
                            const std::function<void(int page, const QList<QJsonObject> &seen)> &between = {});

    QTemporaryDir m_dir;
    QString m_dbPath;
    ForumSimThread m_sim;
    QUrl m_base;
    std::unique_ptr<Sql> m_sql;
    QNetworkAccessManager m_nam;
};

void tst_ForumSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dbPath = m_dir.filePath(QStringLiteral("forum.sqlite"));
    ForumGeneratorOptions g;
    g.users = 300;
    g.sections = 12;
    g.topics = 150;
    g.messages = 2500;
    g.seed = 42;
    ForumGenerator generator(g);
    QString error;
    QVERIFY2(generator.generate(m_dbPath, &error), qPrintable(error));

    ForumSimOptions o;
    o.dbPath = m_dbPath;
    o.token = kToken;
    QVERIFY2(m_sim.start(o, &error), qPrintable(error));
    m_base = m_sim.baseUrl();
    QCOMPARE(m_base.toString(), QStringLiteral("http://127.0.0.1:%1/api/v1").arg(m_sim.port()));
    m_sql = std::make_unique<Sql>(m_dbPath);
}

// Stops the forum and serves the same database again, as a restarted forum-sim would.
void tst_ForumSim::restartSim()
{
    m_sim.stop();
    ForumSimOptions o;
    o.dbPath = m_dbPath;
    o.token = kToken;
    QString error;
    QVERIFY2(m_sim.start(o, &error), qPrintable(error));
    m_base = m_sim.baseUrl();
}

void tst_ForumSim::cleanupTestCase()
{
    m_sim.stop();
    m_sql.reset();
}

Reply tst_ForumSim::request(const QByteArray &method, const QString &pathAndQuery,
                            const QByteArray &body, const QString &token, const QUrl &base,
                            const Headers &headers)
{
    QNetworkRequest req(QUrl((base.isEmpty() ? m_base : base).toString() + pathAndQuery));
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    req.setTransferTimeout(10000);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Reply r;
    if (!reply->isFinished() && !finished.wait(15000)) {
        reply->abort();
        r.error = QNetworkReply::TimeoutError;
    }
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (r.error == QNetworkReply::NoError)
        r.error = reply->error();
    r.body = reply->readAll();
    for (const auto &h : reply->rawHeaderPairs())
        r.headers.insert(h.first.toLower(), h.second);
    r.json = QJsonDocument::fromJson(r.body).object();
    reply->deleteLater();
    return r;
}

QList<QJsonObject> tst_ForumSim::walk(const QString &collection, const QString &params, int *pages,
                                      const std::function<void(int, const QList<QJsonObject> &)> &between)
{
    QList<QJsonObject> seen;
    QString cursor;
    int page = 0;
    for (;;) {
        const Reply r = get(QStringLiteral("/%1?%2&cursor=%3").arg(collection, params, cursor));
        if (r.status != 200) {
            qWarning("walk: status %d: %s", r.status, r.body.constData());
            return {};
        }
        for (const QJsonValue &v : r.json.value(QLatin1String("data")).toArray())
            seen << v.toObject();
        ++page;
        if (between)
            between(page, seen);
        const QJsonValue next = r.json.value(QLatin1String("next_cursor"));
        if (next.isNull())
            break;
        cursor = next.toString();
        if (page > 100000)
            return {};
    }
    if (pages)
        *pages = page;
    return seen;
}

void tst_ForumSim::authentication_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("path");
    QTest::newRow("missing token") << QString() << QStringLiteral("/users");
    QTest::newRow("wrong token") << QStringLiteral("nope") << QStringLiteral("/users");
    QTest::newRow("wrong token, single record") << QStringLiteral("nope") << QStringLiteral("/users/1");
    QTest::newRow("token prefix") << kToken.left(4) << QStringLiteral("/messages");
}

void tst_ForumSim::authentication()
{
    QFETCH(QString, token);
    QFETCH(QString, path);
    const Reply r = request("GET", path, {}, token);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json, QJsonObject({{QStringLiteral("message"), QStringLiteral("Unauthenticated.")}}));
    QVERIFY(r.headers.value("content-type").startsWith("application/json"));
    QCOMPARE(get(path).status, 200);
}

void tst_ForumSim::pageMode()
{
    const qint64 total = m_sql->value(QStringLiteral("SELECT count(*) FROM messages")).toLongLong();
    const Reply r = get(QStringLiteral("/messages?per_page=100&page=2&sort=id"));
    QCOMPARE(r.status, 200);
    QCOMPARE(keysOf(r.json), QSet<QString>({"data", "links", "meta"}));
    const QJsonArray data = r.json.value(QLatin1String("data")).toArray();
    QCOMPARE(data.size(), 100);
    QCOMPARE(data.first().toObject().value(QLatin1String("id")).toInteger(),
             m_sql->value(QStringLiteral("SELECT id FROM messages ORDER BY id LIMIT 1 OFFSET 100")).toLongLong());
    const QJsonObject meta = r.json.value(QLatin1String("meta")).toObject();
    QCOMPARE(keysOf(meta), QSet<QString>({"current_page", "from", "last_page", "path", "per_page", "to", "total"}));
    QCOMPARE(meta.value(QLatin1String("current_page")).toInt(), 2);
    QCOMPARE(meta.value(QLatin1String("from")).toInt(), 101);
    QCOMPARE(meta.value(QLatin1String("to")).toInt(), 200);
    QCOMPARE(meta.value(QLatin1String("per_page")).toInt(), 100);
    QCOMPARE(meta.value(QLatin1String("total")).toInteger(), total);
    QCOMPARE(meta.value(QLatin1String("last_page")).toInteger(), (total + 99) / 100);
    QCOMPARE(meta.value(QLatin1String("path")).toString(), m_base.toString() + QStringLiteral("/messages"));
    const QJsonObject links = r.json.value(QLatin1String("links")).toObject();
    QCOMPARE(keysOf(links), QSet<QString>({"first", "last", "prev", "next"}));
    const QUrl next(links.value(QLatin1String("next")).toString());
    QCOMPARE(QUrlQuery(next).queryItemValue(QStringLiteral("page")), QStringLiteral("3"));
    QCOMPARE(QUrlQuery(next).queryItemValue(QStringLiteral("per_page")), QStringLiteral("100"));
    QCOMPARE(QUrlQuery(QUrl(links.value(QLatin1String("prev")).toString())).queryItemValue(QStringLiteral("page")),
             QStringLiteral("1"));

    // The last page is partial and has no next; a page past the end is empty.
    const qint64 lastPage = (total + 99) / 100;
    const Reply last = get(QStringLiteral("/messages?per_page=100&page=%1").arg(lastPage));
    QCOMPARE(last.json.value(QLatin1String("data")).toArray().size(), int(total - (lastPage - 1) * 100));
    QVERIFY(last.json.value(QLatin1String("links")).toObject().value(QLatin1String("next")).isNull());
    const Reply past = get(QStringLiteral("/messages?per_page=100&page=%1").arg(lastPage + 1));
    QCOMPARE(past.status, 200);
    QVERIFY(past.json.value(QLatin1String("data")).toArray().isEmpty());
    QVERIFY(past.json.value(QLatin1String("meta")).toObject().value(QLatin1String("from")).isNull());

    // Walking every page in id order sees every record once (nothing changes meanwhile).
    QSet<qint64> ids;
    for (qint64 page = 1; page <= lastPage; ++page) {
        const Reply p = get(QStringLiteral("/messages?per_page=100&page=%1").arg(page));
        for (const QJsonValue &v : p.json.value(QLatin1String("data")).toArray())
            ids.insert(v.toObject().value(QLatin1String("id")).toInteger());
    }
    QCOMPARE(ids.size(), int(total));
}

void tst_ForumSim::pageModeIsDefault()
{
    const Reply r = get(QStringLiteral("/users"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.json.contains(QLatin1String("meta")));
    QCOMPARE(r.json.value(QLatin1String("meta")).toObject().value(QLatin1String("per_page")).toInt(), 50);
    QCOMPARE(r.json.value(QLatin1String("meta")).toObject().value(QLatin1String("current_page")).toInt(), 1);
    QCOMPARE(r.json.value(QLatin1String("data")).toArray().size(), 50);

    // An empty cursor asks for the first page in cursor format.
    const Reply c = get(QStringLiteral("/users?cursor="));
    QCOMPARE(c.status, 200);
    QCOMPARE(keysOf(c.json), QSet<QString>({"data", "path", "per_page", "next_cursor", "next_page_url",
                                            "prev_cursor", "prev_page_url"}));
    QCOMPARE(c.json.value(QLatin1String("data")).toArray().size(), 50);
    QVERIFY(c.json.value(QLatin1String("prev_cursor")).isNull());
    QVERIFY(c.json.value(QLatin1String("next_page_url")).toString().contains(
        QStringLiteral("cursor=") + c.json.value(QLatin1String("next_cursor")).toString()));
}

void tst_ForumSim::recordShapes()
{
    static const QRegularExpression ts(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z$"));
    const Reply users = get(QStringLiteral("/users?per_page=1000"));
    bool sawNullVerified = false;
    for (const QJsonValue &v : users.json.value(QLatin1String("data")).toArray()) {
        const QJsonObject u = v.toObject();
        QCOMPARE(keysOf(u), QSet<QString>({"id", "name", "email", "email_verified_at", "created_at", "updated_at"}));
        QVERIFY(u.value(QLatin1String("id")).isDouble());
        QVERIFY(ts.match(u.value(QLatin1String("updated_at")).toString()).hasMatch());
        QVERIFY(u.value(QLatin1String("email_verified_at")).isNull()
                || ts.match(u.value(QLatin1String("email_verified_at")).toString()).hasMatch());
        sawNullVerified = sawNullVerified || u.value(QLatin1String("email_verified_at")).isNull();
    }
    QVERIFY(sawNullVerified);
    QVERIFY(!users.body.contains("password"));
    QVERIFY(!users.body.contains("remember_token"));

    const Reply sections = get(QStringLiteral("/sections?per_page=1"));
    QCOMPARE(keysOf(sections.json.value(QLatin1String("data")).toArray().first().toObject()),
             QSet<QString>({"id", "title", "created_at", "updated_at"}));
    const Reply topics = get(QStringLiteral("/topics?per_page=1"));
    QCOMPARE(keysOf(topics.json.value(QLatin1String("data")).toArray().first().toObject()),
             QSet<QString>({"id", "section_id", "user_id", "title", "created_at", "updated_at"}));
    const Reply messages = get(QStringLiteral("/messages?per_page=200"));
    bool sawNullParent = false, sawParent = false;
    for (const QJsonValue &v : messages.json.value(QLatin1String("data")).toArray()) {
        const QJsonObject m = v.toObject();
        QCOMPARE(keysOf(m), QSet<QString>({"id", "topic_id", "user_id", "parent_id", "content", "created_at", "updated_at"}));
        sawNullParent = sawNullParent || m.value(QLatin1String("parent_id")).isNull();
        sawParent = sawParent || m.value(QLatin1String("parent_id")).isDouble();
    }
    QVERIFY(sawNullParent);
    QVERIFY(sawParent);

    // The API shows exactly what the database holds.
    const QJsonObject first = messages.json.value(QLatin1String("data")).toArray().first().toObject();
    const qint64 id = first.value(QLatin1String("id")).toInteger();
    QCOMPARE(first.value(QLatin1String("content")).toString(),
             m_sql->value(QStringLiteral("SELECT content FROM messages WHERE id = ?"), {id}).toString());
    QCOMPARE(first.value(QLatin1String("updated_at")).toString().toLatin1(),
             apiTime(m_sql->value(QStringLiteral("SELECT updated_at FROM messages WHERE id = ?"), {id}).toString()));
}

void tst_ForumSim::cursorWalkSeesEveryRecordOnce_data()
{
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("params");
    QTest::newRow("users by id") << QStringLiteral("users") << QStringLiteral("per_page=17");
    QTest::newRow("users by updated_at") << QStringLiteral("users") << QStringLiteral("per_page=17&sort=updated_at");
    QTest::newRow("messages by updated_at, ids only")
        << QStringLiteral("messages") << QStringLiteral("per_page=250&sort=updated_at&fields=id,updated_at");
    QTest::newRow("sections, one per page") << QStringLiteral("sections") << QStringLiteral("per_page=1&sort=updated_at");
}

void tst_ForumSim::cursorWalkSeesEveryRecordOnce()
{
    QFETCH(QString, collection);
    QFETCH(QString, params);
    const QList<QJsonObject> seen = walk(collection, params);
    const qint64 total = m_sql->value(QStringLiteral("SELECT count(*) FROM ") + collection).toLongLong();
    QCOMPARE(seen.size(), int(total));
    QSet<qint64> ids;
    for (const QJsonObject &o : seen)
        ids.insert(o.value(QLatin1String("id")).toInteger());
    QCOMPARE(ids.size(), int(total));
}

void tst_ForumSim::cursorWalkSurvivesConcurrentPatches()
{
    // While a client walks topics in updated_at order, the forum edits records: some not seen yet
    // (they move later and must be seen exactly once, in their new version) and some already seen
    // (they move later and may be seen again, never lost).
    const qint64 total = m_sql->value(QStringLiteral("SELECT count(*) FROM topics")).toLongLong();
    QSet<qint64> patchedAhead, patchedBehind;
    int pages = 0;
    const QList<QJsonObject> seen = walk(
        QStringLiteral("topics"), QStringLiteral("per_page=20&sort=updated_at"), &pages,
        [&](int page, const QList<QJsonObject> &soFar) {
            if (page % 2 != 0)
                return;
            QSet<qint64> seenIds;
            for (const QJsonObject &o : soFar)
                seenIds.insert(o.value(QLatin1String("id")).toInteger());
            // Two records not seen yet, and one already seen.
            int ahead = 0;
            for (const QVariantList &row : m_sql->rows(QStringLiteral("SELECT id FROM topics ORDER BY id DESC"))) {
                const qint64 id = row.first().toLongLong();
                if (seenIds.contains(id) || patchedAhead.contains(id) || patchedBehind.contains(id))
                    continue;
                const Reply r = request("PATCH", QStringLiteral("/topics/%1").arg(id),
                                        QJsonDocument(QJsonObject{{QStringLiteral("title"), QStringLiteral("patched ahead %1").arg(id)}}).toJson());
                QCOMPARE(r.status, 200);
                patchedAhead.insert(id);
                if (++ahead == 2)
                    break;
            }
            const qint64 behind = soFar.first().value(QLatin1String("id")).toInteger();
            if (!patchedBehind.contains(behind) && !patchedAhead.contains(behind)) {
                const Reply r = request("PATCH", QStringLiteral("/topics/%1").arg(behind),
                                        QJsonDocument(QJsonObject{{QStringLiteral("title"), QStringLiteral("patched behind")}}).toJson());
                QCOMPARE(r.status, 200);
                patchedBehind.insert(behind);
            }
        });
    QVERIFY(pages > 4);
    QVERIFY(!patchedAhead.isEmpty());
    QHash<qint64, int> times;
    QHash<qint64, QString> lastTitle;
    QByteArray previousKey;
    for (const QJsonObject &o : seen) {
        const qint64 id = o.value(QLatin1String("id")).toInteger();
        ++times[id];
        lastTitle[id] = o.value(QLatin1String("title")).toString();
        // The walk is strictly ascending in (updated_at, id): the keyset never goes back.
        const QByteArray key = o.value(QLatin1String("updated_at")).toString().toLatin1() + ' '
            + QByteArray::number(id).rightJustified(12, '0');
        QVERIFY2(key > previousKey, key.constData());
        previousKey = key;
    }
    QCOMPARE(times.size(), int(total)); // nothing lost
    for (auto it = times.cbegin(); it != times.cend(); ++it) {
        if (patchedBehind.contains(it.key()))
            QVERIFY(it.value() <= 2);
        else
            QCOMPARE(it.value(), 1);
    }
    for (const qint64 id : std::as_const(patchedAhead))
        QCOMPARE(lastTitle.value(id), QStringLiteral("patched ahead %1").arg(id));
    for (const qint64 id : std::as_const(patchedBehind))
        QCOMPARE(lastTitle.value(id), QStringLiteral("patched behind"));
}

void tst_ForumSim::cursorWalkThroughTimestampBurst()
{
    // The generator makes bursts of records sharing one updated_at; a page boundary inside one
    // must neither skip nor repeat records.
    const QList<QVariantList> burst = m_sql->rows(QStringLiteral(
        "SELECT updated_at, count(*) AS n FROM messages GROUP BY updated_at ORDER BY n DESC LIMIT 1"));
    QVERIFY(!burst.isEmpty());
    const QString at = burst.first().at(0).toString();
    const int shared = burst.first().at(1).toInt();
    QVERIFY2(shared > 7 * 3, qPrintable(QString::number(shared)));
    const qint64 expected = m_sql->value(QStringLiteral("SELECT count(*) FROM messages WHERE updated_at >= ?"), {at}).toLongLong();
    const QString since = QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(apiTime(at))));
    const QList<QJsonObject> seen = walk(QStringLiteral("messages"),
                                         QStringLiteral("per_page=7&sort=updated_at&updated_since=") + since);
    QCOMPARE(seen.size(), int(expected));
    QSet<qint64> ids;
    int atBurst = 0;
    for (const QJsonObject &o : seen) {
        ids.insert(o.value(QLatin1String("id")).toInteger());
        atBurst += o.value(QLatin1String("updated_at")).toString().toLatin1() == apiTime(at) ? 1 : 0;
    }
    QCOMPARE(ids.size(), int(expected));
    QCOMPARE(atBurst, shared);
}

void tst_ForumSim::cursorPrevious()
{
    const Reply first = get(QStringLiteral("/sections?per_page=4&sort=updated_at&cursor="));
    const Reply second = get(QStringLiteral("/sections?per_page=4&sort=updated_at&cursor=")
                             + first.json.value(QLatin1String("next_cursor")).toString());
    QCOMPARE(second.status, 200);
    const QString prev = second.json.value(QLatin1String("prev_cursor")).toString();
    QVERIFY(!prev.isEmpty());
    const Reply back = get(QStringLiteral("/sections?per_page=4&sort=updated_at&cursor=") + prev);
    QCOMPARE(back.json.value(QLatin1String("data")), first.json.value(QLatin1String("data")));
    QVERIFY(back.json.value(QLatin1String("prev_cursor")).isNull());
}

void tst_ForumSim::updatedSinceIsInclusive_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("Z with fraction") << QStringLiteral("z");
    QTest::newRow("+00:00 with fraction") << QStringLiteral("offset");
    QTest::newRow("no fraction") << QStringLiteral("seconds");
}

void tst_ForumSim::updatedSinceIsInclusive()
{
    QFETCH(QString, format);
    const QString at = m_sql->value(QStringLiteral(
        "SELECT updated_at FROM users ORDER BY updated_at LIMIT 1 OFFSET 100")).toString();
    QString since = QString::fromLatin1(apiTime(at));
    QString bound = at;
    if (format == QLatin1String("offset")) {
        since.replace(QLatin1Char('Z'), QStringLiteral("+00:00"));
    } else if (format == QLatin1String("seconds")) {
        since = since.left(19) + QLatin1Char('Z');
        bound = at.left(19);
    }
    const qint64 expected = m_sql->value(QStringLiteral("SELECT count(*) FROM users WHERE updated_at >= ?"), {bound}).toLongLong();
    const Reply r = get(QStringLiteral("/users?per_page=5&updated_since=") + QString::fromLatin1(QUrl::toPercentEncoding(since)));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QLatin1String("meta")).toObject().value(QLatin1String("total")).toInteger(), expected);
    // Inclusive: the record carrying exactly that timestamp is in the listing.
    const Reply sorted = get(QStringLiteral("/users?per_page=1&sort=updated_at&updated_since=")
                             + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(apiTime(at)))));
    QCOMPARE(sorted.json.value(QLatin1String("data")).toArray().first().toObject().value(QLatin1String("updated_at")).toString().toLatin1(),
             apiTime(at));
}

void tst_ForumSim::idsOnlyFields()
{
    for (const QString &fields : {QStringLiteral("id,updated_at"), QStringLiteral("updated_at,id")}) {
        const Reply r = get(QStringLiteral("/messages?per_page=30&fields=") + fields);
        QCOMPARE(r.status, 200);
        const QJsonArray data = r.json.value(QLatin1String("data")).toArray();
        QCOMPARE(data.size(), 30);
        for (const QJsonValue &v : data)
            QCOMPARE(keysOf(v.toObject()), QSet<QString>({"id", "updated_at"}));
    }
}

void tst_ForumSim::invalidParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    const QString idCursor = QString::fromLatin1(QByteArray(R"({"id":5,"_pointsToNextItems":true})")
                                                     .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QTest::newRow("per_page 0") << "per_page=0" << "per_page";
    QTest::newRow("per_page 1001") << "per_page=1001" << "per_page";
    QTest::newRow("per_page negative") << "per_page=-1" << "per_page";
    QTest::newRow("per_page text") << "per_page=ten" << "per_page";
    QTest::newRow("per_page empty") << "per_page=" << "per_page";
    QTest::newRow("page 0") << "page=0" << "page";
    QTest::newRow("page text") << "page=two" << "page";
    QTest::newRow("page and cursor") << "page=1&cursor=" << "cursor";
    QTest::newRow("sort by name") << "sort=name" << "sort";
    QTest::newRow("sort descending") << "sort=-id" << "sort";
    QTest::newRow("updated_since words") << "updated_since=yesterday" << "updated_since";
    QTest::newRow("updated_since 30 February") << "updated_since=2026-02-30T00:00:00Z" << "updated_since";
    QTest::newRow("updated_since hour 25") << "updated_since=2026-02-01T25:00:00Z" << "updated_since";
    QTest::newRow("updated_since empty") << "updated_since=" << "updated_since";
    QTest::newRow("fields id only") << "fields=id" << "fields";
    QTest::newRow("fields other") << "fields=name,email" << "fields";
    QTest::newRow("cursor garbage") << "cursor=%%%" << "cursor";
    QTest::newRow("cursor not json") << "cursor=bm90IGpzb24" << "cursor";
    QTest::newRow("cursor for the other sort") << "sort=updated_at&cursor=" + idCursor << "cursor";
}

void tst_ForumSim::invalidParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const Reply r = get(QStringLiteral("/messages?") + query);
    QCOMPARE(r.status, 422);
    QVERIFY(r.json.value(QLatin1String("message")).isString());
    const QJsonObject errors = r.json.value(QLatin1String("errors")).toObject();
    QVERIFY2(errors.contains(field), r.body.constData());
    QVERIFY(errors.value(field).toArray().first().isString());
}

void tst_ForumSim::singleRecord()
{
    const Reply r = get(QStringLiteral("/messages/5"));
    QCOMPARE(r.status, 200);
    QCOMPARE(keysOf(r.json), QSet<QString>({"data"}));
    QCOMPARE(r.json.value(QLatin1String("data")).toObject().value(QLatin1String("id")).toInt(), 5);
    QCOMPARE(r.json.value(QLatin1String("data")).toObject().value(QLatin1String("content")).toString(),
             m_sql->value(QStringLiteral("SELECT content FROM messages WHERE id = 5")).toString());
    const Reply missing = get(QStringLiteral("/messages/987654"));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json, QJsonObject({{QStringLiteral("message"), QStringLiteral("Not found.")}}));
}

void tst_ForumSim::unknownRoutes_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("unknown collection") << "/posts";
    QTest::newRow("non-numeric id") << "/users/abc";
    QTest::newRow("nested") << "/users/1/messages";
    QTest::newRow("zero id") << "/users/0";
}

void tst_ForumSim::unknownRoutes()
{
    QFETCH(QString, path);
    const Reply r = get(path);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json.value(QLatin1String("message")).toString(), QStringLiteral("Not found."));
    QCOMPARE(request("GET", QString(), {}, kToken, QUrl(m_base.toString().replace(QStringLiteral("/api/v1"), QStringLiteral("/nothing")))).status, 404);
}

void tst_ForumSim::createUpdateDelete()
{
    // Create.
    const Reply created = request("POST", QStringLiteral("/users"),
                                  R"({"name":"Zed Writer","email":"zed.writer@new.example"})");
    QCOMPARE(created.status, 201);
    const QJsonObject user = created.json.value(QLatin1String("data")).toObject();
    const qint64 userId = user.value(QLatin1String("id")).toInteger();
    QVERIFY(userId > 300);
    QCOMPARE(user.value(QLatin1String("email")).toString(), QStringLiteral("zed.writer@new.example"));
    QVERIFY(user.value(QLatin1String("email_verified_at")).isNull());
    QVERIFY(!m_sql->value(QStringLiteral("SELECT password FROM users WHERE id = ?"), {userId}).toString().isEmpty());

    const qint64 topicId = 3;
    const qint64 parentId = m_sql->value(QStringLiteral("SELECT id FROM messages WHERE topic_id = ? LIMIT 1"), {topicId}).toLongLong();
    QVERIFY(parentId > 0);
    const Reply message = request("POST", QStringLiteral("/messages"),
                                  QJsonDocument(QJsonObject{{"topic_id", topicId}, {"user_id", userId},
                                                            {"parent_id", parentId}, {"content", QStringLiteral("Grüße \"quoted\"\n")}}).toJson());
    QCOMPARE(message.status, 201);
    const QJsonObject m = message.json.value(QLatin1String("data")).toObject();
    const qint64 messageId = m.value(QLatin1String("id")).toInteger();
    QCOMPARE(m.value(QLatin1String("content")).toString(), QStringLiteral("Grüße \"quoted\"\n"));
    QCOMPARE(m.value(QLatin1String("parent_id")).toInteger(), parentId);
    QCOMPARE(m.value(QLatin1String("created_at")), m.value(QLatin1String("updated_at")));

    // Update: the field changes, updated_at moves forward, created_at stays.
    const Reply patched = request("PATCH", QStringLiteral("/messages/%1").arg(messageId), R"({"content":"edited"})");
    QCOMPARE(patched.status, 200);
    const QJsonObject p = patched.json.value(QLatin1String("data")).toObject();
    QCOMPARE(p.value(QLatin1String("content")).toString(), QStringLiteral("edited"));
    QCOMPARE(p.value(QLatin1String("created_at")), m.value(QLatin1String("created_at")));
    QVERIFY(p.value(QLatin1String("updated_at")).toString() > m.value(QLatin1String("updated_at")).toString());
    QCOMPARE(get(QStringLiteral("/messages/%1").arg(messageId)).json.value(QLatin1String("data")).toObject(), p);

    // Patching a generated record moves it after everything else in updated_at order.
    const Reply old = request("PATCH", QStringLiteral("/sections/2"), R"({"title":"Renamed"})");
    QCOMPARE(old.status, 200);
    const Reply newest = get(QStringLiteral("/sections?sort=updated_at&page=1&per_page=1000"));
    QCOMPARE(newest.json.value(QLatin1String("data")).toArray().last().toObject().value(QLatin1String("id")).toInt(), 2);

    // Delete: 204, then gone from single reads and listings; children keep their dangling id.
    const Reply deleted = request("DELETE", QStringLiteral("/messages/%1").arg(parentId));
    QCOMPARE(deleted.status, 204);
    QVERIFY(deleted.body.isEmpty());
    QCOMPARE(get(QStringLiteral("/messages/%1").arg(parentId)).status, 404);
    QCOMPARE(request("DELETE", QStringLiteral("/messages/%1").arg(parentId)).status, 404);
    QCOMPARE(get(QStringLiteral("/messages/%1").arg(messageId)).json.value(QLatin1String("data")).toObject()
                 .value(QLatin1String("parent_id")).toInteger(), parentId);
    QCOMPARE(request("PATCH", QStringLiteral("/messages/%1").arg(parentId), R"({"content":"x"})").status, 404);
}

void tst_ForumSim::writeValidation_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    const QString existingEmail = m_sql->value(QStringLiteral("SELECT email FROM users WHERE id = 7")).toString();
    const qint64 otherTopicMessage = m_sql->value(QStringLiteral("SELECT id FROM messages WHERE topic_id <> 1 LIMIT 1")).toLongLong();

    QTest::newRow("user without name") << QByteArray("POST") << "/users" << QByteArray(R"({"email":"a@b.example"})") << "name";
    QTest::newRow("user without email") << QByteArray("POST") << "/users" << QByteArray(R"({"name":"A"})") << "email";
    QTest::newRow("user email taken, other case")
        << QByteArray("POST") << "/users"
        << QJsonDocument(QJsonObject{{"name", "Copy"}, {"email", QStringLiteral(" %1 ").arg(existingEmail.toUpper())}}).toJson()
        << "email";
    QTest::newRow("user email invalid") << QByteArray("POST") << "/users" << QByteArray(R"({"name":"A","email":"nobody"})") << "email";
    QTest::newRow("user name not a string") << QByteArray("POST") << "/users" << QByteArray(R"({"name":5,"email":"n@x.example"})") << "name";
    QTest::newRow("section without title") << QByteArray("POST") << "/sections" << QByteArray(R"({"title":"  "})") << "title";
    QTest::newRow("topic in missing section")
        << QByteArray("POST") << "/topics" << QByteArray(R"({"section_id":99999,"user_id":1,"title":"t"})") << "section_id";
    QTest::newRow("topic by missing user")
        << QByteArray("POST") << "/topics" << QByteArray(R"({"section_id":1,"user_id":99999,"title":"t"})") << "user_id";
    QTest::newRow("topic section id not integer")
        << QByteArray("POST") << "/topics" << QByteArray(R"({"section_id":1.5,"user_id":1,"title":"t"})") << "section_id";
    QTest::newRow("message parent in other topic")
        << QByteArray("POST") << "/messages"
        << QByteArray(R"({"topic_id":1,"user_id":1,"content":"c","parent_id":)" + QByteArray::number(otherTopicMessage) + "}")
        << "parent_id";
    QTest::newRow("message missing parent")
        << QByteArray("POST") << "/messages" << QByteArray(R"({"topic_id":1,"user_id":1,"content":"c","parent_id":99999})") << "parent_id";
    QTest::newRow("message in missing topic")
        << QByteArray("POST") << "/messages" << QByteArray(R"({"topic_id":987654,"user_id":1,"content":"c"})") << "topic_id";
    QTest::newRow("message user id a word")
        << QByteArray("POST") << "/messages" << QByteArray(R"({"topic_id":1,"user_id":"one","content":"c"})") << "user_id";
    QTest::newRow("message content a number")
        << QByteArray("POST") << "/messages" << QByteArray(R"({"topic_id":1,"user_id":1,"content":42})") << "content";
    QTest::newRow("message without content")
        << QByteArray("POST") << "/messages" << QByteArray(R"({"topic_id":1,"user_id":1})") << "content";
    QTest::newRow("patch email to a taken one")
        << QByteArray("PATCH") << "/users/8"
        << QJsonDocument(QJsonObject{{"email", existingEmail}}).toJson() << "email";
    QTest::newRow("patch topic to a missing section")
        << QByteArray("PATCH") << "/topics/4" << QByteArray(R"({"section_id":123456})") << "section_id";
    QTest::newRow("patch verified_at garbage")
        << QByteArray("PATCH") << "/users/8" << QByteArray(R"({"email_verified_at":"soon"})") << "email_verified_at";
}

void tst_ForumSim::writeValidation()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const QByteArray before = m_sql->contentHash();
    const Reply r = request(method, path, body);
    QCOMPARE(r.status, 422);
    // Laravel's shape: a message, and per field a list of messages.
    QVERIFY2(!r.json.value(QLatin1String("message")).toString().isEmpty(), r.body.constData());
    const QJsonArray messages = r.json.value(QLatin1String("errors")).toObject().value(field).toArray();
    QVERIFY2(!messages.isEmpty() && messages.first().isString(), r.body.constData());
    // Refused means nothing written.
    QCOMPARE(m_sql->contentHash(), before);
}

// If-Unmodified-Since (forum-api.md, "Conditional writes"): a write against the updated_at the
// API sent goes through; against an older one it answers 412 with the current record and
// writes nothing.
void tst_ForumSim::conditionalWrites()
{
    const QJsonObject original = get(QStringLiteral("/topics/5")).json.value(QLatin1String("data")).toObject();
    const QByteArray seen = original.value(QLatin1String("updated_at")).toString().toLatin1();
    QVERIFY(!seen.isEmpty());

    const Reply patched = send("PATCH", QStringLiteral("/topics/5"), R"({"title":"Conditional one"})",
                               {{"If-Unmodified-Since", seen}});
    QCOMPARE(patched.status, 200);
    const QJsonObject current = patched.json.value(QLatin1String("data")).toObject();
    QCOMPARE(current.value(QLatin1String("title")).toString(), QStringLiteral("Conditional one"));
    QVERIFY(current.value(QLatin1String("updated_at")).toString().toLatin1() > seen);

    // The same precondition again is stale now: 412, the current record, nothing changed.
    const QByteArray before = m_sql->contentHash();
    const Reply stale = send("PATCH", QStringLiteral("/topics/5"), R"({"title":"Conditional two"})",
                             {{"If-Unmodified-Since", seen}});
    QCOMPARE(stale.status, 412);
    QCOMPARE(stale.json.value(QLatin1String("message")).toString(), QStringLiteral("The record changed."));
    QCOMPARE(stale.json.value(QLatin1String("data")).toObject(), current);
    QCOMPARE(keysOf(stale.json), QSet<QString>({QStringLiteral("message"), QStringLiteral("data")}));
    QCOMPARE(m_sql->value(QStringLiteral("SELECT title FROM topics WHERE id = 5")).toString(), QStringLiteral("Conditional one"));
    QCOMPARE(apiTime(m_sql->value(QStringLiteral("SELECT updated_at FROM topics WHERE id = 5")).toString()),
             current.value(QLatin1String("updated_at")).toString().toLatin1());
    // The precondition is checked before the body: a stale writer learns that first.
    QCOMPARE(send("PATCH", QStringLiteral("/topics/5"), R"({"section_id":999999})", {{"If-Unmodified-Since", seen}}).status, 412);
    QCOMPARE(send("PUT", QStringLiteral("/topics/5"), R"({"title":"Put"})", {{"If-Unmodified-Since", seen}}).status, 412);

    const Reply staleDelete = send("DELETE", QStringLiteral("/topics/5"), {}, {{"If-Unmodified-Since", seen}});
    QCOMPARE(staleDelete.status, 412);
    QCOMPARE(staleDelete.json.value(QLatin1String("data")).toObject(), current);
    QCOMPARE(m_sql->contentHash(), before);

    // With the updated_at the API sent last, the delete goes through.
    const QByteArray now = current.value(QLatin1String("updated_at")).toString().toLatin1();
    const Reply deleted = send("DELETE", QStringLiteral("/topics/5"), {}, {{"If-Unmodified-Since", now}});
    QCOMPARE(deleted.status, 204);
    QCOMPARE(m_sql->value(QStringLiteral("SELECT count(*) FROM topics WHERE id = 5")).toInt(), 0);
    // Gone is gone, precondition or not.
    QCOMPARE(send("DELETE", QStringLiteral("/topics/5"), {}, {{"If-Unmodified-Since", now}}).status, 404);
    QCOMPARE(send("PATCH", QStringLiteral("/topics/5"), R"({"title":"x"})", {{"If-Unmodified-Since", now}}).status, 404);

    // A change made beside the API (another writer on the database) is caught as well.
    const QByteArray six = get(QStringLiteral("/topics/6")).json.value(QLatin1String("data")).toObject()
                               .value(QLatin1String("updated_at")).toString().toLatin1();
    m_sql->value(QStringLiteral("UPDATE topics SET title = ?, updated_at = ? WHERE id = 6"),
                 {QStringLiteral("Changed beside"), QStringLiteral("2031-01-02 03:04:05.000006")});
    const Reply beside = send("PATCH", QStringLiteral("/topics/6"), R"({"title":"Mine"})", {{"If-Unmodified-Since", six}});
    QCOMPARE(beside.status, 412);
    QCOMPARE(beside.json.value(QLatin1String("data")).toObject().value(QLatin1String("title")).toString(), QStringLiteral("Changed beside"));
    QCOMPARE(beside.json.value(QLatin1String("data")).toObject().value(QLatin1String("updated_at")).toString(),
             QStringLiteral("2031-01-02T03:04:05.000006Z"));
    QCOMPARE(m_sql->value(QStringLiteral("SELECT title FROM topics WHERE id = 6")).toString(), QStringLiteral("Changed beside"));

    // Without the header, writes stay unconditional.
    QCOMPARE(request("PATCH", QStringLiteral("/topics/6"), R"({"title":"Unconditional"})").status, 200);
}

void tst_ForumSim::conditionalHeaderMalformed_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("value");
    const QList<QPair<const char *, QByteArray>> values{
        {"word", "yesterday"},
        {"HTTP-date", "Sat, 21 Nov 2026 10:15:30 GMT"},
        {"no microseconds", "2026-11-21T10:15:30Z"},
        {"database form", "2026-11-21 10:15:30.123456"},
        {"offset instead of Z", "2026-11-21T10:15:30.123456+00:00"},
        {"no such month", "2026-13-21T10:15:30.123456Z"},
    };
    for (const char *method : {"PATCH", "DELETE"}) {
        for (const auto &v : values)
            QTest::addRow("%s %s", method, v.first) << QByteArray(method) << v.second;
    }
}

void tst_ForumSim::conditionalHeaderMalformed()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, value);
    const QByteArray before = m_sql->contentHash();
    const Reply r = send(method, QStringLiteral("/sections/3"), method == "PATCH" ? QByteArray(R"({"title":"Never"})") : QByteArray(),
                         {{"If-Unmodified-Since", value}});
    QCOMPARE(r.status, 400);
    QVERIFY2(r.json.value(QLatin1String("message")).toString().contains(QLatin1String("If-Unmodified-Since")), r.body.constData());
    QCOMPARE(m_sql->contentHash(), before);
}

// Idempotency-Key (forum-api.md, "Idempotent creates"): a retry answers the first 201 again,
// kept in the forum's database, so also after a restart; another body under the key is refused.
void tst_ForumSim::idempotentCreate()
{
    const QByteArray body = R"({"topic_id":7,"user_id":3,"content":"Idempotent hello"})";
    const QByteArray sameBodyOtherwise = R"({ "content" : "Idempotent hello", "user_id": 3, "topic_id": 7 })";
    const qint64 messagesBefore = m_sql->value(QStringLiteral("SELECT count(*) FROM messages")).toLongLong();
    auto copies = [this] {
        return m_sql->value(QStringLiteral("SELECT count(*) FROM messages WHERE content = ?"), {QStringLiteral("Idempotent hello")}).toInt();
    };

    const Reply first = send("POST", QStringLiteral("/messages"), body, {{"Idempotency-Key", "op-7f3a-1"}});
    QCOMPARE(first.status, 201);
    QVERIFY(!first.headers.contains("idempotent-replayed"));
    const qint64 id = first.json.value(QLatin1String("data")).toObject().value(QLatin1String("id")).toInteger();
    QVERIFY(id > 0);
    QCOMPARE(copies(), 1);

    const Reply again = send("POST", QStringLiteral("/messages"), sameBodyOtherwise, {{"Idempotency-Key", "op-7f3a-1"}});
    QCOMPARE(again.status, 201);
    QCOMPARE(again.body, first.body);
    QCOMPARE(again.headers.value("idempotent-replayed"), QByteArray("true"));
    QCOMPARE(copies(), 1);

    // The first answer, as it was: a later edit of the record does not change the replay.
    QCOMPARE(request("PATCH", QStringLiteral("/messages/%1").arg(id), R"({"content":"Idempotent hello"})").status, 200);

    // Another request under the same key is refused, with nothing written.
    const QByteArray before = m_sql->contentHash();
    const Reply other = send("POST", QStringLiteral("/messages"), R"({"topic_id":7,"user_id":3,"content":"Something else"})",
                             {{"Idempotency-Key", "op-7f3a-1"}});
    QCOMPARE(other.status, 422);
    QVERIFY2(other.json.value(QLatin1String("errors")).toObject().contains(QLatin1String("Idempotency-Key")), other.body.constData());
    const Reply otherCollection = send("POST", QStringLiteral("/sections"), R"({"title":"Idempotent hello"})",
                                       {{"Idempotency-Key", "op-7f3a-1"}});
    QCOMPARE(otherCollection.status, 422);
    QCOMPARE(m_sql->contentHash(), before);

    // Kept in the forum's database: a restarted forum answers the retry the same way.
    QCOMPARE(m_sql->value(QStringLiteral("SELECT status FROM idempotency_keys WHERE idempotency_key = ?"), {QStringLiteral("op-7f3a-1")}).toInt(), 201);
    restartSim();
    const Reply afterRestart = send("POST", QStringLiteral("/messages"), body, {{"Idempotency-Key", "op-7f3a-1"}});
    QCOMPARE(afterRestart.status, 201);
    QCOMPARE(afterRestart.body, first.body);
    QCOMPARE(afterRestart.headers.value("idempotent-replayed"), QByteArray("true"));
    QCOMPARE(copies(), 1);
    QCOMPARE(m_sql->value(QStringLiteral("SELECT count(*) FROM messages")).toLongLong(), messagesBefore + 1);

    // A replay comes before validation: the retried user create would otherwise find its own
    // e-mail taken.
    const QByteArray user = R"({"name":"Idem Potent","email":"idem.potent@new.example"})";
    const Reply created = send("POST", QStringLiteral("/users"), user, {{"Idempotency-Key", "user-op-1"}});
    QCOMPARE(created.status, 201);
    const Reply retried = send("POST", QStringLiteral("/users"), user, {{"Idempotency-Key", "user-op-1"}});
    QCOMPARE(retried.status, 201);
    QCOMPARE(retried.body, created.body);
    QCOMPARE(request("POST", QStringLiteral("/users"), user).status, 422);
    QCOMPARE(m_sql->value(QStringLiteral("SELECT count(*) FROM users WHERE email = ?"), {QStringLiteral("idem.potent@new.example")}).toInt(), 1);

    // A refused create keeps no answer: the corrected retry under the same key creates.
    const Reply refused = send("POST", QStringLiteral("/sections"), R"({"title":"  "})", {{"Idempotency-Key", "section-op-1"}});
    QCOMPARE(refused.status, 422);
    QCOMPARE(m_sql->value(QStringLiteral("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?"), {QStringLiteral("section-op-1")}).toInt(), 0);
    const Reply corrected = send("POST", QStringLiteral("/sections"), R"({"title":"Idempotent section"})", {{"Idempotency-Key", "section-op-1"}});
    QCOMPARE(corrected.status, 201);
    QVERIFY(!corrected.headers.contains("idempotent-replayed"));
    QCOMPARE(m_sql->value(QStringLiteral("SELECT count(*) FROM sections WHERE title = ?"), {QStringLiteral("Idempotent section")}).toInt(), 1);
}

void tst_ForumSim::idempotencyKeyMalformed()
{
    const QByteArray before = m_sql->contentHash();
    const Reply tooLong = send("POST", QStringLiteral("/sections"), R"({"title":"Long key"})",
                               {{"Idempotency-Key", QByteArray(201, 'k')}});
    QCOMPARE(tooLong.status, 400);
    QVERIFY2(tooLong.json.value(QLatin1String("message")).toString().contains(QLatin1String("Idempotency-Key")), tooLong.body.constData());
    QCOMPARE(m_sql->contentHash(), before);
    // 200 characters is still a key.
    const Reply longest = send("POST", QStringLiteral("/sections"), R"({"title":"Longest key"})",
                               {{"Idempotency-Key", QByteArray(200, 'k')}});
    QCOMPARE(longest.status, 201);
}

// X-Forum-Client is echoed by webhooks (tst_forumwebhooks); one that cannot be echoed is refused.
void tst_ForumSim::clientHeaderMalformed()
{
    const QByteArray before = m_sql->contentHash();
    const Reply r = send("PATCH", QStringLiteral("/sections/4"), R"({"title":"Never"})",
                         {{"X-Forum-Client", QByteArray(201, 'c')}});
    QCOMPARE(r.status, 400);
    QVERIFY2(r.json.value(QLatin1String("message")).toString().contains(QLatin1String("X-Forum-Client")), r.body.constData());
    QCOMPARE(m_sql->contentHash(), before);
    QCOMPARE(send("PATCH", QStringLiteral("/sections/4"), R"({"title":"From Tributary"})",
                  {{"X-Forum-Client", "tributary"}}).status, 200);
}

// The options that break the API's contract on purpose (for demonstrations of what a sync
// notices): a silent page cap, an ignored change filter, a credential quoted back.
void tst_ForumSim::contractBreaches()
{
    ForumSimOptions o;
    o.dbPath = m_dbPath;
    o.token = kToken;
    o.maxPerPage = 20;
    o.ignoreSince = true;
    o.echoAuth = true;
    ForumSimThread sim;
    QString error;
    QVERIFY2(sim.start(o, &error), qPrintable(error));
    const qint64 total = m_sql->value(QStringLiteral("SELECT count(*) FROM messages")).toLongLong();
    const Reply paged = request("GET", QStringLiteral("/messages?per_page=100&page=2&sort=id"), {}, kToken, sim.baseUrl());
    QCOMPARE(paged.status, 200);
    QCOMPARE(paged.json.value(QLatin1String("data")).toArray().size(), 20);
    QCOMPARE(paged.json.value(QLatin1String("data")).toArray().first().toObject().value(QLatin1String("id")).toInteger(),
             m_sql->value(QStringLiteral("SELECT id FROM messages ORDER BY id LIMIT 1 OFFSET 20")).toLongLong());
    QCOMPARE(paged.json.value(QLatin1String("meta")).toObject().value(QLatin1String("per_page")).toInt(), 20);
    const Reply filtered = request("GET", QStringLiteral("/messages?updated_since=2999-01-01T00:00:00Z&per_page=5"), {}, kToken, sim.baseUrl());
    QCOMPARE(filtered.status, 200);
    QCOMPARE(filtered.json.value(QLatin1String("meta")).toObject().value(QLatin1String("total")).toInteger(), total);
    const Reply refused = request("GET", QStringLiteral("/users"), {}, QStringLiteral("not-the-token-42"), sim.baseUrl());
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.json.value(QLatin1String("message")).toString(), QStringLiteral("Unauthenticated. Received Authorization: Bearer not-the-token-42"));
}

void tst_ForumSim::faults()
{
    // Every GET fails: a 5xx, sometimes without a body; writes are never faulted.
    {
        ForumSimOptions o;
        o.dbPath = m_dbPath;
        o.faults.errorRate = 1.0;
        o.seed = 9;
        ForumSimThread sim;
        QString error;
        QVERIFY2(sim.start(o, &error), qPrintable(error));
        QSet<int> statuses;
        for (int i = 0; i < 12; ++i)
            statuses.insert(request("GET", QStringLiteral("/users"), {}, {}, sim.baseUrl()).status);
        QVERIFY(statuses.contains(500) || statuses.contains(502) || statuses.contains(503));
        QVERIFY(QSet<int>({500, 502, 503}).contains(statuses));
        QCOMPARE(request("DELETE", QStringLiteral("/users/987654"), {}, {}, sim.baseUrl()).status, 404);
    }
    // A rate limit of 2 per second: the third immediate request is refused with Retry-After.
    {
        ForumSimOptions o;
        o.dbPath = m_dbPath;
        o.faults.rateLimit = 2;
        ForumSimThread sim;
        QString error;
        QVERIFY2(sim.start(o, &error), qPrintable(error));
        QList<Reply> replies;
        for (int i = 0; i < 3; ++i)
            replies << request("GET", QStringLiteral("/sections"), {}, {}, sim.baseUrl());
        QCOMPARE(replies.at(0).status, 200);
        QCOMPARE(replies.at(0).headers.value("x-ratelimit-limit"), QByteArray("2"));
        QCOMPARE(replies.at(2).status, 429);
        QVERIFY(replies.at(2).headers.value("retry-after").toInt() >= 1);
        QCOMPARE(replies.at(2).headers.value("x-ratelimit-remaining"), QByteArray("0"));
    }
    // Malformed bodies: either not JSON or cut short.
    {
        ForumSimOptions o;
        o.dbPath = m_dbPath;
        o.faults.malformedRate = 1.0;
        o.faults.latencyMs = 20;
        ForumSimThread sim;
        QString error;
        QVERIFY2(sim.start(o, &error), qPrintable(error));
        for (int i = 0; i < 6; ++i) {
            const Reply r = request("GET", QStringLiteral("/sections"), {}, {}, sim.baseUrl());
            QJsonParseError parseError;
            QJsonDocument::fromJson(r.body, &parseError);
            QVERIFY(r.error != QNetworkReply::NoError || parseError.error != QJsonParseError::NoError);
        }
    }
    // Hangs: no answer at all; the client's own timeout ends the wait.
    {
        ForumSimOptions o;
        o.dbPath = m_dbPath;
        o.faults.hangRate = 1.0;
        ForumSimThread sim;
        QString error;
        QVERIFY2(sim.start(o, &error), qPrintable(error));
        QNetworkRequest req(QUrl(sim.baseUrl().toString() + QStringLiteral("/users/1")));
        req.setTransferTimeout(300);
        QNetworkReply *reply = m_nam.get(req);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);
        reply->deleteLater();
    }
}

void tst_ForumSim::generatorIsDeterministic()
{
    auto make = [this](const QString &name, quint64 seed, QByteArray *hash) {
        ForumGeneratorOptions g;
        g.users = 2000;
        g.sections = 45;
        g.topics = 300;
        g.messages = 3000;
        g.seed = seed;
        const QString path = m_dir.filePath(name);
        ForumGenerator generator(g);
        QString error;
        QVERIFY2(generator.generate(path, &error), qPrintable(error));
        QCOMPARE(generator.summary().messages, 3000);
        *hash = Sql(path).contentHash();
    };
    QByteArray a, b, c;
    make(QStringLiteral("a.sqlite"), 1234, &a);
    make(QStringLiteral("b.sqlite"), 1234, &b);
    make(QStringLiteral("c.sqlite"), 1235, &c);
    QCOMPARE(a, b);
    QVERIFY(a != c);

    // Different seeds still share some e-mails and section titles (matching needs both).
    Sql sa(m_dir.filePath(QStringLiteral("a.sqlite")));
    sa.value(QStringLiteral("ATTACH DATABASE ? AS other"), {m_dir.filePath(QStringLiteral("c.sqlite"))});
    const qint64 sharedEmails = sa.value(QStringLiteral(
        "SELECT count(*) FROM users u JOIN other.users o ON lower(o.email) = lower(u.email)")).toLongLong();
    QVERIFY2(sharedEmails > 0 && sharedEmails < 400, qPrintable(QString::number(sharedEmails)));
    const qint64 sharedTitles = sa.value(QStringLiteral(
        "SELECT count(*) FROM sections s JOIN other.sections o ON lower(trim(o.title)) = lower(trim(s.title))")).toLongLong();
    QVERIFY(sharedTitles > 10);

    // A generated database refuses to be overwritten unless asked.
    ForumGenerator again(ForumGeneratorOptions{});
    QString error;
    QVERIFY(!again.generate(m_dir.filePath(QStringLiteral("a.sqlite")), &error));
    QVERIFY(error.contains(QLatin1String("exists")));
}

void tst_ForumSim::generatorData()
{
    ForumGeneratorOptions g;
    g.users = 3000;
    g.sections = 40;
    g.topics = 500;
    g.messages = 20000;
    g.seed = 77;
    const QString path = m_dir.filePath(QStringLiteral("data.sqlite"));
    ForumGenerator generator(g);
    QString error;
    QVERIFY2(generator.generate(path, &error), qPrintable(error));
    Sql sql(path);
    auto count = [&sql](const char *query) { return sql.value(QString::fromLatin1(query)).toLongLong(); };

    // Replies: about 40%, always to an earlier message of the same topic, several levels deep.
    QCOMPARE(count("SELECT count(*) FROM messages m JOIN messages p ON p.id = m.parent_id WHERE p.topic_id <> m.topic_id OR p.id >= m.id"), 0);
    QCOMPARE(count("SELECT count(*) FROM messages m LEFT JOIN messages p ON p.id = m.parent_id WHERE m.parent_id IS NOT NULL AND p.id IS NULL"), 0);
    const double replyShare = count("SELECT count(parent_id) FROM messages") / 20000.0;
    QVERIFY2(replyShare > 0.3 && replyShare < 0.45, qPrintable(QString::number(replyShare)));
    QVERIFY(count("WITH RECURSIVE d(id, depth) AS (SELECT id, 0 FROM messages WHERE parent_id IS NULL "
                  "UNION ALL SELECT m.id, d.depth + 1 FROM messages m JOIN d ON m.parent_id = d.id) "
                  "SELECT max(depth) FROM d") >= 4);
    // References name existing rows.
    QCOMPARE(count("SELECT count(*) FROM topics WHERE section_id NOT IN (SELECT id FROM sections) OR user_id NOT IN (SELECT id FROM users)"), 0);
    QCOMPARE(count("SELECT count(*) FROM messages WHERE topic_id NOT IN (SELECT id FROM topics) OR user_id NOT IN (SELECT id FROM users)"), 0);
    // Timestamps: six fraction digits, updated_at >= created_at, spread over months.
    for (const char *table : {"users", "sections", "topics", "messages"}) {
        QCOMPARE(sql.value(QStringLiteral("SELECT count(*) FROM %1 WHERE updated_at < created_at OR length(updated_at) <> 26 "
                                          "OR length(created_at) <> 26").arg(QLatin1String(table))).toLongLong(), 0);
    }
    QVERIFY(count("SELECT julianday(max(updated_at)) - julianday(min(created_at)) FROM messages") > 90);
    // Bursts of records sharing one updated_at (bulk edits): about 5%.
    const qint64 inBursts = count("SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM messages GROUP BY updated_at HAVING n >= 50)");
    QVERIFY2(inBursts >= 20000 / 50 && inBursts < 20000 / 5, qPrintable(QString::number(inBursts)));
    // E-mails: unique ignoring case, about one in ten with capitals.
    QCOMPARE(count("SELECT count(DISTINCT lower(email)) FROM users"), 3000);
    const qint64 capitals = count("SELECT count(*) FROM users WHERE email <> lower(email)");
    QVERIFY2(capitals > 150 && capitals < 500, qPrintable(QString::number(capitals)));
    QCOMPARE(count("SELECT count(*) FROM users WHERE password NOT LIKE '$2y$10$%' OR length(password) <> 60"), 0);
}

void tst_ForumSim::httpKeepAlive()
{
    int calls = 0;
    HttpServer server([&calls](const HttpRequest &r) {
        ++calls;
        return HttpResponse::json(200, "{\"n\":" + QByteArray::number(calls) + ",\"path\":\"" + r.path.toUtf8() + "\"}");
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(socket.waitForConnected(5000));
    QByteArray buffer, head, body;
    socket.write("GET /one HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(readResponse(socket, buffer, &head, &body));
    QVERIFY(head.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(head.contains("\r\nContent-Type: application/json"));
    QVERIFY(head.contains("\r\nDate: "));
    QVERIFY(!head.contains("Connection: close"));
    QCOMPARE(body, QByteArray(R"({"n":1,"path":"/one"})"));
    // Same connection, second request.
    socket.write("GET /two HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(readResponse(socket, buffer, &head, &body));
    QCOMPARE(body, QByteArray(R"({"n":2,"path":"/two"})"));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    // Connection: close is honoured.
    socket.write("GET /three HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QVERIFY(readResponse(socket, buffer, &head, &body));
    QVERIFY(head.contains("\r\nConnection: close"));
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);

    // The Date header is the server clock in IMF-fixdate.
    const QRegularExpression date(QStringLiteral("\r\nDate: (\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2}) GMT"));
    const auto m = date.match(QString::fromLatin1(head));
    QVERIFY(m.hasMatch());
    const QDateTime t = QLocale::c().toDateTime(m.captured(1), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    QVERIFY(t.isValid());
    QVERIFY(qAbs(QDateTime(t.date(), t.time(), Qt::UTC).secsTo(QDateTime::currentDateTimeUtc())) < 5);
}

void tst_ForumSim::httpPipelinedOrderWithDelay()
{
    HttpServer server([](const HttpRequest &r) {
        HttpResponse response = HttpResponse::text(200, r.path.toUtf8());
        if (r.path == QLatin1String("/slow"))
            response.delayMs = 150;
        return response;
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(socket.waitForConnected(5000));
    // Three requests in one write: the delayed first answer still comes first.
    socket.write("GET /slow HTTP/1.1\r\n\r\nGET /fast HTTP/1.1\r\n\r\nPOST /body HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
    QByteArray buffer, head, body;
    QVERIFY(readResponse(socket, buffer, &head, &body));
    QCOMPARE(body, QByteArray("/slow"));
    QVERIFY(readResponse(socket, buffer, &head, &body));
    QCOMPARE(body, QByteArray("/fast"));
    QVERIFY(readResponse(socket, buffer, &head, &body));
    QCOMPARE(body, QByteArray("/body"));
}

void tst_ForumSim::httpRejects_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");
    QTest::newRow("malformed request line") << QByteArray("GARBAGE\r\n\r\n") << 400;
    QTest::newRow("too many spaces") << QByteArray("GET / x HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nnocolon\r\n\r\n") << 400;
    QTest::newRow("bad content length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n") << 400;
    QTest::newRow("chunked body") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n") << 411;
    QTest::newRow("header flood") << QByteArray("GET / HTTP/1.1\r\n") + QByteArray("X-Flood: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n").repeated(2000) << 400;
    QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
}

void tst_ForumSim::httpRejects()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    int calls = 0;
    HttpServer server([&calls](const HttpRequest &) {
        ++calls;
        return HttpResponse::text(200, "ok");
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(raw);
    QByteArray buffer, head, body;
    QVERIFY(readResponse(socket, buffer, &head, &body));
    QVERIFY2(head.startsWith("HTTP/1.1 " + QByteArray::number(status) + ' '), head.constData());
    QVERIFY(head.contains("Connection: close"));
    QCOMPARE(calls, 0);
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
}

void tst_ForumSim::httpOversizedBody()
{
    int calls = 0;
    HttpServer server([&calls](const HttpRequest &) {
        ++calls;
        return HttpResponse::text(200, "ok");
    });
    server.setMaxBodyBytes(1024);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(socket.waitForConnected(5000));
    // Announces 50 MB, sends a little: the answer comes at once, without reading the rest.
    socket.write("POST /upload HTTP/1.1\r\nContent-Length: 50000000\r\n\r\n" + QByteArray(4096, 'x'));
    QByteArray buffer, head, body;
    QVERIFY(readResponse(socket, buffer, &head, &body));
    QVERIFY2(head.startsWith("HTTP/1.1 413 "), head.constData());
    QVERIFY(head.contains("Connection: close"));
    QCOMPARE(calls, 0);
    socket.disconnectFromHost();

    // Exactly at the limit is fine.
    QTcpSocket ok;
    ok.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(ok.waitForConnected(5000));
    ok.write("POST /upload HTTP/1.1\r\nContent-Length: 1024\r\n\r\n" + QByteArray(1024, 'y'));
    buffer.clear();
    QVERIFY(readResponse(ok, buffer, &head, &body));
    QVERIFY(head.startsWith("HTTP/1.1 200 "));
    QCOMPARE(calls, 1);
}

void tst_ForumSim::httpDecodesPathAndQuery()
{
    HttpRequest seen;
    HttpServer server([&seen](const HttpRequest &r) {
        seen = r;
        return HttpResponse::text(200, "ok");
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /a%20b/%C3%A9?since=2026-01-01T00%3A00%3A00%2B00%3A00&x=%26y&empty= HTTP/1.1\r\n"
                 "X-Mixed-Case: Value\r\n\r\n");
    QByteArray buffer, head, body;
    QVERIFY(readResponse(socket, buffer, &head, &body));
    QCOMPARE(seen.method, QByteArray("GET"));
    QCOMPARE(seen.path, QStringLiteral("/a b/é"));
    QCOMPARE(seen.query.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded), QStringLiteral("2026-01-01T00:00:00+00:00"));
    QCOMPARE(seen.query.queryItemValue(QStringLiteral("x"), QUrl::FullyDecoded), QStringLiteral("&y"));
    QVERIFY(seen.query.hasQueryItem(QStringLiteral("empty")));
    QCOMPARE(seen.header("x-mixed-case"), QByteArray("Value"));
    QVERIFY(seen.target.startsWith("/a%20b/"));
}

void tst_ForumSim::httpIdleTimeoutAndTruncate()
{
    HttpServer server([](const HttpRequest &r) {
        HttpResponse response = HttpResponse::text(200, "0123456789");
        response.truncate = r.path == QLatin1String("/truncate");
        response.hang = r.path == QLatin1String("/hang");
        return response;
    });
    server.setIdleTimeoutMs(200);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    // Announces ten bytes, sends five, closes.
    QTcpSocket cut;
    cut.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(cut.waitForConnected(5000));
    cut.write("GET /truncate HTTP/1.1\r\n\r\n");
    QTRY_COMPARE(cut.state(), QAbstractSocket::UnconnectedState);
    const QByteArray raw = cut.readAll();
    QVERIFY(raw.contains("Content-Length: 10\r\n"));
    QVERIFY(raw.endsWith("\r\n\r\n01234"));

    // A hung request is never answered; the idle timeout ends the connection.
    QTcpSocket hung;
    hung.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(hung.waitForConnected(5000));
    hung.write("GET /hang HTTP/1.1\r\n\r\n");
    QTRY_COMPARE(hung.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(hung.readAll().isEmpty());

    // An idle connection is closed too.
    QTcpSocket idle;
    idle.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(idle.waitForConnected(5000));
    QTRY_COMPARE(idle.state(), QAbstractSocket::UnconnectedState);
}

QTEST_GUILESS_MAIN(tst_ForumSim)
#include "tst_forumsim.moc"
