#include "ParkingLot.h"

#include "store/Database.h"
#include "store/Statements.h"
#include "util/Redaction.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QSqlQuery>

namespace Tributary {

namespace {

QString recordKey(const QString &entity, const QString &externalId) { return entity + QChar(0x1f) + externalId; }

const QString kWaiting = QStringLiteral("SELECT p.entity, p.external_id, p.record, r.column_name FROM tributary_pending_refs r "
                                        "JOIN tributary_pending p ON p.source = r.source AND p.entity = r.entity "
                                        "AND p.external_id = r.external_id "
                                        "WHERE r.source = ? AND r.ref_entity = ? AND r.ref_external_id = ?");

QString quarantineWhere(const QuarantineFilter &f, QVariantList *binds)
{
    QStringList where{QStringLiteral("1 = 1")};
    auto in = [&](const QString &column, const QStringList &values) {
        if (values.isEmpty())
            return;
        where.append(QStringLiteral("%1 IN (%2)").arg(column, QStringList(values.size(), QStringLiteral("?")).join(QStringLiteral(", "))));
        for (const QString &v : values)
            binds->append(v);
    };
    in(QStringLiteral("source"), f.sources);
    in(QStringLiteral("entity"), f.entities);
    in(QStringLiteral("external_id"), f.externalIds);
    return where.join(QStringLiteral(" AND "));
}

} // namespace

QJsonObject QuarantineEntry::toJson() const
{
    return QJsonObject{{QStringLiteral("source"), source},
                       {QStringLiteral("entity"), entity},
                       {QStringLiteral("external_id"), externalId},
                       {QStringLiteral("field"), field.isEmpty() ? QJsonValue() : QJsonValue(field)},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("attempts"), attempts},
                       {QStringLiteral("first_seen"), firstSeen},
                       {QStringLiteral("last_seen"), lastSeen},
                       {QStringLiteral("record"), record}};
}

ParkingLot::ParkingLot(Database &db, QString source, Statements &statements)
    : m_db(db), m_source(std::move(source)), m_statements(statements)
{
}

bool ParkingLot::exec(const QString &sql, const QVariantList &binds, Error *error)
{
    QSqlQuery *q = m_statements.get(sql, error);
    if (!q)
        return false;
    for (int i = 0; i < binds.size(); ++i)
        q->bindValue(i, binds.at(i));
    const bool ok = m_db.exec(*q, error);
    q->finish();
    return ok;
}

bool ParkingLot::loadKeys(QSet<QString> *parked, QSet<QString> *awaited, Error *error)
{
    const QList<QPair<QString, QSet<QString> *>> queries = {
        {QStringLiteral("SELECT entity, external_id FROM tributary_pending WHERE source = ?"), parked},
        {QStringLiteral("SELECT entity, external_id FROM tributary_quarantine WHERE source = ?"), parked},
        {QStringLiteral("SELECT ref_entity, ref_external_id FROM tributary_pending_refs WHERE source = ?"), awaited},
    };
    for (const auto &[sql, set] : queries) {
        QSqlQuery q;
        if (!m_db.run(q, sql, {m_source}, error)) {
            *error = error->prefixed(Tr::tr("cannot read the pending and quarantined records of source %1").arg(m_source));
            return false;
        }
        while (q.next())
            set->insert(recordKey(q.value(0).toString(), q.value(1).toString()));
    }
    return true;
}

bool ParkingLot::park(const QString &entity, const QString &externalId, const QJsonObject &record, const QList<Reference> &missing,
                      qint64 runId, const QString &now, Error *error)
{
    QJsonArray missingJson;
    for (const Reference &r : missing)
        missingJson.append(QJsonObject{{QStringLiteral("column"), r.column},
                                       {QStringLiteral("entity"), r.entity},
                                       {QStringLiteral("external_id"), r.externalId}});
    if (!exec(QStringLiteral("INSERT INTO tributary_pending (source, entity, external_id, record, missing, attempts, "
                             "first_seen, last_seen, run_id) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?) "
                             "ON CONFLICT (source, entity, external_id) DO UPDATE SET record = excluded.record, "
                             "missing = excluded.missing, attempts = tributary_pending.attempts + 1, "
                             "last_seen = excluded.last_seen, run_id = excluded.run_id"),
              {m_source, entity, externalId, compactJson(record), compactJson(missingJson), now, now, runId}, error)
        || !exec(QStringLiteral("DELETE FROM tributary_pending_refs WHERE source = ? AND entity = ? AND external_id = ?"),
                 {m_source, entity, externalId}, error))
        return false;
    for (const Reference &r : missing) {
        if (!exec(QStringLiteral("INSERT INTO tributary_pending_refs (source, entity, external_id, column_name, "
                                 "ref_entity, ref_external_id) VALUES (?, ?, ?, ?, ?, ?)"),
                  {m_source, entity, externalId, r.column, r.entity, r.externalId}, error))
            return false;
    }
    return true;
}

bool ParkingLot::quarantine(const QString &entity, const QString &key, const QJsonObject &record, const QString &field,
                            const QString &reason, qint64 runId, const QString &now, bool stopWaiting, Error *error)
{
    if (!exec(QStringLiteral("INSERT INTO tributary_quarantine (source, entity, external_id, record, field, reason, "
                             "attempts, first_seen, last_seen, run_id) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?) "
                             "ON CONFLICT (source, entity, external_id) DO UPDATE SET record = excluded.record, "
                             "field = excluded.field, reason = excluded.reason, "
                             "attempts = tributary_quarantine.attempts + 1, last_seen = excluded.last_seen, "
                             "run_id = excluded.run_id"),
              // A reason may quote a source's answer (a failed fetch of what the record references).
              {m_source, entity, key, compactJson(record), field.isEmpty() ? QVariant() : QVariant(field), Redaction::redact(reason),
               now, now, runId},
              error))
        return false;
    if (!stopWaiting)
        return true;
    // It cannot wait for its references any more: it is held here instead.
    return exec(QStringLiteral("DELETE FROM tributary_pending WHERE source = ? AND entity = ? AND external_id = ?"), {m_source, entity, key}, error)
        && exec(QStringLiteral("DELETE FROM tributary_pending_refs WHERE source = ? AND entity = ? AND external_id = ?"), {m_source, entity, key},
                error);
}

bool ParkingLot::release(const QString &entity, const QString &externalId, Error *error)
{
    for (const QString &table : {QStringLiteral("tributary_pending"), QStringLiteral("tributary_pending_refs"), QStringLiteral("tributary_quarantine")}) {
        if (!exec(QStringLiteral("DELETE FROM %1 WHERE source = ? AND entity = ? AND external_id = ?").arg(table), {m_source, entity, externalId}, error))
            return false;
    }
    return true;
}

bool ParkingLot::dropFromQuarantine(const QString &entity, const QString &externalId, Error *error)
{
    return exec(QStringLiteral("DELETE FROM tributary_quarantine WHERE source = ? AND entity = ? AND external_id = ?"),
                {m_source, entity, externalId}, error);
}

bool ParkingLot::waitingFor(const QString &entity, const QString &externalId, QList<Waiting> *out, Error *error)
{
    out->clear();
    QSqlQuery *q = m_statements.get(kWaiting, error);
    if (!q)
        return false;
    q->bindValue(0, m_source);
    q->bindValue(1, entity);
    q->bindValue(2, externalId);
    if (!m_db.exec(*q, error))
        return false;
    while (q->next())
        out->append({q->value(0).toString(), q->value(1).toString(), parseJsonObject(q->value(2).toString()), q->value(3).toString()});
    q->finish();
    return true;
}

bool ParkingLot::holds(const QString &table, const QString &entity, const QString &externalId, bool *held, Error *error)
{
    QSqlQuery *q = m_statements.get(QStringLiteral("SELECT 1 FROM %1 WHERE source = ? AND entity = ? AND external_id = ?").arg(table), error);
    if (!q)
        return false;
    q->bindValue(0, m_source);
    q->bindValue(1, entity);
    q->bindValue(2, externalId);
    if (!m_db.exec(*q, error))
        return false;
    *held = q->next();
    q->finish();
    return true;
}

bool ParkingLot::isPending(const QString &entity, const QString &externalId, bool *pending, Error *error)
{
    return holds(QStringLiteral("tributary_pending"), entity, externalId, pending, error);
}

bool ParkingLot::isQuarantined(const QString &entity, const QString &externalId, bool *quarantined, Error *error)
{
    return holds(QStringLiteral("tributary_quarantine"), entity, externalId, quarantined, error);
}

Result<QList<ParkingLot::MissingRef>> ParkingLot::missingReferences()
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT DISTINCT r.ref_entity, r.ref_external_id, "
                                    "EXISTS (SELECT 1 FROM tributary_quarantine z WHERE z.source = r.source "
                                    "AND z.entity = r.ref_entity AND z.external_id = r.ref_external_id) "
                                    "FROM tributary_pending_refs r "
                                    "LEFT JOIN tributary_links l ON l.source = r.source AND l.entity = r.ref_entity "
                                    "AND l.external_id = r.ref_external_id "
                                    "WHERE r.source = ? AND l.local_id IS NULL AND NOT EXISTS (SELECT 1 FROM tributary_pending p "
                                    "WHERE p.source = r.source AND p.entity = r.ref_entity AND p.external_id = r.ref_external_id) "
                                    "ORDER BY 1, 2"),
                  {m_source}, &error))
        return error.prefixed(Tr::tr("cannot read the missing references of source %1").arg(m_source));
    QList<MissingRef> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toBool()});
    return out;
}

Result<QList<ParkingLot::PendingEdge>> ParkingLot::pendingEdges()
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT p.entity, p.external_id, p.record, r.column_name, r.ref_entity, r.ref_external_id "
                                    "FROM tributary_pending p JOIN tributary_pending_refs r ON r.source = p.source "
                                    "AND r.entity = p.entity AND r.external_id = p.external_id WHERE p.source = ?"),
                  {m_source}, &error))
        return error.prefixed(Tr::tr("cannot read the pending records of source %1").arg(m_source));
    QList<PendingEdge> out;
    QHash<QString, QJsonObject> records; // each record parsed once, whatever its number of references
    while (q.next()) {
        const QString key = recordKey(q.value(0).toString(), q.value(1).toString());
        auto it = records.find(key);
        if (it == records.end())
            it = records.insert(key, parseJsonObject(q.value(2).toString()));
        out.append({q.value(0).toString(), q.value(1).toString(), *it,
                    {q.value(3).toString(), q.value(4).toString(), q.value(5).toString()}});
    }
    return out;
}

Result<QList<QPair<QString, QString>>> ParkingLot::quarantinedIds()
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT entity, external_id FROM tributary_quarantine WHERE source = ? ORDER BY entity, external_id"),
                  {m_source}, &error))
        return error.prefixed(Tr::tr("cannot read the quarantine of source %1").arg(m_source));
    QList<QPair<QString, QString>> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

Result<QHash<QString, qint64>> ParkingLot::pendingCounts()
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT entity, COUNT(*) FROM tributary_pending WHERE source = ? GROUP BY entity"), {m_source}, &error))
        return error.prefixed(Tr::tr("cannot read the pending records of source %1").arg(m_source));
    QHash<QString, qint64> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

Result<QList<QuarantineEntry>> ParkingLot::list(Database &db, const QuarantineFilter &filter)
{
    QVariantList binds;
    const QString where = quarantineWhere(filter, &binds);
    QSqlQuery q;
    Error error;
    if (!db.run(q, QStringLiteral("SELECT source, entity, external_id, field, reason, attempts, first_seen, last_seen, record "
                                  "FROM tributary_quarantine WHERE %1 ORDER BY source, entity, first_seen, external_id%2")
                       .arg(where, filter.limit > 0 ? QStringLiteral(" LIMIT %1").arg(filter.limit) : QString()),
                binds, &error))
        return error.prefixed(Tr::tr("cannot read the quarantine"));
    QList<QuarantineEntry> out;
    while (q.next()) {
        QuarantineEntry r;
        r.source = q.value(0).toString();
        r.entity = q.value(1).toString();
        r.externalId = q.value(2).toString();
        r.field = q.value(3).toString();
        r.reason = q.value(4).toString();
        r.attempts = q.value(5).toLongLong();
        r.firstSeen = q.value(6).toString();
        r.lastSeen = q.value(7).toString();
        r.record = parseJsonObject(q.value(8).toString());
        out.append(r);
    }
    return out;
}

Result<qint64> ParkingLot::count(Database &db, const QuarantineFilter &filter)
{
    QVariantList binds;
    const QString where = quarantineWhere(filter, &binds);
    QSqlQuery q;
    Error error;
    if (!db.run(q, QStringLiteral("SELECT COUNT(*) FROM tributary_quarantine WHERE %1").arg(where), binds, &error) || !q.next())
        return error.prefixed(Tr::tr("cannot read the quarantine"));
    return q.value(0).toLongLong();
}

Result<QStringList> ParkingLot::quarantinedSources(Database &db)
{
    QSqlQuery q;
    Error error;
    if (!db.run(q, QStringLiteral("SELECT DISTINCT source FROM tributary_quarantine ORDER BY source"), {}, &error))
        return error.prefixed(Tr::tr("cannot read the quarantine"));
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

Result<QHash<QString, qint64>> ParkingLot::countsBySourceAndEntity(Database &db)
{
    QSqlQuery q;
    Error error;
    if (!db.run(q, QStringLiteral("SELECT source, entity, COUNT(*) FROM tributary_quarantine GROUP BY source, entity"), {}, &error))
        return error.prefixed(Tr::tr("cannot read the quarantine"));
    QHash<QString, qint64> out;
    while (q.next())
        out.insert(recordKey(q.value(0).toString(), q.value(1).toString()), q.value(2).toLongLong());
    return out;
}

} // namespace Tributary
