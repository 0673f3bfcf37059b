#pragma once

#include "SearchText.h"

#include <QList>
#include <QStringList>
#include <QStringView>

namespace overrule {

// Where a search's words are in a text, for the details pane to mark them: the text's words
// (textWords) that equal one of `words` once both are folded as the index folds them, in
// order; whole words only ("refund" marks "Refund" but not "refunds"). Stops after `limit`.
QList<TextSpan> searchMatches(QStringView text, const QStringList& words, qsizetype limit = 10000);

} // namespace overrule
