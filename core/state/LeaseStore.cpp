#include "LeaseStore.h"

#include "store/Database.h"
#include "util/Tr.h"

#include <QFile>
#include <QRandomGenerator>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSysInfo>

#include <cerrno>
#include <csignal>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

namespace Tributary {

namespace {

QString columns(const Database &db)
{
    return QStringLiteral("source, holder, host, pid, node, acquired_at, renewed_at, expires_at, %1").arg(db.nowMsSql());
}

LeaseRecord fromQuery(const QSqlQuery &q)
{
    LeaseRecord r;
    r.source = q.value(0).toString();
    r.holder = q.value(1).toString();
    r.host = q.value(2).toString();
    r.pid = q.value(3).toLongLong();
    r.node = q.value(4).toString();
    r.acquiredAtMs = q.value(5).toLongLong();
    r.renewedAtMs = q.value(6).toLongLong();
    r.expiresAtMs = q.value(7).toLongLong();
    r.nowMs = q.value(8).toLongLong();
    return r;
}

QString readFirstLine(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(f.readLine()).trimmed();
}

// The boot and the pid namespace: two processes with the same node see the same process ids.
QString thisNode()
{
    const QString boot = readFirstLine(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    struct stat st;
    if (boot.isEmpty() || ::stat("/proc/self/ns/pid", &st) != 0)
        return QString();
    return QStringLiteral("%1/%2").arg(boot).arg(quint64(st.st_ino));
}

} // namespace

const WorkerIdentity &WorkerIdentity::current()
{
    static const WorkerIdentity self = [] {
        WorkerIdentity w;
        w.host = QSysInfo::machineHostName();
        if (w.host.isEmpty())
            w.host = QStringLiteral("localhost");
        w.pid = qint64(::getpid());
        w.node = thisNode();
        w.id = QStringLiteral("%1:%2:%3").arg(w.host).arg(w.pid).arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
        return w;
    }();
    return self;
}

QString WorkerIdentity::displayOf(const QString &holder)
{
    const qsizetype last = holder.lastIndexOf(QLatin1Char(':'));
    return last > 0 && holder.count(QLatin1Char(':')) >= 2 ? holder.left(last) : holder;
}

bool WorkerIdentity::isGone(const QString &node, qint64 pid)
{
    const WorkerIdentity &self = current();
    if (node.isEmpty() || node != self.node || pid <= 0)
        return false;
    return pid != self.pid && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

Result<LeaseRecord> LeaseStore::acquire(const QString &source, const WorkerIdentity &holder, qint64 durationMs)
{
    // One statement: a new row, or the existing row taken over only when it expired (by the
    // database's clock) or is ours. Two workers racing for one source: one inserts, the other
    // finds the conflict, sees a live lease of someone else, and changes nothing.
    // `gone`: a holder whose process is known to have ended, taken over only if it still holds.
    auto attempt = [&](const QString &gone) -> Result<LeaseRecord> {
        const QString sql =
            QStringLiteral("INSERT INTO tributary_leases (source, holder, host, pid, node, acquired_at, renewed_at, expires_at) "
                           "VALUES (?, ?, ?, ?, ?, %1, %1, %1 + ?) "
                           "ON CONFLICT (source) DO UPDATE SET holder = excluded.holder, host = excluded.host, pid = excluded.pid, "
                           "node = excluded.node, "
                           "acquired_at = CASE WHEN tributary_leases.holder = excluded.holder THEN tributary_leases.acquired_at "
                           "ELSE excluded.acquired_at END, "
                           "renewed_at = excluded.renewed_at, expires_at = excluded.expires_at "
                           "WHERE tributary_leases.expires_at <= excluded.renewed_at OR tributary_leases.holder = excluded.holder "
                           "OR tributary_leases.holder = ?")
                .arg(m_db.nowMsSql());
        Error error;
        QSqlQuery q;
        if (!m_db.run(q, sql, {source, holder.id, holder.host, holder.pid, holder.node.isNull() ? QStringLiteral("") : holder.node, durationMs,
                                  gone.isNull() ? QStringLiteral("") : gone}, &error))
            return error.prefixed(Tr::tr("cannot take the lease of source %1").arg(source));
        const Result<std::optional<LeaseRecord>> held = find(source);
        if (!held)
            return held.error();
        if (!*held)
            return Error(Error::Code::Database, Tr::tr("cannot take the lease of source %1: it was released at once").arg(source));
        return **held;
    };
    // Holder ids are never empty: an empty `gone` matches no row.
    const Result<LeaseRecord> first = attempt(QString());
    if (!first || first->holder == holder.id || !first->isLive() || !WorkerIdentity::isGone(first->node, first->pid))
        return first;
    return attempt(first->holder);
}

Result<bool> LeaseStore::renew(const QString &source, const QString &holder, qint64 durationMs)
{
    const QString now = m_db.nowMsSql();
    Error error;
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("UPDATE tributary_leases SET renewed_at = %1, expires_at = %1 + ? WHERE source = ? AND holder = ?").arg(now),
                  {durationMs, source, holder}, &error))
        return error.prefixed(Tr::tr("cannot renew the lease of source %1").arg(source));
    return q.numRowsAffected() == 1;
}

bool LeaseStore::release(const QString &source, const QString &holder, Error *error)
{
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("DELETE FROM tributary_leases WHERE source = ? AND holder = ?"), {source, holder}, error)) {
        *error = error->prefixed(Tr::tr("cannot release the lease of source %1").arg(source));
        return false;
    }
    return true;
}

Result<std::optional<LeaseRecord>> LeaseStore::find(const QString &source)
{
    Error error;
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("SELECT %1 FROM tributary_leases WHERE source = ?").arg(columns(m_db)), {source}, &error))
        return error.prefixed(Tr::tr("cannot read the lease of source %1").arg(source));
    if (!q.next())
        return std::optional<LeaseRecord>();
    return std::optional<LeaseRecord>(fromQuery(q));
}

Result<QList<LeaseRecord>> LeaseStore::list()
{
    Error error;
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("SELECT %1 FROM tributary_leases ORDER BY source").arg(columns(m_db)), {}, &error))
        return error.prefixed(Tr::tr("cannot read the leases of the sources"));
    QList<LeaseRecord> out;
    while (q.next())
        out.append(fromQuery(q));
    return out;
}

bool LeaseStore::beat(const WorkerIdentity &worker, qint64 durationMs, Error *error, const QJsonObject &plan)
{
    const QString sql = QStringLiteral("INSERT INTO tributary_workers (worker, host, pid, node, started_at, seen_at, expires_at, plan) "
                                       "VALUES (?, ?, ?, ?, %1, %1, %1 + ?, ?) "
                                       "ON CONFLICT (worker) DO UPDATE SET seen_at = excluded.seen_at, expires_at = excluded.expires_at, "
                                       "plan = excluded.plan")
                            .arg(m_db.nowMsSql());
    const QVariant planText = plan.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                             : QVariant(QString::fromUtf8(QJsonDocument(plan).toJson(QJsonDocument::Compact)));
    QSqlQuery q;
    if (!m_db.run(q, sql, {worker.id, worker.host, worker.pid, worker.node.isNull() ? QStringLiteral("") : worker.node, durationMs, planText},
                  error)) {
        *error = error->prefixed(Tr::tr("cannot record this worker in the main database"));
        return false;
    }
    return true;
}

Result<QList<WorkerRecord>> LeaseStore::workers()
{
    QSqlQuery q;
    Error error;
    if (!m_db.run(q, QStringLiteral("SELECT worker, host, pid, started_at, seen_at, expires_at, plan, %1 FROM tributary_workers "
                                    "ORDER BY started_at, worker")
                         .arg(m_db.nowMsSql()),
                  {}, &error))
        return error.prefixed(Tr::tr("cannot read the workers"));
    QList<WorkerRecord> out;
    while (q.next()) {
        WorkerRecord w;
        w.worker = q.value(0).toString();
        w.host = q.value(1).toString();
        w.pid = q.value(2).toLongLong();
        w.startedAtMs = q.value(3).toLongLong();
        w.seenAtMs = q.value(4).toLongLong();
        w.expiresAtMs = q.value(5).toLongLong();
        w.plan = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
        w.nowMs = q.value(7).toLongLong();
        out.append(w);
    }
    return out;
}

bool LeaseStore::forgetGoneWorkers(Error *error)
{
    QSqlQuery q;
    return m_db.run(q, QStringLiteral("DELETE FROM tributary_workers WHERE expires_at < %1 - 86400000").arg(m_db.nowMsSql()), {}, error);
}

bool LeaseStore::leave(const QString &worker, Error *error)
{
    QSqlQuery q;
    return m_db.run(q, QStringLiteral("DELETE FROM tributary_workers WHERE worker = ?"), {worker}, error);
}

Result<int> LeaseStore::liveWorkers()
{
    Error error;
    QSqlQuery q;
    if (!m_db.run(q, QStringLiteral("SELECT COUNT(*) FROM tributary_workers WHERE expires_at > %1").arg(m_db.nowMsSql()), {}, &error))
        return error.prefixed(Tr::tr("cannot read the workers from the main database"));
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace Tributary
