#pragma once

#include "config/Config.h"

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Tributary {

// A source's "webhook" block: how the provider signs its notifications and where the event id,
// entity, record id and type are in the body. The defaults are the forum's scheme
// (docs/forum-api.md, "Webhooks"), so {"secret": {"env": "FORUM_WEBHOOK_SECRET"}} is enough for
// it; another provider that signs "timestamp + body" (or the body alone) with an HMAC is added by
// configuration only. See docs/configuration.md, "webhook".
struct WebhookConfig
{
    SecretRef secret;
    QString signatureHeader = QStringLiteral("X-Forum-Signature");
    QString signaturePrefix = QStringLiteral("sha256=");
    QString signatureEncoding = QStringLiteral("hex");       // "hex" or "base64"
    QString timestampHeader = QStringLiteral("X-Forum-Timestamp"); // unix seconds
    QString signedPayload = QStringLiteral("{timestamp}.{body}"); // must contain {body}
    QString algorithm = QStringLiteral("hmac-sha256");        // hmac-sha256, hmac-sha512, hmac-sha1
    int toleranceSeconds = 300;                               // replay window, both directions
    qint64 maxBodyBytes = 65536;
    int coalesceMs = 250;                                     // hints are emitted once per window
    QString eventIdPath = QStringLiteral("id");               // dotted paths in the JSON body
    QString entityPath = QStringLiteral("entity");
    QString recordIdPath = QStringLiteral("record_id");
    QString typePath = QStringLiteral("type");                // empty: no type, never "deleted"
    QString deletedTypesSuffix = QStringLiteral(".deleted");
    // Write-back (docs/write-back.md): a notification whose origin (the field at originPath) is
    // ownOrigin announces Tributary's own write, already applied from the source's answer: it is
    // accepted and becomes no hint. Empty ownOrigin: every notification is a hint.
    QString originPath = QStringLiteral("client");
    QString ownOrigin;
    // Provider's entity name -> the source's entity name. Defaults to every entity of the source
    // under its own name; values must be entities of the source.
    QHash<QString, QString> entities;

    // Parses and validates `v` (the "webhook" value of a source whose path is `path`, e.g.
    // "sources.forum.webhook"); every problem is appended to *errors naming its key.
    // `sourceEntities` are the names of the source's entities.
    static WebhookConfig fromJson(const QJsonValue &v, const QString &path, const QStringList &sourceEntities,
                                  QStringList *errors);
    // The keys a "webhook" object may have.
    static QStringList keys();
};

} // namespace Tributary
