#pragma once

#include "Result.h"

namespace overrule {

class Database;

// Numbered forward migrations. Migration N brings a workspace from user_version N-1 to N;
// all pending ones run in a single transaction so a failure leaves the file as it was.
class Schema
{
public:
    static int currentVersion();
    // Migrates up to `target` (default: current). Tests use the target to build old workspaces.
    static Status migrate(const Database& db, int target = -1);
};

} // namespace overrule
