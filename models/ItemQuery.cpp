#include "ItemQuery.h"

#include "Database.h"
#include "SearchIndex.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

namespace overrule {
namespace {

// The prompt order compares this many leading bytes of the excerpt (ASCII case folded, as
// SQLite's NOCASE), then file order.
constexpr size_t kPromptKeyBytes = 24;

// One filtered query over items; the WHERE clause and its bindings, shared by every order.
class FilteredItems
{
public:
    // With `scanRun`, the run's rows are read in table order (the caller bounds the rowid range
    // with ?8 and ?9) instead of through an index that would visit the table at random.
    FilteredItems(const Database& db, std::int64_t runId, const ItemFilter& filter,
                  bool scanRun = false)
        : m_db(db), m_runId(runId), m_filter(filter), m_match(ftsQuery(filter.search))
    {
        // Without ANALYZE statistics SQLite rates every (run_id, X) index alike; only the most
        // selective filter (category, then outcome, verdict, intent) gets its index, the others
        // are checked on the rows it yields (the unary + hides their index from the planner).
        m_where =
            scanRun ? "WHERE +i.run_id = ?1 AND i.id BETWEEN ?8 AND ?9" : "WHERE i.run_id = ?1";
        m_indexed = scanRun;
        if (filter.categoryId)
            term("category_id", "?4");
        if (filter.outcome)
            term("outcome", "?5");
        if (filter.unreviewedOnly)
            term("outcome", "0");
        if (filter.verdict)
            term("verdict", "?2");
        if (filter.intent)
            term("intent", "?3");
        if (!m_match.isEmpty())
            m_where += " AND i.id IN (SELECT rowid FROM item_search WHERE item_search MATCH ?6)";
    }

    // Prepares `SELECT <columns> FROM items i WHERE <filter><extra> ORDER BY <orderBy>` and binds
    // the filter; ?7 (and ?8, ?9 when not scanning a run) are free for the caller.
    Statement prepare(const std::string& columns, const std::string& extra,
                      const std::string& orderBy) const
    {
        std::string sql = "SELECT " + columns + " FROM items i " + m_where + extra;
        if (!orderBy.empty())
            sql += " ORDER BY " + orderBy;
        Statement st = m_db.prepare(sql);
        st.bind(1, m_runId);
        if (m_filter.verdict)
            st.bind(2, static_cast<int>(*m_filter.verdict));
        if (m_filter.intent)
            st.bind(3, static_cast<int>(*m_filter.intent));
        if (m_filter.categoryId)
            st.bind(4, *m_filter.categoryId);
        if (m_filter.outcome)
            st.bind(5, static_cast<int>(*m_filter.outcome));
        if (!m_match.isEmpty())
            st.bind(6, m_match);
        return st;
    }

    // Appends the ids the statement yields.
    static Status collect(Statement& st, std::vector<std::int64_t>& ids)
    {
        while (st.step())
            ids.push_back(st.int64(0));
        if (st.hasError())
            return makeError(st.error(), QStringLiteral("items"));
        return {};
    }

private:
    void term(const char* column, const char* value)
    {
        m_where += m_indexed ? " AND +i." : " AND i.";
        m_where += column;
        m_where += " = ";
        m_where += value;
        m_indexed = true;
    }

    const Database& m_db;
    std::int64_t m_runId;
    const ItemFilter& m_filter;
    QString m_match;
    std::string m_where;
    bool m_indexed = false;
};

// By category name without sorting the run: one index range (run, category, seq) per category,
// visited in name order. Items without a category come first.
Result<std::vector<std::int64_t>> byCategory(const Database& db, const FilteredItems& items,
                                             bool descending)
{
    const std::string dir = descending ? " DESC" : "";
    Statement cats =
        db.prepare("SELECT id FROM categories ORDER BY name COLLATE NOCASE" + dir + ", id" + dir);
    std::vector<std::int64_t> order;
    while (cats.step())
        order.push_back(cats.int64(0));
    if (cats.hasError())
        return makeError(cats.error(), QStringLiteral("categories"));

    std::vector<std::int64_t> ids;
    auto uncategorised = [&]() {
        Statement st = items.prepare("i.id", " AND i.category_id IS NULL", "i.seq" + dir);
        return FilteredItems::collect(st, ids);
    };
    if (!descending) {
        if (auto done = uncategorised(); !done)
            return done.error();
    }
    for (std::int64_t category : order) {
        Statement st = items.prepare("i.id", " AND i.category_id = ?7", "i.seq" + dir);
        st.bind(7, category);
        if (auto done = FilteredItems::collect(st, ids); !done)
            return done.error();
    }
    if (descending) {
        if (auto done = uncategorised(); !done)
            return done.error();
    }
    return ids;
}

// By prompt excerpt. No index serves it, and SQLite's sorter needs seconds and ~150 MB for a
// million excerpts; one scan in table order and a sort of fixed-size prefix keys takes a
// fraction of that.
Result<std::vector<std::int64_t>> byPrompt(const Database& db, std::int64_t runId,
                                           const ItemFilter& filter, bool descending)
{
    Statement range = db.prepare("SELECT min(id), max(id) FROM items WHERE run_id = ?");
    range.bind(1, runId);
    if (!range.step())
        return makeError(range.error(), QStringLiteral("items"));
    if (range.isNull(0))
        return std::vector<std::int64_t>();
    const std::int64_t first = range.int64(0), last = range.int64(1);

    struct Entry
    {
        std::array<char, kPromptKeyBytes> key;
        std::int64_t seq;
        std::int64_t id;
    };
    std::vector<Entry> entries;
    const FilteredItems items(db, runId, filter, true);
    Statement st = items.prepare(
        "i.id, i.seq, substr(i.excerpt, 1, " + std::to_string(kPromptKeyBytes) + ")", {}, {});
    st.bind(8, first).bind(9, last);
    while (st.step()) {
        Entry e{};
        const std::string_view text = st.utf8(2);
        const size_t n = std::min(text.size(), kPromptKeyBytes);
        for (size_t i = 0; i < n; ++i) {
            const char c = text[i];
            e.key[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
        e.seq = st.int64(1);
        e.id = st.int64(0);
        entries.push_back(e);
    }
    if (st.hasError())
        return makeError(st.error(), QStringLiteral("items"));
    // Unsigned byte order is UTF-8 code point order, as SQLite compares text.
    auto less = [](const Entry& a, const Entry& b) {
        const int c = std::memcmp(a.key.data(), b.key.data(), kPromptKeyBytes);
        return c != 0 ? c < 0 : a.seq < b.seq;
    };
    if (descending)
        std::sort(entries.begin(), entries.end(),
                  [&](const Entry& a, const Entry& b) { return less(b, a); });
    else
        std::sort(entries.begin(), entries.end(), less);
    std::vector<std::int64_t> ids;
    ids.reserve(entries.size());
    for (const Entry& e : entries)
        ids.push_back(e.id);
    return ids;
}

} // namespace

Result<std::vector<std::int64_t>> ItemQuery::matchingIds(const Database& db, std::int64_t runId,
                                                         const ItemFilter& filter, ItemSortKey key,
                                                         bool descending)
{
    std::vector<std::int64_t> ids;
    if (runId == 0)
        return ids;
    const FilteredItems items(db, runId, filter);
    const std::string dir = descending ? " DESC" : "";
    std::string orderBy;
    switch (key) {
    case ItemSortKey::Verdict:
        orderBy = "i.verdict" + dir + ", i.seq" + dir;
        break;
    case ItemSortKey::Intent:
        orderBy = "i.intent" + dir + ", i.seq" + dir;
        break;
    case ItemSortKey::Score:
        orderBy = "i.score" + dir + ", i.seq" + dir;
        break;
    case ItemSortKey::Outcome:
        orderBy = "i.outcome" + dir + ", i.seq" + dir;
        break;
    case ItemSortKey::Prompt:
        return byPrompt(db, runId, filter, descending);
    case ItemSortKey::Category:
        // Within one category, the name order is file order.
        if (!filter.categoryId)
            return byCategory(db, items, descending);
        orderBy = "i.seq" + dir;
        break;
    case ItemSortKey::File:
        orderBy = "i.seq" + dir;
        break;
    }
    Statement st = items.prepare("i.id", {}, orderBy);
    if (auto done = FilteredItems::collect(st, ids); !done)
        return done.error();
    return ids;
}

} // namespace overrule
