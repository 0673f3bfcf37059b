#include "SearchShard.h"

#include "Database.h"
#include "SearchTokenizer.h"

#include <functional>
#include <string>
#include <string_view>

namespace overrule {

const char* searchShardName(int shard)
{
    return shard == 0 ? "search_even" : "search";
}

QString searchShardPath(const QString& workspacePath, int shard)
{
    // The odd blocks' file kept the name it had when it was the only one (schema 8 to 10).
    return workspacePath +
           (shard == 0 ? QStringLiteral("-search-even") : QStringLiteral("-search"));
}

namespace {

// FTS5 keeps a transaction's new entries in memory up to `hashsize` bytes before it writes them
// as a segment (1 MB by default). A builder's transaction (SearchIndex.cpp) fits in 16 MB, so
// that it writes one segment: 8 per half for a run of 1M items, too few for FTS5 to merge them,
// which makes the build about 30% cheaper (docs/PERFORMANCE.md).
constexpr int kHashSize = 16 << 20;

// SQL for one shard's file: every `$` stands for the name it is attached as.
std::string forShard(std::string_view sql, int shard)
{
    std::string out;
    for (char c : sql) {
        if (c == '$')
            out += searchShardName(shard);
        else
            out += c;
    }
    return out;
}

// A shard file's tables: a contentless FTS5 table with Overrule's tokenizer; each run's
// progress, with the run's import time, which tells the run apart from a later one given the
// same id (ids are reused after a run is deleted); and the id of the workspace it belongs to.
std::string createTables(int shard)
{
    return forShard("CREATE VIRTUAL TABLE IF NOT EXISTS $.item_search USING fts5("
                    "text, content = '', tokenize = 'overrule_words', detail = none, "
                    "columnsize = 0);"
                    "INSERT INTO $.item_search(item_search, rank) VALUES ('automerge', 16);"
                    "INSERT INTO $.item_search(item_search, rank) VALUES ('hashsize', " +
                        std::to_string(kHashSize) +
                        ");"
                        "CREATE TABLE IF NOT EXISTS $.progress(run_id INTEGER PRIMARY KEY, "
                        "upto INTEGER NOT NULL, imported_at TEXT NOT NULL);"
                        "CREATE TABLE IF NOT EXISTS $.meta(key TEXT PRIMARY KEY, value TEXT);"
                        "INSERT OR REPLACE INTO $.meta SELECT key, value FROM main.meta "
                        "WHERE key = 'workspace_id';",
                    shard);
}

enum class TableState
{
    Missing,
    Outdated, // made before schema version 11: another tokenizer, or runs known by id alone
    Current
};

Result<TableState> tableState(const Database& db, int shard)
{
    Statement st = db.prepare(forShard(
        "SELECT sql, (SELECT count(*) FROM pragma_table_info('progress', '$') WHERE name = "
        "'imported_at') FROM $.sqlite_schema WHERE name = 'item_search'",
        shard));
    if (!st.step()) {
        if (st.hasError())
            return makeError(st.error(), QStringLiteral("search index"));
        return TableState::Missing;
    }
    return st.text(0).contains(QLatin1String(kSearchTokenizer)) && st.int64(1) == 1
               ? TableState::Current
               : TableState::Outdated;
}

// What was seen without a lock may be another connection's work in progress (a run being
// deleted, the file being made again): looks again holding the shard file's write lock, taken
// first, and runs `repair` only when `needed` still says so.
Status repairIfStillNeeded(const Database& db, int shard,
                           const std::function<Result<bool>()>& needed, const std::string& repair)
{
    Transaction tx(db, Transaction::Mode::Deferred);
    if (!tx.isActive())
        return makeError(tx.beginError(), QStringLiteral("search index"));
    if (auto locked = db.execute(
            forShard("UPDATE $.meta SET value = value WHERE key = 'workspace_id';", shard));
        !locked)
        return locked;
    auto still = needed();
    if (!still)
        return still.error();
    if (*still) {
        if (auto repaired = db.execute(repair); !repaired)
            return repaired;
    }
    return tx.commit();
}

} // namespace

Status attachSearchShard(const Database& db, int shard)
{
    const std::string name = searchShardName(shard);
    Statement attach = db.prepare("ATTACH DATABASE ? AS " + name);
    attach.bind(1, searchShardPath(db.path(), shard));
    if (auto done = attach.exec(); !done)
        return makeError(QStringLiteral("cannot open the search index: ") + done.error().message,
                         searchShardPath(db.path(), shard));
    // 16 KB pages, WAL and its size limit, as the workspace; page_size only acts on a new file.
    if (auto set = db.execute(forShard("PRAGMA $.page_size = 16384; PRAGMA $.journal_mode = WAL; "
                                       "PRAGMA $.journal_size_limit = 67108864;",
                                       shard));
        !set)
        return set;
    auto state = tableState(db, shard);
    if (!state)
        return state.error();
    if (*state == TableState::Missing) {
        // Deferred: the first statement takes the shard file's write lock, and the
        // workspace's is not needed (an import may hold it).
        Transaction tx(db, Transaction::Mode::Deferred);
        if (!tx.isActive())
            return makeError(tx.beginError(), QStringLiteral("search index"));
        if (auto made = db.execute(createTables(shard)); !made)
            return made;
        return tx.commit();
    }
    if (*state == TableState::Outdated) {
        // Made again as version 11 makes it, to be filled again in the background.
        return repairIfStillNeeded(
            db, shard,
            [&]() -> Result<bool> {
                auto again = tableState(db, shard);
                if (!again)
                    return again.error();
                return *again == TableState::Outdated;
            },
            forShard("DROP TABLE IF EXISTS $.item_search; DROP TABLE IF EXISTS $.progress;",
                     shard) +
                createTables(shard));
    }
    // Another workspace's file at this path (the workspace was deleted and made again), or a
    // run the workspace no longer has (or has under its id, but imported at another time): the
    // file's entries cannot be trusted.
    const auto stale = [&]() -> Result<bool> {
        Statement st = db.prepare(forShard(
            "SELECT 1 WHERE (SELECT value FROM $.meta WHERE key = 'workspace_id') IS NOT "
            "(SELECT value FROM main.meta WHERE key = 'workspace_id') "
            "UNION ALL SELECT 1 FROM $.progress p WHERE NOT EXISTS (SELECT 1 FROM main.runs r "
            "WHERE r.id = p.run_id AND r.imported_at = p.imported_at) LIMIT 1",
            shard));
        const bool found = st.step();
        if (st.hasError())
            return makeError(st.error(), QStringLiteral("search index"));
        return found;
    };
    auto suspect = stale();
    if (!suspect)
        return suspect.error();
    if (!*suspect)
        return {};
    return repairIfStillNeeded(db, shard, stale,
                               forShard("INSERT INTO $.item_search(item_search) VALUES "
                                        "('delete-all');"
                                        "DELETE FROM $.progress;"
                                        "INSERT OR REPLACE INTO $.meta SELECT key, value FROM "
                                        "main.meta WHERE key = 'workspace_id';",
                                        shard));
}

} // namespace overrule
