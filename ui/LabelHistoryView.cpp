#include "LabelHistoryView.h"

#include "OutcomeStyle.h"

#include <QDateTime>
#include <QHeaderView>
#include <algorithm>

namespace overrule {
namespace {
enum Column
{
    ColWhen,
    ColReviewer,
    ColOutcome,
    ColCulprit,
    ColCategory,
    ColNote,
    ColumnCount
};

// Rows that did not come from a plain review say so after the decision ("· undo").
QString sourceSuffix(const QString& source)
{
    if (source == QLatin1String("undo"))
        return LabelHistoryView::tr(" · undo");
    if (source == QLatin1String("redo"))
        return LabelHistoryView::tr(" · redo");
    if (source == QLatin1String("import"))
        return LabelHistoryView::tr(" · imported");
    return {};
}
} // namespace

QString shortLocalTime(const QString& isoUtc)
{
    QDateTime when = QDateTime::fromString(isoUtc, Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(isoUtc, Qt::ISODate);
    if (!when.isValid())
        return isoUtc;
    return when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

LabelHistoryView::LabelHistoryView(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(ColumnCount);
    setHeaderLabels(
        {tr("When"), tr("Reviewer"), tr("Decision"), tr("Culprit"), tr("Category"), tr("Note")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setTextElideMode(Qt::ElideRight);
    // Fixed starting widths and a stretching note: resizing to contents would push the note
    // out of sight behind a horizontal scroll bar.
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(QHeaderView::Interactive);
    header()->setMinimumSectionSize(40);
    header()->setDefaultSectionSize(60);
    const QFontMetrics fm = fontMetrics();
    auto width = [&fm](const QString& sample) { return fm.horizontalAdvance(sample) + 16; };
    setColumnWidth(ColWhen, width(QStringLiteral("2024-12-31 23:59")));
    setColumnWidth(ColReviewer, width(QStringLiteral("reviewer")));
    setColumnWidth(ColOutcome, width(tr("Correct refusal")));
    setColumnWidth(ColCulprit, width(QStringLiteral("Self-harm")));
    setColumnWidth(ColCategory, width(QStringLiteral("Self-harm")));
}

void LabelHistoryView::setHistory(const std::vector<Label>& history)
{
    clear();
    bool anyCategory = false;
    QList<QTreeWidgetItem*> rows;
    rows.reserve(static_cast<qsizetype>(history.size()));
    for (const Label& label : history) {
        const bool withdrawn = label.decision.isWithdrawal();
        QStringList cells(ColumnCount);
        cells[ColWhen] = shortLocalTime(label.createdAt);
        cells[ColReviewer] = label.reviewer;
        cells[ColOutcome] =
            (withdrawn ? tr("Withdrawn") : displayName(label.outcome)) + sourceSuffix(label.source);
        cells[ColCategory] = label.categoryName;
        anyCategory = anyCategory || !label.categoryName.isEmpty();
        cells[ColCulprit] = label.culpritName;
        // One line per row; the full note is in the tooltip.
        cells[ColNote] = QString(label.decision.note).replace(QLatin1Char('\n'), QLatin1Char(' '));
        auto* row = new QTreeWidgetItem(cells);
        row->setToolTip(ColWhen, label.createdAt);
        row->setToolTip(ColCulprit, label.culpritName);
        row->setToolTip(ColCategory, label.categoryName);
        row->setToolTip(ColNote, label.decision.note);
        // What the response did and whether the prompt should be answered: the decision itself.
        row->setToolTip(ColOutcome, withdrawn ? tr("The decision was withdrawn")
                                              : tr("%1 · %2 prompt")
                                                    .arg(displayName(label.decision.behaviour),
                                                         displayName(label.decision.intent)));
        if (withdrawn) {
            for (int c = 0; c < ColumnCount; ++c)
                row->setForeground(c, palette().brush(QPalette::Disabled, QPalette::Text));
        } else {
            row->setForeground(ColOutcome, outcomeColor(label.outcome));
        }
        rows << row;
    }
    addTopLevelItems(rows);
    // A decision is never cut short ("Withdrawn · undo" is wider than the column starts).
    setColumnWidth(ColOutcome, std::max(columnWidth(ColOutcome), sizeHintForColumn(ColOutcome)));
    // The pane is narrow: a column nobody used gives its room to the note.
    setColumnHidden(ColCategory, !anyCategory);
}

} // namespace overrule
