#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>

namespace Tributary {
class Database;
}

namespace Tributary::Gui {

// Something new that is worth a notification: conflicts that wait for a person, or a run that
// failed. Says where to look (the source, and the view its kind belongs to).
struct Notification
{
    enum class Kind { Conflicts, FailedRun };
    Kind kind = Kind::Conflicts;
    QString source;
    qint64 count = 0; // new open conflicts (Conflicts)
    qint64 runId = 0; // the failed run (FailedRun)
    QString title;
    QString text;
};

// Decides what is new since the last look, so that the console announces each new conflict and
// each failed run once, and nothing that was there when it started: the first read is the
// baseline. It reads the main database's conflicts and runs (whoever wrote them: the console,
// tributaryd, another console) and keeps only two watermarks and the failed runs it announced
// beyond them; no widgets, so a test can drive it on a database alone.
class NotificationTracker
{
    Q_DECLARE_TR_FUNCTIONS(NotificationTracker)
public:
    // What is in `db` now counts as seen. A run still going is watched: its failure later is new.
    Result<bool> baseline(Database &db);
    // What appeared since baseline() or the last poll(): one notification per source with new
    // open conflicts (conflicts raised and settled by a rule in between count for nothing), one
    // per failed run. Before any baseline(), the first poll() is the baseline and announces
    // nothing.
    Result<QList<Notification>> poll(Database &db);
    // Forgets everything (another database): the next poll() is a baseline again.
    void reset();
    bool hasBaseline() const { return m_hasBaseline; }

private:
    Result<QList<Notification>> read(Database &db, bool announce);

    bool m_hasBaseline = false;
    qint64 m_conflictMark = 0; // every conflict up to this id was seen
    qint64 m_runMark = 0;      // every run up to this id was seen finished
    QSet<qint64> m_announcedRuns; // failed runs above m_runMark already announced
};

} // namespace Tributary::Gui
