// Native JSONL: the reader and the record builder on arbitrary bytes.
#include "FuzzSupport.h"
#include "import/JsonlReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return fuzzReader<overrule::JsonlReader>(data, size);
}
