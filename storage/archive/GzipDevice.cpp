#include "GzipDevice.h"

namespace overrule {

namespace {
constexpr qint64 kChunk = 256 * 1024;
}

GzipDevice::GzipDevice(QIODevice& source, QObject* parent) : QIODevice(parent), m_source(source) {}

GzipDevice::~GzipDevice()
{
    close();
}

bool GzipDevice::looksCompressed(QIODevice& device)
{
    const QByteArray head = device.peek(2);
    return head.size() == 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
           static_cast<unsigned char>(head[1]) == 0x8b;
}

bool GzipDevice::open(OpenMode mode)
{
    if ((mode & QIODevice::WriteOnly) || !m_source.isReadable())
        return false;
    m_stream = z_stream{};
    // 16 + MAX_WBITS: gzip wrapper only.
    if (inflateInit2(&m_stream, 16 + MAX_WBITS) != Z_OK)
        return false;
    m_initialised = true;
    m_finished = false;
    m_failed = false;
    return QIODevice::open(mode | QIODevice::Unbuffered);
}

void GzipDevice::close()
{
    if (m_initialised) {
        inflateEnd(&m_stream);
        m_initialised = false;
    }
    QIODevice::close();
}

bool GzipDevice::atEnd() const
{
    return (m_finished || m_failed) && QIODevice::atEnd();
}

qint64 GzipDevice::readData(char* data, qint64 maxSize)
{
    if (m_failed)
        return -1;
    qint64 produced = 0;
    while (produced < maxSize && !m_finished) {
        if (m_stream.avail_in == 0) {
            m_input = m_source.read(kChunk);
            m_compressedRead += m_input.size();
            if (m_input.isEmpty()) {
                if (m_source.atEnd()) {
                    // Input ended inside a member: the file was cut short.
                    m_failed = true;
                    setErrorString(QStringLiteral("truncated gzip stream (the file ends after %1 "
                                                  "compressed bytes)")
                                       .arg(m_compressedRead));
                    return produced > 0 ? produced : -1;
                }
                break; // a sequential source with nothing yet
            }
            m_stream.next_in = reinterpret_cast<Bytef*>(m_input.data());
            m_stream.avail_in = uInt(m_input.size());
        }
        const qint64 room = std::min<qint64>(maxSize - produced, 1 << 30);
        m_stream.next_out = reinterpret_cast<Bytef*>(data + produced);
        m_stream.avail_out = uInt(room);
        const int rc = inflate(&m_stream, Z_NO_FLUSH);
        produced += room - m_stream.avail_out;
        if (rc == Z_STREAM_END) {
            // Another member may follow (concatenated gzip files).
            const bool more = m_stream.avail_in > 0 || !m_source.atEnd();
            if (!more) {
                m_finished = true;
                break;
            }
            if (m_stream.avail_in == 0) {
                m_input = m_source.read(kChunk);
                m_compressedRead += m_input.size();
                m_stream.next_in = reinterpret_cast<Bytef*>(m_input.data());
                m_stream.avail_in = uInt(m_input.size());
            }
            if (m_stream.avail_in == 0) {
                m_finished = true;
                break;
            }
            inflateReset(&m_stream);
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            m_failed = true;
            setErrorString(QStringLiteral("corrupt gzip stream (%1)")
                               .arg(QString::fromLatin1(m_stream.msg ? m_stream.msg
                                                                     : "inflate "
                                                                       "failed")));
            return produced > 0 ? produced : -1;
        }
    }
    if (produced == 0 && m_finished)
        return -1;
    return produced;
}

} // namespace overrule
