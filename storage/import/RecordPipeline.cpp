#include "import/RecordPipeline.h"

#include "import/ImportSource.h"
#include "import/RecordBuilder.h"
#include "import/RecordReader.h"

namespace overrule {

RecordPipeline::RecordPipeline(RecordReader& reader, const RecordBuilder& builder,
                               const RefusalDetector& detector, std::function<qint64()> position,
                               const std::atomic<bool>* cancel)
    : m_reader(reader), m_builder(builder), m_detector(detector), m_position(std::move(position)),
      m_cancel(cancel)
{
}

RecordPipeline::~RecordPipeline()
{
    stop();
}

void RecordPipeline::start()
{
    m_worker = std::thread([this] { produce(); });
}

void RecordPipeline::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_drained.notify_all();
    if (m_worker.joinable())
        m_worker.join();
}

void RecordPipeline::produce()
{
    SourceRecord source;
    std::vector<BuiltRecord> batch;
    batch.reserve(kBatch);
    std::vector<std::vector<BuiltRecord>> spent;
    const auto publish = [&] {
        std::unique_lock lock(m_mutex);
        m_drained.wait(lock, [&] { return m_stopping || m_batches.size() < kMaxBatches; });
        if (m_stopping)
            return false;
        m_batches.push_back(std::move(batch));
        spent.swap(m_spent);
        lock.unlock();
        m_filled.notify_one();
        spent.clear();
        batch = {};
        batch.reserve(kBatch);
        return true;
    };
    bool open = true;
    while (open && !(m_cancel && m_cancel->load()) && m_reader.next(source)) {
        BuiltRecord& built = batch.emplace_back();
        built.line = source.line;
        built.location = source.location;
        built.raw = source.raw;
        built.valid = m_builder.build(source, built.item, built.problems);
        if (built.valid) {
            built.heuristicVerdict = fillHeuristicVerdict(built.item, m_detector);
            built.encoded = RunWriter::encode(built.item);
        }
        built.position = m_position();
        if (batch.size() == kBatch)
            open = publish();
    }
    if (open && !batch.empty())
        publish();
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
    }
    m_filled.notify_all();
}

BuiltRecord* RecordPipeline::next()
{
    if (m_index == m_current.size()) {
        std::unique_lock lock(m_mutex);
        m_filled.wait(lock, [&] { return m_finished || !m_batches.empty(); });
        if (!m_current.empty()) {
            m_spent.push_back(std::move(m_current));
            m_current.clear();
            m_index = 0;
        }
        if (m_batches.empty()) {
            lock.unlock();
            if (m_worker.joinable())
                m_worker.join();
            return nullptr;
        }
        m_current = std::move(m_batches.front());
        m_batches.pop_front();
        m_index = 0;
        lock.unlock();
        m_drained.notify_one();
    }
    return &m_current[m_index++];
}

} // namespace overrule
