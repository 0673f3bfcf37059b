#include "Bench.h"

#include "Database.h"
#include "ItemTableModel.h"
#include "Metrics.h"
#include "ReviewSession.h"
#include "SearchIndex.h"
#include "export/Exporter.h"
#include "import/Importer.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>
#include <thread>

namespace overrule::bench {
namespace {

void removeWorkspace(const QString& path)
{
    // The workspace and its search files (SearchShard.h), with their journals.
    for (const char* suffix :
         {"", "-wal", "-shm", "-journal", "-search", "-search-wal", "-search-shm", "-search-even",
          "-search-even-wal", "-search-even-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

double fileMb(const QString& path)
{
    return double(QFileInfo(path).size()) / 1e6;
}

double workspaceMb(const QString& path)
{
    return fileMb(path) + fileMb(path + QStringLiteral("-wal"));
}

} // namespace

void die(const QString& what, const Error& error)
{
    std::fprintf(stderr, "overrule_bench: %s: %s\n", qPrintable(what),
                 qPrintable(error.toString()));
    std::exit(1);
}

// User + system CPU seconds of the process (RUSAGE_SELF) or the calling thread (RUSAGE_THREAD),
// or the system (kernel) part alone.
enum class CpuPart
{
    All,
    System
};
double cpuSeconds(int who, CpuPart part = CpuPart::All)
{
    rusage usage{};
    getrusage(who, &usage);
    const auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
    const double system = seconds(usage.ru_stime);
    return part == CpuPart::System ? system : seconds(usage.ru_utime) + system;
}

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

std::unique_ptr<Database> Bench::open() const
{
    Database::Options options;
    options.attachSearch = true; // as the window's connection
    auto db = Database::open(m_options.workspace, options);
    if (!db)
        die(QStringLiteral("cannot open the workspace"), db.error());
    return std::move(db).value();
}

// --reindex: both halves of the index emptied and their progress reset, as right after an
// import, so that a reused workspace times the index build again.
void Bench::emptySearchIndex() const
{
    auto db = open();
    Transaction tx(*db);
    if (!tx.isActive())
        die(QStringLiteral("--reindex"), makeError(tx.beginError()));
    if (auto emptied =
            db->execute("DELETE FROM search_even.progress;"
                        "INSERT INTO search_even.item_search(item_search) VALUES ('delete-all');"
                        "DELETE FROM search.progress;"
                        "INSERT INTO search.item_search(item_search) VALUES ('delete-all');");
        !emptied)
        die(QStringLiteral("--reindex"), emptied.error());
    if (auto committed = tx.commit(); !committed)
        die(QStringLiteral("--reindex"), committed.error());
    (void)db->checkpoint();
}

// The peak RSS since the last call (MB), folded into the overall peak; then starts afresh.
double Bench::takePeak()
{
    const double peak = memory::peakMb();
    m_overallPeak = std::max(m_overallPeak, peak);
    memory::resetPeak();
    return peak;
}

// Keeps an operation's timings with the peak RSS since the previous record(): the operation
// and its set-up.
void Bench::record(const QString& key, const QString& label, const Samples& samples)
{
    const double peak = takePeak();
    QJsonObject json = samples.toJson();
    json.insert(QStringLiteral("peak_rss_mb"), round2(peak));
    m_ops.insert(key, json);
    m_table.emplace_back(label, samples);
    m_tablePeaks.push_back(peak);
}

void Bench::importRun()
{
    removeWorkspace(m_options.workspace);
    // Creates the workspace and its schema and stays open during the import and the indexing,
    // as the window's connection does (the last connection to close would checkpoint the run
    // at once).
    m_window = open();

    memory::resetPeak();
    Importer importer(m_options.workspace);
    ImportRequest request;
    request.filePath = m_options.input;
    request.runName = QStringLiteral("bench");
    request.format = ImportFormat::Jsonl;
    const double cpuBefore = cpuSeconds(RUSAGE_SELF);
    const double writerBefore = cpuSeconds(RUSAGE_THREAD);
    const double writerSystemBefore = cpuSeconds(RUSAGE_THREAD, CpuPart::System);
    Stopwatch watch;
    auto summary = importer.run(request);
    const double seconds = watch.elapsedMs() / 1000.0;
    const double cpu = cpuSeconds(RUSAGE_SELF) - cpuBefore;
    const double writerCpu = cpuSeconds(RUSAGE_THREAD) - writerBefore;
    const double writerSystem = cpuSeconds(RUSAGE_THREAD, CpuPart::System) - writerSystemBefore;
    if (!summary)
        die(QStringLiteral("import failed"), summary.error());
    m_runId = summary->runId;
    const double mb = fileMb(m_options.input);
    m_result.insert(
        QStringLiteral("import"),
        QJsonObject{{QStringLiteral("items"), qint64(summary->itemCount)},
                    {QStringLiteral("seconds"), round2(seconds)},
                    {QStringLiteral("items_per_s"), std::round(summary->itemCount / seconds)},
                    {QStringLiteral("mb_per_s"), round2(mb / seconds)},
                    {QStringLiteral("file_mb"), round2(mb)},
                    {QStringLiteral("workspace_mb"), round2(workspaceMb(m_options.workspace))},
                    {QStringLiteral("peak_rss_mb"), round2(memory::peakMb())},
                    {QStringLiteral("wal_mb"),
                     round2(QFileInfo(m_options.workspace + QStringLiteral("-wal")).size() / 1e6)},
                    {QStringLiteral("cpu_s"), round2(cpu)},
                    {QStringLiteral("writer_cpu_s"), round2(writerCpu)},
                    {QStringLiteral("writer_system_s"), round2(writerSystem)}});
    std::printf("import: %lld items in %.2f s (%.0f items/s, %.1f MB/s; CPU %.2f s, of which "
                "the writing thread %.2f s, %.2f s of it in the kernel; WAL %.0f MB)\n",
                static_cast<long long>(summary->itemCount), seconds, summary->itemCount / seconds,
                mb / seconds, cpu, writerCpu, writerSystem,
                QFileInfo(m_options.workspace + QStringLiteral("-wal")).size() / 1e6);
    std::fflush(stdout);
    memory::trimHeap();
}

// The same run as CSV into a scratch workspace: the like-for-like comparison with the sqlite3
// shell's .import, which reads the same CSV file.
void Bench::importCsv()
{
    const QString scratch = m_options.workspace + QStringLiteral(".csv-import");
    removeWorkspace(scratch);
    {
        auto db = Database::open(scratch);
        if (!db)
            die(QStringLiteral("cannot create the CSV workspace"), db.error());
    }
    Importer importer(scratch);
    ImportRequest request;
    request.filePath = m_options.csvInput;
    request.runName = QStringLiteral("bench-csv");
    request.format = ImportFormat::Csv;
    Stopwatch watch;
    auto summary = importer.run(request);
    const double seconds = watch.elapsedMs() / 1000.0;
    if (!summary)
        die(QStringLiteral("CSV import failed"), summary.error());
    const double mb = fileMb(m_options.csvInput);
    m_result.insert(
        QStringLiteral("import_csv"),
        QJsonObject{{QStringLiteral("items"), qint64(summary->itemCount)},
                    {QStringLiteral("seconds"), round2(seconds)},
                    {QStringLiteral("items_per_s"), std::round(summary->itemCount / seconds)},
                    {QStringLiteral("mb_per_s"), round2(mb / seconds)},
                    {QStringLiteral("file_mb"), round2(mb)}});
    std::printf("import (CSV): %lld items in %.2f s\n", static_cast<long long>(summary->itemCount),
                seconds);
    std::fflush(stdout);
    removeWorkspace(scratch);
    memory::trimHeap();
}

// Builds the full-text index on a worker thread, as the app does after an import, while the
// main thread keeps opening the run and painting its first page: the run is browsable at once.
void Bench::indexWhileBrowsing()
{
    std::atomic<bool> done = false;
    Status indexed;
    double indexMs = 0;
    double checkpointMs = 0;
    std::thread worker([&] {
        Database::Options background; // as SearchIndexer opens it: gives way to decisions
        background.background = true;
        auto db = Database::open(m_options.workspace, background);
        Stopwatch watch;
        indexed = db ? indexRun(**db, m_runId) : Status(db.error());
        indexMs = watch.elapsedMs();
        // Then what SearchIndexer does once the run is searchable: copy the WAL, where the
        // import left the run, into the database file.
        if (db && indexed) {
            Stopwatch copy;
            (void)(*db)->checkpoint();
            checkpointMs = copy.elapsedMs();
        }
        done = true;
    });
    // The reviewer also decides while the index is built, on the window's connection, which
    // must wait for the builders' blocks but never starve (Database::yieldToWriters).
    std::unique_ptr<Database> reused = m_window ? nullptr : open();
    const Database& window = m_window ? *m_window : *reused;
    ReviewSession session(window, QStringLiteral("bench"));
    Samples duringIndexing;
    Samples decisions;
    for (int i = 0; !done; ++i) {
        Stopwatch watch;
        auto db = open();
        ItemTableModel model(*db);
        model.setRun(m_runId);
        paint(model, 0);
        duringIndexing.add(watch.elapsedMs());
        if (i % 4 == 0) { // about one decision a second, a brisk reviewer's pace
            Stopwatch decide;
            const Status decided =
                session.decideOutcome(model.itemIdAt(i / 4 % 40), Outcome::CorrectRefusal);
            decisions.add(decide.elapsedMs());
            if (!decided)
                die(QStringLiteral("a decision while indexing failed"), decided.error());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    worker.join();
    if (!indexed)
        die(QStringLiteral("search indexing failed"), indexed.error());
    const double importSeconds = m_result.value(QStringLiteral("import"))
                                     .toObject()
                                     .value(QStringLiteral("seconds"))
                                     .toDouble();
    m_result.insert(
        QStringLiteral("search_index"),
        QJsonObject{{QStringLiteral("seconds"), round2(indexMs / 1000.0)},
                    {QStringLiteral("ready_after_s"), round2(importSeconds + indexMs / 1000.0)},
                    {QStringLiteral("checkpoint_after_s"), round2(checkpointMs / 1000.0)},
                    // Once checkpointed the run is in the database file; the WAL keeps its
                    // length on disk until it is next reset, so it is not counted. The search
                    // file's half may still be in its own WAL (the window's connection is open).
                    {QStringLiteral("workspace_mb"),
                     round2(fileMb(m_options.workspace) +
                            fileMb(m_options.workspace + QStringLiteral("-search")) +
                            fileMb(m_options.workspace + QStringLiteral("-search-wal")) +
                            fileMb(m_options.workspace + QStringLiteral("-search-even")) +
                            fileMb(m_options.workspace + QStringLiteral("-search-even-wal")))}});
    record(QStringLiteral("open_first_page_while_indexing"),
           QStringLiteral("open + first page (while indexing)"), duringIndexing);
    record(QStringLiteral("commit_decision_while_indexing"),
           QStringLiteral("commit one decision (while indexing)"), decisions);
    std::printf("search index: %.2f s (then the checkpoint: %.2f s)\n", indexMs / 1000.0,
                checkpointMs / 1000.0);
    std::fflush(stdout);
}

void Bench::measureWholeRun(const Database& db)
{
    MetricsCalculator calculator(db);
    Samples metrics;
    for (int i = 0; i < m_options.heavyRepeat; ++i) {
        Stopwatch watch;
        auto computed = calculator.compute(m_runId);
        metrics.add(watch.elapsedMs());
        if (!computed)
            die(QStringLiteral("metrics failed"), computed.error());
    }
    record(QStringLiteral("compute_metrics"), QStringLiteral("compute run metrics"), metrics);

    QFile out(m_options.exportPath);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        die(QStringLiteral("cannot write the export"),
            makeError(out.errorString(), out.fileName()));
    Stopwatch watch;
    const Status written = Exporter::write(db, m_runId, ExportOptions{}, out);
    out.close();
    const double seconds = watch.elapsedMs() / 1000.0;
    if (!written)
        die(QStringLiteral("export failed"), written.error());
    const double mb = fileMb(m_options.exportPath);
    m_result.insert(QStringLiteral("export_jsonl"),
                    QJsonObject{{QStringLiteral("seconds"), round2(seconds)},
                                {QStringLiteral("mb"), round2(mb)},
                                {QStringLiteral("mb_per_s"), round2(mb / seconds)},
                                {QStringLiteral("peak_rss_mb"), round2(takePeak())}});
    std::printf("export JSONL: %.1f MB in %.2f s\n", mb, seconds);
    QFile::remove(m_options.exportPath);
}

void Bench::printTable() const
{
    std::printf("\n%-38s %10s %10s %6s %12s\n", "operation", "median ms", "p90 ms", "n",
                "peak RSS MB");
    for (size_t i = 0; i < m_table.size(); ++i) {
        const auto& [label, samples] = m_table[i];
        std::printf("%-38s %10.2f %10.2f %6d %12.1f\n", qPrintable(label), samples.median(),
                    samples.percentile(90), samples.count(), m_tablePeaks[i]);
    }
    const QJsonObject mem = m_result.value(QStringLiteral("memory")).toObject();
    std::printf("peak RSS: import %.1f MB, run open + browsed %.1f MB, whole process %.1f MB\n",
                m_result.value(QStringLiteral("import"))
                    .toObject()
                    .value(QStringLiteral("peak_rss_mb"))
                    .toDouble(),
                mem.value(QStringLiteral("browse_peak_rss_mb")).toDouble(),
                mem.value(QStringLiteral("process_peak_rss_mb")).toDouble());
}

int Bench::run()
{
    m_result.insert(QStringLiteral("items_requested"), m_options.items);
    m_result.insert(QStringLiteral("input"), m_options.input);
    if (!m_options.reuse) {
        importRun();
        // Leaves at once: closing the last connection would checkpoint the run, which the
        // app leaves to the background indexer, and a profile of the import should not show it.
        if (m_options.importOnly) {
            if (!m_options.jsonPath.isEmpty())
                writeResult();
            std::fflush(stdout);
            std::_Exit(0);
        }
    } else {
        if (m_options.reindex)
            emptySearchIndex();
        auto db = open();
        Statement newest = db->prepare("SELECT max(id) FROM runs");
        m_runId = newest.step() ? newest.int64(0) : 0;
        if (m_runId == 0)
            die(QStringLiteral("--reuse"), makeError(QStringLiteral("the workspace has no run")));
    }

    // From here on: a reviewer with the run open. The peak covers background indexing,
    // every operation and a scroll through the whole run.
    const bool peakReset = memory::resetPeak();
    m_overallPeak = memory::currentMb();
    // A reused workspace may need its search index (re)built, e.g. after a schema migration.
    // As in the app, indexing starts as soon as the import has committed.
    if (!m_options.reuse || !isIndexed(*open(), m_runId))
        indexWhileBrowsing();
    m_window.reset();
    // The CSV twin afterwards, so that it delays neither; its memory is not the open run's.
    if (!m_options.reuse && !m_options.csvInput.isEmpty()) {
        m_overallPeak = std::max(m_overallPeak, memory::peakMb());
        importCsv();
        memory::resetPeak();
    }
    {
        auto db = open();
        measureOperations(*db);
        measureWholeRun(*db);
        browseEndToEnd(*db);
    }
    m_result.insert(QStringLiteral("ops"), m_ops);
    // clear_refs also lowers what getrusage reports, so the process peak is kept by hand.
    const double importPeak = m_result.value(QStringLiteral("import"))
                                  .toObject()
                                  .value(QStringLiteral("peak_rss_mb"))
                                  .toDouble();
    m_result.insert(QStringLiteral("memory"),
                    QJsonObject{{QStringLiteral("browse_peak_rss_mb"),
                                 round2(std::max(m_overallPeak, memory::peakMb()))},
                                {QStringLiteral("browse_peak_is_phase_only"), peakReset},
                                {QStringLiteral("rss_at_end_mb"), round2(memory::currentMb())},
                                {QStringLiteral("process_peak_rss_mb"),
                                 round2(std::max({m_overallPeak, memory::peakMb(), importPeak,
                                                  memory::maxRssMb()}))}});
    printTable();
    writeResult();
    return 0;
}

void Bench::writeResult() const
{
    const QByteArray json = QJsonDocument(m_result).toJson(QJsonDocument::Indented);
    if (m_options.jsonPath.isEmpty()) {
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        return;
    }
    QFile file(m_options.jsonPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) < 0)
        die(QStringLiteral("cannot write the JSON"),
            makeError(file.errorString(), file.fileName()));
}

} // namespace overrule::bench
