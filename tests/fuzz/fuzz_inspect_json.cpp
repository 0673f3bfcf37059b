// An Inspect AI .json log: the streaming document parser, sample normalising and the builder.
#include "FuzzSupport.h"
#include "import/InspectReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzInput input(data, size);
    overrule::InspectReader reader(input.buffer, overrule::InspectReader::Container::Json);
    if (reader.start())
        drainRecords(reader);
    (void)reader.failure();
    return 0;
}
