#pragma once

#include "engine/Source.h"

#include <QHash>
#include <QStringList>

namespace Tributary {

// The invariants every page of a polling walk keeps, whatever the API's conventions: a walk that
// cannot be shown complete never ends "ok". Checked on every page where a walk reads them
// (EntityWalk: incremental, full, keyset emulation; IdScan) and usable by any other walk:
//   - a page never repeats the ids of the page before it (the continuation was not understood:
//     an API that ignores the page parameter answers page 1 forever);
//   - a continuation is never one this walk already followed (a cursor or next URL that cycles);
//   - in an incremental walk, no record is older than the filter's value (the filter is ignored,
//     and the walk would read the whole collection on every run);
//   - a walk never reads clearly more records than the source announced (a total that lies, or a
//     walk that does not end); in an incremental walk, records changed since it began are not
//     counted (they move behind the walk and are read again);
//   - a walk the source ended reached the source's total (checked by the walk at its end, against
//     a fresh count: records deleted during the walk are no fault).
// A violation is an Error (Code::Parse) whose message names the likely configuration key
// (EntityCapabilities::keys) and the evidence: the URLs and the ids. The walk stops there and the
// run fails; nothing about the page that broke the rule is applied.
class WalkGuard
{
public:
    // A cursor value may be stored only when it is a time no later than the source's clock plus
    // this much: a record dated in year 9999 would otherwise move the cursor past every change
    // to come. A day covers clocks that disagree and time zones written wrongly.
    static constexpr qint64 kClockToleranceSecs = 24 * 3600;
    // What is wrong with `value` as a cursor value at `sourceClock` (invalid: the local clock):
    // empty when nothing is (an empty value, the beginning of history, included); else, for
    // people, "not a time" or "more than a day after the source's clock (...)".
    static QString cursorProblem(const QString &value, const QDateTime &sourceClock);
    static bool isTime(const QString &value);

    WalkGuard(const QString &entity, const QString &idPath, const EntityCapabilities &caps);

    // A walk begins (or, in keyset emulation, a request from `since` and the pages its
    // continuations lead to). `token`: the continuation it resumes from, empty for the first
    // page; `walked`: the records a resumed walk read before it stopped, -1 when unknown (its end
    // is then not counted). Keeps the count of a walk that only restarts its chain (emulation)
    // when `restartChain` is used instead.
    void begin(PageRequest::Mode mode, const QString &since, const QString &token = QString(), qint64 walked = 0);
    void restartChain(const QString &since);

    // Checks the next page of the walk (answered for the previous page's nextToken, or the
    // token begin() was given); the violation, if any.
    Error check(const Page &page);

    // The source ended the walk (a page without a continuation): whether the records read fall
    // short of the total it announced. Then ask it for a fresh count (recountRequest()) and hand
    // the answer to checkEnd(); -1 when it could not count.
    bool isShortOfTotal() const;
    PageRequest recountRequest() const;
    Error checkEnd(qint64 freshTotal) const;

    qint64 walked() const { return m_walked; }
    qint64 total() const { return m_firstTotal; }
    // The total the latest page announced (records deleted during the walk lower it); -1: none.
    qint64 latestTotal() const { return m_lastTotal; }

private:
    // " Check <key>." for the end of a message; `ifTotalWrong` adds the total's key.
    QString advice(const QString &key, const QString &ifTotalWrong = QString()) const;
    QStringList idsOf(const Page &page) const;

    QString m_entity;
    QString m_idPath;
    EntityCapabilities m_caps;
    PageRequest::Mode m_mode = PageRequest::Mode::Full;
    QString m_since;
    qint64 m_walked = 0;      // records read by the whole walk (-1 when a resumed walk's start is unknown)
    qint64 m_chainRecords = 0;
    qint64 m_movedRecords = 0;      // of those, records changed since the chain began (read again legitimately)
    qint64 m_chainStartMicros = -1; // when the chain began by the source's clock, less a second; -1: unknown
    qint64 m_firstTotal = -1; // the first total the walk was told
    qint64 m_maxTotal = -1;   // the largest, for the overflow check
    qint64 m_lastTotal = -1;  // the latest (records deleted during the walk lower it)
    qint64 m_largestPage = 0;
    QString m_expectedToken;  // the continuation that produced the next page
    QHash<QString, QString> m_followed; // continuations followed in this chain -> the URL they gave
    QStringList m_previousIds;
    QString m_previousUrl;
    QString m_lastUrl;
    bool m_previousGuessed = false;
};

} // namespace Tributary
