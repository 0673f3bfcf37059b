// The mapping file: its first line is parsed as a mapping, the rest is read as JSONL through it.
#include "FuzzSupport.h"
#include "import/JsonlReader.h"
#include "import/Mapping.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray all = QByteArray::fromRawData(reinterpret_cast<const char*>(data),
                                                   qsizetype(size));
    const qsizetype newline = all.indexOf('\n');
    const QByteArray mappingText = newline < 0 ? all : all.left(newline);
    auto mapping = overrule::Mapping::fromJson(mappingText, QStringLiteral("fuzz.json"));
    if (!mapping)
        return 0;
    (void)mapping->toJson();
    if (newline < 0)
        return 0;
    const QByteArray rest = all.mid(newline + 1);
    QBuffer buffer;
    buffer.setData(rest);
    buffer.open(QIODevice::ReadOnly);
    overrule::JsonlReader reader(buffer);
    drainRecords(reader, &*mapping);
    return 0;
}
