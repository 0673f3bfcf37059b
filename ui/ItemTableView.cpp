#include "ItemTableView.h"

#include "ItemTableModel.h"

#include <QHeaderView>

namespace overrule {

ItemTableView::ItemTableView(QWidget* parent) : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setShowGrid(false);
    setSortingEnabled(true);
    setTabKeyNavigation(false);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);

    // Fixed, uniform rows: the view never asks every row for its size hint.
    QHeaderView* rows = verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 8);
    rows->setMinimumSectionSize(fontMetrics().height() + 4);
    rows->hide();

    QHeaderView* columns = horizontalHeader();
    columns->setHighlightSections(false);
    columns->setSectionsMovable(true);
    columns->setSortIndicatorShown(true);
    columns->setSectionResizeMode(QHeaderView::Interactive);
}

void ItemTableView::setItemModel(ItemTableModel* model)
{
    m_model = model;
    setModel(model);
    const QFontMetrics fm = fontMetrics();
    auto width = [&fm](const QString& sample) { return fm.horizontalAdvance(sample) + 24; };
    setColumnWidth(ItemTableModel::IdColumn, width(QStringLiteral("item-00000")));
    setColumnWidth(ItemTableModel::VerdictColumn, width(tr("Partial refusal")));
    setColumnWidth(ItemTableModel::IntentColumn, width(tr("Harmful")));
    setColumnWidth(ItemTableModel::CategoryColumn, width(QStringLiteral("Account security")));
    setColumnWidth(ItemTableModel::ScoreColumn, width(QStringLiteral("0.000")));
    setColumnWidth(ItemTableModel::OutcomeColumn, width(tr("Correct compliance")));
    // The prompt is what a reviewer reads first: right after the id, taking the spare width.
    QHeaderView* columns = horizontalHeader();
    columns->setStretchLastSection(false);
    columns->moveSection(columns->visualIndex(ItemTableModel::PromptColumn), 1);
    columns->setSectionResizeMode(ItemTableModel::PromptColumn, QHeaderView::Stretch);
    horizontalHeader()->setSortIndicator(model->sortColumn(), model->sortOrder());
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_keepItem = currentItemId(); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_lastEmitted = -1;
        if (!goToItem(m_keepItem) && !goToRow(0))
            Q_EMIT currentItemChanged(0);
    });
}

int ItemTableView::currentRowNumber() const
{
    const QModelIndex index = currentIndex();
    return index.isValid() ? index.row() : -1;
}

std::int64_t ItemTableView::currentItemId() const
{
    return m_model ? m_model->itemIdAt(currentRowNumber()) : 0;
}

bool ItemTableView::goToRow(int row)
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return false;
    const int column = currentIndex().isValid() ? currentIndex().column() : 0;
    const QModelIndex index = m_model->index(row, column);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
    scrollTo(index);
    return true;
}

bool ItemTableView::goToItem(std::int64_t itemId)
{
    return m_model && goToRow(m_model->rowOfItem(itemId));
}

QByteArray ItemTableView::saveHeaderState() const
{
    return horizontalHeader()->saveState();
}

void ItemTableView::restoreHeaderState(const QByteArray& state)
{
    if (!state.isEmpty())
        horizontalHeader()->restoreState(state);
}

void ItemTableView::currentChanged(const QModelIndex& current, const QModelIndex& previous)
{
    QTableView::currentChanged(current, previous);
    const std::int64_t id = current.isValid() && m_model ? m_model->itemIdAt(current.row()) : 0;
    if (id == m_lastEmitted)
        return;
    m_lastEmitted = id;
    Q_EMIT currentItemChanged(id);
}

} // namespace overrule
