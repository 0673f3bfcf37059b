#include "SearchIndexer.h"

#include "Database.h"
#include "SearchIndex.h"

#include <QThread>
#include <algorithm>

namespace overrule {
namespace {
// A checkpoint is asked for once the WAL holds this many frames (64 MB with 16 KB pages): what
// SQLite's automatic checkpoint would do, but off the reviewer's thread.
constexpr int kCheckpointFrames = 4096;
} // namespace

SearchIndexer::SearchIndexer(const Database& db, QObject* parent)
    : QObject(parent), m_db(db), m_path(db.path())
{
    if (m_path == QLatin1String(":memory:"))
        return;
    // Called on this (the window's) thread after each of the window's commits.
    m_db.setWalHook([this](int frames) {
        if (frames >= kCheckpointFrames)
            QMetaObject::invokeMethod(this, &SearchIndexer::requestCheckpoint,
                                      Qt::QueuedConnection);
    });
}

SearchIndexer::~SearchIndexer()
{
    m_db.setWalHook({});
    {
        std::lock_guard lock(m_checkpointMutex);
        m_cancel = true;
        if (m_checkpointing)
            m_checkpointing->interrupt(); // closing: the last connection's close copies instead
    }
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void SearchIndexer::ensureIndexed(std::int64_t runId)
{
    if (runId == 0 || m_path == QLatin1String(":memory:") || isBusyWith(runId) ||
        isIndexed(m_db, runId))
        return;
    m_queue.push_back(runId);
    if (!m_thread)
        startNext();
}

bool SearchIndexer::isBusyWith(std::int64_t runId) const
{
    return m_running == runId || std::find(m_queue.begin(), m_queue.end(), runId) != m_queue.end();
}

void SearchIndexer::requestCheckpoint()
{
    m_checkpointWanted = true;
    if (!m_thread)
        startNext();
}

// On the worker thread: copies the WALs of the workspace and of its search files into the
// database files, unless the window is closing.
void SearchIndexer::checkpoint(const QString& path)
{
    Database::Options options;
    options.attachSearch = true;
    options.background = true;
    auto db = Database::open(path, options);
    if (!db)
        return;
    {
        std::lock_guard lock(m_checkpointMutex);
        if (m_cancel)
            return;
        m_checkpointing = db->get();
    }
    (void)(*db)->checkpoint();
    std::lock_guard lock(m_checkpointMutex);
    m_checkpointing = nullptr;
}

void SearchIndexer::startNext()
{
    const QString path = m_path;
    if (m_queue.empty()) {
        if (!m_checkpointWanted)
            return;
        m_checkpointWanted = false;
        m_thread = QThread::create([this, path] {
            checkpoint(path);
            QMetaObject::invokeMethod(
                this, [this] { finish(0, {}); }, Qt::QueuedConnection);
        });
        m_thread->start(QThread::LowPriority);
        return;
    }
    const std::int64_t runId = m_queue.front();
    m_queue.pop_front();
    m_running = runId;
    m_checkpointWanted = false; // the indexing job checkpoints when it is done
    Q_EMIT started(runId);
    m_thread = QThread::create([this, path, runId] {
        QString error;
        Database::Options options;
        options.background = true; // gives way between blocks to a run's deletion
        auto db = Database::open(path, options);
        if (!db) {
            error = db.error().toString();
        } else if (auto done = indexRun(**db, runId, &m_cancel); !done) {
            error = done.error().toString();
        } else {
            // Searchable now; then copy what the import left in the WAL into the database file,
            // still off the reviewer's thread.
            QMetaObject::invokeMethod(
                this,
                [this, runId] {
                    m_running = 0;
                    Q_EMIT indexed(runId);
                },
                Qt::QueuedConnection);
            db->reset(); // done; the checkpoint takes a connection that holds the search files
            checkpoint(path);
        }
        QMetaObject::invokeMethod(
            this, [this, runId, error] { finish(runId, error); }, Qt::QueuedConnection);
    });
    m_thread->start(QThread::LowPriority);
}

void SearchIndexer::finish(std::int64_t runId, const QString& error)
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_running = 0;
    if (!error.isEmpty())
        Q_EMIT failed(runId, error);
    startNext();
}

} // namespace overrule
