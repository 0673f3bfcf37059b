// lm-evaluation-harness samples lines: line splitting, parsing, normalising and the builder.
#include "FuzzSupport.h"
#include "import/LmEvalReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzInput input(data, size);
    overrule::LmEvalReader reader(input.buffer, QStringLiteral("model"));
    drainRecords(reader);
    return 0;
}
