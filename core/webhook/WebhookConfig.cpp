#include "WebhookConfig.h"

#include "config/ConfigReader.h"
#include "util/Tr.h"

#include <QJsonObject>

namespace Tributary {

namespace {

const QStringList kAlgorithms = {QStringLiteral("hmac-sha256"), QStringLiteral("hmac-sha512"), QStringLiteral("hmac-sha1")};
const QStringList kEncodings = {QStringLiteral("hex"), QStringLiteral("base64")};

} // namespace

QStringList WebhookConfig::keys()
{
    return {QStringLiteral("secret"), QStringLiteral("signature_header"), QStringLiteral("signature_prefix"),
            QStringLiteral("signature_encoding"), QStringLiteral("timestamp_header"),
            QStringLiteral("signed_payload"), QStringLiteral("algorithm"), QStringLiteral("tolerance_seconds"),
            QStringLiteral("max_body_bytes"), QStringLiteral("coalesce_ms"), QStringLiteral("event_id_path"),
            QStringLiteral("entity_path"), QStringLiteral("record_id_path"), QStringLiteral("type_path"),
            QStringLiteral("deleted_types_suffix"), QStringLiteral("entities"), QStringLiteral("origin_path"),
            QStringLiteral("own_origin")};
}

WebhookConfig WebhookConfig::fromJson(const QJsonValue &v, const QString &path, const QStringList &sourceEntities,
                                      QStringList *errors)
{
    WebhookConfig c;
    if (!v.isObject()) {
        errors->append(path + QStringLiteral(": ") + Tr::tr("expected an object with at least \"secret\""));
        return c;
    }
    const QJsonObject o = v.toObject();
    const ConfigReader r(o, path, errors);

    if (!o.contains(QStringLiteral("secret")))
        r.error(QStringLiteral("secret"), Tr::tr("is required"));
    else
        c.secret = SecretRef::fromJson(o.value(QStringLiteral("secret")), r.key(QStringLiteral("secret")), errors);

    c.signatureHeader = r.string(QStringLiteral("signature_header"), c.signatureHeader);
    if (!ConfigReader::isHeaderName(c.signatureHeader))
        r.error(QStringLiteral("signature_header"), Tr::tr("expected an HTTP header name"));
    c.signaturePrefix = r.string(QStringLiteral("signature_prefix"), c.signaturePrefix);
    c.signatureEncoding = r.oneOf(QStringLiteral("signature_encoding"), kEncodings, c.signatureEncoding);
    c.timestampHeader = r.string(QStringLiteral("timestamp_header"), c.timestampHeader);
    if (!ConfigReader::isHeaderName(c.timestampHeader))
        r.error(QStringLiteral("timestamp_header"), Tr::tr("expected an HTTP header name (a timestamp is required for the replay window)"));
    c.signedPayload = r.string(QStringLiteral("signed_payload"), c.signedPayload);
    if (!c.signedPayload.contains(QLatin1String("{body}")))
        r.error(QStringLiteral("signed_payload"), Tr::tr("must contain {body}; {timestamp} is optional"));
    c.algorithm = r.oneOf(QStringLiteral("algorithm"), kAlgorithms, c.algorithm);
    c.toleranceSeconds = int(r.integer(QStringLiteral("tolerance_seconds"), c.toleranceSeconds, 1, 86400));
    c.maxBodyBytes = r.integer(QStringLiteral("max_body_bytes"), c.maxBodyBytes, 64, 16 * 1024 * 1024);
    c.coalesceMs = int(r.integer(QStringLiteral("coalesce_ms"), c.coalesceMs, 0, 60000));
    c.eventIdPath = r.string(QStringLiteral("event_id_path"), c.eventIdPath);
    if (c.eventIdPath.trimmed().isEmpty())
        r.error(QStringLiteral("event_id_path"), Tr::tr("must not be empty"));
    c.entityPath = r.string(QStringLiteral("entity_path"), c.entityPath);
    if (c.entityPath.trimmed().isEmpty())
        r.error(QStringLiteral("entity_path"), Tr::tr("must not be empty"));
    c.recordIdPath = r.string(QStringLiteral("record_id_path"), c.recordIdPath);
    if (c.recordIdPath.trimmed().isEmpty())
        r.error(QStringLiteral("record_id_path"), Tr::tr("must not be empty"));
    c.typePath = r.string(QStringLiteral("type_path"), c.typePath);
    c.deletedTypesSuffix = r.string(QStringLiteral("deleted_types_suffix"), c.deletedTypesSuffix);
    c.originPath = r.string(QStringLiteral("origin_path"), c.originPath);
    c.ownOrigin = r.string(QStringLiteral("own_origin"));
    if (!c.ownOrigin.isEmpty() && c.originPath.isEmpty())
        r.error(QStringLiteral("origin_path"), Tr::tr("must not be empty when \"own_origin\" is set"));
    if (!c.typePath.isEmpty() && c.deletedTypesSuffix.isEmpty())
        r.error(QStringLiteral("deleted_types_suffix"), Tr::tr("must not be empty when \"type_path\" is set"));

    if (o.contains(QStringLiteral("entities"))) {
        const QJsonObject map = r.object(QStringLiteral("entities"));
        const ConfigReader mr(map, r.key(QStringLiteral("entities")), errors);
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            if (!it->isString()) {
                mr.error(it.key(), Tr::tr("expected the name of an entity of this source"));
                continue;
            }
            const QString target = it->toString();
            if (!sourceEntities.contains(target))
                mr.error(it.key(), Tr::tr("no entity \"%1\" in this source").arg(target));
            else
                c.entities.insert(it.key(), target);
        }
    } else {
        for (const QString &e : sourceEntities)
            c.entities.insert(e, e);
    }
    r.rejectUnknown(keys());
    return c;
}

} // namespace Tributary
