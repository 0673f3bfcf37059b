#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace overrule {

// An error that crosses a layer as a value. `where` names the place (file:line, field, table)
// so that a message can point the user at the exact spot.
struct Error
{
    QString message;
    QString where;

    QString toString() const { return where.isEmpty() ? message : where + QStringLiteral(": ") + message; }
};

// A small std::expected stand-in (C++23 is not available with Debian 12's GCC).
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

using Status = Result<void>;

inline Error makeError(QString message, QString where = {})
{
    return Error{std::move(message), std::move(where)};
}

} // namespace overrule
