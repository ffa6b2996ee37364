#pragma once

#include "forum-sim/ForumEntity.h"
#include "forum-sim/ForumSimOptions.h"
#include "net/HttpServer.h"

#include <QByteArray>
#include <QJsonObject>

#include <functional>
#include <memory>

namespace Tributary {

class ForumFaultInjector;
class ForumRateLimit;
class ForumStore;

// The Good Forum external API (forum-api.md) over a ForumStore: routing, authentication,
// parameter validation, pagination and the write path. Runs in the server's thread.
class ForumApi
{
public:
    enum class Change { Created, Updated, Deleted };
    // Called after every committed write; churn and webhooks hook in here. client is the
    // write's X-Forum-Client, empty for the forum's own activity.
    using ChangeListener =
        std::function<void(const ForumEntity &, qint64 id, Change, const QString &client)>;

    // What a write from another system asks for (forum-api.md, "Writes from another system"),
    // read from its headers; all empty for the forum's own activity.
    struct WriteContext
    {
        QString client;               // X-Forum-Client: the origin its webhook echoes
        QByteArray ifUnmodifiedSince; // PATCH, DELETE: updated_at exactly as the API sent it
        QByteArray idempotencyKey;    // POST: a retry with this key answers the first 201 again
    };

    ForumApi(ForumStore *store, const ForumSimOptions &options);
    ~ForumApi();

    HttpResponse handle(const HttpRequest &request);

    // Used for absolute URLs when a request carries no Host header: "http://127.0.0.1:8080".
    void setOrigin(const QByteArray &origin);
    void setChangeListener(ChangeListener listener);
    // The server's rate limit, shared by the forums it serves; by default the forum's own
    // (options.faults.rateLimit).
    void setRateLimit(std::shared_ptr<ForumRateLimit> limit) { m_rateLimit = std::move(limit); }
    // Served under a prefix ("/b": http://host/b/api/v1/...) beside other forums (--mount).
    void setMount(const QString &prefix) { m_mount = prefix; }
    // Announces a change made outside the three write functions (churn's bulk edits).
    void announce(const ForumEntity &entity, qint64 id, Change change)
    {
        if (m_listener)
            m_listener(entity, id, change, QString());
    }

    // The write path: every change to the forum goes through these three.
    HttpResponse create(const ForumEntity &entity, const QJsonObject &body,
                        const WriteContext &context = {});
    HttpResponse update(const ForumEntity &entity, qint64 id, const QJsonObject &body,
                        const WriteContext &context = {});
    HttpResponse remove(const ForumEntity &entity, qint64 id, const WriteContext &context = {});

private:
    HttpResponse route(const HttpRequest &request);
    HttpResponse dispatch(const HttpRequest &request);
    HttpResponse list(const ForumEntity &entity, const HttpRequest &request);
    HttpResponse show(const ForumEntity &entity, qint64 id);
    HttpResponse write(const ForumEntity &entity, qint64 id, const QJsonObject &body,
                       const WriteContext &context);
    // 412 with the current record, or 404 when it is gone: a conditional write that lost.
    HttpResponse changedOrGone(const ForumEntity &entity, qint64 id);
    // {MESSAGE"data": record} with `status`; 404 when the record is gone, 500 when unreadable.
    HttpResponse withRecord(const ForumEntity &entity, qint64 id, int status, const QByteArray &message);
    void notifyChange(const ForumEntity &entity, qint64 id, Change change, const WriteContext &context);
    QByteArray originFor(const HttpRequest &request) const;

    ForumStore *m_store;
    ForumSimOptions m_options;
    QByteArray m_authorization;
    QByteArray m_origin;
    ChangeListener m_listener;
    std::unique_ptr<ForumFaultInjector> m_faults;
    std::shared_ptr<ForumRateLimit> m_rateLimit;
    QString m_mount;
};

} // namespace Tributary
