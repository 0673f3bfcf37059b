#include "import/ImportTypes.h"

namespace overrule {

QString toString(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Jsonl:
        return QStringLiteral("jsonl");
    case ImportFormat::Csv:
        return QStringLiteral("csv");
    case ImportFormat::Inspect:
        return QStringLiteral("inspect");
    case ImportFormat::Promptfoo:
        return QStringLiteral("promptfoo");
    case ImportFormat::LmEval:
        return QStringLiteral("lm-eval");
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
    if (key == QLatin1String("inspect"))
        return ImportFormat::Inspect;
    if (key == QLatin1String("promptfoo"))
        return ImportFormat::Promptfoo;
    if (key == QLatin1String("lm-eval") || key == QLatin1String("lm_eval") ||
        key == QLatin1String("lmeval"))
        return ImportFormat::LmEval;
    return std::nullopt;
}

QString toString(ReimportPolicy policy)
{
    switch (policy) {
    case ReimportPolicy::Skip:
        return QStringLiteral("skip");
    case ReimportPolicy::NewRun:
        return QStringLiteral("new-run");
    case ReimportPolicy::AddNew:
        return QStringLiteral("add-new");
    case ReimportPolicy::Refuse:
        break;
    }
    return QStringLiteral("refuse");
}

std::optional<ReimportPolicy> parseReimportPolicy(const QString& text)
{
    QString key = text.trimmed().toLower();
    key.replace(QLatin1Char('_'), QLatin1Char('-'));
    if (key == QLatin1String("refuse"))
        return ReimportPolicy::Refuse;
    if (key == QLatin1String("skip"))
        return ReimportPolicy::Skip;
    if (key == QLatin1String("new-run") || key == QLatin1String("new"))
        return ReimportPolicy::NewRun;
    if (key == QLatin1String("add-new"))
        return ReimportPolicy::AddNew;
    return std::nullopt;
}

} // namespace overrule
