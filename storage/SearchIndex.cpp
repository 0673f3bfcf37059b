#include "SearchIndex.h"

#include "Database.h"
#include "SearchShard.h"
#include "SearchText.h"

#include <QStringList>
#include <algorithm>
#include <chrono>
#include <limits>
#include <optional>
#include <string>
#include <thread>

namespace overrule {
namespace {

// Blocks of kSearchBlock ids a builder indexes in one transaction: 65,536 items, about 0.9 s
// on the bench's machine. A transaction also ends after kMaxTransactionTime (long texts), so
// that a writer of another process waiting for the file (its busy timeout is 5 s) gets it.
constexpr int kBlocksPerTransaction = 64;
constexpr auto kMaxTransactionTime = std::chrono::seconds(2);

// One half of the index (SearchShard.h): where it keeps its entries and its progress.
struct Shard
{
    int number;
    std::string table;
    std::string markSql;    // ?1 run id -> the highest id done (every lower id of the shard)
    std::string advanceSql; // ?1 run id, ?2 new mark
    std::string lockSql;    // ?1 run id; takes the shard file's write lock, changes nothing

    explicit Shard(int shard)
        : number(shard), table(std::string(searchShardName(shard)) + ".item_search")
    {
        const std::string progress = std::string(searchShardName(shard)) + ".progress";
        markSql = "SELECT coalesce((SELECT upto FROM " + progress + " WHERE run_id = ?1), 0)";
        advanceSql = "INSERT INTO " + progress +
                     "(run_id, upto, imported_at) VALUES "
                     "(?1, ?2, (SELECT imported_at FROM main.runs WHERE id = ?1)) "
                     "ON CONFLICT(run_id) DO UPDATE SET upto = excluded.upto";
        lockSql = "UPDATE " + progress + " SET upto = upto WHERE run_id = ?1";
    }
};

Result<std::int64_t> markOf(const Database& db, const Shard& shard, std::int64_t runId)
{
    Statement mark = db.prepare(shard.markSql);
    mark.bind(1, runId);
    if (!mark.step())
        return makeError(mark.error(), QStringLiteral("search index"));
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

// Indexes the block of this shard's ids that follows `mark` (the last id indexed); the new
// mark, or nullopt when no item is left.
Result<std::optional<std::int64_t>> indexBlock(const Database& db, const Shard& shard,
                                               std::int64_t runId, std::int64_t mark)
{
    auto next = nextId(db, runId, mark);
    if (!next)
        return next.error();
    while (*next && searchShardOf(**next) != shard.number) { // the other half's block: skip it
        next = nextId(db, runId, (**next / kSearchBlock + 1) * kSearchBlock - 1);
        if (!next)
            return next.error();
    }
    if (!*next)
        return std::optional<std::int64_t>();
    const std::int64_t blockEnd = (**next / kSearchBlock + 1) * kSearchBlock - 1;
    // The mark is the last id indexed, not the block's end: the run may gain items in this
    // block later (a re-import adding new items).
    Statement last =
        db.prepare("SELECT max(id) FROM items WHERE +run_id = ?1 AND id BETWEEN ?2 AND ?3");
    last.bind(1, runId).bind(2, **next).bind(3, blockEnd);
    if (!last.step())
        return makeError(last.error(), QStringLiteral("search index"));
    const std::int64_t lastId = last.int64(0);

    // One row per INSERT: FTS5 writes out what it holds in memory at the start of every
    // statement that may change several rows (its savepoint), which would make a segment per
    // block however long the transaction. Each row's text is kSearchedText.
    Statement texts = db.prepare("SELECT t.item_id, t.prompt, t.response FROM items i "
                                 "JOIN item_texts t ON t.item_id = i.id "
                                 "WHERE +i.run_id = ?1 AND i.id >= ?2 AND i.id <= ?3 "
                                 "ORDER BY i.id"); // FTS5 writes out its terms at a lower rowid
    texts.bind(1, runId).bind(2, **next).bind(3, lastId);
    Statement insert = db.prepare("INSERT INTO " + shard.table + "(rowid, text) VALUES (?1, ?2)");
    std::string text;
    while (texts.step()) {
        insert.bind(1, texts.int64(0));
        if (texts.isNull(1) || texts.isNull(2)) {
            insert.bindNull(2);
        } else {
            const std::string_view prompt = texts.utf8(1);
            const std::string_view response = texts.utf8(2);
            text.assign(prompt);
            text += '\n';
            text += response;
            insert.bindUnowned(2, text);
        }
        if (auto done = insert.exec(); !done)
            return makeError(done.error().message, QStringLiteral("search index"));
    }
    if (texts.hasError())
        return makeError(texts.error(), QStringLiteral("search index"));
    return std::optional<std::int64_t>(lastId);
}

// Indexes up to kBlocksPerTransaction of the run's next blocks of this shard in one
// transaction; false when there was none left. FTS5 writes a segment per transaction (the
// shard file's hashsize holds one): few large segments are much cheaper to build than many
// small ones, which FTS5 merges again and again. The transaction locks only the shard's file,
// so no decision waits for it; it ends early (committing what it did) when another connection
// of the process waits for a lock (deleting a run), when it has lasted kMaxTransactionTime or
// when the job is cancelled. The mark is read under the file's write lock, so two builders of
// one shard never index a row twice.
Result<bool> indexBlocks(const Database& db, const Shard& shard, std::int64_t runId,
                         const std::atomic<bool>* cancel)
{
    Transaction tx(db, Transaction::Mode::Deferred);
    if (!tx.isActive())
        return makeError(tx.beginError(), QStringLiteral("search index"));
    // Take the file's write lock before reading anything in it: SQLite waits (busy timeout)
    // for a lock taken first, but not for a read turning into a write.
    Statement lock = db.prepare(shard.lockSql);
    lock.bind(1, runId);
    if (auto locked = lock.exec(); !locked)
        return makeError(locked.error().message, QStringLiteral("search index"));
    auto start = markOf(db, shard, runId);
    if (!start)
        return start.error();
    std::int64_t mark = *start;
    const auto began = std::chrono::steady_clock::now();
    for (int block = 0; block < kBlocksPerTransaction; ++block) {
        if (block > 0 && ((cancel && cancel->load()) || db.writerWaits() ||
                          std::chrono::steady_clock::now() - began > kMaxTransactionTime))
            break;
        auto next = indexBlock(db, shard, runId, mark);
        if (!next)
            return next.error();
        if (!*next)
            break;
        mark = **next;
    }
    if (mark == *start)
        return false;
    Statement advance = db.prepare(shard.advanceSql);
    advance.bind(1, runId).bind(2, mark);
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
        auto more = indexBlocks(db, shard, runId, cancel);
        if (!more)
            return more.error();
        if (!*more)
            return {};
        // The file is free for a moment: long enough for another process's writer, whose
        // busy handler looks every millisecond (this process's give way above).
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
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
    {
        // In a scope of its own: a statement left on a row keeps its read transaction open.
        Statement exists = db.prepare("SELECT 1 FROM runs WHERE id = ?");
        exists.bind(1, runId);
        if (!exists.step())
            return makeError(exists.hasError() ? exists.error()
                                               : QStringLiteral("run %1 does not exist").arg(runId),
                             QStringLiteral("search index"));
    }
    if (db.hasSearchShards()) { // one connection for both (a test's): one after the other
        for (int shard = 0; shard < kSearchShards; ++shard) {
            if (auto done = indexShard(db, Shard(shard), runId, cancel); !done)
                return done;
        }
        return {};
    }
    if (db.path() == QLatin1String(":memory:"))
        return makeError(QStringLiteral("a workspace in memory has no search index"),
                         QStringLiteral("search index"));
    // Each half on a connection of its own that holds only its file, on a core of its own.
    Status built[kSearchShards];
    const auto build = [&](int shard) {
        Database::Options options;
        options.searchShard = shard;
        options.background = db.isBackground();
        auto own = Database::open(db.path(), options);
        built[shard] = own ? indexShard(**own, Shard(shard), runId, cancel) : Status(own.error());
    };
    std::thread second(build, 1);
    build(0);
    second.join();
    for (const Status& done : built) {
        if (!done)
            return done;
    }
    return {};
}

bool isIndexed(const Database& db, std::int64_t runId)
{
    if (!db.hasSearchShards())
        return false;
    for (int number = 0; number < kSearchShards; ++number) {
        const Shard shard(number);
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
