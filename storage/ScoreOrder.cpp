#include "ScoreOrder.h"

#include "Database.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace overrule {
namespace {

// No score first, then ascending (SQLite's ORDER BY score, seq: NULLs first; a NaN is stored as
// NULL, so it counts as none here too).
bool before(const ScoreOrder::Entry& a, const ScoreOrder::Entry& b)
{
    const bool aNone = !a.score || std::isnan(*a.score);
    const bool bNone = !b.score || std::isnan(*b.score);
    if (aNone != bNone)
        return aNone;
    if (!aNone && *a.score != *b.score)
        return *a.score < *b.score;
    return a.seq < b.seq;
}

Error storeError(const Statement& st)
{
    return makeError(st.isValid() ? st.error() : st.prepareError(),
                     QStringLiteral("item_score_order"));
}

} // namespace

Status ScoreOrder::write(std::int64_t runId, std::vector<Entry> entries) const
{
    std::sort(entries.begin(), entries.end(), before);
    Statement clear = m_db.prepare("DELETE FROM item_score_order WHERE run_id = ?");
    clear.bind(1, runId);
    if (auto done = clear.exec(); !done)
        return makeError(done.error().message, QStringLiteral("item_score_order"));
    // Sixteen rows a statement: a fraction of the per-statement cost, in rank order so that
    // every row is appended.
    constexpr std::size_t kRows = 16;
    const auto insertFor = [&](std::size_t rows) {
        std::string sql = "INSERT INTO item_score_order(run_id, rank, item_id) VALUES ";
        for (std::size_t r = 0; r < rows; ++r)
            sql += r == 0 ? "(?1, ?, ?)" : ", (?1, ?, ?)";
        return m_db.prepare(sql);
    };
    Statement full = insertFor(kRows);
    if (!full.isValid())
        return storeError(full);
    for (std::size_t first = 0; first < entries.size(); first += kRows) {
        const std::size_t rows = std::min(kRows, entries.size() - first);
        Statement tail;
        if (rows < kRows) {
            tail = insertFor(rows);
            if (!tail.isValid())
                return storeError(tail);
        }
        Statement& insert = rows == kRows ? full : tail;
        insert.bind(1, runId);
        for (std::size_t r = 0; r < rows; ++r) {
            insert.bind(int(2 + 2 * r), static_cast<std::int64_t>(first + r));
            insert.bind(int(3 + 2 * r), entries[first + r].itemId);
        }
        if (auto done = insert.exec(); !done)
            return makeError(done.error().message, QStringLiteral("item_score_order"));
    }
    return {};
}

Status ScoreOrder::rebuild(std::int64_t runId) const
{
    Statement items = m_db.prepare("SELECT score, seq, id FROM items WHERE run_id = ?");
    items.bind(1, runId);
    std::vector<Entry> entries;
    while (items.step())
        entries.push_back({items.optionalReal(0), items.int64(1), items.int64(2)});
    if (items.hasError())
        return storeError(items);
    return write(runId, std::move(entries));
}

Result<std::vector<std::int64_t>> ScoreOrder::ids(std::int64_t runId, bool descending,
                                                  int limit) const
{
    Statement st = m_db.prepare(std::string("SELECT item_id FROM item_score_order WHERE run_id = ? "
                                            "ORDER BY rank") +
                                (descending ? " DESC" : "") + " LIMIT ?");
    st.bind(1, runId).bind(2, limit);
    std::vector<std::int64_t> ids;
    while (st.step())
        ids.push_back(st.int64(0));
    if (st.hasError() || !st.isValid())
        return storeError(st);
    return ids;
}

} // namespace overrule
