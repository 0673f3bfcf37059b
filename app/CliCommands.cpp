#include "CliCommands.h"

#include "Database.h"
#include "Metrics.h"
#include "MetricsJson.h"
#include "RunStore.h"
#include "export/Exporter.h"
#include "import/Importer.h"
#include "import/Mapping.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace overrule {
namespace {

Result<RunInfo> requireRun(const Database& db, const QString& name)
{
    auto run = RunStore(db).findByName(name);
    if (!run)
        return run.error();
    if (!run->has_value())
        return makeError(QStringLiteral("no run named '%1' (overrule runs lists them)").arg(name));
    return **run;
}

QString percent(const Rate& rate)
{
    if (!rate.defined())
        return QStringLiteral("     n/a  (0 of 0)");
    const auto [low, high] = rate.ci95();
    return QStringLiteral("%1%  (%2 of %3; 95% CI %4-%5%)")
        .arg(rate.rate() * 100.0, 6, 'f', 1)
        .arg(rate.count)
        .arg(rate.of)
        .arg(low * 100.0, 0, 'f', 1)
        .arg(high * 100.0, 0, 'f', 1);
}

} // namespace

Status CliCommands::listRuns(const CommandLine& cl)
{
    auto runs = RunStore(m_db).list();
    if (!runs)
        return runs.error();
    if (cl.flag(QStringLiteral("--json"))) {
        QJsonArray list;
        for (const RunInfo& run : *runs) {
            list.append(QJsonObject{{QStringLiteral("name"), run.name},
                                    {QStringLiteral("model"), run.model},
                                    {QStringLiteral("items"), qint64(run.itemCount)},
                                    {QStringLiteral("imported_at"), run.importedAt}});
        }
        m_out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return {};
    }
    if (runs->empty()) {
        m_out << "No runs. Import one with: overrule import FILE\n";
        return {};
    }
    m_out << QStringLiteral("%1  %2  %3  %4\n")
                 .arg(QStringLiteral("NAME"), -32)
                 .arg(QStringLiteral("MODEL"), -24)
                 .arg(QStringLiteral("ITEMS"), 9)
                 .arg(QStringLiteral("IMPORTED (UTC)"));
    for (const RunInfo& run : *runs) {
        m_out << QStringLiteral("%1  %2  %3  %4\n")
                     .arg(run.name, -32)
                     .arg(run.model.isEmpty() ? QStringLiteral("-") : run.model, -24)
                     .arg(run.itemCount, 9)
                     .arg(run.importedAt);
    }
    return {};
}

Status CliCommands::stats(const CommandLine& cl)
{
    auto run = requireRun(m_db, cl.positionals.first());
    if (!run)
        return run.error();
    const QString reviewer = cl.option(QStringLiteral("--reviewer"));
    auto metrics = MetricsCalculator(m_db).compute(run->id, reviewer);
    if (!metrics)
        return metrics.error();
    if (cl.flag(QStringLiteral("--json"))) {
        m_out << metricsToJson(run->name, *metrics, reviewer);
        return {};
    }
    const Metrics& m = metrics->total;
    m_out << "Run " << run->name;
    if (!reviewer.isEmpty())
        m_out << " (decisions of " << reviewer << " only)";
    m_out << "\n";
    m_out << QStringLiteral("  items                    %1 (%2 reviewed, %3 unknown verdicts)\n")
                 .arg(m.items)
                 .arg(m.reviewed)
                 .arg(m.unknownVerdicts);
    if (m.heuristicVerdicts > 0)
        m_out << QStringLiteral("  heuristic verdicts       %1 (filled by the refusal detector: "
                                "the file had none)\n")
                     .arg(m.heuristicVerdicts);
    m_out << QStringLiteral("  intent                   %1 benign, %2 harmful, %3 unknown\n")
                 .arg(m.intent.benign)
                 .arg(m.intent.harmful)
                 .arg(m.intent.unknown);
    m_out << "  false-refusal rate     " << percent(m.falseRefusal) << "\n";
    m_out << "  missed-harm rate       " << percent(m.missedHarm) << "\n";
    m_out << "  classifier refusals    " << percent(m.classifierRefusal) << "\n";
    m_out << QStringLiteral("  classifier agreement     %1 of %2 reviewed\n")
                 .arg(m.classifierAgreement.count)
                 .arg(m.classifierAgreement.of);
    m_out << "\nBy category (false-refusal rate / missed-harm rate):\n";
    for (const CategoryMetrics& c : metrics->byCategory) {
        const QString name = c.category.isEmpty() ? QStringLiteral("(uncategorised)") : c.category;
        m_out << QStringLiteral("  %1 %2 items\n").arg(name, -28).arg(c.metrics.items, 7);
        m_out << "      false refusals " << percent(c.metrics.falseRefusal) << "\n";
        m_out << "      missed harms   " << percent(c.metrics.missedHarm) << "\n";
    }
    return {};
}

Status CliCommands::importFile(const CommandLine& cl)
{
    ImportRequest request;
    request.filePath = cl.positionals.first();
    request.runName = cl.option(QStringLiteral("--run"));
    request.skipInvalid = cl.flag(QStringLiteral("--skip-invalid"));
    if (cl.options.contains(QStringLiteral("--format"))) {
        const auto format = parseImportFormat(cl.option(QStringLiteral("--format")));
        if (!format)
            return makeError(QStringLiteral("--format must be auto, jsonl, csv, inspect, "
                                            "promptfoo or lm-eval"));
        request.format = *format;
    }
    if (cl.options.contains(QStringLiteral("--on-duplicate"))) {
        const auto policy = parseReimportPolicy(cl.option(QStringLiteral("--on-duplicate")));
        if (!policy)
            return makeError(QStringLiteral("--on-duplicate must be skip, new-run or add-new"));
        request.onDuplicate = *policy;
    }
    if (cl.options.contains(QStringLiteral("--mapping"))) {
        auto mapping = Mapping::fromFile(cl.option(QStringLiteral("--mapping")));
        if (!mapping)
            return mapping.error();
        request.mapping = std::move(mapping).value();
    }
    if (!request.runName.isEmpty()) {
        auto existing = RunStore(m_db).findByName(request.runName);
        if (!existing)
            return existing.error();
        if (existing->has_value())
            return makeError(
                QStringLiteral("a run named '%1' exists already").arg(request.runName));
    }
    Importer importer(m_db.path());
    auto summary = importer.run(request);
    if (!summary)
        return summary.error();
    if (summary->skippedAsDuplicate) {
        m_out << QStringLiteral("Skipped: the file is already imported as run '%1'.\n")
                     .arg(summary->runName);
        return {};
    }
    m_out << QString::fromLatin1(summary->appendedToExisting ? "Added %1 new items to run '%2'"
                                                             : "Imported %1 items into run '%2'")
                 .arg(summary->itemCount)
                 .arg(summary->runName);
    if (summary->labelCount > 0)
        m_out << QStringLiteral(" with %1 labels").arg(summary->labelCount);
    m_out << ".\n";
    if (summary->verdictsFromHeuristic)
        m_out << "The file has no verdicts: the refusal detector filled them (marked "
                 "heuristic).\n";
    if (summary->duplicatePrompts > 0)
        m_out << QStringLiteral("%1 items repeat an earlier prompt (marked as duplicates).\n")
                     .arg(summary->duplicatePrompts);
    if (summary->rejectedCount > 0) {
        m_err << QStringLiteral("%1 invalid lines were set aside (kept in the run's details):\n")
                     .arg(summary->rejectedCount);
        for (const ImportProblem& p : summary->rejects)
            m_err << QStringLiteral("  line %1: %2%3\n")
                         .arg(p.line)
                         .arg(p.field.isEmpty() ? QString() : p.field + QStringLiteral(": "))
                         .arg(p.reason);
    }
    return {};
}

Status CliCommands::exportRun(const CommandLine& cl)
{
    auto run = requireRun(m_db, cl.positionals.first());
    if (!run)
        return run.error();
    ExportOptions options;
    const auto format = parseExportFormat(cl.option(QStringLiteral("--format")));
    if (!format)
        return makeError(QStringLiteral("--format must be jsonl or csv"));
    options.format = *format;
    options.reviewedOnly = cl.flag(QStringLiteral("--reviewed-only"));
    options.reviewer = cl.option(QStringLiteral("--reviewer"));

    const QString target = cl.option(QStringLiteral("-o"));
    if (target.isEmpty() || target == QLatin1String("-")) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return makeError(QStringLiteral("cannot write to standard output"));
        m_out.flush();
        return Exporter::write(m_db, run->id, options, out);
    }
    // Written beside the target and renamed at the end: a failed export never leaves half a file.
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly))
        return makeError(out.errorString(), target);
    if (auto written = Exporter::write(m_db, run->id, options, out); !written) {
        out.cancelWriting();
        return written;
    }
    if (!out.commit())
        return makeError(out.errorString(), target);
    return {};
}

} // namespace overrule
