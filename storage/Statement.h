#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <optional>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace overrule {

// RAII owner of one prepared statement. Parameters are 1-based as in SQLite; columns 0-based.
class Statement
{
public:
    Statement() = default;
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    // The prepare error, if preparation failed.
    const QString& prepareError() const { return m_prepareError; }

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value);
    Statement& bind(int index, std::string_view utf8);
    Statement& bind(int index, const char* utf8) { return bind(index, std::string_view(utf8)); }
    Statement& bind(int index, std::optional<double> value);
    Statement& bind(int index, std::optional<std::int64_t> value);
    Statement& bindNull(int index);
    // Binds without copying: `utf8` must stay alive until the statement is reset (exec()
    // resets), which saves a copy of every long text an import writes.
    Statement& bindUnowned(int index, std::string_view utf8);
    // Binds bytes as a BLOB, copied.
    Statement& bindBlob(int index, std::string_view bytes);
    // Binds an empty QString as NULL.
    Statement& bindTextOrNull(int index, const QString& value);

    // Steps once: true when a row is available, false when done. Errors go to error().
    bool step();
    // Runs to completion, ignoring rows. Resets afterwards so the statement can be reused.
    Status exec();
    void reset();

    bool hasError() const { return !m_error.isEmpty(); }
    // The last step failed on a UNIQUE or PRIMARY KEY constraint (the row already exists).
    bool failedOnUniqueness() const;
    const QString& error() const { return m_error; }

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    int integer(int column) const { return static_cast<int>(int64(column)); }
    double real(int column) const;
    std::optional<double> optionalReal(int column) const;
    std::optional<std::int64_t> optionalInt64(int column) const;
    QString text(int column) const;
    std::string_view utf8(int column) const;
    // A BLOB column's bytes, valid until the next step or reset.
    std::string_view blob(int column) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    QString m_prepareError;
    QString m_error;
    int m_lastCode = 0; // SQLite's extended result code of the last step
};

} // namespace overrule
