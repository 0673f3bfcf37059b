#include "archive/GzipDevice.h"
#include "archive/ZipArchive.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace overrule;

// ZipArchive and GzipDevice on well-formed and hostile archives.
class TestArchive : public QObject
{
    Q_OBJECT

    static QString data(const char* name)
    {
        return QStringLiteral(OVERRULE_TEST_DATA "/archive/") + QString::fromLatin1(name);
    }

    static QByteArray inflateAll(const char* name, QString* error = nullptr)
    {
        QFile file(data(name));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("missing fixture %s", name);
        GzipDevice gz(file);
        if (!gz.open(QIODevice::ReadOnly))
            qFatal("cannot open gzip device");
        QByteArray out;
        char buffer[4096];
        qint64 n = 0;
        while ((n = gz.read(buffer, sizeof buffer)) > 0)
            out.append(buffer, n);
        if (error)
            *error = gz.errorString();
        return out;
    }

private Q_SLOTS:
    void readsStoredAndDeflatedEntries()
    {
        QFile file(data("normal.zip"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto zip = ZipArchive::open(file, file.fileName());
        QVERIFY2(zip, qPrintable(zip ? QString() : zip.error().toString()));
        QCOMPARE(zip->entries().size(), size_t(2));
        const auto* stored = zip->find(QStringLiteral("stored.txt"));
        QVERIFY(stored);
        QCOMPARE(*zip->read(*stored, 1 << 20), QByteArray("plain stored text\n"));
        const auto* deflated = zip->find(QStringLiteral("samples/1.json"));
        QVERIFY(deflated);
        QCOMPARE(deflated->method, 8);
        auto bytes = zip->read(*deflated, 1 << 20);
        QVERIFY(bytes);
        QCOMPARE(bytes->size(), 5000 + 19 + 2);
        QVERIFY(bytes->endsWith("xx\"}"));
    }

    void capAppliesBeforeAllocating()
    {
        QFile file(data("huge-claim.zip"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto zip = ZipArchive::open(file, file.fileName());
        QVERIFY(zip);
        const auto* entry = zip->find(QStringLiteral("samples/1.json"));
        QVERIFY(entry);
        auto bytes = zip->read(*entry, 512u << 20);
        QVERIFY(!bytes);
        QVERIFY(bytes.error().message.contains(QStringLiteral("more than the limit")));
        QVERIFY(bytes.error().where.contains(QStringLiteral("samples/1.json")));
    }

    void unsupportedMethodFailsCleanly()
    {
        QFile file(data("bzip2.zip"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto zip = ZipArchive::open(file, file.fileName());
        QVERIFY(zip);
        auto bytes = zip->read(zip->entries().front(), 1 << 20);
        QVERIFY(!bytes);
        QVERIFY(bytes.error().message.contains(QStringLiteral("method 12")));
        QVERIFY(bytes.error().where.contains(QStringLiteral("header.json")));
    }

    void corruptionIsDetected()
    {
        QFile crc(data("bad-crc.zip"));
        QVERIFY(crc.open(QIODevice::ReadOnly));
        auto zip = ZipArchive::open(crc, crc.fileName());
        QVERIFY(zip);
        auto bytes = zip->read(zip->entries().front(), 1 << 20);
        QVERIFY(!bytes);
        QVERIFY(bytes.error().message.contains(QStringLiteral("CRC")));

        QFile truncated(data("truncated.zip"));
        QVERIFY(truncated.open(QIODevice::ReadOnly));
        auto cut = ZipArchive::open(truncated, truncated.fileName());
        QVERIFY(!cut);
        QVERIFY(cut.error().message.contains(QStringLiteral("truncated")));

        QBuffer junk;
        junk.setData(QByteArray(100, 'P'));
        QVERIFY(junk.open(QIODevice::ReadOnly));
        QVERIFY(!ZipArchive::open(junk, QStringLiteral("junk")));
    }

    void inflatesGzipStreams()
    {
        QFile file(data("items.jsonl.gz"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(GzipDevice::looksCompressed(file));
        const QByteArray whole = inflateAll("items.jsonl.gz");
        QCOMPARE(whole.count('\n'), 1000);
        QCOMPARE(inflateAll("concatenated.jsonl.gz"), whole);
    }

    void truncatedGzipIsAnError()
    {
        QString error;
        const QByteArray partial = inflateAll("truncated.jsonl.gz", &error);
        QVERIFY(partial.size() < inflateAll("items.jsonl.gz").size());
        QVERIFY2(error.contains(QStringLiteral("truncated")), qPrintable(error));
    }

    void plainFileIsNotCompressed()
    {
        QBuffer plain;
        plain.setData("{\"id\": 1}\n");
        QVERIFY(plain.open(QIODevice::ReadOnly));
        QVERIFY(!GzipDevice::looksCompressed(plain));
    }
};

QTEST_GUILESS_MAIN(TestArchive)
#include "tst_archive.moc"
