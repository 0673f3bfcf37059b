#pragma once

#include <QStyledItemDelegate>

namespace overrule {

// Paints a run as two lines: its name, and "1,234 items · model" in a quieter colour.
class RunListDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace overrule
