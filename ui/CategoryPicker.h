#pragma once

#include "CategoryStore.h"

#include <QFrame>
#include <cstdint>
#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;

namespace overrule {

// A quick keyboard popup to choose a category (the culprit of a false refusal with G, the item's
// category with T): type to filter, Up/Down to move, Enter to choose, Esc to skip.
class CategoryPicker : public QFrame
{
    Q_OBJECT
public:
    explicit CategoryPicker(QWidget* parent = nullptr);

    // Shows the popup at `globalPos`. `preselect` is highlighted; `allowNone` adds an entry that
    // clears the choice.
    void popup(const QString& title, const std::vector<Category>& categories,
               std::optional<std::int64_t> preselect, bool allowNone, const QPoint& globalPos);
    void setFilterText(const QString& text);
    // The category that Enter would choose; nullopt for the "none" entry or an empty list.
    std::optional<std::int64_t> highlighted() const;
    bool hasHighlight() const;

Q_SIGNALS:
    // nullopt: the reviewer chose "no category".
    void picked(std::optional<std::int64_t> categoryId);
    // Closed without a choice (Esc or a click elsewhere).
    void dismissed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void applyFilter();
    void showDefinition();
    void choose();

    QLabel* m_title;
    QLineEdit* m_filter;
    QListWidget* m_list;
    QLabel* m_definition;
    bool m_finished = true;
};

} // namespace overrule
