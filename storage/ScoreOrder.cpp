#include "ScoreOrder.h"

#include "Database.h"

#include <QtEndian>
#include <algorithm>
#include <cmath>
#include <cstring>
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
    Statement insert =
        m_db.prepare("INSERT INTO item_score_order(run_id, block, ids) VALUES (?, ?, ?)");
    if (!insert.isValid())
        return storeError(insert);
    std::string bytes;
    for (std::size_t first = 0; first < entries.size(); first += kBlock) {
        const std::size_t count = std::min(kBlock, entries.size() - first);
        bytes.resize(count * sizeof(std::int64_t));
        for (std::size_t i = 0; i < count; ++i) {
            const std::int64_t id = qToLittleEndian(entries[first + i].itemId);
            std::memcpy(bytes.data() + i * sizeof id, &id, sizeof id);
        }
        insert.bind(1, runId).bind(2, static_cast<std::int64_t>(first / kBlock)).bindBlob(3, bytes);
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
    if (items.hasError() || !items.isValid())
        return storeError(items);
    return write(runId, std::move(entries));
}

Result<std::vector<std::int64_t>> ScoreOrder::ids(std::int64_t runId, bool descending,
                                                  int limit) const
{
    Statement st = m_db.prepare(
        std::string("SELECT ids FROM item_score_order WHERE run_id = ? ORDER BY block") +
        (descending ? " DESC" : ""));
    st.bind(1, runId);
    const std::size_t wanted = limit < 0 ? SIZE_MAX : static_cast<std::size_t>(limit);
    std::vector<std::int64_t> ids;
    while (ids.size() < wanted && st.step()) {
        const std::string_view bytes = st.blob(0);
        const std::size_t count = bytes.size() / sizeof(std::int64_t);
        for (std::size_t k = 0; k < count && ids.size() < wanted; ++k) {
            const std::size_t i = descending ? count - 1 - k : k;
            std::int64_t id;
            std::memcpy(&id, bytes.data() + i * sizeof id, sizeof id);
            ids.push_back(qFromLittleEndian(id));
        }
    }
    if (st.hasError() || !st.isValid())
        return storeError(st);
    return ids;
}

} // namespace overrule
