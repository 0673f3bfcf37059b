#include "ImportTestSupport.h"
#include "import/JsonArrayReader.h"
#include "import/JsonlReader.h"
#include "import/LineReader.h"

#include <QBuffer>
#include <QCryptographicHash>

using namespace overrule;

namespace {

std::vector<SourceRecord> readAll(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    JsonlReader reader(buffer);
    std::vector<SourceRecord> records;
    SourceRecord record;
    while (reader.next(record))
        records.push_back(record);
    return records;
}

struct ArrayRead
{
    std::vector<SourceRecord> records;
    std::optional<ImportProblem> failure;
};

ArrayRead readArray(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    JsonArrayReader reader(buffer);
    ArrayRead out;
    SourceRecord record;
    while (reader.next(record))
        out.records.push_back(record);
    out.failure = reader.failure();
    return out;
}

} // namespace

class TestJsonlReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineReaderSplitsCrlfLfAndLastLineWithoutNewline()
    {
        const QByteArray bytes = "\xEF\xBB\xBF"
                                 "one\r\ntwo\n\nthree";
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        LineReader lines(buffer);
        QByteArray line;
        QStringList seen;
        while (lines.next(line))
            seen << QString::fromUtf8(line);
        QCOMPARE(seen, (QStringList{"one", "two", "", "three"}));
        QCOMPARE(lines.lineNumber(), 4);
        QCOMPARE(lines.bytesConsumed(), bytes.size());
        QCOMPARE(lines.sha256(),
                 QString::fromLatin1(
                     QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    }

    void lineReaderHandlesLinesLongerThanItsBuffer()
    {
        const QByteArray longLine(3 * 1024 * 1024 + 17, 'x');
        QBuffer buffer;
        buffer.setData("short\n" + longLine + "\nend\n");
        buffer.open(QIODevice::ReadOnly);
        LineReader lines(buffer);
        QByteArray line;
        QVERIFY(lines.next(line));
        QCOMPARE(line, QByteArray("short"));
        QVERIFY(lines.next(line));
        QCOMPARE(line.size(), longLine.size());
        QVERIFY(lines.next(line));
        QCOMPARE(line, QByteArray("end"));
        QVERIFY(!lines.next(line));
        QVERIFY(lines.error().isEmpty());
    }

    void skipsBlankLinesAndKeepsPhysicalLineNumbers()
    {
        const auto records = readAll("\n{\"a\":1}\r\n   \n\t\n{\"b\":2}\n\n");
        QCOMPARE(records.size(), 2u);
        QCOMPARE(records[0].line, 2);
        QCOMPARE(records[1].line, 5);
        QVERIFY(records[0].problems.empty());
        QCOMPARE(records[1].fields["b"].get<int>(), 2);
        QCOMPARE(records[0].raw, QByteArray("{\"a\":1}"));
    }

    void bomIsNotPartOfTheFirstKey()
    {
        const auto records = readAll("\xEF\xBB\xBF{\"id\":\"x\"}\r\n");
        QCOMPARE(records.size(), 1u);
        QVERIFY(records[0].fields.contains("id"));
    }

    void malformedJsonNamesTheFieldWhereParsingBroke()
    {
        const auto records = readAll("{\"id\":\"1\",\"prompt\":\"x\" \"response\":\"y\"}\n"
                                     "{\"messages\":[{\"role\":\"user\",\"content\":tru}]}\n");
        QCOMPARE(records.size(), 2u);
        QCOMPARE(records[0].problems.size(), 1u);
        QCOMPARE(records[0].problems[0].line, 1);
        QCOMPARE(records[0].problems[0].field, QStringLiteral("prompt"));
        QVERIFY2(records[0].problems[0].reason.startsWith("malformed JSON"),
                 qPrintable(records[0].problems[0].reason));
        QCOMPARE(records[1].problems[0].field, QStringLiteral("messages[0].content"));
    }

    void invalidUtf8IsRejectedWithLineAndField()
    {
        const auto records = readAll("{\"id\":\"1\",\"prompt\":\"ok\"}\n"
                                     "{\"id\":\"2\",\"response\":\"bad \xC3\x28 here\"}\n");
        QCOMPARE(records.size(), 2u);
        QVERIFY(records[0].problems.empty());
        QCOMPARE(records[1].problems.size(), 1u);
        QCOMPARE(records[1].problems[0].line, 2);
        QCOMPARE(records[1].problems[0].field, QStringLiteral("response"));
        QVERIFY2(records[1].problems[0].reason.contains("UTF-8"),
                 qPrintable(records[1].problems[0].reason));
    }

    void aLineMustHoldAnObject()
    {
        const auto records = readAll("[1,2,3]\n\"text\"\n");
        QCOMPARE(records.size(), 2u);
        QVERIFY(records[0].problems[0].reason.contains("JSON object"));
        QVERIFY(records[1].problems[0].reason.contains("JSON object"));
    }

    void deepNestingIsRefused()
    {
        const QByteArray deep = "{\"prompt\":" + QByteArray(100000, '[') + QByteArray(100000, ']') +
                                "}\n{\"ok\":\"[[[[\"}\n";
        const auto records = readAll(deep);
        QCOMPARE(records.size(), 2u);
        QVERIFY(records[0].problems[0].reason.contains("nested deeper"));
        QVERIFY(records[1].problems.empty()); // brackets inside strings do not count
    }

    void reasonsStayShortForHugeTokens()
    {
        // An unterminated 1 MB string must not be quoted back in the reason.
        const QByteArray line = "{\"prompt\":\"" + QByteArray(1 << 20, 'a');
        const auto records = readAll(line);
        QCOMPARE(records.size(), 1u);
        QCOMPARE(records[0].problems[0].field, QStringLiteral("prompt"));
        QVERIFY(records[0].problems[0].reason.size() < 300);
    }

    void readsAJsonArrayOneElementAtATime()
    {
        QFile file(importtest::fixture(QStringLiteral("array.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(JsonArrayReader::looksLikeArray("\xEF\xBB\xBF \n [{}]"));
        QVERIFY(!JsonArrayReader::looksLikeArray("{\"a\": [1]}"));
        const ArrayRead read = readArray(bytes);
        QVERIFY(!read.failure);
        QCOMPARE(read.records.size(), 2u);
        QVERIFY(read.records[0].problems.empty());
        QCOMPARE(read.records[0].line, 2);
        QCOMPARE(read.records[0].fields["prompt"].get<std::string>(),
                 std::string("Brackets ] and } and commas, in \"quotes\" \\"));
        QCOMPARE(read.records[0].fields["extra"].dump(), std::string("[1,[2,3],{\"k\":\"]\"}]"));
        QVERIFY(read.records[0].raw.startsWith("{\n    \"id\": \"j1\""));
        QCOMPARE(read.records[1].line, 9);
        QCOMPARE(read.records[1].fields["id"].get<std::string>(), std::string("j2"));
    }

    void jsonArrayProblems()
    {
        const ArrayRead bad = readArray("[{\"a\": 1}, {\"b\": tru}, 5]");
        QCOMPARE(bad.records.size(), 3u);
        QVERIFY(bad.records[0].problems.empty());
        QCOMPARE(bad.records[1].problems[0].field, QStringLiteral("b"));
        QVERIFY(bad.records[2].problems[0].reason.contains("JSON object"));
        QVERIFY(!bad.failure);

        const ArrayRead open = readArray("[{\"a\": 1},\n");
        QCOMPARE(open.records.size(), 1u);
        QVERIFY(open.failure);
        QVERIFY(open.failure->reason.contains("never closed"));

        const ArrayRead trailing = readArray("[{\"a\": 1}] x");
        QCOMPARE(trailing.records.size(), 1u);
        QVERIFY(trailing.failure);

        // Stray closing brackets are broken elements, never a reason to stop moving.
        const ArrayRead stray = readArray("[}, {\"a\": 1}}]");
        QCOMPARE(stray.records.size(), 3u);
        QVERIFY(!stray.records[0].problems.empty());
        QVERIFY(stray.records[1].problems.empty());
        QVERIFY(!stray.records[2].problems.empty());
        QCOMPARE(readArray("[,]").records.size(), 1u);

        QVERIFY(readArray("[]").records.empty());
        QVERIFY(!readArray("  [ ]  ").failure);
    }
};

QTEST_GUILESS_MAIN(TestJsonlReader)
#include "tst_jsonlreader.moc"
