#include "import/LmEvalReader.h"

#include "import/JsonDocument.h"
#include "import/JsonlReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace overrule {
namespace {

using nlohmann::json;

const QRegularExpression& samplesName()
{
    // samples_<task>_<ISO-like time>.jsonl[.gz]
    static const QRegularExpression re(
        QStringLiteral("^samples_(.+)_(\\d{4}-\\d{2}-\\d{2}T[0-9.\\-]+)\\.jsonl(\\.gz)?$"));
    return re;
}

const json* textish(const json& value)
{
    return value.is_string() ? &value : nullptr;
}

} // namespace

QString LmEvalReader::taskFromFileName(const QString& fileName)
{
    const auto match = samplesName().match(fileName);
    return match.hasMatch() ? match.captured(1) : QString();
}

QString LmEvalReader::modelNextTo(const QString& samplesPath)
{
    const QFileInfo info(samplesPath);
    const auto match = samplesName().match(info.fileName());
    if (!match.hasMatch())
        return {};
    QFile results(info.dir().filePath(QStringLiteral("results_%1.json").arg(match.captured(2))));
    if (!results.open(QIODevice::ReadOnly))
        return {};
    JsonDocumentOptions options;
    options.maxBytes = std::int64_t(64) << 20;
    const JsonDocumentResult parsed = parseJsonDocument(results, options);
    if (parsed.problem)
        return {};
    QString model = stringAt(parsed.root, "model_name");
    if (model.isEmpty() && parsed.root.is_object() && parsed.root.contains("config"))
        model = stringAt(parsed.root["config"], "model");
    return model;
}

void LmEvalReader::normaliseLine(json& line, const QString& model, SourceRecord& out)
{
    json fields = json::object();
    if (auto id = line.find("doc_id"); id != line.end() && !id->is_null()) {
        std::string text = id->is_string() ? id->get<std::string>() : id->dump();
        const QString filter = stringAt(line, "filter");
        if (!filter.isEmpty() && filter != QLatin1String("none"))
            text += ":" + filter.toStdString();
        fields["id"] = std::move(text);
    }

    // arguments: {"gen_args_0": {"arg_0": prompt, "arg_1": options}} or [[prompt, options]].
    if (auto args = line.find("arguments"); args != line.end()) {
        json* prompt = nullptr;
        if (args->is_object() && args->contains("gen_args_0") &&
            (*args)["gen_args_0"].is_object() && (*args)["gen_args_0"].contains("arg_0"))
            prompt = &(*args)["gen_args_0"]["arg_0"];
        else if (args->is_array() && !args->empty()) {
            json& first = (*args)[0];
            prompt = first.is_array() && !first.empty() ? &first[0] : &first;
        }
        if (prompt)
            fields["prompt"] = std::move(*prompt);
    }

    // filtered_resps: one entry per request; resps: a list of candidates per request.
    const json* response = nullptr;
    if (auto filtered = line.find("filtered_resps");
        filtered != line.end() && filtered->is_array() && !filtered->empty())
        response = &(*filtered)[0];
    else if (auto resps = line.find("resps");
             resps != line.end() && resps->is_array() && !resps->empty()) {
        const json& first = (*resps)[0];
        response = first.is_array() && !first.empty() ? &first[0] : &first;
    }
    if (response) {
        // Log-likelihood tasks answer [log-prob, is-greedy]: kept as its JSON text.
        if (textish(*response))
            fields["response"] = *response;
        else
            fields["response"] = response->dump();
    }

    json metadata = json::object();
    if (auto doc = line.find("doc"); doc != line.end())
        metadata["doc"] = std::move(*doc);
    for (const char* key : {"target", "filter"}) {
        if (auto it = line.find(key); it != line.end())
            metadata[key] = std::move(*it);
    }
    if (auto metrics = line.find("metrics"); metrics != line.end() && metrics->is_array()) {
        for (const json& name : *metrics) {
            if (!name.is_string())
                continue;
            const std::string& key = name.get_ref<const std::string&>();
            if (key == "doc" || key == "target" || key == "filter")
                continue;
            auto it = line.find(key);
            if (it == line.end())
                continue;
            if (!fields.contains("score") && it->is_number())
                fields["score"] = *it;
            metadata[key] = std::move(*it);
        }
    }
    fields["metadata"] = std::move(metadata);
    if (!model.isEmpty())
        fields["model"] = model.toStdString();
    out.fields = std::move(fields);
}

bool LmEvalReader::next(SourceRecord& record)
{
    QByteArray line;
    while (m_lines.next(line)) {
        if (isBlank(line))
            continue;
        record.line = m_lines.lineNumber();
        record.problems.clear();
        record.location.clear();
        record.fromCsv = false;
        ImportProblem problem;
        json parsed;
        if (!JsonlReader::parseLine(line, parsed, problem)) {
            problem.line = record.line;
            record.problems.push_back(std::move(problem));
            record.fields = json::object();
        } else {
            normaliseLine(parsed, m_model, record);
        }
        record.raw = std::move(line);
        return true;
    }
    return false;
}

} // namespace overrule
