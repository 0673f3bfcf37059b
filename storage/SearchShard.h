#pragma once

#include "Result.h"

#include <QString>
#include <cstdint>

namespace overrule {

class Database;

// The full-text index is split in two so that it can be built on two cores: SQLite lets one
// connection write a database file at a time. Items in even blocks of kSearchBlock ids are in
// the workspace's own `item_search`; items in odd blocks are in a contentless FTS5 table of the
// same shape in a second file beside the workspace (`<workspace>-search`, attached as
// `search`), together with that table's progress per run, so that both commit together.
inline constexpr std::int64_t kSearchBlock = 1024;

// What an item's row of the index holds: its prompt and response as one text, so that the
// tokenizer (SearchTokenizer.h) gives FTS5 a word of both once. The index keeps no columns
// (searches look at both), and a line break ends every word. An SQL expression over
// `item_texts t`; deleting a row from the (contentless) index takes the same text.
inline constexpr char kSearchedText[] = "t.prompt || char(10) || t.response";

// 0: the workspace's table; 1: the attached file's.
inline int searchShardOf(std::int64_t itemId)
{
    return static_cast<int>((itemId / kSearchBlock) % 2);
}

// The second file of a workspace.
QString searchShardPath(const QString& workspacePath);

// Attaches the second file as `search` (creating it and its tables when missing). A file that
// belongs to another workspace (its workspace id differs: the workspace was deleted and made
// again at this path) or lists a run the workspace no longer has (a crash between the two
// files' commits while a run was deleted; item ids can be reused) is emptied, to be filled again
// in the background; one whose table was made before schema version 10 (another tokenizer and
// shape) is made again, to be filled again too.
Status attachSearchShard(const Database& db);

} // namespace overrule
