#pragma once

#include "engine/apply/RecordMapper.h"

#include <QJsonArray>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace Tributary {

// Maps the records of one page on a thread of its own while the applier plans and writes them:
// RecordMapper::map is a pure function of the record (its caches are per thread), and it is a
// fifth of an import's instructions. The applier takes the records in page order; take(i) waits
// only when the mapping thread has not reached record i yet. Destroying the object stops the
// thread and joins it, so nothing of the page outlives it. Standard threads and locks, so that
// ThreadSanitizer sees every hand-over.
class PageMapping
{
public:
    enum class Split {
        Ahead,  // the mapping thread maps every record, ahead of the applier's writes (an import)
        Halves, // it maps the first half while the applier's thread maps the second half itself
                // (mapOwnShare), before taking any: for pages with little to write (a full
                // re-read), where the applier's thread would otherwise only wait
    };

    // `mapper` must outlive this object. `withHash`: each record's hash too (what a sync
    // compares); verify compares field by field and needs none.
    PageMapping(const RecordMapper &mapper, const QJsonArray &records, Split split = Split::Ahead, bool withHash = true);
    ~PageMapping();
    PageMapping(const PageMapping &) = delete;
    PageMapping &operator=(const PageMapping &) = delete;

    // Split::Halves: maps the applier's share, on the calling thread, before the first take().
    void mapOwnShare();
    // Record i mapped (with its hash), moved out: each index is taken at most once, in
    // increasing order. Elements that are not objects come out as empty records.
    MappedRecord take(qsizetype i);

    static constexpr qsizetype kHandOver = 16;

private:
    void run();
    MappedRecord mapAt(qsizetype i) const;

    const RecordMapper &m_mapper;
    const QJsonArray m_records;
    const qsizetype m_threadEnd; // the mapping thread maps [0, m_threadEnd)
    const bool m_withHash;
    std::vector<MappedRecord> m_mapped;
    std::mutex m_mutex;
    std::condition_variable m_more;
    qsizetype m_done = 0;   // records mapped by the thread, in order (guarded by m_mutex)
    bool m_waiting = false; // the applier's thread waits for the next one (guarded by m_mutex)
    bool m_stop = false;    // guarded by m_mutex
    bool m_ownMapped = false; // mapOwnShare() ran
    std::thread m_thread;
};

} // namespace Tributary
