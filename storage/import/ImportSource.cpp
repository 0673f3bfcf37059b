#include "import/ImportSource.h"

#include "archive/GzipDevice.h"
#include "import/CsvReader.h"
#include "import/InspectReader.h"
#include "import/JsonArrayReader.h"
#include "import/JsonlReader.h"
#include "import/LmEvalReader.h"
#include "import/PromptfooReader.h"
#include "import/RefusalDetector.h"
#include "import/Sha256.h"

#include <QFileInfo>
#include <QUrl>

namespace overrule {

ImportSource::ImportSource() = default;
ImportSource::~ImportSource() = default;

Status ImportSource::open(const QString& path, const QString& displayName, ImportFormat requested,
                          int limit)
{
    m_displayName = displayName;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot open the file: ") + m_file.errorString(),
                         displayName);
    m_size = m_file.size();
    m_detection = FormatDetector::detect(path, requested);
    if (!m_detection.notItems.isEmpty())
        return makeError(m_detection.notItems, displayName);
    if (m_detection.zip && m_detection.format != ImportFormat::Inspect)
        return makeError(QStringLiteral("a zip archive can only be an Inspect .eval log"),
                         displayName);
    QIODevice* device = &m_file;
    if (m_detection.gzip) {
        m_gzip = std::make_unique<GzipDevice>(m_file);
        if (!m_gzip->open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("cannot read the gzip stream"), displayName);
        device = m_gzip.get();
    }
    switch (m_detection.format) {
    case ImportFormat::Csv:
        m_reader = std::make_unique<CsvReader>(*device);
        break;
    case ImportFormat::Inspect: {
        if (m_detection.gzip && m_detection.zip)
            return makeError(QStringLiteral("a gzip-compressed .eval cannot be read: gunzip it "
                                            "first"),
                             displayName);
        auto inspect = std::make_unique<InspectReader>(
            *device,
            m_detection.zip ? InspectReader::Container::Eval : InspectReader::Container::Json);
        inspect->setLimit(limit);
        m_reader = std::move(inspect);
        break;
    }
    case ImportFormat::Promptfoo: {
        auto promptfoo = std::make_unique<PromptfooReader>(*device);
        promptfoo->setLimit(limit);
        m_reader = std::move(promptfoo);
        break;
    }
    case ImportFormat::LmEval: {
        const QString model = path == displayName ? LmEvalReader::modelNextTo(path) : QString();
        auto lmEval = std::make_unique<LmEvalReader>(*device, model);
        lmEval->setTask(LmEvalReader::taskFromFileName(
            QFileInfo(QUrl(displayName).isValid() && displayName.contains(QLatin1String("://"))
                          ? QUrl(displayName).path()
                          : displayName)
                .fileName()));
        m_reader = std::move(lmEval);
        break;
    }
    case ImportFormat::Jsonl:
    case ImportFormat::Auto:
        if (m_detection.jsonArray)
            m_reader = std::make_unique<JsonArrayReader>(*device);
        else
            m_reader = std::make_unique<JsonlReader>(*device);
        break;
    }
    return {};
}

QString ImportSource::formatName() const
{
    QString name = m_detection.jsonArray ? QStringLiteral("json") : toString(m_detection.format);
    if (m_detection.gzip)
        name += QStringLiteral("+gzip");
    return name;
}

qint64 ImportSource::position() const
{
    if (m_gzip)
        return m_gzip->compressedBytesRead();
    // Documents and archives are read by position; line readers know the end of their line.
    if (m_detection.format == ImportFormat::Inspect ||
        m_detection.format == ImportFormat::Promptfoo)
        return m_file.pos();
    return m_reader ? m_reader->bytesConsumed() : 0;
}

QString ImportSource::suggestedRunName() const
{
    if (m_reader) {
        const QString suggested = m_reader->suggestedRunName().trimmed();
        if (!suggested.isEmpty())
            return suggested;
    }
    QString name = m_displayName;
    if (name.contains(QLatin1String("://")))
        name = QUrl(name).path();
    name = QFileInfo(name).fileName();
    if (name.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive))
        name.chop(3);
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    if (dot > 0)
        name.truncate(dot);
    return name.isEmpty() ? QStringLiteral("import") : name;
}

bool fillHeuristicVerdict(ItemRecord& item, const RefusalDetector& detector)
{
    if (item.verdictGiven)
        return false;
    item.verdict = detector.classify(QString::fromStdString(item.response));
    item.verdictSource = VerdictSource::Heuristic;
    item.verdictRaw.clear();
    return true;
}

std::optional<QString> ImportSource::sha256WhileRead() const
{
    if (m_gzip || !m_reader || m_reader->bytesConsumed() != m_size)
        return std::nullopt;
    return m_reader->sha256();
}

Result<QString> fileSha256(const QString& path, const std::atomic<bool>* cancel)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot open the file: ") + file.errorString(), path);
    Sha256 hash;
    QByteArray chunk;
    while (!(chunk = file.read(1 << 20)).isEmpty()) {
        if (cancel && cancel->load())
            return makeError(QStringLiteral("import cancelled: nothing was imported"), path);
        hash.addData(chunk);
    }
    if (file.error() != QFileDevice::NoError)
        return makeError(QStringLiteral("read error: ") + file.errorString(), path);
    return hash.hex();
}

} // namespace overrule
