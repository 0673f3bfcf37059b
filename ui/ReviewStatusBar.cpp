#include "ReviewStatusBar.h"

#include "SearchIndex.h"

#include <QLabel>
#include <QLocale>

namespace overrule {

ReviewStatusBar::ReviewStatusBar(QWidget* parent)
    : QStatusBar(parent), m_searchNote(new QLabel(this)), m_counts(new QLabel(this)),
      m_reviewer(new QLabel(this))
{
    m_searchNote->setTextFormat(Qt::PlainText);
    m_searchNote->setContentsMargins(8, 0, 8, 0);
    m_searchNote->hide();
    addPermanentWidget(m_searchNote);
    m_counts->setTextFormat(Qt::PlainText);
    m_reviewer->setTextFormat(Qt::PlainText);
    m_counts->setContentsMargins(8, 0, 8, 0);
    m_reviewer->setContentsMargins(8, 0, 8, 0);
    addPermanentWidget(m_counts);
    addPermanentWidget(m_reviewer);
}

void ReviewStatusBar::setCounts(std::int64_t items, std::int64_t reviewed, std::int64_t shown)
{
    const QLocale locale;
    QString text =
        tr("%1 items · %2 reviewed").arg(locale.toString(items), locale.toString(reviewed));
    if (shown != items)
        text += tr(" · %1 shown").arg(locale.toString(shown));
    m_counts->setText(text);
}

void ReviewStatusBar::clearCounts()
{
    m_counts->clear();
}

void ReviewStatusBar::setReviewer(const QString& name)
{
    m_reviewer->setText(tr("Reviewer: %1").arg(name.isEmpty() ? tr("(not set)") : name));
}

void ReviewStatusBar::showSearchState(bool indexing, const QString& search)
{
    QString note;
    if (indexing)
        note = search.isEmpty() ? tr("Building the search index…")
                                : tr("Search index still being built: results incomplete");
    else if (!search.isEmpty() && ftsQuery(search).isEmpty())
        note = tr("The search holds no letters or digits: nothing to look for");
    m_searchNote->setText(note);
    m_searchNote->setVisible(!note.isEmpty());
}

QString ReviewStatusBar::searchNote() const
{
    return m_searchNote->text();
}

QString ReviewStatusBar::countsText() const
{
    return m_counts->text();
}

} // namespace overrule
