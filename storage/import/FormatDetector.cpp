#include "import/FormatDetector.h"

#include "archive/GzipDevice.h"
#include "import/JsonArrayReader.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>

namespace overrule {
namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QString withoutGz(const QString& fileName)
{
    return fileName.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive) ? fileName.chopped(3)
                                                                        : fileName;
}

} // namespace

QByteArray FormatDetector::head(QIODevice& device, bool gzip, qint64 bytes)
{
    if (!gzip)
        return device.peek(bytes);
    // Inflate the start from a copy so the caller's device is not moved.
    const QByteArray compressed = device.peek(std::min<qint64>(bytes, 256 << 10));
    QByteArray copy = compressed;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    GzipDevice gunzip(buffer);
    if (!gunzip.open(QIODevice::ReadOnly))
        return {};
    QByteArray out;
    while (out.size() < bytes) {
        const QByteArray chunk = gunzip.read(std::min<qint64>(bytes - out.size(), 64 << 10));
        if (chunk.isEmpty())
            break;
        out += chunk;
    }
    return out;
}

FormatDetector::Shape FormatDetector::shapeOf(const QByteArray& head)
{
    Shape shape;
    int depth = 0;
    QByteArray topKey;
    qsizetype i = head.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < head.size() && isSpace(head.at(i)))
        ++i;
    if (i >= head.size() || head.at(i) != '{')
        return shape;
    for (; i < head.size(); ++i) {
        const char c = head.at(i);
        if (c == '"') {
            QByteArray token;
            qsizetype j = i + 1;
            for (; j < head.size() && head.at(j) != '"'; ++j) {
                if (head.at(j) == '\\')
                    ++j;
                else if (token.size() < 64)
                    token += head.at(j);
            }
            i = j;
            qsizetype k = j + 1;
            while (k < head.size() && isSpace(head.at(k)))
                ++k;
            if (k >= head.size() || head.at(k) != ':')
                continue;
            ++k;
            while (k < head.size() && isSpace(head.at(k)))
                ++k;
            if (depth == 1) {
                shape.keys.insert(token);
                topKey = token;
            } else if (depth == 2 && topKey == "results" && token == "results" && k < head.size() &&
                       head.at(k) == '[') {
                shape.resultsList = true;
            }
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                break; // the first value ends here
        }
    }
    return shape;
}

FormatDetector::Detection FormatDetector::detectContent(const QByteArray& head,
                                                        const QString& fileName, bool zip,
                                                        ImportFormat requested)
{
    Detection d;
    d.zip = zip;
    if (zip) {
        d.format = requested == ImportFormat::Auto ? ImportFormat::Inspect : requested;
        return d;
    }
    const Shape shape = shapeOf(head);
    ImportFormat format = requested;
    if (format == ImportFormat::Auto) {
        if (shape.keys.contains("eval") &&
            (shape.keys.contains("samples") || shape.keys.contains("status") ||
             shape.keys.contains("version") || shape.keys.contains("plan")))
            format = ImportFormat::Inspect;
        else if (shape.keys.contains("results") && shape.resultsList)
            format = ImportFormat::Promptfoo;
        else if (shape.keys.contains("doc") &&
                 (shape.keys.contains("arguments") || shape.keys.contains("resps")))
            format = ImportFormat::LmEval;
    }
    if (format == ImportFormat::Auto && shape.keys.contains("results") && !shape.resultsList &&
        (shape.keys.contains("configs") || shape.keys.contains("versions") ||
         shape.keys.contains("n-shot") || shape.keys.contains("group_subtasks") ||
         shape.keys.contains("lm_eval_version") || shape.keys.contains("n-samples"))) {
        d.notItems = QStringLiteral("this is an lm-evaluation-harness results summary (scores "
                                    "per task, no items): import the samples_*.jsonl files that "
                                    "lm_eval writes with --log_samples");
    }
    if (format == ImportFormat::Auto) {
        const QString suffix = QFileInfo(withoutGz(fileName)).suffix().toLower();
        if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("json") ||
            suffix == QLatin1String("ndjson"))
            format = ImportFormat::Jsonl;
        else if (suffix == QLatin1String("csv"))
            format = ImportFormat::Csv;
    }
    if (format == ImportFormat::Auto) {
        // Unknown extension: JSON starts with '{' or '['; anything else is read as CSV.
        format = ImportFormat::Jsonl;
        qsizetype i = head.startsWith("\xEF\xBB\xBF") ? 3 : 0;
        while (i < head.size() && isSpace(head.at(i)))
            ++i;
        if (i < head.size() && head.at(i) != '{' && head.at(i) != '[')
            format = ImportFormat::Csv;
    }
    d.format = format;
    d.jsonArray = format == ImportFormat::Jsonl && JsonArrayReader::looksLikeArray(head);
    return d;
}

FormatDetector::Detection FormatDetector::detect(const QString& path, ImportFormat requested)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return detectContent({}, QFileInfo(path).fileName(), false, requested);
    const bool gzip = GzipDevice::looksCompressed(file);
    const QByteArray raw = file.peek(4);
    const bool zip = !gzip && raw.startsWith("PK\x03\x04");
    Detection d = detectContent(zip ? QByteArray() : head(file, gzip), QFileInfo(path).fileName(),
                                zip, requested);
    d.gzip = gzip;
    return d;
}

} // namespace overrule
