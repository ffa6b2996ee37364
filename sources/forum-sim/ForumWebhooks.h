#pragma once

#include "forum-sim/ForumApi.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QUrl>

#include <atomic>

class QNetworkAccessManager;
class QNetworkReply;

namespace Tributary {

struct ForumEntity;

// What webhook delivery has done so far. A notification goes to every URL; each such delivery
// is dropped (never sent), sent once, or duplicated (sent twice with the same event id).
struct ForumWebhookStats
{
    qint64 notifications = 0; // changes announced (before fanning out to URLs)
    qint64 sent = 0;          // HTTP requests started, duplicates included
    qint64 delivered = 0;     // requests answered 2xx
    qint64 failed = 0;        // requests that failed: receiver down, timeout, non-2xx, aborted at stop
    qint64 dropped = 0;       // deliveries deliberately not sent
    qint64 duplicated = 0;    // deliveries deliberately sent twice
};

// Webhook notifications as forum-api.md ("Webhooks") specifies: a signed JSON POST per create,
// update and delete, best effort. Lives in the server's thread; notify() only queues requests
// on a QNetworkAccessManager, so it never delays the API answer. Drop and duplicate decisions
// come from a generator seeded with the server's seed, so a run replays.
class ForumWebhooks : public QObject
{
    Q_OBJECT
public:
    ForumWebhooks(const QList<QUrl> &urls, const QByteArray &secret, double dropRate, double duplicateRate, quint64 seed,
                  QObject *parent = nullptr);
    ~ForumWebhooks() override;

    // client: the X-Forum-Client of the write, echoed as "client"; empty for the forum's own.
    void notify(const ForumEntity &entity, qint64 id, ForumApi::Change change, const QString &client = {});
    // Aborts requests still under way (they count as failed); the server calls it when stopping.
    void abortPending();

    // Readable from any thread.
    ForumWebhookStats stats() const;
    QString summary() const;

    // "sha256=" + hex HMAC-SHA256(secret, timestamp + "." + body).
    static QByteArray signature(const QByteArray &secret, const QByteArray &timestamp, const QByteArray &body);

private:
    void post(const QUrl &url, const QByteArray &body);
    bool chance(double p);

    QList<QUrl> m_urls;
    QByteArray m_secret;
    double m_dropRate;
    double m_duplicateRate;
    QRandomGenerator m_rng;
    QNetworkAccessManager *m_nam;
    QByteArray m_idPrefix;
    qint64 m_sequence = 0;
    bool m_failing = false;
    bool m_stopping = false;
    std::atomic<qint64> m_notifications{0};
    std::atomic<qint64> m_sent{0};
    std::atomic<qint64> m_delivered{0};
    std::atomic<qint64> m_failed{0};
    std::atomic<qint64> m_dropped{0};
    std::atomic<qint64> m_duplicated{0};
};

} // namespace Tributary
