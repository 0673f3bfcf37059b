#pragma once

#include "archive/ZipArchive.h"
#include "import/RecordReader.h"

#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace overrule {

// Inspect AI logs: a .json document ({"eval", "samples": [...]}) or an .eval zip (header.json,
// samples/<id>_epoch_<n>.json). Each sample becomes a native record (see docs/formats.md):
// prompt from `input` (text, or a chat list kept as messages), response from
// output.choices[0].message.content or output.completion, `scores` kept whole (addressable as
// scores.<scorer>.value), `metadata` kept, model eval.model. Samples come in numeric id order,
// then epoch. A cancelled or failed log yields the samples it holds.
class InspectReader : public RecordReader
{
public:
    enum class Container
    {
        Json,
        Eval
    };
    // `device` must stay open; an .eval needs random access (a file or a buffer).
    InspectReader(QIODevice& device, Container container);
    ~InspectReader() override;

    bool start() override;
    bool next(SourceRecord& record) override;
    QString suggestedRunName() const override { return m_task; }
    std::optional<ImportProblem> failure() const override { return m_failure; }

    QString model() const { return m_model; }
    QString status() const { return m_status; } // "success", "cancelled", "error", ...

    // Stops reading samples after this many (a preview); 0 = all.
    void setLimit(int samples) { m_limit = samples; }

    // Turns one sample into a native record (consumes `sample`); a problem for what cannot be.
    static void normaliseSample(nlohmann::json& sample, const QString& model, SourceRecord& out);

    static constexpr std::uint64_t kMaxEntryBytes = std::uint64_t(512) << 20;

private:
    bool startJson();
    bool startEval();
    void readHeader(const nlohmann::json& header);

    QIODevice& m_device;
    Container m_container;
    QString m_task, m_model, m_status;
    int m_limit = 0;
    std::size_t m_next = 0;
    // .json: the samples, sorted. .eval: the sample entries, sorted.
    std::vector<nlohmann::json> m_samples;
    std::unique_ptr<ZipArchive> m_zip;
    std::vector<const ZipArchive::Entry*> m_entries;
};

} // namespace overrule
