#include "RunListDelegate.h"

#include "RunListModel.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

namespace overrule {
namespace {
constexpr int kPadding = 6;

QString subtitle(const QModelIndex& index)
{
    const qint64 items = index.data(RunListModel::ItemCountRole).toLongLong();
    QString text = RunListDelegate::tr("%1 items").arg(QLocale().toString(items));
    const QString model = index.data(RunListModel::ModelNameRole).toString();
    if (!model.isEmpty())
        text += QStringLiteral(" · ") + model;
    return text;
}
} // namespace

void RunListDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    opt.text.clear();
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        opt.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QRect area = opt.rect.adjusted(kPadding, kPadding / 2, -kPadding, -kPadding / 2);
    QFont titleFont = opt.font;
    titleFont.setBold(true);
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics subMetrics(opt.font);

    painter->save();
    painter->setFont(titleFont);
    painter->setPen(
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect titleRect(area.left(), area.top(), area.width(), titleMetrics.height());
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(title, Qt::ElideRight, area.width()));
    painter->setFont(opt.font);
    painter->setPen(
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    const QRect subRect(area.left(), titleRect.bottom() + 2, area.width(), subMetrics.height());
    painter->drawText(subRect, Qt::AlignLeft | Qt::AlignVCenter,
                      subMetrics.elidedText(subtitle(index), Qt::ElideRight, area.width()));
    painter->restore();
}

QSize RunListDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    QFont titleFont = option.font;
    titleFont.setBold(true);
    const int height =
        QFontMetrics(titleFont).height() + 2 + QFontMetrics(option.font).height() + kPadding;
    // The width is the view's business (names are elided); a small hint keeps the list from
    // growing a horizontal scroll bar.
    return {100, height + kPadding / 2};
}

} // namespace overrule
