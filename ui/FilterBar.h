#pragma once

#include "CategoryStore.h"
#include "ItemFilter.h"

#include <QWidget>
#include <vector>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QTimer;

namespace overrule {

class WindowActions;

// The row of filters above the item table. Every change becomes an ItemFilter that the table
// model runs in SQL; typing in the search box is debounced so each keystroke is not a query.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(QWidget* parent = nullptr);

    // Fills the category choice; the selected category survives when it still exists.
    void setCategories(const std::vector<Category>& categories);
    ItemFilter filter() const;
    // Back to "everything" (emits filterChanged once when something changed).
    void reset();
    void focusSearch();

    // Connects the window's filter actions (Ctrl+1..6) to the filters: the lists open over the
    // table (arrows or the first letters, Enter to choose, Esc to keep), the two switches
    // toggle, and the keys go back to the table after.
    void bindKeys(const WindowActions& actions);

Q_SIGNALS:
    void filterChanged(const ItemFilter& filter);
    // Enter or Esc in the search box, or a filter's key: the reviewer wants the table back.
    void searchDone();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void emitIfChanged();

    QComboBox* m_verdict;
    QComboBox* m_intent;
    QComboBox* m_category;
    QComboBox* m_outcome;
    QCheckBox* m_unreviewedOnly;
    QCheckBox* m_duplicatesOnly;
    QLineEdit* m_search;
    QTimer* m_searchDelay;
    ItemFilter m_last;
};

} // namespace overrule
