// Zip archives: directory parsing and entry reads with a small size cap.
#include "FuzzSupport.h"
#include "archive/ZipArchive.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzInput input(data, size);
    auto zip = overrule::ZipArchive::open(input.buffer, QStringLiteral("fuzz.zip"));
    if (!zip)
        return 0;
    for (const auto& entry : zip->entries())
        (void)zip->read(entry, 8u << 20);
    return 0;
}
