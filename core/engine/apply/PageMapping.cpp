#include "PageMapping.h"

#include <system_error>

namespace Tributary {

PageMapping::PageMapping(const RecordMapper &mapper, const QJsonArray &records, Split split, bool withHash)
    : m_mapper(mapper), m_records(records), m_threadEnd(split == Split::Halves ? records.size() / 2 : records.size()),
      m_withHash(withHash), m_mapped(size_t(records.size()))
{
    if (m_threadEnd == 0)
        return;
    try {
        m_thread = std::thread([this] { run(); });
    } catch (const std::system_error &) {
        // No thread to be had (a process limit): take() maps every record itself.
    }
}

PageMapping::~PageMapping()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    if (m_thread.joinable())
        m_thread.join();
}

MappedRecord PageMapping::mapAt(qsizetype i) const
{
    const QJsonValue v = m_records.at(i);
    return v.isObject() ? m_mapper.map(v.toObject(), m_withHash) : MappedRecord();
}

void PageMapping::run()
{
    for (qsizetype i = 0; i < m_threadEnd; ++i) {
        m_mapped[size_t(i)] = mapAt(i);
        // Handed over kHandOver at a time (and the last ones), so the lock is not taken per record.
        if ((i + 1) % kHandOver != 0 && i + 1 != m_threadEnd)
            continue;
        bool wake = false;
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            if (m_stop)
                return;
            m_done = i + 1; // publishes m_mapped[0..i] to the applier's thread
            wake = m_waiting;
        }
        if (wake)
            m_more.notify_one();
    }
}

void PageMapping::mapOwnShare()
{
    for (qsizetype i = m_threadEnd; i < m_records.size(); ++i)
        m_mapped[size_t(i)] = mapAt(i);
    m_ownMapped = true;
}

MappedRecord PageMapping::take(qsizetype i)
{
    Q_ASSERT(i >= 0 && i < m_records.size());
    if (i >= m_threadEnd)
        return m_ownMapped ? std::move(m_mapped[size_t(i)]) : mapAt(i);
    if (!m_thread.joinable())
        return mapAt(i); // no thread could be started
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_done <= i) {
        m_waiting = true;
        m_more.wait(lock, [&] { return m_done > i; });
        m_waiting = false;
    }
    lock.unlock();
    return std::move(m_mapped[size_t(i)]);
}

} // namespace Tributary
