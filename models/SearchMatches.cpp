#include "SearchMatches.h"

#include <QChar>
#include <QSet>

namespace overrule {
namespace {

bool isMark(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return true;
    default:
        return false;
    }
}

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

} // namespace

QString foldedWord(QStringView word)
{
    bool ascii = true;
    for (const QChar c : word)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii)
        return word.toString().toLower();
    QString bare;
    const QString decomposed = word.toString().normalized(QString::NormalizationForm_D);
    for (qsizetype i = 0; i < decomposed.size();) {
        qsizetype units = 1;
        const char32_t c = codePointAt(decomposed, i, units);
        if (!isMark(c))
            bare.append(decomposed.mid(i, units));
        i += units;
    }
    return bare.toLower();
}

QList<TextSpan> searchMatches(QStringView text, const QStringList& words, qsizetype limit)
{
    QList<TextSpan> spans;
    QSet<QString> wanted;
    for (const QString& word : words)
        wanted.insert(foldedWord(word));
    wanted.remove(QString());
    if (wanted.isEmpty())
        return spans;
    qsizetype i = 0;
    while (i < text.size() && spans.size() < limit) {
        qsizetype units = 1;
        char32_t c = codePointAt(text, i, units);
        if (!QChar::isLetterOrNumber(c)) {
            i += units;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size()) {
            c = codePointAt(text, i, units);
            if (!QChar::isLetterOrNumber(c) && !isMark(c))
                break;
            i += units;
        }
        if (wanted.contains(foldedWord(text.sliced(start, i - start))))
            spans.append(TextSpan{start, i - start});
    }
    return spans;
}

} // namespace overrule
