#pragma once

#include "Result.h"

#include <QString>
#include <QStringList>
#include <atomic>
#include <cstdint>

namespace overrule {

class Database;

// Full-text search over prompt and response, in two halves (SearchShard.h): contentless FTS5
// tables in two files beside the workspace. Runs are indexed after import, in the background,
// so that a fresh run can be browsed at once; each half records its progress per run, so an
// interrupted indexing resumes where it stopped.

// Indexes the run's items not yet indexed, up to 64 blocks of ids (or 2 s) per transaction. On
// a connection without the search files attached (an indexer's own), each half is built on a
// connection and thread of its own, at the same time; on one with both, one after the other.
// Stops early with an error when *cancel becomes true (what was committed stays).
Status indexRun(const Database& db, std::int64_t runId, const std::atomic<bool>* cancel = nullptr);

// True when every item of the run is searchable (false without the search files attached).
bool isIndexed(const Database& db, std::int64_t runId);

// The words a search looks for: the words of the user's text (textWords), as typed.
QStringList searchWords(const QString& text);

// Turns user text into a safe FTS5 query: each word (searchWords) becomes a "quoted" token and
// all are AND-ed, so no input can be an FTS syntax error or a phrase (which the position-less
// index cannot answer). Empty when the text holds no word.
QString ftsQuery(const QString& text);

} // namespace overrule
