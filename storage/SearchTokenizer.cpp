#include "SearchTokenizer.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <new>
#include <sqlite3.h>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace overrule {
namespace {

// Bit i set when byte i of the 64 at `p` may belong to a word: an ASCII letter or digit (the
// only ASCII bytes unicode61 keeps in a token) or any byte of a non-ASCII character. Words are
// found from these masks, not byte by byte: a branch per byte mispredicts at every word's end.
std::uint64_t wordMask(const unsigned char* p)
{
#if defined(__SSE2__)
    std::uint64_t mask = 0;
    for (int part = 0; part < 4; ++part) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * part));
        const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
        // Signed compares: bytes from 0x80 are negative, below every bound, and are counted
        // by their high bit instead.
        const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                             _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
        const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                            _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
        const auto bits = static_cast<std::uint32_t>(
            _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), v)));
        mask |= std::uint64_t(bits) << (16 * part);
    }
    return mask;
#else
    std::uint64_t mask = 0;
    for (int i = 0; i < 64; ++i) {
        const unsigned char c = p[i];
        const bool word =
            (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
        mask |= std::uint64_t(word) << i;
    }
    return mask;
#endif
}

// Eight bytes at a time, the first byte of a text is the lowest of a chunk.
static_assert(std::endian::native == std::endian::little);

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// Lower-cases eight bytes of ASCII letters and digits: setting 0x20 lower-cases a letter and
// leaves a digit as it is.
constexpr std::uint64_t lowerAscii(std::uint64_t bytes)
{
    return bytes | 0x2020202020202020ULL;
}

// The first `length` (1-8) bytes of `chunk`, the rest zero.
constexpr std::uint64_t firstBytes(std::uint64_t chunk, std::size_t length)
{
    return length >= 8 ? chunk : chunk & (~0ULL >> (8 * (8 - length)));
}

constexpr std::uint64_t mix(std::uint64_t h, std::uint64_t chunk)
{
    h = (h ^ chunk) * 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 29);
}

// A token's hash, taken eight bytes at a time, and its first eight bytes.
struct TokenHash
{
    std::uint64_t h = 0;
    std::uint64_t head = 0;
    bool first = true;

    void add(std::uint64_t chunk)
    {
        if (first) {
            head = chunk;
            first = false;
        }
        h = mix(h, chunk);
    }
    std::uint32_t value() const { return static_cast<std::uint32_t>(h ^ (h >> 32)); }
};

// The distinct tokens of one text: their folded bytes one after another, and an open-addressing
// table over them. Slots left by earlier texts are told apart by their generation, so the table
// is not cleared between texts; it is kept only as large as the text needs, and a slot is 16
// bytes, so that for a text of a few kilobytes it stays in the first-level cache.
class DistinctTokens
{
public:
    void start(std::size_t textSize)
    {
        // What a very long text made room for is given back at the next ordinary one.
        if (m_bytes.size() > kKeptBytes && textSize < kKeptBytes)
            m_bytes = std::vector<char>();
        if (m_slots.size() > kMaxStartSlots) {
            m_slots = std::vector<Slot>();
            m_generation = 0;
        }
        nextGeneration();
        m_count = 0;
        m_used = 0;
        // A text of n bytes holds about n/11 distinct words; at most half the slots are used.
        // A longer text than most starts with kMaxStartSlots and grows the table as it needs.
        std::size_t capacity = 64;
        while (capacity < textSize / 4 && capacity < kMaxStartSlots)
            capacity *= 2;
        if (m_slots.size() < capacity)
            m_slots.resize(capacity);
        m_mask = capacity - 1;
        reserve(textSize);
    }

    // Where the next token's `length` bytes go. Eight bytes more are always there: tokens are
    // written and read eight bytes at a time.
    char* reserve(std::size_t length)
    {
        if (m_bytes.size() < m_used + length + 8)
            m_bytes.resize(std::max(m_bytes.size() * 2, m_used + length + 8));
        return m_bytes.data() + m_used;
    }

    // Keeps the token of `length` bytes just written at reserve()'s place when it is new, and
    // returns it; nullptr when the text had it already. `head` is its first eight bytes
    // (zero-padded) and `hash` its TokenHash.
    const char* keep(std::size_t length, std::uint64_t head, std::uint32_t hash)
    {
        const char* token = m_bytes.data() + m_used;
        if (length > kMaxLength) // passed on every time: FTS5 drops the repeats itself
            return token;
        if ((m_count + 1) * 2 > m_mask + 1)
            grow();
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.generation != m_generation) {
                slot = Slot{head, static_cast<std::uint32_t>(m_used),
                            static_cast<std::uint16_t>(length), m_generation};
                ++m_count;
                m_used += length;
                return token;
            }
            // The first eight bytes settle most comparisons without reading the bytes.
            if (slot.head == head && slot.length == length &&
                (length <= 8 ||
                 std::memcmp(m_bytes.data() + slot.offset + 8, token + 8, length - 8) == 0))
                return nullptr;
        }
    }

    // The same for a token whose hash is not known yet.
    const char* keep(std::size_t length)
    {
        const TokenHash hash = hashOf(m_bytes.data() + m_used, length);
        return keep(length, hash.head, hash.value());
    }

private:
    static constexpr std::size_t kMaxLength = 0xFFFF;
    static constexpr std::size_t kMaxStartSlots = 4096; // 64 KB
    static constexpr std::size_t kKeptBytes = 1 << 20;

    struct Slot
    {
        std::uint64_t head = 0;
        std::uint32_t offset = 0;
        std::uint16_t length = 0;
        std::uint16_t generation = 0;
    };

    static TokenHash hashOf(const char* token, std::size_t length)
    {
        TokenHash hash;
        for (std::size_t i = 0; i < length; i += 8) {
            std::uint64_t chunk;
            std::memcpy(&chunk, token + i, 8);
            hash.add(firstBytes(chunk, length - i));
        }
        return hash;
    }

    void nextGeneration()
    {
        if (++m_generation == 0) { // wrapped: old slots could pass for new ones
            m_slots.assign(m_slots.size(), Slot{});
            m_generation = 1;
        }
    }

    // Twice the slots: this text's tokens move there under a new generation.
    void grow()
    {
        std::vector<Slot> kept;
        kept.reserve(m_count);
        for (std::size_t i = 0; i <= m_mask; ++i) {
            if (m_slots[i].generation == m_generation)
                kept.push_back(m_slots[i]);
        }
        nextGeneration();
        m_mask = m_mask * 2 + 1;
        if (m_slots.size() <= m_mask)
            m_slots.resize(m_mask + 1);
        for (Slot slot : kept) {
            const TokenHash hash = hashOf(m_bytes.data() + slot.offset, slot.length);
            std::size_t i = hash.value() & m_mask;
            while (m_slots[i].generation == m_generation)
                i = (i + 1) & m_mask;
            slot.generation = m_generation;
            m_slots[i] = slot;
        }
    }

    std::vector<char> m_bytes;
    std::size_t m_used = 0;
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::size_t m_count = 0;
    std::uint16_t m_generation = 0;
};

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

// What registration found: FTS5's unicode61, which cuts every word this tokenizer does not.
struct Module
{
    fts5_tokenizer unicode61{};
    void* unicode61Context = nullptr;
};

// One per FTS5 table and connection; a connection is used by one thread at a time.
struct Instance
{
    const Module* module = nullptr;
    Fts5Tokenizer* unicode61 = nullptr;
    DistinctTokens tokens;
};

// Hands on a token once per text: the callback FTS5 gave, seen through this.
struct Output
{
    Instance* self;
    void* context;
    TokenCallback token;
    int offset = 0;    // of the stretch unicode61 is cutting, in the text
    bool done = false; // FTS5 asked for no more tokens (SQLITE_DONE)

    // `kept` as DistinctTokens::keep() returned it: nullptr, a repeat, is not given.
    int give(const char* kept, std::size_t length, int start, int end)
    {
        if (!kept)
            return SQLITE_OK;
        const int rc = token(context, 0, kept, static_cast<int>(length), start, end);
        done = rc == SQLITE_DONE;
        return rc;
    }

    int distinct(const char* bytes, std::size_t length, int start, int end)
    {
        char* place = self->tokens.reserve(length);
        if (length > 0)
            std::memcpy(place, bytes, length);
        return give(self->tokens.keep(length), length, start, end);
    }
};

int onUnicode61Token(void* out, int flags, const char* token, int length, int start, int end)
{
    (void)flags;
    auto* output = static_cast<Output*>(out);
    return output->distinct(token, static_cast<std::size_t>(length), output->offset + start,
                            output->offset + end);
}

// The word of `length` bytes at `word` (a text's bytes up to `end`): folded here when it is all
// ASCII, by unicode61 otherwise.
int addWord(Output& output, const unsigned char* text, std::size_t start, std::size_t length,
            const unsigned char* end)
{
    const unsigned char* word = text + start;
    char* place = output.self->tokens.reserve(length);
    TokenHash hash;
    bool ascii = true;
    for (std::size_t i = 0; i < length; i += 8) {
        std::uint64_t chunk = 0;
        const std::size_t left = static_cast<std::size_t>(end - word) - i;
        std::memcpy(&chunk, word + i, left >= 8 ? 8 : left);
        chunk = firstBytes(chunk, length - i);
        if (chunk & kHighBits) {
            ascii = false;
            break;
        }
        chunk = firstBytes(lowerAscii(chunk), length - i);
        std::memcpy(place + i, &chunk, 8);
        hash.add(chunk);
    }
    if (ascii) {
        return output.give(output.self->tokens.keep(length, hash.head, hash.value()), length,
                           static_cast<int>(start), static_cast<int>(start + length));
    }
    // Which non-ASCII characters are letters, which are separators and how each folds is
    // unicode61's: the stretch between two ASCII separators is cut by it, as it would be in the
    // whole text (its tokens never cross an ASCII separator).
    output.offset = static_cast<int>(start);
    const Instance& self = *output.self;
    const int rc = self.module->unicode61.xTokenize(self.unicode61, &output, FTS5_TOKENIZE_DOCUMENT,
                                                    reinterpret_cast<const char*>(word),
                                                    static_cast<int>(length), onUnicode61Token);
    return output.done ? SQLITE_DONE : rc; // unicode61 answers a stop with SQLITE_OK
}

// The words of a document's text, 64 bytes at a time.
int tokenizeDocument(Output& output, const unsigned char* text, std::size_t size)
{
    const unsigned char* const end = text + size;
    std::size_t wordStart = 0;
    bool inWord = false;
    for (std::size_t base = 0; base < size; base += 64) {
        std::uint64_t mask;
        if (base + 64 <= size) {
            mask = wordMask(text + base);
        } else {
            unsigned char tail[64] = {}; // zero bytes end words
            std::memcpy(tail, text + base, size - base);
            mask = wordMask(tail);
        }
        // Each set bit of `edges` is a word's first byte or the first byte after one.
        std::uint64_t edges = mask ^ ((mask << 1) | std::uint64_t(inWord));
        while (edges) {
            const int bit = std::countr_zero(edges);
            edges &= edges - 1;
            if ((mask >> bit) & 1) {
                wordStart = base + bit;
            } else if (const int rc = addWord(output, text, wordStart, base + bit - wordStart, end);
                       rc != SQLITE_OK) {
                return rc;
            }
        }
        inWord = mask >> 63;
    }
    if (inWord && size > 0)
        return addWord(output, text, wordStart, size - wordStart, end);
    return SQLITE_OK;
}

int createInstance(void* context, const char** arguments, int count, Fts5Tokenizer** out)
{
    (void)arguments;
    if (count != 0) // the tokenizer is unicode61 with remove_diacritics 2, nothing else
        return SQLITE_ERROR;
    const auto* module = static_cast<const Module*>(context);
    auto* instance = new (std::nothrow) Instance;
    if (!instance)
        return SQLITE_NOMEM;
    instance->module = module;
    const char* options[] = {"remove_diacritics", "2"};
    const int rc =
        module->unicode61.xCreate(module->unicode61Context, options, 2, &instance->unicode61);
    if (rc != SQLITE_OK) {
        delete instance;
        return rc;
    }
    *out = reinterpret_cast<Fts5Tokenizer*>(instance);
    return SQLITE_OK;
}

void deleteInstance(Fts5Tokenizer* tokenizer)
{
    auto* instance = reinterpret_cast<Instance*>(tokenizer);
    instance->module->unicode61.xDelete(instance->unicode61);
    delete instance;
}

int tokenize(Fts5Tokenizer* tokenizer, void* context, int flags, const char* text, int size,
             TokenCallback token)
{
    auto* self = reinterpret_cast<Instance*>(tokenizer);
    // Queries, prefixes and auxiliary functions (which count positions) get unicode61's tokens
    // as they are.
    if (!(flags & FTS5_TOKENIZE_DOCUMENT) || size <= 0)
        return self->module->unicode61.xTokenize(self->unicode61, context, flags, text, size,
                                                 token);
    // No exception may cross SQLite's C frames.
    try {
        self->tokens.start(static_cast<std::size_t>(size));
        Output output{self, context, token};
        const int rc = tokenizeDocument(output, reinterpret_cast<const unsigned char*>(text),
                                        static_cast<std::size_t>(size));
        return rc == SQLITE_DONE ? SQLITE_OK : rc; // as unicode61 answers a stop
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    }
}

void deleteModule(void* module)
{
    delete static_cast<Module*>(module);
}

fts5_api* fts5Of(sqlite3* db)
{
    fts5_api* api = nullptr;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    (void)sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

} // namespace

int registerSearchTokenizer(sqlite3* db)
{
    fts5_api* api = fts5Of(db);
    if (!api)
        return SQLITE_ERROR;
    auto* module = new (std::nothrow) Module;
    if (!module)
        return SQLITE_NOMEM;
    int rc = api->xFindTokenizer(api, "unicode61", &module->unicode61Context, &module->unicode61);
    if (rc == SQLITE_OK) {
        fts5_tokenizer tokenizer{createInstance, deleteInstance, tokenize};
        rc = api->xCreateTokenizer(api, kSearchTokenizer, module, &tokenizer, deleteModule);
    }
    if (rc != SQLITE_OK) // FTS5 takes the module (and deletes it) only on success
        delete module;
    return rc;
}

} // namespace overrule
