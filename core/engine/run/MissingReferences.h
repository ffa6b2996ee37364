#pragma once

#include "engine/Source.h"
#include "engine/run/RunJob.h"
#include "state/ParkingLot.h"

#include <QPointer>

namespace Tributary {

class Applier;
class FetchByIds;
struct SourceConfig;

// After a run's walks: the records that pending ones still wait for are fetched one by one, in
// rounds (a fetched record may wait for another in turn). A reference the source does not have
// (404) quarantines what waits for it; when nothing fetchable is missing any more, what still
// waits sits on a cycle and is quarantined as such.
class MissingReferences : public RunJob
{
    Q_OBJECT
public:
    MissingReferences(Source *impl, Applier &applier, const SourceConfig &source, QObject *parent = nullptr);

    void start() override;
    void stop() override;

private:
    void nextRound();
    bool onFetched(const QString &entity, const QString &id, RecordJob *job, Error *error);

    Source *m_impl;
    Applier &m_applier;
    const SourceConfig &m_source;
    int m_round = 0;
    QList<ParkingLot::MissingRef> m_missing;
    QPointer<FetchByIds> m_fetch;
    bool m_stopping = false;
};

} // namespace Tributary
