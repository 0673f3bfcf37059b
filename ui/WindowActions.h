#pragma once

#include <QList>
#include <QObject>

class QAction;
class QMenu;
class QMenuBar;
class QUndoStack;
class QWidget;

namespace overrule {

// Every command of the main window as a QAction with its keys, laid out in menus. Single-letter
// review keys are window shortcuts; text fields take them back while they have focus.
class WindowActions : public QObject
{
    Q_OBJECT
public:
    explicit WindowActions(QWidget* window);

    // Builds the menu bar; the recent-workspaces submenu is returned through recentMenu().
    void populate(QMenuBar* bar);
    QMenu* recentMenu() const { return m_recent; }
    // Undo/redo follow the stack's text and state; triggering them goes through the caller
    // (so that the window can show the item that changed).
    void trackUndoStack(QUndoStack* stack);

    QList<QAction*> fileActions() const;
    QList<QAction*> editActions() const;
    QList<QAction*> reviewActions() const;
    QList<QAction*> navigationActions() const;
    QList<QAction*> viewActions() const;
    QList<QAction*> filterActions() const;

    // File
    QAction* importFile;
    QAction* openWorkspace;
    QAction* reviewerName;
    QAction* quit;
    // Edit
    QAction* undo;
    QAction* redo;
    QAction* find;
    QAction* clearFilters;
    QAction* settings;
    // Filter
    QAction* filterVerdict;
    QAction* filterIntent;
    QAction* filterCategory;
    QAction* filterOutcome;
    QAction* unreviewedOnly;
    QAction* repeatedPrompts;
    // Review
    QAction* falseRefusal;
    QAction* correctRefusal;
    QAction* missedHarm;
    QAction* correctCompliance;
    QAction* withdraw;
    QAction* culprit;
    QAction* category;
    QAction* note;
    QAction* autoAdvance;
    // Navigate
    QAction* next;
    QAction* previous;
    QAction* nextUnreviewed;
    // View
    QAction* categories;
    QAction* metrics;
    QAction* rejectedLines;
    // Help
    QAction* shortcuts;
    QAction* about;

private:
    QAction* make(const QString& text, const QList<QKeySequence>& keys, const QString& tip = {});

    QWidget* m_window;
    QMenu* m_recent = nullptr;
};

} // namespace overrule
