#include "import/RunWriter.h"

#include "Clock.h"
#include "Database.h"
#include "ScoreOrder.h"
#include "import/Utf8.h"

#include <QHashFunctions>
#include <string_view>

namespace overrule {
namespace {
// Distinct model names counted for the run's "most common model"; beyond this a file is not
// a run of one model anyway, and memory stays flat.
constexpr qsizetype kMaxModels = 1000;
} // namespace

RunWriter::RunWriter(const Database& db)
    : m_db(db), m_categories(db), m_labelStore(db), m_labelAppender(db)
{
}

Status RunWriter::begin(const RunHeader& header)
{
    Statement insertRun = m_db.prepare(
        "INSERT INTO runs(name, source_path, format, imported_at) VALUES (?, ?, ?, ?)");
    insertRun.bind(1, header.name)
        .bind(2, header.sourcePath)
        .bind(3, header.format)
        .bind(4, nowIso());
    if (auto done = insertRun.exec(); !done)
        return makeError(done.error().message, QStringLiteral("runs"));
    m_runId = m_db.lastInsertId();
    return prepareStatements();
}

namespace {
// Two 64-bit hashes of the prompt under fixed, unrelated seeds: 128 bits, so that two
// different prompts are never taken for one (about 1 in 10^26 for a million prompts), at a
// fraction of MD5's cost (Qt hashes with AES instructions where the CPU has them). The keys
// only live during one import, so they need not be stable across builds.
PromptKey promptKeyOf(std::string_view utf8)
{
    return {qHashBits(utf8.data(), utf8.size(), 0x9e3779b97f4a7c15ULL),
            qHashBits(utf8.data(), utf8.size(), 0xc2b2ae3d27d4eb4fULL)};
}
} // namespace

EncodedItem RunWriter::encode(const ItemRecord& item)
{
    EncodedItem encoded;
    encoded.externalId = item.externalId.toStdString();
    encoded.verdictRaw = item.verdictRaw.toStdString();
    encoded.model = item.model.toStdString();
    encoded.excerpt = excerptOf(item.prompt);
    encoded.promptKey = promptKeyOf(item.prompt);
    return encoded;
}

Status RunWriter::resume(std::int64_t runId)
{
    m_runId = runId;
    m_resumed = true;
    Statement items = m_db.prepare("SELECT i.id, i.seq, t.prompt FROM items i "
                                   "JOIN item_texts t ON t.item_id = i.id WHERE i.run_id = ? "
                                   "ORDER BY i.seq");
    items.bind(1, runId);
    while (items.step()) {
        m_seq = items.int64(1) + 1;
        m_promptItems.add(promptKeyOf(items.utf8(2)), items.int64(0));
    }
    if (items.hasError())
        return makeError(items.error(), QStringLiteral("items"));
    return prepareStatements();
}

Status RunWriter::prepareStatements()
{
    m_insertItem = m_db.prepare(
        "INSERT INTO items(run_id, seq, external_id, verdict, verdict_source, intent, "
        "category_id, score, excerpt, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    m_insertText = m_db.prepare(
        "INSERT INTO item_texts(item_id, prompt, response, messages, verdict_raw, model, "
        "metadata) VALUES (?, ?, ?, ?, ?, ?, ?)");
    m_insertReject = m_db.prepare(
        "INSERT INTO import_rejects(run_id, line, field, reason, raw) VALUES (?, ?, ?, ?, ?)");
    for (const Statement* st : {&m_insertItem, &m_insertText, &m_insertReject}) {
        if (!st->isValid())
            return makeError(st->prepareError());
    }
    return {};
}

Result<std::int64_t> RunWriter::categoryId(const QString& name)
{
    if (const auto it = m_categoryIds.constFind(name); it != m_categoryIds.constEnd())
        return *it;
    auto id = m_categories.ensure(name, QStringLiteral("imported"));
    if (id)
        m_categoryIds.insert(name, *id);
    return id;
}

Result<std::int64_t> RunWriter::reviewerId(const QString& name)
{
    if (const auto it = m_reviewerIds.constFind(name); it != m_reviewerIds.constEnd())
        return *it;
    auto id = m_labelStore.reviewerId(name);
    if (id)
        m_reviewerIds.insert(name, *id);
    return id;
}

Result<bool> RunWriter::addItem(const ItemRecord& item, const EncodedItem& encoded)
{
    // A category first seen on this item is created under a savepoint: should the item turn
    // out to repeat an id, the category it named goes with it.
    const bool firstSight = !item.category.isEmpty() && !m_categoryIds.contains(item.category);
    if (firstSight) {
        if (auto begun = m_db.execute("SAVEPOINT first_sight;"); !begun)
            return begun.error();
    }
    std::optional<std::int64_t> category;
    if (!item.category.isEmpty()) {
        auto id = categoryId(item.category);
        if (!id)
            return id.error();
        category = *id;
    }
    // Identical prompts within a run are kept, each pointing at the first item with it.
    std::optional<std::int64_t> duplicateOf;
    if (const std::int64_t first = m_promptItems.find(encoded.promptKey); first != 0)
        duplicateOf = first;
    m_insertItem.bind(1, m_runId)
        .bind(2, m_seq)
        .bindUnowned(3, encoded.externalId)
        .bind(4, static_cast<int>(item.verdict))
        .bind(5, static_cast<int>(item.verdictSource))
        .bind(6, static_cast<int>(item.intent))
        .bind(7, category)
        .bind(8, item.score)
        .bindUnowned(9, encoded.excerpt)
        .bind(10, duplicateOf);
    // The unique (run_id, external_id) index finds a repeated id as it inserts: no lookup first.
    if (auto done = m_insertItem.exec(); !done) {
        if (!m_insertItem.failedOnUniqueness())
            return makeError(done.error().message, QStringLiteral("items"));
        if (firstSight) {
            m_categoryIds.remove(item.category);
            if (auto undone = m_db.execute("ROLLBACK TO first_sight; RELEASE first_sight;");
                !undone)
                return undone.error();
        }
        return false;
    }
    if (firstSight) {
        if (auto kept = m_db.execute("RELEASE first_sight;"); !kept)
            return kept.error();
    }
    const std::int64_t itemId = m_db.lastInsertId();
    if (duplicateOf)
        ++m_duplicates;
    else
        m_promptItems.add(encoded.promptKey, itemId);

    m_insertText.bind(1, itemId)
        .bindUnowned(2, item.prompt)
        .bindUnowned(3, item.response)
        .bindUnowned(5, encoded.verdictRaw)
        .bindUnowned(6, encoded.model)
        .bindUnowned(7, item.metadataJson);
    if (item.messagesJson.empty())
        m_insertText.bindNull(4);
    else
        m_insertText.bindUnowned(4, item.messagesJson);
    if (auto done = m_insertText.exec(); !done)
        return makeError(done.error().message, QStringLiteral("item_texts"));

    for (const ImportedLabel& label : item.labels) {
        if (auto done = addLabel(itemId, label); !done)
            return done.error();
    }
    if (m_modelCounts.size() < kMaxModels || m_modelCounts.contains(item.model))
        ++m_modelCounts[item.model];
    if (!m_resumed)
        m_scores.push_back({item.score, m_seq, itemId});
    ++m_items;
    ++m_seq;
    return true;
}

Status RunWriter::addLabel(std::int64_t itemId, const ImportedLabel& label)
{
    auto reviewer = reviewerId(label.reviewer);
    if (!reviewer)
        return reviewer.error();
    Decision decision;
    decision.behaviour = label.behaviour;
    decision.intent = label.intent;
    decision.note = label.note;
    if (!label.category.isEmpty()) {
        auto id = categoryId(label.category);
        if (!id)
            return id.error();
        decision.categoryId = *id;
    }
    if (!label.culprit.isEmpty()) {
        auto id = categoryId(label.culprit);
        if (!id)
            return id.error();
        decision.culpritId = *id;
    }
    auto appended = m_labelAppender.append(itemId, *reviewer, decision, QStringLiteral("import"),
                                           label.createdAt);
    if (!appended)
        return appended.error();
    ++m_labels;
    return {};
}

Status RunWriter::addReject(std::int64_t line, const QString& field, const QString& reason,
                            const QByteArray& raw)
{
    m_insertReject.bind(1, m_runId)
        .bind(2, line)
        .bind(3, field)
        .bind(4, reason)
        .bind(5, std::string_view(raw.constData(), static_cast<std::size_t>(raw.size())));
    if (auto done = m_insertReject.exec(); !done)
        return makeError(done.error().message, QStringLiteral("import_rejects"));
    ++m_rejected;
    return {};
}

Status RunWriter::finish(const QString& sha256, qint64 sourceSize)
{
    // A resumed run's order is made again from all of its items, old and new.
    const ScoreOrder order(m_db);
    if (auto ordered =
            m_resumed ? order.rebuild(m_runId) : order.write(m_runId, std::move(m_scores));
        !ordered)
        return ordered.error();
    m_scores = {};
    if (m_resumed) {
        Statement update = m_db.prepare(
            "UPDATE runs SET item_count = (SELECT COUNT(*) FROM items WHERE run_id = ?1), "
            "rejected_count = rejected_count + ?2 WHERE id = ?1");
        update.bind(1, m_runId).bind(2, m_rejected);
        if (auto done = update.exec(); !done)
            return makeError(done.error().message, QStringLiteral("runs"));
        return {};
    }
    QString model;
    std::int64_t best = 0;
    for (auto it = m_modelCounts.constBegin(); it != m_modelCounts.constEnd(); ++it) {
        if (it.value() > best || (it.value() == best && it.key() < model)) {
            best = it.value();
            model = it.key();
        }
    }
    Statement update = m_db.prepare(
        "UPDATE runs SET item_count = ?, rejected_count = ?, model = ?, source_sha256 = ?, "
        "source_size = ? WHERE id = ?");
    update.bind(1, m_items)
        .bind(2, m_rejected)
        .bind(3, model)
        .bind(4, sha256)
        .bind(5, static_cast<std::int64_t>(sourceSize))
        .bind(6, m_runId);
    if (auto done = update.exec(); !done)
        return makeError(done.error().message, QStringLiteral("runs"));
    return {};
}

} // namespace overrule
