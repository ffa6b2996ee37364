#pragma once

#include "forum-sim/ForumFaults.h"
#include "forum-sim/ForumRateLimit.h"

#include <QList>
#include <QString>
#include <QUrl>
#include <QtGlobal>

#include <memory>

namespace Tributary {

class ForumOAuth;

// Everything a forum-sim server needs; the CLI fills it from flags, tests fill it directly.
struct ForumSimOptions
{
    QString dbPath;
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;          // 0 picks a free port
    QString token;             // empty: no authentication
    // OAuth 2.0: POST /oauth/token and /oauth/revoke are served, and the API accepts only the
    // current access tokens this authority issued (instead of `token`). Shared with the test that
    // made it, which revokes and counts through it.
    std::shared_ptr<ForumOAuth> oauth;
    ForumFaults faults;
    quint64 seed = 1;          // seeds every random decision the server makes (faults, churn)
    // Random activity: about this many changes per second (creates, edits, deletes, and now and
    // then a bulk edit giving many records one updated_at), as the forum's users would make.
    int churn = 0;
    // Webhooks (forum-api.md): a signed POST to every URL after each create, edit and delete,
    // from the API and from churn alike. A share of deliveries is dropped, a share sent twice.
    QList<QUrl> webhookUrls;   // empty: no webhooks
    QByteArray webhookSecret;
    double webhookDropRate = 0;
    double webhookDuplicateRate = 0;
    // Contract breaches of real APIs, for showing (and testing) that a sync notices them. Unlike
    // faults they hold for every answer.
    int maxPerPage = 0;        // per_page above this is quietly served with this many; 0 = 1000
    bool ignoreSince = false;  // updated_since is accepted and ignored: every listing is complete
    bool echoAuth = false;     // a 401 answer quotes the Authorization header it was sent
    // Which rate headers answers carry with faults.rateLimit (X-RateLimit-*, RateLimit-*, none).
    ForumRateLimit::Headers rateLimitHeaders = ForumRateLimit::Headers::XRateLimit;
    // More forums served by the same server, each under its own prefix ("b" -> /b/api/v1), with
    // the same token, faults and churn, and one rate limit for all: one host, many forums.
    QList<QPair<QString, QString>> mounts; // (name, database path)
};

} // namespace Tributary
