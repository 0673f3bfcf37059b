#pragma once

#include <QTableView>
#include <cstdint>

namespace overrule {

class ItemTableModel;

// The item table: one line per item (uniform row heights keep scrolling a long run cheap),
// whole-row selection, sorting handed to the model's SQL.
class ItemTableView : public QTableView
{
    Q_OBJECT
public:
    explicit ItemTableView(QWidget* parent = nullptr);

    // After a reset (filter, sort) the view stays on the item it showed when that item is still
    // listed, else goes to the first row.
    void setItemModel(ItemTableModel* model);
    ItemTableModel* itemModel() const { return m_model; }

    int currentRowNumber() const;
    std::int64_t currentItemId() const;
    // Makes `row` current and selected and scrolls to it; false when out of range.
    bool goToRow(int row);
    bool goToItem(std::int64_t itemId);

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray& state);

Q_SIGNALS:
    // 0 when no item is current.
    void currentItemChanged(std::int64_t itemId);

protected:
    void currentChanged(const QModelIndex& current, const QModelIndex& previous) override;

private:
    ItemTableModel* m_model = nullptr;
    std::int64_t m_lastEmitted = -1;
    std::int64_t m_keepItem = 0; // the current item across a model reset
};

} // namespace overrule
