#include "ValueMapEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace overrule {

ValueMapEditor::ValueMapEditor(const QStringList& choices, QWidget* parent)
    : QWidget(parent), m_choices(choices), m_table(new QTableWidget(0, 2, this)),
      m_regex(new QCheckBox(tr("Match regular expressions, in order (first match wins)"), this)),
      m_remove(new QPushButton(tr("Remove"), this)),
      m_addSeen(new QPushButton(tr("Add seen values"), this))
{
    if (!m_choices.contains(QString()))
        m_choices.prepend(QString());
    m_table->setHorizontalHeaderLabels({tr("In the file"), tr("Overrule value")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMinimumHeight(96);
    m_table->setTabKeyNavigation(false);
    m_addSeen->setToolTip(tr("Add a row for each raw value in the preview that is not mapped"));
    m_addSeen->setVisible(false);

    auto* add = new QPushButton(tr("Add"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_addSeen);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_regex);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, [this] {
        addRow();
        m_table->setCurrentCell(m_table->rowCount() - 1, 0);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
    });
    connect(m_remove, &QPushButton::clicked, this, &ValueMapEditor::removeSelectedRows);
    connect(m_addSeen, &QPushButton::clicked, this, &ValueMapEditor::addSeenValues);
    connect(m_regex, &QCheckBox::toggled, this, [this] {
        if (!m_updating)
            Q_EMIT changed();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_updating)
            Q_EMIT changed();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ValueMapEditor::updateButtons);
    updateButtons();
}

void ValueMapEditor::setRows(const std::vector<MappingDraft::ValueRow>& rows, bool regex)
{
    m_updating = true;
    m_table->setRowCount(0);
    for (const auto& row : rows)
        addRow(row.raw, row.value);
    m_regex->setChecked(regex);
    m_updating = false;
    updateButtons();
}

std::vector<MappingDraft::ValueRow> ValueMapEditor::rows() const
{
    std::vector<MappingDraft::ValueRow> rows;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const QTableWidgetItem* raw = m_table->item(r, 0);
        const auto* value = qobject_cast<QComboBox*>(m_table->cellWidget(r, 1));
        rows.push_back(
            {raw ? raw->text() : QString(), value ? value->currentData().toString() : QString()});
    }
    return rows;
}

bool ValueMapEditor::isRegex() const
{
    return m_regex->isChecked();
}

void ValueMapEditor::setSeenValues(const QStringList& values)
{
    m_seen = values;
    updateButtons();
}

void ValueMapEditor::addRow(const QString& raw, const QString& value)
{
    const int row = m_table->rowCount();
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(raw));
    auto* combo = new QComboBox(m_table);
    for (const QString& choice : std::as_const(m_choices))
        combo->addItem(choice.isEmpty() ? tr("unknown") : choice, choice);
    int index = combo->findData(value);
    if (index < 0) {
        // A value the list does not offer (a synonym typed in the JSON): keep it as written.
        combo->addItem(value, value);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
    connect(combo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            Q_EMIT changed();
    });
    m_table->setCellWidget(row, 1, combo);
    m_updating = wasUpdating;
    updateButtons();
}

void ValueMapEditor::addSeenValues()
{
    QStringList mapped;
    for (const auto& row : rows())
        mapped << row.raw;
    bool added = false;
    for (const QString& value : std::as_const(m_seen)) {
        if (!value.isEmpty() && !mapped.contains(value)) {
            addRow(m_regex->isChecked()
                       ? QRegularExpression::anchoredPattern(QRegularExpression::escape(value))
                       : value);
            mapped << value;
            added = true;
        }
    }
    if (added)
        Q_EMIT changed();
}

void ValueMapEditor::removeSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    if (rows.isEmpty() && m_table->currentRow() >= 0)
        rows << m_table->currentRow();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int row : rows)
        m_table->removeRow(row);
    if (!rows.isEmpty())
        Q_EMIT changed();
    updateButtons();
}

void ValueMapEditor::updateButtons()
{
    m_remove->setEnabled(m_table->currentRow() >= 0 ||
                         !m_table->selectionModel()->selectedRows().isEmpty());
    m_addSeen->setVisible(!m_seen.isEmpty());
}

} // namespace overrule
