// overrule_bench: imports a generated run through Overrule's importer and times what a
// reviewer does with it, through the same model classes the main window uses. See
// docs/PERFORMANCE.md for how to run it (bench/run.sh) and what the figures mean.

#include "Bench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace overrule::bench {
namespace {

Options parseOptions(const QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Imports DATA/run-N-s1.jsonl into a fresh workspace and times the review operations."));
    parser.addHelpOption();
    const QCommandLineOption items(QStringLiteral("items"), QStringLiteral("Run size N."),
                                   QStringLiteral("N"));
    const QCommandLineOption data(QStringLiteral("data"),
                                  QStringLiteral("Folder of the generated runs and workspaces."),
                                  QStringLiteral("DIR"), QStringLiteral("."));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Generator seed."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption csv(QStringLiteral("csv"),
                                 QStringLiteral("Also import the CSV twin (run-N-sS.csv)."));
    const QCommandLineOption repeat(QStringLiteral("repeat"),
                                    QStringLiteral("Repetitions per UI operation."),
                                    QStringLiteral("R"), QStringLiteral("21"));
    const QCommandLineOption search(QStringLiteral("search"), QStringLiteral("Search text."),
                                    QStringLiteral("TEXT"), QStringLiteral("password account"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Write the results here (else stdout)."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption reuse(QStringLiteral("reuse"),
                                   QStringLiteral("Measure the existing workspace (no import)."));
    const QCommandLineOption importOnly(QStringLiteral("import-only"),
                                        QStringLiteral("Stop after the import (to profile it)."));
    const QCommandLineOption reindex(
        QStringLiteral("reindex"),
        QStringLiteral("With --reuse: empty the search index first, to time its build."));
    parser.addOptions({items, data, seed, csv, repeat, search, json, reuse, importOnly, reindex});
    parser.process(app);

    Options options;
    options.items = parser.value(items).toLongLong();
    if (options.items <= 0) {
        std::fprintf(stderr, "overrule_bench: --items N is required\n");
        std::exit(2);
    }
    const QDir dir(parser.value(data));
    const QString stem = QStringLiteral("run-%1-s%2").arg(options.items).arg(parser.value(seed));
    options.input = dir.filePath(stem + QStringLiteral(".jsonl"));
    if (parser.isSet(csv))
        options.csvInput = dir.filePath(stem + QStringLiteral(".csv"));
    options.workspace = dir.filePath(QStringLiteral("bench-%1.overrule").arg(options.items));
    options.exportPath = dir.filePath(QStringLiteral("export-%1.jsonl").arg(options.items));
    options.repeat = std::max(1, parser.value(repeat).toInt());
    options.search = parser.value(search);
    options.jsonPath = parser.value(json);
    options.reuse = parser.isSet(reuse);
    options.importOnly = parser.isSet(importOnly);
    options.reindex = parser.isSet(reindex);
    if (options.reindex && !options.reuse) {
        std::fprintf(stderr, "overrule_bench: --reindex goes with --reuse\n");
        std::exit(2);
    }
    if (!options.reuse && !QFileInfo::exists(options.input)) {
        std::fprintf(stderr, "overrule_bench: %s does not exist (bench/generate_run.py makes it)\n",
                     qPrintable(options.input));
        std::exit(2);
    }
    return options;
}

} // namespace
} // namespace overrule::bench

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("overrule_bench"));
    return overrule::bench::Bench(overrule::bench::parseOptions(app)).run();
}
