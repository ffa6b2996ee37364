#include "RunLease.h"

#include "store/Database.h"
#include "util/Logging.h"
#include "util/Tr.h"

#include <QMutex>
#include <QMutexLocker>
#include <QSet>

namespace Tributary {

namespace {
// Sources whose lease a run of this process holds: the lease row names the process, not the run,
// so two runs of one source in one process (two windows, a test) are kept apart here.
QMutex s_mutex;
QSet<QString> s_leased;
} // namespace

RunLease::RunLease(Database &db, const QString &source, qint64 durationMs, QObject *parent)
    : QObject(parent), m_db(db), m_source(source), m_durationMs(qMax<qint64>(1000, durationMs))
{
    m_timer.setInterval(int(m_durationMs / 3));
    connect(&m_timer, &QTimer::timeout, this, &RunLease::renew);
}

RunLease::~RunLease()
{
    release();
}

Error RunLease::heldElsewhere(const QString &source, const LeaseRecord &holder)
{
    //: %1 source, %2 the worker (host:pid), %3 when its lease ends (UTC)
    return Error(Error::Code::Conflict,
                 Tr::tr("source %1 is being synced by worker %2 (lease until %3); wait for it, or stop it first")
                     .arg(source, holder.worker(), holder.expiresAt().toString(Qt::ISODateWithMs)));
}

bool RunLease::take(Error *error, std::optional<LeaseRecord> *heldBy)
{
    const WorkerIdentity &self = WorkerIdentity::current();
    {
        QMutexLocker lock(&s_mutex);
        if (s_leased.contains(m_source)) {
            LeaseRecord local;
            local.source = m_source;
            local.holder = self.id;
            local.host = self.host;
            local.pid = self.pid;
            *heldBy = local;
            *error = Error(Error::Code::Conflict, Tr::tr("source %1 is being synced by another run of this process (worker %2); wait for it, "
                                                         "or stop it first")
                                                      .arg(m_source, self.display()));
            return false;
        }
        s_leased.insert(m_source);
        m_local = true;
    }
    const Result<LeaseRecord> lease = LeaseStore(m_db).acquire(m_source, self, m_durationMs);
    if (!lease || lease->holder != self.id) {
        if (lease) {
            *heldBy = *lease;
            *error = heldElsewhere(m_source, *lease);
        } else {
            *error = lease.error();
        }
        release();
        return false;
    }
    m_held = true;
    m_timer.start();
    qCDebug(lcEngine).noquote() << QStringLiteral("%1: lease taken by %2 until %3")
                                       .arg(m_source, self.display(), lease->expiresAt().toString(Qt::ISODateWithMs));
    return true;
}

bool RunLease::fence(Error *error)
{
    if (!m_held)
        return true; // a run that takes no lease (a dry run) has nothing to check
    if (m_lost) {
        *error = lostError(Error());
        return false;
    }
    const Result<bool> renewed = LeaseStore(m_db).renew(m_source, WorkerIdentity::current().id, m_durationMs);
    if (renewed && *renewed)
        return true;
    *error = lostError(renewed ? Error() : renewed.error());
    return false;
}

void RunLease::renew()
{
    if (!m_held || m_lost)
        return;
    const Result<bool> renewed = LeaseStore(m_db).renew(m_source, WorkerIdentity::current().id, m_durationMs);
    if (renewed && *renewed)
        return;
    m_lost = true;
    m_timer.stop();
    const Error why = lostError(renewed ? Error() : renewed.error());
    qCWarning(lcEngine).noquote() << why.toString();
    Q_EMIT lost(why);
}

Error RunLease::lostError(const Error &cause) const
{
    if (cause) {
        //: %1 source, %2 the database's error
        return Error(Error::Code::Conflict, Tr::tr("source %1: the run lost its lease on the source (it could not be renewed: %2); it "
                                                   "stopped at its last committed page so that no other worker's run overlaps it")
                                                .arg(m_source, cause.message),
                     cause.detail);
    }
    QString who;
    const Result<std::optional<LeaseRecord>> now = LeaseStore(m_db).find(m_source);
    if (now && *now && (*now)->holder != WorkerIdentity::current().id)
        who = (*now)->worker();
    return Error(Error::Code::Conflict,
                 who.isEmpty() ? Tr::tr("source %1: the run lost its lease on the source (it expired before it could be renewed); it "
                                        "stopped at its last committed page")
                                     .arg(m_source)
                               //: %1 source, %2 the worker that took it over (host:pid)
                               : Tr::tr("source %1: the run lost its lease on the source to worker %2 (it expired before it could be "
                                        "renewed); it stopped at its last committed page")
                                     .arg(m_source, who));
}

void RunLease::release()
{
    m_timer.stop();
    if (m_held) {
        m_held = false;
        Error error;
        // A lease lost to another worker is not ours to delete: release() only deletes our row.
        if (!LeaseStore(m_db).release(m_source, WorkerIdentity::current().id, &error))
            qCWarning(lcEngine).noquote() << QStringLiteral("%1 (it expires by itself)").arg(error.toString());
    }
    if (m_local) {
        m_local = false;
        QMutexLocker lock(&s_mutex);
        s_leased.remove(m_source);
    }
}

} // namespace Tributary
