#include "ItemStore.h"

#include "Database.h"

namespace overrule {

ItemStore::ItemStore(const Database& db) : m_db(db) {}

Result<ItemDetails> ItemStore::details(std::int64_t itemId) const
{
    Statement st = m_db.prepare(
        "SELECT i.id, i.run_id, i.seq, i.external_id, i.verdict, i.verdict_source, i.intent, "
        "i.category_id, c.name, i.score, i.outcome, t.prompt, t.response, t.messages, "
        "t.verdict_raw, t.model, t.metadata, i.duplicate_of, d.external_id FROM items i "
        "LEFT JOIN item_texts t ON t.item_id = i.id "
        "LEFT JOIN items d ON d.id = i.duplicate_of "
        "LEFT JOIN categories c ON c.id = i.category_id WHERE i.id = ?");
    st.bind(1, itemId);
    if (!st.step()) {
        if (st.hasError())
            return makeError(st.error(), QStringLiteral("items"));
        return makeError(QStringLiteral("item %1 does not exist").arg(itemId),
                         QStringLiteral("items"));
    }
    ItemDetails d;
    d.id = st.int64(0);
    d.runId = st.int64(1);
    d.seq = st.int64(2);
    d.externalId = st.text(3);
    d.verdict = static_cast<Behaviour>(st.integer(4));
    d.verdictSource = static_cast<VerdictSource>(st.integer(5));
    d.intent = static_cast<Intent>(st.integer(6));
    d.categoryId = st.optionalInt64(7);
    d.categoryName = st.text(8);
    d.score = st.optionalReal(9);
    d.outcome = static_cast<Outcome>(st.integer(10));
    d.prompt = st.text(11);
    d.response = st.text(12);
    d.messagesJson = st.text(13);
    d.verdictRaw = st.text(14);
    d.model = st.text(15);
    d.metadataJson = st.text(16);
    d.duplicateOf = st.optionalInt64(17);
    d.duplicateOfExternalId = st.text(18);

    auto history = LabelStore(m_db).history(itemId);
    if (!history)
        return history.error();
    d.history = std::move(history).value();
    // Same rule as LabelStore::current(): the newest row, unless it withdraws the decision.
    if (!d.history.empty() && !d.history.front().decision.isWithdrawal())
        d.currentLabel = d.history.front();
    return d;
}

Result<std::vector<CulpritEvidence>> ItemStore::culpritEvidence(std::int64_t categoryId,
                                                                int limit) const
{
    // Only current labels count: a culprit later withdrawn or overruled is no evidence.
    Statement st = m_db.prepare(
        "SELECT i.id, ru.name, i.external_id, i.excerpt, rv.name, l.note, l.created_at "
        "FROM labels l JOIN items i ON i.id = l.item_id AND i.label_id = l.id "
        "JOIN runs ru ON ru.id = i.run_id JOIN reviewers rv ON rv.id = l.reviewer_id "
        "WHERE l.culprit_category_id = ?1 AND l.outcome = ?2 ORDER BY l.id DESC LIMIT ?3");
    st.bind(1, categoryId).bind(2, static_cast<int>(Outcome::FalseRefusal)).bind(3, limit);
    std::vector<CulpritEvidence> out;
    while (st.step())
        out.push_back(
            {st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)});
    if (st.hasError())
        return makeError(st.error(), QStringLiteral("labels"));
    return out;
}

} // namespace overrule
