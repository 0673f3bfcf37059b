#pragma once

#include "import/FormatDetector.h"
#include "import/ImportTypes.h"
#include "import/RecordReader.h"

#include <QFile>
#include <memory>

namespace overrule {

class GzipDevice;

// One file opened for import: its format detected, decompressed when gzip, and the reader that
// turns it into source records. Internal to overrule_storage (Importer and its preview).
class ImportSource
{
public:
    ImportSource();
    ~ImportSource();

    // Opens `path`; `displayName` (the URL of a download, else the path) names it in messages
    // and gives the default run name. `limit` > 0 reads only that many records (a preview).
    Status open(const QString& path, const QString& displayName, ImportFormat requested,
                int limit = 0);

    ImportFormat format() const { return m_detection.format; }
    // The format stored with the run: "jsonl", "json" (a JSON array), "csv", "inspect"...,
    // with "+gzip" when compressed.
    QString formatName() const;
    RecordReader& reader() { return *m_reader; }
    qint64 size() const { return m_size; }
    // Bytes of the file consumed so far (compressed bytes for gzip).
    qint64 position() const;
    // The SHA-256 of the file taken while its records were read, when the reader read every
    // byte of it as it is on disk (not gzip, not a zip's entries, not stopped early).
    std::optional<QString> sha256WhileRead() const;
    // The run name the file suggests (Inspect eval.task, promptfoo's description, the lm-eval
    // task), else the file's base name without extensions.
    QString suggestedRunName() const;

private:
    FormatDetector::Detection m_detection;
    QFile m_file;
    std::unique_ptr<GzipDevice> m_gzip;
    std::unique_ptr<RecordReader> m_reader;
    QString m_displayName;
    qint64 m_size = 0;
};

class RefusalDetector;

// Fills the verdict of an item whose file gives none from the refusal detector, marked as
// heuristic. True when it did.
bool fillHeuristicVerdict(ItemRecord& item, const RefusalDetector& detector);

// SHA-256 (hex) of a file's bytes, as stored in runs.source_sha256.
Result<QString> fileSha256(const QString& path, const std::atomic<bool>* cancel = nullptr);

} // namespace overrule
