#include "import/ImportTypes.h"

namespace overrule {

QString toString(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Jsonl:
        return QStringLiteral("jsonl");
    case ImportFormat::Csv:
        return QStringLiteral("csv");
    case ImportFormat::Auto:
        break;
    }
    return QStringLiteral("auto");
}

std::optional<ImportFormat> parseImportFormat(const QString& text)
{
    const QString key = text.trimmed().toLower();
    if (key == QLatin1String("auto"))
        return ImportFormat::Auto;
    if (key == QLatin1String("jsonl") || key == QLatin1String("json") ||
        key == QLatin1String("ndjson"))
        return ImportFormat::Jsonl;
    if (key == QLatin1String("csv"))
        return ImportFormat::Csv;
    return std::nullopt;
}

} // namespace overrule
