#pragma once

#include "import/ImportTypes.h"
#include "import/LineReader.h"

#include <QByteArray>
#include <atomic>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

// Internal to overrule_storage (nlohmann::json is a private dependency): the readers that
// turn a file into source records, each a JSON object of the record's fields.

namespace overrule {

struct SourceRecord
{
    std::int64_t line = 0;               // physical line where the record starts
    nlohmann::json fields;               // an object; CSV cells are strings
    QByteArray raw;                      // the record as written, kept for import_rejects
    std::vector<ImportProblem> problems; // why it could not be read, if it could not
    bool fromCsv = false;                // fields hold text only (JSON columns are text)
    // Where the record is when a line number means nothing (a sample of a JSON document or a
    // zip entry): "sample 3 (epoch 1)", "entry samples/3_epoch_1.json".
    QString location;
};

class RecordReader
{
public:
    explicit RecordReader(QIODevice& device) : m_lines(device) {}
    virtual ~RecordReader() = default;
    RecordReader(const RecordReader&) = delete;
    RecordReader& operator=(const RecordReader&) = delete;

    // Reads what comes before the records (an Inspect header, a whole JSON document); false
    // when the file cannot be read, with failure() set. Called once, before next().
    virtual bool start() { return true; }
    // The next record, skipping blank lines; false at the end or when error() is set.
    virtual bool next(SourceRecord& record) = 0;
    // A run name the file itself suggests (Inspect's eval.task); empty when none. Valid after
    // start().
    virtual QString suggestedRunName() const { return {}; }
    // Stops long reads inside start() (a large JSON document) when set.
    void setCancel(const std::atomic<bool>* cancel) { m_cancel = cancel; }
    // Called as start() reads a whole document (an Inspect .json log, a promptfoo export), so
    // that the caller can show how far it got; line-by-line readers report per record instead.
    void setReadProgress(std::function<void()> advanced) { m_advanced = std::move(advanced); }
    // A problem that stops reading the file as a whole (a read error, a bad CSV header).
    virtual std::optional<ImportProblem> failure() const
    {
        if (m_failure)
            return m_failure;
        if (!m_lines.error().isEmpty())
            return ImportProblem{0, QString(), QStringLiteral("read error: ") + m_lines.error()};
        return std::nullopt;
    }

    std::int64_t bytesConsumed() const { return m_lines.bytesConsumed(); }
    QString sha256() const { return m_lines.sha256(); }

protected:
    LineReader m_lines;
    std::optional<ImportProblem> m_failure;
    const std::atomic<bool>* m_cancel = nullptr;
    std::function<void()> m_advanced;
};

} // namespace overrule
