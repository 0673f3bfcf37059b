// A JSON array of objects: the element splitter, the parser and the record builder.
#include "FuzzSupport.h"
#include "ItemRecord.h"
#include "import/JsonArrayReader.h"
#include "import/RecordBuilder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzInput input(data, size);
    overrule::JsonArrayReader reader(input.buffer);
    overrule::RecordBuilder builder(nullptr);
    overrule::SourceRecord record;
    std::vector<overrule::ImportProblem> problems;
    while (reader.next(record)) {
        overrule::ItemRecord item;
        builder.build(record, item, problems);
        record = overrule::SourceRecord();
    }
    (void)reader.failure();
    return 0;
}
