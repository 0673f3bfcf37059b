#include "ReviewController.h"

#include "CategoryPicker.h"
#include "CategoryStore.h"
#include "DetailsPane.h"
#include "ItemStore.h"
#include "ItemTableModel.h"
#include "ItemTableView.h"
#include "ReviewSession.h"

#include <QHeaderView>
#include <QInputDialog>
#include <QMessageBox>
#include <QUndoStack>

namespace overrule {

ReviewController::ReviewController(const Database& db, ReviewSession& session,
                                   ItemTableModel& model, ItemTableView& view, DetailsPane& details,
                                   QWidget* dialogParent)
    : QObject(dialogParent), m_db(db), m_session(session), m_model(model), m_view(view),
      m_details(details), m_dialogParent(dialogParent), m_picker(new CategoryPicker(dialogParent))
{
    m_picker->setObjectName(QStringLiteral("categoryPicker"));
    connect(&m_session, &ReviewSession::itemChanged, this, &ReviewController::onItemChanged);
    connect(&m_session, &ReviewSession::writeFailed, this, [this](const QString& message) {
        QMessageBox::warning(m_dialogParent, tr("Review"),
                             tr("A change could not be saved.\n\n%1").arg(message));
    });
    connect(m_picker, &CategoryPicker::picked, this, &ReviewController::onPicked);
    connect(m_picker, &CategoryPicker::dismissed, this, &ReviewController::onPickerDismissed);
}

bool ReviewController::isPicking() const
{
    return m_picking != Picking::Nothing;
}

std::int64_t ReviewController::currentItem()
{
    const std::int64_t id = m_view.currentItemId();
    if (id == 0)
        Q_EMIT statusMessage(tr("Select an item first."));
    return id;
}

bool ReviewController::report(const Status& status, const QString& action)
{
    if (status)
        return true;
    QMessageBox::warning(m_dialogParent, tr("Review"),
                         tr("%1 could not be saved.\n\n%2").arg(action, status.error().toString()));
    return false;
}

void ReviewController::decide(Outcome outcome)
{
    const std::int64_t id = currentItem();
    if (id == 0)
        return;
    if (!report(m_session.decideOutcome(id, outcome), displayName(outcome)))
        return;
    if (outcome == Outcome::FalseRefusal) {
        openPicker(Picking::Culprit, id, m_autoAdvance);
        return;
    }
    if (m_autoAdvance)
        advance();
}

void ReviewController::withdraw()
{
    const std::int64_t id = currentItem();
    if (id == 0)
        return;
    if (const auto& shown = m_details.details(); shown && shown->id == id && !shown->currentLabel) {
        Q_EMIT statusMessage(tr("The item has no decision to withdraw."));
        return;
    }
    if (report(m_session.decideOutcome(id, Outcome::Unreviewed), tr("Withdrawing the decision")))
        Q_EMIT statusMessage(tr("Decision withdrawn; the item is unreviewed again."));
}

void ReviewController::next()
{
    const int row = m_view.currentRowNumber();
    if (!m_view.goToRow(row + 1) && m_model.rowCount() > 0 && row >= 0)
        Q_EMIT statusMessage(tr("This is the last item."));
}

void ReviewController::previous()
{
    const int row = m_view.currentRowNumber();
    if (row < 0) {
        m_view.goToRow(0);
        return;
    }
    if (!m_view.goToRow(row - 1))
        Q_EMIT statusMessage(tr("This is the first item."));
}

void ReviewController::nextUnreviewed()
{
    const int row = m_view.currentRowNumber();
    int target = m_model.nextUnreviewedRow(row);
    if (target < 0 && row >= 0) {
        target = m_model.nextUnreviewedRow(-1);
        if (target >= 0 && target != row)
            Q_EMIT statusMessage(tr("Wrapped around to the first unreviewed item."));
    }
    if (target < 0 || target == row) {
        if (!m_model.lastError().isEmpty())
            Q_EMIT statusMessage(m_model.lastError());
        else
            Q_EMIT statusMessage(tr("Every item shown is reviewed."));
        return;
    }
    m_view.goToRow(target);
}

void ReviewController::advance()
{
    const int row = m_view.currentRowNumber();
    const int target = m_model.nextUnreviewedRow(row);
    if (target >= 0) {
        m_view.goToRow(target);
        return;
    }
    const int first = m_model.nextUnreviewedRow(-1);
    if (first >= 0 && first != row) {
        m_view.goToRow(first);
        Q_EMIT statusMessage(tr("Wrapped around to the first unreviewed item."));
        return;
    }
    Q_EMIT statusMessage(tr("Every item shown is reviewed."));
}

void ReviewController::pickCulprit()
{
    if (const std::int64_t id = currentItem())
        openPicker(Picking::Culprit, id, false);
}

void ReviewController::pickCategory()
{
    if (const std::int64_t id = currentItem())
        openPicker(Picking::Category, id, false);
}

void ReviewController::openPicker(Picking purpose, std::int64_t itemId, bool advanceAfter)
{
    auto categories = CategoryStore(m_db).list();
    if (!categories) {
        QMessageBox::warning(
            m_dialogParent, tr("Categories"),
            tr("The categories could not be read.\n\n%1").arg(categories.error().toString()));
        if (advanceAfter)
            advance();
        return;
    }
    // The classifier's category is the usual culprit; an earlier choice wins over it.
    std::optional<std::int64_t> preselect;
    QString externalId;
    if (auto item = ItemStore(m_db).details(itemId)) {
        externalId = item->externalId;
        preselect = item->categoryId;
        if (item->currentLabel) {
            const Decision& decision = item->currentLabel->decision;
            if (purpose == Picking::Culprit && decision.culpritId)
                preselect = decision.culpritId;
            if (purpose == Picking::Category && decision.categoryId)
                preselect = decision.categoryId;
        }
    }
    m_picking = purpose;
    m_pickingItem = itemId;
    m_advanceAfterPick = advanceAfter;
    const QString title =
        purpose == Picking::Culprit
            ? tr("Which category's definition caused the refusal of %1?").arg(externalId)
            : tr("Category of %1").arg(externalId);

    QPoint anchor = m_view.viewport()->mapToGlobal(QPoint(m_view.viewport()->width() / 3, 0));
    const QModelIndex current = m_view.currentIndex();
    if (current.isValid()) {
        const QRect rect = m_view.visualRect(current);
        anchor.setY(m_view.viewport()->mapToGlobal(rect.bottomLeft()).y() + 2);
    }
    m_picker->popup(title, *categories, preselect, true, anchor);
}

void ReviewController::onPicked(std::optional<std::int64_t> categoryId)
{
    const Picking purpose = m_picking;
    const std::int64_t itemId = m_pickingItem;
    m_picking = Picking::Nothing;
    if (purpose == Picking::Culprit)
        report(m_session.setCulprit(itemId, categoryId), tr("The culprit category"));
    else if (purpose == Picking::Category)
        report(m_session.setCategory(itemId, categoryId), tr("The category"));
    if (m_advanceAfterPick && m_view.currentItemId() == itemId)
        advance();
    m_advanceAfterPick = false;
}

void ReviewController::onPickerDismissed()
{
    const std::int64_t itemId = m_pickingItem;
    m_picking = Picking::Nothing;
    if (m_advanceAfterPick && m_view.currentItemId() == itemId)
        advance();
    m_advanceAfterPick = false;
    m_view.setFocus(Qt::OtherFocusReason);
}

void ReviewController::editNote()
{
    const std::int64_t id = currentItem();
    if (id == 0)
        return;
    const Decision current = m_session.currentDecision(id);
    bool ok = false;
    const QString note = QInputDialog::getMultiLineText(
        m_dialogParent, tr("Note"), tr("Note on this item (kept with the decision):"), current.note,
        &ok);
    if (!ok || note == current.note)
        return;
    report(m_session.setNote(id, note), tr("The note"));
}

void ReviewController::undo()
{
    m_followChanges = true;
    m_session.undoStack()->undo();
    m_followChanges = false;
}

void ReviewController::redo()
{
    m_followChanges = true;
    m_session.undoStack()->redo();
    m_followChanges = false;
}

void ReviewController::setAutoAdvance(bool on)
{
    m_autoAdvance = on;
}

void ReviewController::onItemChanged(std::int64_t itemId)
{
    m_model.refreshItem(itemId);
    if (m_followChanges && m_view.currentItemId() != itemId && !m_view.goToItem(itemId))
        Q_EMIT statusMessage(tr("The item that changed is hidden by the filter."));
    if (m_details.itemId() == itemId)
        m_details.refresh();
    Q_EMIT itemChanged(itemId);
}

} // namespace overrule
