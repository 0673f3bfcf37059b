#include "ItemSeed.h"
#include "LabelStore.h"
#include "TestWorkspace.h"

using namespace overrule;

class TestLabelStore : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        TestWorkspace ws;
        std::int64_t runId = 0, itemId = 0, otherItemId = 0, category = 0;
        Fixture()
        {
            runId = seed::run(*ws.db, QStringLiteral("r"));
            category = seed::category(*ws.db, QStringLiteral("Fraud"));
            itemId = seed::item(*ws.db, runId, 0,
                                {QStringLiteral("a"), Behaviour::FullRefusal, Intent::Benign,
                                 category, 0.9, QStringLiteral("p"), QStringLiteral("r")});
            otherItemId = seed::item(*ws.db, runId, 1,
                                     {QStringLiteral("b"), Behaviour::Compliance, Intent::Benign,
                                      std::nullopt, std::nullopt, QStringLiteral("p2"),
                                      QStringLiteral("r2")});
        }
        std::pair<int, std::int64_t> itemState(std::int64_t id) const
        {
            Statement st = ws.db->prepare("SELECT outcome, label_id FROM items WHERE id = ?");
            st.bind(1, id);
            if (!st.step())
                return {-1, -1};
            return {st.integer(0), st.isNull(1) ? 0 : st.int64(1)};
        }
    };

    static Decision falseRefusal(std::optional<std::int64_t> culprit = std::nullopt)
    {
        Decision d;
        d.behaviour = Behaviour::FullRefusal;
        d.intent = Intent::Benign;
        d.culpritId = culprit;
        d.note = QStringLiteral("support request");
        return d;
    }

private Q_SLOTS:
    void reviewerIsCreatedOnceAndNeedsAName()
    {
        Fixture f;
        LabelStore labels(*f.ws.db);
        auto alice = labels.reviewerId(QStringLiteral("alice"));
        QVERIFY(alice);
        auto again = labels.reviewerId(QStringLiteral("  alice "));
        QVERIFY(again);
        QCOMPARE(*again, *alice);
        auto bob = labels.reviewerId(QStringLiteral("bob"));
        QVERIFY(bob);
        QVERIFY(*bob != *alice);
        auto nobody = labels.reviewerId(QStringLiteral("   "));
        QVERIFY(!nobody);
        QCOMPARE(nobody.error().where, QStringLiteral("reviewer"));
    }

    void appendBecomesCurrentAndUpdatesItem()
    {
        Fixture f;
        LabelStore labels(*f.ws.db);
        auto id = labels.append(f.itemId, QStringLiteral("alice"), falseRefusal(f.category),
                                QStringLiteral("review"));
        QVERIFY2(id, qPrintable(id ? QString() : id.error().toString()));
        QCOMPARE(f.itemState(f.itemId),
                 std::make_pair(static_cast<int>(Outcome::FalseRefusal), *id));
        QCOMPARE(f.itemState(f.otherItemId), std::make_pair(0, std::int64_t(0)));

        auto current = labels.current(f.itemId);
        QVERIFY(current);
        QVERIFY(current->has_value());
        const Label& label = **current;
        QCOMPARE(label.id, *id);
        QCOMPARE(label.itemId, f.itemId);
        QCOMPARE(label.reviewer, QStringLiteral("alice"));
        QCOMPARE_VOCAB(label.outcome, Outcome::FalseRefusal);
        QCOMPARE(label.decision, falseRefusal(f.category));
        QCOMPARE(label.culpritName, QStringLiteral("Fraud"));
        QCOMPARE(label.source, QStringLiteral("review"));
        QVERIFY(!label.createdAt.isEmpty());
    }

    void historyIsNewestFirstAndAppendOnly()
    {
        Fixture f;
        LabelStore labels(*f.ws.db);
        Decision correct;
        correct.behaviour = Behaviour::FullRefusal;
        correct.intent = Intent::Harmful;
        correct.categoryId = f.category;
        QVERIFY(labels.append(f.itemId, QStringLiteral("alice"), falseRefusal(),
                              QStringLiteral("review")));
        QVERIFY(labels.append(f.itemId, QStringLiteral("bob"), correct, QStringLiteral("review")));

        auto history = labels.history(f.itemId);
        QVERIFY(history);
        QCOMPARE(history->size(), size_t(2));
        QCOMPARE(history->at(0).reviewer, QStringLiteral("bob"));
        QCOMPARE_VOCAB(history->at(0).outcome, Outcome::CorrectRefusal);
        QCOMPARE(history->at(0).categoryName, QStringLiteral("Fraud"));
        QCOMPARE(history->at(1).reviewer, QStringLiteral("alice"));
        QCOMPARE_VOCAB(history->at(1).outcome, Outcome::FalseRefusal);
        QVERIFY(history->at(0).id > history->at(1).id);

        // Current: any reviewer's newest, or one reviewer's newest.
        auto current = labels.current(f.itemId);
        QVERIFY(current && current->has_value());
        QCOMPARE((*current)->reviewer, QStringLiteral("bob"));
        auto alices = labels.current(f.itemId, QStringLiteral("alice"));
        QVERIFY(alices && alices->has_value());
        QCOMPARE_VOCAB((*alices)->outcome, Outcome::FalseRefusal);
        auto carols = labels.current(f.itemId, QStringLiteral("carol"));
        QVERIFY(carols);
        QVERIFY(!carols->has_value());

        // Rows never change once written.
        QVERIFY(!f.ws.db->execute("UPDATE labels SET note = 'rewritten'"));
        QVERIFY(labels.history(f.itemId)->at(1).decision.note == QStringLiteral("support request"));
    }

    void withdrawalLeavesHistoryAndUnreviews()
    {
        Fixture f;
        LabelStore labels(*f.ws.db);
        QVERIFY(labels.append(f.itemId, QStringLiteral("alice"), falseRefusal(),
                              QStringLiteral("review")));
        auto withdrawal =
            labels.append(f.itemId, QStringLiteral("alice"), Decision{}, QStringLiteral("undo"));
        QVERIFY(withdrawal);
        auto current = labels.current(f.itemId);
        QVERIFY(current);
        QVERIFY(!current->has_value());
        QCOMPARE(f.itemState(f.itemId), std::make_pair(0, *withdrawal));
        auto history = labels.history(f.itemId);
        QVERIFY(history);
        QCOMPARE(history->size(), size_t(2));
        QVERIFY(history->front().decision.isWithdrawal());
        QCOMPARE(history->front().source, QStringLiteral("undo"));
        QCOMPARE_VOCAB(history->front().outcome, Outcome::Unreviewed);
    }

    void importedLabelKeepsItsTime()
    {
        Fixture f;
        LabelStore labels(*f.ws.db);
        auto reviewer = labels.reviewerId(QStringLiteral("annotator"));
        QVERIFY(reviewer);
        Transaction tx(*f.ws.db);
        QVERIFY(tx.isActive());
        QVERIFY(labels.appendInTransaction(f.otherItemId, *reviewer, falseRefusal(),
                                           QStringLiteral("import"),
                                           QStringLiteral("2023-05-01T10:00:00.000Z")));
        QVERIFY(tx.commit());
        auto current = labels.current(f.otherItemId);
        QVERIFY(current && current->has_value());
        QCOMPARE((*current)->createdAt, QStringLiteral("2023-05-01T10:00:00.000Z"));
        QCOMPARE((*current)->source, QStringLiteral("import"));
    }

    void errorsComeBackAsValues()
    {
        Fixture f;
        LabelStore labels(*f.ws.db);
        auto missing = labels.append(987654, QStringLiteral("alice"), falseRefusal(),
                                     QStringLiteral("review"));
        QVERIFY(!missing);
        QVERIFY(missing.error().where.contains(QStringLiteral("987654")));
        auto badSource = labels.append(f.itemId, QStringLiteral("alice"), falseRefusal(),
                                       QStringLiteral("guess"));
        QVERIFY(!badSource);
        auto noReviewer =
            labels.append(f.itemId, QString(), falseRefusal(), QStringLiteral("review"));
        QVERIFY(!noReviewer);
        // Nothing of the failed writes remains.
        QCOMPARE(labels.history(f.itemId)->size(), size_t(0));
        QCOMPARE(f.itemState(f.itemId), std::make_pair(0, std::int64_t(0)));
    }
};

QTEST_GUILESS_MAIN(TestLabelStore)
#include "tst_labelstore.moc"
