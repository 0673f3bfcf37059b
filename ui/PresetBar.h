#pragma once

#include "MappingPresets.h"
#include "Result.h"

#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QPushButton;

namespace overrule {

// Saved mappings for the import wizard: choose a preset to load it, save the current mapping
// under a name, and exchange mapping files (import one, export the current one).
class PresetBar : public QWidget
{
    Q_OBJECT
public:
    // `currentMapping` returns the mapping text to save or export.
    PresetBar(std::function<QString()> currentMapping, QWidget* parent = nullptr);

    void setPresets(MappingPresets presets);
    const MappingPresets& presets() const { return m_presets; }
    void reload();

    // The buttons ask for a name or a file, then call these.
    Status savePreset(const QString& name);
    Status loadPreset(const QString& name);
    Status importFile(const QString& path);
    Status exportFile(const QString& path);

Q_SIGNALS:
    // A preset or file was chosen; `origin` names it for the status line.
    void mappingLoaded(const QString& json, const QString& origin);

private:
    void askSave();
    void askImport();
    void askExport();
    void report(const Status& status);

    std::function<QString()> m_current;
    MappingPresets m_presets;
    QComboBox* m_list;
    QPushButton* m_load;
    QLabel* m_state;
};

} // namespace overrule
