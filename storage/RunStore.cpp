#include "RunStore.h"

#include "Database.h"
#include "SearchShard.h"

namespace overrule {
namespace {

constexpr std::string_view kRunColumns =
    "SELECT id, name, model, source_path, source_sha256, format, imported_at, item_count, "
    "rejected_count FROM runs ";

RunInfo readRun(const Statement& st)
{
    RunInfo run;
    run.id = st.int64(0);
    run.name = st.text(1);
    run.model = st.text(2);
    run.sourcePath = st.text(3);
    run.sourceSha256 = st.text(4);
    run.format = st.text(5);
    run.importedAt = st.text(6);
    run.itemCount = st.int64(7);
    run.rejectedCount = st.int64(8);
    return run;
}

Result<std::optional<RunInfo>> single(Statement& st)
{
    if (st.step())
        return std::optional<RunInfo>(readRun(st));
    if (st.hasError())
        return makeError(st.error(), QStringLiteral("runs"));
    return std::optional<RunInfo>();
}

} // namespace

Result<std::vector<RunInfo>> RunStore::list() const
{
    Statement st = m_db.prepare(std::string(kRunColumns) + "ORDER BY imported_at DESC, id DESC");
    std::vector<RunInfo> runs;
    while (st.step())
        runs.push_back(readRun(st));
    if (st.hasError())
        return makeError(st.error(), QStringLiteral("runs"));
    return runs;
}

Result<std::optional<RunInfo>> RunStore::find(std::int64_t id) const
{
    Statement st = m_db.prepare(std::string(kRunColumns) + "WHERE id = ?");
    st.bind(1, id);
    return single(st);
}

Result<std::optional<RunInfo>> RunStore::findByName(const QString& name) const
{
    Statement st = m_db.prepare(std::string(kRunColumns) + "WHERE name = ?");
    st.bind(1, name);
    return single(st);
}

Result<QString> RunStore::uniqueName(const QString& base) const
{
    QString candidate = base.trimmed().isEmpty() ? QStringLiteral("run") : base.trimmed();
    const QString stem = candidate;
    for (int n = 2;; ++n) {
        auto found = findByName(candidate);
        if (!found)
            return found.error();
        if (!found->has_value())
            return candidate;
        candidate = QStringLiteral("%1 (%2)").arg(stem).arg(n);
    }
}

Result<std::int64_t> RunStore::reviewedCount(std::int64_t runId) const
{
    Statement st = m_db.prepare("SELECT count(*) FROM items WHERE run_id = ? AND outcome > 0");
    st.bind(1, runId);
    if (st.step())
        return st.int64(0);
    return makeError(st.error(), QStringLiteral("items"));
}

Result<std::vector<ImportReject>> RunStore::rejects(std::int64_t runId, int limit) const
{
    Statement st = m_db.prepare("SELECT line, field, reason, raw FROM import_rejects WHERE run_id "
                                "= ? ORDER BY line LIMIT ?");
    st.bind(1, runId).bind(2, limit);
    std::vector<ImportReject> out;
    while (st.step())
        out.push_back({st.int64(0), st.text(1), st.text(2), st.text(3)});
    if (st.hasError())
        return makeError(st.error(), QStringLiteral("import_rejects"));
    return out;
}

Status RunStore::remove(std::int64_t runId) const
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return makeError(tx.beginError());
    // FTS rows without their own copy of the text must be deleted with it before the text
    // goes, from both halves of the index (SearchShard.h). Without them attached, the files
    // are emptied when next attached (they list a run the workspace no longer has).
    for (int shard = 0; shard < kSearchShards; ++shard) {
        if (!m_db.hasSearchShard(shard))
            continue;
        const std::string name = searchShardName(shard);
        // The file's write lock first: SQLite waits for a lock taken by a write, but not for
        // one that FTS5 asks for after reading the file (a builder may hold it for a moment).
        Statement lock =
            m_db.prepare("UPDATE " + name + ".progress SET upto = upto WHERE run_id = ?");
        lock.bind(1, runId);
        if (auto locked = lock.exec(); !locked)
            return locked;
        Statement unindex = m_db.prepare(
            "INSERT INTO " + name +
            ".item_search(item_search, rowid, text) SELECT 'delete', "
            "t.item_id, " +
            std::string(kSearchedText) +
            " FROM item_texts t JOIN items i ON i.id = t.item_id WHERE i.run_id = ?1 AND (i.id / " +
            std::to_string(kSearchBlock) + ") % 2 = " + std::to_string(shard) +
            " AND i.id <= coalesce((SELECT upto FROM " + name + ".progress WHERE run_id = ?1), 0)");
        unindex.bind(1, runId);
        if (auto done = unindex.exec(); !done)
            return done;
        Statement forget = m_db.prepare("DELETE FROM " + name + ".progress WHERE run_id = ?");
        forget.bind(1, runId);
        if (auto done = forget.exec(); !done)
            return done;
    }
    Statement del = m_db.prepare("DELETE FROM runs WHERE id = ?");
    del.bind(1, runId);
    if (auto done = del.exec(); !done)
        return done;
    return tx.commit();
}

} // namespace overrule
