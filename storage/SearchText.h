#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace overrule {

// Text as the search index's tokenizer (FTS5 unicode61, remove_diacritics 2) sees it, so that
// the words a search asks for and the words the window marks are the words the index holds.

// A stretch of a QString in UTF-16 code units, as QString and QTextCursor count.
struct TextSpan
{
    qsizetype start = 0;
    qsizetype length = 0;

    friend bool operator==(const TextSpan&, const TextSpan&) = default;
};

// The words of `text`, in order. A word starts at a letter, a digit or a private-use character
// and runs on through those and the combining accents (of U+0300-U+0331) that the tokenizer
// keeps inside a word; anything else ends it.
QList<TextSpan> textWords(QStringView text);

// A word as the index stores it: in lower case, without those combining accents, and a Latin
// letter without its diacritics ("Café" -> "cafe", while Cyrillic "й" stays "й").
QString foldedWord(QStringView word);

} // namespace overrule
