// Differential: parseJsonFast must accept exactly what nlohmann accepts within the depth limit,
// and build a type-strictly identical value. Any disagreement traps.
#include "../JsonStrictEqual.h"
#include "import/FastJson.h"
#include "import/JsonlReader.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

// The deepest '[' '{' nesting outside strings, counted the way JsonlReader::nestsTooDeep does.
int maxNesting(std::string_view text)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using overrule::JsonlReader;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const nlohmann::json expected = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    const int nesting = maxNesting(text);
    if (JsonlReader::nestsTooDeep(text) != (nesting > JsonlReader::kMaxDepth))
        __builtin_trap();
    // The import's limit, and a small one so that the fuzzer reaches the boundary often.
    for (const int maxDepth : {JsonlReader::kMaxDepth, 3}) {
        nlohmann::json actual;
        const bool accepted = overrule::parseJsonFast(text, actual, maxDepth);
        if (accepted != (!expected.is_discarded() && nesting <= maxDepth))
            __builtin_trap();
        if (accepted && !jsonStrictlyEqual(actual, expected))
            __builtin_trap();
    }
    return 0;
}
