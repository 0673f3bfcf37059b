// Importer::preview(): the first items of a file as an import would store them, for the import
// wizard. Nothing is written anywhere.
#include "import/ImportSource.h"
#include "import/Importer.h"
#include "import/InspectReader.h"
#include "import/RecordBuilder.h"
#include "import/RefusalDetector.h"
#include "net/Downloader.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QUrl>

namespace overrule {
namespace {

using nlohmann::json;

constexpr int kMaxFieldDepth = 4;
constexpr qsizetype kMaxFields = 300;

// Every path a mapping may name: objects are followed (a few levels), lists are leaves.
void collectFields(const json& value, const QString& prefix, int depth, QStringList& out)
{
    if (!value.is_object() || depth > kMaxFieldDepth)
        return;
    for (const auto& entry : value.items()) {
        if (out.size() >= kMaxFields)
            return;
        const QString path = prefix + QString::fromStdString(entry.key());
        if (!out.contains(path))
            out << path;
        // A document kept whole (lm-eval's doc) is metadata, not something to map from.
        if (path != QLatin1String("metadata.doc"))
            collectFields(entry.value(), path + QLatin1Char('.'), depth + 1, out);
    }
}

} // namespace

Result<ImportPreview> Importer::preview(const ImportRequest& request, int maxItems)
{
    if (Downloader::isUrl(request.filePath)) {
        QTemporaryDir dir;
        if (!dir.isValid())
            return makeError(QStringLiteral("cannot create a temporary folder for the download"));
        QString name = QFileInfo(QUrl(request.filePath).path()).fileName();
        if (name.isEmpty() || name.startsWith(QLatin1Char('.')) || name.contains(QLatin1Char('/')))
            name = QStringLiteral("download");
        const QString local = dir.filePath(name);
        if (auto fetched = Downloader().fetch(request.filePath, local); !fetched)
            return fetched.error();
        ImportRequest downloaded = request;
        downloaded.filePath = local;
        downloaded.sourceUrl = request.filePath;
        return preview(downloaded, maxItems);
    }
    const QString path = request.sourceUrl.isEmpty() ? request.filePath : request.sourceUrl;
    ImportSource source;
    if (auto ready = source.open(request.filePath, path, request.format, std::max(maxItems, 1));
        !ready)
        return ready.error();
    RecordReader& reader = source.reader();
    if (!reader.start()) {
        const auto problem =
            reader.failure().value_or(ImportProblem{0, {}, QStringLiteral("unreadable")});
        return makeError(describe(path, {problem}));
    }

    ImportPreview preview;
    preview.format = source.format();
    preview.suggestedRunName = source.suggestedRunName();
    if (auto* inspect = dynamic_cast<InspectReader*>(&reader))
        preview.model = inspect->model();

    const Mapping* mapping = request.mapping ? &*request.mapping : nullptr;
    const RecordBuilder builder(mapping);
    const RefusalDetector detector = request.detectorPatterns.isEmpty()
                                         ? RefusalDetector()
                                         : RefusalDetector(request.detectorPatterns);
    SourceRecord record;
    while (static_cast<int>(preview.items.size()) < maxItems && reader.next(record)) {
        collectFields(record.fields, QString(), 0, preview.sourceFields);
        ItemRecord item;
        std::vector<ImportProblem> problems;
        if (builder.build(record, item, problems)) {
            if (fillHeuristicVerdict(item, detector))
                preview.verdictsFromHeuristic = true;
            if (preview.model.isEmpty())
                preview.model = item.model;
            preview.items.push_back(std::move(item));
        }
        for (ImportProblem& p : problems) {
            if (p.location.isEmpty())
                p.location = record.location;
            if (preview.problems.size() < static_cast<std::size_t>(kMaxProblems))
                preview.problems.push_back(std::move(p));
        }
        record = SourceRecord{};
    }
    if (auto broken = reader.failure())
        preview.problems.push_back(*broken);
    return preview;
}

} // namespace overrule
