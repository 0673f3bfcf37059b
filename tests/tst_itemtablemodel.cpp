#include "ItemSeed.h"
#include "ItemTableModel.h"
#include "LabelStore.h"
#include "SearchIndex.h"
#include "TestWorkspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <algorithm>
#include <functional>
#include <iterator>

using namespace overrule;

namespace {

const QStringList kWords = {QStringLiteral("refund"), QStringLiteral("Account"),
                            QStringLiteral("shipping"), QStringLiteral("fraud")};

// What the test knows about each seeded item, to compute expected orders independently.
struct Expect
{
    std::int64_t id = 0;
    int seq = 0;
    QString externalId;
    Behaviour verdict;
    Intent intent;
    int categoryIndex; // -1: none
    std::optional<double> score;
    QString excerpt;
};

} // namespace

class TestItemTableModel : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        TestWorkspace ws;
        std::int64_t runId = 0, otherRunId = 0;
        std::vector<std::int64_t> categories; // "Cyber", "fraud", "Harassment", "Weapons"
        QStringList categoryNames = {QStringLiteral("Cyber"), QStringLiteral("fraud"),
                                     QStringLiteral("Harassment"), QStringLiteral("Weapons")};
        std::vector<Expect> items;

        explicit Fixture(int count)
        {
            for (const QString& name : categoryNames)
                categories.push_back(seed::category(*ws.db, name));
            runId = seed::run(*ws.db, QStringLiteral("main"));
            otherRunId = seed::run(*ws.db, QStringLiteral("other"));
            Transaction tx(*ws.db);
            for (int i = 0; i < count; ++i) {
                Expect e;
                e.seq = i;
                e.externalId = QStringLiteral("item-%1").arg(i, 4, 10, QLatin1Char('0'));
                e.verdict = static_cast<Behaviour>(i % 4);
                e.intent = static_cast<Intent>(i % 3);
                e.categoryIndex = i % 5 == 0 ? -1 : (i * 7) % 4;
                e.score =
                    i % 7 == 0 ? std::nullopt : std::optional<double>((i * 37 % 1000) / 1000.0);
                // Excerpts in an order unrelated to seq, with mixed case.
                e.excerpt = QStringLiteral("%1 request %2").arg(kWords[(i * 3) % 4]).arg(i % 10);
                const QString response =
                    i % 2 == 0 ? QStringLiteral("alpha answer") : QStringLiteral("beta answer");
                e.id = seed::item(*ws.db, runId, i,
                                  {e.externalId, e.verdict, e.intent,
                                   e.categoryIndex < 0
                                       ? std::nullopt
                                       : std::optional<std::int64_t>(
                                             categories[static_cast<size_t>(e.categoryIndex)]),
                                   e.score, e.excerpt, response});
                items.push_back(e);
            }
            // Items of another run never show.
            seed::item(*ws.db, otherRunId, 0,
                       {QStringLiteral("foreign"), Behaviour::FullRefusal, Intent::Benign,
                        std::nullopt, 0.5, QStringLiteral("refund alpha"),
                        QStringLiteral("alpha")});
            if (!tx.commit())
                qFatal("seed commit failed");
        }

        std::vector<std::int64_t> idsWhere(const std::function<bool(const Expect&)>& keep) const
        {
            std::vector<std::int64_t> out;
            for (const Expect& e : items)
                if (keep(e))
                    out.push_back(e.id);
            return out;
        }
    };

    static std::vector<std::int64_t> modelIds(const ItemTableModel& model)
    {
        std::vector<std::int64_t> out;
        for (int row = 0; row < model.rowCount(); ++row)
            out.push_back(model.itemIdAt(row));
        return out;
    }

    static QString cell(const ItemTableModel& model, int row, int column)
    {
        return model.data(model.index(row, column)).toString();
    }

    static void label(const Database& db, std::int64_t itemId, Behaviour b, Intent i)
    {
        Decision d;
        d.behaviour = b;
        d.intent = i;
        auto done =
            LabelStore(db).append(itemId, QStringLiteral("alice"), d, QStringLiteral("review"));
        QVERIFY(done);
    }

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
