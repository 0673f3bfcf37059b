#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace overrule {

// Offset of the first byte that breaks UTF-8 (overlong forms, surrogates and code points past
// U+10FFFF included), or nullopt when the text is valid.
std::optional<std::size_t> firstInvalidUtf8(std::string_view text);

// The first `maxChars` characters of valid UTF-8 `text` with every run of whitespace (Unicode's
// White_Space) collapsed to a single space, trimmed; "…" marks a cut. Characters are counted as
// UTF-16 code units, as the table that shows the excerpt counts them. Reads only as much of
// `text` as it needs.
std::string excerptOf(std::string_view text, int maxChars = 160);

} // namespace overrule
