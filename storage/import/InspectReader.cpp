#include "import/InspectReader.h"

#include "import/JsonDocument.h"

#include <QBuffer>
#include <algorithm>
#include <tuple>

namespace overrule {
namespace {

using nlohmann::json;

constexpr std::uint64_t kMaxHeaderBytes = std::uint64_t(64) << 20;

// Sort key of a sample: numeric ids first, in numeric order, then other ids as text; then epoch.
struct SampleKey
{
    bool text = false;
    double number = 0;
    QString id;
    std::int64_t epoch = 0;
    bool operator<(const SampleKey& o) const
    {
        return std::tie(text, number, id, epoch) < std::tie(o.text, o.number, o.id, o.epoch);
    }
};

SampleKey keyOf(const QString& id, std::int64_t epoch)
{
    bool numeric = false;
    const double number = id.toDouble(&numeric);
    return {!numeric, numeric ? number : 0, id, epoch};
}

QString idText(const json& id)
{
    if (id.is_string())
        return qsOf(id.get_ref<const std::string&>());
    if (id.is_number_integer() || id.is_number_unsigned())
        return qsOf(id.dump());
    if (id.is_number_float())
        return QString::number(id.get<double>(), 'g', 17);
    return {};
}

std::int64_t epochOf(const json& sample)
{
    const auto it = sample.find("epoch");
    return it != sample.end() && it->is_number_integer() ? it->get<std::int64_t>() : 1;
}

// Inspect moves long texts to sample.attachments and leaves "attachment://<hash>" in their place.
void resolveAttachments(json& value, const json& attachments, int depth = 0)
{
    if (depth > 100 || !attachments.is_object())
        return;
    if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        static const std::string prefix = "attachment://";
        if (text.compare(0, prefix.size(), prefix) == 0) {
            const auto it = attachments.find(text.substr(prefix.size()));
            if (it != attachments.end() && it->is_string())
                value = *it;
        }
    } else if (value.is_structured()) {
        for (json& child : value)
            resolveAttachments(child, attachments, depth + 1);
    }
}

// The text parts of a message content: a string, or a list of parts ({"type": "text", ...}).
std::optional<std::string> contentText(const json& content)
{
    if (content.is_string())
        return content.get<std::string>();
    if (!content.is_array())
        return std::nullopt;
    std::string out;
    bool any = false;
    for (const json& part : content) {
        std::string text;
        if (part.is_string())
            text = part.get<std::string>();
        else if (part.is_object() && part.contains("text") && part["text"].is_string() &&
                 (!part.contains("type") || part["type"] == "text"))
            text = part["text"].get<std::string>();
        else
            continue;
        if (any)
            out += "\n";
        out += text;
        any = true;
    }
    return out;
}

} // namespace

InspectReader::InspectReader(QIODevice& device, Container container)
    : RecordReader(device), m_device(device), m_container(container)
{
}

InspectReader::~InspectReader() = default;

void InspectReader::normaliseSample(json& sample, const QString& model, SourceRecord& out)
{
    out.fields = json::object();
    out.problems.clear();
    out.fromCsv = false;
    if (!sample.is_object()) {
        out.problems.push_back({0, QString(),
                                QStringLiteral("expected a sample object, got %1")
                                    .arg(QString::fromLatin1(sample.type_name())),
                                out.location});
        return;
    }
    json& fields = out.fields;
    const json attachments =
        sample.contains("attachments") ? std::move(sample["attachments"]) : json::object();

    const QString id = idText(sample.value("id", json()));
    const std::int64_t epoch = epochOf(sample);
    if (id.isEmpty()) {
        out.problems.push_back({0, QStringLiteral("id"),
                                QStringLiteral("missing: a sample needs an id"), out.location});
        return;
    }
    fields["id"] = (epoch > 1 ? id + QStringLiteral("_epoch_%1").arg(epoch) : id).toStdString();

    if (auto input = sample.find("input"); input != sample.end()) {
        resolveAttachments(*input, attachments);
        if (input->is_array())
            fields["messages"] = std::move(*input); // the prompt is its last user turn
        else
            fields["prompt"] = std::move(*input); // text; any other type is reported
    }

    if (auto output = sample.find("output"); output != sample.end() && output->is_object()) {
        resolveAttachments(*output, attachments);
        const json* content = nullptr;
        if (auto choices = output->find("choices");
            choices != output->end() && choices->is_array() && !choices->empty()) {
            const json& first = (*choices)[0];
            if (first.is_object() && first.contains("message") && first["message"].is_object() &&
                first["message"].contains("content"))
                content = &first["message"]["content"];
        }
        if (content) {
            if (auto text = contentText(*content))
                fields["response"] = *text;
            else
                out.problems.push_back({0, QStringLiteral("output.choices[0].message.content"),
                                        QStringLiteral("expected text or a list of content parts, "
                                                       "got %1")
                                            .arg(QString::fromLatin1(content->type_name())),
                                        out.location});
        } else if (auto completion = output->find("completion"); completion != output->end()) {
            fields["response"] = std::move(*completion);
        }
    }
    // A sample that failed has no output: its error is the record, with an empty response.
    if (!fields.contains("response") && sample.contains("error") && !sample["error"].is_null())
        fields["response"] = "";

    if (auto scores = sample.find("scores"); scores != sample.end() && scores->is_object()) {
        for (auto& [name, score] : scores->items()) {
            if (!fields.contains("score") && score.is_object() && score.contains("value") &&
                score["value"].is_number())
                fields["score"] = score["value"];
        }
        fields["scores"] = std::move(*scores);
    }
    if (auto metadata = sample.find("metadata"); metadata != sample.end())
        fields["metadata"] = std::move(*metadata);
    if (!model.isEmpty())
        fields["model"] = model.toStdString();
    for (const char* key : {"target", "epoch", "error"}) {
        if (auto it = sample.find(key); it != sample.end() && !it->is_null())
            fields[key] = std::move(*it);
    }
    out.raw = QByteArray::fromStdString(fields.dump());
}

void InspectReader::readHeader(const json& header)
{
    if (!header.is_object())
        return;
    m_status = stringAt(header, "status");
    if (header.contains("eval") && header["eval"].is_object()) {
        m_task = stringAt(header["eval"], "task");
        m_model = stringAt(header["eval"], "model");
    }
}

bool InspectReader::start()
{
    return m_container == Container::Eval ? startEval() : startJson();
}

bool InspectReader::startJson()
{
    JsonDocumentOptions options;
    options.elementArray = {"samples"};
    // Events and the full transcript are the bulk of a log and say nothing Overrule stores.
    options.skip = {
        {"samples", "[]", "events"}, {"samples", "[]", "messages"}, {"samples", "[]", "store"}};
    options.cancel = m_cancel;
    options.advanced = m_advanced;
    options.element = [this](json&& sample) {
        m_samples.push_back(std::move(sample));
        return m_limit <= 0 || m_samples.size() < std::size_t(m_limit);
    };
    JsonDocumentResult parsed = parseJsonDocument(m_device, options);
    if (parsed.problem) {
        m_failure = parsed.problem;
        return false;
    }
    if (!parsed.root.is_object() || !parsed.root.contains("eval")) {
        m_failure = ImportProblem{0, QString(),
                                  QStringLiteral("not an Inspect log: expected a JSON object "
                                                 "with \"eval\" and \"samples\"")};
        return false;
    }
    readHeader(parsed.root);
    std::vector<std::pair<SampleKey, std::size_t>> order;
    for (std::size_t i = 0; i < m_samples.size(); ++i) {
        const json& s = m_samples[i];
        order.push_back({keyOf(s.is_object() ? idText(s.value("id", json())) : QString(),
                               s.is_object() ? epochOf(s) : 0),
                         i});
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<json> sorted;
    sorted.reserve(m_samples.size());
    for (const auto& [key, index] : order)
        sorted.push_back(std::move(m_samples[index]));
    m_samples = std::move(sorted);
    return true;
}

bool InspectReader::startEval()
{
    auto zip = ZipArchive::open(m_device, QStringLiteral("the .eval archive"));
    if (!zip) {
        m_failure = ImportProblem{0, QString(), zip.error().toString()};
        return false;
    }
    m_zip = std::make_unique<ZipArchive>(std::move(zip).value());
    const ZipArchive::Entry* header = m_zip->find(QStringLiteral("header.json"));
    // A log still being written (or cut short) has only its journal's start record.
    if (!header)
        header = m_zip->find(QStringLiteral("_journal/start.json"));
    if (!header) {
        m_failure = ImportProblem{0, QString(),
                                  QStringLiteral("not an Inspect log: the zip has no header.json")};
        return false;
    }
    auto bytes = m_zip->read(*header, kMaxHeaderBytes);
    if (!bytes) {
        m_failure = ImportProblem{0, header->name, bytes.error().toString()};
        return false;
    }
    QBuffer buffer(&*bytes);
    buffer.open(QIODevice::ReadOnly);
    JsonDocumentOptions options;
    options.maxBytes = qint64(kMaxHeaderBytes);
    JsonDocumentResult parsed = parseJsonDocument(buffer, options);
    if (parsed.problem) {
        ImportProblem p = *parsed.problem;
        p.location = QStringLiteral("entry ") + header->name;
        m_failure = p;
        return false;
    }
    readHeader(parsed.root);

    std::vector<std::pair<SampleKey, const ZipArchive::Entry*>> order;
    for (const ZipArchive::Entry& entry : m_zip->entries()) {
        if (!entry.name.startsWith(QLatin1String("samples/")) ||
            !entry.name.endsWith(QLatin1String(".json")))
            continue;
        const QString stem = entry.name.mid(8, entry.name.size() - 8 - 5);
        const qsizetype at = stem.lastIndexOf(QLatin1String("_epoch_"));
        bool ok = false;
        const std::int64_t epoch = at >= 0 ? stem.mid(at + 7).toLongLong(&ok) : 0;
        order.push_back({ok ? keyOf(stem.left(at), epoch) : keyOf(stem, 0), &entry});
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [key, entry] : order)
        m_entries.push_back(entry);
    return true;
}

bool InspectReader::next(SourceRecord& record)
{
    if (m_failure)
        return false;
    record = SourceRecord{};
    if (m_container == Container::Json) {
        if (m_next >= m_samples.size())
            return false;
        json& sample = m_samples[m_next];
        record.line = qint64(m_next) + 1;
        const QString id = sample.is_object() ? idText(sample.value("id", json())) : QString();
        record.location =
            QStringLiteral("sample %1")
                .arg(id.isEmpty() ? QString::number(m_next + 1) : QStringLiteral("id ") + id);
        if (sample.is_object() && epochOf(sample) > 1)
            record.location += QStringLiteral(" (epoch %1)").arg(epochOf(sample));
        normaliseSample(sample, m_model, record);
        sample = json(); // handed out: free it
        ++m_next;
        return true;
    }
    if (m_next >= m_entries.size() || (m_limit > 0 && m_next >= std::size_t(m_limit)))
        return false;
    const ZipArchive::Entry& entry = *m_entries[m_next++];
    record.line = qint64(m_next);
    record.location = QStringLiteral("entry ") + entry.name;
    auto bytes = m_zip->read(entry, kMaxEntryBytes);
    if (!bytes) {
        // An unreadable entry (a method we cannot inflate, a bad CRC) stops the import cleanly.
        m_failure = ImportProblem{0, QString(), bytes.error().toString(), record.location};
        return false;
    }
    QBuffer buffer(&*bytes);
    buffer.open(QIODevice::ReadOnly);
    JsonDocumentOptions options;
    options.maxBytes = qint64(kMaxEntryBytes);
    options.skip = {{"events"}, {"messages"}, {"store"}};
    options.cancel = m_cancel;
    JsonDocumentResult parsed = parseJsonDocument(buffer, options);
    if (parsed.problem) {
        ImportProblem p = *parsed.problem;
        p.location = record.location;
        record.problems.push_back(p);
        record.raw = bytes->left(1 << 20);
        return true;
    }
    normaliseSample(parsed.root, m_model, record);
    return true;
}

} // namespace overrule
