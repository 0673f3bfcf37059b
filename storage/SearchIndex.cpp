#include "SearchIndex.h"

#include "Database.h"

#include <QStringList>
#include <algorithm>

namespace overrule {
namespace {

// Small enough that a batch holds the write lock for tens of milliseconds (a reviewer's decision
// waits for it). Larger batches were measured to build no faster once FTS5 merges lazily
// (automerge 16, set by the schema): the merging, not the commits, was the cost.
constexpr int kBatchSize = 1000;

// Indexes the next batch of the run; false when there was nothing left. The high-water mark is
// read inside the write transaction, so two indexers of one run never index a row twice.
// Batches walk the rowid range (an import's items have consecutive ids); the unary + keeps
// SQLite from scanning the whole run through a run_id index for every batch.
Result<bool> indexBatch(const Database& db, std::int64_t runId)
{
    Transaction tx(db);
    if (!tx.isActive())
        return makeError(tx.beginError(), QStringLiteral("search index"));
    Statement mark = db.prepare("SELECT search_indexed_upto FROM runs WHERE id = ?");
    mark.bind(1, runId);
    if (!mark.step()) {
        if (mark.hasError())
            return makeError(mark.error(), QStringLiteral("search index"));
        return makeError(QStringLiteral("run %1 does not exist").arg(runId),
                         QStringLiteral("search index"));
    }
    // A fresh run's mark is 0: start at its first item rather than scan every earlier run.
    Statement first = db.prepare("SELECT id FROM items WHERE run_id = ? ORDER BY seq LIMIT 1");
    first.bind(1, runId);
    if (!first.step()) {
        if (first.hasError())
            return makeError(first.error(), QStringLiteral("search index"));
        return false;
    }
    const std::int64_t upto = std::max(mark.int64(0), first.int64(0) - 1);

    Statement last = db.prepare("SELECT max(id) FROM (SELECT id FROM items WHERE +run_id = ?1 "
                                "AND id > ?2 ORDER BY id LIMIT ?3)");
    last.bind(1, runId).bind(2, upto).bind(3, kBatchSize);
    if (!last.step())
        return makeError(last.error(), QStringLiteral("search index"));
    if (last.isNull(0))
        return false;
    const std::int64_t batchEnd = last.int64(0);

    Statement insert = db.prepare(
        "INSERT INTO item_search(rowid, prompt, response) SELECT t.item_id, t.prompt, t.response "
        "FROM items i JOIN item_texts t ON t.item_id = i.id "
        "WHERE +i.run_id = ?1 AND i.id > ?2 AND i.id <= ?3");
    insert.bind(1, runId).bind(2, upto).bind(3, batchEnd);
    if (auto done = insert.exec(); !done)
        return makeError(done.error().message, QStringLiteral("search index"));
    Statement advance = db.prepare("UPDATE runs SET search_indexed_upto = ? WHERE id = ?");
    advance.bind(1, batchEnd).bind(2, runId);
    if (auto done = advance.exec(); !done)
        return makeError(done.error().message, QStringLiteral("search index"));
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return true;
}

} // namespace

Status indexRun(const Database& db, std::int64_t runId, const std::atomic<bool>* cancel)
{
    for (;;) {
        if (cancel && cancel->load())
            return makeError(QStringLiteral("search indexing cancelled"),
                             QStringLiteral("search index"));
        auto more = indexBatch(db, runId);
        if (!more)
            return more.error();
        if (!*more)
            return {};
    }
}

bool isIndexed(const Database& db, std::int64_t runId)
{
    // Items are inserted in file order, so the run's last item by seq has its highest id; the
    // unique (run_id, seq) index finds it without a scan.
    Statement st =
        db.prepare("SELECT coalesce((SELECT id FROM items WHERE run_id = ?1 ORDER BY "
                   "seq DESC LIMIT 1), 0) <= search_indexed_upto FROM runs WHERE id = ?1");
    st.bind(1, runId);
    return st.step() && st.int64(0) == 1;
}

QString ftsQuery(const QString& text)
{
    // The index keeps no positions (detail=none), so a query must never hold a phrase: only
    // letters and digits go into a token, as the unicode61 tokenizer cuts them, and "don't"
    // becomes "don" AND "t".
    QStringList tokens;
    QString token;
    auto flush = [&]() {
        if (!token.isEmpty())
            tokens << QLatin1Char('"') + token + QLatin1Char('"');
        token.clear();
    };
    for (const uint code : text.toUcs4()) {
        const char32_t c = code;
        if (QChar::isLetterOrNumber(c))
            token += QString::fromUcs4(&c, 1);
        else
            flush();
    }
    flush();
    return tokens.join(QStringLiteral(" AND "));
}

} // namespace overrule
