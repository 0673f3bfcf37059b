#include "WorkspaceDefaults.h"

#include "CategoryStore.h"
#include "Database.h"
#include "import/Importer.h"

#include <QFile>
#include <QTemporaryDir>

namespace overrule {
namespace {

const QString kTaxonomy = QStringLiteral(":/overrule/taxonomy/default.json");
const QString kSample = QStringLiteral(":/overrule/samples/support-assistant.jsonl");

bool workspaceHasRuns(const Database& db)
{
    Statement st = db.prepare("SELECT EXISTS (SELECT 1 FROM runs)");
    return st.step() && st.integer(0) != 0;
}

} // namespace

QString sampleRunName()
{
    return QStringLiteral("ShopWell support assistant (sample)");
}

Status installDefaults(const Database& db)
{
    QFile taxonomy(kTaxonomy);
    if (!taxonomy.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("the bundled taxonomy is missing"), kTaxonomy);
    if (auto loaded = CategoryStore(db).loadTaxonomy(taxonomy.readAll(), kTaxonomy); !loaded)
        return loaded;

    if (workspaceHasRuns(db) || db.path() == QLatin1String(":memory:"))
        return {};
    // The importer reads files from disk, so the bundled sample is copied out first.
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("support-assistant.jsonl"));
    if (!dir.isValid() || !QFile::copy(kSample, copy))
        return makeError(QStringLiteral("cannot unpack the bundled sample run"), kSample);
    ImportRequest request;
    request.filePath = copy;
    request.runName = sampleRunName();
    Importer importer(db.path());
    auto imported = importer.run(request);
    if (!imported)
        return imported.error();
    return {};
}

} // namespace overrule
