#pragma once

#include "import/ImportTypes.h"

#include <QStringList>
#include <QWizard>
#include <cstdint>

namespace overrule {

class ImportMappingPage;
class ImportRunPage;
class ImportSourcePage;

// The import wizard: source (file or URL) -> format, mapping and preview -> run name, re-import
// choice and the import itself. Only the last step writes to the workspace; the import runs on a
// worker thread with its own connection, and Cancel stops it leaving nothing behind.
class ImportDialog : public QWizard
{
    Q_OBJECT
public:
    enum PageId
    {
        SourcePage,
        MappingPage,
        RunPage
    };

    ImportDialog(const QString& workspacePath, QWidget* parent = nullptr);
    ~ImportDialog() override;

    // Prefills the source; once shown, the wizard moves on to the preview of that file.
    void setFilePath(const QString& path);
    void setUrl(const QString& url);
    void setRunName(const QString& name);
    void setFormat(ImportFormat format);
    void setMappingText(const QString& json);
    void setSkipInvalid(bool skip);
    // The refusal detector's patterns (Settings), used when the file has no verdicts.
    void setDetectorPatterns(const QStringList& patterns);
    bool isRunning() const;

    ImportSourcePage* sourcePage() const { return m_source; }
    ImportMappingPage* mappingPage() const { return m_mapping; }
    ImportRunPage* runPage() const { return m_run; }

    // Everything the pages say so far, for a preview or the import.
    ImportRequest baseRequest() const;
    Result<ImportRequest> request() const;

public Q_SLOTS:
    // Goes to the last page (as far as the pages allow) and imports.
    void startImport();
    void cancelImport();

Q_SIGNALS:
    // A run was imported (or, for a skipped re-import, found); `message` is for the status bar.
    void imported(std::int64_t runId, const QString& message);

protected:
    void reject() override;
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    bool isBusy() const;
    void updateCancelButton();

    QString m_workspacePath;
    QStringList m_detectorPatterns;
    ImportSourcePage* m_source;
    ImportMappingPage* m_mapping;
    ImportRunPage* m_run;
    bool m_advanceOnShow = false;
};

} // namespace overrule
