#include "import/CsvReader.h"

#include "import/Utf8.h"

#include <QSet>
#include <cstring>

namespace overrule {

bool CsvReader::readCells(std::vector<std::string>& cells, SourceRecord& record)
{
    QByteArray line;
    do {
        if (!m_lines.next(line))
            return false;
    } while (isBlank(line));

    record.line = m_lines.lineNumber();
    record.problems.clear();
    record.raw = line;
    cells.clear();

    enum class State
    {
        FieldStart,
        Unquoted,
        Quoted,
        AfterQuote
    };
    State state = State::FieldStart;
    std::string cell;
    bool strayText = false;
    const auto finishCell = [&] {
        cells.push_back(std::move(cell));
        cell.clear();
        state = State::FieldStart;
    };
    for (;;) {
        const char* const text = line.constData();
        const qsizetype size = line.size();
        for (qsizetype i = 0; i < size; ++i) {
            const char c = text[i];
            // Inside a field, copy up to the next byte that can end it in one go.
            if (state == State::Unquoted || state == State::Quoted) {
                const char stop = state == State::Quoted ? '"' : ',';
                const void* found = std::memchr(text + i, stop, static_cast<std::size_t>(size - i));
                const qsizetype end = found ? static_cast<const char*>(found) - text : size;
                cell.append(text + i, static_cast<std::size_t>(end - i));
                if (end == size)
                    break;
                i = end;
                if (state == State::Quoted)
                    state = State::AfterQuote;
                else
                    finishCell();
                continue;
            }
            switch (state) {
            case State::FieldStart:
                if (c == '"')
                    state = State::Quoted;
                else if (c == ',')
                    finishCell();
                else {
                    cell += c;
                    state = State::Unquoted;
                }
                break;
            case State::Unquoted:
                if (c == ',')
                    finishCell();
                else
                    cell += c;
                break;
            case State::Quoted:
                if (c == '"')
                    state = State::AfterQuote;
                else
                    cell += c;
                break;
            case State::AfterQuote:
                if (c == '"') {
                    cell += '"';
                    state = State::Quoted;
                } else if (c == ',') {
                    finishCell();
                } else {
                    if (!strayText) {
                        strayText = true;
                        record.problems.push_back(
                            {record.line, m_header.value(static_cast<qsizetype>(cells.size())),
                             QStringLiteral("text after the closing quote of a quoted field "
                                            "(a quote inside a quoted field must be doubled)")});
                    }
                    cell += c;
                    state = State::Unquoted;
                }
                break;
            }
        }
        if (state != State::Quoted)
            break;
        // A line break inside quotes belongs to the field: the record goes on.
        if (!m_lines.next(line)) {
            record.problems.push_back(
                {record.line, m_header.value(static_cast<qsizetype>(cells.size())),
                 QStringLiteral("a quoted field opened here is never closed")});
            break;
        }
        cell += '\n';
        record.raw += '\n';
        record.raw += line;
    }
    finishCell();
    return true;
}

bool CsvReader::readHeader()
{
    m_headerRead = true;
    SourceRecord record;
    std::vector<std::string> cells;
    if (!readCells(cells, record))
        return false;
    if (!record.problems.empty()) {
        m_failure =
            ImportProblem{record.line, QStringLiteral("header"), record.problems.front().reason};
        return false;
    }
    QSet<QString> seen;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (firstInvalidUtf8(cells[i])) {
            m_failure = ImportProblem{record.line, QStringLiteral("header"),
                                      QStringLiteral("column %1 is not valid UTF-8").arg(i + 1)};
            return false;
        }
        QString name = QString::fromStdString(cells[i]).trimmed();
        if (name.isEmpty())
            name = QStringLiteral("column_%1").arg(i + 1);
        if (seen.contains(name)) {
            m_failure =
                ImportProblem{record.line, QStringLiteral("header"),
                              QStringLiteral("the column name \"%1\" appears twice").arg(name)};
            return false;
        }
        seen.insert(name);
        m_header << name;
        m_headerUtf8.push_back(name.toStdString());
    }
    return true;
}

bool CsvReader::next(SourceRecord& record)
{
    if (!m_headerRead && !readHeader())
        return false;
    if (m_header.isEmpty())
        return false;
    std::vector<std::string> cells;
    if (!readCells(cells, record))
        return false;
    record.fromCsv = true;
    record.fields = nlohmann::json::object();
    if (cells.size() != m_headerUtf8.size() && record.problems.empty()) {
        record.problems.push_back({record.line, QString(),
                                   QStringLiteral("the record has %1 fields, the header has %2")
                                       .arg(cells.size())
                                       .arg(m_headerUtf8.size())});
    }
    const std::size_t count = std::min(cells.size(), m_headerUtf8.size());
    for (std::size_t i = 0; i < count; ++i) {
        if (const auto bad = firstInvalidUtf8(cells[i])) {
            record.problems.push_back(
                {record.line, m_header.at(static_cast<qsizetype>(i)),
                 QStringLiteral("invalid UTF-8 at byte %1 of the field").arg(*bad)});
            continue;
        }
        record.fields[m_headerUtf8[i]] = std::move(cells[i]);
    }
    return true;
}

} // namespace overrule
