#include "RunCounts.h"

namespace Tributary {

EntityCounts &EntityCounts::operator+=(const EntityCounts &o)
{
    fetched += o.fetched;
    skipped += o.skipped;
    inserted += o.inserted;
    linked += o.linked;
    updated += o.updated;
    unchanged += o.unchanged;
    pending += o.pending;
    quarantined += o.quarantined;
    conflicts += o.conflicts;
    deleted += o.deleted;
    restored += o.restored;
    retries += o.retries;
    pushed += o.pushed;
    refused += o.refused;
    return *this;
}

QJsonObject EntityCounts::toJson() const
{
    QJsonObject o{{QStringLiteral("fetched"), fetched},       {QStringLiteral("skipped"), skipped},
            {QStringLiteral("inserted"), inserted},     {QStringLiteral("linked"), linked},
            {QStringLiteral("updated"), updated},       {QStringLiteral("unchanged"), unchanged},
            {QStringLiteral("pending"), pending},       {QStringLiteral("quarantined"), quarantined},
            {QStringLiteral("conflicts"), conflicts},   {QStringLiteral("retries"), retries},
            {QStringLiteral("deleted"), deleted},       {QStringLiteral("restored"), restored},
            {QStringLiteral("total"), total}};
    // Only for runs that pushed: the history of a read-only source reads as before.
    if (pushed || refused) {
        o.insert(QStringLiteral("pushed"), pushed);
        o.insert(QStringLiteral("refused"), refused);
    }
    return o;
}

EntityCounts EntityCounts::fromJson(const QJsonObject &o)
{
    EntityCounts c;
    auto get = [&o](const char *k) { return qint64(o.value(QLatin1String(k)).toDouble()); };
    c.fetched = get("fetched");
    c.skipped = get("skipped");
    c.inserted = get("inserted");
    c.linked = get("linked");
    c.updated = get("updated");
    c.unchanged = get("unchanged");
    c.pending = get("pending");
    c.quarantined = get("quarantined");
    c.conflicts = get("conflicts");
    c.retries = get("retries");
    c.deleted = get("deleted");
    c.restored = get("restored");
    c.pushed = get("pushed");
    c.refused = get("refused");
    c.total = o.contains(QStringLiteral("total")) ? get("total") : -1;
    return c;
}

} // namespace Tributary
