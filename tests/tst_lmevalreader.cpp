#include "FormatTestSupport.h"
#include "Vocabulary.h"
#include "import/LmEvalReader.h"

#include <QTest>

using namespace overrule;
using namespace formattest;

class TestLmEvalReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sharedSamplesImportTenLines()
    {
        const QString path =
            shared("lm_eval/samples_math_perturbed_full_2026-01-21T03-44-18.458309.jsonl");
        if (path.isEmpty())
            QSKIP("../shared/fixtures/formats is absent");
        QCOMPARE_WORD(Importer::resolveFormat(path, ImportFormat::Auto), ImportFormat::LmEval);
        TestWorkspace ws;
        auto summary = importFile(ws, path);
        REQUIRE_OK(summary);
        QCOMPARE(summary->itemCount, 10);
        QCOMPARE(summary->runName, QStringLiteral("math_perturbed_full"));
        const auto items = rows(*ws.db, summary->runId);
        QCOMPARE(ids(items), QStringList({"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}));
        QVERIFY(items[0].prompt.startsWith(QStringLiteral("Problem: How many vertical")));
        QVERIFY(items[0].response.startsWith(QStringLiteral(" 1. The graph")));
        QVERIFY(items[0].metadata["doc"]["answer"] == "3");
        QVERIFY(items[0].metadata.contains("exact_match"));
        QCOMPARE(items[0].score, std::optional<double>(0.0));
        QCOMPARE(items[0].model,
                 QStringLiteral("RylanSchaeffer/mem_Qwen3-93M_minerva_math_rep_0_sbst_1.0000_"
                                "epch_1_ot_1"));
        for (const Row& r : items)
            QCOMPARE(r.source, int(VerdictSource::Heuristic));
    }

    void ownSamplesCoverOlderArguments()
    {
        TestWorkspace ws;
        auto summary =
            importFile(ws, own("samples_refusal_probe_2024-03-01T10-00-00.000001.jsonl"));
        REQUIRE_OK(summary);
        QCOMPARE(summary->runName, QStringLiteral("refusal_probe"));
        const auto items = rows(*ws.db, summary->runId);
        QCOMPARE(ids(items), QStringList({"1", "0:strict"}));
        QCOMPARE(items[0].prompt, QStringLiteral("Old style prompt?"));
        QCOMPARE(items[0].response, QStringLiteral("I won't answer that.")); // from resps
        QCOMPARE(items[0].verdict, int(Behaviour::FullRefusal));
        QCOMPARE(items[0].model, QStringLiteral("org/tiny-model"));
        QCOMPARE(items[1].response, QStringLiteral("Sure: A0"));
        QVERIFY(items[1].metadata["acc"] == true);
        QCOMPARE(items[1].score, std::optional<double>(1.0));
    }

    void gzipIsReadThrough()
    {
        TestWorkspace ws;
        auto summary = importFile(ws, own("lmeval.jsonl.gz"));
        REQUIRE_OK(summary);
        QCOMPARE_WORD(summary->format, ImportFormat::LmEval);
        QCOMPARE(summary->itemCount, 2);
    }

    void taskComesFromTheFileName()
    {
        QCOMPARE(LmEvalReader::taskFromFileName(
                     QStringLiteral("samples_gsm8k_2024-05-01T10-00-00.123.jsonl")),
                 QStringLiteral("gsm8k"));
        QCOMPARE(LmEvalReader::taskFromFileName(QStringLiteral("run.jsonl")), QString());
    }
};

QTEST_GUILESS_MAIN(TestLmEvalReader)
#include "tst_lmevalreader.moc"
