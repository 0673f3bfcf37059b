#pragma once

#include <QByteArray>
#include <QString>

namespace overrule {

// A cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
// return) gets a leading apostrophe, so that it shows as the text it is.
QString neutraliseFormula(const QString& cell);

// One RFC 4180 cell: quoted when it holds a comma, a quote or a line break (quotes doubled).
QByteArray csvCell(const QString& cell);

} // namespace overrule
