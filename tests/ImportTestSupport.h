#pragma once

// Helpers shared by the import and export tests.

#include "Database.h"
#include "TestWorkspace.h"
#include "import/Importer.h"

#include <QDir>
#include <QFile>
#include <QString>
#include <QTest>

namespace importtest {

inline QString fixture(const QString& name)
{
    return QStringLiteral(OVERRULE_TEST_DATA "/import/") + name;
}

inline QString writeFile(const QString& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = QDir(dir).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(bytes);
    return path;
}

inline std::int64_t scalar(const overrule::Database& db, const char* sql)
{
    overrule::Statement st = db.prepare(sql);
    if (!st.step())
        qFatal("query failed: %s: %s", sql, qPrintable(st.error()));
    return st.int64(0);
}

inline QString text(const overrule::Database& db, const char* sql)
{
    overrule::Statement st = db.prepare(sql);
    if (!st.step())
        return QStringLiteral("<no row>");
    return st.text(0);
}

// Rows in every table an import writes: all zero after a failed or cancelled import.
inline std::int64_t importedRows(const overrule::Database& db)
{
    return scalar(db, "SELECT (SELECT count(*) FROM runs) + (SELECT count(*) FROM items) + "
                      "(SELECT count(*) FROM item_texts) + (SELECT count(*) FROM import_rejects) + "
                      "(SELECT count(*) FROM categories) + (SELECT count(*) FROM labels) + "
                      "(SELECT count(*) FROM reviewers)");
}

// Imports `path` into the test workspace with the default settings.
inline overrule::Result<overrule::ImportSummary> importPath(const TestWorkspace& ws,
                                                            const QString& path,
                                                            bool skipInvalid = false,
                                                            overrule::Importer* importer = nullptr)
{
    overrule::ImportRequest request;
    request.filePath = path;
    request.skipInvalid = skipInvalid;
    overrule::Importer local(ws.path());
    return (importer ? *importer : local).run(request);
}

inline QString firstLine(const overrule::Error& error)
{
    return error.toString().section(QLatin1Char('\n'), 0, 0);
}

} // namespace importtest

// Vocabulary enums compare by their stored names, which QTest can print.
#define QCOMPARE_WORD(actual, expected)                                                            \
    QCOMPARE(overrule::toString(actual), overrule::toString(expected))
