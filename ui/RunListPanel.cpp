#include "RunListPanel.h"

#include "RejectedLinesDialog.h"
#include "RunListDelegate.h"
#include "RunListModel.h"
#include "RunStore.h"

#include <QAction>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace overrule {

RunListPanel::RunListPanel(const Database& db, RunListModel* model, QWidget* parent)
    : QWidget(parent), m_db(db), m_model(model), m_list(new QListView(this)),
      m_placeholder(new QLabel(this))
{
    auto* title = new QLabel(tr("Runs"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    m_list->setModel(model);
    m_list->setItemDelegate(new RunListDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->installEventFilter(this);

    m_placeholder->setText(tr("No runs yet.\n\nImport an evaluation file with Ctrl+O, or drop "
                              "a file or a link to one on this window."));
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 6);
    layout->addWidget(title);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_placeholder, 1);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                const std::int64_t id = m_model->runIdAt(current.isValid() ? current.row() : -1);
                if (id == m_current)
                    return;
                m_current = id;
                Q_EMIT runSelected(id);
            });
    connect(m_list, &QWidget::customContextMenuRequested, this, &RunListPanel::showContextMenu);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RunListPanel::updatePlaceholder);
    updatePlaceholder();
}

std::int64_t RunListPanel::currentRunId() const
{
    return m_current;
}

bool RunListPanel::selectRun(std::int64_t runId)
{
    const int row = m_model->rowOfRun(runId);
    if (row < 0)
        return false;
    m_list->setCurrentIndex(m_model->index(row));
    return true;
}

void RunListPanel::reload()
{
    const std::int64_t keep = m_current;
    {
        // The reset clears the current index; whether the run survived is decided below.
        const QSignalBlocker blocker(m_list->selectionModel());
        m_model->reload();
    }
    if (keep != 0 && selectRun(keep))
        return;
    m_current = 0;
    if (keep != 0)
        Q_EMIT runSelected(0);
}

bool RunListPanel::eventFilter(QObject* watched, QEvent* event)
{
    // While the run list has focus, the arrow keys move between runs rather than items.
    if (watched == m_list && event->type() == QEvent::ShortcutOverride) {
        switch (static_cast<QKeyEvent*>(event)->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_Home:
        case Qt::Key_End:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            event->accept();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RunListPanel::updatePlaceholder()
{
    const bool empty = m_model->rowCount() == 0;
    m_placeholder->setVisible(empty);
    m_list->setVisible(!empty);
}

void RunListPanel::showContextMenu(const QPoint& pos)
{
    const QModelIndex index = m_list->indexAt(pos);
    QMenu menu(this);
    if (index.isValid()) {
        const std::int64_t runId = m_model->runIdAt(index.row());
        connect(menu.addAction(tr("Metrics…")), &QAction::triggered, this,
                [this, runId] { Q_EMIT metricsRequested(runId); });
        QAction* rejected = menu.addAction(tr("Rejected lines…"));
        connect(rejected, &QAction::triggered, this, [this, runId] { showRejectedLines(runId); });
        auto run = RunStore(m_db).find(runId);
        const std::int64_t rejectedCount = run && run->has_value() ? (*run)->rejectedCount : 0;
        rejected->setEnabled(rejectedCount > 0);
        if (rejectedCount > 0)
            rejected->setText(tr("Rejected lines (%1)…").arg(QLocale().toString(rejectedCount)));
        menu.addSeparator();
        connect(menu.addAction(tr("Delete run…")), &QAction::triggered, this,
                [this, runId] { deleteRun(runId); });
        menu.addSeparator();
    }
    connect(menu.addAction(tr("Import a file…")), &QAction::triggered, this,
            &RunListPanel::importRequested);
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

void RunListPanel::showRejectedLines(std::int64_t runId)
{
    const RunStore store(m_db);
    auto run = store.find(runId);
    if (!run || !run->has_value()) {
        QMessageBox::warning(this, tr("Rejected lines"),
                             run ? tr("The run no longer exists.") : run.error().toString());
        return;
    }
    auto rejects = store.rejects(runId);
    if (!rejects) {
        QMessageBox::warning(
            this, tr("Rejected lines"),
            tr("The rejected lines could not be read.\n\n%1").arg(rejects.error().toString()));
        return;
    }
    auto* dialog = new RejectedLinesDialog(**run, *rejects, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void RunListPanel::deleteRun(std::int64_t runId)
{
    const RunStore store(m_db);
    auto run = store.find(runId);
    if (!run || !run->has_value())
        return;
    const RunInfo& info = **run;
    QMessageBox box(QMessageBox::Warning, tr("Delete run"),
                    tr("Delete the run “%1” with its %2 items and every label reviewers gave "
                       "them?\n\nThis cannot be undone.")
                        .arg(info.name, QLocale().toString(info.itemCount)),
                    QMessageBox::Cancel, this);
    QPushButton* remove = box.addButton(tr("Delete run"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    if (auto removed = store.remove(runId); !removed) {
        QMessageBox::critical(
            this, tr("Delete run"),
            tr("The run could not be deleted.\n\n%1").arg(removed.error().toString()));
        return;
    }
    reload();
    Q_EMIT runRemoved(runId);
}

} // namespace overrule
