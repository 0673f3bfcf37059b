#include "ImportTestSupport.h"
#include "LabelStore.h"
#include "TestWorkspace.h"
#include "import/Importer.h"
#include "import/Mapping.h"

using namespace overrule;
using importtest::fixture;
using importtest::scalar;
using importtest::text;

namespace {

Error mappingError(const QByteArray& json)
{
    auto mapping = Mapping::fromJson(json, QStringLiteral("map.json"));
    if (mapping)
        qFatal("expected a mapping error for %s", json.constData());
    return mapping.error();
}

Result<ImportSummary> importWith(const TestWorkspace& ws, const QString& path,
                                 const Mapping& mapping, Importer* importer = nullptr)
{
    ImportRequest request;
    request.filePath = path;
    request.mapping = mapping;
    Importer local(ws.path());
    return (importer ? *importer : local).run(request);
}

} // namespace

class TestMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheIssueExampleAndWritesItBack()
    {
        auto mapping = Mapping::fromFile(fixture(QStringLiteral("mapping.json")));
        QVERIFY2(mapping, qPrintable(mapping ? QString() : mapping.error().toString()));
        QCOMPARE(mapping->sourceField(QStringLiteral("response")), QStringLiteral("completion"));
        QCOMPARE(mapping->sourceField(QStringLiteral("verdict")), QStringLiteral("auto_label"));
        QCOMPARE(mapping->sourceField(QStringLiteral("model")), QStringLiteral("model"));
        QVERIFY(mapping->mapsField(QStringLiteral("score")));
        QVERIFY(!mapping->mapsField(QStringLiteral("model")));
        QCOMPARE(mapping->labels().size(), 1u);
        QCOMPARE(mapping->labels()[0].reviewer, QStringLiteral("alice"));
        QCOMPARE(mapping->labels()[0].behaviour, QStringLiteral("human_label"));

        const QByteArray written = mapping->toJson();
        auto reread = Mapping::fromJson(written, QStringLiteral("edited"));
        QVERIFY2(reread, qPrintable(reread ? QString() : reread.error().toString()));
        QCOMPARE(reread->toJson(), written);
        // Order is kept: fields as written, exact values as written, rules in order.
        QVERIFY(written.indexOf("\"id\"") < written.indexOf("\"score\""));
        QVERIFY(written.indexOf("^contrast_") < written.indexOf("\".*\""));
        QVERIFY(reread->values(QStringLiteral("intent"))->isRegex);
        QVERIFY(!reread->values(QStringLiteral("verdict"))->isRegex);
    }

    void exactValuesAndRegexOrder()
    {
        auto mapping = Mapping::fromFile(fixture(QStringLiteral("mapping.json")));
        QVERIFY(mapping);
        const ValueMap* verdict = mapping->values(QStringLiteral("verdict"));
        QCOMPARE(verdict->apply(QStringLiteral("2_full_refusal")),
                 std::optional<QString>(QStringLiteral("full_refusal")));
        QCOMPARE(verdict->apply(QStringLiteral("2_full")), std::nullopt);
        const ValueMap* intent = mapping->values(QStringLiteral("intent"));
        // First match wins: ".*" would match everything, but comes second.
        QCOMPARE(intent->apply(QStringLiteral("contrast_safe")),
                 std::optional<QString>(QStringLiteral("harmful")));
        QCOMPARE(intent->apply(QStringLiteral("safe_contexts")),
                 std::optional<QString>(QStringLiteral("benign")));

        auto reversed = Mapping::fromJson(
            "{\"values\": {\"intent\": [{\"match\": \".*\", \"value\": \"benign\"},\n"
            "                                      {\"match\": \"^contrast_\", \"value\": "
            "\"harmful\"}]}}",
            QStringLiteral("r.json"));
        QVERIFY(reversed);
        QCOMPARE(reversed->values(QStringLiteral("intent"))->apply(QStringLiteral("contrast_x")),
                 std::optional<QString>(QStringLiteral("benign")));

        auto nulls = Mapping::fromJson("{\"values\": {\"category\": {\"none\": null}}}",
                                       QStringLiteral("n.json"));
        QVERIFY(nulls);
        QCOMPARE(nulls->values(QStringLiteral("category"))->apply(QStringLiteral("none")),
                 std::optional<QString>(QString()));
        QVERIFY(nulls->toJson().contains("\"none\": null"));
    }

    void errorsNameTheFileAndTheKey()
    {
        Error e = mappingError("{\"fields\": {\"promt\": \"q\"}}");
        QCOMPARE(e.where, QStringLiteral("map.json: fields.promt"));
        QVERIFY(e.message.contains(QStringLiteral("unknown Overrule field")));

        e = mappingError("{\"values\": {\"intent\": [{\"match\": \"(\", \"value\": \"benign\"}]}}");
        QCOMPARE(e.where, QStringLiteral("map.json: values.intent[0].match"));
        QVERIFY(e.message.contains(QStringLiteral("regular expression")));

        e = mappingError("{\"values\": {\"verdict\": {\"1\": \"yes please\"}}}");
        QCOMPARE(e.where, QStringLiteral("map.json: values.verdict.1"));

        e = mappingError("{\"values\": {\"intent\": {\"a\": \"evil\"}}}");
        QCOMPARE(e.where, QStringLiteral("map.json: values.intent.a"));

        e = mappingError("{\"values\": {\"prompt\": {\"a\": \"b\"}}}");
        QCOMPARE(e.where, QStringLiteral("map.json: values.prompt"));

        e = mappingError("{\"labels\": [{\"behaviour\": \"h\"}]}");
        QCOMPARE(e.where, QStringLiteral("map.json: labels[0].reviewer"));

        e = mappingError(
            "{\"labels\": [{\"reviewer\": \"a\", \"behaviour\": \"h\", \"colour\": \"x\"}]}");
        QCOMPARE(e.where, QStringLiteral("map.json: labels[0].colour"));

        e = mappingError("{\"field\": {}}");
        QCOMPARE(e.where, QStringLiteral("map.json: field"));

        e = mappingError("{not json");
        QCOMPARE(e.where, QStringLiteral("map.json"));
        QVERIFY(e.toString().startsWith(QStringLiteral("map.json: not valid JSON")));

        auto missing = Mapping::fromFile(QStringLiteral("/nonexistent/map.json"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().where, QStringLiteral("/nonexistent/map.json"));
    }

    void importsCsvThroughTheMapping()
    {
        TestWorkspace ws;
        auto mapping = Mapping::fromFile(fixture(QStringLiteral("mapping.json")));
        QVERIFY(mapping);
        // A second reviewer's labels come after alice's: applied in list order.
        mapping->addLabel(
            {QStringLiteral("bob"), QStringLiteral("second_opinion"), {}, {}, {}, {}, {}});
        auto summary = importWith(ws, fixture(QStringLiteral("mapped.csv")), *mapping);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
        QCOMPARE(summary->itemCount, 4);
        QCOMPARE(summary->labelCount, 3);
        const Database& db = *ws.db;

        QCOMPARE(text(db, "SELECT group_concat(verdict, ',') FROM (SELECT verdict FROM items "
                          "ORDER BY seq)"),
                 QStringLiteral("3,1,2,0"));
        QCOMPARE(text(db, "SELECT verdict_raw FROM item_texts WHERE item_id = "
                          "(SELECT id FROM items WHERE external_id = 'x4')"),
                 QStringLiteral("weird_value"));
        QCOMPARE(text(db, "SELECT group_concat(intent, ',') FROM (SELECT intent FROM items "
                          "ORDER BY seq)"),
                 QStringLiteral("2,1,2,1"));
        QCOMPARE(text(db, "SELECT response FROM item_texts WHERE item_id = "
                          "(SELECT id FROM items WHERE external_id = 'x2')"),
                 QStringLiteral("I can't help"));
        QCOMPARE(text(db, "SELECT score FROM items WHERE external_id = 'x2'"),
                 QStringLiteral("0.9"));
        QCOMPARE(text(db, "SELECT c.name FROM items i JOIN categories c ON c.id = i.category_id "
                          "WHERE external_id = 'x1'"),
                 QStringLiteral("violence"));
        QVERIFY(scalar(db, "SELECT category_id IS NULL FROM items WHERE external_id = 'x4'"));
        // Label columns are consumed, not copied into the metadata.
        QCOMPARE(text(db, "SELECT metadata FROM item_texts WHERE item_id = "
                          "(SELECT id FROM items WHERE external_id = 'x1')"),
                 QStringLiteral("{}"));

        LabelStore labels(db);
        const std::int64_t x1 = scalar(db, "SELECT id FROM items WHERE external_id = 'x1'");
        auto history = labels.history(x1);
        QVERIFY(history);
        QCOMPARE(history->size(), 2u);
        QCOMPARE((*history)[0].reviewer, QStringLiteral("bob")); // newest first
        QCOMPARE_WORD((*history)[0].decision.behaviour, Behaviour::Compliance);
        QCOMPARE((*history)[1].reviewer, QStringLiteral("alice"));
        QCOMPARE_WORD((*history)[1].decision.behaviour, Behaviour::FullRefusal);
        // A label without intent takes the item's, so its outcome is known.
        QCOMPARE_WORD((*history)[1].decision.intent, Intent::Harmful);
        QCOMPARE_WORD((*history)[1].outcome, Outcome::CorrectRefusal);
        QCOMPARE_WORD((*history)[0].outcome, Outcome::MissedHarm);
        QCOMPARE(scalar(db, "SELECT outcome FROM items WHERE external_id = 'x1'"),
                 int(Outcome::MissedHarm));

        const std::int64_t x2 = scalar(db, "SELECT id FROM items WHERE external_id = 'x2'");
        auto current = labels.current(x2);
        QCOMPARE((*current)->reviewer, QStringLiteral("alice"));
        QCOMPARE_WORD((*current)->outcome, Outcome::CorrectCompliance);
        // No label where the column is empty.
        QCOMPARE(scalar(db, "SELECT count(*) FROM labels l JOIN items i ON i.id = l.item_id "
                            "WHERE i.external_id IN ('x3', 'x4')"),
                 0);
    }

    void unmappedLabelValueIsAProblem()
    {
        TestWorkspace ws;
        auto mapping = Mapping::fromFile(fixture(QStringLiteral("mapping.json")));
        QVERIFY(mapping);
        const QString path = importtest::writeFile(
            ws.dir.path(), "bad_label.csv",
            "id,prompt,completion,human_label\n1,p,r,2_full_refusal\n2,p,r,who_knows\n");
        Importer importer(ws.path());
        QVERIFY(!importWith(ws, path, *mapping, &importer));
        QCOMPARE(importer.problems().size(), 1u);
        QCOMPARE(importer.problems()[0].line, 3);
        QCOMPARE(importer.problems()[0].field, QStringLiteral("human_label"));
        QVERIFY(importer.problems()[0].reason.contains(QStringLiteral("who_knows")));
    }

    void mapsNestedJsonFieldsAndKeepsTheRest()
    {
        TestWorkspace ws;
        auto mapping = Mapping::fromFile(fixture(QStringLiteral("nested_mapping.json")));
        QVERIFY2(mapping, qPrintable(mapping ? QString() : mapping.error().toString()));
        auto summary = importWith(ws, fixture(QStringLiteral("nested.jsonl")), *mapping);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
        QCOMPARE(summary->itemCount, 2);
        const Database& db = *ws.db;
        QCOMPARE(text(db, "SELECT prompt || '|' || response FROM item_texts WHERE item_id = "
                          "(SELECT id FROM items WHERE external_id = 'n1')"),
                 QStringLiteral("Translate this|Done"));
        QCOMPARE(text(db, "SELECT group_concat(verdict, ',') FROM (SELECT verdict FROM items "
                          "ORDER BY seq)"),
                 QStringLiteral("3,1"));
        // The used leaves are gone, emptied objects too; the rest is kept.
        QCOMPARE(text(db, "SELECT metadata FROM item_texts WHERE item_id = "
                          "(SELECT id FROM items WHERE external_id = 'n1')"),
                 QStringLiteral("{\"output\":{\"tokens\":3},\"run\":5}"));
        QCOMPARE(text(db, "SELECT metadata FROM item_texts WHERE item_id = "
                          "(SELECT id FROM items WHERE external_id = 'n2')"),
                 QStringLiteral("{}"));
    }

    void missingMappedFieldNamesTheSourceField()
    {
        TestWorkspace ws;
        auto mapping = Mapping::fromFile(fixture(QStringLiteral("nested_mapping.json")));
        QVERIFY(mapping);
        const QString path = importtest::writeFile(ws.dir.path(), "short.jsonl",
                                                   "{\"uid\":\"1\",\"input\":{\"text\":\"p\"}}\n");
        Importer importer(ws.path());
        auto result = importWith(ws, path, *mapping, &importer);
        QVERIFY(!result);
        QCOMPARE(importer.problems()[0], (ImportProblem{1, "output.text", "missing"}));
    }
};

QTEST_GUILESS_MAIN(TestMapping)
#include "tst_mapping.moc"
