#pragma once

#include <QDateTime>
#include <QString>

namespace Tributary {

// A failure that a person can act on: a code for programs, a message for people (what went
// wrong, where, and what to do) and a detail for logs (raw server text, SQL error, ...).
struct Error
{
    enum class Code {
        None,
        Config,      // invalid configuration: refuse to start
        Network,     // connection refused, reset, timeout
        Http,        // unexpected HTTP status
        Auth,        // 401/403: the source needs attention, never retried in a loop
        RateLimited, // 429 after the retries ran out
        Parse,       // malformed or truncated body
        Record,      // one record failed validation or mapping
        Database,    // SQL failure in the main database
        Aborted,     // stopped by the user or a signal
        NotFound,    // no such thing (a conflict id, a source)
        Conflict,    // refused: the data changed since it was shown, or the choice does not fit
        Internal,
        // The request budget of a host is spent for longer than its max_wait: not a failure, the
        // run stops at its last committed page and goes on at retryAt (RunStatus::Paused).
        BudgetSpent,
    };

    Code code = Code::None;
    QString message;
    QString detail;
    // The database gave this transaction up because of another one running at the same time (a
    // deadlock, a serialization failure, a lock it could not get): the same work, started again,
    // succeeds. Never the record's fault, so never a reason to quarantine it.
    bool transient = false;
    // When the same work may succeed (BudgetSpent: the host's budget is back); invalid otherwise.
    QDateTime retryAt;

    Error() = default;
    Error(Code c, QString msg, QString det = {})
        : code(c), message(std::move(msg)), detail(std::move(det)) {}

    bool isError() const { return code != Code::None; }
    explicit operator bool() const { return isError(); }
    QString toString() const { return detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + QLatin1Char(')'); }
    // The same error with what was being done in front of its message: "cannot read the runs of
    // source forum: a statement failed on the main database".
    Error prefixed(const QString &doing) const
    {
        Error e = *this;
        e.message = message.isEmpty() ? doing : doing + QStringLiteral(": ") + message;
        return e;
    }
    static QString codeName(Code c);
};

} // namespace Tributary
