#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <cstdint>
#include <deque>

class QThread;

namespace overrule {

class Database;

// Builds a run's full-text search index on a worker thread (its own connection to the
// workspace), one run at a time, so that a freshly imported run can be browsed at once. Once a
// run is searchable (indexed()), the worker checkpoints the WAL, where an import leaves its run.
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
    void startNext();
    void finish(std::int64_t runId, const QString& error);

    const Database& m_db;
    QString m_path;
    std::deque<std::int64_t> m_queue;
    std::int64_t m_running = 0;
    QThread* m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
    std::atomic<const Database*> m_checkpointing{nullptr}; // the worker's, while it checkpoints
};

} // namespace overrule
