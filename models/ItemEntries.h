#pragma once

#include <cstdint>
#include <vector>

namespace overrule {

// One item of a query with the value it is ordered by; NaN stands for NULL, which sorts first
// as in SQLite's ascending order. Ties go by position in the run (seq), so the order is total.
struct ItemEntry
{
    double key;
    std::int64_t seq;
    std::int64_t id;
};

bool itemEntryLess(const ItemEntry& a, const ItemEntry& b);

// Sorts entries by (key, seq). Entries that arrive as a few sorted runs (one per index range)
// are merged run by run, in linear time per pass; many runs get one plain sort.
void sortItemEntries(std::vector<ItemEntry>& entries);

} // namespace overrule
