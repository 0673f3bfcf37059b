#pragma once

#include "import/RecordReader.h"

#include <string_view>

namespace overrule {

// JSON Lines: one JSON object per line. A line that does not parse becomes a record with a
// problem naming the field where parsing broke (malformed JSON, invalid UTF-8).
class JsonlReader : public RecordReader
{
public:
    using RecordReader::RecordReader;
    bool next(SourceRecord& record) override;

    // Parses one line; on failure fills `problem` (line left 0) instead.
    static bool parseLine(const QByteArray& line, nlohmann::json& out, ImportProblem& problem);

    // Deeper nesting is refused before parsing: copying and writing JSON recurse per level.
    static constexpr int kMaxDepth = 200;
    // True when brackets outside strings nest deeper than kMaxDepth.
    static bool nestsTooDeep(std::string_view text);
};

} // namespace overrule
