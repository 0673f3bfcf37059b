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
    // What a reviewer must know about the search while it lasts (the index still being built,
    // a search without words); empty hides it.
    void setSearchNote(const QString& note);
    QString searchNote() const;

private:
    QLabel* m_searchNote;
    QLabel* m_counts;
    QLabel* m_reviewer;
};

} // namespace overrule
