#pragma once

#include "Result.h"

#include <string_view>

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

    // The score index as every version since 1 creates it. Scores arrive in random order, so
    // a large import drops it and builds it again at the end (RunWriter): one sort instead of
    // a random insertion per item.
    static constexpr std::string_view kScoreIndex =
        "CREATE INDEX items_run_score ON items(run_id, score, seq)";
};

} // namespace overrule
