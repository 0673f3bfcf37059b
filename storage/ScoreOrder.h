#pragma once

#include "Result.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace overrule {

class Database;

// A run's items in score order: items without a score first, then ascending scores, ties in
// file order. Table item_score_order (schema v9) holds the item ids in that order, packed 4,096
// to a block (little-endian 64-bit). Scores arrive in random order, so an index on them cost a
// random B-tree insertion per imported item (~2.8 us at 1M items, the import's largest single
// cost); the order is instead sorted in memory once per import and written as ~250 blocks per
// million items. A score never changes after import.
class ScoreOrder
{
public:
    explicit ScoreOrder(const Database& db) : m_db(db) {}

    struct Entry
    {
        std::optional<double> score;
        std::int64_t seq = 0;
        std::int64_t itemId = 0;
    };

    // Replaces the run's order with that of `entries` (one per item of the run, any order).
    Status write(std::int64_t runId, std::vector<Entry> entries) const;
    // Writes the run's order from its items as stored (a run appended to, a migrated workspace,
    // or items written without the importer).
    Status rebuild(std::int64_t runId) const;
    // The first `limit` item ids in score order (all of them when limit < 0), or the last ones
    // first when descending.
    Result<std::vector<std::int64_t>> ids(std::int64_t runId, bool descending,
                                          int limit = -1) const;

    static constexpr std::size_t kBlock = 4096;

private:
    const Database& m_db;
};

} // namespace overrule
