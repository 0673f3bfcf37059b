#pragma once

#include <QByteArray>
#include <QIODevice>
#include <zlib.h>

namespace overrule {

// A read-only, sequential device that inflates a gzip stream (several members in a row are
// read as one, as gunzip does) from another device while it is read, so a compressed log is
// never held in memory whole. A truncated or corrupt stream is a read error with a message.
class GzipDevice : public QIODevice
{
    Q_OBJECT

public:
    explicit GzipDevice(QIODevice& source, QObject* parent = nullptr);
    ~GzipDevice() override;

    // True when the device's next bytes are the gzip magic (it only peeks).
    static bool looksCompressed(QIODevice& device);

    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return true; }
    bool atEnd() const override;
    // The compressed bytes consumed so far, for progress bars.
    qint64 compressedBytesRead() const { return m_compressedRead; }

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QIODevice& m_source;
    z_stream m_stream{};
    QByteArray m_input;
    bool m_initialised = false;
    bool m_finished = false;
    bool m_failed = false;
    qint64 m_compressedRead = 0;
};

} // namespace overrule
