#pragma once

#include "net/HttpServer.h"
#include "webhook/WebhookConfig.h"

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Tributary {

struct Config;

// "Record `recordId` of `entity` changed (or was deleted)": what a webhook is worth. The record is
// fetched by id afterwards; the notification's own payload is never applied (see
// docs/decisions/0014-webhooks-as-hints.md). `deleted` only says what the last notification for
// the record claimed: a fetch answering 404 makes it a delete candidate, confirmed by the normal
// reconciliation rules.
struct WebhookHint
{
    QString source;
    QString entity;   // the source's entity name
    QString recordId; // the external id, as text
    bool deleted = false;

    bool operator==(const WebhookHint &o) const
    {
        return source == o.source && entity == o.entity && recordId == o.recordId && deleted == o.deleted;
    }
};

// Counters of one source's webhook endpoint (for /metrics). Every request that reaches a known
// source counts as received and then as exactly one of accepted, duplicate or one rejection.
struct WebhookCounters
{
    quint64 received = 0;
    quint64 accepted = 0;     // new events, turned into hints
    quint64 duplicates = 0;   // event id seen before: answered 202, no hint
    quint64 own = 0;          // Tributary's own write (own_origin): answered 202, no hint
    quint64 hintsEmitted = 0; // hints after coalescing
    quint64 unsigned_ = 0;    // no signature or no timestamp header
    quint64 badSignature = 0;
    quint64 stale = 0;        // timestamp outside the replay window (past or future)
    quint64 tooLarge = 0;
    quint64 malformed = 0;    // not POST, not a JSON object, fields missing
    quint64 unknownEntity = 0;

    quint64 rejected() const { return unsigned_ + badSignature + stale + tooLarge + malformed + unknownEntity; }
};

struct WebhookStats
{
    QMap<QString, WebhookCounters> sources;
    // Requests for /webhooks/{name} where no source of that name has a webhook block, and
    // requests outside /webhooks/. Not per name: the names are the caller's.
    quint64 unknownSource = 0;
};

// Receives provider webhooks at POST /webhooks/{source} as an HttpServer handler. Each request is
// answered from memory (no database, no network): size, signature (HMAC, constant-time
// comparison), replay window, body shape, entity, then deduplication by event id. Accepted
// events become hints, collected per source and emitted once per coalescing window with the
// same record merged. Rejections do no work beyond being counted.
//
// Lives in one thread (the HttpServer's); handle() must be called from it.
class WebhookReceiver : public QObject
{
    Q_OBJECT
public:
    explicit WebhookReceiver(QObject *parent = nullptr);
    // Adds every source of `config` that has a "webhook" block (disabled sources too: a hint for
    // a disabled source is the consumer's to drop). Problems (unresolvable secrets, invalid
    // blocks) are in errors(); such sources are not added.
    explicit WebhookReceiver(const Config &config, QObject *parent = nullptr);
    ~WebhookReceiver() override;

    // Adds or replaces one source. Resolves the secret now (relative files from `baseDir`);
    // returns false with *error naming the variable or file, never the secret.
    bool addSource(const QString &name, const WebhookConfig &config, const QString &baseDir, QString *error);
    QStringList sourceNames() const;
    QStringList errors() const;

    // The largest max_body_bytes of the sources: what HttpServer::setMaxBodyBytes() should allow.
    qint64 maxBodyBytes() const;
    // Deduplication memory per source: at most `maxIds` event ids, each forgotten after
    // `expirySeconds`. Defaults 100000 and 86400.
    void setDedupeLimits(int maxIds, int expirySeconds);

    HttpResponse handle(const HttpRequest &request);
    // A request for `path` that the server refused before reading its body, because it was larger
    // than the server allows (HttpServer::requestRefused): counted as received and too large.
    void countRefusedBody(const QString &path);
    // An HttpServer::Handler calling handle(); the receiver must outlive the server using it.
    HttpServer::Handler handler();

    WebhookStats stats() const;
    // Emits every pending hint now instead of at the end of the windows.
    void flush();

Q_SIGNALS:
    void hintsReady(const QString &source, const QList<Tributary::WebhookHint> &hints);

private:
    class Private;
    Private *d;
};

} // namespace Tributary

Q_DECLARE_METATYPE(Tributary::WebhookHint)
