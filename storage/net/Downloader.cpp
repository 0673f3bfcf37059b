#include "Downloader.h"

#include <QFile>
#include <QUrl>
#include <curl/curl.h>
#include <mutex>

namespace overrule {
namespace {

struct Transfer
{
    QFile* file = nullptr;
    std::int64_t received = 0;
    std::int64_t maxBytes = 0;
    bool overCap = false;
    bool writeFailed = false;
    const Downloader::Progress* progress = nullptr;
};

size_t writeBody(char* data, size_t size, size_t count, void* user)
{
    auto* transfer = static_cast<Transfer*>(user);
    const size_t bytes = size * count;
    if (transfer->received + std::int64_t(bytes) > transfer->maxBytes) {
        transfer->overCap = true;
        return 0; // makes curl stop with CURLE_WRITE_ERROR
    }
    if (transfer->file->write(data, qint64(bytes)) != qint64(bytes)) {
        transfer->writeFailed = true;
        return 0;
    }
    transfer->received += std::int64_t(bytes);
    return bytes;
}

int onProgress(void* user, curl_off_t total, curl_off_t now, curl_off_t, curl_off_t)
{
    auto* transfer = static_cast<Transfer*>(user);
    const Downloader::Progress* progress = transfer->progress;
    if (progress->cancel && progress->cancel->load())
        return 1; // CURLE_ABORTED_BY_CALLBACK
    if (progress->callback)
        progress->callback(std::int64_t(now), std::int64_t(total));
    return 0;
}

void initialiseCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

QString describe(CURLcode code, const char* detail, const QString& host)
{
    const QString text = QString::fromUtf8(detail && *detail ? detail : curl_easy_strerror(code));
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
        return QStringLiteral("cannot resolve host '%1' (DNS lookup failed)").arg(host);
    case CURLE_COULDNT_RESOLVE_PROXY:
        return QStringLiteral("cannot resolve the proxy (DNS lookup failed): %1").arg(text);
    case CURLE_COULDNT_CONNECT:
        return QStringLiteral("cannot connect to '%1': %2").arg(host, text);
    case CURLE_OPERATION_TIMEDOUT:
        return QStringLiteral("timed out: %1").arg(text);
    case CURLE_TOO_MANY_REDIRECTS:
        return QStringLiteral("too many redirects: %1").arg(text);
    case CURLE_PEER_FAILED_VERIFICATION:
        return QStringLiteral("TLS certificate of '%1' could not be verified: %2").arg(host, text);
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
        return QStringLiteral("TLS handshake with '%1' failed: %2").arg(host, text);
    case CURLE_UNSUPPORTED_PROTOCOL:
        return QStringLiteral("only http and https URLs can be imported: %1").arg(text);
    case CURLE_ABORTED_BY_CALLBACK:
        return QStringLiteral("download cancelled");
    default:
        return text;
    }
}

} // namespace

bool Downloader::isUrl(const QString& text)
{
    return text.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

Result<QString> Downloader::fetch(const QString& url, const QString& targetPath,
                                  const Progress& progress) const
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || !isUrl(url) || parsed.host().isEmpty())
        return makeError(QStringLiteral("not a valid http(s) URL"), url);
    initialiseCurlOnce();

    QFile file(targetPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError(file.errorString(), targetPath);

    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl)
        return makeError(QStringLiteral("cannot start libcurl"), url);
    Transfer transfer;
    transfer.file = &file;
    transfer.maxBytes = m_options.maxBytes;
    transfer.progress = &progress;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    const QByteArray urlBytes = url.toUtf8();
    const QByteArray caBundle = m_options.caBundle.toLocal8Bit();

    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, urlBytes.constData());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, m_options.maxRedirects);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!caBundle.isEmpty())
        curl_easy_setopt(h, CURLOPT_CAINFO, caBundle.constData());
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, m_options.connectTimeoutSeconds);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, m_options.stallTimeoutSeconds);
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(m_options.maxBytes));
    curl_easy_setopt(h, CURLOPT_FAILONERROR, 0L);
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, ""); // gzip/deflate transfer encoding
    curl_easy_setopt(h, CURLOPT_USERAGENT, "Overrule/" OVERRULE_VERSION);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, writeBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);

    const CURLcode code = curl_easy_perform(h);
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    char* effective = nullptr;
    curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &effective);
    const QString finalUrl = effective ? QString::fromUtf8(effective) : url;
    file.close();

    auto fail = [&](const QString& message) -> Result<QString> {
        QFile::remove(targetPath);
        return makeError(message, url);
    };
    if (transfer.overCap || code == CURLE_FILESIZE_EXCEEDED)
        return fail(QStringLiteral("the file is larger than the limit of %1 MB")
                        .arg(m_options.maxBytes / (1024 * 1024)));
    if (transfer.writeFailed)
        return fail(QStringLiteral("cannot write the download to %1").arg(targetPath));
    if (code != CURLE_OK)
        return fail(describe(code, errorBuffer, parsed.host()));
    if (status >= 400)
        return fail(QStringLiteral("the server answered HTTP %1").arg(status));
    return finalUrl;
}

} // namespace overrule
