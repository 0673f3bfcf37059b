#pragma once

#include "Result.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace overrule {

class Database;

// One version of a harm category's definition. Edits never overwrite: they add a version.
struct CategoryDefinition
{
    int version = 0;
    QString definition;  // what the category is
    QString covers;      // what it covers, one example or rule per line
    QString excludes;    // carve-outs: what it does not cover
    QString rationale;   // why this version was written
    QString author;
    QString createdAt;
};

struct Category
{
    std::int64_t id = 0;
    QString name;
    QString origin;  // taxonomy | imported | user
    CategoryDefinition current;
};

class CategoryStore
{
public:
    explicit CategoryStore(const Database& db) : m_db(db) {}

    Result<std::vector<Category>> list() const;
    Result<std::optional<Category>> find(std::int64_t id) const;
    Result<std::optional<Category>> findByName(const QString& name) const;
    // Returns the id of the category named `name` (case-insensitive), creating it with an empty
    // first definition when missing. Call inside the caller's transaction for bulk work.
    Result<std::int64_t> ensure(const QString& name, const QString& origin) const;
    // Adds a new version; returns its number.
    Result<int> addVersion(std::int64_t categoryId, const CategoryDefinition& draft) const;
    Result<std::vector<CategoryDefinition>> versions(std::int64_t categoryId) const;

    // Loads a taxonomy JSON document ({"categories": [{"name", "definition", "covers",
    // "excludes"}]}); categories that exist already are left as they are.
    Status loadTaxonomy(const QByteArray& json, const QString& sourceName) const;

private:
    const Database& m_db;
};

} // namespace overrule
