#pragma once

#include <cstring>
#include <nlohmann/json.hpp>

// True when two values are the same JSON with the same nlohmann types all the way down.
// nlohmann's operator== says 1 == 1u == 1.0 and 0.0 == -0.0, which would hide a parser that
// picks the wrong number type; floats are compared bit for bit here.
inline bool jsonStrictlyEqual(const nlohmann::json& a, const nlohmann::json& b)
{
    using nlohmann::json;
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case json::value_t::object: {
        const auto& left = a.get_ref<const json::object_t&>();
        const auto& right = b.get_ref<const json::object_t&>();
        if (left.size() != right.size())
            return false;
        for (auto l = left.begin(), r = right.begin(); l != left.end(); ++l, ++r) {
            if (l->first != r->first || !jsonStrictlyEqual(l->second, r->second))
                return false;
        }
        return true;
    }
    case json::value_t::array: {
        const auto& left = a.get_ref<const json::array_t&>();
        const auto& right = b.get_ref<const json::array_t&>();
        if (left.size() != right.size())
            return false;
        for (std::size_t i = 0; i < left.size(); ++i) {
            if (!jsonStrictlyEqual(left[i], right[i]))
                return false;
        }
        return true;
    }
    case json::value_t::string:
        return a.get_ref<const json::string_t&>() == b.get_ref<const json::string_t&>();
    case json::value_t::boolean:
        return a.get<bool>() == b.get<bool>();
    case json::value_t::number_integer:
        return a.get<json::number_integer_t>() == b.get<json::number_integer_t>();
    case json::value_t::number_unsigned:
        return a.get<json::number_unsigned_t>() == b.get<json::number_unsigned_t>();
    case json::value_t::number_float: {
        const double left = a.get<double>();
        const double right = b.get<double>();
        return std::memcmp(&left, &right, sizeof left) == 0;
    }
    case json::value_t::binary:
        return a == b;
    case json::value_t::null:
    case json::value_t::discarded:
        return true;
    }
    return false;
}
