#include "Error.h"

namespace Tributary {

QString Error::codeName(Code c)
{
    switch (c) {
    case Code::None: return QStringLiteral("none");
    case Code::Config: return QStringLiteral("config");
    case Code::Network: return QStringLiteral("network");
    case Code::Http: return QStringLiteral("http");
    case Code::Auth: return QStringLiteral("auth");
    case Code::RateLimited: return QStringLiteral("rate-limited");
    case Code::Parse: return QStringLiteral("parse");
    case Code::Record: return QStringLiteral("record");
    case Code::Database: return QStringLiteral("database");
    case Code::Aborted: return QStringLiteral("aborted");
    case Code::Internal: return QStringLiteral("internal");
    case Code::NotFound: return QStringLiteral("not-found");
    case Code::Conflict: return QStringLiteral("conflict");
    case Code::BudgetSpent: return QStringLiteral("budget-spent");
    }
    return QStringLiteral("unknown");
}

} // namespace Tributary
