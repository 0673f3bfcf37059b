#pragma once

#include "import/RecordReader.h"

#include <vector>

namespace overrule {

// promptfoo result exports (`promptfoo export` / `--output results.json`): the rows of
// results.results[] become native records, ordered by promptIdx then testIdx. Prompt from
// prompt.raw (a JSON chat list there is kept as messages), response from response.output,
// score from `score`, model from the provider; `success` and `gradingResult` (with its
// per-assertion componentResults) are kept in metadata, where a preset may map them to a
// verdict. All providers go into one run with a model column (see docs/formats.md).
class PromptfooReader : public RecordReader
{
public:
    explicit PromptfooReader(QIODevice& device) : RecordReader(device), m_device(device) {}

    bool start() override;
    bool next(SourceRecord& record) override;
    QString suggestedRunName() const override { return m_description; }
    std::optional<ImportProblem> failure() const override { return m_failure; }

    void setLimit(int results) { m_limit = results; }

    // Turns one result row into a native record (consumes `row`).
    static void normaliseResult(nlohmann::json& row, std::size_t index, SourceRecord& out);

private:
    QIODevice& m_device;
    QString m_description;
    int m_limit = 0;
    std::size_t m_next = 0;
    std::vector<nlohmann::json> m_rows;
};

} // namespace overrule
