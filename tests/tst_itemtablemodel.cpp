#include "ItemTableFixture.h"

// ItemTableModel: paging, columns, filters, search, sorting, navigation and refresh.
class TestItemTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyWithoutRun()
    {
        Fixture f(10);
        ItemTableModel model(*f.ws.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(ItemTableModel::ColumnCount));
        QCOMPARE(model.itemIdAt(0), std::int64_t(0));
        QCOMPARE(model.rowOfItem(f.items[0].id), -1);
        QCOMPARE(model.nextUnreviewedRow(-1), -1);
        model.setRun(f.runId);
        QCOMPARE(model.rowCount(), 10);
        model.setRun(0);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.runId(), std::int64_t(0));
    }

    void pagesAcrossBoundaries()
    {
        Fixture f(1000);
        ItemTableModel model(*f.ws.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRun(f.runId);
        QCOMPARE(model.runId(), f.runId);
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(ItemTableModel::kPageSize, 256);
        // Boundaries first, then every row (more pages than the cache holds), then back.
        for (int row : {0, 255, 256, 257, 511, 512, 767, 768, 999, 0, 998, 1})
            QCOMPARE(cell(model, row, ItemTableModel::IdColumn), f.items[size_t(row)].externalId);
        for (int row = 0; row < 1000; ++row) {
            const Expect& e = f.items[size_t(row)];
            QCOMPARE(model.itemIdAt(row), e.id);
            QCOMPARE(cell(model, row, ItemTableModel::IdColumn), e.externalId);
            QCOMPARE(cell(model, row, ItemTableModel::PromptColumn), e.excerpt);
            QCOMPARE(model.data(model.index(row, 0), ItemTableModel::ItemIdRole).toLongLong(),
                     e.id);
            QCOMPARE(model.data(model.index(row, 0), ItemTableModel::VerdictRole).toInt(),
                     int(e.verdict));
        }
        for (int row = 999; row >= 0; row -= 97)
            QCOMPARE(cell(model, row, ItemTableModel::IdColumn), f.items[size_t(row)].externalId);
        QVERIFY(!model.data(model.index(1000, 0)).isValid());
        QCOMPARE(model.itemIdAt(1000), std::int64_t(0));
        QCOMPARE(model.itemIdAt(-1), std::int64_t(0));
    }

    void displaysEachColumn()
    {
        Fixture f(15);
        ItemTableModel model(*f.ws.db);
        model.setRun(f.runId);
        // Row 1: compliance? i=1: verdict FullRefusal, intent Benign, category (7%4)=3 Weapons.
        const Expect& e1 = f.items[1];
        QCOMPARE(cell(model, 1, ItemTableModel::VerdictColumn), displayName(e1.verdict));
        QCOMPARE(cell(model, 1, ItemTableModel::IntentColumn), QStringLiteral("Benign"));
        QCOMPARE(cell(model, 1, ItemTableModel::CategoryColumn), QStringLiteral("Weapons"));
        QCOMPARE(cell(model, 1, ItemTableModel::ScoreColumn), QStringLiteral("0.037"));
        QCOMPARE(cell(model, 1, ItemTableModel::OutcomeColumn), QStringLiteral("—"));
        // Row 0: no category, no score, unknown intent and verdict.
        QCOMPARE(cell(model, 0, ItemTableModel::CategoryColumn), QString());
        QCOMPARE(cell(model, 0, ItemTableModel::ScoreColumn), QString());
        QCOMPARE(cell(model, 0, ItemTableModel::IntentColumn), QString());
        QCOMPARE(cell(model, 0, ItemTableModel::VerdictColumn), QStringLiteral("Unknown"));
        QCOMPARE(
            model.data(model.index(0, ItemTableModel::ScoreColumn), Qt::TextAlignmentRole).toInt() &
                Qt::AlignRight,
            int(Qt::AlignRight));
        QCOMPARE(model.headerData(ItemTableModel::OutcomeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Review"));
        QCOMPARE(
            model.data(model.index(3, ItemTableModel::PromptColumn), Qt::ToolTipRole).toString(),
            f.items[3].excerpt);
        QCOMPARE(model.data(model.index(3, 0), ItemTableModel::OutcomeRole).toInt(), 0);
    }

    void filtersRunInSql_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("verdict") << 0;
        QTest::newRow("intent") << 1;
        QTest::newRow("category") << 2;
        QTest::newRow("outcome") << 3;
        QTest::newRow("unreviewed") << 4;
        QTest::newRow("combined") << 5;
    }

    void filtersRunInSql()
    {
        QFETCH(int, which);
        Fixture f(600);
        // Review every third item: benign+refusal -> false refusal, else correct compliance.
        for (const Expect& e : f.items) {
            if (e.seq % 3 != 0)
                continue;
            if (isRefusal(e.verdict))
                label(*f.ws.db, e.id, e.verdict, Intent::Benign);
            else
                label(*f.ws.db, e.id, Behaviour::Compliance, Intent::Benign);
        }
        auto outcomeOfExpect = [](const Expect& e) {
            if (e.seq % 3 != 0)
                return Outcome::Unreviewed;
            return isRefusal(e.verdict) ? Outcome::FalseRefusal : Outcome::CorrectCompliance;
        };

        ItemTableModel model(*f.ws.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRun(f.runId);
        ItemFilter filter;
        std::function<bool(const Expect&)> keep;
        const std::int64_t fraud = f.categories[1];
        switch (which) {
        case 0:
            filter.verdict = Behaviour::PartialRefusal;
            keep = [](const Expect& e) { return e.verdict == Behaviour::PartialRefusal; };
            break;
        case 1:
            filter.intent = Intent::Harmful;
            keep = [](const Expect& e) { return e.intent == Intent::Harmful; };
            break;
        case 2:
            filter.categoryId = fraud;
            keep = [](const Expect& e) { return e.categoryIndex == 1; };
            break;
        case 3:
            filter.outcome = Outcome::FalseRefusal;
            keep = [&](const Expect& e) { return outcomeOfExpect(e) == Outcome::FalseRefusal; };
            break;
        case 4:
            filter.unreviewedOnly = true;
            keep = [&](const Expect& e) { return outcomeOfExpect(e) == Outcome::Unreviewed; };
            break;
        default:
            filter.verdict = Behaviour::Compliance;
            filter.categoryId = fraud;
            filter.unreviewedOnly = true;
            keep = [&](const Expect& e) {
                return e.verdict == Behaviour::Compliance && e.categoryIndex == 1 &&
                       outcomeOfExpect(e) == Outcome::Unreviewed;
            };
            break;
        }
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setFilter(filter);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.filter(), filter);
        const auto expected = f.idsWhere(keep);
        QVERIFY(!expected.empty());
        QCOMPARE(modelIds(model), expected);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.data(model.index(row, 0), ItemTableModel::OutcomeRole).toInt(),
                     int(outcomeOfExpect(f.items[size_t(expected[size_t(row)] - f.items[0].id)])));
        // The same filter again does nothing; clearing it restores the run.
        model.setFilter(filter);
        QCOMPARE(resets.count(), 1);
        model.setFilter({});
        QCOMPARE(model.rowCount(), 600);
    }

    void searchUsesTheFullTextIndex()
    {
        Fixture f(300);
        ItemTableModel model(*f.ws.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRun(f.runId);
        ItemFilter filter;
        filter.search = QStringLiteral("refund");
        // Before indexing the run is browsable but nothing is searchable yet.
        QVERIFY(!isIndexed(*f.ws.db, f.runId));
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.lastError().isEmpty());

        QVERIFY(indexRun(*f.ws.db, f.runId));
        QVERIFY(isIndexed(*f.ws.db, f.runId));
        model.reload();
        auto expected = f.idsWhere([](const Expect& e) { return e.excerpt.startsWith("refund"); });
        QCOMPARE(modelIds(model), expected);

        // Words are AND-ed, across prompt and response, case-insensitively.
        filter.search = QStringLiteral("  REFUND   alpha ");
        model.setFilter(filter);
        expected = f.idsWhere(
            [](const Expect& e) { return e.excerpt.startsWith("refund") && e.seq % 2 == 0; });
        QCOMPARE(modelIds(model), expected);

        // FTS syntax in user text is plain words: never an error, never a crash.
        const QStringList hostile = {QStringLiteral("\"refund"),
                                     QStringLiteral("refund AND OR NOT"),
                                     QStringLiteral("NEAR(refund alpha)"),
                                     QStringLiteral("refund*"),
                                     QStringLiteral("prompt:refund"),
                                     QStringLiteral("(refund"),
                                     QStringLiteral("-refund"),
                                     QStringLiteral("^refund")};
        for (const QString& text : hostile) {
            filter.search = text;
            model.setFilter(filter);
            QVERIFY2(model.lastError().isEmpty(), qPrintable(text + ": " + model.lastError()));
        }
        filter.search = QStringLiteral("refund*");
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), int(f.idsWhere([](const Expect& e) {
                                            return e.excerpt.startsWith("refund");
                                        }).size()));
        // Text with no word is no search at all.
        filter.search = QStringLiteral(" * \" - ");
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 300);
        // The other run's matching item never shows.
        filter.search = QStringLiteral("nosuchword");
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 0);
    }

    void sortsEveryColumnBothWays_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("descending");
        for (int c = 0; c < ItemTableModel::ColumnCount; ++c) {
            QTest::newRow(qPrintable(QStringLiteral("col%1 asc").arg(c))) << c << false;
            QTest::newRow(qPrintable(QStringLiteral("col%1 desc").arg(c))) << c << true;
        }
    }

    void sortsEveryColumnBothWays()
    {
        QFETCH(int, column);
        QFETCH(bool, descending);
        Fixture f(700);
        for (const Expect& e : f.items)
            if (e.seq % 4 == 1)
                label(*f.ws.db, e.id, e.verdict, Intent::Harmful);
        auto outcome = [](const Expect& e) {
            return e.seq % 4 == 1 ? outcomeOf(e.verdict, Intent::Harmful) : Outcome::Unreviewed;
        };

        ItemTableModel model(*f.ws.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRun(f.runId);
        model.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        QCOMPARE(model.sortColumn(), column);

        // The expected key of each item; ties go by file order.
        auto key = [&](const Expect& e) -> QString {
            switch (column) {
            case ItemTableModel::VerdictColumn:
                return QString::number(int(e.verdict));
            case ItemTableModel::IntentColumn:
                return QString::number(int(e.intent));
            case ItemTableModel::CategoryColumn:
                return e.categoryIndex < 0
                           ? QString()
                           : QStringLiteral("x") + f.categoryNames[e.categoryIndex].toLower();
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
        std::vector<Expect> sorted = f.items;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [&](const Expect& a, const Expect& b) { return key(a) < key(b); });
        if (descending)
            std::reverse(sorted.begin(), sorted.end());
        std::vector<std::int64_t> expected;
        for (const Expect& e : sorted)
            expected.push_back(e.id);
        QCOMPARE(modelIds(model), expected);
        // Data follow their rows after the re-sort (page cache dropped).
        for (int row : {0, 300, 699})
            QCOMPARE(cell(model, row, ItemTableModel::IdColumn), sorted[size_t(row)].externalId);

        // Sorting within a filter.
        ItemFilter filter;
        filter.verdict = Behaviour::Compliance;
        model.setFilter(filter);
        std::vector<std::int64_t> filtered;
        for (const Expect& e : sorted)
            if (e.verdict == Behaviour::Compliance)
                filtered.push_back(e.id);
        QCOMPARE(modelIds(model), filtered);
        QCOMPARE(model.sortOrder(), descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    }

    // Every filter the bar can set, with every order, against orders computed here: each
    // filter reads a different covering index range (some as several sorted runs to merge).
    void sortKeepsTheCurrentItem()
    {
        Fixture f(300);
        ItemTableModel model(*f.ws.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRun(f.runId);
        const std::int64_t followed = f.items[10].id;
        QPersistentModelIndex current(model.index(10, ItemTableModel::PromptColumn));
        QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
        model.sort(ItemTableModel::ScoreColumn, Qt::DescendingOrder);
        QCOMPARE(layouts.count(), 1);
        QVERIFY(current.isValid());
        QCOMPARE(current.column(), int(ItemTableModel::PromptColumn));
        QCOMPARE(current.row(), model.rowOfItem(followed));
        QCOMPARE(model.itemIdAt(current.row()), followed);
        QVERIFY(current.row() != 10);
        // -1 restores file order.
        model.sort(-1);
        QCOMPARE(current.row(), 10);
        QCOMPARE(model.sortColumn(), int(ItemTableModel::IdColumn));
    }

    void rowOfItemAndNextUnreviewed()
    {
        Fixture f(6000);
        // Review the first 5000 and one later: the scan crosses query chunks and goes past the
        // near chunks to the run-wide query.
        {
            LabelStore labels(*f.ws.db);
            auto alice = labels.reviewerId(QStringLiteral("alice"));
            QVERIFY(alice);
            Decision d;
            d.behaviour = Behaviour::Compliance;
            d.intent = Intent::Benign;
            Transaction tx(*f.ws.db);
            for (int i = 0; i < 5000; ++i)
                QVERIFY(labels.appendInTransaction(f.items[size_t(i)].id, *alice, d,
                                                   QStringLiteral("import")));
            QVERIFY(
                labels.appendInTransaction(f.items[5001].id, *alice, d, QStringLiteral("import")));
            QVERIFY(tx.commit());
        }
        ItemTableModel model(*f.ws.db);
        model.setRun(f.runId);
        QCOMPARE(model.rowOfItem(f.items[1234].id), 1234);
        QCOMPARE(model.rowOfItem(987654), -1);
        QCOMPARE(model.nextUnreviewedRow(-1), 5000);
        QCOMPARE(model.nextUnreviewedRow(5000), 5002);
        QCOMPARE(model.nextUnreviewedRow(5998), 5999);
        QCOMPARE(model.nextUnreviewedRow(5999), -1); // no wrap

        // Order follows the sort: descending file order.
        model.sort(ItemTableModel::IdColumn, Qt::DescendingOrder);
        QCOMPARE(model.rowOfItem(f.items[5999].id), 0);
        QCOMPARE(model.nextUnreviewedRow(-1), 0);
        const int row5001 = model.rowOfItem(f.items[5001].id);
        QCOMPARE(model.nextUnreviewedRow(row5001 - 2), row5001 - 1);
        QCOMPARE(model.nextUnreviewedRow(row5001 - 1), row5001 + 1);
        QCOMPARE(model.nextUnreviewedRow(model.rowOfItem(f.items[5000].id)), -1);

        // Decisions written after the query are seen (SQL is the truth, not the cache).
        label(*f.ws.db, f.items[5999].id, Behaviour::Compliance, Intent::Benign);
        QCOMPARE(model.nextUnreviewedRow(-1), 1);
        // Filtered rows: the filter's own order.
        ItemFilter filter;
        filter.verdict = Behaviour::FullRefusal;
        model.setFilter(filter);
        QCOMPARE(model.rowOfItem(f.items[0].id), -1); // verdict unknown: filtered out
        QVERIFY(model.rowOfItem(f.items[1].id) >= 0);
    }

    void refreshItemAfterADecision()
    {
        Fixture f(600);
        ItemTableModel model(*f.ws.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRun(f.runId);
        ItemFilter filter;
        filter.unreviewedOnly = true;
        model.setFilter(filter);
        const int row = 300;
        const Expect& e = f.items[size_t(row)];
        QCOMPARE(cell(model, row, ItemTableModel::OutcomeColumn), QStringLiteral("—"));

        label(*f.ws.db, e.id, Behaviour::FullRefusal, Intent::Benign);
        // The cached page still shows the old outcome until refreshed.
        QCOMPARE(cell(model, row, ItemTableModel::OutcomeColumn), QStringLiteral("—"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refreshItem(e.id);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(row, 0));
        QCOMPARE(changed.at(0).at(1).toModelIndex(),
                 model.index(row, ItemTableModel::ColumnCount - 1));
        QCOMPARE(cell(model, row, ItemTableModel::OutcomeColumn), QStringLiteral("False refusal"));
        QCOMPARE(model.data(model.index(row, 0), ItemTableModel::OutcomeRole).toInt(),
                 int(Outcome::FalseRefusal));
        // The decided row keeps its place under the "unreviewed" filter until reload.
        QCOMPARE(model.rowOfItem(e.id), row);
        QCOMPARE(model.rowCount(), 600);
        QCOMPARE(model.nextUnreviewedRow(row - 1), row + 1);
        model.reload();
        QCOMPARE(model.rowCount(), 599);
        QCOMPARE(model.rowOfItem(e.id), -1);
        // Refreshing an item not shown does nothing.
        model.refreshItem(e.id);
        QCOMPARE(changed.count(), 1);
    }

    void queryErrorsAreReportedOnce()
    {
        Fixture f(300);
        ItemTableModel model(*f.ws.db);
        model.setRun(f.runId);
        QSignalSpy failed(&model, &ItemTableModel::queryFailed);
        // The page query joins categories: take the table away under the model.
        QVERIFY(f.ws.db->execute("ALTER TABLE categories RENAME TO gone"));
        QVERIFY(!model.data(model.index(0, ItemTableModel::IdColumn)).isValid());
        QVERIFY(!model.data(model.index(1, ItemTableModel::IdColumn)).isValid());
        QCOMPARE(failed.count(), 1);
        QVERIFY(!model.lastError().isEmpty());
        // The row ids are still known; sorting by category needs the table and fails.
        QCOMPARE(model.itemIdAt(0), f.items[0].id);
        model.sort(ItemTableModel::CategoryColumn);
        QCOMPARE(failed.count(), 2);
        QCOMPARE(model.rowCount(), 300);
        QVERIFY(f.ws.db->execute("ALTER TABLE gone RENAME TO categories"));
        model.reload();
        QVERIFY(model.lastError().isEmpty());
        QCOMPARE(cell(model, 0, ItemTableModel::CategoryColumn), QString());
        QCOMPARE(model.rowCount(), 300);
    }
};

QTEST_GUILESS_MAIN(TestItemTableModel)
#include "tst_itemtablemodel.moc"
