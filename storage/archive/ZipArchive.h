#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <memory>
#include <vector>

class QIODevice;

namespace overrule {

// Reads entries of a zip file (stored or deflated; no encryption, no multi-disk). Written for
// untrusted input: sizes the archive claims are checked against the file and against a cap
// before anything is allocated, and every entry's CRC-32 is verified.
class ZipArchive
{
public:
    struct Entry
    {
        QString name;
        std::uint16_t method = 0; // 0 stored, 8 deflate
        std::uint64_t compressedSize = 0;
        std::uint64_t uncompressedSize = 0;
        std::uint64_t localHeaderOffset = 0;
        std::uint32_t crc32 = 0;
    };

    // Reads the central directory. `path` names the archive in error messages.
    static Result<ZipArchive> open(QIODevice& device, const QString& path);

    const std::vector<Entry>& entries() const { return m_entries; }
    const Entry* find(const QString& name) const;
    // The entry's bytes; an error (naming the archive and the entry) when it is larger than
    // `maxSize`, uses a method we cannot read, or is corrupt.
    Result<QByteArray> read(const Entry& entry, std::uint64_t maxSize) const;

private:
    ZipArchive(QIODevice& device, QString path) : m_device(&device), m_path(std::move(path)) {}
    Error entryError(const Entry& entry, const QString& message) const;

    QIODevice* m_device;
    QString m_path;
    std::vector<Entry> m_entries;
};

} // namespace overrule
