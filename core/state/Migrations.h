#pragma once

#include "util/Error.h"

namespace Tributary {

class Database;

// Creates and upgrades Tributary's own tables (prefix tributary_). Never touches the main
// application's tables.
namespace Migrations {
constexpr int kCurrentVersion = 9;
bool run(Database &db, Error *error);
// The state version the main database holds; 0 when it has no state tables yet. A failed read
// is an error, never a version.
bool version(Database &db, int *version, Error *error);
} // namespace Migrations

} // namespace Tributary
