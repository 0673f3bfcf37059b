#include "FormatTestSupport.h"
#include "ItemStore.h"
#include "LoopbackHttpServer.h"
#include "ScoreOrder.h"

#include <QCryptographicHash>
#include <QTest>
#include <set>

using namespace overrule;
using namespace formattest;
using importtest::scalar;
using importtest::writeFile;

class TestReimport : public QObject
{
    Q_OBJECT

private:
    static QByteArray lines(int from, int to)
    {
        QByteArray out;
        for (int i = from; i <= to; ++i)
            out += QStringLiteral("{\"id\": \"%1\", \"prompt\": \"question %1\", \"response\": "
                                  "\"answer\", \"verdict\": \"complied\"}\n")
                       .arg(i)
                       .toUtf8();
        return out;
    }

private Q_SLOTS:
    void refusesByDefaultAndNamesTheRun()
    {
        TestWorkspace ws;
        const QString path = writeFile(ws.dir.path(), "run.jsonl", lines(1, 3));
        REQUIRE_OK(importFile(ws, path));
        auto previous = Importer::findPreviousImport(ws.path(), path);
        REQUIRE_OK(previous);
        QVERIFY(previous->has_value());
        QCOMPARE((*previous)->name, QStringLiteral("run"));

        auto again = importFile(ws, path);
        QVERIFY(!again);
        QVERIFY2(again.error().toString().contains(
                     QStringLiteral("already imported as run 'run' (use --on-duplicate "
                                    "skip|new-run|add-new)")),
                 qPrintable(again.error().toString()));
        QCOMPARE(scalar(*ws.db, "SELECT count(*) FROM runs"), 1);
    }

    void skipKeepsTheExistingRun()
    {
        TestWorkspace ws;
        const QString path = writeFile(ws.dir.path(), "run.jsonl", lines(1, 3));
        auto first = importFile(ws, path);
        REQUIRE_OK(first);
        auto skipped = importFile(ws, path, std::nullopt, ReimportPolicy::Skip);
        REQUIRE_OK(skipped);
        QVERIFY(skipped->skippedAsDuplicate);
        QCOMPARE(skipped->runId, first->runId);
        QCOMPARE(skipped->itemCount, 0);
        QCOMPARE(scalar(*ws.db, "SELECT count(*) FROM items"), 3);
    }

    void storesTheFileHashWhateverTheContainer_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("jsonl") << QStringLiteral("import/native.jsonl");
        QTest::newRow("csv") << QStringLiteral("import/mapped.csv");
        QTest::newRow("gzip") << QStringLiteral("archive/items.jsonl.gz");
        QTest::newRow("eval") << QStringLiteral("formats/refusal.eval");
        QTest::newRow("json document") << QStringLiteral("formats/inspect-chat.json");
    }

    // The hash is taken while the file is read when it can be (plain text) and from the file
    // itself otherwise; either way it is the hash of the bytes on disk, so the next import of
    // the same file is recognised.
    void storesTheFileHashWhateverTheContainer()
    {
        QFETCH(QString, file);
        TestWorkspace ws;
        const QString path = QStringLiteral(OVERRULE_TEST_DATA "/") + file;
        std::optional<Mapping> mapping;
        if (file.endsWith(QLatin1String(".csv"))) {
            auto loaded =
                Mapping::fromFile(QStringLiteral(OVERRULE_TEST_DATA "/import/mapping.json"));
            REQUIRE_OK(loaded);
            mapping = *loaded;
        }
        auto first = importFile(ws, path, mapping, ReimportPolicy::NewRun);
        REQUIRE_OK(first);
        QFile bytes(path);
        QVERIFY(bytes.open(QIODevice::ReadOnly));
        const QString expected = QString::fromLatin1(
            QCryptographicHash::hash(bytes.readAll(), QCryptographicHash::Sha256).toHex());
        QCOMPARE(first->sha256, expected);
        auto previous = Importer::findPreviousImport(ws.path(), path);
        REQUIRE_OK(previous);
        QVERIFY(previous->has_value());
        QCOMPARE(scalar(*ws.db, "SELECT source_size FROM runs"), bytes.size());
        auto skipped = importFile(ws, path, mapping, ReimportPolicy::Skip);
        REQUIRE_OK(skipped);
        QVERIFY(skipped->skippedAsDuplicate);
    }

    void newRunImportsAgain()
    {
        TestWorkspace ws;
        const QString path = writeFile(ws.dir.path(), "run.jsonl", lines(1, 3));
        REQUIRE_OK(importFile(ws, path));
        auto second = importFile(ws, path, std::nullopt, ReimportPolicy::NewRun);
        REQUIRE_OK(second);
        QCOMPARE(second->runName, QStringLiteral("run (2)"));
        QCOMPARE(scalar(*ws.db, "SELECT count(*) FROM items"), 6);
    }

    void addNewAppendsOnlyUnseenIds()
    {
        TestWorkspace ws;
        const QString path = writeFile(ws.dir.path(), "run.jsonl", lines(1, 3));
        auto first = importFile(ws, path);
        REQUIRE_OK(first);
        // The file grew: the same first lines plus two new ones. Its hash changed, so it is
        // appended to by naming the policy and the previous file's run through the old bytes.
        auto added = importFile(ws, path, std::nullopt, ReimportPolicy::AddNew);
        REQUIRE_OK(added);
        QVERIFY(added->appendedToExisting);
        QCOMPARE(added->itemCount, 0);

        // Same bytes again with more lines appended in place is a new hash: a new run unless the
        // run is found; AddNew of the identical file adds nothing, of a run found by hash adds
        // only new ids.
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write(lines(4, 5));
        file.close();
        // Make the workspace remember the grown file's hash as the run's, then re-add.
        Statement st =
            ws.db->prepare("UPDATE runs SET source_sha256 = ?, source_size = ? WHERE id = ?");
        auto sha = Importer::findPreviousImport(ws.path(), path);
        REQUIRE_OK(sha);
        QVERIFY(!sha->has_value());
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QVERIFY(file.open(QIODevice::ReadOnly));
        hash.addData(file.readAll());
        file.close();
        st.bind(1, QString::fromLatin1(hash.result().toHex()))
            .bind(2, static_cast<std::int64_t>(file.size()))
            .bind(3, first->runId);
        QVERIFY(st.exec());
        auto grown = importFile(ws, path, std::nullopt, ReimportPolicy::AddNew);
        REQUIRE_OK(grown);
        QCOMPARE(grown->runId, first->runId);
        QCOMPARE(grown->itemCount, 2);
        QCOMPARE(scalar(*ws.db, "SELECT count(*) FROM items"), 5);
        QCOMPARE(scalar(*ws.db, "SELECT item_count FROM runs"), 5);
        QCOMPARE(scalar(*ws.db, "SELECT max(seq) FROM items"), 4);
        // The run's score order covers the old items and the new ones.
        auto byScore = ScoreOrder(*ws.db).ids(first->runId, false);
        QVERIFY(byScore);
        QCOMPARE(byScore->size(), std::size_t(5));
        QCOMPARE(std::set<std::int64_t>(byScore->begin(), byScore->end()).size(), std::size_t(5));
    }

    void repeatedPromptsAreMarked()
    {
        TestWorkspace ws;
        const QString path =
            writeFile(ws.dir.path(), "dups.jsonl",
                      "{\"id\": \"a\", \"prompt\": \"same\", \"response\": \"x\"}\n"
                      "{\"id\": \"b\", \"prompt\": \"other\", \"response\": \"x\"}\n"
                      "{\"id\": \"c\", \"prompt\": \"same\", \"response\": \"y\"}\n");
        auto summary = importFile(ws, path);
        REQUIRE_OK(summary);
        QCOMPARE(summary->itemCount, 3);
        QCOMPARE(summary->duplicatePrompts, 1);
        const std::int64_t c = scalar(*ws.db, "SELECT id FROM items WHERE external_id = 'c'");
        const std::int64_t a = scalar(*ws.db, "SELECT id FROM items WHERE external_id = 'a'");
        QCOMPARE(scalar(*ws.db, "SELECT duplicate_of FROM items WHERE external_id = 'c'"), a);
        QCOMPARE(scalar(*ws.db, "SELECT count(*) FROM items WHERE duplicate_of IS NULL"), 2);
        auto details = ItemStore(*ws.db).details(c);
        REQUIRE_OK(details);
        QCOMPARE(details->duplicateOf, std::optional<std::int64_t>(a));
        QCOMPARE(details->duplicateOfExternalId, QStringLiteral("a"));

        // Items added to the run later point at the first item with their prompt too, not at
        // the latest repeat of it.
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("{\"id\": \"d\", \"prompt\": \"same\", \"response\": \"z\"}\n");
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray grown = file.readAll();
        file.close();
        Statement remember =
            ws.db->prepare("UPDATE runs SET source_sha256 = ?, source_size = ? WHERE id = ?");
        remember
            .bind(1, QString::fromLatin1(
                         QCryptographicHash::hash(grown, QCryptographicHash::Sha256).toHex()))
            .bind(2, static_cast<std::int64_t>(grown.size()))
            .bind(3, summary->runId);
        QVERIFY(remember.exec());
        auto added = importFile(ws, path, std::nullopt, ReimportPolicy::AddNew);
        REQUIRE_OK(added);
        QCOMPARE(added->itemCount, 1);
        QCOMPARE(scalar(*ws.db, "SELECT duplicate_of FROM items WHERE external_id = 'd'"), a);
    }

    void importsFromAUrl()
    {
        LoopbackHttpServer server;
        QFile log(own("inspect-chat.json"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        server.route("/logs/probe.json", LoopbackHttpServer::ok(log.readAll()));
        TestWorkspace ws;
        const QString url = server.url("/logs/probe.json");
        auto summary = importFile(ws, url);
        REQUIRE_OK(summary);
        QCOMPARE_WORD(summary->format, ImportFormat::Inspect);
        QCOMPARE(summary->itemCount, 4);
        QCOMPARE(importtest::text(*ws.db, "SELECT source_path FROM runs"), url);

        server.route("/plain/run.jsonl", LoopbackHttpServer::ok(lines(1, 2)));
        auto plain = importFile(ws, server.url("/plain/run.jsonl"));
        REQUIRE_OK(plain);
        QCOMPARE(plain->runName, QStringLiteral("run"));

        auto missing = importFile(ws, server.url("/missing.json"));
        QVERIFY(!missing);
        QCOMPARE(scalar(*ws.db, "SELECT count(*) FROM runs"), 2);
    }
};

QTEST_GUILESS_MAIN(TestReimport)
#include "tst_reimport.moc"
