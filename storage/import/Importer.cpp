#include "import/Importer.h"

#include "Database.h"
#include "RunStore.h"
#include "import/CsvReader.h"
#include "import/JsonArrayReader.h"
#include "import/JsonlReader.h"
#include "import/RecordBuilder.h"
#include "import/RunWriter.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <memory>

namespace overrule {
namespace {

QByteArray fileHead(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(4096) : QByteArray();
}

// One reject row per line: the first problem's field, every reason.
QString joinedReasons(const std::vector<ImportProblem>& problems)
{
    QStringList parts;
    for (std::size_t i = 0; i < problems.size(); ++i) {
        const ImportProblem& p = problems[i];
        parts << (i == 0 || p.field.isEmpty() ? p.reason
                                              : p.field + QStringLiteral(": ") + p.reason);
    }
    return parts.join(QStringLiteral("; "));
}

// Why an import with no items failed, as a problem the caller can show.
ImportProblem emptyProblem(ImportFormat format, std::int64_t records, qint64 size)
{
    if (size == 0)
        return {0, QString(), QStringLiteral("the file is empty")};
    if (format == ImportFormat::Csv)
        return {0, QString(), QStringLiteral("the file has no records after the header row")};
    Q_UNUSED(records);
    return {0, QString(), QStringLiteral("the file has no records (only blank lines)")};
}

} // namespace

ImportFormat Importer::resolveFormat(const QString& filePath, ImportFormat requested)
{
    if (requested != ImportFormat::Auto)
        return requested;
    const QString suffix = QFileInfo(filePath).suffix().toLower();
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("json") ||
        suffix == QLatin1String("ndjson"))
        return ImportFormat::Jsonl;
    if (suffix == QLatin1String("csv"))
        return ImportFormat::Csv;
    // Unknown extension: JSON starts with '{' or '['; anything else is read as CSV.
    QByteArray head = fileHead(filePath);
    if (head.startsWith("\xEF\xBB\xBF"))
        head.remove(0, 3);
    for (const char c : std::as_const(head)) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{' || c == '[' ? ImportFormat::Jsonl : ImportFormat::Csv;
    }
    return ImportFormat::Jsonl;
}

QString Importer::describe(const QString& filePath, const std::vector<ImportProblem>& problems,
                           bool truncated)
{
    QStringList lines;
    for (const ImportProblem& p : problems) {
        QString line = filePath;
        if (p.line > 0)
            line += QStringLiteral(":%1").arg(p.line);
        line += QStringLiteral(": ");
        if (!p.field.isEmpty())
            line += p.field + QStringLiteral(": ");
        lines << line + p.reason;
    }
    if (truncated)
        lines << QStringLiteral("... and more (only the first %1 problems are listed)")
                     .arg(kMaxProblems);
    return lines.join(QLatin1Char('\n'));
}

Result<ImportSummary> Importer::run(const ImportRequest& request, const ImportControl& control)
{
    m_problems.clear();
    m_cancelled = false;
    const QString& path = request.filePath;
    const auto fail = [&](std::vector<ImportProblem> problems, bool truncated = false) {
        m_problems = std::move(problems);
        return makeError(describe(path, m_problems, truncated));
    };

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot open the file: ") + file.errorString(), path);
    const qint64 total = file.size();
    const ImportFormat format = resolveFormat(path, request.format);
    // JSON Lines, or one JSON array of objects: both are read by the "jsonl" format.
    const bool jsonArray =
        format == ImportFormat::Jsonl && JsonArrayReader::looksLikeArray(fileHead(path));

    auto opened = Database::open(m_workspacePath);
    if (!opened)
        return opened.error();
    const Database& db = **opened;
    Transaction tx(db);
    if (!tx.isActive())
        return makeError(QStringLiteral("cannot start the import: ") + tx.beginError(),
                         m_workspacePath);

    RunStore runs(db);
    QString name = request.runName.trimmed();
    if (!name.isEmpty()) {
        auto existing = runs.findByName(name);
        if (!existing)
            return existing.error();
        if (existing->has_value())
            return makeError(QStringLiteral("a run named \"%1\" already exists; choose another "
                                            "name")
                                 .arg(name));
    } else {
        auto unique = runs.uniqueName(QFileInfo(path).completeBaseName());
        if (!unique)
            return unique.error();
        name = *unique;
    }

    RunWriter writer(db);
    const QString formatName = jsonArray ? QStringLiteral("json") : toString(format);
    if (auto begun = writer.begin({name, QFileInfo(path).absoluteFilePath(), formatName}); !begun)
        return begun.error();

    std::unique_ptr<RecordReader> reader;
    if (format == ImportFormat::Csv)
        reader = std::make_unique<CsvReader>(file);
    else if (jsonArray)
        reader = std::make_unique<JsonArrayReader>(file);
    else
        reader = std::make_unique<JsonlReader>(file);
    const Mapping* mapping = request.mapping ? &*request.mapping : nullptr;
    const RecordBuilder builder(mapping);
    const QString idField =
        mapping ? mapping->sourceField(QStringLiteral("id")) : QStringLiteral("id");

    SourceRecord record;
    ItemRecord item;
    std::vector<ImportProblem> lineProblems;
    std::vector<ImportProblem> problems;
    std::vector<ImportProblem> rejects;
    bool failed = false;
    bool truncated = false;
    std::int64_t records = 0;
    const std::int64_t step = std::max<std::int64_t>(total / 512, 1);
    std::int64_t reported = 0;
    const auto cancelled = [&] { return control.cancel && control.cancel->load(); };

    while (reader->next(record)) {
        if (cancelled()) {
            m_cancelled = true;
            return makeError(QStringLiteral("import cancelled: nothing was imported"), path);
        }
        ++records;
        lineProblems.clear();
        bool valid = builder.build(record, item, lineProblems);
        if (valid && !failed) {
            auto duplicate = writer.contains(item.externalId);
            if (!duplicate)
                return duplicate.error();
            if (*duplicate) {
                lineProblems.push_back(
                    {record.line, idField,
                     QStringLiteral("the id \"%1\" appears more than once").arg(item.externalId)});
                valid = false;
            }
        }
        if (!valid) {
            if (request.skipInvalid) {
                const ImportProblem& first = lineProblems.front();
                if (auto kept = writer.addReject(record.line, first.field,
                                                 joinedReasons(lineProblems), record.raw);
                    !kept)
                    return kept.error();
                for (const ImportProblem& p : lineProblems) {
                    if (rejects.size() < static_cast<std::size_t>(kMaxProblems))
                        rejects.push_back(p);
                }
            } else {
                // Nothing more is written, but reading on lists the next problems too.
                failed = true;
                for (const ImportProblem& p : lineProblems) {
                    if (problems.size() == static_cast<std::size_t>(kMaxProblems)) {
                        truncated = true;
                        break;
                    }
                    problems.push_back(p);
                }
                if (truncated)
                    break;
            }
        } else if (!failed) {
            if (auto added = writer.addItem(item); !added)
                return added.error();
        }
        const std::int64_t bytes = reader->bytesConsumed();
        if (control.progress && bytes - reported >= step) {
            reported = bytes;
            control.progress(bytes, total);
        }
    }
    if (auto broken = reader->failure())
        return fail({*broken});
    if (failed) {
        QString message = describe(path, problems, truncated);
        m_problems = std::move(problems);
        return makeError(message + QStringLiteral("\nNothing was imported: fix these lines, or "
                                                  "skip invalid lines (--skip-invalid) to set "
                                                  "them aside."));
    }
    if (writer.itemCount() == 0) {
        if (writer.rejectedCount() > 0) {
            m_problems = rejects;
            return makeError(QStringLiteral("%1: no valid items: all %2 records were rejected; "
                                            "the first: %3")
                                 .arg(path)
                                 .arg(writer.rejectedCount())
                                 .arg(describe(path, {rejects.front()})));
        }
        return fail({emptyProblem(format, records, total)});
    }
    if (cancelled()) {
        m_cancelled = true;
        return makeError(QStringLiteral("import cancelled: nothing was imported"), path);
    }
    if (auto done = writer.finish(reader->sha256()); !done)
        return done.error();
    if (auto committed = tx.commit(); !committed)
        return makeError(QStringLiteral("cannot save the import: ") + committed.error().message,
                         m_workspacePath);
    if (control.progress)
        control.progress(total, total);

    m_problems = rejects;
    ImportSummary summary;
    summary.runId = writer.runId();
    summary.runName = name;
    summary.format = format;
    summary.itemCount = writer.itemCount();
    summary.rejectedCount = writer.rejectedCount();
    summary.labelCount = writer.labelCount();
    summary.sha256 = reader->sha256();
    summary.rejects = std::move(rejects);
    return summary;
}

} // namespace overrule
