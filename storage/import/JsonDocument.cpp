#include "import/JsonDocument.h"

#include <QIODevice>
#include <array>
#include <streambuf>

namespace overrule {
namespace {

using nlohmann::json;

// A std::streambuf over a QIODevice that stops (as if at the end) after a byte cap.
class DeviceStreamBuf : public std::streambuf
{
public:
    DeviceStreamBuf(QIODevice& device, std::int64_t maxBytes, const std::atomic<bool>* cancel,
                    const std::function<void()>& advanced)
        : m_device(device), m_max(maxBytes), m_cancel(cancel), m_advanced(advanced)
    {
    }
    bool cancelled() const { return m_cancelled; }
    bool overCap() const { return m_overCap; }
    std::int64_t bytesRead() const { return m_read; }
    QString readError() const { return m_error; }

protected:
    int_type underflow() override
    {
        if (gptr() < egptr())
            return traits_type::to_int_type(*gptr());
        if (m_cancel && m_cancel->load()) {
            m_cancelled = true;
            return traits_type::eof();
        }
        if (m_read >= m_max) {
            // One byte more than the cap tells a file of exactly the cap from a larger one.
            char probe = 0;
            if (m_device.read(&probe, 1) == 1)
                m_overCap = true;
            return traits_type::eof();
        }
        const qint64 want = std::min<std::int64_t>(m_buffer.size(), m_max - m_read);
        const qint64 got = m_device.read(m_buffer.data(), want);
        if (got < 0) {
            // GzipDevice also answers -1 at its regular end; only a set message is an error.
            if (m_device.errorString() != QLatin1String("Unknown error"))
                m_error = m_device.errorString();
            return traits_type::eof();
        }
        if (got == 0)
            return traits_type::eof();
        m_read += got;
        if (m_advanced)
            m_advanced();
        setg(m_buffer.data(), m_buffer.data(), m_buffer.data() + got);
        return traits_type::to_int_type(*gptr());
    }

private:
    QIODevice& m_device;
    std::int64_t m_max;
    std::int64_t m_read = 0;
    const std::atomic<bool>* m_cancel;
    const std::function<void()>& m_advanced;
    bool m_overCap = false;
    bool m_cancelled = false;
    QString m_error;
    std::array<char, 1 << 16> m_buffer{};
};

// Builds the document from SAX events, skipping configured key paths and handing out the
// elements of one array as they complete, so bulky parts never accumulate.
class DocumentSax : public nlohmann::json_sax<json>
{
public:
    explicit DocumentSax(const JsonDocumentOptions& options) : m_options(options) {}

    json root;
    QString error;
    QString errorPath;
    bool stopped = false;

    bool null() override { return scalar(json(nullptr)); }
    bool boolean(bool v) override { return scalar(json(v)); }
    bool number_integer(number_integer_t v) override { return scalar(json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return scalar(json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return scalar(json(v)); }
    bool string(string_t& v) override { return scalar(json(std::move(v))); }
    bool binary(binary_t&) override { return scalar(json(nullptr)); }

    bool start_object(std::size_t) override { return open(json::object()); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& name) override
    {
        if (m_skipping > 0)
            return true;
        m_path.back() = name;
        m_frames.back().key = std::move(name);
        for (const auto& rule : m_options.skip) {
            if (matches(rule)) {
                m_skipNext = true;
                break;
            }
        }
        return true;
    }

    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& ex) override
    {
        std::string detail = ex.what();
        if (const auto column = detail.find("column "); column != std::string::npos) {
            if (const auto colon = detail.find(": ", column); colon != std::string::npos)
                detail = detail.substr(colon + 2);
        }
        if (const auto lastRead = detail.find("; last read"); lastRead != std::string::npos)
            detail.resize(lastRead);
        if (detail.size() > 200)
            detail.resize(200);
        if (detail.find("UTF-8") != std::string::npos)
            error = QStringLiteral("invalid UTF-8 at byte %1").arg(position);
        else
            error = QStringLiteral("malformed JSON at byte %1: %2").arg(position).arg(qsOf(detail));
        errorPath = pathText();
        return false;
    }

    QString pathText() const
    {
        QString out;
        for (std::size_t i = 0; i < m_path.size(); ++i) {
            if (m_path[i] == "[]")
                out += QStringLiteral("[%1]").arg(m_frames[i].index);
            else if (!m_path[i].empty())
                out += (out.isEmpty() ? QString() : QStringLiteral(".")) + qsOf(m_path[i]);
        }
        return out;
    }

private:
    struct Frame
    {
        json* value = nullptr;
        std::string key;
        std::size_t index = 0;
        bool handsOut = false; // the elements are handed to options.element
    };

    bool matches(const std::vector<std::string>& rule) const
    {
        if (rule.size() != m_path.size())
            return false;
        for (std::size_t i = 0; i < rule.size(); ++i) {
            if (rule[i] != m_path[i])
                return false;
        }
        return true;
    }

    json* place(json&& value)
    {
        if (m_frames.empty()) {
            root = std::move(value);
            return &root;
        }
        Frame& parent = m_frames.back();
        if (parent.handsOut) {
            m_element = std::move(value);
            return &m_element;
        }
        if (parent.value->is_object()) {
            json& slot = (*parent.value)[parent.key];
            slot = std::move(value);
            return &slot;
        }
        parent.value->push_back(std::move(value));
        return &parent.value->back();
    }

    // After a value completes inside its parent.
    bool completed()
    {
        if (m_frames.empty())
            return true;
        Frame& parent = m_frames.back();
        if (parent.value && parent.value->is_array())
            ++parent.index;
        if (parent.handsOut) {
            if (m_options.element && !m_options.element(std::move(m_element))) {
                stopped = true;
                return false;
            }
            m_element = json();
        }
        return true;
    }

    bool scalar(json&& value)
    {
        if (m_skipping > 0)
            return true;
        if (m_skipNext) {
            m_skipNext = false;
            return true;
        }
        place(std::move(value));
        return completed();
    }

    bool open(json&& container)
    {
        if (m_skipping > 0 || m_skipNext) {
            m_skipNext = false;
            ++m_skipping;
            return true;
        }
        if (static_cast<int>(m_frames.size()) >= m_options.maxDepth) {
            error = QStringLiteral("JSON nested deeper than %1 levels").arg(m_options.maxDepth);
            errorPath = pathText();
            return false;
        }
        const bool array = container.is_array();
        const bool handsOut =
            array && !m_options.elementArray.empty() && matches(m_options.elementArray);
        json* value = place(std::move(container));
        m_frames.push_back({value, {}, 0, handsOut});
        m_path.push_back(array ? "[]" : "");
        return true;
    }

    bool close()
    {
        if (m_skipping > 0) {
            if (--m_skipping == 0)
                return completedSkipped();
            return true;
        }
        m_frames.pop_back();
        m_path.pop_back();
        return completed();
    }

    // A skipped container counts as an element of its parent array all the same.
    bool completedSkipped()
    {
        if (!m_frames.empty() && m_frames.back().value && m_frames.back().value->is_array())
            ++m_frames.back().index;
        return true;
    }

    const JsonDocumentOptions& m_options;
    std::vector<Frame> m_frames;
    std::vector<std::string> m_path; // per open container: its current key, or "[]"
    json m_element;
    int m_skipping = 0;
    bool m_skipNext = false;
};

} // namespace

QString qsOf(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString stringAt(const nlohmann::json& object, const char* key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? qsOf(it->get_ref<const std::string&>())
                                                 : QString();
}

JsonDocumentResult parseJsonDocument(QIODevice& device, const JsonDocumentOptions& options)
{
    JsonDocumentResult result;
    DeviceStreamBuf buffer(device, options.maxBytes, options.cancel, options.advanced);
    std::istream stream(&buffer);
    DocumentSax sax(options);
    const bool ok = json::sax_parse(stream, &sax, nlohmann::json::input_format_t::json, true);
    result.bytesRead = buffer.bytesRead();
    if (sax.stopped) {
        result.stoppedEarly = true;
        result.root = std::move(sax.root);
        return result;
    }
    if (buffer.cancelled()) {
        result.problem = ImportProblem{0, QString(), QStringLiteral("import cancelled")};
        return result;
    }
    if (buffer.overCap()) {
        result.problem = ImportProblem{0, QString(),
                                       QStringLiteral("the JSON document is larger than %1 MiB, "
                                                      "the most Overrule reads as one document")
                                           .arg(options.maxBytes >> 20)};
        return result;
    }
    if (!buffer.readError().isEmpty()) {
        result.problem =
            ImportProblem{0, QString(), QStringLiteral("read error: ") + buffer.readError()};
        return result;
    }
    if (!ok) {
        result.problem = ImportProblem{
            0, sax.errorPath, sax.error.isEmpty() ? QStringLiteral("malformed JSON") : sax.error};
        return result;
    }
    result.root = std::move(sax.root);
    return result;
}

} // namespace overrule
