// A JSON array of objects: the element splitter, the parser and the record builder.
#include "FuzzSupport.h"
#include "import/JsonArrayReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return fuzzReader<overrule::JsonArrayReader>(data, size);
}
