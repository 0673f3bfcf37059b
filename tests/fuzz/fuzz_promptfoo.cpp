// A promptfoo export: the streaming document parser, result normalising and the builder.
#include "FuzzSupport.h"
#include "import/PromptfooReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzInput input(data, size);
    overrule::PromptfooReader reader(input.buffer);
    if (reader.start())
        drainRecords(reader);
    (void)reader.failure();
    return 0;
}
