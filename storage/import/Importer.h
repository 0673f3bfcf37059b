#pragma once

#include "Result.h"
#include "import/ImportTypes.h"

#include <QString>
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

    // The format run() would use for this file (Auto resolved by extension, else by content).
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
