#pragma once

#include "Result.h"
#include "RunStore.h"
#include "import/ImportTypes.h"

#include <QWizardPage>
#include <atomic>
#include <functional>
#include <optional>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QRadioButton;
class QThread;
class QTreeWidget;

namespace overrule {

// Wizard page 3: run name, "skip invalid lines", and, when the workspace already holds this
// file's bytes, the choice skip / new run / add only new items. Import runs on a worker thread
// with its own connection, with progress and Cancel; a failure lists the problems.
class ImportRunPage : public QWizardPage
{
    Q_OBJECT
public:
    // `request` gives the file, format, mapping and detector patterns; the page adds the rest.
    ImportRunPage(QString workspacePath, std::function<Result<ImportRequest>()> request,
                  QWidget* parent = nullptr);
    ~ImportRunPage() override;

    void setRunName(const QString& name);
    void setSuggestedRunName(const QString& name);
    void setSkipInvalid(bool skip);
    bool skipInvalid() const;
    // The run that already holds this file, once the check has found one.
    const std::optional<RunInfo>& previousImport() const { return m_previous; }
    ReimportPolicy reimportPolicy() const;
    void setReimportPolicy(ReimportPolicy policy);
    // Importing, or waiting for the re-import check so as to import.
    bool isRunning() const { return m_importThread != nullptr || m_importQueued; }
    bool isChecking() const { return m_checkThread != nullptr; }

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

public Q_SLOTS:
    void startImport();
    void cancelImport();

Q_SIGNALS:
    void imported(std::int64_t runId, const QString& message);
    void runningChanged(bool running);
    void previousImportChecked();

private:
    void startCheck();
    void onChecked(const QString& filePath, const Result<std::optional<RunInfo>>& previous);
    void onProgress(std::int64_t bytesRead, std::int64_t totalBytes);
    void onFinished(const Result<ImportSummary>& result, const std::vector<ImportProblem>& problems,
                    bool cancelled);
    void setRunning(bool running);
    void showStatus(const QString& text, bool error);
    void showProblems(const QString& headline, const std::vector<ImportProblem>& problems);

    QString m_workspacePath;
    std::function<Result<ImportRequest>()> m_request;
    QLineEdit* m_runName;
    QCheckBox* m_skipInvalid;
    QGroupBox* m_reimport;
    QLabel* m_reimportText;
    QRadioButton* m_skip;
    QRadioButton* m_newRun;
    QRadioButton* m_addNew;
    QProgressBar* m_progress;
    QLabel* m_status;
    QTreeWidget* m_problems;

    QThread* m_checkThread = nullptr;
    QString m_checkedPath;
    std::optional<RunInfo> m_previous;
    QThread* m_importThread = nullptr;
    std::atomic<bool> m_cancel{false};
    bool m_importQueued = false;
    bool m_done = false;
};

} // namespace overrule
