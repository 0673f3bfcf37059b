#include "SearchMatches.h"

#include <QSet>

namespace overrule {

QList<TextSpan> searchMatches(QStringView text, const QStringList& words, qsizetype limit)
{
    QList<TextSpan> spans;
    QSet<QString> wanted;
    for (const QString& word : words)
        wanted.insert(foldedWord(word));
    wanted.remove(QString());
    if (wanted.isEmpty())
        return spans;
    for (const TextSpan& word : textWords(text)) {
        if (spans.size() >= limit)
            break;
        if (wanted.contains(foldedWord(text.sliced(word.start, word.length))))
            spans.append(word);
    }
    return spans;
}

} // namespace overrule
