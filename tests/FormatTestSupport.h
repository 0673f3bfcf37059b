#pragma once

// Helpers shared by the tool-format import tests.

#include "ImportTestSupport.h"
#include "TestWorkspace.h"
#include "import/Importer.h"

#include <QDir>
#include <QFileInfo>
#include <nlohmann/json.hpp>

namespace formattest {

inline QString own(const QString& name)
{
    return QStringLiteral(OVERRULE_TEST_DATA "/formats/") + name;
}

// A real log from ../shared/fixtures/formats, or an empty string when that folder is absent.
inline QString shared(const QString& name)
{
    const QString path = QStringLiteral(OVERRULE_SHARED_FIXTURES "/") + name;
    return QFileInfo::exists(path) ? path : QString();
}

inline overrule::Result<overrule::ImportSummary>
importFile(TestWorkspace& ws, const QString& path,
           std::optional<overrule::Mapping> mapping = std::nullopt,
           overrule::ReimportPolicy policy = overrule::ReimportPolicy::Refuse)
{
    overrule::ImportRequest request;
    request.filePath = path;
    request.mapping = std::move(mapping);
    request.onDuplicate = policy;
    return overrule::Importer(ws.path()).run(request);
}

// The run's items in order: external id, verdict, verdict source, prompt, response, metadata.
struct Row
{
    QString id;
    int verdict = 0;
    int source = 0;
    QString prompt, response, model, messages;
    nlohmann::json metadata;
    std::optional<double> score;
};

inline std::vector<Row> rows(const overrule::Database& db, std::int64_t runId)
{
    overrule::Statement st = db.prepare(
        "SELECT i.external_id, i.verdict, i.verdict_source, t.prompt, t.response, t.model, "
        "t.metadata, i.score, t.messages FROM items i JOIN item_texts t ON t.item_id = i.id "
        "WHERE i.run_id = ? ORDER BY i.seq");
    st.bind(1, runId);
    std::vector<Row> out;
    while (st.step()) {
        Row r;
        r.id = st.text(0);
        r.verdict = st.integer(1);
        r.source = st.integer(2);
        r.prompt = st.text(3);
        r.response = st.text(4);
        r.model = st.text(5);
        r.metadata = nlohmann::json::parse(st.text(6).toStdString());
        r.score = st.optionalReal(7);
        r.messages = st.text(8);
        out.push_back(std::move(r));
    }
    return out;
}

inline QStringList ids(const std::vector<Row>& rows)
{
    QStringList out;
    for (const Row& r : rows)
        out << r.id;
    return out;
}

} // namespace formattest

#define REQUIRE_OK(result)                                                                         \
    QVERIFY2(result, qPrintable((result) ? QString() : (result).error().toString()))
