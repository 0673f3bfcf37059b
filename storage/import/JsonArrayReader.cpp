#include "import/JsonArrayReader.h"

#include "import/JsonlReader.h"

namespace overrule {
namespace {
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
} // namespace

bool JsonArrayReader::looksLikeArray(const QByteArray& head)
{
    qsizetype i = head.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < head.size() && isSpace(head.at(i)))
        ++i;
    return i < head.size() && head.at(i) == '[';
}

bool JsonArrayReader::fill()
{
    while (!m_haveLine || m_pos >= m_line.size()) {
        if (!m_lines.next(m_line))
            return false;
        m_haveLine = true;
        m_pos = 0;
    }
    return true;
}

bool JsonArrayReader::skipSpace()
{
    for (;;) {
        if (!fill())
            return false;
        while (m_pos < m_line.size() && isSpace(m_line.at(m_pos)))
            ++m_pos;
        if (m_pos < m_line.size())
            return true;
    }
}

bool JsonArrayReader::next(SourceRecord& record)
{
    if (m_closed || m_failure)
        return false;
    if (!m_opened) {
        if (!skipSpace())
            return false; // an empty file
        if (m_line.at(m_pos) != '[') {
            m_failure = ImportProblem{m_lines.lineNumber(), QString(),
                                      QStringLiteral("expected a JSON array of objects")};
            return false;
        }
        ++m_pos;
        m_opened = true;
    }
    if (!skipSpace()) {
        m_failure = ImportProblem{m_lines.lineNumber(), QString(),
                                  QStringLiteral("the JSON array is never closed with ]")};
        return false;
    }
    if (m_line.at(m_pos) == ']') {
        ++m_pos;
        m_closed = true;
        if (skipSpace())
            m_failure = ImportProblem{m_lines.lineNumber(), QString(),
                                      QStringLiteral("text after the end of the JSON array")};
        return false;
    }

    // Scan one element: it ends where brackets balance, or at a top-level ',' or ']'.
    record.line = m_lines.lineNumber();
    record.problems.clear();
    record.fromCsv = false;
    QByteArray element;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    bool ended = false;
    while (!ended) {
        if (!fill())
            break;
        const qsizetype start = m_pos;
        while (m_pos < m_line.size()) {
            const char c = m_line.at(m_pos);
            if (inString) {
                if (escaped)
                    escaped = false;
                else if (c == '\\')
                    escaped = true;
                else if (c == '"')
                    inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (depth == 0 && c == ']') {
                    ended = true; // the array's own ']' after a scalar element
                    break;
                }
                if (depth == 0) {
                    ++m_pos; // a stray '}': part of this broken element, so reading moves on
                    ended = true;
                    break;
                }
                if (--depth == 0) {
                    ++m_pos;
                    ended = true;
                    break;
                }
            } else if (c == ',' && depth == 0) {
                ended = true;
                break;
            }
            ++m_pos;
        }
        element.append(m_line.constData() + start, m_pos - start);
        if (!ended)
            element += '\n';
    }
    // The separator after the element: ',' or the closing ']' (left for the next call).
    if (ended && skipSpace() && m_line.at(m_pos) == ',')
        ++m_pos;

    ImportProblem problem;
    if (!JsonlReader::parseLine(element.trimmed(), record.fields, problem)) {
        problem.line = record.line;
        record.problems.push_back(std::move(problem));
        record.fields = nlohmann::json::object();
    }
    record.raw = std::move(element);
    return true;
}

} // namespace overrule
