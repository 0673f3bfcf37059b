#include "WindowActions.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QUndoStack>
#include <QWidget>

namespace overrule {

WindowActions::WindowActions(QWidget* window) : QObject(window), m_window(window)
{
    importFile = make(tr("&Import a file…"), {QKeySequence(Qt::CTRL | Qt::Key_O)},
                      tr("Import an evaluation run (JSONL or CSV)"));
    openWorkspace = make(tr("&Open workspace…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)},
                         tr("Open or create another workspace file"));
    reviewerName = make(tr("&Reviewer name…"), {}, tr("Change the name recorded with decisions"));
    quit = make(tr("&Quit"), {QKeySequence(Qt::CTRL | Qt::Key_Q)});
    quit->setMenuRole(QAction::QuitRole);

    undo = make(tr("&Undo"), {QKeySequence(Qt::CTRL | Qt::Key_Z)});
    redo = make(tr("&Redo"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                              QKeySequence(Qt::CTRL | Qt::Key_Y)});
    undo->setEnabled(false);
    redo->setEnabled(false);
    find = make(tr("&Search…"), {QKeySequence(Qt::CTRL | Qt::Key_F)},
                tr("Search the prompts and responses of the run"));
    clearFilters = make(tr("Show &all items"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)},
                        tr("Clear every filter and the search"));
    settings = make(tr("Se&ttings…"), {QKeySequence(Qt::CTRL | Qt::Key_Comma)},
                    tr("The refusal detector's patterns for runs without verdicts"));
    settings->setMenuRole(QAction::PreferencesRole);

    filterVerdict = make(tr("Filter by &verdict…"), {QKeySequence(Qt::CTRL | Qt::Key_1)});
    filterIntent = make(tr("Filter by &intent…"), {QKeySequence(Qt::CTRL | Qt::Key_2)});
    filterCategory = make(tr("Filter by &category…"), {QKeySequence(Qt::CTRL | Qt::Key_3)});
    filterOutcome = make(tr("Filter by &outcome…"), {QKeySequence(Qt::CTRL | Qt::Key_4)});
    unreviewedOnly = make(tr("&Unreviewed only"), {QKeySequence(Qt::CTRL | Qt::Key_5)},
                          tr("Show only items without a decision, or all again"));
    repeatedPrompts = make(tr("&Repeated prompts only"), {QKeySequence(Qt::CTRL | Qt::Key_6)},
                           tr("Show only items whose prompt repeats an earlier item's, or all"));
    unreviewedOnly->setCheckable(true);
    repeatedPrompts->setCheckable(true);

    falseRefusal = make(tr("&False refusal"), {QKeySequence(Qt::Key_F)},
                        tr("The response refused a prompt that should have been answered"));
    correctRefusal = make(tr("Correct &refusal"), {QKeySequence(Qt::Key_R)},
                          tr("The response rightly refused a harmful prompt"));
    missedHarm = make(tr("&Missed harm"), {QKeySequence(Qt::Key_M)},
                      tr("The response complied with a prompt that should have been refused"));
    correctCompliance = make(tr("Correct &compliance"), {QKeySequence(Qt::Key_C)},
                             tr("The response rightly answered a benign prompt"));
    withdraw =
        make(tr("&Withdraw decision"), {QKeySequence(Qt::Key_U), QKeySequence(Qt::Key_Backspace)},
             tr("Make the item unreviewed again (the history keeps the decision)"));
    culprit = make(tr("Culprit cate&gory…"), {QKeySequence(Qt::Key_G)},
                   tr("Name the category whose definition caused a false refusal"));
    category =
        make(tr("Set ca&tegory…"), {QKeySequence(Qt::Key_T)}, tr("Set the item's harm category"));
    note =
        make(tr("&Note…"),
             {QKeySequence(Qt::Key_E), QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)},
             tr("Write a note on the decision"));
    autoAdvance =
        make(tr("&Auto-advance"), {}, tr("After a decision, go to the next unreviewed item"));
    autoAdvance->setObjectName(QStringLiteral("autoAdvance"));
    autoAdvance->setCheckable(true);
    autoAdvance->setChecked(true);

    next = make(tr("&Next item"), {QKeySequence(Qt::Key_J), QKeySequence(Qt::Key_Down)});
    previous = make(tr("&Previous item"), {QKeySequence(Qt::Key_K), QKeySequence(Qt::Key_Up)});
    nextUnreviewed = make(tr("Next &unreviewed item"), {QKeySequence(Qt::Key_N)});

    categories = make(tr("&Categories…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K)},
                      tr("Edit category definitions and see the false refusals they caused"));
    metrics = make(tr("&Metrics…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)},
                   tr("Refusal rates of the selected run, with 95% intervals"));
    rejectedLines =
        make(tr("&Rejected lines…"), {}, tr("The lines the import of the selected run set aside"));

    shortcuts = make(tr("&Keyboard shortcuts"), {QKeySequence(Qt::Key_F1)});
    about = make(tr("&About Overrule"), {});
    about->setMenuRole(QAction::AboutRole);
}

QAction* WindowActions::make(const QString& text, const QList<QKeySequence>& keys,
                             const QString& tip)
{
    auto* action = new QAction(text, this);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WindowShortcut);
    action->setStatusTip(tip);
    action->setToolTip(tip.isEmpty() ? text : tip);
    // Registered on the window so the keys work without the menu bar being involved.
    m_window->addAction(action);
    return action;
}

void WindowActions::populate(QMenuBar* bar)
{
    QMenu* file = bar->addMenu(tr("&File"));
    file->addAction(importFile);
    file->addSeparator();
    file->addAction(openWorkspace);
    m_recent = file->addMenu(tr("Recent &workspaces"));
    file->addSeparator();
    file->addAction(reviewerName);
    file->addSeparator();
    file->addAction(quit);

    QMenu* edit = bar->addMenu(tr("&Edit"));
    edit->addActions({undo, redo});
    edit->addSeparator();
    edit->addAction(settings);

    QMenu* filter = bar->addMenu(tr("F&ilter"));
    filter->addAction(find);
    filter->addSeparator();
    filter->addActions(filterActions());
    filter->addSeparator();
    filter->addAction(clearFilters);

    QMenu* review = bar->addMenu(tr("&Review"));
    review->addActions({falseRefusal, correctRefusal, missedHarm, correctCompliance});
    review->addSeparator();
    review->addActions({withdraw, culprit, category, note});
    review->addSeparator();
    review->addActions(navigationActions());
    review->addSeparator();
    review->addAction(autoAdvance);

    QMenu* view = bar->addMenu(tr("&View"));
    view->addActions(viewActions());

    QMenu* help = bar->addMenu(tr("&Help"));
    help->addAction(shortcuts);
    help->addAction(about);
}

void WindowActions::trackUndoStack(QUndoStack* stack)
{
    auto updateUndo = [this, stack] {
        undo->setEnabled(stack->canUndo());
        undo->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
    };
    auto updateRedo = [this, stack] {
        redo->setEnabled(stack->canRedo());
        redo->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
    };
    connect(stack, &QUndoStack::canUndoChanged, this, updateUndo);
    connect(stack, &QUndoStack::undoTextChanged, this, updateUndo);
    connect(stack, &QUndoStack::canRedoChanged, this, updateRedo);
    connect(stack, &QUndoStack::redoTextChanged, this, updateRedo);
    updateUndo();
    updateRedo();
}

QList<QAction*> WindowActions::fileActions() const
{
    return {importFile, openWorkspace, reviewerName, quit};
}

QList<QAction*> WindowActions::editActions() const
{
    return {undo, redo, settings};
}

QList<QAction*> WindowActions::reviewActions() const
{
    return {falseRefusal, correctRefusal, missedHarm, correctCompliance, withdraw,
            culprit,      category,       note,       autoAdvance};
}

QList<QAction*> WindowActions::navigationActions() const
{
    return {next, previous, nextUnreviewed};
}

QList<QAction*> WindowActions::filterActions() const
{
    return {filterVerdict, filterIntent,   filterCategory,
            filterOutcome, unreviewedOnly, repeatedPrompts};
}

QList<QAction*> WindowActions::viewActions() const
{
    return {categories, metrics, rejectedLines};
}

} // namespace overrule
