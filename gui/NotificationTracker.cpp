#include "NotificationTracker.h"

#include "state/ConflictStore.h"
#include "state/RunKind.h"
#include "state/RunLog.h"

#include <QMap>

#include <climits>

namespace Tributary::Gui {

Result<bool> NotificationTracker::baseline(Database &db)
{
    reset();
    const Result<QList<Notification>> seen = read(db, false);
    if (!seen)
        return seen.error();
    m_hasBaseline = true;
    return true;
}

Result<QList<Notification>> NotificationTracker::poll(Database &db)
{
    if (!m_hasBaseline) {
        const Result<bool> first = baseline(db);
        if (!first)
            return first.error();
        return QList<Notification>();
    }
    return read(db, true);
}

void NotificationTracker::reset()
{
    m_hasBaseline = false;
    m_conflictMark = 0;
    m_runMark = 0;
    m_announcedRuns.clear();
}

Result<QList<Notification>> NotificationTracker::read(Database &db, bool announce)
{
    QList<Notification> out;

    // Conflicts: those raised since the mark, counted per source while still open.
    ConflictFilter newer;
    newer.includeResolved = true;
    newer.afterId = m_conflictMark;
    const Result<QList<Conflict>> conflicts = ConflictStore(db).list(newer);
    if (!conflicts)
        return conflicts.error();
    QMap<QString, qint64> openPerSource; // sorted: notifications in a stable order
    qint64 conflictMark = m_conflictMark;
    for (const Conflict &c : *conflicts) {
        conflictMark = qMax(conflictMark, c.id);
        if (c.isOpen())
            ++openPerSource[c.source];
    }

    // Runs: those after the mark, oldest first. The mark moves over finished runs only, so a
    // run still going is read again until it ends; failures beyond the mark are remembered.
    RunFilter after;
    after.afterId = m_runMark;
    after.oldestFirst = true;
    const Result<QList<RunRecord>> runs = RunLog(db).list(after);
    if (!runs)
        return runs.error();
    // Read both before changing anything: a failed read leaves the tracker as it was.
    m_conflictMark = conflictMark;
    if (announce) {
        for (auto it = openPerSource.cbegin(); it != openPerSource.cend(); ++it) {
            Notification n;
            n.kind = Notification::Kind::Conflicts;
            n.source = it.key();
            n.count = it.value();
            n.title = tr("New conflicts");
            n.text = tr("%1: %n new conflict(s) wait for a decision.", nullptr, int(qMin<qint64>(it.value(), INT_MAX))).arg(it.key());
            out.append(n);
        }
    }
    bool contiguous = true;
    for (const RunRecord &r : *runs) {
        const bool finished = !r.finishedAt.isEmpty();
        if (finished && r.runStatus() == RunStatus::Failed && !m_announcedRuns.contains(r.id)) {
            m_announcedRuns.insert(r.id);
            if (announce) {
                Notification n;
                n.kind = Notification::Kind::FailedRun;
                n.source = r.source;
                n.runId = r.id;
                n.title = tr("A sync failed");
                const QString cause = r.error.isEmpty() ? tr("no reason was recorded") : r.error;
                n.text = tr("%1: the %2 failed: %3").arg(r.source, RunKinds::describe(r.kind), cause);
                out.append(n);
            }
        }
        if (!finished)
            contiguous = false;
        if (contiguous) {
            m_runMark = r.id;
            m_announcedRuns.remove(r.id);
        }
    }
    return out;
}

} // namespace Tributary::Gui
