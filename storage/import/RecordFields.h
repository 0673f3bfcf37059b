#pragma once

#include "import/RecordReader.h"

#include <QString>
#include <optional>
#include <string>
#include <utility>
#include <vector>

// Internal to overrule_storage: how the record builder reaches the fields of one source record.

namespace overrule {

class Mapping;
struct ValueMap;

namespace record {

QString qs(const std::string& text);
// "a number", "an object"... for problems.
QString typeName(const nlohmann::json& value);
// A raw value quoted in a problem, shortened so that a reason stays one readable line.
QString quoted(const QString& text);

// Moves the value at `path` out of `object`: first as a literal key ("output.text" may be a
// CSV column), then as a dotted path into nested objects (array steps are numeric). Objects
// left empty by the move are removed so that the leftovers kept as metadata hold no husks.
// Values inside arrays are copied, not moved.
std::optional<nlohmann::json> takePath(nlohmann::json& object, const std::string& path);

// A field's text: present is false when the field is missing or null.
struct Text
{
    bool present = false;
    bool bad = false; // the value has a type that cannot be text; a problem was reported
    QString value;
};

// A field's text kept as the UTF-8 the record holds (for long texts: no conversion).
struct Utf8Text
{
    bool present = false;
    bool bad = false; // not text; a problem was reported
    std::string value;
};

// The fields of one record, found through the mapping (or under their native names). Each
// source field is taken out of the record once; what is never taken is left over for the
// metadata. Every problem goes to `problems` with the record's line.
class RecordContext
{
public:
    RecordContext(const Mapping* mapping, SourceRecord& source,
                  std::vector<ImportProblem>& problems)
        : m_mapping(mapping), m_source(source), m_problems(problems)
    {
    }

    // The source field that holds an Overrule key, as the user knows it.
    QString sourceOf(const QString& key) const;
    const ValueMap* valueMap(const QString& key) const;

    // The value at a source path, or nullptr (labels may share a field with an item key).
    nlohmann::json* take(const QString& path);
    void problem(const QString& field, const QString& reason);

    // Text from a field; `anyScalar` also accepts numbers and booleans, written as text.
    Text text(const QString& field, const nlohmann::json* value, bool anyScalar);
    // Text from a field that must be text (or null), moved out of `value` as UTF-8.
    Utf8Text utf8(const QString& field, nlohmann::json* value);
    // Text of a field after the value map of `mapKey`.
    Text mapped(const QString& path, const QString& mapKey);
    // Empty text reads as absent (CSV cells are never missing, only empty); absent values are
    // not mapped.
    void applyMap(Text& out, const QString& mapKey) const;
    // A JSON object or list that may also arrive as JSON text (CSV cells), moved out of `value`.
    std::optional<nlohmann::json> structured(const QString& field, nlohmann::json* value,
                                             bool wantObject);

    bool hasTopLevel(const char* key) const { return m_source.fields.contains(key); }
    nlohmann::json& leftovers() { return m_source.fields; }

private:
    const Mapping* m_mapping;
    SourceRecord& m_source;
    std::vector<ImportProblem>& m_problems;
    std::vector<std::pair<QString, std::optional<nlohmann::json>>> m_taken;
};

} // namespace record
} // namespace overrule
