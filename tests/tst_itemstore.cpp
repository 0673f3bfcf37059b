#include "ItemSeed.h"
#include "ItemStore.h"
#include "LabelStore.h"
#include "TestWorkspace.h"

using namespace overrule;

class TestItemStore : public QObject
{
    Q_OBJECT

private:
    static Decision falseRefusal(std::optional<std::int64_t> culprit, const QString& note = {})
    {
        Decision d;
        d.behaviour = Behaviour::FullRefusal;
        d.intent = Intent::Benign;
        d.culpritId = culprit;
        d.note = note;
        return d;
    }

private Q_SLOTS:
    void detailsCarryTextsVerdictAndLabels()
    {
        TestWorkspace ws;
        const auto run = seed::run(*ws.db, QStringLiteral("support"));
        const auto fraud = seed::category(*ws.db, QStringLiteral("Fraud"));
        const auto id =
            seed::item(*ws.db, run, 7,
                       {QStringLiteral("case-7"), Behaviour::PartialRefusal, Intent::Benign, fraud,
                        0.8125, QStringLiteral("How do I get a refund?\n<b>not html</b>"),
                        QStringLiteral("I cannot help with that.")});
        QVERIFY(ws.db->execute("UPDATE item_texts SET messages = '[{\"role\":\"user\"}]'"));

        ItemStore store(*ws.db);
        auto d = store.details(id);
        QVERIFY2(d, qPrintable(d ? QString() : d.error().toString()));
        QCOMPARE(d->id, id);
        QCOMPARE(d->runId, run);
        QCOMPARE(d->seq, std::int64_t(7));
        QCOMPARE(d->externalId, QStringLiteral("case-7"));
        QCOMPARE(d->prompt, QStringLiteral("How do I get a refund?\n<b>not html</b>"));
        QCOMPARE(d->response, QStringLiteral("I cannot help with that."));
        QCOMPARE(d->messagesJson, QStringLiteral("[{\"role\":\"user\"}]"));
        QCOMPARE(d->verdictRaw, QStringLiteral("partial_refusal"));
        QCOMPARE(d->model, QStringLiteral("demo-model"));
        QCOMPARE(d->metadataJson, QStringLiteral("{\"k\":1}"));
        QCOMPARE_VOCAB(d->verdict, Behaviour::PartialRefusal);
        QCOMPARE_VOCAB(d->verdictSource, VerdictSource::File);
        QCOMPARE_VOCAB(d->intent, Intent::Benign);
        QCOMPARE(d->categoryId, std::optional<std::int64_t>(fraud));
        QCOMPARE(d->categoryName, QStringLiteral("Fraud"));
        QCOMPARE(d->score, std::optional<double>(0.8125));
        QCOMPARE_VOCAB(d->outcome, Outcome::Unreviewed);
        QVERIFY(!d->currentLabel);
        QVERIFY(d->history.empty());

        LabelStore labels(*ws.db);
        QVERIFY(labels.append(id, QStringLiteral("alice"), falseRefusal(fraud),
                              QStringLiteral("review")));
        Decision correct;
        correct.behaviour = Behaviour::PartialRefusal;
        correct.intent = Intent::Harmful;
        QVERIFY(labels.append(id, QStringLiteral("bob"), correct, QStringLiteral("review")));
        d = store.details(id);
        QVERIFY(d);
        QCOMPARE_VOCAB(d->outcome, Outcome::CorrectRefusal);
        QVERIFY(d->currentLabel);
        QCOMPARE(d->currentLabel->reviewer, QStringLiteral("bob"));
        QCOMPARE(d->history.size(), size_t(2));
        QCOMPARE(d->history.back().reviewer, QStringLiteral("alice"));
        QCOMPARE(d->history.back().culpritName, QStringLiteral("Fraud"));

        // A withdrawal leaves history but no current label.
        QVERIFY(labels.append(id, QStringLiteral("bob"), Decision{}, QStringLiteral("undo")));
        d = store.details(id);
        QVERIFY(d);
        QVERIFY(!d->currentLabel);
        QCOMPARE_VOCAB(d->outcome, Outcome::Unreviewed);
        QCOMPARE(d->history.size(), size_t(3));
    }

    void itemWithoutCategoryOrScore()
    {
        TestWorkspace ws;
        const auto run = seed::run(*ws.db, QStringLiteral("r"));
        const auto id = seed::item(*ws.db, run, 0,
                                   {QStringLiteral("x"), Behaviour::Unknown, Intent::Unknown,
                                    std::nullopt, std::nullopt, QStringLiteral("p"), QString()});
        auto d = ItemStore(*ws.db).details(id);
        QVERIFY(d);
        QVERIFY(!d->categoryId);
        QVERIFY(d->categoryName.isEmpty());
        QVERIFY(!d->score);
        QVERIFY(d->messagesJson.isEmpty());
        QCOMPARE_VOCAB(d->verdict, Behaviour::Unknown);
    }

    void missingItemIsAnError()
    {
        TestWorkspace ws;
        auto d = ItemStore(*ws.db).details(42);
        QVERIFY(!d);
        QVERIFY(d.error().message.contains(QStringLiteral("42")));
    }

    void culpritEvidenceListsCurrentFalseRefusalsOnly()
    {
        TestWorkspace ws;
        const auto run = seed::run(*ws.db, QStringLiteral("support run"));
        const auto fraud = seed::category(*ws.db, QStringLiteral("Fraud"));
        const auto privacy = seed::category(*ws.db, QStringLiteral("Privacy"));
        std::vector<std::int64_t> ids;
        for (int i = 0; i < 5; ++i)
            ids.push_back(seed::item(
                *ws.db, run, i,
                {QStringLiteral("item-%1").arg(i), Behaviour::FullRefusal, Intent::Benign, fraud,
                 0.5, QStringLiteral("Refund for order %1").arg(i), QStringLiteral("No.")}));
        LabelStore labels(*ws.db);
        // 0 and 1 name Fraud; 2 names Privacy; 3 named Fraud but was then judged a correct
        // refusal; 4 named Fraud and was withdrawn.
        QVERIFY(labels.append(ids[0], QStringLiteral("alice"),
                              falseRefusal(fraud, QStringLiteral("refunds")),
                              QStringLiteral("review")));
        QVERIFY(labels.append(ids[1], QStringLiteral("bob"), falseRefusal(fraud),
                              QStringLiteral("review")));
        QVERIFY(labels.append(ids[2], QStringLiteral("bob"), falseRefusal(privacy),
                              QStringLiteral("review")));
        QVERIFY(labels.append(ids[3], QStringLiteral("bob"), falseRefusal(fraud),
                              QStringLiteral("review")));
        Decision correct = falseRefusal(fraud);
        correct.intent = Intent::Harmful;
        QVERIFY(labels.append(ids[3], QStringLiteral("bob"), correct, QStringLiteral("review")));
        QVERIFY(labels.append(ids[4], QStringLiteral("bob"), falseRefusal(fraud),
                              QStringLiteral("review")));
        QVERIFY(labels.append(ids[4], QStringLiteral("bob"), Decision{}, QStringLiteral("undo")));

        ItemStore store(*ws.db);
        auto evidence = store.culpritEvidence(fraud);
        QVERIFY2(evidence, qPrintable(evidence ? QString() : evidence.error().toString()));
        QCOMPARE(evidence->size(), size_t(2));
        // Newest first.
        QCOMPARE(evidence->at(0).itemId, ids[1]);
        QCOMPARE(evidence->at(0).reviewer, QStringLiteral("bob"));
        QCOMPARE(evidence->at(1).itemId, ids[0]);
        QCOMPARE(evidence->at(1).runName, QStringLiteral("support run"));
        QCOMPARE(evidence->at(1).externalId, QStringLiteral("item-0"));
        QCOMPARE(evidence->at(1).excerpt, QStringLiteral("Refund for order 0"));
        QCOMPARE(evidence->at(1).reviewer, QStringLiteral("alice"));
        QCOMPARE(evidence->at(1).note, QStringLiteral("refunds"));
        QVERIFY(!evidence->at(1).createdAt.isEmpty());

        auto limited = store.culpritEvidence(fraud, 1);
        QVERIFY(limited);
        QCOMPARE(limited->size(), size_t(1));
        auto other = store.culpritEvidence(privacy);
        QVERIFY(other);
        QCOMPARE(other->size(), size_t(1));
        QCOMPARE(other->front().itemId, ids[2]);
        auto none = store.culpritEvidence(9999);
        QVERIFY(none);
        QVERIFY(none->empty());
    }
};

QTEST_GUILESS_MAIN(TestItemStore)
#include "tst_itemstore.moc"
