#include "Schema.h"

#include "Database.h"
#include "ScoreOrder.h"
#include "SearchTokenizer.h"

#include <array>
#include <string_view>
#include <vector>

namespace overrule {
namespace {

// Version 1: runs, items (small, indexed columns only), item texts (the large text kept apart so
// that table queries never read it), categories with versioned definitions, reviewers and the
// append-only label history.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    model TEXT NOT NULL DEFAULT '',
    source_path TEXT NOT NULL DEFAULT '',
    source_sha256 TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    item_count INTEGER NOT NULL DEFAULT 0,
    rejected_count INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE categories (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    origin TEXT NOT NULL CHECK (origin IN ('taxonomy', 'imported', 'user')),
    created_at TEXT NOT NULL
);

CREATE TABLE category_versions (
    id INTEGER PRIMARY KEY,
    category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    definition TEXT NOT NULL DEFAULT '',
    covers TEXT NOT NULL DEFAULT '',
    excludes TEXT NOT NULL DEFAULT '',
    rationale TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (category_id, version)
);

CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    external_id TEXT NOT NULL,
    verdict INTEGER NOT NULL CHECK (verdict BETWEEN 0 AND 3),
    verdict_source INTEGER NOT NULL DEFAULT 0 CHECK (verdict_source IN (0, 1)),
    intent INTEGER NOT NULL DEFAULT 0 CHECK (intent BETWEEN 0 AND 2),
    category_id INTEGER REFERENCES categories(id),
    score REAL,
    outcome INTEGER NOT NULL DEFAULT 0 CHECK (outcome BETWEEN 0 AND 4),
    label_id INTEGER,
    excerpt TEXT NOT NULL DEFAULT '',
    UNIQUE (run_id, seq),
    UNIQUE (run_id, external_id)
);
CREATE INDEX items_run_verdict ON items(run_id, verdict, seq);
CREATE INDEX items_run_intent ON items(run_id, intent, seq);
CREATE INDEX items_run_category ON items(run_id, category_id, seq);
CREATE INDEX items_run_outcome ON items(run_id, outcome, seq);
CREATE INDEX items_run_score ON items(run_id, score, seq);

CREATE TABLE item_texts (
    item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    prompt TEXT NOT NULL,
    response TEXT NOT NULL,
    messages TEXT,
    verdict_raw TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    metadata TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE import_rejects (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    line INTEGER NOT NULL,
    field TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    raw TEXT NOT NULL
);
CREATE INDEX import_rejects_run ON import_rejects(run_id, line);

CREATE TABLE reviewers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

-- Append-only: every decision, import of an existing annotation, withdrawal (outcome 0) and
-- undo is a new row. The current label of an item is its newest row.
CREATE TABLE labels (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    reviewer_id INTEGER NOT NULL REFERENCES reviewers(id),
    behaviour INTEGER NOT NULL DEFAULT 0 CHECK (behaviour BETWEEN 0 AND 3),
    intent INTEGER NOT NULL DEFAULT 0 CHECK (intent BETWEEN 0 AND 2),
    outcome INTEGER NOT NULL DEFAULT 0 CHECK (outcome BETWEEN 0 AND 4),
    category_id INTEGER REFERENCES categories(id),
    culprit_category_id INTEGER REFERENCES categories(id),
    note TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'review' CHECK (source IN ('review', 'import', 'undo', 'redo')),
    created_at TEXT NOT NULL
);
CREATE INDEX labels_item ON labels(item_id, id);
CREATE INDEX labels_reviewer_item ON labels(reviewer_id, item_id, id);
CREATE INDEX labels_culprit ON labels(culprit_category_id) WHERE culprit_category_id IS NOT NULL;

-- items.label_id / items.outcome cache the newest label so filters stay index lookups.
CREATE TRIGGER labels_set_current AFTER INSERT ON labels BEGIN
    UPDATE items SET label_id = NEW.id, outcome = NEW.outcome WHERE id = NEW.item_id;
END;
CREATE TRIGGER labels_append_only BEFORE UPDATE ON labels BEGIN
    SELECT RAISE(ABORT, 'labels are append-only');
END;
)sql";

// Version 2: full-text search over prompt and response (external content, filled in the
// background after an import so that the run can be browsed at once).
constexpr std::string_view kVersion2 = R"sql(
CREATE VIRTUAL TABLE item_search USING fts5(
    prompt, response, content = 'item_texts', content_rowid = 'item_id',
    tokenize = 'unicode61 remove_diacritics 2');
ALTER TABLE runs ADD COLUMN search_indexed_upto INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 3: items whose prompt repeats an earlier item's in the same run point at that item.
constexpr std::string_view kVersion3 = R"sql(
ALTER TABLE items ADD COLUMN duplicate_of INTEGER;
CREATE INDEX items_run_duplicate ON items(run_id, seq) WHERE duplicate_of IS NOT NULL;
)sql";

// Version 4 (docs/PERFORMANCE.md): fewer, covering indexes, and a smaller search index.
// - The four (run_id, X, seq) filter indexes become three that also carry every other filter
//   column and the score, so that any filter, with any sort, reads one index range and never
//   the table. One fewer index to maintain per imported item; a decision updates all three.
// - items_run_labelled lists a run's labelled items for the metrics; it is empty at import.
// - The search index keeps no token positions (detail=column: half the size, faster to build);
//   queries are AND-ed single words, never phrases. Runs are re-indexed in the background.
//   automerge 16 merges segments less eagerly: 40% less CPU to build.
// Item ids ascend with seq within a run (a run is written in one transaction, in file order);
// the item table and search rely on it.
constexpr std::string_view kVersion4 = R"sql(
DROP INDEX items_run_verdict;
DROP INDEX items_run_intent;
DROP INDEX items_run_category;
DROP INDEX items_run_outcome;
CREATE INDEX items_run_class ON items(run_id, verdict, intent, seq, category_id, outcome, score);
CREATE INDEX items_run_category ON items(run_id, category_id, seq, verdict, intent, outcome, score);
CREATE INDEX items_run_outcome ON items(run_id, outcome, seq, verdict, intent, category_id, score);
CREATE INDEX items_run_labelled ON items(run_id, label_id) WHERE label_id IS NOT NULL;

DROP TABLE item_search;
CREATE VIRTUAL TABLE item_search USING fts5(
    prompt, response, content = 'item_texts', content_rowid = 'item_id',
    tokenize = 'unicode61 remove_diacritics 2', detail = column);
INSERT INTO item_search(item_search, rank) VALUES ('automerge', 16);
UPDATE runs SET search_indexed_upto = 0;
)sql";

// Version 5: the reviewed items get a partial index in file order instead of a full outcome
// index: it is empty at import, so an import maintains three secondary indexes instead of five
// (v3) or four (v4); "unreviewed" is every position but the reviewed ones, and the next
// unreviewed item is found by walking them from the current position. The category index also
// carries verdict_source, so that the metrics count heuristic verdicts in the same index pass.
// (IF EXISTS: a development build of version 4 made items_run_reviewed instead.)
constexpr std::string_view kVersion5 = R"sql(
DROP INDEX IF EXISTS items_run_outcome;
DROP INDEX IF EXISTS items_run_reviewed;
CREATE INDEX items_run_reviewed ON items(run_id, seq, outcome, verdict, intent, category_id, score)
    WHERE outcome > 0;
DROP INDEX items_run_category;
CREATE INDEX items_run_category
    ON items(run_id, category_id, seq, verdict, intent, outcome, score, verdict_source);
)sql";

// Version 6: a run remembers its file's size, so that an import needs the file's hash before
// it starts (to apply the re-import policy) only when an earlier run has the same size;
// otherwise the hash is taken while the file is read.
constexpr std::string_view kVersion6 = R"sql(
ALTER TABLE runs ADD COLUMN source_size INTEGER;
)sql";

// Version 7: the search index keeps which items hold a word, not which column (detail=none):
// a quarter less work to build and a smaller index. Searches AND single words over prompt and
// response together (ftsQuery), so nothing they use is lost. Runs are indexed again.
constexpr std::string_view kVersion7 = R"sql(
DROP TABLE item_search;
CREATE VIRTUAL TABLE item_search USING fts5(
    prompt, response, content = 'item_texts', content_rowid = 'item_id',
    tokenize = 'unicode61 remove_diacritics 2', detail = none);
INSERT INTO item_search(item_search, rank) VALUES ('automerge', 16);
UPDATE runs SET search_indexed_upto = 0;
)sql";

// Version 8: the search index is built in two halves on two cores (SearchShard.h); this
// workspace's item_search keeps only the even blocks of ids, the workspace's second file the
// odd ones. The index is emptied and built again in the background. (The version also keeps an
// older Overrule, which would search only half, from opening the workspace.) A random
// workspace id, kept in the second file too, tells that file's own workspace from another at
// the same path.
constexpr std::string_view kVersion8 = R"sql(
INSERT INTO item_search(item_search) VALUES ('delete-all');
UPDATE runs SET search_indexed_upto = 0;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta(key, value) VALUES ('workspace_id', lower(hex(randomblob(16))));
)sql";

// Version 9: the score order is written once per import, packed in blocks (ScoreOrder.h),
// instead of an index on score, which cost a random insertion per imported item. The orders of
// the runs already there are written by migrate() after this script.
constexpr std::string_view kVersion9 = R"sql(
CREATE TABLE item_score_order (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    block INTEGER NOT NULL,
    ids BLOB NOT NULL,
    PRIMARY KEY (run_id, block)
) WITHOUT ROWID;
DROP INDEX items_run_score;
)sql";

// Version 9's data step: the score order of every run (SQL cannot pack the blocks).
Status writeScoreOrders(const Database& db)
{
    Statement runs = db.prepare("SELECT id FROM runs ORDER BY id");
    std::vector<std::int64_t> ids;
    while (runs.step())
        ids.push_back(runs.int64(0));
    if (runs.hasError())
        return makeError(runs.error(), QStringLiteral("runs"));
    for (const std::int64_t run : ids) {
        if (auto written = ScoreOrder(db).rebuild(run); !written)
            return written;
    }
    return {};
}

// Version 10: the search index is built with Overrule's own tokenizer (SearchTokenizer.h), which
// gives FTS5 unicode61's tokens but each distinct token of a text once, from one text per item
// (prompt and response: kSearchedText), in a contentless table like the second file's, without
// the per-row token counts that only ranking reads (columnsize = 0: 5% less to build, measured).
// Runs are indexed again; the second file's half is made again when it is attached
// (SearchShard.cpp).
constexpr std::string_view kVersion10 = R"sql(
DROP TABLE item_search;
CREATE VIRTUAL TABLE item_search USING fts5(
    text, content = '', tokenize = 'overrule_words', detail = none, columnsize = 0);
INSERT INTO item_search(item_search, rank) VALUES ('automerge', 16);
UPDATE runs SET search_indexed_upto = 0;
)sql";

static_assert(kVersion10.find(kSearchTokenizer) != std::string_view::npos);

// Version 11: the search index leaves the workspace for a second file beside it
// (`<file>-search-even`, SearchShard.h), so that its builders never hold the workspace's write
// lock and can write long transactions. Both halves are indexed again in the background (the
// odd blocks' file is made again when it is attached, SearchShard.cpp).
constexpr std::string_view kVersion11 = R"sql(
DROP TABLE item_search;
ALTER TABLE runs DROP COLUMN search_indexed_upto;
)sql";

// A migration's script, and what must be written in C++ after it (rarely anything).
struct Migration
{
    std::string_view sql;
    Status (*data)(const Database& db) = nullptr;
};

const std::array<Migration, 11> kMigrations = {{{kVersion1},
                                                {kVersion2},
                                                {kVersion3},
                                                {kVersion4},
                                                {kVersion5},
                                                {kVersion6},
                                                {kVersion7},
                                                {kVersion8},
                                                {kVersion9, writeScoreOrders},
                                                {kVersion10},
                                                {kVersion11}}};

} // namespace

int Schema::currentVersion()
{
    return static_cast<int>(kMigrations.size());
}

Status Schema::migrate(const Database& db, int target)
{
    if (target < 0)
        target = currentVersion();
    const int from = db.userVersion();
    if (from >= target)
        return {};
    Transaction tx(db);
    if (!tx.isActive())
        return makeError(QStringLiteral("cannot start the migration: ") + tx.beginError());
    for (int version = from + 1; version <= target; ++version) {
        const Migration& migration = kMigrations[static_cast<size_t>(version - 1)];
        auto applied = db.execute(migration.sql);
        if (applied && migration.data)
            applied = migration.data(db);
        if (!applied)
            return makeError(QStringLiteral("migration to schema version %1 failed: %2")
                                 .arg(version)
                                 .arg(applied.error().message));
    }
    if (auto set = db.execute("PRAGMA user_version = " + std::to_string(target) + ";"); !set)
        return set;
    return tx.commit();
}

} // namespace overrule
