#pragma once

#include "Result.h"

#include <QString>
#include <atomic>
#include <cstdint>

namespace overrule {

class Database;

// Full-text search over prompt and response (the FTS5 table item_search, external content over
// item_texts). Runs are indexed after import, in the background, so that a fresh run can be
// browsed at once; runs.search_indexed_upto records the progress, so an interrupted indexing
// resumes where it stopped.

// Indexes the run's items with id > runs.search_indexed_upto, in batches, each batch in its
// own transaction. Stops early with an error when *cancel becomes true (what was committed stays).
Status indexRun(const Database& db, std::int64_t runId, const std::atomic<bool>* cancel = nullptr);

// True when every item of the run is searchable.
bool isIndexed(const Database& db, std::int64_t runId);

// Turns user text into a safe FTS5 query: each run of letters and digits becomes a "quoted"
// token and all are AND-ed, so no input can be an FTS syntax error or a phrase (which the
// position-less index cannot answer). Empty when the text holds no letter or digit.
QString ftsQuery(const QString& text);

} // namespace overrule
