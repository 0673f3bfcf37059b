#pragma once

#include "BenchSupport.h"
#include "Database.h"
#include "Result.h"

#include <QJsonObject>
#include <QString>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace overrule {

class ItemTableModel;
} // namespace overrule

namespace overrule::bench {

// What a table view on a laptop screen shows at once.
constexpr int kVisibleRows = 40;

struct Options
{
    qint64 items = 0;
    QString input;     // the JSONL run
    QString csvInput;  // the same run as CSV; empty = skip the CSV import
    QString workspace; // replaced unless reuse
    QString exportPath;
    QString search;
    QString jsonPath;
    int repeat = 21;
    int heavyRepeat = 5;
    bool reuse = false;      // measure an existing workspace (skips import and indexing)
    bool importOnly = false; // stop after the import (for profiling it)
    bool reindex = false;    // with reuse: empty the search index first, to time its build
};

// Prints "overrule_bench: what: error" and exits with 1: a benchmark that cannot do a step has
// nothing meaningful left to measure.
[[noreturn]] void die(const QString& what, const Error& error);
double round2(double v);
// Reads what a view paints for one screen of rows: every column's text and colour.
int paint(const ItemTableModel& model, int firstRow);

// Imports a run, then measures what a reviewer does with it; results as JSON and a table.
class Bench
{
public:
    explicit Bench(Options options) : m_options(std::move(options)) {}
    int run();

private:
    std::unique_ptr<Database> open() const;
    void emptySearchIndex() const;
    void importRun();
    void importCsv();
    void indexWhileBrowsing();
    void measureOperations(const Database& db);
    void measureWholeRun(const Database& db);
    void browseEndToEnd(const Database& db);
    void record(const QString& key, const QString& label, const Samples& samples);
    double takePeak();
    void printTable() const;
    void writeResult() const;

    Options m_options;
    // The window's connection, open from before the import until the run is searchable: as in
    // the app, the import's WAL is then copied by the indexer, not by a closing connection.
    std::unique_ptr<Database> m_window;
    std::int64_t m_runId = 0;
    QJsonObject m_result;
    QJsonObject m_ops;
    std::vector<std::pair<QString, Samples>> m_table; // label, samples: in measuring order
    std::vector<double> m_tablePeaks;                 // peak RSS MB, parallel to m_table
    double m_overallPeak = 0;                         // MB, since the run was opened
};

} // namespace overrule::bench
