#include "ThreeWayMerge.h"

#include "util/Values.h"

#include <optional>

namespace Tributary {

namespace {
// Whether timestamp text `a` is later than `b` (both as the main database stores them; any
// ISO-8601 form). Text that is not a timestamp compares as text.
bool isLater(const QVariant &a, const QVariant &b)
{
    qint64 ma = 0, mb = 0;
    if (parseMicros(QJsonValue(a.toString()), &ma) && parseMicros(QJsonValue(b.toString()), &mb))
        return ma > mb;
    return a.toString() > b.toString();
}
} // namespace

QJsonObject ThreeWayMerge::Result::pick(const QJsonObject &o, const QStringList &fields)
{
    QJsonObject out;
    for (const QString &f : fields) {
        if (o.contains(f))
            out.insert(f, o.value(f));
    }
    return out;
}

ThreeWayMerge::ThreeWayMerge(const EntityConfig &entity, const SourceConfig &source, const QStringList &syncColumns)
    : m_entity(entity), m_source(source), m_syncColumns(syncColumns)
{
}

bool ThreeWayMerge::merge(const QJsonObject &base, const QVariantMap &local, const QVariantMap &remote, const OthersReader &readOthers,
                          Result *result) const
{
    std::optional<QList<OtherSource>> others; // read only when both sides changed a field
    for (const QString &c : m_syncColumns) {
        if (c == m_entity.updatedColumn)
            continue; // bookkeeping, follows the other fields; never a conflict on its own
        const QVariant r = remote.value(c);
        const QVariant l = local.value(c);
        const bool hasBase = base.contains(c);
        const QVariant b = hasBase ? base.value(c).toVariant() : l;
        if (sameValue(r, b) || sameValue(l, r))
            continue;
        if (sameValue(l, b)) {
            result->changes.insert(c, r);
            continue;
        }
        // Both sides changed this field, to different values.
        if (!others) {
            others.emplace();
            if (!readOthers(&*others))
                return false;
        }
        const Decision d = decide(c, l, remote, local, *others);
        if (d.takeRemote)
            result->changes.insert(c, r);
        if (d.label.isEmpty())
            result->waiting.append(c);
        else
            result->decided[d.label].append(c);
        if (!d.owner.isEmpty())
            result->localBy.insert(c, d.owner);
        result->base.insert(c, variantToJson(b));
        result->local.insert(c, variantToJson(l));
        result->remote.insert(c, variantToJson(r));
    }
    if (!result->changes.isEmpty() && !m_entity.updatedColumn.isEmpty() && remote.contains(m_entity.updatedColumn)
        && !sameValue(remote.value(m_entity.updatedColumn), local.value(m_entity.updatedColumn)))
        result->changes.insert(m_entity.updatedColumn, remote.value(m_entity.updatedColumn));
    return true;
}

ThreeWayMerge::Decision ThreeWayMerge::decide(const QString &column, const QVariant &local, const QVariantMap &remoteRow,
                                              const QVariantMap &localRow, const QList<OtherSource> &others) const
{
    Decision d;
    // Who set the local value: another source whose last value it is, or else the main application.
    const OtherSource *owner = nullptr;
    for (const OtherSource &o : others) {
        if (o.base.contains(column) && sameValue(o.base.value(column).toVariant(), local) && (!owner || o.priority > owner->priority))
            owner = &o;
    }
    if (owner) {
        d.owner = owner->source;
        if (owner->priority != m_source.priority) {
            d.takeRemote = m_source.priority > owner->priority;
            d.label = QStringLiteral("priority:") + (d.takeRemote ? m_source.name : owner->source);
            return d;
        }
    }
    const QString policy = m_entity.policyFor(column);
    if (policy == QLatin1String("manual"))
        return d; // waits for a person
    d.label = QStringLiteral("policy:") + policy;
    if (policy == QLatin1String("source-wins"))
        d.takeRemote = true;
    else if (policy == QLatin1String("newest-wins"))
        // A tie keeps the value already in the row: a rule must not flip-flop on equal clocks.
        d.takeRemote = isLater(remoteRow.value(m_entity.updatedColumn), localRow.value(m_entity.updatedColumn));
    return d;
}

} // namespace Tributary
