#include "export/Exporter.h"

#include "Database.h"
#include "RunStore.h"
#include "Vocabulary.h"
#include "export/CsvCells.h"
#include "import/Mapping.h"

#include <QIODevice>
#include <QLocale>
#include <nlohmann/json.hpp>

namespace overrule {
namespace {

using ordered_json = nlohmann::ordered_json;

enum Column
{
    ExternalId,
    Prompt,
    Response,
    Messages,
    Verdict,
    VerdictRaw,
    VerdictSourceColumn,
    CategoryName,
    Score,
    ItemIntent,
    Model,
    Metadata,
    LabelId,
    LabelBehaviour,
    LabelIntent,
    LabelCategory,
    LabelCulprit,
    LabelNote,
    LabelReviewer,
    LabelTime,
};

constexpr std::string_view kColumns =
    "i.external_id, t.prompt, t.response, t.messages, i.verdict, t.verdict_raw, "
    "i.verdict_source, c.name, i.score, i.intent, t.model, t.metadata, l.id, l.behaviour, "
    "l.intent, lc.name, lk.name, l.note, r.name, l.created_at";

// One query for the whole run, in file order. The current label is the item's newest, or the
// named reviewer's newest; a withdrawn decision (behaviour unknown) reads as no label.
std::string exportQuery(std::string_view columns, const ExportOptions& options)
{
    std::string sql = "SELECT ";
    sql += columns;
    sql += " FROM items i JOIN item_texts t ON t.item_id = i.id "
           "LEFT JOIN categories c ON c.id = i.category_id LEFT JOIN labels l ON l.id = ";
    sql += options.reviewer.isEmpty() ? "i.label_id"
                                      : "(SELECT max(x.id) FROM labels x WHERE x.item_id = i.id "
                                        "AND x.reviewer_id = ?2)";
    sql += " AND l.behaviour <> 0 "
           "LEFT JOIN categories lc ON lc.id = l.category_id "
           "LEFT JOIN categories lk ON lk.id = l.culprit_category_id "
           "LEFT JOIN reviewers r ON r.id = l.reviewer_id WHERE i.run_id = ?1";
    if (options.reviewedOnly)
        sql += " AND l.id IS NOT NULL";
    sql += " ORDER BY i.seq";
    return sql;
}

// Checks the run and reviewer, then prepares and binds the export query.
Result<Statement> prepareExport(const Database& db, std::int64_t runId,
                                const ExportOptions& options, std::string_view columns)
{
    auto run = RunStore(db).find(runId);
    if (!run)
        return run.error();
    if (!run->has_value())
        return makeError(QStringLiteral("no run with id %1").arg(runId), QStringLiteral("export"));
    std::optional<std::int64_t> reviewerId;
    if (!options.reviewer.isEmpty()) {
        Statement find = db.prepare("SELECT id FROM reviewers WHERE name = ?");
        find.bind(1, options.reviewer.trimmed());
        if (!find.step())
            return makeError(find.hasError()
                                 ? find.error()
                                 : QStringLiteral("no reviewer named \"%1\"").arg(options.reviewer),
                             QStringLiteral("export"));
        reviewerId = find.int64(0);
    }
    Statement st = db.prepare(exportQuery(columns, options));
    if (!st.isValid())
        return makeError(st.prepareError(), QStringLiteral("export"));
    st.bind(1, runId);
    if (reviewerId)
        st.bind(2, *reviewerId);
    return st;
}

std::string str(const Statement& st, int column)
{
    return std::string(st.utf8(column));
}

ordered_json textOrNull(const Statement& st, int column)
{
    return st.isNull(column) ? ordered_json(nullptr) : ordered_json(str(st, column));
}

// A JSON column as stored; text that is somehow not JSON is kept as a string, not lost.
ordered_json storedJson(const Statement& st, int column)
{
    const std::string_view text = st.utf8(column);
    ordered_json value = ordered_json::parse(text, nullptr, false);
    return value.is_discarded() ? ordered_json(std::string(text)) : value;
}

Outcome labelOutcome(const Statement& st)
{
    const auto behaviour = static_cast<Behaviour>(st.integer(LabelBehaviour));
    auto intent = static_cast<Intent>(st.integer(LabelIntent));
    // As in the metrics: the run's intent stands where the reviewer set none.
    if (intent == Intent::Unknown)
        intent = static_cast<Intent>(st.integer(ItemIntent));
    return outcomeOf(behaviour, intent);
}

std::string jsonlRecord(const Statement& st)
{
    ordered_json record = ordered_json::object();
    record["id"] = str(st, ExternalId);
    record["prompt"] = str(st, Prompt);
    record["response"] = str(st, Response);
    if (!st.isNull(Messages))
        record["messages"] = storedJson(st, Messages);
    record["verdict"] = toString(static_cast<Behaviour>(st.integer(Verdict))).toStdString();
    record["verdict_raw"] = str(st, VerdictRaw);
    record["verdict_source"] =
        toString(static_cast<VerdictSource>(st.integer(VerdictSourceColumn))).toStdString();
    record["category"] = textOrNull(st, CategoryName);
    record["score"] = st.isNull(Score) ? ordered_json(nullptr) : ordered_json(st.real(Score));
    record["intent"] = toString(static_cast<Intent>(st.integer(ItemIntent))).toStdString();
    record["model"] = str(st, Model);
    record["metadata"] = storedJson(st, Metadata);
    if (st.isNull(LabelId)) {
        record["label"] = nullptr;
    } else {
        record["label"] = {
            {"behaviour",
             toString(static_cast<Behaviour>(st.integer(LabelBehaviour))).toStdString()},
            {"intent", toString(static_cast<Intent>(st.integer(LabelIntent))).toStdString()},
            {"outcome", toString(labelOutcome(st)).toStdString()},
            {"category", textOrNull(st, LabelCategory)},
            {"culprit", textOrNull(st, LabelCulprit)},
            {"note", str(st, LabelNote)},
            {"reviewer", str(st, LabelReviewer)},
            {"time", str(st, LabelTime)},
        };
    }
    return record.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

// The native keys (as the importer reads them back), then the current label flattened.
const QStringList& csvHeader()
{
    static const QStringList header = [] {
        QStringList columns = Mapping::fieldKeys();
        columns.removeAll(QStringLiteral("label"));
        for (const char* part :
             {"behaviour", "intent", "outcome", "category", "culprit", "note", "reviewer", "time"})
            columns << QStringLiteral("label_") + QLatin1String(part);
        return columns;
    }();
    return header;
}

QByteArray csvRow(const Statement& st)
{
    QStringList cells;
    cells << st.text(ExternalId) << st.text(Prompt) << st.text(Response) << st.text(Messages)
          << toString(static_cast<Behaviour>(st.integer(Verdict))) << st.text(VerdictRaw)
          << toString(static_cast<VerdictSource>(st.integer(VerdictSourceColumn)))
          << st.text(CategoryName);
    const QString score =
        st.isNull(Score) ? QString()
                         : QString::number(st.real(Score), 'g', QLocale::FloatingPointShortest);
    cells << score << toString(static_cast<Intent>(st.integer(ItemIntent))) << st.text(Model)
          << st.text(Metadata);
    if (st.isNull(LabelId)) {
        for (int i = 0; i < 8; ++i)
            cells << QString();
    } else {
        cells << toString(static_cast<Behaviour>(st.integer(LabelBehaviour)))
              << toString(static_cast<Intent>(st.integer(LabelIntent)))
              << toString(labelOutcome(st)) << st.text(LabelCategory) << st.text(LabelCulprit)
              << st.text(LabelNote) << st.text(LabelReviewer) << st.text(LabelTime);
    }
    QByteArray row;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            row += ',';
        // The score is written by Overrule as a plain number; a negative one is no formula.
        row += csvCell(i == Score ? cells[i] : neutraliseFormula(cells[i]));
    }
    row += "\r\n";
    return row;
}

Status writeAll(QIODevice& out, const QByteArray& bytes)
{
    if (out.write(bytes) != bytes.size())
        return makeError(QStringLiteral("cannot write the export: ") + out.errorString());
    return {};
}

} // namespace

std::optional<ExportFormat> parseExportFormat(const QString& text)
{
    const QString key = text.trimmed().toLower();
    if (key == QLatin1String("jsonl") || key == QLatin1String("json") ||
        key == QLatin1String("ndjson"))
        return ExportFormat::Jsonl;
    if (key == QLatin1String("csv"))
        return ExportFormat::Csv;
    return std::nullopt;
}

Status Exporter::write(const Database& db, std::int64_t runId, const ExportOptions& options,
                       QIODevice& out)
{
    auto prepared = prepareExport(db, runId, options, kColumns);
    if (!prepared)
        return prepared.error();
    Statement& st = *prepared;
    if (options.format == ExportFormat::Csv) {
        // The BOM tells spreadsheet programs that the file is UTF-8.
        QByteArray header = "\xEF\xBB\xBF";
        for (qsizetype i = 0; i < csvHeader().size(); ++i)
            header += (i > 0 ? "," : "") + csvHeader()[i].toUtf8();
        header += "\r\n";
        if (auto done = writeAll(out, header); !done)
            return done;
    }
    while (st.step()) {
        QByteArray bytes;
        if (options.format == ExportFormat::Csv) {
            bytes = csvRow(st);
        } else {
            const std::string line = jsonlRecord(st);
            bytes = QByteArray(line.data(), static_cast<qsizetype>(line.size())) + '\n';
        }
        if (auto done = writeAll(out, bytes); !done)
            return done;
    }
    if (st.hasError())
        return makeError(st.error(), QStringLiteral("export"));
    return {};
}

Result<std::int64_t> Exporter::count(const Database& db, std::int64_t runId,
                                     const ExportOptions& options)
{
    auto prepared = prepareExport(db, runId, options, "count(*)");
    if (!prepared)
        return prepared.error();
    Statement& st = *prepared;
    if (!st.step())
        return makeError(st.error(), QStringLiteral("export"));
    return st.int64(0);
}

} // namespace overrule
