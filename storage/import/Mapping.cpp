#include "import/Mapping.h"

#include "Vocabulary.h"

#include <QFile>
#include <nlohmann/json.hpp>

namespace overrule {
namespace {

using ordered_json = nlohmann::ordered_json;

QString qs(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

const QStringList& valueKeys()
{
    static const QStringList keys = {
        QStringLiteral("id"),       QStringLiteral("verdict"), QStringLiteral("verdict_source"),
        QStringLiteral("category"), QStringLiteral("score"),   QStringLiteral("intent"),
        QStringLiteral("model")};
    return keys;
}

const QStringList& labelKeys()
{
    static const QStringList keys = {QStringLiteral("reviewer"), QStringLiteral("behaviour"),
                                     QStringLiteral("intent"),   QStringLiteral("category"),
                                     QStringLiteral("culprit"),  QStringLiteral("note"),
                                     QStringLiteral("time")};
    return keys;
}

// Reads a mapping document, remembering the file name so each error can point at its key.
class MappingParser
{
public:
    explicit MappingParser(QString sourceName) : m_source(std::move(sourceName)) {}

    Result<Mapping> parse(const QByteArray& text)
    {
        const ordered_json doc =
            ordered_json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
        if (doc.is_discarded())
            return fail(QString(), QStringLiteral("not valid JSON"));
        if (!doc.is_object())
            return fail(QString(), QStringLiteral("expected a JSON object"));
        Mapping mapping;
        for (const auto& [key, value] : doc.items()) {
            const QString name = qs(key);
            if (name == QLatin1String("fields")) {
                if (!readFields(value, mapping))
                    return m_error;
            } else if (name == QLatin1String("values")) {
                if (!readValues(value, mapping))
                    return m_error;
            } else if (name == QLatin1String("labels")) {
                if (!readLabels(value, mapping))
                    return m_error;
            } else if (name == QLatin1String("name")) {
                if (!value.is_string())
                    return fail(name, QStringLiteral("expected the preset's name as text"));
                mapping.setName(qs(value.get<std::string>()));
            } else {
                return fail(name, QStringLiteral("unknown key (expected name, fields, values, "
                                                 "labels)"));
            }
        }
        return mapping;
    }

private:
    Error fail(const QString& key, const QString& message)
    {
        m_error =
            makeError(message, key.isEmpty() ? m_source : m_source + QStringLiteral(": ") + key);
        return m_error;
    }

    bool readFields(const ordered_json& fields, Mapping& mapping)
    {
        if (!fields.is_object()) {
            fail(QStringLiteral("fields"), QStringLiteral("expected an object of Overrule field -> "
                                                          "source field"));
            return false;
        }
        for (const auto& [key, value] : fields.items()) {
            const QString name = qs(key);
            const QString where = QStringLiteral("fields.") + name;
            if (!Mapping::fieldKeys().contains(name)) {
                fail(where, QStringLiteral("unknown Overrule field (expected one of: %1)")
                                .arg(Mapping::fieldKeys().join(QStringLiteral(", "))));
                return false;
            }
            if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
                fail(where, QStringLiteral("expected the name of a source field"));
                return false;
            }
            mapping.setField(name, qs(value.get<std::string>()));
        }
        return true;
    }

    // The Overrule value a rule maps to: text, a number or a boolean written as text, or null.
    bool readTarget(const ordered_json& value, const QString& key, const QString& where,
                    std::optional<QString>& out)
    {
        if (value.is_null()) {
            out.reset();
            return true;
        }
        if (value.is_string())
            out = qs(value.get<std::string>());
        else if (value.is_number() || value.is_boolean())
            out = qs(value.dump());
        else {
            fail(where, QStringLiteral("expected a text value or null"));
            return false;
        }
        const QString& text = *out;
        bool valid = true;
        QString expected;
        if (key == QLatin1String("verdict")) {
            valid = parseBehaviour(text).has_value();
            expected = QStringLiteral("full_refusal, partial_refusal, compliance or unknown");
        } else if (key == QLatin1String("intent")) {
            valid = parseIntent(text).has_value();
            expected = QStringLiteral("benign, harmful or unknown");
        } else if (key == QLatin1String("verdict_source")) {
            valid = text == QLatin1String("file") || text == QLatin1String("heuristic");
            expected = QStringLiteral("file or heuristic");
        } else if (key == QLatin1String("score")) {
            text.toDouble(&valid);
            expected = QStringLiteral("a number");
        }
        if (!valid) {
            fail(where,
                 QStringLiteral("\"%1\" is not a valid %2 (expected %3)").arg(text, key, expected));
            return false;
        }
        return true;
    }

    bool readValues(const ordered_json& values, Mapping& mapping)
    {
        if (!values.is_object()) {
            fail(QStringLiteral("values"),
                 QStringLiteral("expected an object of field -> value map"));
            return false;
        }
        for (const auto& [key, rules] : values.items()) {
            const QString name = qs(key);
            const QString where = QStringLiteral("values.") + name;
            if (!valueKeys().contains(name)) {
                fail(where, QStringLiteral("values can only be mapped for: %1")
                                .arg(valueKeys().join(QStringLiteral(", "))));
                return false;
            }
            ValueMap map;
            if (rules.is_object()) {
                for (const auto& [raw, target] : rules.items()) {
                    ValueMap::Rule rule;
                    rule.match = qs(raw);
                    if (!readTarget(target, name, where + QLatin1Char('.') + rule.match,
                                    rule.value))
                        return false;
                    map.rules.push_back(std::move(rule));
                }
            } else if (rules.is_array()) {
                map.isRegex = true;
                int index = 0;
                for (const auto& entry : rules) {
                    const QString at = QStringLiteral("%1[%2]").arg(where).arg(index++);
                    if (!entry.is_object() || !entry.contains("match") ||
                        !entry["match"].is_string() || !entry.contains("value")) {
                        fail(at, QStringLiteral("expected {\"match\": regular expression, "
                                                "\"value\": value}"));
                        return false;
                    }
                    for (const auto& [entryKey, unused] : entry.items()) {
                        if (entryKey != "match" && entryKey != "value") {
                            fail(at + QLatin1Char('.') + qs(entryKey),
                                 QStringLiteral("unknown key (expected match, value)"));
                            return false;
                        }
                    }
                    ValueMap::Rule rule;
                    rule.match = qs(entry["match"].get<std::string>());
                    rule.regex = QRegularExpression(rule.match);
                    if (!rule.regex.isValid()) {
                        fail(at + QStringLiteral(".match"),
                             QStringLiteral("invalid regular expression: %1 (at offset %2)")
                                 .arg(rule.regex.errorString())
                                 .arg(rule.regex.patternErrorOffset()));
                        return false;
                    }
                    if (!readTarget(entry["value"], name, at + QStringLiteral(".value"),
                                    rule.value))
                        return false;
                    map.rules.push_back(std::move(rule));
                }
            } else {
                fail(where, QStringLiteral("expected an object (exact values) or a list of "
                                           "{\"match\", \"value\"} (regular expressions)"));
                return false;
            }
            mapping.setValues(name, std::move(map));
        }
        return true;
    }

    bool readLabels(const ordered_json& labels, Mapping& mapping)
    {
        if (!labels.is_array()) {
            fail(QStringLiteral("labels"), QStringLiteral("expected a list of label sources"));
            return false;
        }
        int index = 0;
        for (const auto& entry : labels) {
            const QString where = QStringLiteral("labels[%1]").arg(index++);
            if (!entry.is_object()) {
                fail(where, QStringLiteral("expected an object with reviewer and behaviour"));
                return false;
            }
            LabelSource label;
            for (const auto& [key, value] : entry.items()) {
                const QString name = qs(key);
                if (!labelKeys().contains(name)) {
                    fail(where + QLatin1Char('.') + name,
                         QStringLiteral("unknown key (expected one of: %1)")
                             .arg(labelKeys().join(QStringLiteral(", "))));
                    return false;
                }
                if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
                    fail(where + QLatin1Char('.') + name,
                         name == QLatin1String("reviewer")
                             ? QStringLiteral("expected the reviewer's name")
                             : QStringLiteral("expected the name of a source field"));
                    return false;
                }
                const QString text = qs(value.get<std::string>());
                if (name == QLatin1String("reviewer"))
                    label.reviewer = text.trimmed();
                else if (name == QLatin1String("behaviour"))
                    label.behaviour = text;
                else if (name == QLatin1String("intent"))
                    label.intent = text;
                else if (name == QLatin1String("category"))
                    label.category = text;
                else if (name == QLatin1String("culprit"))
                    label.culprit = text;
                else if (name == QLatin1String("note"))
                    label.note = text;
                else
                    label.time = text;
            }
            if (label.reviewer.isEmpty()) {
                fail(where + QStringLiteral(".reviewer"), QStringLiteral("missing"));
                return false;
            }
            if (label.behaviour.isEmpty()) {
                fail(where + QStringLiteral(".behaviour"),
                     QStringLiteral("missing: name the source field that holds the label"));
                return false;
            }
            mapping.addLabel(std::move(label));
        }
        return true;
    }

    QString m_source;
    Error m_error;
};

ordered_json targetJson(const std::optional<QString>& value)
{
    return value ? ordered_json(value->toStdString()) : ordered_json(nullptr);
}

} // namespace

std::optional<QString> ValueMap::apply(const QString& raw) const
{
    for (const Rule& rule : rules) {
        const bool matches = isRegex ? rule.regex.match(raw).hasMatch() : rule.match == raw;
        if (matches)
            return rule.value.value_or(QString());
    }
    return std::nullopt;
}

const QStringList& Mapping::fieldKeys()
{
    static const QStringList keys = {QStringLiteral("id"),
                                     QStringLiteral("prompt"),
                                     QStringLiteral("response"),
                                     QStringLiteral("messages"),
                                     QStringLiteral("verdict"),
                                     QStringLiteral("verdict_raw"),
                                     QStringLiteral("verdict_source"),
                                     QStringLiteral("category"),
                                     QStringLiteral("score"),
                                     QStringLiteral("intent"),
                                     QStringLiteral("model"),
                                     QStringLiteral("metadata"),
                                     QStringLiteral("label")};
    return keys;
}

Result<Mapping> Mapping::fromJson(const QByteArray& json, const QString& sourceName)
{
    return MappingParser(sourceName).parse(json);
}

Result<Mapping> Mapping::fromFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read the mapping file: ") + file.errorString(),
                         path);
    return fromJson(file.readAll(), path);
}

QByteArray Mapping::toJson() const
{
    ordered_json doc = ordered_json::object();
    if (!m_name.isEmpty())
        doc["name"] = m_name.toStdString();
    ordered_json fields = ordered_json::object();
    for (const auto& [key, source] : m_fields)
        fields[key.toStdString()] = source.toStdString();
    doc["fields"] = std::move(fields);
    ordered_json values = ordered_json::object();
    for (const auto& [key, map] : m_values) {
        ordered_json rules = map.isRegex ? ordered_json::array() : ordered_json::object();
        for (const ValueMap::Rule& rule : map.rules) {
            if (map.isRegex)
                rules.push_back(
                    {{"match", rule.match.toStdString()}, {"value", targetJson(rule.value)}});
            else
                rules[rule.match.toStdString()] = targetJson(rule.value);
        }
        values[key.toStdString()] = std::move(rules);
    }
    doc["values"] = std::move(values);
    ordered_json labels = ordered_json::array();
    for (const LabelSource& label : m_labels) {
        ordered_json entry = ordered_json::object();
        const std::pair<const char*, const QString*> parts[] = {
            {"reviewer", &label.reviewer}, {"behaviour", &label.behaviour},
            {"intent", &label.intent},     {"category", &label.category},
            {"culprit", &label.culprit},   {"note", &label.note},
            {"time", &label.time}};
        for (const auto& [key, value] : parts) {
            if (!value->isEmpty())
                entry[key] = value->toStdString();
        }
        labels.push_back(std::move(entry));
    }
    doc["labels"] = std::move(labels);
    const std::string text = doc.dump(2);
    return QByteArray(text.data(), static_cast<qsizetype>(text.size())) + '\n';
}

QString Mapping::sourceField(const QString& key) const
{
    for (const auto& [name, source] : m_fields) {
        if (name == key)
            return source;
    }
    return key;
}

bool Mapping::mapsField(const QString& key) const
{
    for (const auto& entry : m_fields) {
        if (entry.first == key)
            return true;
    }
    return false;
}

const ValueMap* Mapping::values(const QString& key) const
{
    for (const auto& [name, map] : m_values) {
        if (name == key)
            return &map;
    }
    return nullptr;
}

void Mapping::setField(const QString& key, const QString& source)
{
    for (auto& entry : m_fields) {
        if (entry.first == key) {
            entry.second = source;
            return;
        }
    }
    m_fields.emplace_back(key, source);
}

void Mapping::setValues(const QString& key, ValueMap map)
{
    for (auto& entry : m_values) {
        if (entry.first == key) {
            entry.second = std::move(map);
            return;
        }
    }
    m_values.emplace_back(key, std::move(map));
}

} // namespace overrule
