#pragma once

// Test data written with plain SQL, independent of the importer: runs, items with their texts,
// and categories, exactly as the schema stores them.

#include "Database.h"
#include "ScoreOrder.h"
#include "Vocabulary.h"

#include <QString>
#include <QTest>
#include <cstdint>
#include <optional>

namespace seed {

struct Item
{
    QString externalId;
    overrule::Behaviour verdict = overrule::Behaviour::Unknown;
    overrule::Intent intent = overrule::Intent::Unknown;
    std::optional<std::int64_t> categoryId;
    std::optional<double> score;
    QString prompt;
    QString response;
};

inline std::int64_t run(const overrule::Database& db, const QString& name,
                        const QString& importedAt = QStringLiteral("2024-01-01T00:00:00.000Z"),
                        const QString& model = QStringLiteral("demo-model"),
                        std::int64_t itemCount = 0, std::int64_t rejected = 0)
{
    overrule::Statement st =
        db.prepare("INSERT INTO runs(name, model, imported_at, item_count, rejected_count) "
                   "VALUES (?, ?, ?, ?, ?)");
    st.bind(1, name).bind(2, model).bind(3, importedAt).bind(4, itemCount).bind(5, rejected);
    if (auto done = st.exec(); !done)
        qFatal("seed run: %s", qPrintable(done.error().toString()));
    return db.lastInsertId();
}

inline std::int64_t category(const overrule::Database& db, const QString& name)
{
    overrule::Statement st = db.prepare(
        "INSERT INTO categories(name, origin, created_at) VALUES (?, 'user', '2024-01-01')");
    st.bind(1, name);
    if (auto done = st.exec(); !done)
        qFatal("seed category: %s", qPrintable(done.error().toString()));
    return db.lastInsertId();
}

// Appends an item at the end of the run (seq = its position); call inside a Transaction for bulk.
inline std::int64_t item(const overrule::Database& db, std::int64_t runId, std::int64_t seq,
                         const Item& item)
{
    overrule::Statement st =
        db.prepare("INSERT INTO items(run_id, seq, external_id, verdict, intent, category_id, "
                   "score, excerpt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, runId)
        .bind(2, seq)
        .bind(3, item.externalId)
        .bind(4, static_cast<int>(item.verdict))
        .bind(5, static_cast<int>(item.intent))
        .bind(6, item.categoryId)
        .bind(7, item.score)
        .bind(8, item.prompt.left(120));
    if (auto done = st.exec(); !done)
        qFatal("seed item: %s", qPrintable(done.error().toString()));
    const std::int64_t id = db.lastInsertId();
    overrule::Statement text =
        db.prepare("INSERT INTO item_texts(item_id, prompt, response, verdict_raw, model, "
                   "metadata) VALUES (?, ?, ?, ?, 'demo-model', '{\"k\":1}')");
    text.bind(1, id).bind(2, item.prompt).bind(3, item.response).bind(4, toString(item.verdict));
    if (auto done = text.exec(); !done)
        qFatal("seed text: %s", qPrintable(done.error().toString()));
    return id;
}

// Writes the run's score order (as the importer does once it has written a run's items).
inline void scoreOrder(const overrule::Database& db, std::int64_t runId)
{
    if (auto done = overrule::ScoreOrder(db).rebuild(runId); !done)
        qFatal("seed score order: %s", qPrintable(done.error().toString()));
}

} // namespace seed

// Vocabulary enums compared by name: QTest's unqualified toString() finds overrule::toString()
// (which returns QString) by ADL, so QCOMPARE cannot print them directly.
#define QCOMPARE_VOCAB(actual, expected)                                                           \
    QCOMPARE(overrule::toString(actual), overrule::toString(expected))
