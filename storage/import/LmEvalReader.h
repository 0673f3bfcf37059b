#pragma once

#include "import/RecordReader.h"

#include <QString>

namespace overrule {

// lm-evaluation-harness `samples_<task>_<time>.jsonl` (--log_samples): one document per line.
// Prompt from arguments.gen_args_0.arg_0 (arguments[0][0] in older versions), response from
// filtered_resps[0] (resps[0][0] when absent), id = doc_id (with the filter when it is not
// "none"); `doc`, `target` and each metric named in `metrics` are kept in metadata, the first
// numeric metric is the score.
class LmEvalReader : public RecordReader
{
public:
    // `model` comes from the run's results_<time>.json when it sits next to the samples.
    LmEvalReader(QIODevice& device, QString model) : RecordReader(device), m_model(std::move(model))
    {
    }

    bool next(SourceRecord& record) override;
    QString suggestedRunName() const override { return m_task; }
    void setTask(QString task) { m_task = std::move(task); }

    // Turns one parsed line into a native record (consumes `line`).
    static void normaliseLine(nlohmann::json& line, const QString& model, SourceRecord& out);

    // "samples_gsm8k_2024-05-01T10-00-00.123.jsonl" -> "gsm8k"; empty for other names.
    static QString taskFromFileName(const QString& fileName);
    // The model_name of results_<time>.json next to samples_<task>_<time>.jsonl, if any.
    static QString modelNextTo(const QString& samplesPath);

private:
    QString m_model;
    QString m_task;
};

} // namespace overrule
