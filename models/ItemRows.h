#pragma once

#include "ItemFilter.h"
#include "ItemQuery.h"
#include "Result.h"

#include <cstdint>
#include <vector>

namespace overrule {

class Database;

// Which item each row of the item table shows, for one run, filter and order, holding no more
// than that order needs:
// - the whole run in file order: row r is the item at position r (seq r; descending: the
//   count-1-r), so there is no id list at all and every operation costs one index lookup;
// - the unreviewed items in file order: the same, skipping the reviewed positions (a list as
//   long as the reviewed items, not the run);
// - the whole run by score: the first rows' ids at once, the others when a row past them is
//   first needed (scrolling there, or finding an item);
// - anything else: the ordered ids of the matching items, 8 bytes a row.
class ItemRows
{
public:
    static constexpr int kFirstRows = 1024;

    ItemRows() = default; // no rows
    static Result<ItemRows> query(const Database& db, std::int64_t runId, const ItemFilter& filter,
                                  ItemSortKey key, bool descending);

    int count() const { return m_count; }
    bool isFileOrder() const { return m_fileOrder; }
    bool isDescending() const { return m_descending; }
    // File order only: the position in the run of a row, and the row at a position (-1 for a
    // position that is not a row).
    std::int64_t seqOfRow(int row) const;
    int rowOfSeq(std::int64_t seq) const;
    std::int64_t positions() const { return m_positions; }

    // The ids of rows [first, first + n), not in file order; reads the rest of the order first
    // when those rows were not read yet.
    Result<const std::int64_t*> ids(const Database& db, int first, int n);
    // The row of an item, -1 when it is not one of the rows; not in file order.
    Result<int> rowOfId(const Database& db, std::int64_t itemId);
    // The first row after `afterRow` whose item is unreviewed now (the database is the truth,
    // not what the rows showed when read); -1 when none (no wrapping).
    Result<int> nextUnreviewed(const Database& db, int afterRow);

private:
    Status readAll(const Database& db);
    Result<int> nextUnreviewedInFileOrder(const Database& db, int afterRow) const;

    int m_count = 0;
    bool m_fileOrder = false;
    bool m_descending = false;
    std::int64_t m_runId = 0;
    std::vector<std::int64_t> m_ids; // the first rows' ids until readAll()
    bool m_complete = true;
    std::int64_t m_positions = 0;        // file order: the run's item count
    std::vector<std::int64_t> m_skipped; // file order: positions that are not rows, ascending
};

} // namespace overrule
