#pragma once

#include "import/RecordReader.h"

namespace overrule {

// A JSON document whose top level is an array of objects (a common ".json" export), read one
// element at a time: the elements are split by scanning brackets and strings, so the array as a
// whole is never held. Each element is parsed like a JSON Lines line.
class JsonArrayReader : public RecordReader
{
public:
    using RecordReader::RecordReader;
    bool next(SourceRecord& record) override;

    // True when the text starts (after a BOM and whitespace) with '['.
    static bool looksLikeArray(const QByteArray& head);

private:
    // The next byte of the document, reading lines as needed; false at the end.
    bool fill();
    bool skipSpace();

    QByteArray m_line;
    qsizetype m_pos = 0;
    bool m_haveLine = false;
    bool m_opened = false; // the '[' has been read
    bool m_closed = false; // the ']' has been read
};

} // namespace overrule
