#pragma once

#include "import/ImportTypes.h"

#include <QString>
#include <atomic>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

class QIODevice;

// Internal to overrule_storage: streaming parse of one large JSON document (an Inspect .json log,
// a promptfoo export) without holding its text or its bulky parts.

namespace overrule {

struct JsonDocumentOptions
{
    // Bytes read from the device at most; beyond it the parse fails with a clear message.
    std::int64_t maxBytes = std::int64_t(1) << 30; // 1 GiB
    // Containers nested deeper fail the parse (later copies and dumps recurse per level).
    int maxDepth = 200;
    // The key path of an array whose elements are handed to `element` one at a time instead of
    // being stored in the document, e.g. {"samples"} or {"results", "results"}.
    std::vector<std::string> elementArray;
    // Key paths whose values are skipped while parsing; "[]" stands for any array element,
    // e.g. {"samples", "[]", "events"}.
    std::vector<std::vector<std::string>> skip;
    // Receives each element of `elementArray`; returning false stops the parse early (not an
    // error: parseJsonDocument() then reports stoppedEarly).
    std::function<bool(nlohmann::json&& element)> element;
    // When set, reading stops and the parse fails as cancelled.
    const std::atomic<bool>* cancel = nullptr;
    // Called after each chunk read from the device, so that a long parse can show progress.
    std::function<void()> advanced;
};

struct JsonDocumentResult
{
    nlohmann::json root; // the document without the skipped values and the handed-out elements
    std::optional<ImportProblem> problem;
    bool stoppedEarly = false;
    std::int64_t bytesRead = 0;
};

// Reads the device from its current position to the end.
JsonDocumentResult parseJsonDocument(QIODevice& device, const JsonDocumentOptions& options);

// The Qt text of a UTF-8 std::string.
QString qsOf(const std::string& text);

// The string at `key` of an object, or an empty string for anything else.
QString stringAt(const nlohmann::json& object, const char* key);

} // namespace overrule
