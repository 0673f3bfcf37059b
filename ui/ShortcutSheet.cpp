#include "ShortcutSheet.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace overrule {

ShortcutSheet::ShortcutSheet(QWidget* parent) : QDialog(parent), m_tree(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard shortcuts"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Action"), tr("Keys")});
    m_tree->setRootIsDecorated(false);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->setFocusPolicy(Qt::NoFocus);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);

    auto* hint =
        new QLabel(tr("Decisions are saved at once. Keys act on the selected item."), this);
    hint->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tree);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(460, 600);
}

void ShortcutSheet::clear()
{
    m_tree->clear();
}

void ShortcutSheet::addGroup(const QString& title, const QList<QAction*>& actions)
{
    auto* group = new QTreeWidgetItem(m_tree, {title});
    QFont bold = group->font(0);
    bold.setBold(true);
    group->setFont(0, bold);
    group->setFirstColumnSpanned(true);
    for (const QAction* action : actions) {
        if (action->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence& key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        text.remove(QStringLiteral("..."));
        text.remove(QChar(0x2026));
        auto* row =
            new QTreeWidgetItem(group, {text.trimmed(), keys.join(QStringLiteral("  or  "))});
        row->setToolTip(0, action->statusTip());
    }
    m_tree->expandAll();
}

} // namespace overrule
