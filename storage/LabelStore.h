#pragma once

#include "Result.h"
#include "Statement.h"
#include "Vocabulary.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace overrule {

class Database;

// What a reviewer decided about one item. A decision with Behaviour::Unknown withdraws the
// previous one (the item is unreviewed again) without erasing history.
struct Decision
{
    Behaviour behaviour = Behaviour::Unknown;
    Intent intent = Intent::Unknown;
    std::optional<std::int64_t> categoryId;
    std::optional<std::int64_t> culpritId;  // the category whose definition caused a refusal
    QString note;

    Outcome outcome() const { return outcomeOf(behaviour, intent); }
    bool isWithdrawal() const { return behaviour == Behaviour::Unknown; }
    bool operator==(const Decision&) const = default;
};

// One row of the append-only history.
struct Label
{
    std::int64_t id = 0;
    std::int64_t itemId = 0;
    QString reviewer;
    Decision decision;
    Outcome outcome = Outcome::Unreviewed;
    QString categoryName;
    QString culpritName;
    QString source;  // review | import | undo | redo
    QString createdAt;
};

// Appends labels inside the caller's transaction with one statement prepared once, so a bulk
// import does not compile the insert (and its trigger) per row.
class LabelAppender
{
public:
    explicit LabelAppender(const Database& db);
    Result<std::int64_t> append(std::int64_t itemId, std::int64_t reviewerId,
                                const Decision& decision, const QString& source,
                                const QString& createdAt = {});

private:
    const Database& m_db;
    Statement m_insert;
};

class LabelStore
{
public:
    explicit LabelStore(const Database& db) : m_db(db) {}

    // The reviewer's id, creating the reviewer on first use.
    Result<std::int64_t> reviewerId(const QString& name) const;
    // Appends a decision and makes it the item's current label, committed at once.
    Result<std::int64_t> append(std::int64_t itemId, const QString& reviewer,
                                const Decision& decision, const QString& source) const;
    // As append(), for callers that already hold a transaction (bulk import).
    Result<std::int64_t> appendInTransaction(std::int64_t itemId, std::int64_t reviewerId,
                                             const Decision& decision, const QString& source,
                                             const QString& createdAt = {}) const;
    // The newest label of the item (of one reviewer, when given); nullopt when there is none
    // or the newest withdraws the decision.
    Result<std::optional<Label>> current(std::int64_t itemId,
                                         const QString& reviewer = {}) const;
    // Every label of the item, newest first.
    Result<std::vector<Label>> history(std::int64_t itemId) const;

private:
    const Database& m_db;
};

} // namespace overrule
