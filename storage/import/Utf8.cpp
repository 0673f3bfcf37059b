#include "import/Utf8.h"

#include <QChar>
#include <algorithm>
#include <cstdint>
#include <cstring>

namespace overrule {

std::optional<std::size_t> firstInvalidUtf8(std::string_view text)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        // ASCII, eight bytes at a time: most text is.
        if (i + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, bytes + i, sizeof word);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = bytes[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0; // overlong
            else if (c == 0xED)
                high = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90; // overlong
            else if (c == 0xF4)
                high = 0x8F; // past U+10FFFF
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        if (bytes[i + 1] < low || bytes[i + 1] > high)
            return i;
        for (std::size_t k = 2; k < length; ++k) {
            if (bytes[i + k] < 0x80 || bytes[i + k] > 0xBF)
                return i;
        }
        i += length;
    }
    return std::nullopt;
}

namespace {
// The code point at `i` of valid UTF-8 and its length in bytes.
std::pair<char32_t, std::size_t> decodeAt(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char c = byte(0);
    if (c < 0x80)
        return {c, 1};
    if (c < 0xE0)
        return {char32_t(c & 0x1F) << 6 | (byte(1) & 0x3F), 2};
    if (c < 0xF0)
        return {char32_t(c & 0x0F) << 12 | char32_t(byte(1) & 0x3F) << 6 | (byte(2) & 0x3F), 3};
    return {char32_t(c & 0x07) << 18 | char32_t(byte(1) & 0x3F) << 12 |
                char32_t(byte(2) & 0x3F) << 6 | (byte(3) & 0x3F),
            4};
}

// QChar's notion, so that the excerpt reads as the table's text does.
bool isWhiteSpace(char32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    return QChar::isSpace(c);
}
} // namespace

std::string excerptOf(std::string_view text, int maxChars)
{
    static constexpr std::string_view kEllipsis = "\u2026";
    const auto limit = static_cast<std::size_t>(maxChars);
    std::string out;
    out.reserve(limit + 8);
    std::size_t units = 0; // UTF-16 code units in `out`
    bool pendingSpace = false;
    for (std::size_t i = 0; i < text.size();) {
        const auto [c, length] = decodeAt(text, i);
        if (isWhiteSpace(c)) {
            pendingSpace = units > 0;
            i += length;
            continue;
        }
        const std::size_t space = pendingSpace ? 1 : 0;
        if (units + space >= limit) {
            out += kEllipsis;
            return out;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        units += space;
        if (c < 0x80) {
            // A run of ASCII letters goes in at once (most text is such runs); cut at the limit.
            std::size_t end = i + 1;
            while (end < text.size() && static_cast<unsigned char>(text[end]) < 0x80 &&
                   !isWhiteSpace(static_cast<unsigned char>(text[end])))
                ++end;
            const std::size_t taken = std::min(end - i, limit - units);
            out.append(text.substr(i, taken));
            units += taken;
            i += taken;
            continue;
        }
        const std::size_t width = c > 0xFFFF ? 2 : 1;
        if (units + width > limit) {
            // Only half of a surrogate pair would fit: the cut comes before the character.
            out += kEllipsis;
            return out;
        }
        out.append(text.substr(i, length));
        units += width;
        i += length;
    }
    return out;
}

} // namespace overrule
