#include "FetchByIds.h"

#include "config/Config.h"
#include "engine/apply/Applier.h"
#include "util/Tr.h"

#include <utility>

namespace Tributary {

namespace {
constexpr int kRecordFetches = 4; // records fetched at once
} // namespace

FetchByIds::FetchByIds(Source *impl, Applier &applier, const SourceConfig &source, QList<RecordRef> records, Handler onFetched,
                       QObject *parent)
    : RunJob(parent), m_impl(impl), m_applier(applier), m_source(source), m_queue(std::move(records)), m_onFetched(std::move(onFetched))
{
}

FetchByIds::~FetchByIds()
{
    const QList<QPointer<RecordJob>> jobs = std::exchange(m_jobs, {});
    for (const auto &job : jobs) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
}

void FetchByIds::start()
{
    launch();
}

void FetchByIds::stop()
{
    if (m_stopping || isDone())
        return;
    m_stopping = true;
    const QList<QPointer<RecordJob>> jobs = m_jobs; // an abort may finish its job at once
    for (const auto &job : jobs) {
        if (job)
            job->abort();
    }
    launch();
}

void FetchByIds::fail(const Error &error)
{
    m_stopping = true;
    const QList<QPointer<RecordJob>> jobs = std::exchange(m_jobs, {});
    for (const auto &job : jobs) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
    done(error);
}

void FetchByIds::launch()
{
    if (isDone())
        return;
    while (!m_stopping && m_jobs.size() < kRecordFetches && !m_queue.isEmpty()) {
        const RecordRef ref = m_queue.takeFirst();
        const EntityConfig *cfg = m_source.entity(ref.entity);
        if (!cfg || !cfg->enabled) {
            Error e;
            if (!m_applier.quarantineWaitingFor(ref.entity, ref.externalId, Tr::tr("whose entity is not synced"), &e)) {
                fail(e);
                return;
            }
            continue;
        }
        RecordJob *job = m_impl->fetchRecord(ref.entity, ref.externalId);
        m_jobs.append(job);
        connect(job, &SourceJob::finished, this, [this, ref, job] {
            m_jobs.removeAll(job);
            if (isDone())
                return;
            if (!(job->hasError() && job->error().code == Error::Code::Aborted)) {
                Error e;
                if (!m_onFetched(ref, job, &e)) {
                    fail(e);
                    return;
                }
            }
            launch();
        });
        job->start();
    }
    if (m_jobs.isEmpty())
        done(m_stopping ? Error(Error::Code::Aborted, QStringLiteral("stopped")) : Error());
}

} // namespace Tributary
