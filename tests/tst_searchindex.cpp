#include "ItemSeed.h"
#include "RunStore.h"
#include "SearchIndex.h"
#include "TestWorkspace.h"

#include <atomic>

using namespace overrule;

class TestSearchIndex : public QObject
{
    Q_OBJECT

private:
    static int matches(const Database& db, const QString& text)
    {
        Statement st = db.prepare("SELECT count(*) FROM item_search WHERE item_search MATCH ?");
        st.bind(1, ftsQuery(text));
        return st.step() ? st.integer(0) : -1;
    }
    static std::int64_t upto(const Database& db, std::int64_t runId)
    {
        Statement st = db.prepare("SELECT search_indexed_upto FROM runs WHERE id = ?");
        st.bind(1, runId);
        return st.step() ? st.int64(0) : -1;
    }
    static void fill(const Database& db, std::int64_t runId, int from, int count,
                     const QString& word)
    {
        Transaction tx(db);
        for (int i = from; i < from + count; ++i)
            seed::item(db, runId, i,
                       {QStringLiteral("i%1").arg(i), Behaviour::FullRefusal, Intent::Benign,
                        std::nullopt, std::nullopt, QStringLiteral("please %1 me").arg(word),
                        QStringLiteral("réponse number %1").arg(i)});
        QVERIFY(tx.commit());
    }

private Q_SLOTS:
    void quotesUserText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("query");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("spaces") << QStringLiteral("   ") << QString();
        QTest::newRow("one") << QStringLiteral("refund") << QStringLiteral("\"refund\"");
        QTest::newRow("two") << QStringLiteral(" refund  order ")
                             << QStringLiteral("\"refund\" AND \"order\"");
        // The index keeps no positions: words are cut where the tokenizer cuts them, never
        // left as phrases.
        QTest::newRow("quote") << QStringLiteral("say\"hi") << QStringLiteral("\"say\" AND \"hi\"");
        QTest::newRow("apostrophe")
            << QStringLiteral("don't") << QStringLiteral("\"don\" AND \"t\"");
        QTest::newRow("non-ASCII") << QStringLiteral("réponse\u00a0№1 𝐀b")
                                   << QStringLiteral("\"réponse\" AND \"1\" AND \"𝐀b\"");
        QTest::newRow("operators")
            << QStringLiteral("a OR b") << QStringLiteral("\"a\" AND \"OR\" AND \"b\"");
        QTest::newRow("punctuation only") << QStringLiteral("* - \"") << QString();
    }

    void quotesUserText()
    {
        QFETCH(QString, text);
        QFETCH(QString, query);
        QCOMPARE(ftsQuery(text), query);
    }

    void indexesInBatchesAndResumes()
    {
        TestWorkspace ws;
        const auto run = seed::run(*ws.db, QStringLiteral("big"));
        const auto other = seed::run(*ws.db, QStringLiteral("other"));
        fill(*ws.db, run, 0, 4500, QStringLiteral("refund"));
        fill(*ws.db, other, 0, 10, QStringLiteral("refund"));
        QVERIFY(!isIndexed(*ws.db, run));
        QCOMPARE(matches(*ws.db, QStringLiteral("refund")), 0);

        QVERIFY(indexRun(*ws.db, run));
        QVERIFY(isIndexed(*ws.db, run));
        QVERIFY(!isIndexed(*ws.db, other));
        QCOMPARE(matches(*ws.db, QStringLiteral("refund")), 4500);
        QCOMPARE(matches(*ws.db, QStringLiteral("REPONSE 17")), 1); // diacritics folded
        QCOMPARE(matches(*ws.db, QStringLiteral("please refund")), 4500);
        QCOMPARE(matches(*ws.db, QStringLiteral("refund NOT please")), 0); // NOT is a word
        QCOMPARE(matches(*ws.db, QStringLiteral("réponse-number")), 4500); // no phrase query

        // Indexing again adds nothing; items added later are picked up.
        QVERIFY(indexRun(*ws.db, run));
        QCOMPARE(matches(*ws.db, QStringLiteral("refund")), 4500);
        fill(*ws.db, run, 4500, 5, QStringLiteral("shipping"));
        QVERIFY(!isIndexed(*ws.db, run));
        QVERIFY(indexRun(*ws.db, run));
        QVERIFY(isIndexed(*ws.db, run));
        QCOMPARE(matches(*ws.db, QStringLiteral("shipping")), 5);
        QCOMPARE(matches(*ws.db, QStringLiteral("refund")), 4500);

        // Removing the run takes its search rows with it.
        QVERIFY(RunStore(*ws.db).remove(run));
        QCOMPARE(matches(*ws.db, QStringLiteral("refund")), 0);
        QVERIFY(ws.db->execute("INSERT INTO item_search(item_search) VALUES ('integrity-check')"));
    }

    void cancelStopsAndKeepsCommittedBatches()
    {
        TestWorkspace ws;
        const auto run = seed::run(*ws.db, QStringLiteral("big"));
        fill(*ws.db, run, 0, 3000, QStringLiteral("refund"));
        std::atomic<bool> cancel{true};
        auto stopped = indexRun(*ws.db, run, &cancel);
        QVERIFY(!stopped);
        QVERIFY(stopped.error().message.contains(QStringLiteral("cancel")));
        QCOMPARE(upto(*ws.db, run), std::int64_t(0));
        QVERIFY(!isIndexed(*ws.db, run));
        cancel = false;
        QVERIFY(indexRun(*ws.db, run, &cancel));
        QCOMPARE(matches(*ws.db, QStringLiteral("refund")), 3000);
    }

    void unknownRunIsAnError()
    {
        TestWorkspace ws;
        QVERIFY(!indexRun(*ws.db, 77));
    }
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
