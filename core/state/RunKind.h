#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace Tributary {

// What a run does. Stored in tributary_runs by name(); the engine has one run class per family
// (PollRun: Incremental and Full; ReconcileRun; FetchByIdRun: Webhook and QuarantineRetry).
enum class RunKind {
    Incremental,     // what changed since the cursor
    Full,            // everything the source lists, in its stable order
    Reconcile,       // scan every id, catch up what polling missed, delete what a complete scan did not see
    Webhook,         // just the records webhooks named, fetched by id
    QuarantineRetry, // the quarantined records, fetched by id again
};

namespace RunKinds {
// The name stored in tributary_runs and shown in JSON: "incremental", "full", "reconcile",
// "webhook", "quarantine-retry".
QString name(RunKind kind);
std::optional<RunKind> fromName(const QString &name);
// Words for people, translated: "incremental sync", "webhook sync", "reconciliation", ...; the one
// wording every front end uses. Unknown names (a newer Tributary's) are shown as they are.
QString describe(RunKind kind);
QString describe(const QString &name);
// Whether a run of this kind reads everything that changed at the source (incremental, full,
// reconcile), so that its success says the source is current. Webhook and quarantine runs only
// fetch the records they name.
bool isPolling(RunKind kind);
QList<RunKind> polling();
QList<RunKind> all();
} // namespace RunKinds

// How a run ended ("running" while it goes on).
// Paused: the request budget of a host ran out (Error::Code::BudgetSpent); the run stopped at its
// last committed page, as a success that is not complete, and goes on at RunResult::resumesAt.
enum class RunStatus { Running, Ok, Partial, Failed, Interrupted, Paused };

namespace RunStatuses {
QString name(RunStatus status);
std::optional<RunStatus> fromName(const QString &name);
} // namespace RunStatuses

} // namespace Tributary
