#include "FilterBar.h"

#include "WindowActions.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTimer>
#include <algorithm>

namespace overrule {
namespace {

constexpr int kSearchDelayMs = 250;

template <typename T> std::optional<T> chosen(const QComboBox* combo)
{
    const QVariant data = combo->currentData();
    if (!data.isValid())
        return std::nullopt;
    return static_cast<T>(data.toLongLong());
}

QComboBox* makeCombo(QWidget* parent, const QString& tip)
{
    auto* combo = new QComboBox(parent);
    combo->setToolTip(tip);
    // Shrinks with the pane (the popup still shows full names), so the filters never force
    // the table wider than the reviewer wants it.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    // The review keys are letters: a focused combo must not eat them with its type-ahead.
    combo->setFocusPolicy(Qt::ClickFocus);
    return combo;
}

} // namespace

FilterBar::FilterBar(QWidget* parent)
    : QWidget(parent), m_verdict(makeCombo(this, tr("Classifier verdict (Ctrl+1)"))),
      m_intent(makeCombo(this, tr("Intent of the prompt, from the file (Ctrl+2)"))),
      m_category(makeCombo(this, tr("Classifier category (Ctrl+3)"))),
      m_outcome(makeCombo(this, tr("Review outcome (Ctrl+4)"))),
      m_unreviewedOnly(new QCheckBox(tr("Unreviewed only"), this)),
      m_duplicatesOnly(new QCheckBox(tr("Repeated prompts"), this)), m_search(new QLineEdit(this)),
      m_searchDelay(new QTimer(this))
{
    m_verdict->addItem(tr("All verdicts"));
    for (Behaviour b : {Behaviour::FullRefusal, Behaviour::PartialRefusal, Behaviour::Compliance,
                        Behaviour::Unknown})
        m_verdict->addItem(displayName(b), static_cast<qlonglong>(b));
    m_intent->addItem(tr("All intents"));
    for (Intent i : {Intent::Benign, Intent::Harmful, Intent::Unknown})
        m_intent->addItem(displayName(i), static_cast<qlonglong>(i));
    m_outcome->addItem(tr("All outcomes"));
    for (Outcome o : {Outcome::FalseRefusal, Outcome::CorrectRefusal, Outcome::MissedHarm,
                      Outcome::CorrectCompliance, Outcome::Unreviewed})
        m_outcome->addItem(displayName(o), static_cast<qlonglong>(o));
    setCategories({});
    // Short combos keep their size; long ones may shrink (their popups still show full names).
    for (QComboBox* combo : {m_verdict, m_intent, m_outcome})
        combo->setMinimumWidth(
            std::min(combo->sizeHint().width(),
                     combo->fontMetrics().horizontalAdvance(QStringLiteral("All intents")) + 40));
    m_category->setMinimumWidth(m_intent->minimumWidth());
    m_unreviewedOnly->setFocusPolicy(Qt::ClickFocus);
    m_duplicatesOnly->setFocusPolicy(Qt::ClickFocus);
    m_unreviewedOnly->setToolTip(tr("Only items without a decision (Ctrl+5)"));
    m_duplicatesOnly->setToolTip(
        tr("Only items whose prompt repeats an earlier item's in the run (Ctrl+6)"));
    m_search->setPlaceholderText(tr("Search prompts and responses (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(170);
    m_search->setToolTip(tr("Items whose prompt or response holds every word typed, as whole "
                            "words (\"refund\" does not find \"refunds\"); letter case and "
                            "accents do not matter. Matches are marked in the item's texts."));
    m_search->installEventFilter(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verdict);
    layout->addWidget(m_intent);
    layout->addWidget(m_category);
    layout->addWidget(m_outcome);
    layout->addWidget(m_unreviewedOnly);
    layout->addWidget(m_duplicatesOnly);
    layout->addWidget(m_search, 1);

    for (QComboBox* combo : {m_verdict, m_intent, m_category, m_outcome}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &FilterBar::emitIfChanged);
        combo->view()->installEventFilter(this);
    }
    for (QCheckBox* box : {m_unreviewedOnly, m_duplicatesOnly})
        connect(box, &QCheckBox::toggled, this, &FilterBar::emitIfChanged);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &FilterBar::emitIfChanged);
}

void FilterBar::setCategories(const std::vector<Category>& categories)
{
    const QVariant selected = m_category->currentData();
    const QSignalBlocker blocker(m_category);
    m_category->clear();
    m_category->addItem(tr("All categories"));
    for (const Category& category : categories)
        m_category->addItem(category.name, static_cast<qlonglong>(category.id));
    const int index = selected.isValid() ? m_category->findData(selected) : 0;
    m_category->setCurrentIndex(index < 0 ? 0 : index);
    emitIfChanged();
}

ItemFilter FilterBar::filter() const
{
    ItemFilter f;
    f.verdict = chosen<Behaviour>(m_verdict);
    f.intent = chosen<Intent>(m_intent);
    if (const QVariant data = m_category->currentData(); data.isValid())
        f.categoryId = data.toLongLong();
    f.outcome = chosen<Outcome>(m_outcome);
    f.unreviewedOnly = m_unreviewedOnly->isChecked();
    f.onlyDuplicates = m_duplicatesOnly->isChecked();
    f.search = m_search->text().trimmed();
    return f;
}

void FilterBar::reset()
{
    const QSignalBlocker b1(m_verdict), b2(m_intent), b3(m_category), b4(m_outcome),
        b5(m_unreviewedOnly), b6(m_search), b7(m_duplicatesOnly);
    for (QComboBox* combo : {m_verdict, m_intent, m_category, m_outcome})
        combo->setCurrentIndex(0);
    m_unreviewedOnly->setChecked(false);
    m_duplicatesOnly->setChecked(false);
    m_search->clear();
    m_searchDelay->stop();
    emitIfChanged();
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FilterBar::bindKeys(const WindowActions& actions)
{
    // Each filter key also ends typing in the search box (searchDone): the review keys go to
    // the table after a filter chosen by its key, wherever the focus was.
    const auto bind = [this](QAction* action, auto change) {
        connect(action, &QAction::triggered, this, [this, change] {
            Q_EMIT searchDone();
            change();
        });
    };
    // The lists open without focus: the popup takes the keys while open, and a focused combo
    // would then take the review keys for its type-ahead.
    bind(actions.filterVerdict, [this] { m_verdict->showPopup(); });
    bind(actions.filterIntent, [this] { m_intent->showPopup(); });
    bind(actions.filterCategory, [this] { m_category->showPopup(); });
    bind(actions.filterOutcome, [this] { m_outcome->showPopup(); });
    bind(actions.unreviewedOnly, [this] { m_unreviewedOnly->toggle(); });
    bind(actions.repeatedPrompts, [this] { m_duplicatesOnly->toggle(); });
    // The menu shows the two switches' state, however they were last changed (reset() too).
    connect(this, &FilterBar::filterChanged, this,
            [unreviewed = actions.unreviewedOnly,
             repeated = actions.repeatedPrompts](const ItemFilter& filter) {
                unreviewed->setChecked(filter.unreviewedOnly);
                repeated->setChecked(filter.onlyDuplicates);
            });
}

void FilterBar::emitIfChanged()
{
    const ItemFilter current = filter();
    if (current == m_last)
        return;
    m_last = current;
    Q_EMIT filterChanged(current);
}

bool FilterBar::eventFilter(QObject* watched, QEvent* event)
{
    // An open list of choices takes plain keys (Enter, Esc, letters to jump to a choice) before
    // the window's single-key shortcuts do.
    if (event->type() == QEvent::ShortcutOverride) {
        for (const QComboBox* combo : {m_verdict, m_intent, m_category, m_outcome}) {
            if (watched != combo->view())
                continue;
            const auto* key = static_cast<QKeyEvent*>(event);
            // Accepted, and passed on: the list's own handler chooses on Enter and closes on Esc.
            if (!(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)))
                event->accept();
        }
    }
    // Enter and Esc belong to the search box while it has focus, not to the window's shortcuts.
    if (watched == m_search && event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() == Qt::NoModifier &&
            (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter ||
             key->key() == Qt::Key_Escape)) {
            event->accept();
            return true;
        }
    }
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            m_searchDelay->stop();
            emitIfChanged();
            Q_EMIT searchDone();
            return true;
        }
        if (key == Qt::Key_Escape) {
            if (!m_search->text().isEmpty()) {
                m_search->clear();
                m_searchDelay->stop();
                emitIfChanged();
            }
            Q_EMIT searchDone();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace overrule
