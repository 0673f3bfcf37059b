#pragma once

#include "ItemFilter.h"
#include "Result.h"

#include <cstdint>
#include <vector>

namespace overrule {

class Database;

// What the items of a run can be ordered by. Ties always go by file order (seq), so every
// order is total and stable across queries.
enum class ItemSortKey
{
    File,
    Verdict,
    Intent,
    Category,
    Score,
    Outcome,
    Prompt
};

// The ordered ids of a run's items that match a filter: the one query behind the item table.
// Each order is served by an index on (run_id, key, seq) where one exists, so a million-item
// run costs one index walk, not a sort.
class ItemQuery
{
public:
    static Result<std::vector<std::int64_t>> matchingIds(const Database& db, std::int64_t runId,
                                                         const ItemFilter& filter, ItemSortKey key,
                                                         bool descending);
};

} // namespace overrule
