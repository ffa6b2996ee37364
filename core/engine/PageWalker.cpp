#include "PageWalker.h"

#include <QTimer>

namespace Tributary {

PageWalker::PageWalker(Source *source, const PageRequest &first, QObject *parent)
    : QObject(parent), m_source(source), m_request(first)
{
}

PageWalker::~PageWalker()
{
    if (m_job)
        m_job->disconnect(this);
    if (m_job)
        m_job->abort();
}

void PageWalker::start()
{
    m_started = true;
    request(m_request.token);
}

void PageWalker::stop(const Error &reason)
{
    if (m_done || m_stopping)
        return;
    m_stopping = true;
    m_stopReason = reason;
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
        m_job = nullptr;
    }
    // Report from the event loop, never from inside the caller's pageReady() handler.
    QTimer::singleShot(0, this, [this] { finish(m_stopReason); });
}

void PageWalker::request(const QString &token)
{
    PageRequest r = m_request;
    r.token = token;
    PageJob *job = m_source->fetchPage(r);
    m_job = job;
    connect(job, &SourceJob::finished, this, &PageWalker::onJobFinished);
    job->start();
}

void PageWalker::onJobFinished(SourceJob *job)
{
    if (job != m_job || m_stopping || m_done)
        return;
    m_job = nullptr;
    if (job->hasError()) {
        finish(job->error());
        return;
    }
    const Page page = static_cast<PageJob *>(job)->page();
    const bool last = page.nextToken.isEmpty();
    if (!last)
        request(page.nextToken);
    Q_EMIT pageReady(page);
    if (last && !m_stopping)
        finish(Error());
}

void PageWalker::finish(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(error);
}

} // namespace Tributary
