#pragma once

#include "import/Mapping.h"

#include <QString>
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
    Csv
};

QString toString(ImportFormat format);
// "auto", "jsonl" (also "json", "ndjson") or "csv"; nullopt otherwise.
std::optional<ImportFormat> parseImportFormat(const QString& text);

// One thing wrong with one record of the source file.
struct ImportProblem
{
    std::int64_t line = 0; // 1-based physical line where the record starts; 0 = whole file
    QString field;         // the source field (column or key) at fault; empty for the record
    QString reason;

    bool operator==(const ImportProblem&) const = default;
};

struct ImportRequest
{
    QString filePath;
    QString runName; // empty: the file's base name, made unique
    ImportFormat format = ImportFormat::Auto;
    std::optional<Mapping> mapping;
    bool skipInvalid = false; // store bad lines in import_rejects and import the rest
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
    // With skipInvalid: the first rejected lines (up to Importer::kMaxProblems).
    std::vector<ImportProblem> rejects;
};

} // namespace overrule
