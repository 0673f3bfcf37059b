#include "SearchShard.h"

#include "Database.h"
#include "SearchTokenizer.h"

#include <functional>
#include <string>
#include <string_view>

namespace overrule {

QString searchShardPath(const QString& workspacePath)
{
    return workspacePath + QStringLiteral("-search");
}

namespace {

// The second file's tables; the FTS5 table has the shape of the workspace's item_search.
constexpr char kCreateTables[] =
    "CREATE VIRTUAL TABLE IF NOT EXISTS search.item_search USING fts5("
    "text, content = '', tokenize = 'overrule_words', detail = none, columnsize = 0);"
    "INSERT INTO search.item_search(item_search, rank) VALUES ('automerge', 16);"
    "CREATE TABLE IF NOT EXISTS search.progress("
    "run_id INTEGER PRIMARY KEY, upto INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS search.meta(key TEXT PRIMARY KEY, value TEXT);"
    "INSERT OR REPLACE INTO search.meta SELECT key, value FROM main.meta "
    "WHERE key = 'workspace_id';";
static_assert(std::string_view(kCreateTables).find(kSearchTokenizer) != std::string_view::npos);

enum class TableState
{
    Missing,
    Outdated,
    Current
};

// Outdated: made by an Overrule before schema version 10, with unicode61 as its tokenizer.
Result<TableState> tableState(const Database& db)
{
    Statement st = db.prepare("SELECT sql FROM search.sqlite_schema WHERE name = 'item_search'");
    if (!st.step()) {
        if (st.hasError())
            return makeError(st.error(), QStringLiteral("search index"));
        return TableState::Missing;
    }
    return st.text(0).contains(QLatin1String(kSearchTokenizer)) ? TableState::Current
                                                                : TableState::Outdated;
}

// What was seen without a lock may be another connection's work in progress (a run being
// deleted, the file being made again): looks again holding the search file's write lock, taken
// first, and runs `repair` only when `needed` still says so.
Status repairIfStillNeeded(const Database& db, const std::function<Result<bool>()>& needed,
                           const std::string& repair)
{
    Transaction tx(db, Transaction::Mode::Deferred);
    if (!tx.isActive())
        return makeError(tx.beginError(), QStringLiteral("search index"));
    if (auto locked =
            db.execute("UPDATE search.meta SET value = value WHERE key = 'workspace_id';");
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

Status attachSearchShard(const Database& db)
{
    Statement attach = db.prepare("ATTACH DATABASE ? AS search");
    attach.bind(1, searchShardPath(db.path()));
    if (auto done = attach.exec(); !done)
        return makeError(QStringLiteral("cannot open the search index: ") + done.error().message,
                         searchShardPath(db.path()));
    // 16 KB pages and WAL, as the workspace; page_size only acts on a new file.
    if (auto set = db.execute("PRAGMA search.page_size = 16384; PRAGMA search.journal_mode = WAL;");
        !set)
        return set;
    auto state = tableState(db);
    if (!state)
        return state.error();
    if (*state == TableState::Missing) {
        // Deferred: the first statement takes the search file's write lock, and the
        // workspace's is not needed (an import may hold it).
        Transaction tx(db, Transaction::Mode::Deferred);
        if (!tx.isActive())
            return makeError(tx.beginError(), QStringLiteral("search index"));
        if (auto made = db.execute(kCreateTables); !made)
            return made;
        return tx.commit();
    }
    if (*state == TableState::Outdated) {
        // Made again with the current tokenizer, to be filled again in the background (the
        // workspace's half was emptied by its migration).
        return repairIfStillNeeded(
            db,
            [&]() -> Result<bool> {
                auto again = tableState(db);
                if (!again)
                    return again.error();
                return *again == TableState::Outdated;
            },
            std::string("DROP TABLE search.item_search; DELETE FROM search.progress;") +
                kCreateTables);
    }
    // Another workspace's file at this path (the workspace was deleted and made again), or a
    // run the workspace no longer has: the file's entries cannot be trusted.
    const auto stale = [&]() -> Result<bool> {
        Statement st = db.prepare(
            "SELECT 1 WHERE (SELECT value FROM search.meta WHERE key = 'workspace_id') IS NOT "
            "(SELECT value FROM main.meta WHERE key = 'workspace_id') "
            "UNION ALL SELECT 1 FROM search.progress WHERE run_id NOT IN "
            "(SELECT id FROM main.runs) LIMIT 1");
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
    return repairIfStillNeeded(db, stale,
                               "INSERT INTO search.item_search(item_search) VALUES ('delete-all');"
                               "DELETE FROM search.progress;"
                               "INSERT OR REPLACE INTO search.meta SELECT key, value FROM "
                               "main.meta WHERE key = 'workspace_id';");
}

} // namespace overrule
