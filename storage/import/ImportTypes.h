#pragma once

#include "ItemRecord.h"
#include "import/Mapping.h"

#include <QString>
#include <QStringList>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace overrule {

enum class ImportFormat
{
    Auto,
    Jsonl,
    Csv,
    Inspect,   // Inspect AI log: .eval (zip) or .json (one document)
    Promptfoo, // promptfoo results export (JSON)
    LmEval     // lm-evaluation-harness samples_*.jsonl (--log_samples)
};

QString toString(ImportFormat format);
// "auto", "jsonl" (also "json", "ndjson"), "csv", "inspect", "promptfoo" or "lm-eval" (also
// "lm_eval", "lmeval"); nullopt otherwise.
std::optional<ImportFormat> parseImportFormat(const QString& text);

// One thing wrong with one record of the source file.
struct ImportProblem
{
    ImportProblem() = default;
    ImportProblem(std::int64_t line_, QString field_, QString reason_, QString location_ = {})
        : line(line_), field(std::move(field_)), reason(std::move(reason_)),
          location(std::move(location_))
    {
    }

    std::int64_t line = 0; // 1-based physical line where the record starts; 0 = whole file
    QString field;         // the source field (column or key) at fault; empty for the record
    QString reason;
    // Instead of a line, for records of a JSON document or zip entries: "sample 3 (epoch 1)",
    // "entry samples/3_epoch_1.json".
    QString location;

    bool operator==(const ImportProblem&) const = default;
};

// What to do when the file's bytes were imported before (same SHA-256 as an existing run).
enum class ReimportPolicy
{
    Refuse, // fail with "already imported as run 'X' (use --on-duplicate ...)"
    Skip,   // succeed with the existing run and 0 new items
    NewRun, // import it again as a new run
    AddNew  // append to the existing run the items whose external id it does not hold yet
};

QString toString(ReimportPolicy policy);
// "refuse", "skip", "new-run" (also "new_run"), "add-new" (also "add_new"); nullopt otherwise.
std::optional<ReimportPolicy> parseReimportPolicy(const QString& text);

struct ImportRequest
{
    QString filePath;
    QString runName; // empty: the tool's task name or the file's base name, made unique
    ImportFormat format = ImportFormat::Auto;
    std::optional<Mapping> mapping;
    bool skipInvalid = false; // store bad lines in import_rejects and import the rest
    ReimportPolicy onDuplicate = ReimportPolicy::Refuse;
    // Refusal detector patterns used when the file gives no verdicts (empty = the defaults,
    // RefusalDetector::defaultPatterns()).
    QStringList detectorPatterns;
    // When filePath was downloaded: the URL, stored as the run's source path.
    QString sourceUrl;
};

// How the caller follows and stops an import running on a worker thread.
struct ImportControl
{
    // Called from the importing thread with the bytes consumed so far and the file size,
    // often enough for a progress bar (about every 0.2% of the file) and once at the end.
    std::function<void(std::int64_t bytesRead, std::int64_t totalBytes)> progress;
    // Checked before every record; when set, the import stops and leaves no trace.
    const std::atomic<bool>* cancel = nullptr;
};

struct ImportSummary
{
    std::int64_t runId = 0;
    QString runName;
    ImportFormat format = ImportFormat::Jsonl;
    std::int64_t itemCount = 0;
    std::int64_t rejectedCount = 0;
    std::int64_t labelCount = 0;
    QString sha256;
    bool skippedAsDuplicate = false;    // ReimportPolicy::Skip found the file already imported
    bool appendedToExisting = false;    // ReimportPolicy::AddNew added to an existing run
    bool verdictsFromHeuristic = false; // the RefusalDetector filled the verdicts
    std::int64_t duplicatePrompts = 0;  // items whose prompt repeats an earlier item's
    // With skipInvalid: the first rejected lines (up to Importer::kMaxProblems).
    std::vector<ImportProblem> rejects;
};

// The first items of a file as the import would store them; nothing is written.
struct ImportPreview
{
    ImportFormat format = ImportFormat::Jsonl; // the resolved format
    QString suggestedRunName;                  // eval.task, or the file's base name
    QString model;                             // eval.model, or the first item's model
    // Field paths seen in the first records, usable in a mapping ("scores.refusal.value").
    QStringList sourceFields;
    std::vector<ItemRecord> items;
    std::vector<ImportProblem> problems; // of the records read
    bool verdictsFromHeuristic = false;  // no verdict source: the RefusalDetector filled them
};

} // namespace overrule
