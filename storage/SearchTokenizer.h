#pragma once

struct sqlite3;

namespace overrule {

// The search index's FTS5 tokenizer, "overrule_words": the tokens of FTS5's own `unicode61
// remove_diacritics 2`, but when a document is indexed each distinct token of a text is given
// once. The index keeps neither positions nor counts (detail=none), so a repeated token adds
// nothing to it, and most of building the index is FTS5 looking each token up in its hash of
// pending terms (docs/PERFORMANCE.md). Words of ASCII letters and digits are found and folded
// here, 64 bytes at a time; any word with other characters is cut by unicode61 itself, and
// queries are too, so searches see exactly unicode61's tokens.
//
// Only for detail=none tables: a tokenizer that drops repeats changes positions and counts.
inline constexpr char kSearchTokenizer[] = "overrule_words";

// Registers the tokenizer on the connection (each connection has its own FTS5 registry);
// returns SQLite's result code.
int registerSearchTokenizer(sqlite3* db);

} // namespace overrule
