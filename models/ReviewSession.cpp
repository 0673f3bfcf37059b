#include "ReviewSession.h"

#include "Database.h"
#include "DecisionCommand.h"

#include <QUndoStack>

namespace overrule {
namespace {

Decision defaultDecision(Behaviour verdict, Intent intent)
{
    Decision d;
    d.behaviour = verdict;
    d.intent = intent;
    return d;
}

QString commandText(const QString& externalId, const Decision& decision)
{
    if (decision.isWithdrawal())
        return QStringLiteral("Withdraw decision on %1").arg(externalId);
    return QStringLiteral("%1 on %2").arg(displayName(decision.outcome()), externalId);
}

} // namespace

ReviewSession::ReviewSession(const Database& db, QString reviewer, QObject* parent)
    : QObject(parent), m_db(db), m_reviewer(reviewer.trimmed()), m_undoStack(new QUndoStack(this))
{
}

ReviewSession::~ReviewSession() = default;

QUndoStack* ReviewSession::undoStack()
{
    return m_undoStack;
}

QString ReviewSession::reviewer() const
{
    return m_reviewer;
}

void ReviewSession::setReviewer(const QString& reviewer)
{
    // Commands already on the stack keep the reviewer who made them.
    m_reviewer = reviewer.trimmed();
}

Result<ReviewSession::ItemFacts> ReviewSession::facts(std::int64_t itemId) const
{
    Statement st = m_db.prepare("SELECT verdict, intent, external_id FROM items WHERE id = ?");
    st.bind(1, itemId);
    if (st.step())
        return ItemFacts{static_cast<Behaviour>(st.integer(0)), static_cast<Intent>(st.integer(1)),
                         st.text(2)};
    if (st.hasError())
        return makeError(st.error(), QStringLiteral("items"));
    return makeError(QStringLiteral("item %1 does not exist").arg(itemId), QStringLiteral("items"));
}

Result<std::optional<ReviewSession::Newest>> ReviewSession::newest(std::int64_t itemId) const
{
    Statement st = m_db.prepare(
        "SELECT l.behaviour, l.intent, l.category_id, l.culprit_category_id, l.note, r.name "
        "FROM labels l JOIN reviewers r ON r.id = l.reviewer_id WHERE l.item_id = ? "
        "ORDER BY l.id DESC LIMIT 1");
    st.bind(1, itemId);
    if (st.step()) {
        Newest n;
        n.decision.behaviour = static_cast<Behaviour>(st.integer(0));
        n.decision.intent = static_cast<Intent>(st.integer(1));
        n.decision.categoryId = st.optionalInt64(2);
        n.decision.culpritId = st.optionalInt64(3);
        n.decision.note = st.text(4);
        n.reviewer = st.text(5);
        return std::optional<Newest>(std::move(n));
    }
    if (st.hasError())
        return makeError(st.error(), QStringLiteral("labels"));
    return std::optional<Newest>();
}

Result<Decision> ReviewSession::baseDecision(std::int64_t itemId, const ItemFacts& facts) const
{
    auto last = newest(itemId);
    if (!last)
        return last.error();
    Decision base = defaultDecision(facts.verdict, facts.intent);
    if (!last->has_value())
        return base;
    const Decision& label = (*last)->decision;
    if (!label.isWithdrawal())
        return label;
    // A withdrawal can still carry a note or category (e.g. a note on an item whose verdict is
    // unknown); a plain withdrawal carries nothing and leaves the defaults.
    base.categoryId = label.categoryId;
    base.culpritId = label.culpritId;
    base.note = label.note;
    return base;
}

Decision ReviewSession::currentDecision(std::int64_t itemId) const
{
    auto item = facts(itemId);
    if (!item)
        return {};
    auto base = baseDecision(itemId, *item);
    return base ? *base : defaultDecision(item->verdict, item->intent);
}

Status ReviewSession::decide(std::int64_t itemId, const Decision& decision)
{
    if (m_reviewer.isEmpty())
        return makeError(QStringLiteral("a reviewer needs a name"), QStringLiteral("reviewer"));
    auto item = facts(itemId);
    if (!item)
        return item.error();
    auto last = newest(itemId);
    if (!last)
        return last.error();
    const Decision before = last->has_value() ? (*last)->decision : Decision{};
    // Repeating one's own decision (or withdrawing nothing) adds no information; confirming
    // another reviewer's decision does, so that one is written.
    if (before == decision &&
        (decision.isWithdrawal() || (last->has_value() && (*last)->reviewer == m_reviewer)))
        return {};

    const auto written =
        LabelStore(m_db).append(itemId, m_reviewer, decision, QStringLiteral("review"));
    if (!written)
        return written.error();
    m_undoStack->push(new DecisionCommand(
        m_db, itemId, m_reviewer, before, decision, commandText(item->externalId, decision),
        [this](std::int64_t id, const Status& status) { onCommandWrite(id, status); }));
    Q_EMIT itemChanged(itemId);
    return {};
}

Status ReviewSession::decideOutcome(std::int64_t itemId, Outcome outcome)
{
    if (outcome == Outcome::Unreviewed)
        return decide(itemId, Decision{});
    auto item = facts(itemId);
    if (!item)
        return item.error();
    auto base = baseDecision(itemId, *item);
    if (!base)
        return base.error();
    Decision d = *base;
    const bool refused = outcome == Outcome::FalseRefusal || outcome == Outcome::CorrectRefusal;
    if (refused)
        d.behaviour = isRefusal(item->verdict) ? item->verdict : Behaviour::FullRefusal;
    else
        d.behaviour = Behaviour::Compliance;
    const bool benign = outcome == Outcome::FalseRefusal || outcome == Outcome::CorrectCompliance;
    d.intent = benign ? Intent::Benign : Intent::Harmful;
    return decide(itemId, d);
}

Status ReviewSession::amend(std::int64_t itemId,
                            const std::function<void(Decision&, const ItemFacts&)>& change)
{
    auto item = facts(itemId);
    if (!item)
        return item.error();
    auto base = baseDecision(itemId, *item);
    if (!base)
        return base.error();
    Decision d = *base;
    change(d, *item);
    if (d == *base)
        return {};
    return decide(itemId, d);
}

Status ReviewSession::setCulprit(std::int64_t itemId, std::optional<std::int64_t> categoryId)
{
    return amend(itemId, [categoryId](Decision& d, const ItemFacts& item) {
        d.culpritId = categoryId;
        if (categoryId) {
            // Naming a culprit says the refusal was wrong: a false refusal.
            if (!isRefusal(d.behaviour))
                d.behaviour = isRefusal(item.verdict) ? item.verdict : Behaviour::FullRefusal;
            d.intent = Intent::Benign;
        }
    });
}

Status ReviewSession::setCategory(std::int64_t itemId, std::optional<std::int64_t> categoryId)
{
    return amend(itemId,
                 [categoryId](Decision& d, const ItemFacts&) { d.categoryId = categoryId; });
}

Status ReviewSession::setNote(std::int64_t itemId, const QString& note)
{
    return amend(itemId, [&note](Decision& d, const ItemFacts&) { d.note = note; });
}

void ReviewSession::onCommandWrite(std::int64_t itemId, const Status& status)
{
    if (!status) {
        Q_EMIT writeFailed(status.error().toString());
        return;
    }
    Q_EMIT itemChanged(itemId);
}

} // namespace overrule
