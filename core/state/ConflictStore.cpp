#include "ConflictStore.h"

#include "store/Database.h"
#include "store/Statements.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace Tributary {

namespace {

QJsonObject parseObject(const QVariant &v) { return parseJsonObject(v.toString()); }

const char *kSelect = "SELECT id, source, entity, external_id, local_id, kind, fields, base, local, remote, local_by, status, "
                      "resolution, resolved_by, created_at, updated_at, resolved_at FROM tributary_conflicts";

Conflict fromQuery(const QSqlQuery &q)
{
    Conflict c;
    c.id = q.value(0).toLongLong();
    c.source = q.value(1).toString();
    c.entity = q.value(2).toString();
    c.externalId = q.value(3).toString();
    c.localId = q.value(4).toString();
    c.kind = q.value(5).toString();
    for (const QJsonValue &f : parseJsonArray(q.value(6).toString()))
        c.fields.append(f.toString());
    c.base = parseObject(q.value(7));
    c.local = parseObject(q.value(8));
    c.remote = parseObject(q.value(9));
    c.localBy = parseObject(q.value(10));
    c.status = q.value(11).toString();
    c.resolution = q.value(12).toString();
    c.resolvedBy = q.value(13).toString();
    c.createdAt = q.value(14).toString();
    c.updatedAt = q.value(15).toString();
    c.resolvedAt = q.value(16).toString();
    return c;
}

// The filter as conditions, and their binds.
QString conditions(const ConflictFilter &filter, QVariantList *binds)
{
    QStringList where{QStringLiteral("1 = 1")};
    if (!filter.includeResolved)
        where.append(QStringLiteral("status = 'open'"));
    if (!filter.sources.isEmpty()) {
        where.append(QStringLiteral("source IN (%1)").arg(QStringList(filter.sources.size(), QStringLiteral("?")).join(QLatin1Char(','))));
        for (const QString &s : filter.sources)
            binds->append(s);
    }
    if (!filter.entity.isEmpty()) {
        where.append(QStringLiteral("entity = ?"));
        binds->append(filter.entity);
    }
    if (!filter.externalId.isEmpty()) {
        where.append(QStringLiteral("external_id = ?"));
        binds->append(filter.externalId);
    }
    if (!filter.localId.isEmpty()) {
        where.append(QStringLiteral("local_id = ?"));
        binds->append(filter.localId);
    }
    if (!filter.field.isEmpty()) {
        // fields is a JSON array of names: match the quoted name exactly.
        where.append(QStringLiteral("fields LIKE ? ESCAPE '\\'"));
        QString name = filter.field;
        name.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('%'), QStringLiteral("\\%")).replace(QLatin1Char('_'), QStringLiteral("\\_"));
        binds->append(QStringLiteral("%\"%1\"%").arg(name));
    }
    if (filter.raisedBefore.isValid()) {
        where.append(QStringLiteral("created_at < ?"));
        binds->append(filter.raisedBefore.toUTC().toString(Qt::ISODateWithMs));
    }
    if (filter.afterId > 0) {
        where.append(QStringLiteral("id > ?"));
        binds->append(filter.afterId);
    }
    return where.join(QStringLiteral(" AND "));
}

} // namespace

QJsonObject Conflict::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("source"), source},
                       {QStringLiteral("entity"), entity},
                       {QStringLiteral("external_id"), externalId},
                       {QStringLiteral("local_id"), localId},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("fields"), QJsonArray::fromStringList(fields)},
                       {QStringLiteral("base"), base},
                       {QStringLiteral("local"), local},
                       {QStringLiteral("remote"), remote},
                       {QStringLiteral("local_by"), localBy},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("resolution"), resolution},
                       {QStringLiteral("resolved_by"), resolvedBy},
                       {QStringLiteral("created_at"), createdAt},
                       {QStringLiteral("updated_at"), updatedAt},
                       {QStringLiteral("resolved_at"), resolvedAt}};
}

QString Conflict::describeKind(const QString &kind)
{
    if (kind == QLatin1String("field"))
        return Tr::tr("both sides changed the same field");
    if (kind == QLatin1String("local-deleted"))
        return Tr::tr("the main application deleted the row; the source changed it");
    if (kind == QLatin1String("remote-deleted"))
        return Tr::tr("the source deleted the record; the main application changed the row");
    return kind;
}

Result<QList<Conflict>> ConflictStore::list(const ConflictFilter &filter)
{
    QVariantList binds;
    QString sql = QString::fromLatin1(kSelect) + QStringLiteral(" WHERE ") + conditions(filter, &binds) + QStringLiteral(" ORDER BY id");
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, sql, binds, &error))
        return error.prefixed(Tr::tr("cannot read the conflicts"));
    QList<Conflict> out;
    while (q.next())
        out.append(fromQuery(q));
    return out;
}

Result<Conflict> ConflictStore::get(qint64 id)
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QString::fromLatin1(kSelect) + QStringLiteral(" WHERE id = ?"), {id}, &error))
        return error.prefixed(Tr::tr("cannot read conflict #%1").arg(id));
    if (!q.next())
        return Error(Error::Code::NotFound, Tr::tr("there is no conflict #%1").arg(id));
    return fromQuery(q);
}

Result<qint64> ConflictStore::count(const ConflictFilter &filter)
{
    QVariantList binds;
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE ") + conditions(filter, &binds), binds, &error) || !q.next())
        return error.prefixed(Tr::tr("cannot count the conflicts"));
    return q.value(0).toLongLong();
}

Result<QHash<QString, qint64>> ConflictStore::openCountsBySourceAndEntity()
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT source, entity, COUNT(*) FROM tributary_conflicts WHERE status = 'open' GROUP BY source, entity"), {},
                  &error))
        return error.prefixed(Tr::tr("cannot count the conflicts"));
    QHash<QString, qint64> out;
    while (q.next())
        out.insert(q.value(0).toString() + QChar(0x1f) + q.value(1).toString(), q.value(2).toLongLong());
    return out;
}

Result<QList<QPair<QString, QString>>> ConflictStore::sourceEntityPairs()
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT DISTINCT source, entity FROM tributary_conflicts ORDER BY source, entity"), {}, &error))
        return error.prefixed(Tr::tr("cannot read the conflicts"));
    QList<QPair<QString, QString>> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

bool ConflictStore::openAmong(const QString &source, const QString &entity, const QStringList &externalIds, QSet<QString> *open, Error *error)
{
    QVariantList ids;
    ids.reserve(externalIds.size());
    for (const QString &id : externalIds)
        ids.append(id);
    return m_db.selectIn(QStringLiteral("SELECT external_id FROM tributary_conflicts WHERE source = ? AND entity = ? AND status = 'open' "
                                        "AND external_id IN (%1)"),
                         {source, entity}, ids, [&](const QSqlQuery &q) { open->insert(q.value(0).toString()); }, error, &m_openAmong);
}

bool ConflictStore::record(const Conflict &c, qint64 runId, const QString &now, Error *error)
{
    const bool open = c.resolution.isEmpty();
    if (open) {
        QSqlQuery localFind;
        QSqlQuery *find = Statements::from(m_statements, m_db, localFind, QStringLiteral("SELECT id, fields, base, local, remote, local_by FROM tributary_conflicts "
                                                   "WHERE source = ? AND entity = ? AND external_id = ? AND status = 'open' AND kind = ?"), error);
        if (!find)
            return false;
        find->bindValue(0, c.source);
        find->bindValue(1, c.entity);
        find->bindValue(2, c.externalId);
        find->bindValue(3, c.kind);
        if (!m_db.exec(*find, error))
            return false;
        if (find->next()) {
            const qlonglong id = find->value(0).toLongLong();
            QStringList allFields;
            for (const QJsonValue &f : parseJsonArray(find->value(1).toString()))
                allFields.append(f.toString());
            QJsonObject b = parseJsonObject(find->value(2).toString());
            QJsonObject l = parseJsonObject(find->value(3).toString());
            QJsonObject r = parseJsonObject(find->value(4).toString());
            QJsonObject by = parseJsonObject(find->value(5).toString());
            find->finish();
            for (const QString &f : c.fields) {
                if (!allFields.contains(f))
                    allFields.append(f);
                if (!b.contains(f))
                    b.insert(f, c.base.value(f));
                l.insert(f, c.local.value(f));
                r.insert(f, c.remote.value(f));
                if (c.localBy.contains(f))
                    by.insert(f, c.localBy.value(f));
                else
                    by.remove(f);
            }
            QSqlQuery localUpdate;
            QSqlQuery *upd = Statements::from(m_statements, m_db, localUpdate, QStringLiteral("UPDATE tributary_conflicts SET fields = ?, base = ?, local = ?, remote = ?, "
                                                      "local_by = ?, updated_at = ?, run_id = ? WHERE id = ?"), error);
            if (!upd)
                return false;
            upd->bindValue(0, compactJson(QJsonArray::fromStringList(allFields)));
            upd->bindValue(1, compactJson(b));
            upd->bindValue(2, compactJson(l));
            upd->bindValue(3, compactJson(r));
            upd->bindValue(4, by.isEmpty() ? QVariant() : QVariant(compactJson(by)));
            upd->bindValue(5, now);
            upd->bindValue(6, runId);
            upd->bindValue(7, id);
            return m_db.exec(*upd, error);
        }
        find->finish();
    }
    QSqlQuery localInsert;
    QSqlQuery *ins = Statements::from(m_statements, m_db, localInsert, QStringLiteral("INSERT INTO tributary_conflicts (source, entity, external_id, local_id, kind, fields, "
                                              "base, local, remote, status, resolution, resolved_by, created_at, updated_at, "
                                              "resolved_at, run_id, local_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"), error);
    if (!ins)
        return false;
    ins->bindValue(0, c.source);
    ins->bindValue(1, c.entity);
    ins->bindValue(2, c.externalId);
    ins->bindValue(3, c.localId);
    ins->bindValue(4, c.kind);
    ins->bindValue(5, compactJson(QJsonArray::fromStringList(c.fields)));
    ins->bindValue(6, compactJson(c.base));
    ins->bindValue(7, compactJson(c.local));
    ins->bindValue(8, compactJson(c.remote));
    ins->bindValue(9, open ? QStringLiteral("open") : QStringLiteral("resolved"));
    ins->bindValue(10, open ? QVariant() : QVariant(c.resolution));
    ins->bindValue(11, open ? QVariant() : QVariant(QStringLiteral("policy")));
    ins->bindValue(12, now);
    ins->bindValue(13, now);
    ins->bindValue(14, open ? QVariant() : QVariant(now));
    ins->bindValue(15, runId);
    ins->bindValue(16, c.localBy.isEmpty() ? QVariant() : QVariant(compactJson(c.localBy)));
    return m_db.exec(*ins, error);
}

bool ConflictStore::markResolved(qint64 id, const QString &resolution, const QString &resolvedBy, const QString &at, bool *done, Error *error)
{
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("UPDATE tributary_conflicts SET status = 'resolved', resolution = ?, resolved_by = ?, "
                                    "resolved_at = ?, updated_at = ? WHERE id = ? AND status = 'open'"),
                  {resolution, resolvedBy, at, at, id}, error))
        return false;
    *done = q.numRowsAffected() == 1;
    return true;
}

bool ConflictStore::updateLocal(qint64 id, const QJsonObject &local, bool converged, const QString &at, Error *error)
{
    QSqlQuery q;
    if (converged)
        return m_db.run(q, QStringLiteral("UPDATE tributary_conflicts SET local = ?, updated_at = ?, status = 'resolved', "
                                          "resolution = 'converged', resolved_by = 'main application', resolved_at = ? WHERE id = ?"),
                        {compactJson(local), at, at, id}, error);
    return m_db.run(q, QStringLiteral("UPDATE tributary_conflicts SET local = ?, updated_at = ? WHERE id = ?"), {compactJson(local), at, id}, error);
}

bool ConflictStore::resolveAllOfSource(const QString &source, const QString &resolution, const QString &resolvedBy, const QString &at,
                                       qint64 *resolved, Error *error)
{
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("UPDATE tributary_conflicts SET status = 'resolved', resolution = ?, resolved_by = ?, "
                                    "resolved_at = ?, updated_at = ? WHERE status = 'open' AND source = ?"),
                  {resolution, resolvedBy, at, at, source}, error))
        return false;
    *resolved = q.numRowsAffected();
    return true;
}

} // namespace Tributary
