#include "RunKind.h"

#include "util/Tr.h"

namespace Tributary {

QString RunKinds::name(RunKind kind)
{
    switch (kind) {
    case RunKind::Incremental: return QStringLiteral("incremental");
    case RunKind::Full: return QStringLiteral("full");
    case RunKind::Reconcile: return QStringLiteral("reconcile");
    case RunKind::Webhook: return QStringLiteral("webhook");
    case RunKind::QuarantineRetry: return QStringLiteral("quarantine-retry");
    }
    return QString();
}

std::optional<RunKind> RunKinds::fromName(const QString &name)
{
    for (RunKind k : all()) {
        if (RunKinds::name(k) == name)
            return k;
    }
    return std::nullopt;
}

QString RunKinds::describe(RunKind kind)
{
    switch (kind) {
    case RunKind::Incremental: return Tr::tr("incremental sync");
    case RunKind::Full: return Tr::tr("full sync");
    case RunKind::Reconcile: return Tr::tr("reconciliation");
    case RunKind::Webhook: return Tr::tr("webhook sync");
    case RunKind::QuarantineRetry: return Tr::tr("quarantine retry");
    }
    return QString();
}

QString RunKinds::describe(const QString &name)
{
    const std::optional<RunKind> kind = fromName(name);
    return kind ? describe(*kind) : name;
}

bool RunKinds::isPolling(RunKind kind)
{
    return kind == RunKind::Incremental || kind == RunKind::Full || kind == RunKind::Reconcile;
}

QList<RunKind> RunKinds::polling()
{
    return {RunKind::Incremental, RunKind::Full, RunKind::Reconcile};
}

QList<RunKind> RunKinds::all()
{
    return {RunKind::Incremental, RunKind::Full, RunKind::Reconcile, RunKind::Webhook, RunKind::QuarantineRetry};
}

QString RunStatuses::name(RunStatus status)
{
    switch (status) {
    case RunStatus::Running: return QStringLiteral("running");
    case RunStatus::Ok: return QStringLiteral("ok");
    case RunStatus::Partial: return QStringLiteral("partial");
    case RunStatus::Failed: return QStringLiteral("failed");
    case RunStatus::Interrupted: return QStringLiteral("interrupted");
    case RunStatus::Paused: return QStringLiteral("paused");
    }
    return QString();
}

std::optional<RunStatus> RunStatuses::fromName(const QString &name)
{
    for (RunStatus s : {RunStatus::Running, RunStatus::Ok, RunStatus::Partial, RunStatus::Failed, RunStatus::Interrupted,
                        RunStatus::Paused}) {
        if (RunStatuses::name(s) == name)
            return s;
    }
    return std::nullopt;
}

} // namespace Tributary
