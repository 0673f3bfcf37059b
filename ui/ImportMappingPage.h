#pragma once

#include "Result.h"
#include "import/ImportTypes.h"

#include <QWizardPage>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QTableView;

namespace overrule {

class ImportPreviewModel;
class MappingEditor;
class PresetBar;
class PreviewRunner;

// Wizard page 2: the detected format (changeable), the mapping (field combos, value maps, JSON,
// presets) and a live preview of the first records as Overrule will store them. Reads the file
// only; nothing is written.
class ImportMappingPage : public QWizardPage
{
    Q_OBJECT
public:
    // `baseRequest` gives the file and the detector patterns; the page adds format and mapping.
    explicit ImportMappingPage(std::function<ImportRequest()> baseRequest,
                               QWidget* parent = nullptr);

    ImportFormat format() const;
    void setFormat(ImportFormat format);
    // The mapping to import with; an error while the mapping text is invalid.
    Result<std::optional<Mapping>> mapping() const;
    MappingEditor* editor() const { return m_editor; }
    PresetBar* presets() const { return m_presets; }
    ImportPreviewModel* previewModel() const { return m_model; }
    // From the last successful preview.
    const std::optional<ImportPreview>& lastPreview() const { return m_preview; }
    bool isPreviewing() const;

    void initializePage() override;
    bool validatePage() override;

public Q_SLOTS:
    void refreshPreview(bool immediately = false);

Q_SIGNALS:
    void previewUpdated();

private:
    void onPreviewStarted();
    void onPreview(const Result<ImportPreview>& preview);
    void showState(const QString& text, bool error);

    std::function<ImportRequest()> m_baseRequest;
    QComboBox* m_format;
    QLabel* m_detected;
    MappingEditor* m_editor;
    PresetBar* m_presets;
    ImportPreviewModel* m_model;
    QTableView* m_table;
    QLabel* m_state;
    PreviewRunner* m_runner;
    std::optional<ImportPreview> m_preview;
};

} // namespace overrule
