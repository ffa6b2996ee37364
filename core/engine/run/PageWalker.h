#pragma once

#include "engine/Source.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace Tributary {

// Walks every page of one request, keeping the network busy while the consumer works: the next
// page is requested as soon as its continuation is known, before the current one is handed
// over, and when the source can predict continuations (page numbers, offsets) up to
// Source::pageConcurrency() requests are in flight. Pages are always delivered in walk order,
// and the walk follows the continuation each answer actually gives (a wrong prediction is
// dropped and asked again). pageReady() handlers run synchronously and may call stop().
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
    struct Slot
    {
        QString token;
        QPointer<PageJob> job;
        bool done = false;
        Page page;
        Error error;
    };

    void request(const QString &token);
    void topUp();
    void abortQueued();
    void onJobFinished(Tributary::SourceJob *job);
    void deliver();
    void finish(const Error &error);

    Source *m_source;
    PageRequest m_request;
    int m_concurrency = 1;
    QList<Slot> m_queue; // requests in walk order, oldest first
    bool m_started = false;
    bool m_done = false;
    bool m_stopping = false;
    bool m_delivering = false;
    Error m_stopReason;
};

} // namespace Tributary
