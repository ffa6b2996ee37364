#include "ParkedRecords.h"

#include "engine/apply/ApplyContext.h"
#include "util/Logging.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QCryptographicHash>
#include <tuple>

namespace Tributary {

namespace {
QString recordKey(const QString &entity, const QString &externalId) { return entity + QChar(0x1f) + externalId; }
} // namespace

ParkedRecords::ParkedRecords(ApplyContext &context) : m_ctx(context), m_lot(context.db, context.source.name, context.statements) {}

bool ParkedRecords::load(Error *error)
{
    m_parked.clear();
    m_awaited.clear();
    m_known = false; // until read: every record is treated as possibly parked
    if (!m_lot.loadKeys(&m_parked, &m_awaited, error))
        return false;
    m_known = true;
    return true;
}

void ParkedRecords::reload()
{
    Error error; // unknown sets are safe: every record is then treated as possibly parked
    if (!load(&error))
        qCWarning(lcApplier).noquote() << "cannot reload pending and quarantined records:" << error.toString();
}

bool ParkedRecords::isParked(const QString &entity, const QString &externalId) const
{
    return !m_known || m_parked.contains(recordKey(entity, externalId));
}

bool ParkedRecords::isKnownParked(const QString &entity, const QString &externalId) const
{
    return m_parked.contains(recordKey(entity, externalId));
}

bool ParkedRecords::park(const EntityConfig &entity, const QJsonObject &raw, const QString &externalId,
                         const QList<ParkingLot::Reference> &missing, Error *error)
{
    if (!m_lot.park(entity.name, externalId, raw, missing, m_ctx.runId, m_ctx.now, error))
        return false;
    m_parked.insert(recordKey(entity.name, externalId));
    for (const ParkingLot::Reference &r : missing)
        m_awaited.insert(recordKey(r.entity, r.externalId));
    ++m_ctx.counts[entity.name].pending;
    return true;
}

bool ParkedRecords::quarantine(const EntityConfig &entity, const QJsonObject &raw, const QString &externalId, const QString &field,
                               const QString &reason, Error *error)
{
    const QString key = externalId.isEmpty()
        ? QStringLiteral("(no id) ") + QString::fromLatin1(QCryptographicHash::hash(compactJson(raw).toUtf8(), QCryptographicHash::Sha1).toHex().left(12))
        : externalId;
    if (!m_lot.quarantine(entity.name, key, raw, field, reason, m_ctx.runId, m_ctx.now, !externalId.isEmpty(), error))
        return false;
    qCWarning(lcApplier).noquote() << QStringLiteral("%1/%2 record %3 quarantined: %4%5")
                                          .arg(m_ctx.source.name, entity.name, key, field.isEmpty() ? QString() : field + QStringLiteral(": "), reason);
    m_parked.insert(recordKey(entity.name, key));
    ++m_ctx.counts[entity.name].quarantined;
    return true;
}

bool ParkedRecords::release(const QString &entity, const QString &externalId, Error *error)
{
    const QString key = recordKey(entity, externalId);
    if (m_known && !m_parked.contains(key))
        return true;
    if (!m_lot.release(entity, externalId, error))
        return false;
    m_parked.remove(key);
    return true;
}

bool ParkedRecords::dropFromQuarantine(const QString &entity, const QString &externalId, Error *error)
{
    if (!m_lot.dropFromQuarantine(entity, externalId, error))
        return false;
    m_parked.remove(recordKey(entity, externalId));
    return true;
}

bool ParkedRecords::takeReady(QList<QPair<QString, QJsonObject>> *ready, Error *error)
{
    ready->clear();
    // Only records waiting for something linked in this transaction can have become applicable.
    QList<QPair<QString, QString>> linked;
    for (const auto &l : std::as_const(m_ctx.newlyLinked)) {
        if (m_awaited.remove(recordKey(l.first, l.second)) || !m_known)
            linked.append(l);
    }
    m_ctx.newlyLinked.clear();
    QSet<QString> seen;
    QList<ParkingLot::Waiting> waiting;
    for (const auto &l : std::as_const(linked)) {
        if (!m_lot.waitingFor(l.first, l.second, &waiting, error))
            return false;
        for (const ParkingLot::Waiting &w : std::as_const(waiting)) {
            const QString key = recordKey(w.entity, w.externalId);
            if (seen.contains(key))
                continue;
            seen.insert(key);
            ready->append({w.entity, w.record});
        }
    }
    for (const auto &r : std::as_const(*ready)) {
        if (m_ctx.source.entity(r.first))
            --m_ctx.counts[r.first].pending; // counted again if it still waits
    }
    return true;
}

bool ParkedRecords::quarantineWaitingFor(const QString &entity, const QString &externalId, const QString &reason, Error *error)
{
    // Whatever waits for a record that will never come cannot be applied either: follow the chain.
    QList<std::tuple<QString, QString, QString>> work{{entity, externalId, reason}};
    QList<ParkingLot::Waiting> waiting;
    while (!work.isEmpty()) {
        const auto [e, id, why] = work.takeFirst();
        if (!m_lot.waitingFor(e, id, &waiting, error))
            return false;
        for (const ParkingLot::Waiting &w : std::as_const(waiting)) {
            const EntityConfig *cfg = m_ctx.source.entity(w.entity);
            if (!cfg)
                continue;
            --m_ctx.counts[w.entity].pending;
            const QString fieldReason = Tr::tr("%1 references %2 %3, %4").arg(w.column, e, id, why);
            if (!quarantine(*cfg, w.record, w.externalId, w.column, fieldReason, error))
                return false;
            work.append({w.entity, w.externalId, Tr::tr("which is quarantined")});
        }
    }
    return true;
}

bool ParkedRecords::quarantineCycles(const QList<ParkingLot::PendingEdge> &edges, QList<QPair<QString, QString>> *cycle, Error *error)
{
    cycle->clear();
    // Peel off the records nothing waits for (waiters) and those waiting on nothing pending,
    // repeatedly: what remains sits on a cycle.
    struct Node
    {
        QString entity, id, column, target;
        QJsonObject record;
        QSet<QString> out, in;
    };
    QHash<QString, Node> nodes;
    for (const ParkingLot::PendingEdge &edge : edges) {
        Node &n = nodes[recordKey(edge.entity, edge.externalId)];
        n.entity = edge.entity;
        n.id = edge.externalId;
        if (n.record.isEmpty())
            n.record = edge.record;
        if (n.column.isEmpty()) {
            n.column = edge.reference.column;
            n.target = edge.reference.entity + QLatin1Char(' ') + edge.reference.externalId;
        }
        n.out.insert(recordKey(edge.reference.entity, edge.reference.externalId));
    }
    if (nodes.isEmpty())
        return true;
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        QSet<QString> pendingTargets;
        for (const QString &t : std::as_const(it->out)) {
            if (nodes.contains(t)) {
                pendingTargets.insert(t);
                nodes[t].in.insert(it.key());
            }
        }
        it->out = pendingTargets;
    }
    for (bool peeled = true; peeled;) {
        peeled = false;
        const QStringList keys = nodes.keys();
        for (const QString &k : keys) {
            const Node &n = nodes.value(k);
            if (!n.in.isEmpty() && !n.out.isEmpty())
                continue;
            for (const QString &t : n.out)
                nodes[t].in.remove(k);
            for (const QString &w : n.in)
                nodes[w].out.remove(k);
            nodes.remove(k);
            peeled = true;
        }
    }
    for (const Node &n : std::as_const(nodes)) {
        const EntityConfig *cfg = m_ctx.source.entity(n.entity);
        if (!cfg)
            continue;
        --m_ctx.counts[n.entity].pending;
        if (!quarantine(*cfg, n.record, n.id, n.column,
                        Tr::tr("%1 references %2, which waits for this record in turn (a cycle of references)").arg(n.column, n.target), error))
            return false;
        cycle->append({n.entity, n.id});
    }
    return true;
}

} // namespace Tributary
