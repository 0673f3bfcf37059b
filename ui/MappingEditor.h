#pragma once

#include "MappingDraft.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTimer;

namespace overrule {

class ValueMapEditor;

// The mapping of the import wizard, two ways: a source-field combo per Overrule field with the
// verdict and intent value maps, and the mapping file's JSON text. Both edit one MappingDraft
// and are kept in sync; invalid JSON is reported and leaves the last valid mapping in force.
class MappingEditor : public QWidget
{
    Q_OBJECT
public:
    // The Overrule fields offered as combos, in order.
    static const QStringList& editableFields();

    explicit MappingEditor(QWidget* parent = nullptr);

    const MappingDraft& draft() const { return m_draft; }
    // The JSON text as shown; may be newer than draft() while it is invalid.
    QString text() const;
    // Loads a mapping document (a preset, a file). Returns false and shows why when invalid.
    bool setText(const QString& json);
    // Whether the text on screen is the draft (false while the JSON text has an error).
    bool isValid() const { return m_textError.isEmpty(); }
    const QString& textError() const { return m_textError; }

    // Field paths the source offers (from the preview), listed in every combo.
    void setSourceFields(const QStringList& fields);
    // Raw verdicts seen in the preview, offered to the verdict value map.
    void setSeenVerdicts(const QStringList& values);
    // Sets one field as if chosen in its combo (tests, presets of one field).
    void setField(const QString& key, const QString& source);
    QComboBox* fieldCombo(const QString& key) const { return m_combos.value(key); }
    ValueMapEditor* valueEditor(const QString& key) const { return m_valueEditors.value(key); }
    void showJson();
    void showValues();

Q_SIGNALS:
    // The draft changed (a control, or valid JSON text).
    void mappingChanged();

private:
    QWidget* buildFieldsTab();
    QWidget* buildValuesTab();
    QWidget* buildJsonTab();
    void onFieldEdited(const QString& key);
    void onValuesEdited(const QString& key);
    void onTextEdited();
    void refreshControls();
    void refreshText();
    void showTextState();

    MappingDraft m_draft;
    QHash<QString, QComboBox*> m_combos;
    QHash<QString, ValueMapEditor*> m_valueEditors;
    QTabWidget* m_tabs;
    QPlainTextEdit* m_json = nullptr;
    QLabel* m_jsonState = nullptr;
    QTimer* m_textDelay;
    QString m_textError;
    QStringList m_sourceFields;
    bool m_syncing = false;
};

} // namespace overrule
