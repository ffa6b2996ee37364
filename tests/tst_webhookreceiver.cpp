// The webhook receiver over real loopback HTTP: signatures, replay window, size cap, body shape,
// deduplication and coalescing; every rejection counted and without a hint; a provider with
// another scheme from configuration only; validation of the "webhook" block.
#include "BuiltinSources.h"
#include "config/Config.h"
#include "net/HttpServer.h"
#include "webhook/WebhookConfig.h"
#include "webhook/WebhookReceiver.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Tributary;

namespace {

const QByteArray kSecret = QByteArrayLiteral("whsec-test-5d1f0c");
const char *kSecretEnv = "TRIBUTARY_TEST_WEBHOOK_SECRET";
const QStringList kEntities = {QStringLiteral("users"), QStringLiteral("topics"), QStringLiteral("messages")};

struct Reply
{
    int status = 0;
    QByteArray body;
};

QByteArray now()
{
    return QByteArray::number(QDateTime::currentSecsSinceEpoch());
}

QByteArray forumSignature(const QByteArray &secret, const QByteArray &timestamp, const QByteArray &body)
{
    return "sha256="
        + QMessageAuthenticationCode::hash(timestamp + '.' + body, secret, QCryptographicHash::Sha256).toHex();
}

QByteArray webhookEvent(const QString &id, const QString &entity, qint64 recordId, const QString &type = QStringLiteral("message.updated"))
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("type"), type);
    o.insert(QStringLiteral("entity"), entity);
    o.insert(QStringLiteral("record_id"), recordId);
    o.insert(QStringLiteral("occurred_at"), QStringLiteral("2026-11-21T10:15:30.123456Z"));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

WebhookConfig config(const QJsonObject &extra = {})
{
    QJsonObject o{{QStringLiteral("secret"), QJsonObject{{QStringLiteral("env"), QString::fromLatin1(kSecretEnv)}}}};
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        o.insert(it.key(), it.value());
    QStringList errors;
    const WebhookConfig c = WebhookConfig::fromJson(o, QStringLiteral("sources.forum.webhook"), kEntities, &errors);
    if (!errors.isEmpty())
        qFatal("invalid test configuration: %s", qPrintable(errors.join(QLatin1Char('\n'))));
    return c;
}

// A receiver behind a real HttpServer on 127.0.0.1, and a client.
struct Fixture
{
    WebhookReceiver receiver;
    HttpServer server{receiver.handler()};
    QNetworkAccessManager nam;
    std::unique_ptr<QSignalSpy> hints;

    explicit Fixture(const WebhookConfig &forum = config())
    {
        QString error;
        if (!receiver.addSource(QStringLiteral("forum"), forum, QDir::currentPath(), &error))
            qFatal("addSource: %s", qPrintable(error));
        if (!server.listen(QHostAddress::LocalHost, 0))
            qFatal("listen: %s", qPrintable(server.errorString()));
        hints = std::make_unique<QSignalSpy>(&receiver, &WebhookReceiver::hintsReady);
    }

    QNetworkReply *send(const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers,
                        const QString &path = QStringLiteral("/webhooks/forum"), const QByteArray &method = "POST")
    {
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(server.port()).arg(path)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &h : headers)
            req.setRawHeader(h.first, h.second);
        return nam.sendCustomRequest(req, method, body);
    }

    static Reply wait(QNetworkReply *reply)
    {
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            if (!finished.wait(10000))
                qWarning("no answer within 10 s");
        }
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        reply->deleteLater();
        return r;
    }

    Reply post(const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers,
               const QString &path = QStringLiteral("/webhooks/forum"), const QByteArray &method = "POST")
    {
        return wait(send(body, headers, path, method));
    }

    // Signed the forum's way, timestamp now.
    Reply postSigned(const QByteArray &body, const QByteArray &secret = kSecret, const QByteArray &timestamp = now())
    {
        return post(body, {{"X-Forum-Timestamp", timestamp}, {"X-Forum-Signature", forumSignature(secret, timestamp, body)}});
    }

    QList<WebhookHint> takeHints(int index = 0) const
    {
        return hints->at(index).at(1).value<QList<WebhookHint>>();
    }

    WebhookCounters counters() const { return receiver.stats().sources.value(QStringLiteral("forum")); }
};

} // namespace

class tst_WebhookReceiver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validEventBecomesOneHint();
    void rejections_data();
    void rejections();
    void duplicateEventIdIsAcceptedOnce();
    void burstIsCoalesced();
    void deletedTypeMarksTheHint();
    void ownWritesAreNoHints();
    void customSchemeFromConfigurationOnly();
    void configValidationNamesTheKey();
    void configFileAcceptsWebhookBlock();
    void unresolvableSecretIsAnError();
};

void tst_WebhookReceiver::initTestCase()
{
    registerBuiltinSources();
    qRegisterMetaType<QList<Tributary::WebhookHint>>();
    qputenv(kSecretEnv, kSecret);
}

void tst_WebhookReceiver::validEventBecomesOneHint()
{
    Fixture f;
    const Reply r = f.postSigned(webhookEvent(QStringLiteral("evt_1"), QStringLiteral("messages"), 123));
    QCOMPARE(r.status, 202);
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("accepted")).toBool(), true);
    QVERIFY(f.hints->wait(5000));
    QCOMPARE(f.hints->count(), 1);
    QCOMPARE(f.hints->at(0).at(0).toString(), QStringLiteral("forum"));
    const QList<WebhookHint> hints = f.takeHints();
    QCOMPARE(hints.size(), 1);
    QCOMPARE(hints.at(0), (WebhookHint{QStringLiteral("forum"), QStringLiteral("messages"), QStringLiteral("123"), false}));
    const WebhookCounters c = f.counters();
    QCOMPARE(c.received, quint64(1));
    QCOMPARE(c.accepted, quint64(1));
    QCOMPARE(c.rejected(), quint64(0));
    QCOMPARE(c.hintsEmitted, quint64(1));
}

void tst_WebhookReceiver::rejections_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");

    QTest::newRow("unsigned") << "unsigned" << 401 << "unsigned";
    QTest::newRow("no timestamp") << "no-timestamp" << 401 << "unsigned";
    QTest::newRow("wrong signature") << "wrong-signature" << 401 << "bad_signature";
    QTest::newRow("signature not hex") << "not-hex" << 401 << "bad_signature";
    QTest::newRow("signature without prefix") << "no-prefix" << 401 << "bad_signature";
    QTest::newRow("wrong secret") << "wrong-secret" << 401 << "bad_signature";
    QTest::newRow("body changed after signing") << "tampered" << 401 << "bad_signature";
    QTest::newRow("timestamp changed after signing") << "timestamp-swapped" << 401 << "bad_signature";
    QTest::newRow("stale") << "stale" << 401 << "stale";
    QTest::newRow("future") << "future" << 401 << "stale";
    QTest::newRow("oversized") << "oversized" << 413 << "too_large";
    QTest::newRow("malformed json") << "malformed" << 400 << "malformed";
    QTest::newRow("missing fields") << "missing-fields" << 400 << "malformed";
    QTest::newRow("fractional record id") << "fractional-id" << 400 << "malformed";
    QTest::newRow("GET") << "get" << 405 << "malformed";
    QTest::newRow("unknown entity") << "unknown-entity" << 400 << "unknown_entity";
    QTest::newRow("unknown source") << "unknown-source" << 404 << "unknown_source";
    QTest::newRow("outside /webhooks/") << "other-path" << 404 << "unknown_source";
}

void tst_WebhookReceiver::rejections()
{
    QFETCH(QString, kind);
    QFETCH(int, status);
    QFETCH(QString, reason);

    Fixture f;
    const QByteArray body = webhookEvent(QStringLiteral("evt_bad"), QStringLiteral("messages"), 7);
    const QByteArray ts = now();
    const QByteArray sig = forumSignature(kSecret, ts, body);
    Reply r;
    if (kind == QLatin1String("unsigned")) {
        r = f.post(body, {{"X-Forum-Timestamp", ts}});
    } else if (kind == QLatin1String("no-timestamp")) {
        r = f.post(body, {{"X-Forum-Signature", sig}});
    } else if (kind == QLatin1String("wrong-signature")) {
        r = f.post(body, {{"X-Forum-Timestamp", ts}, {"X-Forum-Signature", "sha256=" + QByteArray(64, '0')}});
    } else if (kind == QLatin1String("not-hex")) {
        r = f.post(body, {{"X-Forum-Timestamp", ts}, {"X-Forum-Signature", "sha256=zz" + sig.mid(9)}});
    } else if (kind == QLatin1String("no-prefix")) {
        r = f.post(body, {{"X-Forum-Timestamp", ts}, {"X-Forum-Signature", sig.mid(7)}});
    } else if (kind == QLatin1String("wrong-secret")) {
        r = f.postSigned(body, QByteArrayLiteral("not-the-secret"));
    } else if (kind == QLatin1String("tampered")) {
        r = f.post(webhookEvent(QStringLiteral("evt_bad"), QStringLiteral("messages"), 8),
                   {{"X-Forum-Timestamp", ts}, {"X-Forum-Signature", sig}});
    } else if (kind == QLatin1String("timestamp-swapped")) {
        r = f.post(body, {{"X-Forum-Timestamp", QByteArray::number(ts.toLongLong() - 1)}, {"X-Forum-Signature", sig}});
    } else if (kind == QLatin1String("stale")) {
        r = f.postSigned(body, kSecret, QByteArray::number(QDateTime::currentSecsSinceEpoch() - 600));
    } else if (kind == QLatin1String("future")) {
        r = f.postSigned(body, kSecret, QByteArray::number(QDateTime::currentSecsSinceEpoch() + 600));
    } else if (kind == QLatin1String("oversized")) {
        QJsonObject o = QJsonDocument::fromJson(body).object();
        o.insert(QStringLiteral("padding"), QString(70000, QLatin1Char('x')));
        r = f.postSigned(QJsonDocument(o).toJson(QJsonDocument::Compact));
    } else if (kind == QLatin1String("malformed")) {
        r = f.postSigned(QByteArrayLiteral("{\"id\": \"evt_bad\", "));
    } else if (kind == QLatin1String("missing-fields")) {
        r = f.postSigned(QByteArrayLiteral("{\"id\": \"evt_bad\", \"type\": \"message.updated\", \"entity\": \"messages\"}"));
    } else if (kind == QLatin1String("fractional-id")) {
        r = f.postSigned(QByteArrayLiteral("{\"id\": \"evt_bad\", \"type\": \"message.updated\", \"entity\": \"messages\", \"record_id\": 1.5}"));
    } else if (kind == QLatin1String("get")) {
        r = f.post({}, {{"X-Forum-Timestamp", ts}, {"X-Forum-Signature", forumSignature(kSecret, ts, {})}},
                   QStringLiteral("/webhooks/forum"), "GET");
    } else if (kind == QLatin1String("unknown-entity")) {
        r = f.postSigned(webhookEvent(QStringLiteral("evt_bad"), QStringLiteral("widgets"), 7));
    } else if (kind == QLatin1String("unknown-source")) {
        r = f.post(body, {{"X-Forum-Timestamp", ts}, {"X-Forum-Signature", sig}}, QStringLiteral("/webhooks/shop"));
    } else if (kind == QLatin1String("other-path")) {
        r = f.post(body, {{"X-Forum-Timestamp", ts}, {"X-Forum-Signature", sig}}, QStringLiteral("/forum"));
    } else {
        QFAIL("unknown kind");
    }
    QCOMPARE(r.status, status);

    // A valid event afterwards: its hint arrives alone, so the rejected request made none.
    QCOMPARE(f.postSigned(webhookEvent(QStringLiteral("evt_good"), QStringLiteral("topics"), 999)).status, 202);
    QVERIFY(f.hints->wait(5000));
    QCOMPARE(f.hints->count(), 1);
    const QList<WebhookHint> hints = f.takeHints();
    QCOMPARE(hints.size(), 1);
    QCOMPARE(hints.at(0).entity, QStringLiteral("topics"));
    QCOMPARE(hints.at(0).recordId, QStringLiteral("999"));

    const WebhookStats stats = f.receiver.stats();
    const WebhookCounters c = stats.sources.value(QStringLiteral("forum"));
    QCOMPARE(c.accepted, quint64(1));
    QCOMPARE(c.duplicates, quint64(0));
    const QHash<QString, quint64> byReason = {
        {QStringLiteral("unsigned"), c.unsigned_},          {QStringLiteral("bad_signature"), c.badSignature},
        {QStringLiteral("stale"), c.stale},                 {QStringLiteral("too_large"), c.tooLarge},
        {QStringLiteral("malformed"), c.malformed},         {QStringLiteral("unknown_entity"), c.unknownEntity},
        {QStringLiteral("unknown_source"), stats.unknownSource},
    };
    for (auto it = byReason.constBegin(); it != byReason.constEnd(); ++it)
        QVERIFY2(it.value() == (it.key() == reason ? 1u : 0u), qPrintable(QStringLiteral("%1 = %2").arg(it.key()).arg(it.value())));
    QCOMPARE(c.rejected(), quint64(reason == QLatin1String("unknown_source") ? 0 : 1));
    QCOMPARE(c.received, c.rejected() + 1);
}

void tst_WebhookReceiver::duplicateEventIdIsAcceptedOnce()
{
    Fixture f;
    const QByteArray body = webhookEvent(QStringLiteral("evt_dup"), QStringLiteral("messages"), 5);
    QCOMPARE(f.postSigned(body).status, 202);
    QCOMPARE(f.postSigned(body).status, 202); // same window
    QVERIFY(f.hints->wait(5000));
    QCOMPARE(f.takeHints().size(), 1);

    // Redelivered after its hint went out (new timestamp, same event id): still no second hint.
    const Reply again = f.postSigned(body);
    QCOMPARE(again.status, 202);
    QCOMPARE(QJsonDocument::fromJson(again.body).object().value(QStringLiteral("accepted")).toBool(), true);
    QCOMPARE(f.postSigned(webhookEvent(QStringLiteral("evt_next"), QStringLiteral("messages"), 6)).status, 202);
    QVERIFY(f.hints->wait(5000));
    QCOMPARE(f.hints->count(), 2);
    const QList<WebhookHint> second = f.takeHints(1);
    QCOMPARE(second.size(), 1);
    QCOMPARE(second.at(0).recordId, QStringLiteral("6"));

    const WebhookCounters c = f.counters();
    QCOMPARE(c.received, quint64(4));
    QCOMPARE(c.accepted, quint64(2));
    QCOMPARE(c.duplicates, quint64(2));
    QCOMPARE(c.rejected(), quint64(0));
}

void tst_WebhookReceiver::burstIsCoalesced()
{
    // A window long enough for 50 loopback requests on a loaded machine.
    Fixture f(config({{QStringLiteral("coalesce_ms"), 3000}}));
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 50; ++i) {
        const QByteArray body = webhookEvent(QStringLiteral("evt_burst_%1").arg(i), QStringLiteral("messages"), 100 + i % 10);
        const QByteArray ts = now();
        replies.append(f.send(body, {{"X-Forum-Timestamp", ts}, {"X-Forum-Signature", forumSignature(kSecret, ts, body)}}));
    }
    for (QNetworkReply *reply : std::as_const(replies))
        QCOMPARE(Fixture::wait(reply).status, 202);
    QCOMPARE(f.hints->count(), 0); // still inside the window
    QVERIFY(f.hints->wait(10000));
    QCOMPARE(f.hints->count(), 1);
    const QList<WebhookHint> hints = f.takeHints();
    QCOMPARE(hints.size(), 10);
    QSet<QString> ids;
    for (const WebhookHint &h : hints) {
        QCOMPARE(h.entity, QStringLiteral("messages"));
        QVERIFY(!h.deleted);
        ids.insert(h.recordId);
    }
    QCOMPARE(ids.size(), 10);
    QVERIFY(ids.contains(QStringLiteral("100")) && ids.contains(QStringLiteral("109")));
    QCOMPARE(f.counters().accepted, quint64(50));
    QCOMPARE(f.counters().hintsEmitted, quint64(10));
}

void tst_WebhookReceiver::deletedTypeMarksTheHint()
{
    Fixture f;
    QCOMPARE(f.postSigned(webhookEvent(QStringLiteral("evt_d1"), QStringLiteral("messages"), 1, QStringLiteral("message.updated"))).status, 202);
    QCOMPARE(f.postSigned(webhookEvent(QStringLiteral("evt_d2"), QStringLiteral("messages"), 1, QStringLiteral("message.deleted"))).status, 202);
    QCOMPARE(f.postSigned(webhookEvent(QStringLiteral("evt_d3"), QStringLiteral("users"), 1, QStringLiteral("user.created"))).status, 202);
    QVERIFY(f.hints->wait(5000));
    QCOMPARE(f.hints->count(), 1);
    const QList<WebhookHint> hints = f.takeHints();
    QCOMPARE(hints.size(), 2);
    QCOMPARE(hints.at(0), (WebhookHint{QStringLiteral("forum"), QStringLiteral("messages"), QStringLiteral("1"), true}));
    QCOMPARE(hints.at(1), (WebhookHint{QStringLiteral("forum"), QStringLiteral("users"), QStringLiteral("1"), false}));
}

void tst_WebhookReceiver::ownWritesAreNoHints()
{
    Fixture f(config({{QStringLiteral("own_origin"), QStringLiteral("tributary")}}));
    auto withClient = [](const QString &id, int record, const QString &client) {
        QJsonObject o = QJsonDocument::fromJson(webhookEvent(id, QStringLiteral("topics"), record)).object();
        o.insert(QStringLiteral("client"), client);
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    };
    // Tributary's own push, echoed by the forum, and another client's change of another record.
    QCOMPARE(f.postSigned(withClient(QStringLiteral("evt_own"), 7, QStringLiteral("tributary"))).status, 202);
    QCOMPARE(f.postSigned(withClient(QStringLiteral("evt_other"), 8, QStringLiteral("someone-else"))).status, 202);
    QVERIFY(f.hints->wait(5000));
    const QList<WebhookHint> hints = f.takeHints();
    QCOMPARE(hints.size(), 1);
    QCOMPARE(hints.at(0).recordId, QStringLiteral("8"));
    QCOMPARE(f.counters().own, quint64(1));
    QCOMPARE(f.counters().accepted, quint64(1));
}

void tst_WebhookReceiver::customSchemeFromConfigurationOnly()
{
    const WebhookConfig custom = config({
        {QStringLiteral("signature_header"), QStringLiteral("X-Shop-Hmac")},
        {QStringLiteral("signature_prefix"), QString()},
        {QStringLiteral("timestamp_header"), QStringLiteral("X-Shop-Sent-At")},
        {QStringLiteral("signed_payload"), QStringLiteral("{body}")},
        {QStringLiteral("event_id_path"), QStringLiteral("meta.delivery")},
        {QStringLiteral("entity_path"), QStringLiteral("object.kind")},
        {QStringLiteral("record_id_path"), QStringLiteral("object.id")},
        {QStringLiteral("type_path"), QStringLiteral("action")},
        {QStringLiteral("deleted_types_suffix"), QStringLiteral("_removed")},
        {QStringLiteral("entities"), QJsonObject{{QStringLiteral("post"), QStringLiteral("messages")}}},
    });
    Fixture f(custom);
    const QByteArray body = QByteArrayLiteral(
        R"({"meta":{"delivery":"d-77"},"action":"post_removed","object":{"kind":"post","id":"p-42"}})");
    const QByteArray sig = QMessageAuthenticationCode::hash(body, kSecret, QCryptographicHash::Sha256).toHex();

    // The forum's headers mean nothing to this source.
    QCOMPARE(f.postSigned(body).status, 401);
    QCOMPARE(f.counters().unsigned_, quint64(1));
    // Its own scheme works.
    QCOMPARE(f.post(body, {{"X-Shop-Hmac", sig}, {"X-Shop-Sent-At", now()}}).status, 202);
    QVERIFY(f.hints->wait(5000));
    QCOMPARE(f.hints->count(), 1);
    const QList<WebhookHint> hints = f.takeHints();
    QCOMPARE(hints.size(), 1);
    QCOMPARE(hints.at(0), (WebhookHint{QStringLiteral("forum"), QStringLiteral("messages"), QStringLiteral("p-42"), true}));
    // Its source entity names are not its provider's names: "messages" is unknown to it.
    const QByteArray other = QByteArrayLiteral(R"({"meta":{"delivery":"d-78"},"action":"x","object":{"kind":"messages","id":"1"}})");
    QCOMPARE(f.post(other, {{"X-Shop-Hmac", QMessageAuthenticationCode::hash(other, kSecret, QCryptographicHash::Sha256).toHex()},
                            {"X-Shop-Sent-At", now()}}).status, 400);
    QCOMPARE(f.counters().unknownEntity, quint64(1));
    // A "sha256=" prefix is not part of this scheme.
    QCOMPARE(f.post(body, {{"X-Shop-Hmac", "sha256=" + sig}, {"X-Shop-Sent-At", now()}}).status, 401);
    QCOMPARE(f.counters().badSignature, quint64(1));
    QCOMPARE(f.counters().accepted, quint64(1));
}

void tst_WebhookReceiver::configValidationNamesTheKey()
{
    const auto errorsFor = [](const QJsonValue &v) {
        QStringList errors;
        WebhookConfig::fromJson(v, QStringLiteral("sources.forum.webhook"), kEntities, &errors);
        return errors.join(QLatin1Char('\n'));
    };
    const QJsonObject secret{{QStringLiteral("env"), QStringLiteral("X")}};
    const auto with = [&](const QString &key, const QJsonValue &value) {
        return QJsonObject{{QStringLiteral("secret"), secret}, {key, value}};
    };

    QVERIFY(errorsFor(QJsonObject{{QStringLiteral("secret"), secret}}).isEmpty());
    QVERIFY(errorsFor(QStringLiteral("on")).startsWith(QStringLiteral("sources.forum.webhook: ")));
    QVERIFY(errorsFor(QJsonObject{}).contains(QStringLiteral("sources.forum.webhook.secret: is required")));
    QVERIFY(errorsFor(QJsonObject{{QStringLiteral("secret"), QStringLiteral("plain")}})
                .startsWith(QStringLiteral("sources.forum.webhook.secret: ")));
    QVERIFY(errorsFor(with(QStringLiteral("signature_hdr"), QStringLiteral("X")))
                .startsWith(QStringLiteral("sources.forum.webhook.signature_hdr: ")));
    QVERIFY(errorsFor(with(QStringLiteral("signature_header"), QStringLiteral("X Bad")))
                .startsWith(QStringLiteral("sources.forum.webhook.signature_header: ")));
    QVERIFY(errorsFor(with(QStringLiteral("timestamp_header"), QString()))
                .startsWith(QStringLiteral("sources.forum.webhook.timestamp_header: ")));
    QVERIFY(errorsFor(with(QStringLiteral("signed_payload"), QStringLiteral("{timestamp}")))
                .startsWith(QStringLiteral("sources.forum.webhook.signed_payload: ")));
    QVERIFY(errorsFor(with(QStringLiteral("algorithm"), QStringLiteral("md5")))
                .startsWith(QStringLiteral("sources.forum.webhook.algorithm: ")));
    QVERIFY(errorsFor(with(QStringLiteral("signature_encoding"), QStringLiteral("octal")))
                .startsWith(QStringLiteral("sources.forum.webhook.signature_encoding: ")));
    QVERIFY(errorsFor(with(QStringLiteral("tolerance_seconds"), 0))
                .startsWith(QStringLiteral("sources.forum.webhook.tolerance_seconds: ")));
    QVERIFY(errorsFor(with(QStringLiteral("max_body_bytes"), QStringLiteral("64k")))
                .startsWith(QStringLiteral("sources.forum.webhook.max_body_bytes: ")));
    QVERIFY(errorsFor(with(QStringLiteral("coalesce_ms"), -1)).startsWith(QStringLiteral("sources.forum.webhook.coalesce_ms: ")));
    QVERIFY(errorsFor(with(QStringLiteral("record_id_path"), QString()))
                .startsWith(QStringLiteral("sources.forum.webhook.record_id_path: ")));
    const QString entityError = errorsFor(with(QStringLiteral("entities"), QJsonObject{{QStringLiteral("post"), QStringLiteral("posts")}}));
    QVERIFY2(entityError.startsWith(QStringLiteral("sources.forum.webhook.entities.post: ")), qPrintable(entityError));
    QVERIFY(entityError.contains(QStringLiteral("\"posts\"")));
}

void tst_WebhookReceiver::configFileAcceptsWebhookBlock()
{
    QFile file(QStringLiteral(":/tributary/presets/forum.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject preset = QJsonDocument::fromJson(file.readAll()).object();
    const auto withWebhook = [&](const QJsonValue &webhook) {
        QJsonObject root = preset;
        QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
        QJsonObject source = sources.at(0).toObject();
        source.insert(QStringLiteral("webhook"), webhook);
        sources[0] = source;
        root.insert(QStringLiteral("sources"), sources);
        return root;
    };
    const QString path = QDir::temp().filePath(QStringLiteral("tributary.json"));

    Config config;
    QStringList errors;
    const QJsonObject minimal{{QStringLiteral("secret"), QJsonObject{{QStringLiteral("env"), QString::fromLatin1(kSecretEnv)}}}};
    QVERIFY2(Config::fromJson(withWebhook(minimal), path, &config, &errors), qPrintable(errors.join(QLatin1Char('\n'))));
    // The block is kept with the source (and written back by toJson()).
    QCOMPARE(config.source(QStringLiteral("forum"))->options.value(QStringLiteral("webhook")).toObject(), minimal);

    WebhookReceiver receiver(config);
    QVERIFY2(receiver.errors().isEmpty(), qPrintable(receiver.errors().join(QLatin1Char('\n'))));
    QCOMPARE(receiver.sourceNames(), QStringList{QStringLiteral("forum")});
    QCOMPARE(receiver.maxBodyBytes(), qint64(65536));

    QJsonObject bad = minimal;
    bad.insert(QStringLiteral("tolerance"), 300);
    bad.insert(QStringLiteral("entities"), QJsonObject{{QStringLiteral("post"), QStringLiteral("posts")}});
    errors.clear();
    QVERIFY(!Config::fromJson(withWebhook(bad), path, &config, &errors));
    QVERIFY2(errors.join(QLatin1Char('\n')).contains(QStringLiteral("sources.forum.webhook.tolerance: ")),
             qPrintable(errors.join(QLatin1Char('\n'))));
    QVERIFY2(errors.join(QLatin1Char('\n')).contains(QStringLiteral("sources.forum.webhook.entities.post: ")),
             qPrintable(errors.join(QLatin1Char('\n'))));
}

void tst_WebhookReceiver::unresolvableSecretIsAnError()
{
    QFile file(QStringLiteral(":/tributary/presets/forum.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
    QJsonObject source = sources.at(0).toObject();
    source.insert(QStringLiteral("webhook"),
                  QJsonObject{{QStringLiteral("secret"), QJsonObject{{QStringLiteral("env"), QStringLiteral("TRIBUTARY_TEST_UNSET_SECRET")}}}});
    sources[0] = source;
    root.insert(QStringLiteral("sources"), sources);
    qunsetenv("TRIBUTARY_TEST_UNSET_SECRET");

    Config config;
    QStringList errors;
    QVERIFY2(Config::fromJson(root, QDir::temp().filePath(QStringLiteral("tributary.json")), &config, &errors),
             qPrintable(errors.join(QLatin1Char('\n'))));
    WebhookReceiver receiver(config);
    QVERIFY(receiver.sourceNames().isEmpty());
    QCOMPARE(receiver.errors().size(), 1);
    QVERIFY(receiver.errors().at(0).startsWith(QStringLiteral("sources.forum.webhook.secret: ")));
    QVERIFY(receiver.errors().at(0).contains(QStringLiteral("TRIBUTARY_TEST_UNSET_SECRET")));

    // Without the source, its endpoint does not exist.
    HttpRequest req;
    req.method = "POST";
    req.path = QStringLiteral("/webhooks/forum");
    QCOMPARE(receiver.handle(req).status, 404);
    QCOMPARE(receiver.stats().unknownSource, quint64(1));
}

QTEST_MAIN(tst_WebhookReceiver)
#include "tst_webhookreceiver.moc"
