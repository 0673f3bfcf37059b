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
// in the background.
Status attachSearchShard(const Database& db);

} // namespace overrule
