#include "ZipArchive.h"

#include <QIODevice>
#include <zlib.h>

namespace overrule {
namespace {

constexpr std::uint32_t kEndOfCentralDirectory = 0x06054b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr qint64 kMaxCommentSearch = 0xFFFF + 22;
constexpr std::uint64_t kMaxEntries = 1'000'000;

std::uint16_t u16(const char* p)
{
    const auto* b = reinterpret_cast<const unsigned char*>(p);
    return static_cast<std::uint16_t>(b[0] | (b[1] << 8));
}

std::uint32_t u32(const char* p)
{
    const auto* b = reinterpret_cast<const unsigned char*>(p);
    return static_cast<std::uint32_t>(b[0]) | (static_cast<std::uint32_t>(b[1]) << 8) |
           (static_cast<std::uint32_t>(b[2]) << 16) | (static_cast<std::uint32_t>(b[3]) << 24);
}

std::uint64_t u64(const char* p)
{
    return static_cast<std::uint64_t>(u32(p)) | (static_cast<std::uint64_t>(u32(p + 4)) << 32);
}

QByteArray readAt(QIODevice& device, qint64 offset, qint64 size)
{
    if (offset < 0 || size < 0 || !device.seek(offset))
        return {};
    return device.read(size);
}

// Applies the ZIP64 extra field (id 1) to the sizes and offset that were saturated to 0xFFFFFFFF.
void applyZip64(const QByteArray& extra, ZipArchive::Entry& entry, bool sizeSat, bool compSat,
                bool offsetSat)
{
    qsizetype at = 0;
    while (at + 4 <= extra.size()) {
        const std::uint16_t id = u16(extra.constData() + at);
        const std::uint16_t length = u16(extra.constData() + at + 2);
        if (at + 4 + length > extra.size())
            return;
        if (id == 1) {
            const char* p = extra.constData() + at + 4;
            const char* end = p + length;
            if (sizeSat && p + 8 <= end) {
                entry.uncompressedSize = u64(p);
                p += 8;
            }
            if (compSat && p + 8 <= end) {
                entry.compressedSize = u64(p);
                p += 8;
            }
            if (offsetSat && p + 8 <= end)
                entry.localHeaderOffset = u64(p);
            return;
        }
        at += 4 + length;
    }
}

} // namespace

Error ZipArchive::entryError(const Entry& entry, const QString& message) const
{
    return makeError(message, m_path + QStringLiteral(": entry ") + entry.name);
}

Result<ZipArchive> ZipArchive::open(QIODevice& device, const QString& path)
{
    const qint64 size = device.size();
    if (size < 22)
        return makeError(QStringLiteral("not a zip archive (too short)"), path);
    const qint64 tailSize = std::min(size, kMaxCommentSearch);
    const QByteArray tail = readAt(device, size - tailSize, tailSize);
    if (tail.size() != tailSize)
        return makeError(QStringLiteral("cannot read the archive"), path);
    qsizetype eocd = -1;
    for (qsizetype i = tail.size() - 22; i >= 0; --i) {
        if (u32(tail.constData() + i) == kEndOfCentralDirectory) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0)
        return makeError(QStringLiteral("not a zip archive, or truncated (no end of central "
                                        "directory)"),
                         path);
    const char* e = tail.constData() + eocd;
    std::uint64_t count = u16(e + 10);
    std::uint64_t directorySize = u32(e + 12);
    std::uint64_t directoryOffset = u32(e + 16);
    if (directoryOffset == 0xFFFFFFFF || count == 0xFFFF) {
        // ZIP64: the locator sits just before the end record and points at the real one.
        const qint64 locatorAt = size - tailSize + eocd - 20;
        const QByteArray locator = readAt(device, locatorAt, 20);
        if (locator.size() != 20 || u32(locator.constData()) != 0x07064b50)
            return makeError(QStringLiteral("corrupt ZIP64 archive (no locator)"), path);
        const QByteArray record = readAt(device, qint64(u64(locator.constData() + 8)), 56);
        if (record.size() != 56 || u32(record.constData()) != 0x06064b50)
            return makeError(QStringLiteral("corrupt ZIP64 archive (no end record)"), path);
        count = u64(record.constData() + 32);
        directorySize = u64(record.constData() + 40);
        directoryOffset = u64(record.constData() + 48);
    }
    if (directoryOffset + directorySize > std::uint64_t(size) || count > kMaxEntries)
        return makeError(QStringLiteral("corrupt zip archive (the directory claims %1 entries "
                                        "and %2 bytes beyond the file)")
                             .arg(count)
                             .arg(directorySize),
                         path);

    ZipArchive archive(device, path);
    const QByteArray directory = readAt(device, qint64(directoryOffset), qint64(directorySize));
    if (std::uint64_t(directory.size()) != directorySize)
        return makeError(QStringLiteral("cannot read the zip directory"), path);
    qsizetype at = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
        if (at + 46 > directory.size() || u32(directory.constData() + at) != kCentralHeader)
            return makeError(QStringLiteral("corrupt zip directory at entry %1").arg(i + 1), path);
        const char* h = directory.constData() + at;
        const std::uint16_t flags = u16(h + 8);
        const std::uint16_t nameLength = u16(h + 28);
        const std::uint16_t extraLength = u16(h + 30);
        const std::uint16_t commentLength = u16(h + 32);
        if (at + 46 + nameLength + extraLength + commentLength > directory.size())
            return makeError(QStringLiteral("corrupt zip directory at entry %1").arg(i + 1), path);
        Entry entry;
        entry.method = u16(h + 10);
        entry.crc32 = u32(h + 16);
        entry.compressedSize = u32(h + 20);
        entry.uncompressedSize = u32(h + 24);
        entry.localHeaderOffset = u32(h + 42);
        entry.name = QString::fromUtf8(h + 46, nameLength);
        applyZip64(QByteArray(h + 46 + nameLength, extraLength), entry,
                   entry.uncompressedSize == 0xFFFFFFFF, entry.compressedSize == 0xFFFFFFFF,
                   entry.localHeaderOffset == 0xFFFFFFFF);
        if (flags & 0x1)
            entry.method = 0xFFFF; // encrypted: reported as unreadable when read
        archive.m_entries.push_back(std::move(entry));
        at += 46 + nameLength + extraLength + commentLength;
    }
    return archive;
}

const ZipArchive::Entry* ZipArchive::find(const QString& name) const
{
    for (const Entry& entry : m_entries) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

Result<QByteArray> ZipArchive::read(const Entry& entry, std::uint64_t maxSize) const
{
    if (entry.method != 0 && entry.method != 8)
        return entryError(entry, entry.method == 0xFFFF
                                     ? QStringLiteral("the entry is encrypted")
                                     : QStringLiteral("compression method %1 is not supported "
                                                      "(only stored and deflate)")
                                           .arg(entry.method));
    if (entry.uncompressedSize > maxSize)
        return entryError(entry, QStringLiteral("the entry claims %1 bytes, more than the limit "
                                                "of %2")
                                     .arg(entry.uncompressedSize)
                                     .arg(maxSize));
    const QByteArray local = readAt(*m_device, qint64(entry.localHeaderOffset), 30);
    if (local.size() != 30 || u32(local.constData()) != kLocalHeader)
        return entryError(entry, QStringLiteral("corrupt local header"));
    const qint64 dataAt = qint64(entry.localHeaderOffset) + 30 + u16(local.constData() + 26) +
                          u16(local.constData() + 28);
    if (entry.compressedSize > std::uint64_t(m_device->size()) ||
        dataAt + qint64(entry.compressedSize) > m_device->size())
        return entryError(entry, QStringLiteral("the entry runs past the end of the archive "
                                                "(truncated?)"));
    const QByteArray compressed = readAt(*m_device, dataAt, qint64(entry.compressedSize));
    if (std::uint64_t(compressed.size()) != entry.compressedSize)
        return entryError(entry, QStringLiteral("cannot read the entry"));

    QByteArray out;
    if (entry.method == 0) {
        out = compressed;
    } else {
        z_stream stream{};
        if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
            return entryError(entry, QStringLiteral("cannot start decompression"));
        out.resize(qsizetype(entry.uncompressedSize));
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.constData()));
        stream.avail_in = uInt(compressed.size());
        stream.next_out = reinterpret_cast<Bytef*>(out.data());
        stream.avail_out = uInt(out.size());
        // One spare byte tells an entry that inflates beyond its declared size.
        char spare = 0;
        int rc = inflate(&stream, Z_FINISH);
        if (rc == Z_BUF_ERROR && stream.avail_out == 0) {
            stream.next_out = reinterpret_cast<Bytef*>(&spare);
            stream.avail_out = 1;
            rc = inflate(&stream, Z_FINISH);
            if (stream.avail_out == 0)
                rc = Z_DATA_ERROR;
        }
        const uLong produced = stream.total_out;
        inflateEnd(&stream);
        if (rc != Z_STREAM_END || produced != entry.uncompressedSize)
            return entryError(entry, QStringLiteral("corrupt or truncated deflate data"));
    }
    if (std::uint64_t(out.size()) != entry.uncompressedSize)
        return entryError(entry, QStringLiteral("size does not match the directory"));
    const uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(out.constData()), uInt(out.size()));
    if (crc != entry.crc32)
        return entryError(entry, QStringLiteral("CRC-32 mismatch (corrupt entry)"));
    return out;
}

} // namespace overrule
