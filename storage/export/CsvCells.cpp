#include "export/CsvCells.h"

namespace overrule {

QString neutraliseFormula(const QString& cell)
{
    if (cell.isEmpty())
        return cell;
    switch (cell.front().unicode()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return QLatin1Char('\'') + cell;
    default:
        return cell;
    }
}

QByteArray csvCell(const QString& cell)
{
    QByteArray utf8 = cell.toUtf8();
    bool quote = false;
    for (const char c : std::as_const(utf8)) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (!quote)
        return utf8;
    utf8.replace("\"", "\"\"");
    return '"' + utf8 + '"';
}

} // namespace overrule
