#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace overrule {

// Where a search's words occur in a text, for the details pane to mark them.
struct TextSpan
{
    qsizetype start = 0; // in UTF-16 code units, as QString and QTextCursor count
    qsizetype length = 0;

    friend bool operator==(const TextSpan&, const TextSpan&) = default;
};

// A word as the search index compares it: without its accents and in lower case, as the
// unicode61 tokenizer with remove_diacritics folds Latin letters ("Café" -> "cafe"). (It strips
// every combining mark, where the tokenizer knows Latin ones only: a Greek word with accents
// may be marked where the index would not have matched it.)
QString foldedWord(QStringView word);

// The words of `text` (runs of letters, digits and the accents on them) that equal one of
// `words` once folded, in order: whole words only, as the index matched them ("refund" marks
// "Refund" but not "refunds"). Stops after `limit` spans.
QList<TextSpan> searchMatches(QStringView text, const QStringList& words, qsizetype limit = 10000);

} // namespace overrule
