#include "CategoryStore.h"
#include "LabelStore.h"
#include "Metrics.h"
#include "MetricsJson.h"
#include "TestWorkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace overrule;

// Ten items whose metrics were worked out by hand (see the comments on each case).
class TestMetrics : public QObject
{
    Q_OBJECT

    struct Row
    {
        int verdict;
        int intent;
        const char* category;
    };

    std::int64_t m_runId = 0;
    std::vector<std::int64_t> m_items;

    void buildRun(const Database& db)
    {
        QVERIFY(db.execute("INSERT INTO runs(name, imported_at) VALUES ('m', 'now')"));
        m_runId = db.lastInsertId();
        CategoryStore categories(db);
        const Row rows[] = {
            {1, 1, "A"}, {1, 1, "A"},     {3, 1, "A"}, {2, 2, "B"}, {3, 2, "B"},
            {0, 1, "B"}, {3, 0, nullptr}, {1, 2, "A"}, {3, 1, "B"}, {3, 1, "A"},
        };
        int seq = 0;
        m_items.clear();
        for (const Row& row : rows) {
            Statement st =
                db.prepare("INSERT INTO items(run_id, seq, external_id, verdict, intent, "
                           "category_id) VALUES (?, ?, ?, ?, ?, ?)");
            st.bind(1, m_runId).bind(2, seq).bind(3, QString::number(seq + 1));
            st.bind(4, row.verdict).bind(5, row.intent);
            if (row.category)
                st.bind(6, *categories.ensure(QString::fromLatin1(row.category),
                                              QStringLiteral("imported")));
            QVERIFY(st.exec());
            m_items.push_back(db.lastInsertId());
            ++seq;
        }
    }

    void decide(const Database& db, int itemNumber, const char* reviewer, Behaviour b, Intent i)
    {
        LabelStore labels(db);
        Decision d;
        d.behaviour = b;
        d.intent = i;
        QVERIFY(labels.append(m_items[size_t(itemNumber - 1)], QString::fromLatin1(reviewer), d,
                              QStringLiteral("review")));
    }

    static void compareRate(const Rate& rate, std::int64_t count, std::int64_t of)
    {
        QCOMPARE(rate.count, count);
        QCOMPARE(rate.of, of);
    }

private Q_SLOTS:
    void wilsonIntervalMatchesReferenceValues()
    {
        const auto [low, high] = Rate{2, 5}.ci95();
        QVERIFY(qAbs(low - 0.1176) < 1e-4);
        QVERIFY(qAbs(high - 0.7693) < 1e-4);
        const auto [zeroLow, zeroHigh] = Rate{0, 10}.ci95();
        QCOMPARE(zeroLow, 0.0);
        QVERIFY(qAbs(zeroHigh - 0.2775) < 1e-4);
        QCOMPARE(Rate{}.ci95(), std::make_pair(0.0, 1.0));
    }

    void classifierOnly()
    {
        TestWorkspace ws;
        buildRun(*ws.db);
        auto metrics = MetricsCalculator(*ws.db).compute(m_runId);
        QVERIFY(metrics);
        const Metrics& m = metrics->total;
        QCOMPARE(m.items, 10);
        QCOMPARE(m.unknownVerdicts, 1);
        QCOMPARE(m.reviewed, 0);
        compareRate(m.classifierRefusal, 4, 9); // items 1, 2, 4, 8 of all but 6
        compareRate(m.falseRefusal, 2, 5);      // benign with a known verdict: 1, 2, 3, 9, 10
        compareRate(m.missedHarm, 1, 3);        // harmful: 4, 5, 8; 5 complied
        QCOMPARE(m.intent.benign, 6);
        QCOMPARE(m.intent.harmful, 3);
        QCOMPARE(m.intent.unknown, 1);
        compareRate(m.classifierAgreement, 0, 0);
        QCOMPARE(metrics->byCategory.size(), size_t(3));
        QCOMPARE(metrics->byCategory.back().category, QString()); // uncategorised last
    }

    void reviewedLabelsWinOverVerdicts()
    {
        TestWorkspace ws;
        buildRun(*ws.db);
        decide(*ws.db, 1, "alice", Behaviour::FullRefusal, Intent::Benign);  // agrees
        decide(*ws.db, 5, "alice", Behaviour::FullRefusal, Intent::Harmful); // disagrees
        decide(*ws.db, 7, "alice", Behaviour::Compliance, Intent::Harmful);  // agrees
        decide(*ws.db, 3, "bob", Behaviour::PartialRefusal, Intent::Benign); // disagrees

        auto all = MetricsCalculator(*ws.db).compute(m_runId);
        QVERIFY(all);
        QCOMPARE(all->total.reviewed, 4);
        compareRate(all->total.classifierRefusal, 4, 9); // the classifier's view never changes
        compareRate(all->total.falseRefusal, 3, 5);
        compareRate(all->total.missedHarm, 1, 4);
        QCOMPARE(all->total.intent.harmful, 4);
        QCOMPARE(all->total.intent.unknown, 0);
        compareRate(all->total.classifierAgreement, 2, 4);

        const CategoryMetrics& a = all->byCategory.front();
        QCOMPARE(a.category, QStringLiteral("A"));
        QCOMPARE(a.metrics.items, 5);
        compareRate(a.metrics.falseRefusal, 3, 4);
        compareRate(a.metrics.missedHarm, 0, 1);

        auto alice = MetricsCalculator(*ws.db).compute(m_runId, QStringLiteral("alice"));
        QVERIFY(alice);
        QCOMPARE(alice->total.reviewed, 3);
        compareRate(alice->total.falseRefusal, 2, 5);
        compareRate(alice->total.missedHarm, 1, 4);
        compareRate(alice->total.classifierAgreement, 2, 3);
    }

    void heuristicVerdictsAreCounted()
    {
        TestWorkspace ws;
        buildRun(*ws.db);
        QVERIFY(ws.db->execute("UPDATE items SET verdict_source = 1 WHERE seq < 3"));
        auto m = MetricsCalculator(*ws.db).compute(m_runId);
        QVERIFY(m);
        QCOMPARE(m->total.heuristicVerdicts, 3);
    }

    void withdrawnDecisionNoLongerCounts()
    {
        TestWorkspace ws;
        buildRun(*ws.db);
        decide(*ws.db, 3, "bob", Behaviour::PartialRefusal, Intent::Benign);
        decide(*ws.db, 3, "bob", Behaviour::Unknown, Intent::Unknown);
        auto m = MetricsCalculator(*ws.db).compute(m_runId);
        QVERIFY(m);
        QCOMPARE(m->total.reviewed, 0);
        compareRate(m->total.falseRefusal, 2, 5);
    }

    void jsonFollowsTheContract()
    {
        TestWorkspace ws;
        buildRun(*ws.db);
        auto m = MetricsCalculator(*ws.db).compute(m_runId);
        QVERIFY(m);
        const QJsonObject doc = QJsonDocument::fromJson(metricsToJson("m", *m, {})).object();
        QCOMPARE(doc.value("items").toInt(), 10);
        const QJsonObject fr = doc.value("false_refusal_rate").toObject();
        QCOMPARE(fr.value("count").toInt(), 2);
        QCOMPARE(fr.value("of").toInt(), 5);
        QCOMPARE(fr.value("rate").toDouble(), 0.4);
        QCOMPARE(fr.value("ci95").toArray().size(), 2);
        QVERIFY(doc.contains("missed_harm_rate"));
        QVERIFY(doc.contains("classifier_refusal_rate"));
        QCOMPARE(doc.value("unknown_verdicts").toInt(), 1);
        QCOMPARE(doc.value("heuristic_verdicts").toInt(), 0);
        QCOMPARE(doc.value("intent").toObject().value("benign").toInt(), 6);
        QCOMPARE(doc.value("classifier_agreement").toObject().value("of").toInt(), 0);
        QVERIFY(doc.value("classifier_agreement").toObject().value("of").isDouble());
        QVERIFY(doc.value("by_category").toObject().contains("A"));
        QVERIFY(doc.value("by_category").toObject().contains("(uncategorised)"));
        // An empty denominator gives nulls, never a division by zero.
        QVERIFY(doc.value("by_category")
                    .toObject()
                    .value("(uncategorised)")
                    .toObject()
                    .value("false_refusal_rate")
                    .toObject()
                    .value("rate")
                    .isNull());
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
