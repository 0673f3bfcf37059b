#include "FormatTestSupport.h"
#include "Vocabulary.h"

#include <QTest>

using namespace overrule;
using namespace formattest;

class TestPromptfooReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sharedExportImportsFourResultsFromTwoProviders()
    {
        const QString path = shared("promptfoo/sample-export.json");
        if (path.isEmpty())
            QSKIP("../shared/fixtures/formats is absent");
        QCOMPARE_WORD(Importer::resolveFormat(path, ImportFormat::Auto), ImportFormat::Promptfoo);
        TestWorkspace ws;
        auto summary = importFile(ws, path);
        REQUIRE_OK(summary);
        QCOMPARE(summary->itemCount, 4);
        const auto items = rows(*ws.db, summary->runId);
        QSet<QString> models;
        std::vector<std::pair<int, int>> order;
        for (const Row& r : items) {
            models << r.model;
            order.emplace_back(r.metadata["promptIdx"].get<int>(),
                               r.metadata["testIdx"].get<int>());
            QVERIFY(r.metadata["gradingResult"]["componentResults"].is_array());
            QVERIFY(r.metadata.contains("success"));
            QVERIFY(r.score.has_value());
            QCOMPARE(r.verdict, int(Behaviour::Compliance)); // riddles answered
            QCOMPARE(r.source, int(VerdictSource::Heuristic));
        }
        QCOMPARE(models, QSet<QString>({"openai:gpt-5", "openai:gpt-5-mini"}));
        QVERIFY(std::is_sorted(order.begin(), order.end()));
        QCOMPARE(items[0].response, QStringLiteral("An echo."));
        QCOMPARE(items[0].score, std::optional<double>(0.5));
    }

    void ownExportCoversTheVariants()
    {
        TestWorkspace ws;
        auto summary = importFile(ws, own("promptfoo-chat.json"));
        REQUIRE_OK(summary);
        QCOMPARE(summary->runName, QStringLiteral("Joke safety"));
        const auto items = rows(*ws.db, summary->runId);
        QCOMPARE(ids(items), QStringList({"r-c", "r-a", "r-b"})); // promptIdx, then testIdx
        QCOMPARE(items[0].model, QStringLiteral("claude"));       // the provider's label
        QCOMPARE(items[0].response, QStringLiteral("{\"args\":{},\"tool\":\"joke\"}"));
        QCOMPARE(items[1].verdict, int(Behaviour::FullRefusal));
        QCOMPARE(items[2].model, QStringLiteral("openai:gpt-x"));
        QCOMPARE(items[2].prompt, QStringLiteral("Tell me a joke")); // the chat's last user turn
        QVERIFY(items[2].messages.contains(QStringLiteral("Be brief.")));
    }

    void presetMapsSuccessToVerdicts()
    {
        auto mapping = Mapping::fromJson(
            R"({"name": "pass means answered", "fields": {"verdict": "success"},
                "values": {"verdict": {"true": "compliance", "false": "full_refusal"}}})",
            QStringLiteral("preset"));
        REQUIRE_OK(mapping);
        TestWorkspace ws;
        auto summary = importFile(ws, own("promptfoo-chat.json"), *mapping);
        REQUIRE_OK(summary);
        const auto items = rows(*ws.db, summary->runId);
        QCOMPARE(items[1].verdict, int(Behaviour::FullRefusal));
        QCOMPARE(items[2].verdict, int(Behaviour::Compliance));
        QCOMPARE(items[2].source, int(VerdictSource::File));
    }

    void gzipIsReadThrough()
    {
        TestWorkspace ws;
        auto summary = importFile(ws, own("promptfoo-chat.json.gz"));
        REQUIRE_OK(summary);
        QCOMPARE_WORD(summary->format, ImportFormat::Promptfoo);
        QCOMPARE(summary->itemCount, 3);
    }

    void notAnExportIsExplained()
    {
        TestWorkspace ws;
        const QString path =
            importtest::writeFile(ws.dir.path(), "x.json",
                                  R"({"results": {"results": [{"prompt": 5, "response": []}]}})");
        auto summary = importFile(ws, path);
        QVERIFY(!summary);
        QVERIFY2(summary.error().toString().contains(QStringLiteral("result 1")),
                 qPrintable(summary.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TestPromptfooReader)
#include "tst_promptfooreader.moc"
