#pragma once

// The seeded run shared by the item-table tests: items with known verdicts, intents,
// categories, scores and excerpts, so that expected orders are computed independently.
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
            e.score = i % 7 == 0 ? std::nullopt : std::optional<double>((i * 37 % 1000) / 1000.0);
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
                   {QStringLiteral("foreign"), Behaviour::FullRefusal, Intent::Benign, std::nullopt,
                    0.5, QStringLiteral("refund alpha"), QStringLiteral("alpha")});
        seed::scoreOrder(*ws.db, runId);
        seed::scoreOrder(*ws.db, otherRunId);
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

std::vector<std::int64_t> modelIds(const ItemTableModel& model)
{
    std::vector<std::int64_t> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.push_back(model.itemIdAt(row));
    return out;
}

QString cell(const ItemTableModel& model, int row, int column)
{
    return model.data(model.index(row, column)).toString();
}

void label(const Database& db, std::int64_t itemId, Behaviour b, Intent i)
{
    Decision d;
    d.behaviour = b;
    d.intent = i;
    auto done = LabelStore(db).append(itemId, QStringLiteral("alice"), d, QStringLiteral("review"));
    QVERIFY(done);
}

} // namespace
