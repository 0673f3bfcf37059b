#pragma once

#include <QByteArrayView>
#include <QString>
#include <memory>

namespace overrule {

// Incremental SHA-256 through OpenSSL's libcrypto, which uses the CPU's SHA extensions
// (about 10x Qt 6.4's QCryptographicHash, which hashes a byte at a time): the importer hashes
// every byte of a file, so this is on the import's critical path.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void addData(QByteArrayView bytes);
    // Lowercase hex of the digest of everything added so far; the hash can keep growing.
    QString hex() const;

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace overrule
