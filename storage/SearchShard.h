#pragma once

#include "Result.h"

#include <QString>
#include <cstdint>

namespace overrule {

class Database;

// The full-text index is split in two so that it can be built on two cores: SQLite lets one
// connection write a database file at a time. Items in even blocks of kSearchBlock ids are in a
// contentless FTS5 table in one file beside the workspace (`<workspace>-search-even`, attached
// as `search_even`), items in odd blocks in a table of the same shape in another
// (`<workspace>-search`, attached as `search`); each file keeps its table's progress per run,
// so that both commit together. The workspace itself holds no part of the index: its builders
// never take the workspace's write lock, so they can write long transactions (fewer, larger
// FTS5 segments, which are cheaper to build) without a reviewer's decision waiting for them.
inline constexpr std::int64_t kSearchBlock = 1024;

// What an item's row of the index holds: its prompt and response as one text, so that the
// tokenizer (SearchTokenizer.h) gives FTS5 a word of both once. The index keeps no columns
// (searches look at both), and a line break ends every word. An SQL expression over
// `item_texts t`; deleting a row from the (contentless) index takes the same text. (The
// builders join the two in C++, byte for byte the same: SearchIndex.cpp.)
inline constexpr char kSearchedText[] = "t.prompt || char(10) || t.response";

inline constexpr int kSearchShards = 2;

// 0: the even blocks' file; 1: the odd blocks'.
inline int searchShardOf(std::int64_t itemId)
{
    return static_cast<int>((itemId / kSearchBlock) % 2);
}

// The name a shard's file is attached as ("search_even", "search").
const char* searchShardName(int shard);

// A shard's file, beside the workspace.
QString searchShardPath(const QString& workspacePath, int shard);

// Attaches a shard's file (creating it and its tables when missing). A file that belongs to
// another workspace (its workspace id differs: the workspace was deleted and made again at this
// path) or lists a run the workspace no longer has (a crash between two files' commits while a
// run was deleted; run and item ids can be reused, so a run is known by its id and import
// time) is emptied, to be filled again in the background; one made before schema version 11
// (another tokenizer, or runs known by their id alone) is made again, to be filled again too.
Status attachSearchShard(const Database& db, int shard);

} // namespace overrule
