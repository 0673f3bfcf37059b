#pragma once

#include "Result.h"
#include "Vocabulary.h"

#include <QObject>
#include <cstdint>
#include <optional>

class QWidget;

namespace overrule {

class CategoryPicker;
class Database;
class DetailsPane;
class ItemTableModel;
class ItemTableView;
class ReviewSession;

// What the review keys do: decide, move, name a culprit or category, write a note, undo and
// redo. It keeps the table, the details pane and the session in step; MainWindow only wires
// actions to these slots.
class ReviewController : public QObject
{
    Q_OBJECT
public:
    ReviewController(const Database& db, ReviewSession& session, ItemTableModel& model,
                     ItemTableView& view, DetailsPane& details, QWidget* dialogParent);

    bool autoAdvance() const { return m_autoAdvance; }
    // True while the culprit or category popup is open.
    bool isPicking() const;
    CategoryPicker* picker() const { return m_picker; }

public Q_SLOTS:
    // F, R, M, C. A false refusal then asks for its culprit category.
    void decide(Outcome outcome);
    void withdraw();
    void next();
    void previous();
    void nextUnreviewed();
    void pickCulprit();
    void pickCategory();
    void editNote();
    void undo();
    void redo();
    void setAutoAdvance(bool on);

Q_SIGNALS:
    void statusMessage(const QString& message);
    // A decision, undo or redo changed an item (the counts may have moved).
    void itemChanged(std::int64_t itemId);

private:
    enum class Picking
    {
        Nothing,
        Culprit,
        Category
    };

    void openPicker(Picking purpose, std::int64_t itemId, bool advanceAfter);
    void onPicked(std::optional<std::int64_t> categoryId);
    void onPickerDismissed();
    void onItemChanged(std::int64_t itemId);
    void advance();
    std::int64_t currentItem();
    bool report(const Status& status, const QString& action);

    const Database& m_db;
    ReviewSession& m_session;
    ItemTableModel& m_model;
    ItemTableView& m_view;
    DetailsPane& m_details;
    QWidget* m_dialogParent;
    CategoryPicker* m_picker;
    bool m_autoAdvance = true;
    bool m_followChanges = false; // during undo/redo: show the item that changed
    Picking m_picking = Picking::Nothing;
    std::int64_t m_pickingItem = 0;
    bool m_advanceAfterPick = false;
};

} // namespace overrule
