#include "FormatTestSupport.h"
#include "Vocabulary.h"

#include <QTest>

using namespace overrule;
using namespace formattest;

class TestImportPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void previewShowsTheFirstItemsAndFields()
    {
        ImportRequest request;
        request.filePath = own("inspect-chat.json");
        auto preview = Importer::preview(request, 2);
        REQUIRE_OK(preview);
        QCOMPARE_WORD(preview->format, ImportFormat::Inspect);
        QCOMPARE(preview->suggestedRunName, QStringLiteral("refusal_probe"));
        QCOMPARE(preview->model, QStringLiteral("openai/test-model"));
        QCOMPARE(int(preview->items.size()), 2);
        // Only the start of the document is read: its first two samples (ids 10 and 2), sorted.
        QCOMPARE(preview->items[0].externalId, QStringLiteral("2"));
        QCOMPARE(preview->items[1].externalId, QStringLiteral("10"));
        QVERIFY(preview->verdictsFromHeuristic);
        QVERIFY(preview->sourceFields.contains(QStringLiteral("scores.refusal.value")));
        QVERIFY(preview->sourceFields.contains(QStringLiteral("metadata.source")));
        QVERIFY(preview->problems.empty());
    }

    void previewAppliesTheMapping()
    {
        ImportRequest request;
        request.filePath = own("refusal.eval");
        auto preset = Mapping::fromFile(own("refusal-preset.json"));
        REQUIRE_OK(preset);
        request.mapping = *preset;
        auto preview = Importer::preview(request, 20);
        REQUIRE_OK(preview);
        QCOMPARE(int(preview->items.size()), 3);
        QVERIFY(!preview->verdictsFromHeuristic);
        QCOMPARE_WORD(preview->items[1].verdict, Behaviour::FullRefusal);
        QCOMPARE_WORD(preview->items[2].verdict, Behaviour::Compliance);
    }

    void previewListsProblemsWithoutFailing()
    {
        QTemporaryDir dir;
        const QString path =
            importtest::writeFile(dir.path(), "bad.jsonl",
                                  "{\"id\": 1, \"prompt\": 5, \"response\": \"x\"}\n{\"id\": 2, "
                                  "\"prompt\": \"p\", \"response\": \"I cannot do that.\"}\n");
        ImportRequest request;
        request.filePath = path;
        auto preview = Importer::preview(request);
        REQUIRE_OK(preview);
        QCOMPARE(int(preview->items.size()), 1);
        QCOMPARE(int(preview->problems.size()), 1);
        QCOMPARE(preview->problems[0].line, 1);
        QCOMPARE(preview->problems[0].field, QStringLiteral("prompt"));
        QCOMPARE_WORD(preview->items[0].verdict, Behaviour::FullRefusal);
    }

    void previewWritesNothing()
    {
        TestWorkspace ws;
        ImportRequest request;
        request.filePath = own("promptfoo-chat.json");
        auto preview = Importer::preview(request, 1);
        REQUIRE_OK(preview);
        QCOMPARE(int(preview->items.size()), 1);
        QCOMPARE(importtest::importedRows(*ws.db), 0);
    }
};

QTEST_GUILESS_MAIN(TestImportPreview)
#include "tst_importpreview.moc"
