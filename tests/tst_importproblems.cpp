// An import that meets bad input names the place (line, field) and loses nothing: it stops and
// rolls back, or, with --skip-invalid, keeps what it set aside with its reasons.
#include "ImportTestSupport.h"
#include "RunStore.h"
#include "TestWorkspace.h"
#include "import/Importer.h"

#include <QTest>

using namespace overrule;
using importtest::firstLine;
using importtest::fixture;
using importtest::importPath;
using importtest::scalar;
using importtest::text;

class TestImportProblems : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void malformedJsonStopsTheImportAndLeavesNothing()
    {
        TestWorkspace ws;
        const QString path = fixture(QStringLiteral("malformed.jsonl"));
        Importer importer(ws.path());
        auto result = importPath(ws, path, false, &importer);
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
        auto result = importPath(ws, path, false, &importer);
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
            importPath(ws, fixture(QStringLiteral("missing_prompt.jsonl")), false, &importer);
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
        QVERIFY(!importPath(ws, path, false, &importer));
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
        auto result = importPath(ws, path, false, &importer);
        QVERIFY(!result);
        QCOMPARE(importer.problems().size(), 1u);
        QCOMPARE(importer.problems()[0].line, 2);
        QCOMPARE(importer.problems()[0].field, QStringLiteral("prompt"));
        QVERIFY(importer.problems()[0].reason.contains(QStringLiteral("UTF-8")));
        QCOMPARE(importtest::importedRows(*ws.db), 0);
    }

    void emptyFileIsAClearError()
    {
        TestWorkspace ws;
        for (const char* name : {"empty.jsonl", "blank.jsonl"}) {
            Importer importer(ws.path());
            auto result = importPath(ws, fixture(QString::fromLatin1(name)), false, &importer);
            QVERIFY(!result);
            QVERIFY2(result.error().toString().contains(QStringLiteral("empty")) ||
                         result.error().toString().contains(QStringLiteral("no records")),
                     qPrintable(result.error().toString()));
            QCOMPARE(importtest::importedRows(*ws.db), 0);
        }
    }

    void skipInvalidKeepsRejectsWithReasons()
    {
        TestWorkspace ws;
        const QString path = fixture(QStringLiteral("mixed.jsonl"));
        auto summary = importPath(ws, path, true);
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
        auto result = importPath(ws, fixture(QStringLiteral("wrong_types.jsonl")), true, &importer);
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
        QVERIFY(!importPath(ws, path, false, &importer));
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
        auto result = importPath(ws, path, false, &importer);
        QVERIFY(!result);
        QCOMPARE(importer.problems().size(), std::size_t(Importer::kMaxProblems));
        QCOMPARE(importer.problems().back().line, 20);
        QVERIFY(result.error().toString().contains(QStringLiteral("only the first 20")));
    }

    void csvHeaderProblemIsReported()
    {
        TestWorkspace ws;
        const QString path =
            importtest::writeFile(ws.dir.path(), "dup.csv", "id,prompt,prompt\n1,2,3\n");
        Importer importer(ws.path());
        auto result = importPath(ws, path, false, &importer);
        QVERIFY(!result);
        QCOMPARE(firstLine(result.error()),
                 path + QStringLiteral(":1: header: the column name \"prompt\" appears twice"));
        QCOMPARE(importtest::importedRows(*ws.db), 0);
    }
};

QTEST_MAIN(TestImportProblems)
#include "tst_importproblems.moc"
