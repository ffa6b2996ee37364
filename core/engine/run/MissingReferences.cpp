#include "MissingReferences.h"

#include "config/Config.h"
#include "engine/apply/Applier.h"
#include "engine/run/FetchByIds.h"
#include "util/Logging.h"
#include "util/Tr.h"

namespace Tributary {

namespace {
constexpr int kMaxRounds = 25; // chains of missing references followed per run
} // namespace

MissingReferences::MissingReferences(Source *impl, Applier &applier, const SourceConfig &source, QObject *parent)
    : RunJob(parent), m_impl(impl), m_applier(applier), m_source(source)
{
}

void MissingReferences::start()
{
    nextRound();
}

void MissingReferences::stop()
{
    if (m_stopping || isDone())
        return;
    m_stopping = true;
    if (m_fetch)
        m_fetch->stop();
}

void MissingReferences::nextRound()
{
    if (m_stopping) {
        done(Error(Error::Code::Aborted, QStringLiteral("stopped")));
        return;
    }
    Error error;
    const Result<QList<ParkingLot::MissingRef>> missing = m_applier.missingReferences();
    if (!missing.into(&error)) {
        done(error);
        return;
    }
    if (missing->isEmpty()) {
        // Nothing left to fetch: whatever still waits waits on other waiting records.
        if (!m_applier.quarantineStuckPending(&error))
            done(error);
        else
            done(Error());
        return;
    }
    if (*missing == m_missing || m_round >= kMaxRounds) {
        qCWarning(lcEngine).noquote() << QStringLiteral("%1: %2 references still missing after %3 rounds; the next run retries them")
                                             .arg(m_source.name).arg(missing->size()).arg(m_round);
        done(Error());
        return;
    }
    ++m_round;
    m_missing = *missing;
    // A target already in quarantine will not be fetched again: what waits for it is held too.
    QList<RecordRef> fetch;
    for (const ParkingLot::MissingRef &ref : *missing) {
        if (!ref.quarantined) {
            fetch.append({ref.entity, ref.externalId});
            continue;
        }
        if (!m_applier.quarantineWaitingFor(ref.entity, ref.externalId, Tr::tr("which is quarantined"), &error)) {
            done(error);
            return;
        }
    }
    qCInfo(lcEngine).noquote() << QStringLiteral("%1: fetching %2 missing references one by one (round %3)")
                                      .arg(m_source.name).arg(fetch.size()).arg(m_round);
    m_fetch = new FetchByIds(
        m_impl, m_applier, m_source, fetch,
        [this](const RecordRef &ref, RecordJob *job, Error *e) { return onFetched(ref.entity, ref.externalId, job, e); }, this);
    connect(m_fetch, &RunJob::finished, this, [this](const Error &e) {
        m_fetch->deleteLater();
        m_fetch = nullptr;
        if (e)
            done(e);
        else
            nextRound();
    });
    m_fetch->start();
}

bool MissingReferences::onFetched(const QString &entity, const QString &id, RecordJob *job, Error *error)
{
    if (job->hasError()) {
        *error = job->error();
        error->message = QStringLiteral("%1/%2 %3: %4").arg(m_source.name, entity, id, error->message);
        return false;
    }
    if (job->isNotFound())
        return m_applier.quarantineWaitingFor(entity, id, Tr::tr("which does not exist at the source (404)"), error);
    if (!m_applier.applyRecords(*m_source.entity(entity), QJsonArray{job->record()}, error, Applier::Admit::Everything))
        return false;
    const bool linked = m_applier.isLinked(entity, id, error);
    if (error->isError())
        return false;
    if (linked)
        return true;
    const bool pending = m_applier.isPending(entity, id, error);
    if (error->isError())
        return false;
    return pending || m_applier.quarantineWaitingFor(entity, id, Tr::tr("which is quarantined"), error);
}

} // namespace Tributary
