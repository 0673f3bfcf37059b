#include "ItemQuery.h"

#include "Database.h"
#include "ItemEntries.h"
#include "ScoreOrder.h"
#include "SearchIndex.h"
#include "SearchShard.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>

namespace overrule {
namespace {

// The prompt order compares this many leading bytes of the excerpt (ASCII case folded, as
// SQLite's NOCASE), then file order.
constexpr size_t kPromptKeyBytes = 24;

Status checked(const Statement& st, const char* where)
{
    if (!st.isValid())
        return makeError(st.prepareError(), QString::fromLatin1(where));
    if (st.hasError())
        return makeError(st.error(), QString::fromLatin1(where));
    return {};
}

// The filter as equality terms on items' columns (codes as stored).
struct Terms
{
    std::optional<int> verdict, intent, outcome;
    std::optional<std::int64_t> category;
    bool impossible = false; // "unreviewed only" with a reviewed outcome
    bool duplicates = false; // only items whose prompt repeats an earlier one (duplicate_of)

    explicit Terms(const ItemFilter& filter)
    {
        if (filter.verdict)
            verdict = static_cast<int>(*filter.verdict);
        if (filter.intent)
            intent = static_cast<int>(*filter.intent);
        if (filter.outcome)
            outcome = static_cast<int>(*filter.outcome);
        if (filter.unreviewedOnly) {
            impossible = outcome && *outcome != 0;
            outcome = 0;
        }
        category = filter.categoryId;
        duplicates = filter.onlyDuplicates;
    }
    bool none() const { return !verdict && !intent && !outcome && !category && !duplicates; }

    // " AND col = ?n" for each term except `skip`; `prefix` is "+" to keep a term off indexes.
    std::string checks(const char* prefix, const char* skip = "") const
    {
        std::string sql;
        auto add = [&](bool present, const char* column, const char* parameter) {
            if (present && std::strcmp(column, skip) != 0)
                sql += std::string(" AND ") + prefix + column + " = " + parameter;
        };
        add(bool(verdict), "verdict", "?2");
        add(bool(intent), "intent", "?3");
        add(bool(category), "category_id", "?4");
        add(bool(outcome), "outcome", "?5");
        if (duplicates)
            sql += std::string(" AND ") + prefix + "duplicate_of IS NOT NULL";
        return sql;
    }
    void bind(Statement& st, std::int64_t runId) const
    {
        st.bind(1, runId);
        if (verdict)
            st.bind(2, *verdict);
        if (intent)
            st.bind(3, *intent);
        if (category)
            st.bind(4, *category);
        if (outcome)
            st.bind(5, *outcome);
    }
};

// The column an order sorts by ("NULL" for file order, which needs none).
const char* keyColumn(ItemSortKey key)
{
    switch (key) {
    case ItemSortKey::Verdict:
        return "verdict";
    case ItemSortKey::Intent:
        return "intent";
    case ItemSortKey::Category:
        return "category_id";
    case ItemSortKey::Score:
        return "score";
    case ItemSortKey::Outcome:
        return "outcome";
    case ItemSortKey::File:
    case ItemSortKey::Prompt:
        break;
    }
    return "NULL";
}

// Which covering index range holds the filter's items, and in what order it gives them. Every
// (run_id, ...) index carries verdict, intent, category, outcome, score and seq (schema v4), so
// no plan reads the table. INDEXED BY: without ANALYZE statistics SQLite cannot tell a category
// (a few percent of a run) from a verdict (a third).
std::string selectSql(const Terms& t, ItemSortKey key)
{
    const char* column = keyColumn(key);
    std::string index, where = "run_id = ?1", order = "seq";
    if (t.duplicates) {
        // Repeated prompts are few: their partial index, the other terms checked on the table.
        index = "items_run_duplicate";
        where += t.checks("", "");
    } else if (t.category) {
        index = "items_run_category";
        where += t.checks("", "");
    } else if (t.outcome && *t.outcome > 0) {
        // The reviewed items in file order; partial, so the query must say outcome > 0 itself.
        index = "items_run_reviewed";
        where += " AND outcome > 0" + t.checks("", "");
    } else if (t.verdict) {
        index = "items_run_class";
        where += t.checks("", "");
        if (!t.intent)
            order = "intent, seq"; // one sorted run per intent
    } else if (t.intent) {
        index = "items_run_class";
        where += " AND verdict IN (0, 1, 2, 3)" + t.checks("", "");
        order = "verdict, seq"; // one sorted run per verdict
    } else if (t.outcome) {
        // Unreviewed only: every position, checked; one sorted run per verdict and intent.
        index = "items_run_class";
        where += t.checks("", "");
        order = "verdict, intent, seq";
    } else {
        switch (key) {
        case ItemSortKey::Score: // the matches of a search, sorted after (item_score_order
                                 // holds the whole run's order)
        case ItemSortKey::Verdict:
        case ItemSortKey::Intent:
            index = "items_run_class";
            order = "verdict, intent, seq";
            break;
        case ItemSortKey::Category:
            index = "items_run_category";
            order = "category_id, seq";
            break;
        default:
            break; // the (run_id, seq) unique index
        }
    }
    std::string sql = std::string("SELECT seq, id, ") + column + " FROM items";
    if (!index.empty())
        sql += " INDEXED BY " + index;
    return sql + " WHERE " + where + " ORDER BY " + order;
}

// Category ids by name order (NOCASE, then id); items without a category rank 0, first.
Result<std::unordered_map<std::int64_t, double>> categoryRanks(const Database& db)
{
    Statement st = db.prepare("SELECT id FROM categories ORDER BY name COLLATE NOCASE, id");
    std::unordered_map<std::int64_t, double> ranks;
    while (st.step())
        ranks.emplace(st.int64(0), double(ranks.size() + 1));
    if (auto done = checked(st, "categories"); !done)
        return done.error();
    return ranks;
}

// The run's ids whose text matches, ascending. In a contiguous run the FTS rowid range is the
// run; otherwise every match comes back and the run's own index range sorts it out.
Result<std::vector<std::int64_t>> searchIds(const Database& db, const QString& match,
                                            const RunSpan& span)
{
    // The index is in two halves (SearchShard.h); each gives its matches in rowid order.
    if (!db.hasSearchShards())
        return makeError(QStringLiteral("this connection has no search index attached"),
                         QStringLiteral("search"));
    std::vector<std::int64_t> halves[kSearchShards];
    for (int half = 0; half < kSearchShards; ++half) {
        Statement st = db.prepare("SELECT rowid FROM " + std::string(searchShardName(half)) +
                                  ".item_search WHERE item_search MATCH ?1 AND rowid BETWEEN ?2 "
                                  "AND ?3 ORDER BY rowid");
        st.bind(1, match);
        st.bind(2, span.contiguous() ? span.firstId : std::numeric_limits<std::int64_t>::min());
        st.bind(3, span.contiguous() ? span.lastId : std::numeric_limits<std::int64_t>::max());
        while (st.step())
            halves[half].push_back(st.int64(0));
        if (auto done = checked(st, "search"); !done)
            return done.error();
    }
    std::vector<std::int64_t> ids;
    ids.reserve(halves[0].size() + halves[1].size());
    std::merge(halves[0].begin(), halves[0].end(), halves[1].begin(), halves[1].end(),
               std::back_inserter(ids));
    return ids;
}

// What a search found, for membership tests while a filter's index range is read: a bitmap over
// a contiguous run's ids (one bit per item), else a binary search of the sorted ids.
class Found
{
public:
    Found(std::vector<std::int64_t> ids, const RunSpan& span)
        : m_ids(std::move(ids)), m_runCount(span.count)
    {
        if (!span.contiguous())
            return;
        m_first = span.firstId;
        m_bits.assign(size_t(span.count + 63) / 64, 0);
        for (const std::int64_t id : m_ids) {
            const std::uint64_t at = std::uint64_t(id - m_first);
            m_bits[at / 64] |= std::uint64_t(1) << (at % 64);
        }
    }
    const std::vector<std::int64_t>& ids() const { return m_ids; }
    // Few enough that reading each found item (about a microsecond) beats reading the filter's
    // index range (a tenth of that per entry, over a fifth of the run or more).
    bool isFew() const { return std::int64_t(m_ids.size()) * 32 < m_runCount; }
    bool contains(std::int64_t id) const
    {
        if (m_bits.empty())
            return std::binary_search(m_ids.begin(), m_ids.end(), id);
        const std::uint64_t at = std::uint64_t(id - m_first);
        return at / 64 < m_bits.size() && (m_bits[at / 64] >> (at % 64) & 1) != 0;
    }

private:
    std::vector<std::int64_t> m_ids;
    std::int64_t m_runCount = 0;
    std::int64_t m_first = 0;
    std::vector<std::uint64_t> m_bits;
};

// By prompt excerpt. No index serves it, and SQLite's sorter needs seconds and ~150 MB for a
// million excerpts; one scan in table order and a sort of fixed-size prefix keys takes a
// fraction of that.
Result<std::vector<std::int64_t>> byPrompt(const Database& db, std::int64_t runId,
                                           const Terms& terms)
{
    Statement range = db.prepare("SELECT min(id), max(id) FROM items WHERE run_id = ?");
    range.bind(1, runId);
    if (!range.step())
        return makeError(range.isValid() ? range.error() : range.prepareError(),
                         QStringLiteral("items"));
    if (range.isNull(0))
        return std::vector<std::int64_t>();

    struct Keyed
    {
        std::array<char, kPromptKeyBytes> key;
        std::int64_t seq;
        std::int64_t id;
    };
    std::vector<Keyed> entries;
    // Table order over the run's rowid range; the unary + keeps every index out of the plan.
    Statement st =
        db.prepare("SELECT id, seq, substr(excerpt, 1, " + std::to_string(kPromptKeyBytes) +
                   ") FROM items WHERE +run_id = ?1 AND id BETWEEN ?8 AND ?9" + terms.checks("+"));
    terms.bind(st, runId);
    st.bind(8, range.int64(0)).bind(9, range.int64(1));
    while (st.step()) {
        Keyed e{};
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
    if (auto done = checked(st, "items"); !done)
        return done.error();
    // Unsigned byte order is UTF-8 code point order, as SQLite compares text.
    std::sort(entries.begin(), entries.end(), [](const Keyed& a, const Keyed& b) {
        const int c = std::memcmp(a.key.data(), b.key.data(), kPromptKeyBytes);
        return c != 0 ? c < 0 : a.seq < b.seq;
    });
    std::vector<std::int64_t> ids;
    ids.reserve(entries.size());
    for (const Keyed& e : entries)
        ids.push_back(e.id);
    return ids;
}

// The whole run by outcome: the unreviewed items (every position but the reviewed ones) in file
// order, then the reviewed ones from their partial index, sorted by outcome.
Result<std::vector<ItemEntry>> byOutcome(const Database& db, std::int64_t runId, const Found* found)
{
    auto keep = [&](std::int64_t id) { return !found || found->contains(id); };
    Statement reviewed =
        db.prepare("SELECT seq, id, outcome FROM items INDEXED BY items_run_reviewed "
                   "WHERE run_id = ? AND outcome > 0 ORDER BY seq");
    reviewed.bind(1, runId);
    std::vector<ItemEntry> tail;
    std::vector<std::int64_t> skipped;
    while (reviewed.step()) {
        skipped.push_back(reviewed.int64(0));
        if (keep(reviewed.int64(1)))
            tail.push_back({double(reviewed.int64(2)), reviewed.int64(0), reviewed.int64(1)});
    }
    if (auto done = checked(reviewed, "items"); !done)
        return done.error();
    sortItemEntries(tail);

    Statement all = db.prepare("SELECT seq, id FROM items WHERE run_id = ? ORDER BY seq");
    all.bind(1, runId);
    std::vector<ItemEntry> entries;
    while (all.step()) {
        const std::int64_t seq = all.int64(0), id = all.int64(1);
        if (keep(id) && !std::binary_search(skipped.begin(), skipped.end(), seq))
            entries.push_back({0.0, seq, id});
    }
    if (auto done = checked(all, "items"); !done)
        return done.error();
    entries.insert(entries.end(), tail.begin(), tail.end());
    return entries;
}

// The filter's items as entries keyed by `key`, in whatever order their index range gives.
// With `found` (ascending ids), only those items are kept; when they are few, they are read one
// by one instead of the filter's range.
Result<std::vector<ItemEntry>> entriesFor(const Database& db, std::int64_t runId,
                                          const Terms& terms, ItemSortKey key, const Found* found)
{
    const bool fewFound = found && found->isFew();
    if (key == ItemSortKey::Outcome && terms.none() && !fewFound)
        return byOutcome(db, runId, found);
    std::unordered_map<std::int64_t, double> ranks;
    if (key == ItemSortKey::Category) {
        auto loaded = categoryRanks(db);
        if (!loaded)
            return loaded.error();
        ranks = std::move(loaded).value();
    }
    std::vector<ItemEntry> entries;
    // Columns: seq, id, key.
    auto add = [&](const Statement& st) {
        ItemEntry e{0.0, st.int64(0), st.int64(1)};
        if (key == ItemSortKey::Category) {
            const auto rank = st.isNull(2) ? ranks.end() : ranks.find(st.int64(2));
            e.key = st.isNull(2)          ? 0.0
                    : rank == ranks.end() ? double(ranks.size() + 1)
                                          : rank->second;
        } else if (key != ItemSortKey::File) {
            e.key = st.isNull(2) ? std::numeric_limits<double>::quiet_NaN() : st.real(2);
        }
        entries.push_back(e);
    };

    if (fewFound) {
        // By rowid, kLookupSlots at a time (?6 on; unused slots NULL); the unary + keeps every
        // index on items out of the plan.
        constexpr int kLookupSlots = 256;
        std::string slots;
        for (int i = 0; i < kLookupSlots; ++i)
            slots += (i == 0 ? "?" : ",?") + std::to_string(6 + i);
        Statement st = db.prepare(std::string("SELECT seq, id, ") + keyColumn(key) +
                                  " FROM items WHERE id IN (" + slots + ") AND +run_id = ?1" +
                                  terms.checks("+"));
        const std::vector<std::int64_t>& ids = found->ids();
        for (size_t first = 0; first < ids.size(); first += kLookupSlots) {
            terms.bind(st, runId);
            for (int i = 0; i < kLookupSlots; ++i) {
                if (first + size_t(i) < ids.size())
                    st.bind(6 + i, ids[first + size_t(i)]);
                else
                    st.bindNull(6 + i);
            }
            while (st.step())
                add(st);
            if (auto done = checked(st, "items"); !done)
                return done.error();
            st.reset();
        }
        return entries;
    }

    Statement st = db.prepare(selectSql(terms, key));
    terms.bind(st, runId);
    while (st.step()) {
        if (!found || found->contains(st.int64(1)))
            add(st);
    }
    if (auto done = checked(st, "items"); !done)
        return done.error();
    return entries;
}

} // namespace

bool ItemQuery::keepsWholeRun(const ItemFilter& filter)
{
    return !filter.verdict && !filter.intent && !filter.categoryId && !filter.outcome &&
           !filter.unreviewedOnly && !filter.onlyDuplicates && ftsQuery(filter.search).isEmpty();
}

bool ItemQuery::keepsUnreviewed(const ItemFilter& filter)
{
    const bool unreviewed =
        filter.outcome ? *filter.outcome == Outcome::Unreviewed : filter.unreviewedOnly;
    return unreviewed && !filter.verdict && !filter.intent && !filter.categoryId &&
           !filter.onlyDuplicates && ftsQuery(filter.search).isEmpty();
}

Result<RunSpan> ItemQuery::span(const Database& db, std::int64_t runId)
{
    Statement st =
        db.prepare("SELECT (SELECT seq FROM items WHERE run_id = ?1 ORDER BY seq DESC LIMIT 1), "
                   "(SELECT id FROM items WHERE run_id = ?1 ORDER BY seq LIMIT 1), "
                   "(SELECT id FROM items WHERE run_id = ?1 ORDER BY seq DESC LIMIT 1)");
    st.bind(1, runId);
    RunSpan span;
    if (st.step() && !st.isNull(0))
        span = {st.int64(0) + 1, st.int64(1), st.int64(2)};
    if (auto done = checked(st, "items"); !done)
        return done.error();
    return span;
}

Result<std::vector<std::int64_t>> ItemQuery::reviewedSeqs(const Database& db, std::int64_t runId)
{
    Statement st = db.prepare("SELECT seq FROM items INDEXED BY items_run_reviewed "
                              "WHERE run_id = ? AND outcome > 0 ORDER BY seq");
    st.bind(1, runId);
    std::vector<std::int64_t> seqs;
    while (st.step())
        seqs.push_back(st.int64(0));
    if (auto done = checked(st, "items"); !done)
        return done.error();
    return seqs;
}

Result<std::vector<std::int64_t>> ItemQuery::idsByScore(const Database& db, std::int64_t runId,
                                                        bool descending, int limit)
{
    return ScoreOrder(db).ids(runId, descending, limit);
}

Result<std::vector<std::int64_t>> ItemQuery::matchingIds(const Database& db, std::int64_t runId,
                                                         const ItemFilter& filter, ItemSortKey key,
                                                         bool descending)
{
    const Terms terms(filter);
    if (runId == 0 || terms.impossible)
        return std::vector<std::int64_t>();

    std::optional<Found> found;
    const QString match = ftsQuery(filter.search);
    if (!match.isEmpty()) {
        auto run = span(db, runId);
        if (!run)
            return run.error();
        auto ids = run->count > 0 ? searchIds(db, match, *run) : std::vector<std::int64_t>();
        if (!ids)
            return ids.error();
        if (ids->empty())
            return ids;
        // Ids ascend with seq: a contiguous run's matches already are its file order.
        if (terms.none() && key == ItemSortKey::File && run->contiguous()) {
            if (descending)
                std::reverse(ids->begin(), ids->end());
            return ids;
        }
        found.emplace(std::move(ids).value(), *run);
    }

    std::vector<std::int64_t> ids;
    if (key == ItemSortKey::Prompt) {
        auto sorted = byPrompt(db, runId, terms);
        if (!sorted)
            return sorted.error();
        ids = std::move(sorted).value();
        if (found)
            std::erase_if(ids, [&](std::int64_t id) { return !found->contains(id); });
    } else {
        auto entries = entriesFor(db, runId, terms, key, found ? &*found : nullptr);
        if (!entries)
            return entries.error();
        sortItemEntries(*entries);
        ids.reserve(entries->size());
        for (const ItemEntry& e : *entries)
            ids.push_back(e.id);
    }
    // Every order is total (ties go by seq), so descending is ascending reversed.
    if (descending)
        std::reverse(ids.begin(), ids.end());
    return ids;
}

} // namespace overrule
