#pragma once

#include "import/RecordReader.h"

#include <QStringList>
#include <string>
#include <vector>

namespace overrule {

// RFC 4180 CSV with a header row: quoted fields may hold commas, doubled quotes and line
// breaks; lines end in CRLF or LF; a UTF-8 BOM is skipped. Each record becomes an object of
// header name -> cell text. Line breaks inside quoted fields are read as "\n".
class CsvReader : public RecordReader
{
public:
    using RecordReader::RecordReader;
    bool next(SourceRecord& record) override;

    // The header names; empty until the first next().
    const QStringList& header() const { return m_header; }

private:
    // Reads the cells of the next record; false at the end of the file.
    bool readCells(std::vector<std::string>& cells, SourceRecord& record);
    bool readHeader();

    QStringList m_header;
    std::vector<std::string> m_headerUtf8;
    bool m_headerRead = false;
};

} // namespace overrule
