#pragma once

#include "Vocabulary.h"

#include <QString>
#include <cstdint>
#include <optional>

namespace overrule {

// What the item table shows of a run. Every field narrows the rows; all run in SQL.
struct ItemFilter
{
    std::optional<Behaviour> verdict;
    std::optional<Intent> intent;
    std::optional<std::int64_t> categoryId;
    std::optional<Outcome> outcome;
    bool unreviewedOnly = false;
    bool onlyDuplicates = false; // items whose prompt repeats an earlier item's in the run
    QString search; // full-text query over prompt+response (FTS5); empty = no search
    bool operator==(const ItemFilter&) const = default;
};

} // namespace overrule
