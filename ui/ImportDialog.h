#pragma once

#include "import/ImportTypes.h"

#include <QDialog>
#include <atomic>
#include <cstdint>
#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QThread;
class QTreeWidget;

namespace overrule {

// Imports one file as a new run: file, run name, format, an optional mapping (JSON, edited here
// or loaded from a file, checked before the import starts) and "skip invalid lines". The import
// runs on a worker thread with its own connection; Cancel stops it and leaves nothing behind.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(const QString& workspacePath, QWidget* parent = nullptr);
    ~ImportDialog() override;

    void setFilePath(const QString& path);
    void setRunName(const QString& name);
    void setFormat(ImportFormat format);
    void setMappingText(const QString& json);
    void setSkipInvalid(bool skip);
    bool isRunning() const { return m_thread != nullptr; }

public Q_SLOTS:
    void startImport();
    void cancelImport();

Q_SIGNALS:
    // A run was imported; `message` summarises it for the status bar.
    void imported(std::int64_t runId, const QString& message);

protected:
    void reject() override;
    void closeEvent(QCloseEvent* event) override;

private:
    void browse();
    void loadMapping();
    // Empty mapping text means "no mapping"; otherwise the parsed mapping or the error.
    bool readMapping(std::optional<Mapping>& mapping, QString& error) const;
    void validateMapping();
    void setRunning(bool running);
    void onProgress(std::int64_t bytesRead, std::int64_t totalBytes);
    void onFinished(const Result<ImportSummary>& result, const std::vector<ImportProblem>& problems,
                    bool cancelled);
    void showProblems(const QString& headline, const std::vector<ImportProblem>& problems);

    QString m_workspacePath;
    QLineEdit* m_file;
    QLineEdit* m_runName;
    QComboBox* m_format;
    QPlainTextEdit* m_mapping;
    QLabel* m_mappingState;
    QCheckBox* m_skipInvalid;
    QProgressBar* m_progress;
    QLabel* m_status;
    QTreeWidget* m_problems;
    QDialogButtonBox* m_buttons;
    QPushButton* m_import;
    QList<QWidget*> m_inputs;

    QThread* m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
};

} // namespace overrule
