#include "PageWalker.h"

#include <QTimer>

namespace Tributary {

PageWalker::PageWalker(Source *source, const PageRequest &first, QObject *parent)
    : QObject(parent), m_source(source), m_request(first), m_concurrency(qMax(1, source->pageConcurrency(first.entity)))
{
}

PageWalker::~PageWalker()
{
    abortQueued();
}

void PageWalker::start()
{
    m_started = true;
    request(m_request.token);
    topUp();
}

void PageWalker::stop(const Error &reason)
{
    if (m_done || m_stopping)
        return;
    m_stopping = true;
    m_stopReason = reason;
    abortQueued();
    // Report from the event loop, never from inside the caller's pageReady() handler.
    QTimer::singleShot(0, this, [this] { finish(m_stopReason); });
}

void PageWalker::request(const QString &token)
{
    PageRequest r = m_request;
    r.token = token;
    Slot slot;
    slot.token = token;
    PageJob *job = m_source->fetchPage(r);
    slot.job = job;
    m_queue.append(slot);
    connect(job, &SourceJob::finished, this, &PageWalker::onJobFinished);
    job->start();
}

void PageWalker::topUp()
{
    while (!m_stopping && !m_done && !m_queue.isEmpty() && m_queue.size() < m_concurrency) {
        const QString next = m_source->predictToken(m_request, m_queue.last().token);
        if (next.isEmpty())
            return;
        request(next);
    }
}

void PageWalker::abortQueued()
{
    const QList<Slot> queue = std::exchange(m_queue, {});
    for (const Slot &slot : queue) {
        if (slot.job && !slot.done) {
            slot.job->disconnect(this);
            slot.job->abort();
        }
    }
}

void PageWalker::onJobFinished(SourceJob *job)
{
    if (m_stopping || m_done)
        return;
    for (Slot &slot : m_queue) {
        if (slot.job == job) {
            slot.done = true;
            slot.error = job->error();
            if (!job->hasError())
                slot.page = static_cast<PageJob *>(job)->page();
            slot.job = nullptr;
            break;
        }
    }
    if (!m_delivering)
        deliver();
}

void PageWalker::deliver()
{
    // Guards against a job that finishes synchronously inside request(): the loop below picks
    // its result up in order.
    m_delivering = true;
    while (!m_stopping && !m_done && !m_queue.isEmpty() && m_queue.first().done) {
        const Slot slot = m_queue.takeFirst();
        if (slot.error) {
            abortQueued();
            m_delivering = false;
            finish(slot.error);
            return;
        }
        const bool last = slot.page.nextToken.isEmpty();
        if (last) {
            abortQueued(); // predicted pages past the end
        } else if (m_queue.isEmpty() || m_queue.first().token != slot.page.nextToken) {
            abortQueued(); // the prediction was wrong: follow what the source said
            request(slot.page.nextToken);
        }
        topUp();
        Q_EMIT pageReady(slot.page);
        if (last && !m_stopping && !m_done) {
            m_delivering = false;
            finish(Error());
            return;
        }
    }
    m_delivering = false;
}

void PageWalker::finish(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(error);
}

} // namespace Tributary
