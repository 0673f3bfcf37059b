#include "import/JsonDump.h"

#include "import/Utf8.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace overrule {
namespace {

using nlohmann::json;

bool appendString(const std::string& text, std::string& out)
{
    if (firstInvalidUtf8(text))
        return false;
    out += '"';
    const char* run = text.data();
    const char* const end = run + text.size();
    for (const char* p = run; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p);
        run = p + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default: {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            out += escaped;
        }
        }
    }
    out.append(run, end);
    out += '"';
    return true;
}

template <typename Number> void appendInteger(Number value, std::string& out)
{
    char digits[24];
    const auto written = std::to_chars(std::begin(digits), std::end(digits), value);
    out.append(digits, written.ptr);
}

// False when nlohmann must write `value` instead (see dumpJson).
bool append(const json& value, std::string& out)
{
    switch (value.type()) {
    case json::value_t::object: {
        out += '{';
        bool first = true;
        for (const auto& [key, member] : value.get_ref<const json::object_t&>()) {
            if (!first)
                out += ',';
            first = false;
            if (!appendString(key, out))
                return false;
            out += ':';
            if (!append(member, out))
                return false;
        }
        out += '}';
        return true;
    }
    case json::value_t::array: {
        out += '[';
        bool first = true;
        for (const json& element : value.get_ref<const json::array_t&>()) {
            if (!first)
                out += ',';
            first = false;
            if (!append(element, out))
                return false;
        }
        out += ']';
        return true;
    }
    case json::value_t::string:
        return appendString(value.get_ref<const std::string&>(), out);
    case json::value_t::boolean:
        out += value.get<bool>() ? "true" : "false";
        return true;
    case json::value_t::null:
        out += "null";
        return true;
    case json::value_t::number_integer:
        appendInteger(value.get<json::number_integer_t>(), out);
        return true;
    case json::value_t::number_unsigned:
        appendInteger(value.get<json::number_unsigned_t>(), out);
        return true;
    case json::value_t::number_float: {
        const double number = value.get<double>();
        if (!std::isfinite(number)) {
            out += "null";
            return true;
        }
        char digits[64];
        char* end = nlohmann::detail::to_chars(std::begin(digits), std::end(digits), number);
        out.append(digits, end);
        return true;
    }
    case json::value_t::binary:
    case json::value_t::discarded:
        break;
    }
    return false;
}

} // namespace

std::string dumpJson(const json& value)
{
    std::string out;
    if (append(value, out))
        return out;
    return value.dump();
}

} // namespace overrule
