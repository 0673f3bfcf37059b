#pragma once

#include "Result.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace overrule {

class Database;

struct RunInfo
{
    std::int64_t id = 0;
    QString name;
    QString model;
    QString sourcePath;
    QString sourceSha256;
    QString format;
    QString importedAt;
    std::int64_t itemCount = 0;
    std::int64_t rejectedCount = 0;
};

// A line an import with --skip-invalid set aside, kept so nothing is lost.
struct ImportReject
{
    std::int64_t line = 0;
    QString field;
    QString reason;
    QString raw;
};

// Reads and removes runs. Runs are created by the importer's RunWriter.
class RunStore
{
public:
    explicit RunStore(const Database& db) : m_db(db) {}

    Result<std::vector<RunInfo>> list() const;
    Result<std::optional<RunInfo>> find(std::int64_t id) const;
    Result<std::optional<RunInfo>> findByName(const QString& name) const;
    // `base`, or `base (2)`, `base (3)`... whichever is free.
    Result<QString> uniqueName(const QString& base) const;
    // Items of the run with a current review outcome (an index range, not a scan of the run).
    Result<std::int64_t> reviewedCount(std::int64_t runId) const;
    Result<std::vector<ImportReject>> rejects(std::int64_t runId, int limit = 1000) const;
    // Deletes the run with its items, texts, labels and search entries, in one transaction.
    Status remove(std::int64_t runId) const;

private:
    const Database& m_db;
};

} // namespace overrule
