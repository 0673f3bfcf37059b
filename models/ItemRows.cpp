#include "ItemRows.h"

#include "Database.h"

#include <algorithm>
#include <limits>

namespace overrule {

Result<ItemRows> ItemRows::query(const Database& db, std::int64_t runId, const ItemFilter& filter,
                                 ItemSortKey key, bool descending)
{
    ItemRows rows;
    rows.m_runId = runId;
    rows.m_descending = descending;
    if (runId == 0)
        return rows;
    const bool wholeRun = ItemQuery::keepsWholeRun(filter);
    if (wholeRun && (key == ItemSortKey::File || key == ItemSortKey::Score)) {
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
            return rows;
        }
        // A score never changes, so the rows read later continue these exactly.
        auto first = ItemQuery::firstIdsByScore(db, runId, descending, kFirstRows);
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

Status ItemRows::readAll(const Database& db)
{
    auto all = ItemQuery::matchingIds(db, m_runId, {}, ItemSortKey::Score, m_descending);
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
                return makeError(st.isValid() ? st.error() : st.prepareError(),
                                 QStringLiteral("items"));
            return -1;
        }
        if (auto done = readAll(db); !done)
            return done.error();
        it = std::find(m_ids.cbegin(), m_ids.cend(), itemId);
    }
    return it == m_ids.cend() ? -1 : static_cast<int>(it - m_ids.cbegin());
}

} // namespace overrule
