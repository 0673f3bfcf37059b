#include "LabelStore.h"

#include "Clock.h"
#include "Database.h"

namespace overrule {
namespace {

constexpr std::string_view kLabelColumns =
    "SELECT l.id, l.item_id, r.name, l.behaviour, l.intent, l.outcome, l.category_id, "
    "l.culprit_category_id, l.note, l.source, l.created_at, c.name, k.name FROM labels l "
    "JOIN reviewers r ON r.id = l.reviewer_id "
    "LEFT JOIN categories c ON c.id = l.category_id "
    "LEFT JOIN categories k ON k.id = l.culprit_category_id ";

Label readLabel(const Statement& st)
{
    Label label;
    label.id = st.int64(0);
    label.itemId = st.int64(1);
    label.reviewer = st.text(2);
    label.decision.behaviour = static_cast<Behaviour>(st.integer(3));
    label.decision.intent = static_cast<Intent>(st.integer(4));
    label.outcome = static_cast<Outcome>(st.integer(5));
    label.decision.categoryId = st.optionalInt64(6);
    label.decision.culpritId = st.optionalInt64(7);
    label.decision.note = st.text(8);
    label.source = st.text(9);
    label.createdAt = st.text(10);
    label.categoryName = st.text(11);
    label.culpritName = st.text(12);
    return label;
}

} // namespace

Result<std::int64_t> LabelStore::reviewerId(const QString& name) const
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return makeError(QStringLiteral("a reviewer needs a name"), QStringLiteral("reviewer"));
    Statement insert = m_db.prepare("INSERT OR IGNORE INTO reviewers(name) VALUES (?)");
    insert.bind(1, trimmed);
    if (auto done = insert.exec(); !done)
        return done.error();
    Statement lookup = m_db.prepare("SELECT id FROM reviewers WHERE name = ?");
    lookup.bind(1, trimmed);
    if (!lookup.step())
        return makeError(lookup.error(), QStringLiteral("reviewers"));
    return lookup.int64(0);
}

Result<std::int64_t> LabelStore::append(std::int64_t itemId, const QString& reviewer,
                                        const Decision& decision, const QString& source) const
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return makeError(tx.beginError());
    auto reviewer_ = reviewerId(reviewer);
    if (!reviewer_)
        return reviewer_.error();
    auto id = appendInTransaction(itemId, *reviewer_, decision, source);
    if (!id)
        return id;
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return id;
}

Result<std::int64_t> LabelStore::appendInTransaction(std::int64_t itemId, std::int64_t reviewerId,
                                                     const Decision& decision,
                                                     const QString& source,
                                                     const QString& createdAt) const
{
    return LabelAppender(m_db).append(itemId, reviewerId, decision, source, createdAt);
}

LabelAppender::LabelAppender(const Database& db)
    : m_db(db),
      m_insert(db.prepare(
          "INSERT INTO labels(item_id, reviewer_id, behaviour, intent, outcome, category_id, "
          "culprit_category_id, note, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
{
}

Result<std::int64_t> LabelAppender::append(std::int64_t itemId, std::int64_t reviewerId,
                                           const Decision& decision, const QString& source,
                                           const QString& createdAt)
{
    m_insert.bind(1, itemId)
        .bind(2, reviewerId)
        .bind(3, static_cast<int>(decision.behaviour))
        .bind(4, static_cast<int>(decision.intent))
        .bind(5, static_cast<int>(decision.outcome()))
        .bind(6, decision.categoryId)
        .bind(7, decision.culpritId)
        .bind(8, decision.note)
        .bind(9, source)
        .bind(10, createdAt.isEmpty() ? nowIso() : createdAt);
    if (auto done = m_insert.exec(); !done)
        return makeError(done.error().message, QStringLiteral("label for item %1").arg(itemId));
    return m_db.lastInsertId();
}

Result<std::optional<Label>> LabelStore::current(std::int64_t itemId, const QString& reviewer) const
{
    Statement st = reviewer.isEmpty()
                       ? m_db.prepare(std::string(kLabelColumns) +
                                      "WHERE l.item_id = ?1 ORDER BY l.id DESC LIMIT 1")
                       : m_db.prepare(std::string(kLabelColumns) +
                                      "WHERE l.item_id = ?1 AND r.name = ?2 "
                                      "ORDER BY l.id DESC LIMIT 1");
    st.bind(1, itemId);
    if (!reviewer.isEmpty())
        st.bind(2, reviewer);
    if (st.step()) {
        Label label = readLabel(st);
        if (label.decision.isWithdrawal())
            return std::optional<Label>();
        return std::optional<Label>(std::move(label));
    }
    if (st.hasError())
        return makeError(st.error(), QStringLiteral("labels"));
    return std::optional<Label>();
}

Result<std::vector<Label>> LabelStore::history(std::int64_t itemId) const
{
    Statement st =
        m_db.prepare(std::string(kLabelColumns) + "WHERE l.item_id = ? ORDER BY l.id DESC");
    st.bind(1, itemId);
    std::vector<Label> out;
    while (st.step())
        out.push_back(readLabel(st));
    if (st.hasError())
        return makeError(st.error(), QStringLiteral("labels"));
    return out;
}

} // namespace overrule
