#pragma once

#include <QStatusBar>
#include <cstdint>

class QLabel;

namespace overrule {

// The status bar: "1,234 items · 87 reviewed · 40 shown" and who is reviewing. Transient
// messages use QStatusBar::showMessage as usual.
class ReviewStatusBar : public QStatusBar
{
    Q_OBJECT
public:
    explicit ReviewStatusBar(QWidget* parent = nullptr);

    void setCounts(std::int64_t items, std::int64_t reviewed, std::int64_t shown);
    void clearCounts();
    void setReviewer(const QString& name);
    QString countsText() const;
    // What a reviewer must know about the search: the run's index is still being built (results
    // incomplete), or the search holds no word to look for; nothing otherwise.
    void showSearchState(bool indexing, const QString& search);
    QString searchNote() const;

private:
    QLabel* m_searchNote;
    QLabel* m_counts;
    QLabel* m_reviewer;
};

} // namespace overrule
