#include "Database.h"
#include "Schema.h"
#include "ScoreOrder.h"
#include "TestWorkspace.h"

#include <sqlite3.h>
#include <vector>

using namespace overrule;

class TestSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshWorkspaceIsCurrentAndInWal()
    {
        TestWorkspace ws;
        QCOMPARE(ws.db->userVersion(), Schema::currentVersion());
        QCOMPARE(ws.db->journalMode(), QStringLiteral("wal"));
        Statement fk = ws.db->prepare("PRAGMA foreign_keys");
        QVERIFY(fk.step());
        QCOMPARE(fk.integer(0), 1);
        // 16 KB pages for a new workspace; no automatic checkpoints (the search indexer and the
        // last close checkpoint, never a reviewer's commit).
        Statement page = ws.db->prepare("PRAGMA page_size");
        QVERIFY(page.step());
        QCOMPARE(page.integer(0), 16384);
        Statement checkpoint = ws.db->prepare("PRAGMA wal_autocheckpoint");
        QVERIFY(checkpoint.step());
        QCOMPARE(checkpoint.integer(0), 0);
    }

    // No connection checkpoints on its own; the owner of a connection hears how large the WAL
    // has grown after each commit, so that it can have it checkpointed elsewhere.
    void walHookReportsTheFramesAfterEachCommit()
    {
        TestWorkspace ws;
        std::vector<int> frames;
        ws.db->setWalHook([&](int count) { frames.push_back(count); });
        QVERIFY(ws.db->execute("INSERT INTO runs(name, imported_at) VALUES ('a', 'x');"));
        QVERIFY(ws.db->execute("INSERT INTO runs(name, imported_at) VALUES ('b', 'x');"));
        QCOMPARE(frames.size(), std::size_t(2));
        QVERIFY(frames[0] > 0);
        QVERIFY(frames[1] > frames[0]); // nothing checkpointed in between
        QVERIFY(ws.db->checkpoint());
        ws.db->setWalHook({});
        QVERIFY(ws.db->execute("INSERT INTO runs(name, imported_at) VALUES ('c', 'x');"));
        QCOMPARE(frames.size(), std::size_t(2));
    }

    void migratesFromEachOlderVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < Schema::currentVersion(); ++v)
            QTest::newRow(qPrintable(QStringLiteral("v%1").arg(v))) << v;
    }

    void migratesFromEachOlderVersion()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.overrule"));
        {
            Database::Options options;
            options.migrate = false;
            auto db = Database::open(path, options);
            QVERIFY2(db, qPrintable(db ? QString() : db.error().toString()));
            QVERIFY(Schema::migrate(**db, from));
            QCOMPARE((*db)->userVersion(), from);
            if (from >= 1) {
                // Data written by the old version survives the migration.
                QVERIFY((*db)->execute("INSERT INTO runs(name, imported_at) VALUES ('old', 'x');"
                                       "INSERT INTO items(run_id, seq, external_id, verdict, "
                                       "score) VALUES (1, 0, 'a', 1, 0.9), (1, 1, 'b', 1, NULL), "
                                       "(1, 2, 'c', 1, 0.1);"
                                       "INSERT INTO item_texts(item_id, prompt, response) "
                                       "VALUES (1, 'p', 'r');"));
            }
        }
        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().toString()));
        QCOMPARE((*db)->userVersion(), Schema::currentVersion());
        if (from >= 1) {
            Statement st = (*db)->prepare("SELECT count(*) FROM items");
            QVERIFY(st.step());
            QCOMPARE(st.integer(0), 3);
            if (from < 9) {
                // Version 9 writes the score order of the runs it finds: no score first.
                auto order = ScoreOrder(**db).ids(1, false);
                QVERIFY(order);
                QCOMPARE(*order, (std::vector<std::int64_t>{2, 3, 1}));
            }
        }
        // Since version 11 the search index lives only in the files beside the workspace,
        // whatever the starting point; attached, they have the tokenizer of version 10.
        Statement table = (*db)->prepare(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'item_search' OR sql LIKE "
            "'%search_indexed_upto%'");
        QVERIFY(table.step());
        QCOMPARE(table.integer(0), 0);
        db->reset();
        Database::Options options;
        options.attachSearch = true;
        auto window = Database::open(path, options);
        QVERIFY2(window, qPrintable(window ? QString() : window.error().toString()));
        for (const char* name : {"search_even", "search"}) {
            QVERIFY((*window)->execute("SELECT count(*) FROM " + std::string(name) +
                                       ".item_search WHERE item_search MATCH 'p'"));
            Statement shard = (*window)->prepare("SELECT sql FROM " + std::string(name) +
                                                 ".sqlite_schema WHERE name = 'item_search'");
            QVERIFY(shard.step());
            QVERIFY(shard.text(0).contains(QLatin1String("tokenize = 'overrule_words'")));
        }
    }

    void refusesNewerWorkspace()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.overrule"));
        {
            auto db = Database::open(path);
            QVERIFY(db);
            QVERIFY((*db)->execute("PRAGMA user_version = 999;"));
        }
        auto db = Database::open(path);
        QVERIFY(!db);
        QVERIFY(db.error().message.contains(QStringLiteral("newer Overrule")));
        QCOMPARE(db.error().where, path);
    }

    void refusesFileThatIsNotADatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("junk.overrule"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        auto db = Database::open(path);
        QVERIFY(!db);
        QVERIFY(db.error().message.contains(QStringLiteral("not an Overrule workspace")));
    }

    void failedMigrationLeavesFileUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clash.overrule"));
        {
            Database::Options options;
            options.migrate = false;
            auto db = Database::open(path, options);
            QVERIFY(db);
            QVERIFY(Schema::migrate(**db, 1));
            // A table in the way of version 2 makes that migration fail.
            QVERIFY((*db)->execute("CREATE TABLE item_search(x);"));
        }
        auto db = Database::open(path);
        QVERIFY(!db);
        Database::Options options;
        options.migrate = false;
        auto reopened = Database::open(path, options);
        QVERIFY(reopened);
        QCOMPARE((*reopened)->userVersion(), 1);
    }

    void transactionRollsBackUnlessCommitted()
    {
        TestWorkspace ws;
        {
            Transaction tx(*ws.db);
            QVERIFY(tx.isActive());
            QVERIFY(ws.db->execute("INSERT INTO reviewers(name) VALUES ('alice');"));
        }
        Statement st = ws.db->prepare("SELECT count(*) FROM reviewers");
        QVERIFY(st.step());
        QCOMPARE(st.integer(0), 0);
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
