#include "ImportPreviewModel.h"

#include <QLocale>

namespace overrule {
namespace {
constexpr int kCellChars = 160;
constexpr int kTipChars = 2000;

// One line of at most `limit` characters: table cells are not the place for whole responses.
QString oneLine(const QString& text, int limit)
{
    QString line = text.simplified();
    if (line.size() > limit)
        line = line.left(limit - 1) + QChar(0x2026);
    return line;
}

QString verdictText(const ItemRecord& item)
{
    QString text = displayName(item.verdict);
    if (item.verdictSource == VerdictSource::Heuristic)
        text += QStringLiteral(" · heuristic");
    return text;
}

QString verdictTip(const ItemRecord& item)
{
    QStringList lines;
    if (item.verdictSource == VerdictSource::Heuristic)
        lines << QStringLiteral("The file has no verdict: the refusal detector's phrase "
                                "patterns gave this one.");
    if (!item.verdictRaw.isEmpty())
        lines << QStringLiteral("In the file: %1").arg(oneLine(item.verdictRaw, kCellChars));
    if (item.verdict == Behaviour::Unknown && !item.verdictRaw.isEmpty())
        lines << QStringLiteral("This value maps to no verdict; add it to the verdict values.");
    return lines.join(QLatin1Char('\n'));
}
} // namespace

void ImportPreviewModel::setItems(std::vector<ItemRecord> items)
{
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

int ImportPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int ImportPreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ItemRecord& item = m_items[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IdColumn:
            return item.externalId;
        case PromptColumn:
            return oneLine(QString::fromStdString(item.prompt), kCellChars);
        case ResponseColumn:
            return oneLine(QString::fromStdString(item.response), kCellChars);
        case VerdictColumn:
            return verdictText(item);
        case IntentColumn:
            return displayName(item.intent);
        case CategoryColumn:
            return item.category;
        case ScoreColumn:
            return item.score ? QLocale().toString(*item.score, 'g', 4) : QString();
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case PromptColumn:
            return QString::fromStdString(item.prompt).left(kTipChars);
        case ResponseColumn:
            return QString::fromStdString(item.response).left(kTipChars);
        case VerdictColumn:
            return verdictTip(item);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == ScoreColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical && role == Qt::DisplayRole)
        return section + 1;
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Id");
    case PromptColumn:
        return tr("Prompt");
    case ResponseColumn:
        return tr("Response");
    case VerdictColumn:
        return tr("Verdict");
    case IntentColumn:
        return tr("Intent");
    case CategoryColumn:
        return tr("Category");
    case ScoreColumn:
        return tr("Score");
    default:
        return {};
    }
}

} // namespace overrule
