#include "import/PromptfooReader.h"

#include "import/JsonDocument.h"
#include "import/JsonlReader.h"

#include <algorithm>
#include <tuple>

namespace overrule {
namespace {

using nlohmann::json;

std::int64_t indexAt(const json& row, const char* key)
{
    if (!row.is_object())
        return -1;
    const auto it = row.find(key);
    return it != row.end() && it->is_number_integer() ? it->get<std::int64_t>() : -1;
}

// A chat provider's prompt.raw is the JSON text of the message list.
std::optional<json> chatList(const std::string& raw)
{
    std::size_t i = 0;
    while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\n' || raw[i] == '\r' || raw[i] == '\t'))
        ++i;
    if (i == raw.size() || raw[i] != '[' || JsonlReader::nestsTooDeep(raw))
        return std::nullopt;
    json list = json::parse(raw, nullptr, false);
    if (list.is_discarded() || !list.is_array() || list.empty())
        return std::nullopt;
    for (const json& turn : list) {
        if (!turn.is_object() || !turn.contains("role") || !turn["role"].is_string())
            return std::nullopt;
    }
    return list;
}

} // namespace

void PromptfooReader::normaliseResult(json& row, std::size_t index, SourceRecord& out)
{
    out.fields = json::object();
    out.problems.clear();
    out.fromCsv = false;
    if (!row.is_object()) {
        out.problems.push_back({0, QString(),
                                QStringLiteral("expected a result object, got %1")
                                    .arg(QString::fromLatin1(row.type_name())),
                                out.location});
        return;
    }
    json& fields = out.fields;
    const std::int64_t promptIdx = indexAt(row, "promptIdx");
    const std::int64_t testIdx = indexAt(row, "testIdx");
    if (row.contains("id") && row["id"].is_string() &&
        !row["id"].get_ref<const std::string&>().empty())
        fields["id"] = row["id"];
    else if (promptIdx >= 0 && testIdx >= 0)
        fields["id"] = QStringLiteral("test%1-prompt%2").arg(testIdx).arg(promptIdx).toStdString();
    else
        fields["id"] = std::to_string(index + 1);

    if (auto prompt = row.find("prompt"); prompt != row.end()) {
        if (prompt->is_object() && prompt->contains("raw")) {
            json& raw = (*prompt)["raw"];
            std::optional<json> turns;
            if (raw.is_string())
                turns = chatList(raw.get_ref<const std::string&>());
            if (turns)
                fields["messages"] = std::move(*turns);
            else
                fields["prompt"] = std::move(raw);
            if (prompt->contains("label"))
                fields["prompt_label"] = std::move((*prompt)["label"]);
        } else {
            fields["prompt"] = std::move(*prompt); // older exports: the text itself
        }
    }

    if (auto response = row.find("response"); response != row.end() && response->is_object()) {
        if (auto output = response->find("output"); output != response->end()) {
            // Structured outputs (tool calls, JSON mode) are kept as their JSON text.
            if (output->is_string())
                fields["response"] = std::move(*output);
            else if (!output->is_null())
                fields["response"] = output->dump();
        }
        if (auto reason = response->find("finishReason"); reason != response->end())
            fields["finishReason"] = std::move(*reason);
    }
    if (!fields.contains("response") && row.contains("error") && !row["error"].is_null())
        fields["response"] = ""; // the provider failed: the error is kept in metadata

    if (auto score = row.find("score"); score != row.end())
        fields["score"] = std::move(*score);
    if (auto provider = row.find("provider"); provider != row.end()) {
        if (provider->is_string())
            fields["model"] = std::move(*provider);
        else if (provider->is_object()) {
            QString name = stringAt(*provider, "label");
            if (name.isEmpty())
                name = stringAt(*provider, "id");
            if (!name.isEmpty())
                fields["model"] = name.toStdString();
        }
    }
    for (const char* key :
         {"success", "gradingResult", "namedScores", "testCase", "vars", "promptIdx", "testIdx",
          "promptId", "latencyMs", "cost", "error", "failureReason"}) {
        if (auto it = row.find(key); it != row.end() && !it->is_null())
            fields[key] = std::move(*it);
    }
    out.raw = QByteArray::fromStdString(fields.dump());
}

bool PromptfooReader::start()
{
    JsonDocumentOptions options;
    options.elementArray = {"results", "results"};
    options.skip = {{"results", "table"}, {"results", "results", "[]", "response", "raw"}};
    options.cancel = m_cancel;
    options.advanced = m_advanced;
    options.element = [this](json&& row) {
        m_rows.push_back(std::move(row));
        return true;
    };
    JsonDocumentResult parsed = parseJsonDocument(m_device, options);
    if (parsed.problem) {
        m_failure = parsed.problem;
        return false;
    }
    const json& root = parsed.root;
    if (!root.is_object() || !root.contains("results") || !root["results"].is_object() ||
        !root["results"].contains("results") || !root["results"]["results"].is_array()) {
        m_failure = ImportProblem{0, QStringLiteral("results.results"),
                                  QStringLiteral("not a promptfoo export: expected a list of "
                                                 "results at results.results")};
        return false;
    }
    if (root.contains("config") && root["config"].is_object())
        m_description = stringAt(root["config"], "description");

    // promptfoo writes rows as they finish: order them as the eval's table reads.
    std::vector<std::tuple<std::int64_t, std::int64_t, std::size_t>> order;
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        order.emplace_back(indexAt(m_rows[i], "promptIdx"), indexAt(m_rows[i], "testIdx"), i);
    std::sort(order.begin(), order.end());
    std::vector<json> sorted;
    sorted.reserve(m_rows.size());
    for (const auto& entry : order)
        sorted.push_back(std::move(m_rows[std::get<2>(entry)]));
    m_rows = std::move(sorted);
    if (m_limit > 0 && m_rows.size() > std::size_t(m_limit))
        m_rows.resize(std::size_t(m_limit));
    return true;
}

bool PromptfooReader::next(SourceRecord& record)
{
    if (m_failure || m_next >= m_rows.size())
        return false;
    record = SourceRecord{};
    record.line = qint64(m_next) + 1;
    json& row = m_rows[m_next];
    record.location = QStringLiteral("result %1").arg(m_next + 1);
    if (indexAt(row, "testIdx") >= 0 && indexAt(row, "promptIdx") >= 0)
        record.location += QStringLiteral(" (test %1, prompt %2)")
                               .arg(indexAt(row, "testIdx"))
                               .arg(indexAt(row, "promptIdx"));
    normaliseResult(row, m_next, record);
    row = json();
    ++m_next;
    return true;
}

} // namespace overrule
