#include "ItemSeed.h"
#include "LabelStore.h"
#include "Metrics.h"
#include "TestWorkspace.h"

#include <QRandomGenerator>

using namespace overrule;

namespace {

// The metrics as one plain SQL statement over every item of the run: the definition that
// MetricsCalculator computes faster (counts from an index, then only the labelled items).
constexpr std::string_view kReferenceSql = R"sql(
WITH e AS (
    SELECT coalesce(l.category_id, i.category_id) AS cat,
           i.verdict AS v,
           CASE WHEN l.id IS NULL THEN i.verdict ELSE l.behaviour END AS b,
           CASE WHEN l.id IS NOT NULL AND l.intent > 0 THEN l.intent ELSE i.intent END AS n,
           l.id IS NOT NULL AS r
    FROM items i
    LEFT JOIN labels l ON l.id = %LABEL% AND l.behaviour > 0
    WHERE i.run_id = ?1
)
SELECT coalesce(c.name, ''), count(*),
       sum(v IN (1, 2)), sum(v <> 0), sum(v = 0), sum(r),
       sum(n = 1), sum(n = 2), sum(n = 0),
       sum(n = 1 AND b IN (1, 2)), sum(n = 1 AND b <> 0),
       sum(n = 2 AND b = 3), sum(n = 2 AND b <> 0),
       sum(r AND v <> 0 AND (v IN (1, 2)) = (b IN (1, 2))), sum(r AND v <> 0)
FROM e LEFT JOIN categories c ON c.id = e.cat
GROUP BY e.cat ORDER BY c.name IS NULL, c.name COLLATE NOCASE
)sql";

QStringList flatten(const QString& category, const Metrics& m)
{
    auto rate = [](const Rate& r) { return QStringLiteral("%1/%2").arg(r.count).arg(r.of); };
    return {
        category,
        QString::number(m.items),
        rate(m.classifierRefusal),
        QString::number(m.unknownVerdicts),
        QString::number(m.reviewed),
        QStringLiteral("%1,%2,%3").arg(m.intent.benign).arg(m.intent.harmful).arg(m.intent.unknown),
        rate(m.falseRefusal),
        rate(m.missedHarm),
        rate(m.classifierAgreement)};
}

} // namespace

class TestMetricsReference : public QObject
{
    Q_OBJECT

private:
    static QList<QStringList> reference(const Database& db, std::int64_t runId,
                                        const QString& reviewer)
    {
        std::string sql(kReferenceSql);
        const std::string placeholder = "%LABEL%";
        sql.replace(sql.find(placeholder), placeholder.size(),
                    reviewer.isEmpty() ? "i.label_id"
                                       : "(SELECT max(x.id) FROM labels x WHERE x.item_id = i.id "
                                         "AND x.reviewer_id = (SELECT id FROM reviewers WHERE "
                                         "name = ?2))");
        Statement st = db.prepare(sql);
        st.bind(1, runId);
        if (!reviewer.isEmpty())
            st.bind(2, reviewer);
        QList<QStringList> rows;
        while (st.step()) {
            Metrics m;
            m.items = st.int64(1);
            m.classifierRefusal = {st.int64(2), st.int64(3)};
            m.unknownVerdicts = st.int64(4);
            m.reviewed = st.int64(5);
            m.intent = {st.int64(6), st.int64(7), st.int64(8)};
            m.falseRefusal = {st.int64(9), st.int64(10)};
            m.missedHarm = {st.int64(11), st.int64(12)};
            m.classifierAgreement = {st.int64(13), st.int64(14)};
            rows << flatten(st.text(0), m);
        }
        if (st.hasError() || !st.isValid())
            qFatal("reference query: %s", qPrintable(st.error() + st.prepareError()));
        return rows;
    }

private Q_SLOTS:
    // Random runs with decisions, withdrawals, re-decisions, moved categories and reviewers'
    // own intents: the fast computation matches the definition for every reviewer.
    void matchesTheSingleQueryDefinition_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 2u, 3u, 4u, 5u})
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }

    void matchesTheSingleQueryDefinition()
    {
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        TestWorkspace ws;
        std::vector<std::int64_t> categories;
        for (const char* name : {"cyber", "Fraud", "harassment", "weapons", "unused"})
            categories.push_back(seed::category(*ws.db, QString::fromLatin1(name)));
        const auto run = seed::run(*ws.db, QStringLiteral("main"));
        const auto other = seed::run(*ws.db, QStringLiteral("other"));
        std::vector<std::int64_t> items, foreignItems;
        {
            Transaction tx(*ws.db);
            for (int i = 0; i < 400; ++i) {
                const int c = int(random.bounded(5));
                seed::Item item{QStringLiteral("i%1").arg(i),
                                static_cast<Behaviour>(random.bounded(4)),
                                static_cast<Intent>(random.bounded(3)),
                                c == 4 ? std::nullopt
                                       : std::optional<std::int64_t>(categories[size_t(c)]),
                                std::nullopt,
                                QStringLiteral("p"),
                                QStringLiteral("r")};
                items.push_back(seed::item(*ws.db, run, i, item));
                // Another run's items and labels never count.
                const auto foreign = seed::item(*ws.db, other, i, item);
                if (i % 7 == 0)
                    foreignItems.push_back(foreign);
            }
            QVERIFY(tx.commit());
        }
        const QStringList reviewers = {QStringLiteral("alice"), QStringLiteral("bob"),
                                       QStringLiteral("carol")};
        LabelStore labels(*ws.db);
        for (const std::int64_t foreign : foreignItems) {
            Decision d;
            d.behaviour = Behaviour::Compliance;
            d.intent = Intent::Harmful;
            QVERIFY(labels.append(foreign, reviewers[0], d, QStringLiteral("review")));
        }
        for (int n = 0; n < 600; ++n) {
            Decision d;
            d.behaviour = static_cast<Behaviour>(random.bounded(4)); // 0: a withdrawal
            d.intent = static_cast<Intent>(random.bounded(3));
            if (random.bounded(3) == 0)
                d.categoryId = categories[random.bounded(5)];
            QVERIFY(labels.append(items[random.bounded(int(items.size()))],
                                  reviewers[int(random.bounded(3))], d, QStringLiteral("review")));
        }

        for (const QString& reviewer :
             {QString(), reviewers[0], reviewers[1], reviewers[2], QStringLiteral("nobody")}) {
            auto computed = MetricsCalculator(*ws.db).compute(run, reviewer);
            QVERIFY(computed);
            QList<QStringList> rows;
            for (const CategoryMetrics& c : computed->byCategory)
                rows << flatten(c.category, c.metrics);
            QCOMPARE(rows, reference(*ws.db, run, reviewer));
            Metrics total;
            for (const CategoryMetrics& c : computed->byCategory)
                total.add(c.metrics);
            QCOMPARE(flatten({}, computed->total), flatten({}, total));
            QCOMPARE(computed->total.items, 400);
        }
    }
};

QTEST_GUILESS_MAIN(TestMetricsReference)
#include "tst_metricsreference.moc"
