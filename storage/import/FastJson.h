#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace overrule {

// Parses one JSON text into nlohmann's DOM several times faster than nlohmann's own parser
// (strings scanned and copied in bulk, numbers through std::from_chars, no per-byte lexer).
//
// Accepts exactly the texts that nlohmann::json::parse(text, nullptr, false) accepts and whose
// '[' '{' nesting is at most `maxDepth` (counted over the whole text by jsonNestsDeeperThan), and
// then builds the value nlohmann would build, type for type: non-negative integers are
// number_unsigned, negative ones number_integer ("-0" too), fractions, exponents and integers past
// 64 bits number_float; a duplicate key keeps its last value. nlohmann's quirks are matched as
// well: a UTF-8 BOM at the very start is skipped, and a NUL byte after the value ends the text (the
// bytes after it are only counted for nesting).
//
// Returns false for anything else, leaving `out` valid but unspecified; ask nlohmann for the
// reason. Uses no recursion, so any `maxDepth` is safe for the parser itself.
bool parseJsonFast(std::string_view text, nlohmann::json& out, int maxDepth);

// True when '[' and '{' outside strings nest deeper than maxDepth anywhere in `text` (a cheap
// scan, without parsing: brackets that close are counted down whether or not they match).
bool jsonNestsDeeperThan(std::string_view text, int maxDepth);

} // namespace overrule
