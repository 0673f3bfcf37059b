#pragma once

#include "LabelStore.h"
#include "Result.h"
#include "Vocabulary.h"

#include <QObject>
#include <QString>
#include <cstdint>
#include <functional>
#include <optional>

class QUndoStack;

namespace overrule {

class Database;

// The reviewer's decisions on a workspace, undoable. Each decision is a small QUndoCommand that
// appends a label row at once (committed in its own transaction, so a crash loses nothing
// decided); undo appends a row restoring the previous decision (source "undo"; a withdrawal when
// there was none) and redo appends the decision again (source "redo"). History stays
// append-only.
class ReviewSession : public QObject
{
    Q_OBJECT

public:
    ReviewSession(const Database& db, QString reviewer, QObject* parent = nullptr);
    ~ReviewSession() override;

    QUndoStack* undoStack();
    QString reviewer() const;
    void setReviewer(const QString& reviewer);

    // The current decision of this item (any reviewer's newest), or a default one: behaviour =
    // the classifier verdict, intent = the run's intent, no category, culprit or note.
    Decision currentDecision(std::int64_t itemId) const;
    // Full decision. Pushes a command; returns the error if the write failed (nothing pushed).
    // Deciding what this reviewer's newest label already says writes nothing.
    Status decide(std::int64_t itemId, const Decision& decision);
    // One-key outcome: behaviour = the classifier verdict when it agrees with the outcome's side
    // (full/partial refusal kept), else full_refusal / compliance; intent implied by the
    // outcome; keeps the current label's category, culprit and note. Outcome::Unreviewed
    // withdraws.
    Status decideOutcome(std::int64_t itemId, Outcome outcome);
    // A culprit implies a false refusal (behaviour a refusal, intent benign); clearing it keeps
    // the rest of the decision.
    Status setCulprit(std::int64_t itemId, std::optional<std::int64_t> categoryId);
    // Category or note alone keep the current decision, or on an unreviewed item behaviour = the
    // verdict and intent = the run's intent.
    Status setCategory(std::int64_t itemId, std::optional<std::int64_t> categoryId);
    Status setNote(std::int64_t itemId, const QString& note);

Q_SIGNALS:
    void itemChanged(std::int64_t itemId);    // after do, undo, redo
    void writeFailed(const QString& message); // a write inside undo/redo failed

private:
    struct ItemFacts
    {
        Behaviour verdict = Behaviour::Unknown;
        Intent intent = Intent::Unknown;
        QString externalId;
    };
    struct Newest
    {
        Decision decision;
        QString reviewer;
    };

    Result<ItemFacts> facts(std::int64_t itemId) const;
    // The item's newest label row, withdrawals included; nullopt when it has none.
    Result<std::optional<Newest>> newest(std::int64_t itemId) const;
    // The decision that a change starts from: the current label, or the item's defaults.
    Result<Decision> baseDecision(std::int64_t itemId, const ItemFacts& facts) const;
    // Applies `change` to the item's current decision; writes only when something changed.
    Status amend(std::int64_t itemId,
                 const std::function<void(Decision&, const ItemFacts&)>& change);
    void onCommandWrite(std::int64_t itemId, const Status& status);

    const Database& m_db;
    QString m_reviewer;
    QUndoStack* m_undoStack;
};

} // namespace overrule
