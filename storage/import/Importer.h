#pragma once

#include "Result.h"
#include "RunStore.h"
#include "import/ImportTypes.h"

#include <QString>
#include <optional>
#include <vector>

namespace overrule {

// Imports one evaluation file into a workspace as a new run. Runs on a worker thread: it opens
// its own connection to the workspace. The whole import is one transaction, so a failed or
// cancelled import leaves nothing behind.
class Importer
{
public:
    static constexpr int kMaxProblems = 20;

    explicit Importer(QString workspacePath) : m_workspacePath(std::move(workspacePath)) {}

    // On failure, error().toString() is a readable message whose first line is a one-line
    // reason naming file:line and field; problems() holds the same problems as data.
    Result<ImportSummary> run(const ImportRequest& request, const ImportControl& control = {});

    // The record problems of the last run(): why it failed (up to kMaxProblems), or, with
    // skipInvalid, the first lines it set aside.
    const std::vector<ImportProblem>& problems() const { return m_problems; }
    bool wasCancelled() const { return m_cancelled; }

    // The first `maxItems` items as run() would build them, reading only the start of the file
    // (for an .eval zip: the header and the first samples). Touches no workspace.
    static Result<ImportPreview> preview(const ImportRequest& request, int maxItems = 20);

    // The run that already holds this file's bytes (same SHA-256), if any.
    static Result<std::optional<RunInfo>> findPreviousImport(const QString& workspacePath,
                                                             const QString& filePath);

    // The format run() would use for this file: by content (zip with header.json, Inspect or
    // promptfoo JSON, lm-eval lines; through gzip too), else by extension, else first byte.
    static ImportFormat resolveFormat(const QString& filePath, ImportFormat requested);
    // "file.jsonl:3: prompt: expected a string, got a number" followed by the other problems,
    // one per line.
    static QString describe(const QString& filePath, const std::vector<ImportProblem>& problems,
                            bool truncated = false);

private:
    QString m_workspacePath;
    std::vector<ImportProblem> m_problems;
    bool m_cancelled = false;
};

} // namespace overrule
