#pragma once

#include "ItemRecord.h"

#include <QAbstractTableModel>
#include <vector>

namespace overrule {

// The first items of a file as the import would store them, for the import wizard's preview.
// Read-only; replaced wholesale each time the preview is rebuilt.
class ImportPreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        PromptColumn,
        ResponseColumn,
        VerdictColumn,
        IntentColumn,
        CategoryColumn,
        ScoreColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setItems(std::vector<ItemRecord> items);
    void clear() { setItems({}); }
    const std::vector<ItemRecord>& items() const { return m_items; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    // DisplayRole: one line per cell (prompt and response shortened); ToolTipRole: the full text,
    // and for the verdict the raw value and where it came from.
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<ItemRecord> m_items;
};

} // namespace overrule
