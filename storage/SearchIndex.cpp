#include "SearchIndex.h"

#include "Database.h"
#include "SearchShard.h"
#include "SearchText.h"

#include <QStringList>
#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <thread>

namespace overrule {
namespace {

// The two halves of the index (SearchShard.h): where each keeps its entries and its progress.
struct Shard
{
    int number;
    const char* table;
    const char* markSql;    // ?1 run id -> the highest id done (every lower id of the shard)
    const char* advanceSql; // ?1 run id, ?2 new mark
};

constexpr Shard kShards[2] = {{0, "item_search",
                               "SELECT search_indexed_upto FROM runs WHERE id = ?1",
                               "UPDATE runs SET search_indexed_upto = ?2 WHERE id = ?1"},
                              {1, "search.item_search",
                               "SELECT coalesce((SELECT upto FROM search.progress WHERE run_id = "
                               "?1), 0)",
                               "INSERT INTO search.progress(run_id, upto) VALUES (?1, ?2) "
                               "ON CONFLICT(run_id) DO UPDATE SET upto = excluded.upto"}};

Result<std::int64_t> markOf(const Database& db, const Shard& shard, std::int64_t runId)
{
    Statement mark = db.prepare(shard.markSql);
    mark.bind(1, runId);
    if (!mark.step()) {
        if (mark.hasError())
            return makeError(mark.error(), QStringLiteral("search index"));
        return makeError(QStringLiteral("run %1 does not exist").arg(runId),
                         QStringLiteral("search index"));
    }
    return mark.int64(0);
}

// The run's first item id above `after`, in the rowid order (the unary + keeps SQLite from
// scanning the whole run through a run_id index); nullopt when there is none.
Result<std::optional<std::int64_t>> nextId(const Database& db, std::int64_t runId,
                                           std::int64_t after)
{
    Statement st =
        db.prepare("SELECT id FROM items WHERE +run_id = ?1 AND id > ?2 ORDER BY id LIMIT 1");
    st.bind(1, runId).bind(2, after);
    if (st.step())
        return std::optional<std::int64_t>(st.int64(0));
    if (st.hasError())
        return makeError(st.error(), QStringLiteral("search index"));
    return std::optional<std::int64_t>();
}

// Indexes the run's next block of this shard's ids; false when there was none left. The mark is
// read inside the write transaction, so two indexers of one run never index a row twice. A
// block (kSearchBlock ids) is small enough that it holds the write lock for tens of
// milliseconds: a reviewer's decision waits for it.
Result<bool> indexBlock(const Database& db, const Shard& shard, std::int64_t runId)
{
    // The second file's builder writes only that file: a deferred transaction locks nothing
    // else, so the two builders run side by side.
    Transaction tx(db,
                   shard.number == 0 ? Transaction::Mode::Immediate : Transaction::Mode::Deferred);
    if (!tx.isActive())
        return makeError(tx.beginError(), QStringLiteral("search index"));
    if (shard.number == 1) {
        // Take the second file's write lock before reading anything in it: SQLite waits (busy
        // timeout) for a lock taken first, but not for a read turning into a write, which the
        // window's transactions (they lock both files) would make fail.
        Statement lock = db.prepare("UPDATE search.progress SET upto = upto WHERE run_id = ?");
        lock.bind(1, runId);
        if (auto locked = lock.exec(); !locked)
            return makeError(locked.error().message, QStringLiteral("search index"));
    }
    auto mark = markOf(db, shard, runId);
    if (!mark)
        return mark.error();
    auto next = nextId(db, runId, *mark);
    if (!next)
        return next.error();
    while (*next && searchShardOf(**next) != shard.number) { // the other half's block: skip it
        next = nextId(db, runId, (**next / kSearchBlock + 1) * kSearchBlock - 1);
        if (!next)
            return next.error();
    }
    if (!*next)
        return false;
    const std::int64_t blockEnd = (**next / kSearchBlock + 1) * kSearchBlock - 1;
    // The mark is the last id indexed, not the block's end: the run may gain items in this
    // block later (a re-import adding new items).
    Statement last =
        db.prepare("SELECT max(id) FROM items WHERE +run_id = ?1 AND id BETWEEN ?2 AND ?3");
    last.bind(1, runId).bind(2, **next).bind(3, blockEnd);
    if (!last.step())
        return makeError(last.error(), QStringLiteral("search index"));
    const std::int64_t lastId = last.int64(0);

    Statement insert = db.prepare("INSERT INTO " + std::string(shard.table) +
                                  "(rowid, text) SELECT t.item_id, " + kSearchedText +
                                  " FROM items i JOIN item_texts t ON t.item_id = i.id "
                                  "WHERE +i.run_id = ?1 AND i.id >= ?2 AND i.id <= ?3");
    insert.bind(1, runId).bind(2, **next).bind(3, lastId);
    if (auto done = insert.exec(); !done)
        return makeError(done.error().message, QStringLiteral("search index"));
    Statement advance = db.prepare(shard.advanceSql);
    advance.bind(1, runId).bind(2, lastId);
    if (auto done = advance.exec(); !done)
        return makeError(done.error().message, QStringLiteral("search index"));
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return true;
}

Status indexShard(const Database& db, const Shard& shard, std::int64_t runId,
                  const std::atomic<bool>* cancel)
{
    for (;;) {
        if (cancel && cancel->load())
            return makeError(QStringLiteral("search indexing cancelled"),
                             QStringLiteral("search index"));
        db.yieldToWriters();
        auto more = indexBlock(db, shard, runId);
        if (!more)
            return more.error();
        if (!*more)
            return {};
    }
}

// The run's highest item id in this shard's blocks, if any.
Result<std::optional<std::int64_t>> lastIdOf(const Database& db, const Shard& shard,
                                             std::int64_t runId)
{
    // Ids ascend with seq within a run, so the unique (run_id, seq) index walked backwards
    // finds the run's last id at or below a bound in a few steps.
    Statement st =
        db.prepare("SELECT id FROM items WHERE run_id = ?1 AND id <= ?2 ORDER BY seq DESC LIMIT 1");
    std::int64_t bound = std::numeric_limits<std::int64_t>::max();
    for (;;) {
        st.bind(1, runId).bind(2, bound);
        const bool found = st.step();
        const std::int64_t id = found ? st.int64(0) : 0;
        const QString error = st.error();
        st.reset();
        if (!error.isEmpty())
            return makeError(error, QStringLiteral("search index"));
        if (!found)
            return std::optional<std::int64_t>();
        if (searchShardOf(id) == shard.number)
            return std::optional<std::int64_t>(id);
        bound = (id / kSearchBlock) * kSearchBlock - 1;
    }
}

} // namespace

Status indexRun(const Database& db, std::int64_t runId, const std::atomic<bool>* cancel)
{
    if (!db.hasSearchShard() && db.path() != QLatin1String(":memory:")) {
        // The second half on a connection of its own, on a second core.
        Database::Options options;
        options.attachSearch = true;
        options.background = db.isBackground();
        auto other = Database::open(db.path(), options);
        if (!other)
            return other.error();
        Status second;
        std::thread builder([&] { second = indexShard(**other, kShards[1], runId, cancel); });
        Status first = indexShard(db, kShards[0], runId, cancel);
        builder.join();
        if (!first)
            return first;
        return second;
    }
    // One connection for both (the window's, a test's): one after the other.
    if (auto first = indexShard(db, kShards[0], runId, cancel); !first)
        return first;
    if (!db.hasSearchShard())
        return {};
    return indexShard(db, kShards[1], runId, cancel);
}

bool isIndexed(const Database& db, std::int64_t runId)
{
    for (const Shard& shard : kShards) {
        if (shard.number == 1 && !db.hasSearchShard())
            return false;
        auto last = lastIdOf(db, shard, runId);
        if (!last)
            return false;
        if (!*last)
            continue;
        auto mark = markOf(db, shard, runId);
        if (!mark || *mark < **last)
            return false;
    }
    return true;
}

QStringList searchWords(const QString& text)
{
    QStringList words;
    for (const TextSpan& word : textWords(text))
        words << text.mid(word.start, word.length);
    return words;
}

QString ftsQuery(const QString& text)
{
    // The index keeps no positions (detail=none), so a query must never hold a phrase: each
    // word, as the unicode61 tokenizer cuts them, is a token of its own, and "don't" becomes
    // "don" AND "t".
    QStringList tokens;
    for (const QString& word : searchWords(text))
        tokens << QLatin1Char('"') + word + QLatin1Char('"');
    return tokens.join(QStringLiteral(" AND "));
}

} // namespace overrule
