// The UTF-8 helpers of the import: the validity check and the excerpt kept for the table.
#include "import/Utf8.h"

#include <QRandomGenerator>
#include <QTest>

using namespace overrule;

namespace {

// The excerpt as the table shows it, computed on UTF-16 the plain way: the reference that
// excerptOf, which works on UTF-8 without converting, must match byte for byte.
QString referenceExcerpt(const QString& text, int maxChars)
{
    QString out;
    bool pendingSpace = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (out.size() + (pendingSpace ? 1 : 0) >= maxChars) {
            if (out.back().isHighSurrogate())
                out.chop(1);
            out.append(QChar(0x2026));
            return out;
        }
        if (pendingSpace)
            out.append(QLatin1Char(' '));
        pendingSpace = false;
        out.append(c);
    }
    return out;
}

QString excerptText(const QString& text, int maxChars = 160)
{
    const QByteArray utf8 = text.toUtf8();
    const std::string out = excerptOf(
        std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), maxChars);
    return QString::fromUtf8(out.data(), static_cast<qsizetype>(out.size()));
}

} // namespace

class TestUtf8 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void excerptCollapsesWhitespaceAndCuts()
    {
        QCOMPARE(excerptText(QStringLiteral("  How do I\n\n kill\ta process?  ")),
                 QStringLiteral("How do I kill a process?"));
        QCOMPARE(excerptText(QString()), QString());
        QCOMPARE(excerptText(QStringLiteral(" \n\t ")), QString());
        QCOMPARE(excerptText(QStringLiteral("abcdef"), 3), QStringLiteral("abc\u2026"));
        QCOMPARE(excerptText(QStringLiteral("abc"), 3), QStringLiteral("abc"));
        // No-break and ideographic spaces are whitespace too.
        QCOMPARE(excerptText(QStringLiteral("a\u00a0\u3000b\u2029c")), QStringLiteral("a b c"));
        // A character outside the BMP counts two, and is never cut in half.
        const QString face = QString::fromUcs4(U"\U0001F600");
        QCOMPARE(excerptText(QStringLiteral("ab") + face, 4), QStringLiteral("ab") + face);
        QCOMPARE(excerptText(QStringLiteral("abc") + face, 4), QStringLiteral("abc\u2026"));
        QCOMPARE(excerptText(QStringLiteral("ab ") + face, 4), QStringLiteral("ab \u2026"));
    }

    void excerptMatchesTheUtf16Reference()
    {
        // Random text over the characters that matter: ASCII, whitespace of every width,
        // two- and three-byte letters and characters outside the BMP.
        const char32_t alphabet[] = {U'a',      U'Z',      U' ',      U'\n',         U'\t',
                                     U'\r',     U'é',      U'数',     U'\u00a0',     U'\u2003',
                                     U'\u3000', U'\u0085', U'\u2028', U'\U0001F600', U'\U00010348',
                                     U'\u200b', U'…'};
        QRandomGenerator random(20261129);
        for (int round = 0; round < 5000; ++round) {
            const int length = random.bounded(0, 60);
            std::u32string codes;
            for (int i = 0; i < length; ++i)
                codes += alphabet[random.bounded(int(std::size(alphabet)))];
            const QString text = QString::fromStdU32String(codes);
            const int maxChars = random.bounded(1, 24);
            QCOMPARE(excerptText(text, maxChars), referenceExcerpt(text, maxChars));
        }
    }

    void findsTheFirstInvalidByte()
    {
        QCOMPARE(firstInvalidUtf8("plain ascii text"), std::nullopt);
        QCOMPARE(firstInvalidUtf8("caf\xc3\xa9"), std::nullopt);
        QCOMPARE(firstInvalidUtf8("abcdefgh\xff"), std::optional<std::size_t>(8));
        QCOMPARE(firstInvalidUtf8("\xc0\xaf"), std::optional<std::size_t>(0));      // overlong
        QCOMPARE(firstInvalidUtf8("a\xed\xa0\x80"), std::optional<std::size_t>(1)); // surrogate
        QCOMPARE(firstInvalidUtf8("ab\xf4\x90\x80\x80"), std::optional<std::size_t>(2));
        QCOMPARE(firstInvalidUtf8("\xe6\x95"), std::optional<std::size_t>(0)); // cut short
    }
};

QTEST_GUILESS_MAIN(TestUtf8)
#include "tst_utf8.moc"
