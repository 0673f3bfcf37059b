#pragma once

#include "Result.h"

#include <QString>
#include <cstdint>
#include <optional>

class QIODevice;

namespace overrule {

class Database;

enum class ExportFormat
{
    Jsonl,
    Csv
};

// "jsonl" (also "json", "ndjson") or "csv".
std::optional<ExportFormat> parseExportFormat(const QString& text);

struct ExportOptions
{
    ExportFormat format = ExportFormat::Jsonl;
    bool reviewedOnly = false; // only items whose current label is a decision
    QString reviewer;          // when set, only this reviewer's labels count
};

// Writes one record per item of a run, with its original fields and current label, streaming
// rows from a single query. JSONL re-imports with no loss; CSV is for spreadsheets (cells that
// would run as formulas are neutralised). See docs/formats.md.
class Exporter
{
public:
    static Status write(const Database& db, std::int64_t runId, const ExportOptions& options,
                        QIODevice& out);
    // Counts what write() would write, e.g. to show "N items" before exporting.
    static Result<std::int64_t> count(const Database& db, std::int64_t runId,
                                      const ExportOptions& options);
};

} // namespace overrule
