#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTreeWidget;

namespace overrule {

// The F1 sheet: every shortcut of the window, read from the live actions so it never drifts
// from what the keys really do.
class ShortcutSheet : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutSheet(QWidget* parent = nullptr);

    void clear();
    void addGroup(const QString& title, const QList<QAction*>& actions);

private:
    QTreeWidget* m_tree;
};

} // namespace overrule
