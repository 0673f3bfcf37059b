#pragma once

#include "Result.h"
#include "SearchShard.h"
#include "Statement.h"

#include <QString>
#include <chrono>
#include <functional>
#include <memory>
#include <string_view>

struct sqlite3;

namespace overrule {

// One connection to a workspace file. Not shared across threads: a worker opens its own.
class Database
{
public:
    struct Options
    {
        bool migrate = true; // apply pending migrations on open
        bool readOnly = false;
        int busyTimeoutMs = 5000;
        // Attach both files of the search index (SearchShard.h): for connections that search
        // or delete runs.
        bool attachSearch = false;
        // Attach only this shard's file (0 or 1): a search index builder's connection.
        int searchShard = -1;
        // A background job's connection (the search indexer): between its transactions it
        // gives way to the other connections' writers that wait (yieldToWriters()).
        bool background = false;
    };

    // Opens (creating if needed) a workspace, turns on WAL, foreign keys and the busy timeout,
    // and brings the schema to the current version. A workspace written by a newer Overrule
    // is refused rather than risked.
    static Result<std::unique_ptr<Database>> open(const QString& path, Options options);
    static Result<std::unique_ptr<Database>> open(const QString& path)
    {
        return open(path, Options{});
    }
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const QString& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

    Statement prepare(std::string_view sql) const { return Statement(m_db, sql); }
    // Runs one or more statements without parameters.
    Status execute(std::string_view sql) const;
    std::int64_t lastInsertId() const;
    int changes() const;
    QString lastError() const;

    int userVersion() const;
    QString journalMode() const;
    // True for a file that holds no page yet (a workspace being created).
    bool isEmptyFile() const;
    // True when both files of the search index are attached (SearchShard.h).
    bool hasSearchShards() const { return m_searchShards == (1 << kSearchShards) - 1; }
    // True when this shard's file is attached.
    bool hasSearchShard(int shard) const { return (m_searchShards >> shard) & 1; }

    // Settings for a connection that writes one large transaction (an import): a page cache of
    // `cacheMb`. (No connection checkpoints automatically: see open().)
    // Durability is unchanged: synchronous stays NORMAL, which in WAL mode never corrupts the
    // workspace on a crash (at worst the last commit is lost on power failure).
    Status tuneForBulkWrite(int cacheMb) const;
    // Copies committed WAL frames into the database file without waiting for readers
    // (PASSIVE). interrupt() from another thread stops it early.
    Status checkpoint() const;

    // On a background connection, between two of its transactions: waits while another
    // connection of this process waits for a lock (at most about 0.1 s), so that a background
    // job that commits one transaction after another never starves a reviewer's decision.
    // Does nothing on other connections.
    void yieldToWriters() const;
    // On a background connection: true while another connection of this process waits for a
    // lock, so that a long transaction can end early. False on other connections.
    bool writerWaits() const;
    bool isBackground() const { return m_background; }

    // Lets a long-running query on this connection stop early (e.g. Cancel in the UI).
    void interrupt() const;

    // Called on the committing thread after each commit on this connection, with the number
    // of frames in the WAL, so that the owner can have it checkpointed elsewhere (no
    // connection checkpoints on its own). An empty function removes it.
    void setWalHook(std::function<void(int frames)> hook) const;

private:
    Database(sqlite3* db, QString path) : m_db(db), m_path(std::move(path)) {}
    // SQLite's busy handler: polls for the lock until the busy timeout, and lets background
    // connections see that a writer waits.
    static int onBusy(void* self, int attempt);
    // No longer counted as a writer waiting (yieldToWriters).
    void stopWaiting() const;
    friend class Transaction;

    sqlite3* m_db = nullptr;
    int m_busyTimeoutMs = 0;
    bool m_background = false;
    std::chrono::steady_clock::time_point m_waitingSince;
    mutable bool m_countedAsWaiting = false;
    QString m_path;
    mutable std::function<void(int)> m_walHook;
    int m_searchShards = 0; // bit i: shard i's file is attached
};

// A scoped write transaction: rolled back unless commit() succeeds.
class Transaction
{
public:
    // Immediate takes the workspace's write lock at once (not that of the search index's
    // files, which their builders hold for up to about 2 s: a connection that writes one of
    // them takes its lock at that write); Deferred takes a file's lock at its first write (a search
    // index builder, which writes only its file).
    enum class Mode
    {
        Immediate,
        Deferred
    };
    explicit Transaction(const Database& db, Mode mode = Mode::Immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // False when BEGIN failed (e.g. the database stayed locked past the busy timeout).
    bool isActive() const { return m_active; }
    const QString& beginError() const { return m_beginError; }
    Status commit();
    void rollback();

private:
    const Database& m_db;
    bool m_active = false;
    QString m_beginError;
};

} // namespace overrule
