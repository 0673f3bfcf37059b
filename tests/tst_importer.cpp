// Imports that succeed: what each format stores, in file order, with the run named and hashed.
#include "ImportTestSupport.h"
#include "LabelStore.h"
#include "RunStore.h"
#include "ScoreOrder.h"
#include "TestWorkspace.h"
#include "import/Importer.h"

#include <QCryptographicHash>
#include <QFileInfo>

using namespace overrule;
using importtest::fixture;
using importtest::importPath;
using importtest::scalar;
using importtest::text;

class TestImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importsNativeJsonl()
    {
        TestWorkspace ws;
        const QString path = fixture(QStringLiteral("native.jsonl"));
        auto summary = importPath(ws, path);
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

        // The run's score order: items without a score first, then ascending, ties by seq.
        auto byScore = ScoreOrder(db).ids(summary->runId, false);
        QVERIFY(byScore);
        std::vector<std::int64_t> expected;
        Statement sorted = db.prepare("SELECT id FROM items WHERE run_id = ? ORDER BY score, seq");
        sorted.bind(1, summary->runId);
        while (sorted.step())
            expected.push_back(sorted.int64(0));
        QCOMPARE(*byScore, expected);
        QCOMPARE(expected.size(), std::size_t(4));

        // The import writes without foreign-key checks (for speed): every reference it made
        // must still hold.
        Statement orphans = db.prepare("PRAGMA foreign_key_check;");
        QVERIFY(!orphans.step());
        QVERIFY(!orphans.hasError());
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
        auto summary = importPath(ws, path);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
        QCOMPARE(summary->itemCount, 2);
        QCOMPARE(scalar(*ws.db, "SELECT length(prompt) FROM item_texts t JOIN items i "
                                "ON i.id = t.item_id WHERE external_id = 'big'"),
                 prompt.size());
        // The excerpt stays short whatever the prompt.
        QVERIFY(scalar(*ws.db, "SELECT length(excerpt) FROM items WHERE external_id = 'big'") <=
                161);
    }

    void bomAndCrlfAreAccepted()
    {
        TestWorkspace ws;
        auto summary = importPath(ws, fixture(QStringLiteral("bom_crlf.jsonl")));
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
        auto summary = importPath(ws, path);
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

    void runNamesAreUnique()
    {
        TestWorkspace ws;
        const QString path = fixture(QStringLiteral("bom_crlf.jsonl"));
        QCOMPARE(importPath(ws, path)->runName, QStringLiteral("bom_crlf"));
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
        auto summary = importPath(ws, fixture(QStringLiteral("quoting.csv")));
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
        auto summary = importPath(ws, fixture(QStringLiteral("array.json")));
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
        QCOMPARE(summary->itemCount, 2);
        QCOMPARE(text(*ws.db, "SELECT format FROM runs"), QStringLiteral("json"));
        QCOMPARE(text(*ws.db, "SELECT metadata FROM item_texts WHERE item_id = "
                              "(SELECT id FROM items WHERE external_id = 'j1')"),
                 QStringLiteral("{\"extra\":[1,[2,3],{\"k\":\"]\"}]}"));
        QCOMPARE(scalar(*ws.db, "SELECT verdict FROM items WHERE external_id = 'j2'"),
                 int(Behaviour::FullRefusal));
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
