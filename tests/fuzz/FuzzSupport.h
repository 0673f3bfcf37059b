#pragma once

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
