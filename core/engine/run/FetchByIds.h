#pragma once

#include "engine/Source.h"
#include "engine/run/RunJob.h"
#include "engine/run/RunRequest.h"

#include <QPointer>
#include <functional>

namespace Tributary {

class Applier;
struct SourceConfig;

// Fetches records one by one by id, a few at a time, and hands each answer (a record, a 404, or
// an error other than a stop) to `onFetched` in the order they arrive. A record of an entity that
// is not synced is not fetched: what waits for it is quarantined. Finishes when every answer was
// handled, when `onFetched` fails (its error), or stopped (Aborted).
class FetchByIds : public RunJob
{
    Q_OBJECT
public:
    // False with *error ends the step with that error.
    using Handler = std::function<bool(const RecordRef &record, RecordJob *job, Error *error)>;

    FetchByIds(Source *impl, Applier &applier, const SourceConfig &source, QList<RecordRef> records, Handler onFetched,
               QObject *parent = nullptr);
    ~FetchByIds() override;

    void start() override;
    void stop() override;

private:
    void launch();
    void fail(const Error &error);

    Source *m_impl;
    Applier &m_applier;
    const SourceConfig &m_source;
    QList<RecordRef> m_queue;
    Handler m_onFetched;
    QList<QPointer<RecordJob>> m_jobs;
    bool m_stopping = false;
};

} // namespace Tributary
