#pragma once

#include "engine/run/Run.h"

namespace Tributary {

// An incremental or full sync: each entity's walk in dependency order (EntityWalk), then the
// references still missing (MissingReferences), then, when asked, the count check for missed
// deletes (DeleteCheck).
class PollRun : public Run
{
    Q_OBJECT
public:
    PollRun(Database &db, const Config &config, const SourceConfig &source, Source *impl, const RunRequest &request, QObject *parent = nullptr)
        : Run(db, config, source, impl, request, parent)
    {
    }

protected:
    void begin() override;

private:
    void nextEntity();
    void checkDeletes();

    QList<const EntityConfig *> m_todo;
};

} // namespace Tributary
