#include "ItemTableFixture.h"

// How table rows map to items for every filter and order (through ItemTableModel).
class TestItemRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFilterWithEveryOrder_data()
    {
        QTest::addColumn<int>("which");
        const char* names[] = {"none",
                               "verdict",
                               "intent",
                               "verdict+intent",
                               "category+intent",
                               "outcome+verdict",
                               "unreviewed",
                               "search",
                               "search+intent",
                               "search+category",
                               "duplicates",
                               "duplicates+unreviewed"};
        for (int i = 0; i < int(std::size(names)); ++i)
            QTest::newRow(names[i]) << i;
    }

    void everyFilterWithEveryOrder()
    {
        QFETCH(int, which);
        Fixture f(500);
        for (const Expect& e : f.items)
            if (e.seq % 5 == 2)
                label(*f.ws.db, e.id, e.verdict, Intent::Benign);
        QVERIFY(indexRun(*f.ws.db, f.runId));
        auto outcome = [](const Expect& e) {
            return e.seq % 5 == 2 ? outcomeOf(e.verdict, Intent::Benign) : Outcome::Unreviewed;
        };
        // Every sixth prompt repeats the first item's.
        auto repeated = [](const Expect& e) { return e.seq > 0 && e.seq % 6 == 0; };
        for (const Expect& e : f.items) {
            if (!repeated(e))
                continue;
            Statement st = f.ws.db->prepare("UPDATE items SET duplicate_of = ? WHERE id = ?");
            st.bind(1, f.items[0].id).bind(2, e.id);
            QVERIFY(st.exec());
        }
        const std::int64_t weapons = f.categories[3];
        ItemFilter filter;
        std::function<bool(const Expect&)> keep;
        switch (which) {
        case 0:
            keep = [](const Expect&) { return true; };
            break;
        case 1:
            filter.verdict = Behaviour::FullRefusal;
            keep = [](const Expect& e) { return e.verdict == Behaviour::FullRefusal; };
            break;
        case 2:
            filter.intent = Intent::Benign;
            keep = [](const Expect& e) { return e.intent == Intent::Benign; };
            break;
        case 3:
            filter.verdict = Behaviour::Compliance;
            filter.intent = Intent::Harmful;
            keep = [](const Expect& e) {
                return e.verdict == Behaviour::Compliance && e.intent == Intent::Harmful;
            };
            break;
        case 4:
            filter.categoryId = weapons;
            filter.intent = Intent::Unknown;
            keep = [](const Expect& e) {
                return e.categoryIndex == 3 && e.intent == Intent::Unknown;
            };
            break;
        case 5:
            filter.outcome = Outcome::FalseRefusal;
            filter.verdict = Behaviour::PartialRefusal;
            keep = [&](const Expect& e) {
                return outcome(e) == Outcome::FalseRefusal &&
                       e.verdict == Behaviour::PartialRefusal;
            };
            break;
        case 6:
            filter.unreviewedOnly = true;
            keep = [&](const Expect& e) { return outcome(e) == Outcome::Unreviewed; };
            break;
        case 7:
            filter.search = QStringLiteral("shipping");
            keep = [](const Expect& e) { return e.excerpt.startsWith("shipping"); };
            break;
        case 8:
            filter.search = QStringLiteral("beta");
            filter.intent = Intent::Harmful;
            keep = [](const Expect& e) { return e.seq % 2 == 1 && e.intent == Intent::Harmful; };
            break;
        case 10:
            filter.onlyDuplicates = true;
            keep = repeated;
            break;
        case 11:
            filter.onlyDuplicates = true;
            filter.unreviewedOnly = true;
            keep = [&](const Expect& e) {
                return repeated(e) && outcome(e) == Outcome::Unreviewed;
            };
            break;
        default:
            filter.search = QStringLiteral("Account answer");
            filter.categoryId = f.categories[1];
            keep = [](const Expect& e) {
                return e.excerpt.startsWith("Account") && e.categoryIndex == 1;
            };
            break;
        }

        ItemTableModel model(*f.ws.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRun(f.runId);
        model.setFilter(filter);
        for (int column = 0; column < ItemTableModel::ColumnCount; ++column) {
            for (bool descending : {false, true}) {
                model.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
                auto key = [&](const Expect& e) -> QString {
                    switch (column) {
                    case ItemTableModel::VerdictColumn:
                        return QString::number(int(e.verdict));
                    case ItemTableModel::IntentColumn:
                        return QString::number(int(e.intent));
                    case ItemTableModel::CategoryColumn:
                        return e.categoryIndex < 0 ? QString()
                                                   : QStringLiteral("x") +
                                                         f.categoryNames[e.categoryIndex].toLower();
                    case ItemTableModel::ScoreColumn:
                        return e.score ? QStringLiteral("x%1").arg(*e.score, 0, 'f', 4) : QString();
                    case ItemTableModel::OutcomeColumn:
                        return QString::number(int(outcome(e)));
                    case ItemTableModel::PromptColumn:
                        return e.excerpt.toLower();
                    default:
                        return QString();
                    }
                };
                std::vector<Expect> sorted;
                for (const Expect& e : f.items)
                    if (keep(e))
                        sorted.push_back(e);
                std::stable_sort(sorted.begin(), sorted.end(),
                                 [&](const Expect& a, const Expect& b) { return key(a) < key(b); });
                if (descending)
                    std::reverse(sorted.begin(), sorted.end());
                std::vector<std::int64_t> expected;
                for (const Expect& e : sorted)
                    expected.push_back(e.id);
                QVERIFY(!expected.empty());
                QCOMPARE(modelIds(model), expected);
                const Expect& middle = sorted[sorted.size() / 2];
                QCOMPARE(model.rowOfItem(middle.id), int(sorted.size() / 2));
                QCOMPARE(cell(model, int(sorted.size() / 2), ItemTableModel::IdColumn),
                         middle.externalId);
            }
        }
    }

    // "Unreviewed only" in file order: every position but the reviewed ones, without an id list.
    void unreviewedViewSkipsReviewedPositions()
    {
        Fixture f(50);
        for (int i : {3, 4, 5, 10})
            label(*f.ws.db, f.items[size_t(i)].id, Behaviour::Compliance, Intent::Benign);
        ItemTableModel model(*f.ws.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRun(f.runId);
        ItemFilter filter;
        filter.unreviewedOnly = true;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 46);
        QCOMPARE(model.itemIdAt(3), f.items[6].id);
        QCOMPARE(cell(model, 3, ItemTableModel::IdColumn), f.items[6].externalId);
        QCOMPARE(cell(model, 45, ItemTableModel::IdColumn), f.items[49].externalId);
        QCOMPARE(model.rowOfItem(f.items[4].id), -1);
        QCOMPARE(model.rowOfItem(f.items[11].id), 7);
        QCOMPARE(model.nextUnreviewedRow(2), 3);

        // Decided now: the row stays until reload, and the scan passes it.
        label(*f.ws.db, f.items[6].id, Behaviour::Compliance, Intent::Benign);
        model.refreshItem(f.items[6].id);
        QCOMPARE(model.rowOfItem(f.items[6].id), 3);
        QCOMPARE(model.nextUnreviewedRow(2), 4);
        // Withdrawn now: unreviewed again, but not one of the rows read before.
        label(*f.ws.db, f.items[10].id, Behaviour::Unknown, Intent::Unknown);
        QCOMPARE(model.nextUnreviewedRow(model.rowOfItem(f.items[9].id)),
                 model.rowOfItem(f.items[11].id));

        model.sort(ItemTableModel::IdColumn, Qt::DescendingOrder);
        QCOMPARE(model.rowCount(), 46); // re-read: 6 reviewed, 10 no longer
        QCOMPARE(model.itemIdAt(0), f.items[49].id);
        QCOMPARE(model.itemIdAt(45), f.items[0].id);
        QCOMPARE(model.rowOfItem(f.items[10].id), 39);
        QCOMPARE(model.rowOfItem(f.items[6].id), -1);
        QCOMPARE(model.nextUnreviewedRow(model.rowOfItem(f.items[7].id)), 43);
        QCOMPARE(cell(model, 43, ItemTableModel::IdColumn), f.items[2].externalId);
        QCOMPARE(model.nextUnreviewedRow(45), -1);
    }

    // The unfiltered run by score shows its first rows at once and reads the others when a row
    // past them, or an item among them, is first needed.
    void scoreOrderReadsTheRestOnDemand()
    {
        Fixture f(3000);
        for (int i : {10, 1500, 2999})
            label(*f.ws.db, f.items[size_t(i)].id, f.items[size_t(i)].verdict, Intent::Harmful);
        for (bool descending : {false, true}) {
            ItemTableModel model(*f.ws.db);
            QAbstractItemModelTester tester(&model,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setRun(f.runId);
            model.sort(ItemTableModel::ScoreColumn,
                       descending ? Qt::DescendingOrder : Qt::AscendingOrder);
            QCOMPARE(model.rowCount(), 3000);
            std::vector<Expect> sorted = f.items;
            auto key = [](const Expect& e) { return e.score ? *e.score : -1.0; };
            std::stable_sort(sorted.begin(), sorted.end(),
                             [&](const Expect& a, const Expect& b) { return key(a) < key(b); });
            if (descending)
                std::reverse(sorted.begin(), sorted.end());
            // An item far down is found (and the rest read) before any row past the first.
            const Expect& last = sorted.back();
            QCOMPARE(model.rowOfItem(last.id), 2999);
            QCOMPARE(model.rowOfItem(987654), -1);
            QCOMPARE(cell(model, 2999, ItemTableModel::IdColumn), last.externalId);
            std::vector<std::int64_t> expected;
            for (const Expect& e : sorted)
                expected.push_back(e.id);
            QCOMPARE(modelIds(model), expected);

            // Fresh: scanning for unreviewed rows runs past the first rows.
            ItemTableModel fresh(*f.ws.db);
            fresh.setRun(f.runId);
            fresh.sort(ItemTableModel::ScoreColumn,
                       descending ? Qt::DescendingOrder : Qt::AscendingOrder);
            const int first = fresh.nextUnreviewedRow(-1);
            QCOMPARE(fresh.itemIdAt(first), expected[size_t(first)]);
            int row = 2000;
            while (row < 3000 && (expected[size_t(row)] == f.items[10].id ||
                                  expected[size_t(row)] == f.items[1500].id ||
                                  expected[size_t(row)] == f.items[2999].id))
                ++row;
            QCOMPARE(fresh.nextUnreviewedRow(row - 1), row);
            QCOMPARE(fresh.itemIdAt(2500), expected[2500]);
        }
    }

    // A rare word with a filter: its few matches are read one by one rather than the filter's
    // whole index range; both ways give the same rows, in every order.
    void fewSearchMatchesWithFilters()
    {
        Fixture f(640);
        {
            Transaction tx(*f.ws.db);
            for (int i : {5, 17, 18, 300, 301, 302, 639}) {
                Statement st = f.ws.db->prepare(
                    "UPDATE item_texts SET response = response || ' needle' WHERE item_id = ?");
                st.bind(1, f.items[size_t(i)].id);
                QVERIFY(st.exec());
            }
            QVERIFY(tx.commit());
        }
        QVERIFY(indexRun(*f.ws.db, f.runId));
        ItemTableModel model(*f.ws.db);
        model.setRun(f.runId);
        for (const QString& word : {QStringLiteral("needle"), QStringLiteral("answer")}) {
            ItemFilter filter;
            filter.search = word;
            filter.verdict = Behaviour::FullRefusal;
            model.setFilter(filter);
            auto keep = [&](const Expect& e) {
                const bool needle = e.seq == 5 || e.seq == 17 || e.seq == 18 || e.seq == 300 ||
                                    e.seq == 301 || e.seq == 302 || e.seq == 639;
                return e.verdict == Behaviour::FullRefusal &&
                       (word == QStringLiteral("answer") || needle);
            };
            for (bool descending : {false, true}) {
                model.sort(ItemTableModel::ScoreColumn,
                           descending ? Qt::DescendingOrder : Qt::AscendingOrder);
                std::vector<Expect> sorted;
                for (const Expect& e : f.items)
                    if (keep(e))
                        sorted.push_back(e);
                std::stable_sort(
                    sorted.begin(), sorted.end(), [](const Expect& a, const Expect& b) {
                        return (a.score ? *a.score : -1.0) < (b.score ? *b.score : -1.0);
                    });
                if (descending)
                    std::reverse(sorted.begin(), sorted.end());
                std::vector<std::int64_t> expected;
                for (const Expect& e : sorted)
                    expected.push_back(e.id);
                QVERIFY(!expected.empty());
                QCOMPARE(modelIds(model), expected);
            }
            model.sort(ItemTableModel::IdColumn);
            QCOMPARE(modelIds(model), f.idsWhere(keep));
        }
    }

    // A run whose ids are not contiguous (another run's items between its own) still searches
    // exactly its own items, in file order.
    void searchInARunInterleavedWithAnother()
    {
        TestWorkspace ws;
        const auto a = seed::run(*ws.db, QStringLiteral("a"));
        const auto b = seed::run(*ws.db, QStringLiteral("b"));
        std::vector<std::int64_t> own;
        {
            Transaction tx(*ws.db);
            for (int i = 0; i < 40; ++i) {
                own.push_back(seed::item(
                    *ws.db, a, i,
                    {QStringLiteral("a%1").arg(i), Behaviour::FullRefusal, Intent::Benign,
                     std::nullopt, 0.5, QStringLiteral("refund %1").arg(i), QStringLiteral("x")}));
                seed::item(*ws.db, b, i,
                           {QStringLiteral("b%1").arg(i), Behaviour::FullRefusal, Intent::Benign,
                            std::nullopt, 0.5, QStringLiteral("refund %1").arg(i),
                            QStringLiteral("x")});
            }
            seed::scoreOrder(*ws.db, a);
            seed::scoreOrder(*ws.db, b);
            QVERIFY(tx.commit());
        }
        QVERIFY(indexRun(*ws.db, a));
        QVERIFY(indexRun(*ws.db, b));
        ItemTableModel model(*ws.db);
        model.setRun(a);
        ItemFilter filter;
        filter.search = QStringLiteral("refund");
        model.setFilter(filter);
        QCOMPARE(modelIds(model), own);
        model.sort(ItemTableModel::IdColumn, Qt::DescendingOrder);
        std::reverse(own.begin(), own.end());
        QCOMPARE(modelIds(model), own);
    }
};

QTEST_GUILESS_MAIN(TestItemRows)
#include "tst_itemrows.moc"
