#pragma once

#include "engine/Source.h"

#include <QObject>
#include <QPointer>

namespace Tributary {

// Walks every page of one request. The next page is requested as soon as the current one
// arrives, before the consumer handles it, so the network never waits for the database.
// pageReady() handlers run synchronously and may call stop().
class PageWalker : public QObject
{
    Q_OBJECT
public:
    PageWalker(Source *source, const PageRequest &first, QObject *parent = nullptr);
    ~PageWalker() override;

    void start();
    // Stops after the page being handled; finished() carries `reason` (Aborted by default).
    void stop(const Error &reason = Error(Error::Code::Aborted, QStringLiteral("stopped")));
    bool isRunning() const { return m_started && !m_done; }

Q_SIGNALS:
    void pageReady(const Tributary::Page &page);
    void finished(const Tributary::Error &error); // exactly once; no error = the walk is complete

private:
    void request(const QString &token);
    void onJobFinished(Tributary::SourceJob *job);
    void finish(const Error &error);

    Source *m_source;
    PageRequest m_request;
    QPointer<PageJob> m_job;
    bool m_started = false;
    bool m_done = false;
    bool m_stopping = false;
    Error m_stopReason;
};

} // namespace Tributary
