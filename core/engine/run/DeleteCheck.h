#pragma once

#include "engine/Source.h"
#include "engine/run/RunJob.h"

#include <QPointer>

namespace Tributary {

class Applier;
struct EntityConfig;
struct SourceConfig;

// After a polling sync (RunRequest::DeleteCheck::AfterRun): asks the source how many records each
// entity has (a count request) and compares with the records linked and not deleted. More links
// than records means deletes were missed (webhooks are lost, listings never show deletes); the
// service then reconciles. Only a sign: a failed count is logged and the check goes on.
class DeleteCheck : public RunJob
{
    Q_OBJECT
public:
    DeleteCheck(Source *impl, Applier &applier, const SourceConfig &source, QList<const EntityConfig *> entities, QObject *parent = nullptr);
    ~DeleteCheck() override;

    void start() override;
    void stop() override;

    // "entity: N linked, the source lists M" for each entity with more live links than records.
    const QStringList &missedDeletes() const { return m_missed; }

private:
    void next();

    Source *m_impl;
    Applier &m_applier;
    const SourceConfig &m_source;
    QList<const EntityConfig *> m_todo;
    QPointer<PageJob> m_job;
    QStringList m_missed;
    bool m_stopping = false;
};

} // namespace Tributary
