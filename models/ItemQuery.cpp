#include "ItemQuery.h"

#include "Database.h"
#include "SearchIndex.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <unordered_map>

namespace overrule {
namespace {

// The prompt order compares this many leading bytes of the excerpt (ASCII case folded, as
// SQLite's NOCASE), then file order.
constexpr size_t kPromptKeyBytes = 24;

// Past this many sorted runs, merging them pairwise costs more than one sort.
constexpr size_t kMaxMergedRuns = 64;

Status checked(const Statement& st, const char* where)
{
    if (!st.isValid())
        return makeError(st.prepareError(), QString::fromLatin1(where));
    if (st.hasError())
        return makeError(st.error(), QString::fromLatin1(where));
    return {};
}

// One item with the value it is ordered by (NaN: NULL, first as in SQLite's ascending order).
struct Entry
{
    double key;
    std::int64_t seq;
    std::int64_t id;
};

bool entryLess(const Entry& a, const Entry& b)
{
    const bool aNull = std::isnan(a.key), bNull = std::isnan(b.key);
    if (aNull != bNull)
        return aNull;
    if (!aNull && a.key != b.key)
        return a.key < b.key;
    return a.seq < b.seq;
}

// Sorts entries that arrive as a few sorted runs (one per index range) by merging the runs.
void sortEntries(std::vector<Entry>& entries)
{
    std::vector<size_t> bounds{0};
    for (size_t i = 1; i < entries.size(); ++i) {
        if (!entryLess(entries[i], entries[i - 1]))
            continue;
        bounds.push_back(i);
        if (bounds.size() > kMaxMergedRuns) {
            std::sort(entries.begin(), entries.end(), entryLess);
            return;
        }
    }
    bounds.push_back(entries.size());
    while (bounds.size() > 2) {
        std::vector<size_t> merged{0};
        size_t j = 0;
        for (; j + 2 < bounds.size(); j += 2) {
            std::inplace_merge(entries.begin() + std::ptrdiff_t(bounds[j]),
                               entries.begin() + std::ptrdiff_t(bounds[j + 1]),
                               entries.begin() + std::ptrdiff_t(bounds[j + 2]), entryLess);
            merged.push_back(bounds[j + 2]);
        }
        if (j + 1 < bounds.size() && merged.back() != bounds.back())
            merged.push_back(bounds.back());
        bounds = std::move(merged);
    }
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

// Which covering index range holds the filter's items, and in what order it gives them. Every
// (run_id, ...) index carries verdict, intent, category, outcome, score and seq (schema v4), so
// no plan reads the table. INDEXED BY: without ANALYZE statistics SQLite cannot tell a category
// (a few percent of a run) from a verdict (a third).
std::string selectSql(const Terms& t, ItemSortKey key)
{
    const char* column = "NULL";
    switch (key) {
    case ItemSortKey::Verdict:
        column = "verdict";
        break;
    case ItemSortKey::Intent:
        column = "intent";
        break;
    case ItemSortKey::Category:
        column = "category_id";
        break;
    case ItemSortKey::Score:
        column = "score";
        break;
    case ItemSortKey::Outcome:
        column = "outcome";
        break;
    case ItemSortKey::File:
    case ItemSortKey::Prompt:
        break;
    }
    std::string index, where = "run_id = ?1", order = "seq";
    if (t.category) {
        index = "items_run_category";
        where += t.checks("", "");
    } else if (t.outcome) {
        index = "items_run_outcome";
        where += t.checks("", "");
    } else if (t.verdict) {
        index = "items_run_class";
        where += t.checks("", "");
        if (!t.intent)
            order = "intent, seq"; // one sorted run per intent
    } else if (t.intent) {
        index = "items_run_class";
        where += " AND verdict IN (0, 1, 2, 3)" + t.checks("", "");
        order = "verdict, seq"; // one sorted run per verdict
    } else {
        switch (key) {
        case ItemSortKey::Score:
            index = "items_run_score";
            order = "score, seq";
            break;
        case ItemSortKey::Outcome:
            index = "items_run_outcome";
            order = "outcome, seq";
            break;
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
    if (t.duplicates && where == "run_id = ?1")
        where += " AND duplicate_of IS NOT NULL"; // the other branches add it through checks()
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
    Statement st = db.prepare("SELECT rowid FROM item_search WHERE item_search MATCH ?1 "
                              "AND rowid BETWEEN ?2 AND ?3 ORDER BY rowid");
    st.bind(1, match);
    st.bind(2, span.contiguous() ? span.firstId : std::numeric_limits<std::int64_t>::min());
    st.bind(3, span.contiguous() ? span.lastId : std::numeric_limits<std::int64_t>::max());
    std::vector<std::int64_t> ids;
    while (st.step())
        ids.push_back(st.int64(0));
    if (auto done = checked(st, "search"); !done)
        return done.error();
    return ids;
}

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

// The filter's items as entries keyed by `key`, in whatever order their index range gives.
// With `found` (ascending ids), only those items are kept.
Result<std::vector<Entry>> entriesFor(const Database& db, std::int64_t runId, const Terms& terms,
                                      ItemSortKey key, const std::vector<std::int64_t>* found)
{
    std::unordered_map<std::int64_t, double> ranks;
    if (key == ItemSortKey::Category) {
        auto loaded = categoryRanks(db);
        if (!loaded)
            return loaded.error();
        ranks = std::move(loaded).value();
    }
    Statement st = db.prepare(selectSql(terms, key));
    terms.bind(st, runId);
    std::vector<Entry> entries;
    while (st.step()) {
        const std::int64_t id = st.int64(1);
        if (found && !std::binary_search(found->begin(), found->end(), id))
            continue;
        Entry e{0.0, st.int64(0), id};
        if (key == ItemSortKey::Category) {
            const auto rank = st.isNull(2) ? ranks.end() : ranks.find(st.int64(2));
            e.key = st.isNull(2)          ? 0.0
                    : rank == ranks.end() ? double(ranks.size() + 1)
                                          : rank->second;
        } else if (key != ItemSortKey::File) {
            e.key = st.isNull(2) ? std::numeric_limits<double>::quiet_NaN() : st.real(2);
        }
        entries.push_back(e);
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

Result<std::vector<std::int64_t>> ItemQuery::firstIdsByScore(const Database& db, std::int64_t runId,
                                                             bool descending, int limit)
{
    Statement st = db.prepare(
        std::string("SELECT id FROM items INDEXED BY items_run_score WHERE run_id = ? ORDER BY ") +
        (descending ? "score DESC, seq DESC" : "score, seq") + " LIMIT ?");
    st.bind(1, runId).bind(2, limit);
    std::vector<std::int64_t> ids;
    while (st.step())
        ids.push_back(st.int64(0));
    if (auto done = checked(st, "items"); !done)
        return done.error();
    return ids;
}

Result<std::vector<std::int64_t>> ItemQuery::matchingIds(const Database& db, std::int64_t runId,
                                                         const ItemFilter& filter, ItemSortKey key,
                                                         bool descending)
{
    const Terms terms(filter);
    if (runId == 0 || terms.impossible)
        return std::vector<std::int64_t>();

    std::vector<std::int64_t> found;
    const QString match = ftsQuery(filter.search);
    if (!match.isEmpty()) {
        auto run = span(db, runId);
        if (!run)
            return run.error();
        auto ids = run->count > 0 ? searchIds(db, match, *run) : std::vector<std::int64_t>();
        if (!ids)
            return ids.error();
        found = std::move(ids).value();
        if (found.empty())
            return found;
        // Ids ascend with seq: a contiguous run's matches already are its file order.
        if (terms.none() && key == ItemSortKey::File && run->contiguous()) {
            if (descending)
                std::reverse(found.begin(), found.end());
            return found;
        }
    }

    std::vector<std::int64_t> ids;
    if (key == ItemSortKey::Prompt) {
        auto sorted = byPrompt(db, runId, terms);
        if (!sorted)
            return sorted.error();
        ids = std::move(sorted).value();
        if (!match.isEmpty())
            std::erase_if(ids, [&](std::int64_t id) {
                return !std::binary_search(found.begin(), found.end(), id);
            });
    } else {
        auto entries = entriesFor(db, runId, terms, key, match.isEmpty() ? nullptr : &found);
        if (!entries)
            return entries.error();
        sortEntries(*entries);
        ids.reserve(entries->size());
        for (const Entry& e : *entries)
            ids.push_back(e.id);
    }
    // Every order is total (ties go by seq), so descending is ascending reversed.
    if (descending)
        std::reverse(ids.begin(), ids.end());
    return ids;
}

} // namespace overrule
