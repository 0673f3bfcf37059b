// Gzip streams: inflate everything, stopping at 64 MiB of output (bombs stay bounded).
#include "FuzzSupport.h"
#include "archive/GzipDevice.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzInput input(data, size);
    overrule::GzipDevice gzip(input.buffer);
    if (!gzip.open(QIODevice::ReadOnly))
        return 0;
    char chunk[65536];
    qint64 total = 0;
    qint64 n = 0;
    while ((n = gzip.read(chunk, sizeof chunk)) > 0 && total < (64 << 20))
        total += n;
    return 0;
}
