#pragma once

#include "Result.h"

#include <QString>
#include <atomic>
#include <cstdint>
#include <functional>

namespace overrule {

// Fetches an evaluation log over HTTP(S) into a local file with libcurl. Certificates are always
// verified; proxies come from the environment (http_proxy, https_proxy, no_proxy) as curl reads
// them. Each failure is a message that says what went wrong: DNS, connection, TLS, an HTTP status,
// a timeout, too many redirects, the size cap, or Cancel.
class Downloader
{
public:
    struct Options
    {
        std::int64_t maxBytes = std::int64_t(4) << 30; // 4 GiB
        long maxRedirects = 5;
        long connectTimeoutSeconds = 30;
        // No progress for this long is a timeout; a slow but moving download is not.
        long stallTimeoutSeconds = 60;
        QString caBundle; // extra CA file (tests); empty = the system's store
    };

    struct Progress
    {
        std::function<void(std::int64_t received, std::int64_t total)> callback;
        const std::atomic<bool>* cancel = nullptr;
    };

    explicit Downloader(Options options) : m_options(std::move(options)) {}
    Downloader() : Downloader(Options{}) {}

    static bool isUrl(const QString& text);

    // Streams `url` into `targetPath` (created or truncated). On failure the file is removed.
    // Returns the final URL after redirects.
    Result<QString> fetch(const QString& url, const QString& targetPath,
                          const Progress& progress) const;
    Result<QString> fetch(const QString& url, const QString& targetPath) const
    {
        return fetch(url, targetPath, Progress{});
    }

private:
    Options m_options;
};

} // namespace overrule
