#include "JsonStrictEqual.h"
#include "import/FastJson.h"
#include "import/JsonlReader.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <cmath>
#include <limits>
#include <string_view>

using namespace overrule;
using nlohmann::json;

namespace {

std::string_view viewOf(const QByteArray& text)
{
    return {text.constData(), static_cast<std::size_t>(text.size())};
}

QString dumped(const json& value)
{
    return QString::fromStdString(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

// Empty when parseJsonFast agrees with nlohmann (plus the import's depth limit) on `text`:
// same verdict and, when accepted, a type-strictly equal value. Otherwise what differs.
QString disagreement(const QByteArray& text)
{
    const std::string_view view = viewOf(text);
    const json expected = json::parse(view.begin(), view.end(), nullptr, false);
    const bool shouldAccept = !expected.is_discarded() && !JsonlReader::nestsTooDeep(view);
    json actual;
    const bool accepted = parseJsonFast(view, actual, JsonlReader::kMaxDepth);
    if (accepted != shouldAccept) {
        return QStringLiteral("on %1: nlohmann %2, parseJsonFast %3")
            .arg(QString::fromLatin1(text.toPercentEncoding()),
                 shouldAccept ? QStringLiteral("accepts") : QStringLiteral("rejects"),
                 accepted ? QStringLiteral("accepts") : QStringLiteral("rejects"));
    }
    if (accepted && !jsonStrictlyEqual(actual, expected)) {
        return QStringLiteral("on %1: nlohmann built %2 (%3), parseJsonFast %4 (%5)")
            .arg(QString::fromLatin1(text.toPercentEncoding()), dumped(expected),
                 QString::fromLatin1(expected.type_name()), dumped(actual),
                 QString::fromLatin1(actual.type_name()));
    }
    return {};
}

bool fastAccepts(const QByteArray& text, int maxDepth = JsonlReader::kMaxDepth)
{
    json out;
    return parseJsonFast(viewOf(text), out, maxDepth);
}

QByteArray nested(int depth, const char* open, const char* close)
{
    return QByteArray(open).repeated(depth) + (depth > 0 ? "1" : "") +
           QByteArray(close).repeated(depth);
}

constexpr int kRejected = -1;

} // namespace

class TestFastJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numbersTakeNlohmannsTypes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("type"); // json::value_t, or kRejected
        const int unsignedType = static_cast<int>(json::value_t::number_unsigned);
        const int integerType = static_cast<int>(json::value_t::number_integer);
        const int floatType = static_cast<int>(json::value_t::number_float);
        QTest::newRow("zero") << QByteArray("0") << unsignedType;
        QTest::newRow("minus zero") << QByteArray("-0") << integerType;
        QTest::newRow("minus zero float") << QByteArray("-0.0") << floatType;
        QTest::newRow("negative") << QByteArray("-42") << integerType;
        QTest::newRow("int64 min") << QByteArray("-9223372036854775808") << integerType;
        QTest::newRow("below int64 min") << QByteArray("-9223372036854775809") << floatType;
        QTest::newRow("uint64 max") << QByteArray("18446744073709551615") << unsignedType;
        QTest::newRow("past uint64") << QByteArray("18446744073709551616") << floatType;
        QTest::newRow("30 digits") << QByteArray("123456789012345678901234567890") << floatType;
        QTest::newRow("fraction") << QByteArray("0.1") << floatType;
        QTest::newRow("exponent") << QByteArray("1e2") << floatType;
        QTest::newRow("upper exponent") << QByteArray("1E+2") << floatType;
        QTest::newRow("negative exponent") << QByteArray("-1.25e-3") << floatType;
        QTest::newRow("largest double") << QByteArray("1.7976931348623157e308") << floatType;
        QTest::newRow("overflow") << QByteArray("1E400") << kRejected;
        QTest::newRow("negative overflow") << QByteArray("-1e400") << kRejected;
        QTest::newRow("underflow to zero") << QByteArray("1e-400") << floatType;
        QTest::newRow("negative underflow") << QByteArray("-1e-400") << floatType;
        QTest::newRow("smallest subnormal") << QByteArray("4.9e-324") << floatType;
        QTest::newRow("rounds to zero") << QByteArray("2.4703282292062327e-324") << floatType;
        QTest::newRow("rounds up to subnormal")
            << QByteArray("2.4703282292062328e-324") << floatType;
        QTest::newRow("long mantissa")
            << QByteArray("0." + QByteArray("3").repeated(800)) << floatType;
        QTest::newRow("leading zero") << QByteArray("01") << kRejected;
        QTest::newRow("negative leading zero") << QByteArray("-01") << kRejected;
        QTest::newRow("bare point") << QByteArray("1.") << kRejected;
        QTest::newRow("point exponent") << QByteArray("1.e5") << kRejected;
        QTest::newRow("leading point") << QByteArray(".5") << kRejected;
        QTest::newRow("plus sign") << QByteArray("+1") << kRejected;
        QTest::newRow("bare exponent") << QByteArray("1e") << kRejected;
        QTest::newRow("signed bare exponent") << QByteArray("1e+") << kRejected;
        QTest::newRow("bare minus") << QByteArray("-") << kRejected;
        QTest::newRow("two points") << QByteArray("1.5.3") << kRejected;
        QTest::newRow("hex") << QByteArray("0x10") << kRejected;
        QTest::newRow("infinity") << QByteArray("Infinity") << kRejected;
        QTest::newRow("in an array") << QByteArray("[0,-0,1.5,-7,1e400]") << kRejected;
    }

    void numbersTakeNlohmannsTypes()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, type);
        const QString differs = disagreement(text);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        json out;
        QCOMPARE(parseJsonFast(viewOf(text), out, JsonlReader::kMaxDepth), type != kRejected);
        if (type != kRejected)
            QCOMPARE(static_cast<int>(out.type()), type);
    }

    void numbersKeepTheirValues()
    {
        json out;
        QVERIFY(parseJsonFast("[-9223372036854775808,18446744073709551615,-0.0,0.1,1e-400]", out,
                              JsonlReader::kMaxDepth));
        QCOMPARE(out[0].get<json::number_integer_t>(), std::numeric_limits<std::int64_t>::min());
        QCOMPARE(out[1].get<json::number_unsigned_t>(), std::numeric_limits<std::uint64_t>::max());
        QVERIFY(std::signbit(out[2].get<double>()));
        QCOMPARE(out[3].get<double>(), 0.1);
        QCOMPARE(out[4].get<double>(), 0.0);
    }

    void stringsLikeNlohmann_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("plain") << QByteArray("\"hello\"") << true;
        QTest::newRow("empty") << QByteArray("\"\"") << true;
        QTest::newRow("escapes") << QByteArray("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"") << true;
        QTest::newRow("escaped NUL") << QByteArray("\"a\\u0000b\"") << true;
        QTest::newRow("escaped BMP") << QByteArray("\"\\u00e9\\u20AC\\uFFFF\"") << true;
        QTest::newRow("surrogate pair") << QByteArray("\"\\ud83d\\ude00\"") << true;
        QTest::newRow("upper surrogate pair") << QByteArray("\"\\uD83D\\uDE00\"") << true;
        QTest::newRow("lone high surrogate") << QByteArray("\"\\ud800\"") << false;
        QTest::newRow("lone low surrogate") << QByteArray("\"\\udc00\"") << false;
        QTest::newRow("high then letter") << QByteArray("\"\\ud800\\u0041\"") << false;
        QTest::newRow("high then text") << QByteArray("\"\\ud800abcdef\"") << false;
        QTest::newRow("two highs") << QByteArray("\"\\ud800\\ud800\"") << false;
        QTest::newRow("short \\u") << QByteArray("\"\\u12\"") << false;
        QTest::newRow("bad hex") << QByteArray("\"\\u12g4\"") << false;
        QTest::newRow("unknown escape") << QByteArray("\"\\x41\"") << false;
        QTest::newRow("escaped quote unterminated") << QByteArray("\"\\\"") << false;
        QTest::newRow("unterminated") << QByteArray("\"abc") << false;
        QTest::newRow("raw tab") << QByteArray("\"a\tb\"") << false;
        QTest::newRow("raw newline") << QByteArray("\"a\nb\"") << false;
        QTest::newRow("raw 0x1f") << QByteArray("\"a\x1f"
                                                "b\"")
                                  << false;
        QTest::newRow("raw NUL") << QByteArray("\"a\0b\"", 5) << false;
        QTest::newRow("DEL") << QByteArray("\"a\x7f"
                                           "b\"")
                             << true;
        QTest::newRow("UTF-8") << QByteArray("\"na\xc3\xafve \xe6\x95\xb0 \xf0\x9f\x98\x80\"")
                               << true;
        QTest::newRow("overlong 2-byte") << QByteArray("\"\xc0\x80\"") << false;
        QTest::newRow("overlong 3-byte") << QByteArray("\"\xe0\x80\x80\"") << false;
        QTest::newRow("overlong 4-byte") << QByteArray("\"\xf0\x80\x80\x80\"") << false;
        QTest::newRow("encoded surrogate") << QByteArray("\"\xed\xa0\x80\"") << false;
        QTest::newRow("past U+10FFFF") << QByteArray("\"\xf4\x90\x80\x80\"") << false;
        QTest::newRow("F5 lead") << QByteArray("\"\xf5\x80\x80\x80\"") << false;
        QTest::newRow("lone continuation") << QByteArray("\"\x80\"") << false;
        QTest::newRow("truncated sequence") << QByteArray("\"\xe6\x95\"") << false;
        QTest::newRow("truncated at end") << QByteArray("\"\xe6\x95") << false;
        QTest::newRow("Latin-1") << QByteArray("\"caf\xe9\"") << false;
        QTest::newRow("invalid UTF-8 in a key") << QByteArray("{\"\xff\":1}") << false;
        QTest::newRow("UTF-8 outside strings") << QByteArray("[1,\xc3\xa9]") << false;
    }

    void stringsLikeNlohmann()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, accepted);
        const QString differs = disagreement(text);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        QCOMPARE(fastAccepts(text), accepted);
    }

    // The bulk scanner reads 16 bytes at a time: every special byte at every offset around
    // those blocks must still be seen.
    void specialBytesAtEveryOffset()
    {
        const QList<QByteArray> specials = {
            "\\n",  "\\u00e9",  "\\ud83d\\ude00", "\xc3\xa9", "\xf0\x9f\x98\x80",
            "\x01", "\xc0\x80", "\xed\xa0\x80",   "\\",       "\"",
            "\x7f", "\xe6\x95"};
        for (const QByteArray& special : specials) {
            for (int offset = 0; offset < 40; ++offset) {
                for (int tail : {0, 1, 15, 16, 17}) {
                    const QByteArray text = "{\"k\":\"" + QByteArray(offset, 'a') + special +
                                            QByteArray(tail, 'b') + "\"}";
                    const QString differs = disagreement(text);
                    QVERIFY2(differs.isEmpty(), qPrintable(differs));
                }
            }
        }
    }

    void structureLikeNlohmann_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("empty input") << QByteArray() << false;
        QTest::newRow("only whitespace") << QByteArray(" \t\r\n") << false;
        QTest::newRow("JSON whitespace around")
            << QByteArray(" \t\r\n{ \"a\" : [ 1 , 2 ] }\r\n ") << true;
        QTest::newRow("form feed") << QByteArray("\f{}") << false;
        QTest::newRow("vertical tab") << QByteArray("{}\v") << false;
        QTest::newRow("literals") << QByteArray("[true,false,null]") << true;
        QTest::newRow("short literal") << QByteArray("tru") << false;
        QTest::newRow("long literal") << QByteArray("nulll") << false;
        QTest::newRow("capital literal") << QByteArray("True") << false;
        QTest::newRow("trailing comma in array") << QByteArray("[1,]") << false;
        QTest::newRow("trailing comma in object") << QByteArray("{\"a\":1,}") << false;
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << false;
        QTest::newRow("number key") << QByteArray("{1:2}") << false;
        QTest::newRow("missing comma") << QByteArray("[1 2]") << false;
        QTest::newRow("mismatched close") << QByteArray("[1}") << false;
        QTest::newRow("unclosed") << QByteArray("{\"a\":[1,2]") << false;
        QTest::newRow("extra close") << QByteArray("[1]]") << false;
        QTest::newRow("trailing garbage") << QByteArray("{} x") << false;
        QTest::newRow("two values") << QByteArray("{}{}") << false;
        QTest::newRow("scalar top level") << QByteArray("\"text\"") << true;
        QTest::newRow("empty containers") << QByteArray("[{},[],{\"a\":{}}]") << true;
        QTest::newRow("duplicate key") << QByteArray("{\"a\":1,\"a\":2}") << true;
        QTest::newRow("duplicate key, new type")
            << QByteArray("{\"a\":{\"b\":1},\"a\":[3]}") << true;
        QTest::newRow("escaped duplicate key") << QByteArray("{\"a\":1,\"\\u0061\":\"x\"}") << true;
        QTest::newRow("BOM") << QByteArray("\xef\xbb\xbf{}") << true;
        QTest::newRow("BOM alone") << QByteArray("\xef\xbb\xbf") << false;
        QTest::newRow("partial BOM") << QByteArray("\xef\xbb{}") << false;
        QTest::newRow("BOM after space") << QByteArray(" \xef\xbb\xbf{}") << false;
        QTest::newRow("two BOMs") << QByteArray("\xef\xbb\xbf\xef\xbb\xbf{}") << false;
        QTest::newRow("NUL ends the text") << QByteArray("{\"a\":1} \0garbage", 16) << true;
        QTest::newRow("NUL after a number") << QByteArray("12\0"
                                                          "3",
                                                          4)
                                            << true;
        QTest::newRow("NUL alone") << QByteArray("\0", 1) << false;
        QTest::newRow("NUL inside array") << QByteArray("[1\0]", 4) << false;
        QTest::newRow("NUL then deep nesting")
            << QByteArray("{}\0", 3) + nested(201, "[", "") << false;
    }

    void structureLikeNlohmann()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, accepted);
        const QString differs = disagreement(text);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        QCOMPARE(fastAccepts(text), accepted);
    }

    void duplicateKeysKeepTheLastValue()
    {
        json out;
        QVERIFY(parseJsonFast("{\"a\":{\"b\":1},\"c\":0,\"a\":[3]}", out, JsonlReader::kMaxDepth));
        QCOMPARE(out.size(), std::size_t(2));
        QVERIFY(out["a"].is_array());
        QCOMPARE(out["a"][0].get<int>(), 3);
    }

    void nestingBeyondMaxDepthIsRejected()
    {
        for (const auto& [open, close] : {std::pair{"[", "]"}, std::pair{"{\"k\":", "}"}}) {
            const QByteArray atLimit = nested(JsonlReader::kMaxDepth, open, close);
            const QByteArray pastLimit = nested(JsonlReader::kMaxDepth + 1, open, close);
            QVERIFY(!json::parse(viewOf(pastLimit), nullptr, false).is_discarded());
            QVERIFY(fastAccepts(atLimit));
            QVERIFY(!fastAccepts(pastLimit));
            QVERIFY(disagreement(atLimit).isEmpty());
            QVERIFY(disagreement(pastLimit).isEmpty());
        }
        QVERIFY(fastAccepts("[[1],[2],{\"a\":3}]", 2));
        QVERIFY(!fastAccepts("[[1],[2],{\"a\":[3]}]", 2));
        QVERIFY(!fastAccepts("[]", 0));
        QVERIFY(fastAccepts("\"scalar\"", 0));
        // Far deeper than any native stack would take: refused without recursing.
        QVERIFY(!fastAccepts(nested(1000000, "[", "]")));
        QVERIFY(fastAccepts(nested(100000, "[", "]"), 100000));
    }

    void fixturesParseLikeNlohmann()
    {
        const QStringList folders = {QStringLiteral(OVERRULE_TEST_DATA "/import"),
                                     QStringLiteral(OVERRULE_TEST_DATA "/cli"),
                                     QStringLiteral(OVERRULE_SOURCE_DIR "/resources/samples")};
        int lines = 0;
        for (const QString& folder : folders) {
            const QDir dir(folder);
            for (const QString& name : dir.entryList({QStringLiteral("*.jsonl")}, QDir::Files)) {
                QFile file(dir.filePath(name));
                QVERIFY(file.open(QIODevice::ReadOnly));
                for (QByteArray line : file.readAll().split('\n')) {
                    if (line.endsWith('\r'))
                        line.chop(1);
                    const QString differs = disagreement(line);
                    QVERIFY2(differs.isEmpty(), qPrintable(name + QLatin1Char(' ') + differs));
                    ++lines;
                }
            }
        }
        QVERIFY(lines > 100);
    }

    // A small deterministic fuzzer so that every ctest run checks some mutations too; the
    // libFuzzer target tests/fuzz/fuzz_fastjson.cpp does this at scale.
    void mutatedTextsParseLikeNlohmann()
    {
        const QList<QByteArray> seeds = {
            "{\"id\":\"1-0\",\"prompt\":\"na\xc3\xafve \\\"q\\\" \\u00e9\",\"score\":0.5406,"
            "\"n\":-12,\"big\":18446744073709551615,\"meta\":{\"tags\":[\"a\",true,null],"
            "\"t\":1e-3}}",
            "[0,-0,1.5e300,-9223372036854775808,\"\\ud83d\\ude00\",{},[],false]",
            "\xef\xbb\xbf {\"a\" : [ {\"b\" : \"\xe6\x95\xb0\xe6\x8d\xae\" } ] }\n"};
        const QByteArray alphabet("{}[]\":,\\u0123456789eE+-.tfnrl \t\n\x01\x7f\x80\xbf\xc3\xed\xef"
                                  "\xf4\xff");
        QRandomGenerator random(20250101);
        for (int round = 0; round < 30000; ++round) {
            QByteArray text = seeds[random.bounded(seeds.size())];
            const int edits = 1 + random.bounded(4);
            for (int e = 0; e < edits; ++e) {
                const int at = random.bounded(text.size() + 1);
                const char byte = alphabet[random.bounded(alphabet.size())];
                switch (random.bounded(3)) {
                case 0:
                    text.insert(at, byte);
                    break;
                case 1:
                    if (at < text.size())
                        text[at] = byte;
                    break;
                default:
                    text.remove(at, 1 + random.bounded(3));
                }
            }
            const QString differs = disagreement(text);
            QVERIFY2(differs.isEmpty(), qPrintable(differs));
        }
    }
};

QTEST_GUILESS_MAIN(TestFastJson)
#include "tst_fastjson.moc"
