#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>

class QThread;

namespace overrule {

class Database;

// Builds a run's full-text search index on a worker thread (its own connection to the
// workspace), one run at a time, so that a freshly imported run can be browsed at once. Once a
// run is searchable (indexed()), the worker checkpoints the WAL, where an import leaves its run;
// it also checkpoints when the window's own commits have grown the WAL (no connection
// checkpoints on its own, so that a reviewer's commit never waits for one).
class SearchIndexer : public QObject
{
    Q_OBJECT
public:
    SearchIndexer(const Database& db, QObject* parent = nullptr);
    ~SearchIndexer() override;

    // Queues the run unless it is indexed already or queued.
    void ensureIndexed(std::int64_t runId);
    bool isBusyWith(std::int64_t runId) const;

Q_SIGNALS:
    void started(std::int64_t runId);
    void indexed(std::int64_t runId);
    void failed(std::int64_t runId, const QString& message);

private:
    // Checkpoints on the worker thread as soon as it is free (the window's WAL grew).
    void requestCheckpoint();
    void checkpoint(const QString& path);
    void startNext();
    void finish(std::int64_t runId, const QString& error);

    const Database& m_db;
    QString m_path;
    std::deque<std::int64_t> m_queue;
    std::int64_t m_running = 0;
    QThread* m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
    bool m_checkpointWanted = false;
    std::mutex m_checkpointMutex;              // guards m_checkpointing and its interrupt
    const Database* m_checkpointing = nullptr; // the worker's connection, while it checkpoints
};

} // namespace overrule
