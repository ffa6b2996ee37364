// forum-sim's webhooks (forum-api.md, "Webhooks"): one signed notification per create, edit and
// delete, from the API and from churn; seeded drops and duplicates; a receiver that is down.
#include "net/HttpServer.h"
#include "forum-sim/ForumGenerator.h"
#include "forum-sim/ForumSimThread.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tributary;

namespace {

const QString kToken = QStringLiteral("hook-token");
const QByteArray kSecret = QByteArrayLiteral("whsec-test-42");

struct Notification
{
    QString path;
    QByteArray body;
    QJsonObject event;
    QByteArray timestamp;
    QByteArray signature;
    QByteArray contentType;
};

} // namespace

class tst_ForumWebhooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void oneNotificationPerChange();
    void everyUrlIsNotified();
    void dropAll();
    void duplicateAll();
    void dropsReplayWithTheSeed();
    void receiverDown();
    void clientOriginIsEchoed();
    // Last: churn's notifications still in flight when it stops may reach the receiver later.
    void churnNotifies();

private:
    void startSim(double drop = 0, double dup = 0, quint64 seed = 1, int churn = 0,
                  const QList<QUrl> &urls = {});
    int call(const QByteArray &verb, const QString &path, const QJsonObject &body = {}, QJsonObject *data = nullptr,
             const QList<QPair<QByteArray, QByteArray>> &headers = {});
    QUrl receiverUrl(const QString &path = QStringLiteral("/hook")) const;
    // Checks what every notification must satisfy: method, headers, signature, shape.
    void checkNotification(const Notification &n);

    QTemporaryDir m_dir;
    QString m_dbPath;
    std::unique_ptr<HttpServer> m_receiver;
    QList<Notification> m_received;
    ForumSimThread m_sim;
    QNetworkAccessManager m_nam;
};

void tst_ForumWebhooks::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dbPath = m_dir.filePath(QStringLiteral("forum.sqlite"));
    ForumGeneratorOptions g;
    g.users = 40;
    g.sections = 4;
    g.topics = 30;
    g.messages = 400;
    g.seed = 7;
    ForumGenerator generator(g);
    QString error;
    QVERIFY2(generator.generate(m_dbPath, &error), qPrintable(error));

    m_receiver = std::make_unique<HttpServer>([this](const HttpRequest &request) {
        Notification n;
        n.path = request.method == "POST" ? request.path : QStringLiteral("!") + QString::fromLatin1(request.method);
        n.body = request.body;
        n.event = QJsonDocument::fromJson(request.body).object();
        n.timestamp = request.header("x-forum-timestamp");
        n.signature = request.header("x-forum-signature");
        n.contentType = request.header("content-type");
        m_received.append(n);
        return HttpResponse::text(200, "ok");
    });
    QVERIFY(m_receiver->listen(QHostAddress::LocalHost, 0));
}

void tst_ForumWebhooks::init()
{
    m_received.clear();
}

void tst_ForumWebhooks::cleanup()
{
    m_sim.stop();
}

QUrl tst_ForumWebhooks::receiverUrl(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_receiver->port()).arg(path));
}

void tst_ForumWebhooks::startSim(double drop, double dup, quint64 seed, int churn, const QList<QUrl> &urls)
{
    ForumSimOptions o;
    o.dbPath = m_dbPath;
    o.token = kToken;
    o.seed = seed;
    o.churn = churn;
    o.webhookUrls = urls.isEmpty() ? QList<QUrl>{receiverUrl()} : urls;
    o.webhookSecret = kSecret;
    o.webhookDropRate = drop;
    o.webhookDuplicateRate = dup;
    QString error;
    QVERIFY2(m_sim.start(o, &error), qPrintable(error));
}

int tst_ForumWebhooks::call(const QByteArray &verb, const QString &path, const QJsonObject &body, QJsonObject *data,
                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest req(QUrl(m_sim.baseUrl().toString() + path));
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    req.setRawHeader("Authorization", "Bearer " + kToken.toUtf8());
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    req.setTransferTimeout(10000);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, verb, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(15000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (data)
        *data = QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("data")).toObject();
    reply->deleteLater();
    return status;
}

void tst_ForumWebhooks::checkNotification(const Notification &n)
{
    QVERIFY2(!n.path.startsWith(QLatin1Char('!')), qPrintable(n.path));
    QCOMPARE(n.contentType, QByteArray("application/json"));
    // The signature covers the timestamp and the raw body.
    const QByteArray expected =
        "sha256=" + QMessageAuthenticationCode::hash(n.timestamp + '.' + n.body, kSecret, QCryptographicHash::Sha256).toHex();
    QCOMPARE(n.signature, expected);
    bool ok = false;
    const qint64 ts = n.timestamp.toLongLong(&ok);
    QVERIFY(ok);
    QVERIFY2(qAbs(QDateTime::currentSecsSinceEpoch() - ts) <= 5, n.timestamp.constData());

    const QJsonObject &e = n.event;
    QVERIFY2(e.value(QLatin1String("id")).toString().startsWith(QLatin1String("evt_")), n.body.constData());
    static const QRegularExpression type(QStringLiteral("^(message|topic|user|section)\\.(created|updated|deleted)$"));
    QVERIFY2(type.match(e.value(QLatin1String("type")).toString()).hasMatch(), n.body.constData());
    QCOMPARE(e.value(QLatin1String("entity")).toString(),
             e.value(QLatin1String("type")).toString().section(QLatin1Char('.'), 0, 0) + QLatin1Char('s'));
    QVERIFY(e.value(QLatin1String("record_id")).toInteger() > 0);
    static const QRegularExpression iso(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$"));
    QVERIFY2(iso.match(e.value(QLatin1String("occurred_at")).toString()).hasMatch(), n.body.constData());
    const QDateTime occurred = QDateTime::fromString(e.value(QLatin1String("occurred_at")).toString(), Qt::ISODateWithMs);
    QVERIFY(occurred.isValid());
    QVERIFY(qAbs(occurred.secsTo(QDateTime::currentDateTimeUtc())) <= 5);
}

void tst_ForumWebhooks::oneNotificationPerChange()
{
    startSim();
    struct Expected
    {
        QString type;
        QString entity;
        qint64 id;
    };
    QList<Expected> expected;

    QJsonObject data;
    QCOMPARE(call("POST", QStringLiteral("/messages"),
                  {{QStringLiteral("topic_id"), 3}, {QStringLiteral("user_id"), 5}, {QStringLiteral("content"), QStringLiteral("hello")}},
                  &data),
             201);
    const qint64 messageId = data.value(QLatin1String("id")).toInteger();
    QVERIFY(messageId > 400);
    expected.append({QStringLiteral("message.created"), QStringLiteral("messages"), messageId});
    QTRY_COMPARE(m_received.size(), 1);

    QCOMPARE(call("PATCH", QStringLiteral("/messages/%1").arg(messageId), {{QStringLiteral("content"), QStringLiteral("edited")}}), 200);
    expected.append({QStringLiteral("message.updated"), QStringLiteral("messages"), messageId});
    QTRY_COMPARE(m_received.size(), 2);

    QCOMPARE(call("PATCH", QStringLiteral("/topics/2"), {{QStringLiteral("title"), QStringLiteral("Renamed")}}), 200);
    expected.append({QStringLiteral("topic.updated"), QStringLiteral("topics"), 2});
    QTRY_COMPARE(m_received.size(), 3);

    QCOMPARE(call("DELETE", QStringLiteral("/messages/%1").arg(messageId)), 204);
    expected.append({QStringLiteral("message.deleted"), QStringLiteral("messages"), messageId});
    QTRY_COMPARE(m_received.size(), 4);

    // Refused writes change nothing and announce nothing.
    QCOMPARE(call("DELETE", QStringLiteral("/messages/%1").arg(messageId)), 404);
    QCOMPARE(call("PATCH", QStringLiteral("/messages/1"), {{QStringLiteral("topic_id"), 999999}}), 422);

    // Exactly one request per change: the server started no more than it announced.
    QTRY_COMPARE(m_sim.webhookStats().delivered, qint64(4));
    const ForumWebhookStats stats = m_sim.webhookStats();
    QCOMPARE(stats.notifications, qint64(4));
    QCOMPARE(stats.sent, qint64(4));
    QCOMPARE(stats.failed, qint64(0));
    QCOMPARE(stats.dropped, qint64(0));
    QCOMPARE(stats.duplicated, qint64(0));
    QCOMPARE(m_received.size(), 4);

    QSet<QString> ids;
    for (int i = 0; i < m_received.size(); ++i) {
        const Notification &n = m_received.at(i);
        checkNotification(n);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(n.path, QStringLiteral("/hook"));
        QCOMPARE(n.event.value(QLatin1String("type")).toString(), expected.at(i).type);
        QCOMPARE(n.event.value(QLatin1String("entity")).toString(), expected.at(i).entity);
        QCOMPARE(n.event.value(QLatin1String("record_id")).toInteger(), expected.at(i).id);
        ids.insert(n.event.value(QLatin1String("id")).toString());
    }
    QCOMPARE(ids.size(), 4);
}

void tst_ForumWebhooks::everyUrlIsNotified()
{
    startSim(0, 0, 1, 0, {receiverUrl(QStringLiteral("/a")), receiverUrl(QStringLiteral("/b"))});
    QCOMPARE(call("PATCH", QStringLiteral("/users/4"), {{QStringLiteral("name"), QStringLiteral("Four")}}), 200);
    QTRY_COMPARE(m_received.size(), 2);
    QCOMPARE(QSet<QString>({m_received.at(0).path, m_received.at(1).path}), QSet<QString>({QStringLiteral("/a"), QStringLiteral("/b")}));
    QCOMPARE(m_received.at(0).body, m_received.at(1).body);
    for (const Notification &n : std::as_const(m_received))
        checkNotification(n);
    QCOMPARE(m_received.at(0).event.value(QLatin1String("type")).toString(), QStringLiteral("user.updated"));
    QCOMPARE(m_received.at(0).event.value(QLatin1String("record_id")).toInteger(), qint64(4));
}

void tst_ForumWebhooks::dropAll()
{
    startSim(1.0);
    for (int id = 10; id < 13; ++id)
        QCOMPARE(call("PATCH", QStringLiteral("/messages/%1").arg(id), {{QStringLiteral("content"), QStringLiteral("x")}}), 200);
    // Decisions are made before the API answers, so the counters are final here: nothing was
    // ever sent, hence nothing can still arrive.
    QTRY_COMPARE(m_sim.webhookStats().dropped, qint64(3));
    const ForumWebhookStats stats = m_sim.webhookStats();
    QCOMPARE(stats.notifications, qint64(3));
    QCOMPARE(stats.sent, qint64(0));
    QCOMPARE(stats.duplicated, qint64(0));
    QVERIFY(m_received.isEmpty());
}

void tst_ForumWebhooks::duplicateAll()
{
    startSim(0, 1.0);
    QCOMPARE(call("PATCH", QStringLiteral("/messages/20"), {{QStringLiteral("content"), QStringLiteral("y")}}), 200);
    QCOMPARE(call("DELETE", QStringLiteral("/messages/21")), 204);
    QTRY_COMPARE(m_received.size(), 4);
    QTRY_COMPARE(m_sim.webhookStats().delivered, qint64(4));
    const ForumWebhookStats stats = m_sim.webhookStats();
    QCOMPARE(stats.notifications, qint64(2));
    QCOMPARE(stats.sent, qint64(4));
    QCOMPARE(stats.duplicated, qint64(2));
    QCOMPARE(stats.dropped, qint64(0));

    QHash<QString, QList<Notification>> byId;
    for (const Notification &n : std::as_const(m_received)) {
        checkNotification(n);
        byId[n.event.value(QLatin1String("id")).toString()].append(n);
    }
    QCOMPARE(byId.size(), 2);
    QSet<QString> types;
    for (const auto &copies : std::as_const(byId)) {
        QCOMPARE(copies.size(), 2);
        QCOMPARE(copies.at(0).body, copies.at(1).body);
        types.insert(copies.at(0).event.value(QLatin1String("type")).toString());
    }
    QCOMPARE(types, QSet<QString>({QStringLiteral("message.updated"), QStringLiteral("message.deleted")}));
}

void tst_ForumWebhooks::dropsReplayWithTheSeed()
{
    // The same seed and the same changes drop the same notifications.
    QList<QSet<qint64>> runs;
    for (int run = 0; run < 2; ++run) {
        m_received.clear();
        startSim(0.5, 0, 11);
        for (qint64 id = 30; id < 50; ++id)
            QCOMPARE(call("PATCH", QStringLiteral("/messages/%1").arg(id), {{QStringLiteral("content"), QStringLiteral("r%1").arg(run)}}), 200);
        QTRY_COMPARE(m_sim.webhookStats().delivered + m_sim.webhookStats().failed, m_sim.webhookStats().sent);
        const ForumWebhookStats stats = m_sim.webhookStats();
        QCOMPARE(stats.notifications, qint64(20));
        QCOMPARE(stats.failed, qint64(0));
        QCOMPARE(stats.sent + stats.dropped, qint64(20));
        QVERIFY2(stats.dropped > 0 && stats.dropped < 20, qPrintable(QString::number(stats.dropped)));
        QTRY_COMPARE(qint64(m_received.size()), stats.sent);
        QSet<qint64> ids;
        for (const Notification &n : std::as_const(m_received))
            ids.insert(n.event.value(QLatin1String("record_id")).toInteger());
        runs.append(ids);
        m_sim.stop();
    }
    QCOMPARE(runs.at(0), runs.at(1));
}

void tst_ForumWebhooks::receiverDown()
{
    // A port that was free a moment ago: connections are refused.
    quint16 deadPort = 0;
    {
        HttpServer probe([](const HttpRequest &) { return HttpResponse::text(200, "ok"); });
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        deadPort = probe.port();
    }
    startSim(0, 0, 1, 0, {QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(deadPort))});
    QCOMPARE(call("PATCH", QStringLiteral("/messages/60"), {{QStringLiteral("content"), QStringLiteral("z")}}), 200);
    QCOMPARE(call("DELETE", QStringLiteral("/messages/61")), 204);
    QTRY_COMPARE(m_sim.webhookStats().failed, qint64(2));
    QCOMPARE(m_sim.webhookStats().delivered, qint64(0));
    // forum-sim carries on.
    QVERIFY(m_sim.isRunning());
    QJsonObject data;
    QCOMPARE(call("GET", QStringLiteral("/messages/60"), {}, &data), 200);
    QCOMPARE(data.value(QLatin1String("content")).toString(), QStringLiteral("z"));
    m_sim.stop();
    QCOMPARE(m_sim.webhookStats().failed, qint64(2)); // the final counters outlive the server
}

void tst_ForumWebhooks::churnNotifies()
{
    // 200 changes a second: bulk edits (one notification per record) come within a second or two.
    startSim(0, 0, 5, 200);
    QTRY_VERIFY_WITH_TIMEOUT(m_received.size() >= 300, 20000);
    m_sim.stop();
    const ForumWebhookStats stats = m_sim.webhookStats();
    QVERIFY(stats.notifications >= qint64(m_received.size()));
    QSet<QString> types;
    QSet<QString> ids;
    for (const Notification &n : std::as_const(m_received)) {
        checkNotification(n);
        if (QTest::currentTestFailed())
            return;
        types.insert(n.event.value(QLatin1String("type")).toString());
        ids.insert(n.event.value(QLatin1String("id")).toString());
    }
    QCOMPARE(qsizetype(ids.size()), m_received.size());
    QVERIFY2(types.contains(QStringLiteral("message.updated")) && types.contains(QStringLiteral("message.created"))
                 && types.contains(QStringLiteral("message.deleted")),
             qPrintable(QStringList(types.values()).join(QLatin1Char(' '))));
}

// X-Forum-Client (forum-api.md, "Origin"): the notification of a change written with it carries
// "client", so a subscriber can tell its own writes from others'; the forum's own do not.
void tst_ForumWebhooks::clientOriginIsEchoed()
{
    startSim();
    const QList<QPair<QByteArray, QByteArray>> tributary{{"X-Forum-Client", "tributary-main"}};
    QJsonObject data;
    QCOMPARE(call("POST", QStringLiteral("/messages"),
                  {{QStringLiteral("topic_id"), 4}, {QStringLiteral("user_id"), 6}, {QStringLiteral("content"), QStringLiteral("pushed")}},
                  &data, tributary),
             201);
    const qint64 id = data.value(QLatin1String("id")).toInteger();
    QTRY_COMPARE(m_received.size(), 1);
    QCOMPARE(call("PATCH", QStringLiteral("/messages/%1").arg(id), {{QStringLiteral("content"), QStringLiteral("the forum's own edit")}}), 200);
    QTRY_COMPARE(m_received.size(), 2);
    QCOMPARE(call("PATCH", QStringLiteral("/messages/%1").arg(id), {{QStringLiteral("content"), QStringLiteral("pushed edit")}}, nullptr,
                  {{"X-Forum-Client", "other-system"}}),
             200);
    QTRY_COMPARE(m_received.size(), 3);
    QCOMPARE(call("DELETE", QStringLiteral("/messages/%1").arg(id), {}, nullptr, tributary), 204);
    QTRY_COMPARE(m_received.size(), 4);
    // A replayed idempotent create changes nothing, so it announces nothing.
    const QList<QPair<QByteArray, QByteArray>> keyed{{"X-Forum-Client", "tributary-main"}, {"Idempotency-Key", "hook-op-1"}};
    const QJsonObject section{{QStringLiteral("title"), QStringLiteral("Pushed section")}};
    QCOMPARE(call("POST", QStringLiteral("/sections"), section, &data, keyed), 201);
    QCOMPARE(call("POST", QStringLiteral("/sections"), section, nullptr, keyed), 201);
    QTRY_COMPARE(m_sim.webhookStats().delivered, qint64(5));
    QCOMPARE(m_sim.webhookStats().notifications, qint64(5));
    QCOMPARE(m_received.size(), 5);

    const QList<QPair<QString, QString>> expected{
        {QStringLiteral("message.created"), QStringLiteral("tributary-main")},
        {QStringLiteral("message.updated"), QString()},
        {QStringLiteral("message.updated"), QStringLiteral("other-system")},
        {QStringLiteral("message.deleted"), QStringLiteral("tributary-main")},
        {QStringLiteral("section.created"), QStringLiteral("tributary-main")},
    };
    for (int i = 0; i < m_received.size(); ++i) {
        const Notification &n = m_received.at(i);
        checkNotification(n);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(n.event.value(QLatin1String("type")).toString(), expected.at(i).first);
        if (expected.at(i).second.isEmpty())
            QVERIFY2(!n.event.contains(QLatin1String("client")), n.body.constData());
        else
            QCOMPARE(n.event.value(QLatin1String("client")).toString(), expected.at(i).second);
    }
    QCOMPARE(m_received.last().event.value(QLatin1String("record_id")).toInteger(), data.value(QLatin1String("id")).toInteger());
}

QTEST_MAIN(tst_ForumWebhooks)
#include "tst_forumwebhooks.moc"
