#pragma once

#include "import/Sha256.h"

#include <QByteArray>
#include <QString>
#include <cstdint>

class QIODevice;

namespace overrule {

// Reads a file one physical line at a time through a fixed-size buffer, so a line may be as
// long as memory allows while the file as a whole is never held. Strips a leading UTF-8 BOM
// and the line terminator (LF or CRLF), and hashes every byte it reads.
class LineReader
{
public:
    explicit LineReader(QIODevice& device);

    // The next line without its terminator; false at the end of the file or on a read error.
    bool next(QByteArray& line);
    // 1-based number of the line last returned.
    std::int64_t lineNumber() const { return m_lineNumber; }
    // Bytes of the file up to the end of the line last returned.
    std::int64_t bytesConsumed() const { return m_consumed; }
    // SHA-256 (hex) of every byte read; complete once next() has returned false.
    QString sha256() const;
    // Non-empty after a read error.
    const QString& error() const { return m_error; }

private:
    bool fill();

    QIODevice& m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;    // start of the unread part of m_buffer
    qsizetype m_search = 0; // where to resume looking for '\n' after a refill
    bool m_eof = false;
    bool m_started = false;
    std::int64_t m_lineNumber = 0;
    std::int64_t m_consumed = 0;
    Sha256 m_hash;
    QString m_error;
};

// True when the line holds nothing but spaces and tabs.
bool isBlank(const QByteArray& line);

} // namespace overrule
