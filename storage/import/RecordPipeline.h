#pragma once

#include "ItemRecord.h"
#include "import/ImportTypes.h"
#include "import/RunWriter.h"

#include <QByteArray>
#include <QString>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace overrule {

class RecordBuilder;
class RecordReader;
class RefusalDetector;

// One source record read and built into an item, ready to be written.
struct BuiltRecord
{
    std::int64_t line = 0;
    QString location;
    QByteArray raw; // kept for import_rejects
    ItemRecord item;
    EncodedItem encoded; // set when valid
    std::vector<ImportProblem> problems;
    bool valid = false;
    bool heuristicVerdict = false; // the verdict came from the refusal detector
    qint64 position = 0;           // bytes of the file consumed once this record was read
};

// Reads and builds records on a worker thread while the caller writes the previous ones, so
// an import takes max(parse, write) rather than their sum. The queue is bounded (a few
// batches), so memory stays flat whatever the file's size. Internal to overrule_storage.
class RecordPipeline
{
public:
    // All references must outlive the pipeline; `position` is called on the worker thread.
    RecordPipeline(RecordReader& reader, const RecordBuilder& builder,
                   const RefusalDetector& detector, std::function<qint64()> position,
                   const std::atomic<bool>* cancel);
    // Stops the worker and waits for it.
    ~RecordPipeline();
    RecordPipeline(const RecordPipeline&) = delete;
    RecordPipeline& operator=(const RecordPipeline&) = delete;

    void start();
    // The next record in file order, valid until the following call (the caller may change
    // it); null once the reader is exhausted (or failed, or was cancelled), after which the
    // worker has finished and the reader may be inspected.
    BuiltRecord* next();
    // Stops reading early and waits for the worker (the caller stopped consuming).
    void stop();

private:
    void produce();

    static constexpr std::size_t kBatch = 256;
    static constexpr std::size_t kMaxBatches = 4;

    RecordReader& m_reader;
    const RecordBuilder& m_builder;
    const RefusalDetector& m_detector;
    std::function<qint64()> m_position;
    const std::atomic<bool>* m_cancel;

    std::thread m_worker;
    std::mutex m_mutex;
    std::condition_variable m_filled;  // a batch is ready, or the worker finished
    std::condition_variable m_drained; // room for another batch, or stop requested
    std::deque<std::vector<BuiltRecord>> m_batches;
    // Consumed batches go back to the worker to be freed there: memory is then released by
    // the thread that allocated it, without contention on the allocator's arenas.
    std::vector<std::vector<BuiltRecord>> m_spent;
    bool m_finished = false;
    bool m_stopping = false;

    std::vector<BuiltRecord> m_current; // the batch being consumed
    std::size_t m_index = 0;
};

} // namespace overrule
