#pragma once

#include <QString>
#include <cstddef>
#include <optional>
#include <string_view>

namespace overrule {

// Offset of the first byte that breaks UTF-8 (overlong forms, surrogates and code points past
// U+10FFFF included), or nullopt when the text is valid.
std::optional<std::size_t> firstInvalidUtf8(std::string_view text);

// The first `maxChars` characters of `text` with every run of whitespace collapsed to a single
// space, trimmed; "…" marks a cut. Reads only as much of `text` as it needs.
QString excerptOf(const QString& text, int maxChars = 160);

} // namespace overrule
