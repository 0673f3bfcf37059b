#pragma once

#include "LabelStore.h"
#include "Result.h"
#include "Vocabulary.h"

#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

namespace overrule {

class Database;

// Everything the details pane shows about one item, texts included.
struct ItemDetails
{
    std::int64_t id = 0, runId = 0, seq = 0;
    QString externalId, prompt, response, messagesJson, verdictRaw, model, metadataJson;
    Behaviour verdict = Behaviour::Unknown;
    VerdictSource verdictSource = VerdictSource::File;
    Intent intent = Intent::Unknown; // the run's intent (from the file)
    std::optional<std::int64_t> categoryId;
    QString categoryName; // classifier's category
    std::optional<double> score;
    // The first item of the run with the same prompt, when this one repeats it.
    std::optional<std::int64_t> duplicateOf;
    QString duplicateOfExternalId;
    Outcome outcome = Outcome::Unreviewed; // current review outcome
    std::optional<Label> currentLabel;     // newest non-withdrawn label
    std::vector<Label> history;            // all labels, newest first
};

// A false refusal that names a category as its culprit.
struct CulpritEvidence
{
    std::int64_t itemId;
    QString runName, externalId, excerpt, reviewer, note, createdAt;
};

// Reads single items in full (the table model reads only the small indexed columns).
class ItemStore
{
public:
    explicit ItemStore(const Database& db);
    Result<ItemDetails> details(std::int64_t itemId) const;
    // False refusals whose current label names the category as culprit (evidence for narrowing).
    Result<std::vector<CulpritEvidence>> culpritEvidence(std::int64_t categoryId,
                                                         int limit = 500) const;

private:
    const Database& m_db;
};

} // namespace overrule
