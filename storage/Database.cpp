#include "Database.h"

#include "Schema.h"
#include "SearchShard.h"
#include "SearchTokenizer.h"

#include <QDir>
#include <QFileInfo>
#include <atomic>
#include <limits>
#include <sqlite3.h>
#include <thread>

namespace overrule {

Result<std::unique_ptr<Database>> Database::open(const QString& path, Options options)
{
    if (!options.readOnly && path != QLatin1String(":memory:")) {
        const QFileInfo info(path);
        if (!QDir().mkpath(info.absolutePath()))
            return makeError(QStringLiteral("cannot create the folder for the workspace"), path);
    }
    sqlite3* raw = nullptr;
    const int flags =
        (options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message =
            raw ? QString::fromUtf8(sqlite3_errmsg(raw)) : QStringLiteral("out of memory");
        sqlite3_close(raw);
        return makeError(QStringLiteral("cannot open workspace: ") + message, path);
    }
    std::unique_ptr<Database> db(new Database(raw, path));
    db->m_busyTimeoutMs = options.busyTimeoutMs;
    db->m_background = options.background;
    sqlite3_busy_handler(raw, &Database::onBusy, db.get());
    sqlite3_extended_result_codes(raw, 1);
    if (const int registered = registerSearchTokenizer(raw); registered != SQLITE_OK)
        return makeError(QStringLiteral("cannot set up the search index's tokenizer: ") +
                             QString::fromUtf8(sqlite3_errstr(registered)),
                         path);

    // Reading the header tells a non-database file apart before we try to write to it.
    if (auto check = db->execute("SELECT count(*) FROM sqlite_schema;"); !check)
        return makeError(QStringLiteral("not an Overrule workspace (") + check.error().message +
                             QLatin1Char(')'),
                         path);
    if (auto fk = db->execute("PRAGMA foreign_keys = ON;"); !fk)
        return makeError(fk.error().message, path);

    if (!options.readOnly && path != QLatin1String(":memory:")) {
        // A new workspace gets 16 KB pages (SQLite's default is 4 KB): most items' texts then
        // fit in their row without overflow pages, which makes imports ~25% cheaper and the
        // file ~10% smaller. The page size of an existing workspace cannot change in WAL mode.
        if (db->isEmptyFile())
            (void)db->execute("PRAGMA page_size = 16384;");
        if (auto wal = db->execute("PRAGMA journal_mode = WAL;"); !wal)
            return makeError(wal.error().message, path);
        if (db->journalMode() != QLatin1String("wal"))
            return makeError(QStringLiteral("the workspace could not be switched to WAL journaling "
                                            "(is it on a network file system?)"),
                             path);
        // After a checkpoint the WAL of a large import would keep its size on disk until the
        // last connection closes; this truncates it when it is next reset.
        // No connection checkpoints on its own: an automatic checkpoint runs in whichever
        // commit crosses the threshold, and after an import (which leaves its run in the WAL)
        // that could be a reviewer's decision copying gigabytes. The background search indexer
        // checkpoints once a run is searchable, and the last connection to close does.
        (void)db->execute("PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = 67108864; "
                          "PRAGMA wal_autocheckpoint = 0;");
    }
    (void)db->execute("PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32000;");

    const int version = db->userVersion();
    if (version > Schema::currentVersion())
        return makeError(QStringLiteral("this workspace was written by a newer Overrule (schema "
                                        "version %1; this build understands up to %2). Update "
                                        "Overrule to open it.")
                             .arg(version)
                             .arg(Schema::currentVersion()),
                         path);
    if (options.migrate && !options.readOnly && version < Schema::currentVersion()) {
        if (auto migrated = Schema::migrate(*db); !migrated)
            return makeError(migrated.error().message, path);
    }
    if ((options.attachSearch || options.searchShard >= 0) && !options.readOnly &&
        path != QLatin1String(":memory:")) {
        for (int shard = 0; shard < kSearchShards; ++shard) {
            if (!options.attachSearch && shard != options.searchShard)
                continue;
            if (auto attached = attachSearchShard(*db, shard); !attached)
                return makeError(attached.error().message, path);
            db->m_searchShards |= 1 << shard;
        }
    }
    return db;
}

namespace {

// When a connection that is not a background job's last found a write lock taken. Process-wide:
// the connections that wait and those that should give way are different objects on different
// threads, and a background job gives way to any of them.
std::atomic<std::int64_t> g_writerWaitedAtNs{std::numeric_limits<std::int64_t>::min() / 2};
// How many such connections wait right now (from their first busy call until BEGIN returns or
// they give up): background jobs give way while any does, however late its next look.
std::atomic<int> g_writersWaiting{0};

std::int64_t steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

int Database::onBusy(void* self, int attempt)
{
    auto* db = static_cast<Database*>(self);
    const auto now = std::chrono::steady_clock::now();
    if (attempt == 0)
        db->m_waitingSince = now;
    if (!db->m_background) {
        g_writerWaitedAtNs.store(steadyNs());
        if (!db->m_countedAsWaiting) {
            db->m_countedAsWaiting = true;
            ++g_writersWaiting;
        }
    }
    if (now - db->m_waitingSince >= std::chrono::milliseconds(db->m_busyTimeoutMs)) {
        db->stopWaiting();
        return 0;
    }
    // A lock held by a background job is free for moments only (while it gives way): look
    // often, where SQLite's own timeout handler sleeps up to 100 ms between looks.
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return 1;
}

void Database::stopWaiting() const
{
    if (m_countedAsWaiting) {
        m_countedAsWaiting = false;
        --g_writersWaiting;
    }
}

bool Database::writerWaits() const
{
    if (!m_background)
        return false;
    // While a writer waits (counted until its BEGIN returns), and for a few milliseconds after
    // the last busy call of any, in case one waited outside a Transaction. A count left by
    // such a wait stops mattering once no busy call came for 0.2 s.
    const std::int64_t since = steadyNs() - g_writerWaitedAtNs.load();
    return since < 5'000'000 || (g_writersWaiting.load() > 0 && since < 200'000'000);
}

void Database::yieldToWriters() const
{
    for (int i = 0; i < 50 && writerWaits(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

Database::~Database()
{
    stopWaiting();
    // Statements that outlive the connection keep it half-open: none may call back into this.
    sqlite3_busy_handler(m_db, nullptr, nullptr);
    sqlite3_close_v2(m_db);
}

Status Database::execute(std::string_view sql) const
{
    char* message = nullptr;
    const std::string copy(sql);
    const int rc = sqlite3_exec(m_db, copy.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        QString text = message ? QString::fromUtf8(message) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_free(message);
        return makeError(text);
    }
    return {};
}

std::int64_t Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

QString Database::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

bool Database::isEmptyFile() const
{
    Statement st = prepare("PRAGMA page_count;");
    return st.step() && st.int64(0) == 0;
}

int Database::userVersion() const
{
    Statement st = prepare("PRAGMA user_version;");
    return st.step() ? st.integer(0) : 0;
}

QString Database::journalMode() const
{
    Statement st = prepare("PRAGMA journal_mode;");
    return st.step() ? st.text(0).toLower() : QString();
}

Status Database::tuneForBulkWrite(int cacheMb) const
{
    return execute("PRAGMA cache_size = -" + std::to_string(cacheMb * 1024) + ";");
}

Status Database::checkpoint() const
{
    const int rc =
        sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return makeError(QStringLiteral("checkpoint failed: ") + lastError(), m_path);
    return {};
}

void Database::interrupt() const
{
    sqlite3_interrupt(m_db);
}

void Database::setWalHook(std::function<void(int frames)> hook) const
{
    m_walHook = std::move(hook);
    if (!m_walHook) {
        sqlite3_wal_hook(m_db, nullptr, nullptr);
        return;
    }
    sqlite3_wal_hook(
        m_db,
        [](void* self, sqlite3*, const char*, int frames) {
            static_cast<const Database*>(self)->m_walHook(frames);
            return SQLITE_OK;
        },
        const_cast<Database*>(this));
}

Transaction::Transaction(const Database& db, Mode mode) : m_db(db)
{
    // BEGIN IMMEDIATE would lock every attached file; a write that changes nothing takes the
    // workspace's lock alone (waiting for it, as BEGIN IMMEDIATE does: no snapshot is held yet).
    const bool lockWorkspaceOnly = mode == Mode::Immediate && m_db.m_searchShards != 0;
    auto begun =
        m_db.execute(mode == Mode::Immediate && !lockWorkspaceOnly ? "BEGIN IMMEDIATE;" : "BEGIN;");
    if (begun && lockWorkspaceOnly) {
        begun = m_db.execute("DELETE FROM main.meta WHERE 0;");
        if (!begun)
            (void)m_db.execute("ROLLBACK;");
    }
    m_db.stopWaiting(); // it has the lock, or gave up
    m_active = begun.ok();
    if (!m_active)
        m_beginError = begun.error().message;
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

Status Transaction::commit()
{
    if (!m_active)
        return makeError(m_beginError.isEmpty() ? QStringLiteral("no active transaction")
                                                : m_beginError);
    auto committed = m_db.execute("COMMIT;");
    if (!committed) {
        rollback();
        return committed;
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    if (m_active) {
        (void)m_db.execute("ROLLBACK;");
        m_active = false;
    }
}

} // namespace overrule
