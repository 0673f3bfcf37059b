#include "ItemSeed.h"
#include "RunListModel.h"
#include "TestWorkspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace overrule;

class TestRunListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyWorkspace()
    {
        TestWorkspace ws;
        RunListModel model(*ws.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.runIdAt(0), std::int64_t(0));
        QCOMPARE(model.rowOfRun(1), -1);
    }

    void newestFirstWithRoles()
    {
        TestWorkspace ws;
        const auto older =
            seed::run(*ws.db, QStringLiteral("older"), QStringLiteral("2024-01-01T09:00:00.000Z"),
                      QStringLiteral("model-a"), 120, 3);
        const auto newer =
            seed::run(*ws.db, QStringLiteral("newer"), QStringLiteral("2024-03-01T09:00:00.000Z"),
                      QStringLiteral("model-b"), 7, 0);
        const auto middle = seed::run(*ws.db, QStringLiteral("middle"),
                                      QStringLiteral("2024-02-01T09:00:00.000Z"), QString(), 0, 0);
        RunListModel model(*ws.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.runIdAt(0), newer);
        QCOMPARE(model.runIdAt(1), middle);
        QCOMPARE(model.runIdAt(2), older);
        QCOMPARE(model.runIdAt(3), std::int64_t(0));
        QCOMPARE(model.rowOfRun(older), 2);
        QCOMPARE(model.rowOfRun(999), -1);

        const QModelIndex first = model.index(0);
        QCOMPARE(first.data().toString(), QStringLiteral("newer"));
        QCOMPARE(first.data(RunListModel::RunIdRole).toLongLong(), newer);
        QCOMPARE(first.data(RunListModel::ItemCountRole).toLongLong(), 7);
        QCOMPARE(first.data(RunListModel::ModelNameRole).toString(), QStringLiteral("model-b"));

        const QString tip = model.index(2).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("model-a")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Items: 120")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Rejected lines: 3")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Imported: 2024-01-01")), qPrintable(tip));
        QVERIFY(model.roleNames().contains(RunListModel::RunIdRole));
    }

    void reloadSeesNewAndRemovedRuns()
    {
        TestWorkspace ws;
        seed::run(*ws.db, QStringLiteral("first"), QStringLiteral("2024-01-01T00:00:00.000Z"));
        RunListModel model(*ws.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        const auto second =
            seed::run(*ws.db, QStringLiteral("second"), QStringLiteral("2024-01-02T00:00:00.000Z"));
        QCOMPARE(model.rowCount(), 1); // a snapshot until reload
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.reload();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.runIdAt(0), second);
        QVERIFY(RunStore(*ws.db).remove(second));
        model.reload();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOfRun(second), -1);
        QVERIFY(model.lastError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRunListModel)
#include "tst_runlistmodel.moc"
