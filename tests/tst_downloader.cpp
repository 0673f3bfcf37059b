#include "LoopbackHttpServer.h"
#include "net/Downloader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace overrule;

// Downloads from a server this test runs on 127.0.0.1 (no other network is used).
class TestDownloader : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString target() const { return m_dir.filePath(QStringLiteral("download.bin")); }

    static Downloader quickDownloader(std::int64_t maxBytes = 1 << 20)
    {
        Downloader::Options options;
        options.maxBytes = maxBytes;
        options.connectTimeoutSeconds = 5;
        options.stallTimeoutSeconds = 1;
        options.maxRedirects = 3;
        return Downloader(options);
    }

private Q_SLOTS:
    void downloadsAndFollowsRedirects()
    {
        LoopbackHttpServer server;
        const QByteArray body = QByteArray("{\"id\": 1}\n").repeated(5000);
        server.route("/run.jsonl", LoopbackHttpServer::ok(body));
        server.route("/moved", LoopbackHttpServer::redirect(server.url("/run.jsonl").toLatin1()));
        std::int64_t lastReceived = 0;
        Downloader::Progress progress;
        progress.callback = [&](std::int64_t received, std::int64_t) { lastReceived = received; };
        auto fetched = quickDownloader().fetch(server.url("/moved"), target(), progress);
        QVERIFY2(fetched, qPrintable(fetched ? QString() : fetched.error().toString()));
        QCOMPARE(*fetched, server.url("/run.jsonl"));
        QFile file(target());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), body);
        QCOMPARE(lastReceived, body.size());
    }

    void httpStatusIsReported()
    {
        LoopbackHttpServer server;
        auto fetched = quickDownloader().fetch(server.url("/missing"), target());
        QVERIFY(!fetched);
        QVERIFY(fetched.error().message.contains(QStringLiteral("HTTP 404")));
        QCOMPARE(fetched.error().where, server.url("/missing"));
        QVERIFY(!QFile::exists(target()));
    }

    void redirectLoopsAreCut()
    {
        LoopbackHttpServer server;
        server.route("/loop", LoopbackHttpServer::redirect(server.url("/loop").toLatin1()));
        auto fetched = quickDownloader().fetch(server.url("/loop"), target());
        QVERIFY(!fetched);
        QVERIFY(fetched.error().message.contains(QStringLiteral("too many redirects")));
    }

    void sizeCapStopsTheDownload()
    {
        LoopbackHttpServer server;
        server.route("/big", LoopbackHttpServer::ok(QByteArray(300'000, 'x')));
        auto fetched = quickDownloader(100'000).fetch(server.url("/big"), target());
        QVERIFY(!fetched);
        QVERIFY2(fetched.error().message.contains(QStringLiteral("larger than the limit")),
                 qPrintable(fetched.error().message));
        QVERIFY(!QFile::exists(target()));
    }

    void stalledServerTimesOut()
    {
        LoopbackHttpServer server;
        server.route("/stall", LoopbackHttpServer::stall());
        auto fetched = quickDownloader().fetch(server.url("/stall"), target());
        QVERIFY(!fetched);
        QVERIFY2(fetched.error().message.contains(QStringLiteral("timed out")),
                 qPrintable(fetched.error().message));
    }

    void cancelStops()
    {
        LoopbackHttpServer server;
        server.route("/stall", LoopbackHttpServer::stall());
        std::atomic<bool> cancel{false};
        Downloader::Progress progress;
        progress.cancel = &cancel;
        progress.callback = [&](std::int64_t, std::int64_t) { cancel = true; };
        auto fetched = quickDownloader().fetch(server.url("/stall"), target(), progress);
        QVERIFY(!fetched);
        QVERIFY(fetched.error().message.contains(QStringLiteral("cancelled")));
    }

    void dnsAndTlsFailuresAreNamed()
    {
        auto dns = quickDownloader().fetch(QStringLiteral("http://no-such-host.invalid/x.jsonl"),
                                           target());
        QVERIFY(!dns);
        QVERIFY2(dns.error().message.contains(QStringLiteral("DNS")),
                 qPrintable(dns.error().message));

        // Speaking TLS to a plain HTTP server fails the handshake; nothing is downloaded.
        LoopbackHttpServer server;
        server.route("/run.jsonl", LoopbackHttpServer::ok("x"));
        auto tls = quickDownloader().fetch(
            QStringLiteral("https://127.0.0.1:%1/run.jsonl").arg(server.port()), target());
        QVERIFY(!tls);
        QVERIFY2(tls.error().message.contains(QStringLiteral("TLS")),
                 qPrintable(tls.error().message));
    }

    void rejectsWhatIsNotHttp()
    {
        QVERIFY(!quickDownloader().fetch(QStringLiteral("file:///etc/passwd"), target()));
        QVERIFY(!quickDownloader().fetch(QStringLiteral("ftp://127.0.0.1/x"), target()));
        QVERIFY(Downloader::isUrl(QStringLiteral("HTTPS://example.org/a")));
        QVERIFY(!Downloader::isUrl(QStringLiteral("/tmp/a.jsonl")));
    }
};

QTEST_GUILESS_MAIN(TestDownloader)
#include "tst_downloader.moc"
