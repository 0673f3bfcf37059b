#include "import/FastJson.h"

#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace overrule {
namespace {

using nlohmann::json;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string& out, std::uint32_t codePoint)
{
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        const char bytes[] = {static_cast<char>(0xC0 | (codePoint >> 6)),
                              static_cast<char>(0x80 | (codePoint & 0x3F))};
        out.append(bytes, 2);
    } else if (codePoint < 0x10000) {
        const char bytes[] = {static_cast<char>(0xE0 | (codePoint >> 12)),
                              static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)),
                              static_cast<char>(0x80 | (codePoint & 0x3F))};
        out.append(bytes, 3);
    } else {
        const char bytes[] = {static_cast<char>(0xF0 | (codePoint >> 18)),
                              static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F)),
                              static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)),
                              static_cast<char>(0x80 | (codePoint & 0x3F))};
        out.append(bytes, 4);
    }
}

// One pass over the text, building the DOM in place. Containers still open are kept on an
// explicit stack, so nesting costs no native stack.
class FastJsonParser
{
public:
    FastJsonParser(std::string_view text, int maxDepth)
        : m_p(text.data()), m_end(text.data() + text.size()), m_maxDepth(maxDepth)
    {
    }

    bool parse(json& out);

private:
    void skipWhitespace();
    bool parseScalar(json& slot);
    bool parseNumber(json& slot);
    json* memberSlot(json& object);
    bool scanString(std::string& out);
    const char* findSpecial(const char* p) const;
    const char* skipUtf8(const char* p) const;
    const char* unescape(const char* p, std::string& out) const;
    bool readHex4(const char* p, std::uint32_t& value) const;
    bool literal(std::string_view word);

    const char* m_p;
    const char* const m_end;
    const int m_maxDepth;
    std::string m_key;
};

bool FastJsonParser::parse(json& out)
{
    // nlohmann skips a BOM only as the very first bytes, before any whitespace.
    if (m_end - m_p >= 3 && std::memcmp(m_p, "\xEF\xBB\xBF", 3) == 0)
        m_p += 3;
    std::vector<json*> open;
    json* slot = &out;
    for (;;) {
        // The next value goes into *slot.
        skipWhitespace();
        if (m_p == m_end)
            return false;
        const char c = *m_p;
        if (c == '{' || c == '[') {
            if (static_cast<int>(open.size()) >= m_maxDepth)
                return false;
            ++m_p;
            const bool object = c == '{';
            *slot = json(object ? json::value_t::object : json::value_t::array);
            skipWhitespace();
            if (m_p < m_end && *m_p == (object ? '}' : ']')) {
                ++m_p;
            } else {
                open.push_back(slot);
                slot = object ? memberSlot(*slot) : &slot->get_ref<json::array_t&>().emplace_back();
                if (slot == nullptr)
                    return false;
                continue;
            }
        } else if (!parseScalar(*slot)) {
            return false;
        }

        // The value is complete: close containers until one takes another member.
        for (;;) {
            skipWhitespace();
            if (open.empty()) {
                // nlohmann's lexer reads a NUL byte as the end of the input.
                if (m_p == m_end)
                    return true;
                return *m_p == '\0' &&
                       !jsonNestsDeeperThan(
                           std::string_view(m_p, static_cast<std::size_t>(m_end - m_p)),
                           m_maxDepth);
            }
            if (m_p == m_end)
                return false;
            json& container = *open.back();
            const char next = *m_p++;
            if (next == ',') {
                skipWhitespace();
                slot = container.is_object() ? memberSlot(container)
                                             : &container.get_ref<json::array_t&>().emplace_back();
                if (slot == nullptr)
                    return false;
                break;
            }
            if (next != (container.is_object() ? '}' : ']'))
                return false;
            open.pop_back();
        }
    }
}

void FastJsonParser::skipWhitespace()
{
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
        ++m_p;
}

bool FastJsonParser::parseScalar(json& slot)
{
    switch (*m_p) {
    case '"':
        ++m_p;
        slot = json(json::value_t::string);
        return scanString(slot.get_ref<std::string&>());
    case 't':
        slot = true;
        return literal("true");
    case 'f':
        slot = false;
        return literal("false");
    case 'n':
        slot = nullptr;
        return literal("null");
    default:
        return parseNumber(slot);
    }
}

bool FastJsonParser::literal(std::string_view word)
{
    if (static_cast<std::size_t>(m_end - m_p) < word.size() ||
        std::memcmp(m_p, word.data(), word.size()) != 0)
        return false;
    m_p += word.size();
    return true;
}

// Checks the JSON number grammar, then converts the way nlohmann does: strtoull/strtoll for
// integers, falling back to a double when they overflow; a double that overflows is an error.
bool FastJsonParser::parseNumber(json& slot)
{
    const char* const start = m_p;
    const char* p = m_p;
    const bool negative = *p == '-';
    if (negative)
        ++p;
    if (p == m_end || !isDigit(*p))
        return false;
    if (*p++ != '0') {
        while (p < m_end && isDigit(*p))
            ++p;
    }
    bool integral = true;
    if (p < m_end && *p == '.') {
        ++p;
        if (p == m_end || !isDigit(*p))
            return false;
        while (p < m_end && isDigit(*p))
            ++p;
        integral = false;
    }
    if (p < m_end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p < m_end && (*p == '+' || *p == '-'))
            ++p;
        if (p == m_end || !isDigit(*p))
            return false;
        while (p < m_end && isDigit(*p))
            ++p;
        integral = false;
    }
    m_p = p;

    if (integral) {
        if (negative) {
            json::number_integer_t value = 0;
            if (std::from_chars(start, p, value).ec == std::errc()) {
                slot = value;
                return true;
            }
        } else {
            json::number_unsigned_t value = 0;
            if (std::from_chars(start, p, value).ec == std::errc()) {
                slot = value;
                return true;
            }
        }
    }
    // from_chars and strtod both round correctly, so they agree wherever from_chars succeeds.
    double value = 0;
    if (std::from_chars(start, p, value).ec == std::errc()) {
        slot = value;
        return true;
    }
    // Out of range: take strtod's answer as nlohmann does (a zero or subnormal on underflow,
    // an error on overflow), with its trick of writing the locale's decimal point.
    std::string token(start, p);
    const lconv* locale = std::localeconv();
    const char point = locale->decimal_point == nullptr ? '.' : *locale->decimal_point;
    for (char& ch : token) {
        if (ch == '.')
            ch = point;
    }
    value = std::strtod(token.c_str(), nullptr);
    if (!std::isfinite(value))
        return false;
    slot = value;
    return true;
}

// Reads `"key" :` and returns where its value goes; an earlier duplicate is overwritten then.
json* FastJsonParser::memberSlot(json& object)
{
    if (m_p == m_end || *m_p != '"')
        return nullptr;
    ++m_p;
    m_key.clear();
    if (!scanString(m_key))
        return nullptr;
    skipWhitespace();
    if (m_p == m_end || *m_p != ':')
        return nullptr;
    ++m_p;
    return &object.get_ref<json::object_t&>().try_emplace(std::move(m_key)).first->second;
}

// Reads a string body (the opening quote already consumed) and the closing quote, appending
// plain runs in one go and checking UTF-8 only where a byte is not ASCII.
bool FastJsonParser::scanString(std::string& out)
{
    const char* run = m_p;
    const char* p = m_p;
    for (;;) {
        p = findSpecial(p);
        if (p == m_end)
            return false;
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"') {
            out.append(run, static_cast<std::size_t>(p - run));
            m_p = p + 1;
            return true;
        }
        if (c == '\\') {
            out.append(run, static_cast<std::size_t>(p - run));
            p = unescape(p + 1, out);
            if (p == nullptr)
                return false;
            run = p;
        } else if (c < 0x20) {
            return false;
        } else {
            p = skipUtf8(p);
            if (p == nullptr)
                return false;
        }
    }
}

// The first byte at or after p that a string cannot simply copy: '"', '\\', a control byte or
// a non-ASCII byte; m_end when there is none.
const char* FastJsonParser::findSpecial(const char* p) const
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    // Signed comparison: bytes 0x80..0xFF are negative, so "< 0x20" also catches non-ASCII.
    const __m128i space = _mm_set1_epi8(0x20);
    while (m_end - p >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i hits = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)),
            _mm_cmplt_epi8(bytes, space));
        const int mask = _mm_movemask_epi8(hits);
        if (mask != 0)
            return p + __builtin_ctz(static_cast<unsigned>(mask));
        p += 16;
    }
#endif
    while (p < m_end) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
            return p;
        ++p;
    }
    return p;
}

// Validates the run of multi-byte UTF-8 characters starting at p (the same rules as
// firstInvalidUtf8: no overlong forms, surrogates or code points past U+10FFFF) and returns
// the byte after it, or nullptr when it is invalid.
const char* FastJsonParser::skipUtf8(const char* p) const
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(p);
    const auto* end = reinterpret_cast<const unsigned char*>(m_end);
    do {
        const unsigned char c = *bytes;
        std::ptrdiff_t length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0;
            else if (c == 0xED)
                high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90;
            else if (c == 0xF4)
                high = 0x8F;
        } else {
            return nullptr;
        }
        if (end - bytes < length || bytes[1] < low || bytes[1] > high)
            return nullptr;
        for (std::ptrdiff_t k = 2; k < length; ++k) {
            if (bytes[k] < 0x80 || bytes[k] > 0xBF)
                return nullptr;
        }
        bytes += length;
    } while (bytes < end && *bytes >= 0x80);
    return reinterpret_cast<const char*>(bytes);
}

bool FastJsonParser::readHex4(const char* p, std::uint32_t& value) const
{
    if (m_end - p < 4)
        return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexValue(p[i]);
        if (digit < 0)
            return false;
        value = (value << 4) | static_cast<std::uint32_t>(digit);
    }
    return true;
}

// Decodes the escape after a backslash at p; returns the byte after it or nullptr. Like
// nlohmann, a \u escape of a high surrogate must be followed by one of a low surrogate.
const char* FastJsonParser::unescape(const char* p, std::string& out) const
{
    if (p == m_end)
        return nullptr;
    switch (*p) {
    case '"':
    case '\\':
    case '/':
        out += *p;
        return p + 1;
    case 'b':
        out += '\b';
        return p + 1;
    case 'f':
        out += '\f';
        return p + 1;
    case 'n':
        out += '\n';
        return p + 1;
    case 'r':
        out += '\r';
        return p + 1;
    case 't':
        out += '\t';
        return p + 1;
    case 'u':
        break;
    default:
        return nullptr;
    }
    std::uint32_t codePoint = 0;
    if (!readHex4(p + 1, codePoint))
        return nullptr;
    p += 5;
    if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
        std::uint32_t low = 0;
        if (m_end - p < 2 || p[0] != '\\' || p[1] != 'u' || !readHex4(p + 2, low) || low < 0xDC00 ||
            low > 0xDFFF)
            return nullptr;
        codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
        p += 6;
    } else if (codePoint >= 0xDC00 && codePoint <= 0xDFFF) {
        return nullptr;
    }
    appendUtf8(out, codePoint);
    return p;
}

} // namespace

bool jsonNestsDeeperThan(std::string_view text, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return true;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

bool parseJsonFast(std::string_view text, nlohmann::json& out, int maxDepth)
{
    FastJsonParser parser(text, maxDepth);
    return parser.parse(out);
}

} // namespace overrule
