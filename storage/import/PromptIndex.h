#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace overrule {

// A prompt's 128-bit digest (RunWriter), held inline.
struct PromptKey
{
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    friend bool operator==(const PromptKey& a, const PromptKey& b)
    {
        return a.high == b.high && a.low == b.low;
    }
};

// The first item of a run with each prompt. The import asks for every item on its writing
// thread, so this is a flat open-addressing table: one probe per item into 24-byte slots (a
// QHash spent ~7% of that thread at 1M items on two lookups per item). Internal to
// overrule_storage.
class PromptIndex
{
public:
    PromptIndex();

    // The item holding `key`, or 0 when no item has that prompt yet.
    std::int64_t find(const PromptKey& key) const;
    // Records `item` (> 0) as the holder of `key`, unless an earlier item holds it.
    void add(const PromptKey& key, std::int64_t item);
    std::size_t size() const { return m_size; }

private:
    struct Slot
    {
        PromptKey key;
        std::int64_t item = 0; // 0: empty
    };
    std::size_t slotOf(const PromptKey& key) const;
    void grow();

    std::vector<Slot> m_slots;
    std::size_t m_size = 0;
};

} // namespace overrule
