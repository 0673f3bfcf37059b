#include "ItemEntries.h"

#include <algorithm>
#include <cmath>

namespace overrule {
namespace {

// Past this many sorted runs, merging them pairwise costs more than one sort.
constexpr size_t kMaxMergedRuns = 64;

} // namespace

bool itemEntryLess(const ItemEntry& a, const ItemEntry& b)
{
    const bool aNull = std::isnan(a.key), bNull = std::isnan(b.key);
    if (aNull != bNull)
        return aNull;
    if (!aNull && a.key != b.key)
        return a.key < b.key;
    return a.seq < b.seq;
}

void sortItemEntries(std::vector<ItemEntry>& entries)
{
    std::vector<size_t> bounds{0};
    for (size_t i = 1; i < entries.size(); ++i) {
        if (!itemEntryLess(entries[i], entries[i - 1]))
            continue;
        bounds.push_back(i);
        if (bounds.size() > kMaxMergedRuns) {
            std::sort(entries.begin(), entries.end(), itemEntryLess);
            return;
        }
    }
    bounds.push_back(entries.size());
    // Merge neighbouring runs pairwise until one is left; an odd last run waits a pass.
    while (bounds.size() > 2) {
        std::vector<size_t> merged{0};
        size_t j = 0;
        for (; j + 2 < bounds.size(); j += 2) {
            std::inplace_merge(entries.begin() + std::ptrdiff_t(bounds[j]),
                               entries.begin() + std::ptrdiff_t(bounds[j + 1]),
                               entries.begin() + std::ptrdiff_t(bounds[j + 2]), itemEntryLess);
            merged.push_back(bounds[j + 2]);
        }
        if (merged.back() != bounds.back())
            merged.push_back(bounds.back());
        bounds = std::move(merged);
    }
}

} // namespace overrule
