#include "import/RecordFields.h"

#include "import/FastJson.h"
#include "import/JsonlReader.h"
#include "import/Mapping.h"

namespace overrule::record {

using nlohmann::json;

QString qs(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

namespace {
// A field name as UTF-8. Names are short and ASCII, so they are widened byte by byte into the
// string's own buffer: toStdString() went through a QByteArray, a heap block for every field of
// every record.
std::string utf8Of(const QString& name)
{
    std::string out;
    out.reserve(static_cast<std::size_t>(name.size()));
    for (const QChar c : name) {
        if (c.unicode() >= 0x80)
            return name.toStdString();
        out += static_cast<char>(c.unicode());
    }
    return out;
}
} // namespace

QString typeName(const json& value)
{
    if (value.is_number())
        return QStringLiteral("a number");
    if (value.is_boolean())
        return QStringLiteral("a boolean");
    if (value.is_object())
        return QStringLiteral("an object");
    if (value.is_array())
        return QStringLiteral("a list");
    if (value.is_null())
        return QStringLiteral("null");
    return QStringLiteral("text");
}

QString quoted(const QString& text)
{
    const QString shown = text.size() > 60 ? text.left(57) + QStringLiteral("...") : text;
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

std::optional<json> takePath(json& object, const std::string& path)
{
    if (const auto it = object.find(path); it != object.end()) {
        json value = std::move(*it);
        object.erase(it);
        return value;
    }
    if (path.find('.') == std::string::npos)
        return std::nullopt;
    std::vector<std::string> steps;
    std::size_t start = 0;
    for (std::size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', start)) {
        steps.push_back(path.substr(start, dot - start));
        start = dot + 1;
    }
    steps.push_back(path.substr(start));

    std::vector<json*> chain{&object};
    for (const std::string& step : steps) {
        json& current = *chain.back();
        if (current.is_object()) {
            const auto it = current.find(step);
            if (it == current.end())
                return std::nullopt;
            chain.push_back(&*it);
        } else if (current.is_array()) {
            bool ok = false;
            const qsizetype index = QString::fromStdString(step).toLongLong(&ok);
            if (!ok || index < 0 || static_cast<std::size_t>(index) >= current.size())
                return std::nullopt;
            chain.push_back(&current[static_cast<std::size_t>(index)]);
        } else {
            return std::nullopt;
        }
    }
    json* parent = chain[chain.size() - 2];
    if (!parent->is_object())
        return *chain.back();
    json value = std::move(*chain.back());
    parent->erase(steps.back());
    for (std::size_t k = chain.size() - 2; k >= 1; --k) {
        if (!chain[k]->is_object() || !chain[k]->empty() || !chain[k - 1]->is_object())
            break;
        chain[k - 1]->erase(steps[k - 1]);
    }
    return value;
}

QString RecordContext::sourceOf(const QString& key) const
{
    return m_mapping ? m_mapping->sourceField(key) : key;
}

const ValueMap* RecordContext::valueMap(const QString& key) const
{
    return m_mapping ? m_mapping->values(key) : nullptr;
}

json* RecordContext::take(const QString& path)
{
    for (auto& [taken, value] : m_taken) {
        if (taken == path)
            return value ? &*value : nullptr;
    }
    const std::string key = utf8Of(path);
    // A tool's scores (Inspect's scores.<scorer>) stay whole in the metadata: a verdict or
    // score read from them is copied, not moved out.
    if (path.startsWith(QLatin1String("scores.")) && m_source.fields.is_object() &&
        !m_source.fields.contains(key) && m_source.fields.contains("scores")) {
        json copy = json::object({{"scores", m_source.fields["scores"]}});
        m_taken.emplace_back(path, takePath(copy, key));
    } else {
        m_taken.emplace_back(path, takePath(m_source.fields, key));
    }
    auto& value = m_taken.back().second;
    return value ? &*value : nullptr;
}

void RecordContext::problem(const QString& field, const QString& reason)
{
    m_problems.push_back({m_source.line, field, reason});
}

Text RecordContext::text(const QString& field, const json* value, bool anyScalar)
{
    Text out;
    if (!value || value->is_null())
        return out;
    out.present = true;
    if (value->is_string())
        out.value = qs(value->get_ref<const std::string&>());
    else if (anyScalar && (value->is_number() || value->is_boolean()))
        out.value = qs(value->dump());
    else {
        out.bad = true;
        problem(field, QStringLiteral("expected text, got %1").arg(typeName(*value)));
    }
    return out;
}

Utf8Text RecordContext::utf8(const QString& field, json* value)
{
    Utf8Text out;
    if (!value || value->is_null())
        return out;
    out.present = true;
    if (value->is_string()) {
        out.value = std::move(value->get_ref<std::string&>());
    } else {
        out.bad = true;
        problem(field, QStringLiteral("expected text, got %1").arg(typeName(*value)));
    }
    return out;
}

Text RecordContext::mapped(const QString& path, const QString& mapKey)
{
    Text out = text(path, take(path), true);
    applyMap(out, mapKey);
    return out;
}

void RecordContext::applyMap(Text& out, const QString& mapKey) const
{
    if (out.value.isEmpty())
        out.present = false;
    if (!out.present)
        return;
    if (const ValueMap* map = valueMap(mapKey)) {
        if (auto value = map->apply(out.value))
            out.value = *value;
    }
}

std::optional<json> RecordContext::structured(const QString& field, json* value, bool wantObject)
{
    const QString expected =
        wantObject ? QStringLiteral("a JSON object") : QStringLiteral("a JSON list");
    if (!value || value->is_null())
        return std::nullopt;
    if (value->is_string()) {
        const std::string& text = value->get_ref<const std::string&>();
        if (text.empty())
            return std::nullopt;
        json parsed;
        const bool valid = parseJsonFast(text, parsed, JsonlReader::kMaxDepth);
        if (!valid && JsonlReader::nestsTooDeep(text)) {
            problem(
                field,
                QStringLiteral("JSON nested deeper than %1 levels").arg(JsonlReader::kMaxDepth));
            return std::nullopt;
        }
        if (!valid || (wantObject ? !parsed.is_object() : !parsed.is_array())) {
            problem(field, QStringLiteral("expected %1, got text that is not one").arg(expected));
            return std::nullopt;
        }
        return parsed;
    }
    if (wantObject ? !value->is_object() : !value->is_array()) {
        problem(field, QStringLiteral("expected %1, got %2").arg(expected, typeName(*value)));
        return std::nullopt;
    }
    return std::move(*value);
}

} // namespace overrule::record
