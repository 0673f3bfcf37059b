#include "import/PromptIndex.h"

namespace overrule {
namespace {
constexpr std::size_t kInitialSlots = 1024; // a power of two
} // namespace

PromptIndex::PromptIndex() : m_slots(kInitialSlots) {}

// The slot holding `key`, or the empty slot where it would go (linear probing; the table is
// never more than half full, and the digest's bits are uniform, so probes stay short).
std::size_t PromptIndex::slotOf(const PromptKey& key) const
{
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = static_cast<std::size_t>(key.low) & mask;
    while (m_slots[i].item != 0 && !(m_slots[i].key == key))
        i = (i + 1) & mask;
    return i;
}

std::int64_t PromptIndex::find(const PromptKey& key) const
{
    return m_slots[slotOf(key)].item;
}

void PromptIndex::add(const PromptKey& key, std::int64_t item)
{
    Slot& slot = m_slots[slotOf(key)];
    if (slot.item != 0)
        return;
    slot = {key, item};
    if (++m_size * 2 > m_slots.size())
        grow();
}

void PromptIndex::grow()
{
    std::vector<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    for (const Slot& slot : old) {
        if (slot.item != 0)
            m_slots[slotOf(slot.key)] = slot;
    }
}

} // namespace overrule
