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

// Where a run's items are, from the (run_id, seq) index without a scan. Items are numbered
// 0..count-1 in file order (seq), and their ids ascend with seq.
struct RunSpan
{
    std::int64_t count = 0;
    std::int64_t firstId = 0; // id of seq 0
    std::int64_t lastId = 0;  // id of seq count-1
    // No other run's item has an id in [firstId, lastId]: true for every imported run.
    bool contiguous() const { return count > 0 && lastId - firstId + 1 == count; }
};

// The ordered ids of a run's items that match a filter: the queries behind the item table.
// Every filter reads one range of a covering index (never the table), and orders that the index
// does not give are sorted in memory, from sorted runs where it can.
class ItemQuery
{
public:
    static Result<std::vector<std::int64_t>> matchingIds(const Database& db, std::int64_t runId,
                                                         const ItemFilter& filter, ItemSortKey key,
                                                         bool descending);
    // The ids of the whole run by score (and seq), the first `limit` or all (-1): one walk of
    // the run's score order (ScoreOrder), no sort.
    static Result<std::vector<std::int64_t>> idsByScore(const Database& db, std::int64_t runId,
                                                        bool descending, int limit = -1);
    static Result<RunSpan> span(const Database& db, std::int64_t runId);
    // The positions (seq) of the run's reviewed items (outcome > 0), ascending.
    static Result<std::vector<std::int64_t>> reviewedSeqs(const Database& db, std::int64_t runId);
    // True when the filter keeps exactly the run's unreviewed items.
    static bool keepsUnreviewed(const ItemFilter& filter);
    // True when the filter keeps every item of the run (a search without a word is no search).
    static bool keepsWholeRun(const ItemFilter& filter);
};

} // namespace overrule
