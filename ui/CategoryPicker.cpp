#include "CategoryPicker.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScreen>
#include <QVBoxLayout>
#include <algorithm>

namespace overrule {
namespace {
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kDefinitionRole = Qt::UserRole + 2;
constexpr std::int64_t kNone = -1;
} // namespace

CategoryPicker::CategoryPicker(QWidget* parent)
    : QFrame(parent, Qt::Popup), m_title(new QLabel(this)), m_filter(new QLineEdit(this)),
      m_list(new QListWidget(this)), m_definition(new QLabel(this))
{
    setFrameStyle(QFrame::StyledPanel | QFrame::Raised);
    setAttribute(Qt::WA_WindowPropagation);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_filter->setPlaceholderText(tr("Type to filter…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_definition->setTextFormat(Qt::PlainText);
    m_definition->setWordWrap(true);
    m_definition->setMinimumHeight(m_definition->fontMetrics().lineSpacing() * 4);
    m_definition->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_definition->setForegroundRole(QPalette::PlaceholderText);
    auto* hint = new QLabel(tr("Enter choose · Esc skip"), this);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_title);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_definition);
    layout->addWidget(hint);

    connect(m_filter, &QLineEdit::textChanged, this, &CategoryPicker::applyFilter);
    connect(m_list, &QListWidget::currentRowChanged, this, &CategoryPicker::showDefinition);
    connect(m_list, &QListWidget::itemActivated, this, &CategoryPicker::choose);
    connect(m_list, &QListWidget::itemClicked, this, &CategoryPicker::choose);
}

void CategoryPicker::popup(const QString& title, const std::vector<Category>& categories,
                           std::optional<std::int64_t> preselect, bool allowNone,
                           const QPoint& globalPos)
{
    m_title->setText(title);
    m_list->clear();
    if (allowNone) {
        auto* none = new QListWidgetItem(tr("(no category)"), m_list);
        none->setData(kIdRole, QVariant::fromValue<qint64>(kNone));
        none->setData(kDefinitionRole, tr("Clears the choice."));
    }
    QListWidgetItem* selected = nullptr;
    for (const Category& category : categories) {
        auto* row = new QListWidgetItem(category.name, m_list);
        row->setData(kIdRole, QVariant::fromValue<qint64>(category.id));
        row->setData(kDefinitionRole, category.current.definition);
        row->setToolTip(category.current.definition);
        if (preselect && *preselect == category.id)
            selected = row;
    }
    m_filter->clear();
    applyFilter();
    if (selected)
        m_list->setCurrentItem(selected);
    // As tall as the list needs, up to 14 rows; a scroll bar beyond.
    const int rows = std::clamp(m_list->count(), 4, 14);
    const int rowHeight =
        m_list->count() > 0 ? m_list->sizeHintForRow(0) : m_list->fontMetrics().height() + 4;
    m_list->setFixedHeight(rows * rowHeight + 2 * m_list->frameWidth() + 4);
    adjustSize();
    resize(std::max(width(), 380), sizeHint().height());
    if (selected)
        m_list->scrollToItem(selected);

    // Keep the popup on screen.
    QPoint pos = globalPos;
    if (const QScreen* screen = QApplication::screenAt(globalPos)) {
        const QRect area = screen->availableGeometry();
        pos.setX(qBound(area.left(), pos.x(), area.right() - width()));
        pos.setY(qBound(area.top(), pos.y(), area.bottom() - height()));
    }
    move(pos);
    m_finished = false;
    show();
    m_filter->setFocus(Qt::PopupFocusReason);
}

void CategoryPicker::setFilterText(const QString& text)
{
    m_filter->setText(text);
}

std::optional<std::int64_t> CategoryPicker::highlighted() const
{
    const QListWidgetItem* current = m_list->currentItem();
    if (!current || current->isHidden())
        return std::nullopt;
    const auto id = current->data(kIdRole).value<qint64>();
    return id == kNone ? std::nullopt : std::optional<std::int64_t>(id);
}

bool CategoryPicker::hasHighlight() const
{
    const QListWidgetItem* current = m_list->currentItem();
    return current && !current->isHidden();
}

void CategoryPicker::applyFilter()
{
    const QString needle = m_filter->text().trimmed();
    QListWidgetItem* firstVisible = nullptr;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* item = m_list->item(row);
        const bool isNone = item->data(kIdRole).value<qint64>() == kNone;
        const bool match =
            needle.isEmpty() || (!isNone && item->text().contains(needle, Qt::CaseInsensitive));
        item->setHidden(!match);
        if (match && !firstVisible)
            firstVisible = item;
    }
    if (!hasHighlight())
        m_list->setCurrentItem(firstVisible);
    // A typed filter prefers the best match over the preselection.
    if (!needle.isEmpty() && firstVisible)
        m_list->setCurrentItem(firstVisible);
    showDefinition();
}

void CategoryPicker::showDefinition()
{
    const QListWidgetItem* current = m_list->currentItem();
    const QString text = current && !current->isHidden() ? current->data(kDefinitionRole).toString()
                                                         : tr("No category matches.");
    m_definition->setText(text.isEmpty() ? tr("(no definition yet)") : text);
}

void CategoryPicker::choose()
{
    if (!hasHighlight())
        return;
    const auto id = highlighted();
    m_finished = true;
    hide();
    Q_EMIT picked(id);
}

bool CategoryPicker::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            QApplication::sendEvent(m_list, event);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            choose();
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void CategoryPicker::hideEvent(QHideEvent* event)
{
    QFrame::hideEvent(event);
    if (!m_finished) {
        m_finished = true;
        Q_EMIT dismissed();
    }
}

} // namespace overrule
