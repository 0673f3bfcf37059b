#include "ImportTestSupport.h"
#include "import/CsvReader.h"

#include <QBuffer>

using namespace overrule;

namespace {

struct CsvRead
{
    std::vector<SourceRecord> records;
    QStringList header;
    std::optional<ImportProblem> failure;
};

CsvRead readAll(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer);
    CsvRead out;
    SourceRecord record;
    while (reader.next(record))
        out.records.push_back(record);
    out.header = reader.header();
    out.failure = reader.failure();
    return out;
}

QString cell(const SourceRecord& record, const char* column)
{
    return QString::fromStdString(record.fields.at(column).get<std::string>());
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsQuotedCommasQuotesAndLineBreaks()
    {
        QFile file(importtest::fixture(QStringLiteral("quoting.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const CsvRead read = readAll(file.readAll());
        QVERIFY(!read.failure);
        QCOMPARE(read.header,
                 (QStringList{"id", "prompt", "response", "verdict", "score", "notes"}));
        QCOMPARE(read.records.size(), 3u);
        const SourceRecord& first = read.records[0];
        QVERIFY(first.problems.empty());
        QCOMPARE(cell(first, "prompt"), QStringLiteral("Hello, world"));
        QCOMPARE(cell(first, "response"), QStringLiteral("She said \"no\""));
        const SourceRecord& second = read.records[1];
        QVERIFY(second.problems.empty());
        QCOMPARE(cell(second, "prompt"), QStringLiteral("Line one\nline two\nline three"));
        QCOMPARE(cell(second, "notes"), QStringLiteral("multi, \"quoted\""));
        QCOMPARE(cell(second, "score"), QString());
        QCOMPARE(cell(read.records[2], "response"), QString());
        QVERIFY(read.records[0].fromCsv);
    }

    void linesAreWhereRecordsStart()
    {
        QFile file(importtest::fixture(QStringLiteral("quoting.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const CsvRead read = readAll(file.readAll());
        QCOMPARE(read.records[0].line, 2);
        QCOMPARE(read.records[1].line, 3); // spans lines 3-5
        QCOMPARE(read.records[2].line, 7); // after a blank line 6
        QCOMPARE(read.records[1].raw,
                 QByteArray("2,\"Line one\nline two\nline three\",ok,compliance,,"
                            "\"multi, \"\"quoted\"\"\""));
    }

    void lfOnlyAndMissingFinalNewline()
    {
        const CsvRead read = readAll("a,b\n1,2\n3,\"x\ny\"");
        QCOMPARE(read.records.size(), 2u);
        QCOMPARE(cell(read.records[1], "b"), QStringLiteral("x\ny"));
    }

    void fieldCountMustMatchTheHeader()
    {
        const CsvRead read = readAll("a,b,c\n1,2\n1,2,3,4\n1,2,3\n");
        QCOMPARE(read.records.size(), 3u);
        QCOMPARE(read.records[0].problems.size(), 1u);
        QVERIFY(read.records[0].problems[0].reason.contains("2 fields"));
        QCOMPARE(read.records[1].problems[0].line, 3);
        QVERIFY(read.records[2].problems.empty());
    }

    void unterminatedQuoteIsAProblemAtItsRecord()
    {
        const CsvRead read = readAll("a,b\n1,2\n3,\"never closed\n4,5\n");
        QCOMPARE(read.records.size(), 2u);
        QCOMPARE(read.records[1].line, 3);
        QCOMPARE(read.records[1].problems[0].field, QStringLiteral("b"));
        QVERIFY(read.records[1].problems[0].reason.contains("never closed"));
    }

    void textAfterAClosingQuoteIsAProblem()
    {
        const CsvRead read = readAll("a,b\n\"x\"y,2\n");
        QCOMPARE(read.records.size(), 1u);
        QCOMPARE(read.records[0].problems[0].field, QStringLiteral("a"));
        QVERIFY(read.records[0].problems[0].reason.contains("closing quote"));
    }

    void invalidUtf8NamesTheColumn()
    {
        const CsvRead read = readAll("id,prompt\n1,\"ab\xFF\"\n");
        QCOMPARE(read.records.size(), 1u);
        QCOMPARE(read.records[0].problems[0].field, QStringLiteral("prompt"));
        QVERIFY(read.records[0].problems[0].reason.contains("UTF-8"));
    }

    void headerProblemsStopTheFile()
    {
        const CsvRead duplicate = readAll("id,prompt,id\n1,2,3\n");
        QVERIFY(duplicate.failure);
        QCOMPARE(duplicate.failure->line, 1);
        QVERIFY(duplicate.failure->reason.contains("twice"));
        QVERIFY(duplicate.records.empty());

        const CsvRead unnamed = readAll("id,,prompt\n1,2,3\n");
        QVERIFY(!unnamed.failure);
        QCOMPARE(unnamed.header.at(1), QStringLiteral("column_2"));
    }

    void headerOnlyOrEmptyHasNoRecords()
    {
        QVERIFY(readAll("id,prompt\r\n").records.empty());
        const CsvRead empty = readAll("");
        QVERIFY(empty.records.empty());
        QVERIFY(!empty.failure);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
