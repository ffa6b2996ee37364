#pragma once

#include "state/LeaseStore.h"
#include "util/Error.h"

#include <QObject>
#include <QTimer>
#include <optional>

namespace Tributary {

class Database;

// The lease a run holds on its source (LeaseStore), so that one worker at a time runs it: taken
// when the run opens, renewed every third of its time while the run goes, checked again in each
// of the run's write transactions (fence()), released when the run ends. Within one process a
// source is leased to one run at a time as well. Lives in the run's thread, on its connection.
class RunLease : public QObject
{
    Q_OBJECT
public:
    RunLease(Database &db, const QString &source, qint64 durationMs, QObject *parent = nullptr);
    // Releases the lease when still held.
    ~RunLease() override;

    // Takes the lease. False with *error set when it could not be read or written; false with
    // *heldBy set (and *error naming the holder) when another worker, or another run of this
    // process, holds the source.
    bool take(Error *error, std::optional<LeaseRecord> *heldBy);
    // Inside a write transaction: true when the lease is still this run's (and extended); else
    // false with an error naming the cause, and the transaction must be rolled back. With the
    // lease row written in the transaction, no other worker can take it until it commits.
    bool fence(Error *error);
    // Lets go of the lease (idempotent).
    void release();
    bool isHeld() const { return m_held; }
    qint64 durationMs() const { return m_durationMs; }

    // The refusal of a run whose source `holder` holds, as people read it.
    static Error heldElsewhere(const QString &source, const LeaseRecord &holder);

Q_SIGNALS:
    // The lease could not be renewed (another worker took it over, or the database did not
    // answer): the run must stop writing. Emitted once.
    void lost(const Tributary::Error &why);

private:
    void renew();
    Error lostError(const Error &cause) const;

    Database &m_db;
    const QString m_source;
    const qint64 m_durationMs;
    QTimer m_timer;
    bool m_held = false;
    bool m_local = false; // registered in this process's set of leased sources
    bool m_lost = false;
};

} // namespace Tributary
