#include "import/Importer.h"

#include "Database.h"
#include "RunStore.h"
#include "import/ImportSource.h"
#include "import/RecordBuilder.h"
#include "import/RecordPipeline.h"
#include "import/RefusalDetector.h"
#include "import/RunWriter.h"
#include "net/Downloader.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>
#include <algorithm>
#include <memory>

namespace overrule {
namespace {

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
    if (format == ImportFormat::Inspect)
        return {0, QString(), QStringLiteral("the log holds no samples")};
    if (format == ImportFormat::Promptfoo)
        return {0, QStringLiteral("results.results"),
                QStringLiteral("the export holds no results")};
    return {0, QString(), QStringLiteral("the file has no records (only blank lines)")};
}

} // namespace

ImportFormat Importer::resolveFormat(const QString& filePath, ImportFormat requested)
{
    return FormatDetector::detect(filePath, requested).format;
}

QString Importer::describe(const QString& filePath, const std::vector<ImportProblem>& problems,
                           bool truncated)
{
    QStringList lines;
    for (const ImportProblem& p : problems) {
        QString line = filePath;
        if (!p.location.isEmpty())
            line += QStringLiteral(": ") + p.location;
        else if (p.line > 0)
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

namespace {

constexpr int kImportCacheMb = 32;

QString displayNameOf(const ImportRequest& request)
{
    return request.sourceUrl.isEmpty() ? request.filePath : request.sourceUrl;
}

// The file name a URL ends with, for the temporary copy (its extension helps detection).
QString downloadName(const QString& url)
{
    QString name = QFileInfo(QUrl(url).path()).fileName();
    name.remove(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")));
    return name.isEmpty() || name.startsWith(QLatin1Char('.')) ? QStringLiteral("download") : name;
}

Result<std::optional<RunInfo>> runWithSha(const Database& db, const QString& sha256)
{
    Statement st = db.prepare("SELECT id FROM runs WHERE source_sha256 = ? ORDER BY id LIMIT 1");
    st.bind(1, sha256);
    if (!st.step()) {
        if (st.hasError())
            return makeError(st.error(), QStringLiteral("runs"));
        return std::optional<RunInfo>();
    }
    return RunStore(db).find(st.int64(0));
}

// True when a run may have been imported from a file of this size (runs imported before
// sizes were recorded may have been).
Result<bool> mayHoldSameFile(const Database& db, qint64 size)
{
    Statement st = db.prepare("SELECT 1 FROM runs WHERE source_sha256 <> '' AND "
                              "(source_size IS NULL OR source_size = ?) LIMIT 1");
    st.bind(1, static_cast<std::int64_t>(size));
    const bool found = st.step();
    if (st.hasError())
        return makeError(st.error(), QStringLiteral("runs"));
    return found;
}

} // namespace

Result<std::optional<RunInfo>> Importer::findPreviousImport(const QString& workspacePath,
                                                            const QString& filePath)
{
    auto opened = Database::open(workspacePath);
    if (!opened)
        return opened.error();
    // Only a run from a file of the same size can hold the same bytes: no hashing otherwise.
    auto possible = mayHoldSameFile(**opened, QFileInfo(filePath).size());
    if (!possible)
        return possible.error();
    if (!*possible)
        return std::optional<RunInfo>();
    auto sha = fileSha256(filePath);
    if (!sha)
        return sha.error();
    return runWithSha(**opened, *sha);
}

Result<ImportSummary> Importer::run(const ImportRequest& request, const ImportControl& control)
{
    m_problems.clear();
    m_cancelled = false;
    if (Downloader::isUrl(request.filePath)) {
        // Fetched to a temporary file first: every reader needs a file (an .eval random access).
        QTemporaryDir dir;
        if (!dir.isValid())
            return makeError(QStringLiteral("cannot create a temporary folder for the download"));
        const QString local = dir.filePath(downloadName(request.filePath));
        const Downloader::Progress progress{control.progress, control.cancel};
        if (auto fetched = Downloader().fetch(request.filePath, local, progress); !fetched) {
            m_cancelled = control.cancel && control.cancel->load();
            return fetched.error();
        }
        ImportRequest downloaded = request;
        downloaded.filePath = local;
        downloaded.sourceUrl = request.filePath;
        return run(downloaded, control);
    }

    const QString path = displayNameOf(request);
    const auto fail = [&](std::vector<ImportProblem> problems, bool truncated = false) {
        m_problems = std::move(problems);
        return makeError(describe(path, m_problems, truncated));
    };
    const auto cancelled = [&] { return control.cancel && control.cancel->load(); };
    const auto cancelError = [&] {
        m_cancelled = true;
        return makeError(QStringLiteral("import cancelled: nothing was imported"), path);
    };

    auto opened = Database::open(m_workspacePath);
    if (!opened)
        return opened.error();
    const Database& db = **opened;

    // The re-import policy needs the file's hash before anything is written, but only when an
    // earlier run came from a file of the same size; otherwise the hash is taken as the
    // records are read, which spares a whole pass over the file.
    const qint64 fileSize = QFileInfo(request.filePath).size();
    std::optional<QString> sha;
    const auto hashIfAnEarlierRunMayMatch = [&]() -> Status {
        if (sha || request.onDuplicate == ReimportPolicy::NewRun)
            return {};
        auto possible = mayHoldSameFile(db, fileSize);
        if (!possible)
            return possible.error();
        if (!*possible)
            return {};
        auto hashed = fileSha256(request.filePath, control.cancel);
        if (!hashed)
            return cancelled() ? cancelError() : hashed.error();
        sha = *hashed;
        return {};
    };
    // Outside the transaction, so that a reviewer's decision does not wait for the hashing.
    if (auto hashed = hashIfAnEarlierRunMayMatch(); !hashed)
        return hashed.error();
    // 32 MB of page cache: 64 MB was no faster at 100k items and 256 MB only ~8% faster for
    // 250 MB more memory. A failed tuning only makes the import slower.
    (void)db.tuneForBulkWrite(kImportCacheMb);
    // Every reference the import makes is to a row it made or found itself: checking each
    // item's three foreign keys cost ~10% of the writing thread at 1M items. This connection
    // is the import's own and closes with it.
    (void)db.execute("PRAGMA foreign_keys = OFF;");
    Transaction tx(db);
    if (!tx.isActive())
        return makeError(QStringLiteral("cannot start the import: ") + tx.beginError(),
                         m_workspacePath);

    // The same bytes imported before: the policy decides.
    // Again inside it: another import may have committed a file of this size meanwhile.
    if (auto hashed = hashIfAnEarlierRunMayMatch(); !hashed)
        return hashed.error();
    std::optional<RunInfo> previous;
    if (sha) {
        auto found = runWithSha(db, *sha);
        if (!found)
            return found.error();
        previous = *found;
    }
    if (previous && request.onDuplicate == ReimportPolicy::Refuse)
        return makeError(QStringLiteral("already imported as run '%1' (use --on-duplicate "
                                        "skip|new-run|add-new)")
                             .arg(previous->name),
                         path);
    if (previous && request.onDuplicate == ReimportPolicy::Skip) {
        ImportSummary summary;
        summary.runId = previous->id;
        summary.runName = previous->name;
        summary.format = Importer::resolveFormat(request.filePath, request.format);
        summary.sha256 = *sha;
        summary.skippedAsDuplicate = true;
        return summary;
    }
    const bool append = previous && request.onDuplicate == ReimportPolicy::AddNew;

    ImportSource source;
    if (auto ready = source.open(request.filePath, path, request.format); !ready)
        return ready.error();
    RecordReader& reader = source.reader();
    reader.setCancel(control.cancel);
    const qint64 total = source.size();
    const std::int64_t step = std::max<std::int64_t>(total / 512, 1);
    std::int64_t reported = 0;
    const auto report = [&](qint64 position) {
        if (control.progress && position - reported >= step) {
            reported = position;
            control.progress(position, total);
        }
    };
    // A reader that parses a whole document in start() reports as it reads it.
    reader.setReadProgress([&] { report(source.position()); });
    if (!reader.start()) {
        if (cancelled())
            return cancelError();
        return fail(
            {reader.failure().value_or(ImportProblem{0, {}, QStringLiteral("unreadable")})});
    }

    RunStore runs(db);
    QString name = request.runName.trimmed();
    RunWriter writer(db);
    if (append) {
        name = previous->name;
        if (auto resumed = writer.resume(previous->id); !resumed)
            return resumed.error();
    } else {
        if (!name.isEmpty()) {
            auto existing = runs.findByName(name);
            if (!existing)
                return existing.error();
            if (existing->has_value())
                return makeError(QStringLiteral("a run named \"%1\" already exists; choose "
                                                "another name")
                                     .arg(name));
        } else {
            auto unique = runs.uniqueName(source.suggestedRunName());
            if (!unique)
                return unique.error();
            name = *unique;
        }
        const QString sourcePath = request.sourceUrl.isEmpty()
                                       ? QFileInfo(request.filePath).absoluteFilePath()
                                       : request.sourceUrl;
        if (auto begun = writer.begin({name, sourcePath, source.formatName()}); !begun)
            return begun.error();
    }

    const Mapping* mapping = request.mapping ? &*request.mapping : nullptr;
    const RecordBuilder builder(mapping);
    const RefusalDetector detector = request.detectorPatterns.isEmpty()
                                         ? RefusalDetector()
                                         : RefusalDetector(request.detectorPatterns);
    const QString idField =
        mapping ? mapping->sourceField(QStringLiteral("id")) : QStringLiteral("id");

    std::vector<ImportProblem> problems;
    std::vector<ImportProblem> rejects;
    bool failed = false;
    bool truncated = false;
    bool heuristic = false;
    std::int64_t records = 0;
    std::int64_t alreadyThere = 0;

    // Reading and building run on a worker while this thread writes; the pipeline is stopped
    // and joined on every return below.
    RecordPipeline pipeline(
        reader, builder, detector, [&source] { return source.position(); }, control.cancel);
    pipeline.start();
    while (BuiltRecord* record = pipeline.next()) {
        if (cancelled())
            return cancelError();
        ++records;
        std::vector<ImportProblem>& lineProblems = record->problems;
        const ItemRecord& item = record->item;
        bool valid = record->valid;
        for (ImportProblem& p : lineProblems) {
            if (p.location.isEmpty())
                p.location = record->location;
        }
        if (valid && !failed) {
            auto added = writer.addItem(item, record->encoded);
            if (!added)
                return added.error();
            if (*added) {
                heuristic = record->heuristicVerdict || heuristic;
            } else if (append) {
                ++alreadyThere; // imported before: adding only new items
                continue;
            } else {
                lineProblems.push_back(
                    {record->line, idField,
                     QStringLiteral("the id \"%1\" appears more than once").arg(item.externalId),
                     record->location});
                valid = false;
            }
        }
        if (!valid) {
            if (request.skipInvalid) {
                const ImportProblem& first = lineProblems.front();
                if (auto kept = writer.addReject(record->line, first.field,
                                                 joinedReasons(lineProblems), record->raw);
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
        }
        report(record->position);
    }
    pipeline.stop();
    if (cancelled())
        return cancelError();
    if (auto broken = reader.failure())
        return fail({*broken});
    if (failed) {
        QString message = describe(path, problems, truncated);
        m_problems = std::move(problems);
        return makeError(message + QStringLiteral("\nNothing was imported: fix these lines, or "
                                                  "skip invalid lines (--skip-invalid) to set "
                                                  "them aside."));
    }
    if (writer.itemCount() == 0 && !append) {
        if (writer.rejectedCount() > 0) {
            m_problems = rejects;
            return makeError(QStringLiteral("%1: no valid items: all %2 records were rejected; "
                                            "the first: %3")
                                 .arg(path)
                                 .arg(writer.rejectedCount())
                                 .arg(describe(path, {rejects.front()})));
        }
        return fail({emptyProblem(source.format(), records, total)});
    }
    if (!sha)
        sha = source.sha256WhileRead();
    if (!sha) {
        auto hashed = fileSha256(request.filePath, control.cancel);
        if (!hashed)
            return cancelled() ? cancelError() : hashed.error();
        sha = *hashed;
    }
    if (auto done = writer.finish(*sha, fileSize); !done)
        return done.error();
    if (auto committed = tx.commit(); !committed)
        return makeError(QStringLiteral("cannot save the import: ") + committed.error().message,
                         m_workspacePath);
    // The run is committed and readable from the WAL. Copying it into the database file (a
    // checkpoint) is left to the search indexer that runs next in the background (indexRun),
    // so the run can be browsed without waiting for it.
    if (control.progress)
        control.progress(total, total);

    m_problems = rejects;
    ImportSummary summary;
    summary.runId = writer.runId();
    summary.runName = name;
    summary.format = source.format();
    summary.itemCount = writer.itemCount();
    summary.rejectedCount = writer.rejectedCount();
    summary.labelCount = writer.labelCount();
    summary.sha256 = *sha;
    summary.appendedToExisting = append;
    summary.verdictsFromHeuristic = heuristic;
    summary.duplicatePrompts = writer.duplicateCount();
    summary.rejects = std::move(rejects);
    Q_UNUSED(alreadyThere);
    return summary;
}

} // namespace overrule
