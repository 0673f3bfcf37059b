#include "ItemSeed.h"
#include "RunStore.h"
#include "SearchIndex.h"
#include "SearchShard.h"
#include "TestWorkspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <atomic>
#include <chrono>
#include <string>
#include <thread>

using namespace overrule;

class TestSearchIndex : public QObject
{
    Q_OBJECT

private:
    // Matches in both halves of the index (SearchShard.h).
    static int matches(const Database& db, const QString& text)
    {
        return matchesIn(db, "search_even.item_search", text) +
               matchesIn(db, "search.item_search", text);
    }
    static int matchesIn(const Database& db, const char* table, const QString& text)
    {
        Statement st =
            db.prepare("SELECT count(*) FROM " + std::string(table) + " WHERE item_search MATCH ?");
        st.bind(1, ftsQuery(text));
        return st.step() ? st.integer(0) : -1000000;
    }
    static std::int64_t upto(const Database& db, std::int64_t runId)
    {
        Statement st = db.prepare(
            "SELECT coalesce((SELECT upto FROM search_even.progress WHERE run_id = ?), 0)");
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

    // Opens the workspace as the window does, after the search files were made untrustworthy:
    // `table` (both halves when null) starts empty, and the run's 3,000 items are indexed again.
    static void reopensEmptyThenRefills(const TestWorkspace& ws, std::int64_t run,
                                        const char* table)
    {
        Database::Options options;
        options.attachSearch = true;
        auto reopened = Database::open(ws.path(), options);
        QVERIFY(reopened);
        const QString word = QStringLiteral("refund");
        QCOMPARE(table ? matchesIn(**reopened, table, word) : matches(**reopened, word), 0);
        QVERIFY(!isIndexed(**reopened, run));
        QVERIFY(indexRun(**reopened, run));
        QCOMPARE(matches(**reopened, word), 3000);
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
        // Blocks of 1,024 ids alternate between the halves.
        QVERIFY(matchesIn(*ws.db, "search_even.item_search", QStringLiteral("refund")) > 1024);
        QVERIFY(matchesIn(*ws.db, "search.item_search", QStringLiteral("refund")) > 1024);
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

        // Removing the run takes its search rows with it, from both halves.
        QVERIFY(RunStore(*ws.db).remove(run));
        QCOMPARE(matches(*ws.db, QStringLiteral("refund")), 0);
        QVERIFY(ws.db->execute(
            "INSERT INTO search_even.item_search(item_search) VALUES ('integrity-check')"));
        QVERIFY(ws.db->execute(
            "INSERT INTO search.item_search(item_search) VALUES ('integrity-check')"));
    }

    // The background indexer's own connection holds neither search file: each half is then
    // built on a connection and thread of its own, at the same time.
    void buildsBothHalvesFromAConnectionWithoutTheSearchFile()
    {
        TestWorkspace ws;
        const auto run = seed::run(*ws.db, QStringLiteral("big"));
        fill(*ws.db, run, 0, 5000, QStringLiteral("refund"));
        auto indexer = Database::open(ws.path());
        QVERIFY(indexer);
        QVERIFY(!(*indexer)->hasSearchShards());
        QVERIFY(indexRun(**indexer, run));
        QVERIFY(isIndexed(*ws.db, run));
        QCOMPARE(matches(*ws.db, QStringLiteral("refund")), 5000);
        QVERIFY(!isIndexed(**indexer, run)); // it cannot tell without the search files
    }

    // FTS5 writes its pending terms as a new segment at every commit and at every statement
    // that may change several rows: a builder's transaction of several blocks, one row per
    // statement, must make one segment (many small ones cost a third of the build in merges).
    void buildsOneSegmentPerTransaction()
    {
        TestWorkspace ws;
        const auto run = seed::run(*ws.db, QStringLiteral("big"));
        fill(*ws.db, run, 0, 5000, QStringLiteral("refund")); // blocks 0-4: three even, two odd
        QVERIFY(indexRun(*ws.db, run));
        for (int shard = 0; shard < kSearchShards; ++shard) {
            // The structure record (rowid 10): a 4-byte cookie, then varints: levels, segments.
            Statement st =
                ws.db->prepare("SELECT block FROM " + std::string(searchShardName(shard)) +
                               ".item_search_data WHERE id = 10");
            QVERIFY(st.step());
            const std::string_view record = st.blob(0);
            QVERIFY(record.size() > 6);
            std::size_t at = 4;
            const auto varint = [&] {
                std::uint64_t value = 0;
                for (int i = 0; i < 9 && at < record.size(); ++i) {
                    const auto byte = static_cast<unsigned char>(record[at++]);
                    value = i == 8 ? (value << 8) | byte : (value << 7) | (byte & 0x7f);
                    if (i < 8 && !(byte & 0x80))
                        break;
                }
                return value;
            };
            (void)varint(); // levels
            QCOMPARE(varint(), std::uint64_t(1));
        }
        QCOMPARE(matches(*ws.db, QStringLiteral("refund")), 5000);
    }

    // A window's transaction that writes the search files (deleting a run) locks them: the
    // builders wait for it, instead of failing.
    void buildersWaitForTheWindowsTransactions()
    {
        TestWorkspace ws;
        const auto run = seed::run(*ws.db, QStringLiteral("big"));
        fill(*ws.db, run, 0, 3000, QStringLiteral("refund"));
        auto indexer = Database::open(ws.path());
        QVERIFY(indexer);
        Status built;
        {
            Transaction removal(*ws.db);
            QVERIFY(removal.isActive());
            QVERIFY(ws.db->execute("DELETE FROM search_even.progress WHERE run_id = -1;"
                                   "DELETE FROM search.progress WHERE run_id = -1;"));
            std::thread background([&] { built = indexRun(**indexer, run); });
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            removal.rollback();
            background.join();
        }
        QVERIFY2(built, qPrintable(built ? QString() : built.error().toString()));
        QCOMPARE(matches(*ws.db, QStringLiteral("refund")), 3000);
    }

    // A builder holds its file's write lock for a long transaction; a window's transaction
    // (a decision) takes the workspace's lock only, so it does not wait for the builder.
    void decisionsDoNotWaitForABuildersTransaction()
    {
        TestWorkspace ws;
        const auto run = seed::run(*ws.db, QStringLiteral("big"));
        for (int shard = 0; shard < kSearchShards; ++shard) {
            Database::Options builderOptions;
            builderOptions.searchShard = shard;
            auto builder = Database::open(ws.path(), builderOptions);
            QVERIFY(builder);
            QVERIFY((*builder)->hasSearchShard(shard) && !(*builder)->hasSearchShard(1 - shard));
            Transaction building(**builder, Transaction::Mode::Deferred);
            QVERIFY(building.isActive());
            QVERIFY((*builder)->execute("DELETE FROM " + std::string(searchShardName(shard)) +
                                        ".progress WHERE run_id = -1;"));

            Database::Options windowOptions;
            windowOptions.attachSearch = true;
            windowOptions.busyTimeoutMs = 50;
            auto window = Database::open(ws.path(), windowOptions);
            QVERIFY(window);
            Transaction decision(**window);
            QVERIFY2(decision.isActive(), qPrintable(decision.beginError()));
            Statement touch = (*window)->prepare("UPDATE runs SET name = name WHERE id = ?");
            touch.bind(1, run);
            QVERIFY(touch.exec());
            QVERIFY(decision.commit());
            // Writing the builder's file has to wait for it.
            Transaction removal(**window);
            QVERIFY(removal.isActive());
            QVERIFY(!(*window)->execute("DELETE FROM " + std::string(searchShardName(shard)) +
                                        ".progress WHERE run_id = -1;"));
        }
    }

    // A reviewer's decisions while a run is indexed go through at once (the builders never
    // write the workspace), and so does deleting a run, which writes the search files too: the
    // builders end their transactions early for it (a decision on a 1M-item run once failed
    // after 5 s when the builders took the lock again right after each commit).
    void windowWritesGetThroughWhileIndexing()
    {
        TestWorkspace ws;
        const auto run = seed::run(*ws.db, QStringLiteral("big"));
        {
            // Long responses, so that indexing lasts a few seconds.
            QStringList words;
            for (int w = 0; w < 120; ++w)
                words << QStringLiteral("word%1").arg(w * 7919 % 5000);
            const QString response = words.join(QLatin1Char(' '));
            Transaction tx(*ws.db);
            for (int i = 0; i < 80000; ++i)
                seed::item(*ws.db, run, i,
                           {QStringLiteral("i%1").arg(i), Behaviour::FullRefusal, Intent::Benign,
                            std::nullopt, std::nullopt,
                            QStringLiteral("please refund me %1").arg(i), response});
            QVERIFY(tx.commit());
        }
        const auto other = seed::run(*ws.db, QStringLiteral("other"));
        fill(*ws.db, other, 0, 10, QStringLiteral("refund"));
        QVERIFY(indexRun(*ws.db, other));
        Database::Options windowOptions;
        windowOptions.attachSearch = true;
        windowOptions.busyTimeoutMs = 250; // a decision must not wait longer than this
        auto window = Database::open(ws.path(), windowOptions);
        QVERIFY(window);
        Database::Options background;
        background.background = true;
        auto indexer = Database::open(ws.path(), background);
        QVERIFY(indexer);
        std::atomic<bool> done{false};
        Status built;
        std::thread builder([&] {
            built = indexRun(**indexer, run);
            done = true;
        });
        int writes = 0;
        QStringList failures;
        double worstMs = 0;
        bool removed = false;
        bool removedWhileIndexing = false;
        while (!done) {
            if (writes == 3 && !removed) {
                // Deleting a run writes the search files too: the builders end their
                // transactions early for it.
                const auto started = std::chrono::steady_clock::now();
                if (auto gone = RunStore(**window).remove(other); !gone)
                    failures << QStringLiteral("removing a run: ") + gone.error().message;
                removedWhileIndexing = !done;
                worstMs = std::max(worstMs, std::chrono::duration<double, std::milli>(
                                                std::chrono::steady_clock::now() - started)
                                                .count());
                removed = true;
            }
            const auto started = std::chrono::steady_clock::now();
            Transaction decision(**window);
            worstMs = std::max(worstMs, std::chrono::duration<double, std::milli>(
                                            std::chrono::steady_clock::now() - started)
                                            .count());
            if (!decision.isActive()) {
                failures << decision.beginError();
            } else {
                Statement touch = (*window)->prepare("UPDATE runs SET name = name WHERE id = ?");
                touch.bind(1, run);
                if (auto ok = touch.exec(); !ok)
                    failures << ok.error().message;
                else if (auto committed = decision.commit(); !committed)
                    failures << committed.error().message;
                else
                    ++writes;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        builder.join();
        qInfo("writes %d, failures %d, worst wait %.1f ms", writes, int(failures.size()), worstMs);
        QVERIFY2(built, qPrintable(built ? QString() : built.error().toString()));
        QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("%1 of %2 writes failed: %3")
                                                    .arg(failures.size())
                                                    .arg(failures.size() + writes)
                                                    .arg(failures.value(0))));
        QVERIFY(writes > 3);
        QVERIFY(removed);
        QVERIFY(removedWhileIndexing);
        QCOMPARE(matches(**window, QStringLiteral("refund")), 80000);
    }

    // A crash between the two files' commits while a run was deleted could leave the search
    // file listing a run the workspace no longer has; its ids may be reused, so the search
    // file is emptied when the workspace is next opened, to be filled again.
    void searchFileThatOutlivedARunIsEmptiedOnOpen()
    {
        TestWorkspace ws;
        const auto run = seed::run(*ws.db, QStringLiteral("big"));
        fill(*ws.db, run, 0, 3000, QStringLiteral("refund"));
        QVERIFY(indexRun(*ws.db, run));
        QVERIFY(ws.db->execute(
            "INSERT INTO search.progress(run_id, upto, imported_at) VALUES (999, 1, 'x')"));
        reopensEmptyThenRefills(ws, run, "search.item_search");
    }

    // A workspace deleted and made again at the same path finds the old search file there;
    // the workspace ids differ, so the file starts empty instead of answering for the new runs.
    void searchFileOfAnotherWorkspaceIsEmptied()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.overrule"));
        Database::Options options;
        options.attachSearch = true;
        {
            auto first = Database::open(path, options);
            QVERIFY(first);
            const auto run = seed::run(**first, QStringLiteral("old"));
            fill(**first, run, 1000, 2000, QStringLiteral("refund"));
            QVERIFY(indexRun(**first, run));
            QVERIFY(matchesIn(**first, "search.item_search", QStringLiteral("refund")) > 0);
        }
        for (const char* suffix : {"", "-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
        auto second = Database::open(path, options);
        QVERIFY(second);
        const auto run = seed::run(**second, QStringLiteral("new"));
        fill(**second, run, 1000, 2000, QStringLiteral("shipping"));
        QCOMPARE(matches(**second, QStringLiteral("refund")), 0);
        QVERIFY(!isIndexed(**second, run));
        QVERIFY(indexRun(**second, run));
        QCOMPARE(matches(**second, QStringLiteral("shipping")), 2000);
        QCOMPARE(matches(**second, QStringLiteral("refund")), 0);
    }

    // A search file from before schema version 10 has an index made by unicode61: it is made
    // again with the current tokenizer when it is attached, and filled again.
    void searchFileOfAnOlderVersionIsMadeAgain()
    {
        TestWorkspace ws;
        const auto run = seed::run(*ws.db, QStringLiteral("big"));
        fill(*ws.db, run, 0, 3000, QStringLiteral("refund"));
        QVERIFY(indexRun(*ws.db, run));
        QVERIFY(ws.db->execute(
            "DROP TABLE search.item_search;"
            "CREATE VIRTUAL TABLE search.item_search USING fts5(prompt, response, content = '', "
            "tokenize = 'unicode61 remove_diacritics 2', detail = none);"
            "INSERT INTO search.item_search(rowid, prompt, response) VALUES (1025, 'x', 'y');"));
        Database::Options options;
        options.attachSearch = true;
        auto reopened = Database::open(ws.path(), options);
        QVERIFY(reopened);
        Statement table =
            (*reopened)->prepare("SELECT sql FROM search.sqlite_schema WHERE name = 'item_search'");
        QVERIFY(table.step());
        QVERIFY(table.text(0).contains(QLatin1String("overrule_words")));
        QCOMPARE(matchesIn(**reopened, "search.item_search", QStringLiteral("x")), 0);
        QVERIFY(!isIndexed(**reopened, run));
        QVERIFY(indexRun(**reopened, run));
        QCOMPARE(matches(**reopened, QStringLiteral("refund")), 3000);
        QVERIFY((*reopened)->execute(
            "INSERT INTO search.item_search(item_search) VALUES ('integrity-check')"));
    }

    // A search file of schema version 10 knows its runs by id alone: it cannot tell a run from
    // a later one given the same id, so it is made again and filled again.
    void searchFileOfVersion10IsMadeAgain()
    {
        TestWorkspace ws;
        const auto run = seed::run(*ws.db, QStringLiteral("big"));
        fill(*ws.db, run, 0, 3000, QStringLiteral("refund"));
        QVERIFY(indexRun(*ws.db, run));
        QVERIFY(ws.db->execute("DROP TABLE search.progress;"
                               "CREATE TABLE search.progress(run_id INTEGER PRIMARY KEY, "
                               "upto INTEGER NOT NULL);"));
        QVERIFY(ws.db->execute("INSERT INTO search.progress(run_id, upto) VALUES (" +
                               std::to_string(run) + ", 3000)"));
        reopensEmptyThenRefills(ws, run, "search.item_search");
    }

    // A crash between the commits of a run's deletion (the workspace's first, then the search
    // files') can leave a run's entries behind, and the next import may be given the same run
    // and item ids: its import time tells it apart, and both files are emptied.
    void runGivenTheIdOfADeletedOneEmptiesTheFiles()
    {
        TestWorkspace ws;
        const auto run = seed::run(*ws.db, QStringLiteral("big"));
        fill(*ws.db, run, 0, 3000, QStringLiteral("refund"));
        QVERIFY(indexRun(*ws.db, run));
        // What the search files cannot see: the run and its items gone, a new run in their ids.
        Statement retime = ws.db->prepare("UPDATE runs SET imported_at = ? WHERE id = ?");
        retime.bind(1, QStringLiteral("2030-01-01T00:00:00.000Z")).bind(2, run);
        QVERIFY(retime.exec());
        reopensEmptyThenRefills(ws, run, nullptr);
    }

    // The window's transactions take the workspace's write lock at once (not at their first
    // write), as BEGIN IMMEDIATE does, though they leave the search files alone.
    void windowTransactionsLockTheWorkspaceAtOnce()
    {
        TestWorkspace ws;
        Database::Options options;
        options.attachSearch = true;
        options.busyTimeoutMs = 50;
        auto other = Database::open(ws.path(), options);
        QVERIFY(other);
        Transaction first(*ws.db);
        QVERIFY(first.isActive());
        Transaction second(**other);
        QVERIFY(!second.isActive());
        QVERIFY(second.beginError().contains(QStringLiteral("locked")));
        first.rollback();
        Transaction third(**other);
        QVERIFY(third.isActive());
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
