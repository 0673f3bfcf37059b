#include "MappingDraft.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace overrule {
namespace {
const QString kFields = QStringLiteral("fields");
const QString kValues = QStringLiteral("values");
const QString kMatch = QStringLiteral("match");
const QString kValue = QStringLiteral("value");
const QString kSource = QStringLiteral("mapping");

QString valueText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString();
}

QJsonValue valueJson(const QString& value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}
} // namespace

Status MappingDraft::setText(const QString& text)
{
    if (text.trimmed().isEmpty()) {
        m_doc = QJsonObject();
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(QStringLiteral("not valid JSON at character %1: %2")
                             .arg(parseError.offset)
                             .arg(parseError.errorString()),
                         kSource);
    if (!doc.isObject())
        return makeError(QStringLiteral("expected a JSON object"), kSource);
    if (auto checked = Mapping::fromJson(text.toUtf8(), kSource); !checked)
        return checked.error();
    m_doc = doc.object();
    return {};
}

QString MappingDraft::text() const
{
    if (isEmpty())
        return QString();
    return QString::fromUtf8(QJsonDocument(m_doc).toJson(QJsonDocument::Indented));
}

bool MappingDraft::isEmpty() const
{
    return m_doc.isEmpty();
}

QString MappingDraft::field(const QString& key) const
{
    return m_doc.value(kFields).toObject().value(key).toString();
}

void MappingDraft::setField(const QString& key, const QString& source)
{
    const QString trimmed = source.trimmed();
    setSection(kFields, key, trimmed.isEmpty() ? QJsonValue() : QJsonValue(trimmed));
}

std::vector<MappingDraft::ValueRow> MappingDraft::valueRows(const QString& key) const
{
    std::vector<ValueRow> rows;
    const QJsonValue map = m_doc.value(kValues).toObject().value(key);
    if (map.isArray()) {
        for (const QJsonValue& rule : map.toArray()) {
            const QJsonObject object = rule.toObject();
            rows.push_back({object.value(kMatch).toString(), valueText(object.value(kValue))});
        }
    } else {
        const QJsonObject object = map.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            rows.push_back({it.key(), valueText(it.value())});
    }
    return rows;
}

bool MappingDraft::valuesAreRegex(const QString& key) const
{
    return m_doc.value(kValues).toObject().value(key).isArray();
}

void MappingDraft::setValueRows(const QString& key, const std::vector<ValueRow>& rows, bool regex)
{
    QJsonArray list;
    QJsonObject exact;
    for (const ValueRow& row : rows) {
        if (row.raw.isEmpty())
            continue;
        if (regex)
            list.append(QJsonObject{{kMatch, row.raw}, {kValue, valueJson(row.value)}});
        else
            exact.insert(row.raw, valueJson(row.value));
    }
    const bool empty = regex ? list.isEmpty() : exact.isEmpty();
    setSection(kValues, key, empty ? QJsonValue() : (regex ? QJsonValue(list) : QJsonValue(exact)));
}

Result<std::optional<Mapping>> MappingDraft::mapping() const
{
    if (isEmpty())
        return std::optional<Mapping>();
    auto parsed = Mapping::fromJson(QJsonDocument(m_doc).toJson(QJsonDocument::Compact), kSource);
    if (!parsed)
        return parsed.error();
    return std::optional<Mapping>(std::move(parsed).value());
}

void MappingDraft::setSection(const QString& section, const QString& key, const QJsonValue& value)
{
    QJsonObject part = m_doc.value(section).toObject();
    if (value.isUndefined())
        part.remove(key);
    else
        part.insert(key, value);
    if (part.isEmpty())
        m_doc.remove(section);
    else
        m_doc.insert(section, part);
}

} // namespace overrule
