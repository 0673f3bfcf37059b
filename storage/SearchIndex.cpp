#include "SearchIndex.h"

#include "Database.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>

namespace overrule {
namespace {

// Small enough that a batch holds the write lock for well under 100 ms (a reviewer's decision
// waits for it), large enough to amortise the commits.
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
    const std::int64_t upto = mark.int64(0);

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
    QStringList tokens;
    const QStringList words =
        text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (QString word : words) {
        // A word with no letter or digit tokenises to nothing: an empty phrase would match
        // nothing, which would hide every row for a stray "-".
        if (std::none_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
            continue;
        word.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        tokens << QLatin1Char('"') + word + QLatin1Char('"');
    }
    return tokens.join(QStringLiteral(" AND "));
}

} // namespace overrule
