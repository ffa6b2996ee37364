#pragma once

namespace Tributary {

// Exit statuses of tributaryd, documented in the README and docs/operations.md. Scripts rely on
// them: never renumber.
enum ExitCode {
    ExitOk = 0,          // done, everything applied (verify: in sync, and every check it could run passed)
    ExitFailed = 1,      // a source, the network or the database failed; the next run resumes
    ExitUsage = 2,       // bad command line or configuration: nothing was run
    ExitPartial = 3,     // done, but records are quarantined or still wait for references
    ExitAuth = 4,        // a source refused the credentials: it needs attention
    ExitDifferent = 5,   // verify: the main database differs from the source, or a check of the source failed
    ExitInterrupted = 6, // stopped by SIGINT or SIGTERM; the page in flight was committed or rolled back
};

} // namespace Tributary
