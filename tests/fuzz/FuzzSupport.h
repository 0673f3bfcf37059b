#pragma once

#include "ItemRecord.h"
#include "import/RecordBuilder.h"
#include "import/RecordReader.h"

#include <QBuffer>
#include <QByteArray>

#include <cstddef>
#include <cstdint>

// Wraps libFuzzer's input in a read-only QBuffer without copying.
struct FuzzInput
{
    QByteArray bytes;
    QBuffer buffer;

    FuzzInput(const std::uint8_t* data, std::size_t size)
        : bytes(QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)))
    {
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
    }
};

// Reads every record a reader yields and builds each into an item, as an import would.
inline void drainRecords(overrule::RecordReader& reader, const overrule::Mapping* mapping = nullptr)
{
    overrule::RecordBuilder builder(mapping);
    overrule::SourceRecord record;
    std::vector<overrule::ImportProblem> problems;
    while (reader.next(record)) {
        overrule::ItemRecord item;
        builder.build(record, item, problems);
        record = overrule::SourceRecord();
    }
    (void)reader.failure();
}

// The whole fuzz target for a reader that takes a QIODevice.
template <typename Reader>
int fuzzReader(const std::uint8_t* data, std::size_t size)
{
    FuzzInput input(data, size);
    Reader reader(input.buffer);
    drainRecords(reader);
    return 0;
}
