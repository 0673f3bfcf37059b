#include "SearchText.h"

#include <QChar>
#include <cstdint>

namespace overrule {
namespace {

// The code point at `i` and how many UTF-16 units it takes (a lone surrogate is itself).
char32_t codePointAt(QStringView text, qsizetype i, qsizetype& units)
{
    const QChar c = text[i];
    if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
        units = 2;
        return QChar::surrogateToUcs4(c, text[i + 1]);
    }
    units = 1;
    return c.unicode();
}

// The tokenizer's token characters: its default categories "L* N* Co".
bool startsOrContinuesWord(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Other_PrivateUse:
        return true;
    default:
        return false;
    }
}

// The combining accents the tokenizer keeps inside a word and drops from it: its own table of
// U+0300-U+0331 (sqlite3Fts5UnicodeIsdiacritic).
bool isDiacritic(char32_t c)
{
    constexpr std::uint32_t kFirst32 = 0x08029FDF; // U+0300-U+031F
    constexpr std::uint32_t kNext18 = 0x000361F8;  // U+0320-U+0331
    if (c < 0x300 || c > 0x331)
        return false;
    return c < 0x320 ? (kFirst32 >> (c - 0x300)) & 1 : (kNext18 >> (c - 0x320)) & 1;
}

bool isMark(QChar c)
{
    const QChar::Category category = c.category();
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
           category == QChar::Mark_Enclosing;
}

// A Latin letter with diacritics as its base letter ("é" -> "e"); anything else as it is.
char32_t withoutDiacritics(char32_t c)
{
    if (c < 0x80)
        return c;
    const QString decomposed = QString::fromUcs4(&c, 1).normalized(QString::NormalizationForm_D);
    if (decomposed.size() < 2 || decomposed[0].unicode() >= 0x80 || !decomposed[0].isLetter())
        return c;
    for (qsizetype i = 1; i < decomposed.size(); ++i) {
        if (!isMark(decomposed[i]))
            return c;
    }
    return decomposed[0].unicode();
}

} // namespace

QList<TextSpan> textWords(QStringView text)
{
    QList<TextSpan> words;
    qsizetype i = 0;
    while (i < text.size()) {
        qsizetype units = 1;
        char32_t c = codePointAt(text, i, units);
        if (!startsOrContinuesWord(c)) {
            i += units;
            continue;
        }
        const qsizetype start = i;
        i += units;
        while (i < text.size()) {
            c = codePointAt(text, i, units);
            if (!startsOrContinuesWord(c) && !isDiacritic(c))
                break;
            i += units;
        }
        words.append(TextSpan{start, i - start});
    }
    return words;
}

QString foldedWord(QStringView word)
{
    QString folded;
    folded.reserve(word.size());
    for (qsizetype i = 0; i < word.size();) {
        qsizetype units = 1;
        const char32_t c = codePointAt(word, i, units);
        i += units;
        if (isDiacritic(c))
            continue;
        const char32_t lower = withoutDiacritics(QChar::toLower(c));
        folded.append(QString::fromUcs4(&lower, 1));
    }
    return folded;
}

} // namespace overrule
