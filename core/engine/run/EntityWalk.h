#pragma once

#include "config/Config.h"
#include "engine/Source.h"
#include "engine/run/RunJob.h"
#include "engine/run/WalkGuard.h"
#include "state/CursorStore.h"
#include "state/Position.h"
#include "state/RunCounts.h"

#include <QDateTime>
#include <QPointer>

#include <optional>

namespace Tributary {

class Applier;
class PageWalker;

// One entity's walk, page by page, each page applied in its own transaction with its cursor:
//   incremental  from the stored (value, id), inclusive, skipping what an earlier run applied at
//                that boundary; over pagination that shifts, keyset emulation (below); a walk
//                that reaches records changed after it began stops there, so a busy source cannot
//                keep a run going forever
//   full         the source's stable order, resumable from its stored continuation; leaves an
//                incremental cursor at the source's clock when the entity has none (or when the
//                one it has is unusable: not a time, or beyond the source's clock)
// Also where a new source starts (`start`: beginning, a date, or now).
// Every page is held to WalkGuard's invariants before it is applied, and a walk the source ended
// is held to the source's total. The cursor only ever takes a value that is a time no later than
// the source's clock plus WalkGuard::kClockToleranceSecs: a record with an unparseable or
// far-future cursor field is applied (or quarantined) but does not move the cursor, with a
// warning; a stored cursor that breaks the rule fails the walk, naming the commands that repair it.
class EntityWalk : public RunJob
{
    Q_OBJECT
public:
    // `full`: walk everything even when the source can filter by change time.
    EntityWalk(Source *impl, Applier &applier, const SourceConfig &source, const EntityConfig &entity, bool full, QObject *parent = nullptr);
    ~EntityWalk() override;

    void start() override;
    void stop() override;

Q_SIGNALS:
    void progress(const QString &entity, const Tributary::EntityCounts &counts);

private:
    void startWalk(const QString &since);
    void onPage(const Page &page);
    // WalkGuard's rules, and on the first page the stored cursor against the source's clock.
    bool checkPage(const Page &page, Error *error);
    // Counts, skips the boundary, applies, moves the cursor (or keeps it, for a re-read).
    bool applyIncoming(const Page &page, bool moveCursor, const QString &token, Error *error);
    void onWalkFinished(const Error &error);
    // The walk's end, once a walk the source ended is known to have reached its total.
    void finishWalk();
    void onRecount(Tributary::SourceJob *job);
    // Before a completed full walk sets the incremental cursor: an unusable one is dropped, so
    // that the walk's start replaces it.
    bool dropUnusableIncrementalCursor(Error *error);
    // Keyset emulation: every request asks again from the last applied value; continuation tokens
    // are followed only inside a group of records sharing one value, which is then read once more
    // from its start, so that a record that moved inside it cannot be missed.
    void requestEmulated(const QString &since, const QString &token);
    void onEmulatedPage(Tributary::SourceJob *job);
    void startGroupReread();
    bool isBoundaryRecord(const QJsonObject &record) const;
    bool isIncremental() const { return m_kind == CursorKind::Incremental; }
    // The failure of a walk whose stored incremental cursor breaks the cursor rules.
    Error unusableCursorError(const QString &problem) const;

    Source *m_impl;
    Applier &m_applier;
    const SourceConfig &m_source;
    const EntityConfig &m_entity;
    const bool m_full;
    EntityCapabilities m_caps;
    CursorKind m_kind = CursorKind::Incremental;
    Position m_position;     // last committed position
    Position m_boundary;     // records at or before this (value, id) were applied by an earlier run
    bool m_probing = false;  // start "now": first request only reads the source's clock
    // The source's clock when the walk began; a walk that reaches records changed after it
    // stops there (the next run goes on).
    QDateTime m_walkStarted;
    bool m_reachedNow = false;
    bool m_stopping = false;
    bool m_endedEarly = false; // the walk stopped itself before the source's last page (now, probe)
    PageWalker *m_walker = nullptr;
    std::optional<WalkGuard> m_guard;
    bool m_checkedStoredCursor = false;
    QDateTime m_clock;        // the source's clock at the latest page (invalid: none said)
    QString m_pageLastValue;  // the last usable cursor value of the page just applied
    QPointer<PageJob> m_countJob;

    bool m_emulating = false;
    QPointer<PageJob> m_emulatedJob;
    QString m_emulatedSince;
    QString m_groupValue;     // the tie group paged through by continuation tokens, if any
    bool m_rereading = false; // re-reading m_groupValue from its start, nothing skipped
    int m_rereads = 0;
    qint64 m_writtenBeforeReread = 0;
    bool m_resumeAfterReread = false; // whether the walk goes on past the group afterwards
    int m_groupPages = 0;     // pages of the tie group read through continuations, this pass
    qint64 m_largestPage = 0; // the most records one answer held: the server's real page size
    // While a tie group is paged through by continuation tokens and until its re-reads found it
    // complete, the stored cursor stays at the group's value with no last id, whatever the walk
    // has applied beyond it: a walk that stops (or is killed) there leaves the next run to read
    // the whole group again, since records may have moved inside it.
    QString m_holdAt;
    Position storedPosition(const Position &next, bool moveCursor) const;
    void resume(bool stable);
};

} // namespace Tributary
