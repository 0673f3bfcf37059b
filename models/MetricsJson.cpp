#include "MetricsJson.h"

#include <nlohmann/json.hpp>

namespace overrule {
namespace {

using Json = nlohmann::ordered_json;

Json rateJson(const Rate& rate)
{
    Json out;
    out["count"] = rate.count;
    out["of"] = rate.of;
    if (rate.defined()) {
        const auto [low, high] = rate.ci95();
        out["rate"] = rate.rate();
        out["ci95"] = Json::array({low, high});
    } else {
        out["rate"] = nullptr;
        out["ci95"] = nullptr;
    }
    return out;
}

Json metricsJson(const Metrics& m)
{
    Json out;
    out["items"] = m.items;
    out["reviewed"] = m.reviewed;
    out["unknown_verdicts"] = m.unknownVerdicts;
    out["classifier_refusal_rate"] = rateJson(m.classifierRefusal);
    out["false_refusal_rate"] = rateJson(m.falseRefusal);
    out["missed_harm_rate"] = rateJson(m.missedHarm);
    out["intent"] = {
        {"benign", m.intent.benign}, {"harmful", m.intent.harmful}, {"unknown", m.intent.unknown}};
    out["classifier_agreement"] = {{"agree", m.classifierAgreement.count},
                                   {"of", m.classifierAgreement.of}};
    return out;
}

} // namespace

QByteArray metricsToJson(const QString& runName, const RunMetrics& metrics, const QString& reviewer)
{
    Json doc;
    doc["run"] = runName.toStdString();
    doc["reviewer"] = reviewer.isEmpty() ? Json(nullptr) : Json(reviewer.toStdString());
    const Json total = metricsJson(metrics.total);
    for (const auto& [key, value] : total.items())
        doc[key] = value;
    doc["heuristic_verdicts"] = metrics.total.heuristicVerdicts;
    Json byCategory = Json::object();
    for (const CategoryMetrics& category : metrics.byCategory) {
        const std::string key =
            category.category.isEmpty() ? "(uncategorised)" : category.category.toStdString();
        byCategory[key] = metricsJson(category.metrics);
    }
    doc["by_category"] = byCategory;
    return QByteArray::fromStdString(doc.dump(2)) + '\n';
}

} // namespace overrule
