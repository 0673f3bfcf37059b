#pragma once

#include "Vocabulary.h"

#include <QString>

#include <optional>
#include <vector>

namespace overrule {

// A human annotation that arrives with an item (the mapping file's "labels").
struct ImportedLabel
{
    QString reviewer;
    Behaviour behaviour = Behaviour::Unknown;
    Intent intent = Intent::Unknown;
    QString category;
    QString culprit;
    QString note;
    QString createdAt;  // ISO 8601; empty means "now"
};

// One item as an importer hands it to the writer, before it has a database id.
struct ItemRecord
{
    QString externalId;
    QString prompt;
    QString response;
    QString messagesJson;  // the original chat array, compact JSON; empty when none
    Behaviour verdict = Behaviour::Unknown;
    QString verdictRaw;  // the verdict text as written in the file
    VerdictSource verdictSource = VerdictSource::File;
    bool verdictGiven = false;  // the file has a verdict (or verdict source) for this item
    Intent intent = Intent::Unknown;
    QString category;
    std::optional<double> score;
    QString model;
    QString metadataJson = QStringLiteral("{}");  // compact JSON object
    std::vector<ImportedLabel> labels;
};

} // namespace overrule
