#include "forum-sim/ForumWebhooks.h"

#include "forum-sim/ForumEntity.h"
#include "forum-sim/ForumLogging.h"
#include "forum-sim/ForumTime.h"

#include "net/HttpClient.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Tributary {

namespace {
constexpr int kTransferTimeoutMs = 10000;

const char *typeSuffix(ForumApi::Change change)
{
    switch (change) {
    case ForumApi::Change::Created:
        return ".created";
    case ForumApi::Change::Updated:
        return ".updated";
    case ForumApi::Change::Deleted:
        return ".deleted";
    }
    return ".updated";
}
} // namespace

ForumWebhooks::ForumWebhooks(const QList<QUrl> &urls, const QByteArray &secret, double dropRate, double duplicateRate,
                             quint64 seed, QObject *parent)
    : QObject(parent)
    , m_urls(urls)
    , m_secret(secret)
    , m_dropRate(dropRate)
    , m_duplicateRate(duplicateRate)
    , m_rng(quint32(seed ^ 0x3eb4007))
    , m_nam(new QNetworkAccessManager(this))
{
    // Event ids must be unique across runs too (receivers deduplicate on them), so they carry a
    // per-process prefix that is not drawn from the seeded generator.
    m_idPrefix = QByteArray::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, '0');
}

ForumWebhooks::~ForumWebhooks()
{
    abortPending();
}

void ForumWebhooks::abortPending()
{
    m_stopping = true;
    const QList<QNetworkReply *> pending = m_nam->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : pending) {
        if (reply->isRunning())
            reply->abort();
    }
}

bool ForumWebhooks::chance(double p)
{
    // Always draw, so one decision does not shift the ones after it when a rate is 0 or 1.
    const double x = m_rng.generateDouble();
    return x < p;
}

void ForumWebhooks::notify(const ForumEntity &entity, qint64 id, ForumApi::Change change, const QString &client)
{
    ++m_notifications;
    QJsonObject event{
        {QStringLiteral("id"), QString::fromLatin1("evt_" + m_idPrefix + QByteArray::number(++m_sequence).rightJustified(8, '0'))},
        {QStringLiteral("type"), QString::fromLatin1(entity.singular + typeSuffix(change))},
        {QStringLiteral("entity"), entity.name},
        {QStringLiteral("record_id"), id},
        {QStringLiteral("occurred_at"), QString::fromLatin1(ForumTime::toApi(ForumTime::nowDb()))},
    };
    if (!client.isEmpty())
        event.insert(QStringLiteral("client"), client);
    const QByteArray body = QJsonDocument(event).toJson(QJsonDocument::Compact);
    for (const QUrl &url : std::as_const(m_urls)) {
        const bool drop = chance(m_dropRate);
        const bool duplicate = chance(m_duplicateRate);
        if (drop) {
            ++m_dropped;
            continue;
        }
        post(url, body);
        if (duplicate) {
            ++m_duplicated;
            post(url, body);
        }
    }
}

void ForumWebhooks::post(const QUrl &url, const QByteArray &body)
{
    const QByteArray timestamp = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("X-Forum-Timestamp", timestamp);
    request.setRawHeader("X-Forum-Signature", signature(m_secret, timestamp, body));
    request.setTransferTimeout(kTransferTimeoutMs);
    ++m_sent;
    QNetworkReply *reply = m_nam->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
            ++m_delivered;
            if (m_failing)
                qCInfo(lcForumSim).noquote() << "webhook: delivering to" << HttpClient::redactedUrl(url) << "again";
            m_failing = false;
            return;
        }
        ++m_failed;
        // One warning when deliveries start failing, not one per notification; none for the
        // requests aborted because the server stops.
        if (!m_failing && !m_stopping)
            qCWarning(lcForumSim).noquote() << "webhook: delivery to" << HttpClient::redactedUrl(url) << "failed:"
                                            << (status ? QStringLiteral("HTTP %1").arg(status) : reply->errorString());
        else
            qCDebug(lcForumSim).noquote() << "webhook: delivery to" << HttpClient::redactedUrl(url) << "failed:" << reply->errorString();
        m_failing = true;
    });
}

QByteArray ForumWebhooks::signature(const QByteArray &secret, const QByteArray &timestamp, const QByteArray &body)
{
    return "sha256="
        + QMessageAuthenticationCode::hash(timestamp + '.' + body, secret, QCryptographicHash::Sha256).toHex();
}

ForumWebhookStats ForumWebhooks::stats() const
{
    ForumWebhookStats s;
    s.notifications = m_notifications.load();
    s.sent = m_sent.load();
    s.delivered = m_delivered.load();
    s.failed = m_failed.load();
    s.dropped = m_dropped.load();
    s.duplicated = m_duplicated.load();
    return s;
}

QString ForumWebhooks::summary() const
{
    const ForumWebhookStats s = stats();
    return QStringLiteral("webhooks: %1 notifications, %2 sent, %3 delivered, %4 failed, %5 dropped, %6 duplicated")
        .arg(s.notifications)
        .arg(s.sent)
        .arg(s.delivered)
        .arg(s.failed)
        .arg(s.dropped)
        .arg(s.duplicated);
}

} // namespace Tributary
