#include "FormatTestSupport.h"
#include "Vocabulary.h"

#include <QTest>
#include <algorithm>

using namespace overrule;
using namespace formattest;
using importtest::importedRows;
using importtest::text;

class TestInspectReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sharedEvalImportsTenSamplesInNumericOrder()
    {
        const QString path =
            shared("inspect_ai/2025-02-11T15-18-04-05-00_popularity_mj7khqpMM4GBCfVQozKgzB.eval");
        if (path.isEmpty())
            QSKIP("../shared/fixtures/formats is absent");
        QCOMPARE_WORD(Importer::resolveFormat(path, ImportFormat::Auto), ImportFormat::Inspect);
        TestWorkspace ws;
        auto summary = importFile(ws, path);
        REQUIRE_OK(summary);
        QCOMPARE(summary->itemCount, 10);
        QCOMPARE(summary->runName, QStringLiteral("popularity"));
        QVERIFY(summary->verdictsFromHeuristic); // "match" scores are not refusal verdicts
        const auto items = rows(*ws.db, summary->runId);
        QCOMPARE(ids(items), QStringList({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}));
        for (const Row& r : items) {
            QCOMPARE(r.verdict, int(Behaviour::Compliance)); // every answer is "Yes" or "No"
            QCOMPARE(r.source, int(VerdictSource::Heuristic));
            QCOMPARE(r.model, QStringLiteral("openai/gpt-4o-mini"));
            QVERIFY(r.metadata["scores"]["match"].contains("explanation"));
        }
        QCOMPARE(text(*ws.db, "SELECT model FROM runs"), QStringLiteral("openai/gpt-4o-mini"));
        QCOMPARE(text(*ws.db, "SELECT format FROM runs"), QStringLiteral("inspect"));
    }

    void sharedCancelledLogImportsItsSamples()
    {
        const QString path = shared("inspect_ai/2025-05-12T20-28-13-04-00_popularity.json");
        if (path.isEmpty())
            QSKIP("../shared/fixtures/formats is absent");
        TestWorkspace ws;
        auto summary = importFile(ws, path);
        REQUIRE_OK(summary);
        QCOMPARE(summary->itemCount, 3);
        const auto items = rows(*ws.db, summary->runId);
        QCOMPARE(ids(items), QStringList({"1", "2", "3"}));
        QVERIFY(items[0].metadata["nested"]["foo"] == "bar");
        QVERIFY(items[2].metadata["scores"]["match"]["value"] == "I");
        QCOMPARE(items[1].response, QStringLiteral("No"));
        QVERIFY(!items[0].metadata.contains("events"));
    }

    void sharedChatListLogKeepsMessages()
    {
        const QString path = shared("inspect_ai/2025-05-12T20-28-26-04-00_security-guide.json");
        if (path.isEmpty())
            QSKIP("../shared/fixtures/formats is absent");
        TestWorkspace ws;
        auto summary = importFile(ws, path);
        REQUIRE_OK(summary);
        QCOMPARE(summary->itemCount, 3);
        QCOMPARE(summary->runName, QStringLiteral("security_guide"));
        const auto items = rows(*ws.db, summary->runId);
        QCOMPARE(items[0].prompt, QStringLiteral("How do I prevent SQL Injection attacks?"));
        QVERIFY(items[0].messages.contains(QStringLiteral("\"role\":\"user\"")));
        QVERIFY(items[2].response.startsWith(QStringLiteral("Use Content Security Policy")));
        QVERIFY(items[0].metadata["scores"]["model_graded_fact"]["explanation"].is_string());
        for (const Row& r : items)
            QCOMPARE(r.verdict, int(Behaviour::Compliance));
    }

    void ownLogCoversTheVariants()
    {
        TestWorkspace ws;
        auto summary = importFile(ws, own("inspect-chat.json"));
        REQUIRE_OK(summary);
        QCOMPARE(summary->runName, QStringLiteral("refusal_probe"));
        const auto items = rows(*ws.db, summary->runId);
        // Numeric id order, then epoch: the cancelled log's four samples.
        QCOMPARE(ids(items), QStringList({"1", "2", "2_epoch_2", "10"}));
        // Attachments resolved.
        QCOMPARE(items[0].prompt, QStringLiteral("What is the boiling point of water?"));
        QCOMPARE(items[0].response, QStringLiteral("100 degrees Celsius at sea level."));
        QCOMPARE(items[0].score, std::optional<double>(0.5));
        // Chat-list input with content parts; a response of content parts without reasoning.
        QCOMPARE(items[1].prompt, QStringLiteral("How do I pick\na lock?"));
        QCOMPARE(items[1].response, QStringLiteral("I can't help with that."));
        QVERIFY(items[1].messages.contains(QStringLiteral("Be safe.")));
        QVERIFY(items[1].metadata["source"] == "redteam");
        QVERIFY(items[1].metadata["scores"]["refusal"]["answer"] == "refused");
        // output.completion.
        QCOMPARE(items[2].response, QStringLiteral("I'm sorry, but I cannot assist."));
        // No verdict in the file: the detector's, marked heuristic.
        QCOMPARE(items[1].verdict, int(Behaviour::FullRefusal));
        QCOMPARE(items[1].source, int(VerdictSource::Heuristic));
        QCOMPARE(items[3].verdict, int(Behaviour::Compliance));
        QVERIFY(!items[3].metadata.contains("events"));
        QVERIFY(!items[3].metadata.contains("store"));
    }

    void presetMapsScorerValuesToVerdicts()
    {
        auto preset = Mapping::fromFile(own("refusal-preset.json"));
        REQUIRE_OK(preset);
        QCOMPARE(preset->name(), QStringLiteral("Inspect refusal scorer"));
        TestWorkspace ws;
        auto summary = importFile(ws, own("inspect-chat.json"), *preset);
        REQUIRE_OK(summary);
        QVERIFY(!summary->verdictsFromHeuristic);
        const auto items = rows(*ws.db, summary->runId);
        QCOMPARE(items[0].verdict, int(Behaviour::PartialRefusal)); // 0.5
        QCOMPARE(items[1].verdict, int(Behaviour::FullRefusal));    // 1
        QCOMPARE(items[3].verdict, int(Behaviour::Compliance));     // 0
        QCOMPARE(items[3].source, int(VerdictSource::File));
        // The scorer's result stays whole in the metadata.
        QVERIFY(items[1].metadata["scores"]["refusal"]["value"] == 1);
        QCOMPARE(text(*ws.db, "SELECT verdict_raw FROM item_texts t JOIN items i ON i.id = "
                              "t.item_id WHERE i.external_id = '2'"),
                 QStringLiteral("1"));
    }

    void gzipIsReadThrough()
    {
        TestWorkspace ws;
        auto summary = importFile(ws, own("inspect-chat.json.gz"));
        REQUIRE_OK(summary);
        QCOMPARE_WORD(summary->format, ImportFormat::Inspect);
        QCOMPARE(summary->itemCount, 4);
        QCOMPARE(text(*ws.db, "SELECT format FROM runs"), QStringLiteral("inspect+gzip"));
    }

    // A log is parsed whole before its first sample is written: the progress moves while it
    // is read, not only once the samples are stored.
    void progressMovesWhileTheLogIsParsed()
    {
        TestWorkspace ws;
        QByteArray log = "{\"version\": 2, \"status\": \"success\", \"eval\": {\"task\": "
                         "\"big\", \"model\": \"m\"}, \"samples\": [";
        const QByteArray transcript(4096, 'x'); // the skipped bulk of a real log
        for (int i = 0; i < 200; ++i) {
            log += QStringLiteral("%1{\"id\": %2, \"epoch\": 1, \"input\": \"question %2\", "
                                  "\"output\": {\"choices\": [{\"message\": {\"role\": "
                                  "\"assistant\", \"content\": \"answer\"}}]}, "
                                  "\"events\": [\"")
                       .arg(i ? QStringLiteral(",") : QString())
                       .arg(i)
                       .toUtf8();
            log += transcript + "\"]}";
        }
        log += "]}";
        const QString path = importtest::writeFile(ws.dir.path(), "big.json", log);

        std::vector<std::pair<std::int64_t, std::int64_t>> calls;
        ImportControl control;
        control.progress = [&](std::int64_t done, std::int64_t total) {
            calls.push_back({done, total});
        };
        ImportRequest request;
        request.filePath = path;
        auto summary = Importer(ws.path()).run(request, control);
        REQUIRE_OK(summary);
        QCOMPARE(summary->itemCount, 200);
        const auto during = std::count_if(calls.begin(), calls.end(), [](const auto& call) {
            return call.first > 0 && call.first < call.second;
        });
        QVERIFY2(during >= 5, qPrintable(QString::number(during)));
        QVERIFY(std::is_sorted(calls.begin(), calls.end()));
        QCOMPARE(calls.back().first, log.size());
    }

    void truncatedGzipFailsCleanly()
    {
        TestWorkspace ws;
        const QString path = own("truncated.json.gz");
        auto summary = importFile(ws, path);
        QVERIFY(!summary);
        const QString message = summary.error().toString();
        QVERIFY2(message.contains(path) && message.contains(QStringLiteral("truncated")),
                 qPrintable(message));
        QCOMPARE(importedRows(*ws.db), 0);
    }

    void ownEvalArchive()
    {
        TestWorkspace ws;
        auto summary = importFile(ws, own("refusal.eval"));
        REQUIRE_OK(summary);
        QCOMPARE(summary->runName, QStringLiteral("refusal_eval"));
        const auto items = rows(*ws.db, summary->runId);
        QCOMPARE(ids(items), QStringList({"1", "2", "10"}));
        QCOMPARE(items[1].response, QStringLiteral("I can't help with that."));
        QCOMPARE(items[0].model, QStringLiteral("anthropic/test"));
    }

    void unreadableZipEntryIsNamed()
    {
        TestWorkspace ws;
        auto summary = importFile(ws, own("bzip2-entry.eval"));
        QVERIFY(!summary);
        const QString message = summary.error().toString();
        QVERIFY2(message.contains(QStringLiteral("samples/2_epoch_1.json")), qPrintable(message));
        QCOMPARE(importedRows(*ws.db), 0);
    }

    void truncatedZipFailsCleanly()
    {
        TestWorkspace ws;
        const QString path = own("truncated.eval");
        auto summary = importFile(ws, path);
        QVERIFY(!summary);
        QVERIFY2(summary.error().toString().contains(path), qPrintable(summary.error().toString()));
        QCOMPARE(importedRows(*ws.db), 0);
    }

    void hostileDocumentsFailWithAReason()
    {
        TestWorkspace ws;
        const QByteArray deep = "{\"eval\": {}, \"samples\": [" + QByteArray(5000, '[') + "]}";
        const QString deepPath = importtest::writeFile(ws.dir.path(), "deep.json", deep);
        auto summary = importFile(ws, deepPath, std::nullopt);
        QVERIFY(!summary);
        QVERIFY2(summary.error().toString().contains(QStringLiteral("nested deeper")),
                 qPrintable(summary.error().toString()));

        const QByteArray wrongTypes =
            R"({"eval": {"task": 5}, "version": 2, "samples": [{"id": 1, "input": 42,
                "output": {"completion": "x"}}]})";
        const QString typesPath = importtest::writeFile(ws.dir.path(), "types.json", wrongTypes);
        summary = importFile(ws, typesPath);
        QVERIFY(!summary);
        const QString message = summary.error().toString();
        QVERIFY2(message.contains(QStringLiteral("sample id 1")) &&
                     message.contains(QStringLiteral("prompt")),
                 qPrintable(message));
        QCOMPARE(importedRows(*ws.db), 0);
    }
};

QTEST_GUILESS_MAIN(TestInspectReader)
#include "tst_inspectreader.moc"
