#include "CursorStore.h"

#include "store/Database.h"
#include "store/Statements.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QSqlQuery>

namespace Tributary {

namespace {

const QString kLoad = QStringLiteral("SELECT position FROM tributary_cursors WHERE source = ? AND entity = ? AND kind = ?");
const QString kSave = QStringLiteral("INSERT INTO tributary_cursors (source, entity, kind, position, run_id, updated_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, entity, kind) DO UPDATE SET "
                                     "position = excluded.position, run_id = excluded.run_id, updated_at = excluded.updated_at");

} // namespace

QString CursorStore::kindName(CursorKind kind)
{
    switch (kind) {
    case CursorKind::Incremental: return QStringLiteral("incremental");
    case CursorKind::Full: return QStringLiteral("full");
    case CursorKind::Reconcile: return QStringLiteral("reconcile");
    case CursorKind::Start: return QStringLiteral("start");
    }
    return QString();
}

std::optional<CursorKind> CursorStore::kindFromName(const QString &name)
{
    for (CursorKind kind : {CursorKind::Incremental, CursorKind::Full, CursorKind::Reconcile, CursorKind::Start}) {
        if (name == kindName(kind))
            return kind;
    }
    return std::nullopt;
}

bool CursorStore::load(const QString &source, const QString &entity, CursorKind kind, Position *position, Error *error)
{
    *position = Position();
    QSqlQuery local;
    QSqlQuery *q = Statements::from(m_statements, m_db, local, kLoad, error);
    if (!q)
        return false;
    q->bindValue(0, source);
    q->bindValue(1, entity);
    q->bindValue(2, kindName(kind));
    if (!m_db.exec(*q, error)) {
        *error = error->prefixed(Tr::tr("cannot read the %1 cursor of %2/%3").arg(kindName(kind), source, entity));
        return false;
    }
    if (q->next())
        *position = Position::fromJson(parseJsonObject(q->value(0).toString()));
    q->finish();
    return true;
}

bool CursorStore::save(const QString &source, const QString &entity, CursorKind kind, const Position &position, qint64 runId, Error *error)
{
    QSqlQuery local;
    QSqlQuery *q = Statements::from(m_statements, m_db, local, kSave, error);
    if (!q)
        return false;
    q->bindValue(0, source);
    q->bindValue(1, entity);
    q->bindValue(2, kindName(kind));
    q->bindValue(3, compactJson(position.toJson()));
    q->bindValue(4, runId);
    q->bindValue(5, Database::now());
    return m_db.exec(*q, error);
}

bool CursorStore::remove(const QString &source, const QString &entity, CursorKind kind, Error *error)
{
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("DELETE FROM tributary_cursors WHERE source = ? AND entity = ? AND kind = ?"),
                  {source, entity, kindName(kind)}, error)) {
        *error = error->prefixed(Tr::tr("cannot reset the %1 cursor of %2/%3").arg(kindName(kind), source, entity));
        return false;
    }
    return true;
}

Result<QList<CursorRecord>> CursorStore::list(const QString &source)
{
    QSqlQuery q;
    Error error;
    const QString where = source.isEmpty() ? QString() : QStringLiteral(" WHERE source = ?");
    if (!m_db.run(q, QStringLiteral("SELECT source, entity, kind, position, run_id, updated_at FROM tributary_cursors%1 ORDER BY source, entity, kind").arg(where),
                  source.isEmpty() ? QVariantList() : QVariantList{source}, &error))
        return error.prefixed(Tr::tr("cannot read the cursors"));
    QList<CursorRecord> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    Position::fromJson(parseJsonObject(q.value(3).toString())), q.value(4).toLongLong(), q.value(5).toString()});
    return out;
}

QString CursorStore::describe(const Position &p)
{
    QStringList parts;
    if (!p.value.isEmpty())
        parts.append(Tr::tr("value %1").arg(p.value));
    if (!p.lastId.isEmpty())
        parts.append(Tr::tr("last id %1").arg(p.lastId));
    if (!p.token.isEmpty())
        //: A full walk or scan that stopped part-way: where it resumes, and how many records it had read.
        parts.append(Tr::tr("resumes at %1 (after %2 records)").arg(p.token.left(60)).arg(p.walked));
    return parts.isEmpty() ? Tr::tr("(empty)") : parts.join(QStringLiteral(", "));
}

} // namespace Tributary
