#include "ItemRows.h"

#include "Database.h"

#include <algorithm>
#include <limits>
#include <string>
#include <unordered_set>

namespace overrule {
namespace {

// How many ids nextUnreviewed() checks per query, and how many such queries it makes before it
// reads the run's reviewed items at once.
constexpr int kScanChunk = 1024;
constexpr int kNearChunks = 4;

Error statementError(const Statement& st)
{
    return makeError(st.isValid() ? st.error() : st.prepareError(), QStringLiteral("items"));
}

} // namespace

Result<ItemRows> ItemRows::query(const Database& db, std::int64_t runId, const ItemFilter& filter,
                                 ItemSortKey key, bool descending)
{
    ItemRows rows;
    rows.m_runId = runId;
    rows.m_descending = descending;
    if (runId == 0)
        return rows;
    const bool wholeRun = ItemQuery::keepsWholeRun(filter);
    const bool unreviewed = key == ItemSortKey::File && ItemQuery::keepsUnreviewed(filter);
    if (unreviewed || (wholeRun && (key == ItemSortKey::File || key == ItemSortKey::Score))) {
        auto span = ItemQuery::span(db, runId);
        if (!span)
            return span.error();
        if (span->count > std::numeric_limits<int>::max())
            return makeError(
                QStringLiteral("run %1 has more items than a table can show").arg(runId),
                QStringLiteral("items"));
        rows.m_count = static_cast<int>(span->count);
        if (key == ItemSortKey::File) {
            rows.m_fileOrder = true;
            rows.m_positions = span->count;
            if (unreviewed) {
                auto reviewed = ItemQuery::reviewedSeqs(db, runId);
                if (!reviewed)
                    return reviewed.error();
                rows.m_skipped = std::move(reviewed).value();
                std::erase_if(rows.m_skipped,
                              [&](std::int64_t seq) { return seq < 0 || seq >= span->count; });
                rows.m_count -= static_cast<int>(rows.m_skipped.size());
            }
            return rows;
        }
        // A score never changes, so the rows read later continue these exactly.
        auto first = ItemQuery::idsByScore(db, runId, descending, kFirstRows);
        if (!first)
            return first.error();
        rows.m_ids = std::move(first).value();
        rows.m_complete = rows.m_ids.size() >= size_t(rows.m_count);
        return rows;
    }
    auto ids = ItemQuery::matchingIds(db, runId, filter, key, descending);
    if (!ids)
        return ids.error();
    rows.m_ids = std::move(ids).value();
    rows.m_ids.shrink_to_fit();
    rows.m_count = static_cast<int>(
        std::min<size_t>(rows.m_ids.size(), size_t(std::numeric_limits<int>::max())));
    return rows;
}

std::int64_t ItemRows::seqOfRow(int row) const
{
    // The a-th position that is not skipped is a + (the skipped positions before it); those are
    // the skipped[k] with skipped[k] - k <= a, a prefix since skipped[k] - k never decreases.
    const std::int64_t a = m_descending ? std::int64_t(m_count) - 1 - row : row;
    size_t low = 0, high = m_skipped.size();
    while (low < high) {
        const size_t mid = (low + high) / 2;
        if (m_skipped[mid] - std::int64_t(mid) <= a)
            low = mid + 1;
        else
            high = mid;
    }
    return a + std::int64_t(low);
}

int ItemRows::rowOfSeq(std::int64_t seq) const
{
    if (seq < 0 || seq >= m_positions)
        return -1;
    const auto at = std::lower_bound(m_skipped.cbegin(), m_skipped.cend(), seq);
    if (at != m_skipped.cend() && *at == seq)
        return -1;
    const std::int64_t a = seq - (at - m_skipped.cbegin());
    return static_cast<int>(m_descending ? std::int64_t(m_count) - 1 - a : a);
}

Status ItemRows::readAll(const Database& db)
{
    auto all = ItemQuery::idsByScore(db, m_runId, m_descending);
    if (!all)
        return all.error();
    m_ids = std::move(all).value();
    // The count was promised to the view; an item that vanished since shows as an empty row.
    m_ids.resize(size_t(m_count), 0);
    m_complete = true;
    return {};
}

Result<const std::int64_t*> ItemRows::ids(const Database& db, int first, int n)
{
    if (first < 0 || n < 0 || first + n > m_count)
        return makeError(QStringLiteral("rows %1-%2 out of range").arg(first).arg(first + n),
                         QStringLiteral("items"));
    if (!m_complete && size_t(first + n) > m_ids.size()) {
        if (auto done = readAll(db); !done)
            return done.error();
    }
    return m_ids.data() + first;
}

Result<int> ItemRows::rowOfId(const Database& db, std::int64_t itemId)
{
    // A linear scan of 8-byte ids: about a millisecond for a million rows, and no index to keep.
    auto it = std::find(m_ids.cbegin(), m_ids.cend(), itemId);
    if (it == m_ids.cend() && !m_complete) {
        // Every item of the run is a row: only read the rest for one that belongs to it.
        Statement st = db.prepare("SELECT 1 FROM items WHERE id = ? AND run_id = ?");
        st.bind(1, itemId).bind(2, m_runId);
        if (!st.step()) {
            if (!st.isValid() || st.hasError())
                return statementError(st);
            return -1;
        }
        if (auto done = readAll(db); !done)
            return done.error();
        it = std::find(m_ids.cbegin(), m_ids.cend(), itemId);
    }
    return it == m_ids.cend() ? -1 : static_cast<int>(it - m_ids.cbegin());
}

// In file order, the reviewed positions from the current one on are read from their partial
// index up to the first gap: the next unreviewed item is usually the next position.
Result<int> ItemRows::nextUnreviewedInFileOrder(const Database& db, int afterRow) const
{
    const bool down = !m_descending;
    const int step = down ? 1 : -1;
    std::int64_t next = afterRow < 0 ? (down ? 0 : m_positions - 1) : seqOfRow(afterRow) + step;
    Statement st = db.prepare(
        std::string("SELECT seq FROM items INDEXED BY items_run_reviewed WHERE run_id = ? AND "
                    "outcome > 0 AND seq ") +
        (down ? ">= ? ORDER BY seq" : "<= ? ORDER BY seq DESC"));
    st.bind(1, m_runId).bind(2, next);
    bool reviewed = st.step();
    for (; next >= 0 && next < m_positions; next += step) {
        if (!reviewed && (!st.isValid() || st.hasError()))
            return statementError(st);
        if (reviewed && st.int64(0) == next) {
            reviewed = st.step();
            continue;
        }
        // Unreviewed; not a row when it was reviewed as the rows were read and withdrawn since.
        if (const int row = rowOfSeq(next); row >= 0)
            return row;
    }
    return -1;
}

Result<int> ItemRows::nextUnreviewed(const Database& db, int afterRow)
{
    if (afterRow + 1 >= m_count)
        return -1;
    if (m_fileOrder)
        return nextUnreviewedInFileOrder(db, afterRow);

    // The next unreviewed row is usually close, so a few chunks of rows are checked by id first;
    // past them, one index range gives every reviewed item of the run and the rest of the rows
    // are checked against it.
    std::string slots;
    for (int i = 0; i < kScanChunk; ++i)
        slots += i == 0 ? "?" : ",?";
    Statement chunkQuery =
        db.prepare("SELECT id FROM items WHERE outcome = 0 AND id IN (" + slots + ")");
    int start = std::max(afterRow + 1, 0);
    for (int chunks = 0; start < m_count && chunks < kNearChunks; ++chunks, start += kScanChunk) {
        const int n = std::min(kScanChunk, m_count - start);
        auto ids = this->ids(db, start, n);
        if (!ids)
            return ids.error();
        const std::int64_t* chunk = *ids;
        // Slots past n stay NULL, which matches nothing.
        for (int i = 0; i < kScanChunk; ++i) {
            if (i < n)
                chunkQuery.bind(i + 1, chunk[i]);
            else
                chunkQuery.bindNull(i + 1);
        }
        std::unordered_set<std::int64_t> unreviewed;
        while (chunkQuery.step())
            unreviewed.insert(chunkQuery.int64(0));
        if (!chunkQuery.isValid() || chunkQuery.hasError())
            return statementError(chunkQuery);
        chunkQuery.reset();
        for (int i = 0; i < n && !unreviewed.empty(); ++i) {
            if (unreviewed.count(chunk[i]))
                return start + i;
        }
    }
    if (start >= m_count)
        return -1;

    auto rest = ids(db, start, m_count - start);
    if (!rest)
        return rest.error();
    Statement st = db.prepare(
        "SELECT id FROM items INDEXED BY items_run_reviewed WHERE run_id = ? AND outcome > 0");
    st.bind(1, m_runId);
    std::vector<std::int64_t> reviewed;
    while (st.step())
        reviewed.push_back(st.int64(0));
    if (!st.isValid() || st.hasError())
        return statementError(st);
    std::sort(reviewed.begin(), reviewed.end());
    for (int row = start; row < m_count; ++row) {
        const std::int64_t id = (*rest)[row - start];
        if (id != 0 && !std::binary_search(reviewed.begin(), reviewed.end(), id))
            return row;
    }
    return -1;
}

} // namespace overrule
