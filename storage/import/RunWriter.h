#pragma once

#include "CategoryStore.h"
#include "ItemRecord.h"
#include "LabelStore.h"
#include "Result.h"
#include "RunStore.h"
#include "ScoreOrder.h"
#include "Statement.h"
#include "import/PromptIndex.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <cstdint>
#include <string>

namespace overrule {

class Database;

// What the writer binds beyond the item's UTF-8 texts (its short texts as UTF-8, its excerpt
// and prompt key): made on the import's parsing thread so that the writing thread only binds
// and steps.
struct EncodedItem
{
    std::string externalId;
    std::string verdictRaw;
    std::string model;
    std::string excerpt;
    PromptKey promptKey;
};

// Writes one imported run: the run row, its items and texts, categories, imported labels and
// rejected lines. Statements are prepared once and reused for every row. The caller holds
// the transaction that makes the whole import atomic.
class RunWriter
{
public:
    struct RunHeader
    {
        QString name;
        QString sourcePath;
        QString format;
    };

    explicit RunWriter(const Database& db);

    Status begin(const RunHeader& header);
    // Appends to an existing run instead (re-import adding new items): items continue its
    // sequence and repeated prompts are matched against the items it holds.
    Status resume(std::int64_t runId);
    std::int64_t runId() const { return m_runId; }

    static EncodedItem encode(const ItemRecord& item);
    // Adds the item (`encoded` is encode(item)); false, with nothing written, when the run
    // already holds an item with its id.
    Result<bool> addItem(const ItemRecord& item, const EncodedItem& encoded);
    Status addReject(std::int64_t line, const QString& field, const QString& reason,
                     const QByteArray& raw);
    // Writes the counts, the most common model and the file's hash and size into the run row
    // (a resumed run keeps its model, hash and size and gains the new counts).
    Status finish(const QString& sha256, qint64 sourceSize);
    // Items added whose prompt repeats an earlier item's in the run (items.duplicate_of).
    std::int64_t duplicateCount() const { return m_duplicates; }

    std::int64_t itemCount() const { return m_items; }
    std::int64_t rejectedCount() const { return m_rejected; }
    std::int64_t labelCount() const { return m_labels; }

private:
    Result<std::int64_t> categoryId(const QString& name);
    Result<std::int64_t> reviewerId(const QString& name);
    Status prepareStatements();
    Status addLabel(std::int64_t itemId, const ImportedLabel& label);

    const Database& m_db;
    CategoryStore m_categories;
    LabelStore m_labelStore;
    LabelAppender m_labelAppender;
    Statement m_insertItem;
    Statement m_insertText;
    Statement m_insertReject;
    std::int64_t m_runId = 0;
    std::int64_t m_items = 0;
    std::int64_t m_rejected = 0;
    std::int64_t m_labels = 0;
    std::int64_t m_seq = 0;
    std::int64_t m_duplicates = 0;
    bool m_resumed = false;
    std::vector<ScoreOrder::Entry> m_scores; // of the items added, for the run's score order
    // Each prompt's 128-bit digest -> the first item with it (24 bytes per distinct prompt).
    PromptIndex m_promptItems;
    QHash<QString, std::int64_t> m_categoryIds;
    QHash<QString, std::int64_t> m_reviewerIds;
    QHash<QString, std::int64_t> m_modelCounts; // bounded: see addItem()
};

} // namespace overrule
