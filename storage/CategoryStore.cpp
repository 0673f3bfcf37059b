#include "CategoryStore.h"

#include "Clock.h"
#include "Database.h"

#include <nlohmann/json.hpp>

namespace overrule {
namespace {

constexpr std::string_view kCategoryColumns =
    "SELECT c.id, c.name, c.origin, v.version, v.definition, v.covers, v.excludes, v.rationale, "
    "v.author, v.created_at FROM categories c "
    "LEFT JOIN category_versions v ON v.category_id = c.id AND v.version = "
    "(SELECT max(version) FROM category_versions WHERE category_id = c.id) ";

Category readCategory(const Statement& st)
{
    Category c;
    c.id = st.int64(0);
    c.name = st.text(1);
    c.origin = st.text(2);
    c.current.version = st.integer(3);
    c.current.definition = st.text(4);
    c.current.covers = st.text(5);
    c.current.excludes = st.text(6);
    c.current.rationale = st.text(7);
    c.current.author = st.text(8);
    c.current.createdAt = st.text(9);
    return c;
}

Result<std::optional<Category>> single(Statement& st)
{
    if (st.step())
        return std::optional<Category>(readCategory(st));
    if (st.hasError())
        return makeError(st.error(), QStringLiteral("categories"));
    return std::optional<Category>();
}

QString joinedLines(const nlohmann::json& value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    QStringList lines;
    if (value.is_array()) {
        for (const auto& line : value) {
            if (line.is_string())
                lines << QString::fromStdString(line.get<std::string>());
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

Result<std::vector<Category>> CategoryStore::list() const
{
    Statement st = m_db.prepare(std::string(kCategoryColumns) + "ORDER BY c.name COLLATE NOCASE");
    std::vector<Category> out;
    while (st.step())
        out.push_back(readCategory(st));
    if (st.hasError())
        return makeError(st.error(), QStringLiteral("categories"));
    return out;
}

Result<std::optional<Category>> CategoryStore::find(std::int64_t id) const
{
    Statement st = m_db.prepare(std::string(kCategoryColumns) + "WHERE c.id = ?");
    st.bind(1, id);
    return single(st);
}

Result<std::optional<Category>> CategoryStore::findByName(const QString& name) const
{
    Statement st = m_db.prepare(std::string(kCategoryColumns) + "WHERE c.name = ?");
    st.bind(1, name.trimmed());
    return single(st);
}

Result<std::int64_t> CategoryStore::ensure(const QString& name, const QString& origin) const
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return makeError(QStringLiteral("a category needs a name"), QStringLiteral("category"));
    Statement lookup = m_db.prepare("SELECT id FROM categories WHERE name = ?");
    lookup.bind(1, trimmed);
    if (lookup.step())
        return lookup.int64(0);
    const QString now = nowIso();
    Statement insert =
        m_db.prepare("INSERT INTO categories(name, origin, created_at) VALUES (?, ?, ?)");
    insert.bind(1, trimmed).bind(2, origin).bind(3, now);
    if (auto done = insert.exec(); !done)
        return makeError(done.error().message, QStringLiteral("category ") + trimmed);
    const std::int64_t id = m_db.lastInsertId();
    Statement first = m_db.prepare(
        "INSERT INTO category_versions(category_id, version, rationale, created_at) "
        "VALUES (?, 1, ?, ?)");
    first.bind(1, id)
        .bind(2, origin == QLatin1String("imported") ? QStringLiteral("found in imported verdicts")
                                                     : QString())
        .bind(3, now);
    if (auto done = first.exec(); !done)
        return makeError(done.error().message, QStringLiteral("category ") + trimmed);
    return id;
}

Result<int> CategoryStore::addVersion(std::int64_t categoryId, const CategoryDefinition& draft) const
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return makeError(tx.beginError());
    Statement next = m_db.prepare(
        "SELECT coalesce(max(version), 0) + 1 FROM category_versions WHERE category_id = ?");
    next.bind(1, categoryId);
    if (!next.step())
        return makeError(next.error(), QStringLiteral("category_versions"));
    const int version = next.integer(0);
    Statement insert = m_db.prepare(
        "INSERT INTO category_versions(category_id, version, definition, covers, excludes, "
        "rationale, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, categoryId)
        .bind(2, version)
        .bind(3, draft.definition)
        .bind(4, draft.covers)
        .bind(5, draft.excludes)
        .bind(6, draft.rationale)
        .bind(7, draft.author)
        .bind(8, nowIso());
    if (auto done = insert.exec(); !done)
        return done.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return version;
}

Result<std::vector<CategoryDefinition>> CategoryStore::versions(std::int64_t categoryId) const
{
    Statement st = m_db.prepare(
        "SELECT version, definition, covers, excludes, rationale, author, created_at "
        "FROM category_versions WHERE category_id = ? ORDER BY version DESC");
    st.bind(1, categoryId);
    std::vector<CategoryDefinition> out;
    while (st.step())
        out.push_back({st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5),
                       st.text(6)});
    if (st.hasError())
        return makeError(st.error(), QStringLiteral("category_versions"));
    return out;
}

Status CategoryStore::loadTaxonomy(const QByteArray& json, const QString& sourceName) const
{
    const auto doc = nlohmann::json::parse(json.constData(), json.constData() + json.size(),
                                           nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("categories") ||
        !doc["categories"].is_array())
        return makeError(QStringLiteral("expected an object with a \"categories\" array"),
                         sourceName);
    Transaction tx(m_db);
    if (!tx.isActive())
        return makeError(tx.beginError(), sourceName);
    int index = 0;
    for (const auto& entry : doc["categories"]) {
        const QString where = QStringLiteral("%1: categories[%2]").arg(sourceName).arg(index++);
        if (!entry.is_object() || !entry.contains("name") || !entry["name"].is_string())
            return makeError(QStringLiteral("each category needs a string \"name\""), where);
        const QString name = QString::fromStdString(entry["name"].get<std::string>());
        auto existing = findByName(name);
        if (!existing)
            return existing.error();
        if (existing->has_value())
            continue;
        auto id = ensure(name, QStringLiteral("taxonomy"));
        if (!id)
            return id.error();
        // The bundled text replaces the empty first version that ensure() wrote.
        Statement update = m_db.prepare(
            "UPDATE category_versions SET definition = ?, covers = ?, excludes = ?, "
            "rationale = ?, author = 'Overrule' WHERE category_id = ? AND version = 1");
        update.bind(1, joinedLines(entry.value("definition", nlohmann::json())))
            .bind(2, joinedLines(entry.value("covers", nlohmann::json())))
            .bind(3, joinedLines(entry.value("excludes", nlohmann::json())))
            .bind(4, QStringLiteral("default taxonomy"))
            .bind(5, *id);
        if (auto done = update.exec(); !done)
            return makeError(done.error().message, where);
    }
    return tx.commit();
}

} // namespace overrule
