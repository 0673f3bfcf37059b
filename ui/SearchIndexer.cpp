#include "SearchIndexer.h"

#include "Database.h"
#include "SearchIndex.h"

#include <QThread>
#include <algorithm>

namespace overrule {

SearchIndexer::SearchIndexer(const Database& db, QObject* parent)
    : QObject(parent), m_db(db), m_path(db.path())
{
}

SearchIndexer::~SearchIndexer()
{
    m_cancel = true;
    if (const Database* checkpointing = m_checkpointing.load())
        checkpointing->interrupt(); // closing: the next open or close checkpoints instead
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

void SearchIndexer::startNext()
{
    if (m_queue.empty())
        return;
    const std::int64_t runId = m_queue.front();
    m_queue.pop_front();
    m_running = runId;
    Q_EMIT started(runId);
    const QString path = m_path;
    m_thread = QThread::create([this, path, runId] {
        QString error;
        auto db = Database::open(path);
        if (!db) {
            error = db.error().toString();
        } else if (auto done = indexRun(**db, runId, &m_cancel); !done) {
            error = done.error().toString();
        } else {
            // Searchable now; then copy what the import left in the WAL into the database file
            // (no connection checkpoints on its own), still off the reviewer's thread.
            QMetaObject::invokeMethod(
                this,
                [this, runId] {
                    m_running = 0;
                    Q_EMIT indexed(runId);
                },
                Qt::QueuedConnection);
            m_checkpointing = db->get();
            if (!m_cancel)
                (void)(*db)->checkpoint();
            m_checkpointing = nullptr;
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
