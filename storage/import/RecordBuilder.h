#pragma once

#include "ItemRecord.h"
#include "import/RecordReader.h"

#include <vector>

namespace overrule {

class Mapping;

// Turns one source record into an ItemRecord: finds each Overrule field (through the mapping,
// or under its native name), checks its type, translates raw values, and keeps every field it
// did not use in the item's metadata. Internal to overrule_storage.
class RecordBuilder
{
public:
    // `mapping` may be null (native keys); it must outlive the builder.
    explicit RecordBuilder(const Mapping* mapping) : m_mapping(mapping) {}

    // Consumes source.fields. Returns true and fills `item` when the record is valid;
    // otherwise appends its problems (line, source field, reason) and returns false.
    bool build(SourceRecord& source, ItemRecord& item, std::vector<ImportProblem>& problems) const;

private:
    const Mapping* m_mapping;
};

} // namespace overrule
