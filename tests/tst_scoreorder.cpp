// A run's items in score order, as the table shows them sorted by score.
#include "ItemSeed.h"
#include "RunStore.h"
#include "ScoreOrder.h"
#include "TestWorkspace.h"

#include <QRandomGenerator>
#include <QTest>
#include <algorithm>

using namespace overrule;

namespace {

// Seeds `scores` as the items of a new run, in file order; their ids.
std::vector<std::int64_t> seedRun(const Database& db, const QString& name,
                                  const std::vector<std::optional<double>>& scores)
{
    const std::int64_t run = seed::run(db, name);
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < scores.size(); ++i)
        ids.push_back(seed::item(db, run, std::int64_t(i),
                                 {QStringLiteral("%1-%2").arg(name).arg(i), Behaviour::Compliance,
                                  Intent::Benign, std::nullopt, scores[i], QStringLiteral("p"),
                                  QStringLiteral("r")}));
    return ids;
}

std::vector<std::int64_t> ordered(const Database& db, std::int64_t runId, bool descending,
                                  int limit = -1)
{
    auto ids = ScoreOrder(db).ids(runId, descending, limit);
    if (!ids)
        qFatal("%s", qPrintable(ids.error().toString()));
    return *ids;
}

// What SQLite's ORDER BY score, seq gives (NULLs first): the reference.
std::vector<std::int64_t> reference(const Database& db, std::int64_t runId)
{
    Statement st = db.prepare("SELECT id FROM items WHERE run_id = ? ORDER BY score, seq");
    st.bind(1, runId);
    std::vector<std::int64_t> ids;
    while (st.step())
        ids.push_back(st.int64(0));
    return ids;
}

} // namespace

class TestScoreOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noScoreFirstThenAscendingTiesInFileOrder()
    {
        TestWorkspace ws;
        const auto ids = seedRun(*ws.db, QStringLiteral("a"),
                                 {0.5, std::nullopt, -1.0, 0.5, 2.0, std::nullopt, 0.0, -0.0});
        const std::int64_t run = 1;
        QVERIFY(ScoreOrder(*ws.db).rebuild(run));
        const std::vector<std::int64_t> ascending{ids[1], ids[5], ids[2], ids[6],
                                                  ids[7], ids[0], ids[3], ids[4]};
        QCOMPARE(ordered(*ws.db, run, false), ascending);
        QCOMPARE(ordered(*ws.db, run, false), reference(*ws.db, run));
        std::vector<std::int64_t> descending(ascending.rbegin(), ascending.rend());
        QCOMPARE(ordered(*ws.db, run, true), descending);
        QCOMPARE(ordered(*ws.db, run, false, 3),
                 std::vector<std::int64_t>(ascending.begin(), ascending.begin() + 3));
        QCOMPARE(ordered(*ws.db, run, true, 2),
                 std::vector<std::int64_t>(descending.begin(), descending.begin() + 2));
    }

    void writeReplacesTheRunsOrderOnly()
    {
        TestWorkspace ws;
        QRandomGenerator random(7);
        std::vector<std::optional<double>> scores;
        for (int i = 0; i < 1000; ++i)
            scores.push_back(i % 17 == 0 ? std::nullopt
                                         : std::optional<double>(random.bounded(50) / 10.0));
        const auto a = seedRun(*ws.db, QStringLiteral("a"), scores);
        const auto b = seedRun(*ws.db, QStringLiteral("b"), {3.0, 1.0});
        QVERIFY(ScoreOrder(*ws.db).rebuild(1));
        QVERIFY(ScoreOrder(*ws.db).rebuild(2));
        QCOMPARE(ordered(*ws.db, 1, false), reference(*ws.db, 1));

        // Entries in any order, written over the run's previous order.
        std::vector<ScoreOrder::Entry> entries;
        for (std::size_t i = 0; i < a.size(); ++i)
            entries.push_back({scores[i], std::int64_t(i), a[i]});
        std::shuffle(entries.begin(), entries.end(), std::mt19937(3));
        QVERIFY(ScoreOrder(*ws.db).write(1, entries));
        QCOMPARE(ordered(*ws.db, 1, false), reference(*ws.db, 1));
        QCOMPARE(ordered(*ws.db, 2, false), (std::vector<std::int64_t>{b[1], b[0]}));

        // A deleted run takes its order with it.
        QVERIFY(RunStore(*ws.db).remove(1));
        QCOMPARE(ordered(*ws.db, 1, false), std::vector<std::int64_t>());
        Statement left = ws.db->prepare("SELECT count(*) FROM item_score_order");
        QVERIFY(left.step());
        QCOMPARE(left.int64(0), 1); // run b's one block
    }

    void ordersSpanningSeveralBlocks()
    {
        // 2.5 blocks: the first rows of either direction come from one block, all of them
        // from every block in turn.
        TestWorkspace ws;
        std::vector<std::optional<double>> scores;
        for (std::size_t i = 0; i < ScoreOrder::kBlock * 5 / 2; ++i)
            scores.push_back(double((i * 7919) % 1000));
        Transaction tx(*ws.db);
        seedRun(*ws.db, QStringLiteral("big"), scores);
        QVERIFY(ScoreOrder(*ws.db).rebuild(1));
        QVERIFY(tx.commit());
        const std::vector<std::int64_t> all = reference(*ws.db, 1);
        QCOMPARE(ordered(*ws.db, 1, false), all);
        const std::vector<std::int64_t> reversed(all.rbegin(), all.rend());
        QCOMPARE(ordered(*ws.db, 1, true), reversed);
        const int some = int(ScoreOrder::kBlock) + 10;
        QCOMPARE(ordered(*ws.db, 1, false, some),
                 std::vector<std::int64_t>(all.begin(), all.begin() + some));
        QCOMPARE(ordered(*ws.db, 1, true, some),
                 std::vector<std::int64_t>(reversed.begin(), reversed.begin() + some));
        Statement blocks = ws.db->prepare("SELECT count(*) FROM item_score_order");
        QVERIFY(blocks.step());
        QCOMPARE(blocks.int64(0), 3);
    }
};

QTEST_GUILESS_MAIN(TestScoreOrder)
#include "tst_scoreorder.moc"
