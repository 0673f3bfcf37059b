#pragma once

#include "Vocabulary.h"

#include <QString>
#include <optional>
#include <string>
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
    QString createdAt; // ISO 8601; empty means "now"
};

// One item as an importer hands it to the writer, before it has a database id. The long texts
// stay UTF-8, as read and as stored: converting them to UTF-16 and back took about a seventh of
// the import's parsing thread at 1M items (~2 s of ~14 s).
struct ItemRecord
{
    QString externalId;
    std::string prompt;       // UTF-8
    std::string response;     // UTF-8
    std::string messagesJson; // the original chat array, compact JSON; empty when none
    Behaviour verdict = Behaviour::Unknown;
    QString verdictRaw; // the verdict text as written in the file
    VerdictSource verdictSource = VerdictSource::File;
    bool verdictGiven = false; // the file has a verdict (or verdict source) for this item
    Intent intent = Intent::Unknown;
    QString category;
    std::optional<double> score;
    QString model;
    std::string metadataJson = "{}"; // compact JSON object, UTF-8
    std::vector<ImportedLabel> labels;
};

} // namespace overrule
