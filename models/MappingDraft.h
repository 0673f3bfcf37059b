#pragma once

#include "Result.h"
#include "import/Mapping.h"

#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

namespace overrule {

// A mapping file being edited in the import wizard. The JSON document is the truth: the field
// and value-map controls edit parts of it, so keys they do not know (labels, other value maps)
// survive every edit. Empty fields/values objects are dropped, so "no mapping" stays empty.
class MappingDraft
{
public:
    struct ValueRow
    {
        QString raw;   // the raw value, or a regular expression when the map is a list
        QString value; // Overrule's value; empty = JSON null ("unknown")
        bool operator==(const ValueRow&) const = default;
    };

    // Replaces the document. On error (not JSON, not an object, or a mapping Mapping::fromJson
    // refuses) the draft keeps its previous document and returns the error.
    Status setText(const QString& text);
    QString text() const;
    bool isEmpty() const;

    // The source field of an Overrule key; empty when the mapping does not name one.
    QString field(const QString& key) const;
    // An empty source removes the key, so the native field name applies again.
    void setField(const QString& key, const QString& source);

    std::vector<ValueRow> valueRows(const QString& key) const;
    bool valuesAreRegex(const QString& key) const;
    // Rows with an empty raw value are left out; no rows removes the value map.
    void setValueRows(const QString& key, const std::vector<ValueRow>& rows, bool regex);

    // The mapping to import with: nullopt when the draft is empty.
    Result<std::optional<Mapping>> mapping() const;

private:
    void setSection(const QString& section, const QString& key, const QJsonValue& value);

    QJsonObject m_doc;
};

} // namespace overrule
