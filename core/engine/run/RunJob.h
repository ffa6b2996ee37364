#pragma once

#include "util/Error.h"

#include <QObject>

namespace Tributary {

// One step of a run that takes several turns of the event loop (an entity's walk, fetches by id,
// the rounds of missing references, a count): started once, stoppable, finished() exactly once.
// A run composes these; each knows only its own step.
class RunJob : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~RunJob() override = default;

    virtual void start() = 0;
    // Stops as soon as what is being applied is committed or rolled back; finished() follows
    // with an Aborted error.
    virtual void stop() = 0;

Q_SIGNALS:
    // Exactly once; no error: the step is complete.
    void finished(const Tributary::Error &error);

protected:
    // Emits finished() once, from the event loop, never from inside a caller's slot.
    void done(const Error &error);
    bool isDone() const { return m_done; }

private:
    bool m_done = false;
};

} // namespace Tributary
