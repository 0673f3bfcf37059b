#include "ImportTestSupport.h"
#include "LabelStore.h"
#include "RunStore.h"
#include "TestWorkspace.h"
#include "import/Importer.h"

#include <QCryptographicHash>
#include <QFileInfo>

using namespace overrule;
using importtest::fixture;
using importtest::scalar;
using importtest::text;

namespace {

Result<ImportSummary> importFile(const TestWorkspace& ws, const QString& path,
                                 bool skipInvalid = false, Importer* importer = nullptr)
{
    ImportRequest request;
    request.filePath = path;
    request.skipInvalid = skipInvalid;
    Importer local(ws.path());
    return (importer ? *importer : local).run(request);
}

QString firstLine(const Error& error)
{
    return error.toString().section(QLatin1Char('\n'), 0, 0);
}

} // namespace

class TestImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importsNativeJsonl()
    {
        TestWorkspace ws;
        const QString path = fixture(QStringLiteral("native.jsonl"));
        auto summary = importFile(ws, path);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
        QCOMPARE(summary->itemCount, 4);
        QCOMPARE(summary->rejectedCount, 0);
        QCOMPARE(summary->labelCount, 1);
        QCOMPARE(summary->runName, QStringLiteral("native"));
        QCOMPARE_WORD(summary->format, ImportFormat::Jsonl);

        auto run = RunStore(*ws.db).find(summary->runId);
        QVERIFY(run && run->has_value());
        const RunInfo& info = **run;
        QCOMPARE(info.itemCount, 4);
        QCOMPARE(info.model, QStringLiteral("support-bot-1")); // the most common
        QCOMPARE(info.format, QStringLiteral("jsonl"));
        QCOMPARE(info.sourcePath, QFileInfo(path).absoluteFilePath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(info.sourceSha256,
                 QString::fromLatin1(
                     QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()));
        QVERIFY(!info.importedAt.isEmpty());

        const Database& db = *ws.db;
        // Items keep file order; a missing id becomes the line number.
        Statement items = db.prepare("SELECT seq, external_id, verdict, intent, score, excerpt "
                                     "FROM items ORDER BY seq");
        QStringList ids;
        while (items.step())
            ids << items.text(1);
        QCOMPARE(ids, (QStringList{"a1", "7", "4", "a4"}));
        QCOMPARE(text(db, "SELECT excerpt FROM items WHERE external_id = 'a1'"),
                 QStringLiteral("How do I reset my password?"));
        QCOMPARE(scalar(db, "SELECT verdict FROM items WHERE external_id = 'a1'"),
                 int(Behaviour::FullRefusal));
        QCOMPARE(scalar(db, "SELECT intent FROM items WHERE external_id = 'a1'"),
                 int(Intent::Benign));
        QCOMPARE(text(db, "SELECT verdict_raw FROM item_texts t JOIN items i ON i.id = t.item_id "
                          "WHERE external_id = 'a1'"),
                 QStringLiteral("refused"));

        // Chat messages: the last assistant turn is the response, the user turn before it the
        // prompt; the array is kept. A numeric string is a score.
        QCOMPARE(text(db, "SELECT prompt FROM item_texts t JOIN items i ON i.id = t.item_id "
                          "WHERE external_id = '7'"),
                 QStringLiteral("Where is my parcel?"));
        QCOMPARE(text(db, "SELECT response FROM item_texts t JOIN items i ON i.id = t.item_id "
                          "WHERE external_id = '7'"),
                 QStringLiteral("It ships\ntomorrow."));
        QVERIFY(text(db, "SELECT messages FROM item_texts t JOIN items i ON i.id = t.item_id "
                         "WHERE external_id = '7'")
                    .startsWith(QStringLiteral("[{\"content\":\"Be helpful.\"")));
        QCOMPARE(text(db, "SELECT score FROM items WHERE external_id = '7'"),
                 QStringLiteral("0.25"));
        QCOMPARE(scalar(db, "SELECT intent FROM items WHERE external_id = '7'"),
                 int(Intent::Benign));

        // An unknown verdict is kept as unknown, with its text.
        QCOMPARE(scalar(db, "SELECT verdict FROM items WHERE external_id = '4'"),
                 int(Behaviour::Unknown));
        QCOMPARE(text(db, "SELECT verdict_raw FROM item_texts t JOIN items i ON i.id = t.item_id "
                          "WHERE external_id = '4'"),
                 QStringLiteral("maybe-ish"));

        // Other keys go into the metadata.
        QCOMPARE(text(db, "SELECT metadata FROM item_texts t JOIN items i ON i.id = t.item_id "
                          "WHERE external_id = 'a1'"),
                 QStringLiteral("{\"lang\":\"en\",\"source\":\"support\"}"));
        QCOMPARE(text(db, "SELECT metadata FROM item_texts t JOIN items i ON i.id = t.item_id "
                          "WHERE external_id = 'a4'"),
                 QStringLiteral("{}"));

        // Categories are created once, case-insensitively, as "imported".
        QCOMPARE(scalar(db, "SELECT count(*) FROM categories"), 2);
        QCOMPARE(scalar(db, "SELECT count(*) FROM categories WHERE origin = 'imported'"), 2);
        QCOMPARE(scalar(db, "SELECT count(DISTINCT category_id) FROM items "
                            "WHERE external_id IN ('a1', 'a4')"),
                 1);

        // The imported label is a decision by its reviewer, at its time.
        const std::int64_t a4 = scalar(db, "SELECT id FROM items WHERE external_id = 'a4'");
        auto label = LabelStore(db).current(a4);
        QVERIFY(label && label->has_value());
        const Label& l = **label;
        QCOMPARE(l.reviewer, QStringLiteral("bob"));
        QCOMPARE_WORD(l.decision.behaviour, Behaviour::Compliance);
        QCOMPARE_WORD(l.decision.intent, Intent::Benign);
        QCOMPARE_WORD(l.outcome, Outcome::CorrectCompliance);
        QCOMPARE(l.categoryName, QStringLiteral("Account Security"));
        QCOMPARE(l.culpritName, QStringLiteral("fraud"));
        QCOMPARE(l.decision.note, QStringLiteral("fine"));
        QCOMPARE(l.source, QStringLiteral("import"));
        QCOMPARE(l.createdAt, QStringLiteral("2024-05-01T10:00:00.000Z"));
        QCOMPARE(scalar(db, "SELECT outcome FROM items WHERE external_id = 'a4'"),
                 int(Outcome::CorrectCompliance));
    }

    void malformedJsonStopsTheImportAndLeavesNothing()
    {
        TestWorkspace ws;
        const QString path = fixture(QStringLiteral("malformed.jsonl"));
        Importer importer(ws.path());
        auto result = importFile(ws, path, false, &importer);
        QVERIFY(!result);
        QVERIFY2(firstLine(result.error())
                     .startsWith(path + QStringLiteral(":2: prompt: malformed "
                                                       "JSON")),
                 qPrintable(result.error().toString()));
        QCOMPARE(importer.problems().size(), 1u);
        QCOMPARE(importer.problems()[0].line, 2);
        QCOMPARE(importer.problems()[0].field, QStringLiteral("prompt"));
        QCOMPARE(importtest::importedRows(*ws.db), 0);
    }

    void wrongTypesAreListedWithLineAndField()
    {
        TestWorkspace ws;
        const QString path = fixture(QStringLiteral("wrong_types.jsonl"));
        Importer importer(ws.path());
        auto result = importFile(ws, path, false, &importer);
        QVERIFY(!result);
        const auto& problems = importer.problems();
        QCOMPARE(problems.size(), 3u);
        QCOMPARE(problems[0], (ImportProblem{1, "prompt", "expected text, got a number"}));
        QCOMPARE(problems[1], (ImportProblem{2, "score", "expected a number, got \"high\""}));
        QCOMPARE(problems[2], (ImportProblem{3, "metadata", "expected a JSON object, got a list"}));
        QCOMPARE(firstLine(result.error()), path + ":1: prompt: expected text, got a number");
        QVERIFY(result.error().toString().contains(path + ":2: score:"));
        QCOMPARE(importtest::importedRows(*ws.db), 0);
    }

    void missingPromptIsAProblem()
    {
        TestWorkspace ws;
        Importer importer(ws.path());
        auto result =
            importFile(ws, fixture(QStringLiteral("missing_prompt.jsonl")), false, &importer);
        QVERIFY(!result);
        QCOMPARE(importer.problems().size(), 1u);
        QCOMPARE(importer.problems()[0], (ImportProblem{2, "prompt", "missing"}));
        QCOMPARE(importtest::importedRows(*ws.db), 0);
    }

    void missingResponseIsAProblem()
    {
        TestWorkspace ws;
        const QString path = importtest::writeFile(
            ws.dir.path(), "noresponse.jsonl",
            "{\"prompt\":\"p\"}\n{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n");
        Importer importer(ws.path());
        QVERIFY(!importFile(ws, path, false, &importer));
        QCOMPARE(importer.problems().size(), 2u);
        QCOMPARE(importer.problems()[0], (ImportProblem{1, "response", "missing"}));
        QCOMPARE(importer.problems()[1].field, QStringLiteral("response"));
        QVERIFY(importer.problems()[1].reason.contains("no assistant turn"));
    }

    void invalidUtf8IsRejectedWithLineAndField()
    {
        TestWorkspace ws;
        const QString path = fixture(QStringLiteral("invalid_utf8.jsonl"));
        Importer importer(ws.path());
        auto result = importFile(ws, path, false, &importer);
        QVERIFY(!result);
        QCOMPARE(importer.problems().size(), 1u);
        QCOMPARE(importer.problems()[0].line, 2);
        QCOMPARE(importer.problems()[0].field, QStringLiteral("prompt"));
        QVERIFY(importer.problems()[0].reason.contains(QStringLiteral("UTF-8")));
        QCOMPARE(importtest::importedRows(*ws.db), 0);
    }

    void importsAFiftyMegabyteLine()
    {
        TestWorkspace ws;
        const QByteArray prompt(50 * 1024 * 1024, 'p');
        const QString path =
            importtest::writeFile(ws.dir.path(), "huge.jsonl",
                                  "{\"id\":\"small\",\"prompt\":\"a\",\"response\":\"b\"}\n{\"id\":"
                                  "\"big\",\"prompt\":\"" +
                                      prompt + "\",\"response\":\"ok\",\"verdict\":\"refused\"}\n");
        auto summary = importFile(ws, path);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
        QCOMPARE(summary->itemCount, 2);
        QCOMPARE(scalar(*ws.db, "SELECT length(prompt) FROM item_texts t JOIN items i "
                                "ON i.id = t.item_id WHERE external_id = 'big'"),
                 prompt.size());
        // The excerpt stays short whatever the prompt.
        QVERIFY(scalar(*ws.db, "SELECT length(excerpt) FROM items WHERE external_id = 'big'") <=
                161);
    }

    void emptyFileIsAClearError()
    {
        TestWorkspace ws;
        for (const char* name : {"empty.jsonl", "blank.jsonl"}) {
            Importer importer(ws.path());
            auto result = importFile(ws, fixture(QString::fromLatin1(name)), false, &importer);
            QVERIFY(!result);
            QVERIFY2(result.error().toString().contains(QStringLiteral("empty")) ||
                         result.error().toString().contains(QStringLiteral("no records")),
                     qPrintable(result.error().toString()));
            QCOMPARE(importtest::importedRows(*ws.db), 0);
        }
    }

    void bomAndCrlfAreAccepted()
    {
        TestWorkspace ws;
        auto summary = importFile(ws, fixture(QStringLiteral("bom_crlf.jsonl")));
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
        QCOMPARE(summary->itemCount, 2);
        QCOMPARE(text(*ws.db, "SELECT group_concat(external_id, ',') FROM items"),
                 QStringLiteral("b1,b2"));
        QCOMPARE(text(*ws.db, "SELECT response FROM item_texts WHERE item_id = "
                              "(SELECT id FROM items WHERE external_id = 'b2')"),
                 QStringLiteral("r2"));
    }

    void cancelMidwayLeavesNothing()
    {
        TestWorkspace ws;
        QByteArray bytes;
        for (int i = 0; i < 5000; ++i)
            bytes += QStringLiteral("{\"id\":\"%1\",\"prompt\":\"prompt %1\",\"response\":\"r\","
                                    "\"category\":\"c%2\",\"label\":{\"behaviour\":\"refused\","
                                    "\"reviewer\":\"r%2\"}}\n")
                         .arg(i)
                         .arg(i % 7)
                         .toUtf8();
        const QString path = importtest::writeFile(ws.dir.path(), "long.jsonl", bytes);
        std::atomic<bool> cancel = false;
        std::int64_t lastSeen = 0;
        int calls = 0;
        ImportControl control;
        control.cancel = &cancel;
        control.progress = [&](std::int64_t read, std::int64_t total) {
            QCOMPARE(total, bytes.size());
            QVERIFY(read >= lastSeen);
            lastSeen = read;
            if (++calls == 50)
                cancel = true;
        };
        Importer importer(ws.path());
        ImportRequest request;
        request.filePath = path;
        auto result = importer.run(request, control);
        QVERIFY(!result);
        QVERIFY(importer.wasCancelled());
        QVERIFY(result.error().toString().contains(QStringLiteral("cancelled")));
        QVERIFY(lastSeen > 0 && lastSeen < bytes.size());
        QCOMPARE(importtest::importedRows(*ws.db), 0);

        // The same import without cancelling reports progress up to the whole file.
        cancel = false;
        calls = -1000000;
        lastSeen = 0;
        auto done = importer.run(request, control);
        QVERIFY2(done, qPrintable(done ? QString() : done.error().toString()));
        QCOMPARE(lastSeen, bytes.size());
        QCOMPARE(done->itemCount, 5000);
        QCOMPARE(done->labelCount, 5000);
        QCOMPARE(scalar(*ws.db, "SELECT count(*) FROM categories"), 7);
        QCOMPARE(scalar(*ws.db, "SELECT count(*) FROM reviewers"), 7);
    }

    void keepsFileOrderAcrossParsingBatches()
    {
        // Records are parsed on a worker thread in batches: order, prompts and the duplicate
        // marks must come out as if read one by one.
        TestWorkspace ws;
        QByteArray bytes;
        const int count = 3001;
        for (int i = 0; i < count; ++i)
            bytes += QStringLiteral("{\"id\":\"k%1\",\"prompt\":\"p%2\",\"response\":\"r\"}\n")
                         .arg(i)
                         .arg(i % 1000)
                         .toUtf8();
        const QString path = importtest::writeFile(ws.dir.path(), "order.jsonl", bytes);
        auto summary = importFile(ws, path);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
        QCOMPARE(summary->itemCount, count);
        QCOMPARE(summary->duplicatePrompts, count - 1000);
        Statement items =
            ws.db->prepare("SELECT i.seq, i.external_id, t.prompt FROM items i JOIN item_texts t "
                           "ON t.item_id = i.id ORDER BY i.seq");
        int seen = 0;
        while (items.step()) {
            QCOMPARE(items.int64(0), seen);
            QCOMPARE(items.text(1), QStringLiteral("k%1").arg(seen));
            QCOMPARE(items.text(2), QStringLiteral("p%1").arg(seen % 1000));
            ++seen;
        }
        QCOMPARE(seen, count);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(summary->sha256,
                 QString::fromLatin1(
                     QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()));
    }

    void skipInvalidKeepsRejectsWithReasons()
    {
        TestWorkspace ws;
        const QString path = fixture(QStringLiteral("mixed.jsonl"));
        auto summary = importFile(ws, path, true);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
        QCOMPARE(summary->itemCount, 2);
        QCOMPARE(summary->rejectedCount, 4);
        QCOMPARE(text(*ws.db, "SELECT group_concat(external_id, ',') FROM items"),
                 QStringLiteral("1,3"));

        auto run = RunStore(*ws.db).find(summary->runId);
        QCOMPARE((*run)->rejectedCount, 4);
        auto rejects = RunStore(*ws.db).rejects(summary->runId);
        QVERIFY(rejects);
        QCOMPARE(rejects->size(), 4u);
        QCOMPARE((*rejects)[0].line, 2);
        QCOMPARE((*rejects)[0].field, QStringLiteral("prompt"));
        QCOMPARE((*rejects)[0].reason, QStringLiteral("expected text, got a number"));
        QCOMPARE((*rejects)[0].raw,
                 QStringLiteral("{\"id\": \"2\", \"prompt\": 5, \"response\": \"ok\"}"));
        QCOMPARE((*rejects)[1].line, 4);
        QVERIFY((*rejects)[1].reason.startsWith(QStringLiteral("malformed JSON")));
        QCOMPARE((*rejects)[1].raw, QStringLiteral("not json at all"));
        QCOMPARE((*rejects)[2].line, 5);
        QCOMPARE((*rejects)[2].field, QStringLiteral("id"));
        QVERIFY((*rejects)[2].reason.contains(QStringLiteral("more than once")));
        // The category only the rejected duplicate named is not left behind.
        QCOMPARE(scalar(*ws.db, "SELECT count(*) FROM categories WHERE name = "
                                "'only_on_a_duplicate'"),
                 0);
        QCOMPARE((*rejects)[3].line, 6);
        QCOMPARE((*rejects)[3].field, QStringLiteral("intent"));
        QCOMPARE(summary->rejects.size(), 4u);
    }

    void allRejectedIsAnError()
    {
        TestWorkspace ws;
        Importer importer(ws.path());
        auto result = importFile(ws, fixture(QStringLiteral("wrong_types.jsonl")), true, &importer);
        QVERIFY(!result);
        QVERIFY2(result.error().toString().contains(QStringLiteral("no valid items")),
                 qPrintable(result.error().toString()));
        QCOMPARE(importer.problems().size(), 3u);
        QCOMPARE(importtest::importedRows(*ws.db), 0);
    }

    void duplicateIdsAreALineProblem()
    {
        TestWorkspace ws;
        const QString path =
            importtest::writeFile(ws.dir.path(), "dup.jsonl",
                                  "{\"id\":\"x\",\"prompt\":\"a\",\"response\":\"b\"}\n"
                                  "{\"id\":\"x\",\"prompt\":\"c\",\"response\":\"d\"}\n");
        Importer importer(ws.path());
        QVERIFY(!importFile(ws, path, false, &importer));
        QCOMPARE(importer.problems().size(), 1u);
        QCOMPARE(importer.problems()[0].line, 2);
        QCOMPARE(importer.problems()[0].field, QStringLiteral("id"));
    }

    void listsAtMostTwentyProblems()
    {
        TestWorkspace ws;
        QByteArray bytes;
        for (int i = 0; i < 30; ++i)
            bytes += "{\"prompt\": 1, \"response\": \"r\"}\n";
        const QString path = importtest::writeFile(ws.dir.path(), "many.jsonl", bytes);
        Importer importer(ws.path());
        auto result = importFile(ws, path, false, &importer);
        QVERIFY(!result);
        QCOMPARE(importer.problems().size(), std::size_t(Importer::kMaxProblems));
        QCOMPARE(importer.problems().back().line, 20);
        QVERIFY(result.error().toString().contains(QStringLiteral("only the first 20")));
    }

    void runNamesAreUnique()
    {
        TestWorkspace ws;
        const QString path = fixture(QStringLiteral("bom_crlf.jsonl"));
        QCOMPARE(importFile(ws, path)->runName, QStringLiteral("bom_crlf"));
        // The same file again is refused unless a new run is asked for.
        ImportRequest request;
        request.filePath = path;
        Importer importer(ws.path());
        QVERIFY(!importer.run(request));
        request.onDuplicate = ReimportPolicy::NewRun;
        QCOMPARE(importer.run(request)->runName, QStringLiteral("bom_crlf (2)"));

        request.runName = QStringLiteral("bom_crlf");
        auto clash = importer.run(request);
        QVERIFY(!clash);
        QVERIFY(clash.error().toString().contains(QStringLiteral("already exists")));
        request.runName = QStringLiteral("  baseline ");
        QCOMPARE(importer.run(request)->runName, QStringLiteral("baseline"));
        QCOMPARE(scalar(*ws.db, "SELECT count(*) FROM runs"), 3);
    }

    void formatIsChosenByExtensionThenContent()
    {
        QTemporaryDir dir;
        const QString jsonl =
            importtest::writeFile(dir.path(), "run.txt", "\xEF\xBB\xBF  {\"a\":1}\n");
        const QString csv = importtest::writeFile(dir.path(), "run.dat", "id,prompt\n");
        QCOMPARE_WORD(Importer::resolveFormat(jsonl, ImportFormat::Auto), ImportFormat::Jsonl);
        QCOMPARE_WORD(Importer::resolveFormat(csv, ImportFormat::Auto), ImportFormat::Csv);
        QCOMPARE_WORD(Importer::resolveFormat(csv, ImportFormat::Jsonl), ImportFormat::Jsonl);
        QCOMPARE_WORD(Importer::resolveFormat(QStringLiteral("x.NDJSON"), ImportFormat::Auto),
                      ImportFormat::Jsonl);
        QCOMPARE_WORD(Importer::resolveFormat(QStringLiteral("x.csv"), ImportFormat::Auto),
                      ImportFormat::Csv);
        QVERIFY(parseImportFormat(QStringLiteral("CSV")) == ImportFormat::Csv);
        QVERIFY(!parseImportFormat(QStringLiteral("xml")));
    }

    void importsCsvWithNativeHeaders()
    {
        TestWorkspace ws;
        auto summary = importFile(ws, fixture(QStringLiteral("quoting.csv")));
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
        QCOMPARE(summary->itemCount, 3);
        QCOMPARE_WORD(summary->format, ImportFormat::Csv);
        const Database& db = *ws.db;
        QCOMPARE(text(db, "SELECT prompt FROM item_texts WHERE item_id = "
                          "(SELECT id FROM items WHERE external_id = '2')"),
                 QStringLiteral("Line one\nline two\nline three"));
        QCOMPARE(text(db, "SELECT excerpt FROM items WHERE external_id = '2'"),
                 QStringLiteral("Line one line two line three"));
        QCOMPARE(text(db, "SELECT metadata FROM item_texts WHERE item_id = "
                          "(SELECT id FROM items WHERE external_id = '2')"),
                 QStringLiteral("{\"notes\":\"multi, \\\"quoted\\\"\"}"));
        QCOMPARE(text(db, "SELECT score FROM items WHERE external_id = '3'"),
                 QStringLiteral("0.001"));
        QVERIFY(scalar(db, "SELECT score IS NULL FROM items WHERE external_id = '2'"));
        QCOMPARE(scalar(db, "SELECT verdict FROM items WHERE external_id = '3'"),
                 int(Behaviour::Unknown));
        QCOMPARE(text(db, "SELECT verdict_raw FROM item_texts WHERE item_id = "
                          "(SELECT id FROM items WHERE external_id = '3')"),
                 QStringLiteral("unknown-thing"));
    }

    void importsAJsonArray()
    {
        TestWorkspace ws;
        auto summary = importFile(ws, fixture(QStringLiteral("array.json")));
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
        QCOMPARE(summary->itemCount, 2);
        QCOMPARE(text(*ws.db, "SELECT format FROM runs"), QStringLiteral("json"));
        QCOMPARE(text(*ws.db, "SELECT metadata FROM item_texts WHERE item_id = "
                              "(SELECT id FROM items WHERE external_id = 'j1')"),
                 QStringLiteral("{\"extra\":[1,[2,3],{\"k\":\"]\"}]}"));
        QCOMPARE(scalar(*ws.db, "SELECT verdict FROM items WHERE external_id = 'j2'"),
                 int(Behaviour::FullRefusal));
    }

    void csvHeaderProblemIsReported()
    {
        TestWorkspace ws;
        const QString path =
            importtest::writeFile(ws.dir.path(), "dup.csv", "id,prompt,prompt\n1,2,3\n");
        Importer importer(ws.path());
        auto result = importFile(ws, path, false, &importer);
        QVERIFY(!result);
        QCOMPARE(firstLine(result.error()),
                 path + QStringLiteral(":1: header: the column name \"prompt\" appears twice"));
        QCOMPARE(importtest::importedRows(*ws.db), 0);
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
