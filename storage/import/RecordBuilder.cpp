#include "import/RecordBuilder.h"

#include "import/Mapping.h"
#include "import/RecordFields.h"

#include <QDateTime>
#include <algorithm>
#include <cmath>

namespace overrule {
namespace {

using nlohmann::json;

using namespace record;

// The text of a chat turn's content: a string, or OpenAI-style parts whose text is joined.
std::optional<QString> contentText(const json& content)
{
    if (content.is_string())
        return qs(content.get_ref<const std::string&>());
    if (content.is_null())
        return QString();
    if (!content.is_array())
        return std::nullopt;
    QStringList parts;
    for (const json& part : content) {
        if (part.is_string())
            parts << qs(part.get_ref<const std::string&>());
        else if (part.is_object() && part.contains("text") && part["text"].is_string())
            parts << qs(part["text"].get_ref<const std::string&>());
    }
    return parts.join(QLatin1Char('\n'));
}

QString normalisedTime(const QString& text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid())
        return {};
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC); // a time without a zone is read as UTC
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// Field names of one label's parts: "label.behaviour" for a native label object,
// "label_behaviour" for the flat CSV columns of an export, the source field for a mapping.
struct LabelFields
{
    QString behaviour, intent, category, culprit, note, reviewer, time;
};

class ItemReader
{
public:
    ItemReader(const Mapping* mapping, RecordContext& ctx, ItemRecord& item)
        : m_mapping(mapping), m_ctx(ctx), m_item(item)
    {
    }

    void read(std::int64_t line)
    {
        readTexts();
        const Text id = m_ctx.mapped(m_ctx.sourceOf(QStringLiteral("id")), QStringLiteral("id"));
        m_item.externalId = id.present && !id.value.isEmpty() ? id.value : QString::number(line);
        readVerdict();
        const Text category =
            m_ctx.mapped(m_ctx.sourceOf(QStringLiteral("category")), QStringLiteral("category"));
        m_item.category = category.value.trimmed();
        readScore();
        const QString intentField = m_ctx.sourceOf(QStringLiteral("intent"));
        const Text intent = m_ctx.mapped(intentField, QStringLiteral("intent"));
        m_item.intent = parseIntentOrReport(intentField, intent);
        m_item.model =
            m_ctx.mapped(m_ctx.sourceOf(QStringLiteral("model")), QStringLiteral("model")).value;
        readLabels();
        readMetadata();
    }

private:
    Intent parseIntentOrReport(const QString& field, const Text& intent)
    {
        if (!intent.present)
            return Intent::Unknown;
        if (const auto parsed = parseIntent(intent.value))
            return *parsed;
        m_ctx.problem(field, QStringLiteral("%1 is not benign or harmful (map it under "
                                            "values.intent in a mapping file)")
                                 .arg(quoted(intent.value)));
        return Intent::Unknown;
    }

    void readTexts()
    {
        const QString promptField = m_ctx.sourceOf(QStringLiteral("prompt"));
        const QString responseField = m_ctx.sourceOf(QStringLiteral("response"));
        const QString messagesField = m_ctx.sourceOf(QStringLiteral("messages"));
        Utf8Text prompt = m_ctx.utf8(promptField, m_ctx.take(promptField));
        Utf8Text response = m_ctx.utf8(responseField, m_ctx.take(responseField));

        bool haveTurns = false;
        if (auto messages = m_ctx.structured(messagesField, m_ctx.take(messagesField), false)) {
            haveTurns = true;
            bool responseFromTurns = false;
            std::optional<std::size_t> lastAssistant;
            for (std::size_t i = 0; i < messages->size(); ++i) {
                const json& turn = (*messages)[i];
                const QString at = QStringLiteral("%1[%2]").arg(messagesField).arg(i);
                if (!turn.is_object() || !turn.contains("role") || !turn["role"].is_string()) {
                    m_ctx.problem(at,
                                  QStringLiteral("each turn needs a \"role\" and a \"content\""));
                    return;
                }
                if (turn.contains("content") && !contentText(turn["content"])) {
                    m_ctx.problem(at + QStringLiteral(".content"),
                                  QStringLiteral("expected text or a list of text parts"));
                    return;
                }
                if (turn["role"] == "assistant")
                    lastAssistant = i;
            }
            const auto contentOf = [&](std::size_t i) {
                const json& turn = (*messages)[i];
                return turn.contains("content")
                           ? contentText(turn["content"]).value_or(QString()).toStdString()
                           : std::string();
            };
            if (!response.present && !response.bad && lastAssistant) {
                response = {true, false, contentOf(*lastAssistant)};
                responseFromTurns = true;
            }
            if (!prompt.present && !prompt.bad) {
                const std::size_t end = responseFromTurns ? *lastAssistant : messages->size();
                for (std::size_t i = end; i-- > 0;) {
                    if ((*messages)[i]["role"] == "user") {
                        prompt = {true, false, contentOf(i)};
                        break;
                    }
                }
            }
            m_item.messagesJson = messages->dump();
        }
        if (!prompt.bad && prompt.value.empty())
            m_ctx.problem(promptField,
                          haveTurns ? QStringLiteral("missing: no prompt and no user turn in "
                                                     "messages")
                          : prompt.present ? QStringLiteral("empty")
                                           : QStringLiteral("missing"));
        if (!response.bad && !response.present)
            m_ctx.problem(responseField, haveTurns ? QStringLiteral("missing: no response and no "
                                                                    "assistant turn in messages")
                                                   : QStringLiteral("missing"));
        m_item.prompt = std::move(prompt.value);
        m_item.response = std::move(response.value);
    }

    void readVerdict()
    {
        const QString field = m_ctx.sourceOf(QStringLiteral("verdict"));
        const Text raw = m_ctx.text(field, m_ctx.take(field), true);
        Text verdict = raw;
        m_ctx.applyMap(verdict, QStringLiteral("verdict"));
        // A verdict that means nothing we know is kept as unknown, with its text: never guessed.
        m_item.verdict = verdict.present
                             ? parseBehaviour(verdict.value).value_or(Behaviour::Unknown)
                             : Behaviour::Unknown;
        const QString rawField = m_ctx.sourceOf(QStringLiteral("verdict_raw"));
        const Text written = m_ctx.text(rawField, m_ctx.take(rawField), true);
        m_item.verdictRaw = written.present ? written.value : raw.value;

        const QString sourceField = m_ctx.sourceOf(QStringLiteral("verdict_source"));
        const Text source = m_ctx.mapped(sourceField, QStringLiteral("verdict_source"));
        m_item.verdictGiven = raw.present || written.present || source.present;
        if (!source.present || source.value == QLatin1String("file"))
            m_item.verdictSource = VerdictSource::File;
        else if (source.value == QLatin1String("heuristic"))
            m_item.verdictSource = VerdictSource::Heuristic;
        else
            m_ctx.problem(sourceField,
                          QStringLiteral("%1 is not file or heuristic").arg(quoted(source.value)));
    }

    void readScore()
    {
        const QString field = m_ctx.sourceOf(QStringLiteral("score"));
        const json* value = m_ctx.take(field);
        if (!value || value->is_null())
            return;
        const ValueMap* map = m_ctx.valueMap(QStringLiteral("score"));
        if (value->is_number() && !map) {
            m_item.score = value->get<double>();
            return;
        }
        if (!value->is_string() && !value->is_number()) {
            m_ctx.problem(field, QStringLiteral("expected a number, got %1").arg(typeName(*value)));
            return;
        }
        QString text =
            value->is_string() ? qs(value->get_ref<const std::string&>()) : qs(value->dump());
        if (map) {
            if (auto mapped = map->apply(text))
                text = *mapped;
        }
        text = text.trimmed();
        if (text.isEmpty())
            return;
        bool ok = false;
        const double score = text.toDouble(&ok);
        if (!ok || !std::isfinite(score)) {
            m_ctx.problem(field, QStringLiteral("expected a number, got %1").arg(quoted(text)));
            return;
        }
        m_item.score = score;
    }

    // One label: `get` returns the value of a label part (nullptr when absent).
    template <typename Get>
    void readLabel(const LabelFields& names, const QString& reviewer, Get get)
    {
        ImportedLabel label;
        const Text behaviour = m_ctx.text(names.behaviour, get(names.behaviour), true);
        if (behaviour.bad)
            return;
        if (!behaviour.present) {
            m_ctx.problem(names.behaviour, QStringLiteral("missing: a label needs a behaviour"));
            return;
        }
        Text mapped = behaviour;
        m_ctx.applyMap(mapped, QStringLiteral("verdict"));
        const auto parsed = parseBehaviour(mapped.value);
        if (!parsed) {
            m_ctx.problem(names.behaviour,
                          QStringLiteral("%1 is not a known behaviour (full_refusal, "
                                         "partial_refusal, compliance)")
                              .arg(quoted(behaviour.value)));
            return;
        }
        if (*parsed == Behaviour::Unknown)
            return; // a label that decides nothing
        label.behaviour = *parsed;

        label.reviewer = reviewer;
        if (label.reviewer.isEmpty()) {
            const Text who = m_ctx.text(names.reviewer, get(names.reviewer), false);
            label.reviewer = who.value.trimmed();
            if (!who.bad && label.reviewer.isEmpty()) {
                m_ctx.problem(names.reviewer, QStringLiteral("missing: a label needs a reviewer"));
                return;
            }
        }
        // No intent in the label: the item's intent, so that the label has an outcome.
        label.intent = m_item.intent;
        if (!names.intent.isEmpty()) {
            Text intent = m_ctx.text(names.intent, get(names.intent), true);
            m_ctx.applyMap(intent, QStringLiteral("intent"));
            if (intent.present)
                label.intent = parseIntentOrReport(names.intent, intent);
        }
        label.category = m_ctx.text(names.category, get(names.category), true).value.trimmed();
        label.culprit = m_ctx.text(names.culprit, get(names.culprit), true).value.trimmed();
        label.note = m_ctx.text(names.note, get(names.note), true).value;
        const Text time = m_ctx.text(names.time, get(names.time), false);
        if (time.present && !time.value.isEmpty()) {
            label.createdAt = normalisedTime(time.value);
            if (label.createdAt.isEmpty())
                m_ctx.problem(
                    names.time,
                    QStringLiteral("%1 is not an ISO 8601 date and time").arg(quoted(time.value)));
        }
        m_item.labels.push_back(std::move(label));
    }

    void readLabels()
    {
        const QString field = m_ctx.sourceOf(QStringLiteral("label"));
        json* value = m_ctx.take(field);
        if (value && !value->is_null()) {
            std::optional<json> object = m_ctx.structured(field, value, true);
            if (object) {
                const QString p = field + QLatin1Char('.');
                const LabelFields names{
                    p + QStringLiteral("behaviour"), p + QStringLiteral("intent"),
                    p + QStringLiteral("category"),  p + QStringLiteral("culprit"),
                    p + QStringLiteral("note"),      p + QStringLiteral("reviewer"),
                    p + QStringLiteral("time")};
                static const char* const known[] = {"behaviour", "intent",   "category", "culprit",
                                                    "note",      "reviewer", "time",     "outcome"};
                for (const auto& entry : object->items()) {
                    // Not a structured binding: clang 14 (the fuzz build) cannot capture one.
                    const std::string& key = entry.key();
                    if (std::find_if(std::begin(known), std::end(known),
                                     [&](const char* k) { return key == k; }) == std::end(known))
                        m_ctx.problem(p + qs(key), QStringLiteral("unknown label key"));
                }
                readLabel(names, QString(), [&](const QString& name) -> const json* {
                    const std::string key = name.mid(p.size()).toStdString();
                    const auto it = object->find(key);
                    return it == object->end() ? nullptr : &*it;
                });
            }
        } else if (!value && m_ctx.hasTopLevel("label_behaviour")) {
            // The flat label columns of a CSV export.
            const LabelFields names{
                QStringLiteral("label_behaviour"), QStringLiteral("label_intent"),
                QStringLiteral("label_category"),  QStringLiteral("label_culprit"),
                QStringLiteral("label_note"),      QStringLiteral("label_reviewer"),
                QStringLiteral("label_time")};
            m_ctx.take(QStringLiteral("label_outcome")); // derived, not an input
            const auto get = [&](const QString& name) -> const json* {
                const json* cell = m_ctx.take(name);
                return cell && !(cell->is_string() && cell->get_ref<const std::string&>().empty())
                           ? cell
                           : nullptr;
            };
            if (get(names.behaviour))
                readLabel(names, QString(), get);
            else {
                for (const QString* name : {&names.intent, &names.category, &names.culprit,
                                            &names.note, &names.reviewer, &names.time})
                    m_ctx.take(*name);
            }
        }
        if (!m_mapping)
            return;
        for (const LabelSource& source : m_mapping->labels()) {
            const LabelFields names{source.behaviour, source.intent, source.category,
                                    source.culprit,   source.note,   QString(),
                                    source.time};
            const json* behaviour = m_ctx.take(source.behaviour);
            if (!behaviour || behaviour->is_null() ||
                (behaviour->is_string() && behaviour->get_ref<const std::string&>().empty()))
                continue; // this reviewer did not label this item
            readLabel(names, source.reviewer, [&](const QString& name) -> const json* {
                return name.isEmpty() ? nullptr : m_ctx.take(name);
            });
        }
    }

    void readMetadata()
    {
        const QString field = m_ctx.sourceOf(QStringLiteral("metadata"));
        json metadata = m_ctx.structured(field, m_ctx.take(field), true).value_or(json::object());
        // Every field the record has beyond Overrule's is kept here, so nothing is lost.
        for (auto& [key, value] : m_ctx.leftovers().items()) {
            std::string name = key;
            while (metadata.contains(name))
                name = "_" + name;
            metadata[name] = std::move(value);
        }
        m_item.metadataJson = metadata.dump();
    }

    const Mapping* m_mapping;
    RecordContext& m_ctx;
    ItemRecord& m_item;
};

} // namespace

bool RecordBuilder::build(SourceRecord& source, ItemRecord& item,
                          std::vector<ImportProblem>& problems) const
{
    item = ItemRecord{};
    const std::size_t before = problems.size();
    if (!source.problems.empty()) {
        problems.insert(problems.end(), source.problems.begin(), source.problems.end());
        return false;
    }
    RecordContext ctx(m_mapping, source, problems);
    ItemReader(m_mapping, ctx, item).read(source.line);
    return problems.size() == before;
}

} // namespace overrule
