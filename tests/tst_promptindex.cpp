// The first item per prompt that the import's writer consults for every item.
#include "import/PromptIndex.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTest>

using namespace overrule;

class TestPromptIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTheFirstItemPerPrompt()
    {
        PromptIndex index;
        const PromptKey a{1, 2};
        const PromptKey b{1, 3};
        QCOMPARE(index.find(a), 0);
        index.add(a, 10);
        index.add(a, 11); // a later item with the same prompt does not replace the first
        QCOMPARE(index.find(a), 10);
        QCOMPARE(index.find(b), 0);
        index.add(b, 12);
        QCOMPARE(index.find(b), 12);
        QCOMPARE(index.size(), std::size_t(2));
    }

    void collidingSlotsAndGrowthLoseNothing()
    {
        // Keys that all start at the same slot, then many random ones: every key keeps its
        // item through each doubling of the table, and absent keys stay absent.
        PromptIndex index;
        QHash<QPair<quint64, quint64>, std::int64_t> expected;
        std::int64_t item = 1;
        for (quint64 i = 0; i < 300; ++i) {
            index.add({i, 4096 * i}, item);
            expected.insert({i, 4096 * i}, item++);
        }
        QRandomGenerator random(42);
        for (int i = 0; i < 200000; ++i) {
            const PromptKey key{random.generate64(), random.generate64()};
            index.add(key, item);
            expected.insert({key.high, key.low}, item++);
        }
        QCOMPARE(index.size(), std::size_t(expected.size()));
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            QCOMPARE(index.find({it.key().first, it.key().second}), it.value());
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(index.find({random.generate64(), random.generate64()}), 0);
    }
};

QTEST_GUILESS_MAIN(TestPromptIndex)
#include "tst_promptindex.moc"
