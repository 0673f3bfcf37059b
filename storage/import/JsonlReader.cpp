#include "import/JsonlReader.h"

#include "import/FastJson.h"

#include <string>
#include <vector>

namespace overrule {
namespace {

using nlohmann::json;

// Re-reads a line that failed to parse, tracking where the parser was, so that the problem
// names the field (e.g. "prompt" or "messages[2].content") instead of a bare byte offset.
class LocatingSax : public nlohmann::json_sax<json>
{
public:
    std::string path;
    std::string message;
    std::size_t position = 0;

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool string(string_t&) override { return value(); }
    bool binary(binary_t&) override { return value(); }
    bool start_object(std::size_t) override
    {
        m_frames.push_back({true, {}, 0});
        return true;
    }
    bool key(string_t& name) override
    {
        m_frames.back().key = name;
        return true;
    }
    bool end_object() override
    {
        m_frames.pop_back();
        return value();
    }
    bool start_array(std::size_t) override
    {
        m_frames.push_back({false, {}, 0});
        return true;
    }
    bool end_array() override
    {
        m_frames.pop_back();
        return value();
    }
    bool parse_error(std::size_t at, const std::string&,
                     const nlohmann::detail::exception& ex) override
    {
        position = at;
        message = ex.what();
        for (const Frame& frame : m_frames) {
            if (frame.object) {
                if (!frame.key.empty())
                    path += (path.empty() ? "" : ".") + frame.key;
            } else {
                path += "[" + std::to_string(frame.index) + "]";
            }
        }
        return false;
    }

private:
    struct Frame
    {
        bool object;
        std::string key;
        std::size_t index;
    };
    bool value()
    {
        if (!m_frames.empty() && !m_frames.back().object)
            ++m_frames.back().index;
        return true;
    }
    std::vector<Frame> m_frames;
};

// "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error while
// parsing value - invalid literal; last read: '...'" -> "syntax error while parsing value -
// invalid literal". The "last read" part can quote megabytes of text, so it is dropped.
QString conciseReason(const std::string& what, std::size_t position)
{
    std::string detail = what;
    if (const auto column = detail.find("column "); column != std::string::npos) {
        if (const auto colon = detail.find(": ", column); colon != std::string::npos)
            detail = detail.substr(colon + 2);
    }
    if (const auto lastRead = detail.find("; last read"); lastRead != std::string::npos)
        detail.resize(lastRead);
    if (detail.size() > 200)
        detail.resize(200);
    if (detail.find("UTF-8") != std::string::npos)
        return QStringLiteral("invalid UTF-8 at byte %1 of the line").arg(position);
    return QStringLiteral("malformed JSON at byte %1: %2")
        .arg(position)
        .arg(QString::fromUtf8(detail.data(), static_cast<qsizetype>(detail.size())));
}

} // namespace

bool JsonlReader::nestsTooDeep(std::string_view text)
{
    return jsonNestsDeeperThan(text, kMaxDepth);
}

bool JsonlReader::parseLine(const QByteArray& line, json& out, ImportProblem& problem)
{
    const char* begin = line.constData();
    const char* end = begin + line.size();
    // The fast parser takes every valid line; nlohmann's own parser only explains (or, should
    // the two ever disagree, accepts) the others.
    if (parseJsonFast(std::string_view(begin, static_cast<std::size_t>(line.size())), out,
                      kMaxDepth)) {
        if (out.is_object())
            return true;
        problem.reason = QStringLiteral("expected a JSON object on each line, got %1")
                             .arg(QString::fromLatin1(out.type_name()));
        return false;
    }
    if (nestsTooDeep(std::string_view(begin, static_cast<std::size_t>(line.size())))) {
        problem.reason = QStringLiteral("JSON nested deeper than %1 levels").arg(kMaxDepth);
        return false;
    }
    out = json::parse(begin, end, nullptr, false);
    if (out.is_discarded()) {
        LocatingSax sax;
        json::sax_parse(begin, end, &sax);
        problem.field = QString::fromStdString(sax.path);
        problem.reason = conciseReason(sax.message, sax.position);
        return false;
    }
    if (!out.is_object()) {
        problem.reason = QStringLiteral("expected a JSON object on each line, got %1")
                             .arg(QString::fromLatin1(out.type_name()));
        return false;
    }
    return true;
}

bool JsonlReader::next(SourceRecord& record)
{
    QByteArray line;
    while (m_lines.next(line)) {
        if (isBlank(line))
            continue;
        record.line = m_lines.lineNumber();
        record.problems.clear();
        record.fromCsv = false;
        ImportProblem problem;
        if (!parseLine(line, record.fields, problem)) {
            problem.line = record.line;
            record.problems.push_back(std::move(problem));
            record.fields = json::object();
        }
        record.raw = std::move(line);
        return true;
    }
    return false;
}

} // namespace overrule
