#pragma once

#include "Result.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>
#include <vector>

namespace overrule {

// How the raw values of one field become Overrule's: either exact values (an object in the
// file) or regular expressions tried in order, first match wins (a list in the file).
struct ValueMap
{
    struct Rule
    {
        QString match;                // the exact raw value, or the pattern
        std::optional<QString> value; // nullopt: the JSON null, i.e. "no value"
        QRegularExpression regex;     // compiled pattern when isRegex
    };
    bool isRegex = false;
    std::vector<Rule> rules;

    // nullopt when no rule applies; otherwise the mapped value (a null value maps to an empty
    // string, which reads as "unknown" / "none").
    std::optional<QString> apply(const QString& raw) const;
};

// Where one reviewer's existing annotations are found in each source record.
struct LabelSource
{
    QString reviewer;
    QString behaviour; // source field; its values go through the verdict value map
    QString intent;    // optional source fields from here on
    QString category;
    QString culprit;
    QString note;
    QString time;
};

// The mapping file: which source field holds each Overrule field, how raw values translate,
// and which fields hold existing human labels. See docs/formats.md.
class Mapping
{
public:
    // The Overrule keys a mapping may name under "fields".
    static const QStringList& fieldKeys();

    // Parses and checks a mapping document; errors name `sourceName` and the key at fault.
    static Result<Mapping> fromJson(const QByteArray& json, const QString& sourceName);
    static Result<Mapping> fromFile(const QString& path);
    // The mapping as an indented JSON document that fromJson() reads back unchanged.
    QByteArray toJson() const;

    // The source field (possibly a dotted path) for an Overrule key; the key itself when the
    // mapping does not name one.
    QString sourceField(const QString& key) const;
    bool mapsField(const QString& key) const;
    // The value map of an Overrule key, or nullptr.
    const ValueMap* values(const QString& key) const;
    const std::vector<LabelSource>& labels() const { return m_labels; }

    // The preset's name ("name" in the file): how the wizard lists a saved mapping.
    const QString& name() const { return m_name; }
    void setName(QString name) { m_name = std::move(name); }

    void setField(const QString& key, const QString& source);
    void setValues(const QString& key, ValueMap map);
    void addLabel(LabelSource label) { m_labels.push_back(std::move(label)); }

private:
    QString m_name;
    std::vector<std::pair<QString, QString>> m_fields; // in file order
    std::vector<std::pair<QString, ValueMap>> m_values;
    std::vector<LabelSource> m_labels;
};

} // namespace overrule
