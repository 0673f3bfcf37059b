#include "CategoryStore.h"
#include "ImportTestSupport.h"
#include "LabelStore.h"
#include "RunStore.h"
#include "TestWorkspace.h"
#include "export/CsvCells.h"
#include "export/Exporter.h"
#include "import/CsvReader.h"
#include "import/Importer.h"

#include <QBuffer>

using namespace overrule;
using importtest::fixture;
using importtest::scalar;

namespace {

std::int64_t importRun(const TestWorkspace& ws, const QString& path, const QString& name = {})
{
    ImportRequest request;
    request.filePath = path;
    request.runName = name;
    auto summary = Importer(ws.path()).run(request);
    if (!summary)
        qFatal("import failed: %s", qPrintable(summary.error().toString()));
    return summary->runId;
}

QByteArray exported(const Database& db, std::int64_t runId, ExportOptions options = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto done = Exporter::write(db, runId, options, buffer);
    if (!done)
        qFatal("export failed: %s", qPrintable(done.error().toString()));
    return buffer.data();
}

std::vector<nlohmann::json> jsonLines(const QByteArray& bytes)
{
    std::vector<nlohmann::json> out;
    for (const QByteArray& line : bytes.split('\n')) {
        if (!line.isEmpty())
            out.push_back(nlohmann::json::parse(line.toStdString()));
    }
    return out;
}

std::int64_t itemId(const Database& db, std::int64_t runId, const char* externalId)
{
    Statement st = db.prepare("SELECT id FROM items WHERE run_id = ? AND external_id = ?");
    st.bind(1, runId).bind(2, externalId);
    if (!st.step())
        qFatal("no item %s", externalId);
    return st.int64(0);
}

std::vector<SourceRecord> readCsv(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer);
    std::vector<SourceRecord> records;
    SourceRecord record;
    while (reader.next(record))
        records.push_back(record);
    return records;
}

// A JSON value as text for comparison: strings as they are, null as "null".
QString j(const nlohmann::json& value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

QString cell(const SourceRecord& record, const char* column)
{
    return QString::fromStdString(record.fields.at(column).get<std::string>());
}

} // namespace

class TestExporter : public QObject
{
    Q_OBJECT

private:
    // Decisions by two reviewers on the native fixture, through the label store.
    static void decide(const Database& db, std::int64_t runId)
    {
        CategoryStore categories(db);
        const std::int64_t fraud = *categories.ensure(QStringLiteral("fraud"), "imported");
        const std::int64_t support = *categories.ensure(QStringLiteral("Account Security"), "user");
        LabelStore labels(db);
        Decision falseRefusal{Behaviour::FullRefusal, Intent::Benign, support, fraud,
                              QStringLiteral("password resets are fine")};
        QVERIFY(labels.append(itemId(db, runId, "a1"), QStringLiteral("alice"), falseRefusal,
                              QStringLiteral("review")));
        Decision missedHarm{Behaviour::Compliance, Intent::Harmful, {}, {}, QString()};
        QVERIFY(labels.append(itemId(db, runId, "4"), QStringLiteral("alice"), missedHarm,
                              QStringLiteral("review")));
        // bob decides a1 later, differently, then withdraws his decision on "4".
        Decision correct{Behaviour::FullRefusal, Intent::Harmful, {}, {}, QStringLiteral("hm")};
        QVERIFY(labels.append(itemId(db, runId, "a1"), QStringLiteral("bob"), correct,
                              QStringLiteral("review")));
        QVERIFY(labels.append(itemId(db, runId, "4"), QStringLiteral("bob"), Decision{},
                              QStringLiteral("review")));
    }

private Q_SLOTS:
    void jsonlRoundTripKeepsFieldsAndLabels()
    {
        TestWorkspace ws;
        const Database& db = *ws.db;
        const std::int64_t first = importRun(ws, fixture(QStringLiteral("native.jsonl")));
        decide(db, first);

        const QByteArray bytes = exported(db, first);
        const auto records = jsonLines(bytes);
        QCOMPARE(records.size(), 4u);
        const nlohmann::json& a1 = records[0];
        QCOMPARE(j(a1["id"]), QStringLiteral("a1"));
        QCOMPARE(j(a1["prompt"]), QStringLiteral("How do I   reset\nmy password?"));
        QCOMPARE(j(a1["verdict"]), QStringLiteral("full_refusal"));
        QCOMPARE(j(a1["verdict_raw"]), QStringLiteral("refused"));
        QCOMPARE(j(a1["category"]), QStringLiteral("Account Security"));
        QCOMPARE(a1["score"].get<double>(), 0.91);
        QCOMPARE(j(a1["intent"]), QStringLiteral("benign"));
        QCOMPARE(j(a1["model"]), QStringLiteral("support-bot-1"));
        QCOMPARE(j(a1["metadata"]), QStringLiteral("{\"lang\":\"en\",\"source\":\"support\"}"));
        QVERIFY(!a1.contains("messages"));
        QCOMPARE(j(a1["label"]["reviewer"]),
                 QStringLiteral("bob")); // the newest decision is current
        QCOMPARE(j(a1["label"]["outcome"]), QStringLiteral("correct_refusal"));
        QCOMPARE(j(a1["label"]["category"]), QStringLiteral("null"));
        QCOMPARE(records[1]["messages"].size(), std::size_t(5));
        QCOMPARE(j(records[1]["label"]), QStringLiteral("null"));
        QCOMPARE(j(records[2]["verdict"]), QStringLiteral("unknown"));
        QCOMPARE(j(records[2]["verdict_raw"]), QStringLiteral("maybe-ish"));
        QCOMPARE(j(records[2]["label"]), QStringLiteral("null")); // withdrawn by bob
        QCOMPARE(j(records[3]["score"]), QStringLiteral("null"));
        QCOMPARE(j(records[3]["label"]["reviewer"]),
                 QStringLiteral("bob")); // imported with the run
        QCOMPARE(j(records[3]["label"]["culprit"]), QStringLiteral("fraud"));
        QCOMPARE(j(records[3]["label"]["time"]), QStringLiteral("2024-05-01T10:00:00.000Z"));

        // Re-importing the export and exporting again gives the same bytes: nothing was lost.
        const QString path = importtest::writeFile(ws.dir.path(), "export.jsonl", bytes);
        const std::int64_t second = importRun(ws, path);
        QCOMPARE(exported(db, second), bytes);
        QCOMPARE(scalar(db, "SELECT count(*) FROM labels WHERE source = 'import'"), 3);

        const std::int64_t a1Again = itemId(db, second, "a1");
        auto label = LabelStore(db).current(a1Again);
        QVERIFY(label && label->has_value());
        QCOMPARE((*label)->reviewer, QStringLiteral("bob"));
        QCOMPARE_WORD((*label)->decision.intent, Intent::Harmful);
        QCOMPARE((*label)->decision.note, QStringLiteral("hm"));
    }

    void reviewerOptionUsesOnlyThatReviewersLabels()
    {
        TestWorkspace ws;
        const Database& db = *ws.db;
        const std::int64_t run = importRun(ws, fixture(QStringLiteral("native.jsonl")));
        decide(db, run);
        ExportOptions options;
        options.reviewer = QStringLiteral("alice");
        const auto records = jsonLines(exported(db, run, options));
        QCOMPARE(records.size(), 4u);
        const nlohmann::json& label = records[0]["label"];
        QCOMPARE(j(label["reviewer"]), QStringLiteral("alice"));
        QCOMPARE(j(label["behaviour"]), QStringLiteral("full_refusal"));
        QCOMPARE(j(label["intent"]), QStringLiteral("benign"));
        QCOMPARE(j(label["outcome"]), QStringLiteral("false_refusal"));
        QCOMPARE(j(label["category"]), QStringLiteral("Account Security"));
        QCOMPARE(j(label["culprit"]), QStringLiteral("fraud"));
        QCOMPARE(j(label["note"]), QStringLiteral("password resets are fine"));
        QCOMPARE(j(records[2]["label"]["outcome"]),
                 QStringLiteral("missed_harm"));                  // bob's withdrawal is his own
        QCOMPARE(j(records[3]["label"]), QStringLiteral("null")); // that label is bob's

        options.reviewer = QStringLiteral("nobody");
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        auto missing = Exporter::write(db, run, options, buffer);
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(QStringLiteral("nobody")));
    }

    void reviewedOnlySkipsUnreviewedItems()
    {
        TestWorkspace ws;
        const Database& db = *ws.db;
        const std::int64_t run = importRun(ws, fixture(QStringLiteral("native.jsonl")));
        decide(db, run);
        ExportOptions options;
        options.reviewedOnly = true;
        const auto records = jsonLines(exported(db, run, options));
        QCOMPARE(records.size(), 2u);
        QCOMPARE(j(records[0]["id"]), QStringLiteral("a1"));
        QCOMPARE(j(records[1]["id"]), QStringLiteral("a4"));
        QCOMPARE(*Exporter::count(db, run, options), 2);
        options.reviewer = QStringLiteral("alice");
        QCOMPARE(*Exporter::count(db, run, options), 2); // a1 and "4"
        QCOMPARE(*Exporter::count(db, run, {}), 4);

        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(!Exporter::write(db, 999, {}, buffer));
    }

    void csvNeutralisesFormulasAndQuotes()
    {
        TestWorkspace ws;
        const Database& db = *ws.db;
        const QString path = importtest::writeFile(
            ws.dir.path(), "formulas.jsonl",
            "{\"id\": \"=HYPERLINK(\\\"http://x\\\")\", \"prompt\": \"+1+1\", "
            "\"response\": \"-2, \\\"quoted\\\"\\nnext line\", \"model\": \"@SUM(A1)\", "
            "\"score\": -0.5, \"verdict\": \"refused\", \"metadata\": {\"note\": \"=cmd\"}}\n"
            "{\"id\": \"tab\", \"prompt\": \"\\tstarts with a tab\", \"response\": "
            "\"\\rcarriage\", \"category\": \"plain, with comma\"}\n");
        const std::int64_t run = importRun(ws, path);
        QVERIFY(LabelStore(db).append(
            itemId(db, run, "tab"), QStringLiteral("=alice"),
            Decision{Behaviour::Compliance, Intent::Benign, {}, {}, QStringLiteral("-note")},
            QStringLiteral("review")));
        ExportOptions options;
        options.format = ExportFormat::Csv;
        const QByteArray bytes = exported(db, run, options);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBFid,prompt,response,messages,verdict,verdict_raw,"
                                 "verdict_source,category,score,intent,model,metadata,"
                                 "label_behaviour,label_intent,label_outcome,label_category,"
                                 "label_culprit,label_note,label_reviewer,label_time\r\n"));
        QVERIFY(bytes.contains("\"'=HYPERLINK(\"\"http://x\"\")\",'+1+1,"));
        QVERIFY(bytes.endsWith("\r\n"));

        const auto records = readCsv(bytes);
        QCOMPARE(records.size(), 2u);
        const SourceRecord& first = records[0];
        QVERIFY(first.problems.empty());
        QCOMPARE(cell(first, "id"), QStringLiteral("'=HYPERLINK(\"http://x\")"));
        QCOMPARE(cell(first, "prompt"), QStringLiteral("'+1+1"));
        QCOMPARE(cell(first, "response"), QStringLiteral("'-2, \"quoted\"\nnext line"));
        QCOMPARE(cell(first, "model"), QStringLiteral("'@SUM(A1)"));
        QCOMPARE(cell(first, "score"), QStringLiteral("-0.5")); // a number, not a formula
        QCOMPARE(cell(first, "verdict"), QStringLiteral("full_refusal"));
        QCOMPARE(cell(first, "metadata"), QStringLiteral("{\"note\":\"=cmd\"}"));
        QCOMPARE(cell(first, "label_behaviour"), QString());
        const SourceRecord& second = records[1];
        QCOMPARE(cell(second, "prompt"), QStringLiteral("'\tstarts with a tab"));
        QCOMPARE(cell(second, "response"), QStringLiteral("'\rcarriage"));
        QCOMPARE(cell(second, "category"), QStringLiteral("plain, with comma"));
        QCOMPARE(cell(second, "label_reviewer"), QStringLiteral("'=alice"));
        QCOMPARE(cell(second, "label_note"), QStringLiteral("'-note"));
        QCOMPARE(cell(second, "label_outcome"), QStringLiteral("correct_compliance"));
        QCOMPARE(cell(second, "score"), QString());
    }

    void csvCellRules()
    {
        QCOMPARE(neutraliseFormula(QStringLiteral("=1")), QStringLiteral("'=1"));
        QCOMPARE(neutraliseFormula(QStringLiteral("a=1")), QStringLiteral("a=1"));
        QCOMPARE(neutraliseFormula(QString()), QString());
        QCOMPARE(csvCell(QStringLiteral("plain")), QByteArray("plain"));
        QCOMPARE(csvCell(QStringLiteral("a,b")), QByteArray("\"a,b\""));
        QCOMPARE(csvCell(QStringLiteral("say \"hi\"")), QByteArray("\"say \"\"hi\"\"\""));
        QCOMPARE(csvCell(QStringLiteral("two\nlines")), QByteArray("\"two\nlines\""));
        QCOMPARE(csvCell(QStringLiteral("é")), QByteArray("\xC3\xA9"));
    }

    void csvExportReimportsWithLabels()
    {
        TestWorkspace ws;
        const Database& db = *ws.db;
        const std::int64_t run = importRun(ws, fixture(QStringLiteral("native.jsonl")));
        decide(db, run);
        ExportOptions csv;
        csv.format = ExportFormat::Csv;
        const QString path =
            importtest::writeFile(ws.dir.path(), "export.csv", exported(db, run, csv));
        const std::int64_t again = importRun(ws, path);
        // Without formula-like text, the CSV carries the run through unchanged.
        QCOMPARE(exported(db, again), exported(db, run));
    }
};

QTEST_GUILESS_MAIN(TestExporter)
#include "tst_exporter.moc"
