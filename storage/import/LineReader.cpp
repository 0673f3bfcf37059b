#include "import/LineReader.h"

#include <QIODevice>
#include <cstring>

namespace overrule {
namespace {
// Small enough that the chunk is still in the CPU's cache when it is hashed, searched for line
// ends and copied out line by line: reading, hashing and splitting the 2.3 GB bench file took
// 2.16 s in 1 MB chunks, 1.77 s in 256 KB ones (64 KB and 128 KB: the same).
constexpr qsizetype kChunk = 256 << 10;
} // namespace

LineReader::LineReader(QIODevice& device) : m_device(device) {}

bool LineReader::fill()
{
    if (m_eof)
        return false;
    // Drop what has been handed out so the buffer holds at most one line plus a chunk.
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_search -= m_pos;
        m_pos = 0;
    }
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + kChunk);
    const qint64 got = m_device.read(m_buffer.data() + old, kChunk);
    if (got < 0) {
        m_buffer.resize(old);
        // A sequential device (GzipDevice) also answers -1 at its regular end: only a device
        // that set a message failed.
        if (m_device.errorString() != QLatin1String("Unknown error"))
            m_error = m_device.errorString();
        m_eof = true;
        return false;
    }
    m_buffer.resize(old + static_cast<qsizetype>(got));
    if (got == 0) {
        m_eof = true;
        return false;
    }
    m_hash.addData(QByteArrayView(m_buffer.constData() + old, static_cast<qsizetype>(got)));
    return true;
}

bool LineReader::next(QByteArray& line)
{
    if (!m_error.isEmpty())
        return false;
    qsizetype newline = -1;
    for (;;) {
        const qsizetype from = std::max(m_search, m_pos);
        const void* found = std::memchr(m_buffer.constData() + from, '\n',
                                        static_cast<std::size_t>(m_buffer.size() - from));
        if (found) {
            newline = static_cast<const char*>(found) - m_buffer.constData();
            break;
        }
        m_search = m_buffer.size();
        if (!fill())
            break;
    }
    if (!m_error.isEmpty())
        return false;
    if (newline < 0 && m_pos >= m_buffer.size())
        return false;

    const qsizetype end = newline >= 0 ? newline : m_buffer.size();
    m_consumed += (end - m_pos) + (newline >= 0 ? 1 : 0);
    qsizetype start = m_pos;
    qsizetype stop = end;
    if (stop > start && m_buffer.at(stop - 1) == '\r')
        --stop;
    if (!m_started) {
        m_started = true;
        if (stop - start >= 3 && m_buffer.at(start) == '\xEF' && m_buffer.at(start + 1) == '\xBB' &&
            m_buffer.at(start + 2) == '\xBF')
            start += 3;
    }
    line = m_buffer.mid(start, stop - start);
    m_pos = newline >= 0 ? newline + 1 : m_buffer.size();
    m_search = m_pos;
    ++m_lineNumber;
    return true;
}

QString LineReader::sha256() const
{
    return m_hash.hex();
}

bool isBlank(const QByteArray& line)
{
    for (const char c : line) {
        if (c != ' ' && c != '\t')
            return false;
    }
    return true;
}

} // namespace overrule
