#pragma once

#include "import/ImportTypes.h"

#include <QByteArray>
#include <QSet>
#include <QString>

class QIODevice;

namespace overrule {

// Decides how a file is read: by content first (zip with an Inspect header, Inspect or promptfoo
// JSON, lm-eval lines; through gzip too), then by extension, then by the first byte.
class FormatDetector
{
public:
    struct Detection
    {
        ImportFormat format = ImportFormat::Jsonl;
        bool gzip = false;      // wrap the file in a GzipDevice
        bool zip = false;       // an .eval archive (read with random access)
        bool jsonArray = false; // "jsonl" that is one JSON array of objects
        // Set when the file is a known kind that holds no items (a summary of scores).
        QString notItems;
    };

    // `requested` other than Auto wins for the format; gzip and zip are still detected.
    static Detection detect(const QString& path, ImportFormat requested = ImportFormat::Auto);
    // The same from the first bytes of the (decompressed) content; `fileName` gives the
    // extension (".gz" stripped).
    static Detection detectContent(const QByteArray& head, const QString& fileName, bool zip,
                                   ImportFormat requested = ImportFormat::Auto);

    // The start of the content, decompressed when gzip (up to `bytes`).
    static QByteArray head(QIODevice& device, bool gzip, qint64 bytes = 1 << 20);

    // Keys of the first JSON value's top-level object found in `head` (which may end anywhere),
    // and whether its "results" holds a "results" list.
    struct Shape
    {
        QSet<QByteArray> keys;
        bool resultsList = false;
    };
    static Shape shapeOf(const QByteArray& head);
};

} // namespace overrule
