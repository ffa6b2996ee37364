#pragma once

#include "engine/run/Run.h"

namespace Tributary {

// An incremental or full sync: first the main database's changes for a source that writes back
// (PushJob; pushed first, so that the walk reads their result), then each entity's walk in dependency order (EntityWalk), then the
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
    void push();
    void nextEntity();
    void checkDeletes();

    QList<const EntityConfig *> m_todo;
};

} // namespace Tributary
