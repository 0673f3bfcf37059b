#pragma once

#include "MappingDraft.h"

#include <QStringList>
#include <QWidget>
#include <vector>

class QCheckBox;
class QPushButton;
class QTableWidget;

namespace overrule {

// Edits one value map of a mapping: rows "raw value in the file -> Overrule's value", exact
// values or regular expressions tried in order. The Overrule side is a fixed choice list.
class ValueMapEditor : public QWidget
{
    Q_OBJECT
public:
    // `choices`: Overrule's values for this field ("full_refusal", ...); an empty entry, shown as
    // "unknown", maps to null.
    ValueMapEditor(const QStringList& choices, QWidget* parent = nullptr);

    void setRows(const std::vector<MappingDraft::ValueRow>& rows, bool regex);
    std::vector<MappingDraft::ValueRow> rows() const;
    bool isRegex() const;
    // Raw values seen in the preview; "Add seen values" adds rows for the ones not mapped yet.
    void setSeenValues(const QStringList& values);
    void addRow(const QString& raw = {}, const QString& value = {});

Q_SIGNALS:
    void changed();

private:
    void addSeenValues();
    void removeSelectedRows();
    void updateButtons();

    QStringList m_choices;
    QStringList m_seen;
    QTableWidget* m_table;
    QCheckBox* m_regex;
    QPushButton* m_remove;
    QPushButton* m_addSeen;
    bool m_updating = false;
};

} // namespace overrule
