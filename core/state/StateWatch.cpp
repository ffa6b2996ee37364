#include "StateWatch.h"

#include "store/Database.h"
#include "util/Tr.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace Tributary {

namespace {

// The columns of each row of `sql`, joined: a fingerprint of its answer.
bool fingerprint(Database &db, const QString &sql, const QVariantList &binds, QString *out, Error *error)
{
    QSqlQuery q;
    if (!db.run(q, sql, binds, error))
        return false;
    const int columns = q.record().count();
    while (q.next()) {
        for (int i = 0; i < columns; ++i) {
            out->append(q.value(i).toString());
            out->append(QChar(0x1f));
        }
        out->append(QChar(0x1e));
    }
    return true;
}

} // namespace

bool StateWatch::othersMayHaveWritten()
{
    if (!m_db.isSqlite())
        return true;
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("PRAGMA data_version"), {}, &error) || !q.next())
        return true; // cannot tell: read the stamp
    const qint64 version = q.value(0).toLongLong();
    const bool moved = version != m_dataVersion;
    m_dataVersion = version;
    return moved;
}

Result<StateStamp> StateWatch::read(const QStringList &sources)
{
    StateStamp stamp;
    stamp.runs = QStringLiteral(""); // not null: read
    Error error;
    for (const QString &source : sources) {
        if (!fingerprint(m_db, QStringLiteral("SELECT id, status, finished_at FROM tributary_runs WHERE source = ? ORDER BY id DESC LIMIT 1"),
                         {source}, &stamp.runs, &error))
            return error.prefixed(Tr::tr("cannot read the latest runs"));
    }
    if (!fingerprint(m_db, QStringLiteral("SELECT COUNT(*), MAX(id) FROM tributary_conflicts WHERE status = 'open'"), {}, &stamp.conflicts, &error))
        return error.prefixed(Tr::tr("cannot count the open conflicts"));
    if (!fingerprint(m_db, QStringLiteral("SELECT COUNT(*), MAX(last_seen), SUM(attempts) FROM tributary_quarantine"), {}, &stamp.quarantine, &error))
        return error.prefixed(Tr::tr("cannot count the quarantined records"));
    if (!fingerprint(m_db, QStringLiteral("SELECT source, holder, renewed_at FROM tributary_leases ORDER BY source"), {}, &stamp.service, &error)
        || !fingerprint(m_db, QStringLiteral("SELECT worker, seen_at FROM tributary_workers ORDER BY worker"), {}, &stamp.service, &error))
        return error.prefixed(Tr::tr("cannot read the leases and workers"));
    // A push removes operations, refuses them or puts them off; the application's edits add them
    // or bump their version; a retry makes them due: each moves one of these.
    if (!fingerprint(m_db, QStringLiteral("SELECT COUNT(*), MAX(id), SUM(version), SUM(attempts), "
                                          "SUM(CASE WHEN state = 'refused' THEN 1 ELSE 0 END), MIN(next_attempt_at), "
                                          "MAX(next_attempt_at) FROM tributary_outbox"),
                     {}, &stamp.outbox, &error))
        return error.prefixed(Tr::tr("cannot read the outbox"));
    return stamp;
}

} // namespace Tributary
